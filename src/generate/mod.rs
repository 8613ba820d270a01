//! Turns a deck's facts into questions.
//!
//! Each fact kind has its own module; this one holds what they share: the per-question
//! random source (seeded from the question id, so a question's options never change unless
//! its fact or the distractor pool does), the pool of real distractors drawn from every
//! loaded deck, and the check that no distractor is also a right answer.

pub mod cloze;
mod event;
mod list;
mod other;
pub mod pool;

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use unicode_normalization::UnicodeNormalization;

use crate::deck::Deck;
use crate::deck::model::FactCommon;
use crate::question::{Answer, Kind, Question, SourceRef};
pub use pool::Pool;

/// Generates every question of `deck`, drawing distractors from `pool` (which should hold
/// `deck` itself and every other deck loaded alongside it).
pub fn generate(deck: &Deck, pool: &Pool) -> Vec<Question> {
    let g = Gen {
        deck,
        pool,
        en: deck.file.deck.language == "en",
    };
    let mut out = Vec::new();
    for l in &deck.file.lists {
        list::questions(&g, l, &mut out);
    }
    event::questions(&g, &mut out);
    for n in &deck.file.numbers {
        other::number(&g, n, &mut out);
    }
    for t in &deck.file.terms {
        other::term(&g, t, &mut out);
    }
    for d in &deck.file.documents {
        other::document(&g, d, &mut out);
    }
    for p in &deck.file.people {
        other::person(&g, p, &mut out);
    }
    for q in &deck.file.qas {
        other::qa(&g, q, &mut out);
    }
    for z in &deck.file.clozes {
        cloze::questions(&g, z, &mut out);
    }
    out
}

/// What every fact-kind module needs while generating one deck.
pub(crate) struct Gen<'a> {
    pub deck: &'a Deck,
    pub pool: &'a Pool,
    pub en: bool,
}

