//! Anki packages (.apkg) as decks: Basic and Basic-and-reversed notes become qa facts, Cloze
//! notes cloze facts, written out as our TOML deck text so they go through the same
//! validation and import as any deck file.
//!
//! Read: `collection.anki21b` (zstd-compressed, schema 18, from Anki 2.1.50 and later) if
//! present, else `collection.anki21`, else `collection.anki2` (Anki's legacy schema 11).
//! Media, scheduling and tags are not carried over, and the notes say so; notes of note types
//! we do not know are reported by name and left out, never guessed at.
//!
//! A package is a stranger's file (docs/security.md). The collection is unpacked into memory
//! (never to disk) up to [`MAX_COLLECTION_BYTES`], and read by an SQLite connection of its
//! own that is read-only and defensive (no views, no triggers, no untrusted schema functions),
//! whose every object read is checked to be a plain table with the expected columns, and whose
//! work (a progress handler), memory (a heap limit) and value sizes are bounded; notes stream
//! through one at a time, capped in number.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use rusqlite::Connection;
use serde_json::Value;

use super::package::{
    HEAP_HEADROOM, HeapLimit, check_table, open_collection, sql_error, unpack,
    unreadable_collection,
};
pub use super::package::{MAX_COLLECTION_BYTES, MAX_VALUE_BYTES};
use crate::error::{Error, Result};
use crate::export::apkg::decode_entities;
use crate::export::stable_hash;

/// The most notes, and cards, a package may hold.
pub const MAX_NOTES: usize = 200_000;
pub const MAX_CARDS: usize = 1_000_000;
/// The most deck text a package may convert to.
pub const MAX_TEXT_BYTES: usize = 64 << 20;

/// A package converted to deck text, with what the user should be told about it.
#[derive(Debug, Clone)]
pub struct Converted {
    pub text: String,
    /// One line each: what was left out and why.
    pub notes: Vec<String>,
    /// Where each note's fact starts in `text`: (1-based line, Anki note id), by line.
    pub note_lines: Vec<(usize, i64)>,
}

/// The first line of every deck converted from a package.
const MARK: &str = "# Converted from the Anki package ";
/// The second line: which Anki deck it is (see [`deck_key`]).
const KEY: &str = "# Anki deck: ";

/// Was this deck text converted from an Anki package?
pub fn is_converted(text: &str) -> bool {
    text.starts_with(MARK)
}

/// The Anki deck a converted deck's text came from, if it came from one.
fn key_of(text: &str) -> Option<&str> {
    if !text.starts_with(MARK) {
        return None;
    }
    text.lines().nth(1).and_then(|l| l.strip_prefix(KEY))
}

