//! Queries of a study session: settings, the next fact and its questions, recording and
//! undoing answers, burying and suspending facts, and today's counts for the daily limits.
//!
//! The fact is the unit of learning: one `memory` row per fact is scheduled; review rows
//! name the question that was asked. Picking the next fact walks the partial indexes
//! `memory_due` and `memory_new`; counting today's answers walks `review_time`. None of them
//! scans the memory or review table.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::{Db, QUESTION_COLUMNS, QUESTION_JOINS, question_from_row};
use crate::error::{Error, Result};
use crate::question::{Kind, Question};
use crate::schedule::{CardState, Queue, Rating, Settings};

/// A fact picked for study, with its memory.
#[derive(Debug, Clone)]
pub struct StudyFact {
    /// `memory.id`.
    pub id: i64,
    pub deck: String,
    pub fact: String,
    pub row: MemoryRow,
}

/// Everything in a memory row that answering, burying or suspending can change: what undo
/// restores. Stored as JSON in `review.before`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemoryRow {
    #[serde(flatten)]
    pub state: CardState,
    /// The rung the fact is asked at next (0 recognition, 1 cued, 2 free recall). Required
    /// in JSON: a `before` written by schema 8 (a question's state) does not read as a fact's.
    pub rung: u8,
    pub suspended: bool,
    pub buried_until: i64,
    pub leech: bool,
}

/// One way of asking about a fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// `question.id`.
    pub question_id: i64,
    pub kind: Kind,
    /// When it was last asked, unix milliseconds; `None` if never.
    pub last_asked: Option<i64>,
}

/// What to pick from.
#[derive(Debug, Clone)]
pub struct NextQuery<'a> {
    /// Unix seconds.
    pub now: i64,
    /// Learning facts due up to this instant are shown when nothing else is left (Anki's
    /// "learn ahead limit").
    pub learn_ahead_until: i64,
    /// Review facts whose `due` is below this are due today ([`crate::schedule::reviews_due_before`]).
    pub reviews_before: i64,
    /// Only these decks; empty for all.
    pub decks: &'a [String],
    /// Memory ids not to show (skipped in this session, or just shown).
    pub exclude: &'a [i64],
    /// Whether more reviews may be shown today.
    pub reviews_allowed: bool,
    /// Decks to take a new fact from, in order of preference; empty when no new fact may be
    /// introduced today.
    pub new_from: &'a [String],
    /// Facts an exam date brings forward, most at risk first
    /// ([`crate::stats::exam::priority`]): asked before the day's other reviews, each once
    /// a day. Usually empty.
    pub exam_first: &'a [i64],
}

/// The most facts of one kind [`Db::waiting_today`] counts.
pub const WAITING_CAP: i64 = 500;

fn decks_json(decks: &[String]) -> Option<String> {
    (!decks.is_empty()).then(|| serde_json::to_string(decks).unwrap_or_default())
}

/// Facts waiting today, each count capped at [`WAITING_CAP`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Waiting {
    /// Learning facts due now or within the learn-ahead limit.
    pub learning: i64,
    pub reviews: i64,
    pub new: i64,
}

/// Answers given since the start of the study day, by the queue the fact was in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TodayCounts {
    /// New facts introduced (first answers).
    pub new: u32,
    /// Answers to facts in review.
    pub reviews: u32,
}

/// One answer to store.
#[derive(Debug, Clone)]
pub struct AnswerRecord<'a> {
    pub memory_id: i64,
    pub question_id: i64,
    /// The rung the question was asked at.
    pub rung: u8,
    /// Unix milliseconds.
    pub reviewed_at_ms: i64,
    pub rating: Rating,
    /// The memory as read when the question was picked: the answer is stored only if the
    /// row still holds it (another session may have answered the same fact meanwhile).
    pub before: &'a MemoryRow,
    pub after: &'a MemoryRow,
    pub elapsed_days: u32,
    pub duration_ms: i64,
    pub given: Option<&'a str>,
    pub verdict: Option<&'a str>,
    pub step: Option<&'a str>,
    pub overridden: bool,
}

/// What [`Db::undo_answer`] restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undone {
    pub memory_id: i64,
    pub question_id: i64,
}

