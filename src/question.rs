//! Generated questions: what is asked, what counts as right, and where it comes from.

use serde::{Deserialize, Serialize};

/// The kinds of question the generator makes. Stored by name; the names are part of the
/// stable question id, so never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Typed recall of a term, title, name, answer.
    Recall,
    /// Multiple choice, one right option.
    Choice,
    TrueFalse,
    /// Which of these is NOT in the list (closed lists).
    NotInList,
    /// The item at a position (ordered lists).
    ItemAt,
    /// The position of an item (ordered lists).
    PositionOf,
    /// How many (list counts and number facts).
    HowMany,
    /// Put the items in their order (ordered lists).
    Order,
    /// Recall the whole list, order-insensitive, partial credit.
    ListRecall,
    When,
    WhatOnDate,
    Where,
    /// Put events in chronological order.
    Chronology,
    Cloze,
    /// Think, reveal, rate yourself.
    Reveal,
}

impl Kind {
    pub const ALL: [Kind; 15] = [
        Kind::Recall,
        Kind::Choice,
        Kind::TrueFalse,
        Kind::NotInList,
        Kind::ItemAt,
        Kind::PositionOf,
        Kind::HowMany,
        Kind::Order,
        Kind::ListRecall,
        Kind::When,
        Kind::WhatOnDate,
        Kind::Where,
        Kind::Chronology,
        Kind::Cloze,
        Kind::Reveal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Recall => "recall",
            Kind::Choice => "choice",
            Kind::TrueFalse => "true_false",
            Kind::NotInList => "not_in_list",
            Kind::ItemAt => "item_at",
            Kind::PositionOf => "position_of",
            Kind::HowMany => "how_many",
            Kind::Order => "order",
            Kind::ListRecall => "list_recall",
            Kind::When => "when",
            Kind::WhatOnDate => "what_on_date",
            Kind::Where => "where",
            Kind::Chronology => "chronology",
            Kind::Cloze => "cloze",
            Kind::Reveal => "reveal",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What counts as a right answer, by the shape of the answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Answer {
    /// Typed text; `accepted[0]` is the answer shown, the rest are alternatives.
    Text {
        accepted: Vec<String>,
    },
    /// A typed number that must match exactly; `unit` and `qualifier` are shown, not graded.
    Number {
        value: f64,
        unit: String,
        qualifier: Option<String>,
    },
    /// A typed date that must match exactly, to its precision (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`).
    Date {
        date: String,
    },
    /// Pick one option.
    Choice {
        options: Vec<String>,
        correct: usize,
    },
    TrueFalse {
        value: bool,
    },
    /// Name every item, in any order; each item is its accepted forms.
    List {
        items: Vec<Vec<String>>,
    },
    /// `shown` in the order presented; `correct` gives the right order as indexes into `shown`.
    Order {
        shown: Vec<String>,
        correct: Vec<usize>,
    },
    /// Shown after the student has thought of it; self-graded.
    Reveal {
        answer: String,
    },
}

impl Answer {
    /// The right answer as one line of text, for the reveal and for `quiz questions`.
    pub fn display(&self) -> String {
        match self {
            Answer::Text { accepted } => accepted.first().cloned().unwrap_or_default(),
            Answer::Number {
                value,
                unit,
                qualifier,
            } => {
                let q = qualifier.as_deref().unwrap_or("");
                let v = format_number(*value);
                // English words need the space Chinese does without: "8 members", "over 8".
                let spaced = |s: &str| s.starts_with(|c: char| c.is_ascii_alphabetic());
                let unit = if spaced(unit) {
                    format!(" {unit}")
                } else {
                    unit.clone()
                };
                let before = if spaced(q) && !q.is_empty() {
                    format!("{q} ")
                } else {
                    q.to_owned()
                };
                // 20多项, 九成左右 → 90%左右, 逾1000个.
                match q {
                    "多" | "余" => format!("{v}{q}{unit}"),
                    "左右" => format!("{v}{unit}{q}"),
                    _ => format!("{before}{v}{unit}"),
                }
            }
            Answer::Date { date } => {
                crate::dates::FactDate::parse(date).map_or(date.clone(), |d| d.zh())
            }
            Answer::Choice { options, correct } => {
                options.get(*correct).cloned().unwrap_or_default()
            }
            Answer::TrueFalse { value } => {
                if *value { "对 (true)" } else { "错 (false)" }.to_owned()
            }
            Answer::List { items } => items
                .iter()
                .filter_map(|i| i.first().cloned())
                .collect::<Vec<_>>()
                .join(";"),
            Answer::Order { shown, correct } => correct
                .iter()
                .filter_map(|&i| shown.get(i).cloned())
                .collect::<Vec<_>>()
                .join(" → "),
            Answer::Reveal { answer } => answer.clone(),
        }
    }
}

/// Numbers print without a trailing `.0`.
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Where a question's fact comes from, shown after answering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    /// The deck's id for the source (`[[source]] id`).
    #[serde(default)]
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
}

impl std::fmt::Display for SourceRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{},{},{}", self.title, self.publisher, self.date)?;
        if let Some(p) = &self.part {
            write!(f, ",{p}")?;
        }
        Ok(())
    }
}

