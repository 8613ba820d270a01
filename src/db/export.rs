//! Read-only queries for instructors: what exports and result files need beyond the
//! questions themselves (fact kinds, card state, review history, per-question results).

use std::sync::Arc;

use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator as _;
use rusqlite::{OptionalExtension, params};

use super::{
    Db, QUESTION_COLUMN_COUNT, QUESTION_COLUMNS, QUESTION_JOINS, QUESTION_UID, question_from_row,
};
use crate::error::{Error, Result};
use crate::question::{Answer, Kind, Question, SourceRef};

/// A fact's memory (one per fact, docs/learning.md), as `quiz export --format apkg
/// --with-scheduling` carries it onto the fact's Anki cards.
#[derive(Debug, Clone, PartialEq)]
pub struct FactState {
    pub fact: String,
    /// 0 new, 1 learning, 2 review, 3 relearning.
    pub queue: i64,
    /// Unix seconds.
    pub due: i64,
    pub interval_days: i64,
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    pub reps: i64,
    pub lapses: i64,
    pub suspended: bool,
}

/// One fact's current questions, for the Anki package (see [`Db::stream_export_facts`]):
/// only what its note shows.
#[derive(Debug, Clone)]
pub struct ExportFact {
    pub fact: String,
    /// `list`, `event`, …; `event` for the deck-wide chronology set.
    pub fact_kind: &'static str,
    /// Its short label (a list's heading…); `None` for the chronology set.
    pub label: Option<String>,
    /// Its place among the deck's facts in the order they are introduced, from 1.
    pub position: i64,
    /// The fact's own explanation ('' when none): what a question without one shows.
    pub explanation: String,
    /// The source of its first question (in generation order), with that question's part;
    /// shared by the facts that have the same.
    pub source: Arc<SourceRef>,
    /// In generation order.
    pub questions: Vec<ExportQuestion>,
}

/// One question of an [`ExportFact`]: what its card shows.
#[derive(Debug, Clone)]
pub struct ExportQuestion {
    pub kind: Kind,
    /// As shown (its context put back in front).
    pub prompt: String,
    pub answer: Answer,
    /// Its own explanation, when it has one; see [`ExportFact::explanation_of`].
    pub own_explanation: Option<String>,
}

impl ExportFact {
    /// The explanation `q` shows: its own, else its fact's.
    pub fn explanation_of<'a>(&'a self, q: &'a ExportQuestion) -> &'a str {
        q.own_explanation.as_deref().unwrap_or(&self.explanation)
    }
}

/// One answer, as Anki's review log needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewEntry {
    pub uid: String,
    /// Unix milliseconds.
    pub reviewed_at: i64,
    /// 1 again … 4 easy; 0 manual.
    pub rating: i64,
    pub queue_before: i64,
    pub interval_days: i64,
    pub duration_ms: i64,
}

/// One question's results, for `quiz export-results`.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultRow {
    pub uid: String,
    pub deck: String,
    pub fact: String,
    /// `list`, `event`, …; `event` for the deck-wide chronology question.
    pub fact_kind: String,
    /// A short human label of the fact: a list's heading, an event's what, a term…
    pub fact_label: String,
    pub kind: String,
    pub source: String,
    pub reviews: i64,
    /// This question's answers that lapsed its fact (Again while the fact was in review):
    /// the fact's own lapse count is on [`FactResultRow`].
    pub lapses: i64,
    /// Answers rated Again.
    pub again: i64,
    pub last_rating: Option<i64>,
    /// Unix seconds.
    pub last_review: Option<i64>,
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    /// Answers the student overruled as right.
    pub accepted: Vec<String>,
}

/// One studied fact's memory, for `quiz export-results`.
#[derive(Debug, Clone, PartialEq)]
pub struct FactResultRow {
    pub deck: String,
    pub fact: String,
    pub fact_kind: String,
    pub fact_label: String,
    /// The meeting or document its questions name ('' when none does).
    pub meeting: String,
    /// The title of its source.
    pub source: String,
    /// 0 recognition, 1 cued recall, 2 free recall.
    pub rung: i64,
    pub reps: i64,
    pub lapses: i64,
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    /// Unix seconds.
    pub last_review: Option<i64>,
}

