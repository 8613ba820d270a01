//! The class report: many students' result files merged into the hardest facts, retention
//! per list and per source, and the answers students overruled as right; as text for the
//! terminal, Markdown or an HTML page.
//!
//! A fact is hard when many students failed it (answered Again or lapsed on any of its
//! questions), then when its answers were often Again, then when it lapsed often.
//! Retention is the share of answers that were not Again; recall is the mean current recall
//! probability (FSRS) of the students' cards.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use super::{ResultsFile, VERSION};
use crate::error::{Error, Result};
use crate::export::html_escape;

/// Reads and checks one result file.
pub fn load(path: &Path) -> Result<ResultsFile> {
    let bytes = crate::input::read_capped(path, crate::input::MAX_RESULTS_BYTES, "result file")?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::Usage(format!(
            "{}: not a result file (not UTF-8 text)",
            path.display()
        ))
    })?;
    let f: ResultsFile = serde_json::from_str(&text).map_err(|e| {
        Error::Usage(format!(
            "{}:{}:{}: not a quiz result file: {e}",
            path.display(),
            e.line(),
            e.column()
        ))
    })?;
    if f.format != "quiz-results" {
        return Err(Error::Usage(format!(
            "{}: not a quiz result file (format `{}`)",
            path.display(),
            f.format
        )));
    }
    if f.version > VERSION {
        return Err(Error::Usage(format!(
            "{}: written by a newer quiz (result format {}, this one reads up to {VERSION})",
            path.display(),
            f.version
        )));
    }
    for (i, q) in f.questions.iter().enumerate() {
        check_question(q).map_err(|why| {
            Error::Usage(format!(
                "{}: question {} (`{}`): {why}",
                path.display(),
                i + 1,
                crate::term::clean_line(&q.uid)
            ))
        })?;
    }
    Ok(f)
}

/// The most reviews one question can sensibly have had (a hundred a day for thirty years).
const MAX_REVIEWS: u32 = 1_000_000;

/// Numbers a real result file can hold: a probability between 0 and 1, a rating 1 to 4,
/// counts that fit within the reviews.
fn check_question(q: &super::QuestionResult) -> std::result::Result<(), String> {
    if let Some(r) = q.recall
        && !(r.is_finite() && (0.0..=1.0).contains(&r))
    {
        return Err(format!(
            "field `recall`: {r} is not a probability between 0 and 1"
        ));
    }
    if let Some(r) = q.last_rating
        && !(1..=4).contains(&r)
    {
        return Err(format!("field `last_rating`: {r} is not a rating 1 to 4"));
    }
    if q.reviews > MAX_REVIEWS {
        return Err(format!(
            "field `reviews`: {} is more than any question is reviewed",
            q.reviews
        ));
    }
    for (name, n) in [("lapses", q.lapses), ("again", q.again)] {
        if n > q.reviews {
            return Err(format!(
                "field `{name}`: {n} is more than the question's {} reviews",
                q.reviews
            ));
        }
    }
    Ok(())
}

/// Totals over a group of questions (one fact, one list, one source).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stat {
    pub deck: String,
    /// The fact id, or the source title for a source.
    pub key: String,
    pub label: String,
    pub fact_kind: String,
    /// Students who answered any of its questions.
    pub students: usize,
    /// Students who answered Again or lapsed on any of its questions.
    pub failed: usize,
    pub reviews: u64,
    pub again: u64,
    pub lapses: u64,
    recall_sum: f64,
    recall_n: u64,
}

impl Stat {
    /// Share of answers that were not Again.
    pub fn retention(&self) -> Option<f64> {
        (self.reviews > 0).then(|| 1.0 - self.again as f64 / self.reviews as f64)
    }

    pub fn again_rate(&self) -> f64 {
        if self.reviews == 0 {
            0.0
        } else {
            self.again as f64 / self.reviews as f64
        }
    }

    /// Mean current recall probability.
    pub fn recall(&self) -> Option<f64> {
        (self.recall_n > 0).then(|| self.recall_sum / self.recall_n as f64)
    }
}

/// An answer students overruled as right.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    pub uid: String,
    pub answer: String,
    pub students: usize,
}

