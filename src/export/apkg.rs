//! `--format apkg`: an Anki package that Anki itself imports.
//!
//! The package is a zip holding `collection.anki2`, an SQLite database in Anki's legacy
//! schema (version 11: tables col, notes, cards, revlog, graves, with note types and decks as
//! JSON in `col`), and a `media` file `{}` (no media).
//!
//! quiz learns facts, so a fact becomes one Anki note, with one card per kind of question the
//! fact has (docs/learning.md): Anki's sibling burying then asks one question per fact a day,
//! as quiz does. A kind asked in several variants (the item at each position, each true and
//! false statement) is one card that shows one variant a day. Ids are stable so that importing
//! a newer export updates notes rather than adding them again:
//!
//! - note GUID: derived from the fact's deck and id ([`note_guid`]);
//! - note type and deck ids: derived from the deck id (and the fact kind);
//! - note and card modification time: the export time, so a newer export is "newer".
//!
//! docs/export.md describes the note types, their fields and what `--with-scheduling` carries.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use rusqlite::Connection;
use serde_json::{Value, json};

use super::sqlite_file::{Index, Pages, SchemaEntry, Table, Value as SqlValue};
use super::zip_pieces::Streamed;
use super::{letter, prompt_html, stable_hash, tag_safe, true_false_label};
use crate::db::{ExportFact, ExportQuestion, FactState, ReviewEntry};
use crate::error::{Error, Result};
use crate::progress::Progress;
use crate::question::{Answer, Kind};

/// This database's memory of the deck's facts and its answers, for `--with-scheduling`.
pub struct Scheduling<'a> {
    pub facts: &'a [FactState],
    pub reviews: &'a [ReviewEntry],
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub notes: usize,
    pub cards: usize,
    pub note_types: usize,
    pub reviews: usize,
}

/// The note GUID of a fact: 64 bits of a stable hash of `DECK/FACT`, in base 62 (11
/// characters). The same fact gives the same GUID in every version, so Anki recognises the
/// note on re-import. The prefix differs from the one-note-per-question packages of earlier
/// versions (`quiz-note:` + question uid), whose notes Anki keeps apart (docs/export.md).
pub fn note_guid(deck: &str, fact: &str) -> String {
    base62(guid_hash(deck, fact))
}

fn guid_hash(deck: &str, fact: &str) -> u64 {
    guid_hash_in(&mut String::new(), deck, fact)
}

/// [`guid_hash`], spelling the key in `buf` (a buffer kept from one note to the next).
fn guid_hash_in(buf: &mut String, deck: &str, fact: &str) -> u64 {
    buf.clear();
    buf.push_str("quiz-fact:");
    buf.push_str(deck);
    buf.push('/');
    buf.push_str(fact);
    stable_hash(buf)
}

/// An id in Anki's id space (milliseconds since 1970 by convention), stable for `key`:
/// between 10^12 and 9·10^12, below JavaScript's 2^53 so Anki's web views handle it.
pub fn stable_id(key: &str) -> i64 {
    1_000_000_000_000 + (stable_hash(key) % 8_000_000_000_000) as i64
}

/// The Anki deck id of a quiz deck.
pub fn deck_id(deck: &str) -> i64 {
    stable_id(&format!("quiz-deck:{deck}"))
}

/// The Anki note type id of a quiz deck's fact kind.
pub fn notetype_id(deck: &str, fact_kind: &str) -> i64 {
    stable_id(&format!("quiz-fact-notetype:{deck}:{fact_kind}"))
}

/// The facts of one deck with their questions, delivered in batches to `send` (which says
/// `false` when nobody listens any more). It runs on a thread of its own while earlier
/// batches are rendered and written.
pub type Loader<'a> =
    Box<dyn FnOnce(&mut dyn FnMut(Vec<ExportFact>) -> bool) -> Result<()> + Send + 'a>;

/// The deck an export is of.
pub struct DeckInfo<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// `zh` or `en`: the language of the labels on the cards.
    pub language: &'a str,
    /// Fact id → tags its deck file keeps (from an Anki package), added to the note's.
    pub tags: &'a HashMap<String, Vec<String>>,
    /// How many questions the loader will send (for the progress bar), or 0 when unknown.
    pub questions: u64,
}

/// Writes the package to `path` (see [`crate::outfile`]: atomically, nothing left behind).
/// The collection is built page by page and deflated into the file as it is built, so
/// neither it nor a scratch file exists whole at any moment. `now` is unix seconds.
pub fn write(
    deck: &DeckInfo,
    load: Loader,
    sched: Option<Scheduling>,
    now: i64,
    path: &Path,
) -> Result<Summary> {
    let mut summary = None;
    crate::outfile::write_with(path, true, |file| {
        summary = Some(build_package(deck, load, sched, now, file, path)?);
        Ok(())
    })?;
    summary.ok_or_else(|| Error::Other("the Anki package was not written".into()))
}

/// Anki's legacy schema (version 11), in the order of the schema table: the tables, then
/// their indexes. (name, table, SQL.)
const SCHEMA: [(&str, &str, &str); 12] = [
    (
        "col",
        "col",
        "CREATE TABLE col (
  id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
  ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL,
  conf text NOT NULL, models text NOT NULL, decks text NOT NULL, dconf text NOT NULL,
  tags text NOT NULL
)",
    ),
    (
        "notes",
        "notes",
        "CREATE TABLE notes (
  id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL,
  csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL
)",
    ),
    (
        "cards",
        "cards",
        "CREATE TABLE cards (
  id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL,
  due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL,
  lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL
)",
    ),
    (
        "revlog",
        "revlog",
        "CREATE TABLE revlog (
  id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
  ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
  type integer NOT NULL
)",
    ),
    (
        "graves",
        "graves",
        "CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL)",
    ),
    (
        "ix_notes_usn",
        "notes",
        "CREATE INDEX ix_notes_usn ON notes (usn)",
    ),
    (
        "ix_cards_usn",
        "cards",
        "CREATE INDEX ix_cards_usn ON cards (usn)",
    ),
    (
        "ix_revlog_usn",
        "revlog",
        "CREATE INDEX ix_revlog_usn ON revlog (usn)",
    ),
    (
        "ix_cards_nid",
        "cards",
        "CREATE INDEX ix_cards_nid ON cards (nid)",
    ),
    (
        "ix_revlog_cid",
        "revlog",
        "CREATE INDEX ix_revlog_cid ON revlog (cid)",
    ),
    (
        "ix_cards_sched",
        "cards",
        "CREATE INDEX ix_cards_sched ON cards (did, queue, due)",
    ),
    (
        "ix_notes_csum",
        "notes",
        "CREATE INDEX ix_notes_csum ON notes (csum)",
    ),
];

/// Anki's day starts at 4 am by default; due days count from the collection's creation.
const ROLLOVER_SECS: i64 = 4 * 3600;

