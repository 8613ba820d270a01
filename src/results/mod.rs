//! Student result files (`quiz export-results`) and the class report built from many of
//! them (`quiz class-report`).
//!
//! A result file holds, per answered question, how it went: reviews, lapses, Again answers,
//! the last rating, and answers the student overruled as right (with the question's prompt
//! and answer); per studied fact, its memory (FSRS stability and difficulty, when it was last
//! answered, the rung reached), so the report can predict recall at the time it is made; and
//! the version (content hash) of each deck. It names the student only by the name they chose
//! (or not at all) and carries no other personal data: no typed answers except the overruled
//! ones, and of study times only each fact's last answer.

pub mod fields;
pub mod report;

use serde::{Deserialize, Serialize};

pub use self::fields::{DeckVersion, FactResult, Flag, deck_version, predicted_recall};
use crate::db::Db;
use crate::error::Result;

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
    /// The version of each deck the file holds; `None` in files from before it was recorded.
    #[serde(default)]
    pub decks: Option<Vec<DeckVersion>>,
    /// The forgetting-curve decay of the student's FSRS parameters.
    #[serde(default)]
    pub fsrs_decay: Option<f64>,
    /// Each studied fact's memory; `None` in files from before it was recorded.
    #[serde(default)]
    pub facts: Option<Vec<FactResult>>,
    /// Questions the student flagged as wrong (`quiz browse`).
    #[serde(default)]
    pub flags: Vec<Flag>,
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
    /// The probability of recalling its fact on the day the file was written (FSRS), when the
    /// fact has a memory. Kept for older readers: the report predicts from `facts` instead.
    pub recall: Option<f64>,
    /// Answers the student overruled as right.
    #[serde(default)]
    pub accepted_overrides: Vec<String>,
    /// The prompt, for a question with overruled answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    /// The expected answer, for a question with overruled answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
}

/// Builds the result file of the database's student from the results of `decks`. `now` is
/// unix seconds.
pub fn collect(db: &Db, now: i64, name: Option<&str>, decks: &[String]) -> Result<ResultsFile> {
    let decay = db.load_settings()?.decay();
    let recall_at = |s: Option<f64>, d: Option<f64>, last: Option<i64>| {
        let p = predicted_recall(s?, d?, last?, now, f64::from(decay?))?;
        Some((p * 10_000.0).round() / 10_000.0)
    };
    let facts: Vec<FactResult> = db
        .result_facts()?
        .into_iter()
        .filter(|f| decks.contains(&f.deck))
        .map(FactResult::from)
        .collect();
    let mut questions = Vec::new();
    for r in db.results()? {
        if !decks.contains(&r.deck) {
            continue;
        }
        // The instructor judges an overruled answer against what was asked and expected.
        let shown = if r.accepted.is_empty() {
            None
        } else {
            db.question_by_uid(&r.deck, &r.uid)?
        };
        questions.push(QuestionResult {
            recall: recall_at(r.stability, r.difficulty, r.last_review),
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
            accepted_overrides: r.accepted,
            prompt: shown
                .as_ref()
                .map(|q| crate::export::prompt_plain(&q.prompt)),
            expected: shown.as_ref().map(crate::export::answer_text),
        });
    }
    let versions = db
        .deck_texts()?
        .into_iter()
        .filter(|(id, _, _)| decks.contains(id))
        .map(|(id, _, text)| DeckVersion {
            version: deck_version(&text),
            deck: id,
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
        decks: Some(versions),
        fsrs_decay: decay.map(|d| (f64::from(d) * 1e6).round() / 1e6),
        facts: Some(facts),
        flags: db
            .flags()?
            .into_iter()
            .filter(|f| decks.contains(&f.deck))
            .map(|f| Flag {
                question: f.question,
                fact: f.fact,
                deck: f.deck,
                comment: f.comment,
                at: fields::rfc3339(f.at).unwrap_or_default(),
            })
            .collect(),
    })
}
