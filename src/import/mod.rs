//! Decks from other tools' files.

pub mod apkg;
