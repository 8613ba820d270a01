//! `[[source]] text`: the text of a deck's source, so a session can show the passage a fact
//! comes from. A one-line value names a file (relative to the deck file, read when the deck
//! is added); a value spanning several lines (`"""…"""`) is the text itself.
//!
//! Built-in decks carry no source text: decks hold facts and short official phrases, never
//! copies of whole articles.

use std::path::Path;

use super::Deck;
use crate::error::{Error, Result};

/// The largest source text a deck may carry (a long official article is under 100 KiB).
pub const MAX_SOURCE_TEXT_BYTES: u64 = 2 << 20;

/// A source's text as the deck gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceText {
    /// Read (from the deck file itself or from the file it names).
    Text(String),
    /// A file name not read: the deck was not read from a file (a stored or built-in deck).
    Unread,
}

/// Whether a `text =` value is the text itself rather than a file name.
fn is_inline(value: &str) -> bool {
    value.trim_end_matches('\n').contains('\n')
}

/// The text of each source with a `text` field, by source id: inline texts always, files
/// only when `dir` (the deck file's folder) is given. Errors name the deck file, the line and
/// the field.
pub fn load(deck: &Deck, dir: Option<&Path>) -> Result<Vec<(String, SourceText)>> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for s in &deck.file.sources {
        let Some(value) = &s.text else { continue };
        let id = s.id.get_ref().clone();
        let v = value.get_ref();
        if is_inline(v) {
            out.push((id, SourceText::Text(v.clone())));
            continue;
        }
        let Some(dir) = dir else {
            out.push((id, SourceText::Unread));
            continue;
        };
        let (line, col) = super::line_col(&deck.text, value.span().start);
        let at = format!("{}:{line}:{col}: source `{id}`, field `text`", deck.origin);
        let path = dir.join(v.trim());
        if v.trim().is_empty() {
            problems.push(format!(
                "{at}: empty (a file name, or the text itself over several lines)"
            ));
            continue;
        }
        let bytes = match crate::input::read_capped(&path, MAX_SOURCE_TEXT_BYTES, "source text") {
            Ok(b) => b,
            Err(Error::Io { source, .. }) => {
                problems.push(format!("{at}: cannot read {}: {source}", path.display()));
                continue;
            }
            Err(e) => {
                problems.push(format!("{at}: {e}"));
                continue;
            }
        };
        match String::from_utf8(bytes) {
            Ok(t) => out.push((id, SourceText::Text(t))),
            Err(_) => problems.push(format!("{at}: {} is not UTF-8 text", path.display())),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Error::Deck(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_over_several_lines_is_the_text_a_single_line_a_file() {
        assert!(is_inline("第一行\n第二行\n"));
        assert!(!is_inline("article.txt\n"));
        assert!(!is_inline("sources/article.txt"));
    }
}
