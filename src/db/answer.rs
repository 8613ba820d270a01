//! The `question.answer` column's form (schema 13): a JSON array led by a one-letter tag.
//!
//! | answer | stored |
//! |---|---|
//! | typed text | `["t", accepted…]` (the first is the one shown) |
//! | number | `["n", value, unit]` or `["n", value, unit, qualifier]` |
//! | date | `["d", "YYYY-MM-DD"]` |
//! | one option | `["c", correct index, options…]` |
//! | true or false | `["b", true]` |
//! | every item of a list | `["l", [forms of item 1…], [forms of item 2…]…]` |
//! | an order | `["o", [correct order as indexes into shown…], shown…]` |
//! | revealed, self-graded | `["r", answer]` |
//!
//! Before schema 13 the column held the public JSON form (`{"type":"text","accepted":[…]}`,
//! still what `--json` output and result files carry), which spelled out its keys in every
//! row: 4.9 MB of a 100,000-question database's 30.5 MB, against 2.6 MB in this form. A
//! question's fingerprint is still taken over the public form ([`Question::stored_forms`]),
//! so an upgraded database tells an updated question from an unchanged one as before.
//!
//! [`Question::stored_forms`]: crate::question::Question::stored_forms

use std::fmt;

use rusqlite::{Transaction, params};
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeSeq, Serializer};

use crate::error::{Error, Result};
use crate::question::Answer;

/// The column text of `answer`.
pub(crate) fn encode(answer: &Answer) -> String {
    // Serializing strings, numbers and booleans into a String cannot fail.
    serde_json::to_string(&Column(answer)).unwrap_or_default()
}

/// `answer` back from its column text.
pub(crate) fn decode(text: &str) -> serde_json::Result<Answer> {
    serde_json::from_str::<Decoded>(text).map(|d| d.0)
}

/// Schema 13: every question's answer from the public form to the column form, in one
/// pass over the table by row id (a scan is not left open over rows it updates).
pub(super) fn compact_all(tx: &Transaction) -> Result<()> {
    let mut read =
        tx.prepare("SELECT id, answer FROM question WHERE id > ?1 ORDER BY id LIMIT 2000")?;
    let mut write = tx.prepare("UPDATE question SET answer = ?2 WHERE id = ?1")?;
    let mut after = i64::MIN;
    loop {
        let rows: Vec<(i64, String)> = read
            .query_map([after], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let Some(&(last, _)) = rows.last() else {
            return Ok(());
        };
        for (id, public) in rows {
            let answer: Answer = serde_json::from_str(&public).map_err(|e| {
                Error::Other(format!(
                    "question {id}: its stored answer is not an answer ({e}); nothing was changed"
                ))
            })?;
            write.execute(params![id, encode(&answer)])?;
        }
        after = last;
    }
}

struct Column<'a>(&'a Answer);

impl Serialize for Column<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        match self.0 {
            Answer::Text { accepted } => {
                seq.serialize_element(&Tag::Text)?;
                each(&mut seq, accepted)?;
            }
            Answer::Number {
                value,
                unit,
                qualifier,
            } => {
                seq.serialize_element(&Tag::Number)?;
                seq.serialize_element(value)?;
                seq.serialize_element(unit)?;
                each(&mut seq, qualifier.as_slice())?;
            }
            Answer::Date { date } => {
                seq.serialize_element(&Tag::Date)?;
                seq.serialize_element(date)?;
            }
            Answer::Choice { options, correct } => {
                seq.serialize_element(&Tag::Choice)?;
                seq.serialize_element(correct)?;
                each(&mut seq, options)?;
            }
            Answer::TrueFalse { value } => {
                seq.serialize_element(&Tag::TrueFalse)?;
                seq.serialize_element(value)?;
            }
            Answer::List { items } => {
                seq.serialize_element(&Tag::List)?;
                each(&mut seq, items)?;
            }
            Answer::Order { shown, correct } => {
                seq.serialize_element(&Tag::Order)?;
                seq.serialize_element(correct)?;
                each(&mut seq, shown)?;
            }
            Answer::Reveal { answer } => {
                seq.serialize_element(&Tag::Reveal)?;
                seq.serialize_element(answer)?;
            }
        }
        seq.end()
    }
}

