//! The answer grader: lenient where students slip, strict where facts differ.
//!
//! One pipeline for every typed answer (PRODUCT.md "Grading typed answers", text.md §1). Both
//! the accepted answer and the given one go through the same stages, and the first stage after
//! which they agree decides, and is reported:
//!
//! NFKC → case → full/half width → punctuation and spaces → English articles → traditional →
//! simplified → numerals → dates → aliases (and British/American spelling).
//!
//! If they never agree: pinyin typed for the characters (any reading of each character), then
//! three strictness checks (an opposite word, a confusable name, a different number or date),
//! then a length-aware edit distance in which a homophone slip costs a quarter of a different
//! character. [`Verdict::Almost`] means accepted, with the difference shown.

mod builtin;
mod dates;
mod distance;
mod lexicon;
pub mod list;
mod normalize;
mod numerals;
mod order;
pub(crate) mod pinyin;

use std::fmt;

pub use lexicon::Lexicon;
use normalize::{Forms, Tok, has_han, is_han, join};

/// How an answer was judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The answer is right (possibly after normalisation or through an alias).
    Correct,
    /// Accepted, but not quite the answer: a slip, a typo, or pinyin for characters. The
    /// difference is shown.
    Almost,
    /// Not accepted.
    Wrong,
}

/// The pipeline step that decided the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Identical as typed.
    Exact,
    /// Equal after Unicode compatibility normalisation (`①` = `1`).
    Nfkc,
    /// Equal ignoring letter case.
    Case,
    /// Equal ignoring full-width and half-width forms (`ＳＣＯ` = `SCO`).
    Width,
    /// Equal ignoring punctuation and spaces (`“上海精神”` = `上海 精神`).
    Punctuation,
    /// Equal ignoring English articles (`the Shanghai Spirit`).
    Articles,
    /// Equal after traditional → simplified characters (`上海合作組織`).
    TraditionalToSimplified,
    /// Equal once numerals are digits (`四百五十个` = `450个`, `five` = `5`); or, when wrong,
    /// the numbers differ.
    Numerals,
    /// Equal as dates (`2021-05-12` = `2021年5月12日`), read against the question: the year
    /// it states or implies may be left out, and a more precise date that agrees is right
    /// (`2021年7月1日` for `2021年7月`); or, when wrong, the dates differ.
    Date,
    /// A position given as an ordinal (`第一项`, `第一方面`, `first`, `1st` for `1`).
    Ordinal,
    /// Equal through an alias or a spelling variant (`上合组织` = `SCO`, `organisation`).
    Alias,
    /// A name with its title for a who-question (`王毅外长`, `Foreign Minister Wang Yi`).
    Title,
    /// The same parts in another order: coordinated parts (`负责任、有序` for `有序、负责任`)
    /// are correct; a reordered compound name (`哈萨克斯坦和中国` for `中哈`) is almost.
    Order,
    /// Pinyin typed for the characters, with any reading of each character and tones ignored.
    /// Accepted as almost: the characters are shown, because writing them is part of knowing
    /// the term (text.md §1.6 leaves this to the instructor; a deck setting could make it
    /// correct).
    Pinyin,
    /// Close enough by edit distance (a homophone slip, a small typo); or, when wrong, close
    /// but beyond what the answer's length allows.
    EditDistance,
    /// The answer says the opposite (`单边主义` for `多边主义`).
    Opposite,
    /// The answer names a different thing with a similar name (`平安丝路` for `健康丝路`).
    Confusable,
    /// Another meeting's or another list's wording for the same thing: wrong here, and the
    /// difference says whose wording it is.
    Interference,
    /// Nothing close.
    NoMatch,
}

/// The result of grading one answer.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Graded {
    pub verdict: Verdict,
    /// The step that decided.
    pub step: Step,
    /// The accepted answer it matched or was closest to, as written in the deck.
    pub expected: String,
    /// The difference shown to the student, accepted answer first: `坊 ≠ 房`, `missing 神`,
    /// `450 ≠ 540`, `chang an = 长安` for pinyin.
    pub diff: Option<String>,
}

impl Verdict {
    /// The stable code stored in the review log.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Correct => "correct",
            Verdict::Almost => "almost",
            Verdict::Wrong => "wrong",
        }
    }
}

impl Step {
    /// The stable code stored in the review log (`edit_distance`), as opposed to the words
    /// shown to the student.
    pub fn code(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Correct => "correct",
            Verdict::Almost => "almost",
            Verdict::Wrong => "wrong",
        })
    }
}

