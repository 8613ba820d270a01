//! `quiz stats` in the terminal: tables, a forecast drawn in bar characters and a calendar
//! heatmap. Deck text goes through `term::clean_line`; the wording is in the message
//! catalogue (`stats.*`, gathered in `msg`). Column headings are one message each, aligned
//! by hand over the columns below them: keep the widths when translating.

use std::fmt::Write as _;

use super::exam::ExamReport;
use super::{FactLine, Group, Passed, Stats};
use crate::{t, tn};

/// Every sentence and heading this view prints.
mod msg {
    use crate::t;

    pub fn title() -> String {
        t!("stats.title")
    }
    pub fn period_head() -> String {
        t!("stats.period_head")
    }
    pub fn forecast() -> String {
        t!("stats.forecast")
    }
    pub fn forecast_sum() -> String {
        t!("stats.forecast_sum")
    }
    pub fn calendar() -> String {
        t!("stats.calendar")
    }
    pub fn calendar_key() -> String {
        t!("stats.calendar_key")
    }
    pub fn streak() -> String {
        t!("stats.streak")
    }
    pub fn decks() -> String {
        t!("stats.decks")
    }
    pub fn meetings() -> String {
        t!("stats.meetings")
    }
    pub fn group_head() -> String {
        t!("stats.group_head")
    }
    pub fn lists() -> String {
        t!("stats.lists")
    }
    pub fn hardest() -> String {
        t!("stats.hardest")
    }
    pub fn leeches() -> String {
        t!("stats.leeches")
    }
    pub fn suspended() -> String {
        t!("stats.suspended")
    }
    pub fn none() -> String {
        t!("stats.none")
    }
    pub fn fact_head() -> String {
        t!("stats.fact_head")
    }
    pub fn exam() -> String {
        t!("stats.exam")
    }
    pub fn ready() -> String {
        t!("stats.ready")
    }
    pub fn ready_now() -> String {
        t!("stats.ready_now")
    }
    pub fn needed() -> String {
        t!("stats.needed")
    }
    pub fn needed_none() -> String {
        t!("stats.needed_none")
    }
    pub fn not_planned() -> String {
        t!("stats.not_planned")
    }
    pub fn spa_history() -> String {
        t!("stats.spa_history")
    }
    pub fn spa_default() -> String {
        t!("stats.spa_default")
    }
    pub fn no_facts() -> String {
        t!("stats.no_facts")
    }
}

use super::fill;

fn clean(s: &str) -> String {
    crate::term::clean_line(s).into_owned()
}

/// Pads (or cuts, with …) `s` to `width` terminal columns.
fn cell(s: &str, width: usize) -> String {
    let s = clean(s);
    let w = console::measure_text_width(&s);
    if w <= width {
        return format!("{s}{}", " ".repeat(width - w));
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = console::measure_text_width(c.encode_utf8(&mut [0; 4]));
        if used + cw + 1 > width {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    used += 1;
    format!("{out}{}", " ".repeat(width.saturating_sub(used)))
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

/// Pads `s` on the left to `width` terminal columns (`{:>width}` counts characters, and a
/// Chinese character takes two columns).
fn right(s: &str, width: usize) -> String {
    let w = console::measure_text_width(s);
    format!("{}{s}", " ".repeat(width.saturating_sub(w)))
}

fn minutes(secs: u64) -> String {
    if secs < 60 {
        t!("stats.seconds", n = secs)
    } else if secs < 3_600 {
        t!("stats.minutes", n = secs / 60)
    } else {
        t!(
            "stats.hours",
            h = secs / 3_600,
            m = format!("{:02}", secs % 3_600 / 60)
        )
    }
}

fn days(n: i64) -> String {
    tn!("stats.days", n)
}

/// A period's label (`today`, `7 days`, `30 days`: English in the JSON) as the terminal shows it.
pub(super) fn period_label(label: &str) -> String {
    match label {
        "today" => t!("stats.period.today"),
        "7 days" => t!("stats.period.week"),
        "30 days" => t!("stats.period.month"),
        other => other.to_owned(),
    }
}

/// Why no plan was made ([`super::exam::TOO_FAR`]: English in the JSON) as the reader sees it.
pub(super) fn not_planned_why(why: &str) -> String {
    if why == super::exam::TOO_FAR {
        t!("stats.too_far")
    } else {
        why.to_owned()
    }
}

/// A fact's state (`new`, `learning`, `known`: English in the JSON) as the terminal shows it.
pub(super) fn state_label(state: &str) -> String {
    match state {
        "new" => t!("stats.state.new"),
        "learning" => t!("stats.state.learning"),
        "known" => t!("stats.state.known"),
        other => other.to_owned(),
    }
}

/// The whole report as text.
pub fn render(s: &Stats) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}\n",
        fill(
            &msg::title(),
            &[
                ("today", s.today.clone()),
                ("hour", format!("{:02}", s.rollover_hour))
            ]
        )
    );
    if s.decks.is_empty() {
        let _ = writeln!(o, "{}", &msg::no_facts());
        return o;
    }
    for e in &s.exams {
        exam(&mut o, e, s.desired_retention);
    }
    let _ = writeln!(o, "{:8} {}", "", &msg::period_head());
    for p in &s.periods {
        let _ = writeln!(
            o,
            "{} {:>7} {} {:>10}   {:>22} {:>15} {:>15}",
            cell(&period_label(p.label), 8),
            p.answers,
            right(&minutes(p.seconds), 9),
            p.new_facts,
            passed(p.retention.young),
            passed(p.retention.mature),
            passed(p.retention.total)
        );
    }
    let _ = writeln!(o);
    forecast(&mut o, s);
    calendar(&mut o, s);
    let _ = writeln!(
        o,
        "{}\n",
        fill(
            &msg::streak(),
            &[
                ("current", days(i64::from(s.streak.current))),
                ("longest", days(i64::from(s.streak.longest))),
                ("studied", days(i64::from(s.streak.days_studied))),
            ]
        )
    );
    groups(&mut o, &msg::decks(), &s.decks);
    groups(&mut o, &msg::meetings(), &s.meetings);
    facts(&mut o, &msg::lists(), &s.lists);
    facts(&mut o, &msg::hardest(), &s.hardest);
    facts(&mut o, &msg::leeches(), &s.leeches);
    facts(&mut o, &msg::suspended(), &s.suspended);
    o
}

