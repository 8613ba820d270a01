//! Word order: the same parts in another order. Two shapes:
//!
//! - **coordination**: parts joined by 、 , ; / 和 与 及 以及 同 or `and` (`有序、负责任` /
//!   `负责任、有序`, `哈萨克斯坦和中国` for `中哈`);
//! - **moved blocks**: a compound name whose modifiers moved (`中国+中亚五国第二次外长会晤` for
//!   `中国+中亚五国外长第二次会晤`), at most four blocks of two or more characters each.
//!
//! The grader runs these only after the number, opposite and confusable guards, so a reordering
//! never hides a different number or the opposite word.

use super::lexicon::Lexicon;
use super::normalize::{Tok, join, key_tokens};

/// How two answers differ in order, if that is all they differ in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reorder {
    /// Coordinated parts in another order, where the accepted answer is itself a
    /// coordination: the order carries no meaning.
    Coordination,
    /// A compound name or phrase whose parts moved: the meaning holds, the official wording
    /// does not.
    Compound,
}

/// Separators of coordinated parts, after NFKC and lower case.
const PUNCT_SEPARATORS: &[char] = &['、', ',', ';', '/', '，', '；'];
/// Conjunctions that join coordinated parts; the longest first.
const WORD_SEPARATORS: &[&str] = &["以及", "和", "与", "及", "同", " and ", "&"];

/// Most parts we try all orders of (4! = 24 orders); longer coordinations compare as sets.
const MAX_PERMUTED: usize = 4;
/// Longest answer (in characters) checked for moved blocks.
const MAX_BLOCKS_LEN: usize = 80;

/// Splits `s` (NFKC, lower case, punctuation kept) into coordinated parts and the separator
/// after each part. One part means no coordination.
fn split(s: &str) -> Vec<(String, String)> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut rest = s;
    'outer: while let Some(c) = rest.chars().next() {
        if PUNCT_SEPARATORS.contains(&c) {
            parts.push((std::mem::take(&mut cur), c.to_string()));
            rest = &rest[c.len_utf8()..];
            continue;
        }
        for sep in WORD_SEPARATORS {
            if let Some(after) = rest.strip_prefix(sep) {
                parts.push((std::mem::take(&mut cur), (*sep).to_owned()));
                rest = after;
                continue 'outer;
            }
        }
        cur.push(c);
        rest = &rest[c.len_utf8()..];
    }
    parts.push((cur, String::new()));
    parts.retain(|(p, _)| !p.trim().is_empty());
    parts
}

/// The aliased, joined form of tokens.
fn aliased(toks: Vec<Tok>, lex: &Lexicon) -> String {
    join(&lex.apply(toks))
}

/// Whether `given` is `expected` with its parts in another order. `expected_width` and
/// `given_width` are the answers after NFKC and lower case (punctuation kept);
/// `expected_alias` and `given_alias` their fully normalised forms.
pub(crate) fn reordered(
    expected_width: &str,
    given_width: &str,
    expected_alias: &str,
    given_alias: &str,
    lex: &Lexicon,
) -> Option<Reorder> {
    if expected_alias == given_alias || expected_alias.is_empty() {
        return None;
    }
    let ep = split(expected_width);
    let gp = split(given_width);
    let kind = if ep.len() > 1 {
        Reorder::Coordination
    } else {
        Reorder::Compound
    };
    if gp.len() > 1 {
        let parts: Vec<Vec<Tok>> = gp.iter().map(|(p, _)| key_tokens(p)).collect();
        // The given parts in every other order, joined by the separators as typed, then
        // aliased as a whole (哈萨克斯坦和中国 → 中国和哈萨克斯坦 → 中哈).
        if parts.len() <= MAX_PERMUTED {
            let seps: Vec<Vec<Tok>> = gp.iter().map(|(_, s)| key_tokens(s)).collect();
            let mut order: Vec<usize> = (0..parts.len()).collect();
            while next_permutation(&mut order) {
                let mut toks = Vec::new();
                for (k, &i) in order.iter().enumerate() {
                    toks.extend(parts[i].iter().cloned());
                    if k + 1 < order.len() {
                        toks.extend(seps[k].iter().cloned());
                    }
                }
                if aliased(toks, lex) == expected_alias {
                    return Some(kind);
                }
            }
        }
        // As sets of parts, for any number of parts.
        if ep.len() == gp.len() {
            let norm = |ps: &[(String, String)]| {
                let mut v: Vec<String> = ps
                    .iter()
                    .map(|(p, _)| aliased(key_tokens(p), lex))
                    .collect();
                v.sort();
                v
            };
            let (a, b) = (norm(&ep), norm(&gp));
            if a == b && a.iter().all(|p| !p.is_empty()) {
                return Some(kind);
            }
        }
    }
    moved_blocks(expected_alias, given_alias).then_some(Reorder::Compound)
}

