//! Anki packages, checked with Anki's own engine (the `anki` Python package, in a venv made
//! by scripts/anki-venv under target/): our .apkg imports into Anki with the right notes,
//! fields and tags, and a newer export updates instead of duplicating; Anki's packages
//! import with `quiz add-deck`.
//!
//! Without Python or the `anki` package these tests fail with a message saying so, unless
//! QUIZ_SKIP_ANKI=1 is set: then they print that they skipped and pass.

mod instructor_env;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use instructor_env::{Env, NOW, fixture};
use serde_json::Value;

/// The venv's python, made once per test run; `None` when skipping.
fn anki_python() -> Option<&'static Path> {
    static PYTHON: OnceLock<Option<PathBuf>> = OnceLock::new();
    PYTHON
        .get_or_init(|| {
            if std::env::var("QUIZ_SKIP_ANKI").is_ok_and(|v| v == "1") {
                return None;
            }
            let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/anki-venv");
            let out = Command::new(&script).output().unwrap_or_else(|e| {
                panic!(
                    "cannot run {}: {e}\nThese tests need Anki's engine (python3 with venv, and the \
                     `anki` package from the Python package index); set QUIZ_SKIP_ANKI=1 to skip them.",
                    script.display()
                )
            });
            assert!(
                out.status.success(),
                "scripts/anki-venv failed:\n{}\nThese tests need Anki's engine (python3 with venv, and \
                 the `anki` package from the Python package index); set QUIZ_SKIP_ANKI=1 to skip them.",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(PathBuf::from(
                String::from_utf8_lossy(&out.stdout).trim().to_owned(),
            ))
        })
        .as_deref()
}

/// Runs tests/anki/anki_tool.py; its output is JSON (or nothing).
fn anki_tool(py: &Path, args: &[&str]) -> Value {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/anki/anki_tool.py");
    let out = Command::new(py).arg(tool).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "anki_tool {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    if text.trim().is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap()
    }
}

macro_rules! need_anki {
    () => {
        match anki_python() {
            Some(py) => py,
            None => {
                eprintln!("QUIZ_SKIP_ANKI=1: skipped (needs Anki's engine)");
                return;
            }
        }
    };
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn notes_by_uid(doc: &Value) -> HashMap<String, Value> {
    doc["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let f = &n["fields"];
            let uid = f["Uid"].as_str().unwrap().to_owned();
            (uid, n.clone())
        })
        .collect()
}

/// What the deck's questions (from its JSON export) say the package must hold: fact
/// (`DECK/FACT`) → its fact kind and the kinds of question it has.
fn facts_of(env: &Env, deck: &str) -> HashMap<String, (String, HashSet<String>)> {
    let json: Value = serde_json::from_str(&env.run(&["export", deck, "-f", "json"])).unwrap();
    let mut facts: HashMap<String, (String, HashSet<String>)> = HashMap::new();
    for q in json["questions"].as_array().unwrap() {
        let e = facts
            .entry(q["sibling"].as_str().unwrap().to_owned())
            .or_insert_with(|| (q["fact_kind"].as_str().unwrap().to_owned(), HashSet::new()));
        e.1.insert(q["kind"].as_str().unwrap().to_owned());
    }
    facts
}

/// Card template names, as docs/export.md lists them, by question kind.
fn template_of(kind: &str) -> &'static str {
    match kind {
        "choice" => "Multiple choice",
        "true_false" => "True or false",
        "not_in_list" => "Not in the list",
        "how_many" => "How many",
        "item_at" => "Item at position",
        "position_of" => "Position of item",
        "list_recall" => "Whole list",
        "order" => "Order",
        "what_on_date" => "What happened",
        "where" => "Where",
        "when" => "When",
        "chronology" => "Chronology",
        "recall" => "Recall",
        "reveal" => "Reveal",
        "cloze" => "Cloze",
        other => panic!("a question kind docs/export.md does not list: {other}"),
    }
}

fn new_collection(env: &Env) -> PathBuf {
    let coll = env.path("anki/collection.anki2");
    std::fs::create_dir_all(coll.parent().unwrap()).unwrap();
    coll
}

