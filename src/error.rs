//! The library's error type. Every variant reads as one clear line for the user; the binary
//! prints it after `quiz: `.

use std::path::PathBuf;

/// Anything that can go wrong in quiz.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A deck file that does not parse or does not validate. Each entry is one
    /// `file:line:column: message` line.
    #[error("{}", .0.join("\n"))]
    Deck(Vec<String>),

    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{path}: not a quiz database ({reason}); refusing to touch it")]
    NotQuizDb { path: PathBuf, reason: String },

    #[error(
        "{path}: written by a newer version of quiz (schema {found}, this binary knows up to {known}); refusing to touch it"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),

    #[error("no deck `{0}` (see `quiz decks`, or `quiz add-deck --builtin`)")]
    UnknownDeck(String),

    #[error("{0}")]
    Usage(String),

    #[error("{0}")]
    Other(String),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
