//! Exam planning: how ready the student is for an exam date, how many minutes a day would
//! close the gap, and which facts a session brings forward so that they hold on the day
//! (docs/exam.md).
//!
//! "Ready" means a fact's recall on the exam day (the `fsrs` crate's retrievability at the
//! start of that study day) is at least the desired retention. The pace figures come from
//! the crate's simulator (`fsrs::simulate`), seeded, so they are the same on every run.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::{FactStat, ReviewStat, Scope};
use crate::db::Db;
use crate::error::Result;
use crate::schedule::{self, Queue, Settings};

/// Seconds per answer assumed when the review log has no timed answer in the last 30 days.
pub const DEFAULT_SECONDS_PER_ANSWER: f64 = 15.0;
/// An answer's time counts at most this long (a student who walked away), as Anki's cap.
pub const MAX_ANSWER_SECONDS: f64 = 60.0;
/// The days whose study time makes "the current pace".
pub const PACE_DAYS: i64 = 14;
/// The most minutes a day the plan looks at.
pub const MAX_MINUTES: u32 = 480;
/// The most facts a session brings forward in one study day.
pub const MAX_BROUGHT_FORWARD: usize = 1_000;
/// The simulator's seed: the same figures on every run.
const SEED: u64 = 2026;

/// Readiness for one exam date.
#[derive(Debug, Clone, Serialize)]
pub struct ExamReport {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Study days from today to the exam day.
    pub days_left: i64,
    /// The decks this date applies to.
    pub decks: Vec<String>,
    /// Facts of those decks, suspended ones left out.
    pub facts: u32,
    /// Facts whose recall on the exam day would be at least the desired retention with no
    /// more study.
    pub ready_now: u32,
    /// Mean recall on the exam day with no more study (new facts count 0).
    pub recall_now: f64,
    /// The student's own seconds per answer (last 30 days), or the default.
    pub seconds_per_answer: f64,
    /// `history` or `default`.
    pub seconds_per_answer_from: &'static str,
    /// Answers a day over the last [`PACE_DAYS`] days, in minutes at
    /// `seconds_per_answer`.
    pub pace_minutes: f64,
    /// Facts ready on the exam day at that pace (simulated); `None` when not simulated
    /// (`not_planned` says why).
    pub ready_at_pace: Option<u32>,
    /// Expected share of facts recalled on the exam day at that pace (simulated).
    pub recall_at_pace: Option<f64>,
    /// The fewest minutes a day for which the simulated recall on the exam day reaches the
    /// desired retention; `None` when even [`MAX_MINUTES`] do not, or when not simulated.
    pub minutes_needed: Option<u32>,
    /// Why the pace figures were not simulated: the exam is more than [`MAX_PLAN_DAYS`] away.
    pub not_planned: Option<&'static str>,
}

impl ExamReport {
    /// `n` facts as a whole percentage of the facts the exam covers, rounded down so that
    /// "ready" is never overstated.
    pub fn share(&self, n: u32) -> u32 {
        if self.facts == 0 {
            0
        } else {
            (f64::from(n) * 100.0 / f64::from(self.facts)).floor() as u32
        }
    }

    /// The values of the "ready if you stopped now" line, for the text and HTML views.
    pub fn ready_now_values(&self) -> [(&'static str, String); 3] {
        [
            ("pct", self.share(self.ready_now).to_string()),
            ("ready", self.ready_now.to_string()),
            ("facts", self.facts.to_string()),
        ]
    }
}

/// The furthest exam the simulator plans for, in days: beyond, its cost grows with every day
/// and a plan a year ahead says little.
pub const MAX_PLAN_DAYS: i64 = 365;
/// Why a plan is missing (kept with the other messages of this module).
pub const TOO_FAR: &str = "more than a year ahead";

/// The exam dates ahead, each with the decks it applies to.
fn exams_ahead<'f>(
    scope: &Scope,
    facts: &'f [FactStat],
) -> BTreeMap<i64, (Vec<String>, Vec<&'f FactStat>)> {
    let today = scope.day(scope.now);
    let mut out: BTreeMap<i64, (Vec<String>, Vec<&FactStat>)> = BTreeMap::new();
    for f in facts {
        let Some(day) = scope.settings.exam_day_for(&f.deck).filter(|d| *d > today) else {
            continue;
        };
        let e = out.entry(day).or_default();
        if e.0.last() != Some(&f.deck) && !e.0.contains(&f.deck) {
            e.0.push(f.deck.clone());
        }
        if !f.suspended {
            e.1.push(f);
        }
    }
    out
}

