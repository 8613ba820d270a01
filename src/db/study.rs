//! Queries of a study session: settings, the next question, recording and undoing answers,
//! burying and suspending, and today's counts for the daily limits.
//!
//! Picking the next question walks the partial indexes `card_due` and `card_new`; counting
//! today's answers walks `review_time`. None of them scans the card or review table.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::{Db, QUESTION_COLUMN_COUNT, QUESTION_COLUMNS, QUESTION_JOINS, question_from_row};
use crate::error::{Error, Result};
use crate::question::Question;
use crate::schedule::{CardState, Queue, Rating, Settings};

/// A question picked for study, with its scheduling state.
#[derive(Debug, Clone)]
pub struct StudyCard {
    /// `question.id` (= `card.question_id`).
    pub id: i64,
    pub question: Question,
    pub row: CardRow,
}

/// Everything in a card row that answering, burying or suspending can change: what undo
/// restores. Stored as JSON in `review.before`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardRow {
    #[serde(flatten)]
    pub state: CardState,
    pub suspended: bool,
    pub buried_until: i64,
    pub leech: bool,
}

/// What to pick from.
#[derive(Debug, Clone)]
pub struct NextQuery<'a> {
    /// Unix seconds.
    pub now: i64,
    /// Learning questions due up to this instant are shown when nothing else is left (Anki's
    /// "learn ahead limit").
    pub learn_ahead_until: i64,
    /// Review questions whose `due` is below this are due today ([`crate::schedule::reviews_due_before`]).
    pub reviews_before: i64,
    /// Only these decks; empty for all.
    pub decks: &'a [String],
    /// Question ids not to show (skipped in this session).
    pub exclude: &'a [i64],
    /// Whether more reviews / new questions may be shown today.
    pub reviews_allowed: bool,
    pub new_allowed: bool,
}

/// The most questions of one kind [`Db::waiting_today`] counts.
pub const WAITING_CAP: i64 = 500;

fn decks_json(decks: &[String]) -> Option<String> {
    (!decks.is_empty()).then(|| serde_json::to_string(decks).unwrap_or_default())
}

/// Questions waiting today, each count capped (see [`Db::waiting_today`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Waiting {
    pub learning: i64,
    pub reviews: i64,
    pub new: i64,
}

/// Answers given since the start of the study day, by the queue the question was in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TodayCounts {
    /// New questions introduced (first answers).
    pub new: u32,
    /// Answers to review questions.
    pub reviews: u32,
}

/// One answer to store.
#[derive(Debug, Clone)]
pub struct AnswerRecord<'a> {
    pub question_id: i64,
    /// Unix milliseconds.
    pub reviewed_at_ms: i64,
    pub rating: Rating,
    pub before: &'a CardRow,
    pub after: &'a CardState,
    pub elapsed_days: u32,
    pub duration_ms: i64,
    pub given: Option<&'a str>,
    pub verdict: Option<&'a str>,
    pub step: Option<&'a str>,
    pub overridden: bool,
    /// The answer made the question a leech: suspend it and flag it.
    pub leech: bool,
    /// Bury the question's new and review siblings until then (the next day rollover).
    pub bury_siblings_until: i64,
}

const CARD_COLS: &str = "c.queue, c.step, c.stability, c.difficulty, c.due, c.last_review,
    c.interval_days, c.reps, c.lapses, c.suspended, c.buried_until, c.leech";

/// Filters shared by every pick: not skipped, in the chosen decks. `?1` exclude (JSON
/// array), `?2` decks (JSON array or NULL); `?3` is each pick's bound. Buried questions, and so the siblings of
/// questions answered today, are not in the indexes at all (`buried_until = 0`).
const FILTERS: &str = "c.buried_until = 0
    AND c.question_id NOT IN (SELECT value FROM json_each(?1))
    AND (?2 IS NULL OR c.deck_id IN (SELECT value FROM json_each(?2)))";

fn card_row_at(r: &rusqlite::Row, i: usize) -> rusqlite::Result<CardRow> {
    let queue: i64 = r.get(i)?;
    Ok(CardRow {
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
        suspended: r.get(i + 9)?,
        buried_until: r.get(i + 10)?,
        leech: r.get(i + 11)?,
    })
}

