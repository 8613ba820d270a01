//! `quiz check` and the reproducibility of generation, on the real binary with temp databases.

mod common;

use std::collections::BTreeSet;

use common::{Env, fixture};

/// Every rule, with the fault the deliberate-fault deck holds for it.
const RULES: [&str; 11] = [
    "related-missing",
    "heading-dangling",
    "heading-fragment",
    "wrong-option",
    "count-in-heading",
    "answer-in-label",
    "answer-in-question",
    "not-a-document",
    "nested-quotes",
    "no-meeting",
    "too-many-questions",
];

#[test]
fn the_fault_deck_has_every_fault_found_with_file_line_and_fact() {
    let env = Env::new();
    let path = fixture("faults.toml");
    let out = env
        .quiz()
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "findings fail the check");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("findings"), "{stderr}");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut found = BTreeSet::new();
    for line in stdout.lines() {
        // path:LINE: fact: [rule] message
        let rest = line
            .strip_prefix(&format!("{}:", path.display()))
            .unwrap_or_else(|| panic!("no file in {line}"));
        let (n, rest) = rest.split_once(": ").unwrap();
        let n: usize = n.parse().unwrap_or_else(|_| panic!("no line in {line}"));
        let (fact, rest) = rest.split_once(": [").unwrap();
        let rule = rest.split(']').next().unwrap();
        // The line named is the fact's id (or the deck's).
        let at = text.lines().nth(n - 1).unwrap();
        if fact == "deck" {
            assert!(at.starts_with("id = \"faults\""), "{line}: {at}");
        } else {
            assert!(at.starts_with(&format!("id = \"{fact}\"")), "{line}: {at}");
        }
        found.insert(rule.to_owned());
    }
    for rule in RULES {
        assert!(found.contains(rule), "{rule} not found in:\n{stdout}");
    }
    // Each fault is found where it is, and only there.
    for (rule, fact) in [
        ("answer-in-label", "meeting"),
        ("answer-in-question", "wangyi"),
        ("count-in-heading", "five"),
        ("not-a-document", "investment"),
        ("nested-quotes", "nested"),
        ("no-meeting", "nowhere"),
        ("too-many-questions", "many"),
        ("heading-dangling", "ours"),
        ("heading-fragment", "theirs"),
    ] {
        let facts: BTreeSet<&str> = stdout
            .lines()
            .filter(|l| l.contains(&format!("[{rule}]")))
            .map(|l| l.split(": ").nth(1).unwrap())
            .collect();
        assert_eq!(facts, BTreeSet::from([fact]), "{rule}");
    }
}

#[test]
fn add_deck_prints_the_findings_as_warnings_and_adds_the_deck() {
    let env = Env::new();
    let out = env
        .quiz()
        .args(["add-deck", fixture("faults.toml").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("warning: ") && stderr.contains("[not-a-document]"),
        "{stderr}"
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("faults: new deck, ")
    );
}

#[test]
fn both_built_in_decks_pass_the_check_clean() {
    let env = Env::new();
    for deck in ["sco-fm-2020", "cc5-xian-2021"] {
        let out = env.ok(&["check", deck]);
        assert_eq!(out, format!("builtin:{deck}: no findings\n"));
        let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("decks")
            .join(format!("{deck}.toml"));
        let out = env.ok(&["check", file.to_str().unwrap()]);
        assert!(out.ends_with(": no findings\n"), "{out}");
    }
    // Added, they raise no warning either.
    let out = env.quiz().args(["add-deck", "--builtin"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
}

#[test]
fn check_names_an_unknown_deck() {
    let env = Env::new();
    let err = env.fails(&["check", "no-such-deck"]);
    assert!(
        err.contains("no-such-deck: no such file, built-in deck or deck in the database"),
        "{err}"
    );
    assert!(!env.db().exists(), "check must not create a database");
}

/// Every question of `deck` as JSON lines, sorted by id.
fn questions(env: &Env, deck: &str) -> Vec<String> {
    let mut v: Vec<String> = env
        .ok(&["questions", deck, "--json"])
        .lines()
        .map(str::to_owned)
        .collect();
    v.sort();
    v
}

fn sheet(env: &Env, deck: &str) -> String {
    env.ok(&[
        "export", deck, "-f", "sheet", "--seed", "11", "--count", "40",
    ])
}

#[test]
fn a_decks_questions_do_not_depend_on_the_other_decks_in_the_database() {
    let alone: Vec<(Env, &str)> = ["sco-fm-2020", "cc5-xian-2021"]
        .into_iter()
        .map(|d| {
            let env = Env::new();
            env.ok(&["add-deck", d]);
            (env, d)
        })
        .collect();
    let both = Env::new();
    both.ok(&["add-deck", "sco-fm-2020", "cc5-xian-2021"]);
    let reversed = Env::new();
    reversed.ok(&["add-deck", "cc5-xian-2021"]);
    reversed.ok(&["add-deck", "sco-fm-2020"]);
    // Another deck in the database, not named as related, changes nothing either.
    reversed.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    let readded = reversed.ok(&["add-deck", "--builtin"]);
    assert_eq!(
        readded,
        format!(
            "cc5-xian-2021: {} unchanged\nsco-fm-2020: {} unchanged\n",
            questions(&reversed, "cc5-xian-2021").len(),
            questions(&reversed, "sco-fm-2020").len()
        ),
        "re-adding in another order changed questions"
    );
    for (env, deck) in &alone {
        let qs = questions(env, deck);
        assert!(qs.len() > 200, "{deck}: {}", qs.len());
        assert_eq!(qs, questions(&both, deck), "{deck}: alone vs both");
        assert_eq!(qs, questions(&reversed, deck), "{deck}: alone vs reversed");
        let s = sheet(env, deck);
        assert_eq!(s, sheet(&both, deck), "{deck}: sheet");
        assert_eq!(s, sheet(&reversed, deck), "{deck}: sheet");
    }
}
