//! `quiz stats` in the terminal: tables, a forecast drawn in bar characters and a calendar
//! heatmap. Deck text goes through `term::clean_line`; the wording is kept in [`msg`] so
//! that it can move to a message catalogue.

use std::fmt::Write as _;

use super::exam::ExamReport;
use super::{FactLine, Group, Passed, Stats};

/// Every sentence and heading this view prints.
mod msg {
    pub const TITLE: &str = "Study statistics for {today} (study days begin at {hour}:00)";
    pub const PERIOD_HEAD: &str = "answers      time  new facts            true retention: young          mature             all";
    pub const FORECAST: &str = "Reviews due (today, overdue included, then the next 29 days)";
    pub const FORECAST_SUM: &str =
        "today {today} · tomorrow {tomorrow} · next 7 days {week} · next 30 days {month}";
    pub const CALENDAR: &str = "Study calendar (last 26 weeks; darker = more answers)";
    pub const CALENDAR_KEY: &str = "· none  ░ few  ▒  ▓  █ most ({max} answers in a day)";
    pub const STREAK: &str = "Streak: {current} (longest {longest}; {studied} studied in all)";
    pub const DECKS: &str = "Facts per deck";
    pub const MEETINGS: &str = "Facts per meeting";
    pub const GROUP_HEAD: &str = "facts    new  learning  known  suspended  leeches  recall now";
    pub const LISTS: &str = "Lists (asked whole in an exam)";
    pub const HARDEST: &str = "Hardest facts (forgotten most often)";
    pub const LEECHES: &str = "Leeches";
    pub const SUSPENDED: &str = "Suspended facts";
    pub const NONE: &str = "none";
    pub const FACT_HEAD: &str = "state      recall  lapses  due";
    pub const EXAM: &str = "Exam on {date} (in {days}; {decks})";
    pub const READY: &str = "ready: {pct}% of facts at ≥ {target}% on the exam day at your pace ({ready} of {facts}; {pace} a day)";
    pub const READY_NOW: &str = "if you stopped studying now: {pct}% ready ({ready} of {facts})";
    pub const NEEDED: &str = "to recall {target}% of them on the day: about {minutes} a day (at {spa} s per answer, {from})";
    pub const NEEDED_NONE: &str =
        "to recall {target}% of them on the day: more than {minutes} minutes a day";
    pub const NOT_PLANNED: &str = "no plan at your pace: the exam is {why}";
    pub const SPA_HISTORY: &str = "your own pace";
    pub const SPA_DEFAULT: &str = "the default: no answer timed yet";
    pub const NO_FACTS: &str = "No facts yet: `quiz add-deck --builtin` adds the built-in decks.";
}

fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut s = template.to_owned();
    for (k, v) in args {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

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

fn minutes(secs: u64) -> String {
    if secs < 60 {
        format!("{secs} s")
    } else if secs < 3_600 {
        format!("{} min", secs / 60)
    } else {
        format!("{} h {:02} min", secs / 3_600, secs % 3_600 / 60)
    }
}

fn days(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// The whole report as text.
pub fn render(s: &Stats) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}\n",
        fill(
            msg::TITLE,
            &[
                ("today", s.today.clone()),
                ("hour", format!("{:02}", s.rollover_hour))
            ]
        )
    );
    if s.decks.is_empty() {
        let _ = writeln!(o, "{}", msg::NO_FACTS);
        return o;
    }
    for e in &s.exams {
        exam(&mut o, e, s.desired_retention);
    }
    let _ = writeln!(o, "{:8} {}", "", msg::PERIOD_HEAD);
    for p in &s.periods {
        let _ = writeln!(
            o,
            "{:8} {:>7} {:>9} {:>10}   {:>22} {:>15} {:>15}",
            p.label,
            p.answers,
            minutes(p.seconds),
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
            msg::STREAK,
            &[
                ("current", days(i64::from(s.streak.current), "day")),
                ("longest", days(i64::from(s.streak.longest), "day")),
                ("studied", days(i64::from(s.streak.days_studied), "day")),
            ]
        )
    );
    groups(&mut o, msg::DECKS, &s.decks);
    groups(&mut o, msg::MEETINGS, &s.meetings);
    facts(&mut o, msg::LISTS, &s.lists);
    facts(&mut o, msg::HARDEST, &s.hardest);
    facts(&mut o, msg::LEECHES, &s.leeches);
    facts(&mut o, msg::SUSPENDED, &s.suspended);
    o
}