impl Db {
    /// `(title, language)` of a deck. Errors if the deck is unknown.
    pub fn deck_meta(&self, deck: &str) -> Result<(String, String)> {
        self.conn
            .query_row(
                "SELECT title, language FROM deck WHERE id = ?1",
                [deck],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| Error::UnknownDeck(deck.to_owned()))
    }

    /// The current questions of a deck in the deck's order (see [`Db::questions`]), each with
    /// the kind of its fact (`event` for the deck-wide chronology question, which has no fact
    /// of its own). Like [`Db::questions`], but sorted here rather than by SQLite, whose
    /// sorter would copy every row of a big deck. Errors if the deck is unknown.
    pub fn export_questions(&self, deck: &str) -> Result<Vec<(Question, &'static str)>> {
        if !self.deck_exists(deck)? {
            return Err(Error::UnknownDeck(deck.to_owned()));
        }
        let mut st = self.conn.prepare(&format!(
            "{} WHERE q.deck_id = ?1 AND q.retired = 0",
            export_select()
        ))?;
        let rows = st.query_map([deck], export_row)?;
        let mut rows: Vec<((i64, i64), Question, &'static str)> =
            rows.collect::<rusqlite::Result<_>>()?;
        rows.sort_unstable_by_key(|(order, _, _)| *order);
        Ok(rows.into_iter().map(|(_, q, k)| (q, k)).collect())
    }

    /// A deck's current questions fact by fact, handed to `send` in batches of about
    /// `batch` questions (a fact is never split); stops when `send` returns `false`. Each fact
    /// comes with its kind, its label and its place in the order new facts are introduced.
    ///
    /// Three lists in the same order, merged here: the questions along their unique index
    /// (deck, fact, kind, variant), so a fact's questions come together without a sort; the
    /// facts along their key (deck, fact); the memory rows, read in one pass over the table
    /// (its index on (deck, fact) would cost a row lookup per fact) and sorted here. SQLite
    /// compares these text keys bytewise, as `str` does. Within a fact the questions are put
    /// in generation order.
    pub fn stream_export_facts(
        &self,
        deck: &str,
        batch: usize,
        send: &mut dyn FnMut(Vec<ExportFact>) -> bool,
    ) -> Result<()> {
        if !self.deck_exists(deck)? {
            return Err(Error::UnknownDeck(deck.to_owned()));
        }
        // Positions count from the deck's first introduction order. (One pass over the table;
        // each fact's own order is read below alongside its questions, in the same order:
        // read whole and sorted first, the 100k bench deck's took some 20 ms before the first
        // batch could go.)
        let first: i64 = self.conn.query_row(
            "SELECT COALESCE(min(new_order), 0) FROM memory WHERE +deck_id = ?1",
            [deck],
            |r| r.get(0),
        )?;
        let mut order_st = self
            .conn
            .prepare("SELECT fact_id, new_order FROM memory WHERE deck_id = ?1 ORDER BY fact_id")?;
        let mut order = Cursor::new(order_st.query([deck])?)?;
        // A deck has a handful of sources: read once rather than joined to every question.
        let sources: Vec<(String, SourceRef)> = {
            let mut st = self
                .conn
                .prepare("SELECT id, title, publisher, date FROM source WHERE deck_id = ?1")?;
            let rows = st.query_map([deck], |r| {
                Ok((
                    r.get(0)?,
                    SourceRef {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        publisher: r.get(2)?,
                        date: r.get(3)?,
                        part: None,
                    },
                ))
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut fact_st = self.conn.prepare(
            "SELECT id, kind, label, explanation FROM fact WHERE deck_id = ?1 ORDER BY id",
        )?;
        let mut facts = Cursor::new(fact_st.query([deck])?)?;
        let mut st = self.conn.prepare(
            "SELECT q.fact_id, q.id, q.kind, q.prefix, q.context, q.prompt, q.answer,
                    q.explanation, q.source_id, q.part
             FROM question q
             WHERE q.deck_id = ?1 AND q.retired = 0
             ORDER BY q.fact_id",
        )?;
        let mut rows = st.query([deck])?;
        let mut buf: Vec<ExportFact> = Vec::new();
        let mut in_buf = 0usize;
        // The current fact's question ids, and the source and part of its first question.
        let mut ids: Vec<i64> = Vec::new();
        let mut first_q: (i64, Option<usize>, Option<String>) = (i64::MAX, None, None);
        // Until `finish` sets it.
        let no_source = Arc::new(empty_source());
        // Facts in a row mostly share their source: one copy for them all.
        let mut last_source: Option<(Option<usize>, Arc<SourceRef>)> = None;
        let mut finish =
            |f: &mut ExportFact,
             ids: &mut Vec<i64>,
             first_q: &mut (i64, Option<usize>, Option<String>)| {
                if ids.windows(2).any(|w| w[0] > w[1]) {
                    let mut both: Vec<(i64, ExportQuestion)> =
                        ids.drain(..).zip(f.questions.drain(..)).collect();
                    both.sort_unstable_by_key(|(id, _)| *id);
                    f.questions = both.into_iter().map(|(_, q)| q).collect();
                }
                ids.clear();
                let (_, src, part) = std::mem::replace(first_q, (i64::MAX, None, None));
                if let Some((s, shared)) = &last_source
                    && *s == src
                    && shared.part == part
                {
                    f.source = Arc::clone(shared);
                    return;
                }
                // A source the deck no longer has (it cannot: import replaces both) reads as empty.
                let mut source = src.map_or_else(empty_source, |i| sources[i].1.clone());
                source.part = part;
                f.source = Arc::new(source);
                last_source = Some((src, Arc::clone(&f.source)));
            };
        while let Some(r) = rows.next()? {
            let fact = text(r, 0)?;
            let same = buf.last().is_some_and(|f| f.fact == fact);
            if !same {
                if let Some(last) = buf.last_mut() {
                    finish(last, &mut ids, &mut first_q);
                }
                if in_buf >= batch {
                    in_buf = 0;
                    if !send(std::mem::take(&mut buf)) {
                        return Ok(());
                    }
                }
                let (kind, label, explanation) = match facts.seek(fact)? {
                    Some(f) => (
                        fact_kind(text_or_null(f, 1)?),
                        f.get::<_, Option<String>>(2)?,
                        f.get::<_, Option<String>>(3)?.unwrap_or_default(),
                    ),
                    None => (fact_kind(None), None, String::new()),
                };
                let new_order: Option<i64> = match order.seek(fact)? {
                    Some(m) => Some(m.get(1)?),
                    None => None,
                };
                buf.push(ExportFact {
                    fact: fact.to_owned(),
                    fact_kind: kind,
                    label,
                    position: new_order.map_or(0, |o| o - first) + 1,
                    explanation,
                    source: Arc::clone(&no_source),
                    questions: Vec::with_capacity(8),
                });
            }
            let id: i64 = r.get(1)?;
            let kind = text(r, 2)?;
            let kind = Kind::parse(kind).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(
                    2,
                    rusqlite::types::Type::Text,
                    format!("unknown kind {kind}").into(),
                )
            })?;
            let prompt = super::shown_prompt(r.get(3)?, text(r, 4)?, text(r, 5)?);
            let answer = super::answer::decode(text(r, 6)?).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    6,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })?;
            let own = text(r, 7)?;
            if id < first_q.0 {
                let src = text(r, 8)?;
                first_q = (
                    id,
                    sources.iter().position(|(s, _)| s == src),
                    text_or_null(r, 9)?.map(str::to_owned),
                );
            }
            ids.push(id);
            in_buf += 1;
            if let Some(f) = buf.last_mut() {
                f.questions.push(ExportQuestion {
                    kind,
                    prompt,
                    answer,
                    own_explanation: (!own.is_empty()).then(|| own.to_owned()),
                });
            }
        }
        if let Some(last) = buf.last_mut() {
            finish(last, &mut ids, &mut first_q);
        }
        if !buf.is_empty() {
            send(buf);
        }
        Ok(())
    }