/// The merged report.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub students: Vec<String>,
    pub answers: u64,
    /// Hardest first.
    pub facts: Vec<Stat>,
    /// Weakest retention first.
    pub lists: Vec<Stat>,
    pub sources: Vec<Stat>,
    pub overrides: Vec<Override>,
}

/// Merges result files into a report.
pub fn build(files: &[ResultsFile]) -> Report {
    let mut students = Vec::new();
    let mut seen_names = BTreeSet::new();
    let mut facts: BTreeMap<(String, String), Stat> = BTreeMap::new();
    let mut sources: BTreeMap<(String, String), Stat> = BTreeMap::new();
    let mut overrides: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut answers = 0;
    for (i, f) in files.iter().enumerate() {
        let base = f
            .name
            .clone()
            .unwrap_or_else(|| format!("student {}", i + 1));
        let mut name = base.clone();
        let mut n = 2;
        while !seen_names.insert(name.clone()) {
            name = format!("{base} ({n})");
            n += 1;
        }
        students.push(name);
        // Per student: which facts and sources they answered and failed.
        let mut touched: BTreeMap<(bool, String, String), bool> = BTreeMap::new();
        for q in &f.questions {
            answers += u64::from(q.reviews);
            let failed = q.again > 0 || q.lapses > 0;
            for (is_source, map, key, label) in [
                (false, &mut facts, q.fact.clone(), q.fact_label.clone()),
                (true, &mut sources, q.source.clone(), q.source.clone()),
            ] {
                let s = map
                    .entry((q.deck.clone(), key.clone()))
                    .or_insert_with(|| Stat {
                        deck: q.deck.clone(),
                        key: key.clone(),
                        label,
                        fact_kind: if is_source {
                            String::new()
                        } else {
                            q.fact_kind.clone()
                        },
                        ..Stat::default()
                    });
                s.reviews += u64::from(q.reviews);
                s.again += u64::from(q.again);
                s.lapses += u64::from(q.lapses);
                if let Some(r) = q.recall {
                    s.recall_sum += r;
                    s.recall_n += 1;
                }
                if q.reviews > 0 || failed {
                    let t = touched.entry((is_source, q.deck.clone(), key)).or_default();
                    *t |= failed;
                }
            }
            for a in &q.accepted_overrides {
                *overrides.entry((q.uid.clone(), a.clone())).or_default() += 1;
            }
        }
        for ((is_source, deck, key), failed) in touched {
            let map = if is_source { &mut sources } else { &mut facts };
            if let Some(s) = map.get_mut(&(deck, key)) {
                s.students += 1;
                s.failed += usize::from(failed);
            }
        }
    }
    let mut facts: Vec<Stat> = facts.into_values().collect();
    facts.sort_by(|a, b| {
        b.failed
            .cmp(&a.failed)
            .then(b.again_rate().total_cmp(&a.again_rate()))
            .then(b.lapses.cmp(&a.lapses))
            .then(a.deck.cmp(&b.deck))
            .then(a.key.cmp(&b.key))
    });
    let by_retention = |a: &Stat, b: &Stat| {
        a.retention()
            .unwrap_or(1.0)
            .total_cmp(&b.retention().unwrap_or(1.0))
            .then(a.deck.cmp(&b.deck))
            .then(a.key.cmp(&b.key))
    };
    let mut lists: Vec<Stat> = facts
        .iter()
        .filter(|s| s.fact_kind == "list")
        .cloned()
        .collect();
    lists.sort_by(by_retention);
    let mut sources: Vec<Stat> = sources.into_values().collect();
    sources.sort_by(by_retention);
    let mut overrides: Vec<Override> = overrides
        .into_iter()
        .map(|((uid, answer), students)| Override {
            uid,
            answer,
            students,
        })
        .collect();
    overrides.sort_by(|a, b| b.students.cmp(&a.students).then(a.uid.cmp(&b.uid)));
    Report {
        students,
        answers,
        facts,
        lists,
        sources,
        overrides,
    }
}

fn pct(x: Option<f64>) -> String {
    x.map_or("–".into(), |x| format!("{:.0}%", x * 100.0))
}

