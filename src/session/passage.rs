//! The source passage shown after a wrong answer: the sentence of the source text the fact
//! comes from, with the answer marked. Only for decks that carry their sources' text
//! (`[[source]] text`, docs/deck-format.md); the sentence is looked for in the lines the
//! question's reference names (`答二 L14-L20`), else in the whole text.

use std::io::Write;

use crate::db::Db;
use crate::error::{Error, Result};
use crate::question::{Answer, Question};

/// Where the answer is marked when the output is not a terminal.
pub const OPEN: &str = "«";
pub const CLOSE: &str = "»";

/// A passage to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// The reference it was found by (`答二 L14-L20`), if any.
    pub part: Option<String>,
    /// The sentence, the answer between « and ».
    pub plain: String,
    /// The sentence for a terminal: the answer bold and underlined.
    pub styled: String,
    /// Whether to show `styled`.
    pub terminal: bool,
}

/// `L14-L20` → (14, 20); `L8` → (8, 8): 1-based line numbers in a reference.
fn line_range(part: &str) -> Option<(usize, usize)> {
    for word in part.split_whitespace() {
        let Some(rest) = word.strip_prefix('L') else {
            continue;
        };
        let (a, b) = match rest.split_once('-') {
            Some((a, b)) => (a, b.trim_start_matches('L')),
            None => (rest, rest),
        };
        if let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>())
            && a >= 1
            && b >= a
        {
            return Some((a, b));
        }
    }
    None
}

/// What to look for and mark: the answer's forms, longest first.
fn answer_forms(a: &Answer) -> Vec<String> {
    let mut v: Vec<String> = match a {
        Answer::Text { accepted } => accepted.clone(),
        Answer::Choice { options, correct } => options.get(*correct).cloned().into_iter().collect(),
        Answer::List { items } => items.iter().flatten().cloned().collect(),
        Answer::Order { shown, .. } => shown.clone(),
        Answer::Reveal { answer } => vec![answer.clone()],
        Answer::Number { .. } | Answer::Date { .. } => vec![a.display()],
        Answer::TrueFalse { .. } => vec![],
    };
    v.retain(|s| s.chars().count() >= 2);
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.dedup();
    v
}

/// Sentences of `text`, each ending at 。！？；!? or a line break.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | '\n') {
            let end = i + c.len_utf8();
            out.push(&text[start..end]);
            start = end;
        }
    }
    out.push(&text[start..]);
    out.into_iter()
        .map(|s| s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}'))
        .filter(|s| !s.is_empty())
        .collect()
}

/// The sentence of `region` holding one of `forms` (the first form found wins), and the
/// forms it holds.
fn find<'a>(region: &'a str, forms: &[String]) -> Option<(&'a str, Vec<String>)> {
    let ss = sentences(region);
    for f in forms {
        if let Some(s) = ss.iter().find(|s| s.contains(f.as_str())) {
            let held = forms
                .iter()
                .filter(|g| s.contains(g.as_str()))
                .cloned()
                .collect();
            return Some((s, held));
        }
    }
    None
}

/// `sentence` with each occurrence of `forms` (longest first, never overlapping) wrapped by
/// `mark`.
fn marked(sentence: &str, forms: &[String], mark: &dyn Fn(&str) -> String) -> String {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for f in forms {
        for (i, _) in sentence.match_indices(f.as_str()) {
            let e = i + f.len();
            if spans.iter().all(|&(a, b)| e <= a || i >= b) {
                spans.push((i, e));
            }
        }
    }
    spans.sort();
    let mut out = String::new();
    let mut at = 0;
    for (a, b) in spans {
        out.push_str(&crate::term::clean_line(&sentence[at..a]));
        out.push_str(&mark(&crate::term::clean_line(&sentence[a..b])));
        at = b;
    }
    out.push_str(&crate::term::clean_line(&sentence[at..]));
    out
}

/// The passage for question `q`, when its deck carries the source's text and the sentence is
/// found.
pub fn for_question(db: &Db, q: &Question, terminal: bool) -> Result<Option<Passage>> {
    let Some(text) = db.source_text(&q.deck, &q.source.id)? else {
        return Ok(None);
    };
    let forms = answer_forms(&q.answer);
    if forms.is_empty() {
        return Ok(None);
    }
    let part = q.source.part.clone();
    let lines: Vec<&str> = text.lines().collect();
    let region = part
        .as_deref()
        .and_then(line_range)
        .filter(|&(a, _)| a <= lines.len())
        .map(|(a, b)| lines[a - 1..b.min(lines.len())].join("\n"));
    let found = region
        .as_deref()
        .and_then(|r| find(r, &forms))
        .or_else(|| find(&text, &forms));
    let Some((sentence, held)) = found else {
        return Ok(None);
    };
    let style = console::Style::new()
        .bold()
        .underlined()
        .force_styling(true);
    Ok(Some(Passage {
        part,
        plain: marked(sentence, &held, &|s| format!("{OPEN}{s}{CLOSE}")),
        styled: marked(sentence, &held, &|s| style.apply_to(s).to_string()),
        terminal,
    }))
}

/// Writes the passage: `From the source (答二 L14-L20): …`. Its text was cleaned piece by
/// piece before marking, so the marks survive.
pub fn write(out: &mut dyn Write, p: &Passage) -> Result<()> {
    let body = if p.terminal { &p.styled } else { &p.plain };
    let line = match p.part.as_deref() {
        Some(part) => crate::t!(
            "passage.from_part",
            part = crate::term::clean_line(part),
            body = body
        ),
        None => crate::t!("passage.from", body = body),
    } + "\n";
    super::prompt::emit(out, &line).map_err(|e| Error::io("stdout", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_references_are_read() {
        assert_eq!(line_range("答二 L14-L20"), Some((14, 20)));
        assert_eq!(line_range("答一 L8"), Some((8, 8)));
        assert_eq!(line_range("导语"), None);
    }

    #[test]
    fn the_sentence_holding_the_answer_is_marked() {
        let region = "  答:一是支持国际抗疫合作。二是做大国和睦共处典范。\n";
        let forms = vec!["做大国和睦共处典范".to_owned()];
        let (s, held) = find(region, &forms).unwrap();
        assert_eq!(s, "二是做大国和睦共处典范。");
        assert_eq!(
            marked(s, &held, &|x| format!("«{x}»")),
            "二是«做大国和睦共处典范»。"
        );
    }
}