    /// Has SQLite read this database through a memory map from now on (up to 1 GiB), for
    /// a reader of a whole big deck: a system call per page read costs more than the reading.
    pub fn read_mapped(&self) -> Result<()> {
        self.conn.pragma_update(None, "mmap_size", 1i64 << 30)?;
        Ok(())
    }

    /// The memory of every fact of a deck that still has a current question.
    pub fn fact_states(&self, deck: &str) -> Result<Vec<FactState>> {
        let mut st = self.conn.prepare(
            "SELECT m.fact_id, m.queue, m.due, m.interval_days, m.stability, m.difficulty, m.reps,
                    m.lapses, m.suspended
             FROM memory m
             WHERE m.deck_id = ?1 AND EXISTS (SELECT 1 FROM question q
                 WHERE q.deck_id = m.deck_id AND q.fact_id = m.fact_id AND q.retired = 0)",
        )?;
        let rows = st.query_map([deck], |r| {
            Ok(FactState {
                fact: r.get(0)?,
                queue: r.get(1)?,
                due: r.get(2)?,
                interval_days: r.get(3)?,
                stability: r.get(4)?,
                difficulty: r.get(5)?,
                reps: r.get(6)?,
                lapses: r.get(7)?,
                suspended: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many current questions a deck has (for a progress bar).
    ///
    /// Along the deck's index SQLite looks every question's row up to see `retired`; when
    /// the deck has every question of the database (the usual case for a big deck), one pass
    /// over the table in row order does without the lookups (half the work for 100k).
    pub fn question_count(&self, deck: &str) -> Result<u64> {
        let others: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM question WHERE deck_id < ?1)
                 OR EXISTS (SELECT 1 FROM question WHERE deck_id > ?1)",
            [deck],
            |r| r.get(0),
        )?;
        let sql = if others {
            "SELECT count(*) FROM question WHERE deck_id = ?1 AND retired = 0"
        } else {
            "SELECT count(*) FROM question WHERE +deck_id = ?1 AND retired = 0"
        };
        Ok(self.conn.query_row(sql, [deck], |r| r.get::<_, i64>(0))? as u64)
    }

    /// Every answer given to a current question of a deck, oldest first.
    pub fn review_log(&self, deck: &str) -> Result<Vec<ReviewEntry>> {
        let mut st = self.conn.prepare(
            &format!("SELECT {QUESTION_UID}, r.reviewed_at, r.rating, r.queue_before, r.interval_days, r.duration_ms
             FROM review r JOIN question q ON q.id = r.question_id
             WHERE q.deck_id = ?1 AND q.retired = 0
             ORDER BY r.reviewed_at, r.id"),
        )?;
        let rows = st.query_map([deck], |r| {
            Ok(ReviewEntry {
                uid: r.get(0)?,
                reviewed_at: r.get(1)?,
                rating: r.get(2)?,
                queue_before: r.get(3)?,
                interval_days: r.get(4)?,
                duration_ms: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// `(id, kind, label)` of every current fact of `deck`, in deck order.
    pub fn fact_labels(&self, deck: &str) -> Result<Vec<(String, String, String)>> {
        let mut st = self.conn.prepare(
            "SELECT f.id, f.kind, f.label FROM fact f
             LEFT JOIN memory m ON m.deck_id = f.deck_id AND m.fact_id = f.id
             WHERE f.deck_id = ?1 AND f.retired = 0
             ORDER BY m.new_order, f.id",
        )?;
        let rows = st.query_map([deck], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The memory of every fact with an answered question, in deck and introduction order.
    pub fn result_facts(&self) -> Result<Vec<FactResultRow>> {
        let mut st = self.conn.prepare(
            "SELECT m.deck_id, m.fact_id, COALESCE(f.kind, 'event'), COALESCE(f.label, m.fact_id),
                    COALESCE((SELECT q.context FROM question q
                              WHERE q.deck_id = m.deck_id AND q.fact_id = m.fact_id AND q.context <> ''
                              ORDER BY q.retired, q.id LIMIT 1), ''),
                    COALESCE((SELECT s.title FROM question q
                              JOIN source s ON s.deck_id = q.deck_id AND s.id = q.source_id
                              WHERE q.deck_id = m.deck_id AND q.fact_id = m.fact_id
                              ORDER BY q.retired, q.id LIMIT 1), ''),
                    m.rung, m.reps, m.lapses, m.stability, m.difficulty, m.last_review
             FROM memory m
             LEFT JOIN fact f ON f.deck_id = m.deck_id AND f.id = m.fact_id
             WHERE EXISTS (SELECT 1 FROM question q JOIN review r ON r.question_id = q.id
                           WHERE q.deck_id = m.deck_id AND q.fact_id = m.fact_id AND r.rating > 0)
             ORDER BY m.deck_id, m.new_order, m.fact_id",
        )?;
        let rows = st.query_map(params![], |r| {
            Ok(FactResultRow {
                deck: r.get(0)?,
                fact: r.get(1)?,
                fact_kind: r.get(2)?,
                fact_label: r.get(3)?,
                meeting: r.get(4)?,
                source: r.get(5)?,
                rung: r.get(6)?,
                reps: r.get(7)?,
                lapses: r.get(8)?,
                stability: r.get(9)?,
                difficulty: r.get(10)?,
                last_review: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The question `uid` of `deck` (current or retired), if there is one.
    pub fn question_by_uid(&self, deck: &str, uid: &str) -> Result<Option<Question>> {
        let Some([in_deck, fact, kind, variant]) = crate::question::uid_parts(uid) else {
            return Ok(None);
        };
        if in_deck != deck {
            return Ok(None);
        }
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT {QUESTION_COLUMNS} FROM question q {QUESTION_JOINS}
                     WHERE q.deck_id = ?1 AND q.fact_id = ?2 AND q.kind = ?3 AND q.variant = ?4"
                ),
                [deck, fact, kind, variant],
                question_from_row,
            )
            .optional()?)
    }

    /// Results of every question that was answered or has an accepted override, in deck order
    /// (see [`Db::questions`]).
    pub fn results(&self) -> Result<Vec<ResultRow>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT {QUESTION_UID}, q.deck_id, q.fact_id, COALESCE(f.kind, 'event'),
                    COALESCE(f.label, q.fact_id),
                    q.kind,
                    COALESCE((SELECT s.title FROM source s WHERE s.deck_id = q.deck_id AND s.id = q.source_id), ''),
                    (SELECT count(*) FROM review r WHERE r.question_id = q.id AND r.rating > 0),
                    (SELECT count(*) FROM review r WHERE r.question_id = q.id AND r.rating = 1
                        AND r.queue_before = 2),
                    (SELECT count(*) FROM review r WHERE r.question_id = q.id AND r.rating = 1),
                    (SELECT r.rating FROM review r WHERE r.question_id = q.id AND r.rating > 0
                     ORDER BY r.reviewed_at DESC, r.id DESC LIMIT 1),
                    m.last_review, m.stability, m.difficulty,
                    (SELECT json_group_array(a.answer) FROM
                        (SELECT answer FROM accepted_answer WHERE question_id = q.id ORDER BY added_at, answer) a)
             FROM question q
             JOIN memory m ON m.deck_id = q.deck_id AND m.fact_id = q.fact_id
             LEFT JOIN fact f ON f.deck_id = q.deck_id AND f.id = q.fact_id
             WHERE EXISTS (SELECT 1 FROM review r WHERE r.question_id = q.id)
                OR EXISTS (SELECT 1 FROM accepted_answer a WHERE a.question_id = q.id)
             ORDER BY q.deck_id, m.new_order, q.id"
        ))?;
        let rows = st.query_map(params![], |r| {
            let accepted: String = r.get(14)?;
            Ok(ResultRow {
                uid: r.get(0)?,
                deck: r.get(1)?,
                fact: r.get(2)?,
                fact_kind: r.get(3)?,
                fact_label: r.get(4)?,
                kind: r.get(5)?,
                source: r.get(6)?,
                reviews: r.get(7)?,
                lapses: r.get(8)?,
                again: r.get(9)?,
                last_rating: r.get(10)?,
                last_review: r.get(11)?,
                stability: r.get(12)?,
                difficulty: r.get(13)?,
                accepted: serde_json::from_str(&accepted).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn empty_source() -> SourceRef {
    SourceRef {
        id: String::new(),
        title: String::new(),
        publisher: String::new(),
        date: String::new(),
        part: None,
    }
}

/// Column `i` of `r` as text, borrowed from SQLite rather than copied.
fn text<'r>(r: &'r rusqlite::Row, i: usize) -> rusqlite::Result<&'r str> {
    match r.get_ref(i)? {
        rusqlite::types::ValueRef::Text(t) => utf8(t),
        v => Ok(v.as_str()?),
    }
}

/// [`text`], or `None` for NULL.
fn text_or_null<'r>(r: &'r rusqlite::Row, i: usize) -> rusqlite::Result<Option<&'r str>> {
    match r.get_ref(i)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        rusqlite::types::ValueRef::Text(t) => utf8(t).map(Some),
        v => Ok(Some(v.as_str()?)),
    }
}

/// Text from the database, checked as UTF-8 with vector instructions (the export reads tens
/// of megabytes); the standard library's check only says where text that fails it is wrong.
fn utf8(t: &[u8]) -> rusqlite::Result<&str> {
    match simdutf8::basic::from_utf8(t) {
        Ok(s) => Ok(s),
        Err(_) => {
            std::str::from_utf8(t).map_err(|e| rusqlite::types::FromSqlError::Utf8Error(e).into())
        }
    }
}

/// A scan of rows ordered by their first column (text), read alongside another scan in the
/// same order: a merge join without SQLite looking a row up for every question.
struct Cursor<'s> {
    rows: rusqlite::Rows<'s>,
}

impl<'s> Cursor<'s> {
    fn new(mut rows: rusqlite::Rows<'s>) -> Result<Self> {
        rows.advance()?;
        Ok(Cursor { rows })
    }

    /// The row whose key is `key`, if any; moves past every row with a smaller key. Keys
    /// asked for must not decrease.
    fn seek(&mut self, key: &str) -> Result<Option<&rusqlite::Row<'s>>> {
        loop {
            let order = match self.rows.get() {
                Some(r) => text(r, 0)?.cmp(key),
                None => return Ok(None),
            };
            match order {
                std::cmp::Ordering::Less => self.rows.advance()?,
                std::cmp::Ordering::Equal => return Ok(self.rows.get()),
                std::cmp::Ordering::Greater => return Ok(None),
            }
        }
    }
}

fn export_select() -> String {
    format!(
        "SELECT {QUESTION_COLUMNS}, COALESCE(m.new_order, 0), q.id, qf.kind
         FROM question q {QUESTION_JOINS}
         LEFT JOIN memory m ON m.deck_id = q.deck_id AND m.fact_id = q.fact_id"
    )
}

/// A row of [`export_select`]: the question's place in the deck (its fact's introduction
/// order, then its own row, which is generation order within a fact), the question, and the
/// kind of its fact.
fn export_row(r: &rusqlite::Row) -> rusqlite::Result<((i64, i64), Question, &'static str)> {
    let kind = fact_kind(r.get_ref(QUESTION_COLUMN_COUNT + 2)?.as_str_or_null()?);
    let order = (
        r.get(QUESTION_COLUMN_COUNT)?,
        r.get(QUESTION_COLUMN_COUNT + 1)?,
    );
    Ok((order, question_from_row(r)?, kind))
}

/// A fact kind as stored, as a static name; `event` for the deck-wide chronology set, which
/// has no fact row.
fn fact_kind(stored: Option<&str>) -> &'static str {
    match stored {
        Some("list") => "list",
        Some("number") => "number",
        Some("term") => "term",
        Some("document") => "document",
        Some("person") => "person",
        Some("qa") => "qa",
        Some("cloze") => "cloze",
        _ => "event",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add_question(db: &Db, deck: &str, fact: &str, retired: i64) {
        db.conn
            .execute(
                "INSERT OR IGNORE INTO deck (id, title, language, origin, toml, added_at, updated_at)
                 VALUES (?1, ?1, 'zh', 'test', '', 0, 0)",
                [deck],
            )
            .unwrap();
        db.conn
            .execute(
                "INSERT INTO question (deck_id, fact_id, kind, variant, context, prompt, answer,
                                       explanation, source_id, part, hash, retired)
                 VALUES (?1, ?2, 'recall', '', '', 'p', '{}', '', '', NULL, 0, ?3)",
                params![deck, fact, retired],
            )
            .unwrap();
    }

    #[test]
    fn the_question_count_leaves_out_retired_questions_and_other_decks() {
        let db = Db::open_in_memory().unwrap();
        add_question(&db, "m", "a", 0);
        add_question(&db, "m", "b", 1);
        add_question(&db, "m", "c", 0);
        // One deck: the count reads the table in row order.
        assert_eq!(db.question_count("m").unwrap(), 2);
        // Decks before and after it: the count goes along the deck's index.
        add_question(&db, "a", "a", 0);
        add_question(&db, "z", "a", 0);
        add_question(&db, "z", "b", 0);
        assert_eq!(db.question_count("m").unwrap(), 2);
        assert_eq!(db.question_count("z").unwrap(), 2);
        assert_eq!(db.question_count("a").unwrap(), 1);
        assert_eq!(db.question_count("none").unwrap(), 0);
    }
}
