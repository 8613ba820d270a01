//! quiz: a terminal quiz and flashcard trainer for official texts.
//!
//! The binary (`src/main.rs`) is a thin shell over [`cli::run`]; everything else lives here so
//! that tests can drive it in-process.

pub mod cli;
pub mod clock;
pub mod cmd;
pub mod dates;
pub mod db;
pub mod deck;
pub mod draft;
pub mod error;
pub mod export;
pub mod generate;
pub mod grade;
mod hash;
pub mod i18n;
pub mod import;
pub mod input;
pub mod outfile;
pub mod progress;
pub mod question;
pub mod results;
pub mod schedule;
pub mod session;
pub mod stats;
pub mod term;

pub use error::{Error, Result};
