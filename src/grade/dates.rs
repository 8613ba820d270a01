//! Dates in common Chinese, ISO and English forms, rewritten to one canonical form,
//! `2021年5月12日` (year and day optional), so `2021-05-12`, `12 May 2021`, `May 12, 2021` and
//! `二〇二一年五月十二日` (after the numerals step) compare equal. Day-first and month-first
//! all-numeric forms with slashes (`05/12/2021`) are ambiguous and deliberately not read.

use std::sync::LazyLock;

use regex::{Captures, Regex};

const MONTHS: &str = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?";

struct Patterns {
    iso: Regex,
    iso_month: Regex,
    month_only: Regex,
    day_month: Regex,
    month_day: Regex,
    month_year: Regex,
    month_dash_day: Regex,
    chinese: Regex,
}

// `(?-u:\b)` is an ASCII word boundary: a Han character next to a digit counts as a boundary,
// which is what we want for `于2021-05-12举行`.
static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let re = |p: &str| Regex::new(p).expect("date patterns are valid regular expressions");
    Patterns {
        iso: re(r"(?-u:\b)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?-u:\b)"),
        iso_month: re(r"(?-u:\b)(\d{4})[-/.](\d{1,2})(?-u:\b)"),
        month_only: re(&format!(r"^\s*(?:in\s+)?{MONTHS}\s*$")),
        day_month: re(&format!(
            r"(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:of\s+)?{MONTHS}(?:,?\s*(\d{{4}}))?(?-u:\b)"
        )),
        month_day: re(&format!(
            r"(?-u:\b){MONTHS}\s*(\d{{1,2}})(?:st|nd|rd|th)?(?:(?:,\s*|\s+)(\d{{4}}))?(?-u:\b)"
        )),
        month_year: re(&format!(r"(?-u:\b){MONTHS},?\s*(\d{{4}})(?-u:\b)")),
        month_dash_day: re(r"(?-u:\b)(\d{1,2})-(\d{1,2})(?-u:\b)"),
        chinese: re(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?"),
    }
});

fn month_number(name: &str) -> Option<u32> {
    let m = match name.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn canonical(year: Option<&str>, month: u32, day: Option<&str>) -> Option<String> {
    let year: Option<u32> = match year {
        Some(y) => Some(y.parse().ok()?),
        None => None,
    };
    let day: Option<u32> = match day {
        Some(d) => Some(d.parse().ok()?),
        None => None,
    };
    if !(1..=12).contains(&month) || day.is_some_and(|d| !(1..=31).contains(&d)) {
        return None;
    }
    let mut out = String::new();
    if let Some(y) = year {
        out.push_str(&format!("{y}年"));
    }
    out.push_str(&format!("{month}月"));
    if let Some(d) = day {
        out.push_str(&format!("{d}日"));
    }
    Some(out)
}

/// Rewrites every date found to the canonical form; returns the text and whether any date was
/// found. Text that only looks like a date but is not valid (month 13) is left as it was.
pub(crate) fn canonicalize(s: &str) -> (String, bool) {
    let p = &*PATTERNS;
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        // Only a month name alone (`November`) can be a date without digits.
        if s.len() <= 16
            && let Some(c) = p.month_only.captures(s)
            && let Some(d) = month_number(&c[1]).and_then(|m| canonical(None, m, None))
        {
            return (d, true);
        }
        return (s.to_owned(), false);
    }
    let mut found = false;
    let mut apply = |text: String, re: &Regex, f: &dyn Fn(&Captures) -> Option<String>| {
        if !re.is_match(&text) {
            return text;
        }
        re.replace_all(&text, |c: &Captures| match f(c) {
            Some(d) => {
                found = true;
                d
            }
            None => c[0].to_owned(),
        })
        .into_owned()
    };
    let mut t = apply(s.to_owned(), &p.iso, &|c| {
        canonical(g(c, 1), c[2].parse().ok()?, g(c, 3))
    });
    t = apply(t, &p.iso_month, &|c| {
        canonical(g(c, 1), c[2].parse().ok()?, None)
    });
    t = apply(t, &p.month_only, &|c| {
        canonical(None, month_number(&c[1])?, None)
    });
    t = apply(t, &p.day_month, &|c| {
        canonical(g(c, 3), month_number(&c[2])?, g(c, 1))
    });
    t = apply(t, &p.month_day, &|c| {
        canonical(g(c, 3), month_number(&c[1])?, g(c, 2))
    });
    t = apply(t, &p.month_year, &|c| {
        canonical(g(c, 2), month_number(&c[1])?, None)
    });
    t = apply(t, &p.month_dash_day, &|c| {
        canonical(None, c[1].parse().ok()?, g(c, 2))
    });
    t = apply(t, &p.chinese, &|c| {
        // A bare `5月` with neither year nor day is a month, not a date.
        if c.get(1).is_none() && c.get(3).is_none() {
            return None;
        }
        canonical(g(c, 1), c[2].parse().ok()?, g(c, 3))
    });
    (t, found)
}

fn g<'h>(c: &Captures<'h>, i: usize) -> Option<&'h str> {
    c.get(i).map(|m| m.as_str())
}

/// A whole answer that is one canonical date: (year, month, day).
pub(crate) fn whole(s: &str) -> Option<(Option<u32>, u32, Option<u32>)> {
    static WHOLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?$")
            .expect("the canonical date pattern is a valid regular expression")
    });
    let c = WHOLE.captures(s)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse().ok());
    Some((num(1), num(2)?, num(3)))
}

/// The canonical dates in a normalised answer, for showing a difference.
pub(crate) fn find_all(s: &str) -> Vec<String> {
    static FIND: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?")
            .expect("the canonical date pattern is a valid regular expression")
    });
    FIND.find_iter(s).map(|m| m.as_str().to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(s: &str) -> String {
        canonicalize(s).0
    }

    #[test]
    fn common_forms_agree() {
        for s in [
            "2021年5月12日",
            "2021年05月12日",
            "2021-05-12",
            "2021/5/12",
            "2021.05.12",
            "12 may 2021",
            "12th may 2021",
            "12 may, 2021",
            "may 12, 2021",
            "may 12 2021",
            "the 12th of may 2021",
        ] {
            assert!(canon(s).contains("2021年5月12日"), "{s} → {}", canon(s));
        }
        assert_eq!(canon("05-12"), "5月12日");
        assert_eq!(canon("5月12日"), "5月12日");
        assert_eq!(canon("may 12"), "5月12日");
        assert_eq!(canon("september 2020"), "2020年9月");
        assert_eq!(canon("于2021-05-12举行"), "于2021年5月12日举行");
        assert_eq!(canon("2020-07"), "2020年7月");
        assert_eq!(canon("november"), "11月");
        assert_eq!(canon("nov."), "11月");
        assert_eq!(canon("2019-2020"), "2019-2020");
    }

    #[test]
    fn non_dates_are_left_alone() {
        assert_eq!(canon("2021-13-12"), "2021-13-12");
        assert_eq!(canon("we may 12"), "we 5月12日"); // accepted cost: "may 12" reads as a date
        assert_eq!(canon("5月"), "5月");
        assert!(!canonicalize("450个").1);
    }

    #[test]
    fn whole_dates_are_recognised() {
        assert_eq!(whole("2021年5月12日"), Some((Some(2021), 5, Some(12))));
        assert_eq!(whole("5月12日"), Some((None, 5, Some(12))));
        assert_eq!(whole("5月12日在西安"), None);
    }
}