#[test]
fn apkg_is_one_note_per_fact_with_a_card_per_kind_and_a_newer_export_updates_it() {
    let py = need_anki!();
    let mut env = Env::new();
    env.add_mini();
    let questions = env.questions("mini");
    let facts = facts_of(&env, "mini");
    let card_count: usize = facts.values().map(|(_, k)| k.len()).sum();
    assert!(card_count < questions.len(), "variants share a card");
    let pkg = env.path("mini.apkg");
    let out = env.run(&["export", "mini", "-f", "apkg", "-o", s(&pkg)]);
    assert!(
        out.contains(&format!(
            "{} notes (one per fact) with {card_count} cards",
            facts.len()
        )),
        "{out}"
    );

    let coll = new_collection(&env);
    let doc = anki_tool(py, &["import", s(&pkg), s(&coll)]);
    assert_eq!(doc["log"]["new"], facts.len());
    let notes = notes_by_uid(&doc);
    assert_eq!(notes.len(), facts.len());
    let all_cards: usize = notes
        .values()
        .map(|n| n["cards"].as_array().unwrap().len())
        .sum();
    assert_eq!(all_cards, card_count);

    // Each fact: its note type is its fact kind's, its cards are its question kinds, its
    // tags name the deck, the fact kind and the source.
    for (uid, (fact_kind, kinds)) in &facts {
        let n = &notes[uid];
        assert_eq!(
            n["notetype"],
            format!("quiz {fact_kind} fact (mini)"),
            "{uid}"
        );
        assert_eq!(n["deck"], "测试卡组", "{uid}");
        let templates: HashSet<&str> = n["cards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["template"].as_str().unwrap())
            .collect();
        let expected: HashSet<&str> = kinds.iter().map(|k| template_of(k)).collect();
        assert_eq!(templates, expected, "{uid}");
        let tags: Vec<&str> = n["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert!(tags.contains(&"quiz::deck::mini"), "{uid}: {tags:?}");
        assert!(
            tags.contains(&format!("quiz::fact::{fact_kind}").as_str()),
            "{uid}: {tags:?}"
        );
        assert!(tags.contains(&"quiz::source::测试来源"), "{uid}: {tags:?}");
    }
    let card = |uid: &str, template: &str| -> Value {
        notes[uid]["cards"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["template"] == template)
            .unwrap_or_else(|| panic!("{uid} has no {template} card"))
            .clone()
    };
    // A kind asked one way has Anki's type-in box; one asked four ways shows them all to
    // the page, which picks one a day.
    let how_many = card("mini/areas", "How many");
    assert!(
        how_many["question"]
            .as_str()
            .unwrap()
            .contains("[[type:How many typed]]")
    );
    assert_eq!(notes["mini/areas"]["fields"]["How many typed"], "4个方面");
    let item_at = card("mini/areas", "Item at position");
    let front = item_at["question"].as_str().unwrap();
    assert_eq!(front.matches("是什么?</div>").count(), 4, "{front}");
    assert!(front.contains("class=variants") && front.contains("<script>"));
    assert!(
        !front.contains("[[type:"),
        "no type-in box for several variants"
    );
    assert!(
        item_at["answer"]
            .as_str()
            .unwrap()
            .contains("支持国际抗疫合作")
    );
    let choice = card("mini/areas", "Multiple choice");
    assert!(
        choice["question"]
            .as_str()
            .unwrap()
            .contains("<ol type=A class=options>")
    );
    let cloze = card("mini/luban-cloze", "Cloze");
    assert!(
        cloze["question"]
            .as_str()
            .unwrap()
            .contains("<span class=cloze>[…]</span>")
    );
    assert!(
        cloze["answer"]
            .as_str()
            .unwrap()
            .contains("<span class=cloze>5</span>")
    );
    let tf = card("mini/xian", "True or false");
    assert!(
        tf["answer"]
            .as_str()
            .unwrap()
            .contains("<div class=answer>对</div>")
    );

    // Reword a fact, re-add, export again later: Anki updates in place, adds nothing.
    let reworded = std::fs::read_to_string(fixture("mini.toml"))
        .unwrap()
        .replace("会晤为什么在西安举行?", "会晤为何选在西安举行?");
    let deck2 = env.path("mini2.toml");
    std::fs::write(&deck2, reworded).unwrap();
    env.now = NOW + 3600;
    env.run(&["add-deck", s(&deck2)]);
    let pkg2 = env.path("mini2.apkg");
    env.run(&["export", "mini", "-f", "apkg", "-o", s(&pkg2)]);
    let doc2 = anki_tool(py, &["import", s(&pkg2), s(&coll)]);
    assert_eq!(doc2["log"]["new"], 0, "{}", doc2["log"]);
    assert_eq!(doc2["log"]["updated"], facts.len());
    let notes2 = notes_by_uid(&doc2);
    assert_eq!(notes2.len(), facts.len(), "no duplicates");
    let cards2: usize = notes2
        .values()
        .map(|n| n["cards"].as_array().unwrap().len())
        .sum();
    assert_eq!(cards2, card_count, "no duplicate cards");
    let why = &notes2["mini/why-xian"];
    assert!(
        why["fields"]["Reveal"]
            .as_str()
            .unwrap()
            .contains("会晤为何选在西安举行?"),
        "{why}"
    );
    assert_eq!(why["guid"], notes["mini/why-xian"]["guid"]);
}

#[test]
fn a_student_with_the_old_one_note_per_question_package_gets_the_fact_notes_beside_it() {
    // tests/fixtures/mini-per-question.apkg is what quiz exported for mini.toml before notes
    // were per fact. Anki cannot turn those notes into ours (a GUID under another note type
    // is a conflict it skips), so the new notes come in beside them, and the search
    // docs/export.md gives finds exactly the old ones.
    let py = need_anki!();
    let env = Env::new();
    env.add_mini();
    let facts = facts_of(&env, "mini");
    let coll = new_collection(&env);
    let old = anki_tool(
        py,
        &["import", s(&fixture("mini-per-question.apkg")), s(&coll)],
    );
    let old_notes = old["notes"].as_array().unwrap().len();
    assert!(old_notes > facts.len());
    let pkg = env.path("mini.apkg");
    env.run(&["export", "mini", "-f", "apkg", "-o", s(&pkg)]);
    let doc = anki_tool(py, &["import", s(&pkg), s(&coll)]);
    assert_eq!(doc["log"]["new"], facts.len(), "{}", doc["log"]);
    assert_eq!(doc["log"]["conflicting"], 0, "{}", doc["log"]);
    assert_eq!(doc["log"]["updated"], 0, "{}", doc["log"]);
    assert_eq!(
        doc["notes"].as_array().unwrap().len(),
        old_notes + facts.len()
    );
    let left = anki_tool(
        py,
        &["delete-notes", s(&coll), "\"note:quiz*\" tag:quiz::kind::*"],
    );
    assert_eq!(left["deleted"], old_notes);
    assert_eq!(notes_by_uid(&left).len(), facts.len());
    assert!(
        left["notes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["notetype"].as_str().unwrap().ends_with("fact (mini)"))
    );
}

#[test]
fn apkg_with_scheduling_carries_the_fact_memory_and_check_database_changes_nothing() {
    let py = need_anki!();
    let env = Env::new();
    env.add_mini();
    env.answer("mini/areas/item_at/1", 1, NOW - 2 * 86_400);
    env.answer("mini/areas/item_at/3", 3, NOW - 86_400);
    env.answer("mini/xian/when/date", 3, NOW - 3 * 86_400);
    let pkg = env.path("mine.apkg");
    let out = env.run(&[
        "export",
        "mini",
        "-f",
        "apkg",
        "--with-scheduling",
        "-o",
        s(&pkg),
    ]);
    assert!(out.contains("with scheduling and 3 reviews"), "{out}");
    let coll = new_collection(&env);
    let doc = anki_tool(py, &["import", s(&pkg), s(&coll), "--with-scheduling"]);
    assert_eq!(doc["revlog"], 3);
    let notes = notes_by_uid(&doc);
    let cards = |uid: &str| notes[uid]["cards"].as_array().unwrap().clone();
    // The answered kind's card carries the fact's memory and its own two answers.
    let areas = cards("mini/areas");
    let item_at = areas
        .iter()
        .find(|c| c["template"] == "Item at position")
        .unwrap();
    assert_eq!(item_at["type"], 2, "a review card: {item_at}");
    assert_eq!(item_at["reps"], 2);
    assert_eq!(item_at["stability"], 4.0);
    let data: Value = serde_json::from_str(item_at["data"].as_str().unwrap()).unwrap();
    assert_eq!(data["lrt"], NOW - 86_400, "Anki's last-review time: {data}");
    // Kinds never asked stay new; an unstudied fact is all new.
    for c in areas.iter().filter(|c| c["template"] != "Item at position") {
        assert_eq!(c["type"], 0, "{c}");
    }
    assert!(cards("mini/measures").iter().all(|c| c["type"] == 0));
    let when = cards("mini/xian");
    let when = when.iter().find(|c| c["template"] == "When").unwrap();
    assert_eq!(when["type"], 2);

    // Anki's Check Database finds nothing to fix: no card changes, none added or removed.
    let check = anki_tool(py, &["check-db", s(&coll)]);
    assert_eq!(check["cards_before"], check["cards_after"], "{check}");
    assert_eq!(check["changed"], Value::Array(vec![]), "{check}");
    let problems: Vec<&str> = check["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .filter(|p| !p.contains("rebuilt and optimized"))
        .collect();
    assert!(problems.is_empty(), "{check}");
}

const ENGLISH_DECK: &str = r#"
[deck]
id = "en-mini"
title = "English mini"
language = "en"

[[source]]
id = "s"
title = "Test source"
publisher = "Test"
date = "2021-05-12"

[[number]]
id = "members"
source = "s"
value = 8
unit = "members"
counts = "member states of the SCO"

[[qa]]
id = "lines"
source = "s"
question = "Name the two principles.\nGive both."
answer = "mutual trust\nmutual benefit"
self_graded = true
"#;

#[test]
fn an_english_deck_reads_true_and_false_and_its_line_breaks_arrive_as_br() {
    let py = need_anki!();
    let env = Env::new();
    let deck = env.path("en.toml");
    std::fs::write(&deck, ENGLISH_DECK).unwrap();
    env.run(&["add-deck", s(&deck)]);

    let pkg = env.path("en.apkg");
    env.run(&["export", "en-mini", "-f", "apkg", "-o", s(&pkg)]);
    let coll = new_collection(&env);
    let doc = anki_tool(py, &["import", s(&pkg), s(&coll)]);
    let notes = notes_by_uid(&doc);
    let members = &notes["en-mini/members"];
    let tf = members["fields"]["True or false answer"].as_str().unwrap();
    assert!(tf.contains(">True<") || tf.contains(">False<"), "{tf}");
    let front = members["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["template"] == "True or false")
        .unwrap()["question"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        front.contains("True or false?") && !front.contains('对'),
        "{front}"
    );
    let lines = &notes["en-mini/lines"]["fields"];
    assert_eq!(
        lines["Reveal"],
        "[English mini] Name the two principles.<br>Give both."
    );
    assert!(
        lines["Reveal answer"]
            .as_str()
            .unwrap()
            .contains("mutual trust<br>mutual benefit"),
        "{lines}"
    );
    for n in doc["notes"].as_array().unwrap() {
        for (name, v) in n["fields"].as_object().unwrap() {
            assert!(
                !v.as_str().unwrap().contains('\n'),
                "a raw line break in {name}: {v}"
            );
        }
    }

    let csv = env.path("en.csv");
    env.run(&["export", "en-mini", "-f", "csv", "-o", s(&csv)]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(
        text.lines().filter(|l| !l.starts_with('#')).count(),
        3,
        "no raw line breaks:\n{text}"
    );
    let coll = env.path("anki-csv/collection.anki2");
    std::fs::create_dir_all(coll.parent().unwrap()).unwrap();
    let doc = anki_tool(py, &["import-csv", s(&csv), s(&coll)]);
    let backs: Vec<&str> = doc["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["fields"]["Back"].as_str().unwrap())
        .collect();
    assert!(
        backs.contains(&"True") || backs.contains(&"False"),
        "{backs:?}"
    );
    assert!(
        backs.contains(&"mutual trust<br>mutual benefit"),
        "{backs:?}"
    );
}

#[test]
fn csv_export_imports_into_anki_with_its_headers() {
    let py = need_anki!();
    let env = Env::new();
    env.add_mini();
    let csv = env.path("mini.csv");
    env.run(&["export", "mini", "-f", "csv", "-o", s(&csv)]);
    let coll = env.path("anki/collection.anki2");
    std::fs::create_dir_all(coll.parent().unwrap()).unwrap();
    let doc = anki_tool(py, &["import-csv", s(&csv), s(&coll)]);
    let n = env.questions("mini").len();
    assert_eq!(doc["log"]["new"], n, "{}", doc["log"]);
    let note = doc["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["guid"] == "quiz-csv:mini/areas/item_at/1")
        .expect("the GUID column is read");
    assert_eq!(note["fields"]["Back"], "支持国际抗疫合作");
    assert_eq!(note["deck"], "测试卡组");
    assert!(
        note["tags"]
            .as_array()
            .unwrap()
            .contains(&Value::from("quiz::kind::item_at"))
    );
    // Importing the same file again updates rather than duplicates.
    let doc = anki_tool(py, &["import-csv", s(&csv), s(&coll)]);
    assert_eq!(doc["notes"].as_array().unwrap().len(), n);
}

/// Builds a package with Anki (`legacy`: collection.anki21; `current`: the zstd-compressed
/// collection.anki21b) and imports it with `quiz add-deck`.
fn anki_package_imports_with_add_deck(flavour: &str) {
    let py = need_anki!();
    let env = Env::new();
    let pkg = env.path("diplomacy.apkg");
    anki_tool(py, &["make-apkg", s(&pkg), flavour]);
    let out = env.run(&["add-deck", s(&pkg)]);
    assert!(
        out.contains("1 note of note type `Vocab (custom)` left out"),
        "{out}"
    );
    // Every part left behind is named.
    assert!(out.contains("1 media file ignored"), "{out}");
    assert!(
        out.contains("1 note had images or sounds beside its text, which were dropped"),
        "{out}"
    );
    assert!(
        out.contains("1 note left out: a side holds only images or sounds"),
        "the picture-only note is skipped, not kept unanswerable: {out}"
    );
    assert!(out.contains("1 note had formatting"), "{out}");
    // The id: the deck's name and six characters telling this Anki deck from others.
    let line = out
        .lines()
        .find(|l| l.ends_with(": new deck, 6 added"))
        .unwrap_or_else(|| panic!("{out}"));
    let id = line.split(':').next().unwrap();
    assert!(
        id.starts_with("diplomacy-basics-") && id.len() == "diplomacy-basics-".len() + 6,
        "{out}"
    );

    let qs = env.questions(id);
    let prompts: Vec<&str> = qs.iter().map(|q| q["prompt"].as_str().unwrap()).collect();
    assert!(prompts.contains(&"[Diplomacy Basics] Where is the UN headquarters?"));
    assert!(prompts.contains(&"[Diplomacy Basics] Capital of Kazakhstan?"));
    // Basic (and reversed card) gives both directions.
    assert!(prompts.contains(&"[Diplomacy Basics] Treaty of Westphalia"));
    assert!(prompts.contains(&"[Diplomacy Basics] 1648"));
    // Cloze: {{c1::…}} and {{c2::…::hint}} become two gaps.
    let cloze: Vec<&Value> = qs.iter().filter(|q| q["kind"] == "cloze").collect();
    assert_eq!(cloze.len(), 2);
    assert_eq!(cloze[0]["answer"]["accepted"][0], "2001");
    assert_eq!(cloze[1]["answer"]["accepted"][0], "Shanghai");
    // The hint of {{c2::Shanghai::city}} is shown at its gap, and only there.
    assert!(
        cloze[1]["prompt"]
            .as_str()
            .unwrap()
            .contains("in ____ (city)."),
        "{}",
        cloze[1]["prompt"]
    );
    assert!(!cloze[0]["prompt"].as_str().unwrap().contains("city"));
    assert!(
        !prompts.iter().any(|p| p.contains("Flag of")),
        "{prompts:?}"
    );
    let westphalia = qs
        .iter()
        .find(|q| {
            q["prompt"]
                .as_str()
                .unwrap()
                .ends_with("Treaty of Westphalia")
        })
        .unwrap();
    assert_eq!(westphalia["source"]["part"], "Treaties", "the subdeck");
    let astana = qs
        .iter()
        .find(|q| q["prompt"].as_str().unwrap().ends_with("Kazakhstan?"))
        .unwrap();
    assert_eq!(
        astana["answer"]["accepted"][0], "Astana",
        "the picture is gone"
    );

    // The stored deck is an ordinary deck file; adding the package again changes nothing.
    let toml = env.run(&["export", id]);
    assert!(
        toml.contains("[[qa]]") && toml.contains("[[cloze]]"),
        "{toml}"
    );
    // Anki's tags are kept on the facts.
    assert!(toml.contains(r#"tags = ["un"]"#), "{toml}");
    assert!(
        toml.contains(r#"tags = ["history::founding", "sco"]"#),
        "{toml}"
    );
    // …and go back out to Anki with the deck.
    let back = env.path("back.apkg");
    env.run(&["export", id, "-f", "apkg", "-o", s(&back)]);
    let coll = new_collection(&env);
    let doc = anki_tool(py, &["import", s(&back), s(&coll)]);
    let tagged: Vec<&Value> = doc["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| {
            n["tags"]
                .as_array()
                .unwrap()
                .contains(&Value::from("history::founding"))
        })
        .collect();
    assert_eq!(tagged.len(), 1, "{doc}");
    assert_eq!(tagged[0]["notetype"], format!("quiz cloze fact ({id})"));
    let again = env.run(&["add-deck", s(&pkg)]);
    assert!(again.contains(&format!("{id}: 6 unchanged")), "{again}");
}

#[test]
fn anki_legacy_package_imports_with_add_deck() {
    anki_package_imports_with_add_deck("legacy");
}

#[test]
fn anki_current_format_package_imports_with_add_deck() {
    anki_package_imports_with_add_deck("current");
}

#[test]
fn a_file_that_is_not_a_package_is_refused() {
    let env = Env::new();
    let bad = env.path("bad.apkg");
    std::fs::write(&bad, "not a zip").unwrap();
    let err = env.fail(&["add-deck", s(&bad)]);
    assert!(err.starts_with("quiz: "), "{err}");
    assert!(err.contains("not an Anki package"), "{err}");
}

#[test]
fn our_own_packages_are_refused_with_the_way_to_share_the_deck() {
    // A package quiz exported holds generated questions, not the deck's facts: adding it
    // back is refused, pointing at the deck file. So is the older one-note-per-question
    // package.
    let env = Env::new();
    env.add_mini();
    let pkg = env.path("mini.apkg");
    env.run(&["export", "mini", "-f", "apkg", "-o", s(&pkg)]);
    let other = Env::new();
    for p in [pkg.clone(), fixture("mini-per-question.apkg")] {
        let err = other.fail(&["add-deck", s(&p)]);
        assert!(err.starts_with("quiz: "), "{err}");
        assert!(err.contains("exported by quiz (deck `mini`)"), "{err}");
        assert!(err.contains("quiz export mini -o mini.toml"), "{err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
    assert!(other.run(&["decks"]).lines().all(|l| !l.contains("mini")));
    // In the database it came from, nothing changes either.
    env.fail(&["add-deck", s(&pkg)]);
    assert_eq!(
        env.run(&["export", "mini"]),
        std::fs::read_to_string(fixture("mini.toml")).unwrap()
    );
}