/// A table: header and rows of cells, rendered per output format.
struct Table {
    title: &'static str,
    note: &'static str,
    head: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

fn tables(r: &Report, top: usize) -> Vec<Table> {
    let n = r.students.len();
    vec![
        Table {
            title: "Hardest facts",
            note: "failed: students who answered Again or lapsed on any of the fact's questions",
            head: vec![
                "#", "failed", "again", "lapses", "recall", "fact", "kind", "what",
            ],
            rows: r
                .facts
                .iter()
                .filter(|s| s.failed > 0)
                .take(top)
                .enumerate()
                .map(|(i, s)| {
                    vec![
                        (i + 1).to_string(),
                        format!("{}/{n}", s.failed),
                        pct(Some(s.again_rate())),
                        s.lapses.to_string(),
                        pct(s.recall()),
                        format!("{}/{}", s.deck, s.key),
                        s.fact_kind.clone(),
                        s.label.clone(),
                    ]
                })
                .collect(),
        },
        Table {
            title: "Retention per list",
            note: "retention: answers not Again; recall: mean recall probability now",
            head: vec![
                "retention",
                "recall",
                "answers",
                "students",
                "list",
                "heading",
            ],
            rows: r
                .lists
                .iter()
                .map(|s| {
                    vec![
                        pct(s.retention()),
                        pct(s.recall()),
                        s.reviews.to_string(),
                        format!("{}/{n}", s.students),
                        format!("{}/{}", s.deck, s.key),
                        s.label.clone(),
                    ]
                })
                .collect(),
        },
        Table {
            title: "Retention per source",
            note: "",
            head: vec![
                "retention",
                "recall",
                "answers",
                "students",
                "deck",
                "source",
            ],
            rows: r
                .sources
                .iter()
                .map(|s| {
                    vec![
                        pct(s.retention()),
                        pct(s.recall()),
                        s.reviews.to_string(),
                        format!("{}/{n}", s.students),
                        s.deck.clone(),
                        s.label.clone(),
                    ]
                })
                .collect(),
        },
        Table {
            title: "Answers students overruled as right",
            note: "worth a look: add them to the deck's accepted answers, or explain why not",
            head: vec!["students", "question", "answer"],
            rows: r
                .overrides
                .iter()
                .map(|o| vec![o.students.to_string(), o.uid.clone(), o.answer.clone()])
                .collect(),
        },
    ]
}

fn summary(r: &Report) -> String {
    format!(
        "{} student{} ({}), {} answers",
        r.students.len(),
        if r.students.len() == 1 { "" } else { "s" },
        r.students.join(", "),
        r.answers
    )
}

/// Display width: East Asian wide characters take two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if ('\u{1100}'..='\u{115f}').contains(&c)
                || ('\u{2e80}'..='\u{a4cf}').contains(&c)
                || ('\u{ac00}'..='\u{d7a3}').contains(&c)
                || ('\u{f900}'..='\u{faff}').contains(&c)
                || ('\u{fe30}'..='\u{fe4f}').contains(&c)
                || ('\u{ff00}'..='\u{ff60}').contains(&c)
                || ('\u{ffe0}'..='\u{ffe6}').contains(&c)
            {
                2
            } else {
                1
            }
        })
        .sum()
}

/// The report for a terminal.
pub fn text(r: &Report, top: usize) -> String {
    let mut s = format!("Class report: {}\n", crate::term::clean_line(&summary(r)));
    for mut t in tables(r, top) {
        // Names, labels and answers come from students' files: nothing in them may steer
        // the terminal.
        for row in &mut t.rows {
            for c in row.iter_mut() {
                if let std::borrow::Cow::Owned(clean) = crate::term::clean_line(c) {
                    *c = clean;
                }
            }
        }
        let _ = write!(s, "\n{}\n", t.title);
        if t.rows.is_empty() {
            s.push_str("  (none)\n");
            continue;
        }
        let cols = t.head.len();
        let mut w = vec![0; cols];
        for row in std::iter::once(t.head.iter().map(|h| h.to_string()).collect::<Vec<_>>())
            .chain(t.rows.iter().cloned())
        {
            for (i, c) in row.iter().enumerate() {
                w[i] = w[i].max(width(c));
            }
        }
        let line = |cells: &[String]| {
            let mut l = String::from(" ");
            for (i, c) in cells.iter().enumerate() {
                l.push(' ');
                l.push_str(c);
                if i + 1 < cells.len() {
                    l.push_str(&" ".repeat(w[i] - width(c) + 1));
                }
            }
            l.push('\n');
            l
        };
        s.push_str(&line(
            &t.head.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
        ));
        for row in &t.rows {
            s.push_str(&line(row));
        }
        if !t.note.is_empty() {
            let _ = writeln!(s, "  ({})", t.note);
        }
    }
    s
}

