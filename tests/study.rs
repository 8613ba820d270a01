//! `quiz study` and `quiz config` through the real binary, driven line by line from stdin.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use common::{Env, fixture};
use rusqlite::Connection;
use serde_json::Value;

const DAY: i64 = 86_400;
/// 2026-03-02T09:00:00Z, the clock of `Env::quiz`.
const START: i64 = 1_772_442_000;

fn env_with_mini() -> Env {
    let env = Env::new();
    env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    env
}

/// Runs `quiz study --json ARGS` at `START + day * DAY` with `stdin`; the JSON objects.
fn study(env: &Env, day: i64, args: &[&str], stdin: &str) -> Vec<Value> {
    let out = env
        .quiz()
        .env("QUIZ_NOW", (START + day * DAY).to_string())
        .args(["study", "--json"])
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "study failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn answers(objs: &[Value]) -> Vec<&Value> {
    objs.iter().filter(|o| o.get("event").is_none()).collect()
}

fn db(env: &Env) -> Connection {
    Connection::open(env.db()).unwrap()
}

/// Keeps one question of each answer shape (from distinct facts) and suspends the rest.
fn one_question_per_shape(c: &Connection) -> Vec<String> {
    let mut st = c
        .prepare(
            "SELECT q.id, json_extract(q.answer, '$.type'), q.sibling FROM question q ORDER BY q.id",
        )
        .unwrap();
    let rows: Vec<(i64, String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut by_shape: BTreeMap<String, Vec<(i64, String)>> = BTreeMap::new();
    for (id, shape, sibling) in rows {
        by_shape.entry(shape).or_default().push((id, sibling));
    }
    // Rarest shapes first, so that each finds a fact not taken yet.
    let mut order: Vec<_> = by_shape.into_iter().collect();
    order.sort_by_key(|(_, qs)| qs.len());
    let (mut shapes, mut siblings, mut keep) = (BTreeSet::new(), BTreeSet::new(), vec![]);
    for (shape, qs) in order {
        if let Some((id, sibling)) = qs.into_iter().find(|(_, s)| !siblings.contains(s)) {
            shapes.insert(shape);
            siblings.insert(sibling);
            keep.push(id);
        }
    }
    keep_ids(c, &keep);
    shapes.into_iter().collect()
}

#[test]
fn a_scripted_session_goes_through_every_answer_shape() {
    let env = env_with_mini();
    let shapes = one_question_per_shape(&db(&env));
    assert_eq!(
        shapes,
        [
            "choice",
            "date",
            "list",
            "number",
            "order",
            "reveal",
            "text",
            "true_false"
        ]
    );
    // "1" answers every shape: option 1, rating Again, a wrong typed answer, a bad order.
    let out = study(&env, 0, &[], &"1\n".repeat(40));
    let first: Vec<&Value> = answers(&out).into_iter().take(8).collect();
    let kinds: BTreeSet<&str> = first.iter().map(|a| a["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.len(), 8, "{first:?}");
    for a in &first {
        assert_eq!(a["given"].is_null(), a["kind"] == "reveal", "{a}");
        assert!(
            a["comes_back"].is_string() && a["expected"].is_string(),
            "{a}"
        );
        assert!(a["rating"].is_string());
    }
    // With every answer Again they come back through the learning steps in the session.
    assert!(answers(&out).len() > 8);
    assert_eq!(out.last().unwrap()["event"], "summary");
}

#[test]
fn a_scripted_session_goes_through_every_question_kind() {
    let env = env_with_mini();
    let c = db(&env);
    // One question of each kind, each from a different fact, rarest kinds first.
    let rows: Vec<(i64, String, String)> = c
        .prepare("SELECT id, kind, sibling FROM question ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut by_kind: BTreeMap<String, Vec<(i64, String)>> = BTreeMap::new();
    for (id, kind, sibling) in rows {
        by_kind.entry(kind).or_default().push((id, sibling));
    }
    // A matching of kinds to distinct facts (augmenting paths), since siblings never
    // share a day.
    let kinds: Vec<(String, Vec<(i64, String)>)> = by_kind.into_iter().collect();
    let mut owner: BTreeMap<String, (usize, i64)> = BTreeMap::new();
    fn assign(
        k: usize,
        kinds: &[(String, Vec<(i64, String)>)],
        owner: &mut BTreeMap<String, (usize, i64)>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        for (id, sib) in &kinds[k].1 {
            if !seen.insert(sib.clone()) {
                continue;
            }
            let free = match owner.get(sib) {
                None => true,
                Some(&(other, _)) => assign(other, kinds, owner, seen),
            };
            if free {
                owner.insert(sib.clone(), (k, *id));
                return true;
            }
        }
        false
    }
    for k in 0..kinds.len() {
        assert!(
            assign(k, &kinds, &mut owner, &mut BTreeSet::new()),
            "no free fact for {}",
            kinds[k].0
        );
    }
    let keep: Vec<i64> = owner.values().map(|&(_, id)| id).collect();
    assert_eq!(keep.len(), 15, "every kind is in the fixture");
    keep_ids(&c, &keep);
    env.ok(&["config", "new_per_day", "50"]);
    let out = study(&env, 0, &[], &"1\n".repeat(60));
    let kinds: BTreeSet<&str> = answers(&out)
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    let all: BTreeSet<&str> = quiz::question::Kind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(kinds, all);
}

#[test]
fn a_fact_comes_back_on_the_same_day_only_to_relearn_a_failure() {
    let env = env_with_mini();
    env.ok(&["config", "new_per_day", "1000"]);
    for day in 0..6 {
        study(&env, day, &[], &"1\n".repeat(100));
    }
    let c = db(&env);
    let mut st = c
        .prepare(
            "SELECT (r.reviewed_at / 1000 - 4 * 3600) / 86400, q.deck_id || '/' || q.fact_id, r.rating
             FROM review r JOIN question q ON q.id = r.question_id ORDER BY r.reviewed_at, r.id",
        )
        .unwrap();
    let rows: Vec<(i64, String, i64)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(rows.len() > 20);
    let mut passed_today: BTreeSet<(i64, String)> = BTreeSet::new();
    let mut again = 0;
    for (day, fact, rating) in rows {
        assert!(
            !passed_today.contains(&(day, fact.clone())),
            "{fact} was shown again on day {day} after a right answer"
        );
        if rating >= 3 {
            passed_today.insert((day, fact));
        } else {
            again += 1;
        }
    }
    assert!(again > 0, "the script also fails some, which come back");
}

#[test]
fn fsrs_reference_example_without_learning_steps() {
    let env = env_with_mini();
    env.ok(&["config", "learning_steps", ""]);
    env.ok(&["config", "relearning_steps", ""]);
    env.ok(&["config", "fuzz", "false"]);
    only(&db(&env), "mini/areas/how_many/count");
    // The question asks how many areas: 4.
    for (day, given) in [(0, "4"), (2, "4"), (13, "x"), (15, "4")] {
        let a = study(&env, day, &["--limit", "1"], &format!("{given}\n"));
        assert_eq!(answers(&a).len(), 1, "day {day}: {a:?}");
        assert_eq!(answers(&a)[0]["id"], "mini/areas/how_many/count");
    }
    let c = db(&env);
    let mut st = c
        .prepare("SELECT rating, stability, difficulty, interval_days, elapsed_days FROM review ORDER BY id")
        .unwrap();
    let rows: Vec<(i64, f64, f64, i64, i64)> = st
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let expected = [
        (3, 2.3065, 2.1181, 2, 0),
        (3, 10.9643, 2.1112, 11, 2),
        (1, 1.5383, 7.3922, 2, 11),
        (3, 4.8763, 7.3801, 5, 2),
    ];
    assert_eq!(rows.len(), 4);
    for (got, want) in rows.iter().zip(expected) {
        assert_eq!(got.0, want.0);
        assert!((got.1 - want.1).abs() < 1e-3, "S {got:?} vs {want:?}");
        assert!((got.2 - want.2).abs() < 1e-3, "D {got:?} vs {want:?}");
        assert_eq!((got.3, got.4), (want.3, want.4), "{got:?}");
    }
}

fn memory_row(c: &Connection, fact: &str) -> Vec<String> {
    c.query_row("SELECT * FROM memory WHERE deck_id || '/' || fact_id = ?1", [fact], |r| {
        (0..18)
            .map(|i| {
                r.get::<_, rusqlite::types::Value>(i)
                    .map(|v| format!("{v:?}"))
            })
            .collect()
    })
    .unwrap()
}

#[test]
fn undo_restores_the_memory_row_exactly() {
    let env = env_with_mini();
    let first = study(&env, 0, &["--limit", "1"], ":quit\n");
    let fact = first[0]["fact"].as_str().unwrap().to_owned();
    let before = memory_row(&db(&env), &fact);
    // Answer, undo (shows it again), quit at end of input.
    let out = study(&env, 0, &[], "4\n:undo\n");
    assert_eq!(answers(&out).len(), 1);
    assert_eq!(answers(&out)[0]["fact"], fact.as_str());
    assert!(out.iter().any(|o| o["event"] == "undo"));
    let c = db(&env);
    assert_eq!(memory_row(&c, &fact), before);
    let n: i64 = c
        .query_row("SELECT count(*) FROM review", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn the_daily_new_limit_holds() {
    let env = env_with_mini();
    env.ok(&["config", "new_per_day", "3"]);
    study(&env, 0, &[], &"1\n".repeat(40));
    study(&env, 0, &[], &"1\n".repeat(10));
    let c = db(&env);
    let new_today: i64 = c
        .query_row(
            "SELECT count(DISTINCT q.fact_id) FROM review r JOIN question q ON q.id = r.question_id
             WHERE r.queue_before = 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(new_today, 3);
    // The next day three more.
    study(&env, 1, &[], &"1\n".repeat(10));
    let total: i64 = c
        .query_row(
            "SELECT count(DISTINCT q.fact_id) FROM review r JOIN question q ON q.id = r.question_id",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(total, 6);
}

#[test]
fn a_leech_is_suspended() {
    let env = env_with_mini();
    for (k, v) in [
        ("learning_steps", ""),
        ("relearning_steps", ""),
        ("leech_threshold", "2"),
        ("new_per_day", "1"),
    ] {
        env.ok(&["config", k, v]);
    }
    let id = only(&db(&env), "mini/areas/how_many/count");
    study(&env, 0, &["--limit", "1"], "4\n");
    study(&env, 3, &["--limit", "1"], "x\n");
    let last = study(&env, 10, &["--limit", "1"], "x\n");
    assert_eq!(answers(&last)[0]["leech"], true);
    let c = db(&env);
    let (suspended, leech, lapses): (i64, i64, i64) = c
        .query_row(
            "SELECT m.suspended, m.leech, m.lapses FROM memory m JOIN question q
                 ON q.deck_id = m.deck_id AND q.fact_id = m.fact_id WHERE q.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((suspended, leech, lapses), (1, 1, 2));
    // Never shown again.
    let later = study(&env, 40, &["--limit", "5"], &"x\n".repeat(5));
    assert!(
        answers(&later)
            .iter()
            .all(|a| a["id"] != "mini/areas/how_many/count")
    );
}

#[test]
fn kill_9_between_answers_keeps_every_answer() {
    let env = env_with_mini();
    let mut cmd = env.quiz_std();
    let mut child = cmd
        .args(["study", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    for _ in 0..3 {
        // First the question (what is asked, never its answer), then the answer's line.
        let question = lines.next().unwrap().unwrap();
        assert!(
            question.contains("\"event\":\"question\"") && !question.contains("expected"),
            "{question}"
        );
        stdin.write_all(b"1\n").unwrap();
        stdin.flush().unwrap();
        let line = lines.next().unwrap().unwrap();
        assert!(line.contains("\"verdict\""), "{line}");
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let n: i64 = db(&env)
        .query_row("SELECT count(*) FROM review", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 3);
}

#[test]
fn config_shows_sets_and_refuses_bad_values() {
    let env = Env::new();
    let all = env.ok(&["config"]);
    assert!(all.contains("desired_retention = 0.9\n    chance of recalling"));
    assert_eq!(env.ok(&["config", "new_per_day", "5"]), "new_per_day = 5\n");
    assert_eq!(env.ok(&["config", "new_per_day"]), "5\n");
    assert_eq!(
        env.fails(&["config", "desired_retention", "2"]),
        "quiz: desired_retention must be between 0.70 and 0.97, got 2\n"
    );
    assert_eq!(
        env.fails(&["config", "new_per_day", "lots"]),
        "quiz: new_per_day must be a whole number, 0 or more, got \"lots\"\n"
    );
    assert!(
        env.fails(&["config", "colour", "red"])
            .starts_with("quiz: unknown setting `colour`")
    );
    assert_eq!(env.ok(&["config", "desired_retention"]), "0.9\n");
    let stored: BTreeMap<String, String> = db(&env)
        .prepare("SELECT key, value FROM setting")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(stored.len(), 1);
}

#[test]
fn first_run_without_a_terminal_adds_the_builtin_decks() {
    let env = Env::new();
    let out = env
        .quiz()
        .args(["study", "--limit", "1"])
        // The first question may be a choice, a true/false or typed: "1" answers any.
        .write_stdin("1\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("new deck"), "{text}");
    assert!(text.contains("Comes back"), "{text}");
    assert!(text.contains("Session over: 1 answered"), "{text}");
}

#[test]
fn an_unknown_deck_is_refused() {
    let env = env_with_mini();
    let err = env.fails(&["study", "nope"]);
    assert!(err.starts_with("quiz: no deck `nope`"), "{err}");
}

/// Leaves only the questions `ids` to study (see [`common::keep_only`]).
fn keep_ids(c: &Connection, ids: &[i64]) {
    let uids: Vec<String> = ids
        .iter()
        .map(|id| {
            c.query_row("SELECT uid FROM question WHERE id = ?1", [id], |r| r.get(0))
                .unwrap()
        })
        .collect();
    let path = c.path().unwrap().to_owned();
    common::keep_only(
        std::path::Path::new(&path),
        &uids.iter().map(String::as_str).collect::<Vec<_>>(),
    );
}

/// Leaves only the question `uid` to study.
fn only(c: &Connection, uid: &str) -> i64 {
    let path = c.path().unwrap().to_owned();
    common::keep_only(std::path::Path::new(&path), &[uid]);
    c.query_row("SELECT id FROM question WHERE uid = ?1", [uid], |r| {
        r.get(0)
    })
    .unwrap()
}

#[test]
fn a_homophone_slip_is_almost_and_an_overruled_verdict_is_recorded() {
    let env = env_with_mini();
    let id = only(&db(&env), "mini/zhangxiao/recall/name");
    // 张潇 for 张霄: the same sound, another character — accepted as almost.
    let out = study(&env, 0, &["--limit", "1"], "张潇\n");
    let a = answers(&out)[0];
    assert_eq!(
        (a["verdict"].as_str(), a["rating"].as_str()),
        (Some("almost"), Some("hard")),
        "{a}"
    );
    let (verdict, step): (String, String) = db(&env)
        .query_row(
            "SELECT verdict, step FROM review WHERE question_id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (verdict.as_str(), step.as_str()),
        ("almost", "edit_distance")
    );

    // A wrong answer the student overrules: the review is Good, marked overridden, and the
    // answer is accepted for this question from then on.
    let env = env_with_mini();
    let id = only(&db(&env), "mini/camels/recall/meaning");
    let out = study(&env, 0, &[], "货运火车\n:right\n:quit\n");
    assert_eq!(answers(&out)[0]["verdict"], "wrong");
    let c = db(&env);
    let (rating, overridden): (i64, i64) = c
        .query_row(
            "SELECT rating, overridden FROM review WHERE question_id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((rating, overridden), (3, 1));
    let accepted: String = c
        .query_row(
            "SELECT answer FROM accepted_answer WHERE question_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(accepted, "货运火车");
}

#[test]
fn decks_counts_a_review_as_due_on_its_day() {
    let env = env_with_mini();
    env.ok(&["config", "learning_steps", ""]);
    only(&db(&env), "mini/areas/how_many/count");
    // Good on a new question without learning steps: a review in 2 days.
    let out = study(&env, 0, &["--limit", "1"], "4\n");
    assert_eq!(answers(&out)[0]["rating"], "good");
    let due_on = |day: i64| -> i64 {
        let out = env
            .quiz()
            .env("QUIZ_NOW", (START + day * DAY).to_string())
            .args(["decks", "--json"])
            .output()
            .unwrap();
        let v: Value = serde_json::from_str(
            String::from_utf8(out.stdout)
                .unwrap()
                .lines()
                .next()
                .unwrap(),
        )
        .unwrap();
        v["due"].as_i64().unwrap()
    };
    assert_eq!((due_on(0), due_on(1), due_on(2), due_on(3)), (0, 0, 1, 1));
}