impl fmt::Display for Step {
    /// The step as the student reads it, in the interface language (JSON and the database
    /// keep the snake_case name).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            Step::Exact => crate::t!("step.exact"),
            Step::Nfkc => crate::t!("step.nfkc"),
            Step::Case => crate::t!("step.case"),
            Step::Width => crate::t!("step.width"),
            Step::Punctuation => crate::t!("step.punctuation"),
            Step::Articles => crate::t!("step.articles"),
            Step::TraditionalToSimplified => crate::t!("step.traditional_to_simplified"),
            Step::Numerals => crate::t!("step.numerals"),
            Step::Date => crate::t!("step.date"),
            Step::Ordinal => crate::t!("step.ordinal"),
            Step::Alias => crate::t!("step.alias"),
            Step::Title => crate::t!("step.title"),
            Step::Order => crate::t!("step.order"),
            Step::Pinyin => crate::t!("step.pinyin"),
            Step::EditDistance => crate::t!("step.edit_distance"),
            Step::Opposite => crate::t!("step.opposite"),
            Step::Confusable => crate::t!("step.confusable"),
            Step::Interference => crate::t!("step.interference"),
            Step::NoMatch => crate::t!("step.no_match"),
        })
    }
}

/// Wording that is wrong for a question although it answers a question like it: another
/// meeting's (or another list's) item for the same thing, with whose wording it is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Wording {
    /// The wording as the other list has it.
    pub text: String,
    /// Whose it is, as shown to the student: a meeting (`上合组织成员国外长理事会会议`) or a
    /// list's heading.
    pub whose: String,
    /// True of the asked list too (an item of the same kind from the same meeting): on an open
    /// list (one ending in 等) naming it is no error.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub also_true: bool,
}

/// What the question asks, beyond its accepted answers: it changes how an answer is read.
/// [`Ask::default`] knows nothing of the question (as `quiz grade EXPECTED GIVEN`).
#[derive(Debug, Clone, Default)]
pub struct Ask {
    /// A who-question: a name with its title (`王毅外长`) or in another title order answers it.
    pub who: bool,
    /// Title forms that may stand with the name (the person's title and its accepted forms),
    /// besides the built-in ones (国务委员, 外长, Foreign Minister…).
    pub titles: Vec<String>,
    /// A how-many question: an ordinal (`第四`) is then no answer to it. Otherwise an ordinal
    /// answers a number (a position in a list).
    pub counts: bool,
    /// The word for one item of the list asked about (`方面`, `点意义`): `第一方面` reads as 1.
    pub noun: Option<String>,
    /// The year the question states or implies: a date given without a year is read in it.
    pub year: Option<i32>,
    /// Other meetings' or lists' wordings for the same thing, never this question's own:
    /// an answer that is one of them is wrong, and says whose it is.
    pub others: Vec<Wording>,
}

/// The normalised form of an answer (every stage up to and including aliases): two answers
/// with the same normalised form are the same answer. For indexing wordings.
pub fn normalised(s: &str, lexicon: &Lexicon) -> String {
    join(&lexicon.apply(normalize::key_tokens(s)))
}

/// Grades `given` against the accepted answers (`accepted[0]` is the canonical answer, the rest
/// alternatives) and returns the best verdict over all of them. Never panics, whatever the
/// input; with no accepted answers the verdict is wrong. The same as [`grade_for`] with a
/// question it knows nothing about.
pub fn grade(accepted: &[&str], given: &str, lexicon: &Lexicon) -> Graded {
    grade_for(accepted, given, &Ask::default(), lexicon)
}

/// Grades `given` for a question described by `ask`: see [`Ask`]. A Chinese answer is
/// judged against the Chinese forms and an English one against the English forms when the
/// question has both, so that the reason shown for a wrong answer is never a comparison across
/// languages; an alias may still make an answer right across them (`SCO` = `上海合作组织`).
pub fn grade_for(accepted: &[&str], given: &str, ask: &Ask, lexicon: &Lexicon) -> Graded {
    let g = Forms::new(given, lexicon);
    let forms: Vec<Forms> = accepted.iter().map(|a| Forms::new(a, lexicon)).collect();
    let mut outcomes: Vec<Outcome> = Vec::with_capacity(forms.len());
    for e in &forms {
        let out = compare(e, &g, ask, lexicon);
        let exact = out.verdict == Verdict::Correct && out.step == Step::Exact;
        outcomes.push(out);
        if exact {
            break;
        }
    }
    if ask.who
        && !outcomes.iter().any(|o| o.verdict == Verdict::Correct)
        && let Some(i) = with_title(&forms, &g, ask, lexicon)
    {
        outcomes[i] = Outcome::new(Verdict::Correct, Step::Title, None, 0);
    }
    // The best over all forms if it is accepted; for a wrong answer, the best over the forms
    // in the answer's language (when there are any), so the reason shown makes sense.
    let rank_of = |i: usize| outcomes[i].rank();
    let best_any = (0..outcomes.len()).min_by_key(|&i| rank_of(i));
    let given_zh = has_han(&g.width);
    let same_lang: Vec<usize> = (0..outcomes.len())
        .filter(|&i| has_han(&forms[i].width) == given_zh)
        .collect();
    let best = match best_any {
        Some(i) if outcomes[i].verdict != Verdict::Wrong || same_lang.is_empty() => Some(i),
        Some(_) => same_lang.iter().copied().min_by_key(|&i| rank_of(i)),
        None => None,
    };
    let mut graded = match best {
        Some(i) => {
            let out = outcomes.swap_remove(i);
            Graded {
                verdict: out.verdict,
                step: out.step,
                expected: accepted[i].to_owned(),
                diff: out.diff,
            }
        }
        None => Graded {
            verdict: Verdict::Wrong,
            step: Step::NoMatch,
            expected: String::new(),
            diff: None,
        },
    };
    if !ask.others.is_empty()
        && let Some(diff) = interference(&graded, &g, &forms, ask, lexicon)
    {
        graded.verdict = Verdict::Wrong;
        graded.step = Step::Interference;
        graded.diff = Some(diff);
    }
    graded
}

