//! Scheduling: what happens to a question when it is answered, and when it comes back.
//!
//! Pure functions over a [`CardState`]: no database, no terminal, no clock. The caller passes
//! the current time (unix seconds), the local UTC offset and a random number generator, so a
//! session driven with a fixed clock and seed is reproducible.
//!
//! The memory model is FSRS-6 through the `fsrs` crate; the state machine around it follows
//! Anki (see `guides/fsrs.md` §3.2):
//!
//! - Every answer, including same-day learning steps, calls `next_states` with the number of
//!   study-day boundaries since the previous answer ([`day_number`] difference, not 24-hour
//!   periods), and the chosen button's memory state is always stored.
//! - New cards go through the learning steps (quiz's default is one step, 10m; Anki's is
//!   1m 10m): Again goes back to the first step; Hard repeats the current step (on the first step: the average of the first two, or
//!   1.5× a single step, at most a day more); Good moves to the next step or graduates; Easy
//!   graduates at once. With no steps every answer graduates.
//! - Graduating uses the chosen button's FSRS interval rounded half away from zero, at least 1
//!   day, fuzzed, capped at the maximum interval; Easy is at least the (fuzzed) Good interval
//!   plus one.
//! - Review cards answered Hard/Good/Easy get fuzzed FSRS intervals with hard ≥ 1,
//!   good ≥ hard + 1 and easy ≥ good + 1 (the order can only collapse at the maximum interval).
//! - Again on a review card is a lapse: `lapses + 1`, then the relearning steps (default 10m),
//!   or with none straight back to review at the FSRS Again interval (rounded, not fuzzed, as in
//!   Anki). Relearning then behaves like learning.
//! - Leeches as in Anki: a lapse makes the card a leech when `lapses` reaches the threshold and
//!   again every half threshold (rounded up) after it: 8, 12, 16, … for the default 8.
//!
//! Where we part from Anki: Anki, when no steps are configured, keeps a card in learning for a
//! same-day retry if its FSRS interval is under half a day ("short-term scheduling"); we always
//! graduate to at least one day, which keeps us identical to py-fsrs with its steps turned off.
//!
//! Due times: learning and relearning cards are due at an instant (`now` + step, with a little
//! fuzz); a step that ends on a later study day is due at the start of that day, as Anki's
//! "interday learning" is. Review cards are due on a study day, stored as the instant that day
//! starts (the rollover hour, local time, with the UTC offset in force when answered). Select
//! them with [`reviews_due_before`] and map them back with [`due_day`]: both look at the middle
//! of the day, so a daylight-saving change since the answer never moves a review by a day.

mod day;
mod fuzz;
pub mod optimize;
mod settings;

use std::fmt;
use std::str::FromStr;

use fsrs::{FSRS, ItemState, MemoryState, NextStates};
use rand::Rng;
use serde::{Deserialize, Serialize};

pub use self::day::{
    SECS_PER_DAY, day_number, day_start, due_day, local_utc_offset, reviews_due_before,
    system_zone, utc_offset_in,
};
pub use self::settings::{
    DECK_EXAM_PREFIX, KEYS as SETTING_KEYS, MAX_INTERVAL_LIMIT, NewOrder, RETENTION_RANGE,
    Settings, SettingsError, format_exam_date, format_steps, parse_exam_date, parse_steps,
};

/// The four answer buttons, with FSRS's numbering (also the revlog's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    /// Forgotten.
    Again = 1,
    /// Recalled with serious difficulty.
    Hard = 2,
    /// Recalled.
    Good = 3,
    /// Recalled effortlessly.
    Easy = 4,
}

impl Rating {
    /// All ratings, in button order; `preview` results use the same order.
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// The storage code: 1 to 4.
    #[must_use]
    pub fn as_i64(self) -> i64 {
        self as i64
    }

    /// The rating with storage code `code`, or `None` outside 1..=4.
    #[must_use]
    pub fn from_i64(code: i64) -> Option<Rating> {
        Some(match code {
            1 => Rating::Again,
            2 => Rating::Hard,
            3 => Rating::Good,
            4 => Rating::Easy,
            _ => return None,
        })
    }

