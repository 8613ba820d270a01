//! Exports of a stored deck for instructors and other tools: JSON, CSV for text import,
//! an Anki package and a printable quiz sheet (the TOML export is the stored text itself).
//!
//! Each format has its own module; this one loads what they all read and renders the parts
//! of a question they share (options, the answer as text, tags). docs/export.md describes
//! every format.

pub mod apkg;
pub mod csv;
pub mod json;
pub mod lms;
pub mod quizlet;
pub mod select;
pub mod sheet;
mod sqlite_file;
mod zip_pieces;

use crate::db::Db;
use crate::deck::{self, Deck};
use crate::error::Result;
use crate::question::{Answer, Kind, Question};

/// A stored deck with its current questions, as every exporter reads it. The deck file
/// itself is not parsed here (a big deck's TOML takes longer to parse than the rest of an
/// export); the JSON export parses it.
pub struct DeckData {
    pub id: String,
    pub title: String,
    /// `zh` or `en`.
    pub language: String,
    /// In the deck's order (see `Db::questions`).
    pub questions: Vec<Question>,
    /// The kind of fact each question comes from (`list`, `event`, …), by index.
    pub fact_kinds: Vec<&'static str>,
}

impl DeckData {
    /// Loads a deck by id. Errors if there is no such deck.
    pub fn load(db: &Db, id: &str) -> Result<DeckData> {
        let (title, language) = db.deck_meta(id)?;
        let (questions, fact_kinds) = db.export_questions(id)?.into_iter().unzip();
        Ok(DeckData {
            id: id.to_owned(),
            title,
            language,
            questions,
            fact_kinds,
        })
    }

    /// Anki-style tags of question `i` (see [`tags_for`]).
    pub fn tags(&self, i: usize) -> String {
        tags_for(
            &self.questions[i],
            self.fact_kinds.get(i).copied().unwrap_or("event"),
        )
    }

    /// The deck's title, for headings and the Anki deck name.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The deck file, parsed (for the JSON export).
    pub fn deck_file(&self, db: &Db) -> Result<Deck> {
        let text = db.deck_toml(&self.id)?;
        deck::parse(&format!("database:{}", self.id), &text)
    }
}

/// Anki-style tags of a question, space-separated (a tag holds no spaces; `::` makes a
/// hierarchy): deck, fact kind, question kind and source.
pub fn tags_for(q: &Question, fact_kind: &str) -> String {
    let mut t = String::with_capacity(96);
    t.push_str("quiz::deck::");
    t.push_str(&q.deck);
    t.push_str(" quiz::fact::");
    t.push_str(fact_kind);
    t.push_str(" quiz::kind::");
    t.push_str(q.kind.as_str());
    if !q.source.title.trim().is_empty() {
        t.push_str(" quiz::source::");
        t.push_str(&tag_safe(&q.source.title));
    }
    t
}

/// A tag may not hold spaces; `::` would start a new level of the hierarchy.
pub fn tag_safe(s: &str) -> String {
    s.trim()
        .replace("::", ":")
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect()
}

