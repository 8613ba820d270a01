//! The SQLite store: one `Db` with one method per query, versioned migrations, and the
//! guards that refuse a file that is not ours or is newer than this binary.

pub(crate) mod answer;
mod browse;
mod export;
mod fact_memory;
mod import;
mod optimize;
mod raw_insert;
mod stats;
mod study;

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};

use crate::error::{Error, Result};
use crate::question::{Kind, Question, SourceRef};
pub use browse::{BrowseFact, FlagRow, HistoryEntry};
pub use export::{ExportFact, ExportQuestion, FactResultRow, FactState, ResultRow, ReviewEntry};
pub use import::{DeckImport, Import, ImportReport, Prepared, WriteBack};
pub use optimize::Refit;
pub use raw_insert::{Param, RawInsert};
pub use stats::{ExamCandidate, FactStat, ReviewStat};
pub use study::{
    AnswerRecord, MemoryRow, NextQuery, StudyFact, TodayCounts, Undone, Variant, WAITING_CAP,
    Waiting,
};

/// Written into the SQLite header (`PRAGMA application_id`): "QUIZ".
pub const APPLICATION_ID: i32 = 0x5155_495A;

/// One schema step: SQL, then optionally code that needs more than SQL (replaying answers
/// through FSRS), run in the same transaction.
struct Migration {
    sql: &'static str,
    then: Option<fn(&rusqlite::Transaction) -> Result<()>>,
}

const fn sql(sql: &'static str) -> Migration {
    Migration { sql, then: None }
}

/// Migrations in order; the database's `user_version` is how many have run. Append only.
const MIGRATIONS: &[Migration] = &[
    sql(include_str!("001_init.sql")),
    sql(include_str!("002_review_time.sql")),
    sql(include_str!("003_deck_alias.sql")),
    sql(include_str!("004_bury_siblings.sql")),
    sql(include_str!("005_slim_questions.sql")),
    sql(include_str!("006_deck_file_deflated.sql")),
    sql(include_str!("007_prompt_prefix.sql")),
    sql(include_str!("008_fact_explanation.sql")),
    Migration {
        sql: include_str!("009_fact_memory.sql"),
        then: Some(fact_memory::from_question_cards),
    },
    sql(include_str!("010_browse_flags_source_text.sql")),
    sql(include_str!("011_rung_within_top.sql")),
    sql(include_str!("012_no_virtual_uid.sql")),
    Migration {
        sql: include_str!("013_answer_column_form.sql"),
        then: Some(answer::compact_all),
    },
];

/// The columns [`question_from_row`] reads, for queries that name the question `q` and
/// join its source and fact with [`QUESTION_JOINS`].
pub(crate) const QUESTION_COLUMNS: &str = "q.deck_id, q.fact_id, q.kind, q.variant, q.context,
    CASE q.prefix WHEN 1 THEN '【' || q.context || '】' || q.prompt
                  WHEN 2 THEN '[' || q.context || '] ' || q.prompt
                  ELSE q.prompt END,
    q.answer, COALESCE(NULLIF(q.explanation, ''), qf.explanation, ''),
    q.source_id, s.title, s.publisher, s.date, q.part";

/// A question's uid (`DECK/FACT/KIND/VARIANT`, see [`crate::question::uid`]) in SQL, for
/// queries that name the question `q`.
pub(crate) const QUESTION_UID: &str =
    "(q.deck_id || '/' || q.fact_id || '/' || q.kind || '/' || q.variant)";

/// A prompt as stored: without the context it starts with (see [`QUESTION_COLUMNS`] and
/// `007_prompt_prefix.sql`), and the code that puts it back.
pub(crate) fn stored_prompt<'a>(prompt: &'a str, context: &str) -> (i64, &'a str) {
    for (code, open, close) in PROMPT_PREFIXES {
        if let Some(rest) = prompt
            .strip_prefix(open)
            .and_then(|p| p.strip_prefix(context))
            .and_then(|p| p.strip_prefix(close))
        {
            return (code, rest);
        }
    }
    (0, prompt)
}

