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
