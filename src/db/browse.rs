//! Queries of `quiz browse`: every fact with the text it is found by, one fact's questions,
//! history and memory, and the actions on a fact (suspend, reset) or a question (flag).
//! Also the questions a cram session asks (no memory is read or written for them) and the
//! source passages a session shows after a wrong answer.

use rusqlite::{OptionalExtension, params};

use super::study::{MEMORY_COLS, memory_row_at};
use super::{Db, MemoryRow, QUESTION_UID};
use crate::error::Result;

/// A fact as browsing lists it, with the text it is found by.
#[derive(Debug, Clone)]
pub struct BrowseFact {
    /// `memory.id`.
    pub id: i64,
    pub deck: String,
    pub fact: String,
    /// `list`, `event`, …; `chronology` for a deck-wide question set without a fact row.
    pub kind: String,
    pub label: String,
    pub row: MemoryRow,
    /// Whether every question of the fact is retired (gone from its deck).
    pub retired: bool,
    /// Label, explanation, and every current question's context, prompt and answer (JSON):
    /// what a query is matched against.
    pub text: String,
    /// The uids of its questions (current and retired), for finding by id.
    pub uids: Vec<String>,
}

/// One answer in a fact's history.
#[derive(Debug, Clone, serde::Serialize)]
pub struct HistoryEntry {
    /// Unix milliseconds.
    pub at_ms: i64,
    pub question: String,
    pub prompt: String,
    pub given: Option<String>,
    pub verdict: Option<String>,
    /// 1 again … 4 easy; 0 a manual change.
    pub rating: i64,
    pub interval_days: i64,
    /// Unix seconds.
    pub due: i64,
    pub rung: Option<i64>,
    pub overridden: bool,
}

/// A flag: a question the student thinks is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagRow {
    pub question: String,
    pub deck: String,
    pub fact: String,
    pub comment: String,
    /// Unix seconds.
    pub at: i64,
}

