//! Schema 9: per-question scheduling becomes one memory per fact (docs/schema.md, "From
//! questions to facts"). Nothing is lost: every review row stays, and each fact's memory is
//! what all the answers about it say, replayed in time order through FSRS.

use std::collections::HashMap;

use fsrs::{FSRS, FSRSItem, FSRSReview};
use rusqlite::{Transaction, params};

use crate::error::{Error, Result};
use crate::schedule::{self, Queue, Settings};

/// What the old per-question cards of one fact say together.
#[derive(Default)]
struct Cards {
    lapses: u32,
    leech: bool,
    /// Every active card was suspended (by hand or as a leech).
    all_suspended: bool,
    /// The (re)learning card answered last: queue, step, due, last review.
    learning: Option<(i64, u32, i64, i64)>,
}

/// Fills every `memory` row from the fact's questions' cards and answers, then drops the
/// cards (`009_fact_memory_after.sql`).
pub(super) fn from_question_cards(tx: &Transaction) -> Result<()> {
    let settings = stored_settings(tx)?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let offset = schedule::local_utc_offset(now);
    let day = |secs: i64| schedule::day_number(secs, settings.rollover_hour, offset);
    let fsrs = FSRS::new(&settings.parameters)
        .or_else(|_| FSRS::new(&[]))
        .map_err(|e| Error::Other(format!("upgrading the database: {e}")))?;

    let mut cards: HashMap<(String, String), Cards> = HashMap::new();
    {
        let mut st = tx.prepare(
            "SELECT q.deck_id, q.fact_id, c.queue, c.step, c.due, c.last_review, c.lapses,
                    c.suspended, c.leech, c.active
             FROM card c JOIN question q ON q.id = c.question_id",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let e = cards.entry((r.get(0)?, r.get(1)?)).or_insert(Cards {
                all_suspended: true,
                ..Cards::default()
            });
            let (queue, step, due, last): (i64, u32, i64, Option<i64>) =
                (r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?);
            e.lapses += r.get::<_, u32>(6)?;
            e.leech |= r.get::<_, bool>(8)?;
            if r.get::<_, bool>(9)? {
                e.all_suspended &= r.get::<_, bool>(7)?;
            }
            if matches!(queue, 1 | 3)
                && let Some(last) = last
                && e.learning.is_none_or(|(_, _, _, l)| l < last)
            {
                e.learning = Some((queue, step, due, last));
            }
        }
    }

    // Every graded answer, fact by fact, in time order.
    let mut st = tx.prepare(
        "SELECT q.deck_id, q.fact_id, r.reviewed_at, r.rating
         FROM review r JOIN question q ON q.id = r.question_id
         WHERE r.rating BETWEEN 1 AND 4
         ORDER BY q.deck_id, q.fact_id, r.reviewed_at, r.id",
    )?;
    let mut answers: Vec<(String, String, i64, u32)> = Vec::new();
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        answers.push((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?));
    }
    drop(rows);
    drop(st);

    let mut update = tx.prepare(
        "UPDATE memory SET queue = ?3, step = ?4, stability = ?5, difficulty = ?6, due = ?7,
             last_review = ?8, interval_days = ?9, reps = ?10, lapses = ?11, rung = ?12,
             suspended = ?13, leech = ?14
         WHERE deck_id = ?1 AND fact_id = ?2",
    )?;
    let mut suspend =
        tx.prepare("UPDATE memory SET suspended = 1 WHERE deck_id = ?1 AND fact_id = ?2")?;
    for chunk in answers.chunk_by(|a, b| (&a.0, &a.1) == (&b.0, &b.1)) {
        let (deck, fact) = (&chunk[0].0, &chunk[0].1);
        let c = cards
            .remove(&(deck.clone(), fact.clone()))
            .unwrap_or_default();
        let mut reviews = Vec::with_capacity(chunk.len());
        let mut prev_day = None;
        // Study days with a passing answer: how far up the ladder the fact had come.
        let mut passing_days = 0u8;
        let mut last_passing_day = None;
        for &(_, _, at_ms, rating) in chunk {
            let d = day(at_ms.div_euclid(1000));
            let delta = prev_day.map_or(0, |p: i64| (d - p).max(0));
            reviews.push(FSRSReview {
                rating,
                delta_t: u32::try_from(delta).unwrap_or(u32::MAX),
            });
            prev_day = Some(d);
            if rating >= 2 && last_passing_day != Some(d) {
                passing_days = passing_days.saturating_add(1);
                last_passing_day = Some(d);
            }
        }
        let memory = fsrs
            .memory_state(FSRSItem { reviews }, None)
            .map_err(|e| Error::Other(format!("upgrading the database: {deck}/{fact}: {e}")))?;
        let last_ms = chunk.last().map_or(0, |a| a.2);
        let last = last_ms.div_euclid(1000);
        let failed_last = chunk.last().is_some_and(|a| a.3 == 1);
        let rung = passing_days.min(2).saturating_sub(u8::from(failed_last));
        let (queue, step, due, interval) = match c.learning {
            Some((q, step, due, l)) if l >= last => (q, step, due, 0),
            _ => {
                let days = fsrs
                    .next_interval(Some(memory.stability), settings.desired_retention, 3)
                    .round()
                    .clamp(1.0, settings.maximum_interval_days as f32)
                    as u32;
                let due = schedule::day_start(
                    day(last) + i64::from(days),
                    settings.rollover_hour,
                    offset,
                );
                (Queue::Review.as_i64(), 0, due, days)
            }
        };
        update.execute(params![
            deck,
            fact,
            queue,
            step,
            f64::from(memory.stability),
            f64::from(memory.difficulty),
            due,
            last,
            interval,
            chunk.len() as i64,
            c.lapses,
            rung,
            c.all_suspended,
            c.leech,
        ])?;
    }
    // Facts never answered keep their new state; suspended ones stay suspended.
    for ((deck, fact), c) in cards {
        if c.all_suspended {
            suspend.execute(params![deck, fact])?;
        }
    }
    drop(update);
    drop(suspend);
    tx.execute_batch(include_str!("009_fact_memory_after.sql"))?;
    Ok(())
}

/// The settings stored in the database, leniently: what cannot be read keeps its default
/// (the session reports bad settings; an upgrade must not fail on them).
fn stored_settings(tx: &Transaction) -> Result<Settings> {
    let mut s = Settings::default();
    let mut st = tx.prepare("SELECT key, value FROM setting")?;
    let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (k, v) = row?;
        let _ = s.set(&k, &v);
    }
    Ok(s)
}