/// The report as Markdown.
pub fn markdown(r: &Report, top: usize) -> String {
    let md = |c: &str| crate::export::md_escape(c);
    let mut s = format!("# Class report\n\n{}\n", md(&summary(r)));
    for t in tables(r, top) {
        let _ = write!(s, "\n## {}\n\n", t.title);
        if t.rows.is_empty() {
            s.push_str("(none)\n");
            continue;
        }
        let _ = writeln!(s, "| {} |", t.head.join(" | "));
        let _ = writeln!(s, "|{}", "---|".repeat(t.head.len()));
        for row in &t.rows {
            let cells: Vec<String> = row.iter().map(|c| md(c)).collect();
            let _ = writeln!(s, "| {} |", cells.join(" | "));
        }
        if !t.note.is_empty() {
            let _ = write!(s, "\n*{}*\n", t.note);
        }
    }
    s
}

/// The report as a standalone HTML page.
pub fn html(r: &Report, top: usize) -> String {
    let mut s = String::from(
        "<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n<title>Class report</title>\n<style>\n\
         body { font-family: \"Noto Sans CJK SC\", \"PingFang SC\", sans-serif; max-width: 60em; margin: 1.5em auto; padding: 0 1em; }\n\
         table { border-collapse: collapse; width: 100%; margin: .5em 0; font-size: 10.5pt; }\n\
         th, td { border-bottom: 1px solid #ccc; padding: .25em .5em; text-align: left; vertical-align: top; }\n\
         th { background: #f3f3f3; } .n { text-align: right; white-space: nowrap; }\n\
         .note { color: #666; font-size: 9pt; }\n\
         @page { size: A4; margin: 15mm; } tr { break-inside: avoid; }\n\
         </style>\n</head>\n<body>\n<h1>Class report</h1>\n",
    );
    let _ = writeln!(s, "<p>{}</p>", html_escape(&summary(r)));
    for t in tables(r, top) {
        let _ = writeln!(s, "<h2>{}</h2>", t.title);
        if t.rows.is_empty() {
            s.push_str("<p>(none)</p>\n");
            continue;
        }
        // Numbers (counts, shares, n/m) right-aligned, headers over them too.
        let numeric = |c: &str| {
            c == "–"
                || (c.chars().next().is_some_and(|ch| ch.is_ascii_digit())
                    && c.chars()
                        .all(|ch| ch.is_ascii_digit() || "%/.".contains(ch)))
        };
        let cols: Vec<bool> = (0..t.head.len())
            .map(|i| t.rows.iter().all(|r| r.get(i).is_some_and(|c| numeric(c))))
            .collect();
        let class = |i: usize| if cols[i] { " class=\"n\"" } else { "" };
        s.push_str("<table>\n<tr>");
        for (i, h) in t.head.iter().enumerate() {
            let _ = write!(s, "<th{}>{h}</th>", class(i));
        }
        s.push_str("</tr>\n");
        for row in &t.rows {
            s.push_str("<tr>");
            for (i, c) in row.iter().enumerate() {
                let _ = write!(s, "<td{}>{}</td>", class(i), html_escape(c));
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</table>\n");
        if !t.note.is_empty() {
            let _ = writeln!(s, "<p class=\"note\">{}</p>", html_escape(t.note));
        }
    }
    s.push_str("</body>\n</html>\n");
    s
}
