//! The package itself, a stranger's file: the zip, the collection inside it unpacked into
//! memory within a cap, and that collection opened as an SQLite database locked down for
//! reading what a stranger wrote (docs/security.md). [`super::apkg`] reads the notes from it.

use std::io::Read as _;
use std::path::Path;

use rusqlite::limits::Limit;
use rusqlite::{Connection, MAIN_DB, config::DbConfig};

use crate::error::{Error, Result};

/// The most a package's collection may unpack to.
pub const MAX_COLLECTION_BYTES: usize = 256 << 20;
/// The largest single value (a note's fields together, a note type's settings).
pub const MAX_VALUE_BYTES: usize = 8 << 20;
/// Memory SQLite may use while reading, beyond the collection itself.
pub(super) const HEAP_HEADROOM: usize = 128 << 20;

/// The collection's entry name and its bytes, unpacked into memory within
/// [`MAX_COLLECTION_BYTES`]. Media entries are counted into `notes`.
pub(super) fn unpack(
    path: &Path,
    origin: &str,
    notes: &mut Vec<String>,
) -> Result<(&'static str, Vec<u8>)> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut zip = zip::ZipArchive::new(file)
        .map_err(|e| Error::Usage(crate::t!("package.not_zip", origin = origin, reason = e)))?;
    // Two entries of one name: which one a reader takes differs between tools, the way a
    // tampered archive shows one thing to a checker and another to its victim.
    if zip.has_duplicate_names() {
        return Err(Error::Usage(crate::t!(
            "package.duplicate_entries",
            origin = origin
        )));
    }
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    let has = |n: &str| names.iter().any(|x| x == n);
    // Newest first: Anki 2.1.50+ writes collection.anki21b and a stub collection.anki2
    // that only asks to update Anki.
    let entry = if has("collection.anki21b") {
        "collection.anki21b"
    } else if has("collection.anki21") {
        "collection.anki21"
    } else if has("collection.anki2") {
        "collection.anki2"
    } else {
        return Err(Error::Usage(crate::t!(
            "package.no_collection",
            origin = origin
        )));
    };
    // Media files are stored as entries named 0, 1, 2…, in every version of the format.
    let media = names
        .iter()
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .count();
    if media > 0 {
        notes.push(crate::tn!(
            "apkg.media_files_ignored",
            media,
            origin = origin
        ));
    }
    let unreadable = |e: &dyn std::fmt::Display| {
        Error::Usage(crate::t!(
            "package.unreadable",
            origin = origin,
            entry = entry,
            reason = e
        ))
    };
    let mut src = zip.by_name(entry).map_err(|e| unreadable(&e))?;
    // Unpacked straight into memory, stopping one byte past the cap: a small package that
    // claims a huge collection (a zip or zstd bomb) costs nothing on disk and little time.
    let limit = MAX_COLLECTION_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if entry == "collection.anki21b" {
        let z = ruzstd::decoding::StreamingDecoder::new(&mut src).map_err(|e| unreadable(&e))?;
        z.take(limit).read_to_end(&mut bytes)
    } else {
        (&mut src).take(limit).read_to_end(&mut bytes)
    }
    .map_err(|e| unreadable(&e))?;
    if bytes.len() > MAX_COLLECTION_BYTES {
        return Err(Error::Usage(crate::t!(
            "package.too_big",
            origin = origin,
            entry = entry,
            mib = MAX_COLLECTION_BYTES >> 20
        )));
    }
    Ok((entry, bytes))
}

/// SQLite's process-wide heap limit for as long as this lives (the import's own database is
/// not open yet while a package is read), put back as it was when dropped.
pub(super) struct HeapLimit(i64);

impl HeapLimit {
    pub(super) fn set(bytes: usize) -> HeapLimit {
        let n = i64::try_from(bytes).unwrap_or(i64::MAX);
        // SAFETY: a plain setter of SQLite's global; any value is allowed.
        HeapLimit(unsafe { rusqlite::ffi::sqlite3_hard_heap_limit64(n) })
    }
}

impl Drop for HeapLimit {
    fn drop(&mut self) {
        // SAFETY: as above.
        unsafe { rusqlite::ffi::sqlite3_hard_heap_limit64(self.0) };
    }
}