pub(super) const MEMORY_COLS: &str =
    "m.queue, m.step, m.stability, m.difficulty, m.due, m.last_review,
    m.interval_days, m.reps, m.lapses, m.rung, m.suspended, m.buried_until, m.leech";

/// Filters shared by every pick: not excluded, in the chosen decks. `?1` exclude (JSON
/// array), `?2` decks (JSON array or NULL); `?3` is each pick's bound. Buried facts are not
/// in the indexes at all (`buried_until = 0`).
const FILTERS: &str = "m.buried_until = 0
    AND m.id NOT IN (SELECT value FROM json_each(?1))
    AND (?2 IS NULL OR m.deck_id IN (SELECT value FROM json_each(?2)))";

pub(super) fn memory_row_at(r: &rusqlite::Row, i: usize) -> rusqlite::Result<MemoryRow> {
    let queue: i64 = r.get(i)?;
    Ok(MemoryRow {
        state: CardState {
            queue: Queue::from_i64(queue)
                .ok_or_else(|| rusqlite::Error::IntegralValueOutOfRange(i, queue))?,
            step: r.get(i + 1)?,
            stability: r.get::<_, Option<f64>>(i + 2)?.map(|v| v as f32),
            difficulty: r.get::<_, Option<f64>>(i + 3)?.map(|v| v as f32),
            due: r.get(i + 4)?,
            last_review: r.get(i + 5)?,
            interval_days: r.get(i + 6)?,
            reps: r.get(i + 7)?,
            lapses: r.get(i + 8)?,
        },
        rung: r.get(i + 9)?,
        suspended: r.get(i + 10)?,
        buried_until: r.get(i + 11)?,
        leech: r.get(i + 12)?,
    })
}

/// Writes `row` into memory `id`.
fn write_memory(tx: &rusqlite::Connection, id: i64, row: &MemoryRow) -> Result<()> {
    let s = &row.state;
    tx.prepare_cached(
        "UPDATE memory SET queue = ?2, step = ?3, stability = ?4, difficulty = ?5, due = ?6,
                 last_review = ?7, interval_days = ?8, reps = ?9, lapses = ?10, rung = ?11,
                 suspended = ?12, buried_until = ?13, leech = ?14
             WHERE id = ?1",
    )?
    .execute(params![
        id,
        s.queue.as_i64(),
        s.step,
        s.stability.map(f64::from),
        s.difficulty.map(f64::from),
        s.due,
        s.last_review,
        s.interval_days,
        s.reps,
        s.lapses,
        row.rung,
        row.suspended,
        row.buried_until,
        row.leech
    ])?;
    Ok(())
}

