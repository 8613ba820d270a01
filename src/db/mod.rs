//! The SQLite store: one `Db` with one method per query, versioned migrations, and the
//! guards that refuse a file that is not ours or is newer than this binary.

mod export;
mod import;

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::error::{Error, Result};
use crate::question::{Kind, Question};
pub use export::{CardState, ResultRow, ReviewEntry};
pub use import::ImportReport;

/// Written into the SQLite header (`PRAGMA application_id`): "QUIZ".
pub const APPLICATION_ID: i32 = 0x5155_495A;

/// Migrations in order; the database's `user_version` is how many have run. Append only.
const MIGRATIONS: &[&str] = &[include_str!("001_init.sql")];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub struct Db {
    pub(crate) conn: Connection,
    path: PathBuf,
}

/// Per-deck counts for `quiz decks`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DeckCounts {
    pub id: String,
    pub title: String,
    pub new: i64,
    pub learning: i64,
    pub due: i64,
    pub suspended: i64,
    pub total: i64,
    pub retired: i64,
}

impl Db {
    /// Opens (creating if needed) the database at `path`. A file that is not SQLite, that
    /// belongs to another program, or that a newer quiz wrote is refused untouched.
    pub fn open(path: &Path) -> Result<Db> {
        let exists = path.metadata().map(|m| m.len() > 0).unwrap_or(false);
        if exists {
            check_foreign(path)?;
        } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let conn = Connection::open(path).map_err(|e| damaged(path, e))?;
        let mut db = Db {
            conn,
            path: path.to_owned(),
        };
        db.setup().map_err(|e| match e {
            Error::Db(e) => damaged(path, e),
            e => e,
        })?;
        Ok(db)
    }

