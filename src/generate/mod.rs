//! Turns a deck's facts into questions.
//!
//! Each fact kind has its own module; this one holds what they share: the per-question
//! random source (seeded from the question id, so a question's options never change unless
//! its fact or the distractor pool does), the pool of real distractors drawn from the deck
//! and the decks it names in `related` (nothing else, so the same deck files give the same
//! questions on every machine), and the check that no distractor is also a right answer or
//! a declared near-synonym of one.

pub mod check;
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
pub use event::{CHRONOLOGY, has_chronology};
pub use pool::Pool;

/// Generates every question of `deck`, drawing distractors from `pool` (which should hold
/// `deck` itself and the decks it names in `related`: see [`Pool::for_deck`]).
pub fn generate(deck: &Deck, pool: &Pool) -> Vec<Question> {
    let mut all = Vec::new();
    let _ = generate_batches(deck, pool, |mut batch| -> Result<(), ()> {
        all.append(&mut batch);
        Ok(())
    });
    all
}

/// A batch of [`generate_batches`] ends after this many facts, or after the fact that
/// brings it to this many questions: large enough that a batch costs nothing noticeable,
/// small enough that its questions are a few hundred kilobytes (256 lists were 4,000
/// questions, and add-deck holds several batches at once).
const BATCH_FACTS: usize = 256;
const BATCH_QUESTIONS: usize = 512;

/// [`generate`], handing the questions to `take` a batch at a time, in the same order, so
/// that a large deck's questions are never all held at once (add-deck checks and stores
/// each batch, then drops it). Each question depends only on its fact and the pool, so the
/// batches are the same questions as [`generate`]'s. Stops at `take`'s first error.
///
/// Facts come kind by kind, each kind's facts in the byte order of their ids (the chronology
/// set after the events), a fact's questions together. That is the order of the questions'
/// key in the database (deck, fact, kind, variant) within each kind, so storing them adds
/// to the end of that key's tree instead of all over it: a tenth of a large import's time.
/// The order students meet new facts in is the file's, kind by kind, and is kept apart
/// (`memory.new_order`, see db::import); so is the order exports and listings give.
pub fn generate_batches<E>(
    deck: &Deck,
    pool: &Pool,
    mut take: impl FnMut(Vec<Question>) -> Result<(), E>,
) -> Result<(), E> {
    let g = Gen {
        deck,
        pool,
        en: deck.file.deck.language == "en",
    };
    // Only facts with a note or general knowledge are annotated: only they are looked up
    // (a map of every fact was 4 MiB of a large import's peak).
    let by_id: foldhash::HashMap<&str, &dyn FactCommon> = facts(&deck.file)
        .into_iter()
        .filter(|f| f.general().is_some() || f.note().is_some())
        .map(|f| (f.id().get_ref().as_str(), f))
        .collect();
    let mut out = Vec::new();
    let mut done = |out: &mut Vec<Question>| {
        if out.is_empty() {
            return Ok(());
        }
        annotate(&g, &by_id, out);
        // The next batch is about as large: growing it from nothing cost more than this.
        let next = Vec::with_capacity(out.len());
        take(std::mem::replace(out, next))
    };
    let file = &deck.file;
    macro_rules! each {
        ($field:ident, $f:path) => {
            let mut facts = 0;
            for x in
                crate::deck::sorted_by_id(file.$field.iter().collect(), |x| x.id.get_ref().as_str())
            {
                $f(&g, x, &mut out);
                facts += 1;
                if facts == BATCH_FACTS || out.len() >= BATCH_QUESTIONS {
                    facts = 0;
                    done(&mut out)?;
                }
            }
            done(&mut out)?;
        };
    }
    each!(lists, list::questions);
    // Events are generated together (chronology questions span them).
    event::questions(&g, &mut out);
    done(&mut out)?;
    each!(numbers, other::number);
    each!(terms, other::term);
    each!(documents, other::document);
    each!(people, other::person);
    each!(qas, other::qa);
    each!(clozes, cloze::questions);
    Ok(())
}

/// Every fact of a deck, as the fields all kinds share.
pub(crate) fn facts(file: &crate::deck::DeckFile) -> Vec<&dyn FactCommon> {
    let mut v: Vec<&dyn FactCommon> = Vec::new();
    v.extend(file.lists.iter().map(|f| f as &dyn FactCommon));
    v.extend(file.events.iter().map(|f| f as &dyn FactCommon));
    v.extend(file.numbers.iter().map(|f| f as &dyn FactCommon));
    v.extend(file.terms.iter().map(|f| f as &dyn FactCommon));
    v.extend(file.documents.iter().map(|f| f as &dyn FactCommon));
    v.extend(file.people.iter().map(|f| f as &dyn FactCommon));
    v.extend(file.qas.iter().map(|f| f as &dyn FactCommon));
    v.extend(file.clozes.iter().map(|f| f as &dyn FactCommon));
    v
}

