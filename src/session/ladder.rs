//! The ladder: which way of asking about a fact fits how well it is known, and what an
//! answer on each rung says about the fact's memory. docs/learning.md explains the design
//! and the simulation that measured it.
//!
//! A fact climbs one rung per passed answer and drops one per failure. It is asked at the
//! highest rung it has at or below the one it has reached (a fact with no free-recall
//! question tops out at cued recall).

use crate::db::Variant;
use crate::grade::Verdict;
use crate::question::Kind;
use crate::schedule::{Queue, Rating};

/// How a question asks: recognising the answer among others, recalling it from a cue, or
/// producing it whole as an exam would ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rung {
    Recognition = 0,
    Cued = 1,
    Free = 2,
}

impl Rung {
    pub const TOP: Rung = Rung::Free;

    pub fn from_u8(n: u8) -> Rung {
        match n {
            0 => Rung::Recognition,
            1 => Rung::Cued,
            _ => Rung::Free,
        }
    }

    pub fn as_u8(self) -> u8 {
        self as u8
    }

    /// For JSON and the review log.
    pub fn as_str(self) -> &'static str {
        match self {
            Rung::Recognition => "recognition",
            Rung::Cued => "cued",
            Rung::Free => "free",
        }
    }

    /// For the student.
    pub fn words(self) -> String {
        match self {
            Rung::Recognition => crate::t!("rung.recognition"),
            Rung::Cued => crate::t!("rung.cued"),
            Rung::Free => crate::t!("rung.free"),
        }
    }
}

/// The rung a kind of question asks at.
pub fn rung_of(kind: Kind) -> Rung {
    match kind {
        Kind::Choice | Kind::TrueFalse | Kind::NotInList | Kind::WhatOnDate => Rung::Recognition,
        Kind::ListRecall | Kind::Order | Kind::Chronology | Kind::When => Rung::Free,
        Kind::Recall
        | Kind::ItemAt
        | Kind::PositionOf
        | Kind::HowMany
        | Kind::Where
        | Kind::Cloze
        | Kind::Reveal => Rung::Cued,
    }
}

/// Within a rung, which kind an exam would rather see first when several were asked
/// equally long ago: the whole list before its order, typed recall before self-rating.
fn exam_priority(kind: Kind) -> u8 {
    match kind {
        Kind::ListRecall => 0,
        Kind::Order => 1,
        Kind::When => 2,
        Kind::Chronology => 3,
        Kind::Recall | Kind::Cloze => 4,
        Kind::ItemAt => 5,
        Kind::HowMany => 6,
        Kind::PositionOf | Kind::Where => 7,
        Kind::Reveal => 8,
        Kind::Choice => 9,
        Kind::NotInList => 10,
        Kind::WhatOnDate => 11,
        Kind::TrueFalse => 12,
    }
}

/// Which question to ask a fact that has reached `reached`: on the highest rung at or below
/// it that the fact has (else the lowest above), the variant asked longest ago (never asked
/// first; ties go to the kind an exam prefers, then generation order). `avoid` (the question
/// shown last) is taken only when the fact has no other question.
pub fn choose(variants: &[Variant], reached: Rung, avoid: Option<i64>) -> Option<(usize, Rung)> {
    let rungs = rungs(variants);
    let rung = rungs
        .iter()
        .rev()
        .find(|&&r| r <= reached)
        .or_else(|| rungs.first())
        .copied()?;
    let key = |v: &Variant| (v.last_asked.unwrap_or(i64::MIN), exam_priority(v.kind));
    let best = |allow_avoided: bool| {
        variants
            .iter()
            .enumerate()
            .filter(|(_, v)| rung_of(v.kind) == rung)
            .filter(|(_, v)| allow_avoided || Some(v.question_id) != avoid)
            .min_by_key(|(_, v)| key(v))
            .map(|(i, _)| i)
    };
    if let Some(i) = best(false) {
        return Some((i, rung));
    }
    // The rung has only the question just shown: another rung's question is fresher.
    let other = variants
        .iter()
        .enumerate()
        .filter(|(_, v)| Some(v.question_id) != avoid)
        .min_by_key(|(_, v)| {
            let r = rung_of(v.kind);
            // Nearest rung below first, then above.
            let distance = if r < rung {
                rung.as_u8() - r.as_u8()
            } else {
                2 + r.as_u8() - rung.as_u8()
            };
            (distance, key(v))
        });
    match other {
        Some((i, v)) => Some((i, rung_of(v.kind))),
        None => best(true).map(|i| (i, rung)),
    }
}

/// The FSRS rating of a graded answer on `rung` to a fact in `queue`.
///
/// A wrong answer is Again and an accepted near-miss Hard, on any rung. A right answer is
/// Good, except recognition of a fact already in review: picking the answer out of four is
/// weaker evidence of a memory than producing it, so it counts Hard (a shorter interval).
/// While a fact is new or in its (re)learning steps a right recognition is Good: it moves
/// the fact through its steps rather than repeating them.
pub fn rating(verdict: Verdict, rung: Rung, queue: Queue) -> Rating {
    match verdict {
        Verdict::Wrong => Rating::Again,
        Verdict::Almost => Rating::Hard,
        Verdict::Correct if rung == Rung::Recognition && queue == Queue::Review => Rating::Hard,
        Verdict::Correct => Rating::Good,
    }
}

/// The rungs a fact has questions for.
pub fn rungs(variants: &[Variant]) -> Vec<Rung> {
    let mut r: Vec<Rung> = variants.iter().map(|v| rung_of(v.kind)).collect();
    r.sort();
    r.dedup();
    r
}

