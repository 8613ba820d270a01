//! Chinese and English numerals → ASCII digits, so that `四百五十个`, `450个` and `four hundred
//! and fifty` compare equal and the number guard sees the same digits on both sides.
//!
//! Chinese numerals are converted only where they are clearly quantities: before a measure word,
//! after `第`, before `成` (tenths, `九成` = 90%), after `百分之`, or standing alone. Set phrases
//! such as `一带一路`, `三股势力`, `十四五` or `一手` are left alone because nothing tells us they
//! count anything (text.md §1.2 step 5).

/// Measure words (and the two quantity suffixes 多/余) after which a numeral is a quantity.
const MEASURE: &str = "个项所名国年月日号周届次条点倍位批多余天岁家份人架轮期";

/// Characters after which 一 belongs to a word rather than counting (新一批, 进一步).
const WORD_BEFORE_ONE: &str = "新这那每同另进统唯单逐专划";

fn is_cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn cn_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1_000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

/// Whether `c` is a Chinese numeral character (a digit or a unit).
pub(crate) fn is_numeral(c: char) -> bool {
    is_numeral_char(c)
}

fn is_numeral_char(c: char) -> bool {
    is_cn_digit(c).is_some() || cn_unit(c).is_some()
}

/// The value of a run of Chinese numeral characters, possibly mixed with ASCII digits (`3万`).
/// Returns `None` on overflow or on a shape we do not understand; the caller then leaves the
/// text as it was rather than guessing.
fn value(run: &[char]) -> Option<u64> {
    let has_unit = run.iter().any(|&c| cn_unit(c).is_some());
    if !has_unit {
        // ASCII digits and Chinese digits mixed without a unit (`14五`) are no number: most
        // likely a name typed half in digits (十四五), which is compared as text.
        if run.iter().any(char::is_ascii_digit) && run.iter().any(|&c| is_cn_digit(c).is_some()) {
            return None;
        }
        // Digit by digit, as years are written: 二〇二一 → 2021.
        let mut v: u64 = 0;
        for &c in run {
            let d = is_cn_digit(c).or_else(|| c.to_digit(10).map(u64::from))?;
            v = v.checked_mul(10)?.checked_add(d)?;
        }
        return Some(v);
    }
    let mut total: u64 = 0; // completed 亿 groups
    let mut section: u64 = 0; // completed 万 groups below the current 亿
    let mut small: u64 = 0; // below 万
    let mut current: Option<u64> = None; // the pending digit(s)
    let mut prev_ascii = false;
    // The unit just before the pending digit: a final digit right after 百, 千 or 万 counts in
    // the next unit down (四百五 = 450, 两千五 = 2500, 三万五 = 35000).
    let mut last_unit: Option<u64> = None;
    let mut after_zero = false;
    for &c in run {
        if let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
            let d = u64::from(d);
            current = Some(if prev_ascii {
                current.unwrap_or(0).checked_mul(10)?.checked_add(d)?
            } else {
                d
            });
            prev_ascii = true;
            continue;
        }
        prev_ascii = false;
        if let Some(d) = is_cn_digit(c) {
            // 零 is a placeholder (一千零五). Two digits in a row in a run with units is not a
            // number but a name such as 十四五, which we refuse to read.
            if d == 0 {
                current = None;
                after_zero = true;
            } else if current.replace(d).is_some() {
                return None;
            }
            continue;
        }
        let unit = cn_unit(c)?;
        last_unit = Some(unit);
        after_zero = false;
        match unit {
            u @ (10 | 100 | 1_000) => {
                // A bare 十 means 10 (十二 = 12).
                let n = current.take().unwrap_or(1);
                small = small.checked_add(n.checked_mul(u)?)?;
            }
            10_000 => {
                let n = small.checked_add(current.take().unwrap_or(0))?;
                let n = if n == 0 { 1 } else { n };
                section = section.checked_add(n.checked_mul(10_000)?)?;
                small = 0;
            }
            _ => {
                let n = section
                    .checked_add(small)?
                    .checked_add(current.take().unwrap_or(0))?;
                let n = if n == 0 { 1 } else { n };
                total = total.checked_add(n.checked_mul(100_000_000)?)?;
                section = 0;
                small = 0;
            }
        }
    }
    let tail = match (current, last_unit) {
        (Some(d), Some(u))
            if u >= 100 && !after_zero && run.last().is_some_and(|c| is_cn_digit(*c).is_some()) =>
        {
            d.checked_mul(u / 10)?
        }
        (d, _) => d.unwrap_or(0),
    };
    total
        .checked_add(section)?
        .checked_add(small)?
        .checked_add(tail)
}