/// The uid of a question: `DECK/FACT/KIND/VARIANT`.
pub fn uid(deck: &str, fact: &str, kind: &str, variant: &str) -> String {
    crate::generate::concat(&[deck, "/", fact, "/", kind, "/", variant])
}

/// What the questions of one fact share: `DECK/FACT`.
pub fn sibling(deck: &str, fact: &str) -> String {
    crate::generate::concat(&[deck, "/", fact])
}

/// A uid's parts: deck, fact, kind and variant. (Deck and fact ids, and kinds, have no `/`.)
pub fn uid_parts(uid: &str) -> Option<[&str; 4]> {
    let mut parts = uid.splitn(4, '/');
    Some([parts.next()?, parts.next()?, parts.next()?, parts.next()?])
}

/// One generated question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// `DECK/FACT/KIND/VARIANT`: never derived from text, so edits keep progress.
    pub uid: String,
    pub deck: String,
    pub fact: String,
    pub kind: Kind,
    pub variant: String,
    /// Questions from the same fact share it and are not shown on the same day.
    pub sibling: String,
    /// The meeting or document the question names.
    pub context: String,
    pub prompt: String,
    pub answer: Answer,
    /// The official wording behind the answer, shown after answering.
    pub explanation: String,
    pub source: SourceRef,
}

impl Question {
    /// The answer as stored (the column form of schema 13, `db::answer`), and a
    /// fingerprint of everything shown or graded, to tell an updated question from an
    /// unchanged one on re-import.
    pub fn stored_forms(&self) -> (String, i64) {
        self.stored_forms_with(&self.stored_source())
    }

    /// The source as stored (JSON), the part of [`Question::stored_forms`] that the
    /// questions of one fact share.
    pub fn stored_source(&self) -> String {
        serde_json::to_string(&self.source).unwrap_or_default()
    }

    /// [`Question::stored_forms`] with the source already stored ([`Question::stored_source`]).
    pub fn stored_forms_with(&self, source: &str) -> (String, i64) {
        let mut h = crate::hash::Fnv::new();
        h.write(self.prompt.as_bytes());
        // The fingerprint takes the answer in its public JSON form, as it did before the
        // column had a form of its own: fingerprints stored before schema 13 stay valid.
        // (Serializing into a hash cannot fail.)
        let _ = serde_json::to_writer(h.part(), &self.answer);
        for part in [&self.explanation, &self.context, source] {
            h.write(part.as_bytes());
        }
        (crate::db::answer::encode(&self.answer), h.finish() as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::Answer;

    fn number(value: f64, unit: &str, qualifier: Option<&str>) -> String {
        Answer::Number {
            value,
            unit: unit.to_owned(),
            qualifier: qualifier.map(str::to_owned),
        }
        .display()
    }

    #[test]
    fn english_units_and_qualifiers_are_spaced_chinese_ones_are_not() {
        assert_eq!(number(8.0, "members", None), "8 members");
        assert_eq!(number(8.0, "members", Some("over")), "over 8 members");
        assert_eq!(number(5.0, "项", None), "5项");
        assert_eq!(number(20.0, "项", Some("多")), "20多项");
        assert_eq!(number(90.0, "%", Some("左右")), "90%左右");
        assert_eq!(number(1000.0, "个", Some("逾")), "逾1000个");
    }
}
