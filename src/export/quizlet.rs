//! `--format quizlet`: one Quizlet card per fact, its cue as the term and its answer as the
//! definition, so that Quizlet's own modes (Learn, Match, Test) work: they ask a term's
//! definition or a definition's term, and build their own multiple choice from the other
//! cards' definitions. So no card carries options or letters, and no two cards share a
//! definition (a shared one, "对 (true)" on fifty cards, makes every such question
//! unanswerable) or a term.
//!
//! Per fact kind, from its questions: a list's heading → its items in order; an event →
//! its date and place; a number's label → the number and unit; a person → their title; a
//! term → what it denotes; a document → the meeting that adopted it and the verb; a question
//! → its answer; a cloze sentence with its gaps blanked → the gaps' words. Where two facts
//! would still share a definition, each names the other's term ("also the answer for: …");
//! where two share a term, each adds its meeting.

use std::collections::HashMap;

use super::DeckData;
use super::csv::{defuse_plain, one_line};
use crate::question::{Answer, Kind, Question};

/// One card per fact of `facts` (`(id, kind, label)`, in deck order): term, a tab, the
/// definition, one card a line.
pub fn render(d: &DeckData, facts: &[(String, String, String)]) -> String {
    let mut by_fact: HashMap<&str, Vec<&Question>> = HashMap::new();
    for q in &d.questions {
        by_fact.entry(q.fact.as_str()).or_default().push(q);
    }
    let zh = d.language != "en";
    let mut cards: Vec<Card> = facts
        .iter()
        .map(|(id, kind, label)| {
            let qs = by_fact.get(id.as_str()).map_or(&[][..], Vec::as_slice);
            card(kind, label, qs)
        })
        .collect();
    disambiguate(&mut cards, zh);
    let mut out = String::new();
    for c in &cards {
        out.push_str(&defuse_plain(&one_line(&c.term)));
        out.push('\t');
        out.push_str(&defuse_plain(&one_line(&c.definition)));
        out.push('\n');
    }
    out
}

struct Card {
    term: String,
    definition: String,
    /// The meeting its questions name, to tell two cards with one term apart.
    meeting: String,
}

fn first_of(qs: &[&Question], kind: Kind) -> Option<String> {
    qs.iter()
        .find(|q| q.kind == kind)
        .map(|q| definition_of(&q.answer))
}

/// An answer as a definition: never a letter, never true/false.
fn definition_of(a: &Answer) -> String {
    match a {
        Answer::List { items } => items
            .iter()
            .filter_map(|i| i.first().cloned())
            .collect::<Vec<_>>()
            .join("；"),
        _ => a.display(),
    }
}

/// A typed answer that is not `label` itself (a person's title rather than their name, what
/// a term denotes rather than the term).
fn other_than(qs: &[&Question], label: &str) -> Option<String> {
    qs.iter().find_map(|q| match (&q.answer, q.kind) {
        (Answer::Text { accepted }, Kind::Recall) => accepted
            .first()
            .filter(|a| a.as_str() != label && !q.prompt.starts_with("哪个提法"))
            .cloned(),
        _ => None,
    })
}

/// A choice question's right option, for the question that asks `contains`.
fn chosen(qs: &[&Question], contains: &str) -> Option<String> {
    qs.iter().find_map(|q| match &q.answer {
        Answer::Choice { options, correct } if q.prompt.contains(contains) => {
            options.get(*correct).cloned()
        }
        _ => None,
    })
}

/// The gaps of a cloze text, and the text with each gap blanked.
fn cloze_parts(text: &str) -> (String, Vec<String>) {
    let mut blanked = String::with_capacity(text.len());
    let mut gaps = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open + 2..].find("}}") else {
            break;
        };
        blanked.push_str(&rest[..open]);
        blanked.push_str("____");
        let inner = &rest[open + 2..open + 2 + close];
        gaps.push(inner.split('|').next().unwrap_or(inner).to_owned());
        rest = &rest[open + 2 + close + 2..];
    }
    blanked.push_str(rest);
    (blanked, gaps)
}