fn is_boundary(c: Option<&char>) -> bool {
    c.is_none_or(|c| !c.is_alphanumeric())
}

/// Converts Chinese numerals in quantity positions to digits. `九成` becomes `90%`, `百分之五十`
/// becomes `50%`.
pub(crate) fn chinese(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if !chars.iter().any(|&c| is_numeral_char(c)) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        // 百分之N → N%
        if chars[i..].starts_with(&['百', '分', '之']) {
            let start = i + 3;
            let end = run_end(&chars, start);
            if end > start
                && !chars[start..end].iter().all(char::is_ascii_digit)
                && let Some(v) = value(&chars[start..end])
            {
                out.push_str(&v.to_string());
                out.push('%');
                i = end;
                continue;
            }
        }
        let c = chars[i];
        if !is_numeral_char(c) && !c.is_ascii_digit() {
            out.push(c);
            i += 1;
            continue;
        }
        let end = run_end(&chars, i);
        let run = &chars[i..end];
        if run.iter().all(char::is_ascii_digit) {
            out.extend(run);
            i = end;
            continue;
        }
        let next = chars.get(end);
        let prev = if i == 0 { None } else { chars.get(i - 1) };
        let quantity = next.is_some_and(|n| MEASURE.contains(*n))
            || chars[end..].starts_with(&['方', '面'])
            || prev == Some(&'第')
            || (is_boundary(prev) && is_boundary(next));
        let tenths = next == Some(&'成');
        // 一 after 新, 这, 每… is part of a word (新一批, 这一, 进一步, 统一), not a count.
        let in_word = run == ['一'] && prev.is_some_and(|p| WORD_BEFORE_ONE.contains(*p));
        let quantity = quantity && !in_word;
        match value(run) {
            Some(v) if tenths && v <= 10 => {
                out.push_str(&(v * 10).to_string());
                out.push('%');
                i = end + 1;
            }
            Some(v) if quantity => {
                out.push_str(&v.to_string());
                i = end;
            }
            _ => {
                out.extend(run);
                i = end;
            }
        }
    }
    out
}

/// Every numeral run read as its numbers wherever it stands, in names too: `十四五` and `14五`
/// both read `14·5·`, `145` reads `145·`. This tells a name typed half in digits from a
/// different number; the number guard never uses it for anything but agreement.
pub(crate) fn loose(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if !chars
        .iter()
        .any(|&c| is_numeral_char(c) || c.is_ascii_digit())
    {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !is_numeral_char(c) && !c.is_ascii_digit() {
            out.push(c);
            i += 1;
            continue;
        }
        let end = run_end(&chars, i);
        let run = &chars[i..end];
        // Long runs are not names; read them whole or leave them (and stay linear).
        if run.len() > 24 {
            out.extend(run);
        } else {
            let mut k = 0;
            while k < run.len() {
                // The longest prefix that reads as one number; one character always does.
                let (v, j) = (k + 1..=run.len())
                    .rev()
                    .find_map(|j| value(&run[k..j]).map(|v| (v, j)))
                    .unwrap_or((0, k + 1));
                out.push_str(&v.to_string());
                out.push('·');
                k = j;
            }
        }
        i = end;
    }
    out
}

