//! `--format moodle` (Moodle XML) and `--format gift` (GIFT): a deck as a quiz bank for an
//! LMS. Every question becomes the nearest LMS question type (see [`Item`]); each is named by
//! its uid and carries the official wording and the source as general feedback.
//!
//! Both formats are built from one list of [`LmsQuestion`]s so they say the same thing: the
//! tests read both with independent parsers and compare them with the deck.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use super::{DeckData, html_escape, prompt_html, prompt_plain};
use crate::deck::Deck;
use crate::question::{Answer, Question, format_number};

/// What a question becomes in an LMS.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// One right option (Moodle `multichoice`, single answer).
    Choice {
        options: Vec<String>,
        correct: usize,
    },
    TrueFalse(bool),
    /// Typed text; every form is accepted in full (Moodle `shortanswer`).
    Short(Vec<String>),
    /// A number that must match exactly (Moodle `numerical`, tolerance 0).
    Numerical(f64),
    /// Pairs to match (Moodle `matching`): an order becomes each item matched to its place.
    Matching(Vec<(String, String)>),
    /// Graded by the teacher (Moodle `essay`) with the key for the grader: a whole list, a
    /// free answer.
    Essay {
        key: String,
        lines: usize,
    },
}

/// One question as an LMS gets it.
#[derive(Debug, Clone)]
pub struct LmsQuestion {
    pub uid: String,
    /// With the generator's `**emphasis**`.
    pub prompt: String,
    pub item: Item,
    /// The official wording and the source, shown after answering.
    pub feedback: String,
    pub points: u32,
}

/// The deck's language decides a few words of the converted questions.
fn en(d: &DeckData) -> bool {
    d.language == "en"
}

/// Converts the deck's questions; `points` gives each question's weight.
pub fn questions(d: &DeckData, points: &dyn Fn(&Question) -> u32) -> Vec<LmsQuestion> {
    d.questions
        .iter()
        .map(|q| {
            let item = item(d, q);
            let mut prompt = q.prompt.clone();
            if matches!(item, Item::Matching(_)) {
                prompt.push_str(order_hint(d));
            }
            LmsQuestion {
                uid: q.uid.clone(),
                prompt,
                item,
                feedback: feedback(d, q),
                points: points(q),
            }
        })
        .collect()
}