/// The prompt as shown from its stored parts: [`stored_prompt`] undone, as the `CASE` of
/// [`QUESTION_COLUMNS`] does in SQL (for readers that skip building a whole [`Question`]).
pub(crate) fn shown_prompt(code: i64, context: &str, prompt: &str) -> String {
    match PROMPT_PREFIXES.iter().find(|(c, _, _)| *c == code) {
        Some((_, open, close)) => {
            let mut out =
                String::with_capacity(open.len() + context.len() + close.len() + prompt.len());
            out.push_str(open);
            out.push_str(context);
            out.push_str(close);
            out.push_str(prompt);
            out
        }
        None => prompt.to_owned(),
    }
}

/// The `prefix` codes of a stored prompt and the brackets around the context they stand for.
const PROMPT_PREFIXES: [(i64, &str, &str); 2] = [(1, "【", "】"), (2, "[", "] ")];

/// How many columns [`QUESTION_COLUMNS`] has: what follows them starts here.
pub(crate) const QUESTION_COLUMN_COUNT: usize = 13;

pub(crate) const QUESTION_JOINS: &str =
    "LEFT JOIN source s ON s.deck_id = q.deck_id AND s.id = q.source_id
     LEFT JOIN fact qf ON qf.deck_id = q.deck_id AND qf.id = q.fact_id";

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub struct Db {
    pub(crate) conn: Connection,
    path: PathBuf,
}

/// Per-deck counts of facts (the unit of learning) for `quiz decks`.
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
    /// Current questions: the ways of asking about the deck's facts.
    pub questions: i64,
}

/// Process-wide SQLite settings, before the process opens its first database. Without
/// memory statistics, which nothing here reads, SQLite takes no global lock around each of
/// its allocations: a tenth of the instructions from `quiz study` to its first
/// question (a lock and an unlock for each of some 3,000 allocations and frees).
pub fn configure_sqlite() {
    // SAFETY: sqlite3_config may be called before SQLite is initialized, from one thread;
    // afterwards it changes nothing and returns SQLITE_MISUSE, which is harmless.
    unsafe {
        rusqlite::ffi::sqlite3_config(rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS, 0);
    }
}

/// One stored setting of the database at `path`, read without creating or migrating
/// anything: for choices made before a command runs (the interface language). `None` when
/// there is no such file, setting or table, or anything fails; the command's own open
/// reports real problems.
///
/// Only a file whose header says it is a whole quiz database this binary can open is read,
/// and its connection is then kept for the command's own [`Db::open`] of the same path
/// ([`Peeked`]): a command opens the file and reads its schema once. (Twice, an immutable
/// connection for the peek and the command's own, was an eighth of the instructions from
/// `quiz study` to its first question.) Anything else is left untouched for that open to
/// refuse: a connection to a foreign or damaged file may leave -wal and -shm files beside it.
pub fn peek_setting(path: &Path, key: &str) -> Option<String> {
    use rusqlite::OpenFlags;
    if !path.metadata().is_ok_and(|m| m.is_file() && m.len() > 0) {
        return None;
    }
    let header = read_header(path).ok()?;
    // The header's application id and schema version (`PRAGMA user_version`).
    if be32(&header, 68) as i32 != APPLICATION_ID || i64::from(be32(&header, 60)) > SCHEMA_VERSION {
        return None;
    }
    // Read-write, as the command's open, without creating: opening a database in WAL mode
    // read-only can fail for want of its shared-memory file, and only a connection that may
    // write rolls back the hot journal of an import that was killed. Reading writes nothing
    // else. (`./` keeps a name such as `file:x.db` from reading as a URI.)
    let flags = OpenFlags::default().difference(OpenFlags::SQLITE_OPEN_CREATE);
    let conn = Connection::open_with_flags(Path::new(".").join(path), flags).ok()?;
    // The header may be older than the database: a newer quiz's upgrade can still be in
    // the -wal file.
    match probe(&conn) {
        Ok((app, version, _)) if app == APPLICATION_ID && version <= SCHEMA_VERSION => {}
        _ => return None,
    }
    let value = conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .ok();
    Peeked::keep(path, conn);
    value
}

