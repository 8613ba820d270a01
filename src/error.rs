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

    #[error("{0}: the database is busy (another quiz is writing to it); try again")]
    Busy(PathBuf),

    #[error("{0}: the database is read-only (cannot write to the file or its folder)")]
    ReadOnly(PathBuf),

    #[error("{0}: cannot open the database (is the file or its folder read-only or missing?)")]
    CannotOpen(PathBuf),

    /// Damage found while working (a page read for the first time), not when opening.
    #[error(
        "{0}: the database file is damaged (a corrupt page or unreadable data); stopped, the last change was not saved"
    )]
    Damaged(PathBuf),

    #[error("{0}: the disk is full; the last change was not saved")]
    DiskFull(PathBuf),

    #[error("no deck `{0}` (see `quiz decks`, or `quiz add-deck --builtin`)")]
    UnknownDeck(String),

    #[error("{0}")]
    Usage(String),

    #[error("{0}")]
    Other(String),
}

impl Error {
    /// An SQLite error of the database at `path` as the user should read it: busy, read-only,
    /// full and damaged each get a clear line naming the file; anything else is left as is.
    pub fn in_db(self, path: &std::path::Path) -> Self {
        use rusqlite::ErrorCode as C;
        let Error::Db(e) = self else { return self };
        // A value that does not read as what quiz wrote (text that is not UTF-8, a number
        // where a string belongs) is damage SQLite's page checks did not catch.
        if matches!(
            e,
            rusqlite::Error::Utf8Error(..)
                | rusqlite::Error::FromSqlConversionFailure(..)
                | rusqlite::Error::InvalidColumnType(..)
                | rusqlite::Error::IntegralValueOutOfRange(..)
        ) {
            return Error::Damaged(path.to_owned());
        }
        match e.sqlite_error_code() {
            Some(C::DatabaseBusy | C::DatabaseLocked) => Error::Busy(path.to_owned()),
            Some(C::ReadOnly) => Error::ReadOnly(path.to_owned()),
            Some(C::CannotOpen) => Error::CannotOpen(path.to_owned()),
            Some(C::DiskFull) => Error::DiskFull(path.to_owned()),
            Some(C::DatabaseCorrupt | C::NotADatabase) => Error::Damaged(path.to_owned()),
            _ => Error::Db(e),
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
