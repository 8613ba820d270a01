//! The parts of a result file beyond per-question counts: deck versions, each fact's memory,
//! and flags, with the two computations the report needs from them (a deck's version, a
//! fact's predicted recall at a given time).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::db::FactResultRow;

/// The version of a deck a student studied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeckVersion {
    pub deck: String,
    /// [`deck_version`] of the deck as stored.
    pub version: String,
}

/// One studied fact: the memory behind its questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactResult {
    pub deck: String,
    pub fact: String,
    pub fact_kind: String,
    pub fact_label: String,
    /// The meeting or document its questions name (empty when none does).
    #[serde(default)]
    pub meeting: String,
    #[serde(default)]
    pub source: String,
    /// The rung reached: 0 recognition, 1 cued recall, 2 free recall.
    pub rung: u8,
    /// Answers given (the fact's reviews).
    pub reps: u32,
    pub lapses: u32,
    /// FSRS memory state (days; 1 to 10); `null` for a fact with no memory yet.
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    /// When the fact was last answered (RFC 3339, UTC).
    pub last_review: Option<String>,
}

impl From<FactResultRow> for FactResult {
    fn from(r: FactResultRow) -> FactResult {
        FactResult {
            deck: r.deck,
            fact: r.fact,
            fact_kind: r.fact_kind,
            fact_label: r.fact_label,
            meeting: r.meeting,
            source: r.source,
            rung: u8::try_from(r.rung.clamp(0, 2)).unwrap_or(0),
            reps: u32::try_from(r.reps.max(0)).unwrap_or(u32::MAX),
            lapses: u32::try_from(r.lapses.max(0)).unwrap_or(u32::MAX),
            stability: r.stability,
            difficulty: r.difficulty,
            last_review: r.last_review.and_then(rfc3339),
        }
    }
}

/// A question a student flagged as wrong, with why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    /// The question's uid.
    pub question: String,
    #[serde(default)]
    pub fact: String,
    #[serde(default)]
    pub deck: String,
    #[serde(default)]
    pub comment: String,
    /// When it was flagged (RFC 3339).
    #[serde(default)]
    pub at: String,
}

/// A deck's version: `sha256:` and the SHA-256 of the deck file as stored, which is what
/// `quiz export DECK` prints, so `quiz export DECK | sha256sum` gives the same digits.
pub fn deck_version(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut s = String::with_capacity(7 + 64);
    s.push_str("sha256:");
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// `secs` (unix seconds) as RFC 3339 in UTC.
pub fn rfc3339(secs: i64) -> Option<String> {
    jiff::Timestamp::from_second(secs)
        .ok()
        .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// An RFC 3339 time as unix seconds.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    s.parse::<jiff::Timestamp>().ok().map(|t| t.as_second())
}

/// FSRS's probability that a memory of `stability` days, last answered at `last` (unix
/// seconds), is recalled at `now`, with the forgetting curve's `decay`: a prediction from
/// the model, not a measurement. `None` for values FSRS cannot use.
pub fn predicted_recall(
    stability: f64,
    difficulty: f64,
    last: i64,
    now: i64,
    decay: f64,
) -> Option<f64> {
    if !(stability.is_finite() && stability > 0.0 && difficulty.is_finite()) {
        return None;
    }
    if !(decay.is_finite() && (0.01..=1.0).contains(&decay)) {
        return None;
    }
    #[allow(clippy::cast_precision_loss)]
    let days = (now - last).max(0) as f32 / 86_400.0;
    #[allow(clippy::cast_possible_truncation)]
    let p = fsrs::current_retrievability(
        fsrs::MemoryState {
            stability: stability as f32,
            difficulty: difficulty as f32,
        },
        days,
        decay as f32,
    );
    let p = f64::from(p);
    p.is_finite().then(|| p.clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deck_version_is_the_sha256_of_the_text() {
        // `printf 'abc' | sha256sum`
        assert_eq!(
            deck_version("abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn recall_follows_the_fsrs_curve() {
        // At the stability, FSRS recalls 90% by definition, whatever the decay.
        let r = predicted_recall(4.0, 5.0, 0, 4 * 86_400, 0.1542).unwrap();
        assert!((r - 0.9).abs() < 1e-4, "{r}");
        let r = predicted_recall(4.0, 5.0, 0, 4 * 86_400, 0.5).unwrap();
        assert!((r - 0.9).abs() < 1e-4, "{r}");
        // Just answered: certain; later than now (a clock skew): the same.
        assert_eq!(predicted_recall(4.0, 5.0, 100, 100, 0.1542), Some(1.0));
        assert_eq!(predicted_recall(4.0, 5.0, 200, 100, 0.1542), Some(1.0));
        // A steeper curve forgets faster past the stability.
        let flat = predicted_recall(1.0, 5.0, 0, 10 * 86_400, 0.1542).unwrap();
        let steep = predicted_recall(1.0, 5.0, 0, 10 * 86_400, 0.5).unwrap();
        assert!(steep < flat, "{steep} {flat}");
        assert_eq!(predicted_recall(0.0, 5.0, 0, 1, 0.1542), None);
        assert_eq!(predicted_recall(f64::NAN, 5.0, 0, 1, 0.1542), None);
    }

    #[test]
    fn times_round_trip() {
        let s = rfc3339(1_700_000_000).unwrap();
        assert_eq!(s, "2023-11-14T22:13:20Z");
        assert_eq!(parse_rfc3339(&s), Some(1_700_000_000));
        assert_eq!(parse_rfc3339("yesterday"), None);
    }
}