/// The collection as a read-only in-memory database on a connection locked down for a
/// stranger's file (see the module's description).
pub(super) fn open_collection(origin: &str, entry: &str, mut bytes: Vec<u8>) -> Result<Connection> {
    if bytes.len() < 100 || !bytes.starts_with(b"SQLite format 3\0") {
        return Err(Error::Usage(crate::t!(
            "package.not_sqlite",
            origin = origin,
            entry = entry
        )));
    }
    // Anki keeps its collection in WAL mode; a database in memory has no WAL, so the header
    // says rollback journal instead (bytes 18 and 19: the file format's write and read
    // versions, 2 for WAL).
    for b in &mut bytes[18..20] {
        if *b == 2 {
            *b = 1;
        }
    }
    let err = |e: rusqlite::Error| sql_error(origin, entry, &e);
    let mut conn = Connection::open_in_memory().map_err(err)?;
    for (setting, on) in [
        (DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true),
        (DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false),
        (DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false),
        (DbConfig::SQLITE_DBCONFIG_ENABLE_VIEW, false),
    ] {
        conn.set_db_config(setting, on).map_err(err)?;
    }
    let value_limit = i32::try_from(MAX_VALUE_BYTES).unwrap_or(i32::MAX);
    for (limit, n) in [
        (Limit::SQLITE_LIMIT_LENGTH, value_limit),
        (Limit::SQLITE_LIMIT_SQL_LENGTH, 1_000_000),
        (Limit::SQLITE_LIMIT_EXPR_DEPTH, 100),
        (Limit::SQLITE_LIMIT_COMPOUND_SELECT, 8),
        (Limit::SQLITE_LIMIT_FUNCTION_ARG, 8),
        (Limit::SQLITE_LIMIT_ATTACHED, 0),
        (Limit::SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100),
        (Limit::SQLITE_LIMIT_TRIGGER_DEPTH, 1),
    ] {
        conn.set_limit(limit, n).map_err(err)?;
    }
    // The work any honest collection of this size needs, many times over: counted in
    // virtual machine steps, so a query that never ends (a recursive view, a join without
    // an index) is stopped by the same bound on every machine. The wall clock is a last
    // resort only.
    let budget = (100_000_000 + 20 * bytes.len() as u64) / 1000;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(300);
    let mut steps = 0u64;
    conn.progress_handler(
        1000,
        Some(move || {
            steps += 1;
            steps > budget || (steps.is_multiple_of(1000) && std::time::Instant::now() > deadline)
        }),
    )
    .map_err(err)?;
    let len = bytes.len();
    conn.deserialize_read_exact(MAIN_DB, &bytes[..], len, true)
        .map_err(err)?;
    drop(bytes);
    conn.pragma_update(None, "query_only", true).map_err(err)?;
    conn.pragma_update(None, "temp_store", "memory")
        .map_err(err)?;
    conn.pragma_update(None, "cell_size_check", true)
        .map_err(err)?;
    // Anki's names compare case-insensitively; SQLite needs the collation to read the
    // tables declared with it (we never look a name up, so simple lower-casing will do).
    conn.create_collation("unicase", |a: &str, b: &str| {
        a.to_lowercase().cmp(&b.to_lowercase())
    })
    .map_err(err)?;
    Ok(conn)
}

/// An SQLite error while reading a package, as the user should read it.
pub(super) fn sql_error(origin: &str, entry: &str, e: &rusqlite::Error) -> Error {
    use rusqlite::ErrorCode as C;
    let why = match e.sqlite_error_code() {
        Some(C::OperationInterrupted) => crate::t!("package.too_much_work"),
        Some(C::OutOfMemory) => crate::t!("package.too_much_memory"),
        Some(C::TooBig) => crate::t!("package.value_too_big", mib = MAX_VALUE_BYTES >> 20),
        Some(C::DatabaseCorrupt | C::NotADatabase) => crate::t!("package.damaged"),
        _ => e.to_string(),
    };
    unreadable_collection(origin, entry, &why)
}

/// `entry` of package `origin` is not a collection quiz can read, because of `why`.
pub(super) fn unreadable_collection(origin: &str, entry: &str, why: &str) -> Error {
    Error::Usage(crate::t!(
        "package.not_a_collection",
        origin = origin,
        entry = entry,
        why = why
    ))
}

/// Checks that `name` is a plain table (not a view, a virtual table or missing) with these
/// columns, none of them computed.
pub(super) fn check_table(conn: &Connection, name: &str, columns: &[&str]) -> Result<(), String> {
    let objects: Vec<String> = conn
        .prepare(
            "SELECT type || CASE WHEN sql LIKE 'create virtual%' THEN ' (virtual)' ELSE '' END
             FROM sqlite_schema WHERE name = ?1 COLLATE NOCASE AND type IN ('table', 'view')",
        )
        .and_then(|mut st| {
            st.query_map([name], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(|e| e.to_string())?;
    match objects.as_slice() {
        [t] if t == "table" => {}
        [] => return Err(crate::t!("package.no_table", name = name)),
        [t, ..] => return Err(crate::t!("package.not_plain_table", name = name, what = t)),
    }
    let cols: Vec<(String, i64)> = conn
        .prepare("SELECT name, hidden FROM pragma_table_xinfo(?1)")
        .and_then(|mut st| {
            st.query_map([name], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(|e| e.to_string())?;
    if let Some((c, _)) = cols.iter().find(|(_, hidden)| *hidden != 0) {
        return Err(crate::t!(
            "package.computed_column",
            name = name,
            column = c
        ));
    }
    for want in columns {
        if !cols.iter().any(|(c, _)| c.eq_ignore_ascii_case(want)) {
            return Err(crate::t!("package.no_column", name = name, column = want));
        }
    }
    Ok(())
}
