//! Deck files: the TOML model, parsing and validation.

pub mod model;