/// The question kinds of a fact kind, in the order of its note type's card templates: the
/// ladder's order (recognition, cued recall, free recall), so a new fact's first card is the
/// easiest. Fixed per fact kind, so the note type stays the same from one export to the next
/// whatever the deck holds (Anki treats a changed note type as another one).
fn kinds_of(fact_kind: &str) -> &'static [Kind] {
    use Kind::*;
    match fact_kind {
        "list" => &[
            Choice, TrueFalse, NotInList, HowMany, ItemAt, PositionOf, ListRecall, Order,
        ],
        "event" => &[WhatOnDate, TrueFalse, Where, When, Chronology],
        "number" => &[Choice, TrueFalse, HowMany],
        "term" | "person" => &[Choice, TrueFalse, Recall],
        "document" => &[Choice, TrueFalse],
        "qa" => &[Recall, Reveal],
        "cloze" => &[Cloze],
        _ => &Kind::ALL,
    }
}

/// The fact kinds, in the order their note types are listed.
const FACT_KINDS: [&str; 8] = [
    "list", "event", "number", "term", "document", "person", "qa", "cloze",
];

/// A card template's name, and the stem of its fields' names.
fn kind_label(k: Kind) -> &'static str {
    match k {
        Kind::Choice => "Multiple choice",
        Kind::TrueFalse => "True or false",
        Kind::NotInList => "Not in the list",
        Kind::HowMany => "How many",
        Kind::ItemAt => "Item at position",
        Kind::PositionOf => "Position of item",
        Kind::ListRecall => "Whole list",
        Kind::Order => "Order",
        Kind::WhatOnDate => "What happened",
        Kind::Where => "Where",
        Kind::When => "When",
        Kind::Chronology => "Chronology",
        Kind::Recall => "Recall",
        Kind::Reveal => "Reveal",
        Kind::Cloze => "Cloze",
    }
}

/// Kinds whose answer is typed in quiz: their card has Anki's type-in box when the fact asks
/// them one way only (the box compares with one fixed answer).
fn is_typed(k: Kind) -> bool {
    matches!(
        k,
        Kind::Recall
            | Kind::ItemAt
            | Kind::PositionOf
            | Kind::HowMany
            | Kind::When
            | Kind::Where
            | Kind::Cloze
    )
}

/// One note, its cards and their review log, ready to insert. Once inserted, a batch of them
/// goes back to the renderer, which writes the next notes into their buffers: allocating them
/// afresh and freeing them on the other thread cost the two threads about 6% of their work.
#[derive(Default)]
struct NoteRow {
    id: i64,
    guid: String,
    mid: i64,
    tags: String,
    flds: String,
    sort: String,
    csum: i64,
    cards: Vec<(i64, i64, CardRow)>,
    /// (id, card id, rating, interval, last interval, duration, type)
    revlog: Vec<[i64; 7]>,
}

/// The system is asked to start writing the package to disk every time this much more of
/// it is written.
const WRITE_BACK_BYTES: usize = 2 << 20;

/// Writes the package into `file` (`path` is for messages).
fn build_package(
    deck: &DeckInfo,
    load: Loader,
    sched: Option<Scheduling>,
    now: i64,
    file: &mut std::fs::File,
    path: &Path,
) -> Result<Summary> {
    let file_err = |e| Error::io(path, e);
    let did = deck_id(deck.id);
    let now_ms = now * 1000;
    let states: HashMap<&str, &FactState> = sched
        .as_ref()
        .map(|s| s.facts.iter().map(|f| (f.fact.as_str(), f)).collect())
        .unwrap_or_default();
    // The answers of each (fact, kind): a card's own history.
    let mut answers: HashMap<(&str, Kind), Vec<&ReviewEntry>> = HashMap::new();
    if let Some(s) = &sched {
        for r in s.reviews {
            if !(1..=4).contains(&r.rating) {
                continue;
            }
            let mut parts = r.uid.splitn(4, '/');
            let (_, Some(fact), Some(kind)) = (parts.next(), parts.next(), parts.next()) else {
                continue;
            };
            if let Some(kind) = Kind::parse(kind) {
                answers.entry((fact, kind)).or_default().push(r);
            }
        }
    }
    // Due days count from `crt`; start it before anything we carry so none is negative.
    let earliest = states
        .values()
        .map(|f| f.due)
        .chain(
            answers
                .values()
                .flatten()
                .map(|r| r.reviewed_at.div_euclid(1000)),
        )
        .chain(std::iter::once(now))
        .min()
        .unwrap_or(now);
    let crt = (earliest - ROLLOVER_SECS).div_euclid(86_400) * 86_400 + ROLLOVER_SECS - 86_400;
    let today = (now - crt).div_euclid(86_400);
    let lang = Lang::of(deck.language);

    // Four stages on their own threads, batches passed along: reading the facts from our
    // database, rendering notes (HTML, tags, checksums), writing them into the collection's
    // pages, and deflating the pages.
    let (f_send, f_recv) = std::sync::mpsc::sync_channel::<Vec<ExportFact>>(4);
    let (n_send, n_recv) = std::sync::mpsc::sync_channel::<Vec<NoteRow>>(4);
    let (spare_send, spare_recv) = std::sync::mpsc::sync_channel::<Vec<NoteRow>>(4);
    let (page_send, page_recv) = std::sync::mpsc::sync_channel::<Vec<u8>>(4);
    let (chunk_back, chunk_spare) = std::sync::mpsc::sync_channel::<Vec<u8>>(4);
    let gone = || Error::Other("a thread writing the Anki package failed".into());
    let mut progress = Progress::new(deck.questions, "questions");
    let mut zip =
        Streamed::start(file, "collection.anki2", super::sqlite_file::PAGE).map_err(file_err)?;
    let (rendered, page1) = std::thread::scope(|scope| -> Result<(Rendered, Vec<u8>)> {
        let loader = scope.spawn(move || load(&mut |batch| f_send.send(batch).is_ok()));
        let (zip, file) = (&mut zip, &mut *file);
        let deflater =
            scope.spawn(move || zip.deflate(file, page_recv, chunk_back, WRITE_BACK_BYTES));
        let writer = scope.spawn(move || -> Result<CollectionWriter> {
            let mut w = CollectionWriter::new(move |chunk| {
                page_send
                    .send(chunk)
                    .map_err(|_| std::io::Error::other("the deflating thread has gone"))?;
                Ok(chunk_spare
                    .try_recv()
                    .unwrap_or_else(|_| super::sqlite_file::chunk_buffer()))
            });
            for batch in n_recv {
                for n in &batch {
                    w.note(n, now, did)?;
                }
                // A renderer that has enough spare rows (or has gone) lets this batch go.
                let _ = spare_send.try_send(batch);
            }
            w.finish_rows()?;
            Ok(w)
        });
        let ctx = RenderCtx {
            deck,
            lang,
            states: &states,
            answers: &answers,
            now_ms,
            crt,
            today,
        };
        let mut rendered = render_notes(&ctx, f_recv, &n_send, &spare_recv, &mut progress);
        drop(n_send);
        if let Ok(r) = &mut rendered {
            r.sched.sort_unstable();
            r.csum.sort_unstable();
        }
        // A failing stage closes its channels, which is what stopped the others: report the
        // deflater's, the loader's and the writer's errors before the renderer's.
        let writer = writer.join().map_err(|_| gone());
        let loader = loader.join().map_err(|_| gone());
        let page1 = match (writer, &rendered) {
            (Ok(Ok(mut w)), Ok(r)) => w
                .sorted_indexes(did, &r.sched, &r.csum)
                .and_then(|()| w.finish(&ColRow::new(deck, &r.used_kinds, crt, now, lang))),
            (Ok(Err(e)), _) => Err(e),
            (Err(e), _) => Err(e),
            // The renderer's error is reported below.
            (Ok(Ok(w)), Err(_)) => {
                drop(w);
                Ok(Vec::new())
            }
        };
        deflater.join().map_err(|_| gone())?.map_err(file_err)?;
        loader??;
        let page1 = page1?;
        Ok((rendered?, page1))
    })?;
    zip.finish(file, &page1, &[("media", b"{}")])
        .map_err(file_err)?;
    drop(progress);
    Ok(Summary {
        notes: rendered.notes,
        cards: rendered.cards,
        note_types: rendered.used_kinds.len(),
        reviews: rendered.reviews,
    })
}