fn exam(o: &mut String, e: &ExamReport, target: f32) {
    let target_pct = format!("{:.0}", target * 100.0);
    let _ = writeln!(
        o,
        "{}",
        fill(
            &msg::exam(),
            &[
                ("date", e.date.clone()),
                ("days", days(e.days_left)),
                ("decks", clean(&e.decks.join(", "))),
            ]
        )
    );
    if let Some(why) = e.not_planned {
        let _ = writeln!(o, "  {}", fill(&msg::ready_now(), &e.ready_now_values()));
        let _ = writeln!(
            o,
            "  {}\n",
            fill(&msg::not_planned(), &[("why", not_planned_why(why))])
        );
        return;
    }
    let _ = writeln!(
        o,
        "  {}",
        fill(
            &msg::ready(),
            &[
                ("pct", e.share(e.ready_at_pace.unwrap_or(0)).to_string()),
                ("target", target_pct.clone()),
                ("ready", e.ready_at_pace.unwrap_or(0).to_string()),
                ("facts", e.facts.to_string()),
                (
                    "pace",
                    t!("stats.minutes", n = format!("{:.0}", e.pace_minutes))
                ),
            ]
        )
    );
    let _ = writeln!(o, "  {}", fill(&msg::ready_now(), &e.ready_now_values()));
    let line = match e.minutes_needed {
        Some(m) => fill(
            &msg::needed(),
            &[
                ("target", target_pct),
                ("minutes", t!("stats.minutes", n = m)),
                ("spa", format!("{:.1}", e.seconds_per_answer)),
                (
                    "from",
                    if e.seconds_per_answer_from == "history" {
                        msg::spa_history()
                    } else {
                        msg::spa_default()
                    },
                ),
            ],
        ),
        None => fill(
            &msg::needed_none(),
            &[
                ("target", target_pct),
                ("minutes", super::exam::MAX_MINUTES.to_string()),
            ],
        ),
    };
    let _ = writeln!(o, "  {line}\n");
}

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

fn forecast(o: &mut String, s: &Stats) {
    let _ = writeln!(o, "{}", &msg::forecast());
    let counts: Vec<u32> = s.forecast.iter().map(|d| d.count).collect();
    let max = counts.iter().copied().max().unwrap_or(0);
    // Four rows of eighths: a bar chart 32 levels high.
    const ROWS: u32 = 4;
    for row in (0..ROWS).rev() {
        let mut line = String::from("  ");
        for &c in &counts {
            let eighths = if max == 0 {
                0
            } else {
                (c * ROWS * 8).div_ceil(max)
            };
            let here = eighths.saturating_sub(row * 8).min(8);
            line.push(if here == 0 {
                if row == 0 && c == 0 { '·' } else { ' ' }
            } else {
                BARS[here as usize - 1]
            });
        }
        if row == ROWS - 1 {
            let _ = write!(line, "  {max}");
        }
        let _ = writeln!(o, "{}", line.trim_end());
    }
    if let (Some(first), Some(last)) = (s.forecast.first(), s.forecast.last()) {
        let width = s.forecast.len();
        let _ = writeln!(
            o,
            "  {:<w$}{}",
            &first.date[5..],
            &last.date[5..],
            w = width.saturating_sub(5)
        );
    }
    let sum = |n: usize| counts.iter().take(n).sum::<u32>().to_string();
    let _ = writeln!(
        o,
        "  {}\n",
        fill(
            &msg::forecast_sum(),
            &[
                ("today", sum(1)),
                ("tomorrow", counts.get(1).copied().unwrap_or(0).to_string()),
                ("week", sum(7)),
                ("month", sum(30)),
            ]
        )
    );
}