/// The connection [`peek_setting`] opened, until the command's [`Db::open`] of the same
/// path takes it or the command ends ([`Peeked::close`]).
pub struct Peeked;

static PEEKED: std::sync::Mutex<Option<(PathBuf, Connection)>> = std::sync::Mutex::new(None);

impl Peeked {
    fn keep(path: &Path, conn: Connection) {
        if let Ok(mut p) = PEEKED.lock() {
            *p = Some((path.to_owned(), conn));
        }
    }

    /// The connection peeked at `path`, if any. One peeked at another path is closed: left
    /// open, it would keep an import into that file from switching it out of WAL mode
    /// (`Db::begin_import`), and a later open of it works without it.
    fn take(path: &Path) -> Option<Connection> {
        let (at, conn) = PEEKED.lock().ok()?.take()?;
        (at == path).then_some(conn)
    }

    /// Closes a connection no command took. Called before the process exits: SQLite
    /// removes the -wal and -shm files it made only when the last connection closes.
    pub fn close() {
        let conn = PEEKED.lock().ok().and_then(|mut p| p.take());
        drop(conn);
    }
}

/// A connection's application id, schema version and number of schema entries.
fn probe(conn: &Connection) -> rusqlite::Result<(i32, i64, i64)> {
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    Ok((app, version, tables))
}

impl Db {
    /// Opens (creating if needed) the database at `path`. A file that is not SQLite, that
    /// belongs to another program, or that a newer quiz wrote is refused untouched.
    pub fn open(path: &Path) -> Result<Db> {
        // `/dev/null` or a folder would have SQLite make `/dev/null-journal` and the like.
        if let Ok(m) = path.metadata()
            && !m.is_file()
        {
            return Err(Error::NotQuizDb {
                path: path.to_owned(),
                reason: crate::t!("db.not_regular_file"),
            });
        }
        // A relative name such as `file:other.db` would be read by SQLite as a URI naming
        // another file (and skip the checks below): `./file:other.db` is only a name.
        let dotted;
        let sqlite_path = if path.is_relative() {
            dotted = Path::new(".").join(path);
            dotted.as_path()
        } else {
            path
        };
        let exists = path.metadata().map(|m| m.len() > 0).unwrap_or(false);
        let peeked = if exists { Peeked::take(path) } else { None };
        let conn = match peeked {
            // Checked as check_foreign would, by the peek that opened it.
            Some(conn) => conn,
            None => {
                if exists {
                    check_foreign(path)?;
                } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
                }
                Connection::open(sqlite_path).map_err(|e| damaged(path, e))?
            }
        };
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
        // Every write transaction takes the write lock when it begins, so it waits for
        // another writer through the busy timeout. A deferred one that reads first would fail
        // at once (SQLITE_BUSY_SNAPSHOT, "database is locked") if another process committed
        // between its first read and its first write.
        self.conn
            .set_transaction_behavior(TransactionBehavior::Immediate);
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        // A study session cycles through a few dozen statements; rusqlite's default cache
        // of 16 made it re-parse SQL on every answer.
        self.conn.set_prepared_statement_cache_capacity(64);
        if self.path != Path::new(":memory:") {
            self.wal()?;
            // In WAL mode NORMAL still never corrupts; a power cut may lose the last commit,
            // a killed process loses nothing.
            self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        self.migrate()
    }