/// The collection's one `col` row, made once the notes are rendered.
struct ColRow {
    crt: i64,
    now_ms: i64,
    conf: String,
    models: String,
    decks: String,
    dconf: String,
}

impl ColRow {
    /// The row for `deck` whose notes used the note types of `used_kinds`: those note types,
    /// its Anki deck and that deck's options, as JSON.
    fn new(
        deck: &DeckInfo,
        used_kinds: &[(&'static str, Vec<Kind>)],
        crt: i64,
        now: i64,
        lang: Lang,
    ) -> ColRow {
        let did = deck_id(deck.id);
        let models: serde_json::Map<String, Value> = used_kinds
            .iter()
            .map(|(fk, kinds)| {
                let id = notetype_id(deck.id, fk);
                (
                    id.to_string(),
                    notetype(deck.id, fk, kinds, id, did, now, lang),
                )
            })
            .collect();
        let conf_id = stable_id(&format!("quiz-dconf:{}", deck.id));
        let first_model = used_kinds.first().map(|(fk, _)| notetype_id(deck.id, fk));
        ColRow {
            crt,
            now_ms: now * 1000,
            conf: collection_conf(first_model).to_string(),
            models: Value::Object(models).to_string(),
            decks: decks_json(did, &anki_deck_name(deck), now, conf_id).to_string(),
            dconf: deck_conf_json(conf_id, deck.id, now).to_string(),
        }
    }
}

/// The collection's tables and indexes, filled as the notes come (in the order of their ids,
/// their cards' and their reviews'), and the pages they make. The indexes whose keys do not
/// come in order (due positions, checksums) are sorted and written at the end.
struct CollectionWriter<'s> {
    pages: Pages<'s>,
    notes: Table,
    cards: Table,
    revlog: Table,
    notes_usn: Index,
    cards_usn: Index,
    revlog_usn: Index,
    cards_nid: Index,
    revlog_cid: Index,
    /// Each tree's root, in the order of [`SCHEMA`], once written.
    roots: Vec<u32>,
    record: Vec<u8>,
    numeric: NumericText,
}

impl<'s> CollectionWriter<'s> {
    fn new(send: impl FnMut(Vec<u8>) -> std::io::Result<Vec<u8>> + Send + 's) -> Self {
        CollectionWriter {
            pages: Pages::new(send),
            notes: Table::default(),
            cards: Table::default(),
            revlog: Table::default(),
            notes_usn: Index::default(),
            cards_usn: Index::default(),
            revlog_usn: Index::default(),
            cards_nid: Index::default(),
            revlog_cid: Index::default(),
            roots: Vec::new(),
            record: Vec::with_capacity(4096),
            numeric: NumericText::default(),
        }
    }

    /// Writes a note, its cards and their reviews, with the values Anki's schema wants for
    /// what quiz does not track (usn -1: not synced; no flags).
    fn note(&mut self, n: &NoteRow, now: i64, did: i64) -> Result<()> {
        let io = writing;
        let p = &mut self.pages;
        let sort = self.numeric.value(&n.sort)?;
        let r = &mut self.record;
        self.notes
            .push_values(
                p,
                n.id,
                &[
                    SqlValue::Null,
                    SqlValue::Text(&n.guid),
                    SqlValue::Int(n.mid),
                    SqlValue::Int(now),
                    SqlValue::Int(-1),
                    SqlValue::Text(&n.tags),
                    SqlValue::Text(&n.flds),
                    sort,
                    SqlValue::Int(n.csum),
                    SqlValue::Int(0),
                    SqlValue::Text(""),
                ],
                r,
            )
            .map_err(io)?;
        self.notes_usn.push_ints(p, &[-1, n.id]).map_err(io)?;
        for (cid, ord, c) in &n.cards {
            self.cards
                .push_values(
                    p,
                    *cid,
                    &[
                        SqlValue::Null,
                        SqlValue::Int(n.id),
                        SqlValue::Int(did),
                        SqlValue::Int(*ord),
                        SqlValue::Int(now),
                        SqlValue::Int(-1),
                        SqlValue::Int(c.ctype),
                        SqlValue::Int(c.queue),
                        SqlValue::Int(c.due),
                        SqlValue::Int(c.ivl),
                        SqlValue::Int(c.factor),
                        SqlValue::Int(c.reps),
                        SqlValue::Int(c.lapses),
                        SqlValue::Int(0),
                        SqlValue::Int(0),
                        SqlValue::Int(0),
                        SqlValue::Int(0),
                        SqlValue::Text(&c.data),
                    ],
                    r,
                )
                .map_err(io)?;
            self.cards_usn.push_ints(p, &[-1, *cid]).map_err(io)?;
            self.cards_nid.push_ints(p, &[n.id, *cid]).map_err(io)?;
        }
        for rev in &n.revlog {
            let [id, cid, ease, ivl, last_ivl, time, kind] = *rev;
            self.revlog
                .push_values(
                    p,
                    id,
                    &[
                        SqlValue::Null,
                        SqlValue::Int(cid),
                        SqlValue::Int(-1),
                        SqlValue::Int(ease),
                        SqlValue::Int(ivl),
                        SqlValue::Int(last_ivl),
                        SqlValue::Int(2500),
                        SqlValue::Int(time),
                        SqlValue::Int(kind),
                    ],
                    r,
                )
                .map_err(io)?;
            self.revlog_usn.push_ints(p, &[-1, id]).map_err(io)?;
            self.revlog_cid.push_ints(p, &[cid, id]).map_err(io)?;
        }
        Ok(())
    }

    /// Once the last note is in: ends the tables of notes, cards and reviews and writes the
    /// indexes whose keys came in order.
    fn finish_rows(&mut self) -> Result<()> {
        let io = writing;
        let p = &mut self.pages;
        // The roots of col and graves come once they are written, at the very end; their
        // places in SCHEMA's order are filled then.
        let mut roots = vec![0, 0, 0, 0, 0];
        roots[1] = std::mem::take(&mut self.notes).finish(p).map_err(io)?;
        roots[2] = std::mem::take(&mut self.cards).finish(p).map_err(io)?;
        roots[3] = std::mem::take(&mut self.revlog).finish(p).map_err(io)?;
        for index in [
            &mut self.notes_usn,
            &mut self.cards_usn,
            &mut self.revlog_usn,
            &mut self.cards_nid,
            &mut self.revlog_cid,
        ] {
            roots.push(std::mem::take(index).finish(p).map_err(io)?);
        }
        self.roots = roots;
        Ok(())
    }