/// Whether the answer is another meeting's (or list's) wording: right for it, or closer to it
/// than to this question's answer. Returns the difference to show.
fn interference(
    own: &Graded,
    g: &Forms,
    forms: &[Forms],
    ask: &Ask,
    lex: &Lexicon,
) -> Option<String> {
    // The canonical answer itself is never another's wording.
    if let Some(first) = forms.first()
        && !first.alias.is_empty()
        && first.alias == g.alias
    {
        return None;
    }
    // Another's wording after normalisation, or (for an answer not accepted here) within the
    // edit distance of one: only the normalised form of each wording is needed, not every
    // stage, so a question with many sibling wordings stays cheap.
    let chinese = has_han(&g.alias);
    let mut close: Option<(u32, &Wording)> = None;
    for w in &ask.others {
        let toks = lex.apply(normalize::key_tokens(&w.text));
        let alias = join(&toks);
        if alias.is_empty() {
            continue;
        }
        if alias == g.alias {
            return Some(crate::t!("grade.wording_of", whose = w.whose));
        }
        if own.verdict == Verdict::Wrong {
            let out = by_distance(&alias, &g.alias, &toks, &g.alias_toks, chinese);
            if out.verdict == Verdict::Almost && close.is_none_or(|(c, _)| out.cost < c) {
                close = Some((out.cost, w));
            }
        }
    }
    close.map(|(_, w)| crate::t!("grade.close_to_wording", whose = w.whose, text = w.text))
}

/// For a who-question: the index of the accepted form that the answer names with only title
/// words around it (`王毅外长`, `国务委员兼外交部长王毅`, `Foreign Minister Wang Yi`).
fn with_title(forms: &[Forms], g: &Forms, ask: &Ask, lex: &Lexicon) -> Option<usize> {
    // Title words: the built-in ones, the question's own, and what the accepted forms put
    // around a shorter accepted form (`中国国务委员兼外交部长` around `王毅`).
    let mut titles: Vec<String> = lex.titles.clone();
    for t in &ask.titles {
        let k = join(&lex.apply(normalize::key_tokens(t)));
        if !k.is_empty() {
            titles.push(k);
        }
    }
    for a in forms {
        for b in forms {
            if a.alias.len() > b.alias.len()
                && !b.alias.is_empty()
                && let Some(at) = a.alias.find(b.alias.as_str())
            {
                for piece in [&a.alias[..at], &a.alias[at + b.alias.len()..]] {
                    if !piece.is_empty() {
                        titles.push(piece.to_owned());
                    }
                }
            }
        }
    }
    forms.iter().position(|e| {
        if e.alias.is_empty() {
            return false;
        }
        let Some(at) = g.alias.find(e.alias.as_str()) else {
            return false;
        };
        let (before, after) = (&g.alias[..at], &g.alias[at + e.alias.len()..]);
        (!before.is_empty() || !after.is_empty())
            && made_of(before, &titles)
            && made_of(after, &titles)
    })
}

/// Whether `s` is a sequence of the given words (each used any number of times).
fn made_of(s: &str, words: &[String]) -> bool {
    if s.len() > 400 {
        return false;
    }
    let mut ok = vec![false; s.len() + 1];
    ok[0] = true;
    for i in 0..s.len() {
        if !ok[i] || !s.is_char_boundary(i) {
            continue;
        }
        for w in words {
            if !w.is_empty() && s[i..].starts_with(w.as_str()) {
                ok[i + w.len()] = true;
            }
        }
    }
    ok[s.len()]
}

/// An answer that is one number with words around it: `逾1000个` is `逾`, `1000`, `个`.
struct NumberAnswer<'a> {
    before: &'a str,
    number: &'a str,
    after: &'a str,
}

fn split_number(s: &str) -> Option<NumberAnswer<'_>> {
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let len = s[start..]
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len() - start);
    let (before, number, after) = (&s[..start], &s[start..start + len], &s[start + len..]);
    // One number only, and not a date or a code (`5g`, `2021年5月12日`).
    let one = !before.chars().any(|c| c.is_alphanumeric() && !is_han(c))
        && !after.chars().any(|c| c.is_ascii_alphanumeric())
        && !number.ends_with('.');
    one.then_some(NumberAnswer {
        before,
        number,
        after,
    })
}

