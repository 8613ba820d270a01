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
        // A deck comes from someone else: it may name a file beside it, never one elsewhere
        // on the student's machine (`/home/…/.ssh/…`, `../../…`), whose text would be stored
        // and shown. Nor a device or a pipe, which would hang or never end.
        if let Some(why) = outside(dir, v.trim()) {
            problems.push(format!("{at}: {why}"));
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

/// Why the file `name` (relative to the deck's folder `dir`) may not be read, if it may not:
/// it must be a regular file in that folder or below it, symbolic links resolved.
fn outside(dir: &Path, name: &str) -> Option<String> {
    use std::path::Component;
    let rel = Path::new(name);
    let escapes = rel
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    let beside = "must name a file in the deck's folder or below it";
    if escapes {
        return Some(format!("`{name}` {beside}"));
    }
    let (Ok(base), Ok(real)) = (dir.canonicalize(), dir.join(rel).canonicalize()) else {
        // Missing: reading it gives the usual "cannot read" error.
        return None;
    };
    if !real.starts_with(&base) {
        return Some(format!(
            "`{name}` leads out of the deck's folder: it {beside}"
        ));
    }
    match std::fs::metadata(&real) {
        Ok(m) if !m.is_file() && !m.is_dir() => Some(format!("`{name}` is not a regular file")),
        _ => None,
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

    #[test]
    fn only_files_beside_the_deck_may_be_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sources")).unwrap();
        std::fs::write(dir.path().join("sources/a.txt"), "text").unwrap();
        assert_eq!(outside(dir.path(), "sources/a.txt"), None);
        assert_eq!(outside(dir.path(), "./sources/a.txt"), None);
        assert_eq!(
            outside(dir.path(), "missing.txt"),
            None,
            "left to the read's error"
        );
        for bad in ["/etc/passwd", "../a.txt", "sources/../../a.txt"] {
            assert!(outside(dir.path(), bad).is_some(), "{bad}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc/hostname", dir.path().join("link.txt")).unwrap();
            assert!(outside(dir.path(), "link.txt").is_some());
            std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.txt")).unwrap();
            assert!(outside(dir.path(), "zero.txt").is_some());
        }
    }
}
