//! Decks from other tools' files.

pub mod apkg;
mod package;