impl Db {
    /// The stored settings over the defaults. A stored value this binary no longer accepts is
    /// an error naming the key, not silently ignored.
    pub fn load_settings(&self) -> Result<Settings> {
        let mut settings = Settings::default();
        let mut st = self.conn.prepare("SELECT key, value FROM setting")?;
        let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (k, v) = row?;
            if let Some(warning) = settings.set_stored(&k, &v) {
                eprintln!("quiz: {warning}");
            }
        }
        Ok(settings)
    }

    /// Stores one setting (already validated by the caller through [`Settings::set`]).
    pub fn store_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// Whether any question exists at all (first run).
    pub fn has_questions(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS(SELECT 1 FROM memory)", [], |r| r.get(0))?)
    }

    /// The ids of every deck, in the order they were added.
    pub fn deck_ids(&self) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id FROM deck ORDER BY added_at, id")?;
        let rows = st.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The next fact to study: learning facts due now, then reviews due today, then a new
    /// fact (from the first deck of `new_from` that has one), then learning facts due within
    /// the learn-ahead limit.
    pub fn next_fact(&self, q: &NextQuery) -> Result<Option<StudyFact>> {
        let exclude = serde_json::to_string(q.exclude).unwrap_or_else(|_| "[]".into());
        let decks = decks_json(q.decks);
        // Facts buried until a time now past come back.
        self.conn
            .prepare_cached(
                "UPDATE memory SET buried_until = 0 WHERE buried_until != 0 AND buried_until <= ?1",
            )?
            .execute([q.now])?;
        let pick = |sql: &str, bound: &dyn rusqlite::ToSql| -> Result<Option<i64>> {
            let mut st = self.conn.prepare_cached(sql)?;
            Ok(st
                .query_row(params![exclude, decks, bound], |r| r.get(0))
                .optional()?)
        };
        let mut id = pick(&learning_sql(), &q.now)?;
        if id.is_none() && q.reviews_allowed && !q.exam_first.is_empty() {
            let ids = serde_json::to_string(q.exam_first).unwrap_or_else(|_| "[]".into());
            id = self
                .conn
                .prepare_cached(&exam_sql())?
                .query_row(params![exclude, decks, q.reviews_before, ids], |r| r.get(0))
                .optional()?;
        }
        if id.is_none() && q.reviews_allowed {
            id = pick(&review_sql(), &q.reviews_before)?;
        }
        for deck in q.new_from {
            if id.is_some() {
                break;
            }
            id = pick(&new_sql(), deck)?;
        }
        if id.is_none() {
            id = pick(&learning_sql(), &q.learn_ahead_until)?;
        }
        id.map(|id| self.study_fact(id)).transpose()
    }

    /// The fact and memory row of memory `id`.
    pub fn study_fact(&self, id: i64) -> Result<StudyFact> {
        let sql =
            format!("SELECT m.deck_id, m.fact_id, {MEMORY_COLS} FROM memory m WHERE m.id = ?1");
        Ok(self.conn.prepare_cached(&sql)?.query_row([id], |r| {
            Ok(StudyFact {
                id,
                deck: r.get(0)?,
                fact: r.get(1)?,
                row: memory_row_at(r, 2)?,
            })
        })?)
    }

    /// The current questions of memory `id`, in generation order, with when each was last
    /// asked (through `review_question`).
    pub fn variants(&self, id: i64) -> Result<Vec<Variant>> {
        let mut st = self.conn.prepare_cached(
            "SELECT q.id, q.kind,
                    (SELECT max(r.reviewed_at) FROM review r WHERE r.question_id = q.id)
             FROM memory m JOIN question q ON q.deck_id = m.deck_id AND q.fact_id = m.fact_id
             WHERE m.id = ?1 AND q.retired = 0
             ORDER BY q.id",
        )?;
        let rows = st.query_map([id], |r| {
            let kind: String = r.get(1)?;
            Ok(Variant {
                question_id: r.get(0)?,
                kind: Kind::parse(&kind).ok_or_else(|| {
                    rusqlite::Error::FromSqlConversionFailure(
                        1,
                        rusqlite::types::Type::Text,
                        format!("unknown kind {kind}").into(),
                    )
                })?,
                last_asked: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Question `id`.
    pub fn question(&self, id: i64) -> Result<Question> {
        let sql =
            format!("SELECT {QUESTION_COLUMNS} FROM question q {QUESTION_JOINS} WHERE q.id = ?1");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row([id], question_from_row)?)
    }

    /// Stores an answer in one transaction: the fact's new memory and the review row (with
    /// the memory before, for undo). Returns the review id, or `None`, storing nothing, when
    /// the memory no longer holds `a.before` (another session answered the fact meanwhile).
    pub fn record_answer(&mut self, a: &AnswerRecord) -> Result<Option<i64>> {
        let tx = self.conn.transaction()?;
        if !memory_is(&tx, a.memory_id, a.before)? {
            return Ok(None);
        }
        let id = insert_answer(&tx, a)?;
        tx.commit()?;
        Ok(Some(id))
    }

    /// Replaces answer `review_id` by the student's overruling: the fact is rescheduled from
    /// the same previous memory with `a` (`overridden`), the review row rewritten, and the
    /// given answer kept in `accepted_answer` for the instructor. One transaction.
    pub fn overrule(&mut self, review_id: i64, a: &AnswerRecord, now: i64) -> Result<i64> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM review WHERE id = ?1", [review_id])?;
        let id = insert_answer(&tx, a)?;
        if let Some(given) = a.given {
            tx.execute(
                "INSERT OR IGNORE INTO accepted_answer (question_id, answer, added_at)
                 VALUES (?1, ?2, ?3)",
                params![a.question_id, given, now],
            )?;
        }
        tx.commit()?;
        Ok(id)
    }

    /// The last answer given since `since_ms` (unix ms) that can be undone (one stored with a
    /// fact's memory before it), for undo across sessions.
    pub fn last_answer_since(&self, since_ms: i64) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id FROM review WHERE reviewed_at >= ?1 AND rung IS NOT NULL
                 ORDER BY reviewed_at DESC, id DESC LIMIT 1",
            )?
            .query_row([since_ms], |r| r.get(0))
            .optional()?)
    }

    /// Undoes answer `review_id`: the fact's memory gets back its state from before the
    /// answer and the review row is deleted (with the accepted answer an overruling added).
    /// `None` if there is no such review, or it was given before schema 9 (its `before` is a
    /// question's state, not a fact's).
    pub fn undo_answer(&mut self, review_id: i64) -> Result<Option<Undone>> {
        let tx = self.conn.transaction()?;
        // memory id, question id, state before, given, overridden
        type Row = (i64, i64, String, Option<String>, bool);
        let found: Option<Row> = tx
            .query_row(
                "SELECT m.id, r.question_id, r.before, r.given, r.overridden
                 FROM review r JOIN question q ON q.id = r.question_id
                 JOIN memory m ON m.deck_id = q.deck_id AND m.fact_id = q.fact_id
                 WHERE r.id = ?1 AND r.rung IS NOT NULL",
                [review_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((mid, qid, before, given, overridden)) = found else {
            return Ok(None);
        };
        let row: MemoryRow = serde_json::from_str(&before)
            .map_err(|e| Error::Other(format!("review {review_id}: unreadable state: {e}")))?;
        write_memory(&tx, mid, &row)?;
        tx.execute("DELETE FROM review WHERE id = ?1", [review_id])?;
        if overridden && let Some(g) = given {
            tx.execute(
                "DELETE FROM accepted_answer WHERE question_id = ?1 AND answer = ?2",
                params![qid, g],
            )?;
        }
        tx.commit()?;
        Ok(Some(Undone {
            memory_id: mid,
            question_id: qid,
        }))
    }

    /// Hides fact `id` until `until` (unix seconds; 0 unburies).
    pub fn set_buried(&self, id: i64, until: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE memory SET buried_until = ?2 WHERE id = ?1",
            params![id, until],
        )?;
        Ok(())
    }

    /// Suspends fact `id` (never shown until unsuspended), or unsuspends it.
    pub fn set_suspended(&self, id: i64, suspended: bool) -> Result<()> {
        self.conn.execute(
            "UPDATE memory SET suspended = ?2 WHERE id = ?1",
            params![id, suspended],
        )?;
        Ok(())
    }

    /// Answers given since `day_start` (unix seconds), for the daily limits.
    pub fn answered_today(&self, day_start: i64) -> Result<TodayCounts> {
        let mut st = self.conn.prepare_cached(
            "SELECT COALESCE(SUM(queue_before = 0), 0), COALESCE(SUM(queue_before = 2), 0)
             FROM review WHERE reviewed_at >= ?1",
        )?;
        Ok(st.query_row([day_start * 1000], |r| {
            Ok(TodayCounts {
                new: r.get(0)?,
                reviews: r.get(1)?,
            })
        })?)
    }

    /// New facts introduced since `day_start` (unix seconds), per deck: how the session
    /// interleaves decks.
    pub fn new_today_by_deck(&self, day_start: i64) -> Result<HashMap<String, u32>> {
        let mut st = self.conn.prepare_cached(
            "SELECT q.deck_id, count(*) FROM review r JOIN question q ON q.id = r.question_id
             WHERE r.reviewed_at >= ?1 AND r.queue_before = 0 GROUP BY q.deck_id",
        )?;
        let rows = st.query_map([day_start * 1000], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What is waiting today, for the progress line: learning facts due by `learn_ahead_until`,
    /// reviews due today (with the exam list's facts still to ask, see [`Db::next_fact`])
    /// and new facts, each counted up to its count in `most` and to [`WAITING_CAP`] (so this
    /// reads a few index entries, never the collection: the session passes what the daily
    /// limits leave, 20 new facts by default where 500 were read). `exclude` (skipped facts)
    /// is left out.
    pub fn waiting_today(&self, q: &NextQuery, most: Waiting) -> Result<Waiting> {
        let exclude = serde_json::to_string(q.exclude).unwrap_or_else(|_| "[]".into());
        let [learning, reviews, new] =
            [most.learning, most.reviews, most.new].map(|n| n.clamp(0, WAITING_CAP));
        // The caps are literals: a bound LIMIT makes SQLite re-prepare the statement
        // whenever the bound value changes. (They change when a daily limit is reached or
        // changed: each value is a statement of its own, prepared once.)
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT
               (SELECT count(*) FROM (SELECT 1 FROM memory m INDEXED BY memory_due
                  WHERE queue IN (1, 3) AND queue <> 0 AND due <= ?1 AND active = 1 AND suspended = 0 AND buried_until = 0
                    AND m.id NOT IN (SELECT value FROM json_each(?4))
                    AND (?3 IS NULL OR deck_id IN (SELECT value FROM json_each(?3))) LIMIT {learning})),
               (SELECT count(*) FROM (SELECT 1 FROM memory m INDEXED BY memory_due
                  WHERE queue = 2 AND queue <> 0 AND due < ?2 AND active = 1 AND suspended = 0 AND buried_until = 0
                    AND m.id NOT IN (SELECT value FROM json_each(?4))
                    AND (?3 IS NULL OR deck_id IN (SELECT value FROM json_each(?3))) LIMIT {reviews})),
               (SELECT count(*) FROM (SELECT 1 FROM memory m INDEXED BY memory_new
                  WHERE queue = 0 AND active = 1 AND suspended = 0 AND buried_until = 0
                    AND m.id NOT IN (SELECT value FROM json_each(?4))
                    AND (?3 IS NULL OR deck_id IN (SELECT value FROM json_each(?3))) LIMIT {new}))",
        ))?;
        let mut w = st.query_row(
            params![
                q.learn_ahead_until,
                q.reviews_before,
                decks_json(q.decks),
                exclude
            ],
            |r| {
                Ok(Waiting {
                    learning: r.get(0)?,
                    reviews: r.get(1)?,
                    new: r.get(2)?,
                })
            },
        )?;
        // Until an exam, facts at risk on the exam day are asked as reviews before their
        // due day (`next_fact`): they wait today too. They are never due yet (a fact due
        // before its exam is left to its normal review), so none is counted twice.
        if !q.exam_first.is_empty() {
            let ids = serde_json::to_string(q.exam_first).unwrap_or_else(|_| "[]".into());
            let exam: i64 = self.conn.prepare_cached(&exam_count_sql())?.query_row(
                params![exclude, decks_json(q.decks), q.reviews_before, ids],
                |r| r.get(0),
            )?;
            w.reviews = (w.reviews + exam).min(reviews);
        }
        Ok(w)
    }

    /// Facts a session starting before `reviews_before` would show from the schedule:
    /// `(reviews due before then, facts in their learning steps)`, buried ones included (they
    /// come back by then), suspended ones not. For "due tomorrow".
    pub fn scheduled_before(&self, reviews_before: i64, decks: &[String]) -> Result<(i64, i64)> {
        let count = |queues: &str| -> Result<i64> {
            let sql = format!(
                "SELECT (SELECT count(*) FROM memory INDEXED BY memory_due
                         WHERE queue <> 0 AND {queues}
                           AND active = 1 AND suspended = 0 AND buried_until = 0
                           AND (?2 IS NULL OR deck_id IN (SELECT value FROM json_each(?2))))
                      + (SELECT count(*) FROM memory INDEXED BY memory_buried
                         WHERE buried_until != 0 AND {queues} AND active = 1 AND suspended = 0
                           AND (?2 IS NULL OR deck_id IN (SELECT value FROM json_each(?2))))"
            );
            Ok(self
                .conn
                .prepare_cached(&sql)?
                .query_row(params![reviews_before, decks_json(decks)], |r| r.get(0))?)
        };
        Ok((
            count("queue = 2 AND due < ?1")?,
            count("queue IN (1, 3) AND ?1 = ?1")?,
        ))
    }

    /// `EXPLAIN QUERY PLAN` of each pick, for the test that no pick scans a table.
    pub fn next_fact_plans(&self) -> Result<Vec<String>> {
        let mut plans = Vec::new();
        for sql in [learning_sql(), review_sql(), new_sql()] {
            let mut st = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
            let rows = st.query_map(params!["[]", "[\"x\"]", 0], |r| r.get::<_, String>(3))?;
            plans.push(rows.collect::<rusqlite::Result<Vec<_>>>()?.join("\n"));
        }
        Ok(plans)
    }
}