    /// Switches a new file to WAL. Switching needs the file to itself, and SQLite answers
    /// "busy" at once rather than through the busy timeout when another process is creating
    /// the same database at this moment: wait for it here, as long as the busy timeout.
    fn wal(&self) -> Result<()> {
        let start = std::time::Instant::now();
        loop {
            let mode: rusqlite::Result<String> =
                self.conn
                    .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0));
            match mode {
                Ok(_) => return Ok(()),
                Err(e)
                    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                        && start.elapsed() < std::time::Duration::from_secs(5) =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                Err(e) => return Err(e.into()),
            }
        }
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
        // A migration that rebuilds a table drops the old one while other tables still
        // point at it: enforcement is off while migrating (it cannot change inside a
        // transaction) and every key is checked before the commit instead.
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        let result = self.migrate_locked();
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        result
    }

    fn migrate_locked(&mut self) -> Result<()> {
        // Another process may be creating or migrating the same file at this moment: look
        // again under the write lock.
        let tx = self.conn.transaction()?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version >= SCHEMA_VERSION {
            return Ok(());
        }
        for m in &MIGRATIONS[version as usize..] {
            tx.execute_batch(m.sql)?;
            if let Some(then) = m.then {
                then(&tx)?;
            }
        }
        let broken: i64 =
            tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })?;
        if broken > 0 {
            return Err(Error::Other(format!(
                "{}: upgrading the database would break {broken} references; nothing was changed",
                self.path.display()
            )));
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
            .prepare("SELECT id, origin, toml, toml_deflated FROM deck ORDER BY id")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, deck_text(r, 2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The TOML text a deck was added from.
    pub fn deck_toml(&self, id: &str) -> Result<String> {
        self.conn
            .query_row(
                "SELECT toml, toml_deflated FROM deck WHERE id = ?1",
                [id],
                |r| deck_text(r, 0),
            )
            .optional()?
            .ok_or_else(|| Error::UnknownDeck(id.to_owned()))
    }

    /// The start of the TOML text a deck was added from: its first `len` bytes at most (a
    /// character cut at the end reads as U+FFFD), without inflating the rest of a big file.
    pub fn deck_toml_start(&self, id: &str, len: usize) -> Result<String> {
        self.conn
            .query_row(
                "SELECT substr(toml, 1, ?2), toml_deflated FROM deck WHERE id = ?1",
                params![id, len as i64],
                |r| {
                    let Some(deflated) = r.get_ref(1)?.as_blob_or_null()? else {
                        let text: String = r.get(0)?;
                        let end = text.len().min(len);
                        return Ok(String::from_utf8_lossy(&text.as_bytes()[..end]).into_owned());
                    };
                    let mut start = Vec::with_capacity(len);
                    std::io::Read::read_to_end(
                        &mut std::io::Read::take(
                            flate2::read::DeflateDecoder::new(deflated),
                            len as u64,
                        ),
                        &mut start,
                    )
                    .map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(
                            1,
                            rusqlite::types::Type::Blob,
                            Box::new(e),
                        )
                    })?;
                    Ok(String::from_utf8_lossy(&start).into_owned())
                },
            )
            .optional()?
            .ok_or_else(|| Error::UnknownDeck(id.to_owned()))
    }

    /// Every deck's `[[alias]]` sets, for the grading lexicon.
    pub fn deck_aliases(&self) -> Result<Vec<Vec<String>>> {
        let mut st = self.conn.prepare("SELECT terms FROM deck_alias")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for r in rows {
            // Written by import from a validated deck; a row that does not read is skipped
            // rather than failing a study session.
            if let Ok(set) = serde_json::from_str(&r?) {
                out.push(set);
            }
        }
        Ok(out)
    }

    /// Answers a student overruled as right for this question: accepted from then on.
    pub fn accepted_overrides(&self, question_id: i64) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT answer FROM accepted_answer WHERE question_id = ?1")?;
        let rows = st.query_map([question_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn deck_exists(&self, id: &str) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM deck WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )?)
    }

    /// Counts of facts per deck. `now` decides what learning facts are due; reviews due
    /// before `reviews_before` ([`crate::schedule::reviews_due_before`]) are due today.
    pub fn deck_counts(&self, now: i64, reviews_before: i64) -> Result<Vec<DeckCounts>> {
        let mut st = self.conn.prepare(
            "SELECT d.id, d.title,
                    COALESCE(SUM(m.active AND NOT m.suspended AND m.queue = 0), 0),
                    COALESCE(SUM(m.active AND NOT m.suspended AND m.queue IN (1, 3)), 0),
                    COALESCE(SUM(m.active AND NOT m.suspended AND m.buried_until <= ?1 AND (
                        (m.queue IN (1, 3) AND m.due <= ?1) OR (m.queue = 2 AND m.due < ?2))), 0),
                    COALESCE(SUM(m.active AND m.suspended), 0),
                    COALESCE(SUM(m.active), 0),
                    COALESCE(SUM(NOT m.active), 0),
                    (SELECT count(*) FROM question q WHERE q.deck_id = d.id AND q.retired = 0)
             FROM deck d LEFT JOIN memory m ON m.deck_id = d.id
             GROUP BY d.id ORDER BY d.id",
        )?;
        let rows = st.query_map(params![now, reviews_before], |r| {
            Ok(DeckCounts {
                id: r.get(0)?,
                title: r.get(1)?,
                new: r.get(2)?,
                learning: r.get(3)?,
                due: r.get(4)?,
                suspended: r.get(5)?,
                total: r.get(6)?,
                retired: r.get(7)?,
                questions: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The current (not retired) questions of a deck, optionally of one kind, in the deck's
    /// order: fact by fact as they are introduced (the file's order, kind by kind), each
    /// fact's questions as generated.
    pub fn questions(&self, deck: &str, kind: Option<Kind>) -> Result<Vec<Question>> {
        if !self.deck_exists(deck)? {
            return Err(Error::UnknownDeck(deck.to_owned()));
        }
        let mut st = self.conn.prepare(&format!(
            "SELECT {QUESTION_COLUMNS}
             FROM question q {QUESTION_JOINS}
             LEFT JOIN memory m ON m.deck_id = q.deck_id AND m.fact_id = q.fact_id
             WHERE q.deck_id = ?1 AND q.retired = 0 AND (?2 IS NULL OR q.kind = ?2)
             ORDER BY m.new_order, q.id"
        ))?;
        let rows = st.query_map(params![deck, kind.map(Kind::as_str)], question_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The deck file text from the columns `toml`, `toml_deflated` at `i`, `i + 1`.
pub(crate) fn deck_text(r: &rusqlite::Row, i: usize) -> rusqlite::Result<String> {
    let Some(deflated) = r.get::<_, Option<Vec<u8>>>(i + 1)? else {
        return r.get(i);
    };
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::DeflateDecoder::new(&deflated[..]),
        &mut text,
    )
    .map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i + 1, rusqlite::types::Type::Blob, Box::new(e))
    })?;
    Ok(text)
}

/// The deck file text as stored in `toml_deflated`.
///
/// Level 4: the deflate library's level 1 uses fixed Huffman codes, and stored the 7.4 MB
/// text of a 100,000-question deck in 946 KB; level 4 stores it in 547 KB (a 1.3% smaller
/// database) for no measurable time, as an import deflates on a thread of its own.
pub(crate) fn deflate(text: &str) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::new(4));
    // Writing to a Vec cannot fail.
    let _ = z.write_all(text.as_bytes());
    z.finish().unwrap_or_default()
}

/// Reads a question from [`QUESTION_COLUMNS`].
pub(crate) fn question_from_row(r: &rusqlite::Row) -> rusqlite::Result<Question> {
    let json_err = |i: usize, e: serde_json::Error| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    };
    let deck: String = r.get(0)?;
    let fact: String = r.get(1)?;
    let kind: String = r.get(2)?;
    let variant: String = r.get(3)?;
    Ok(Question {
        uid: crate::question::uid(&deck, &fact, &kind, &variant),
        sibling: crate::question::sibling(&deck, &fact),
        kind: Kind::parse(&kind).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                2,
                rusqlite::types::Type::Text,
                format!("unknown kind {kind}").into(),
            )
        })?,
        deck,
        fact,
        variant,
        context: r.get(4)?,
        prompt: r.get(5)?,
        answer: answer::decode(r.get_ref(6)?.as_str()?).map_err(|e| json_err(6, e))?,
        explanation: r.get(7)?,
        // A source the deck no longer has (it cannot: import replaces both) reads as empty.
        source: SourceRef {
            id: r.get(8)?,
            title: r.get::<_, Option<String>>(9)?.unwrap_or_default(),
            publisher: r.get::<_, Option<String>>(10)?.unwrap_or_default(),
            date: r.get::<_, Option<String>>(11)?.unwrap_or_default(),
            part: r.get(12)?,
        },
    })
}

