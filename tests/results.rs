//! `quiz export-results` and `quiz class-report`: result files from simulated sessions
//! (review rows written as `quiz study` writes them) merge into a class report.

mod instructor_env;

use instructor_env::{Env, NOW};
use serde_json::Value;

const DAY: i64 = 86_400;

/// Two students: both fail an item of the `areas` list; each fails one other fact alone.
fn two_students() -> (Env, Env) {
    let alice = Env::new();
    alice.add_mini();
    alice.answer("mini/areas/item_at/2", 1, NOW - 3 * DAY);
    alice.answer("mini/areas/item_at/2", 3, NOW - 2 * DAY);
    alice.answer("mini/areas/item_at/1", 3, NOW - 2 * DAY);
    alice.answer("mini/luban/how_many/value", 1, NOW - DAY);
    alice.answer("mini/measures/item_at/1", 3, NOW - DAY);
    alice.answer("mini/measures/item_at/2", 4, NOW - DAY);

    let bob = Env::new();
    bob.add_mini();
    bob.answer("mini/areas/item_at/3", 1, NOW - 2 * DAY);
    bob.answer("mini/first-offline/recall/1", 1, NOW - 2 * DAY);
    bob.answer("mini/first-offline/recall/1", 3, NOW - DAY);
    bob.answer("mini/measures/item_at/1", 3, NOW - DAY);
    bob.answer("mini/tech/true_false/true", 3, NOW - DAY);
    bob.sql(
        "INSERT INTO accepted_answer (question_id, answer, added_at)
         SELECT id, '首次线下', 1700000000 FROM question WHERE uid = 'mini/first-offline/recall/1'",
    );
    (alice, bob)
}

#[test]
fn results_file_has_per_question_results_and_the_chosen_name_only() {
    let (alice, _) = two_students();
    let out = alice.path("alice.json");
    let said = alice.run(&[
        "export-results",
        "--name",
        "Alice",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(said.contains("results of 5 answered questions"), "{said}");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(doc["format"], "quiz-results");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["name"], "Alice");
    assert_eq!(doc["as_of"], "2023-11-14");
    let keys: Vec<&str> = doc
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 6, "no other data: {keys:?}");
    assert_eq!(doc["flags"], serde_json::json!([]), "no question flagged");

    let qs = doc["questions"].as_array().unwrap();
    assert_eq!(qs.len(), 5);
    let q = qs
        .iter()
        .find(|q| q["uid"] == "mini/areas/item_at/2")
        .unwrap();
    assert_eq!(q["deck"], "mini");
    assert_eq!(q["fact"], "areas");
    assert_eq!(q["fact_kind"], "list");
    assert_eq!(q["fact_label"], "中俄外长商定在四方面加强合作");
    assert_eq!(q["kind"], "item_at");
    assert_eq!(q["source"], "测试来源");
    assert_eq!(q["reviews"], 2);
    assert_eq!(q["lapses"], 1);
    assert_eq!(q["again"], 1);
    assert_eq!(q["last_rating"], 3);
    // Stability 4 days, reviewed 2 days ago: FSRS says about 94%.
    let recall = q["recall"].as_f64().unwrap();
    assert!((0.9..1.0).contains(&recall), "{recall}");
    assert_eq!(q["accepted_overrides"], Value::Array(vec![]));
    let fields: Vec<&str> = q.as_object().unwrap().keys().map(String::as_str).collect();
    assert!(
        !fields
            .iter()
            .any(|f| f.contains("time") || f.contains("review_at"))
    );

    // Without --name the file names nobody.
    let anon: Value = serde_json::from_str(&alice.run(&["export-results"])).unwrap();
    assert_eq!(anon["name"], Value::Null);
}

#[test]
fn class_report_puts_the_fact_both_students_failed_first() {
    let (alice, bob) = two_students();
    let a = alice.path("alice.json");
    let b = alice.path("bob.json");
    alice.run(&[
        "export-results",
        "--name",
        "Alice",
        "-o",
        a.to_str().unwrap(),
    ]);
    std::fs::write(&b, bob.run(&["export-results", "--name", "Bob"])).unwrap();
    let files = [a.to_str().unwrap(), b.to_str().unwrap()];

    let text = alice.run(&["class-report", files[0], files[1]]);
    assert!(
        text.starts_with("Class report: 2 students (Alice, Bob), 11 answers"),
        "{text}"
    );
    let hardest: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "Hardest facts")
        .skip(2)
        .take_while(|l| !l.trim_start().starts_with('('))
        .collect();
    assert!(
        hardest[0].contains("2/2") && hardest[0].contains("mini/areas"),
        "{text}"
    );
    assert!(
        hardest[0].contains("中俄外长商定在四方面加强合作"),
        "{text}"
    );
    assert!(hardest[1].contains("1/2"), "{text}");
    assert!(text.contains("Retention per list"));
    assert!(text.contains("Retention per source"));
    assert!(
        text.contains("首次线下"),
        "the overruled answer is reported"
    );

    let md = alice.run(&["class-report", files[0], files[1], "--format", "md"]);
    let first_row = md
        .lines()
        .find(|l| l.starts_with("| 1 |"))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(
        first_row.contains("| 2/2 |") && first_row.contains("mini/areas"),
        "{md}"
    );
    // areas: 4 answers, 2 Again → 50% retention; measures: 3 answers, none Again.
    let areas = md
        .lines()
        .find(|l| l.starts_with("| 50% |") && l.contains("mini/areas"));
    assert!(areas.is_some(), "{md}");
    assert!(
        md.lines()
            .any(|l| l.starts_with("| 100% |") && l.contains("mini/measures"))
    );

    let html = alice.run(&["class-report", files[0], files[1], "-f", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h2>Hardest facts</h2>"));
}

#[test]
fn class_report_refuses_a_file_that_is_not_results() {
    let env = Env::new();
    let bad = env.path("x.json");
    std::fs::write(&bad, "{\"format\": \"quiz-deck\"}").unwrap();
    let err = env.fail(&["class-report", bad.to_str().unwrap()]);
    assert!(err.starts_with("quiz: "), "{err}");
    assert!(err.contains("not a quiz result file"), "{err}");
}
