//! The normalisation stages of the pipeline. Each stage is a pure function; [`Forms`] holds the
//! answer as it looks after each stage so the grader can report the first stage at which the two
//! answers agree.

use unicode_normalization::UnicodeNormalization;

use super::lexicon::Lexicon;
use super::{dates, numerals};

/// A token of a normalised answer: one Han character, or a run of other letters and digits (an
/// English word, a number, `5g`). Han characters stand alone because Chinese has no spaces to
/// find words by; alias keys match any run of them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Tok {
    Han(char),
    Word(String),
}

impl Tok {
    pub(crate) fn push_to(&self, s: &mut String) {
        match self {
            Tok::Han(c) => s.push(*c),
            Tok::Word(w) => s.push_str(w),
        }
    }
}

/// Han ideographs (URO, extensions A–I, compatibility ideographs) and `〇`.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{323AF}')
}

/// Full-width and half-width forms and the ideographic space: folded by the Width stage, not by
/// the NFKC stage, so that the reported step says what the student actually did.
fn is_width_form(c: char) -> bool {
    matches!(c, '\u{3000}' | '\u{FF01}'..='\u{FFEE}')
}

/// NFKC of everything except width forms.
pub(crate) fn nfkc_keep_width(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut seg_start = 0;
    for (i, c) in s.char_indices() {
        if is_width_form(c) {
            out.extend(s[seg_start..i].nfkc());
            out.push(c);
            seg_start = i + c.len_utf8();
        }
    }
    out.extend(s[seg_start..].nfkc());
    out
}

pub(crate) fn nfkc(s: &str) -> String {
    if s.is_ascii() {
        s.to_owned()
    } else {
        s.nfkc().collect()
    }
}

/// Splits into tokens, dropping punctuation, spaces, control and format characters (including
/// RTL marks). An apostrophe inside a word is dropped without splitting it. A decimal point and a percent sign stay inside a number; `&` reads as `and`.
pub(crate) fn tokenize(s: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut word = String::new();
    let mut chars = s.chars().peekable();
    let flush = |word: &mut String, toks: &mut Vec<Tok>| {
        if !word.is_empty() {
            toks.push(Tok::Word(std::mem::take(word)));
        }
    };
    while let Some(c) = chars.next() {
        if is_han(c) {
            flush(&mut word, &mut toks);
            toks.push(Tok::Han(c));
        } else if c.is_alphanumeric() {
            word.push(c);
        } else if matches!(c, '\'' | '\u{2019}')
            && word.ends_with(char::is_alphabetic)
            && chars
                .peek()
                .is_some_and(|n| n.is_alphabetic() && !is_han(*n))
        {
            // An apostrophe inside a word joins it (xi'an, people's): splitting would leave
            // `an` or `s` as a word of its own.
        } else if word.ends_with(|d: char| d.is_ascii_digit())
            && (c == '%' || (c == '.' && chars.peek().is_some_and(char::is_ascii_digit)))
        {
            word.push(c);
        } else if c == '&' {
            flush(&mut word, &mut toks);
            toks.push(Tok::Word("and".to_owned()));
        } else {
            flush(&mut word, &mut toks);
        }
    }
    flush(&mut word, &mut toks);
    toks
}

pub(crate) fn drop_articles(toks: &mut Vec<Tok>) {
    toks.retain(|t| !matches!(t, Tok::Word(w) if w == "the" || w == "a" || w == "an"));
}

pub(crate) fn join(toks: &[Tok]) -> String {
    let mut s = String::new();
    for t in toks {
        t.push_to(&mut s);
    }
    s
}

pub(crate) fn has_han(s: &str) -> bool {
    s.chars().any(is_han)
}

pub(crate) fn to_simplified(s: &str) -> String {
    if has_han(s) {
        // 於 is also a simplified character (a surname), so the tables keep it; in an answer
        // it is the traditional 于 (關於 = 关于). Both sides of a comparison pass here.
        zhconv::zhconv(s, zhconv::Variant::ZhHans).replace('於', "于")
    } else {
        s.to_owned()
    }
}

/// Number words and numerals to digits, Chinese and English.
pub(crate) fn numerals(s: &str) -> String {
    numerals::english(&numerals::chinese(s))
}

/// An answer as it looks after each stage. Levels below Punctuation are whole strings; from
/// Punctuation on they are the tokens joined without separators.
#[derive(Debug, Clone)]
pub(crate) struct Forms {
    pub raw: String,
    pub nfkc: String,
    pub case: String,
    pub width: String,
    pub punctuation: String,
    pub articles: String,
    pub simplified: String,
    /// Tokens after traditional → simplified, before numerals: what pinyin is matched against.
    pub simplified_toks: Vec<Tok>,
    pub numerals: String,
    pub date: String,
    /// Tokens after dates, before aliases: the fallback for the edit distance, so that a typo
    /// in an aliased English name (`Shanghai Spirrit`) is still seen as close.
    pub date_toks: Vec<Tok>,
    pub has_date: bool,
    pub alias: String,
    pub alias_toks: Vec<Tok>,
    /// The forms before and after aliases with every numeral read, names too (`十四五` →
    /// `14·5·`).
    pub loose: [String; 2],
}

impl Forms {
    pub(crate) fn new(raw: &str, lex: &Lexicon) -> Forms {
        let nfkc_s = nfkc_keep_width(raw);
        let case = nfkc_s.to_lowercase();
        let width = nfkc(&case);
        let mut toks = tokenize(&width);
        let punctuation = join(&toks);
        drop_articles(&mut toks);
        let articles = join(&toks);

        let simp_s = to_simplified(&width);
        let mut simplified_toks = tokenize(&simp_s);
        drop_articles(&mut simplified_toks);
        let simplified = join(&simplified_toks);

        let num_s = numerals(&simp_s);
        let mut toks = tokenize(&num_s);
        drop_articles(&mut toks);
        let numerals = join(&toks);

        let (date_s, has_date) = dates::canonicalize(&num_s);
        let mut toks = tokenize(&date_s);
        drop_articles(&mut toks);
        let date = join(&toks);

        let alias_toks = lex.apply(toks.clone());
        let alias = join(&alias_toks);
        let loose = [numerals::loose(&date), numerals::loose(&alias)];
        Forms {
            raw: raw.to_owned(),
            nfkc: nfkc_s,
            case,
            width,
            punctuation,
            articles,
            simplified,
            simplified_toks,
            numerals,
            date,
            date_toks: toks,
            has_date,
            alias,
            alias_toks,
            loose,
        }
    }
}

/// The tokens of a lexicon entry: the same stages as an answer, up to (not including) aliases.
pub(crate) fn key_tokens(s: &str) -> Vec<Tok> {
    let width = nfkc(&nfkc_keep_width(s).to_lowercase());
    let num_s = numerals(&to_simplified(&width));
    let (date_s, _) = dates::canonicalize(&num_s);
    let mut toks = tokenize(&date_s);
    drop_articles(&mut toks);
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_forms_survive_the_nfkc_stage() {
        assert_eq!(nfkc_keep_width("ＳＣＯ①"), "ＳＣＯ1");
        assert_eq!(nfkc("ＳＣＯ，２０"), "SCO,20");
    }

    #[test]
    fn tokens_drop_punctuation_and_keep_numbers_whole() {
        let t = tokenize("“上海 精神”, 1.5% & 5g");
        assert_eq!(join(&t), "上海精神1.5%and5g");
        assert_eq!(join(&tokenize("\u{200f}a\u{0}b\u{202e}")), "ab");
    }
}
