//! `quiz export-results` and `quiz class-report`: two students study through the real binary
//! (piped answers, a pinned clock), hand in their result files, and the class report's
//! figures are recomputed here by hand from what they answered and what the files hold.

mod common;

use common::{Env, fixture, keep_only, questions_by_id, right_answer, study_answering};
use serde_json::Value;

const DAY: i64 = 86_400;
/// 2026-03-02T09:00:00Z.
const START: i64 = 1_772_442_000;
/// When the report is made: predicted recall is for this time.
const REPORT_AT: i64 = START + 10 * DAY;

const AREAS: &str = "mini/areas/choice/1";
/// The same fact asked on the cued and free-recall rungs.
const AREAS_CUED: &str = "mini/areas/item_at/1";
const AREAS_FREE: &str = "mini/areas/list_recall/all";
const CAMELS: &str = "mini/camels/recall/meaning";
const TECH: &str = "mini/tech/true_false/true";

/// One answer given by a script: the question and whether it counts as right (not Again).
type Given = (String, bool);

fn student() -> Env {
    let env = Env::new();
    env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    // Three facts: every session asks exactly these questions.
    keep_only(&env.db(), &[AREAS, AREAS_CUED, AREAS_FREE, CAMELS, TECH]);
    env
}

/// A wrong answer to the question event `ev`.
fn wrong_answer(ev: &Value, q: &Value) -> String {
    match q["answer"]["type"].as_str().unwrap() {
        "choice" => {
            let right = &q["answer"]["options"][q["answer"]["correct"].as_u64().unwrap() as usize];
            let shown = ev["options"].as_array().unwrap();
            (shown.iter().position(|o| o != right).unwrap() + 1).to_string()
        }
        "true_false" => if q["answer"]["value"].as_bool().unwrap() {
            "false"
        } else {
            "true"
        }
        .into(),
        "list" => "一；二；三；四".into(),
        _ => "货运火车".into(),
    }
}

/// The answers a session recorded, from its JSON lines: each answer and whether it counts
/// as right (not Again); an overrule makes the last wrong answer right.
fn given(lines: &[Value]) -> Vec<Given> {
    let mut out: Vec<Given> = Vec::new();
    for l in lines {
        match l.get("event").and_then(Value::as_str) {
            None => out.push((l["id"].as_str().unwrap().to_owned(), l["rating"] != "again")),
            Some("overrule") => {
                let last = out.iter_mut().rev().find(|(_, ok)| !ok).unwrap();
                last.1 = true;
            }
            _ => {}
        }
    }
    out
}

fn shown(ev: &Value) -> &[Value] {
    ev["options"].as_array().map_or(&[][..], |v| v)
}

/// Alice answers everything right on days 0, 2, 5 and 9.
fn alice(env: &Env) -> Vec<Given> {
    let qs = questions_by_id(env, "mini");
    let mut all = Vec::new();
    for day in [0, 2, 5, 9] {
        let lines = study_answering(env, START + day * DAY, &[], |ev| {
            right_answer(&qs[ev["id"].as_str().unwrap()], shown(ev))
        });
        all.extend(given(&lines));
    }
    assert!(all.iter().all(|(_, ok)| *ok));
    all
}

/// Bob studies on day 0 only: his first `areas` answer is wrong (Again); his `camels`
/// answer is wrong and he overrules it as right (`:right` at the next prompt, which rates
/// it Good); the rest right.
fn bob(env: &Env) -> Vec<Given> {
    let qs = questions_by_id(env, "mini");
    let mut asked: Vec<String> = Vec::new();
    let mut overrule_next = false;
    let lines = study_answering(env, START, &[], |ev| {
        if std::mem::take(&mut overrule_next) {
            return ":right".into();
        }
        let id = ev["id"].as_str().unwrap().to_owned();
        let first = !asked.contains(&id);
        asked.push(id.clone());
        let q = &qs[&id];
        if first && id.starts_with("mini/areas/") {
            wrong_answer(ev, q)
        } else if first && id == CAMELS {
            overrule_next = true;
            wrong_answer(ev, q)
        } else {
            right_answer(q, shown(ev))
        }
    });
    let given = given(&lines);
    assert_eq!(given.iter().filter(|(_, ok)| !ok).count(), 1, "{lines:?}");
    given
}

