//! `--format csv` (Anki's text import); `--format quizlet` is in `quizlet.rs`.
//!
//! The CSV carries Anki's file headers, so Anki knows the separator, that fields are HTML,
//! which column holds the tags and which the note GUID (re-importing a newer export updates
//! notes instead of adding them again).

use super::apkg::{anki_html, anki_tag, breaks};
use super::{DeckData, answer_text, letter, options, prompt_html, true_false_label};
use crate::question::{Answer, Question};

/// The CSV text for Anki: header lines (separator, HTML, deck, tags and GUID columns), then
/// question, answer, tags and GUID per row.
pub fn render(d: &DeckData) -> String {
    render_with_tags(d, &std::collections::HashMap::new())
}

/// [`render`], adding to each row the tags its fact keeps (fact id → tags).
pub fn render_with_tags(
    d: &DeckData,
    kept: &std::collections::HashMap<String, Vec<String>>,
) -> String {
    let mut out = String::new();
    out.push_str("#separator:Comma\n");
    out.push_str("#html:true\n");
    // No `#columns:` line: Anki matches named columns to field names (Front, Back, or
    // whatever the user's language calls them); unnamed, they fill the fields in order.
    out.push_str(&format!("#deck:{}\n", one_line(d.title())));
    out.push_str("#tags column:3\n");
    out.push_str("#guid column:4\n");
    for (i, q) in d.questions.iter().enumerate() {
        let mut tags = d.tags(i);
        for t in kept.get(&q.fact).into_iter().flatten() {
            tags.push(' ');
            tags.push_str(&anki_tag(t));
        }
        let guid = guid(q);
        let row = [question_html(q), answer_html(q, &d.language), tags, guid];
        let cells: Vec<String> = row.iter().map(|c| quote(&defuse_html(c))).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// The question field: the prompt, then the options one per line. Line breaks in the deck's
/// text become `<br>`: the file says `#html:true`, so a raw line break would be a space.
pub fn question_html(q: &Question) -> String {
    let mut s = breaks(prompt_html(&q.prompt));
    if let Some(opts) = options(q) {
        for (i, o) in opts.iter().enumerate() {
            s.push_str(&format!("<br>{}. {}", letter(i), anki_html(o)));
        }
    }
    s
}

/// The answer field: the right answer (a letter and option for multiple choice; true or
/// false in the deck's language).
pub fn answer_html(q: &Question, language: &str) -> String {
    match q.answer {
        Answer::TrueFalse { value } => true_false_label(value, language).to_owned(),
        _ => anki_html(&answer_text(q)),
    }
}

/// The GUID column: distinct from the .apkg export's GUIDs, because Anki's text import puts
/// notes in the Basic note type and one GUID cannot belong to two note types.
fn guid(q: &Question) -> String {
    format!("quiz-csv:{}", q.uid)
}

/// A spreadsheet reads a cell starting with `=`, `+`, `-` or `@` as a formula (formula
/// injection: a deck's text could run one on the instructor's machine). The cells are HTML,
/// so that first character becomes its character reference: Anki shows the same text, a
/// spreadsheet sees text.
fn defuse_html(s: &str) -> std::borrow::Cow<'_, str> {
    match s.chars().next() {
        Some(c @ ('=' | '+' | '-' | '@')) => format!("&#{};{}", c as u32, &s[1..]).into(),
        _ => s.into(),
    }
}

/// [`defuse_html`] for plain text: a leading apostrophe, which spreadsheets take as "this
/// is text".
pub(crate) fn defuse_plain(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// A CSV cell, quoted when it holds a comma, a quote, a line break or a leading `#` (which
/// Anki would read as a header line).
fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with('#') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

pub(crate) fn one_line(s: &str) -> String {
    s.split(['\t', '\n', '\r'])
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote("a"), "a");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(quote("#1"), "\"#1\"");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse_html("=HYPERLINK(\"x\")"), "&#61;HYPERLINK(\"x\")");
        assert_eq!(defuse_html("@SUM(A1)"), "&#64;SUM(A1)");
        assert_eq!(defuse_html("plain"), "plain");
        assert_eq!(defuse_plain("-2+3"), "'-2+3");
    }
}