fn calendar(o: &mut String, s: &Stats) {
    let _ = writeln!(o, "{}", &msg::calendar());
    let max = s.calendar.iter().map(|d| d.answers).max().unwrap_or(0);
    let shade = |n: u32| -> char {
        if n == 0 || max == 0 {
            '·'
        } else {
            ['░', '▒', '▓', '█'][((n * 4).div_ceil(max) as usize).clamp(1, 4) - 1]
        }
    };
    // Columns are weeks, rows weekdays (Monday first), today in the last column.
    let weekday = |date: &str| -> usize {
        let n = crate::schedule::parse_exam_date(date)
            .ok()
            .flatten()
            .unwrap_or(0);
        // 1970-01-01 was a Thursday (index 3 with Monday 0).
        (n + 3).rem_euclid(7) as usize
    };
    let Some(first) = s.calendar.first() else {
        return;
    };
    let lead = weekday(&first.date);
    let cells: Vec<Option<u32>> = std::iter::repeat_n(None, lead)
        .chain(s.calendar.iter().map(|d| Some(d.answers)))
        .collect();
    let weeks = cells.len().div_ceil(7);
    let weekdays = t!("stats.weekdays");
    let names: Vec<&str> = weekdays.split_whitespace().collect();
    // Month labels over the week their first day falls in.
    let mut months = vec![' '; weeks * 2];
    let mut last_month = "";
    for (i, d) in s.calendar.iter().enumerate() {
        let m = &d.date[5..7];
        if m != last_month {
            let col = (i + lead) / 7 * 2;
            let label = month_name(m);
            // A wide (Chinese) character fills two columns: its second one holds '\0',
            // dropped when the row is written.
            let width = console::measure_text_width(&label);
            if col + width <= months.len() && months[col..col + width].iter().all(|c| *c == ' ') {
                let mut j = col;
                for c in label.chars() {
                    months[j] = c;
                    j += 1;
                    if console::measure_text_width(c.encode_utf8(&mut [0; 4])) == 2 {
                        months[j] = '\0';
                        j += 1;
                    }
                }
            }
            last_month = m;
        }
    }
    let _ = writeln!(
        o,
        "      {}",
        months
            .iter()
            .filter(|c| **c != '\0')
            .collect::<String>()
            .trim_end()
    );
    for (row, name) in names.iter().enumerate() {
        let mut line = format!("  {} ", cell(name, 3));
        for w in 0..weeks {
            let c = match cells.get(w * 7 + row) {
                Some(Some(n)) => shade(*n),
                _ => ' ',
            };
            line.push(c);
            line.push(' ');
        }
        let _ = writeln!(o, "{}", line.trim_end());
    }
    let _ = writeln!(
        o,
        "  {}",
        fill(&msg::calendar_key(), &[("max", max.to_string())])
    );
}

/// The short name of month `mm` (`01`…`12`).
fn month_name(mm: &str) -> String {
    let names = t!("stats.months");
    let i = mm.parse::<usize>().unwrap_or(12).clamp(1, 12) - 1;
    names.split_whitespace().nth(i).unwrap_or(mm).to_owned()
}

fn groups(o: &mut String, title: &str, gs: &[Group]) {
    let _ = writeln!(o, "{title}");
    let _ = writeln!(o, "  {} {}", cell("", 32), &msg::group_head());
    for g in gs {
        let name = if g.id.is_empty() {
            "—"
        } else {
            g.id.as_str()
        };
        let _ = writeln!(
            o,
            "  {} {:>5} {:>6} {:>9} {:>6} {:>10} {:>8} {:>11}",
            cell(name, 32),
            g.facts,
            g.new,
            g.learning,
            g.known,
            g.suspended,
            g.leeches,
            pct(g.mean_recall)
        );
    }
    let _ = writeln!(o);
}

fn facts(o: &mut String, title: &str, fs: &[FactLine]) {
    let _ = writeln!(o, "{title} ({})", fs.len());
    if fs.is_empty() {
        let _ = writeln!(o, "  {}\n", &msg::none());
        return;
    }
    let _ = writeln!(o, "  {} {}", cell("", 44), &msg::fact_head());
    for f in fs {
        let _ = writeln!(
            o,
            "  {} {} {:>6} {:>7}  {}",
            cell(&f.label, 44),
            cell(&state_label(f.state), 9),
            pct(f.recall),
            f.lapses,
            f.due.as_deref().unwrap_or("—")
        );
    }
    let _ = writeln!(o);
}
