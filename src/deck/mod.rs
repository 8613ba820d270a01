//! Deck files: the TOML model, parsing and validation, and the decks built into the binary.

pub mod builtin;
mod chunked;
pub mod model;
pub mod source_text;
mod validate;

use crate::error::{Error, Result};
pub use model::DeckFile;

/// A deck file that parsed and validated.
#[derive(Debug, Clone)]
pub struct Deck {
    pub file: DeckFile,
    /// Where it came from, as errors name it: a path, or `builtin:NAME`.
    pub origin: String,
    /// The text as read, kept so `quiz export --format toml` gives back exactly this file.
    pub text: String,
    /// `[[source]] text` by source id (see [`source_text`]).
    pub source_texts: Vec<(String, source_text::SourceText)>,
}

impl Deck {
    pub fn id(&self) -> &str {
        self.file.deck.id.get_ref()
    }
}

/// A deck file as stored in the database, for readers that only look things up in it
/// (stats, browse): read piece by piece where that is sound, without validating again (it was
/// validated when added). `None` for a file this version reads differently.
pub fn read_stored(text: &str) -> Option<DeckFile> {
    chunked::parse(text).or_else(|| toml::from_str(text).ok())
}

/// Parses and validates a deck. Errors name `origin`, the line, the column and the field.
pub fn parse(origin: &str, text: &str) -> Result<Deck> {
    parse_owned(origin, text.to_owned())
}

/// [`parse`] of a text the caller no longer needs: the deck keeps it without a copy.
pub fn parse_owned(origin: &str, text: String) -> Result<Deck> {
    let parsed = match chunked::parse(&text) {
        Some(file) => Ok(file),
        None => toml::from_str(&text),
    };
    let file: DeckFile = parsed.map_err(|e| {
        let (line, col) = e.span().map_or((1, 1), |s| line_col(&text, s.start));
        let msg = match e.message().trim_end() {
            // The parser's own word for its stack guard; say what it means for a deck.
            "recursion limit" => "tables or arrays are nested too deeply (recursion limit)",
            m => m,
        };
        Error::Deck(vec![format!("{origin}:{line}:{col}: {msg}")])
    })?;
    let problems = validate::validate(&file, origin, &text);
    if !problems.is_empty() {
        return Err(Error::Deck(problems));
    }
    let mut deck = Deck {
        file,
        origin: origin.to_owned(),
        text,
        source_texts: Vec::new(),
    };
    deck.source_texts = source_text::load(&deck, None)?;
    Ok(deck)
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Line numbers of many byte offsets of one text: the text is read once (calling
/// [`line_col`] per offset reads it once per offset).
pub(crate) fn line_numbers(text: &str, offsets: &[usize]) -> Vec<usize> {
    // The offsets in order and one pass over the text, counting: a table of every newline
    // was 3.5 MiB for a 100,000-question deck.
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let bytes = text.as_bytes();
    let mut lines = vec![0; offsets.len()];
    let (mut at, mut line) = (0, 1);
    for i in order {
        let to = offsets[i].min(bytes.len());
        line += bytes[at..to].iter().filter(|&&b| b == b'\n').count();
        at = to;
        lines[i] = line;
    }
    lines
}

/// Line and column of a byte offset in bytes that may not be UTF-8 (for encoding errors).
pub fn line_col_bytes(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    (
        line,
        String::from_utf8_lossy(&before[start..]).chars().count() + 1,
    )
}

/// `items` in the byte order of their ids: SQLite's for text keys, so the order of a deck's
/// facts in the database's keys (the import's) and of their questions as generated. Sorted
/// by the ids' first eight bytes as one number, the ids compared only where those are the
/// same: sorting a large deck's facts by comparing their ids took 65 M instructions (the
/// 72,000 facts of the 100,000-question bench deck), under 22 M so.
/// (The first differing byte decides either way; a shorter id is padded with zeros, so
/// where it ends before the eighth byte it is a prefix of the other and comes first, as it
/// does in byte order.)
pub(crate) fn sorted_by_id<'a, T: Copy>(items: Vec<T>, id: impl Fn(&T) -> &'a str) -> Vec<T> {
    let prefix = |s: &str| {
        let mut b = [0u8; 8];
        let n = s.len().min(8);
        b[..n].copy_from_slice(&s.as_bytes()[..n]);
        u64::from_be_bytes(b)
    };
    let mut keys: Vec<(u64, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, x)| (prefix(id(x)), i))
        .collect();
    keys.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| id(&items[a.1]).cmp(id(&items[b.1])))
    });
    keys.into_iter().map(|(_, i)| items[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The facts' order for lookups, for writing in key order and for generating: SQLite's
    /// byte order.
    #[test]
    fn sorting_by_id_is_byte_order() {
        // Ids that end before, at and after the eighth byte, share long prefixes, hold bytes
        // above 0x7f and zero bytes, in a shuffled order.
        let mut ids: Vec<String> = Vec::new();
        for stem in [
            "",
            "a",
            "l1",
            "l10",
            "l10050",
            "list_sco",
            "list_sco_2025",
            "会议",
        ] {
            for tail in ["", "\0", "\0b", "0", "9", "z", "_x", "é", "\u{7f}"] {
                ids.push(format!("{stem}{tail}"));
            }
        }
        ids.sort();
        ids.dedup();
        let mut shuffled = ids.clone();
        let mut seed = 7u64;
        for i in (1..shuffled.len()).rev() {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            shuffled.swap(i, (seed >> 33) as usize % (i + 1));
        }
        assert_ne!(shuffled, ids, "the shuffle left the order as it was");
        let refs: Vec<&str> = shuffled.iter().map(String::as_str).collect();
        let sorted = sorted_by_id(refs, |s| s);
        let want: Vec<&str> = ids.iter().map(String::as_str).collect();
        assert_eq!(sorted, want);
    }
}