/// Every one of `all` as an element of its own.
fn each<S: SerializeSeq, T: Serialize>(
    seq: &mut S,
    all: &[T],
) -> std::result::Result<(), S::Error> {
    all.iter().try_for_each(|x| seq.serialize_element(x))
}

/// The first element of the column form: which answer it is.
#[derive(serde::Serialize, serde::Deserialize)]
enum Tag {
    #[serde(rename = "t")]
    Text,
    #[serde(rename = "n")]
    Number,
    #[serde(rename = "d")]
    Date,
    #[serde(rename = "c")]
    Choice,
    #[serde(rename = "b")]
    TrueFalse,
    #[serde(rename = "l")]
    List,
    #[serde(rename = "o")]
    Order,
    #[serde(rename = "r")]
    Reveal,
}

struct Decoded(Answer);

impl<'de> Deserialize<'de> for Decoded {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_seq(ColumnVisitor).map(Decoded)
    }
}

struct ColumnVisitor;

/// The next element, which the form requires (`at` is its index, for the error).
fn required<'de, T: Deserialize<'de>, A: SeqAccess<'de>>(
    seq: &mut A,
    at: usize,
) -> std::result::Result<T, A::Error> {
    seq.next_element()?
        .ok_or_else(|| de::Error::invalid_length(at, &ColumnVisitor))
}

/// Every element left, of one type.
fn rest<'de, T: Deserialize<'de>, A: SeqAccess<'de>>(
    seq: &mut A,
) -> std::result::Result<Vec<T>, A::Error> {
    let mut all = Vec::with_capacity(seq.size_hint().unwrap_or(4));
    while let Some(x) = seq.next_element()? {
        all.push(x);
    }
    Ok(all)
}

impl<'de> Visitor<'de> for ColumnVisitor {
    type Value = Answer;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an answer as stored: a JSON array led by its tag (t, n, d, c, b, l, o or r)")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Answer, A::Error> {
        let answer = match required::<Tag, _>(&mut seq, 0)? {
            Tag::Text => Answer::Text {
                accepted: rest(&mut seq)?,
            },
            Tag::Number => Answer::Number {
                value: required(&mut seq, 1)?,
                unit: required(&mut seq, 2)?,
                qualifier: seq.next_element()?,
            },
            Tag::Date => Answer::Date {
                date: required(&mut seq, 1)?,
            },
            Tag::Choice => {
                let correct = required(&mut seq, 1)?;
                Answer::Choice {
                    correct,
                    options: rest(&mut seq)?,
                }
            }
            Tag::TrueFalse => Answer::TrueFalse {
                value: required(&mut seq, 1)?,
            },
            Tag::List => Answer::List {
                items: rest(&mut seq)?,
            },
            Tag::Order => {
                let correct = required(&mut seq, 1)?;
                Answer::Order {
                    correct,
                    shown: rest(&mut seq)?,
                }
            }
            Tag::Reveal => Answer::Reveal {
                answer: required(&mut seq, 1)?,
            },
        };
        // Forms of a fixed length end there: more is not an answer this binary wrote.
        if seq.next_element::<IgnoredAny>()?.is_some() {
            return Err(de::Error::custom("more elements than the answer has"));
        }
        Ok(answer)
    }
}

#[cfg(test)]
mod tests {
    use super::{decode, encode};
    use crate::question::Answer;

    fn every_shape() -> Vec<Answer> {
        let s = |x: &str| x.to_owned();
        vec![
            Answer::Text {
                accepted: vec![s("和平共处"), s("peaceful \"coexistence\"")],
            },
            Answer::Text { accepted: vec![] },
            Answer::Number {
                value: 4.0,
                unit: s("项"),
                qualifier: None,
            },
            Answer::Number {
                value: -0.25,
                unit: s(""),
                qualifier: Some(s("约")),
            },
            Answer::Date { date: s("2025-07") },
            Answer::Choice {
                options: vec![s("a"), s("b\nc"), s("d")],
                correct: 2,
            },
            Answer::TrueFalse { value: false },
            Answer::List {
                items: vec![vec![s("经贸"), s("经济贸易")], vec![s("人文")]],
            },
            Answer::Order {
                shown: vec![s("x"), s("y"), s("z")],
                correct: vec![2, 0, 1],
            },
            Answer::Reveal { answer: s("…") },
        ]
    }