    /// Writes the two indexes whose keys come out of order, given sorted: (queue, due, card
    /// id) of every card, (checksum, note id) of every note.
    fn sorted_indexes(&mut self, did: i64, sched: &[[i64; 3]], csum: &[[i64; 2]]) -> Result<()> {
        let io = writing;
        let p = &mut self.pages;
        let mut index = Index::default();
        for &[queue, due, cid] in sched {
            index.push_ints(p, &[did, queue, due, cid]).map_err(io)?;
        }
        self.roots.push(index.finish(p).map_err(io)?);
        let mut index = Index::default();
        for key in csum {
            index.push_ints(p, key).map_err(io)?;
        }
        self.roots.push(index.finish(p).map_err(io)?);
        Ok(())
    }

    /// Writes the `col` row and the empty graves table; returns the file's first page.
    fn finish(mut self, col: &ColRow) -> Result<Vec<u8>> {
        let io = writing;
        let p = &mut self.pages;
        let mut table = Table::default();
        table
            .push_values(
                p,
                1,
                &[
                    SqlValue::Null,
                    SqlValue::Int(col.crt),
                    SqlValue::Int(col.now_ms),
                    SqlValue::Int(col.now_ms),
                    SqlValue::Int(11),
                    SqlValue::Int(0),
                    SqlValue::Int(0),
                    SqlValue::Int(0),
                    SqlValue::Text(&col.conf),
                    SqlValue::Text(&col.models),
                    SqlValue::Text(&col.decks),
                    SqlValue::Text(&col.dconf),
                    SqlValue::Text("{}"),
                ],
                &mut self.record,
            )
            .map_err(io)?;
        self.roots[0] = table.finish(p).map_err(io)?;
        self.roots[4] = Table::default().finish(p).map_err(io)?;
        // A table is its own table; an index names another.
        let schema: Vec<SchemaEntry> = SCHEMA
            .iter()
            .zip(&self.roots)
            .map(|(&(name, table, sql), &root)| SchemaEntry {
                index: name != table,
                name,
                table,
                root,
                sql,
            })
            .collect();
        let (page1, _) = super::sqlite_file::finish(p, &schema).map_err(io)?;
        Ok(page1)
    }
}

/// An error of the collection's writing, as the export reports it.
fn writing(e: std::io::Error) -> Error {
    Error::Other(format!("writing the Anki package: {e}"))
}

/// A note's sort field goes into a column Anki declares `integer`: SQLite stores text that
/// reads as a number there as that number (its "numeric affinity"), so a fact labelled `2025`
/// sorts as 2025. SQLite itself is asked, for the rare text that could be a number, so the
/// file holds what an insert would have stored.
#[derive(Default)]
struct NumericText {
    conn: Option<Connection>,
}

impl NumericText {
    fn value<'t>(&mut self, text: &'t str) -> Result<SqlValue<'t>> {
        let could_be_number = text.bytes().any(|b| b.is_ascii_digit())
            && text
                .bytes()
                .all(|b| b"0123456789+-.eE \t\n\r\x0b\x0c".contains(&b));
        if !could_be_number {
            return Ok(SqlValue::Text(text));
        }
        let conn = match &mut self.conn {
            Some(c) => c,
            None => {
                let c = Connection::open_in_memory()?;
                c.execute_batch("CREATE TABLE n (x integer)")?;
                self.conn.insert(c)
            }
        };
        conn.execute("INSERT INTO n VALUES (?1)", [text])?;
        let stored = conn.query_row("SELECT x FROM n", [], |r| {
            Ok(match r.get_ref(0)? {
                rusqlite::types::ValueRef::Integer(i) => SqlValue::Int(i),
                rusqlite::types::ValueRef::Real(f) => SqlValue::Real(f),
                _ => SqlValue::Text(text),
            })
        })?;
        conn.execute("DELETE FROM n", [])?;
        Ok(stored)
    }
}

/// What rendering needs besides the facts.
struct RenderCtx<'a> {
    deck: &'a DeckInfo<'a>,
    lang: Lang,
    states: &'a HashMap<&'a str, &'a FactState>,
    answers: &'a HashMap<(&'a str, Kind), Vec<&'a ReviewEntry>>,
    now_ms: i64,
    crt: i64,
    today: i64,
}

