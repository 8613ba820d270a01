//! Anki packages made by the tests themselves, honest or crafted: a collection in Anki's
//! legacy schema (11) or current one (18), changed by any SQL afterwards, zipped (the current
//! one zstd-compressed as Anki does). No binary blob is checked in.

use std::io::Write;
use std::path::Path;

use rusqlite::Connection;

/// A note: GUID, front, back (Basic) or text (Cloze, with `{{c1::…}}`).
pub type Note<'a> = (&'a str, &'a str, &'a str);

/// The Basic note type's id; the Cloze one is 2000.
pub const BASIC: i64 = 1000;
pub const CLOZE: i64 = 2000;

/// The tables both schemas share (as Anki writes them, less the indexes).
const SHARED: &str =
    "CREATE TABLE col (id integer PRIMARY KEY, crt integer, mod integer, scm integer,
   ver integer, dty integer, usn integer, ls integer, conf text, models text,
   decks text, dconf text, tags text);
 CREATE TABLE notes (id integer PRIMARY KEY, guid text, mid integer, mod integer,
   usn integer, tags text, flds text, sfld text, csum integer, flags integer, data text);
 CREATE TABLE cards (id integer PRIMARY KEY, nid integer, did integer, ord integer,
   mod integer, usn integer, type integer, queue integer, due integer, ivl integer,
   factor integer, reps integer, lapses integer, left integer, odue integer,
   odid integer, flags integer, data text);";

/// Writes a legacy collection (`collection.anki2`) to `path`: decks `(id, name)`, notes
/// `(deck id, note type, note)`, then runs `tamper`.
pub fn legacy(path: &Path, decks: &[(i64, &str)], notes: &[(i64, i64, Note)], tamper: &str) {
    let _ = std::fs::remove_file(path);
    let c = Connection::open(path).unwrap();
    c.execute_batch(&format!(
        "{SHARED}\nCREATE INDEX ix_cards_nid ON cards (nid);"
    ))
    .unwrap();
    let models = serde_json::json!({
        BASIC.to_string(): {"id": BASIC, "name": "Basic", "type": 0,
            "flds": [{"name": "Front"}, {"name": "Back"}], "tmpls": [{"qfmt": "{{Front}}"}]},
        CLOZE.to_string(): {"id": CLOZE, "name": "Cloze", "type": 1,
            "flds": [{"name": "Text"}, {"name": "Back Extra"}],
            "tmpls": [{"qfmt": "{{cloze:Text}}"}]},
    });
    let decks: serde_json::Map<String, serde_json::Value> = decks
        .iter()
        .map(|(id, name)| (id.to_string(), serde_json::json!({"id": id, "name": name})))
        .collect();
    c.execute(
        "INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?1, ?2, '{}', '{}')",
        [
            models.to_string(),
            serde_json::Value::Object(decks).to_string(),
        ],
    )
    .unwrap();
    insert_notes(&c, notes);
    c.execute_batch(tamper).unwrap();
}

