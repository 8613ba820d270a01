//! `quiz stats --html`: the same report as one self-contained page (inline CSS and SVG, no
//! script, nothing fetched). Every text from a deck is HTML-escaped. Each chart's bars carry
//! `data-date` and `data-value`, the figures of the JSON report, so a test can check them.

use std::fmt::Write as _;

use super::exam::ExamReport;
use super::{DayCount, FactLine, Group, Passed, Stats};

/// Headings and sentences of the page.
mod msg {
    use crate::t;

    pub fn title() -> String {
        t!("stats.html.title")
    }
    pub fn subtitle() -> String {
        t!("stats.html.subtitle")
    }
    pub fn recent() -> String {
        t!("stats.html.recent")
    }
    /// The column headings, `|`-separated in the catalogue.
    pub fn period_cols() -> Vec<String> {
        t!("stats.html.period_cols")
            .split('|')
            .map(str::to_owned)
            .collect()
    }
    pub fn answers() -> String {
        t!("stats.html.answers")
    }
    pub fn forecast() -> String {
        t!("stats.html.forecast")
    }
    pub fn calendar() -> String {
        t!("stats.html.calendar")
    }
    pub fn streak() -> String {
        t!("stats.html.streak")
    }
    pub fn decks() -> String {
        t!("stats.html.decks")
    }
    pub fn meetings() -> String {
        t!("stats.html.meetings")
    }
    /// The column headings, `|`-separated in the catalogue.
    pub fn group_cols() -> Vec<String> {
        t!("stats.html.group_cols")
            .split('|')
            .map(str::to_owned)
            .collect()
    }
    pub fn lists() -> String {
        t!("stats.html.lists")
    }
    pub fn hardest() -> String {
        t!("stats.html.hardest")
    }
    pub fn leeches() -> String {
        t!("stats.html.leeches")
    }
    pub fn suspended() -> String {
        t!("stats.html.suspended")
    }
    /// The column headings, `|`-separated in the catalogue.
    pub fn fact_cols() -> Vec<String> {
        t!("stats.html.fact_cols")
            .split('|')
            .map(str::to_owned)
            .collect()
    }
    pub fn none() -> String {
        t!("stats.html.none")
    }
    pub fn exam() -> String {
        t!("stats.html.exam")
    }
    pub fn ready() -> String {
        t!("stats.html.ready")
    }
    pub fn ready_now() -> String {
        t!("stats.html.ready_now")
    }
    pub fn needed() -> String {
        t!("stats.html.needed")
    }
    pub fn not_planned() -> String {
        t!("stats.html.not_planned")
    }
    pub fn needed_none() -> String {
        t!("stats.html.needed_none")
    }
}

use super::fill;

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters have no place in a page (and are not well-formed XML).
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn pct(r: Option<f64>) -> String {
    r.map_or_else(|| "—".to_owned(), |r| format!("{:.0}%", r * 100.0))
}

fn passed(p: Passed) -> String {
    match p.rate {
        Some(r) => format!("{:.0}% ({}/{})", r * 100.0, p.passed, p.reviews),
        None => "—".to_owned(),
    }
}

const STYLE: &str =
    "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222;padding:0 1em}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5em 0}td,th{padding:.2em .6em;text-align:right}
