//! The decks in `decks/`, compiled into the binary (see build.rs).

/// `(name, TOML text)` for every built-in deck, sorted by name. The name is the file stem,
/// which is also the deck's id.
pub const BUILTIN: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin_decks.rs"));

/// The text of a built-in deck.
pub fn get(name: &str) -> Option<&'static str> {
    BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

pub fn names() -> impl Iterator<Item = &'static str> {
    BUILTIN.iter().map(|(n, _)| *n)
}
