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

#[test]
fn apkg_imports_into_anki_and_a_newer_export_updates_it() {
    let py = need_anki!();
    let mut env = Env::new();
    env.add_mini();
    let questions = env.questions("mini");
    let pkg = env.path("mini.apkg");
    let out = env.run(&["export", "mini", "-f", "apkg", "-o", s(&pkg)]);
    assert!(out.contains(&format!("{} notes", questions.len())), "{out}");

    let coll = env.path("anki/collection.anki2");
    std::fs::create_dir_all(coll.parent().unwrap()).unwrap();
    let doc = anki_tool(py, &["import", s(&pkg), s(&coll)]);
    assert_eq!(doc["log"]["new"], questions.len());
    let notes = notes_by_uid(&doc);
    assert_eq!(notes.len(), questions.len());
    let guids: HashSet<&str> = doc["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["guid"].as_str().unwrap())
        .collect();
    assert_eq!(guids.len(), questions.len(), "one GUID per question");

    // Every note is in the deck, with its question's prompt and tags.
    let kinds: HashSet<&str> = doc["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["notetype"].as_str().unwrap())
        .collect();
    for shape in [
        "typed answer",
        "multiple choice",
        "list recall",
        "true or false",
        "cloze",
        "basic",
    ] {
        assert!(
            kinds.contains(format!("quiz {shape} (mini)").as_str()),
            "{kinds:?}"
        );
    }
    for q in &questions {
        let uid = q["uid"].as_str().unwrap();
        let n = &notes[uid];
        assert_eq!(n["deck"], "测试卡组", "{uid}");
        let tags: Vec<&str> = n["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert!(tags.contains(&"quiz::deck::mini"), "{uid}: {tags:?}");
        assert!(
            tags.contains(&format!("quiz::kind::{}", q["kind"].as_str().unwrap()).as_str()),
            "{uid}: {tags:?}"
        );
        assert!(tags.contains(&"quiz::source::测试来源"), "{uid}: {tags:?}");
        assert!(tags.iter().any(|t| t.starts_with("quiz::fact::")), "{uid}");
        assert_eq!(n["cards"].as_array().unwrap().len(), 1, "{uid}");
    }
    let typed = &notes["mini/areas/item_at/1"];
    assert_eq!(typed["notetype"], "quiz typed answer (mini)");
    assert_eq!(typed["fields"]["Answer"], "支持国际抗疫合作");
    assert_eq!(typed["fields"]["Source"], "测试来源,测试社,2021-05-19,答二");
    assert!(
        typed["fields"]["Prompt"]
            .as_str()
            .unwrap()
            .contains("第一方面是什么")
    );
    assert!(
        typed["tags"]
            .as_array()
            .unwrap()
            .contains(&Value::from("quiz::fact::list"))
    );
    let choice = &notes["mini/areas/choice/1"];
    let options = choice["fields"]["Options"].as_str().unwrap();
    assert_eq!(options.matches("<li>").count(), 4, "{options}");
    assert!(
        choice["cards"][0]["question"]
            .as_str()
            .unwrap()
            .contains("<ol type=A class=options>"),
        "the front shows the options"
    );
    let list = &notes["mini/areas/list_recall/all"];
    assert_eq!(list["notetype"], "quiz list recall (mini)");
    assert_eq!(
        list["fields"]["Items"]
            .as_str()
            .unwrap()
            .matches("<li>")
            .count(),
        4
    );
    let cloze = &notes["mini/luban-cloze/cloze/1"];
    assert!(
        cloze["fields"]["Text"]
            .as_str()
            .unwrap()
            .contains("{{c1::5}}"),
        "{cloze}"
    );

    // Reword a fact, re-add, export again later: Anki updates, adds nothing.
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
    assert_eq!(doc2["log"]["updated"], questions.len());
    let notes2 = notes_by_uid(&doc2);
    assert_eq!(notes2.len(), questions.len(), "no duplicates");
    let why = &notes2["mini/why-xian/reveal/1"];
    assert!(
        why["fields"]["Prompt"]
            .as_str()
            .unwrap()
            .contains("会晤为何选在西安举行?"),
        "{why}"
    );
    assert_eq!(why["guid"], notes["mini/why-xian/reveal/1"]["guid"]);
}

#[test]
fn apkg_with_scheduling_carries_card_state_into_anki() {
    let py = need_anki!();
    let env = Env::new();
    env.add_mini();
    env.answer("mini/areas/item_at/1", 1, NOW - 2 * 86_400);
    env.answer("mini/areas/item_at/1", 3, NOW - 86_400);
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
    assert!(out.contains("with scheduling and 2 reviews"), "{out}");
    let coll = env.path("anki/collection.anki2");
    std::fs::create_dir_all(coll.parent().unwrap()).unwrap();
    let doc = anki_tool(py, &["import", s(&pkg), s(&coll), "--with-scheduling"]);
    assert_eq!(doc["revlog"], 2);
    let notes = notes_by_uid(&doc);
    let card = &notes["mini/areas/item_at/1"]["cards"][0];
    assert_eq!(card["type"], 2, "a review card: {card}");
    assert_eq!(card["reps"], 2);
    assert_eq!(card["lapses"], 1);
    assert_eq!(card["stability"], 4.0);
    // Every question of a fact carries the fact's memory (docs/learning.md).
    let sibling = &notes["mini/areas/item_at/2"]["cards"][0];
    assert_eq!(
        (&sibling["type"], &sibling["reps"]),
        (&card["type"], &card["reps"])
    );
    let fresh = &notes["mini/measures/item_at/1"]["cards"][0];
    assert_eq!(fresh["type"], 0, "unstudied facts stay new");
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
    assert!(out.contains("1 media file ignored"), "{out}");
    assert!(out.contains("1 note had images or sounds"), "{out}");
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
fn our_own_package_is_read_and_its_note_types_reported_by_name() {
    // Our packages hold collection.anki2 only. Their cloze notes are Anki cloze notes; the
    // other note types are ours, reported by name and left out.
    let env = Env::new();
    env.add_mini();
    let pkg = env.path("mini.apkg");
    env.run(&["export", "mini", "-f", "apkg", "-o", s(&pkg)]);
    let clozes = env
        .questions("mini")
        .iter()
        .filter(|q| q["kind"] == "cloze")
        .count();
    let other = Env::new();
    let out = other.run(&["add-deck", s(&pkg)]);
    assert!(
        out.contains("note type `quiz typed answer (mini)` left out"),
        "{out}"
    );
    assert!(
        out.contains("note type `quiz multiple choice (mini)`"),
        "{out}"
    );
    // The deck's title has no Latin letters: the id comes from the file name.
    assert!(
        out.lines()
            .any(|l| l.starts_with("mini-") && l.ends_with(&format!(": new deck, {clozes} added"))),
        "{out}"
    );

    // Into the database the deck came from: `mini` is a deck file's deck, not replaced;
    // the package is a deck of its own, and forcing it onto `mini` is refused.
    let out = env.run(&["add-deck", s(&pkg)]);
    assert!(out.contains(": new deck,"), "{out}");
    let err = env.fail(&["add-deck", s(&pkg), "--as", "mini"]);
    assert!(err.contains("already a deck of yours"), "{err}");
    assert_eq!(
        env.run(&["export", "mini"]),
        std::fs::read_to_string(fixture("mini.toml")).unwrap()
    );
}