fn write_card(tx: &rusqlite::Connection, id: i64, row: &CardRow) -> Result<()> {
    let s = &row.state;
    tx.prepare_cached(
        "UPDATE card SET queue = ?2, step = ?3, stability = ?4, difficulty = ?5, due = ?6,
             last_review = ?7, interval_days = ?8, reps = ?9, lapses = ?10, suspended = ?11,
             buried_until = ?12, leech = ?13
         WHERE question_id = ?1",
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
            .query_row("SELECT EXISTS(SELECT 1 FROM card)", [], |r| r.get(0))?)
    }

    /// The next question to show: learning questions due now, then reviews due today, then
    /// new questions, then learning questions due within the learn-ahead limit.
    pub fn next_card(&self, q: &NextQuery) -> Result<Option<StudyCard>> {
        let exclude = serde_json::to_string(q.exclude).unwrap_or_else(|_| "[]".into());
        let decks = (!q.decks.is_empty())
            .then(|| serde_json::to_string(q.decks).unwrap_or_else(|_| "[]".into()));
        // Questions buried until a time now past (yesterday's siblings) come back.
        self.conn
            .prepare_cached(
                "UPDATE card SET buried_until = 0 WHERE buried_until != 0 AND buried_until <= ?1",
            )?
            .execute([q.now])?;
        let pick = |sql: &str, bound: i64| -> Result<Option<i64>> {
            let mut st = self.conn.prepare_cached(sql)?;
            Ok(st
                .query_row(params![exclude, decks, bound], |r| r.get(0))
                .optional()?)
        };
        let mut id = pick(&learning_sql(), q.now)?;
        if id.is_none() && q.reviews_allowed {
            id = pick(&review_sql(), q.reviews_before)?;
        }
        if id.is_none() && q.new_allowed {
            id = pick(&new_sql(), 0)?;
        }
        if id.is_none() {
            id = pick(&learning_sql(), q.learn_ahead_until)?;
        }
        id.map(|id| self.study_card(id)).transpose()
    }

    /// The question and card row of `id`.
    pub fn study_card(&self, id: i64) -> Result<StudyCard> {
        let sql = format!(
            "SELECT {QUESTION_COLUMNS}, {CARD_COLS} FROM question q JOIN card c ON c.question_id = q.id
             {QUESTION_JOINS}
             WHERE q.id = ?1"
        );
        Ok(self.conn.prepare_cached(&sql)?.query_row([id], |r| {
            Ok(StudyCard {
                id,
                question: question_from_row(r)?,
                row: card_row_at(r, QUESTION_COLUMN_COUNT)?,
            })
        })?)
    }

    /// Stores an answer in one transaction: the card's new state and the review row (with the
    /// previous state, for undo). Returns the review id.
    pub fn record_answer(&mut self, a: &AnswerRecord) -> Result<i64> {
        let tx = self.conn.transaction()?;
        let id = insert_answer(&tx, a)?;
        tx.commit()?;
        Ok(id)
    }

    /// Replaces answer `review_id` by the student's overruling: the card is rescheduled from
    /// the same previous state with `a` (rating Good, `overridden`), the review row rewritten,
    /// and the given answer kept in `accepted_answer` for the instructor. One transaction.
    pub fn overrule(&mut self, review_id: i64, a: &AnswerRecord, now: i64) -> Result<i64> {
        let tx = self.conn.transaction()?;
        // The siblings the first answer buried stay buried; undo must still find them.
        let buried: Option<String> = tx
            .query_row(
                "SELECT buried_siblings FROM review WHERE id = ?1",
                [review_id],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        tx.execute("DELETE FROM review WHERE id = ?1", [review_id])?;
        let id = insert_answer(&tx, a)?;
        if buried.is_some() {
            tx.execute(
                "UPDATE review SET buried_siblings = ?2 WHERE id = ?1",
                params![id, buried],
            )?;
        }
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

    /// Undoes answer `review_id`: the card row gets back its state from before the answer and
    /// the review row is deleted (with the accepted answer an overruling added). Returns the
    /// question id, or `None` if there is no such review.
    pub fn undo_answer(&mut self, review_id: i64) -> Result<Option<i64>> {
        let tx = self.conn.transaction()?;
        // question id, state before, given, overridden, siblings the answer buried
        type Row = (i64, String, Option<String>, bool, Option<String>);
        let found: Option<Row> = tx
            .query_row(
                "SELECT question_id, before, given, overridden, buried_siblings FROM review WHERE id = ?1",
                [review_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((qid, before, given, overridden, buried)) = found else {
            return Ok(None);
        };
        let buried: Vec<i64> = buried
            .and_then(|b| serde_json::from_str(&b).ok())
            .unwrap_or_default();
        for id in buried {
            tx.execute(
                "UPDATE card SET buried_until = 0 WHERE question_id = ?1",
                [id],
            )?;
        }
        let row: CardRow = serde_json::from_str(&before)
            .map_err(|e| Error::Other(format!("review {review_id}: unreadable state: {e}")))?;
        write_card(&tx, qid, &row)?;
        tx.execute("DELETE FROM review WHERE id = ?1", [review_id])?;
        if overridden && let Some(g) = given {
            tx.execute(
                "DELETE FROM accepted_answer WHERE question_id = ?1 AND answer = ?2",
                params![qid, g],
            )?;
        }
        tx.commit()?;
        Ok(Some(qid))
    }

    /// Hides `id` until `until` (the next day rollover).
    pub fn bury(&self, id: i64, until: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE card SET buried_until = ?2 WHERE question_id = ?1",
            params![id, until],
        )?;
        Ok(())
    }

    /// Suspends `id`: never shown until unsuspended.
    pub fn suspend(&self, id: i64) -> Result<()> {
        self.conn
            .execute("UPDATE card SET suspended = 1 WHERE question_id = ?1", [id])?;
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

    /// What is waiting today, for the progress line: learning questions due now, reviews
    /// due today and new questions, each counted up to [`WAITING_CAP`] (so this reads a few
    /// index entries, never the collection). Siblings buried later are still counted, so
    /// the sum is "about" what is left.
    pub fn waiting_today(&self, q: &NextQuery) -> Result<Waiting> {
        // The caps are literals: a bound LIMIT makes SQLite re-prepare the statement
        // whenever the bound value changes.
        let mut st = self.conn.prepare_cached(
            "SELECT
               (SELECT count(*) FROM (SELECT 1 FROM card INDEXED BY card_due
                  WHERE queue IN (1, 3) AND queue <> 0 AND due <= ?1 AND active = 1 AND suspended = 0 AND buried_until = 0
                    AND (?3 IS NULL OR deck_id IN (SELECT value FROM json_each(?3))) LIMIT 500)),
               (SELECT count(*) FROM (SELECT 1 FROM card INDEXED BY card_due
                  WHERE queue = 2 AND queue <> 0 AND due < ?2 AND active = 1 AND suspended = 0 AND buried_until = 0
                    AND (?3 IS NULL OR deck_id IN (SELECT value FROM json_each(?3))) LIMIT 500)),
               (SELECT count(*) FROM (SELECT 1 FROM card INDEXED BY card_new
                  WHERE queue = 0 AND active = 1 AND suspended = 0 AND buried_until = 0
                    AND (?3 IS NULL OR deck_id IN (SELECT value FROM json_each(?3))) LIMIT 500))",
        )?;
        Ok(
            st.query_row(params![q.now, q.reviews_before, decks_json(q.decks)], |r| {
                Ok(Waiting {
                    learning: r.get(0)?,
                    reviews: r.get(1)?,
                    new: r.get(2)?,
                })
            })?,
        )
    }

    /// Learning questions due now (up to [`WAITING_CAP`]): the part of [`Db::waiting_today`]
    /// that changes with every answer.
    pub fn learning_due(&self, q: &NextQuery) -> Result<i64> {
        let mut st = self.conn.prepare_cached(
            "SELECT count(*) FROM (SELECT 1 FROM card INDEXED BY card_due
               WHERE queue IN (1, 3) AND queue <> 0 AND due <= ?1 AND active = 1 AND suspended = 0 AND buried_until = 0
                 AND (?2 IS NULL OR deck_id IN (SELECT value FROM json_each(?2))) LIMIT 500)",
        )?;
        Ok(st.query_row(params![q.now, decks_json(q.decks)], |r| r.get(0))?)
    }

    /// Review questions due before `before` (unix seconds), for "due tomorrow".
    pub fn reviews_due_count(&self, before: i64) -> Result<i64> {
        // Through the indexes: the unburied ones in card_due, the buried ones (today's
        // siblings, back tomorrow) in card_buried.
        Ok(self.conn.prepare_cached(
            "SELECT (SELECT count(*) FROM card INDEXED BY card_due
                     WHERE queue = 2 AND queue <> 0 AND due < ?1 AND active = 1 AND suspended = 0
                       AND buried_until = 0)
                  + (SELECT count(*) FROM card INDEXED BY card_buried
                     WHERE buried_until != 0 AND queue = 2 AND due < ?1 AND active = 1 AND suspended = 0)",
        )?
        .query_row([before], |r| r.get(0))?)
    }

    /// `EXPLAIN QUERY PLAN` of each pick, for the test that no pick scans a table.
    pub fn next_card_plans(&self) -> Result<Vec<String>> {
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
        "SELECT c.question_id FROM card c INDEXED BY card_due
         WHERE c.queue IN (1, 3) AND c.queue <> 0 AND c.due <= ?3 AND c.active = 1 AND c.suspended = 0
           AND {FILTERS}
         ORDER BY c.due LIMIT 1"
    )
}

fn review_sql() -> String {
    format!(
        "SELECT c.question_id FROM card c INDEXED BY card_due
         WHERE c.queue = 2 AND c.queue <> 0 AND c.due < ?3 AND c.active = 1 AND c.suspended = 0
           AND {FILTERS}
         ORDER BY c.due LIMIT 1"
    )
}

fn new_sql() -> String {
    format!(
        "SELECT c.question_id FROM card c INDEXED BY card_new
         WHERE c.queue = 0 AND c.active = 1 AND c.suspended = 0 AND ?3 = ?3
           AND {FILTERS}
         ORDER BY c.new_order LIMIT 1"
    )
}

fn insert_answer(tx: &rusqlite::Connection, a: &AnswerRecord) -> Result<i64> {
    let after = CardRow {
        state: a.after.clone(),
        suspended: a.before.suspended || a.leech,
        buried_until: a.before.buried_until,
        leech: a.before.leech || a.leech,
    };
    write_card(tx, a.question_id, &after)?;
    // Siblings (other questions of the same fact) are not shown on the same day: bury the
    // new and review ones until the next rollover, and remember which, for undo.
    let mut st = tx.prepare_cached(
        "SELECT c.question_id FROM question q JOIN card c ON c.question_id = q.id
         WHERE (q.deck_id, q.fact_id) = (SELECT deck_id, fact_id FROM question WHERE id = ?1) AND q.id <> ?1
           AND c.queue IN (0, 2) AND c.active = 1 AND c.buried_until < ?2",
    )?;
    let siblings: Vec<i64> = st
        .query_map(params![a.question_id, a.bury_siblings_until], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut bury = tx.prepare_cached("UPDATE card SET buried_until = ?2 WHERE question_id = ?1")?;
    for id in &siblings {
        bury.execute(params![id, a.bury_siblings_until])?;
    }
    let buried_siblings =
        (!siblings.is_empty()).then(|| serde_json::to_string(&siblings).unwrap_or_default());
    let before = serde_json::to_string(a.before)
        .map_err(|e| Error::Other(format!("cannot store card state: {e}")))?;
    tx.prepare_cached(
        "INSERT INTO review (question_id, reviewed_at, rating, queue_before, elapsed_days,
             duration_ms, given, verdict, step, overridden, stability, difficulty,
             interval_days, due, before, buried_siblings)
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
        a.after.stability.map(f64::from),
        a.after.difficulty.map(f64::from),
        a.after.interval_days,
        a.after.due,
        before,
        buried_siblings
    ])?;
    Ok(tx.last_insert_rowid())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_what_is_waiting_uses_the_picking_indexes() {
        let db = Db::open_in_memory().unwrap();
        let decks = vec!["d".to_owned()];
        let q = NextQuery {
            now: 0,
            learn_ahead_until: 0,
            reviews_before: 0,
            decks: &decks,
            exclude: &[],
            reviews_allowed: true,
            new_allowed: true,
        };
        assert_eq!(db.waiting_today(&q).unwrap(), Waiting::default());
        assert_eq!(db.learning_due(&q).unwrap(), 0);
    }

    #[test]
    fn picking_the_next_question_never_scans_a_table() {
        let db = Db::open_in_memory().unwrap();
        let plans = db.next_card_plans().unwrap();
        for (plan, index) in plans.iter().zip(["card_due", "card_due", "card_new"]) {
            assert!(plan.contains(&format!("USING INDEX {index}")), "{plan}");
            for line in plan.lines() {
                let l = line.trim();
                // Walking a partial index in order (`SCAN c USING INDEX card_new`) is the
                // point; a bare `SCAN` of a table is not.
                let bare_scan =
                    l.starts_with("SCAN") && !l.contains("USING") && !l.contains("json_each");
                assert!(!bare_scan, "full scan in:\n{plan}");
            }
        }
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