/// Answers quicker than this are not a person's (a script's piped answers): they do not
/// count towards the seconds per answer.
pub const MIN_ANSWER_SECONDS: f64 = 1.0;

/// The student's seconds per answer over the last 30 days, each answer capped at
/// [`MAX_ANSWER_SECONDS`]; `None` without an answer of at least [`MIN_ANSWER_SECONDS`].
fn seconds_per_answer(scope: &Scope, reviews: &[ReviewStat]) -> Option<f64> {
    let since = scope.day_start(scope.day(scope.now) - 29) * 1000;
    let times: Vec<f64> = reviews
        .iter()
        .filter(|r| r.reviewed_at_ms >= since)
        .map(|r| r.duration_ms as f64 / 1000.0)
        .filter(|s| *s >= MIN_ANSWER_SECONDS)
        .map(|s| s.min(MAX_ANSWER_SECONDS))
        .collect();
    (!times.is_empty()).then(|| times.iter().sum::<f64>() / times.len() as f64)
}

/// The current pace in minutes a day: answers a day over the last [`PACE_DAYS`] study days
/// (today included), at `spa` seconds each.
fn pace_minutes(scope: &Scope, reviews: &[ReviewStat], spa: f64) -> f64 {
    let since = scope.day_start(scope.day(scope.now) - PACE_DAYS + 1) * 1000;
    let answers = reviews.iter().filter(|r| r.reviewed_at_ms >= since).count();
    answers as f64 / PACE_DAYS as f64 * spa / 60.0
}