/// The next permutation in lexicographic order; false after the last.
fn next_permutation(v: &mut [usize]) -> bool {
    let n = v.len();
    if n < 2 {
        return false;
    }
    let mut i = n - 1;
    while i > 0 && v[i - 1] >= v[i] {
        i -= 1;
    }
    if i == 0 {
        return false;
    }
    let mut j = n - 1;
    while v[j] <= v[i - 1] {
        j -= 1;
    }
    v.swap(i - 1, j);
    v[i..].reverse();
    true
}

/// Whether `g` is `e` cut into two to four blocks of two or more characters, in another order.
fn moved_blocks(e: &str, g: &str) -> bool {
    let ec: Vec<char> = e.chars().collect();
    let gc: Vec<char> = g.chars().collect();
    if ec.len() != gc.len() || ec.len() < 4 || ec.len() > MAX_BLOCKS_LEN {
        return false;
    }
    let (mut a, mut b) = (ec.clone(), gc.clone());
    a.sort_unstable();
    b.sort_unstable();
    if a != b {
        return false;
    }
    // Greedy: the longest stretch of the rest of `g` found in an unused stretch of `e`.
    let mut used = vec![false; ec.len()];
    let mut blocks = 0;
    let mut i = 0;
    while i < gc.len() {
        let mut best: Option<(usize, usize)> = None; // (start in e, length)
        for start in 0..ec.len() {
            let mut len = 0;
            while i + len < gc.len()
                && start + len < ec.len()
                && !used[start + len]
                && ec[start + len] == gc[i + len]
            {
                len += 1;
            }
            if len > 0 && best.is_none_or(|(_, l)| len > l) {
                best = Some((start, len));
            }
        }
        let Some((start, len)) = best else {
            return false;
        };
        if len < 2 {
            return false;
        }
        used[start..start + len].iter_mut().for_each(|u| *u = true);
        blocks += 1;
        if blocks > 4 {
            return false;
        }
        i += len;
    }
    blocks >= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grade::normalize::nfkc;

    fn r(e: &str, g: &str) -> Option<Reorder> {
        let lex = Lexicon::builtin();
        let w = |s: &str| nfkc(&s.to_lowercase());
        let a = |s: &str| aliased(key_tokens(s), &lex);
        reordered(&w(e), &w(g), &a(e), &a(g), &lex)
    }

    #[test]
    fn coordinated_parts_in_any_order() {
        assert_eq!(
            r("有序、负责任", "负责任、有序"),
            Some(Reorder::Coordination)
        );
        assert_eq!(
            r("有序、负责任", "负责任和有序"),
            Some(Reorder::Coordination)
        );
        assert_eq!(
            r("peace and development", "development and peace"),
            Some(Reorder::Coordination)
        );
        assert_eq!(r("中哈", "哈萨克斯坦和中国"), Some(Reorder::Compound));
        assert_eq!(r("有序、负责任", "有序、负责"), None);
    }

    #[test]
    fn moved_blocks_of_a_compound_name() {
        assert_eq!(
            r("中国+中亚五国外长第二次会晤", "中国+中亚五国第二次外长会晤"),
            Some(Reorder::Compound)
        );
        assert_eq!(
            r("中国+中亚五国外长第二次会晤", "第二次中国+中亚五国外长会晤"),
            Some(Reorder::Compound)
        );
        // Single characters shuffled are not a reordering of parts.
        assert_eq!(r("三股势力", "势三股力"), None);
        assert!(!moved_blocks("上海精神", "上海精神"));
    }
}