td:first-child,th:first-child{text-align:left}td{white-space:nowrap}td:first-child{white-space:normal}tr:nth-child(even){background:#f6f6f6}
.chart text{font-size:10px;fill:#555}.bar{fill:#4a7fc1}.due{fill:#c1834a}
.exam{background:#eef5ee;padding:.6em 1em;border-left:4px solid #4a9a4a}
.c0{fill:#ebedf0}.c1{fill:#c6e48b}.c2{fill:#7bc96f}.c3{fill:#239a3b}.c4{fill:#196127}";

/// The whole report as a page.
pub fn render(s: &Stats) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p>{}</p>\n",
        crate::i18n::lang().code(),
        esc(&msg::title()),
        esc(&msg::title()),
        esc(&fill(
            &msg::subtitle(),
            &[
                ("today", s.today.clone()),
                ("hour", format!("{:02}", s.rollover_hour))
            ]
        ))
    );
    for e in &s.exams {
        exam(&mut o, e, s.desired_retention);
    }
    let _ = writeln!(
        o,
        "<h2>{}</h2>\n<table id=\"periods\">",
        esc(&msg::recent())
    );
    header(&mut o, &msg::period_cols());
    for p in &s.periods {
        let _ = writeln!(
            o,
            "<tr data-period=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(p.label),
            esc(&super::text::period_label(p.label)),
            p.answers,
            p.seconds / 60,
            p.new_facts,
            esc(&passed(p.retention.young)),
            esc(&passed(p.retention.mature)),
            esc(&passed(p.retention.total))
        );
    }
    let _ = writeln!(o, "</table>");
    let last30: Vec<DayCount> = s
        .calendar
        .iter()
        .rev()
        .take(30)
        .rev()
        .map(|d| DayCount {
            date: d.date.clone(),
            count: d.answers,
        })
        .collect();
    let _ = writeln!(o, "<h2>{}</h2>", esc(&msg::answers()));
    bars(&mut o, "answers-chart", "bar", &last30);
    let _ = writeln!(o, "<h2>{}</h2>", esc(&msg::forecast()));
    bars(&mut o, "forecast-chart", "due", &s.forecast);
    let _ = writeln!(o, "<h2>{}</h2>", esc(&msg::calendar()));
    calendar(&mut o, s);
    let _ = writeln!(
        o,
        "<p id=\"streak\">{}</p>",
        esc(&fill(
            &msg::streak(),
            &[
                ("current", s.streak.current.to_string()),
                ("longest", s.streak.longest.to_string()),
                ("studied", s.streak.days_studied.to_string()),
            ]
        ))
    );
    groups(&mut o, "decks", &msg::decks(), &s.decks);
    groups(&mut o, "meetings", &msg::meetings(), &s.meetings);
    facts(&mut o, "lists", &msg::lists(), &s.lists);
    facts(&mut o, "hardest", &msg::hardest(), &s.hardest);
    facts(&mut o, "leeches", &msg::leeches(), &s.leeches);
    facts(&mut o, "suspended", &msg::suspended(), &s.suspended);
    o.push_str("</body>\n</html>\n");
    o
}

fn header(o: &mut String, cols: &[String]) {
    o.push_str("<tr>");
    for c in cols {
        let _ = write!(o, "<th>{}</th>", esc(c));
    }
    o.push_str("</tr>\n");
}

fn exam(o: &mut String, e: &ExamReport, target: f32) {
    let target_pct = format!("{:.0}", target * 100.0);
    let _ = writeln!(
        o,
        "<div class=\"exam\" data-date=\"{}\" data-ready=\"{}\" data-facts=\"{}\">\n<h2>{}</h2>",
        esc(&e.date),
        e.ready_at_pace.map_or_else(String::new, |r| r.to_string()),
        e.facts,
        esc(&fill(
            &msg::exam(),
            &[("date", e.date.clone()), ("days", e.days_left.to_string())]
        ))
    );
    if let Some(why) = e.not_planned {
        let line = fill(&msg::ready_now(), &e.ready_now_values());
        let _ = writeln!(
            o,
            "<p>{}</p>\n<p>{}</p>\n</div>",
            esc(&line),
            esc(&fill(
                &msg::not_planned(),
                &[("why", super::text::not_planned_why(why))]
            ))
        );
        return;
    }
    let lines = [
        fill(
            &msg::ready(),
            &[
                ("pct", e.share(e.ready_at_pace.unwrap_or(0)).to_string()),
                ("target", target_pct.clone()),
                ("ready", e.ready_at_pace.unwrap_or(0).to_string()),
                ("facts", e.facts.to_string()),
                ("pace", format!("{:.0}", e.pace_minutes)),
            ],
        ),
        fill(&msg::ready_now(), &e.ready_now_values()),
        match e.minutes_needed {
            Some(m) => fill(
                &msg::needed(),
                &[
                    ("target", target_pct),
                    ("minutes", m.to_string()),
                    ("spa", format!("{:.1}", e.seconds_per_answer)),
                ],
            ),
            None => fill(
                &msg::needed_none(),
                &[
                    ("target", target_pct),
                    ("minutes", super::exam::MAX_MINUTES.to_string()),
                ],
            ),
        },
    ];
    for l in lines {
        let _ = writeln!(o, "<p>{}</p>", esc(&l));
    }
    let _ = writeln!(o, "</div>");
}

/// A bar chart: one bar per day, its height scaled to the largest.
fn bars(o: &mut String, id: &str, class: &str, days: &[DayCount]) {
    let (bw, h, top, bottom) = (18usize, 120u32, 14u32, 16u32);
    let width = days.len() * bw + 40;
    let max = days.iter().map(|d| d.count).max().unwrap_or(0);
    let _ = writeln!(
        o,
        "<svg id=\"{id}\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{}\" role=\"img\">",
        h + top + bottom
    );
    let _ = writeln!(o, "<text x=\"0\" y=\"10\">max {max}</text>");
    for (i, d) in days.iter().enumerate() {
        let bh = (d.count * h).checked_div(max).unwrap_or(0);
        let x = 30 + i * bw;
        let _ = writeln!(
            o,
            "<rect class=\"{class}\" data-date=\"{}\" data-value=\"{}\" x=\"{x}\" y=\"{}\" width=\"{}\" height=\"{bh}\"><title>{}: {}</title></rect>",
            esc(&d.date),
            d.count,
            top + h - bh,
            bw - 3,
            esc(&d.date),
            d.count
        );
        if i % 7 == 0 {
            let _ = writeln!(
                o,
                "<text x=\"{x}\" y=\"{}\">{}</text>",
                top + h + 12,
                esc(d.date.get(5..).unwrap_or(&d.date))
            );
        }
    }
    let _ = writeln!(o, "</svg>");
}

fn calendar(o: &mut String, s: &Stats) {
    let max = s.calendar.iter().map(|d| d.answers).max().unwrap_or(0);
    let Some(first) = s.calendar.first() else {
        return;
    };
    let first_day = crate::schedule::parse_exam_date(&first.date)
        .ok()
        .flatten()
        .unwrap_or(0);
    // Monday first; 1970-01-01 was a Thursday.
    let lead = (first_day + 3).rem_euclid(7) as usize;
    let cell = 13usize;
    let weeks = (s.calendar.len() + lead).div_ceil(7);
    let _ = writeln!(
        o,
        "<svg id=\"calendar\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" role=\"img\">",
        weeks * cell + 40,
        7 * cell + 20
    );
    for (row, name) in ["Mon", "Wed", "Fri"].iter().enumerate() {
        let _ = writeln!(
            o,
            "<text x=\"0\" y=\"{}\">{name}</text>",
            (row * 2 + 1) * cell + 10
        );
    }
    for (i, d) in s.calendar.iter().enumerate() {
        let k = i + lead;
        let level = if d.answers == 0 || max == 0 {
            0
        } else {
            ((d.answers * 4).div_ceil(max)).clamp(1, 4)
        };
        let _ = writeln!(
            o,
            "<rect class=\"c{level}\" data-date=\"{}\" data-value=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}: {} answers</title></rect>",
            esc(&d.date),
            d.answers,
            30 + k / 7 * cell,
            k % 7 * cell,
            cell - 2,
            cell - 2,
            esc(&d.date),
            d.answers
        );
    }
    let _ = writeln!(o, "</svg>");
}

fn groups(o: &mut String, id: &str, title: &str, gs: &[Group]) {
    let _ = writeln!(o, "<h2>{}</h2>\n<table id=\"{id}\">", esc(title));
    header(o, &msg::group_cols());
    for g in gs {
        let name = if g.title.is_empty() {
            esc(&g.id)
        } else {
            format!("{}<br/><small>{}</small>", esc(&g.id), esc(&g.title))
        };
        let _ = writeln!(
            o,
            "<tr><td>{name}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            g.facts,
            g.new,
            g.learning,
            g.known,
            g.suspended,
            g.leeches,
            pct(g.mean_recall)
        );
    }
    let _ = writeln!(o, "</table>");
}

fn facts(o: &mut String, id: &str, title: &str, fs: &[FactLine]) {
    let _ = writeln!(o, "<h2>{} ({})</h2>", esc(title), fs.len());
    if fs.is_empty() {
        let _ = writeln!(o, "<p id=\"{id}\">{}</p>", esc(&msg::none()));
        return;
    }
    let _ = writeln!(o, "<table id=\"{id}\">");
    header(o, &msg::fact_cols());
    for f in fs {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&f.label),
            esc(&f.deck),
            esc(&super::text::state_label(f.state)),
            pct(f.recall),
            f.lapses,
            esc(f.due.as_deref().unwrap_or("—"))
        );
    }
    let _ = writeln!(o, "</table>");
}
