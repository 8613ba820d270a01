//! Fitting the FSRS parameters to a student's own answers (`quiz optimize`).
//!
//! A fact's answers, in time order, are one review history (the memory is per fact,
//! docs/learning.md). As Anki does, every answer given on a later study day than the
//! previous answer to the same fact becomes one training item: the history up to and
//! including it, whose last rating says whether the fact was recalled. Same-day answers (the
//! learning steps) stay in the histories but are never predicted themselves.

use fsrs::{
    ComputeParametersInput, DEFAULT_PARAMETERS, FSRS, FSRSItem, FSRSReview, MemoryState,
    TrainingConfig,
};

use super::day::{day_number, utc_offset_in};

/// Training items (answers on a later day than the fact's previous one) below which
/// `quiz optimize` refuses: with fewer, the fit follows noise. Anki asks for the same.
pub const MIN_TRAINING_ITEMS: usize = 400;

/// One graded answer about a fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Answer {
    /// Unix seconds.
    pub at: i64,
    /// 1 again, 2 hard, 3 good, 4 easy.
    pub rating: u32,
}

/// How well a set of parameters predicts the answers: lower is better for both.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    /// Mean binary cross-entropy of the predicted recall against what happened.
    pub log_loss: f32,
    /// Root mean square error between predicted and actual recall, over bins of similar
    /// items (FSRS's `rmse_bins`), as a fraction.
    pub rmse: f32,
}

/// What the optimizer could not do; the messages are for the user.
#[derive(Debug, thiserror::Error)]
pub enum OptimizeError {
    /// The crate gave up on the data (too little of one kind, or nothing to learn from).
    #[error("the answers are not enough for FSRS to fit its parameters ({0})")]
    NotEnoughData(fsrs::FSRSError),
    /// Anything else FSRS refused.
    #[error("FSRS could not fit the parameters: {0}")]
    Fsrs(#[from] fsrs::FSRSError),
}

/// Study-day numbering for the histories: the rollover hour and the time zone the answers
/// were given in (its offset at each answer, so a daylight-saving change moves nothing).
pub struct Days<'a> {
    pub rollover_hour: u8,
    pub tz: &'a jiff::tz::TimeZone,
}

impl Days<'_> {
    fn of(&self, at: i64) -> i64 {
        day_number(at, self.rollover_hour, utc_offset_in(self.tz, at))
    }
}

/// The review history of one fact, as FSRS reads it: ratings with the study days elapsed
/// since the previous answer (0 for the first).
#[must_use]
pub fn history(answers: &[Answer], days: &Days) -> Vec<FSRSReview> {
    let mut prev = None;
    answers
        .iter()
        .map(|a| {
            let d = days.of(a.at);
            let delta = prev.map_or(0, |p: i64| (d - p).max(0));
            prev = Some(d);
            FSRSReview {
                rating: a.rating,
                delta_t: u32::try_from(delta).unwrap_or(u32::MAX),
            }
        })
        .collect()
}

/// Training items from every fact's answers (each fact's in time order), sorted by the time
/// of the answer each one predicts: the optimizer weights recent items more, by position.
#[must_use]
pub fn training_items<'a>(
    facts: impl IntoIterator<Item = &'a [Answer]>,
    days: &Days,
) -> Vec<FSRSItem> {
    let mut timed: Vec<(i64, FSRSItem)> = Vec::new();
    for answers in facts {
        let reviews = history(answers, days);
        for (i, r) in reviews.iter().enumerate().skip(1) {
            if r.delta_t > 0 {
                timed.push((
                    answers[i].at,
                    FSRSItem {
                        reviews: reviews[..=i].to_vec(),
                    },
                ));
            }
        }
    }
    // Stable: items of one instant keep the facts' order, so the fit is reproducible.
    timed.sort_by_key(|(at, _)| *at);
    timed.into_iter().map(|(_, item)| item).collect()
}

/// How well `parameters` (empty for the defaults) predict `items`.
///
/// # Errors
///
/// [`OptimizeError`] when FSRS rejects the parameters or the items.
pub fn evaluate(parameters: &[f32], items: &[FSRSItem]) -> Result<Fit, OptimizeError> {
    let e = FSRS::new(parameters)?.evaluate(items.to_vec(), |_| true)?;
    Ok(Fit {
        log_loss: e.log_loss,
        rmse: e.rmse_bins,
    })
}

/// Parameters fitted to `items` (21 numbers).
///
/// # Errors
///
/// [`OptimizeError::NotEnoughData`] when FSRS cannot fit them, including when it silently
/// falls back to its defaults (too few items survive its outlier filter).
pub fn fit(items: &[FSRSItem]) -> Result<Vec<f32>, OptimizeError> {
    let input = ComputeParametersInput {
        train_set: items.to_vec(),
        // Anki's figure; a full pass over 10,000 answers takes well under a second.
        training_config: Some(TrainingConfig {
            num_epochs: 8,
            ..TrainingConfig::default()
        }),
        ..ComputeParametersInput::default()
    };
    let params = fsrs::compute_parameters(input).map_err(|e| match e {
        fsrs::FSRSError::NotEnoughData => OptimizeError::NotEnoughData(e),
        e => OptimizeError::Fsrs(e),
    })?;
    if params == DEFAULT_PARAMETERS {
        return Err(OptimizeError::NotEnoughData(fsrs::FSRSError::NotEnoughData));
    }
    Ok(params)
}

/// A fact's memory after its answers under `parameters`, replayed as the scheduler built it;
/// `None` for a fact never answered.
///
/// # Errors
///
/// [`OptimizeError::Fsrs`] when FSRS rejects the parameters or a rating.
pub fn replay(
    parameters: &[f32],
    answers: &[Answer],
    days: &Days,
) -> Result<Option<MemoryState>, OptimizeError> {
    if answers.is_empty() {
        return Ok(None);
    }
    let item = FSRSItem {
        reviews: history(answers, days),
    };
    Ok(Some(FSRS::new(parameters)?.memory_state(item, None)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    #[test]
    fn only_answers_on_a_later_day_are_training_items() {
        let tz = jiff::tz::TimeZone::UTC;
        let days = Days {
            rollover_hour: 4,
            tz: &tz,
        };
        // Day 0 at noon, ten minutes later (a learning step), day 2, and 03:00 on day 3,
        // which still belongs to study day 2.
        let t0 = 1_000 * DAY + 12 * 3_600;
        let a = [
            Answer { at: t0, rating: 1 },
            Answer {
                at: t0 + 600,
                rating: 3,
            },
            Answer {
                at: t0 + 2 * DAY,
                rating: 3,
            },
            Answer {
                at: t0 + 2 * DAY + 15 * 3_600,
                rating: 2,
            },
        ];
        let h = history(&a, &days);
        assert_eq!(
            h.iter().map(|r| r.delta_t).collect::<Vec<_>>(),
            [0, 0, 2, 0]
        );
        let items = training_items([&a[..]], &days);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].reviews.len(), 3);
    }
}