/// End of a run of numeral characters (Chinese or ASCII digits) starting at `start`.
fn run_end(chars: &[char], start: usize) -> usize {
    let mut end = start;
    while end < chars.len() && (is_numeral_char(chars[end]) || chars[end].is_ascii_digit()) {
        end += 1;
    }
    end
}

fn small_word(w: &str) -> Option<u64> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn scale_word(w: &str) -> Option<u64> {
    Some(match w {
        "hundred" => 100,
        "thousand" => 1_000,
        "million" => 1_000_000,
        "billion" => 1_000_000_000,
        _ => return None,
    })
}

/// A word of the input with its byte span.
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// Converts English number words (`five`, `twenty-five`, `four hundred and fifty`, `a thousand`,
/// `3 million`) to digits, and drops thousands separators (`1,000` → `1000`).
pub(crate) fn english(s: &str) -> String {
    let s = drop_group_commas(s);
    if !s.bytes().any(|b| b.is_ascii_alphabetic()) {
        return s;
    }
    // Words: maximal runs of ASCII letters or of ASCII digits.
    let mut words = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let alpha = bytes[i].is_ascii_alphabetic();
        let digit = bytes[i].is_ascii_digit();
        if !alpha && !digit {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (if alpha {
                bytes[i].is_ascii_alphabetic()
            } else {
                bytes[i].is_ascii_digit()
            })
        {
            i += 1;
        }
        words.push(Word {
            text: &s[start..i],
            start,
            end: i,
        });
    }
    // Only spaces and hyphens may separate the words of one number.
    let joinable = |a: &Word, b: &Word| s[a.end..b.start].bytes().all(|c| c == b' ' || c == b'-');
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    let mut w = 0;
    while w < words.len() {
        if let Some((value, last)) = parse_number(&words, w, &joinable) {
            out.push_str(&s[copied..words[w].start]);
            out.push_str(&value.to_string());
            copied = words[last].end;
            w = last + 1;
        } else {
            w += 1;
        }
    }
    out.push_str(&s[copied..]);
    out
}

/// Parses a number starting at word `w`; returns its value and the index of its last word.
fn parse_number(
    words: &[Word],
    w: usize,
    joinable: &dyn Fn(&Word, &Word) -> bool,
) -> Option<(u64, usize)> {
    let first = words[w].text;
    let starts = small_word(first).is_some()
        || (first == "a"
            && words
                .get(w + 1)
                .is_some_and(|n| scale_word(n.text).is_some()))
        || (first.bytes().all(|b| b.is_ascii_digit())
            && words
                .get(w + 1)
                .is_some_and(|n| scale_word(n.text).is_some()));
    if !starts {
        return None;
    }
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut last = w;
    let mut k = w;
    let mut seen_word = false;
    while k < words.len() {
        if k > w && !joinable(&words[k - 1], &words[k]) {
            break;
        }
        let t = words[k].text;
        if let Some(v) = small_word(t) {
            // `twenty five` is one number, `five five` two: a units word may follow only a
            // tens word or a round hundred, a tens word only a round hundred.
            let pending = current % 100;
            let fits = pending == 0 || (v < 10 && pending >= 20 && pending.is_multiple_of(10));
            if !fits {
                break;
            }
            current = current.checked_add(v)?;
            seen_word = true;
        } else if let Some(sc) = scale_word(t) {
            let base = if current == 0 { 1 } else { current };
            if sc == 100 {
                current = base.checked_mul(100)?;
            } else {
                total = total.checked_add(base.checked_mul(sc)?)?;
                current = 0;
            }
            seen_word = true;
        } else if k == w && (t == "a" || t.bytes().all(|b| b.is_ascii_digit())) {
            current = if t == "a" { 1 } else { t.parse().ok()? };
        } else if t == "and"
            && k > w
            && words
                .get(k + 1)
                .is_some_and(|n| small_word(n.text).is_some())
            && words.get(k + 1).is_some_and(|n| joinable(&words[k], n))
        {
            k += 1;
            continue;
        } else {
            break;
        }
        last = k;
        k += 1;
    }
    seen_word.then(|| total.checked_add(current).map(|v| (v, last)))?
}