/// A converted package may update the deck converted before from the same Anki deck (a newer
/// export of it), never a deck written as a deck file, nor one from another Anki deck that
/// happens to get the same id: those are refused, with the way out (`--as NEW_ID`,
/// `--replace`). `replace` lets it replace whatever deck has its id.
pub fn check_target(db: &crate::db::Db, deck: &crate::deck::Deck, replace: bool) -> Result<()> {
    let Some(key) = key_of(&deck.text) else {
        return Ok(());
    };
    if replace {
        return Ok(());
    }
    let hint = crate::t!("apkg.taken_hint");
    match db.deck_toml(deck.id()) {
        Ok(old) if !old.starts_with(MARK) => Err(Error::Usage(crate::t!(
            "apkg.taken_by_own",
            origin = deck.origin,
            id = deck.id(),
            hint = hint
        ))),
        Ok(old) if key_of(&old) != Some(key) => Err(Error::Usage(crate::t!(
            "apkg.taken_by_other",
            origin = deck.origin,
            id = deck.id(),
            other = old
                .lines()
                .next()
                .and_then(|l| l.strip_prefix(MARK))
                .and_then(|l| l.split(" by `quiz add-deck`").next())
                .map_or_else(
                    || crate::t!("apkg.another_package"),
                    |l| { crate::term::clean_line(l).into_owned() }
                ),
            hint = hint
        ))),
        Ok(_) | Err(Error::UnknownDeck(_)) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Is this path an Anki package (by its extension)?
pub fn is_apkg(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("apkg"))
}

/// Converts and parses the package at `path`: the deck, and the notes for the user. An
/// error in the converted text is reported by the Anki note it came from (the converted
/// text is never shown to the user, so its line numbers would mean nothing). `id` replaces
/// the deck id the package would get.
pub fn read(path: &Path, id: Option<&str>) -> Result<(crate::deck::Deck, Vec<String>)> {
    let c = convert(path, id)?;
    let origin = path.display().to_string();
    match crate::deck::parse(&origin, &c.text) {
        Ok(d) => Ok((d, c.notes)),
        Err(Error::Deck(lines)) => Err(Error::Deck(
            lines
                .iter()
                .map(|l| locate(&origin, l, &c.note_lines))
                .collect(),
        )),
        Err(e) => Err(e),
    }
}

/// `ORIGIN:LINE:COL: message` about the converted text as `ORIGIN: Anki note N: message`.
fn locate(origin: &str, line: &str, note_lines: &[(usize, i64)]) -> String {
    let Some(rest) = line.strip_prefix(origin).and_then(|r| r.strip_prefix(':')) else {
        return line.to_owned();
    };
    let mut parts = rest.splitn(3, ':');
    let (Some(l), Some(_col), Some(msg)) = (parts.next(), parts.next(), parts.next()) else {
        return line.to_owned();
    };
    let Ok(l) = l.parse::<usize>() else {
        return line.to_owned();
    };
    let msg = msg.trim_start();
    match note_lines.partition_point(|&(start, _)| start <= l) {
        0 => format!("{origin}: {msg}"),
        i => {
            let nid = note_lines[i - 1].1;
            crate::t!("apkg.in_note", origin = origin, nid = nid, msg = msg)
        }
    }
}

/// What a note type is to us.
#[derive(Debug, Clone, PartialEq)]
enum NoteKind {
    /// Front and back fields (by index); `reverse`: also back → front; `optional`: the
    /// reverse only when this field is not empty.
    Basic {
        front: usize,
        back: usize,
        reverse: bool,
        optional: Option<usize>,
    },
    /// The field holding the cloze text, and an extra field shown with the answer.
    Cloze {
        text: usize,
        extra: Option<usize>,
    },
    /// Exported by quiz: its notes hold generated questions; the field holding
    /// `DECK/FACT…` names the deck.
    Quiz {
        uid: usize,
    },
    Unknown,
}

/// Converts the package at `path` to a deck file's text; `id` replaces the deck id it
/// would get.
pub fn convert(path: &Path, id: Option<&str>) -> Result<Converted> {
    let origin = path.display().to_string();
    let mut notes = Vec::new();
    let (entry, bytes) = unpack(path, &origin, &mut notes)?;
    let _limit = HeapLimit::set(bytes.len() + HEAP_HEADROOM);
    let conn = open_collection(&origin, entry, bytes)?;
    let converted = read_collection(&conn, path, &origin, entry, notes, id);
    drop(conn);
    converted
}

/// Reads notes, note types and decks from the open collection into deck text.
fn read_collection(
    conn: &Connection,
    path: &Path,
    origin: &str,
    entry: &str,
    mut notes: Vec<String>,
    id_override: Option<&str>,
) -> Result<Converted> {
    let bad = |e: rusqlite::Error| sql_error(origin, entry, &e);
    let shape = |why: String| unreadable_collection(origin, entry, &why);
    let modern = entry == "collection.anki21b";
    let mut tables: Vec<(&str, &[&str])> = vec![
        ("notes", &["id", "guid", "mid", "flds", "mod"]),
        ("cards", &["nid", "did", "ord", "type"]),
    ];
    if modern {
        tables.extend([
            ("notetypes", &["id", "name", "config"][..]),
            ("fields", &["ntid", "ord", "name"][..]),
            ("templates", &["ntid", "ord", "config"][..]),
            ("decks", &["id", "name"][..]),
        ]);
    } else {
        tables.push(("col", &["models", "decks"]));
    }
    for (name, columns) in tables {
        check_table(conn, name, columns).map_err(shape)?;
    }
    let (models, decks) = if modern {
        schema18_tables(conn).map_err(bad)?
    } else {
        let (models, decks): (String, String) = conn
            .query_row("SELECT models, decks FROM col LIMIT 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(bad)?;
        let models: HashMap<String, Value> = serde_json::from_str(&models).map_err(|e| {
            Error::Usage(crate::t!(
                "apkg.note_types_unreadable",
                origin = origin,
                reason = e
            ))
        })?;
        let decks: HashMap<String, Value> = serde_json::from_str(&decks).map_err(|e| {
            Error::Usage(crate::t!(
                "apkg.decks_unreadable",
                origin = origin,
                reason = e
            ))
        })?;
        (models, decks)
    };
    let deck_name = |did: i64| -> String {
        decks
            .get(&did.to_string())
            .and_then(|d| d.get("name"))
            .and_then(Value::as_str)
            .unwrap_or("Default")
            .to_owned()
    };
    let kinds: HashMap<i64, (String, NoteKind)> = models
        .values()
        .filter_map(|m| {
            let id = m.get("id")?.as_i64()?;
            let name = m.get("name")?.as_str()?.to_owned();
            Some((id, (name, note_kind(m))))
        })
        .collect();

    // Each note's deck is its first card's; one pass over the cards, no join (a package
    // without Anki's index would make a join quadratic).
    let mut first_card: HashMap<i64, (i64, i64)> = HashMap::new();
    let mut studied = 0usize;
    let mut cards = 0usize;
    {
        let mut st = conn
            .prepare("SELECT nid, ord, did, type != 0 FROM cards")
            .map_err(bad)?;
        let mut rows = st.query([]).map_err(bad)?;
        while let Some(r) = rows.next().map_err(bad)? {
            cards += 1;
            if cards > MAX_CARDS {
                return Err(Error::Usage(crate::t!(
                    "apkg.too_many_cards",
                    origin = origin,
                    notes = MAX_NOTES,
                    cards = MAX_CARDS
                )));
            }
            let (nid, ord, did): (i64, i64, i64) = (
                r.get(0).map_err(bad)?,
                r.get(1).map_err(bad)?,
                r.get(2).map_err(bad)?,
            );
            studied += usize::from(r.get::<_, bool>(3).map_err(bad)?);
            let e = first_card.entry(nid).or_insert((ord, did));
            if ord < e.0 {
                *e = (ord, did);
            }
        }
    }
    if studied > 0 {
        notes.push(crate::tn!(
            "apkg.scheduling_ignored",
            studied,
            origin = origin
        ));
    }
    let note_did = |nid: i64| first_card.get(&nid).map_or(1, |&(_, did)| did);

    // The deck: the deepest deck that holds every note. One light pass over note ids.
    let mut dids = HashSet::new();
    let mut n_notes = 0usize;
    let mut first_guid: Option<String> = None;
    {
        let mut st = conn
            .prepare("SELECT id, guid FROM notes ORDER BY id")
            .map_err(bad)?;
        let mut rows = st.query([]).map_err(bad)?;
        while let Some(r) = rows.next().map_err(bad)? {
            n_notes += 1;
            if n_notes > MAX_NOTES {
                return Err(Error::Usage(crate::t!(
                    "apkg.too_many_notes",
                    origin = origin,
                    notes = MAX_NOTES,
                    cards = MAX_CARDS
                )));
            }
            dids.insert(note_did(r.get(0).map_err(bad)?));
            if first_guid.is_none() {
                first_guid = Some(r.get(1).map_err(bad)?);
            }
        }
    }
    let mut deck_names: Vec<String> = dids.iter().map(|&d| deck_name(d)).collect();
    deck_names.sort();
    let top = common_deck(&deck_names).unwrap_or_else(|| {
        path.file_stem()
            .map_or("Anki".into(), |s| s.to_string_lossy().into_owned())
    });
    // Which Anki deck this is: its id (a creation time, the same in every export of it and
    // different between collections), except for Anki's "Default" deck (id 1 everywhere),
    // which is known by its first note instead.
    let top_id = decks.iter().find_map(|(id, d)| {
        (d.get("name").and_then(Value::as_str) == Some(top.as_str()))
            .then(|| id.parse::<i64>().ok())
            .flatten()
    });
    let key = match top_id {
        Some(id) if id > 1 => format!("id {id}"),
        _ => format!(
            "first note {}",
            crate::term::clean_line(first_guid.as_deref().unwrap_or(""))
        ),
    };

    let mut facts = String::new();
    let mut facts_lines = 0usize;
    let mut note_lines = Vec::new();
    let mut unknown: BTreeMap<String, usize> = BTreeMap::new();
    let mut empty = 0usize;
    let mut media_only = 0usize;
    let mut with_media = 0usize;
    let mut formatted = 0usize;
    let mut ours: BTreeMap<String, usize> = BTreeMap::new();
    let (mut n_qa, mut n_cloze) = (0usize, 0usize);
    let mut newest = 0i64;
    let mut cjk = false;
    let mut progress = crate::progress::Progress::new(n_notes as u64, "notes");
    let mut st = conn
        .prepare("SELECT id, guid, mid, flds, mod, tags FROM notes ORDER BY id")
        .map_err(bad)?;
    let mut rows = st.query([]).map_err(bad)?;
    while let Some(r) = rows.next().map_err(bad)? {
        progress.inc(1);
        let nid: i64 = r.get(0).map_err(bad)?;
        let guid: String = r.get(1).map_err(bad)?;
        let mid: i64 = r.get(2).map_err(bad)?;
        let flds: String = r.get(3).map_err(bad)?;
        let modified: i64 = r.get(4).map_err(bad)?;
        let tags: String = r.get(5).map_err(bad)?;
        let tags = note_tags(&tags);
        let deck = deck_name(note_did(nid));
        let fields: Vec<&str> = flds.split('\x1f').collect();
        let Some((name, kind)) = kinds.get(&mid) else {
            *unknown
                .entry(format!("(missing note type {mid})"))
                .or_default() += 1;
            continue;
        };
        if let NoteKind::Quiz { uid } = kind {
            let deck = fields
                .get(*uid)
                .map_or("", |u| u.split('/').next().unwrap_or(""));
            *ours.entry(to_text(deck)).or_default() += 1;
            continue;
        }
        let media = fields.iter().any(|f| has_media(f));
        let field = |i: usize| fields.get(i).copied().unwrap_or("");
        let part = deck
            .strip_prefix(top.as_str())
            .and_then(|s| s.strip_prefix("::"))
            .filter(|s| !s.is_empty())
            .map(|s| s.replace("::", " / "));
        let id = fact_id(&guid);
        let before = facts.len();
        match kind {
            NoteKind::Basic {
                front,
                back,
                reverse,
                optional,
            } => {
                let (q, a) = (to_text(field(*front)), to_text(field(*back)));
                if q.is_empty() || a.is_empty() {
                    // A side that was only a picture or a sound has nothing to ask or answer
                    // in a terminal: the note is left out rather than kept unanswerable.
                    if media {
                        media_only += 1;
                    } else {
                        empty += 1;
                    }
                    continue;
                }
                formatted +=
                    usize::from(has_formatting(field(*front)) || has_formatting(field(*back)));
                cjk |= has_cjk(&q) || has_cjk(&a);
                write_qa(&mut facts, &id, part.as_deref(), &q, &a, &tags);
                n_qa += 1;
                let wants_reverse =
                    *reverse && optional.is_none_or(|i| !to_text(field(i)).is_empty());
                if wants_reverse {
                    write_qa(
                        &mut facts,
                        &format!("{id}-r"),
                        part.as_deref(),
                        &a,
                        &q,
                        &tags,
                    );
                    n_qa += 1;
                }
            }
            NoteKind::Cloze { text, extra } => {
                let Some(t) = cloze_text(field(*text)) else {
                    if media {
                        media_only += 1;
                    } else {
                        empty += 1;
                    }
                    continue;
                };
                formatted += usize::from(fields.iter().any(|f| has_formatting(f)));
                cjk |= has_cjk(&t);
                let extra = extra.map(|i| to_text(field(i))).filter(|e| !e.is_empty());
                write_cloze(
                    &mut facts,
                    &id,
                    part.as_deref(),
                    &t,
                    extra.as_deref(),
                    &tags,
                );
                n_cloze += 1;
            }
            NoteKind::Unknown => {
                *unknown.entry(name.clone()).or_default() += 1;
                continue;
            }
            NoteKind::Quiz { .. } => continue,
        }
        with_media += usize::from(media);
        // The fact's text starts after the blank line each fact begins with.
        note_lines.push((facts_lines + 2, nid));
        facts_lines += facts[before..].matches('\n').count();
        if facts.len() > MAX_TEXT_BYTES {
            return Err(Error::Usage(crate::t!(
                "apkg.too_much_text",
                origin = origin,
                mib = MAX_TEXT_BYTES >> 20
            )));
        }
        newest = newest.max(modified);
    }
    drop(rows);
    drop(st);
    drop(progress);
    for (name, n) in &unknown {
        notes.push(crate::tn!(
            "apkg.note_type_left_out",
            *n,
            origin = origin,
            name = crate::term::clean_line(name)
        ));
    }
    let own = |n: usize| {
        let decks: Vec<String> = ours
            .keys()
            .map(|d| format!("`{}`", crate::term::clean_line(d)))
            .collect();
        let d = ours
            .keys()
            .next()
            .map_or("DECK".into(), |d| crate::term::clean_line(d).into_owned());
        crate::tn!("apkg.own_package", n, decks = decks.join(", "), d = d)
    };
    let n_ours: usize = ours.values().sum();
    if n_ours > 0 && n_qa + n_cloze == 0 && unknown.is_empty() {
        return Err(Error::Usage(crate::t!(
            "apkg.own_refused",
            origin = origin,
            what = own(n_ours)
        )));
    }
    if n_ours > 0 {
        notes.push(crate::t!(
            "apkg.own_left_out",
            origin = origin,
            what = own(n_ours)
        ));
    }
    if media_only > 0 {
        notes.push(crate::tn!(
            "apkg.media_only_left_out",
            media_only,
            origin = origin
        ));
    }
    if empty > 0 {
        notes.push(crate::tn!("apkg.empty_left_out", empty, origin = origin));
    }
    if with_media > 0 {
        notes.push(crate::tn!(
            "apkg.media_dropped",
            with_media,
            origin = origin
        ));
    }
    if formatted > 0 {
        notes.push(crate::tn!(
            "apkg.formatting_dropped",
            formatted,
            origin = origin
        ));
    }
    if n_qa + n_cloze == 0 {
        return Err(Error::Usage(if unknown.is_empty() {
            crate::t!("apkg.nothing_to_import", origin = origin)
        } else {
            crate::t!(
                "apkg.nothing_to_import_found",
                origin = origin,
                types = unknown
                    .keys()
                    .map(|k| crate::term::clean_line(k).into_owned())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }));
    }

    let file_name = path
        .file_name()
        .map_or(origin.to_owned(), |n| n.to_string_lossy().into_owned());
    let deck_id = id_override.map_or_else(|| deck_id(&top, path, &key), str::to_owned);
    let mut text = String::new();
    let _ = writeln!(
        text,
        "{MARK}{} by `quiz add-deck`: {n_qa} qa and {n_cloze} cloze facts.",
        crate::term::clean_line(&file_name)
    );
    let _ = writeln!(text, "{KEY}{key}");
    let _ = writeln!(text, "\n[deck]");
    let _ = writeln!(text, "id = {}", toml_str(&deck_id));
    let _ = writeln!(text, "title = {}", toml_str(&top));
    let _ = writeln!(text, "language = \"{}\"", if cjk { "zh" } else { "en" });
    let _ = writeln!(text, "\n[[source]]");
    let _ = writeln!(text, "id = \"apkg\"");
    let _ = writeln!(
        text,
        "title = {}",
        toml_str(&format!("Anki package {file_name}"))
    );
    let _ = writeln!(text, "publisher = \"Anki\"");
    let _ = writeln!(
        text,
        "date = \"{}\"",
        crate::export::iso_date(newest.max(0))
    );
    let _ = writeln!(text, "url = {}", toml_str(&file_name));
    let head_lines = text.matches('\n').count();
    for l in &mut note_lines {
        l.0 += head_lines;
    }
    text.push_str(&facts);
    Ok(Converted {
        text,
        notes,
        note_lines,
    })
}

/// Note types and decks of a current-format collection (schema 18: tables `notetypes`,
/// `fields`, `templates`, `decks`, with settings as protocol buffers), in the legacy JSON
/// shape the rest of the conversion reads: for note types `id`, `name`, `type` (1 = cloze),
/// `originalStockKind`, `flds[].name`, `tmpls[].qfmt`; for decks `name` with `::`.
fn schema18_tables(
    conn: &Connection,
) -> rusqlite::Result<(HashMap<String, Value>, HashMap<String, Value>)> {
    let mut fields: HashMap<i64, Vec<Value>> = HashMap::new();
    let mut st = conn.prepare("SELECT ntid, name FROM fields ORDER BY ntid, ord")?;
    for row in st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (id, name) = row?;
        fields
            .entry(id)
            .or_default()
            .push(serde_json::json!({ "name": name }));
    }
    let mut templates: HashMap<i64, Vec<Value>> = HashMap::new();
    let mut st = conn.prepare("SELECT ntid, config FROM templates ORDER BY ntid, ord")?;
    for row in st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))? {
        let (id, config) = row?;
        // Template.Config: 1 = question format.
        let qfmt = proto_fields(&config)
            .into_iter()
            .find_map(|(n, v)| match (n, v) {
                (1, Proto::Bytes(b)) => Some(String::from_utf8_lossy(b).into_owned()),
                _ => None,
            })
            .unwrap_or_default();
        templates
            .entry(id)
            .or_default()
            .push(serde_json::json!({ "qfmt": qfmt }));
    }
    let mut models = HashMap::new();
    let mut st = conn.prepare("SELECT id, name, config FROM notetypes")?;
    for row in st.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Vec<u8>>(2)?,
        ))
    })? {
        let (id, name, config) = row?;
        // Notetype.Config: 1 = kind (1 cloze), 9 = original stock kind.
        let (mut kind, mut stock) = (0, None);
        for (n, v) in proto_fields(&config) {
            match (n, v) {
                (1, Proto::Varint(k)) => kind = k,
                (9, Proto::Varint(k)) => stock = Some(k),
                _ => {}
            }
        }
        models.insert(
            id.to_string(),
            serde_json::json!({
                "id": id,
                "name": name,
                "type": kind,
                "originalStockKind": stock,
                "flds": fields.remove(&id).unwrap_or_default(),
                "tmpls": templates.remove(&id).unwrap_or_default(),
            }),
        );
    }
    let mut decks = HashMap::new();
    let mut st = conn.prepare("SELECT id, name FROM decks")?;
    for row in st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (id, name) = row?;
        decks.insert(
            id.to_string(),
            serde_json::json!({ "name": name.replace('\x1f', "::") }),
        );
    }
    Ok((models, decks))
}