/// The outcome against one accepted answer.
struct Outcome {
    verdict: Verdict,
    step: Step,
    diff: Option<String>,
    cost: u32,
}

impl Outcome {
    fn new(verdict: Verdict, step: Step, diff: Option<String>, cost: u32) -> Outcome {
        Outcome {
            verdict,
            step,
            diff,
            cost,
        }
    }

    /// Lower is better: correct before almost before wrong; an earlier step, a smaller
    /// distance, and for wrong answers the more telling reason first.
    fn rank(&self) -> (u8, u8, u32) {
        match self.verdict {
            Verdict::Correct => (0, self.step as u8, 0),
            Verdict::Almost => (1, 0, self.cost),
            Verdict::Wrong => {
                let why = match self.step {
                    Step::Interference | Step::Opposite | Step::Confusable => 0,
                    Step::Numerals | Step::Date | Step::Ordinal => 1,
                    Step::EditDistance => 2,
                    _ => 3,
                };
                (2, why, self.cost)
            }
        }
    }
}

/// Longest normalised answer we align character by character; longer ones only match exactly.
const MAX_ALIGN: usize = 400;

fn compare(e: &Forms, g: &Forms, ask: &Ask, lex: &Lexicon) -> Outcome {
    use Verdict::{Almost, Correct, Wrong};
    if e.raw == g.raw {
        return Outcome::new(Correct, Step::Exact, None, 0);
    }
    let levels: [(Step, &str, &str); 9] = [
        (Step::Nfkc, &e.nfkc, &g.nfkc),
        (Step::Case, &e.case, &g.case),
        (Step::Width, &e.width, &g.width),
        (Step::Punctuation, &e.punctuation, &g.punctuation),
        (Step::Articles, &e.articles, &g.articles),
        (Step::TraditionalToSimplified, &e.simplified, &g.simplified),
        (Step::Numerals, &e.numerals, &g.numerals),
        (Step::Date, &e.date, &g.date),
        (Step::Alias, &e.alias, &g.alias),
    ];
    for (step, x, y) in levels {
        // An accepted answer that normalises to nothing (only punctuation, only `the`) can
        // only be matched by the earlier, stricter levels.
        if !x.is_empty() && x == y {
            return Outcome::new(Correct, step, None, 0);
        }
    }
    // A name typed half in digits (`14五` for `十四五`, `中亚5国`): the same numbers in the
    // same places.
    if !e.alias.is_empty()
        && (0..2).any(|i| e.loose[i] == g.loose[i] && e.loose[i] != e.alias && e.loose[i] != e.date)
    {
        return Outcome::new(Correct, Step::Numerals, None, 0);
    }
    // A whole date, read against the question: the year it states may be left out, a date
    // without a year in the deck (the text said 5月12日) is matched by the same day with a
    // year, and a more precise date that agrees is right.
    if let (Some(de), Some(dg)) = (dates::whole(&e.alias), dates::whole(&g.alias))
        && dates_agree(de, dg, ask.year)
    {
        return Outcome::new(Correct, Step::Date, None, 0);
    }
    // A number with or without its unit or measure word (450 for 450个, 四点 for 4点意义): the
    // number decides. Numbers that differ are left to the steps below, which call them wrong.
    if let (Some(en), Some(gn)) = (split_number(&e.numerals), split_number(&g.numerals))
        && en.number == gn.number
        && (gn.before.is_empty() || gn.before == en.before)
        && (gn.after.is_empty()
            || en.after.starts_with(gn.after)
            || en.after.ends_with(gn.after)
            || gn.after.starts_with(en.after))
    {
        return Outcome::new(Correct, Step::Numerals, None, 0);
    }
    // A position as an ordinal: 第一, 第一项, 第一方面, first, 1st for 1.
    if !e.numerals.is_empty()
        && e.numerals.bytes().all(|b| b.is_ascii_digit())
        && let Some(n) = ordinal(&g.simplified, ask.noun.as_deref(), lex)
    {
        let want = e.numerals.trim_start_matches('0');
        return if ask.counts {
            let diff = format!("{want} ≠ {} (a position, not a count)", g.raw.trim());
            Outcome::new(Wrong, Step::Ordinal, Some(diff), 0)
        } else if want == n.to_string() {
            Outcome::new(Correct, Step::Ordinal, None, 0)
        } else {
            Outcome::new(Wrong, Step::Ordinal, Some(format!("{want} ≠ {n}")), 0)
        };
    }
    if has_han(&e.simplified)
        && !has_han(&g.width)
        && let Some(typed) = pinyin::typed(&g.width)
        && let Some(rs) = pinyin::matches(&typed, &e.simplified_toks)
    {
        let diff = format!("{} = {}", rs.join(" "), e.simplified);
        return Outcome::new(Almost, Step::Pinyin, Some(diff), 0);
    }
    if e.alias.is_empty() || g.alias.is_empty() {
        return Outcome::new(Wrong, Step::NoMatch, None, u32::MAX);
    }
    let chinese = has_han(&e.date);
    if let Some(diff) = opposite(e, g, lex, chinese) {
        return Outcome::new(Wrong, Step::Opposite, Some(diff), 0);
    }
    if let Some(diff) = confusable(e, g, lex, chinese) {
        return Outcome::new(Wrong, Step::Confusable, Some(diff), 0);
    }
    if let Some((step, diff)) = numbers_differ(e, g) {
        return Outcome::new(Wrong, step, Some(diff), 0);
    }
    match order::reordered(&e.width, &g.width, &e.alias, &g.alias, lex) {
        // Coordinated parts are free in order only in the answer's own language: `哈萨克斯坦和
        // 中国` is a reordered `中哈`, whatever `China and Kazakhstan` allows.
        Some(order::Reorder::Coordination) if has_han(&e.width) == has_han(&g.width) => {
            return Outcome::new(Correct, Step::Order, None, 0);
        }
        Some(_) => {
            let diff = format!("word order: {}", e.raw.trim());
            return Outcome::new(Almost, Step::Order, Some(diff), 1);
        }
        None => {}
    }
    // A meeting named without its head noun (上合组织外长理事会 for …理事会会议).
    for head in GENERIC_HEADS {
        if let Some(stem) = e.alias.strip_suffix(head)
            && stem.chars().count() >= 4
            && stem == g.alias
        {
            return Outcome::new(
                Almost,
                Step::EditDistance,
                Some(format!("missing {head}")),
                4,
            );
        }
    }
    // The edit distance on the aliased forms, and again before aliases: an alias rewrites a
    // correctly spelled English name to its Chinese canonical form, so a typo in it would
    // otherwise look far from the answer.
    let aliased = by_distance(&e.alias, &g.alias, &e.alias_toks, &g.alias_toks, chinese);
    if aliased.verdict == Almost || e.date == e.alias && g.date == g.alias {
        return aliased;
    }
    let plain = by_distance(&e.date, &g.date, &e.date_toks, &g.date_toks, chinese);
    // For an English answer, show the difference in the words the student used rather than in
    // the Chinese canonical forms, unless the aliased comparison is the more telling one.
    let prefer_plain = !chinese && plain.rank().0 == aliased.rank().0;
    if prefer_plain || plain.rank() < aliased.rank() {
        plain
    } else {
        aliased
    }
}

