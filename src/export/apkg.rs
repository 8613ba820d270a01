//! `--format apkg`: an Anki package that Anki itself imports.
//!
//! The package is a zip holding `collection.anki2`, an SQLite database in Anki's legacy
//! schema (version 11: tables col, notes, cards, revlog, graves, with note types and decks as
//! JSON in `col`), and a `media` file `{}` (no media). Every current question becomes one
//! note with one card. Ids are stable so that importing a newer export updates notes rather
//! than adding them again:
//!
//! - note GUID: derived from the question uid ([`note_guid`]);
//! - note type and deck ids: derived from the deck id (and the note shape);
//! - note and card modification time: the export time, so a newer export is "newer".
//!
//! docs/export.md describes the note types and their fields.

use std::collections::{HashMap, HashSet};
use std::io::{BufWriter, Write};
use std::path::Path;

use rusqlite::{Connection, params};
use serde_json::{Value, json};

use super::{Shape, answer_text, html_escape, prompt_html, stable_hash};
use crate::db::{ExportedCard, ReviewEntry};
use crate::error::{Error, Result};
use crate::question::{Answer, Question};

/// Our card state and answers, for `--with-scheduling`.
pub struct Scheduling<'a> {
    pub cards: &'a [ExportedCard],
    pub reviews: &'a [ReviewEntry],
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub notes: usize,
    pub note_types: usize,
    pub reviews: usize,
}

/// The note GUID of a question: 64 bits of a stable hash of its uid, in base 62 (11
/// characters). The same uid gives the same GUID in every version, so Anki recognises the
/// note on re-import.
pub fn note_guid(uid: &str) -> String {
    base62(guid_hash(uid))
}

