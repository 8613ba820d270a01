//! Student result files (`quiz export-results`) and the class report built from many of
//! them (`quiz class-report`).
//!
//! A result file holds, per answered question, how it went: reviews, lapses, Again answers,
//! the last rating, the current recall probability, and answers the student overruled as
//! right. It names the student only by the name they chose (or not at all) and carries no
//! other personal data: no times of study, no typed answers except the overruled ones.

pub mod report;

use serde::{Deserialize, Serialize};

use crate::db::Db;
use crate::error::Result;

/// The FSRS-6 default decay, used with each card's stability for the recall probability.
pub const DECAY: f32 = 0.1542;

/// The format's version number; a reader refuses a newer one.
pub const VERSION: u32 = 1;

/// A whole result file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultsFile {
    /// Always `quiz-results`.
    pub format: String,
    pub version: u32,
    /// The name the student chose to give, if any.
    pub name: Option<String>,
    /// The day the file was written (`YYYY-MM-DD`): recall probabilities are as of then.
    pub as_of: String,
    pub questions: Vec<QuestionResult>,
    /// Questions the student flagged as wrong in `quiz browse`, oldest first.
    #[serde(default)]
    pub flags: Vec<Flag>,
}

/// A question the student thinks is wrong, with their comment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    /// The question's uid.
    pub question: String,
    /// The fact's id within its deck.
    pub fact: String,
    pub deck: String,
    pub comment: String,
    /// When it was flagged, RFC 3339 (UTC).
    pub at: String,
}

/// `2026-03-02T09:00:00Z`.
pub fn rfc3339(secs: i64) -> String {
    let t = secs.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        crate::export::iso_date(secs),
        t / 3600,
        t / 60 % 60,
        t % 60
    )
}

/// One answered question's results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub uid: String,
    pub deck: String,
    pub fact: String,
    /// `list`, `event`, `number`, `term`, `document`, `person`, `qa`, `cloze`.
    pub fact_kind: String,
    /// A short label of the fact: a list's heading, an event's what, a term…
    pub fact_label: String,
    /// The question kind (`recall`, `choice`, …).
    pub kind: String,
    /// The title of the source document.
    pub source: String,
    pub reviews: u32,
    pub lapses: u32,
    /// Answers rated Again.
    pub again: u32,
    /// 1 again, 2 hard, 3 good, 4 easy.
    pub last_rating: Option<u8>,
    /// The probability of recalling it now (FSRS), when the card has a memory state.
    pub recall: Option<f64>,
    /// Answers the student overruled as right.
    #[serde(default)]
    pub accepted_overrides: Vec<String>,
}

/// Builds the result file of the database's student from the results of `decks`. `now` is
/// unix seconds.
pub fn collect(db: &Db, now: i64, name: Option<&str>, decks: &[String]) -> Result<ResultsFile> {
    let questions = db
        .results()?
        .into_iter()
        .filter(|r| decks.contains(&r.deck))
        .map(|r| {
            let recall = match (r.stability, r.difficulty, r.last_review) {
                (Some(s), Some(d), Some(last)) if s > 0.0 => {
                    let days = ((now - last).max(0) as f32) / 86_400.0;
                    let p = fsrs::current_retrievability(
                        fsrs::MemoryState {
                            stability: s as f32,
                            difficulty: d as f32,
                        },
                        days,
                        DECAY,
                    );
                    Some((f64::from(p) * 10_000.0).round() / 10_000.0)
                }
                _ => None,
            };
            QuestionResult {
                uid: r.uid,
                deck: r.deck,
                fact: r.fact,
                fact_kind: r.fact_kind,
                fact_label: r.fact_label,
                kind: r.kind,
                source: r.source,
                reviews: r.reviews.max(0) as u32,
                lapses: r.lapses.max(0) as u32,
                again: r.again.max(0) as u32,
                last_rating: r.last_rating.and_then(|x| u8::try_from(x).ok()),
                recall,
                accepted_overrides: r.accepted,
            }
        })
        .collect();
    Ok(ResultsFile {
        format: "quiz-results".into(),
        version: VERSION,
        name: name
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned),
        as_of: crate::export::iso_date(now),
        questions,
        flags: db
            .flags()?
            .into_iter()
            .filter(|f| decks.contains(&f.deck))
            .map(|f| Flag {
                question: f.question,
                fact: f.fact,
                deck: f.deck,
                comment: f.comment,
                at: rfc3339(f.at),
            })
            .collect(),
    })
}