    /// The lower-case name: `again`, `hard`, `good`, `easy`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rating name or code that is not one of the four.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown rating `{0}`; expected again, hard, good, easy or 1-4")]
pub struct ParseRatingError(String);

impl FromStr for Rating {
    type Err = ParseRatingError;

    /// Accepts the names (any case) and the codes 1-4, as typed in a scripted session.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        Rating::ALL
            .into_iter()
            .find(|r| t.eq_ignore_ascii_case(r.as_str()) || t == r.as_i64().to_string())
            .ok_or_else(|| ParseRatingError(s.to_owned()))
    }
}

/// Where a card is in its life; stored as a small integer (Anki's card type numbering).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Queue {
    /// Never answered.
    New = 0,
    /// Going through the learning steps.
    Learning = 1,
    /// Graduated: due on a day.
    Review = 2,
    /// Lapsed and going through the relearning steps.
    Relearning = 3,
}

impl Queue {
    /// The storage code: 0 new, 1 learning, 2 review, 3 relearning.
    #[must_use]
    pub fn as_i64(self) -> i64 {
        self as i64
    }

    /// The queue with storage code `code`, or `None` for an unknown code.
    #[must_use]
    pub fn from_i64(code: i64) -> Option<Queue> {
        Some(match code {
            0 => Queue::New,
            1 => Queue::Learning,
            2 => Queue::Review,
            3 => Queue::Relearning,
            _ => return None,
        })
    }

    /// The lower-case name: `new`, `learning`, `review`, `relearning`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Queue::New => "new",
            Queue::Learning => "learning",
            Queue::Review => "review",
            Queue::Relearning => "relearning",
        }
    }
}

impl fmt::Display for Queue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A queue name that is not one of the four.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown queue `{0}`; expected new, learning, review or relearning")]
pub struct ParseQueueError(String);

impl FromStr for Queue {
    type Err = ParseQueueError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            Queue::New,
            Queue::Learning,
            Queue::Review,
            Queue::Relearning,
        ]
        .into_iter()
        .find(|q| q.as_str() == s)
        .ok_or_else(|| ParseQueueError(s.to_owned()))
    }
}

/// The scheduling state of one question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    /// Which stage the card is in.
    pub queue: Queue,
    /// Index into the learning (or relearning) steps of the step the card is waiting on;
    /// 0 otherwise.
    pub step: u32,
    /// FSRS stability in days; `None` until the first answer.
    pub stability: Option<f32>,
    /// FSRS difficulty (1 to 10); `None` until the first answer.
    pub difficulty: Option<f32>,
    /// When the card is due, unix seconds: an instant for (re)learning cards, the start of the
    /// due study day for review cards; 0 for new cards.
    pub due: i64,
    /// When the card was last answered, unix seconds.
    pub last_review: Option<i64>,
    /// Days from the last answer to the due day for review cards; while relearning, the
    /// interval FSRS gave the lapse; 0 for new and learning cards.
    pub interval_days: u32,
    /// Answers given, every step included.
    pub reps: u32,
    /// Times a review card was forgotten.
    pub lapses: u32,
}

impl CardState {
    /// A card that has never been answered.
    #[must_use]
    pub fn new() -> CardState {
        CardState {
            queue: Queue::New,
            step: 0,
            stability: None,
            difficulty: None,
            due: 0,
            last_review: None,
            interval_days: 0,
            reps: 0,
            lapses: 0,
        }
    }

    /// Whether the card should be shown now: (re)learning cards once their instant has come,
    /// review cards on or after their due day. New cards are never "due"; the session
    /// introduces them under the daily limit.
    #[must_use]
    pub fn is_due(&self, now: i64, rollover_hour: u8, utc_offset_secs: i32) -> bool {
        match self.queue {
            Queue::New => false,
            Queue::Learning | Queue::Relearning => self.due <= now,
            Queue::Review => self.due < reviews_due_before(now, rollover_hour, utc_offset_secs),
        }
    }
}