/// Writes a current-format collection (schema 18, as in `collection.anki21b` before
/// compression) to `path`, in WAL mode as Anki keeps it; then runs `tamper`.
pub fn modern(path: &Path, decks: &[(i64, &str)], notes: &[(i64, i64, Note)], tamper: &str) {
    let _ = std::fs::remove_file(path);
    let c = Connection::open(path).unwrap();
    c.execute_batch(&format!(
        "{SHARED}
         CREATE TABLE notetypes (id integer PRIMARY KEY, name text, mtime_secs integer,
           usn integer, config blob);
         CREATE TABLE fields (ntid integer, ord integer, name text, config blob,
           PRIMARY KEY (ntid, ord));
         CREATE TABLE templates (ntid integer, ord integer, name text, mtime_secs integer,
           usn integer, config blob, PRIMARY KEY (ntid, ord));
         CREATE TABLE decks (id integer PRIMARY KEY, name text, mtime_secs integer,
           usn integer, common blob, kind blob);
         INSERT INTO col VALUES (1, 0, 0, 0, 18, 0, 0, 0, '', '', '', '', '');"
    ))
    .unwrap();
    // Notetype.Config field 1 (kind): 0 normal, 1 cloze. Template.Config field 1: the
    // question format.
    let qfmt = |s: &str| {
        let mut b = vec![0x0a, s.len() as u8];
        b.extend_from_slice(s.as_bytes());
        b
    };
    for (id, name, kind, f1, f2, q) in [
        (BASIC, "Basic", 0u8, "Front", "Back", "{{Front}}"),
        (CLOZE, "Cloze", 1, "Text", "Back Extra", "{{cloze:Text}}"),
    ] {
        c.execute(
            "INSERT INTO notetypes VALUES (?1, ?2, 0, 0, ?3)",
            rusqlite::params![id, name, vec![0x08, kind]],
        )
        .unwrap();
        for (ord, f) in [(0, f1), (1, f2)] {
            c.execute(
                "INSERT INTO fields VALUES (?1, ?2, ?3, x'')",
                rusqlite::params![id, ord, f],
            )
            .unwrap();
        }
        c.execute(
            "INSERT INTO templates VALUES (?1, 0, 'Card 1', 0, 0, ?2)",
            rusqlite::params![id, qfmt(q)],
        )
        .unwrap();
    }
    for (id, name) in decks {
        c.execute(
            "INSERT INTO decks VALUES (?1, ?2, 0, 0, x'', x'')",
            rusqlite::params![id, name.replace("::", "\x1f")],
        )
        .unwrap();
    }
    insert_notes(&c, notes);
    c.execute_batch(tamper).unwrap();
    c.pragma_update(None, "journal_mode", "WAL").unwrap();
    drop(c);
    for ext in ["-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(ext);
        let _ = std::fs::remove_file(p);
    }
}

fn insert_notes(c: &Connection, notes: &[(i64, i64, Note)]) {
    for (i, (did, mid, (guid, a, b))) in notes.iter().enumerate() {
        let nid = 1_600_000_000_000 + i as i64;
        c.execute(
            "INSERT INTO notes VALUES (?1, ?2, ?3, 1700000000, 0, '', ?4, ?5, 0, 0, '')",
            rusqlite::params![nid, guid, mid, format!("{a}\x1f{b}"), a],
        )
        .unwrap();
        c.execute(
            "INSERT INTO cards VALUES (?1, ?1, ?2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '')",
            rusqlite::params![nid, did],
        )
        .unwrap();
    }
}

/// A zip of these entries (deflated).
pub fn zip(out: &Path, entries: &[(&str, &[u8])]) {
    let f = std::fs::File::create(out).unwrap();
    let mut z = zip::ZipWriter::new(f);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for (name, bytes) in entries {
        z.start_file(*name, opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap();
}

/// A legacy package at `out` from the collection at `coll`.
pub fn legacy_package(out: &Path, coll: &Path) {
    zip(
        out,
        &[
            ("collection.anki2", &std::fs::read(coll).unwrap()),
            ("media", b"{}"),
        ],
    );
}

/// A current-format package at `out`: the collection at `coll`, zstd-compressed.
pub fn modern_package(out: &Path, coll: &Path) {
    let z = zstd_raw(&std::fs::read(coll).unwrap());
    zip(
        out,
        &[
            ("collection.anki2", b"please update Anki"),
            ("collection.anki21b", &z),
            ("media", b""),
        ],
    );
}

const BLOCK: usize = 128 << 10;

/// A zstd frame of stored (raw) blocks: valid zstd, no compression.
pub fn zstd_raw(data: &[u8]) -> Vec<u8> {
    let mut out = zstd_header();
    let chunks: Vec<&[u8]> = data.chunks(BLOCK).collect();
    for (i, c) in chunks.iter().enumerate() {
        let last = u32::from(i + 1 == chunks.len());
        block_header(&mut out, last | ((c.len() as u32) << 3));
        out.extend_from_slice(c);
    }
    out
}

/// A zstd frame that decompresses to `size` zero bytes in 4 bytes per 128 KiB (RLE blocks):
/// a bomb.
pub fn zstd_bomb(size: u64) -> Vec<u8> {
    let mut out = zstd_header();
    let blocks = size.div_ceil(BLOCK as u64);
    for i in 0..blocks {
        let last = u32::from(i + 1 == blocks);
        block_header(&mut out, last | (1 << 1) | ((BLOCK as u32) << 3));
        out.push(0);
    }
    out
}

fn zstd_header() -> Vec<u8> {
    // Magic; frame header descriptor 0 (no content size, no checksum); a 128 KiB window.
    vec![0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38]
}

fn block_header(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes()[..3]);
}