/// A protocol-buffer field's value, as far as we read them.
enum Proto<'a> {
    Varint(u64),
    Bytes(&'a [u8]),
    Other,
}

/// The top-level fields of a protocol-buffer message: (field number, value). Stops at the
/// first malformed byte.
fn proto_fields(mut b: &[u8]) -> Vec<(u64, Proto<'_>)> {
    fn varint(b: &mut &[u8]) -> Option<u64> {
        let mut x = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = b.split_first()?;
            *b = rest;
            x |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(x);
            }
        }
        None
    }
    let mut out = Vec::new();
    while !b.is_empty() {
        let Some(key) = varint(&mut b) else { break };
        let value = match key & 7 {
            0 => match varint(&mut b) {
                Some(v) => Proto::Varint(v),
                None => break,
            },
            1 | 5 => {
                let n = if key & 7 == 1 { 8 } else { 4 };
                if b.len() < n {
                    break;
                }
                b = &b[n..];
                Proto::Other
            }
            2 => {
                let Some(len) = varint(&mut b).and_then(|l| usize::try_from(l).ok()) else {
                    break;
                };
                if b.len() < len {
                    break;
                }
                let (v, rest) = b.split_at(len);
                b = rest;
                Proto::Bytes(v)
            }
            _ => break,
        };
        out.push((key >> 3, value));
    }
    out
}