fn by_distance(e: &str, g: &str, et: &[Tok], gt: &[Tok], chinese: bool) -> Outcome {
    use Verdict::{Almost, Wrong};
    let ec: Vec<char> = e.chars().collect();
    let gc: Vec<char> = g.chars().collect();
    if ec.is_empty() || ec.len() > MAX_ALIGN || gc.len() > MAX_ALIGN {
        return Outcome::new(Wrong, Step::NoMatch, None, u32::MAX);
    }
    let budget = budget(ec.len(), chinese);
    let near = budget.max(distance::EDIT * (ec.len() as u32 / 2).max(2));
    let len_gap = distance::EDIT * ec.len().abs_diff(gc.len()) as u32;
    if len_gap > near {
        return Outcome::new(Wrong, Step::NoMatch, None, len_gap);
    }
    let Some(al) = distance::align(&ec, &gc) else {
        return Outcome::new(Wrong, Step::NoMatch, None, u32::MAX);
    };
    let diff = Some(render_diff(&al, &ec, &gc, et, gt));
    if al.cost <= budget && (chinese || words_within_tier(et, gt)) {
        Outcome::new(Almost, Step::EditDistance, diff, al.cost)
    } else if al.cost <= near {
        Outcome::new(Wrong, Step::EditDistance, diff, al.cost)
    } else {
        Outcome::new(Wrong, Step::NoMatch, None, al.cost)
    }
}

/// Allowed distance in quarter edits for an accepted answer of `len` characters.
fn budget(len: usize, chinese: bool) -> u32 {
    if chinese {
        distance::chinese_budget(len)
    } else {
        distance::EDIT * distance::english_tier(len)
    }
}

/// Whether `candidate` is the accepted answer or within its distance budget.
fn close(expected: &str, candidate: &str, chinese: bool) -> bool {
    if expected == candidate {
        return true;
    }
    let ec: Vec<char> = expected.chars().collect();
    let gc: Vec<char> = candidate.chars().collect();
    if ec.len() > MAX_ALIGN || gc.len() > MAX_ALIGN {
        return false;
    }
    distance::align(&ec, &gc).is_some_and(|al| al.cost <= budget(ec.len(), chinese))
}

/// Groups tokens into words: each English word on its own, each run of Han characters as one.
fn words(toks: &[Tok]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut han_run = false;
    for t in toks {
        match t {
            Tok::Han(c) => {
                match out.last_mut() {
                    Some(last) if han_run => last.push(*c),
                    _ => out.push(c.to_string()),
                }
                han_run = true;
            }
            Tok::Word(w) => {
                out.push(w.clone());
                han_run = false;
            }
        }
    }
    out
}

