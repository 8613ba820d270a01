//! Upgrading a database the per-question release made (schema 8) to one memory per fact:
//! every review row is kept as it was, and each fact's memory is replayed from its answers.

mod common;

use std::collections::BTreeMap;

use common::{Env, fixture_text};
use rusqlite::Connection;

type Review = (i64, i64, i64, i64, Option<String>, Option<String>);

fn reviews(c: &Connection) -> Vec<Review> {
    c.prepare("SELECT id, question_id, reviewed_at, rating, given, verdict FROM review ORDER BY id")
        .unwrap()
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Per fact: (answers, last answer in unix seconds, rating of the last answer, queue of the
/// question answered last).
fn history(c: &Connection) -> BTreeMap<String, (i64, i64, i64, i64)> {
    c.prepare(
        "SELECT q.fact_id, count(*), max(r.reviewed_at) / 1000,
                (SELECT r2.rating FROM review r2 JOIN question q2 ON q2.id = r2.question_id
                 WHERE q2.fact_id = q.fact_id ORDER BY r2.reviewed_at DESC, r2.id DESC LIMIT 1),
                (SELECT c2.queue FROM review r2 JOIN question q2 ON q2.id = r2.question_id
                 JOIN card c2 ON c2.question_id = q2.id
                 WHERE q2.fact_id = q.fact_id ORDER BY r2.reviewed_at DESC, r2.id DESC LIMIT 1)
         FROM review r JOIN question q ON q.id = r.question_id GROUP BY q.fact_id",
    )
    .unwrap()
    .query_map([], |r| {
        Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

#[test]
fn a_schema_8_database_with_history_upgrades_keeping_every_review_and_memory() {
    let env = Env::new();
    let c = Connection::open(env.db()).unwrap();
    c.execute_batch(&fixture_text("schema8-history.sql"))
        .unwrap();
    let version: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 8);
    let before = reviews(&c);
    let facts_before = history(&c);
    let facts: i64 = c
        .query_row(
            "SELECT count(*) FROM (SELECT DISTINCT deck_id, fact_id FROM question)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    drop(c);
    assert!(before.len() > 150, "the fixture has a history");
    assert!(facts_before.len() > 20);

    // Any command upgrades it.
    env.ok(&["decks"]);

    let c = Connection::open(env.db()).unwrap();
    let version: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, quiz::db::SCHEMA_VERSION);
    assert_eq!(reviews(&c), before, "every review row is kept as it was");
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let broken: i64 = c
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0);

    let memories: i64 = c
        .query_row("SELECT count(*) FROM memory", [], |r| r.get(0))
        .unwrap();
    assert_eq!(memories, facts, "one memory per fact");
    // A fact's rung is one it has questions for: a term tops out at cued recall.
    let mut st = c
        .prepare(
            "SELECT m.fact_id, m.rung, group_concat(q.kind) FROM memory m
             JOIN question q ON q.deck_id = m.deck_id AND q.fact_id = m.fact_id
             WHERE q.retired = 0 GROUP BY m.id",
        )
        .unwrap();
    let rows: Vec<(String, u8, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    drop(st);
    let mut at_top_below_free = 0;
    for (fact, rung, kinds) in &rows {
        let top = kinds
            .split(',')
            .map(|k| quiz::session::ladder::rung_of(quiz::question::Kind::parse(k).unwrap()))
            .max()
            .unwrap()
            .as_u8();
        assert!(rung <= &top, "{fact}: rung {rung} above its top {top}");
        at_top_below_free += usize::from(*rung == top && top < 2 && *rung > 0);
    }
    assert!(
        at_top_below_free > 0,
        "the fixture has facts that climbed to a top below free recall"
    );
    let mut relearning = 0;
    for (fact, (answers, last, _, last_queue)) in &facts_before {
        let (queue, reps, stability, last_review, due): (i64, i64, Option<f64>, i64, i64) = c
            .query_row(
                "SELECT queue, reps, stability, last_review, due FROM memory WHERE fact_id = ?1",
                [fact],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .unwrap();
        assert_eq!(
            reps, *answers,
            "{fact}: the memory counts every answer of its log"
        );
        assert_eq!(last_review, *last, "{fact}");
        let s = stability.unwrap_or_else(|| panic!("{fact} has a memory"));
        assert!(s > 0.0, "{fact}");
        if *last_queue == 3 {
            // Forgotten last and relearning: still relearning, due soon.
            assert_eq!(queue, 3, "{fact}");
            assert!(due - last < 3600, "{fact}");
            relearning += 1;
        } else {
            assert_eq!(queue, 2, "{fact}");
            assert!(due > *last, "{fact}");
        }
    }
    assert!(relearning > 0, "the fixture has relearning facts");
    // Facts never answered are new.
    let new: i64 = c
        .query_row("SELECT count(*) FROM memory WHERE queue = 0", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(new, facts - facts_before.len() as i64);
    drop(c);

    // Studying goes on from there. The answers given earlier today, before the upgrade, cannot
    // be undone (their stored state is a question's): saying so changes nothing.
    let out = env
        .quiz()
        .env("QUIZ_NOW", "2026-03-11T09:05:00Z")
        .args(["study", "--json"])
        .write_stdin(":undo\n:quit\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Nothing to undo today"), "{text}");
    let c = Connection::open(env.db()).unwrap();
    assert_eq!(reviews(&c), before);
}