/// Decides what a note type is: by Anki's record of which stock type it was made from, by
/// its stock name, or by having exactly the stock layout. Anything else is unknown.
fn note_kind(m: &Value) -> NoteKind {
    let name = m.get("name").and_then(Value::as_str).unwrap_or("");
    let fields: Vec<&str> = m
        .get("flds")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|f| f.get("name").and_then(Value::as_str))
                .collect()
        })
        .unwrap_or_default();
    let templates: Vec<&str> = m
        .get("tmpls")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|t| t.get("qfmt").and_then(Value::as_str))
                .collect()
        })
        .unwrap_or_default();
    let field_index = |name: &str| fields.iter().position(|f| *f == name);
    // quiz's own note types (one per question shape, or per fact kind): `quiz … (DECK)`
    // with a `Uid` field.
    if name.starts_with("quiz ")
        && let Some(uid) = field_index("Uid")
    {
        return NoteKind::Quiz { uid };
    }
    if m.get("type").and_then(Value::as_i64) == Some(1) {
        // A cloze note type: its text field is the one its template deletes from.
        let text = templates.first().and_then(|q| {
            let start = q.find("{{cloze:")? + "{{cloze:".len();
            let end = q[start..].find("}}")? + start;
            field_index(q[start..end].trim())
        });
        return match text {
            Some(text) => NoteKind::Cloze {
                text,
                extra: (0..fields.len()).find(|&i| i != text),
            },
            None => NoteKind::Unknown,
        };
    }
    let stock = m.get("originalStockKind").and_then(Value::as_i64);
    let by_name = match name {
        "Basic" => Some(1),
        "Basic (and reversed card)" => Some(2),
        "Basic (optional reversed card)" => Some(3),
        "Basic (type in the answer)" => Some(4),
        _ => None,
    };
    let exact = |q: &str, f: &str| q.trim() == format!("{{{{{f}}}}}");
    let shows = |q: &str, f: &str| q.contains(&format!("{{{{{f}}}}}"));
    let layout = match (fields.as_slice(), templates.as_slice()) {
        ([f, _], [q]) if exact(q, f) => Some(1),
        ([f, b], [q1, q2]) if exact(q1, f) && exact(q2, b) => Some(2),
        _ => None,
    };
    // What Anki recorded (or the stock name) says which stock type it was made from; the
    // layout must still be that stock type's, since a copy may have been changed since.
    let kind = stock.filter(|k| (1..=4).contains(k)).or(by_name).or(layout);
    let basic = |reverse, optional| NoteKind::Basic {
        front: 0,
        back: 1,
        reverse,
        optional,
    };
    match (kind, fields.as_slice(), templates.as_slice()) {
        (Some(1), [f, _], [q]) if shows(q, f) => basic(false, None),
        (Some(4), [f, b], [q]) if shows(q, f) && q.contains(&format!("{{{{type:{b}}}}}")) => {
            basic(false, None)
        }
        (Some(2), [f, b], [q1, q2]) if shows(q1, f) && shows(q2, b) => basic(true, None),
        (Some(3), [f, b, _], [q1, q2]) if shows(q1, f) && shows(q2, b) => basic(true, Some(2)),
        _ => NoteKind::Unknown,
    }
}