    #[test]
    fn every_shape_reads_back_as_written() {
        for a in every_shape() {
            let text = encode(&a);
            assert_eq!(decode(&text).unwrap(), a, "{text}");
        }
    }

    #[test]
    fn the_stored_form_is_the_documented_array() {
        let forms: Vec<String> = every_shape().iter().map(encode).collect();
        assert_eq!(
            forms,
            [
                r#"["t","和平共处","peaceful \"coexistence\""]"#,
                r#"["t"]"#,
                r#"["n",4.0,"项"]"#,
                r#"["n",-0.25,"","约"]"#,
                r#"["d","2025-07"]"#,
                r#"["c",2,"a","b\nc","d"]"#,
                r#"["b",false]"#,
                r#"["l",["经贸","经济贸易"],["人文"]]"#,
                r#"["o",[2,0,1],"x","y","z"]"#,
                r#"["r","…"]"#,
            ]
        );
    }

    #[test]
    fn the_stored_form_is_smaller_than_the_public_one() {
        for a in every_shape() {
            let public = serde_json::to_string(&a).unwrap();
            assert!(encode(&a).len() < public.len(), "{public}");
        }
    }

    /// A database written before schema 13 (its answers in the public form, user_version
    /// 12) upgrades on open: the same questions read back, every answer is in the column
    /// form, and re-adding the deck finds every question unchanged (fingerprints kept).
    #[test]
    fn a_schema_12_database_upgrades_to_the_column_form_keeping_fingerprints() {
        use crate::db::Db;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.db");
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/mini.toml"
        ))
        .unwrap();
        let deck = crate::deck::parse("mini.toml", &text).unwrap();
        let generated = || {
            let (pool, _) = crate::generate::Pool::for_deck(&deck, [&deck]);
            crate::generate::generate(&deck, &pool)
        };
        let mut db = Db::open(&path).unwrap();
        db.import(&[(&deck, generated())], 1_800_000_000).unwrap();
        let before = db.questions("mini", None).unwrap();
        let shapes: std::collections::BTreeSet<_> = db
            .conn
            .prepare("SELECT DISTINCT answer ->> 0 FROM question")
            .unwrap()
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(
            shapes.len() >= 5,
            "the deck has many answer shapes: {shapes:?}"
        );
        // Back to what schema 12 stored.
        let stored: Vec<(i64, String)> = db
            .conn
            .prepare("SELECT id, answer FROM question")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for (id, column) in &stored {
            let public = serde_json::to_string(&decode(column).unwrap()).unwrap();
            assert!(public.starts_with(r#"{"type":"#), "{public}");
            db.conn
                .execute(
                    "UPDATE question SET answer = ?2 WHERE id = ?1",
                    rusqlite::params![id, public],
                )
                .unwrap();
        }
        db.conn.pragma_update(None, "user_version", 12).unwrap();
        drop(db);

        let mut db = Db::open(&path).unwrap();
        assert_eq!(db.schema_version().unwrap(), crate::db::SCHEMA_VERSION);
        assert_eq!(db.questions("mini", None).unwrap(), before);
        let after: Vec<(i64, String)> = db
            .conn
            .prepare("SELECT id, answer FROM question")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(after, stored, "the same column text as a fresh import's");
        let report = db.import(&[(&deck, generated())], 1_800_000_100).unwrap();
        assert_eq!(
            (report[0].unchanged, report[0].updated, report[0].added),
            (before.len() as u64, 0, 0)
        );
    }

    #[test]
    fn what_is_not_an_answer_is_an_error_not_a_guess() {
        for bad in [
            "",
            "[]",
            r#"["x","a"]"#,
            r#"["n",4.0]"#,
            r#"["n","4","项"]"#,
            r#"["d"]"#,
            r#"["d","2025","2026"]"#,
            r#"["b",true,false]"#,
            r#"["c","a","b"]"#,
            r#"["l","not a list"]"#,
            r#"{"type":"text","accepted":["a"]}"#,
            r#"["t",1]"#,
        ] {
            assert!(decode(bad).is_err(), "{bad:?} read as an answer");
        }
    }
}