fn item(d: &DeckData, q: &Question) -> Item {
    let also = if en(d) { "also accepted" } else { "亦可" };
    match &q.answer {
        Answer::Choice { options, correct } => Item::Choice {
            options: options.clone(),
            correct: *correct,
        },
        Answer::TrueFalse { value } => Item::TrueFalse(*value),
        Answer::Text { accepted } => Item::Short(dedup(accepted.clone())),
        Answer::Number { value, .. } => Item::Numerical(*value),
        Answer::Date { date } => match crate::dates::FactDate::parse(date) {
            Some(fd) => {
                let first = if en(d) { fd.en() } else { fd.zh() };
                Item::Short(dedup(vec![first, fd.iso(), fd.en(), fd.zh()]))
            }
            None => Item::Short(vec![date.clone()]),
        },
        Answer::Order { shown, correct } => Item::Matching(
            correct
                .iter()
                .enumerate()
                .filter_map(|(place, &i)| Some((shown.get(i)?.clone(), (place + 1).to_string())))
                .collect(),
        ),
        Answer::List { items } => Item::Essay {
            key: items
                .iter()
                .enumerate()
                .map(|(k, forms)| {
                    let first = forms.first().map_or("", String::as_str);
                    if forms.len() > 1 {
                        format!("{}) {first} ({also}: {})", k + 1, forms[1..].join("; "))
                    } else {
                        format!("{}) {first}", k + 1)
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
            lines: items.len().clamp(3, 30),
        },
        Answer::Reveal { answer } => Item::Essay {
            key: answer.clone(),
            lines: 5,
        },
    }
}

/// Most pairs in one matching question: more make a long drop-down list for every item.
const MATCH_PAIRS: usize = 8;

/// Matching questions that fit a deck's facts but are no question of its own: its events
/// matched with their dates, in groups of up to eight (an event whose date another event
/// shares is left out: two events on one day would make either answer right). Only events
/// still in `d` (the selection) count; fewer than three make no question.
pub fn event_matching(d: &DeckData, file: &Deck) -> Vec<LmsQuestion> {
    let chosen: HashSet<&str> = d.questions.iter().map(|q| q.fact.as_str()).collect();
    let source_of: HashMap<&str, String> = d
        .questions
        .iter()
        .map(|q| (q.fact.as_str(), q.source.to_string()))
        .collect();
    let mut events: Vec<(String, String, &str)> = Vec::new(); // (iso, what, fact id)
    let mut seen: HashMap<String, usize> = HashMap::new();
    for e in &file.file.events {
        let id = e.id.get_ref().as_str();
        if !chosen.contains(id) {
            continue;
        }
        let Some(date) = crate::dates::FactDate::parse(e.date.get_ref()) else {
            continue;
        };
        *seen.entry(date.iso()).or_default() += 1;
        events.push((date.iso(), e.what.clone(), id));
    }
    events.retain(|(iso, _, _)| seen.get(iso) == Some(&1));
    events.sort();
    let chunks: Vec<&[(String, String, &str)]> = events.chunks(MATCH_PAIRS).collect();
    let mut out = Vec::new();
    for (k, chunk) in chunks.iter().enumerate() {
        // A short last group joins… nothing: it stands alone when it has three events.
        if chunk.len() < 3 {
            continue;
        }
        let pairs: Vec<(String, String)> = chunk
            .iter()
            .map(|(iso, what, _)| {
                let fd = crate::dates::FactDate::parse(iso);
                let shown = fd.map_or(iso.clone(), |f| if en(d) { f.en() } else { f.zh() });
                (what.clone(), shown)
            })
            .collect();
        let mut sources: Vec<&str> = chunk
            .iter()
            .filter_map(|(_, _, id)| source_of.get(id).map(String::as_str))
            .collect();
        sources.dedup();
        let from = if en(d) { "Source" } else { "出处" };
        let feedback = pairs
            .iter()
            .map(|(w, t)| format!("{t}: {w}"))
            .chain(sources.iter().map(|s| format!("{from}: {s}")))
            .collect::<Vec<_>>()
            .join("\n");
        let prompt = if en(d) {
            format!("[{}] Match each event with its date.", d.title())
        } else {
            format!("【{}】将下列事件与其日期配对。", d.title())
        };
        out.push(LmsQuestion {
            uid: format!("{}/_events/match/dates-{}", d.id, k + 1),
            prompt,
            points: pairs.len() as u32,
            item: Item::Matching(pairs),
            feedback,
        });
    }
    out
}

/// Matching questions over a family of lists (the lists whose items students confuse): each
/// item matched with its meeting when the family's lists span three meetings or more, else
/// with its list's heading when it has three lists or more. Up to eight items a question,
/// taken from each list in turn; an item two lists of the family share is left out (either
/// answer would be right). Only lists still in `d` (the selection) count.
pub fn family_matching(d: &DeckData, file: &Deck) -> Vec<LmsQuestion> {
    let f = &file.file;
    let chosen: HashSet<&str> = d.questions.iter().map(|q| q.fact.as_str()).collect();
    let first_context = f.contexts.first();
    let context_name = |id: Option<&str>| -> String {
        let c = match id {
            Some(id) => f.contexts.iter().find(|c| c.id.get_ref() == id),
            None => first_context,
        };
        match c {
            Some(c) if en(d) => c.name_en.clone().unwrap_or_else(|| c.name.clone()),
            Some(c) => c.name.clone(),
            None => d.title().to_owned(),
        }
    };
    let mut families: std::collections::BTreeMap<&str, Vec<&crate::deck::model::ListFact>> =
        Default::default();
    for l in &f.lists {
        if let Some(fam) = l.family.as_deref()
            && chosen.contains(l.id.get_ref().as_str())
        {
            families.entry(fam).or_default().push(l);
        }
    }
    // The source without its part: the lists come from several parts of one text.
    let source_of: HashMap<&str, String> = d
        .questions
        .iter()
        .map(|q| {
            let s = &q.source;
            (
                q.fact.as_str(),
                format!("{},{},{}", s.title, s.publisher, s.date),
            )
        })
        .collect();
    let mut out = Vec::new();
    for (family, lists) in families {
        let meetings: HashSet<String> = lists
            .iter()
            .map(|l| context_name(l.context.as_ref().map(|c| c.get_ref().as_str())))
            .collect();
        let by_meeting = meetings.len() >= 3;
        if !by_meeting && lists.len() < 3 {
            continue;
        }
        let mut count: HashMap<&str, usize> = HashMap::new();
        for l in &lists {
            for it in l.items.get_ref() {
                *count.entry(it.key()).or_default() += 1;
            }
        }
        // Each list's items that belong to it alone, then taken from each list in turn.
        let columns: Vec<Vec<(String, String)>> = lists
            .iter()
            .map(|l| {
                let right = if by_meeting {
                    context_name(l.context.as_ref().map(|c| c.get_ref().as_str()))
                } else {
                    l.heading.clone()
                };
                l.items
                    .get_ref()
                    .iter()
                    .filter(|it| count.get(it.key()) == Some(&1))
                    .map(|it| (it.key().to_owned(), right.clone()))
                    .collect()
            })
            .collect();
        let mut pairs = Vec::new();
        let longest = columns.iter().map(Vec::len).max().unwrap_or(0);
        for row in 0..longest {
            for col in &columns {
                if let Some(p) = col.get(row) {
                    pairs.push(p.clone());
                }
            }
        }
        let from = if en(d) { "Source" } else { "出处" };
        for (k, chunk) in pairs.chunks(MATCH_PAIRS).enumerate() {
            let answers: HashSet<&str> = chunk.iter().map(|p| p.1.as_str()).collect();
            if chunk.len() < 3 || answers.len() < 3 {
                continue;
            }
            let prompt = match (en(d), by_meeting) {
                (true, true) => format!(
                    "[{}] Match each item with the meeting it belongs to.",
                    d.title()
                ),
                (true, false) => format!(
                    "[{}] Match each item with the list it belongs to.",
                    d.title()
                ),
                (false, true) => format!("【{}】将下列各项与其所属的会议配对。", d.title()),
                (false, false) => format!("【{}】将下列各项与其所属的列举配对。", d.title()),
            };
            let mut feedback: Vec<String> =
                chunk.iter().map(|(i, r)| format!("{i}: {r}")).collect();
            let mut sources: Vec<&str> = lists
                .iter()
                .filter_map(|l| source_of.get(l.id.get_ref().as_str()).map(String::as_str))
                .collect();
            sources.sort_unstable();
            sources.dedup();
            feedback.extend(sources.iter().map(|s| format!("{from}: {s}")));
            out.push(LmsQuestion {
                uid: format!("{}/_lists/match/{family}-{}", d.id, k + 1),
                prompt,
                points: chunk.len() as u32,
                item: Item::Matching(chunk.to_vec()),
                feedback: feedback.join("\n"),
            });
        }
    }
    out
}

/// Keeps the first of equal forms (a date's forms coincide for a bare year).
fn dedup(v: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(v.len());
    for s in v {
        if !s.trim().is_empty() && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

fn feedback(d: &DeckData, q: &Question) -> String {
    let from = if en(d) { "Source" } else { "出处" };
    let mut s = String::new();
    if !q.explanation.trim().is_empty() {
        s.push_str(q.explanation.trim());
        s.push('\n');
    }
    let _ = write!(s, "{from}: {}", q.source);
    s
}

/// An order becomes a matching of items with places: the prompt says how to answer it.
fn order_hint(d: &DeckData) -> &'static str {
    if en(d) {
        " (match each item with its place: 1 is first)"
    } else {
        "(为每一项选出它的位次:1 为第一)"
    }
}

/// Moodle XML: a category named after the deck, then one `<question>` per question. Text
/// fields are HTML in CDATA; names and ID numbers are the uids.
pub fn moodle(d: &DeckData, qs: &[LmsQuestion]) -> String {
    let mut s = String::with_capacity(qs.len() * 600 + 256);
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
    let _ = writeln!(
        s,
        "<question type=\"category\">\n  <category><text>{}</text></category>\n  <info format=\"html\"><text>{}</text></info>\n</question>",
        xml_text(&format!("$course$/top/{}", category_name(d))),
        cdata(&html_escape(d.title()))
    );
    for q in qs {
        let ty = match q.item {
            Item::Choice { .. } => "multichoice",
            Item::TrueFalse(_) => "truefalse",
            Item::Short(_) => "shortanswer",
            Item::Numerical(_) => "numerical",
            Item::Matching(_) => "matching",
            Item::Essay { .. } => "essay",
        };
        let text = html_lines(&prompt_html(&q.prompt));
        let _ = writeln!(s, "<question type=\"{ty}\">");
        let _ = writeln!(s, "  <name><text>{}</text></name>", xml_text(&q.uid));
        let _ = writeln!(
            s,
            "  <questiontext format=\"html\"><text>{}</text></questiontext>",
            cdata(&text)
        );
        let _ = writeln!(
            s,
            "  <generalfeedback format=\"html\"><text>{}</text></generalfeedback>",
            cdata(&html_lines(&html_escape(&q.feedback)))
        );
        let _ = writeln!(s, "  <defaultgrade>{}</defaultgrade>", q.points);
        let penalty = match q.item {
            Item::TrueFalse(_) => "1",
            _ => "0.3333333",
        };
        let _ = writeln!(s, "  <penalty>{penalty}</penalty>\n  <hidden>0</hidden>");
        // Moodle keeps an ID number to 100 characters.
        if q.uid.chars().count() <= 100 {
            let _ = writeln!(s, "  <idnumber>{}</idnumber>", xml_text(&q.uid));
        }
        match &q.item {
            Item::Choice { options, correct } => {
                s.push_str("  <single>true</single>\n  <shuffleanswers>true</shuffleanswers>\n  <answernumbering>ABCD</answernumbering>\n");
                for (i, o) in options.iter().enumerate() {
                    let f = if i == *correct { 100 } else { 0 };
                    let _ = writeln!(
                        s,
                        "  <answer fraction=\"{f}\" format=\"html\"><text>{}</text><feedback format=\"html\"><text></text></feedback></answer>",
                        cdata(&html_lines(&html_escape(o)))
                    );
                }
            }
            Item::TrueFalse(v) => {
                for (word, right) in [("true", *v), ("false", !*v)] {
                    let f = if right { 100 } else { 0 };
                    let _ = writeln!(
                        s,
                        "  <answer fraction=\"{f}\" format=\"moodle_auto_format\"><text>{word}</text><feedback format=\"html\"><text></text></feedback></answer>"
                    );
                }
            }
            Item::Short(forms) => {
                s.push_str("  <usecase>0</usecase>\n");
                for a in forms {
                    // `*` is Moodle's wildcard in a short answer.
                    let _ = writeln!(
                        s,
                        "  <answer fraction=\"100\" format=\"moodle_auto_format\"><text>{}</text><feedback format=\"html\"><text></text></feedback></answer>",
                        xml_text(&one_line(a).replace('*', "\\*"))
                    );
                }
            }
            Item::Numerical(v) => {
                let _ = writeln!(
                    s,
                    "  <answer fraction=\"100\" format=\"moodle_auto_format\"><text>{}</text><feedback format=\"html\"><text></text></feedback><tolerance>0</tolerance></answer>",
                    format_number(*v)
                );
            }
            Item::Matching(pairs) => {
                s.push_str("  <shuffleanswers>true</shuffleanswers>\n");
                for (left, right) in pairs {
                    let _ = writeln!(
                        s,
                        "  <subquestion format=\"html\"><text>{}</text><answer><text>{}</text></answer></subquestion>",
                        cdata(&html_lines(&html_escape(left))),
                        xml_text(&one_line(right))
                    );
                }
            }
            Item::Essay { key, lines } => {
                let _ = writeln!(
                    s,
                    "  <responseformat>editor</responseformat>\n  <responserequired>1</responserequired>\n  <responsefieldlines>{lines}</responsefieldlines>\n  <attachments>0</attachments>\n  <attachmentsrequired>0</attachmentsrequired>\n  <graderinfo format=\"html\"><text>{}</text></graderinfo>\n  <responsetemplate format=\"html\"><text></text></responsetemplate>",
                    cdata(&html_lines(&html_escape(key)))
                );
            }
        }
        s.push_str("</question>\n");
    }
    s.push_str("</quiz>\n");
    s
}

/// GIFT: a category line, then one question per paragraph, named by its uid, in HTML
/// markup, with the general feedback after `####`.
pub fn gift(d: &DeckData, qs: &[LmsQuestion]) -> String {
    let mut s = String::with_capacity(qs.len() * 400 + 256);
    let _ = writeln!(
        s,
        "// {} ({})\n// Exported by quiz; question names are the questions' uids.\n",
        one_line(d.title()),
        d.id
    );
    let _ = writeln!(s, "$CATEGORY: $course$/top/{}\n", category_name(d));
    for q in qs {
        let text = html_lines(&prompt_html(&q.prompt));
        let _ = write!(
            s,
            "::{}::[html]{} {{",
            gift_escape(&q.uid),
            gift_escape(&text)
        );
        match &q.item {
            Item::Choice { options, correct } => {
                for (i, o) in options.iter().enumerate() {
                    let sign = if i == *correct { '=' } else { '~' };
                    let _ = write!(s, "\n\t{sign}{}", gift_escape(&html_escape(&one_line(o))));
                }
            }
            Item::TrueFalse(v) => s.push_str(if *v { "TRUE" } else { "FALSE" }),
            Item::Short(forms) => {
                for a in forms {
                    let _ = write!(s, "\n\t={}", gift_escape(&one_line(a)));
                }
            }
            Item::Numerical(v) => {
                let _ = write!(s, "#{}", format_number(*v));
            }
            Item::Matching(pairs) => {
                for (left, right) in pairs {
                    let _ = write!(
                        s,
                        "\n\t={} -> {}",
                        gift_escape(&html_escape(&no_arrow(&one_line(left)))),
                        gift_escape(&no_arrow(&one_line(right)))
                    );
                }
            }
            // An essay's key goes to its feedback: GIFT has no grader information.
            Item::Essay { .. } => {}
        }
        let mut fb = String::new();
        if let Item::Essay { key, .. } = &q.item {
            fb.push_str(key);
            fb.push('\n');
        }
        fb.push_str(&q.feedback);
        let sep = if matches!(q.item, Item::TrueFalse(_) | Item::Numerical(_)) {
            ""
        } else {
            "\n\t"
        };
        let _ = write!(
            s,
            "{sep}####[html]{}\n}}\n\n",
            gift_escape(&html_lines(&html_escape(&fb)))
        );
    }
    s
}

/// The deck's category: its id, which holds no `/` (a `/` would nest categories).
fn category_name(d: &DeckData) -> String {
    d.id.clone()
}

/// Escapes GIFT's special characters (`~ = # { } :` and the backslash itself); a line
/// break becomes GIFT's `\n`.
pub fn gift_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '~' | '=' | '#' | '{' | '}' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A matching pair is written `left -> right`; an arrow inside either side would split it.
fn no_arrow(s: &str) -> String {
    s.replace("->", "→")
}

/// Text inside a CDATA section: a `]]>` in it is split across two sections.
fn cdata(html: &str) -> String {
    format!("<![CDATA[{}]]>", html.replace("]]>", "]]]]><![CDATA[>"))
}

/// Text as XML element content.
fn xml_text(s: &str) -> String {
    html_escape(s)
}

/// Escaped HTML with its line breaks kept as `<br>`.
fn html_lines(escaped: &str) -> String {
    escaped.replace('\n', "<br>\n")
}

/// An answer typed on one line.
fn one_line(s: &str) -> String {
    prompt_plain(&crate::term::clean_line(s))
}

/// How many questions of each LMS type, for the line printed after writing.
pub fn summary(qs: &[LmsQuestion]) -> String {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for q in qs {
        let k = match q.item {
            Item::Choice { .. } => "multiple choice",
            Item::TrueFalse(_) => "true/false",
            Item::Short(_) => "short answer",
            Item::Numerical(_) => "numerical",
            Item::Matching(_) => "matching",
            Item::Essay { .. } => "essay",
        };
        *counts.entry(k).or_default() += 1;
    }
    counts
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gift_escapes_its_special_characters() {
        assert_eq!(
            gift_escape("a=b~c#d{e}f:g\\h\ni"),
            "a\\=b\\~c\\#d\\{e\\}f\\:g\\\\h\\ni"
        );
    }

    #[test]
    fn cdata_cannot_be_closed_by_the_text() {
        assert_eq!(cdata("a]]>b"), "<![CDATA[a]]]]><![CDATA[>b]]>");
    }
}