/// `1,000,000` → `1000000`: a comma between a digit and exactly three digits.
fn drop_group_commas(s: &str) -> String {
    if !s.contains(',') {
        return s.to_owned();
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == ','
            && i > 0
            && b[i - 1].is_ascii_digit()
            && b.len() >= i + 4
            && b[i + 1..i + 4].iter().all(u8::is_ascii_digit)
            && b.get(i + 4).is_none_or(|n| !n.is_ascii_digit())
        {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_quantities_become_digits() {
        assert_eq!(chinese("四百五十个奖学金名额"), "450个奖学金名额");
        assert_eq!(chinese("二十多项文件草案"), "20多项文件草案");
        assert_eq!(chinese("九月十六日"), "9月16日");
        assert_eq!(chinese("四项举措"), "4项举措");
        assert_eq!(chinese("四方面"), "4方面");
        assert_eq!(chinese("两千多年"), "2000多年");
        assert_eq!(chinese("一千"), "1000");
        assert_eq!(chinese("五"), "5");
        assert_eq!(chinese("两"), "2");
        assert_eq!(chinese("第二次会晤"), "第2次会晤");
        assert_eq!(chinese("二〇二一年"), "2021年");
        assert_eq!(chinese("一千零五个"), "1005个");
        assert_eq!(chinese("四百五"), "450");
        assert_eq!(chinese("两千五百"), "2500");
        assert_eq!(chinese("两千五"), "2500");
        assert_eq!(chinese("三万五"), "35000");
        assert_eq!(chinese("一百零五"), "105");
        assert_eq!(chinese("十五"), "15");
        assert_eq!(chinese("三万人"), "30000人");
        assert_eq!(chinese("3万人"), "30000人");
        assert_eq!(chinese("九成左右"), "90%左右");
        assert_eq!(chinese("百分之五十"), "50%");
    }

    #[test]
    fn numerals_inside_words_are_text() {
        assert_eq!(chinese("新一批疫苗援助"), "新一批疫苗援助");
        assert_eq!(chinese("进一步"), "进一步");
        assert_eq!(chinese("14五"), "14五");
        assert_eq!(chinese("一批"), "1批");
        assert_eq!(loose("十四五"), "14·5·");
        assert_eq!(loose("14五规划"), "14·5·规划");
        assert_eq!(loose("145"), "145·");
        assert_eq!(loose("中亚五国"), "中亚5·国");
    }

    #[test]
    fn repeated_units_are_two_numbers() {
        assert_eq!(english("five five"), "5 5");
        assert_eq!(english("twenty five"), "25");
        assert_eq!(english("one hundred five"), "105");
        assert_eq!(english("one thousand twenty"), "1020");
    }

    #[test]
    fn set_phrases_are_left_alone() {
        for s in [
            "一带一路",
            "三股势力",
            "十四五",
            "一手放任",
            "二战",
            "统一",
            "万里",
        ] {
            assert_eq!(chinese(s), s);
        }
    }

    #[test]
    fn english_number_words_become_digits() {
        assert_eq!(english("five"), "5");
        assert_eq!(english("twenty-five"), "25");
        assert_eq!(
            english("four hundred and fifty scholarships"),
            "450 scholarships"
        );
        assert_eq!(english("four hundred fifty"), "450");
        assert_eq!(english("a thousand experts"), "1000 experts");
        assert_eq!(english("1,000 experts"), "1000 experts");
        assert_eq!(english("3 million"), "3000000");
        assert_eq!(english("belt and road"), "belt and road");
        assert_eq!(english("a community"), "a community");
        assert_eq!(english("one and all"), "1 and all");
    }

    #[test]
    fn overflow_leaves_text_unchanged() {
        let huge = "九".repeat(40) + "个";
        assert_eq!(chinese(&huge), huge);
        let words = "billion ".repeat(10);
        let _ = english(&("one ".to_owned() + &words));
    }
}