fn export(env: &Env, name: &str) -> (std::path::PathBuf, Value) {
    let path = env.path(&format!("{name}.json"));
    env.quiz()
        .env("QUIZ_NOW", REPORT_AT.to_string())
        .args(["export-results", "--name", name, "-o"])
        .arg(&path)
        .assert()
        .success();
    let doc = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    (path, doc)
}

fn report(env: &Env, files: &[&std::path::Path], args: &[&str]) -> String {
    let out = env
        .quiz()
        .env("QUIZ_NOW", REPORT_AT.to_string())
        .arg("class-report")
        .args(files)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The rows of the Markdown table under `## title`, as cells.
fn md_table(md: &str, title: &str) -> Vec<Vec<String>> {
    md.lines()
        .skip_while(|l| *l != format!("## {title}"))
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| l.starts_with("| ") && !l.starts_with("|---"))
        .skip(1)
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect()
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// FSRS's forgetting curve, written out: R = (1 + f·t/S)^−decay with f = 0.9^(−1/decay) − 1.
fn fsrs_recall(stability: f64, days: f64, decay: f64) -> f64 {
    let f = 0.9f64.powf(-1.0 / decay) - 1.0;
    (1.0 + f * days / stability).powf(-decay)
}

/// A file's memory of `fact`, predicted at the report's time.
fn predicted(doc: &Value, fact: &str) -> f64 {
    let f = doc["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["fact"] == fact)
        .unwrap_or_else(|| panic!("no fact {fact} in {doc}"));
    let last: jiff::Timestamp = f["last_review"].as_str().unwrap().parse().unwrap();
    let days = (REPORT_AT - last.as_second()) as f64 / DAY as f64;
    fsrs_recall(
        f["stability"].as_f64().unwrap(),
        days,
        doc["fsrs_decay"].as_f64().unwrap(),
    )
}

fn free_recall_facts(doc: &Value) -> usize {
    doc["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rung"] == 2)
        .count()
}

fn last_active(doc: &Value) -> String {
    doc["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["last_review"].as_str().unwrap()[..10].to_owned())
        .max()
        .unwrap()
}

#[test]
fn result_file_holds_answers_fact_memories_and_the_deck_version() {
    let env = student();
    let given = bob(&env);
    let (_, doc) = export(&env, "Bob");
    let mut keys: Vec<&str> = doc
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "as_of",
            "decks",
            "facts",
            "flags",
            "format",
            "fsrs_decay",
            "name",
            "questions",
            "version"
        ],
        "no other data"
    );
    assert_eq!(doc["name"], "Bob");
    assert_eq!(doc["fsrs_decay"], 0.1542);
    // The student is told, before handing it in, that the file carries study times.
    let out = env.path("again.json");
    let said = env.ok(&["export-results", "-o", out.to_str().unwrap()]);
    assert!(
        said.contains("the memory of 3 facts, each with the time of its last answer"),
        "{said}"
    );

    // The deck version is the SHA-256 of the deck as stored, which `quiz export` prints.
    use sha2::Digest;
    let stored = env.ok(&["export", "mini"]);
    let want = format!("sha256:{:x}", sha2::Sha256::digest(stored.as_bytes()));
    assert_eq!(
        doc["decks"],
        serde_json::json!([{"deck": "mini", "version": want}])
    );

    // Per question: the answers given to it.
    let qs = doc["questions"].as_array().unwrap();
    for (uid, _) in &given {
        let n = given.iter().filter(|(g, _)| g == uid).count();
        let wrong = given.iter().filter(|(g, ok)| g == uid && !ok).count();
        let q = qs.iter().find(|q| q["uid"] == uid.as_str()).unwrap();
        assert_eq!(q["reviews"], n, "{uid}");
        assert_eq!(q["again"], wrong, "{uid}");
        // New facts do not lapse: a lapse is Again on a fact in review.
        assert_eq!(q["lapses"], 0, "{uid}");
    }
    // The overruled answer comes with what was asked and what was expected.
    let camels = qs.iter().find(|q| q["uid"] == CAMELS).unwrap();
    assert_eq!(
        camels["accepted_overrides"],
        serde_json::json!(["货运火车"])
    );
    assert_eq!(
        camels["prompt"],
        "【外长理事会会议(2020年9月,莫斯科)】“钢铁驼队”指什么?"
    );
    assert_eq!(camels["expected"], "中欧班列");
    let areas = qs.iter().find(|q| q["uid"] == AREAS).unwrap();
    assert!(
        areas.get("prompt").is_none(),
        "only overruled questions carry their prompt"
    );

    // Per fact: its memory, as the database holds it.
    let facts = doc["facts"].as_array().unwrap();
    assert_eq!(facts.len(), 3);
    let c = rusqlite::Connection::open(env.db()).unwrap();
    for f in facts {
        let (rung, reps, stability, last): (i64, i64, f64, i64) = c
            .query_row(
                "SELECT rung, reps, stability, last_review FROM memory
                 WHERE deck_id = 'mini' AND fact_id = ?1",
                [f["fact"].as_str().unwrap()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert_eq!(f["rung"], rung);
        assert_eq!(f["reps"], reps);
        assert_eq!(f["stability"].as_f64().unwrap(), stability);
        let at: jiff::Timestamp = f["last_review"].as_str().unwrap().parse().unwrap();
        assert_eq!(at.as_second(), last);
    }
    let areas_fact = facts.iter().find(|f| f["fact"] == "areas").unwrap();
    assert_eq!(areas_fact["meeting"], "外长理事会会议(2020年9月,莫斯科)");
    assert_eq!(areas_fact["fact_label"], "中俄外长商定在四方面加强合作");
}

#[test]
fn class_report_figures_are_what_the_students_answered() {
    let (a_env, b_env) = (student(), student());
    let a_given = alice(&a_env);
    let b_given = bob(&b_env);
    let (a_path, a) = export(&a_env, "Alice");
    let (b_path, b) = export(&b_env, "Bob");
    let md = report(
        &a_env,
        &[&a_path, &b_path],
        &["-f", "md", "--min-answers", "1"],
    );

    // Answers and accuracy, per student and for the class.
    let right = |g: &[Given]| g.iter().filter(|(_, ok)| *ok).count();
    let (na, nb) = (a_given.len(), b_given.len());
    let (ra, rb) = (right(&a_given), right(&b_given));
    assert_eq!(ra, na, "Alice answers right");
    assert_eq!(rb, nb - 1, "Bob's one Again");
    assert!(
        md.contains(&format!(
            "2 students (Alice, Bob), {} answers, accuracy {}",
            na + nb,
            pct((ra + rb) as f64 / (na + nb) as f64)
        )),
        "{md}"
    );

    // The student table, recomputed: facts at free recall from the files' rungs, "behind"
    // below three quarters of the class median of that count.
    let students = md_table(&md, "Students");
    let (fa, fb) = (free_recall_facts(&a), free_recall_facts(&b));
    assert!(fa > fb, "Alice climbed further: {fa} {fb}");
    let median = (fa + fb) as f64 / 2.0;
    let signed = |x: f64| {
        let s = if x.fract() == 0.0 {
            format!("{x:.0}")
        } else {
            format!("{x:.1}")
        };
        if x > 0.0 { format!("+{s}") } else { s }
    };
    for (row, name, doc, n, r, free) in [
        (&students[0], "Alice", &a, na, ra, fa),
        (&students[1], "Bob", &b, nb, rb, fb),
    ] {
        let recall: f64 = ["areas", "camels", "tech"]
            .iter()
            .map(|f| predicted(doc, f))
            .sum::<f64>()
            / 3.0;
        let behind = if (free as f64) < 0.75 * median {
            "behind"
        } else {
            ""
        };
        assert_eq!(
            row,
            &[
                name.to_owned(),
                n.to_string(),
                pct(r as f64 / n as f64),
                "3".into(),
                free.to_string(),
                pct(recall),
                last_active(doc),
                signed(free as f64 - median),
                behind.into(),
            ],
            "{md}"
        );
    }
    assert_eq!(students[1][8], "behind", "Bob is behind: {md}");

    // Per fact: accuracy over both students' answers; predicted recall, each student's FSRS
    // memory now, averaged.
    let facts = md_table(&md, "Hardest facts");
    for (fact, uid) in [("areas", "mini/areas/"), ("camels", CAMELS), ("tech", TECH)] {
        let count = |g: &[Given], ok: bool| {
            g.iter()
                .filter(|(u, r)| u.starts_with(uid) && (ok || !*r))
                .count()
        };
        let answers = count(&a_given, true) + count(&b_given, true);
        let wrong = count(&a_given, false) + count(&b_given, false);
        let recall = (predicted(&a, fact) + predicted(&b, fact)) / 2.0;
        let row = facts
            .iter()
            .find(|r| r[5] == format!("mini/{fact}"))
            .unwrap_or_else(|| panic!("{fact}: {md}"));
        assert_eq!(
            row[1..5],
            [
                pct((answers - wrong) as f64 / answers as f64),
                answers.to_string(),
                "2/2".into(),
                pct(recall)
            ],
            "{fact}: {md}"
        );
    }
    // Lowest accuracy first: the fact Bob failed.
    assert_eq!(facts[0][5], "mini/areas", "{md}");
    assert_eq!(
        facts[0][8], "外长理事会会议(2020年9月,莫斯科)",
        "its meeting: {md}"
    );

    // The overruled answer, with its prompt and the expected answer.
    assert_eq!(
        md_table(&md, "Answers students overruled as right"),
        [[
            "1",
            CAMELS,
            "【外长理事会会议(2020年9月,莫斯科)】“钢铁驼队”指什么?",
            "中欧班列",
            "货运火车"
        ]],
        "{md}"
    );
    // One deck version, the same for both.
    let versions = md_table(&md, "Deck versions");
    assert_eq!(versions.len(), 1, "{md}");
    assert_eq!(versions[0][2], "Alice, Bob");
    assert!(!md.contains("warning"), "{md}");

    // The same file twice, and Alice's results under another name: counted once each.
    let copy = a_env.path("copy-of-alice.json");
    std::fs::write(
        &copy,
        std::fs::read_to_string(&a_path)
            .unwrap()
            .replace("\"name\": \"Alice\"", "\"name\": \"Alicia\""),
    )
    .unwrap();
    let twice = report(
        &a_env,
        &[&a_path, &b_path, &a_path, &copy],
        &["-f", "md", "--min-answers", "1"],
    );
    assert!(twice.contains("2 students (Alice, Bob)"), "{twice}");
    assert!(
        twice.contains(&format!("{} answers", na + nb)),
        "counted once: {twice}"
    );
    assert_eq!(md_table(&twice, "Students"), students);
    assert!(twice.contains("is the same file as"), "{twice}");
    assert!(twice.contains("holds the same results as"), "{twice}");
    assert!(twice.contains("counted once, as Alice"), "{twice}");
}

/// A result file written by hand.
fn file(env: &Env, name: &str, text: &str) -> std::path::PathBuf {
    env.write(name, text)
}

const QUESTION: &str = r#"{"uid": "mini/areas/choice/1", "deck": "mini", "fact": "areas",
    "fact_kind": "list", "fact_label": "中俄外长商定在四方面加强合作", "kind": "choice",
    "source": "测试来源", "reviews": 4, "lapses": 1, "again": 1, "last_rating": 3,
    "recall": 0.9, "accepted_overrides": []}"#;

#[test]
fn older_files_load_with_unknowns_and_different_deck_versions_are_reported() {
    let env = Env::new();
    // A file from before fact memories and deck versions, whose lapses are its fact's (more
    // than this question's reviews).
    let old = file(
        &env,
        "old.json",
        &format!(
            r#"{{"format": "quiz-results", "version": 1, "name": "Old", "as_of": "2026-03-01",
                "questions": [{}]}}"#,
            QUESTION
                .replace("\"lapses\": 1", "\"lapses\": 7")
                .replace("[]", "[\"旧答案\"]")
        ),
    );
    let facts = r#"[{"deck": "mini", "fact": "areas", "fact_kind": "list",
        "fact_label": "中俄外长商定在四方面加强合作", "meeting": "外长理事会会议(2020年9月,莫斯科)",
        "source": "测试来源", "rung": 2, "reps": 4, "lapses": 1, "stability": 10.0,
        "difficulty": 5.0, "last_review": "2026-03-12T09:00:00Z"}]"#;
    let overruled = QUESTION.replace(
        "[]",
        r#"["新答案"], "prompt": "PROMPT", "expected": "EXPECTED""#,
    );
    let new = |name: &str, version: &str, flags: &str| {
        format!(
            r#"{{"format": "quiz-results", "version": 1, "name": "{name}", "as_of": "2026-03-12",
                "questions": [{overruled}], "decks": [{{"deck": "mini", "version": "sha256:{version}"}}],
                "fsrs_decay": 0.5, "facts": {facts}, "flags": {flags}}}"#
        )
    };
    let flag = |comment: &str| {
        format!(
            r#"[{{"question": "mini/areas/choice/1", "fact": "areas", "deck": "mini",
                 "comment": "{comment}", "at": "2026-03-11T10:00:00Z"}}]"#
        )
    };
    let v1 = file(
        &env,
        "v1.json",
        &new("V1", &"a".repeat(64), &flag("两个选项都对")),
    );
    let v2 = file(
        &env,
        "v2.json",
        &new("V2", &"b".repeat(64), &flag("<b>wrong</b>")),
    );
    let text = report(&env, &[&old, &v1, &v2], &[]);

    // Versions: two known and one unknown, each with its students.
    assert!(
        text.contains("warning: students used 2 versions of deck mini"),
        "{text}"
    );
    assert!(text.contains("deck version unknown for Old"), "{text}");
    let versions: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "Deck versions")
        .skip(2)
        .take(3)
        .collect();
    assert!(
        versions
            .iter()
            .any(|l| l.contains("aaaaaaaaaaaa") && l.ends_with("V1")),
        "{text}"
    );
    assert!(
        versions
            .iter()
            .any(|l| l.contains("bbbbbbbbbbbb") && l.ends_with("V2")),
        "{text}"
    );
    assert!(
        versions
            .iter()
            .any(|l| l.contains("unknown") && l.ends_with("Old")),
        "{text}"
    );

    // The old file's student: answers and accuracy known, the rest unknown.
    let old_row = text
        .lines()
        .skip_while(|l| *l != "Students")
        .find(|l| l.trim_start().starts_with("Old "))
        .unwrap();
    let cells: Vec<&str> = old_row.split_whitespace().collect();
    assert_eq!(
        cells[..6],
        ["Old", "4", "75%", "1", "unknown", "–"],
        "{text}"
    );
    assert!(
        text.contains("predicted recall, rungs and last activity unknown for Old"),
        "{text}"
    );
    // V1's predicted recall: stability 10 days, reviewed 2026-03-12T09:00Z, decay 0.5, the
    // report at 2026-03-12T09:00Z: just answered.
    let v1_row = text
        .lines()
        .skip_while(|l| *l != "Students")
        .find(|l| l.trim_start().starts_with("V1 "))
        .unwrap();
    assert!(v1_row.contains(" 100% "), "{v1_row}");

    // Overruled answers: the older file's has its prompt from the newer files.
    let overruled: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "Answers students overruled as right")
        .skip(2)
        .take(2)
        .collect();
    assert!(
        overruled[0].contains("PROMPT") && overruled[0].ends_with("新答案"),
        "{text}"
    );
    assert!(
        overruled[1].contains("PROMPT") && overruled[1].ends_with("旧答案"),
        "{text}"
    );

    // Flags: counted per question, comments each once.
    let flagged = text
        .lines()
        .skip_while(|l| *l != "Questions students flagged")
        .nth(2)
        .unwrap();
    assert!(flagged.contains("2"), "{flagged}");
    assert!(flagged.contains("mini/areas/choice/1"), "{flagged}");
    assert!(flagged.contains("两个选项都对 / <b>wrong</b>"), "{flagged}");
    let html = report(&env, &[&old, &v1, &v2], &["-f", "html"]);
    assert!(html.contains("&lt;b&gt;wrong&lt;/b&gt;"), "escaped: {html}");
    assert!(!html.contains("<b>wrong"), "{html}");
}

