//! A homophone-aware optimal-string-alignment distance, in quarter edits: substituting a Han
//! character for one that shares a toneless reading costs 1 (a quarter edit), any other
//! substitution, insertion, deletion or swap of neighbours costs 4 (a whole edit). Tiers decide
//! how much an answer of a given length may differ (text.md §1.3).

use super::pinyin::{homophones, readings};

/// One quarter edit: the cost of a homophone slip.
pub(crate) const QUARTER: u32 = 1;
/// One whole edit.
pub(crate) const EDIT: u32 = 4;
/// Beyond this many cells the alignment is not computed: such answers are not near anyway.
const MAX_CELLS: usize = 250_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Same,
    /// Substitution (homophone or not).
    Sub,
    /// An expected character missing from the answer.
    Del,
    /// An extra character in the answer.
    Ins,
    /// Two neighbours swapped.
    Swap,
}

#[derive(Debug, Clone)]
pub(crate) struct Alignment {
    pub cost: u32,
    /// Operations from the start, each with the expected and given positions it starts at.
    pub ops: Vec<(Op, usize, usize)>,
}

/// Aligns `e` (expected) with `g` (given). `None` if the strings are too long to align cheaply.
pub(crate) fn align(e: &[char], g: &[char]) -> Option<Alignment> {
    let (n, m) = (e.len(), g.len());
    if (n + 1).saturating_mul(m + 1) > MAX_CELLS {
        return None;
    }
    let re: Vec<Vec<&'static str>> = e.iter().map(|&c| readings_if_han(c)).collect();
    let rg: Vec<Vec<&'static str>> = g.iter().map(|&c| readings_if_han(c)).collect();
    let sub = |i: usize, j: usize| -> u32 {
        if e[i] == g[j] {
            0
        } else if !re[i].is_empty() && homophones(&re[i], &rg[j]) {
            QUARTER
        } else {
            EDIT
        }
    };
    let w = m + 1;
    let mut d = vec![0u32; (n + 1) * w];
    for i in 0..=n {
        d[i * w] = EDIT * i as u32;
    }
    for (j, cell) in d.iter_mut().take(m + 1).enumerate() {
        *cell = EDIT * j as u32;
    }
    for i in 1..=n {
        for j in 1..=m {
            let mut v = (d[(i - 1) * w + j - 1] + sub(i - 1, j - 1))
                .min(d[(i - 1) * w + j] + EDIT)
                .min(d[i * w + j - 1] + EDIT);
            if i > 1
                && j > 1
                && e[i - 1] == g[j - 2]
                && e[i - 2] == g[j - 1]
                && e[i - 1] != e[i - 2]
            {
                v = v.min(d[(i - 2) * w + j - 2] + EDIT);
            }
            d[i * w + j] = v;
        }
    }
    // Walk back, preferring substitutions so that a slip shows as `坊 ≠ 房`.
    let mut ops = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let here = d[i * w + j];
        if i > 0 && j > 0 && here == d[(i - 1) * w + j - 1] + sub(i - 1, j - 1) {
            let op = if e[i - 1] == g[j - 1] {
                Op::Same
            } else {
                Op::Sub
            };
            ops.push((op, i - 1, j - 1));
            i -= 1;
            j -= 1;
        } else if i > 1
            && j > 1
            && e[i - 1] == g[j - 2]
            && e[i - 2] == g[j - 1]
            && e[i - 1] != e[i - 2]
            && here == d[(i - 2) * w + j - 2] + EDIT
        {
            ops.push((Op::Swap, i - 2, j - 2));
            i -= 2;
            j -= 2;
        } else if i > 0 && here == d[(i - 1) * w + j] + EDIT {
            ops.push((Op::Del, i - 1, j));
            i -= 1;
        } else {
            ops.push((Op::Ins, i, j.saturating_sub(1)));
            j = j.saturating_sub(1);
        }
    }
    ops.reverse();
    Some(Alignment {
        cost: d[n * w + m],
        ops,
    })
}

fn readings_if_han(c: char) -> Vec<&'static str> {
    if super::normalize::is_han(c) {
        readings(c)
    } else {
        Vec::new()
    }
}

/// The differing stretches of an alignment as (expected range, given range), in characters.
pub(crate) fn runs(al: &Alignment) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let mut out: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
    let mut open = false;
    for &(op, i, j) in &al.ops {
        let (de, dg) = match op {
            Op::Same => {
                open = false;
                continue;
            }
            Op::Sub => (1, 1),
            Op::Del => (1, 0),
            Op::Ins => (0, 1),
            Op::Swap => (2, 2),
        };
        match out.last_mut() {
            Some((re, rg)) if open => {
                re.end += de;
                rg.end += dg;
            }
            _ => out.push((i..i + de, j..j + dg)),
        }
        open = true;
    }
    out
}

/// Allowed distance for an English answer of `len` letters, in whole edits: 0 up to 3 letters,
/// 1 up to 5, 2 up to 7, then 2 + len/7 (the WaniKani meaning tiers, text.md §1.5).
pub(crate) fn english_tier(len: usize) -> u32 {
    let extra = u32::try_from(len / 7).unwrap_or(u32::MAX);
    match len {
        0..=3 => 0,
        4..=5 => 1,
        6..=7 => 2,
        _ => 2u32.saturating_add(extra),
    }
}

/// Allowed distance for a Chinese answer of `len` characters, in quarter edits: up to 4
/// characters only homophone slips (two at most); 5–8 one edit; longer, one edit per 8
/// characters.
pub(crate) fn chinese_budget(len: usize) -> u32 {
    match len {
        0..=4 => 2 * QUARTER,
        5..=8 => EDIT,
        _ => EDIT.saturating_mul(u32::try_from(len / 8).unwrap_or(u32::MAX)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cost(a: &str, b: &str) -> u32 {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        align(&a, &b).map(|al| al.cost).unwrap_or(u32::MAX)
    }

    #[test]
    fn homophone_slips_cost_a_quarter() {
        assert_eq!(cost("鲁班工坊", "鲁班工房"), QUARTER);
        assert_eq!(cost("三股势力", "三种势力"), EDIT);
        assert_eq!(cost("450个奖学金名额", "540个奖学金名额"), EDIT); // one swap
        assert_eq!(cost("multilateralism", "multilaterlaism"), EDIT);
        assert_eq!(cost("", "abc"), 3 * EDIT);
    }

    #[test]
    fn runs_group_neighbouring_edits() {
        let e: Vec<char> = "全球数据安全倡议".chars().collect();
        let g: Vec<char> = "全球发展倡议".chars().collect();
        let al = align(&e, &g).unwrap();
        let r = runs(&al);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].0, 2..6);
        assert_eq!(r[0].1, 2..4);
    }
}