/// One report per exam date ahead.
pub fn reports(scope: &Scope, reviews: &[ReviewStat], facts: &[FactStat]) -> Vec<ExamReport> {
    let exams = exams_ahead(scope, facts);
    if exams.is_empty() {
        return Vec::new();
    }
    let own = seconds_per_answer(scope, reviews);
    let spa = own.unwrap_or(DEFAULT_SECONDS_PER_ANSWER);
    let pace = pace_minutes(scope, reviews, spa);
    let target = f64::from(scope.settings.desired_retention);
    let today = scope.day(scope.now);
    exams
        .into_iter()
        .map(|(day, (decks, facts))| {
            let at = scope.day_start(day);
            let recalls: Vec<f64> = facts
                .iter()
                .map(|f| scope.recall_at(f, at).unwrap_or(0.0))
                .collect();
            let n = facts.len();
            let planned = day - today <= MAX_PLAN_DAYS;
            let (at_pace, minutes_needed) = if planned {
                let sim = Plan::new(scope, &facts, today, day, spa);
                (Some(sim.run(pace)), sim.minutes_needed(target))
            } else {
                (None, None)
            };
            ExamReport {
                date: crate::clock::civil_date(day),
                days_left: day - today,
                decks,
                facts: n as u32,
                ready_now: recalls.iter().filter(|r| **r >= target).count() as u32,
                recall_now: mean(&recalls),
                seconds_per_answer: spa,
                seconds_per_answer_from: if own.is_some() { "history" } else { "default" },
                pace_minutes: pace,
                ready_at_pace: at_pace.map(|o| o.ready),
                recall_at_pace: at_pace.map(|o| o.recall),
                minutes_needed,
                not_planned: (!planned).then_some(TOO_FAR),
            }
        })
        .collect()
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

/// The simulator set up for one exam: the facts as they stand, the student's time per
/// answer, the settings' limits.
struct Plan {
    cards: Vec<fsrs::Card>,
    deck_size: usize,
    span: usize,
    params: Arc<Vec<f32>>,
    retention: f32,
    spa: f32,
    learn_limit: usize,
    review_limit: usize,
    max_ivl: f32,
    learning_steps: usize,
    relearning_steps: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Outcome {
    ready: u32,
    recall: f64,
}

impl Plan {
    fn new(scope: &Scope, facts: &[&FactStat], today: i64, exam: i64, spa: f64) -> Plan {
        let s: &Settings = scope.settings;
        let params = Arc::new(
            fsrs::check_and_fill_parameters(&s.parameters)
                .unwrap_or_else(|_| fsrs::DEFAULT_PARAMETERS.to_vec()),
        );
        let now_day = scope.now as f32 / 86_400.0;
        let cards: Vec<fsrs::Card> = facts
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                let (stability, difficulty, last) = (f.stability?, f.difficulty?, f.last_review?);
                let due = match f.queue {
                    Queue::Review => (scope.due_day(f) - today).max(0) as f32,
                    _ => 0.0,
                };
                Some(fsrs::Card {
                    id: i as i64 + 1,
                    difficulty,
                    stability,
                    last_date: (last as f32 / 86_400.0 - now_day).min(0.0),
                    due,
                    interval: (f.interval_days.max(1)) as f32,
                    lapses: u32::try_from(f.lapses).unwrap_or(0),
                    desired_retention: s.desired_retention,
                    parameters: params.clone(),
                })
            })
            .collect();
        let span = usize::try_from(exam - today).unwrap_or(1).max(1);
        let new_left = facts.len() - cards.len();
        // Every new fact must be met before the exam: more a day than the setting if need be.
        let learn_limit = (s.new_per_day as usize).max(new_left.div_ceil(span));
        Plan {
            cards,
            deck_size: facts.len(),
            span,
            params,
            retention: s.desired_retention,
            spa: spa as f32,
            learn_limit,
            review_limit: s.reviews_per_day as usize,
            max_ivl: s.maximum_interval_days as f32,
            learning_steps: s.learning_steps.len().min(3),
            relearning_steps: s.relearning_steps.len().min(3),
        }
    }

    /// Simulates `minutes` of study a day until the exam.
    fn run(&self, minutes: f64) -> Outcome {
        if self.deck_size == 0 {
            return Outcome {
                ready: 0,
                recall: 0.0,
            };
        }
        let config = fsrs::SimulatorConfig {
            deck_size: self.deck_size,
            learn_span: self.span,
            max_cost_perday: (minutes * 60.0) as f32,
            max_ivl: self.max_ivl,
            learn_limit: self.learn_limit,
            review_limit: self.review_limit.max(1),
            state_rating_costs: [[self.spa; 4]; 3],
            learning_step_count: self.learning_steps,
            relearning_step_count: self.relearning_steps,
            ..fsrs::SimulatorConfig::default()
        };
        let exam = self.span as f32;
        let recall_of = |c: &fsrs::Card| {
            if c.last_date.is_finite() && c.stability > 0.0 {
                f64::from(c.retention_on(exam))
            } else {
                0.0
            }
        };
        // The simulator lets the first card of a day through whatever the budget: no time
        // at all is no study at all.
        if minutes <= 0.0 {
            let target = f64::from(self.retention);
            let recalls: Vec<f64> = self.cards.iter().map(recall_of).collect();
            return Outcome {
                ready: recalls.iter().filter(|r| **r >= target).count() as u32,
                recall: recalls.iter().sum::<f64>() / self.deck_size as f64,
            };
        }
        let recalls: Vec<f64> = match fsrs::simulate(
            &config,
            &self.params,
            self.retention,
            Some(SEED),
            Some(self.cards.clone()),
        ) {
            Ok(r) => r.cards.iter().map(recall_of).collect(),
            Err(_) => Vec::new(),
        };
        let target = f64::from(self.retention);
        // Facts never introduced in the simulation are not in its cards: they count 0.
        Outcome {
            ready: recalls.iter().filter(|r| **r >= target).count() as u32,
            recall: recalls.iter().sum::<f64>() / self.deck_size as f64,
        }
    }

    /// The fewest whole minutes a day (up to [`MAX_MINUTES`]) whose simulated recall on the
    /// exam day reaches `target`.
    fn minutes_needed(&self, target: f64) -> Option<u32> {
        if self.deck_size == 0 {
            return Some(0);
        }
        // A little under the target counts: the simulation's own rounding of days leaves
        // facts reviewed on time a hair below it.
        let enough = |m: u32| self.run(f64::from(m)).recall >= target - 1e-6;
        if !enough(MAX_MINUTES) {
            return None;
        }
        if enough(0) {
            return Some(0);
        }
        let (mut lo, mut hi) = (0u32, MAX_MINUTES);
        while hi - lo > 1 {
            let mid = (lo + hi) / 2;
            if enough(mid) { hi = mid } else { lo = mid }
        }
        Some(hi)
    }
}

