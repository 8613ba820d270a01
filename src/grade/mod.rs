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
mod normalize;
mod numerals;
mod pinyin;

use std::fmt;

pub use lexicon::Lexicon;
use normalize::{Forms, Tok, has_han, is_han};

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
    /// Equal as dates (`2021-05-12` = `2021年5月12日`); or, when wrong, the dates differ.
    Date,
    /// Equal through an alias or a spelling variant (`上合组织` = `SCO`, `organisation`).
    Alias,
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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Step::Exact => "exact",
            Step::Nfkc => "character forms",
            Step::Case => "letter case",
            Step::Width => "full/half width",
            Step::Punctuation => "punctuation and spaces",
            Step::Articles => "articles",
            Step::TraditionalToSimplified => "traditional characters",
            Step::Numerals => "numbers",
            Step::Date => "date",
            Step::Alias => "alias",
            Step::Pinyin => "pinyin",
            Step::EditDistance => "spelling",
            Step::Opposite => "opposite",
            Step::Confusable => "a different name",
            Step::NoMatch => "no match",
        })
    }
}

/// Grades `given` against the accepted answers (`accepted[0]` is the canonical answer, the rest
/// alternatives) and returns the best verdict over all of them. Never panics, whatever the
/// input; with no accepted answers the verdict is wrong.
pub fn grade(accepted: &[&str], given: &str, lexicon: &Lexicon) -> Graded {
    let g = Forms::new(given, lexicon);
    let mut best: Option<((u8, u8, u32), Graded)> = None;
    for a in accepted {
        let e = Forms::new(a, lexicon);
        let out = compare(&e, &g, lexicon);
        let rank = out.rank();
        if best.as_ref().is_none_or(|(r, _)| rank < *r) {
            let exact = out.verdict == Verdict::Correct && out.step == Step::Exact;
            best = Some((
                rank,
                Graded {
                    verdict: out.verdict,
                    step: out.step,
                    expected: (*a).to_owned(),
                    diff: out.diff,
                },
            ));
            if exact {
                break;
            }
        }
    }
    best.map(|(_, g)| g).unwrap_or(Graded {
        verdict: Verdict::Wrong,
        step: Step::NoMatch,
        expected: String::new(),
        diff: None,
    })
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
                    Step::Opposite | Step::Confusable => 0,
                    Step::Numerals | Step::Date => 1,
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

fn compare(e: &Forms, g: &Forms, lex: &Lexicon) -> Outcome {
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
    // A date without a year in the deck (the source text said 5月12日) is matched by the same
    // day with a year.
    if let (Some((None, m1, d1)), Some((Some(_), m2, d2))) =
        (dates::whole(&e.alias), dates::whole(&g.alias))
        && m1 == m2
        && d1 == d2
        && d1.is_some()
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

/// The numbers of a normalised answer, sorted: digit runs with an inner decimal point.
fn numbers(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
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
    out.sort();
    out
}

/// Numbers and dates must match exactly: `450` for `540` is a different fact however close
/// the strings are.
fn numbers_differ(e: &Forms, g: &Forms) -> Option<(Step, String)> {
    let (ne, ng) = (numbers(&e.alias), numbers(&g.alias));
    // Also compare before aliases: an alias may swallow a number (`three evil forces` →
    // 三股势力) on the side that spelled the name right but not on the side with a typo.
    if ne == ng || numbers(&e.date) == numbers(&g.date) {
        return None;
    }
    if e.has_date || g.has_date {
        let (de, dg) = (dates::find_all(&e.alias), dates::find_all(&g.alias));
        if de != dg {
            let show = |d: &[String]| {
                if d.is_empty() {
                    "no date".to_owned()
                } else {
                    d.join(", ")
                }
            };
            return Some((Step::Date, format!("{} ≠ {}", show(&de), show(&dg))));
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
