//! The one place a session grades what the student typed: typed answers and list items go
//! through the answer grader ([`crate::grade`]), orderings are checked here.

use unicode_normalization::UnicodeNormalization;

pub use crate::grade::Verdict;
use crate::grade::{self, Lexicon};

/// The grading of one typed answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    pub verdict: Verdict,
    /// The grading step that decided, as stored in the review log (`edit_distance`).
    pub step: String,
    /// The same step in words for the student (`spelling`).
    pub step_words: String,
    /// The accepted form it matched or came closest to.
    pub expected: String,
    /// Where the answer differs (`坊 ≠ 房`), when the grader can tell.
    pub diff: Option<String>,
}

/// Grades `given` against the accepted forms (the first is the one shown).
pub fn grade_typed(accepted: &[String], given: &str, lexicon: &Lexicon) -> Typed {
    let forms: Vec<&str> = accepted.iter().map(String::as_str).collect();
    let g = grade::grade(&forms, given, lexicon);
    Typed {
        verdict: g.verdict,
        step: g.step.code(),
        step_words: g.step.to_string(),
        expected: g.expected,
        diff: g.diff,
    }
}

/// NFKC, lower case, without spaces and punctuation (a `.` between two digits stays).
pub fn normalise(s: &str) -> String {
    let chars: Vec<char> = s.nfkc().flat_map(char::to_lowercase).collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = c == '.'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_alphanumeric() || between_digits {
            out.push(c);
        }
    }
    out
}

/// The grading of a list answered item by item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListGrade {
    pub verdict: Verdict,
    /// Items named (each counted once).
    pub found: usize,
    pub total: usize,
    /// The shown form of every item not named.
    pub missing: Vec<String>,
}

/// Grades a list: `given` is one line with items separated by 、 , ; (full or half width) or
/// newlines, in any order. All items: correct; at least half: almost; fewer: wrong.
pub fn grade_list(items: &[Vec<String>], given: &str, lexicon: &Lexicon) -> ListGrade {
    let parts: Vec<&str> = given
        .split(['、', ',', '\u{ff0c}', ';', '\u{ff1b}', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut found = vec![false; items.len()];
    for part in parts {
        if let Some(i) = (0..items.len())
            // An item with a slip the grader accepts (almost) still counts as named.
            .find(|&i| !found[i] && grade_typed(&items[i], part, lexicon).verdict != Verdict::Wrong)
        {
            found[i] = true;
        }
    }
    let n = found.iter().filter(|f| **f).count();
    let verdict = if n == items.len() {
        Verdict::Correct
    } else if n * 2 >= items.len() && n > 0 {
        Verdict::Almost
    } else {
        Verdict::Wrong
    };
    ListGrade {
        verdict,
        found: n,
        total: items.len(),
        missing: items
            .iter()
            .zip(&found)
            .filter(|(_, f)| !**f)
            .filter_map(|(i, _)| i.first().cloned())
            .collect(),
    }
}

/// Parses an ordering typed as letters (`BADC`) or numbers (`2143`, `2 1 4 3`) into indexes
/// into the shown items; `None` if it is not a permutation of `n` items.
pub fn parse_order(given: &str, n: usize) -> Option<Vec<usize>> {
    let g: String = given
        .nfkc()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .collect();
    let idx: Vec<usize> = if g.chars().all(|c| c.is_ascii_alphabetic()) {
        g.chars()
            .map(|c| (c.to_ascii_uppercase() as u8 - b'A') as usize)
            .collect()
    } else if g.chars().all(|c| c.is_ascii_digit()) {
        if n < 10 {
            g.chars()
                .map(|c| (c as u8 - b'0') as usize)
                .map(|d| d.wrapping_sub(1))
                .collect()
        } else {
            given
                .split(|c: char| !c.is_ascii_digit())
                .filter(|p| !p.is_empty())
                .map(|p| p.parse::<usize>().ok().map(|d| d.wrapping_sub(1)))
                .collect::<Option<_>>()?
        }
    } else {
        return None;
    };
    let mut seen = vec![false; n];
    for &i in &idx {
        if i >= n || seen[i] {
            return None;
        }
        seen[i] = true;
    }
    (idx.len() == n).then_some(idx)
}

/// Grades an ordering: right only if every item is in place.
pub fn grade_order(correct: &[usize], given: &str) -> Verdict {
    match parse_order(given, correct.len()) {
        Some(order) if order == correct => Verdict::Correct,
        _ => Verdict::Wrong,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| (*x).to_owned()).collect()
    }

    #[test]
    fn typed_answers_go_through_the_grader() {
        let lex = Lexicon::builtin();
        let acc = s(&["上海合作组织"]);
        assert_eq!(
            grade_typed(&acc, "上海合作组织", &lex).verdict,
            Verdict::Correct
        );
        let alias = grade_typed(&acc, "上合组织", &lex);
        assert_eq!(
            (alias.verdict, alias.step.as_str()),
            (Verdict::Correct, "alias")
        );
        assert_eq!(grade_typed(&acc, "ＳＣＯ", &lex).verdict, Verdict::Correct);
        assert_eq!(grade_typed(&acc, "北约", &lex).verdict, Verdict::Wrong);
        assert_eq!(grade_typed(&acc, "", &lex).verdict, Verdict::Wrong);
        assert_eq!(
            grade_typed(&s(&["3.5"]), "35", &lex).verdict,
            Verdict::Wrong
        );
        assert_eq!(
            grade_typed(&s(&["1000"]), "1,000", &lex).verdict,
            Verdict::Correct
        );
        let slip = grade_typed(&s(&["鲁班工坊"]), "鲁班工房", &lex);
        assert_eq!(slip.verdict, Verdict::Almost);
        assert!(slip.diff.is_some());
    }

    #[test]
    fn lists_give_partial_credit_and_name_the_missing() {
        let lex = Lexicon::builtin();
        let items = vec![
            s(&["俄罗斯"]),
            s(&["哈萨克斯坦", "哈国"]),
            s(&["吉尔吉斯斯坦"]),
            s(&["蒙古国"]),
        ];
        assert_eq!(
            grade_list(&items, "蒙古国、哈国;俄罗斯,吉尔吉斯斯坦", &lex).verdict,
            Verdict::Correct
        );
        let half = grade_list(&items, "俄罗斯,哈萨克斯坦", &lex);
        assert_eq!(half.verdict, Verdict::Almost);
        assert_eq!(half.missing, s(&["吉尔吉斯斯坦", "蒙古国"]));
        assert_eq!(
            grade_list(&items, "俄罗斯;俄罗斯", &lex).verdict,
            Verdict::Wrong
        );
    }

    #[test]
    fn orders_parse_from_letters_or_numbers() {
        assert_eq!(parse_order("BADC", 4), Some(vec![1, 0, 3, 2]));
        assert_eq!(parse_order("2 1 4 3", 4), Some(vec![1, 0, 3, 2]));
        assert_eq!(parse_order("AAB", 3), None);
        assert_eq!(grade_order(&[1, 0], "ba"), Verdict::Correct);
    }
}
