//! The one place a session grades what the student typed.
//!
//! For now: exact match after normalisation (NFKC, lower case, spaces and punctuation
//! removed; a `.` between digits is kept). The full grader (`grade::grade`) has the same
//! shape and will replace the body of [`grade_typed`]; nothing else in the session grades.

use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Correct,
    Almost,
    Wrong,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Correct => "correct",
            Verdict::Almost => "almost",
            Verdict::Wrong => "wrong",
        }
    }
}

/// The grading of one typed answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    pub verdict: Verdict,
    /// The grading step that decided (`exact`, `normalised`, `no match`).
    pub step: String,
    /// The accepted form shown as the right answer.
    pub expected: String,
    /// Where the answer differs, when the grader can tell.
    pub diff: Option<String>,
}

/// Grades `given` against the accepted forms (the first is the one shown).
pub fn grade_typed(accepted: &[String], given: &str) -> Typed {
    let expected = accepted.first().cloned().unwrap_or_default();
    if accepted.iter().any(|a| a.trim() == given.trim()) {
        return typed(Verdict::Correct, "exact", expected);
    }
    let g = normalise(given);
    if !g.is_empty() && accepted.iter().any(|a| normalise(a) == g) {
        return typed(Verdict::Correct, "normalised", expected);
    }
    typed(Verdict::Wrong, "no match", expected)
}

fn typed(verdict: Verdict, step: &str, expected: String) -> Typed {
    Typed {
        verdict,
        step: step.to_owned(),
        expected,
        diff: None,
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
pub fn grade_list(items: &[Vec<String>], given: &str) -> ListGrade {
    let parts: Vec<&str> = given
        .split(['、', ',', ',', ';', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut found = vec![false; items.len()];
    for part in parts {
        if let Some(i) = (0..items.len())
            .find(|&i| !found[i] && grade_typed(&items[i], part).verdict == Verdict::Correct)
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
    fn typed_answers_match_after_normalisation() {
        let acc = s(&["上海合作组织", "SCO"]);
        assert_eq!(grade_typed(&acc, "上海合作组织").verdict, Verdict::Correct);
        assert_eq!(grade_typed(&acc, " s.c.o ").step, "normalised");
        assert_eq!(grade_typed(&acc, "ＳＣＯ").verdict, Verdict::Correct);
        assert_eq!(grade_typed(&acc, "北约").verdict, Verdict::Wrong);
        assert_eq!(grade_typed(&acc, "").verdict, Verdict::Wrong);
        assert_eq!(grade_typed(&s(&["3.5"]), "35").verdict, Verdict::Wrong);
        assert_eq!(
            grade_typed(&s(&["1000"]), "1,000").verdict,
            Verdict::Correct
        );
    }

    #[test]
    fn lists_give_partial_credit_and_name_the_missing() {
        let items = vec![s(&["甲"]), s(&["乙", "乙乙"]), s(&["丙"]), s(&["丁"])];
        assert_eq!(
            grade_list(&items, "丁、乙乙;甲,丙").verdict,
            Verdict::Correct
        );
        let half = grade_list(&items, "甲,乙");
        assert_eq!(half.verdict, Verdict::Almost);
        assert_eq!(half.missing, s(&["丙", "丁"]));
        assert_eq!(grade_list(&items, "甲;甲").verdict, Verdict::Wrong);
    }

    #[test]
    fn orders_parse_from_letters_or_numbers() {
        assert_eq!(parse_order("BADC", 4), Some(vec![1, 0, 3, 2]));
        assert_eq!(parse_order("2 1 4 3", 4), Some(vec![1, 0, 3, 2]));
        assert_eq!(parse_order("AAB", 3), None);
        assert_eq!(grade_order(&[1, 0], "ba"), Verdict::Correct);
    }
}