impl Db {
    /// Every fact of `decks` (all when empty), in deck order then introduction order.
    pub fn browse_facts(&self, decks: &[String]) -> Result<Vec<BrowseFact>> {
        let decks = (!decks.is_empty()).then(|| serde_json::to_string(decks).unwrap_or_default());
        let sql = format!(
            "SELECT m.id, m.deck_id, m.fact_id, COALESCE(f.kind, 'chronology'),
                    COALESCE(f.label, m.fact_id), m.active = 0,
                    COALESCE(f.label, '') || char(10) || COALESCE(f.explanation, '') || char(10) ||
                    COALESCE((SELECT group_concat(q.context || char(10) || q.prompt || char(10) ||
                                                  q.answer || char(10) || q.explanation, char(10))
                              FROM question q WHERE q.deck_id = m.deck_id AND q.fact_id = m.fact_id
                                AND q.retired = 0), ''),
                    (SELECT json_group_array({QUESTION_UID}) FROM question q
                     WHERE q.deck_id = m.deck_id AND q.fact_id = m.fact_id),
                    {MEMORY_COLS}
             FROM memory m
             JOIN deck d ON d.id = m.deck_id
             LEFT JOIN fact f ON f.deck_id = m.deck_id AND f.id = m.fact_id
             WHERE (?1 IS NULL OR m.deck_id IN (SELECT value FROM json_each(?1)))
             ORDER BY d.added_at, d.id, m.new_order, m.id"
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map([decks], |r| {
            let uids: String = r.get(7)?;
            Ok(BrowseFact {
                id: r.get(0)?,
                deck: r.get(1)?,
                fact: r.get(2)?,
                kind: r.get(3)?,
                label: r.get(4)?,
                retired: r.get(5)?,
                text: r.get(6)?,
                uids: serde_json::from_str(&uids).unwrap_or_default(),
                row: memory_row_at(r, 8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The current questions of memory `id` (row ids), in generation order.
    pub fn fact_question_ids(&self, id: i64) -> Result<Vec<i64>> {
        let mut st = self.conn.prepare_cached(
            "SELECT q.id FROM memory m
             JOIN question q ON q.deck_id = m.deck_id AND q.fact_id = m.fact_id
             WHERE m.id = ?1 AND q.retired = 0 ORDER BY q.id",
        )?;
        let rows = st.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every answer about memory `id`'s fact, oldest first.
    pub fn fact_history(&self, id: i64) -> Result<Vec<HistoryEntry>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT r.reviewed_at, {QUESTION_UID},
                    CASE q.prefix WHEN 1 THEN '【' || q.context || '】' || q.prompt
                                  WHEN 2 THEN '[' || q.context || '] ' || q.prompt
                                  ELSE q.prompt END,
                    r.given, r.verdict, r.rating, r.interval_days, r.due, r.rung, r.overridden
             FROM memory m
             JOIN question q ON q.deck_id = m.deck_id AND q.fact_id = m.fact_id
             JOIN review r ON r.question_id = q.id
             WHERE m.id = ?1 ORDER BY r.reviewed_at, r.id"
        ))?;
        let rows = st.query_map([id], |r| {
            Ok(HistoryEntry {
                at_ms: r.get(0)?,
                question: r.get(1)?,
                prompt: r.get(2)?,
                given: r.get(3)?,
                verdict: r.get(4)?,
                rating: r.get(5)?,
                interval_days: r.get(6)?,
                due: r.get(7)?,
                rung: r.get(8)?,
                overridden: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Forgets memory `id`'s fact: it is new again (rung, stability, lapses and the leech
    /// mark cleared; suspension and its place among new facts kept). The review rows stay:
    /// the log of what was answered is never rewritten.
    pub fn reset_fact(&self, id: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE memory SET queue = 0, step = 0, stability = NULL, difficulty = NULL, due = 0,
                    last_review = NULL, interval_days = 0, reps = 0, lapses = 0, rung = 0,
                    buried_until = 0, leech = 0
             WHERE id = ?1",
            [id],
        )?;
        Ok(())
    }

    /// The row id, deck and fact of question `uid`.
    pub fn question_ref_by_uid(&self, uid: &str) -> Result<Option<(i64, String, String)>> {
        let Some(parts) = crate::question::uid_parts(uid) else {
            return Ok(None);
        };
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, deck_id, fact_id FROM question
                 WHERE deck_id = ?1 AND fact_id = ?2 AND kind = ?3 AND variant = ?4",
            )?
            .query_row(parts, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?)
    }

    /// Stores a flag on question `question_id`.
    pub fn add_flag(&self, question_id: i64, comment: &str, now: i64) -> Result<()> {
        self.conn.execute(
            "INSERT INTO flag (question_id, comment, flagged_at) VALUES (?1, ?2, ?3)",
            params![question_id, comment, now],
        )?;
        Ok(())
    }

    /// Every flag, oldest first.
    pub fn flags(&self) -> Result<Vec<FlagRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {QUESTION_UID}, q.deck_id, q.fact_id, f.comment, f.flagged_at
             FROM flag f JOIN question q ON q.id = f.question_id
             ORDER BY f.flagged_at, f.id"
        ))?;
        let rows = st.query_map([], |r| {
            Ok(FlagRow {
                question: r.get(0)?,
                deck: r.get(1)?,
                fact: r.get(2)?,
                comment: r.get(3)?,
                at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The text of source `source` of `deck`, when the deck carries it.
    pub fn source_text(&self, deck: &str, source: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT text FROM source WHERE deck_id = ?1 AND id = ?2")?
            .query_row([deck, source], |r| r.get(0))
            .optional()?
            .flatten())
    }

    /// The facts a cram session on `target` goes through, in the order they are introduced:
    /// every fact of a deck; one fact (`DECK/FACT`, or a fact id of one deck); or every fact
    /// with a question naming a meeting (a question's context equal to `target`, else
    /// containing it). Suspended and retired facts are left out. `None`: no such target.
    pub fn cram_facts(&self, target: &str) -> Result<Option<Vec<i64>>> {
        let t = target.trim();
        let ids = |sql: &str| -> Result<Vec<i64>> {
            let mut st = self.conn.prepare(sql)?;
            let rows = st.query_map([t], |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        const KEEP: &str = "m.active = 1 AND m.suspended = 0";
        for sql in [
            format!("SELECT m.id FROM memory m WHERE m.deck_id = ?1 AND {KEEP} ORDER BY m.new_order"),
            format!(
                "SELECT m.id FROM memory m WHERE (m.deck_id || '/' || m.fact_id = ?1 OR m.fact_id = ?1)
                   AND {KEEP} ORDER BY m.deck_id, m.new_order"
            ),
            format!(
                "SELECT m.id FROM memory m WHERE {KEEP} AND EXISTS (SELECT 1 FROM question q
                   WHERE q.deck_id = m.deck_id AND q.fact_id = m.fact_id AND q.retired = 0
                     AND q.context = ?1)
                 ORDER BY m.deck_id, m.new_order"
            ),
            format!(
                "SELECT m.id FROM memory m WHERE {KEEP} AND ?1 <> '' AND EXISTS (SELECT 1 FROM question q
                   WHERE q.deck_id = m.deck_id AND q.fact_id = m.fact_id AND q.retired = 0
                     AND instr(q.context, ?1) > 0)
                 ORDER BY m.deck_id, m.new_order"
            ),
        ] {
            let found = ids(&sql)?;
            if !found.is_empty() {
                return Ok(Some(found));
            }
        }
        Ok(None)
    }
}
