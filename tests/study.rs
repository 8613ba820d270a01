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
            "SELECT q.id, q.answer ->> 0, q.deck_id || '/' || q.fact_id
             FROM question q ORDER BY q.id",
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
        // The column's tags (docs/schema.md): true/false, choice, date, list, number,
        // order, reveal, text.
        ["b", "c", "d", "l", "n", "o", "r", "t"]
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
        .prepare("SELECT id, kind, deck_id || '/' || fact_id FROM question ORDER BY id")
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
    c.query_row(
        "SELECT * FROM memory WHERE deck_id || '/' || fact_id = ?1",
        [fact],
        |r| {
            (0..18)
                .map(|i| {
                    r.get::<_, rusqlite::types::Value>(i)
                        .map(|v| format!("{v:?}"))
                })
                .collect()
        },
    )
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
            c.query_row("SELECT deck_id || '/' || fact_id || '/' || kind || '/' || variant FROM question WHERE id = ?1", [id], |r| r.get(0))
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
    c.query_row(
        "SELECT id FROM question WHERE deck_id || '/' || fact_id || '/' || kind || '/' || variant = ?1",
        [uid],
        |r| {
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

/// `quiz study --json` at `START + day * DAY`, answering every question right.
fn study_right(
    env: &Env,
    day: i64,
    args: &[&str],
    qs: &std::collections::HashMap<String, Value>,
) -> Vec<Value> {
    common::study_answering(env, START + day * DAY, args, |q| {
        let shown = q["options"].as_array().cloned().unwrap_or_default();
        common::right_answer(&qs[q["id"].as_str().unwrap()], &shown)
    })
}

#[test]
fn answering_right_for_eight_days_reaches_the_whole_lists_an_exam_asks() {
    let env = Env::new();
    env.ok(&["add-deck", "--builtin"]);
    let mut qs = common::questions_by_id(&env, "sco-fm-2020");
    qs.extend(common::questions_by_id(&env, "cc5-xian-2021"));
    let mut whole_lists = BTreeSet::new();
    let mut decks_day_one = BTreeSet::new();
    for day in 0..8 {
        let out = study_right(&env, day, &[], &qs);
        for a in answers(&out) {
            assert_ne!(a["verdict"], "wrong", "the script answers right: {a}");
            if a["kind"] == "list_recall" {
                whole_lists.insert(a["fact"].as_str().unwrap().to_owned());
            }
            if day == 0 {
                decks_day_one.insert(
                    a["fact"]
                        .as_str()
                        .unwrap()
                        .split('/')
                        .next()
                        .unwrap()
                        .to_owned(),
                );
            }
        }
    }
    // Both decks from the first day; the five SCO outcomes and the four China–Russia areas
    // written out in full within the week.
    assert_eq!(decks_day_one.len(), 2, "{decks_day_one:?}");
    for fact in ["sco-fm-2020/e1-sco-outcomes", "sco-fm-2020/e2-russia-areas"] {
        assert!(
            whole_lists.contains(fact),
            "{fact} not asked whole: {whole_lists:?}"
        );
    }
}

#[test]
fn options_come_in_a_fresh_order_at_each_showing_and_the_same_under_a_seed() {
    let env = env_with_mini();
    common::keep_only(&env.db(), &["mini/areas/choice/1"]);
    // Given up six times: relearned, the only fact left comes back at once (early).
    let script = ":show\n".repeat(6) + ":quit\n";
    let orders = |env: &Env| -> Vec<Vec<String>> {
        study(env, 0, &[], &script)
            .iter()
            .filter(|o| o["event"] == "question")
            .map(|o| {
                o["options"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap().to_owned())
                    .collect()
            })
            .collect()
    };
    let first = orders(&env);
    assert_eq!(first.len(), 7);
    let as_sets: BTreeSet<BTreeSet<&String>> = first.iter().map(|o| o.iter().collect()).collect();
    assert_eq!(as_sets.len(), 1, "the same options every time");
    let distinct: BTreeSet<&Vec<String>> = first.iter().collect();
    assert!(distinct.len() > 1, "always in one order: {first:?}");
    // The same seed (QUIZ_SEED) shows the same orders.
    assert_eq!(orders(&env), first);
}

/// The facts the question events of `out` asked about, in order.
fn facts_asked(out: &[Value]) -> Vec<String> {
    out.iter()
        .filter(|o| o["event"] == "question")
        .map(|o| o["fact"].as_str().unwrap().to_owned())
        .collect()
}

fn memory_flags(env: &Env, fact: &str) -> (i64, i64) {
    db(env)
        .query_row(
            "SELECT suspended, buried_until FROM memory WHERE deck_id || '/' || fact_id = ?1",
            [fact],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

#[test]
fn skip_bury_and_suspend_act_on_the_whole_fact_and_undo_takes_them_back() {
    let env = env_with_mini();
    env.ok(&["config", "new_per_day", "1000"]);
    // Skip: another fact comes at once, and the skipped one never comes back this session.
    let out = study(&env, 0, &[], &(":skip\n".to_owned() + &"1\n".repeat(60)));
    let asked = facts_asked(&out);
    assert_ne!(asked[1], asked[0]);
    assert!(!asked[1..].contains(&asked[0]), "{asked:?}");

    // Bury: the fact, every question of it, until tomorrow.
    let env = env_with_mini();
    env.ok(&["config", "new_per_day", "1000"]);
    let out = study(&env, 0, &[], &(":bury\n".to_owned() + &"1\n".repeat(60)));
    let asked = facts_asked(&out);
    let buried = asked[0].clone();
    assert!(!asked[1..].contains(&buried), "{asked:?}");
    assert!(memory_flags(&env, &buried).1 > START);
    let next_day = study(&env, 1, &[], &"1\n".repeat(100));
    assert!(
        facts_asked(&next_day).contains(&buried),
        "back the next day"
    );

    // Suspend, then undo (typed at the next fact's question): unsuspended and shown again
    // at once.
    let env = env_with_mini();
    let out = study(&env, 0, &[], ":suspend\n:undo\n:quit\n");
    let asked = facts_asked(&out);
    assert_eq!(asked.len(), 3);
    assert_eq!(asked[2], asked[0]);
    assert_eq!(memory_flags(&env, &asked[0]).0, 0);
    // Suspend for good: never shown again.
    let out = study(&env, 0, &[], &(":suspend\n".to_owned() + &"1\n".repeat(60)));
    let asked = facts_asked(&out);
    assert_eq!(memory_flags(&env, &asked[0]).0, 1);
    assert!(!asked[1..].contains(&asked[0]));
    let later = study(&env, 5, &[], &"1\n".repeat(60));
    assert!(!facts_asked(&later).contains(&asked[0]));

    // Bury, then undo: back at once.
    let env = env_with_mini();
    let out = study(&env, 0, &[], ":bury\n:undo\n:quit\n");
    let asked = facts_asked(&out);
    assert_eq!((asked.len(), &asked[2]), (3, &asked[0]));
    assert_eq!(memory_flags(&env, &asked[0]).1, 0);
}

#[test]
fn undo_reaches_the_last_answer_of_an_earlier_session_today() {
    let env = env_with_mini();
    let first = study(&env, 0, &["--limit", "1"], "1\n");
    let answered = answers(&first)[0]["id"].as_str().unwrap().to_owned();
    let out = study(&env, 0, &[], ":undo\n:quit\n");
    assert!(
        out.iter()
            .any(|o| o["event"] == "undo"
                && o["message"].as_str().unwrap().contains("earlier today")),
        "{out:?}"
    );
    let again: Vec<&Value> = out.iter().filter(|o| o["event"] == "question").collect();
    assert_eq!(
        again.last().unwrap()["id"],
        answered.as_str(),
        "shown again"
    );
    let n: i64 = db(&env)
        .query_row("SELECT count(*) FROM review", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
    // Not the day after.
    study(&env, 0, &["--limit", "1"], "1\n");
    let out = study(&env, 1, &[], ":undo\n:quit\n");
    assert!(
        out.iter().any(|o| o["message"] == "Nothing to undo today."),
        "{out:?}"
    );
}

#[test]
fn an_empty_line_is_not_an_answer() {
    let env = env_with_mini();
    common::keep_only(&env.db(), &["mini/areas/how_many/count"]);
    let out = study(&env, 0, &[], "\n  \n4\n");
    let invalid = out.iter().filter(|o| o["event"] == "invalid").count();
    assert_eq!(invalid, 2, "{out:?}");
    let a = answers(&out);
    assert_eq!(a.len(), 1);
    assert_eq!(
        (a[0]["given"].as_str(), a[0]["verdict"].as_str()),
        (Some("4"), Some("correct"))
    );
    let n: i64 = db(&env)
        .query_row("SELECT count(*) FROM review", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    // :show gives up: the answer is shown and the fact counts as forgotten.
    let env = env_with_mini();
    common::keep_only(&env.db(), &["mini/areas/how_many/count"]);
    let out = study(&env, 0, &["--limit", "1"], ":show\n");
    let a = answers(&out)[0];
    assert_eq!(
        (a["rating"].as_str(), a["verdict"].as_str()),
        (Some("again"), Some("wrong"))
    );
}

#[test]
fn an_accepted_answer_counts_as_right_in_the_numbers() {
    let env = env_with_mini();
    common::keep_only(&env.db(), &["mini/zhangxiao/recall/name"]);
    let out = env
        .quiz()
        .args(["study", "--limit", "1"])
        .write_stdin("张潇\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("almost → hard"), "{text}");
    assert!(text.contains("1 answered, 1 right (100%)"), "{text}");
}

#[test]
fn due_tomorrow_is_what_the_next_session_shows() {
    let env = env_with_mini();
    env.ok(&["config", "new_per_day", "10"]);
    let qs = common::questions_by_id(&env, "mini");
    let summary = |out: &[Value]| out.last().unwrap()["due_tomorrow"].as_i64().unwrap();
    let day0 = study_right(&env, 0, &[], &qs);
    assert_eq!(answers(&day0).len(), 10);
    env.ok(&["config", "new_per_day", "0"]);
    let mut promised = summary(&day0);
    for day in 1..6 {
        // One answer wrong on day 3: it is relearned, and what is left waits for tomorrow.
        let out = if day == 3 {
            study(&env, day, &["--limit", "1"], "不知道\n")
        } else {
            study_right(&env, day, &[], &qs)
        };
        if day != 3 {
            assert_eq!(
                answers(&out).len() as i64,
                promised,
                "day {day}: yesterday's summary promised {promised}"
            );
        }
        promised = summary(&out);
    }
}

#[test]
fn a_second_session_never_overwrites_what_the_first_stored() {
    // Two sessions show the same fact; the first to answer stores it, the second is told so
    // and its answer is not stored: the memory always agrees with its log.
    let env = env_with_mini();
    common::keep_only(
        &env.db(),
        &["mini/areas/how_many/count", "mini/measures/how_many/count"],
    );
    use std::io::{BufRead, BufReader, Write};
    let spawn = || {
        env.quiz_std()
            .args(["study", "--json"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let (mut a, mut b) = (spawn(), spawn());
    let mut a_out = BufReader::new(a.stdout.take().unwrap()).lines();
    let mut b_out = BufReader::new(b.stdout.take().unwrap()).lines();
    let qa: Value = serde_json::from_str(&a_out.next().unwrap().unwrap()).unwrap();
    let qb: Value = serde_json::from_str(&b_out.next().unwrap().unwrap()).unwrap();
    assert_eq!(qa["fact"], qb["fact"], "both show the first fact");
    let mut a_in = a.stdin.take().unwrap();
    let mut b_in = b.stdin.take().unwrap();
    writeln!(a_in, "4").unwrap();
    a_in.flush().unwrap();
    let stored: Value = serde_json::from_str(&a_out.next().unwrap().unwrap()).unwrap();
    assert!(stored["verdict"].is_string(), "{stored}");
    writeln!(b_in, "4").unwrap();
    b_in.flush().unwrap();
    let refused: Value = serde_json::from_str(&b_out.next().unwrap().unwrap()).unwrap();
    assert_eq!(refused["event"], "invalid", "{refused}");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("Another quiz session")
    );
    drop((a_in, b_in));
    a.wait().unwrap();
    b.wait().unwrap();
    let c = db(&env);
    let disagree: i64 = c
        .query_row(
            "SELECT count(*) FROM memory m WHERE m.reps != (SELECT count(*) FROM review r
                 JOIN question q ON q.id = r.question_id
                 WHERE q.deck_id = m.deck_id AND q.fact_id = m.fact_id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(disagree, 0);
}

#[test]
fn escape_sequences_in_a_deck_never_reach_the_terminal() {
    // An OSC 52 sequence (write to the clipboard) hidden in a list item.
    let env = Env::new();
    let deck = env.write(
        "esc.toml",
        &common::fixture_text("mini.toml").replace(
            "二是做大国和睦共处典范",
            "二是做大国和睦共处典范\\u001B]52;c;SGVsbG8=\\u0007",
        ),
    );
    env.ok(&["add-deck", deck.to_str().unwrap()]);
    common::keep_only(&env.db(), &["mini/areas/list_recall/all"]);
    for json in [false, true] {
        let mut args = vec!["study", "--limit", "1"];
        if json {
            args.push("--json");
        }
        let out = env.quiz().args(&args).write_stdin("x\n").output().unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("做大国和睦共处典范"), "{text}");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
    }
}

/// Piped, `:right` is read at the next question's prompt; the `overrule` event must still
/// name the question whose answer was counted as right, so a script knows which it was.
#[test]
fn an_overrule_event_names_the_question_overruled() {
    let env = env_with_mini();
    common::keep_only(
        &env.db(),
        &["mini/camels/recall/meaning", "mini/changan/recall/meaning"],
    );
    let out = study(&env, 0, &[], "货运火车\n:right\n:quit\n");
    let asked: Vec<&str> = out
        .iter()
        .filter(|o| o["event"] == "question")
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    let first = answers(&out)[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(answers(&out)[0]["verdict"], "wrong");
    assert!(
        asked.iter().any(|id| *id != first),
        "the other fact was on screen when :right was typed: {asked:?}"
    );
    let overrule = out.iter().find(|o| o["event"] == "overrule").unwrap();
    assert_eq!(overrule["id"], first.as_str(), "{overrule}");
    assert!(
        overrule["message"]
            .as_str()
            .unwrap()
            .starts_with("Counted as right"),
        "{overrule}"
    );
}