impl Gen<'_> {
    /// Chinese or English wording, by the deck's language.
    pub fn t(&self, zh: String, en: String) -> String {
        if self.en { en } else { zh }
    }

    /// The name of the meeting or document a fact belongs to.
    pub fn context_name(&self, fact: &dyn FactCommon) -> String {
        let file = &self.deck.file;
        let ctx = match fact.context() {
            Some(id) => file
                .contexts
                .iter()
                .find(|c| c.id.get_ref() == id.get_ref()),
            None => file.contexts.first(),
        };
        match ctx {
            Some(c) if self.en => c.name_en.clone().unwrap_or_else(|| c.name.clone()),
            Some(c) => c.name.clone(),
            None => file.deck.title.clone(),
        }
    }

    /// The context's name without its parenthesised date and place, for questions whose
    /// answer is that date or place.
    pub fn context_short(&self, fact: &dyn FactCommon) -> String {
        let name = self.context_name(fact);
        let cut = name
            .rfind(['(', '('])
            .filter(|&i| i > 0 && name.ends_with([')', ')']));
        cut.map_or(name.clone(), |i| name[..i].trim_end().to_owned())
    }

    pub fn source_ref(&self, fact: &dyn FactCommon) -> SourceRef {
        let src = self
            .deck
            .file
            .sources
            .iter()
            .find(|s| s.id.get_ref() == fact.source().get_ref());
        SourceRef {
            id: fact.source().get_ref().clone(),
            title: src.map(|s| s.title.clone()).unwrap_or_default(),
            publisher: src.map(|s| s.publisher.clone()).unwrap_or_default(),
            date: src.map(|s| s.date.get_ref().clone()).unwrap_or_default(),
            part: fact.part().map(str::to_owned),
        }
    }

    /// Builds a question; the prompt is prefixed with its context so that it always names
    /// its meeting or document.
    #[allow(clippy::too_many_arguments)]
    pub fn question(
        &self,
        fact: &dyn FactCommon,
        kind: Kind,
        variant: &str,
        prompt: String,
        answer: Answer,
        explanation: String,
    ) -> Question {
        let context = self.context_name(fact);
        self.question_in(
            fact.id().get_ref(),
            &context,
            self.source_ref(fact),
            kind,
            variant,
            prompt,
            answer,
            explanation,
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub fn question_in(
        &self,
        fact_id: &str,
        context: &str,
        source: SourceRef,
        kind: Kind,
        variant: &str,
        prompt: String,
        answer: Answer,
        explanation: String,
    ) -> Question {
        let deck = self.deck.id();
        let prompt = if self.en {
            format!("[{context}] {prompt}")
        } else {
            format!("【{context}】{prompt}")
        };
        Question {
            uid: format!("{deck}/{fact_id}/{}/{variant}", kind.as_str()),
            deck: deck.to_owned(),
            fact: fact_id.to_owned(),
            kind,
            variant: variant.to_owned(),
            sibling: format!("{deck}/{fact_id}"),
            context: context.to_owned(),
            prompt,
            answer,
            explanation,
            source,
        }
    }
}

/// The random source of one question: the same for the same id, in every build.
pub(crate) fn rng_for(deck: &str, fact: &str, kind: Kind, variant: &str) -> StdRng {
    StdRng::seed_from_u64(crate::hash::fnv(&format!(
        "{deck}/{fact}/{}/{variant}",
        kind.as_str()
    )))
}

/// The form two answers are compared in when deciding whether a distractor is also right:
/// NFKC, lower case, no spaces or punctuation.
pub fn norm(s: &str) -> String {
    s.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Picks up to `n` distractors from `tiers` (best first): `text` gives a candidate's text,
/// or `None` to skip it. Never a right answer (after [`norm`]), never a repeat. Large tiers
/// are sampled, not scanned, so one question costs the same whatever the pool's size.
pub(crate) fn pick_distractors<'a, T>(
    rng: &mut StdRng,
    tiers: &[&'a [T]],
    text: impl Fn(&'a T) -> Option<String>,
    right: impl Right,
    n: usize,
) -> Vec<String> {
    use rand::Rng;
    let mut taken: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let mut consider = |cand: &'a T, out: &mut Vec<String>| {
        if let Some(s) = text(cand) {
            let k = norm(&s);
            if !k.is_empty() && !right.is_right(&k) && !taken.contains(&k) {
                taken.push(k);
                out.push(s);
            }
        }
    };
    for tier in tiers {
        if out.len() == n {
            break;
        }
        if tier.len() <= 16 * n + 32 {
            let mut idx: Vec<usize> = (0..tier.len()).collect();
            idx.shuffle(rng);
            for i in idx {
                if out.len() == n {
                    break;
                }
                consider(&tier[i], &mut out);
            }
        } else {
            for _ in 0..32 * n {
                if out.len() == n {
                    break;
                }
                consider(&tier[rng.random_range(0..tier.len())], &mut out);
            }
        }
    }
    out
}

/// The right answers a distractor must not equal, compared in [`norm`]ed form.
pub(crate) trait Right {
    fn is_right(&self, normed: &str) -> bool;
}

/// A candidate that contains a right answer, or is contained in one (合作 and 合作共赢,
/// 经验分享 and 通过视频会议分享经验), is as good as right: never a distractor. Single
/// characters are too short to judge that way.
fn overlaps(right: &str, normed: &str) -> bool {
    right == normed
        || (right.chars().count() > 1
            && normed.chars().count() > 1
            && (right.contains(normed) || normed.contains(right)))
}

/// Right answers that only count when equal: numbers (5所 is a fine distractor for 15所).
pub(crate) struct Exact<'a>(pub &'a [String]);

impl Right for Exact<'_> {
    fn is_right(&self, normed: &str) -> bool {
        self.0.iter().any(|r| norm(r) == normed)
    }
}

/// A few right answers as written.
impl Right for &[String] {
    fn is_right(&self, normed: &str) -> bool {
        self.iter().any(|r| overlaps(&norm(r), normed))
    }
}

impl<const N: usize> Right for &[String; N] {
    fn is_right(&self, normed: &str) -> bool {
        self.as_slice().is_right(normed)
    }
}

impl Right for &Vec<String> {
    fn is_right(&self, normed: &str) -> bool {
        self.as_slice().is_right(normed)
    }
}

/// Many right answers (a list's items), already normalised.
impl Right for &std::collections::HashSet<String> {
    fn is_right(&self, normed: &str) -> bool {
        // The lookup settles most candidates; the overlap scan is for the near-duplicates.
        self.contains(normed) || self.iter().any(|r| overlaps(r, normed))
    }
}

/// Picks distractors from a fixed list of strings.
pub(crate) fn pick_from(
    rng: &mut StdRng,
    cands: &[String],
    right: &[String],
    n: usize,
) -> Vec<String> {
    pick_distractors(rng, &[cands], |s| Some(s.clone()), right, n)
}

/// A multiple-choice answer: the right option among the distractors, in a seeded order.
pub(crate) fn choice(rng: &mut StdRng, right: String, distractors: Vec<String>) -> Answer {
    let mut options = distractors;
    options.push(right.clone());
    options.shuffle(rng);
    let correct = options.iter().position(|o| *o == right).unwrap_or(0);
    Answer::Choice { options, correct }
}

/// Accepted answers: the main form first, then alternatives, without repeats.
pub(crate) fn accepted<'a>(main: &str, alts: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    let mut v = vec![main.to_owned()];
    for a in alts {
        if !v.contains(a) {
            v.push(a.clone());
        }
    }
    v
}