/// The deepest `::` deck path shared by every note; `None` if there are no notes or they
/// share no top-level deck.
fn common_deck(names: &[String]) -> Option<String> {
    let first: Vec<&str> = names.first()?.split("::").collect();
    let mut len = first.len();
    for n in &names[1..] {
        let parts: Vec<&str> = n.split("::").collect();
        len = len.min(first.iter().zip(&parts).take_while(|(a, b)| a == b).count());
    }
    (len > 0).then(|| first[..len].join("::"))
}

/// A deck id: the deck's name as lower-case ASCII letters and digits with `-` between
/// words (for a name with none, such as one all in Chinese, the file's name, else `anki`),
/// then `-` and six
/// characters from `key`, which tells Anki decks apart ([`read_collection`]): two Anki decks
/// of one name (every collection's "Default") get two ids, and a newer export of one deck
/// the same id.
fn deck_id(name: &str, path: &Path, key: &str) -> String {
    let mut slug = slugify(name.rsplit("::").next().unwrap_or(name));
    if slug.is_empty() {
        slug = path
            .file_stem()
            .map(|s| slugify(&s.to_string_lossy()))
            .unwrap_or_default();
    }
    if slug.is_empty() {
        slug = "anki".into();
    }
    slug.truncate(56);
    while slug.ends_with('-') {
        slug.pop();
    }
    let mut n = stable_hash(&format!("anki-deck:{key}"));
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut tail = String::new();
    for _ in 0..6 {
        tail.push(char::from(digits[(n % 36) as usize]));
        n /= 36;
    }
    format!("{slug}-{tail}")
}

pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out: String = out.trim_end_matches('-').chars().take(64).collect();
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A fact id from a note's GUID: the same note gives the same id in every newer export of
/// the package, so re-adding it keeps progress.
fn fact_id(guid: &str) -> String {
    let h = stable_hash(&format!("anki-guid:{guid}"));
    let mut s = String::from("n-");
    let mut n = h;
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut tail = Vec::new();
    for _ in 0..13 {
        tail.push(digits[(n % 36) as usize]);
        n /= 36;
    }
    tail.reverse();
    s.push_str(std::str::from_utf8(&tail).unwrap_or_default());
    s
}

fn has_media(field: &str) -> bool {
    field.contains("<img") || field.contains("[sound:") || field.contains("<audio")
}

/// Markup beyond line breaks: what plain text loses.
fn has_formatting(field: &str) -> bool {
    let lower = field.to_ascii_lowercase();
    [
        "<b>", "<b ", "<i>", "<i ", "<u>", "<span", "<font", "<a ", "<sup", "<sub", "<table",
        "<strong", "<em",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

/// An Anki note's tags (space-separated, `::` for a hierarchy), cleaned of control
/// characters; Anki's own `leech` and `marked` say something about a student's study, not
/// the deck, and are dropped.
fn note_tags(tags: &str) -> Vec<String> {
    tags.split_whitespace()
        .filter(|t| !t.eq_ignore_ascii_case("leech") && !t.eq_ignore_ascii_case("marked"))
        .map(|t| crate::term::clean_line(t).into_owned())
        .filter(|t| !t.is_empty())
        .take(64)
        .collect()
}

fn has_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c))
}

