//! Malformed decks: each gives a clear error (file, line, column) or a correct result, and
//! none makes quiz panic. A property test throws random edits of a real deck at the parser.

mod common;

use common::{Env, fixture_text};
use proptest::prelude::*;

const HEAD: &str = "[deck]\nid = \"d\"\ntitle = \"T\"\n\n[[source]]\nid = \"s\"\ntitle = \"S\"\npublisher = \"P\"\ndate = \"2021-05-19\"\n";

/// Adds a deck through the real binary; returns (success, stderr).
fn add(env: &Env, bytes: &[u8]) -> (bool, String) {
    let p = env.path("deck.toml");
    std::fs::write(&p, bytes).unwrap();
    let out = env
        .quiz()
        .args(["add-deck", p.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "panic on input: {err}");
    assert!(out.status.code().is_some(), "killed by a signal: {err}");
    (out.status.success(), err)
}

#[test]
fn a_corpus_of_malformed_decks_gives_clear_errors() {
    let env = Env::new();
    let path = env.path("deck.toml").display().to_string();
    let mut big_list =
        format!("{HEAD}\n[[list]]\nid = \"big\"\nsource = \"s\"\nheading = \"H\"\ncount = 10000\n");
    for i in 0..10_000 {
        big_list.push_str(&format!("[[list.item]]\ntext = \"item {i}\"\n"));
    }
    let deep = format!("{HEAD}\nx = {}{}\n", "[".repeat(5000), "]".repeat(5000));
    let deep_tables = format!(
        "{HEAD}\n[{}]\n",
        (0..3000)
            .map(|i| format!("a{i}"))
            .collect::<Vec<_>>()
            .join(".")
    );
    let cases: Vec<(&str, Vec<u8>, Option<&str>)> = vec![
        ("wrong type", format!("{HEAD}\n[[list]]\nid = \"l\"\nsource = \"s\"\nheading = \"H\"\ncount = \"four\"\n[[list.item]]\ntext = \"a\"\n").into_bytes(), Some(":15:9: invalid type: string \"four\", expected u32")),
        ("negative count", format!("{HEAD}\n[[list]]\nid = \"l\"\nsource = \"s\"\nheading = \"H\"\ncount = -1\n[[list.item]]\ntext = \"a\"\n").into_bytes(), Some(":15:9: invalid value: integer `-1`, expected u32")),
        ("NUL byte", b"[deck]\nid = \"d\0\"\ntitle = \"T\"\n".to_vec(), Some(":2:8: ")),
        ("invalid UTF-8", b"[deck]\ntitle = \"\xe4\xb8\"\n".to_vec(), Some(":2:10: the file is not valid UTF-8")),
        ("deeply nested arrays", deep.into_bytes(), Some(":11:")),
        ("deeply nested tables", deep_tables.into_bytes(), Some(":1:1: tables or arrays are nested too deeply")),
        ("not TOML at all", b"\x89PNG\r\n\x1a\n".to_vec(), Some(":1:1: the file is not valid UTF-8")),
        ("empty file", Vec::new(), Some(":1:1: missing field `deck`")),
        ("huge string", format!("{HEAD}\n[[qa]]\nid = \"q\"\nsource = \"s\"\nquestion = \"{}\"\nanswer = \"a\"\n", "长".repeat(2_000_000)).into_bytes(), None),
        ("10,000-item list", big_list.into_bytes(), None),
        ("control characters and RTL marks in answers", format!("{HEAD}\n[[qa]]\nid = \"q\"\nsource = \"s\"\nquestion = \"Q\\u0007?\"\nanswer = \"\u{202E}上海精神\\u001b[31m\"\naccept = [\"\u{200F}\"]\n").into_bytes(), None),
    ];
    for (name, bytes, want) in cases {
        let (ok, err) = add(&env, &bytes);
        match want {
            Some(want) => {
                assert!(!ok, "{name}: accepted");
                let first = err.lines().next().unwrap_or("");
                assert!(
                    first.starts_with(&format!("quiz: {path}:")),
                    "{name}: error does not name the file: {err}"
                );
                assert!(first.contains(want), "{name}: want {want:?} in {first:?}");
            }
            None => assert!(ok, "{name}: refused: {err}"),
        }
    }
    // The accepted ones are really there, the 10,000-item list with its questions.
    let decks = env.ok(&["decks", "--json"]);
    assert!(decks.contains("\"id\":\"d\""), "{decks}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Random byte edits of a real deck: the parser answers Ok or a located error, never panics.
    #[test]
    fn random_edits_of_a_deck_never_panic(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..8)) {
        let mut bytes = fixture_text("mini.toml").into_bytes();
        for (at, byte, op) in edits {
            let i = at.index(bytes.len().max(1));
            match op {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i.min(bytes.len()), byte),
                _ if i < bytes.len() => { bytes.remove(i); }
                _ => {}
            }
        }
        if let Ok(text) = String::from_utf8(bytes) {
            match quiz::deck::parse("mini.toml", &text) {
                Ok(d) => {
                    let qs = quiz::generate::generate(&d, &quiz::generate::Pool::build([&d]));
                    prop_assert!(!qs.is_empty());
                }
                Err(quiz::Error::Deck(lines)) => {
                    for l in lines {
                        prop_assert!(l.starts_with("mini.toml:"), "{}", l);
                    }
                }
                Err(e) => prop_assert!(false, "unexpected error kind: {}", e),
            }
        }
    }

    /// Arbitrary text is never a panic either.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = quiz::deck::parse("x.toml", &text);
    }
}