impl Default for CardState {
    fn default() -> Self {
        CardState::new()
    }
}

/// The outcome of one answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Answered {
    /// The card's state after the answer.
    pub card: CardState,
    /// The whole study days since the previous answer, as given to FSRS (0 for a new card).
    pub elapsed_days: u32,
    /// The answer was Again on a review card.
    pub is_lapse: bool,
    /// This lapse made the card a leech (at the threshold and every half threshold after).
    pub became_leech: bool,
}

/// Why a card could not be scheduled.
#[derive(Debug, thiserror::Error)]
pub enum ScheduleError {
    /// The settings are out of range (see [`Settings::validate`]).
    #[error("invalid scheduling settings: {0}")]
    Settings(#[from] SettingsError),
    /// The stored card state cannot be right.
    #[error("inconsistent card state: {0}")]
    InvalidCard(&'static str),
    /// FSRS rejected the parameters or produced a non-finite state.
    #[error("FSRS could not schedule the card: {0}")]
    Fsrs(#[from] fsrs::FSRSError),
}

/// One uniform draw in `[0, 1)` that places every interval of one answer within its fuzz
/// range (and stretches its step delay a little).
///
/// Drawing it once per shown question and passing it to both [`preview`] and
/// [`answer_with_fuzz`] makes the "comes back in" a button promises the one it delivers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FuzzFactor(f32);

impl FuzzFactor {
    /// Draws a factor from `rng` (one `f32`).
    pub fn draw(rng: &mut impl Rng) -> FuzzFactor {
        FuzzFactor(rng.random::<f32>())
    }

    /// A given factor; `None` unless `0.0 <= value < 1.0`.
    #[must_use]
    pub fn new(value: f32) -> Option<FuzzFactor> {
        (0.0..1.0).contains(&value).then_some(FuzzFactor(value))
    }

    /// The factor.
    #[must_use]
    pub fn value(self) -> f32 {
        self.0
    }
}

/// Answers `card` with `rating` at `now`: the card's next state.
///
/// Draws exactly one [`FuzzFactor`] from `rng` (even when fuzz is off, so the random stream
/// does not depend on the settings), then behaves as [`answer_with_fuzz`].
///
/// # Errors
///
/// [`ScheduleError::Settings`] for out-of-range settings, [`ScheduleError::InvalidCard`] when
/// only one of stability and difficulty is set, [`ScheduleError::Fsrs`] when FSRS rejects the
/// parameters or the stored state (e.g. NaN).
pub fn answer(
    card: &CardState,
    rating: Rating,
    now: i64,
    settings: &Settings,
    utc_offset_secs: i32,
    rng: &mut impl Rng,
) -> Result<Answered, ScheduleError> {
    let fuzz = FuzzFactor::draw(rng);
    answer_with_fuzz(card, rating, now, settings, utc_offset_secs, fuzz)
}

/// Answers `card` with `rating` at `now`, with an explicit fuzz factor (ignored when
/// `settings.fuzz` is off).
///
/// # Errors
///
/// As [`answer`].
pub fn answer_with_fuzz(
    card: &CardState,
    rating: Rating,
    now: i64,
    settings: &Settings,
    utc_offset_secs: i32,
    fuzz: FuzzFactor,
) -> Result<Answered, ScheduleError> {
    let ctx = Ctx::new(card, now, settings, utc_offset_secs, Some(fuzz))?;
    Ok(ctx.apply(card, rating))
}

/// What each of the four buttons would do to `card` at `now`, in [`Rating::ALL`] order: the
/// full outcome, so the caller can show "comes back in 10 min / 3 days" per button.
///
/// With `Some(f)` the outcome for rating `r` equals `answer_with_fuzz(.., r, .., f)` exactly;
/// with `None` intervals are unfuzzed, i.e. the centre of the range the real answer will fall
/// in. The session should draw one factor per shown question and use it for both.
///
/// # Errors
///
/// As [`answer`].
pub fn preview(
    card: &CardState,
    now: i64,
    settings: &Settings,
    utc_offset_secs: i32,
    fuzz: Option<FuzzFactor>,
) -> Result<[Answered; 4], ScheduleError> {
    let ctx = Ctx::new(card, now, settings, utc_offset_secs, fuzz)?;
    Ok(Rating::ALL.map(|r| ctx.apply(card, r)))
}

/// The probability that the card is recalled at `now`, from its stability and the exact
/// (fractional) days since its last answer; `None` for a card never answered or for
/// parameters FSRS would reject. For display and statistics only: scheduling uses whole days.
#[must_use]
pub fn retrievability(card: &CardState, now: i64, settings: &Settings) -> Option<f32> {
    let memory = MemoryState {
        stability: card.stability?,
        difficulty: card.difficulty?,
    };
    #[allow(clippy::cast_precision_loss)]
    let days = (now - card.last_review?).max(0) as f32 / SECS_PER_DAY as f32;
    Some(fsrs::current_retrievability(
        memory,
        days,
        settings.decay()?,
    ))
}

/// Lapse count at which a card becomes (again) a leech: the threshold, then every half
/// threshold rounded up. 0 turns leeches off.
fn leech_at(lapses: u32, threshold: u32) -> bool {
    if threshold == 0 || lapses < threshold {
        return false;
    }
    let every = threshold.div_ceil(2).max(1);
    (lapses - threshold).is_multiple_of(every)
}

/// Everything about one answer that does not depend on the button pressed.
struct Ctx<'a> {
    settings: &'a Settings,
    now: i64,
    utc_offset_secs: i32,
    today: i64,
    elapsed_days: u32,
    next: NextStates,
    fuzz: Option<f32>,
}

impl<'a> Ctx<'a> {
    fn new(
        card: &CardState,
        now: i64,
        settings: &'a Settings,
        utc_offset_secs: i32,
        fuzz: Option<FuzzFactor>,
    ) -> Result<Ctx<'a>, ScheduleError> {
        settings.validate()?;
        let memory = match (card.stability, card.difficulty) {
            (Some(stability), Some(difficulty)) => Some(MemoryState {
                stability,
                difficulty,
            }),
            (None, None) => None,
            _ => {
                return Err(ScheduleError::InvalidCard(
                    "stability and difficulty must be both set or both empty",
                ));
            }
        };
        let rollover = settings.rollover_hour;
        let today = day_number(now, rollover, utc_offset_secs);
        // Study-day boundaries crossed since the last answer, as Anki counts them; a clock that
        // went backwards counts as the same day.
        let elapsed_days = match (memory, card.last_review) {
            (Some(_), Some(last)) => {
                let days = today - day_number(last, rollover, utc_offset_secs);
                u32::try_from(days.max(0)).unwrap_or(u32::MAX)
            }
            _ => 0,
        };
        let next = FSRS::new(&settings.parameters)?.next_states(
            memory,
            settings.desired_retention,
            elapsed_days,
        )?;
        Ok(Ctx {
            settings,
            now,
            utc_offset_secs,
            today,
            elapsed_days,
            next,
            fuzz: if settings.fuzz {
                fuzz.map(FuzzFactor::value)
            } else {
                None
            },
        })
    }

    fn item(&self, rating: Rating) -> &ItemState {
        match rating {
            Rating::Again => &self.next.again,
            Rating::Hard => &self.next.hard,
            Rating::Good => &self.next.good,
            Rating::Easy => &self.next.easy,
        }
    }

    fn max_days(&self) -> u32 {
        self.settings.maximum_interval_days
    }

    fn apply(&self, card: &CardState, rating: Rating) -> Answered {
        let memory = self.item(rating).memory;
        let mut next = CardState {
            stability: Some(memory.stability),
            difficulty: Some(memory.difficulty),
            last_review: Some(self.now),
            reps: card.reps.saturating_add(1),
            ..card.clone()
        };
        let mut is_lapse = false;
        let mut became_leech = false;
        let s = self.settings;
        match card.queue {
            // A new card is on the first learning step, as in Anki.
            Queue::New => self.in_steps(&mut next, rating, Queue::Learning, &s.learning_steps, 0),
            Queue::Learning => {
                self.in_steps(
                    &mut next,
                    rating,
                    Queue::Learning,
                    &s.learning_steps,
                    card.step,
                );
            }
            Queue::Relearning => self.in_steps(
                &mut next,
                rating,
                Queue::Relearning,
                &s.relearning_steps,
                card.step,
            ),
            Queue::Review => match rating {
                Rating::Again => {
                    is_lapse = true;
                    next.lapses = card.lapses.saturating_add(1);
                    became_leech = leech_at(next.lapses, s.leech_threshold);
                    // Anki does not fuzz the lapse interval.
                    let days = fuzz::days(self.next.again.interval, 1, self.max_days(), None);
                    match s.relearning_steps.first() {
                        Some(&first) => {
                            self.stay(&mut next, Queue::Relearning, 0, first);
                            next.interval_days = days;
                        }
                        None => self.to_review(&mut next, days),
                    }
                }
                Rating::Hard | Rating::Good | Rating::Easy => {
                    let [hard, good, easy] = self.passing_review_days();
                    let days = match rating {
                        Rating::Hard => hard,
                        Rating::Good => good,
                        _ => easy,
                    };
                    self.to_review(&mut next, days);
                }
            },
        }
        Answered {
            card: next,
            elapsed_days: self.elapsed_days,
            is_lapse,
            became_leech,
        }
    }

    /// Learning and relearning: move along `steps` (the card is waiting on `current`), or
    /// graduate.
    fn in_steps(
        &self,
        next: &mut CardState,
        rating: Rating,
        queue: Queue,
        steps: &[u32],
        current: u32,
    ) {
        // The steps may have been shortened since the card entered them.
        let idx = usize::try_from(current)
            .unwrap_or(usize::MAX)
            .min(steps.len().saturating_sub(1));
        let step_after = |i: usize| -> u32 { u32::try_from(i).unwrap_or(u32::MAX) };
        match rating {
            Rating::Again => match steps.first() {
                Some(&first) => self.stay(next, queue, 0, first),
                None => self.to_review(next, self.graduation_days(Rating::Again)),
            },
            Rating::Hard => {
                if steps.is_empty() {
                    self.to_review(next, self.graduation_days(Rating::Hard));
                } else {
                    self.stay(next, queue, step_after(idx), hard_delay(steps, idx));
                }
            }
            Rating::Good => match steps.get(idx + 1) {
                Some(&delay) => {
                    self.stay(next, queue, step_after(idx + 1), delay);
                }
                _ => self.to_review(next, self.graduation_days(Rating::Good)),
            },
            Rating::Easy => self.to_review(next, self.graduation_days(Rating::Easy)),
        }
    }

    /// Keeps the card in `queue`, waiting `delay_secs` (fuzzed) on step `step`.
    fn stay(&self, next: &mut CardState, queue: Queue, step: u32, delay_secs: u32) {
        let rollover = self.settings.rollover_hour;
        let mut due = self.now + i64::from(fuzz::step_delay(delay_secs, self.fuzz));
        let tomorrow = day_start(self.today + 1, rollover, self.utc_offset_secs);
        if due >= tomorrow {
            // A step that ends on a later study day is shown any time that day (Anki's
            // interday learning), not at the minute it was answered.
            let day = day_number(due, rollover, self.utc_offset_secs);
            due = day_start(day, rollover, self.utc_offset_secs);
        }
        next.queue = queue;
        next.step = step;
        next.due = due;
        if queue == Queue::Learning {
            next.interval_days = 0;
        }
    }

    /// Makes the card a review card due `days` study days from today.
    fn to_review(&self, next: &mut CardState, days: u32) {
        next.queue = Queue::Review;
        next.step = 0;
        next.interval_days = days;
        next.due = day_start(
            self.today + i64::from(days),
            self.settings.rollover_hour,
            self.utc_offset_secs,
        );
    }

    /// The interval when a (re)learning card leaves its steps with `rating`.
    fn graduation_days(&self, rating: Rating) -> u32 {
        let max = self.max_days();
        let rounded = |r: Rating| fuzz::round_days(self.item(r).interval).max(1);
        #[allow(clippy::cast_precision_loss)]
        match rating {
            Rating::Easy => {
                // Easy must beat what Good would have given.
                let good = fuzz::days(self.next.good.interval, 1, max, self.fuzz);
                let easy = rounded(Rating::Easy) as f32;
                fuzz::days(easy, good.saturating_add(1), max, self.fuzz)
            }
            r => fuzz::days(rounded(r) as f32, 1, max, self.fuzz),
        }
    }

    /// Hard, Good and Easy intervals for a review card, each at least one more than the last.
    fn passing_review_days(&self) -> [u32; 3] {
        let max = self.max_days();
        let hard = fuzz::days(self.next.hard.interval, 1, max, self.fuzz);
        let good = fuzz::days(self.next.good.interval, hard + 1, max, self.fuzz);
        let easy = fuzz::days(self.next.easy.interval, good + 1, max, self.fuzz);
        [hard, good, easy]
    }
}

/// The Hard delay on step `idx`: the step itself, except on the first step where repeating it
/// would equal Again: there it is the average of the first two steps, or with a single step
/// 1.5× that step but at most a day more. Delays over a day are rounded to whole days so the
/// card comes back on the same day whenever in the day it was answered.
fn hard_delay(steps: &[u32], idx: usize) -> u32 {
    const DAY: u32 = 86_400;
    if idx > 0 {
        return steps[idx];
    }
    let first = steps[0];
    let secs = match steps.get(1) {
        Some(&second) => first / 2 + second / 2 + (first % 2 + second % 2) / 2,
        None => (first.saturating_mul(3) / 2).min(first.saturating_add(DAY)),
    };
    if secs > DAY {
        let days = (f64::from(secs) / f64::from(DAY)).round();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let days = days as u32;
        days.saturating_mul(DAY)
    } else {
        secs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leech_at_threshold_then_every_half_threshold() {
        let hits: Vec<u32> = (0..=20).filter(|&l| leech_at(l, 8)).collect();
        assert_eq!(hits, [8, 12, 16, 20]);
        let hits: Vec<u32> = (0..=9).filter(|&l| leech_at(l, 3)).collect();
        assert_eq!(hits, [3, 5, 7, 9]);
        assert!((0..100).all(|l| !leech_at(l, 0)));
        assert!((1..5).all(|l| leech_at(l, 1)));
    }

    #[test]
    fn hard_delay_follows_anki() {
        assert_eq!(hard_delay(&[60, 600], 0), 330);
        assert_eq!(hard_delay(&[60, 600], 1), 600);
        assert_eq!(hard_delay(&[600], 0), 900);
        assert_eq!(hard_delay(&[3 * 86_400], 0), 4 * 86_400);
        assert_eq!(hard_delay(&[60, 600, 6000], 2), 6000);
        assert_eq!(hard_delay(&[u32::MAX, u32::MAX], 0) % 86_400, 0);
    }

    #[test]
    fn codes_round_trip() {
        for r in Rating::ALL {
            assert_eq!(Rating::from_i64(r.as_i64()), Some(r));
            assert_eq!(r.as_str().parse::<Rating>(), Ok(r));
            assert_eq!(r.as_i64().to_string().parse::<Rating>(), Ok(r));
        }
        for q in [
            Queue::New,
            Queue::Learning,
            Queue::Review,
            Queue::Relearning,
        ] {
            assert_eq!(Queue::from_i64(q.as_i64()), Some(q));
            assert_eq!(q.as_str().parse::<Queue>(), Ok(q));
        }
        assert_eq!(Rating::from_i64(0), None);
        assert_eq!(Queue::from_i64(4), None);
        assert!("GOOD".parse::<Rating>().is_ok());
        assert!("5".parse::<Rating>().is_err());
    }
}
