//! The decks built into the binary: both load, cover every question kind their facts allow,
//! hold the enumerations of the two source texts with the right counts, and never show a
//! censored `*`.

mod common;

use std::collections::BTreeSet;

use common::Env;
use quiz::deck::{self, builtin};

fn builtin_deck(name: &str) -> quiz::deck::Deck {
    deck::parse(name, builtin::get(name).expect("built-in deck")).unwrap()
}

#[test]
fn both_built_in_decks_load_with_every_question_kind_and_re_adding_changes_nothing() {
    let env = Env::new();
    let out = env.ok(&["add-deck", "--builtin"]);
    assert!(
        out.contains("sco-fm-2020: new deck") && out.contains("cc5-xian-2021: new deck"),
        "{out}"
    );
    let decks = env.ok(&["decks", "--json"]);
    let total: i64 = decks
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["total"]
                .as_i64()
                .unwrap()
        })
        .sum();
    assert!(total >= 150, "only {total} questions");

    let mut kinds = BTreeSet::new();
    for d in ["sco-fm-2020", "cc5-xian-2021"] {
        for line in env.ok(&["questions", d, "--json"]).lines() {
            let q: serde_json::Value = serde_json::from_str(line).unwrap();
            kinds.insert(q["kind"].as_str().unwrap().to_owned());
            // `**不**` is emphasis; any other `*` would be a censored character.
            let shown = format!("{} {}", q["prompt"], q["answer"]).replace("**", "");
            assert!(!shown.contains('*'), "censored star in {line}");
        }
    }
    let all: BTreeSet<String> = quiz::question::Kind::ALL
        .iter()
        .map(|k| k.as_str().to_owned())
        .collect();
    assert_eq!(
        kinds, all,
        "every question kind appears in the built-in decks"
    );

    let before = std::fs::read(env.db()).unwrap();
    let again = env.ok(&["add-deck", "sco-fm-2020", "cc5-xian-2021"]);
    for line in again.lines() {
        assert!(
            line.ends_with(" unchanged") && !line.contains("added"),
            "{line}"
        );
    }
    assert_eq!(std::fs::read(env.db()).unwrap(), before);
}

#[test]
fn the_enumerations_of_the_source_texts_have_their_counts_and_order() {
    let t1 = builtin_deck("sco-fm-2020");
    let t2 = builtin_deck("cc5-xian-2021");
    let list = |d: &quiz::deck::Deck, id: &str| {
        d.file
            .lists
            .iter()
            .find(|l| l.id.get_ref() == id)
            .unwrap_or_else(|| panic!("no list {id}"))
            .clone()
    };
    for (d, id, n, ordered) in [
        (&t1, "e1-sco-outcomes", 5, true),
        (&t1, "e2-russia-areas", 4, true),
        (&t1, "e3-epidemic-measures", 4, true),
        (&t1, "e4-bri-resumption", 4, true),
        (&t1, "s-four-countries", 4, false),
        (&t2, "e5-significance", 4, false),
        (&t2, "e6-cn-kz", 3, false),
        (&t2, "s-documents", 4, false),
    ] {
        let l = list(d, id);
        assert_eq!(l.items.get_ref().len(), n, "{id}");
        assert!(l.closed, "{id} is closed");
        assert_eq!(l.ordered, ordered, "{id}");
    }
    let keys = |d, id| {
        list(d, id)
            .items
            .get_ref()
            .iter()
            .map(|i| i.key().to_owned())
            .collect::<Vec<_>>()
    };
    assert!(keys(&t1, "e2-russia-areas")[1].contains("做大国和睦共处典范"));
    assert!(keys(&t1, "e1-sco-outcomes")[4].contains("多边主义"));
    assert!(keys(&t1, "e3-epidemic-measures")[3].contains("中医药"));
}

#[test]
fn censored_characters_are_restored_in_the_deck_files() {
    for (name, text) in builtin::BUILTIN {
        assert!(!text.contains('*'), "{name} shows a censored `*`");
    }
    let t1 = builtin::get("sco-fm-2020").unwrap();
    for restored in ["政治", "病毒"] {
        assert!(t1.contains(restored), "{restored} restored in sco-fm-2020");
    }
}