/// For English: when both answers have the same number of words, every word must be within its
/// own tier, so that `fair trade` is not accepted for `free trade` on the strength of the
/// phrase's total length.
fn words_within_tier(e: &[Tok], g: &[Tok]) -> bool {
    let (we, wg) = (words(e), words(g));
    if we.len() != wg.len() {
        return true;
    }
    we.iter().zip(&wg).all(|(a, b)| {
        let ac: Vec<char> = a.chars().collect();
        let bc: Vec<char> = b.chars().collect();
        distance::align(&ac, &bc)
            .is_some_and(|al| al.cost <= distance::EDIT * distance::english_tier(ac.len()))
    })
}

/// Characters whose insertion negates a Chinese phrase (`可持续` / `不可持续`).
const NEGATIONS: &[char] = &['不', '非', '无', '未', '没', '反'];
/// English prefixes that negate a word (`stability` / `instability`).
const NEGATING_PREFIXES: &[&str] = &[
    "un", "in", "im", "il", "ir", "non", "dis", "anti", "de", "counter",
];

fn opposite(e: &Forms, g: &Forms, lex: &Lexicon, chinese: bool) -> Option<String> {
    let (a, b) = (e.alias.as_str(), g.alias.as_str());
    for (x, y) in &lex.opposites {
        if a.contains(x.as_str()) && b.contains(y.as_str()) && !a.contains(y.as_str()) {
            let swapped = b.replace(y.as_str(), x);
            if close(a, &swapped, chinese) {
                let show = |s: &str| lex.display(s, !chinese);
                return Some(format!("{} ≠ {}", show(x), show(y)));
            }
        }
    }
    // One negating character more or less.
    let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (longer, shorter, given_longer) = if bc.len() == ac.len() + 1 {
        (&bc, &ac, true)
    } else if ac.len() == bc.len() + 1 {
        (&ac, &bc, false)
    } else {
        (&ac, &ac, false)
    };
    if longer.len() == shorter.len() + 1 {
        for (p, c) in longer.iter().enumerate() {
            if NEGATIONS.contains(c)
                && longer[..p] == shorter[..p]
                && longer[p + 1..] == shorter[p..]
            {
                return Some(if given_longer {
                    format!("extra {c}")
                } else {
                    format!("missing {c}")
                });
            }
        }
    }
    // An English word with a negating prefix, or a negating word of its own (`non-governmental`).
    let (we, wg) = (words(&e.alias_toks), words(&g.alias_toks));
    if we.len() == wg.len() {
        let differing: Vec<(&String, &String)> =
            we.iter().zip(&wg).filter(|(x, y)| x != y).collect();
        if let [(x, y)] = differing[..] {
            let negated = |long: &str, short: &str| {
                short.len() >= 4
                    && short.is_ascii()
                    && NEGATING_PREFIXES
                        .iter()
                        .any(|p| long.strip_prefix(p) == Some(short))
            };
            if negated(x, y) || negated(y, x) {
                return Some(format!("{x} ≠ {y}"));
            }
        }
    } else if we.len().abs_diff(wg.len()) == 1 {
        let (long, short) = if wg.len() > we.len() {
            (&wg, &we)
        } else {
            (&we, &wg)
        };
        for p in 0..long.len() {
            if NEGATING_PREFIXES.contains(&long[p].as_str())
                && long[..p] == short[..p]
                && long[p + 1..] == short[p..]
            {
                let w = &long[p];
                return Some(if wg.len() > we.len() {
                    format!("extra {w}")
                } else {
                    format!("missing {w}")
                });
            }
        }
    }
    None
}

fn confusable(e: &Forms, g: &Forms, lex: &Lexicon, chinese: bool) -> Option<String> {
    let (a, b) = (e.alias.as_str(), g.alias.as_str());
    for group in &lex.confusables {
        for x in group.iter().filter(|x| a.contains(x.as_str())) {
            for y in group {
                if y != x && b.contains(y.as_str()) && !a.contains(y.as_str()) {
                    let swapped = b.replace(y.as_str(), x);
                    if close(a, &swapped, chinese) {
                        let show = |s: &str| lex.display(s, !chinese);
                        return Some(format!("{} ≠ {}", show(x), show(y)));
                    }
                }
            }
        }
    }
    None
}