fn card(kind: &str, label: &str, qs: &[&Question]) -> Card {
    let meeting = qs
        .iter()
        .map(|q| q.context.as_str())
        .find(|c| !c.is_empty())
        .unwrap_or_default()
        .to_owned();
    let typed_fallback = || {
        qs.iter()
            .find(|q| !matches!(q.answer, Answer::TrueFalse { .. }))
            .map(|q| definition_of(&q.answer))
            .unwrap_or_default()
    };
    let (term, definition) = match kind {
        "list" => (
            label.to_owned(),
            first_of(qs, Kind::ListRecall)
                .or_else(|| first_of(qs, Kind::Order))
                .unwrap_or_else(typed_fallback),
        ),
        "event" => {
            let when = first_of(qs, Kind::When);
            let place = first_of(qs, Kind::Where);
            let d = match (when, place) {
                (Some(w), Some(p)) => format!("{w}，{p}"),
                (Some(w), None) => w,
                (None, Some(p)) => p,
                (None, None) => typed_fallback(),
            };
            (label.to_owned(), d)
        }
        "number" => (
            label.to_owned(),
            first_of(qs, Kind::HowMany).unwrap_or_else(typed_fallback),
        ),
        "person" | "term" => (
            label.to_owned(),
            other_than(qs, label).unwrap_or_else(typed_fallback),
        ),
        "document" => {
            let at = chosen(qs, "出自").or_else(|| chosen(qs, "which meeting"));
            let verb = chosen(qs, "动词").or_else(|| chosen(qs, "verb"));
            let d = match (at, verb) {
                (Some(m), Some(v)) => format!("{m}{v}"),
                (Some(m), None) => m,
                _ => typed_fallback(),
            };
            (label.to_owned(), d)
        }
        "cloze" => {
            let (blanked, gaps) = cloze_parts(label);
            if gaps.is_empty() {
                (label.to_owned(), typed_fallback())
            } else {
                (blanked, gaps.join("；"))
            }
        }
        _ => (label.to_owned(), typed_fallback()),
    };
    Card {
        term: crate::export::prompt_plain(&term),
        definition,
        meeting,
    }
}

/// Makes terms and definitions distinct: a shared term gets its meeting; a shared definition
/// names the other cards' terms.
fn disambiguate(cards: &mut [Card], zh: bool) {
    let mut by_term: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in cards.iter().enumerate() {
        by_term.entry(c.term.clone()).or_default().push(i);
    }
    for group in by_term.into_values().filter(|g| g.len() > 1) {
        for i in group {
            let c = &mut cards[i];
            if !c.meeting.is_empty() {
                c.term = if zh {
                    format!("{}（{}）", c.term, c.meeting)
                } else {
                    format!("{} ({})", c.term, c.meeting)
                };
            }
        }
    }
    let mut by_def: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in cards.iter().enumerate() {
        by_def.entry(c.definition.clone()).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = by_def.into_values().filter(|g| g.len() > 1).collect();
    groups.sort();
    for group in groups {
        let terms: Vec<String> = group.iter().map(|&i| cards[i].term.clone()).collect();
        for (k, &i) in group.iter().enumerate() {
            let others: Vec<&str> = terms
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .map(|(_, t)| t.as_str())
                .collect();
            let c = &mut cards[i];
            c.definition = if zh {
                format!("{}（同此答案的还有：{}）", c.definition, others.join("、"))
            } else {
                format!(
                    "{} (also the answer for: {})",
                    c.definition,
                    others.join("; ")
                )
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloze_gaps_are_blanked_and_become_the_answer() {
        let (t, g) = cloze_parts("进入{{第三个十年|第3个十年}}之际,打造{{多边主义}}典范");
        assert_eq!(t, "进入____之际,打造____典范");
        assert_eq!(g, ["第三个十年", "多边主义"]);
    }
}