/// A fact's `note` is shown with the answer; what it takes from general knowledge is said
/// both in the question (so the student knows it is not the text's) and with the answer.
fn annotate(g: &Gen, by_id: &foldhash::HashMap<&str, &dyn FactCommon>, out: &mut [Question]) {
    for q in out {
        let Some(f) = by_id.get(q.fact.as_str()) else {
            continue;
        };
        if let Some(gk) = f.general() {
            q.prompt.push_str(&g.t(
                "(含常识,非本文内容)".into(),
                " (includes general knowledge, not from the text)".into(),
            ));
            q.explanation.push_str(&g.t_with(
                || format!("〔常识,非本文内容:{gk}〕"),
                || format!(" [general knowledge, not in the text: {gk}]"),
            ));
        }
        if let Some(n) = f.note() {
            q.explanation
                .push_str(&g.t_with(|| format!("〔注:{n}〕"), || format!(" [note: {n}]")));
        }
    }
}

/// A name without its trailing parenthesis (the date and place it often carries).
pub(crate) fn strip_parenthesis(name: &str) -> String {
    let cut = name
        .rfind(['(', '('])
        .filter(|&i| i > 0 && name.ends_with([')', ')']));
    cut.map_or(name.to_owned(), |i| name[..i].trim_end().to_owned())
}

/// `s` in “ ”, with the quotes inside it turned to ‘ ’ so quotes never nest.
pub(crate) fn quote(s: &str) -> String {
    format!("“{}”", inner_quotes(s))
}

