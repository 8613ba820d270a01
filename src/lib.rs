//! quiz: a terminal quiz and flashcard trainer for official texts.
//!
//! The binary (`src/main.rs`) is a thin shell over [`cli::run`]; everything else lives here so
//! that tests can drive it in-process.

pub mod deck;
pub mod grade;