/// Text for one line of Markdown (a heading, a table cell, a list item): control
/// characters removed, line breaks made spaces, and every character that could start
/// markup, raw HTML or an entity backslash-escaped (CommonMark's escapable punctuation).
pub fn md_escape(s: &str) -> String {
    let s = crate::term::clean_line(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '&' | '~' | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes text for HTML (element content and double-quoted attributes), dropping ASCII
/// control characters other than line feed and tab.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\n' | b'\t' => continue,
            0..0x20 | 0x7f => "",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
    out
}

/// Prompt text as HTML: escaped, with the generator's `**emphasis**` in bold.
pub fn prompt_html(s: &str) -> String {
    let escaped = html_escape(s);
    let mut out = String::with_capacity(escaped.len());
    let mut open = false;
    let mut rest = escaped.as_str();
    while let Some(i) = rest.find("**") {
        out.push_str(&rest[..i]);
        out.push_str(if open { "</b>" } else { "<b>" });
        open = !open;
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    if open {
        out.push_str("</b>");
    }
    out
}

/// Prompt text without Markdown emphasis, for plain-text targets.
pub fn prompt_plain(s: &str) -> String {
    s.replace("**", "")
}

/// A, B, C… for options.
pub fn letter(i: usize) -> char {
    char::from(b'A' + (i % 26) as u8)
}

/// The options shown with a question (multiple choice, or the items to put in order).
pub fn options(q: &Question) -> Option<&[String]> {
    match &q.answer {
        Answer::Choice { options, .. } => Some(options),
        Answer::Order { shown, .. } => Some(shown),
        _ => None,
    }
}

/// The right answer as plain text: multiple choice names its letter, an order lists the
/// letters and items, a list its items.
pub fn answer_text(q: &Question) -> String {
    match &q.answer {
        Answer::Choice { options, correct } => {
            format!(
                "{}. {}",
                letter(*correct),
                options.get(*correct).map_or("", String::as_str)
            )
        }
        Answer::Order { shown, correct } => correct
            .iter()
            .map(|&i| format!("{}. {}", letter(i), shown.get(i).map_or("", String::as_str)))
            .collect::<Vec<_>>()
            .join(" → "),
        Answer::List { items } => items
            .iter()
            .filter_map(|i| i.first().cloned())
            .collect::<Vec<_>>()
            .join("; "),
        _ => q.answer.display(),
    }
}

/// A true/false answer in the deck's language (`zh` or `en`): an English deck's students
/// read True and False, a Chinese deck's 对 and 错.
pub fn true_false_label(value: bool, language: &str) -> &'static str {
    match (language == "en", value) {
        (true, true) => "True",
        (true, false) => "False",
        (false, true) => "对",
        (false, false) => "错",
    }
}

/// The note shape a question takes in Anki (and the answer space on a sheet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Shape {
    /// Typed recall: text, numbers, dates.
    Typed,
    /// Think, reveal, rate yourself.
    Basic,
    /// Options shown (multiple choice, put in order).
    Choice,
    /// Name every item of a list.
    List,
    TrueFalse,
    /// A sentence with a gap.
    Cloze,
}

impl Shape {
    pub const ALL: [Shape; 6] = [
        Shape::Typed,
        Shape::Basic,
        Shape::Choice,
        Shape::List,
        Shape::TrueFalse,
        Shape::Cloze,
    ];

    pub fn of(q: &Question) -> Shape {
        match (&q.answer, q.kind) {
            (Answer::Text { accepted }, Kind::Cloze)
                if q.prompt.contains("____")
                    && !accepted
                        .first()
                        .is_some_and(|a| a.contains("}}") || a.contains("::")) =>
            {
                Shape::Cloze
            }
            (Answer::Choice { .. } | Answer::Order { .. }, _) => Shape::Choice,
            (Answer::List { .. }, _) => Shape::List,
            (Answer::TrueFalse { .. }, _) => Shape::TrueFalse,
            (Answer::Reveal { .. }, _) => Shape::Basic,
            _ => Shape::Typed,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Shape::Typed => "typed",
            Shape::Basic => "basic",
            Shape::Choice => "choice",
            Shape::List => "list",
            Shape::TrueFalse => "true_false",
            Shape::Cloze => "cloze",
        }
    }
}

/// A 64-bit hash of `s` that is the same in every build: FNV-1a, then a finaliser that
/// spreads similar inputs (uids differ in their last characters) over all bits.
pub fn stable_hash(s: &str) -> u64 {
    let mut x = crate::hash::fnv(s);
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// `YYYY-MM-DD` of unix seconds (UTC).
pub fn iso_date(secs: i64) -> String {
    crate::clock::civil_date(secs.div_euclid(86_400))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompt_html_escapes_and_bolds() {
        assert_eq!(
            prompt_html("下列哪一项**不**属于“<a>”?"),
            "下列哪一项<b>不</b>属于“&lt;a&gt;”?"
        );
        assert_eq!(prompt_html("a ** b"), "a <b> b</b>");
    }

    #[test]
    fn iso_dates() {
        assert_eq!(iso_date(1_620_777_600), "2021-05-12");
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(951_782_400), "2000-02-29");
    }

    #[test]
    fn tags_have_no_spaces() {
        assert_eq!(tag_safe(" a b::c "), "a_b:c");
    }
}