/// The rung a fact has reached after an answer asked at `asked`: one up when it passed
/// (Hard or better), one down when it failed, skipping rungs the fact has no question for
/// (`has`: an open list has no cued question, and climbs from recognition to free recall).
pub fn next_rung(asked: Rung, passed: bool, has: &[Rung]) -> Rung {
    if passed {
        has.iter()
            .copied()
            .find(|&r| r > asked)
            // At its top already: it stays there. A rung the fact has no question for
            // would count it at free recall in stats and the class report, which it
            // cannot be asked at.
            .unwrap_or(asked)
    } else {
        has.iter()
            .copied()
            .rev()
            .find(|&r| r < asked)
            .unwrap_or(asked)
    }
}

/// While a fact is below its top rung, a passed answer brings it back within this many
/// days, whatever its memory would allow: the next rung is waiting. With the default
/// settings a fact answered right climbs recognition → cued → free in 0 + 2 + 3 days.
pub const CLIMB_DAYS: u32 = 3;

#[cfg(test)]
mod tests {
    use super::*;

    fn v(id: i64, kind: Kind, last: Option<i64>) -> Variant {
        Variant {
            question_id: id,
            kind,
            last_asked: last,
        }
    }

    #[test]
    fn a_fact_is_asked_at_the_highest_rung_it_has_reached() {
        let vs = [
            v(1, Kind::Choice, None),
            v(2, Kind::ItemAt, None),
            v(3, Kind::Order, None),
            v(4, Kind::ListRecall, None),
        ];
        assert_eq!(
            choose(&vs, Rung::Recognition, None),
            Some((0, Rung::Recognition))
        );
        assert_eq!(choose(&vs, Rung::Cued, None), Some((1, Rung::Cued)));
        // The exam's question first: the whole list before its order.
        assert_eq!(choose(&vs, Rung::Free, None), Some((3, Rung::Free)));
    }

    #[test]
    fn variants_rotate_least_recently_asked_first() {
        let vs = [
            v(1, Kind::Choice, Some(50)),
            v(2, Kind::TrueFalse, Some(10)),
            v(3, Kind::NotInList, Some(30)),
        ];
        assert_eq!(
            choose(&vs, Rung::Recognition, None),
            Some((1, Rung::Recognition))
        );
        // Never the question just shown while another exists.
        assert_eq!(
            choose(&vs, Rung::Recognition, Some(2)),
            Some((2, Rung::Recognition))
        );
    }

    #[test]
    fn a_fact_without_the_rung_is_asked_at_the_nearest_it_has() {
        let vs = [v(1, Kind::Recall, None), v(2, Kind::TrueFalse, None)];
        assert_eq!(rungs(&vs), [Rung::Recognition, Rung::Cued]);
        assert_eq!(choose(&vs, Rung::Free, None), Some((0, Rung::Cued)));
        let only_free = [v(9, Kind::Chronology, None)];
        assert_eq!(
            choose(&only_free, Rung::Recognition, None),
            Some((0, Rung::Free))
        );
        // The single question is asked again rather than nothing.
        assert_eq!(
            choose(&only_free, Rung::Free, Some(9)),
            Some((0, Rung::Free))
        );
        // The only question of the rung was just shown: the rung below instead.
        let two = [v(1, Kind::Choice, None), v(2, Kind::ItemAt, Some(5))];
        assert_eq!(
            choose(&two, Rung::Cued, Some(2)),
            Some((0, Rung::Recognition))
        );
    }

    #[test]
    fn recognition_is_weaker_evidence_once_a_fact_is_in_review() {
        use Verdict::*;
        assert_eq!(rating(Correct, Rung::Recognition, Queue::New), Rating::Good);
        assert_eq!(
            rating(Correct, Rung::Recognition, Queue::Review),
            Rating::Hard
        );
        assert_eq!(rating(Correct, Rung::Free, Queue::Review), Rating::Good);
        assert_eq!(rating(Almost, Rung::Free, Queue::Review), Rating::Hard);
        assert_eq!(rating(Wrong, Rung::Cued, Queue::Learning), Rating::Again);
        let all = [Rung::Recognition, Rung::Cued, Rung::Free];
        assert_eq!(next_rung(Rung::Cued, true, &all), Rung::Free);
        assert_eq!(next_rung(Rung::Free, true, &all), Rung::Free);
        assert_eq!(next_rung(Rung::Cued, false, &all), Rung::Recognition);
        assert_eq!(next_rung(Rung::Recognition, false, &all), Rung::Recognition);
        // An open list has no cued question: it climbs from recognition to free recall, and
        // falls back to recognition.
        let open = [Rung::Recognition, Rung::Free];
        assert_eq!(next_rung(Rung::Recognition, true, &open), Rung::Free);
        assert_eq!(next_rung(Rung::Free, false, &open), Rung::Recognition);
        // A term has no free-recall question: a right recall keeps it at cued recall, and a
        // fact with only recognition questions stays at recognition.
        let term = [Rung::Recognition, Rung::Cued];
        assert_eq!(next_rung(Rung::Cued, true, &term), Rung::Cued);
        assert_eq!(next_rung(Rung::Recognition, true, &term), Rung::Cued);
        let picked = [Rung::Recognition];
        assert_eq!(
            next_rung(Rung::Recognition, true, &picked),
            Rung::Recognition
        );
        // Nothing below cued recall: a failure keeps it there.
        let typed = [Rung::Cued, Rung::Free];
        assert_eq!(next_rung(Rung::Cued, false, &typed), Rung::Cued);
    }
}
