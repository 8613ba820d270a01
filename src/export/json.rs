//! `--format json`: the deck's facts and its generated questions in one document, for other
//! tools. The layout is documented in docs/export.md; `version` changes only when a field
//! changes meaning or goes away (new fields may appear at any time).

use serde::Serialize;
use serde_json::{Map, Value};

use super::DeckData;
use crate::deck::Deck;
use crate::deck::model::DeckFile;
use crate::question::Question;

/// The format's version number.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    deck: &'a crate::deck::model::DeckMeta,
    sources: &'a [crate::deck::model::Source],
    contexts: &'a [crate::deck::model::Context],
    aliases: &'a [crate::deck::model::AliasSet],
    facts: Vec<Value>,
    questions: Vec<QuestionOut<'a>>,
}

#[derive(Serialize)]
struct QuestionOut<'a> {
    #[serde(flatten)]
    question: &'a Question,
    fact_kind: &'a str,
}

/// The whole deck as pretty-printed JSON, ending in a newline. `deck` is the parsed deck
/// file ([`DeckData::deck_file`]).
pub fn render(d: &DeckData, deck: &Deck) -> String {
    let f = &deck.file;
    let doc = Document {
        format: "quiz-deck",
        version: VERSION,
        deck: &f.deck,
        sources: &f.sources,
        contexts: &f.contexts,
        aliases: &f.aliases,
        facts: facts(f),
        questions: d
            .questions
            .iter()
            .zip(&d.fact_kinds)
            .map(|(q, k)| QuestionOut {
                question: q,
                fact_kind: k,
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// Every fact in file order by kind, each an object with its `kind` added.
fn facts(f: &DeckFile) -> Vec<Value> {
    let mut out = Vec::new();
    let mut push = |kind: &str, v: serde_json::Result<Value>| {
        if let Ok(Value::Object(m)) = v {
            let mut obj = Map::new();
            obj.insert("kind".into(), Value::String(kind.into()));
            obj.extend(m);
            out.push(Value::Object(obj));
        }
    };
    for x in &f.lists {
        push("list", serde_json::to_value(x));
    }
    for x in &f.events {
        push("event", serde_json::to_value(x));
    }
    for x in &f.numbers {
        push("number", serde_json::to_value(x));
    }
    for x in &f.terms {
        push("term", serde_json::to_value(x));
    }
    for x in &f.documents {
        push("document", serde_json::to_value(x));
    }
    for x in &f.people {
        push("person", serde_json::to_value(x));
    }
    for x in &f.qas {
        push("qa", serde_json::to_value(x));
    }
    for x in &f.clozes {
        push("cloze", serde_json::to_value(x));
    }
    out
}