#[test]
fn a_later_export_of_the_same_student_replaces_the_earlier() {
    let env = Env::new();
    let one = |reviews: u32, again: u32| {
        format!(
            r#"{{"format": "quiz-results", "version": 1, "name": "Li Wei", "as_of": "2026-03-01",
                "questions": [{}]}}"#,
            QUESTION
                .replace("\"reviews\": 4", &format!("\"reviews\": {reviews}"))
                .replace("\"again\": 1", &format!("\"again\": {again}"))
        )
    };
    let monday = file(&env, "monday.json", &one(2, 1));
    let friday = file(&env, "friday.json", &one(6, 1));
    let text = report(&env, &[&friday, &monday], &[]);
    assert!(text.contains("1 student (Li Wei), 6 answers"), "{text}");
    assert!(
        text.contains("monday.json is an earlier export of Li Wei's results than"),
        "{text}"
    );
    // Two files that name one name but part ways are two students, warned of.
    let other = file(
        &env,
        "other.json",
        &one(3, 0).replace("mini/areas/choice/1", "mini/areas/choice/2"),
    );
    let text = report(&env, &[&friday, &other], &[]);
    assert!(text.contains("2 students (Li Wei, Li Wei (2))"), "{text}");
    assert!(text.contains("both name Li Wei"), "{text}");
    // Two students who have not answered anything yet are two students.
    let empty = |name: &str| {
        format!(
            r#"{{"format": "quiz-results", "version": 1, "name": "{name}", "as_of": "2026-03-01",
                "questions": [], "decks": [], "fsrs_decay": 0.1542, "facts": []}}"#
        )
    };
    let a = file(&env, "a.json", &empty("A"));
    let b = file(&env, "b.json", &empty("B"));
    let text = report(&env, &[&a, &b], &[]);
    assert!(text.contains("2 students (A, B), 0 answers"), "{text}");
}

#[test]
fn class_report_refuses_a_file_that_is_not_results() {
    let env = Env::new();
    let bad = env.write("x.json", "{\"format\": \"quiz-deck\"}");
    let err = env.fails(&["class-report", bad.to_str().unwrap()]);
    assert!(err.starts_with("quiz: "), "{err}");
    assert!(err.contains("not a quiz result file"), "{err}");
    let bad = env.write(
        "y.json",
        &format!(
            r#"{{"format": "quiz-results", "version": 1, "name": null, "as_of": "2026-03-01",
                "questions": [{QUESTION}], "facts": [{{"deck": "mini", "fact": "areas",
                "fact_kind": "list", "fact_label": "x", "rung": 5, "reps": 1, "lapses": 0,
                "stability": 1.0, "difficulty": 5.0, "last_review": null}}]}}"#
        ),
    );
    let err = env.fails(&["class-report", bad.to_str().unwrap()]);
    assert!(
        err.contains("y.json: fact 1 (`mini/areas`): field `rung`"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}
