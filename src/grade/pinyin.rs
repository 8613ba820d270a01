//! Pinyin typed for Chinese characters, and the homophone test behind the edit distance.
//!
//! Readings come from the `pinyin` crate's heteronym table, one character at a time. The crate
//! has no phrase dictionary, so its *default* reading is often wrong in context (长安 would be
//! `zhang an`); we therefore accept any reading of each character (text.md §1.6).

use ::pinyin::ToPinyinMulti;
use unicode_normalization::UnicodeNormalization;

use super::normalize::{Tok, is_han};

/// Every toneless reading of a character (`长` → zhang, chang), as the crate spells them (`lü`).
pub(crate) fn readings(c: char) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    if let Some(multi) = c.to_pinyin_multi() {
        for p in multi {
            let r = p.plain();
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out
}

/// Whether two characters share a toneless reading: an input-method slip (坊/房 fang) rather than
/// a different word (股 gu / 种 zhong).
pub(crate) fn homophones(a: &[&str], b: &[&str]) -> bool {
    a.iter().any(|r| b.contains(r))
}

/// The typed answer reduced to what pinyin matching needs: lower-case ASCII letters and digits,
/// `ü` (typed as `ü`, `v` or `u:`) as `v`, tone marks removed. Separators (spaces, apostrophes,
/// hyphens) are dropped. `None` when the text is not plausibly pinyin.
pub(crate) fn typed(s: &str) -> Option<Vec<u8>> {
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    for c in s.nfd() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c as u8),
            'A'..='Z' => out.push(c.to_ascii_lowercase() as u8),
            '\u{0308}' | ':' if out.last() == Some(&b'u') => {
                if let Some(last) = out.last_mut() {
                    *last = b'v';
                }
            }
            '\u{0300}'..='\u{036F}' => {}
            c if c.is_whitespace() => {}
            '\'' | '\u{2019}' | '-' | '\u{00B7}' | ',' | '.' | ';' | '/' => {}
            _ => return None,
        }
    }
    out.iter().any(u8::is_ascii_alphabetic).then_some(out)
}

/// Length of `reading` if `typed` starts with it; `ü` may be typed as `v` or `u`.
fn prefix_len(typed: &[u8], reading: &str) -> Option<usize> {
    let mut n = 0;
    for rc in reading.chars() {
        let t = *typed.get(n)?;
        let ok = match rc {
            'ü' => t == b'v' || t == b'u',
            c => c.is_ascii() && t == c as u8,
        };
        if !ok {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// Longest typed pinyin and expected text we try to match; beyond that, no answer is pinyin.
const MAX_TYPED: usize = 600;
const MAX_EXPECTED: usize = 120;

/// Whether `typed` can be split into one reading per expected character, with an optional tone
/// digit after each; letters and digits in the expected answer must be typed as they are.
/// Returns the readings used, for showing the student.
pub(crate) fn matches(typed: &[u8], expected: &[Tok]) -> Option<Vec<String>> {
    // One element per expected character.
    enum El {
        Han(char, Vec<&'static str>),
        Lit(char),
    }
    let mut els = Vec::new();
    for t in expected {
        match t {
            Tok::Han(c) => els.push(El::Han(*c, readings(*c))),
            Tok::Word(w) => els.extend(w.chars().map(El::Lit)),
        }
    }
    if els.is_empty() || els.len() > MAX_EXPECTED || typed.len() > MAX_TYPED {
        return None;
    }
    if !els.iter().any(|e| matches!(e, El::Han(c, _) if is_han(*c))) {
        return None;
    }
    let (n, m) = (typed.len(), els.len());
    let w = n + 1;
    // back[k * w + i]: how position i was reached after k elements: (previous i, reading).
    let mut back: Vec<Option<(usize, &'static str)>> = vec![None; (m + 1) * w];
    let mut reach = vec![false; (m + 1) * w];
    reach[0] = true;
    for k in 0..m {
        for i in 0..=n {
            if !reach[k * w + i] {
                continue;
            }
            let mut mark = |j: usize, r: &'static str| {
                let idx = (k + 1) * w + j;
                if !reach[idx] {
                    reach[idx] = true;
                    back[idx] = Some((i, r));
                }
            };
            match &els[k] {
                El::Han(_, rs) => {
                    for r in rs {
                        if let Some(len) = prefix_len(&typed[i..], r) {
                            mark(i + len, r);
                            if typed
                                .get(i + len)
                                .is_some_and(|d| (b'0'..=b'5').contains(d))
                            {
                                mark(i + len + 1, r);
                            }
                        }
                    }
                }
                El::Lit(c) => {
                    if typed.get(i).is_some_and(|t| c.is_ascii() && *t == *c as u8) {
                        mark(i + 1, "");
                    }
                }
            }
        }
    }
    if !reach[m * w + n] {
        return None;
    }
    let mut out = Vec::with_capacity(m);
    let mut i = n;
    for k in (1..=m).rev() {
        let (prev, r) = back[k * w + i]?;
        out.push(match &els[k - 1] {
            El::Han(..) => r.to_owned(),
            El::Lit(c) => c.to_string(),
        });
        i = prev;
    }
    out.reverse();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grade::normalize::tokenize;

    fn ok(py: &str, han: &str) -> bool {
        typed(py).is_some_and(|t| matches(&t, &tokenize(&han.to_lowercase())).is_some())
    }

    #[test]
    fn any_reading_of_a_character_counts() {
        assert!(ok("chang'an", "长安"));
        assert!(ok("zhangan", "长安"));
        assert!(ok("Lǔbān gōngfāng", "鲁班工坊"));
        assert!(ok("lu3 ban1 gong1 fang1", "鲁班工坊"));
        assert!(ok("lubangongfang", "鲁班工坊"));
        assert!(ok("lvse", "绿色"));
        assert!(ok("lüse", "绿色"));
        assert!(ok("lu:se", "绿色"));
        assert!(ok("5g jishu", "5G技术"));
        assert!(!ok("lubangongfan", "鲁班工坊"));
        assert!(!ok("sangushili", "三种势力"));
    }

    #[test]
    fn non_pinyin_is_refused() {
        assert!(typed("上海").is_none());
        assert!(typed("123").is_none());
        assert!(typed("").is_none());
    }

    #[test]
    fn homophone_test() {
        assert!(homophones(&readings('坊'), &readings('房')));
        assert!(!homophones(&readings('股'), &readings('种')));
    }
}