/// What rendering saw.
struct Rendered {
    notes: usize,
    cards: usize,
    reviews: usize,
    /// The keys of the two indexes whose order is not the notes': (queue, due, card id) of
    /// every card, (checksum, note id) of every note. Sorted on the rendering thread once it
    /// is done, while the writing thread ends its tables.
    sched: Vec<[i64; 3]>,
    csum: Vec<[i64; 2]>,
    /// The fact kinds met, each with its note type's card kinds.
    used_kinds: Vec<(&'static str, Vec<Kind>)>,
}

/// Renders every fact it receives as a note with its cards and passes them on in batches.
/// Stops early (without an error of its own) if the writer has gone.
fn render_notes(
    ctx: &RenderCtx,
    recv: std::sync::mpsc::Receiver<Vec<ExportFact>>,
    send: &std::sync::mpsc::SyncSender<Vec<NoteRow>>,
    spare: &std::sync::mpsc::Receiver<Vec<NoteRow>>,
    progress: &mut Progress,
) -> Result<Rendered> {
    let deck = ctx.deck;
    let mut out = Rendered {
        notes: 0,
        cards: 0,
        reviews: 0,
        sched: Vec::with_capacity(deck.questions as usize),
        csum: Vec::with_capacity(deck.questions as usize),
        used_kinds: Vec::new(),
    };
    let mut seen: std::collections::HashSet<u64, std::hash::BuildHasherDefault<AsIs>> =
        std::collections::HashSet::with_capacity_and_hasher(
            deck.questions as usize,
            Default::default(),
        );
    let mut key = String::new();
    let mut last_rev_id = i64::MIN;
    let tag_deck = tag_safe(deck.id);
    // Per note these would be a format and a hash each; they repeat across a deck.
    let mut mids: Vec<(&'static str, i64)> = Vec::new();
    let mut source_tag: (String, String) = (String::new(), String::new());
    // The Source field, kept while facts in a row share their source.
    let mut source_field: Option<(std::sync::Arc<crate::question::SourceRef>, String)> = None;
    let mut has_kind = Vec::new();
    for batch in recv {
        let mut rows = Vec::with_capacity(batch.len());
        let mut reuse = spare.try_recv().unwrap_or_default();
        let mut questions = 0u64;
        for f in &batch {
            let mut row = reuse.pop().unwrap_or_default();
            questions += f.questions.len() as u64;
            let hash = guid_hash_in(&mut key, deck.id, &f.fact);
            if !seen.insert(hash) {
                return Err(Error::Other(format!(
                    "two facts hash to one Anki note id ({}/{}); please report this",
                    deck.id, f.fact
                )));
            }
            let kinds = note_kinds(&mut out.used_kinds, f);
            let label = fact_label(f, ctx.lang);
            let source = match &source_field {
                Some((s, html)) if std::sync::Arc::ptr_eq(s, &f.source) => html,
                _ => {
                    let html = anki_html(&f.source.to_string());
                    &source_field.insert((f.source.clone(), html)).1
                }
            };
            render_note(
                &mut row.flds,
                &mut has_kind,
                (deck.id, f, kinds),
                &label,
                source,
                ctx.lang,
            );
            row.sort.clear();
            if label.contains(['<', '&']) {
                row.sort.push_str(&strip_html(&label));
            } else {
                row.sort.push_str(&label);
            }
            let csum = field_checksum(&row.sort);
            let tags = &mut row.tags;
            tags.clear();
            tags.push_str(" quiz::deck::");
            tags.push_str(&tag_deck);
            tags.push_str(" quiz::fact::");
            tags.push_str(f.fact_kind);
            if let Some(src) = f.questions.first().map(|_| &f.source.title)
                && !src.trim().is_empty()
            {
                if source_tag.0 != *src {
                    source_tag = (src.clone(), tag_safe(src));
                }
                tags.push_str(" quiz::source::");
                tags.push_str(&source_tag.1);
            }
            for t in deck.tags.get(&f.fact).into_iter().flatten() {
                tags.push(' ');
                tags.push_str(&anki_tag(t));
            }
            tags.push(' ');
            row.guid.clear();
            push_base62(&mut row.guid, hash);
            let mid = match mids.iter().find(|(k, _)| *k == f.fact_kind) {
                Some(&(_, id)) => id,
                None => {
                    let id = notetype_id(deck.id, f.fact_kind);
                    mids.push((f.fact_kind, id));
                    id
                }
            };
            let nid = ctx.now_ms + out.notes as i64;
            out.notes += 1;
            let state = ctx.states.get(f.fact.as_str()).copied();
            let (cards, revlog) = (&mut row.cards, &mut row.revlog);
            cards.clear();
            revlog.clear();
            for (ord, &k) in kinds.iter().enumerate() {
                if !has_kind[ord] {
                    continue;
                }
                let cid = ctx.now_ms + out.cards as i64;
                out.cards += 1;
                let history = ctx
                    .answers
                    .get(&(f.fact.as_str(), k))
                    .map_or(&[][..], Vec::as_slice);
                // Review log ids are the answers' times in ms; two answers in one ms would
                // clash, so later ones move on by a millisecond. Anki's last-review time
                // (`lrt`) is read from the same ids.
                let mut rev_ids = Vec::with_capacity(history.len());
                if state.is_some() {
                    for r in history {
                        let id = r.reviewed_at.max(last_rev_id + 1);
                        last_rev_id = id;
                        rev_ids.push(id);
                    }
                }
                let mut prev = 0;
                for (r, &id) in history.iter().zip(&rev_ids) {
                    let kind = match r.queue_before {
                        0 | 1 => 0,
                        2 => 1,
                        _ => 2,
                    };
                    revlog.push([
                        id,
                        cid,
                        r.rating,
                        r.interval_days,
                        prev,
                        r.duration_ms.clamp(0, 60_000),
                        kind,
                    ]);
                    prev = r.interval_days;
                    out.reviews += 1;
                }
                let c = card_row(state, history, &rev_ids, f.position, ctx.crt, ctx.today);
                out.sched.push([c.queue, c.due, cid]);
                cards.push((cid, ord as i64, c));
            }
            row.id = nid;
            row.mid = mid;
            row.csum = csum;
            out.csum.push([csum, nid]);
            rows.push(row);
        }
        progress.inc(questions);
        if send.send(rows).is_err() {
            break;
        }
        // The facts' text is no longer needed; freeing it here keeps memory flat.
        drop(batch);
    }
    Ok(out)
}

/// A hasher for keys that are hashes already (note GUIDs): used as they are.
#[derive(Default)]
struct AsIs(u64);

impl std::hash::Hasher for AsIs {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The card kinds of a fact's note type, noting the note type as used. A kind the fixed list
/// lacks (a generator newer than this list) is added at the end rather than lost.
fn note_kinds<'a>(used: &'a mut Vec<(&'static str, Vec<Kind>)>, f: &ExportFact) -> &'a [Kind] {
    let i = match used.iter().position(|(fk, _)| *fk == f.fact_kind) {
        Some(i) => i,
        None => {
            used.push((f.fact_kind, kinds_of(f.fact_kind).to_vec()));
            used.sort_by_key(|(fk, _)| FACT_KINDS.iter().position(|k| k == fk));
            used.iter()
                .position(|(fk, _)| *fk == f.fact_kind)
                .unwrap_or(0)
        }
    };
    for q in &f.questions {
        if !used[i].1.contains(&q.kind) {
            used[i].1.push(q.kind);
        }
    }
    &used[i].1
}

/// The note's first field: the fact's label, a cloze's gaps shown filled with their first
/// form, without markup.
fn fact_label(f: &ExportFact, lang: Lang) -> String {
    let Some(raw) = &f.label else {
        return if f.fact == crate::generate::CHRONOLOGY {
            lang.pick("时间顺序", "Chronology").to_owned()
        } else {
            anki_html(&f.fact)
        };
    };
    if !raw.contains("{{") {
        return anki_html(raw);
    }
    let mut out = String::with_capacity(raw.len());
    for (i, part) in raw.split("{{").enumerate() {
        match part.split_once("}}") {
            Some((gap, rest)) if i > 0 => {
                let gap = gap.split("::").next().unwrap_or("");
                out.push_str(gap.split('|').next().unwrap_or(""));
                out.push_str(rest);
            }
            _ => out.push_str(part),
        }
    }
    anki_html(&out)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lang {
    Zh,
    En,
}

impl Lang {
    fn of(language: &str) -> Lang {
        if language == "en" { Lang::En } else { Lang::Zh }
    }

    fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    fn code(self) -> &'static str {
        self.pick("zh", "en")
    }
}

/// The fields of a fact's note, joined with Anki's separator (U+001F): Fact; per kind its
/// prompt(s), answer(s) and (typed kinds) the answer for Anki's type-in box; then
/// Explanation, Source and Uid. Also which of the note type's kinds the fact asks.
fn render_note(
    flds: &mut String,
    has_kind: &mut Vec<bool>,
    (deck, f, kinds): (&str, &ExportFact, &[Kind]),
    label: &str,
    source_html: &str,
    lang: Lang,
) {
    const SEP: char = '\x1f';
    let first = f.questions.first();
    let explanation = first.map_or("", |q| f.explanation_of(q));
    flds.clear();
    flds.reserve(256 * f.questions.len() + 128);
    has_kind.clear();
    flds.push_str(label);
    let mut variants: Vec<&ExportQuestion> = Vec::new();
    for &k in kinds {
        variants.clear();
        variants.extend(f.questions.iter().filter(|q| q.kind == k));
        has_kind.push(!variants.is_empty());
        flds.push(SEP);
        match variants.as_slice() {
            [] => flds.push(SEP),
            [q] => {
                push_prompt(flds, q, f.explanation_of(q), lang);
                flds.push(SEP);
                push_answer(flds, q, f.explanation_of(q), explanation, lang);
            }
            many => {
                flds.push_str("<div class=variants>");
                for q in many {
                    flds.push_str("<div>");
                    push_prompt(flds, q, f.explanation_of(q), lang);
                    flds.push_str("</div>");
                }
                flds.push_str("</div>");
                flds.push(SEP);
                flds.push_str("<div class=variants>");
                for q in many {
                    flds.push_str("<div>");
                    push_answer(flds, q, f.explanation_of(q), explanation, lang);
                    flds.push_str("</div>");
                }
                flds.push_str("</div>");
            }
        }
        if is_typed(k) {
            flds.push(SEP);
            if let [q] = variants.as_slice()
                && matches!(
                    q.answer,
                    Answer::Text { .. } | Answer::Number { .. } | Answer::Date { .. }
                )
            {
                push_html(flds, &q.answer.display());
            }
        }
    }
    flds.push(SEP);
    push_html(flds, explanation);
    flds.push(SEP);
    if first.is_some() {
        flds.push_str(source_html);
    }
    flds.push(SEP);
    if first.is_some() {
        push_html(flds, deck);
        flds.push('/');
        push_html(flds, &f.fact);
    }
}

/// A kept tag as Anki reads one: no spaces (`::` still makes its hierarchy).
pub fn anki_tag(t: &str) -> String {
    t.trim()
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect()
}

/// HTML for Anki from deck text: escaped, line breaks as `<br>` (Anki's fields are HTML, where
/// a raw line break is just a space).
pub fn anki_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_html(&mut out, s);
    out
}

/// [`anki_html`], appended to `out` (no allocation of its own). Control characters other than
/// line breaks are dropped, as [`super::html_escape`] does.
fn push_html(out: &mut String, s: &str) {
    let mut last = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time past text that needs nothing.
        if let Some(word) = bytes.get(i..i + 8)
            && plain_word(u64::from_le_bytes(word.try_into().unwrap_or_default()))
        {
            i += 8;
            continue;
        }
        let b = bytes[i];
        i += 1;
        if b > b'>' && b != 0x7f {
            continue;
        }
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\n' => "<br>",
            b'\r' if bytes.get(i) == Some(&b'\n') => "",
            b'\r' => "<br>",
            b'\t' => continue,
            0..0x20 | 0x7f => "",
            _ => continue,
        };
        out.push_str(&s[last..i - 1]);
        out.push_str(rep);
        last = i;
    }
    out.push_str(&s[last..]);
}

/// Whether none of eight bytes is one [`push_html`] replaces or drops (`&<>"`, control
/// characters): each test flags a byte equal to (or below) a value, as in "Bit Twiddling
/// Hacks"; a flag may be wrong only where another byte of the word was rightly flagged.
fn plain_word(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH;
    let equal = |b: u8| {
        let x = w ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & HIGH
    };
    below(0x20) | equal(b'&') | equal(b'<') | equal(b'>') | equal(b'"') | equal(0x7f) == 0
}

/// Line breaks of already-escaped text as `<br>`; carriage returns dropped.
pub fn breaks(s: String) -> String {
    if !s.contains(['\n', '\r']) {
        return s;
    }
    s.replace("\r\n", "<br>")
        .replace(['\r'], "")
        .replace('\n', "<br>")
}

/// The front of one variant, appended to `out`: the prompt, with the options of a choice or
/// an order, the gap of a cloze marked (found with the help of its `explanation`).
fn push_prompt(out: &mut String, q: &ExportQuestion, explanation: &str, lang: Lang) {
    let s = match (&q.answer, q.kind) {
        (Answer::Text { accepted }, Kind::Cloze) => {
            let right = accepted.first().map_or("", String::as_str);
            match gap_at(&q.prompt, explanation, right) {
                Some(i) => format!(
                    "{}<span class=cloze>[…]</span>{}",
                    prompt_html(&q.prompt[..i]),
                    prompt_html(&q.prompt[i + GAP.len()..])
                ),
                None => prompt_html(&q.prompt),
            }
        }
        // Bytewise: `str::contains` sets up a substring search per call.
        _ if !q.prompt.as_bytes().windows(2).any(|w| w == b"**") => {
            push_html(out, &q.prompt);
            String::new()
        }
        _ => prompt_html(&q.prompt),
    };
    out.push_str(&breaks(s));
    match &q.answer {
        Answer::Choice { options, .. } | Answer::Order { shown: options, .. } => {
            out.push_str("<ol type=A class=options>");
            for o in options {
                out.push_str("<li>");
                push_html(out, o);
                out.push_str("</li>");
            }
            out.push_str("</ol>");
        }
        Answer::TrueFalse { .. } => {
            out.push_str("<div class=tf>");
            out.push_str(lang.pick("对还是错?", "True or false?"));
            out.push_str("</div>");
        }
        _ => {}
    }
}

/// The back of one variant, appended to `out`: its answer (and accepted alternatives), and
/// its `explanation` when it is not the note's.
fn push_answer(
    out: &mut String,
    q: &ExportQuestion,
    explanation: &str,
    note_explanation: &str,
    lang: Lang,
) {
    let s = out;
    match &q.answer {
        Answer::Choice { options, correct } => {
            let _ = write!(
                s,
                "<div class=answer>{}. {}</div>",
                letter(*correct),
                anki_html(options.get(*correct).map_or("", String::as_str))
            );
        }
        Answer::Order { shown, correct } => {
            s.push_str("<ol class=order>");
            for &i in correct {
                let _ = write!(
                    s,
                    "<li>{}. {}</li>",
                    letter(i),
                    anki_html(shown.get(i).map_or("", String::as_str))
                );
            }
            s.push_str("</ol>");
        }
        Answer::List { items } => {
            s.push_str("<ul class=items>");
            for forms in items {
                match forms.split_first() {
                    Some((main, alts)) if !alts.is_empty() => {
                        let _ = write!(
                            s,
                            "<li>{} <span class=alt>({})</span></li>",
                            anki_html(main),
                            anki_html(&alts.join(" / "))
                        );
                    }
                    Some((main, _)) => {
                        let _ = write!(s, "<li>{}</li>", anki_html(main));
                    }
                    None => {}
                }
            }
            s.push_str("</ul>");
        }
        Answer::TrueFalse { value } => {
            let _ = write!(
                s,
                "<div class=answer>{}</div>",
                true_false_label(*value, lang.code())
            );
        }
        Answer::Text { accepted } if q.kind == Kind::Cloze => {
            let right = accepted.first().map_or("", String::as_str);
            let filled = match gap_at(&q.prompt, explanation, right) {
                Some(i) => format!(
                    "{}<span class=cloze>{}</span>{}",
                    prompt_html(&q.prompt[..i]),
                    anki_html(right),
                    prompt_html(&q.prompt[i + GAP.len()..])
                ),
                None => anki_html(right),
            };
            let _ = write!(s, "<div class=answer>{}</div>", breaks(filled));
            push_accepted(s, accepted);
        }
        Answer::Text { accepted } => {
            s.push_str("<div class=answer>");
            push_html(s, accepted.first().map_or("", String::as_str));
            s.push_str("</div>");
            push_accepted(s, accepted);
        }
        other => {
            s.push_str("<div class=answer>");
            push_html(s, &other.display());
            s.push_str("</div>");
        }
    }
    if !explanation.is_empty() && explanation != note_explanation {
        s.push_str("<div class=explanation>");
        push_html(s, explanation);
        s.push_str("</div>");
    }
}

fn push_accepted(s: &mut String, accepted: &[String]) {
    if accepted.len() > 1 {
        s.push_str("<div class=accepted>");
        for (i, a) in accepted[1..].iter().enumerate() {
            if i > 0 {
                s.push_str(" · ");
            }
            push_html(s, a);
        }
        s.push_str("</div>");
    }
}

/// A card's scheduling columns.
struct CardRow {
    ctype: i64,
    queue: i64,
    due: i64,
    ivl: i64,
    factor: i64,
    reps: i64,
    lapses: i64,
    data: String,
}

/// How the fact's memory lands on one of its cards (docs/export.md): a card whose kind the
/// student has answered carries the fact's memory (FSRS stability and difficulty, due day)
/// with its own answers as its history (reps, lapses, review log, last-review time); a card
/// of a kind never asked is new. Anki has no place for our minute-level learning steps in a
/// package, so a fact in its steps comes back on its due day; a suspended fact's cards are
/// suspended.
fn card_row(
    state: Option<&FactState>,
    history: &[&ReviewEntry],
    rev_ids: &[i64],
    pos: i64,
    crt: i64,
    today: i64,
) -> CardRow {
    let new = CardRow {
        ctype: 0,
        queue: 0,
        due: pos,
        ivl: 0,
        factor: 0,
        reps: 0,
        lapses: 0,
        data: "{}".into(),
    };
    let Some(f) = state else { return new };
    let suspended = if f.suspended { -1 } else { 0 };
    let studied = !(f.queue == 0 && f.reps == 0);
    let Some(&last_id) = rev_ids.last() else {
        return CardRow {
            queue: suspended,
            ..new
        };
    };
    if !studied {
        return CardRow {
            queue: suspended,
            ..new
        };
    }
    let lrt = last_id.div_euclid(1000);
    let due_day = (f.due - crt).div_euclid(86_400).max(today.min(0));
    let last_day = (lrt - crt).div_euclid(86_400);
    let mut data = format!("{{\"pos\":{pos}");
    if let (Some(s), Some(d)) = (f.stability, f.difficulty) {
        // Anki keeps 4 and 3 decimals; written so, its Check Database has nothing to round.
        let _ = write!(data, ",\"s\":{},\"d\":{}", round_to(s, 4), round_to(d, 3));
    }
    let _ = write!(data, ",\"lrt\":{lrt}}}");
    CardRow {
        ctype: 2,
        queue: if f.suspended { -1 } else { 2 },
        due: due_day,
        ivl: (due_day - last_day).max(1),
        factor: 2500,
        reps: history.len() as i64,
        lapses: history
            .iter()
            .filter(|r| r.rating == 1 && r.queue_before == 2)
            .count() as i64,
        data,
    }
}

fn round_to(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    ((v as f32 as f64) * f).round() / f
}

/// How a cloze prompt shows its gap.
const GAP: &str = "____";

/// Where in a cloze `prompt` its gap is: the `____` that, filled with the `right` answer,
/// gives the sentence the explanation holds (the sentence itself may hold a `____` too).
fn gap_at(prompt: &str, explanation: &str, right: &str) -> Option<usize> {
    let mut first = None;
    for (i, _) in prompt.match_indices(GAP) {
        first.get_or_insert(i);
        let after = format!("{right}{}", &prompt[i + GAP.len()..]);
        let fits = explanation
            .match_indices(after.as_str())
            .any(|(p, _)| prompt[..i].ends_with(&explanation[..p]));
        if fits {
            return Some(i);
        }
    }
    first
}

const CSS: &str =
    ".card { font-family: \"Noto Sans CJK SC\", \"PingFang SC\", \"Microsoft YaHei\", sans-serif;
  font-size: 20px; line-height: 1.5; text-align: left; color: black; background-color: white;
  max-width: 40em; margin: 0 auto; }