fn guid_hash(uid: &str) -> u64 {
    stable_hash(&format!("quiz-note:{uid}"))
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

/// The Anki note type id of a quiz deck's note shape.
pub fn notetype_id(deck: &str, shape: Shape) -> i64 {
    stable_id(&format!("quiz-notetype:{deck}:{}", shape.as_str()))
}

/// The questions of one deck, in generation order with their fact kinds, delivered in
/// batches to `send` (which says `false` when nobody listens any more). It runs on a thread
/// of its own while earlier batches are rendered and written.
pub type Loader<'a> = Box<
    dyn FnOnce(&mut dyn FnMut(Vec<(Question, &'static str)>) -> bool) -> Result<()> + Send + 'a,
>;

/// The deck an export is of.
pub struct DeckInfo<'a> {
    pub id: &'a str,
    pub title: &'a str,
}

/// Writes the package to `path` (see [`crate::outfile`]: atomically, nothing left behind).
/// The collection is built in memory, so no scratch file exists at any moment. `now` is
/// unix seconds.
pub fn write(
    deck: &DeckInfo,
    load: Loader,
    sched: Option<Scheduling>,
    now: i64,
    path: &Path,
) -> Result<Summary> {
    let (summary, coll) = build_collection(deck, load, sched, now)?;
    crate::outfile::write_with(path, true, |file| {
        let mut zip = zip::ZipWriter::new(BufWriter::with_capacity(1 << 20, file));
        let zerr = |e: zip::result::ZipError| Error::Other(format!("{}: {e}", path.display()));
        // Level 1: the collection is mostly repetitive text, and the fastest level already
        // shrinks it several times over.
        let deflate = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1));
        zip.start_file("collection.anki2", deflate).map_err(zerr)?;
        zip.write_all(&coll).map_err(|e| Error::io(path, e))?;
        zip.start_file("media", deflate).map_err(zerr)?;
        zip.write_all(b"{}").map_err(|e| Error::io(path, e))?;
        let mut inner = zip.finish().map_err(zerr)?;
        inner.flush().map_err(|e| Error::io(path, e))
    })?;
    Ok(summary)
}

const SCHEMA: &str = "
CREATE TABLE col (
  id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
  ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL,
  conf text NOT NULL, models text NOT NULL, decks text NOT NULL, dconf text NOT NULL,
  tags text NOT NULL
);
CREATE TABLE notes (
  id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL,
  csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL
);
CREATE TABLE cards (
  id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL,
  due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL,
  lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL
);
CREATE TABLE revlog (
  id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
  ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
  type integer NOT NULL
);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
";

const INDEXES: &str = "
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
";

/// Anki's day starts at 4 am by default; due days count from the collection's creation.
const ROLLOVER_SECS: i64 = 4 * 3600;

fn build_collection(
    deck: &DeckInfo,
    load: Loader,
    sched: Option<Scheduling>,
    now: i64,
) -> Result<(Summary, Vec<u8>)> {
    let conn = Connection::open_in_memory()?;
    // A scratch database in memory: no journal; it is zipped right after.
    conn.execute_batch(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;
         PRAGMA page_size = 16384;",
    )?;
    conn.execute_batch(SCHEMA)?;

    let did = deck_id(deck.id);
    let now_ms = now * 1000;
    let states: HashMap<&str, &ExportedCard> = sched
        .as_ref()
        .map(|s| s.cards.iter().map(|c| (c.uid.as_str(), c)).collect())
        .unwrap_or_default();
    // Due days count from `crt`; start it before anything we carry so none is negative.
    let earliest = states
        .values()
        .flat_map(|c| [Some(c.due), c.last_review])
        .flatten()
        .chain(std::iter::once(now))
        .min()
        .unwrap_or(now);
    let crt = (earliest - ROLLOVER_SECS).div_euclid(86_400) * 86_400 + ROLLOVER_SECS - 86_400;
    let today = (now - crt).div_euclid(86_400);
    conn.execute_batch("BEGIN")?;

    // Three stages on their own threads, batches passed along: reading the questions from
    // our database, rendering notes (HTML, tags, checksums), and SQLite's inserts. Each
    // takes about as long as the others.
    let (q_send, q_recv) = std::sync::mpsc::sync_channel::<Vec<(Question, &'static str)>>(4);
    let (n_send, n_recv) = std::sync::mpsc::sync_channel::<Vec<NoteRow>>(4);
    let gone = || Error::Other("a thread writing the Anki package failed".into());
    let (conn, rendered) = std::thread::scope(|scope| -> Result<(Connection, Rendered)> {
        let loader = scope.spawn(move || load(&mut |batch| q_send.send(batch).is_ok()));
        let writer = scope.spawn(move || -> Result<Connection> {
            {
                let mut ins_note = conn.prepare(
                    "INSERT INTO notes VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')",
                )?;
                let mut ins_card = conn.prepare(
                    "INSERT INTO cards VALUES (?1, ?1, ?2, 0, ?3, -1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, 0, 0, 0, ?11)",
                )?;
                for batch in n_recv {
                    for n in batch {
                        ins_note.execute(params![
                            n.id, n.guid, n.mid, now, n.tags, n.flds, n.sort, n.csum
                        ])?;
                        let c = n.card;
                        ins_card.execute(params![
                            n.id, did, now, c.ctype, c.queue, c.due, c.ivl, c.factor, c.reps,
                            c.lapses, c.data
                        ])?;
                    }
                }
            }
            Ok(conn)
        });
        let rendered = render_notes(
            deck.id,
            q_recv,
            &states,
            sched.is_some(),
            now_ms,
            crt,
            today,
            &n_send,
        );
        drop(n_send);
        // A failing stage closes its channels, which is what stopped the others: report the
        // writer's and the loader's errors before the renderer's.
        let conn = writer.join().map_err(|_| gone())??;
        loader.join().map_err(|_| gone())??;
        Ok((conn, rendered?))
    })?;

    let used: Vec<Shape> = Shape::ALL
        .into_iter()
        .filter(|s| rendered.shapes.contains(s))
        .collect();
    let models: serde_json::Map<String, Value> = used
        .iter()
        .map(|&s| {
            let id = notetype_id(deck.id, s);
            (id.to_string(), notetype(deck.id, s, id, did, now))
        })
        .collect();
    conn.execute(
        "INSERT INTO col VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
        params![
            crt,
            now_ms,
            collection_conf(used.first().map(|&s| notetype_id(deck.id, s))).to_string(),
            Value::Object(models).to_string(),
            decks_json(did, &anki_deck_name(deck), now).to_string(),
            deck_conf_json().to_string(),
        ],
    )?;

    let tx = &conn;
    let mut reviews = 0;
    if let Some(s) = &sched {
        let mut ins =
            tx.prepare("INSERT INTO revlog VALUES (?1, ?2, -1, ?3, ?4, ?5, ?6, ?7, ?8)")?;
        let mut last_ivl: HashMap<&str, i64> = HashMap::new();
        let mut last_id = i64::MIN;
        for r in s.reviews {
            let Some(&cid) = rendered.card_ids.get(r.uid.as_str()) else {
                continue;
            };
            if !(1..=4).contains(&r.rating) {
                continue;
            }
            // The log's id is the answer's time in ms; two answers in one ms would clash.
            let id = r.reviewed_at.max(last_id + 1);
            last_id = id;
            let prev = last_ivl
                .insert(r.uid.as_str(), r.interval_days)
                .unwrap_or(0);
            let kind = match r.queue_before {
                0 | 1 => 0,
                2 => 1,
                _ => 2,
            };
            ins.execute(params![
                id,
                cid,
                r.rating,
                r.interval_days,
                prev,
                2500,
                r.duration_ms.clamp(0, 60_000),
                kind
            ])?;
            reviews += 1;
        }
    }
    tx.execute_batch(INDEXES)?;
    tx.execute_batch("COMMIT")?;
    let bytes = conn.serialize(rusqlite::MAIN_DB)?.to_vec();
    conn.close().map_err(|(_, e)| Error::Db(e))?;
    Ok((
        Summary {
            notes: rendered.notes,
            note_types: used.len(),
            reviews,
        },
        bytes,
    ))
}

/// One note and its card, ready to insert.
struct NoteRow {
    id: i64,
    guid: String,
    mid: i64,
    tags: String,
    flds: String,
    sort: String,
    csum: i64,
    card: CardRow,
}

/// What rendering saw.
struct Rendered {
    notes: usize,
    shapes: HashSet<Shape>,
    /// Question uid → card id, kept only when scheduling is carried (for the review log).
    card_ids: HashMap<String, i64>,
}

/// Renders every question it receives as a note and passes them on in batches. Stops early
/// (without an error of its own) if the writer has gone.
#[allow(clippy::too_many_arguments)]
fn render_notes(
    deck: &str,
    recv: std::sync::mpsc::Receiver<Vec<(Question, &'static str)>>,
    states: &HashMap<&str, &ExportedCard>,
    keep_ids: bool,
    now_ms: i64,
    crt: i64,
    today: i64,
    send: &std::sync::mpsc::SyncSender<Vec<NoteRow>>,
) -> Result<Rendered> {
    let mut seen = HashSet::new();
    let mut out = Rendered {
        notes: 0,
        shapes: HashSet::new(),
        card_ids: HashMap::new(),
    };
    for batch in recv {
        let mut rows = Vec::with_capacity(batch.len());
        for (q, fact_kind) in batch {
            let i = out.notes;
            let hash = guid_hash(&q.uid);
            if !seen.insert(hash) {
                return Err(Error::Other(format!(
                    "two questions hash to one Anki note id ({}); please report this",
                    q.uid
                )));
            }
            let shape = Shape::of(&q);
            out.shapes.insert(shape);
            let fields = note_fields(&q, shape);
            let flds = fields.join("\x1f");
            let sort = strip_html(&fields[0]);
            let csum = field_checksum(&sort);
            let mut tags = String::with_capacity(100);
            tags.push(' ');
            tags.push_str(&super::tags_for(&q, fact_kind));
            tags.push(' ');
            let id = now_ms + i as i64;
            rows.push(NoteRow {
                id,
                guid: base62(hash),
                mid: notetype_id(deck, shape),
                tags,
                flds,
                sort,
                csum,
                card: card_row(states.get(q.uid.as_str()).copied(), i, crt, today),
            });
            if keep_ids {
                out.card_ids.insert(q.uid, id);
            }
            out.notes += 1;
        }
        if send.send(rows).is_err() {
            break;
        }
    }
    Ok(out)
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

/// New cards keep the deck's order; carried cards that have been studied become review
/// cards due on the day ours are due (Anki has no place for our minute-level learning
/// steps in a package, so learning cards come back on their due day), suspended ones stay
/// suspended.
fn card_row(state: Option<&ExportedCard>, i: usize, crt: i64, today: i64) -> CardRow {
    let pos = i as i64 + 1;
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
    let Some(c) = state else { return new };
    if c.queue == 0 && c.reps == 0 {
        return CardRow {
            queue: if c.suspended { -1 } else { 0 },
            ..new
        };
    }
    let due_day = (c.due - crt).div_euclid(86_400).max(today.min(0));
    let mut data = serde_json::Map::new();
    data.insert("pos".into(), json!(pos));
    if let (Some(s), Some(d)) = (c.stability, c.difficulty) {
        data.insert("s".into(), json!(s));
        data.insert("d".into(), json!(d));
    }
    CardRow {
        ctype: 2,
        queue: if c.suspended { -1 } else { 2 },
        due: due_day,
        ivl: c.interval_days.max(1),
        factor: 2500,
        reps: c.reps,
        lapses: c.lapses,
        data: Value::Object(data).to_string(),
    }
}

/// The fields of a note, HTML, in the order of its note type's fields.
fn note_fields(q: &Question, shape: Shape) -> Vec<String> {
    let explanation = html_escape(&q.explanation);
    let source = html_escape(&q.source.to_string());
    let uid = html_escape(&q.uid);
    let answer = html_escape(&answer_text(q));
    let prompt = prompt_html(&q.prompt);
    match shape {
        Shape::Typed => {
            let accepted = match &q.answer {
                Answer::Text { accepted } if accepted.len() > 1 => accepted[1..]
                    .iter()
                    .map(|a| html_escape(a))
                    .collect::<Vec<_>>()
                    .join(" · "),
                _ => String::new(),
            };
            vec![prompt, answer, accepted, explanation, source, uid]
        }
        Shape::Basic | Shape::TrueFalse => vec![prompt, answer, explanation, source, uid],
        Shape::Choice => {
            let (opts, answer) = match &q.answer {
                Answer::Order { shown, correct } => (
                    shown,
                    format!(
                        "<ol class=order>{}</ol>",
                        correct
                            .iter()
                            .map(|&i| format!(
                                "<li>{}. {}</li>",
                                super::letter(i),
                                html_escape(shown.get(i).map_or("", String::as_str))
                            ))
                            .collect::<String>()
                    ),
                ),
                Answer::Choice { options, .. } => (options, answer),
                _ => unreachable!("Shape::Choice is only given to choice and order answers"),
            };
            let opts = format!(
                "<ol type=A class=options>{}</ol>",
                opts.iter()
                    .map(|o| format!("<li>{}</li>", html_escape(o)))
                    .collect::<String>()
            );
            vec![prompt, opts, answer, explanation, source, uid]
        }
        Shape::List => {
            let items = match &q.answer {
                Answer::List { items } => items
                    .iter()
                    .map(|forms| match forms.split_first() {
                        Some((main, alts)) if !alts.is_empty() => format!(
                            "<li>{} <span class=alt>({})</span></li>",
                            html_escape(main),
                            html_escape(&alts.join(" / "))
                        ),
                        Some((main, _)) => format!("<li>{}</li>", html_escape(main)),
                        None => String::new(),
                    })
                    .collect::<String>(),
                _ => String::new(),
            };
            vec![
                prompt,
                format!("<ul class=items>{items}</ul>"),
                explanation,
                source,
                uid,
            ]
        }
        Shape::Cloze => {
            let right = match &q.answer {
                Answer::Text { accepted } => accepted.first().cloned().unwrap_or_default(),
                _ => String::new(),
            };
            let text = match gap_at(&q.prompt, &q.explanation, &right) {
                Some(i) => format!(
                    "{}{{{{c1::{}}}}}{}",
                    prompt_html(&q.prompt[..i]),
                    html_escape(&right),
                    prompt_html(&q.prompt[i + GAP.len()..])
                ),
                None => prompt,
            };
            vec![text, explanation, source, uid]
        }
    }
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

const BACK: &str =
    "<div class=explanation>{{Explanation}}</div>\n<div class=source>{{Source}}</div>";

const CSS: &str =
    ".card { font-family: \"Noto Sans CJK SC\", \"PingFang SC\", \"Microsoft YaHei\", sans-serif;
  font-size: 20px; line-height: 1.5; text-align: left; color: black; background-color: white;
  max-width: 40em; margin: 0 auto; }
.nightMode.card, .night_mode .card { color: #eee; background-color: #222; }
.options li, .order li, .items li { margin: .2em 0; }
.answer { font-weight: bold; }
.accepted, .alt { color: #666; font-size: 85%; }
.explanation { margin-top: 1em; }
.source { margin-top: .5em; color: #777; font-size: 70%; }
.cloze { font-weight: bold; color: #1a5fb4; }
.nightMode .cloze { color: lightblue; }
";

/// Field names, the front and back templates, for a shape.
fn shape_templates(shape: Shape) -> (&'static [&'static str], String, String) {
    let prompt = "<div class=prompt>{{Prompt}}</div>";
    match shape {
        Shape::Typed => (
            &[
                "Prompt",
                "Answer",
                "Accepted",
                "Explanation",
                "Source",
                "Uid",
            ],
            format!("{prompt}\n\n{{{{type:Answer}}}}"),
            format!(
                "{{{{FrontSide}}}}\n\n<hr id=answer>\n\n<div class=answer>{{{{Answer}}}}</div>\n{{{{#Accepted}}}}<div class=accepted>{{{{Accepted}}}}</div>{{{{/Accepted}}}}\n{BACK}"
            ),
        ),
        Shape::Basic | Shape::TrueFalse => (
            &["Prompt", "Answer", "Explanation", "Source", "Uid"],
            prompt.to_owned(),
            format!(
                "{{{{FrontSide}}}}\n\n<hr id=answer>\n\n<div class=answer>{{{{Answer}}}}</div>\n{BACK}"
            ),
        ),
        Shape::Choice => (
            &[
                "Prompt",
                "Options",
                "Answer",
                "Explanation",
                "Source",
                "Uid",
            ],
            format!("{prompt}\n{{{{Options}}}}"),
            format!(
                "{{{{FrontSide}}}}\n\n<hr id=answer>\n\n<div class=answer>{{{{Answer}}}}</div>\n{BACK}"
            ),
        ),
        Shape::List => (
            &["Prompt", "Items", "Explanation", "Source", "Uid"],
            prompt.to_owned(),
            format!("{{{{FrontSide}}}}\n\n<hr id=answer>\n\n{{{{Items}}}}\n{BACK}"),
        ),
        Shape::Cloze => (
            &["Text", "Explanation", "Source", "Uid"],
            "{{cloze:Text}}".to_owned(),
            format!("{{{{cloze:Text}}}}\n\n<hr id=answer>\n\n{BACK}"),
        ),
    }
}

fn shape_label(shape: Shape) -> &'static str {
    match shape {
        Shape::Typed => "typed answer",
        Shape::Basic => "basic",
        Shape::Choice => "multiple choice",
        Shape::List => "list recall",
        Shape::TrueFalse => "true or false",
        Shape::Cloze => "cloze",
    }
}

/// A note type in the legacy JSON form Anki keeps in `col.models`.
fn notetype(deck: &str, shape: Shape, id: i64, did: i64, now: i64) -> Value {
    let (fields, qfmt, afmt) = shape_templates(shape);
    let flds: Vec<Value> = fields
        .iter()
        .enumerate()
        .map(|(ord, name)| {
            json!({"name": name, "ord": ord, "sticky": false, "rtl": false, "font": "Arial",
                   "size": 20, "media": []})
        })
        .collect();
    json!({
        "id": id,
        "name": format!("quiz {} ({deck})", shape_label(shape)),
        "type": if shape == Shape::Cloze { 1 } else { 0 },
        "mod": now,
        "usn": -1,
        "sortf": 0,
        "did": did,
        "tmpls": [{
            "name": if shape == Shape::Cloze { "Cloze" } else { "Card 1" },
            "ord": 0, "qfmt": qfmt, "afmt": afmt, "bqfmt": "", "bafmt": "", "did": null,
            "bfont": "", "bsize": 0
        }],
        "flds": flds,
        "css": CSS,
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}",
        "latexsvg": false,
        "req": [[0, "any", [0]]],
        "tags": [],
        "vers": []
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

fn deck_json(id: i64, name: &str, now: i64, desc: &str) -> Value {
    json!({
        "id": id, "mod": now, "name": name, "usn": -1, "lrnToday": [0, 0], "revToday": [0, 0],
        "newToday": [0, 0], "timeToday": [0, 0], "collapsed": false, "browserCollapsed": false,
        "desc": desc, "dyn": 0, "conf": 1, "extendNew": 0, "extendRev": 0
    })
}

fn decks_json(did: i64, name: &str, now: i64) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("1".into(), deck_json(1, "Default", 0, ""));
    m.insert(did.to_string(), deck_json(did, name, now, ""));
    Value::Object(m)
}

fn deck_conf_json() -> Value {
    json!({"1": {
        "id": 1, "mod": 0, "name": "Default", "usn": 0, "maxTaken": 60, "autoplay": true,
        "timer": 0, "replayq": true, "dyn": false,
        "new": {"bury": false, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0],
                "order": 1, "perDay": 20},
        "rev": {"bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200,
                "hardFactor": 1.2},
        "lapse": {"delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0}
    }})
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
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    let full = data.len() / 64 * 64;
    for block in data[..full].chunks_exact(64) {
        sha1_block(&mut h, block);
    }
    // The tail, the 0x80 marker and the bit length: one or two more blocks.
    let mut tail = [0u8; 128];
    let rest = &data[full..];
    tail[..rest.len()].copy_from_slice(rest);
    tail[rest.len()] = 0x80;
    let len = if rest.len() < 56 { 64 } else { 128 };
    tail[len - 8..len].copy_from_slice(&((data.len() as u64).wrapping_mul(8)).to_be_bytes());
    for block in tail[..len].chunks_exact(64) {
        sha1_block(&mut h, block);
    }
    let mut out = [0u8; 20];
    for (i, x) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

fn sha1_block(h: &mut [u32; 5], block: &[u8]) {
    let mut w = [0u32; 80];
    for (i, b) in block.chunks_exact(4).enumerate() {
        w[i] = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    }
    for i in 16..80 {
        w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
    }
    let [mut a, mut b, mut c, mut d, mut e] = *h;
    for (i, &wi) in w.iter().enumerate() {
        let (f, k) = match i {
            0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
            20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
            40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
            _ => (b ^ c ^ d, 0xCA62_C1D6),
        };
        let t = a
            .rotate_left(5)
            .wrapping_add(f)
            .wrapping_add(e)
            .wrapping_add(k)
            .wrapping_add(wi);
        e = d;
        d = c;
        c = b.rotate_left(30);
        b = a;
        a = t;
    }
    for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
        *x = x.wrapping_add(y);
    }
}

fn base62(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::with_capacity(11);
    for _ in 0..11 {
        out.push(DIGITS[(n % 62) as usize]);
        n /= 62;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
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
        assert_eq!(note_guid("d/f/recall/1"), note_guid("d/f/recall/1"));
        assert_ne!(note_guid("d/f/recall/1"), note_guid("d/f/recall/2"));
        assert_eq!(note_guid("x").len(), 11);
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
    fn strips_html_and_entities() {
        assert_eq!(
            strip_html("<b>a</b> &amp; &lt;b&gt; &#20320;"),
            "a & <b> 你"
        );
        assert_eq!(decode_entities("R&D; x & y"), "R&D; x & y");
    }
}