/// The numbers of a normalised answer, sorted: digit runs with an inner decimal point, each
/// token on its own (`five five` is 5 and 5, not 55).
fn numbers(toks: &[Tok]) -> Vec<String> {
    let mut out = Vec::new();
    for t in toks {
        let Tok::Word(w) = t else {
            continue;
        };
        let mut cur = String::new();
        let mut chars = w.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_ascii_digit()
                || (c == '.' && !cur.is_empty() && chars.peek().is_some_and(char::is_ascii_digit))
            {
                cur.push(c);
            } else if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out.sort();
    out
}

/// Head nouns a meeting's name may be given without, at an almost.
const GENERIC_HEADS: &[&str] = &["会议"];

/// Whether a given whole date agrees with the accepted one: the same month; the same day when
/// the accepted date has one (a more precise answer agrees); the same year when both have
/// one, and a year left out only when the question states it or the deck has none either.
type WholeDate = (Option<u32>, u32, Option<u32>);

fn dates_agree(e: WholeDate, g: WholeDate, question_year: Option<i32>) -> bool {
    let ((ey, em, ed), (gy, gm, gd)) = (e, g);
    let day_ok = ed.is_none() || ed == gd;
    let year_ok = match (ey, gy) {
        (Some(a), Some(b)) => a == b,
        (Some(a), None) => question_year.is_some_and(|q| i64::from(q) == i64::from(a)),
        (None, Some(b)) => question_year.is_none_or(|q| i64::from(q) == i64::from(b)),
        (None, None) => true,
    };
    em == gm && day_ok && year_ok && (e != g)
}

/// English ordinal words, in order from one.
const ORDINAL_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// Reads a position typed as an ordinal, from the answer after traditional → simplified
/// (tokens joined): `第一`, `第一项`, `第一方面`, `一是`, `第4点`, `first`, `1st`, `no1`,
/// `item 2`. `None` if it is anything else.
fn ordinal(s: &str, noun: Option<&str>, lex: &Lexicon) -> Option<u64> {
    let mut rest = s;
    // Only a marked ordinal: a bare number is read by the steps before.
    let mut marked = false;
    for p in ["第", "number", "item", "no"] {
        if let Some(r) = rest.strip_prefix(p) {
            rest = r;
            marked = true;
            break;
        }
    }
    let (n, after) = if let Some(i) = ORDINAL_WORDS.iter().position(|w| rest.starts_with(w)) {
        marked = true;
        (i as u64 + 1, &rest[ORDINAL_WORDS[i].len()..])
    } else {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits > 0 {
            (rest[..digits].parse().ok()?, &rest[digits..])
        } else {
            let cn = rest
                .char_indices()
                .find(|(_, c)| !numerals::is_numeral(*c))
                .map_or(rest.len(), |(i, _)| i);
            if cn == 0 || cn > 12 {
                return None;
            }
            let digits = numerals::chinese(&rest[..cn]);
            (digits.parse().ok()?, &rest[cn..])
        }
    };
    if n == 0 || (!marked && after.is_empty()) {
        return None;
    }
    let noun = noun.map(|w| join(&lex.apply(normalize::key_tokens(w))));
    let suffix_ok = after.is_empty()
        || [
            "st", "nd", "rd", "th", "项", "个", "方面", "点", "条", "是", "位", "one", "item",
        ]
        .contains(&after)
        || noun.as_deref() == Some(after);
    suffix_ok.then_some(n)
}

/// Numbers and dates must match exactly: `450` for `540` is a different fact however close
/// the strings are.
fn numbers_differ(e: &Forms, g: &Forms) -> Option<(Step, String)> {
    let (ne, ng) = (numbers(&e.alias_toks), numbers(&g.alias_toks));
    // Also compare before aliases: an alias may swallow a number (`three evil forces` →
    // 三股势力) on the side that spelled the name right but not on the side with a typo. And
    // with numerals inside names read too (`14五` for `十四五`): a name is not a number.
    let loose = |f: &Forms| normalize::tokenize(&f.loose[1].replace('·', " "));
    if ne == ng
        || numbers(&e.date_toks) == numbers(&g.date_toks)
        || numbers(&loose(e)) == numbers(&loose(g))
    {
        return None;
    }
    if e.has_date || g.has_date {
        let (de, dg) = (dates::find_all(&e.alias), dates::find_all(&g.alias));
        if de != dg {
            // Accepted first, as every difference reads: `missing` what the answer lacks,
            // `extra` what it adds.
            let diff = match (de.is_empty(), dg.is_empty()) {
                (false, true) => format!("missing the date {}", de.join(", ")),
                (true, false) => format!("extra date {}", dg.join(", ")),
                _ => format!("{} ≠ {}", de.join(", "), dg.join(", ")),
            };
            return Some((Step::Date, diff));
        }
    }
    // Show only the numbers that differ.
    let mut only_e = ne.clone();
    let mut only_g = Vec::new();
    for n in &ng {
        match only_e.iter().position(|m| m == n) {
            Some(p) => {
                only_e.remove(p);
            }
            None => only_g.push(n.clone()),
        }
    }
    let diff = match (only_e.is_empty(), only_g.is_empty()) {
        (false, false) => format!("{} ≠ {}", only_e.join(", "), only_g.join(", ")),
        (false, true) => format!("missing {}", only_e.join(", ")),
        _ => format!("extra {}", only_g.join(", ")),
    };
    Some((Step::Numerals, diff))
}

/// Token index of each character of the joined tokens.
fn token_of_char(toks: &[Tok]) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match t {
            Tok::Han(_) => out.push(i),
            Tok::Word(w) => out.extend(std::iter::repeat_n(i, w.chars().count())),
        }
    }
    out
}