/// Refuses, without writing anything, a file that is not a quiz database or is too new.
fn check_foreign(path: &Path) -> Result<()> {
    read_header(path)?;
    // With no -wal file or rollback journal the main file is the whole database: read it as
    // immutable, so that the probe creates no -wal or -shm beside a file it may refuse
    // (SQLite leaves them behind when it finds damage). Otherwise another quiz is using it,
    // or left a journal: open it normally.
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let ro = if beside(path, "-journal").exists() {
        // An import killed while it wrote through a rollback journal (`Db::begin_import`):
        // rolling it back needs a connection that may write.
        let rw = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Connection::open_with_flags(Path::new(".").join(path), rw)
    } else if beside(path, "-wal").exists() {
        Connection::open_with_flags(Path::new(".").join(path), flags)
    } else {
        immutable(path)
    }
    .map_err(|e| damaged(path, e))?;
    let (app, version, tables) = probe(&ro).map_err(|e| damaged(path, e))?;
    if app != APPLICATION_ID && (app != 0 || tables > 0) {
        return Err(Error::NotQuizDb {
            path: path.to_owned(),
            reason: crate::t!("db.foreign", app = format!("{app:#x}")),
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

/// The SQLite header of the file at `path` (its first 100 bytes), refused when the file
/// is not SQLite or is shorter than its header says.
fn read_header(path: &Path) -> Result<[u8; 100]> {
    let mut header = [0u8; 100];
    let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut n = 0;
    while n < header.len() {
        match f.read(&mut header[n..]).map_err(|e| Error::io(path, e))? {
            0 => break,
            k => n += k,
        }
    }
    if n < 16 || &header[..16] != b"SQLite format 3\0" {
        return Err(Error::NotQuizDb {
            path: path.to_owned(),
            reason: crate::t!("db.not_sqlite"),
        });
    }
    let damaged_file = || Error::NotQuizDb {
        path: path.to_owned(),
        reason: crate::t!("db.corrupt"),
    };
    if n < header.len() {
        return Err(damaged_file());
    }
    // A truncated file is caught here, before SQLite opens it (a connection to a damaged
    // WAL database leaves -wal and -shm files behind). The header's page count is valid
    // when the change counter matches the version-valid-for number, and when no rollback
    // journal lies beside the file: an import killed midway (`Db::begin_import`) can leave
    // a first page that already counts pages the file never got, which the journal's
    // rollback, on the next open, takes back.
    let be32 = |at| be32(&header, at);
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        p => u64::from(p),
    };
    let pages = u64::from(be32(28));
    let journal = beside(path, "-journal")
        .metadata()
        .is_ok_and(|m| m.len() > 0);
    if be32(24) == be32(92) && pages > 0 && !journal {
        let needed = pages * page_size;
        let short = || path.metadata().map(|m| m.len() < needed).unwrap_or(false);
        // A checkpoint of another process may be growing the file right now: look twice.
        if short() && {
            std::thread::sleep(std::time::Duration::from_millis(100));
            short()
        } {
            return Err(damaged_file());
        }
    }
    Ok(header)
}

/// The big-endian 32-bit field of an SQLite header at byte `at`.
fn be32(header: &[u8; 100], at: usize) -> u32 {
    u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
}

/// The file SQLite keeps beside the database at `path` with this suffix (`-wal`, …).
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// A read-only connection to the database at `path` that takes the main file for the whole
/// database and never changes: it makes no -wal or -shm files. Only for a file with
/// neither a -wal file nor a rollback journal beside it (see [`check_foreign`]).
fn immutable(path: &Path) -> rusqlite::Result<Connection> {
    use rusqlite::OpenFlags;
    Connection::open_with_flags(
        format!("file:{}?immutable=1", uri_path(path)),
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI,
    )
}

/// `path` for an SQLite `file:` URI: every byte but letters, digits and `/-_.~` escaped.
fn uri_path(path: &Path) -> String {
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().into_owned().into_bytes();
    let mut s = String::new();
    for b in bytes {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            s.push(char::from(b));
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

/// SQLite's "file is not a database" and "malformed" become one clear refusal.
fn damaged(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
    match e.sqlite_error_code() {
        Some(NotADatabase | DatabaseCorrupt) => Error::NotQuizDb {
            path: path.to_owned(),
            reason: crate::t!("db.corrupt"),
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
                "SELECT count(*) FROM pragma_table_list
                 WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND NOT strict",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(loose, 0);
    }

    #[test]
    fn a_version_4_database_upgrades_keeping_questions_progress_and_sources() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let c = Connection::open(&path).unwrap();
        for m in &MIGRATIONS[..4] {
            c.execute_batch(m.sql).unwrap();
        }
        c.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        c.pragma_update(None, "user_version", 4).unwrap();
        c.execute_batch(
            r#"INSERT INTO deck VALUES ('d', 'T', 'zh', 'x', '', 0, 0);
               INSERT INTO source VALUES ('d', 's1', 'Title', 'Pub', '2021-05-19', NULL);
               INSERT INTO fact VALUES ('d', 'f', 'qa', '{}', 0);
               INSERT INTO question (id, uid, deck_id, fact_id, kind, variant, sibling, context, prompt,
                                     answer, explanation, source, hash)
               VALUES (7, 'd/f/recall/1', 'd', 'f', 'recall', '1', 'd/f', 'C', '【C】Q?',
                       '{"type":"text","accepted":["A"]}', 'E',
                       '{"title":"Title","publisher":"Pub","date":"2021-05-19","part":"L8"}', 1);
               INSERT INTO card (question_id, deck_id, queue, reps, new_order) VALUES (7, 'd', 2, 5, 1);
               INSERT INTO review (question_id, reviewed_at, rating, queue_before, elapsed_days,
                                   duration_ms, interval_days, due, before)
               VALUES (7, 1, 3, 0, 0, 100, 1, 1, '{}');"#,
        )
        .unwrap();
        drop(c);

        let db = Db::open(&path).unwrap();
        assert_eq!(db.schema_version().unwrap(), SCHEMA_VERSION);
        let qs = db.questions("d", None).unwrap();
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].uid, "d/f/recall/1");
        assert_eq!(qs[0].sibling, "d/f");
        assert_eq!(
            (qs[0].source.id.as_str(), qs[0].source.title.as_str()),
            ("s1", "Title")
        );
        assert_eq!(qs[0].source.part.as_deref(), Some("L8"));
        let (reps, reviews): (i64, i64) = db
            .conn
            .query_row(
                "SELECT reps, (SELECT count(*) FROM review WHERE question_id = 7)
                 FROM memory WHERE deck_id = 'd' AND fact_id = 'f' AND queue = 2",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        // The fact's memory counts the answers its log holds.
        assert_eq!((reps, reviews), (1, 1));
        let fk: bool = db
            .conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert!(fk, "foreign keys are enforced again after migrating");
    }
}