/// Field HTML as plain text: line breaks for `<br>` and block ends, no tags, no sound
/// references, entities decoded, control characters (also those written as entities, such
/// as `&#27;`) removed, spaces tidied.
pub fn to_text(html: &str) -> String {
    html_text(html, false)
}

/// [`to_text`]; `markers` keeps U+0001 and U+0002, which [`cloze_text`] uses to mark gaps.
fn html_text(html: &str, markers: bool) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', '[']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('[') {
            if rest.starts_with("[sound:")
                && let Some(end) = rest.find(']')
            {
                rest = &rest[end + 1..];
            } else {
                out.push('[');
                rest = &rest[1..];
            }
            continue;
        }
        let Some(end) = rest.find('>') else {
            out.push_str(rest);
            rest = "";
            break;
        };
        let tag = rest[1..end].trim().to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if matches!(name.as_str(), "br" | "div" | "p" | "li" | "tr") {
            out.push('\n');
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    let decoded: String = decode_entities(&out)
        .chars()
        .filter(|&c| (markers && matches!(c, '\u{1}' | '\u{2}')) || !crate::term::is_unsafe(c))
        .collect();
    decoded
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Anki's cloze text (`{{c1::answer::hint}}`) in our form (`{{answer}}`), as plain text;
/// `None` when no valid gap is left.
fn cloze_text(html: &str) -> Option<String> {
    let mut out = String::new();
    // The gap markers below must not come from the note itself.
    let html = html.replace(['\u{1}', '\u{2}'], "");
    let mut rest = html.as_str();
    while let Some(i) = rest.find("{{c") {
        let after = &rest[i + 3..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        let Some(body) = after[digits..].strip_prefix("::").filter(|_| digits > 0) else {
            out.push_str(&rest[..i + 3]);
            rest = after;
            continue;
        };
        let end = body.find("}}")?;
        let inner = &body[..end];
        let mut parts = inner.splitn(2, "::");
        let clean = |s: &str| {
            let t = to_text(s)
                .replace(['|', '\n'], " ")
                .replace("{{", "{ {")
                .replace("::", ": ");
            // `out` goes through `to_text` once more: keep the text's own `<`, `>`, `&`.
            crate::export::html_escape(t.trim())
        };
        let answer = clean(parts.next().unwrap_or(inner));
        let hint = parts.next().map(clean).filter(|h| !h.is_empty());
        out.push_str(&rest[..i]);
        // A marker that survives `to_text` and is put back afterwards.
        out.push('\u{1}');
        out.push_str(&answer);
        if let Some(h) = hint {
            out.push_str("::");
            out.push_str(&h);
        }
        out.push('\u{2}');
        rest = &body[end + 2..];
    }
    out.push_str(rest);
    let text = html_text(&out, true)
        .replace("{{", "{ {")
        .replace("}}", "} }")
        .replace('\u{1}', "{{")
        .replace('\u{2}', "}}");
    crate::generate::cloze::gaps(&text).ok().map(|_| text)
}

fn write_tags(out: &mut String, tags: &[String]) {
    if !tags.is_empty() {
        let list: Vec<String> = tags.iter().map(|t| toml_str(t)).collect();
        let _ = writeln!(out, "tags = [{}]", list.join(", "));
    }
}

fn write_qa(out: &mut String, id: &str, part: Option<&str>, q: &str, a: &str, tags: &[String]) {
    let _ = writeln!(out, "\n[[qa]]\nid = \"{id}\"\nsource = \"apkg\"");
    if let Some(p) = part {
        let _ = writeln!(out, "part = {}", toml_str(p));
    }
    write_tags(out, tags);
    let _ = writeln!(out, "question = {}", toml_str(q));
    let _ = writeln!(out, "answer = {}", toml_str(a));
    // Anki answers are self-rated; a long one is not something to type and grade.
    if a.chars().count() > 24 || a.contains('\n') {
        let _ = writeln!(out, "self_graded = true");
    }
}

fn write_cloze(
    out: &mut String,
    id: &str,
    part: Option<&str>,
    text: &str,
    extra: Option<&str>,
    tags: &[String],
) {
    let _ = writeln!(out, "\n[[cloze]]\nid = \"{id}\"\nsource = \"apkg\"");
    if let Some(p) = part {
        let _ = writeln!(out, "part = {}", toml_str(p));
    }
    write_tags(out, tags);
    if let Some(e) = extra {
        let _ = writeln!(out, "note = {}", toml_str(e));
    }
    let _ = writeln!(out, "text = {}", toml_str(text));
}

/// A TOML basic string.
fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_in_converted_text_name_the_note() {
        let lines = [(20, 111), (26, 222)];
        assert_eq!(
            locate("p.apkg", "p.apkg:27:1: qa `n-x`: duplicate id", &lines),
            "p.apkg: Anki note 222 (`nid:222` in Anki's browser): qa `n-x`: duplicate id"
        );
        assert_eq!(
            locate("p.apkg", "p.apkg:4:6: deck: bad id", &lines),
            "p.apkg: deck: bad id"
        );
        assert_eq!(locate("p.apkg", "other", &lines), "other");
    }

    #[test]
    fn cloze_markers_become_ours() {
        assert_eq!(
            cloze_text("SCO: {{c1::2001}} in {{c2::<b>Shanghai</b>::city}}").as_deref(),
            Some("SCO: {{2001}} in {{Shanghai::city}}"),
            "the hint is kept"
        );
        assert_eq!(
            cloze_text("{{c1::a|b::x::y}}").as_deref(),
            Some("{{a b::x: y}}"),
            "no `|` or `::` of the note's changes what the gap accepts"
        );
        assert_eq!(cloze_text("no gaps here"), None);
    }

    #[test]
    fn html_becomes_text() {
        assert_eq!(
            to_text("Capital of <b>Kazakhstan</b>?<br>Now: &quot;Astana&quot; [sound:a.mp3]"),
            "Capital of Kazakhstan?\nNow: \"Astana\""
        );
        assert_eq!(to_text("a [b] c"), "a [b] c");
    }

    #[test]
    fn slugs_and_dates() {
        assert_eq!(
            slugify("Diplomacy Basics::Treaties"),
            "diplomacy-basics-treaties"
        );
        assert_eq!(slugify("外交"), "");
        assert_eq!(
            common_deck(&["A::B".into(), "A::B::C".into()]).as_deref(),
            Some("A::B")
        );
        assert_eq!(common_deck(&["A".into(), "B".into()]), None);
    }

    #[test]
    fn toml_strings_round_trip() {
        let s = "a \"b\" \\ c\nd\u{7}";
        let v: toml::Value = toml::from_str(&format!("x = {}", toml_str(s))).unwrap();
        assert_eq!(v["x"].as_str(), Some(s));
    }
}