fn learning_sql() -> String {
    format!(
        "SELECT m.id FROM memory m INDEXED BY memory_due
         WHERE m.queue IN (1, 3) AND m.queue <> 0 AND m.due <= ?3 AND m.active = 1 AND m.suspended = 0
           AND {FILTERS}
         ORDER BY m.due LIMIT 1"
    )
}

fn review_sql() -> String {
    format!(
        "SELECT m.id FROM memory m INDEXED BY memory_due
         WHERE m.queue = 2 AND m.queue <> 0 AND m.due < ?3 AND m.active = 1 AND m.suspended = 0
           AND {FILTERS}
         ORDER BY m.due LIMIT 1"
    )
}

/// The facts of the exam list `?4` still in review and not answered today (`?3` is the
/// review bound, noon of the study day). The list is walked in its order by row id: it
/// never scans the memory table.
fn exam_facts() -> String {
    format!(
        "FROM json_each(?4) j CROSS JOIN memory m ON m.id = j.value
         WHERE m.queue = 2 AND m.active = 1 AND m.suspended = 0
           AND m.last_review < ?3 - 43200
           AND {FILTERS}"
    )
}

/// The first of [`exam_facts`].
fn exam_sql() -> String {
    format!("SELECT m.id {} ORDER BY j.key LIMIT 1", exam_facts())
}