    /// A private in-memory database, for tests.
    pub fn open_in_memory() -> Result<Db> {
        let mut db = Db {
            conn: Connection::open_in_memory()?,
            path: PathBuf::from(":memory:"),
        };
        db.setup()?;
        Ok(db)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn setup(&mut self) -> Result<()> {
        // Another process may hold the write lock for a moment (a study session and an
        // import): wait for it rather than fail, but never hang for long.
        self.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        if self.path != Path::new(":memory:") {
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
            // In WAL mode NORMAL still never corrupts; a power cut may lose the last commit,
            // a killed process loses nothing.
            self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        self.migrate()
    }

    fn migrate(&mut self) -> Result<()> {
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(Error::TooNew {
                path: self.path.clone(),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        if version == SCHEMA_VERSION {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        for m in &MIGRATIONS[version as usize..] {
            tx.execute_batch(m)?;
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        tx.commit()?;
        Ok(())
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// `(id, toml text)` of every deck, for building the distractor pool.
    pub fn deck_texts(&self) -> Result<Vec<(String, String, String)>> {
        let mut st = self
            .conn
            .prepare("SELECT id, origin, toml FROM deck ORDER BY id")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The TOML text a deck was added from.
    pub fn deck_toml(&self, id: &str) -> Result<String> {
        self.conn
            .query_row("SELECT toml FROM deck WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| Error::UnknownDeck(id.to_owned()))
    }

    pub fn deck_exists(&self, id: &str) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM deck WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )?)
    }

    /// Counts per deck. `now` decides what learning questions are due; `day_end` (the next
    /// day rollover) decides what reviews are due today.
    pub fn deck_counts(&self, now: i64, day_end: i64) -> Result<Vec<DeckCounts>> {
        let mut st = self.conn.prepare(
            "SELECT d.id, d.title,
                    COALESCE(SUM(c.active AND NOT c.suspended AND c.queue = 0), 0),
                    COALESCE(SUM(c.active AND NOT c.suspended AND c.queue IN (1, 3)), 0),
                    COALESCE(SUM(c.active AND NOT c.suspended AND c.buried_until <= ?1 AND (
                        (c.queue IN (1, 3) AND c.due <= ?1) OR (c.queue = 2 AND c.due < ?2))), 0),
                    COALESCE(SUM(c.active AND c.suspended), 0),
                    COALESCE(SUM(c.active), 0),
                    COALESCE(SUM(NOT c.active), 0)
             FROM deck d LEFT JOIN card c ON c.deck_id = d.id
             GROUP BY d.id ORDER BY d.id",
        )?;
        let rows = st.query_map(params![now, day_end], |r| {
            Ok(DeckCounts {
                id: r.get(0)?,
                title: r.get(1)?,
                new: r.get(2)?,
                learning: r.get(3)?,
                due: r.get(4)?,
                suspended: r.get(5)?,
                total: r.get(6)?,
                retired: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The current (not retired) questions of a deck, optionally of one kind, in generation
    /// order.
    pub fn questions(&self, deck: &str, kind: Option<Kind>) -> Result<Vec<Question>> {
        if !self.deck_exists(deck)? {
            return Err(Error::UnknownDeck(deck.to_owned()));
        }
        let mut st = self.conn.prepare(
            "SELECT q.uid, q.deck_id, q.fact_id, q.kind, q.variant, q.sibling, q.context, q.prompt,
                    q.answer, q.explanation, q.source
             FROM question q JOIN card c ON c.question_id = q.id
             WHERE q.deck_id = ?1 AND q.retired = 0 AND (?2 IS NULL OR q.kind = ?2)
             ORDER BY c.new_order",
        )?;
        let rows = st.query_map(params![deck, kind.map(Kind::as_str)], question_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Reads a question from the columns uid, deck_id, fact_id, kind, variant, sibling, context,
/// prompt, answer, explanation, source (in that order).
pub(crate) fn question_from_row(r: &rusqlite::Row) -> rusqlite::Result<Question> {
    let json_err = |i: usize, e: serde_json::Error| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    };
    let kind: String = r.get(3)?;
    Ok(Question {
        uid: r.get(0)?,
        deck: r.get(1)?,
        fact: r.get(2)?,
        kind: Kind::parse(&kind).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                3,
                rusqlite::types::Type::Text,
                format!("unknown kind {kind}").into(),
            )
        })?,
        variant: r.get(4)?,
        sibling: r.get(5)?,
        context: r.get(6)?,
        prompt: r.get(7)?,
        answer: serde_json::from_str(&r.get::<_, String>(8)?).map_err(|e| json_err(8, e))?,
        explanation: r.get(9)?,
        source: serde_json::from_str(&r.get::<_, String>(10)?).map_err(|e| json_err(10, e))?,
    })
}

/// Refuses, without writing anything, a file that is not a quiz database or is too new.
fn check_foreign(path: &Path) -> Result<()> {
    let mut header = [0u8; 16];
    let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let n = f.read(&mut header).map_err(|e| Error::io(path, e))?;
    if n < 16 || &header != b"SQLite format 3\0" {
        return Err(Error::NotQuizDb {
            path: path.to_owned(),
            reason: "not an SQLite database".into(),
        });
    }
    let ro = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| damaged(path, e))?;
    let probe = || -> rusqlite::Result<(i32, i64, i64)> {
        let app: i32 = ro.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i64 = ro.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let tables: i64 = ro.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        Ok((app, version, tables))
    };
    let (app, version, tables) = probe().map_err(|e| damaged(path, e))?;
    if app != APPLICATION_ID && (app != 0 || tables > 0) {
        return Err(Error::NotQuizDb {
            path: path.to_owned(),
            reason: format!("it belongs to another program (application id {app:#x})"),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(Error::TooNew {
            path: path.to_owned(),
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// SQLite's "file is not a database" and "malformed" become one clear refusal.
fn damaged(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
    match e.sqlite_error_code() {
        Some(NotADatabase | DatabaseCorrupt) => Error::NotQuizDb {
            path: path.to_owned(),
            reason: "the file is damaged (SQLite reports it as corrupt or not a database)".into(),
        },
        _ => Error::Db(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_apply_to_an_empty_database_and_are_idempotent() {
        let mut db = Db::open_in_memory().unwrap();
        assert_eq!(db.schema_version().unwrap(), SCHEMA_VERSION);
        db.migrate().unwrap();
        let app: i32 = db
            .conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .unwrap();
        assert_eq!(app, APPLICATION_ID);
        // Every table is STRICT.
        let loose: i64 = db
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE '%STRICT'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(loose, 0);
    }
}