/// Double quotes turned to single ones, for a phrase that will stand inside “ ”.
pub(crate) fn inner_quotes(s: &str) -> String {
    s.replace('“', "‘").replace('”', "’")
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

    /// [`Gen::t`] for wordings still to be made: only the deck's language is.
    pub fn t_with(&self, zh: impl FnOnce() -> String, en: impl FnOnce() -> String) -> String {
        if self.en { en() } else { zh() }
    }

    /// [`pick_distractors`] with this deck's near-synonym sets.
    pub fn pick<'b, T>(
        &self,
        rng: &mut StdRng,
        tiers: &[&'b [T]],
        text: impl Fn(&'b T) -> Option<String>,
        right: impl Right,
        n: usize,
    ) -> Vec<String> {
        pick_distractors(rng, tiers, text, right, &self.pool.near, n)
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
        strip_parenthesis(&self.context_name(fact))
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
        prompt: impl AsRef<str>,
        answer: Answer,
        explanation: String,
    ) -> Question {
        self.question_in(
            fact.id().get_ref(),
            self.context_name(fact),
            self.source_ref(fact),
            kind,
            variant,
            prompt,
            answer,
            explanation,
        )
    }

    /// [`Gen::question`] under another label than the fact's meeting.
    #[allow(clippy::too_many_arguments)]
    pub fn question_in(
        &self,
        fact_id: &str,
        context: impl Into<String>,
        source: SourceRef,
        kind: Kind,
        variant: &str,
        prompt: impl AsRef<str>,
        answer: Answer,
        explanation: String,
    ) -> Question {
        let context = context.into();
        let prompt = prompt.as_ref();
        let deck = self.deck.id();
        let prompt = if self.en {
            concat(&["[", &context, "] ", prompt])
        } else {
            concat(&["【", &context, "】", prompt])
        };
        Question {
            uid: crate::question::uid(deck, fact_id, kind.as_str(), variant),
            deck: deck.to_owned(),
            fact: fact_id.to_owned(),
            kind,
            variant: variant.to_owned(),
            sibling: crate::question::sibling(deck, fact_id),
            context,
            prompt,
            answer,
            explanation,
            source,
        }
    }
}

/// `parts` joined, in one allocation: `format!` cost a sixth of generating a large deck.
pub(crate) fn concat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// The random source of one question: the same for the same id, in every build.
pub(crate) fn rng_for(deck: &str, fact: &str, kind: Kind, variant: &str) -> StdRng {
    StdRng::seed_from_u64(crate::hash::fnv(&concat(&[
        deck,
        "/",
        fact,
        "/",
        kind.as_str(),
        "/",
        variant,
    ])))
}

/// The form two answers are compared in when deciding whether a distractor is also right:
/// NFKC, lower case, no spaces or punctuation.
pub fn norm(s: &str) -> String {
    // Hot in generating and checking 100,000 questions, whose text is mostly ideographs,
    // ASCII, CJK punctuation and full-width forms: a string of only those is normalised a
    // character at a time without a table lookup (see `quick`), the rest go the general way.
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // The characters that stay as they are are copied a run at a time; the commonest of
    // them (ASCII lower case and digits, the common ideographs) are told by a byte or two.
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_lowercase() || b.is_ascii_digit() {
            i += 1;
            continue;
        }
        // U+4E00..=U+9FFF are E4 B8 80 ..= E9 BF BF in UTF-8.
        if (0xE5..=0xE9).contains(&b) || (b == 0xE4 && bytes[i + 1] >= 0xB8) {
            i += 3;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        match quick(c) {
            Some(Some(k)) if k == c => {}
            Some(k) => {
                out.push_str(&s[run..i]);
                out.extend(k);
                run = i + c.len_utf8();
            }
            None => return norm_general(s, out),
        }
        i += c.len_utf8();
    }
    out.push_str(&s[run..]);
    out
}

/// What [`norm`] makes of `c` alone, for the characters it knows without a table: `None`
/// for the others. Each of these is a starter whose NFKC form is at most one character
/// that never combines with what follows or precedes it, so a string of them is normalised
/// a character at a time (`norm_tests` checks each one against the general path).
#[inline(always)]
fn quick(c: char) -> Option<Option<char>> {
    let ascii = |a: char| a.is_ascii_alphanumeric().then(|| a.to_ascii_lowercase());
    match c {
        '\0'..='\x7f' => Some(ascii(c)),
        // Common CJK ideographs: each its own lower case, alphanumeric, and NFKC.
        '\u{4E00}'..='\u{9FFF}' => Some(Some(c)),
        // Full-width ASCII (（Ａ１): NFKC makes each the ASCII character 0xFEE0 below it.
        '\u{FF01}'..='\u{FF5E}' => Some(ascii(char::from((u32::from(c) - 0xFEE0) as u8))),
        // CJK punctuation, brackets, dashes and curly quotes: NFKC leaves them, and
        // punctuation is dropped.
        '\u{3001}' | '\u{3002}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301B}' => Some(None),
        '\u{2014}' | '\u{2018}'..='\u{201D}' => Some(None),
        _ => None,
    }
}

/// [`norm`] of a string with a character [`quick`] does not know; `out` is reused.
fn norm_general(s: &str, mut out: String) -> String {
    fn push(c: char, out: &mut String) {
        match quick(c) {
            Some(Some(k)) => out.push(k),
            Some(None) => {}
            None => {
                for l in c.to_lowercase() {
                    if l.is_alphanumeric() {
                        out.push(l);
                    }
                }
            }
        }
    }
    out.clear();
    // The characters `quick` knows are starters that NFKC maps alone (to one starter that
    // composes with nothing), so the quick check need only see the other characters:
    // removing starters can turn a "yes" into a "maybe" (the slow path, same result) but
    // never a "no" into a "yes". The full check was a tenth of a large import.
    let rest = s.chars().filter(|&c| quick(c).is_none());
    if unicode_normalization::is_nfkc_quick(rest) == unicode_normalization::IsNormalized::Yes {
        s.chars().for_each(|c| push(c, &mut out));
    } else {
        s.nfkc().for_each(|c| push(c, &mut out));
    }
    out
}

/// Picks up to `n` distractors from `tiers` (best first): `text` gives a candidate's text,
/// or `None` to skip it. Never a right answer (after [`norm`]), never a repeat. Large tiers
/// are sampled, not scanned, so one question costs the same whatever the pool's size.
pub(crate) fn pick_distractors<'a, T>(
    rng: &mut StdRng,
    tiers: &[&'a [T]],
    text: impl Fn(&'a T) -> Option<String>,
    right: impl Right,
    near: &pool::Near,
    n: usize,
) -> Vec<String> {
    use rand::Rng;
    let mut taken: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let mut consider = |cand: &'a T, out: &mut Vec<String>| {
        if let Some(s) = text(cand) {
            let k = norm(&s);
            let near_right = near.sets_of(&k).is_some_and(|sets| {
                right.any(&|r| {
                    near.sets_of(r)
                        .is_some_and(|rs| rs.iter().any(|x| sets.contains(x)))
                })
            });
            if !k.is_empty() && !right.is_right(&k) && !near_right && !taken.contains(&k) {
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
    /// Whether `f` holds for one of the right answers (in [`norm`]ed form).
    fn any(&self, f: &dyn Fn(&str) -> bool) -> bool;
}

/// A candidate that contains a right answer, or is contained in one (合作 and 合作共赢,
/// 经验分享 and 通过视频会议分享经验), is as good as right: never a distractor. Single
/// characters are too short to judge that way.
pub(crate) fn overlaps(right: &str, normed: &str) -> bool {
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
    fn any(&self, f: &dyn Fn(&str) -> bool) -> bool {
        self.0.iter().any(|r| f(&norm(r)))
    }
}

/// A few right answers as written.
impl Right for &[String] {
    fn is_right(&self, normed: &str) -> bool {
        self.iter().any(|r| overlaps(&norm(r), normed))
    }
    fn any(&self, f: &dyn Fn(&str) -> bool) -> bool {
        self.iter().any(|r| f(&norm(r)))
    }
}

impl<const N: usize> Right for &[String; N] {
    fn is_right(&self, normed: &str) -> bool {
        self.as_slice().is_right(normed)
    }
    fn any(&self, f: &dyn Fn(&str) -> bool) -> bool {
        self.as_slice().any(f)
    }
}

impl Right for &Vec<String> {
    fn is_right(&self, normed: &str) -> bool {
        self.as_slice().is_right(normed)
    }
    fn any(&self, f: &dyn Fn(&str) -> bool) -> bool {
        self.as_slice().any(f)
    }
}

/// Many right answers (a list's items), already normalised.
impl Right for &foldhash::HashSet<String> {
    fn is_right(&self, normed: &str) -> bool {
        // The lookup settles most candidates; the overlap scan is for the near-duplicates.
        self.contains(normed) || self.iter().any(|r| overlaps(r, normed))
    }
    fn any(&self, f: &dyn Fn(&str) -> bool) -> bool {
        self.iter().any(|r| f(r))
    }
}

/// Picks distractors from a fixed list of strings.
pub(crate) fn pick_from(
    rng: &mut StdRng,
    cands: &[String],
    right: &[String],
    n: usize,
) -> Vec<String> {
    pick_distractors(
        rng,
        &[cands],
        |s| Some(s.clone()),
        right,
        &pool::Near::default(),
        n,
    )
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

#[cfg(test)]
mod norm_tests {
    use super::*;

    #[test]
    fn norm_takes_its_fast_paths_without_changing_a_result() {
        for s in [
            "第一个问题是什么?",
            "Ｆｕｌｌ-Width ＡＢＣ１２３",
            "İstanbul ΣΑΣ Ǆ ﬁ ½ ①",
            "上海合作组织(SCO)“一带一路”",
            "Café — naïve 〇〇七 𠀀 㐀",
            // Marks that compose with, or must be reordered after, a plain character.
            "Cafe\u{301} a\u{301}\u{316} 中\u{301} \u{1100}\u{1161}",
            "【合成会议(2026年1月)】第1个问题是什么?",
            "",
        ] {
            assert_eq!(norm(s), slow(s), "{s}");
        }
    }

    fn slow(s: &str) -> String {
        s.nfkc()
            .flat_map(char::to_lowercase)
            .filter(|c| c.is_alphanumeric())
            .collect()
    }

    #[test]
    fn every_character_norm_knows_alone_is_normalised_as_nfkc_would() {
        // Marks that compose with a preceding starter, reorder, or join Hangul jamo.
        let marks = [
            '\u{301}', '\u{316}', '\u{3099}', '\u{1161}', '\u{11A8}', '\u{338}',
        ];
        let mut known = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if quick(c).is_none() {
                continue;
            }
            known += 1;
            let alone = c.to_string();
            assert_eq!(norm(&alone), slow(&alone), "U+{:04X}", u32::from(c));
            for m in marks {
                for s in [format!("{c}{m}"), format!("{m}{c}"), format!("a{c}{m}中")] {
                    assert_eq!(norm(&s), slow(&s), "{s:?}");
                }
            }
        }
        assert!(known > 20_000, "{known}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
        #[test]
        fn norm_is_nfkc_lower_case_alphanumerics(
            s in "[a-zA-Z0-9 .,\u{4E00}-\u{4E20}\u{FF01}-\u{FF5E}\u{3000}-\u{301F}\u{2010}-\u{2030}\u{300}-\u{320}\u{1100}-\u{1112}\u{1161}-\u{1175}\u{11A8}-\u{11AB}\u{AC00}-\u{AC10}\u{F900}-\u{F910}\u{3040}-\u{30FF}\u{00C0}-\u{00FF}\u{2460}-\u{2470}]{0,12}"
        ) {
            proptest::prop_assert_eq!(norm(&s), slow(&s));
        }
    }
}