/// How many [`exam_facts`] there are, up to [`WAITING_CAP`].
fn exam_count_sql() -> String {
    format!(
        "SELECT count(*) FROM (SELECT 1 {} LIMIT {WAITING_CAP})",
        exam_facts()
    )
}

/// A new fact of deck `?3`.
fn new_sql() -> String {
    format!(
        "SELECT m.id FROM memory m INDEXED BY memory_new
         WHERE m.deck_id = ?3 AND m.queue = 0 AND m.active = 1 AND m.suspended = 0
           AND {FILTERS}
         ORDER BY m.new_order LIMIT 1"
    )
}

/// Whether memory `id` holds exactly `row` (the lost-update check of two sessions).
fn memory_is(tx: &rusqlite::Connection, id: i64, row: &MemoryRow) -> Result<bool> {
    let sql = format!("SELECT {MEMORY_COLS} FROM memory m WHERE m.id = ?1");
    let now: Option<MemoryRow> = tx
        .prepare_cached(&sql)?
        .query_row([id], |r| memory_row_at(r, 0))
        .optional()?;
    Ok(now.as_ref() == Some(row))
}

fn insert_answer(tx: &rusqlite::Connection, a: &AnswerRecord) -> Result<i64> {
    write_memory(tx, a.memory_id, a.after)?;
    let before = serde_json::to_string(a.before)
        .map_err(|e| Error::Other(format!("cannot store memory state: {e}")))?;
    let after = &a.after.state;
    tx.prepare_cached(
        "INSERT INTO review (question_id, reviewed_at, rating, queue_before, elapsed_days,
             duration_ms, given, verdict, step, overridden, stability, difficulty,
             interval_days, due, before, rung)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params![
        a.question_id,
        a.reviewed_at_ms,
        a.rating.as_i64(),
        a.before.state.queue.as_i64(),
        a.elapsed_days,
        a.duration_ms,
        a.given,
        a.verdict,
        a.step,
        a.overridden,
        after.stability.map(f64::from),
        after.difficulty.map(f64::from),
        after.interval_days,
        after.due,
        before,
        a.rung
    ])?;
    Ok(tx.last_insert_rowid())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query<'a>(decks: &'a [String], new_from: &'a [String]) -> NextQuery<'a> {
        NextQuery {
            now: 0,
            learn_ahead_until: 0,
            reviews_before: 0,
            decks,
            exclude: &[],
            reviews_allowed: true,
            new_from,
            exam_first: &[],
        }
    }

    const ALL: Waiting = Waiting {
        learning: WAITING_CAP,
        reviews: WAITING_CAP,
        new: WAITING_CAP,
    };

    #[test]
    fn counting_what_is_waiting_uses_the_picking_indexes() {
        let db = Db::open_in_memory().unwrap();
        let decks = vec!["d".to_owned()];
        assert_eq!(
            db.waiting_today(&query(&decks, &decks), ALL).unwrap(),
            Waiting::default()
        );
        assert_eq!(db.scheduled_before(0, &decks).unwrap(), (0, 0));
    }

    /// Each count stops at what the caller can use (what the daily limits leave) and at
    /// [`WAITING_CAP`].
    #[test]
    fn what_is_waiting_is_counted_up_to_the_limits() {
        let db = Db::open_in_memory().unwrap();
        db.conn
            .execute(
                "INSERT INTO deck (id, title, language, origin, toml, added_at, updated_at)
                 VALUES ('d', 'D', 'zh', 'test', '', 0, 0)",
                [],
            )
            .unwrap();
        for i in 0..600 {
            let queue = if i < 30 { 2 } else { 0 };
            db.conn
                .execute(
                    "INSERT INTO memory (deck_id, fact_id, new_order, queue, due) VALUES ('d', ?1, ?2, ?3, 0)",
                    params![format!("f{i}"), i, queue],
                )
                .unwrap();
        }
        let decks = vec!["d".to_owned()];
        let mut q = query(&decks, &decks);
        q.reviews_before = 1;
        let counted = |most| db.waiting_today(&q, most).unwrap();
        assert_eq!(
            counted(ALL),
            Waiting {
                learning: 0,
                reviews: 30,
                new: WAITING_CAP
            }
        );
        let most = Waiting {
            learning: 5,
            reviews: 20,
            new: 0,
        };
        assert_eq!(
            counted(most),
            Waiting {
                learning: 0,
                reviews: 20,
                new: 0
            }
        );
        let most = Waiting {
            reviews: -3,
            new: 9_999,
            ..most
        };
        assert_eq!(
            counted(most),
            Waiting {
                learning: 0,
                reviews: 0,
                new: WAITING_CAP
            }
        );
    }

    #[test]
    fn picking_the_next_fact_never_scans_a_table() {
        let db = Db::open_in_memory().unwrap();
        let plans = db.next_fact_plans().unwrap();
        for (plan, index) in plans.iter().zip(["memory_due", "memory_due", "memory_new"]) {
            assert!(plan.contains(&format!("USING INDEX {index}")), "{plan}");
            for line in plan.lines() {
                let l = line.trim();
                // Walking a partial index in order (`SCAN m USING INDEX memory_new`) is the
                // point; a bare `SCAN` of a table is not.
                let bare_scan =
                    l.starts_with("SCAN") && !l.contains("USING") && !l.contains("json_each");
                assert!(!bare_scan, "full scan in:\n{plan}");
            }
        }
    }

    #[test]
    fn the_exam_pick_walks_its_list_by_row_id() {
        let db = Db::open_in_memory().unwrap();
        let mut st = db
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {}", exam_sql()))
            .unwrap();
        let plan: Vec<String> = st
            .query_map(params!["[]", "[\"x\"]", 0, "[1, 2]"], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let plan = plan.join("\n");
        assert!(plan.contains("INTEGER PRIMARY KEY"), "{plan}");
        assert!(!plan.contains("SCAN m"), "{plan}");
    }

    #[test]
    fn settings_round_trip_through_the_setting_table() {
        let db = Db::open_in_memory().unwrap();
        assert_eq!(db.load_settings().unwrap(), Settings::default());
        db.store_setting("learning_steps", "").unwrap();
        db.store_setting("new_per_day", "3").unwrap();
        let s = db.load_settings().unwrap();
        assert!(s.learning_steps.is_empty());
        assert_eq!(s.new_per_day, 3);
    }
}
