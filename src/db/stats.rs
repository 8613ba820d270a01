//! Queries of `quiz stats` and of exam planning: the review log and every fact's memory, read
//! whole. Statistics are not on the study hot path; picking the next fact never calls these.

use rusqlite::params;

use super::Db;
use crate::error::Result;
use crate::schedule::Queue;

/// One answer from the review log, as statistics need it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReviewStat {
    /// Unix milliseconds.
    pub reviewed_at_ms: i64,
    pub duration_ms: i64,
    /// 1 again … 4 easy; 0 manual.
    pub rating: i64,
    /// The queue the fact (or, before schema 9, the question) was in when answered.
    pub queue_before: i64,
    /// The interval in days the fact had before this answer (from the stored state before);
    /// `None` when the stored state does not say.
    pub interval_before: Option<i64>,
}

/// One fact's memory, with what names it in a report.
#[derive(Debug, Clone, PartialEq)]
pub struct FactStat {
    pub deck: String,
    pub deck_title: String,
    pub fact: String,
    /// `list`, `event`, …; empty for the deck-wide chronology set.
    pub kind: String,
    /// The fact's heading, term, name or title (its id when it has none).
    pub label: String,
    /// The meeting or document its questions name ('' when none).
    pub meeting: String,
    pub queue: Queue,
    pub stability: Option<f32>,
    pub difficulty: Option<f32>,
    /// Unix seconds: an instant for (re)learning facts, a day start for reviews.
    pub due: i64,
    pub last_review: Option<i64>,
    pub interval_days: i64,
    pub reps: i64,
    pub lapses: i64,
    pub suspended: bool,
    pub leech: bool,
}

/// A fact that exam planning may bring forward: memory id, deck, stability, difficulty, last
/// review and due (unix seconds).
#[derive(Debug, Clone, PartialEq)]
pub struct ExamCandidate {
    pub id: i64,
    pub deck: String,
    pub stability: f32,
    pub difficulty: f32,
    pub last_review: i64,
    pub due: i64,
}

fn decks_param(decks: &[String]) -> Option<String> {
    (!decks.is_empty()).then(|| serde_json::to_string(decks).unwrap_or_default())
}

impl Db {
    /// Every answer to questions of `decks` (all when empty) given at or after `since_ms`
    /// (unix milliseconds), oldest first.
    pub fn review_stats(&self, decks: &[String], since_ms: i64) -> Result<Vec<ReviewStat>> {
        let mut st = self.conn.prepare_cached(
            "SELECT r.reviewed_at, r.duration_ms, r.rating, r.queue_before,
                    json_extract(r.before, '$.interval_days')
             FROM review r JOIN question q ON q.id = r.question_id
             WHERE r.reviewed_at >= ?2
               AND (?1 IS NULL OR q.deck_id IN (SELECT value FROM json_each(?1)))
             ORDER BY r.reviewed_at, r.id",
        )?;
        let rows = st.query_map(params![decks_param(decks), since_ms], |r| {
            Ok(ReviewStat {
                reviewed_at_ms: r.get(0)?,
                duration_ms: r.get(1)?,
                rating: r.get(2)?,
                queue_before: r.get(3)?,
                interval_before: r.get::<_, Option<i64>>(4).unwrap_or(None),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The memory of every fact of `decks` (all when empty) that has a current question,
    /// in deck order, then introduction order.
    pub fn fact_stats(&self, decks: &[String]) -> Result<Vec<FactStat>> {
        let mut st = self.conn.prepare_cached(
            "SELECT m.deck_id, d.title, m.fact_id, COALESCE(f.kind, ''), COALESCE(f.label, m.fact_id),
                    COALESCE((SELECT q.context FROM question q
                              WHERE q.deck_id = m.deck_id AND q.fact_id = m.fact_id
                                AND q.retired = 0 ORDER BY q.id LIMIT 1), ''),
                    m.queue, m.stability, m.difficulty, m.due, m.last_review, m.interval_days,
                    m.reps, m.lapses, m.suspended, m.leech
             FROM memory m JOIN deck d ON d.id = m.deck_id
             LEFT JOIN fact f ON f.deck_id = m.deck_id AND f.id = m.fact_id
             WHERE m.active = 1
               AND (?1 IS NULL OR m.deck_id IN (SELECT value FROM json_each(?1)))
             ORDER BY d.added_at, d.id, m.new_order",
        )?;
        let rows = st.query_map(params![decks_param(decks)], |r| {
            let queue: i64 = r.get(6)?;
            Ok(FactStat {
                deck: r.get(0)?,
                deck_title: r.get(1)?,
                fact: r.get(2)?,
                kind: r.get(3)?,
                label: r.get(4)?,
                meeting: r.get(5)?,
                queue: Queue::from_i64(queue)
                    .ok_or(rusqlite::Error::IntegralValueOutOfRange(6, queue))?,
                stability: r.get::<_, Option<f64>>(7)?.map(|v| v as f32),
                difficulty: r.get::<_, Option<f64>>(8)?.map(|v| v as f32),
                due: r.get(9)?,
                last_review: r.get(10)?,
                interval_days: r.get(11)?,
                reps: r.get(12)?,
                lapses: r.get(13)?,
                suspended: r.get(14)?,
                leech: r.get(15)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Facts of `decks` (all when empty) in review whose due day starts at or after
    /// `due_from` (unix seconds) and that were last answered before `answered_before`: the
    /// candidates for exam priority. Read once per study day by a session with an exam date, through `memory_due`.
    pub fn exam_candidates(
        &self,
        decks: &[String],
        due_from: i64,
        answered_before: i64,
    ) -> Result<Vec<ExamCandidate>> {
        let mut st = self.conn.prepare_cached(
            "SELECT m.id, m.deck_id, m.stability, m.difficulty, m.last_review, m.due
             FROM memory m INDEXED BY memory_due
             WHERE m.queue = 2 AND m.queue <> 0 AND m.due >= ?2 AND m.active = 1
               AND m.suspended = 0 AND m.buried_until = 0
               AND m.stability IS NOT NULL AND m.difficulty IS NOT NULL
               AND m.last_review < ?3
               AND (?1 IS NULL OR m.deck_id IN (SELECT value FROM json_each(?1)))",
        )?;
        let rows = st.query_map(
            params![decks_param(decks), due_from, answered_before],
            |r| {
                Ok(ExamCandidate {
                    id: r.get(0)?,
                    deck: r.get(1)?,
                    stability: r.get::<_, f64>(2)? as f32,
                    difficulty: r.get::<_, f64>(3)? as f32,
                    last_review: r.get(4)?,
                    due: r.get(5)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