/// The facts a session studying `decks` (all when empty) brings forward today because of an
/// exam date: facts in review, not answered today, due on or after their exam day, whose
/// recall on that day would fall below the desired retention; most at risk first, at most
/// the daily review limit (and [`MAX_BROUGHT_FORWARD`]). Empty when no exam date lies ahead.
///
/// Read once per study day (one range of the `memory_due` index); the session then picks
/// from this list by id.
pub fn priority(
    db: &Db,
    settings: &Settings,
    decks: &[String],
    now: i64,
    utc_offset: i32,
) -> Result<Vec<i64>> {
    // The common case, and the session's start: no exam, no query.
    if settings.exam_date.is_none() && settings.deck_exam_dates.is_empty() {
        return Ok(Vec::new());
    }
    let h = settings.rollover_hour;
    let today = schedule::day_number(now, h, utc_offset);
    let ahead = |deck: &str| settings.exam_day_for(deck).filter(|d| *d > today);
    let scoped: Vec<String> = if decks.is_empty() {
        db.deck_ids()?
    } else {
        decks.to_vec()
    };
    let Some(first) = scoped.iter().filter_map(|d| ahead(d)).min() else {
        return Ok(Vec::new());
    };
    let Some(decay) = settings.decay() else {
        return Ok(Vec::new());
    };
    let half_day = schedule::SECS_PER_DAY / 2;
    let today_start = schedule::day_start(today, h, utc_offset);
    let candidates = db.exam_candidates(
        decks,
        schedule::day_start(first, h, utc_offset) - half_day,
        today_start,
    )?;
    let mut at_risk: Vec<(f32, i64)> = candidates
        .into_iter()
        .filter_map(|c| {
            let exam = ahead(&c.deck)?;
            let at = schedule::day_start(exam, h, utc_offset);
            // Due before this deck's own exam day: its normal review comes first.
            if c.due < at - half_day {
                return None;
            }
            let days = (at - c.last_review).max(0) as f32 / schedule::SECS_PER_DAY as f32;
            let r = fsrs::current_retrievability(
                fsrs::MemoryState {
                    stability: c.stability,
                    difficulty: c.difficulty,
                },
                days,
                decay,
            );
            (r < settings.desired_retention).then_some((r, c.id))
        })
        .collect();
    at_risk.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    // Each pick reads the list from its start: a bound keeps that cheap whatever the limit.
    at_risk.truncate((settings.reviews_per_day as usize).min(MAX_BROUGHT_FORWARD));
    Ok(at_risk.into_iter().map(|(_, id)| id).collect())
}