.nightMode.card, .night_mode .card { color: #eee; background-color: #222; }
.options li, .order li, .items li { margin: .2em 0; }
.variants > div + div { display: none; }
.tf { margin-top: .5em; color: #555; }
.answer { font-weight: bold; }
.accepted, .alt { color: #666; font-size: 85%; }
.explanation { margin-top: 1em; }
.source { margin-top: .5em; color: #777; font-size: 70%; }
.cloze { font-weight: bold; color: #1a5fb4; }
.nightMode .cloze { color: lightblue; }
";

/// Shows one variant of each `.variants` block: the same one on the front and the back of a
/// review, another one on another day (Anki's day starts at 4 am). Without scripts the
/// stylesheet shows the first.
const PICK_VARIANT: &str = "<script>(function(){var t=new Date();\
var day=Math.floor((t.getTime()-t.getTimezoneOffset()*60000-14400000)/86400000);\
var sets=document.querySelectorAll('.variants');\
for(var i=0;i<sets.length;i++){var v=sets[i].children;\
for(var j=0;j<v.length;j++){v[j].style.display=(j==day%v.length)?'block':'none';}}})();</script>";

/// A note type in the legacy JSON form Anki keeps in `col.models`: one card template per
/// question kind, each generating a card only when the fact asks that kind.
fn notetype(
    deck: &str,
    fact_kind: &str,
    kinds: &[Kind],
    id: i64,
    did: i64,
    now: i64,
    lang: Lang,
) -> Value {
    let mut names: Vec<String> = vec!["Fact".into()];
    let mut tmpls = Vec::with_capacity(kinds.len());
    for (ord, &k) in kinds.iter().enumerate() {
        let f = kind_label(k);
        let typed = format!("{f} typed");
        let type_box = if is_typed(k) {
            format!("{{{{#{typed}}}}}\n{{{{type:{typed}}}}}\n{{{{/{typed}}}}}")
        } else {
            String::new()
        };
        let qfmt = format!(
            "{{{{#{f}}}}}\n<div class=prompt>{{{{{f}}}}}</div>\n{type_box}\n{{{{/{f}}}}}\n{PICK_VARIANT}"
        );
        let afmt = format!(
            "{{{{FrontSide}}}}\n\n<hr id=answer>\n\n{{{{{f} answer}}}}\n<div class=explanation>{{{{Explanation}}}}</div>\n<div class=source>{{{{Source}}}}</div>\n{PICK_VARIANT}"
        );
        tmpls.push(json!({
            "name": f, "ord": ord, "qfmt": qfmt, "afmt": afmt, "bqfmt": "", "bafmt": "",
            "did": null, "bfont": "", "bsize": 0
        }));
        names.push(f.to_owned());
        names.push(format!("{f} answer"));
        if is_typed(k) {
            names.push(typed);
        }
    }
    names.extend(["Explanation".into(), "Source".into(), "Uid".into()]);
    let flds: Vec<Value> = names
        .iter()
        .enumerate()
        .map(|(ord, name)| {
            json!({"name": name, "ord": ord, "sticky": false, "rtl": false, "font": "Arial",
                   "size": 20, "media": []})
        })
        .collect();
    json!({
        "id": id,
        "name": format!("quiz {fact_kind} fact ({deck})"),
        "type": 0,
        "mod": now,
        "usn": -1,
        "sortf": 0,
        "did": did,
        "tmpls": tmpls,
        "flds": flds,
        "css": CSS,
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}",
        "latexsvg": false,
        "req": [],
        "tags": [],
        "vers": [],
        "quizLanguage": lang.code()
    })
}

/// The Anki deck's name: the deck's title, without `::` (which would make subdecks).
fn anki_deck_name(deck: &DeckInfo) -> String {
    let t = deck.title.replace("::", ":");
    if t.trim().is_empty() {
        deck.id.to_owned()
    } else {
        t
    }
}

fn deck_json(id: i64, name: &str, now: i64, conf: i64) -> Value {
    json!({
        "id": id, "mod": now, "name": name, "usn": -1, "lrnToday": [0, 0], "revToday": [0, 0],
        "newToday": [0, 0], "timeToday": [0, 0], "collapsed": false, "browserCollapsed": false,
        "desc": "", "dyn": 0, "conf": conf, "extendNew": 0, "extendRev": 0
    })
}

fn decks_json(did: i64, name: &str, now: i64, conf: i64) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("1".into(), deck_json(1, "Default", 0, 1));
    m.insert(did.to_string(), deck_json(did, name, now, conf));
    Value::Object(m)
}

/// Anki's default options plus sibling burying (new, review and interday learning cards), so
/// a fact is asked once a day as in quiz. A preset of the deck's own: Anki imports it only
/// when "Import deck presets" is ticked, and it never replaces the user's Default preset.
fn deck_conf_json(conf: i64, deck: &str, now: i64) -> Value {
    let preset = |id: i64, name: &str, m: i64, bury: bool| {
        json!({
            "id": id, "mod": m, "name": name, "usn": -1, "maxTaken": 60, "autoplay": true,
            "timer": 0, "replayq": true, "dyn": false, "buryInterdayLearning": bury,
            "new": {"bury": bury, "delays": [1.0, 10.0], "initialFactor": 2500,
                    "ints": [1, 4, 0], "order": 1, "perDay": 20},
            "rev": {"bury": bury, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200,
                    "hardFactor": 1.2},
            "lapse": {"delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1,
                      "mult": 0.0}
        })
    };
    let mut m = serde_json::Map::new();
    m.insert("1".into(), preset(1, "Default", 0, false));
    m.insert(
        conf.to_string(),
        preset(conf, &format!("quiz ({deck})"), now, true),
    );
    Value::Object(m)
}

fn collection_conf(cur_model: Option<i64>) -> Value {
    json!({
        "activeDecks": [1], "curDeck": 1, "newSpread": 0, "collapseTime": 1200, "timeLim": 0,
        "estTimes": true, "dueCounts": true, "curModel": cur_model, "nextPos": 1,
        "sortType": "noteFld", "sortBackwards": false, "addToCur": true, "schedVer": 2
    })
}

/// Field text without tags, with the common entities decoded: what Anki sorts and checks
/// duplicates by.
pub fn strip_html(s: &str) -> String {
    if !s.contains(['<', '&']) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    decode_entities(&out)
}

/// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&nbsp;` and numeric entities.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|n| n.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Anki's first-field checksum: the first 8 hex digits of the SHA-1 of the sort text.
fn field_checksum(s: &str) -> i64 {
    let h = sha1(s.as_bytes());
    i64::from(u32::from_be_bytes([h[0], h[1], h[2], h[3]]))
}

/// SHA-1 (FIPS 180-4). Only for Anki's duplicate-check checksum, not for security.
fn sha1(data: &[u8]) -> [u8; 20] {
    use sha1::Digest as _;
    sha1::Sha1::digest(data).into()
}

fn base62(n: u64) -> String {
    let mut out = String::with_capacity(11);
    push_base62(&mut out, n);
    out
}

/// [`base62`], appended to `out`.
fn push_base62(out: &mut String, mut n: u64) {
    const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut digits = [0u8; 11];
    for d in digits.iter_mut().rev() {
        *d = DIGITS[(n % 62) as usize];
        n /= 62;
    }
    out.extend(digits.iter().map(|&d| char::from(d)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn sha1_matches_known_vectors() {
        assert_eq!(hex(&sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(
            hex(&sha1(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        for n in [55, 56, 63, 64, 65] {
            let v = vec![b'x'; n];
            assert_eq!(sha1(&v).len(), 20);
        }
        assert_eq!(
            hex(&sha1(&[b'a'; 56])),
            "c2db330f6083854c99d4b5bfb6e8f29f201be699"
        );
        let long = vec![b'a'; 1000];
        assert_eq!(
            hex(&sha1(&long)),
            "291e9a6c66994949b57ba5e650361e98fc36b1ba"
        );
    }

    #[test]
    fn guids_are_stable_and_distinct() {
        assert_eq!(note_guid("d", "f"), note_guid("d", "f"));
        assert_ne!(note_guid("d", "f"), note_guid("d", "g"));
        assert_eq!(note_guid("d", "x").len(), 11);
        let id = deck_id("mini");
        assert!((1_000_000_000_000..9_000_000_000_000).contains(&id));
    }

    #[test]
    fn the_cloze_gap_is_found_past_a_literal_blank() {
        let prompt = "Fill in the gap: Write ____ here: the ____ of Shanghai.";
        let full = "Write ____ here: the Spirit of Shanghai.";
        let i = gap_at(prompt, full, "Spirit").unwrap();
        assert_eq!(&prompt[i..], "____ of Shanghai.");
        assert_eq!(gap_at("A ____ b", "A x b (en)", "x"), Some(2));
    }

    #[test]
    fn html_is_escaped_wherever_a_special_character_falls() {
        // Character by character, as `push_html` did before it read eight bytes at a time.
        fn reference(s: &str) -> String {
            let mut out = String::new();
            let mut chars = s.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '"' => out.push_str("&quot;"),
                    '\n' => out.push_str("<br>"),
                    '\r' if chars.peek() == Some(&'\n') => {}
                    '\r' => out.push_str("<br>"),
                    '\t' => out.push('\t'),
                    '\0'..='\x1f' | '\x7f' => {}
                    c => out.push(c),
                }
            }
            out
        }
        let specials = [
            "&", "<", ">", "\"", "\n", "\r\n", "\r", "\t", "\x01", "\x1f", "\x7f",
        ];
        let fillers = ["a", "中", "?", "=", " ", "~", "\u{80}", "é"];
        for special in specials {
            for filler in fillers {
                for at in 0..20 {
                    let s = format!("{}{special}{}", filler.repeat(at), filler.repeat(19 - at));
                    let mut out = String::new();
                    push_html(&mut out, &s);
                    assert_eq!(out, reference(&s), "{s:?}");
                }
            }
        }
        let mut out = String::new();
        push_html(&mut out, "全是中文的一句话，没有要转义的字符。");
        assert_eq!(out, "全是中文的一句话，没有要转义的字符。");
    }

    #[test]
    fn line_breaks_become_br() {
        assert_eq!(anki_html("a\nb\r\nc <d>"), "a<br>b<br>c &lt;d&gt;");
    }

    #[test]
    fn strips_html_and_entities() {
        assert_eq!(
            strip_html("<b>a</b> &amp; &lt;b&gt; &#20320;"),
            "a & <b> 你"
        );
        assert_eq!(decode_entities("R&D; x & y"), "R&D; x & y");
    }
}