/// Whether `range` covers whole tokens only (a whole word or whole characters).
fn whole_tokens(range: &std::ops::Range<usize>, owner: &[usize]) -> bool {
    let starts = range.start == 0 || owner.get(range.start - 1) != owner.get(range.start);
    let ends = range.end >= owner.len() || owner.get(range.end - 1) != owner.get(range.end);
    starts && ends
}

/// Renders one side of a differing stretch; English words are shown whole (`summit ≠ sumit`).
/// `partial_other` says the other side's stretch is part of a word: then an empty stretch on
/// this side shows the neighbouring word (`trade ≠ trades`) instead of nothing.
fn stretch(
    range: std::ops::Range<usize>,
    chars: &[char],
    toks: &[Tok],
    owner: &[usize],
    partial_other: bool,
) -> String {
    let is_word = |p: usize| {
        owner
            .get(p)
            .is_some_and(|&t| matches!(toks[t], Tok::Word(_)))
    };
    let (mut lo, mut hi) = (range.start, range.end);
    if lo == hi {
        let p = if lo < chars.len() && is_word(lo) && (lo == 0 || owner[lo - 1] == owner[lo]) {
            Some(lo)
        } else if partial_other && lo > 0 && is_word(lo - 1) {
            Some(lo - 1)
        } else if partial_other && is_word(lo) {
            Some(lo)
        } else {
            None
        };
        let Some(p) = p else {
            return String::new();
        };
        let t = owner[p];
        lo = owner.iter().position(|&o| o == t).unwrap_or(p);
        hi = owner.iter().rposition(|&o| o == t).map_or(p + 1, |q| q + 1);
    } else {
        if is_word(lo) {
            while lo > 0 && owner[lo - 1] == owner[lo] {
                lo -= 1;
            }
        }
        if is_word(hi - 1) {
            while hi < chars.len() && owner[hi] == owner[hi - 1] {
                hi += 1;
            }
        }
    }
    let mut s = String::new();
    let mut last_tok = None;
    for (p, &c) in chars.iter().enumerate().take(hi).skip(lo) {
        let t = owner.get(p).copied();
        if last_tok.is_some() && t != last_tok && is_word(p) {
            s.push(' ');
        }
        s.push(c);
        last_tok = t;
    }
    s
}

fn render_diff(
    al: &distance::Alignment,
    ec: &[char],
    gc: &[char],
    et: &[Tok],
    gt: &[Tok],
) -> String {
    let (oe, og) = (token_of_char(et), token_of_char(gt));
    let mut parts: Vec<String> = Vec::new();
    for (re, rg) in distance::runs(al) {
        let partial_e = !re.is_empty() && !whole_tokens(&re, &oe);
        let partial_g = !rg.is_empty() && !whole_tokens(&rg, &og);
        let x = stretch(re, ec, et, &oe, partial_g);
        let y = stretch(rg, gc, gt, &og, partial_e);
        let part = match (x.is_empty(), y.is_empty()) {
            (false, false) => format!("{x} ≠ {y}"),
            (false, true) => format!("missing {x}"),
            (true, false) => format!("extra {y}"),
            (true, true) => continue,
        };
        if parts.last() != Some(&part) {
            parts.push(part);
        }
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(expected: &str, given: &str) -> Graded {
        grade(&[expected], given, &Lexicon::builtin())
    }

    #[test]
    fn homophone_slip_is_almost_with_a_diff() {
        let r = g("鲁班工坊", "鲁班工房");
        assert_eq!((r.verdict, r.step), (Verdict::Almost, Step::EditDistance));
        assert_eq!(r.diff.as_deref(), Some("坊 ≠ 房"));
    }

    #[test]
    fn english_typo_shows_the_whole_word() {
        let r = g("Shanghai Spirit", "Shanghai Spirrit");
        assert_eq!(r.verdict, Verdict::Almost);
        assert_eq!(r.diff.as_deref(), Some("spirit ≠ spirrit"));
    }

    #[test]
    fn closest_alternative_is_reported() {
        let lex = Lexicon::builtin();
        let r = grade(
            &["上海合作组织", "Shanghai Cooperation Organization"],
            "Shanghai Cooperation Organisation",
            &lex,
        );
        assert_eq!(r.verdict, Verdict::Correct);
        assert_eq!(r.expected, "上海合作组织");
        let r = grade(&[], "x", &lex);
        assert_eq!((r.verdict, r.step), (Verdict::Wrong, Step::NoMatch));
    }

    #[test]
    fn display_words() {
        assert_eq!(Verdict::Almost.to_string(), "almost");
        assert_eq!(
            Step::TraditionalToSimplified.to_string(),
            "traditional characters"
        );
        assert_eq!(
            serde_json::to_string(&Step::TraditionalToSimplified).unwrap(),
            "\"traditional_to_simplified\""
        );
    }
}