fn exam(o: &mut String, e: &ExamReport, target: f32) {
    let target_pct = format!("{:.0}", target * 100.0);
    let share = |n: u32| {
        if e.facts == 0 {
            0
        } else {
            (f64::from(n) * 100.0 / f64::from(e.facts)).floor() as u32
        }
    };
    let _ = writeln!(
        o,
        "{}",
        fill(
            msg::EXAM,
            &[
                ("date", e.date.clone()),
                ("days", days(e.days_left, "day")),
                ("decks", clean(&e.decks.join(", "))),
            ]
        )
    );
    if let Some(why) = e.not_planned {
        let _ = writeln!(
            o,
            "  {}",
            fill(
                msg::READY_NOW,
                &[
                    ("pct", share(e.ready_now).to_string()),
                    ("ready", e.ready_now.to_string()),
                    ("facts", e.facts.to_string()),
                ]
            )
        );
        let _ = writeln!(
            o,
            "  {}\n",
            fill(msg::NOT_PLANNED, &[("why", why.to_owned())])
        );
        return;
    }
    let _ = writeln!(
        o,
        "  {}",
        fill(
            msg::READY,
            &[
                ("pct", share(e.ready_at_pace.unwrap_or(0)).to_string()),
                ("target", target_pct.clone()),
                ("ready", e.ready_at_pace.unwrap_or(0).to_string()),
                ("facts", e.facts.to_string()),
                ("pace", format!("{:.0} min", e.pace_minutes)),
            ]
        )
    );
    let _ = writeln!(
        o,
        "  {}",
        fill(
            msg::READY_NOW,
            &[
                ("pct", share(e.ready_now).to_string()),
                ("ready", e.ready_now.to_string()),
                ("facts", e.facts.to_string()),
            ]
        )
    );
    let line = match e.minutes_needed {
        Some(m) => fill(
            msg::NEEDED,
            &[
                ("target", target_pct),
                ("minutes", format!("{m} min")),
                ("spa", format!("{:.1}", e.seconds_per_answer)),
                (
                    "from",
                    if e.seconds_per_answer_from == "history" {
                        msg::SPA_HISTORY
                    } else {
                        msg::SPA_DEFAULT
                    }
                    .to_owned(),
                ),
            ],
        ),
        None => fill(
            msg::NEEDED_NONE,
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
    let _ = writeln!(o, "{}", msg::FORECAST);
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
            msg::FORECAST_SUM,
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
    let _ = writeln!(o, "{}", msg::CALENDAR);
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
    let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    // Month labels over the week their first day falls in.
    let mut months = vec![' '; weeks * 2];
    let mut last_month = "";
    for (i, d) in s.calendar.iter().enumerate() {
        let m = &d.date[5..7];
        if m != last_month {
            let col = (i + lead) / 7 * 2;
            let label = month_name(m);
            if col + label.len() <= months.len()
                && months[col..col + label.len()].iter().all(|c| *c == ' ')
            {
                for (j, c) in label.chars().enumerate() {
                    months[col + j] = c;
                }
            }
            last_month = m;
        }
    }
    let _ = writeln!(o, "      {}", months.iter().collect::<String>().trim_end());
    for (row, name) in names.iter().enumerate() {
        let mut line = format!("  {name} ");
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
        fill(msg::CALENDAR_KEY, &[("max", max.to_string())])
    );
}

fn month_name(mm: &str) -> &'static str {
    match mm {
        "01" => "Jan",
        "02" => "Feb",
        "03" => "Mar",
        "04" => "Apr",
        "05" => "May",
        "06" => "Jun",
        "07" => "Jul",
        "08" => "Aug",
        "09" => "Sep",
        "10" => "Oct",
        "11" => "Nov",
        _ => "Dec",
    }
}

fn groups(o: &mut String, title: &str, gs: &[Group]) {
    let _ = writeln!(o, "{title}");
    let _ = writeln!(o, "  {} {}", cell("", 32), msg::GROUP_HEAD);
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
        let _ = writeln!(o, "  {}\n", msg::NONE);
        return;
    }
    let _ = writeln!(o, "  {} {}", cell("", 44), msg::FACT_HEAD);
    for f in fs {
        let _ = writeln!(
            o,
            "  {} {:<9} {:>6} {:>7}  {}",
            cell(&f.label, 44),
            f.state,
            pct(f.recall),
            f.lapses,
            f.due.as_deref().unwrap_or("—")
        );
    }
    let _ = writeln!(o);
}
