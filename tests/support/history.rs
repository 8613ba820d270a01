//! A synthetic review history for `quiz optimize`: a student whose memory follows a known
//! FSRS parameter set (not the defaults), scheduled the way quiz schedules with the default
//! parameters, written straight into the `review` table of a database that holds decks.
//! Shared by tests/optimize.rs and examples/gen_history.rs (the benchmark's input).
#![allow(dead_code)]

use fsrs::{FSRS, MemoryState};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// The student's true memory: the FSRS-6 defaults with slower forgetting after a success
/// (w8 up), harsher lapses (w11 down) and a flatter forgetting curve (w20 down), so that
/// fitting has something to find.
pub const TRUE_PARAMETERS: [f32; 21] = [
    0.40, 1.60, 3.50, 12.0, 6.4133, 0.8334, 3.0194, 0.0010, 2.2, 0.1192, 1.0, 1.2, 0.0589, 0.3533,
    1.8, 0.2, 2.5, 0.5, 0.1, 0.0658, 0.12,
];

/// The same parameters, scaled so the synthetic student is unlike the defaults.
pub fn true_fsrs() -> FSRS {
    FSRS::new(&TRUE_PARAMETERS).unwrap()
}

const DAY: i64 = 86_400;

/// Writes about `reviews` answers, ending before `end` (unix seconds, UTC days), spread over
/// the database's facts (20 new facts a day, each studied until `end`). Returns how many
/// answers were written. `seed` fixes the student's luck.
pub fn write(db: &std::path::Path, reviews: usize, end: i64, seed: u64) -> usize {
    let mut c = rusqlite::Connection::open(db).unwrap();
    let facts: Vec<(i64, i64)> = {
        let mut st = c
            .prepare(
                "SELECT m.id, min(q.id) FROM memory m
                 JOIN question q ON q.deck_id = m.deck_id AND q.fact_id = m.fact_id
                 GROUP BY m.id ORDER BY m.new_order",
            )
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let scheduler = FSRS::default();
    let truth = true_fsrs();
    let true_decay = TRUE_PARAMETERS[20];
    let mut rng = StdRng::seed_from_u64(seed);
    let end_day = end.div_euclid(DAY);
    // Far enough back that facts introduced at 20 a day get long histories.
    let first_day = end_day - 400;
    let tx = c.transaction().unwrap();
    let mut written = 0;
    {
        let mut ins = tx
            .prepare(
                "INSERT INTO review (question_id, reviewed_at, rating, queue_before,
                     elapsed_days, duration_ms, interval_days, due, before)
                 VALUES (?1, ?2, ?3, 2, ?4, 4000, ?5, 0, '{}')",
            )
            .unwrap();
        let mut mem = tx
            .prepare(
                "UPDATE memory SET queue = 2, stability = ?2, difficulty = ?3, due = ?4,
                     last_review = ?5, interval_days = ?6, reps = ?7, rung = 2
                 WHERE id = ?1",
            )
            .unwrap();
        for (i, &(memory, question)) in facts.iter().enumerate() {
            let mut day = first_day + (i / 20) as i64;
            let mut sched: Option<MemoryState> = None;
            let mut real: Option<MemoryState> = None;
            let mut last_day = day;
            let mut reps = 0;
            while day < end_day && written < reviews {
                let elapsed = (day - last_day) as u32;
                let recalled = match real {
                    None => rng.random::<f32>() < 0.7,
                    Some(m) => {
                        let r = fsrs::current_retrievability(m, elapsed as f32, true_decay);
                        rng.random::<f32>() < r
                    }
                };
                let rating = if !recalled {
                    1
                } else {
                    match rng.random::<f32>() {
                        x if x < 0.15 => 2,
                        x if x < 0.9 => 3,
                        _ => 4,
                    }
                };
                let at = day * DAY + 12 * 3_600 + (i % 600) as i64;
                let s_next = scheduler.next_states(sched, 0.9, elapsed).unwrap();
                let r_next = truth.next_states(real, 0.9, elapsed).unwrap();
                let pick = |n: &fsrs::NextStates| match rating {
                    1 => n.again.clone(),
                    2 => n.hard.clone(),
                    3 => n.good.clone(),
                    _ => n.easy.clone(),
                };
                let (s_item, r_item) = (pick(&s_next), pick(&r_next));
                let interval = s_item.interval.round().max(1.0) as i64;
                ins.execute(rusqlite::params![
                    question,
                    at * 1000,
                    rating,
                    elapsed,
                    interval
                ])
                .unwrap();
                written += 1;
                reps += 1;
                sched = Some(s_item.memory);
                real = Some(r_item.memory);
                // A lapse is relearned ten minutes later (a same-day step), then scheduled.
                if rating == 1 {
                    let s2 = scheduler.next_states(sched, 0.9, 0).unwrap().good;
                    let r2 = truth.next_states(real, 0.9, 0).unwrap().good;
                    ins.execute(rusqlite::params![question, (at + 600) * 1000, 3, 0, 1])
                        .unwrap();
                    written += 1;
                    reps += 1;
                    sched = Some(s2.memory);
                    real = Some(r2.memory);
                    last_day = day;
                    day += s2.interval.round().max(1.0) as i64;
                    continue;
                }
                last_day = day;
                day += interval;
            }
            // The fact's memory as the scheduler left it: due on `day` (a study day starts
            // at 04:00 UTC with the default rollover).
            if let Some(m) = sched {
                mem.execute(rusqlite::params![
                    memory,
                    f64::from(m.stability),
                    f64::from(m.difficulty),
                    day * DAY + 4 * 3_600,
                    last_day * DAY + 12 * 3_600,
                    day - last_day,
                    reps
                ])
                .unwrap();
            }
            if written >= reviews {
                break;
            }
        }
    }
    tx.commit().unwrap();
    written
}
