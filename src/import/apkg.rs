//! Anki packages (.apkg) as decks: Basic and Basic-and-reversed notes become qa facts, Cloze
//! notes cloze facts, written out as our TOML deck text so they go through the same
//! validation and import as any deck file.
//!
//! Read: `collection.anki21b` (zstd-compressed, schema 18, from Anki 2.1.50 and later) if
//! present, else `collection.anki21`, else `collection.anki2` (Anki's legacy schema 11).
//! Media, scheduling and tags are not carried over, and the notes say so; notes of note types
//! we do not know are reported by name and left out, never guessed at.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde_json::Value;

use crate::error::{Error, Result};
use crate::export::apkg::decode_entities;
use crate::export::stable_hash;

/// A package converted to deck text, with what the user should be told about it.
#[derive(Debug, Clone)]
pub struct Converted {
    pub text: String,
    /// One line each: what was left out and why.
    pub notes: Vec<String>,
}

/// The first line of every deck converted from a package.
const MARK: &str = "# Converted from the Anki package ";

/// A converted package may update a deck converted from a package before (a newer export of
/// the same Anki deck), never a deck written as a deck file that happens to have the same id.
pub fn check_target(db: &crate::db::Db, deck: &crate::deck::Deck) -> Result<()> {
    if !deck.text.starts_with(MARK) {
        return Ok(());
    }
    match db.deck_toml(deck.id()) {
        Ok(old) if !old.starts_with(MARK) => Err(Error::Usage(format!(
            "{}: its deck would be `{}`, which is already a deck of yours that did not come from \
             an Anki package; rename the Anki deck (or the file, for a deck named without \
             Latin letters) and add it again",
            deck.origin,
            deck.id()
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
    Unknown,
}

/// Converts the package at `path` to a deck file's text.
pub fn convert(path: &Path) -> Result<Converted> {
    let origin = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| {
        Error::Usage(format!(
            "{origin}: not an Anki package (it is not a zip archive: {e})"
        ))
    })?;
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
        return Err(Error::Usage(format!(
            "{origin}: not an Anki package (no collection.anki2, collection.anki21 or collection.anki21b inside)"
        )));
    };

    let mut notes = Vec::new();
    // Media files are stored as entries named 0, 1, 2…, in every version of the format.
    let media = names
        .iter()
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .count();
    if media > 0 {
        notes.push(format!(
            "{origin}: {media} media file{} ignored (quiz decks hold text only)",
            plural(media)
        ));
    }

    let tmp = TempFile(std::env::temp_dir().join(format!(
        "quiz-apkg-{}-{:x}.anki2",
        std::process::id(),
        stable_hash(&origin)
    )));
    {
        let unreadable =
            |e: &dyn std::fmt::Display| Error::Usage(format!("{origin}: cannot read {entry}: {e}"));
        let mut src = zip.by_name(entry).map_err(|e| unreadable(&e))?;
        let mut dst = std::fs::File::create(&tmp.0).map_err(|e| Error::io(&tmp.0, e))?;
        // A collection is never this big; a package claiming one is broken or hostile.
        const LIMIT: u64 = 4 << 30;
        let copied = if entry == "collection.anki21b" {
            let z =
                ruzstd::decoding::StreamingDecoder::new(&mut src).map_err(|e| unreadable(&e))?;
            std::io::copy(&mut z.take(LIMIT), &mut dst)
        } else {
            std::io::copy(&mut (&mut src).take(LIMIT), &mut dst)
        }
        .map_err(|e| unreadable(&e))?;
        if copied == LIMIT {
            return Err(Error::Usage(format!(
                "{origin}: {entry} is larger than 4 GiB; refusing to unpack it"
            )));
        }
    }
    let conn = Connection::open_with_flags(&tmp.0, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| Error::Usage(format!("{origin}: {entry} is not readable: {e}")))?;
    // Anki's names compare case-insensitively; SQLite needs the collation to read the
    // tables declared with it (we never look a name up, so simple lower-casing will do).
    conn.create_collation("unicase", |a: &str, b: &str| {
        a.to_lowercase().cmp(&b.to_lowercase())
    })
    .map_err(|e| Error::Usage(format!("{origin}: {entry} is not readable: {e}")))?;
    let bad = |e: rusqlite::Error| {
        Error::Usage(format!(
            "{origin}: {entry} is not an Anki collection we can read ({e})"
        ))
    };
    let (models, decks) = if entry == "collection.anki21b" {
        schema18_tables(&conn).map_err(bad)?
    } else {
        let (models, decks): (String, String) = conn
            .query_row("SELECT models, decks FROM col", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(bad)?;
        let models: HashMap<String, Value> = serde_json::from_str(&models)
            .map_err(|e| Error::Usage(format!("{origin}: note types are unreadable: {e}")))?;
        let decks: HashMap<String, Value> = serde_json::from_str(&decks)
            .map_err(|e| Error::Usage(format!("{origin}: decks are unreadable: {e}")))?;
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

    let studied: i64 = conn
        .query_row("SELECT count(*) FROM cards WHERE type != 0", [], |r| {
            r.get(0)
        })
        .map_err(bad)?;
    if studied > 0 {
        notes.push(format!(
            "{origin}: scheduling of {studied} studied card{} ignored: the questions start new in quiz",
            plural(studied as usize)
        ));
    }

    let mut st = conn
        .prepare(
            "SELECT n.id, n.guid, n.mid, n.flds, n.mod,
                    (SELECT c.did FROM cards c WHERE c.nid = n.id ORDER BY c.ord LIMIT 1)
             FROM notes n ORDER BY n.id",
        )
        .map_err(bad)?;
    let rows: Vec<(i64, String, i64, String, i64, Option<i64>)> = st
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .map_err(bad)?
        .collect::<rusqlite::Result<_>>()
        .map_err(bad)?;

    // The deck: the deepest deck that holds every note.
    let note_decks: Vec<String> = rows.iter().map(|r| deck_name(r.5.unwrap_or(1))).collect();
    let top = common_deck(&note_decks).unwrap_or_else(|| {
        path.file_stem()
            .map_or("Anki".into(), |s| s.to_string_lossy().into_owned())
    });

    let mut facts = String::new();
    let mut unknown: BTreeMap<String, usize> = BTreeMap::new();
    let mut empty = 0usize;
    let mut with_media = 0usize;
    let (mut n_qa, mut n_cloze) = (0usize, 0usize);
    let mut newest = 0i64;
    let mut cjk = false;
    for ((_, guid, mid, flds, modified, _), deck) in rows.iter().zip(&note_decks) {
        let fields: Vec<&str> = flds.split('\x1f').collect();
        let Some((name, kind)) = kinds.get(mid) else {
            *unknown
                .entry(format!("(missing note type {mid})"))
                .or_default() += 1;
            continue;
        };
        if fields.iter().any(|f| has_media(f)) {
            with_media += 1;
        }
        let field = |i: usize| fields.get(i).copied().unwrap_or("");
        let part = deck
            .strip_prefix(top.as_str())
            .and_then(|s| s.strip_prefix("::"))
            .filter(|s| !s.is_empty())
            .map(|s| s.replace("::", " / "));
        let id = fact_id(guid);
        match kind {
            NoteKind::Basic {
                front,
                back,
                reverse,
                optional,
            } => {
                let (q, a) = (to_text(field(*front)), to_text(field(*back)));
                if q.is_empty() || a.is_empty() {
                    empty += 1;
                    continue;
                }
                cjk |= has_cjk(&q) || has_cjk(&a);
                write_qa(&mut facts, &id, part.as_deref(), &q, &a);
                n_qa += 1;
                let wants_reverse =
                    *reverse && optional.is_none_or(|i| !to_text(field(i)).is_empty());
                if wants_reverse {
                    write_qa(&mut facts, &format!("{id}-r"), part.as_deref(), &a, &q);
                    n_qa += 1;
                }
            }
            NoteKind::Cloze { text, extra } => {
                let Some(t) = cloze_text(field(*text)) else {
                    empty += 1;
                    continue;
                };
                cjk |= has_cjk(&t);
                let extra = extra.map(|i| to_text(field(i))).filter(|e| !e.is_empty());
                write_cloze(&mut facts, &id, part.as_deref(), &t, extra.as_deref());
                n_cloze += 1;
            }
            NoteKind::Unknown => {
                *unknown.entry(name.clone()).or_default() += 1;
                continue;
            }
        }
        newest = newest.max(*modified);
    }
    for (name, n) in &unknown {
        notes.push(format!(
            "{origin}: {n} note{} of note type `{name}` left out (quiz reads Basic, Basic (and reversed card), Basic (optional reversed card), Basic (type in the answer) and Cloze)",
            plural(*n)
        ));
    }
    if empty > 0 {
        notes.push(format!(
            "{origin}: {empty} note{} left out: a side is empty once media and markup are removed",
            plural(empty)
        ));
    }
    if with_media > 0 {
        notes.push(format!(
            "{origin}: {with_media} note{} had images or sounds, which were dropped",
            plural(with_media)
        ));
    }
    if n_qa + n_cloze == 0 {
        return Err(Error::Usage(format!(
            "{origin}: no Basic, Basic-and-reversed or Cloze notes to import{}",
            if unknown.is_empty() {
                String::new()
            } else {
                format!(
                    " (note types found: {})",
                    unknown.keys().cloned().collect::<Vec<_>>().join(", ")
                )
            }
        )));
    }

    let file_name = path
        .file_name()
        .map_or(origin.clone(), |n| n.to_string_lossy().into_owned());
    let mut text = String::new();
    let _ = writeln!(
        text,
        "{MARK}{file_name} by `quiz add-deck`: {n_qa} qa and {n_cloze} cloze facts."
    );
    let _ = writeln!(text, "\n[deck]");
    let _ = writeln!(text, "id = {}", toml_str(&deck_id(&top, path)));
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
    text.push_str(&facts);
    Ok(Converted { text, notes })
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
    let name = m.get("name").and_then(Value::as_str).unwrap_or("");
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

/// A deck id from the deck's name: lower-case ASCII letters and digits, `-` between words.
/// A name with none (all Chinese, say) falls back to the file name, then to `anki-deck`.
fn deck_id(name: &str, path: &Path) -> String {
    let from_name = slugify(name.rsplit("::").next().unwrap_or(name));
    if !from_name.is_empty() {
        return from_name;
    }
    let from_file = path
        .file_stem()
        .map(|s| slugify(&s.to_string_lossy()))
        .unwrap_or_default();
    if from_file.is_empty() {
        "anki-deck".into()
    } else {
        from_file
    }
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

fn has_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c))
}

/// Field HTML as plain text: line breaks for `<br>` and block ends, no tags, no sound
/// references, entities decoded, spaces tidied.
pub fn to_text(html: &str) -> String {
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
    let decoded = decode_entities(&out);
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
    let mut rest = html;
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
        let answer = inner.split("::").next().unwrap_or(inner);
        let answer = to_text(answer)
            .replace(['|', '\n'], " ")
            .replace("{{", "{ {");
        // `out` goes through `to_text` once more: keep the answer's own `<`, `>`, `&` as text.
        let answer = crate::export::html_escape(&answer);
        out.push_str(&rest[..i]);
        // A marker that survives `to_text` and is put back afterwards.
        out.push('\u{1}');
        out.push_str(answer.trim());
        out.push('\u{2}');
        rest = &body[end + 2..];
    }
    out.push_str(rest);
    let text = to_text(&out)
        .replace("{{", "{ {")
        .replace("}}", "} }")
        .replace('\u{1}', "{{")
        .replace('\u{2}', "}}");
    crate::generate::cloze::gaps(&text).ok().map(|_| text)
}

fn write_qa(out: &mut String, id: &str, part: Option<&str>, q: &str, a: &str) {
    let _ = writeln!(out, "\n[[qa]]\nid = \"{id}\"\nsource = \"apkg\"");
    if let Some(p) = part {
        let _ = writeln!(out, "part = {}", toml_str(p));
    }
    let _ = writeln!(out, "question = {}", toml_str(q));
    let _ = writeln!(out, "answer = {}", toml_str(a));
    // Anki answers are self-rated; a long one is not something to type and grade.
    if a.chars().count() > 24 || a.contains('\n') {
        let _ = writeln!(out, "self_graded = true");
    }
}

fn write_cloze(out: &mut String, id: &str, part: Option<&str>, text: &str, extra: Option<&str>) {
    let _ = writeln!(out, "\n[[cloze]]\nid = \"{id}\"\nsource = \"apkg\"");
    if let Some(p) = part {
        let _ = writeln!(out, "part = {}", toml_str(p));
    }
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

/// A file removed when dropped.
struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloze_markers_become_ours() {
        assert_eq!(
            cloze_text("SCO: {{c1::2001}} in {{c2::<b>Shanghai</b>::city}}").as_deref(),
            Some("SCO: {{2001}} in {{Shanghai}}")
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
