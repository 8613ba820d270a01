//! Adding and re-adding decks: one transaction for everything, progress kept on every
//! question whose id survives, retired (not deleted) questions for facts that are gone.

use std::collections::{HashMap, HashSet};

use crate::deck::source_text::SourceText;
use rusqlite::params;

use super::Db;
use super::raw_insert::{Param, RawInsert};
use crate::deck::Deck;
use crate::error::Result;
use crate::question::Question;

/// What one deck's import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    pub deck: String,
    /// The deck was not in the database before.
    pub new_deck: bool,
    pub added: u64,
    pub updated: u64,
    pub retired: u64,
    /// Retired questions whose fact came back.
    pub restored: u64,
    pub unchanged: u64,
}

impl Db {
    /// Stores decks with their generated questions, all or nothing. `now` is unix seconds.
    pub fn import(
        &mut self,
        decks: &[(&Deck, Vec<Question>)],
        now: i64,
    ) -> Result<Vec<ImportReport>> {
        let mut progress = crate::progress::Progress::hidden();
        let ids: Vec<&str> = decks.iter().map(|(d, _)| d.id()).collect();
        let mut import = self.begin_import(now, &mut progress, &ids)?;
        for (deck, questions) in decks {
            let mut d = import.start_deck(deck)?;
            import.add_questions(&mut d, questions)?;
            import.finish_deck(d, || Ok(super::deflate(&deck.text)))?;
        }
        import.commit()
    }

    /// Opens the one transaction of an import: decks are then added with
    /// [`Import::start_deck`], their questions in batches with [`Import::add_questions`]
    /// (so a large deck's questions need not all be held at once), and nothing is stored
    /// unless [`Import::commit`] is reached. Each question stored is counted on `progress`.
    /// `decks`: the ids of the decks it will store.
    pub fn begin_import<'p>(
        &mut self,
        now: i64,
        progress: &'p mut crate::progress::Progress,
        decks: &[&str],
    ) -> Result<Import<'_, 'p>> {
        // SQLite's default page cache (2 MB) is enough: a new deck's rows are written in key
        // order (questions kind by kind, see generate::generate_batches; facts and memory
        // rows all in order), so the pages that spill to the file mid-transaction are seldom
        // needed again, and the system writes them to disk while the import goes on, which
        // the commit's fsync would otherwise wait for. An 8 MiB cache, needed while questions
        // were written in the file's order, made the 100k bench import about 30 ms slower
        // once they were not (and its peak 2 MiB higher).
        // In WAL mode every page an import writes goes to the WAL and is then read back and
        // written again into the file by the checkpoint at its end (a 100,000-question import
        // wrote 110 MB and read 54 MB for a 30 MB file). With a rollback journal, pages past
        // the file's end when the import began need no journal at all, so each new page is
        // written once, and a killed import is still rolled back on the next open. Switching
        // needs the file to itself: when another process has it open (a study session), the
        // import stays in WAL mode and that process reads on beside it. One that opens the
        // file while a rollback-journal import runs waits for its end (the busy timeout).
        // Only an import that adds a deck is worth it: one that re-adds decks rewrites pages
        // already in the file, which both journals write twice, and a re-add that changes
        // nothing leaves the file as it was, byte for byte.
        let mut adds_decks = false;
        for id in decks {
            adds_decks |= !self.deck_exists(id)?;
        }
        let rollback_journal = adds_decks
            && self
                .conn
                .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get::<_, String>(0))
                .is_ok_and(|mode| mode.eq_ignore_ascii_case("delete"));
        let conn = &self.conn;
        let mut import = Import {
            conn,
            open: false,
            rollback_journal,
            statements: Statements {
                conn,
                prepared: Vec::new(),
            },
            now,
            next_order: 0,
            reports: Vec::new(),
            progress,
        };
        // Foreign keys are not enforced while an import writes (Drop turns them back on): every
        // row it writes belongs to a deck whose row it wrote first, in the same transaction
        // (`start_deck`), and names that deck by the id it was given there. Enforcing them
        // looked the deck up again for every question, fact and memory row: a tenth of a
        // large import's writing. (The pragma does nothing inside a transaction, hence
        // before it.)
        conn.pragma_update(None, "foreign_keys", false)?;
        conn.execute_batch("BEGIN IMMEDIATE")?;
        import.open = true;
        import.next_order = conn.query_row(
            "SELECT COALESCE(MAX(new_order), 0) + 1 FROM memory",
            [],
            |r| r.get(0),
        )?;
        Ok(import)
    }
}

/// Has the system start writing the database file's changed pages to disk while an import
/// goes on, from a thread other than the one writing: the import's commit waits for every
/// page to reach the disk (its fsync), and pages already on their way leave it less to
/// wait for. Asked from add-deck's generating thread every few batches: the 100k bench
/// import 4–6% faster (346 → 332 and 350 → 330 ms, 25 interleaved runs each). (From the
/// writing thread it cost the writing what it saved the commit.) It only starts writing
/// pages the system could write at any moment anyway: SQLite's fsyncs and their order are
/// unchanged. A no-op for an in-memory database and where the system has no such call.
pub struct WriteBack(Option<std::fs::File>);

impl WriteBack {
    pub fn new(db: &Db) -> WriteBack {
        #[cfg(target_os = "linux")]
        {
            use std::os::unix::fs::OpenOptionsExt;
            let path = db.path();
            if path != std::path::Path::new(":memory:") {
                // Never waits to open (SQLite has it open as a regular file; this is only in
                // case the path was swapped meanwhile).
                return WriteBack(
                    std::fs::OpenOptions::new()
                        .read(true)
                        .custom_flags(libc::O_NONBLOCK)
                        .open(path)
                        .ok(),
                );
            }
        }
        let _ = db;
        WriteBack(None)
    }

    pub fn none() -> WriteBack {
        WriteBack(None)
    }

    /// Starts the writing, and returns at once.
    pub fn start(&self) {
        if let Some(f) = &self.0 {
            crate::outfile::start_write_back(f);
        }
    }
}

/// Questions with their stored forms (answer JSON and fingerprint, see
/// [`Question::stored_forms`]), ready for [`Import::add_prepared`].
pub struct Prepared {
    pub questions: Vec<Question>,
    pub forms: Vec<(String, i64)>,
}

impl Prepared {
    pub fn new(questions: Vec<Question>) -> Prepared {
        // A fact's questions come together and share their source: it is written out once
        // for each run of them (it was a third of this work).
        let mut source: Option<(&crate::question::SourceRef, String)> = None;
        let forms = questions
            .iter()
            .map(|q| {
                let stored = match source.take() {
                    Some((s, json)) if *s == q.source => (s, json),
                    _ => (&q.source, q.stored_source()),
                };
                let forms = q.stored_forms_with(&stored.1);
                source = Some(stored);
                forms
            })
            .collect();
        Prepared { questions, forms }
    }
}

/// An import under way: see [`Db::begin_import`]. Dropped without [`Import::commit`], it
/// changes nothing.
pub struct Import<'c, 'p> {
    conn: &'c rusqlite::Connection,
    /// Its transaction is open (and is rolled back if the import is dropped).
    open: bool,
    /// The file was switched from WAL to a rollback journal for the import, and is switched
    /// back when it ends (see [`Db::begin_import`]).
    rollback_journal: bool,
    /// The INSERTs run so far, kept prepared for the next batches.
    statements: Statements<'c>,
    now: i64,
    next_order: i64,
    reports: Vec<ImportReport>,
    progress: &'p mut crate::progress::Progress,
}

/// One deck of an [`Import`], between [`Import::start_deck`] and [`Import::finish_deck`].
pub struct DeckImport<'d> {
    deck: &'d Deck,
    rep: ImportReport,
    /// The deck file changed (or is new): its facts are written.
    write_facts: bool,
    /// The deck is new: its facts are written all at once at its end, in key order (see
    /// [`Import::finish_deck`]), not each with its first question.
    facts_at_end: bool,
    /// Each fact of the deck, and whether it has had a question yet.
    facts: FactTable<'d>,
    /// Where the fact of the current run of questions is in `facts` (`None`: a deck-wide
    /// set, or no run yet). A question that shows its fact's explanation (the fact's first
    /// question's, kept in [`FactTable`]) stores ''; a deck-wide set has no fact row to keep
    /// one, so its questions store theirs.
    current: Option<usize>,
    /// Deck-wide question sets (no fact row) that have a current question.
    others: HashSet<String>,
    /// Facts (and deck-wide question sets) that had their first question in this import and
    /// have no memory row yet, for the rows made at the deck's end with the introduction
    /// order the file gives them: ([`Plan::place`], fact). A new deck's facts are not kept
    /// here: they are all in its [`Plan`].
    fresh: Vec<(usize, String)>,
    /// Existing questions of the deck not yet seen: uid → (row id, hash, retired).
    existing: HashMap<String, (i64, i64, bool)>,
    /// Facts of the deck that have a memory from an earlier import: fact → (row id,
    /// active). Memory rows made by this import are active and stay so.
    remembered: HashMap<String, (i64, bool)>,
    last_fact: Option<String>,
    /// The order the deck's facts are introduced in; for a new deck, also its memory rows,
    /// written ahead of the deck's end while the writer waits for questions
    /// ([`Import::write_ahead`]).
    plan: Plan,
}

/// A memory row a new deck is expected to have (see [`Plan`]).
#[derive(Clone, Copy)]
struct PlannedMemory<'d> {
    fact: &'d str,
    /// Its [`Plan::place`].
    place: usize,
}

impl DeckImport<'_> {
    /// The deck file is new or changed: its text is stored again (deflated, by
    /// [`Import::finish_deck`]).
    pub fn text_changed(&self) -> bool {
        self.write_facts
    }
}

impl<'c, 'p> Import<'c, 'p> {
    /// Writes the deck's own rows (when its file changed) and reads what it had stored.
    pub fn start_deck<'d>(&mut self, deck: &'d Deck) -> Result<DeckImport<'d>> {
        self.start_deck_text(deck, &deck.text)
    }

    /// [`Import::start_deck`] with the deck file's text given apart (add-deck frees it
    /// before the deck's questions are stored). The text is stored deflated by
    /// [`Import::finish_deck`] (add-deck deflates it on a thread of its own meanwhile).
    pub fn start_deck_text<'d>(&mut self, deck: &'d Deck, text: &str) -> Result<DeckImport<'d>> {
        let tx = self.conn;
        let now = self.now;
        let id = deck.id();
        let rep = ImportReport {
            deck: id.to_owned(),
            ..Default::default()
        };
        let old_text: Option<String> = tx
            .query_row(
                "SELECT toml, toml_deflated FROM deck WHERE id = ?1",
                [id],
                |r| super::deck_text(r, 0),
            )
            .map(Some)
            .or_else(|e| {
                if e == rusqlite::Error::QueryReturnedNoRows {
                    Ok(None)
                } else {
                    Err(e)
                }
            })?;
        let facts = FactTable::new(deck);
        let plan = Plan::new(deck, &facts, self.next_order);
        let mut d = DeckImport {
            deck,
            rep: ImportReport {
                new_deck: old_text.is_none(),
                ..rep
            },
            write_facts: old_text.as_deref() != Some(text),
            facts_at_end: old_text.is_none(),
            facts,
            current: None,
            others: HashSet::new(),
            fresh: Vec::new(),
            existing: HashMap::new(),
            remembered: HashMap::new(),
            last_fact: None,
            plan,
        };
        drop(old_text);
        let meta = &deck.file.deck;
        if d.write_facts {
            tx.execute(
                "INSERT INTO deck (id, title, language, origin, toml, toml_deflated, added_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, '', NULL, ?5, ?5)
                 ON CONFLICT (id) DO UPDATE SET title = ?2, language = ?3, origin = ?4, toml = '',
                     toml_deflated = NULL, updated_at = ?5",
                params![id, meta.title, meta.language, deck.origin, now],
            )?;
            tx.execute("DELETE FROM source WHERE deck_id = ?1", [id])?;
            let mut st = tx.prepare_cached(
                "INSERT INTO source (deck_id, id, title, publisher, date, url) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for s in &deck.file.sources {
                st.execute(params![
                    id,
                    s.id.get_ref(),
                    s.title,
                    s.publisher,
                    s.date.get_ref(),
                    s.url
                ])?;
            }
            drop(st);
            tx.execute("DELETE FROM deck_alias WHERE deck_id = ?1", [id])?;
            let mut st =
                tx.prepare_cached("INSERT INTO deck_alias (deck_id, terms) VALUES (?1, ?2)")?;
            for a in &deck.file.aliases {
                st.execute(params![
                    id,
                    serde_json::to_string(&a.terms).unwrap_or_default()
                ])?;
            }
            drop(st);
            // Each fact is written with its first question (which gives its explanation),
            // or at the end if it has none.
            tx.execute("UPDATE fact SET retired = 1 WHERE deck_id = ?1", [id])?;
        }

        // Source texts are files the deck names: they may change while the deck file
        // does not. A text the deck names but was not read (a stored deck parsed again)
        // keeps the stored one.
        {
            let mut st =
                tx.prepare_cached("UPDATE source SET text = ?3 WHERE deck_id = ?1 AND id = ?2")?;
            for s in &deck.file.sources {
                let sid = s.id.get_ref();
                let text = deck.source_texts.iter().find(|(i, _)| i == sid);
                match text.map(|(_, t)| t) {
                    Some(SourceText::Unread) => {}
                    Some(SourceText::Text(t)) => {
                        st.execute(params![id, sid, t])?;
                    }
                    None => {
                        st.execute(params![id, sid, None::<String>])?;
                    }
                }
            }
        }

        let mut st = tx.prepare_cached(&format!(
            "SELECT {}, id, hash, retired FROM question q WHERE deck_id = ?1",
            super::QUESTION_UID
        ))?;
        let rows = st.query_map([id], |r| {
            Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?, r.get(3)?)))
        })?;
        for row in rows {
            let (uid, v) = row?;
            d.existing.insert(uid, v);
        }
        let mut st =
            tx.prepare_cached("SELECT fact_id, id, active FROM memory WHERE deck_id = ?1")?;
        for row in st.query_map([id], |r| {
            Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?)))
        })? {
            let (fact, v) = row?;
            d.remembered.insert(fact, v);
        }
        Ok(d)
    }

    /// Writes the next few of a new deck's memory rows ahead of the deck's end, with the
    /// introduction order its file predicts; [`Import::finish_deck`] then settles the ones
    /// the questions did not bear out. For add-deck's writer to call while it waits for the
    /// next batch: at the deck's end these rows were a fifth of a large import's time, and
    /// the writer otherwise waits a tenth of it for the generating thread. Says whether
    /// any are left.
    pub fn write_ahead(&mut self, d: &mut DeckImport) -> Result<bool> {
        if !d.facts_at_end {
            return Ok(false);
        }
        let plan = &mut d.plan;
        let end = plan.len.min(plan.ahead + WRITE_AHEAD_ROWS);
        if plan.ahead == end {
            return Ok(false);
        }
        let rows: Vec<(&str, i64)> = (plan.ahead..end)
            .map(|i| {
                let p = plan.get(&d.facts, i);
                (p.fact, plan.first + p.place as i64)
            })
            .collect();
        insert_memories(&mut self.statements, d.deck.id(), &rows)?;
        plan.ahead = end;
        Ok(end < plan.len)
    }

    /// Stores the next questions of the deck, in the order they were generated.
    pub fn add_questions(&mut self, d: &mut DeckImport, questions: &[Question]) -> Result<()> {
        let forms: Vec<(String, i64)> = questions.iter().map(Question::stored_forms).collect();
        self.store(d, questions.iter().zip(&forms))
    }

    /// [`Import::add_questions`] for a batch whose stored forms were made beforehand (on
    /// another thread: add-deck generates and checks on one while this one writes).
    pub fn add_prepared(&mut self, d: &mut DeckImport, batch: &Prepared) -> Result<()> {
        self.store(d, batch.questions.iter().zip(&batch.forms))
    }

    fn store<'q, 'd>(
        &mut self,
        d: &mut DeckImport<'d>,
        questions: impl Iterator<Item = (&'q Question, &'q (String, i64))>,
    ) -> Result<()> {
        let tx = self.conn;
        let deck_id = d.deck.id();
        let rep = &mut d.rep;
        let mut update_q = tx.prepare_cached(
            "UPDATE question SET context = ?2, prompt = ?3, answer = ?4, explanation = ?5,
                    source_id = ?6, part = ?7, hash = ?8, prefix = ?9, retired = 0
             WHERE id = ?1",
        )?;
        // The batch's new rows, written below a table at a time (each table's pages stay
        // in the cache while its rows go in).
        let mut facts: Vec<(&str, &str, &str, &str)> = Vec::new();
        let mut added: Vec<(&Question, &str, &str, &str, i64, i64)> = Vec::new();
        for (q, (answer, hash)) in questions {
            let hash = *hash;
            // Its row is written under `deck_id` (foreign keys are off, see `begin_import`).
            if q.deck != deck_id {
                return Err(crate::error::Error::Other(format!(
                    "question {} came with deck {deck_id}",
                    q.uid
                )));
            }
            // A fact's questions come together: its rows are looked up once, at its first.
            if d.last_fact.as_deref() != Some(q.fact.as_str()) {
                d.last_fact = Some(q.fact.clone());
                let at = d.facts.position(q.fact.as_str());
                d.current = at;
                let first_sight = match at {
                    Some(i) if !d.facts.rows[i].seen => {
                        d.facts.see(i, &q.explanation);
                        let f = &d.facts.rows[i];
                        if d.write_facts && !d.facts_at_end {
                            facts.push((
                                &q.fact,
                                FACT_KINDS[f.kind as usize],
                                f.label,
                                &q.explanation,
                            ));
                        }
                        true
                    }
                    Some(_) => false,
                    None => d.others.insert(q.fact.clone()),
                };
                // A fact that had a question gets a memory at the deck's end, introduced in
                // the order the deck gives it (a new deck's are all planned). A new deck
                // remembers nothing: its facts are not hashed to find that out.
                if first_sight && !d.facts_at_end && !d.remembered.contains_key(q.fact.as_str()) {
                    let place = match at {
                        Some(i) => d.plan.place(d.facts.rows[i].rank),
                        None => d.plan.after_events,
                    };
                    d.fresh.push((place, q.fact.clone()));
                }
            }
            self.progress.inc(1);
            let (prefix, prompt) = super::stored_prompt(&q.prompt, &q.context);
            let explanation = match d.current {
                Some(i) if d.facts.explanation(&d.facts.rows[i]) == q.explanation => "",
                _ => q.explanation.as_str(),
            };
            // (A new deck has no questions yet: its questions' uids are not hashed.)
            let stored = if d.existing.is_empty() {
                None
            } else {
                d.existing.remove(&q.uid)
            };
            match stored {
                Some((_, h, false)) if h == hash => rep.unchanged += 1,
                Some((row, _, was_retired)) => {
                    update_q.execute(params![
                        row,
                        q.context,
                        prompt,
                        answer,
                        explanation,
                        q.source.id,
                        q.source.part,
                        hash,
                        prefix,
                    ])?;
                    if was_retired {
                        rep.restored += 1;
                    } else {
                        rep.updated += 1;
                    }
                }
                None => {
                    added.push((q, prompt, answer, explanation, hash, prefix));
                    rep.added += 1;
                }
            }
        }
        upsert_facts(
            &mut self.statements,
            deck_id,
            &facts,
            |&(fact, kind, label, explanation)| {
                [fact.into(), kind.into(), label.into(), explanation.into()]
            },
        )?;
        insert_rows(
            &mut self.statements,
            ROWS_PER_INSERT,
            RowSql {
                table: "question (deck_id, fact_id, kind, variant, context, prompt, answer,
                                  explanation, source_id, part, hash, prefix, retired)",
                row: "(?1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                tail: "",
            },
            deck_id,
            &added,
            |&(q, prompt, answer, explanation, hash, prefix)| {
                [
                    q.fact.as_str().into(),
                    q.kind.as_str().into(),
                    q.variant.as_str().into(),
                    q.context.as_str().into(),
                    prompt.into(),
                    answer.into(),
                    explanation.into(),
                    q.source.id.as_str().into(),
                    q.source.part.as_deref().into(),
                    hash.into(),
                    prefix.into(),
                ]
            },
        )?;
        Ok(())
    }

    /// Retires the deck's questions that were not generated again, writes its facts that
    /// have no question, and settles which facts are studied.
    /// `deflated_text` gives the deck file's text deflated ([`super::deflate`]), asked for
    /// and stored only when the file is new or changed ([`DeckImport::text_changed`]).
    pub fn finish_deck(
        &mut self,
        d: DeckImport,
        deflated_text: impl FnOnce() -> Result<Vec<u8>>,
    ) -> Result<()> {
        let tx = self.conn;
        let id = d.deck.id();
        let mut rep = d.rep;
        if d.write_facts {
            tx.execute(
                "UPDATE deck SET toml_deflated = ?2 WHERE id = ?1",
                params![id, deflated_text()?],
            )?;
        }
        if d.facts_at_end {
            // A new deck's memory rows (a deck's memory rows outlive it only while its row
            // does, so it has none yet) go in key order, for the same reason as its facts
            // below; their ids then follow the facts' keys, not their introduction order,
            // which is `new_order`'s. A fact has one when it had a question, and is
            // introduced where the file puts it among those that had one.
            let plan = &d.plan;
            let mut had_questions = vec![false; plan.len];
            for f in d.facts.rows.iter().filter(|f| f.seen) {
                had_questions[plan.place(f.rank)] = true;
            }
            if plan.chronology_at.is_some() {
                had_questions[plan.after_events] = d.others.contains(crate::generate::CHRONOLOGY);
            }
            // Each place's introduction order, numbered over the places that had questions.
            let orders: Vec<Option<i64>> = had_questions
                .into_iter()
                .map(|had| {
                    had.then(|| {
                        self.next_order += 1;
                        self.next_order - 1
                    })
                })
                .collect();
            let actual = |p: &PlannedMemory| orders[p.place];
            // Those written ahead: the few the questions did not bear out are mended.
            let mut forget =
                tx.prepare_cached("DELETE FROM memory WHERE deck_id = ?1 AND fact_id = ?2")?;
            let mut reorder = tx.prepare_cached(
                "UPDATE memory SET new_order = ?3 WHERE deck_id = ?1 AND fact_id = ?2",
            )?;
            for p in (0..plan.ahead).map(|i| plan.get(&d.facts, i)) {
                match actual(&p) {
                    None => forget.execute(params![id, p.fact])?,
                    Some(o) if o != plan.first + p.place as i64 => {
                        reorder.execute(params![id, p.fact, o])?
                    }
                    Some(_) => 0,
                };
            }
            // The rest now.
            let mut memories: Vec<(&str, i64)> = (plan.ahead..plan.len)
                .map(|i| plan.get(&d.facts, i))
                .filter_map(|p| actual(&p).map(|o| (p.fact, o)))
                .collect();
            // A deck-wide set the plan does not know of comes after the deck's facts.
            let mut others: Vec<&str> = d
                .others
                .iter()
                .map(String::as_str)
                .filter(|set| plan.chronology_at.is_none() || *set != crate::generate::CHRONOLOGY)
                .collect();
            others.sort_unstable();
            for set in others {
                let at = memories.partition_point(|(k, _)| *k < set);
                memories.insert(at, (set, self.next_order));
                self.next_order += 1;
            }
            insert_memories(&mut self.statements, id, &memories)?;
            // A new deck has no fact rows yet: every fact goes in now, in key order and
            // several to a statement, where rows written as each fact had its first question
            // went to random places in the table's tree (a fifth of a large import's work).
            // A fact that had no question keeps no explanation.
            let facts = &d.facts;
            insert_rows(
                &mut self.statements,
                ROWS_PER_INSERT,
                RowSql {
                    table: FACT_COLUMNS,
                    row: FACT_VALUES,
                    tail: "",
                },
                id,
                &facts.rows,
                |f| {
                    [
                        f.id.into(),
                        FACT_KINDS[f.kind as usize].into(),
                        f.label.into(),
                        f.seen.then(|| facts.explanation(f)).into(),
                    ]
                },
            )?;
        } else if d.write_facts {
            // The facts that had no question keep no explanation.
            let unseen: Vec<&FactRow> = d.facts.rows.iter().filter(|f| !f.seen).collect();
            upsert_facts(&mut self.statements, id, &unseen, |f| {
                [
                    f.id.into(),
                    FACT_KINDS[f.kind as usize].into(),
                    f.label.into(),
                    None::<&str>.into(),
                ]
            })?;
        }
        if !d.fresh.is_empty() {
            // Facts new to a deck that was already there: introduced after everything the
            // database had, in the file's order among themselves.
            let mut fresh = d.fresh;
            fresh.sort_unstable();
            let mut memories: Vec<(&str, i64)> = fresh
                .iter()
                .map(|(_, fact)| {
                    self.next_order += 1;
                    (fact.as_str(), self.next_order - 1)
                })
                .collect();
            memories.sort_unstable();
            insert_memories(&mut self.statements, id, &memories)?;
        }
        let mut retire = tx.prepare_cached("UPDATE question SET retired = 1 WHERE id = ?1")?;
        for (_, (row, _, was_retired)) in d.existing {
            if !was_retired {
                retire.execute([row])?;
                rep.retired += 1;
            }
        }
        // A fact is studied while any of its questions is current; its memory stays
        // (and comes back with the fact) when all are retired. The deck's current questions
        // are now exactly those just added, so only the earlier memory rows that change are
        // written (asking SQLite whether each fact has a current question cost a tenth of a
        // 100k import).
        let changed: Vec<(i64, bool)> = d
            .remembered
            .iter()
            .filter_map(|(fact, &(row, active))| {
                let want = match d.facts.get(fact.as_str()) {
                    Some(f) => f.seen,
                    None => d.others.contains(fact.as_str()),
                };
                (active != want).then_some((row, want))
            })
            .collect();
        let mut set_active = tx.prepare_cached("UPDATE memory SET active = ?2 WHERE id = ?1")?;
        for (row, active) in changed {
            set_active.execute(params![row, active])?;
        }
        self.reports.push(rep);
        Ok(())
    }

    /// Stores everything, and says what was done per deck.
    pub fn commit(mut self) -> Result<Vec<ImportReport>> {
        self.conn.execute_batch("COMMIT")?;
        self.open = false;
        Ok(std::mem::take(&mut self.reports))
    }
}

impl Drop for Import<'_, '_> {
    fn drop(&mut self) {
        // Finalized before the journal mode changes back.
        self.statements.prepared.clear();
        if self.open {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        // Off for the import (see `Db::begin_import`), on everywhere else (`Db::setup`).
        let _ = self.conn.pragma_update(None, "foreign_keys", true);
        // Should this fail (another process opened the file in the meantime and holds it),
        // the file stays in rollback mode until the next open switches it back (`Db::wal`).
        if self.rollback_journal {
            let _ = self
                .conn
                .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0));
        }
    }
}

/// The kinds of fact, as the `fact` table names them.
const FACT_KINDS: [&str; 8] = [
    "list", "event", "number", "term", "document", "person", "qa", "cloze",
];

/// A deck's facts sorted by id, looked up by binary search: a large deck's map of facts was
/// a sizeable part of an import's peak memory (40 bytes a fact here, against 74 in a hash
/// map at its load factor), and a lookup happens once per fact, not per question.
struct FactTable<'d> {
    rows: Vec<FactRow<'d>>,
    /// The explanations of the facts seen, one after another (see [`FactRow::explanation`]).
    explanations: String,
}

#[derive(Clone, Copy)]
struct FactRow<'d> {
    id: &'d str,
    /// What the fact is about, for reports.
    label: &'d str,
    /// An index into [`FACT_KINDS`].
    kind: u8,
    /// Where the fact comes in the deck's facts kind by kind, each kind in the file's
    /// order (see [`Plan`]).
    rank: u32,
    /// The fact has had a question in this import.
    seen: bool,
    /// Where its first question's explanation lies in [`FactTable::explanations`].
    explanation: (usize, usize),
}

impl<'d> FactTable<'d> {
    fn new(deck: &'d Deck) -> FactTable<'d> {
        let f = &deck.file;
        let mut rows = Vec::with_capacity(f.fact_count());
        macro_rules! each {
            ($field:ident, $kind:literal, |$x:ident| $label:expr) => {
                let kind = FACT_KINDS.iter().position(|k| *k == $kind).unwrap_or(0) as u8;
                rows.extend(f.$field.iter().map(|$x| FactRow {
                    id: $x.id.get_ref().as_str(),
                    label: $label,
                    kind,
                    rank: 0,
                    seen: false,
                    explanation: (0, 0),
                }));
            };
        }
        each!(lists, "list", |x| x.heading.as_str());
        each!(events, "event", |x| x.what.as_str());
        each!(numbers, "number", |x| x.counts.as_str());
        each!(terms, "term", |x| x.term.as_str());
        each!(documents, "document", |x| x.title.as_str());
        each!(people, "person", |x| x.name.as_str());
        each!(qas, "qa", |x| x.question.as_str());
        each!(clozes, "cloze", |x| x.text.get_ref().as_str());
        for (rank, row) in rows.iter_mut().enumerate() {
            row.rank = u32::try_from(rank).unwrap_or(u32::MAX);
        }
        // (Ids are unique across a deck's facts: validation refuses a deck that repeats one.)
        FactTable {
            rows: crate::deck::sorted_by_id(rows, |r| r.id),
            explanations: String::new(),
        }
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.rows.binary_search_by(|r| r.id.cmp(id)).ok()
    }

    /// Marks the fact at `i` seen, keeping its first question's explanation.
    fn see(&mut self, i: usize, explanation: &str) {
        let start = self.explanations.len();
        self.explanations.push_str(explanation);
        let row = &mut self.rows[i];
        row.seen = true;
        row.explanation = (start, explanation.len());
    }

    fn explanation(&self, row: &FactRow) -> &str {
        let (start, len) = row.explanation;
        &self.explanations[start..start + len]
    }

    fn get(&self, id: &str) -> Option<&FactRow<'d>> {
        let i = self.rows.binary_search_by(|r| r.id.cmp(id)).ok()?;
        Some(&self.rows[i])
    }
}

/// Inserts `rows` of deck `deck_id` as `sql` says, each row's values given by `params` in the
/// order of the `?`s of [`RowSql::row`]. Rows go in [`ROWS_PER_INSERT`] to a statement: each
/// statement costs its setup and its cursors' descent from the root of every tree, once.
///
/// The statements are `INSERT OR ROLLBACK`: a statement of several rows that could fail
/// halfway would need a statement journal to undo itself, where any failure here ends the
/// whole import anyway. (Foreign keys are off during an import, see [`Db::begin_import`].)
fn insert_rows<'r, R, const N: usize>(
    statements: &mut Statements,
    per_statement: usize,
    sql: RowSql,
    deck_id: &'r str,
    rows: &'r [R],
    params: impl Fn(&'r R) -> [Param<'r>; N],
) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let RowSql { table, row, tail } = sql;
    let sql = |n: usize| {
        let values = vec![row; n].join(", ");
        format!("INSERT OR ROLLBACK INTO {table} VALUES {values} {tail}")
    };
    let mut chunks = rows.chunks_exact(per_statement);
    let mut values: Vec<Param> = Vec::with_capacity(1 + N * per_statement);
    // The strings are bound where they lie instead of copied (see `raw_insert`).
    if per_statement > 1 && chunks.len() > 0 {
        let many = statements.get(sql(per_statement))?;
        for chunk in &mut chunks {
            values.clear();
            values.push(deck_id.into());
            values.extend(chunk.iter().flat_map(&params));
            many.run(&values)?;
        }
    }
    let rest = if per_statement > 1 {
        chunks.remainder()
    } else {
        rows
    };
    if !rest.is_empty() {
        let one = statements.get(sql(1))?;
        for r in rest {
            values.clear();
            values.push(deck_id.into());
            values.extend(params(r));
            one.run(&values)?;
        }
    }
    Ok(())
}

/// The SQL of an [`insert_rows`].
struct RowSql<'s> {
    /// The table's name and the columns written.
    table: &'s str,
    /// One row's values: `?1` for the deck (bound once a statement), then `?` for each
    /// parameter of the row.
    row: &'s str,
    /// After the rows: an upsert clause, or nothing.
    tail: &'s str,
}

/// The order a deck's facts are introduced in, which is the file's: kind by kind, each kind
/// in the file's order, the chronology set right after the events (the order the generator
/// took them in until it took each kind in key order). Every fact and set has a
/// [`Plan::place`] in it; among those that have questions, the place decides.
///
/// For a new deck it is also the deck's memory rows, in key order, each with the
/// introduction order it gets when every fact has a question (a fact with none costs the
/// rows after it a mend in [`Import::finish_deck`]). The rows are its facts'
/// ([`FactTable::rows`], in key order) with the chronology set's among them: worked out one
/// at a time rather than held (72,000 facts would hold 3 MB).
struct Plan {
    /// The introduction order of the deck's first fact, when every fact has a question.
    first: i64,
    /// The rank ([`FactRow::rank`]) of the first fact after the events, which is also the
    /// chronology set's place.
    after_events: usize,
    /// Where the chronology set's row comes among the facts', when the deck has one.
    chronology_at: Option<usize>,
    /// How many rows there are, and how many are written.
    len: usize,
    ahead: usize,
}

impl Plan {
    /// `deck`'s rows; `first` is the introduction order of its first fact.
    fn new(deck: &Deck, facts: &FactTable, first: i64) -> Plan {
        let file = &deck.file;
        // (No fact has the set's id: validation reserves ids that begin with `_`.)
        let chronology = crate::generate::has_chronology(deck);
        let chronology_at = chronology.then(|| {
            facts
                .rows
                .partition_point(|f| f.id < crate::generate::CHRONOLOGY)
        });
        Plan {
            first,
            after_events: file.lists.len() + file.events.len(),
            chronology_at,
            len: facts.rows.len() + usize::from(chronology),
            ahead: 0,
        }
    }

    /// Where the fact of [`FactRow::rank`] `rank` comes in the introduction order, counting
    /// every fact and the chronology set (below [`Plan::len`]).
    fn place(&self, rank: u32) -> usize {
        let rank = rank as usize;
        rank + usize::from(self.chronology_at.is_some() && rank >= self.after_events)
    }

    /// The row at `i` (below [`Plan::len`]).
    fn get<'d>(&self, facts: &FactTable<'d>, i: usize) -> PlannedMemory<'d> {
        let row = match self.chronology_at {
            Some(at) if i == at => {
                return PlannedMemory {
                    fact: crate::generate::CHRONOLOGY,
                    place: self.after_events,
                };
            }
            Some(at) if i > at => i - 1,
            _ => i,
        };
        let f = &facts.rows[row];
        PlannedMemory {
            fact: f.id,
            place: self.place(f.rank),
        }
    }
}

/// Memory rows [`Import::write_ahead`] writes at a time: a batch that comes meanwhile waits
/// for them (about half a millisecond).
const WRITE_AHEAD_ROWS: usize = 512;

/// Rows per INSERT statement of an import (see [`insert_rows`]).
const ROWS_PER_INSERT: usize = 32;

const FACT_COLUMNS: &str = "fact (deck_id, id, kind, label, explanation, retired)";
const FACT_VALUES: &str = "(?1, ?, ?, ?, ?, 0)";

/// New memory rows of deck `deck_id`: (fact, introduction order).
fn insert_memories(statements: &mut Statements, deck_id: &str, rows: &[(&str, i64)]) -> Result<()> {
    insert_rows(
        statements,
        ROWS_PER_INSERT,
        RowSql {
            table: "memory (deck_id, fact_id, new_order)",
            row: "(?1, ?, ?)",
            tail: "ON CONFLICT (deck_id, fact_id) DO NOTHING",
        },
        deck_id,
        rows,
        |&(fact, order)| [fact.into(), order.into()],
    )
}

/// Fact rows of deck `deck_id` already stored, written over the ones it has (`params` gives
/// the fact, kind, label and explanation). One row a statement: on a re-import every fact
/// is already there, and an upsert of several rows that updates needs a statement journal
/// (60 MB of temporary writes for a 100,000-question deck, against 10 MB).
fn upsert_facts<'r, R>(
    statements: &mut Statements,
    deck_id: &'r str,
    rows: &'r [R],
    params: impl Fn(&'r R) -> [Param<'r>; 4],
) -> Result<()> {
    insert_rows(
        statements,
        1,
        RowSql {
            table: FACT_COLUMNS,
            row: FACT_VALUES,
            tail: "ON CONFLICT (deck_id, id) DO UPDATE SET kind = excluded.kind,
                   label = excluded.label, explanation = excluded.explanation, retired = 0",
        },
        deck_id,
        rows,
        params,
    )
}

/// Prepared INSERTs, found by their SQL: preparing a statement of 32 rows costs about as
/// much as running it, and an import runs each for every batch of questions (rusqlite's
/// cache of statements hands out borrowed ones that bind text by copying it).
struct Statements<'c> {
    conn: &'c rusqlite::Connection,
    prepared: Vec<(String, RawInsert<'c>)>,
}

impl<'c> Statements<'c> {
    fn get(&mut self, sql: String) -> Result<&mut RawInsert<'c>> {
        let i = match self.prepared.iter().position(|(s, _)| *s == sql) {
            Some(i) => i,
            None => {
                let st = RawInsert::new(self.conn, &sql)?;
                self.prepared.push((sql, st));
                self.prepared.len() - 1
            }
        };
        Ok(&mut self.prepared[i].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mini() -> Deck {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/mini.toml"
        ))
        .unwrap();
        crate::deck::parse("mini.toml", &text).unwrap()
    }

    fn questions(deck: &Deck) -> Vec<Question> {
        let (pool, _) = crate::generate::Pool::for_deck(deck, [deck]);
        crate::generate::generate(deck, &pool)
    }

    fn count(db: &Db, table: &str) -> i64 {
        db.conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    /// When a new deck's memory rows are written: none ahead, all of them before its first
    /// question, or some after the first half.
    #[derive(Clone, Copy, Debug)]
    enum Ahead {
        None,
        All,
        Midway,
    }

    /// The memory rows of a database as "id fact introduction-order queue active".
    fn memory_rows(conn: &rusqlite::Connection) -> Vec<String> {
        let mut st = conn
            .prepare("SELECT id, fact_id, new_order, queue, active FROM memory ORDER BY new_order")
            .unwrap();
        st.query_map([], |r| {
            Ok(format!(
                "{} {} {} {} {}",
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?
            ))
        })
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap()
    }

    /// `deck` imported into a new database with `qs` as its questions, its memory rows
    /// written ahead as `ahead` says: the memory rows in the end ([`memory_rows`]), those
    /// there before the first question was stored, and how many were written ahead.
    fn memories_of(
        deck: &Deck,
        qs: &[Question],
        ahead: Ahead,
    ) -> (Vec<String>, Vec<String>, usize) {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(&dir.path().join("q.db")).unwrap();
        let mut progress = crate::progress::Progress::hidden();
        let mut import = db
            .begin_import(1_800_000_000, &mut progress, &[deck.id()])
            .unwrap();
        let mut d = import.start_deck(deck).unwrap();
        let (first, second) = qs.split_at(qs.len() / 2);
        let work = |import: &mut Import, d: &mut DeckImport| {
            let mut calls = 0;
            while import.write_ahead(d).unwrap() {
                calls += 1;
                assert!(calls < 1_000, "write_ahead never says it is done");
            }
        };
        if let Ahead::All = ahead {
            work(&mut import, &mut d);
        }
        let before = memory_rows(import.conn);
        import.add_questions(&mut d, first).unwrap();
        if let Ahead::Midway = ahead {
            work(&mut import, &mut d);
        }
        import.add_questions(&mut d, second).unwrap();
        let written = d.plan.ahead;
        import
            .finish_deck(d, || Ok(super::super::deflate(&deck.text)))
            .unwrap();
        import.commit().unwrap();
        (memory_rows(&db.conn), before, written)
    }

    /// A new deck's memory rows written ahead of its end, with the introduction order its
    /// file predicts, end as those written at its end: the same rows when the questions
    /// come as predicted; when they do not (a fact with no question, a fact's questions
    /// first, the chronology set last) the same facts with the same introduction orders
    /// (a row made and then dropped leaves a gap in the ids).
    #[test]
    fn memory_rows_written_ahead_end_as_those_written_at_the_end() {
        let deck = mini();
        assert!(
            crate::generate::has_chronology(&deck),
            "the test needs the chronology set"
        );
        let as_made = questions(&deck);
        let facts: Vec<String> = as_made.iter().map(|q| q.fact.clone()).collect();
        let (dropped, moved) = (facts[0].clone(), facts[facts.len() / 2].clone());
        assert_ne!(dropped, moved);
        let (mut front, mut rest): (Vec<Question>, Vec<Question>) = as_made
            .iter()
            .filter(|q| q.fact != dropped)
            .cloned()
            .partition(|q| q.fact == moved);
        let (mut chronology, others): (Vec<Question>, Vec<Question>) = rest
            .drain(..)
            .partition(|q| q.fact == crate::generate::CHRONOLOGY);
        assert!(!chronology.is_empty());
        front.extend(others);
        front.append(&mut chronology);
        let reordered = front;

        let at_end = memories_of(&deck, &as_made, Ahead::None);
        assert_eq!(at_end.2, 0);
        for ahead in [Ahead::All, Ahead::Midway] {
            let written = memories_of(&deck, &as_made, ahead);
            assert!(written.2 > 0, "{ahead:?}: nothing was written ahead");
            assert_eq!(written.0, at_end.0, "{ahead:?}");
        }
        // The prediction itself (the chronology set after the events included): the rows
        // written ahead needed no mending.
        assert_eq!(memories_of(&deck, &as_made, Ahead::All).1, at_end.0);

        let without_id = |rows: &[String]| -> Vec<String> {
            rows.iter()
                .map(|r| r.split_once(' ').unwrap().1.to_owned())
                .collect()
        };
        let at_end = memories_of(&deck, &reordered, Ahead::None);
        assert!(!at_end.0.iter().any(|r| r.contains(&format!(" {dropped} "))));
        for ahead in [Ahead::All, Ahead::Midway] {
            let written = memories_of(&deck, &reordered, ahead);
            assert!(written.2 > 0, "{ahead:?}: nothing was written ahead");
            assert_eq!(without_id(&written.0), without_id(&at_end.0), "{ahead:?}");
        }
    }

    /// The mini deck's facts in the file's order, kind by kind, the chronology set after the
    /// events: the order students meet them in and listings give.
    fn file_order(deck: &Deck) -> Vec<String> {
        let f = &deck.file;
        let ids = |v: Vec<&toml::Spanned<String>>| -> Vec<String> {
            v.into_iter().map(|i| i.get_ref().clone()).collect()
        };
        let mut want = ids(f.lists.iter().map(|x| &x.id).collect());
        want.extend(ids(f.events.iter().map(|x| &x.id).collect()));
        want.push(crate::generate::CHRONOLOGY.to_owned());
        want.extend(ids(f.numbers.iter().map(|x| &x.id).collect()));
        want.extend(ids(f.terms.iter().map(|x| &x.id).collect()));
        want.extend(ids(f.documents.iter().map(|x| &x.id).collect()));
        want.extend(ids(f.people.iter().map(|x| &x.id).collect()));
        want.extend(ids(f.qas.iter().map(|x| &x.id).collect()));
        want.extend(ids(f.clozes.iter().map(|x| &x.id).collect()));
        want
    }

    /// Each fact once, in the order of its first appearance.
    fn facts_in_order<'a>(facts: impl Iterator<Item = &'a str>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for f in facts {
            if out.last().map(String::as_str) != Some(f) {
                assert!(
                    !out.iter().any(|o| o == f),
                    "{f}'s questions are not together"
                );
                out.push(f.to_owned());
            }
        }
        out
    }

    fn strings(conn: &rusqlite::Connection, sql: &str) -> Vec<String> {
        let mut st = conn.prepare(sql).unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    /// A new deck's questions are stored kind by kind in the order of their key (that is
    /// what makes a large import cheap), while everything a student or an instructor sees
    /// keeps the file's order: facts are introduced, listed, exported and reported in it.
    #[test]
    fn questions_are_stored_in_key_order_and_shown_in_the_files_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(&dir.path().join("q.db")).unwrap();
        let deck = mini();
        let want = file_order(&deck);
        let lists: Vec<&String> = want.iter().take(deck.file.lists.len()).collect();
        assert!(
            lists.windows(2).any(|w| w[0] > w[1]),
            "the test needs facts whose file order is not their key order"
        );
        crate::cmd::add_deck::add(&mut db, vec![deck.clone()], 1_800_000_000).unwrap();

        let introduced = strings(&db.conn, "SELECT fact_id FROM memory ORDER BY new_order");
        assert_eq!(introduced, want);
        let listed = db.questions("mini", None).unwrap();
        assert_eq!(facts_in_order(listed.iter().map(|q| q.fact.as_str())), want);
        let exported = db.export_questions("mini").unwrap();
        assert_eq!(
            facts_in_order(exported.iter().map(|(q, _)| q.fact.as_str())),
            want
        );
        let labels = db.fact_labels("mini").unwrap();
        let labelled: Vec<String> = labels.into_iter().map(|(id, _, _)| id).collect();
        let without_set: Vec<String> = want
            .iter()
            .filter(|f| *f != crate::generate::CHRONOLOGY)
            .cloned()
            .collect();
        assert_eq!(labelled, without_set);
        // Within a fact, the questions as generated.
        let generated = questions(&deck);
        let by_fact = |qs: &[Question], fact: &str| -> Vec<String> {
            qs.iter()
                .filter(|q| q.fact == fact)
                .map(|q| q.uid.clone())
                .collect()
        };
        for fact in &want {
            assert_eq!(by_fact(&listed, fact), by_fact(&generated, fact), "{fact}");
        }

        // Stored: in row order, each kind's facts ascend by id (a fact's questions, together,
        // come in generation order: a few keys out of order within one page).
        let mut st = db
            .conn
            .prepare(
                "SELECT COALESCE(f.kind, 'set'), q.fact_id, q.kind, q.variant FROM question q
                 LEFT JOIN fact f ON f.deck_id = q.deck_id AND f.id = q.fact_id ORDER BY q.id",
            )
            .unwrap();
        let rows: Vec<(String, String, String, String)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let mut kinds_seen = 0;
        for w in rows.windows(2) {
            let ((k0, f0, q0, v0), (k1, f1, q1, v1)) = (&w[0], &w[1]);
            if k0 != k1 {
                kinds_seen += 1;
                continue;
            }
            assert!(f0 <= f1, "{f0}/{q0}/{v0} before {f1}/{q1}/{v1}");
        }
        assert_eq!(
            kinds_seen, 8,
            "eight kinds and the chronology set, stored one after another"
        );
    }

    /// Facts added to a deck already there are introduced after everything the database
    /// had, in the file's order among themselves, whatever their ids.
    #[test]
    fn facts_added_to_a_deck_come_in_the_files_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(&dir.path().join("q.db")).unwrap();
        let deck = mini();
        crate::cmd::add_deck::add(&mut db, vec![deck.clone()], 1_800_000_000).unwrap();
        let before = strings(&db.conn, "SELECT fact_id FROM memory ORDER BY new_order");
        // Two terms in the middle of the file, the second before the first in key order.
        let text = deck.text.replacen(
            "[[term]]\nid = \"changan\"",
            "[[term]]\nid = \"zz-silk\"\nsource = \"s1\"\nterm = \"丝路\"\ndenotes = \"古代商路\"\n\n\
             [[term]]\nid = \"aa-port\"\nsource = \"s1\"\nterm = \"陆港\"\ndenotes = \"内陆口岸\"\n\n\
             [[term]]\nid = \"changan\"",
            1,
        );
        assert_ne!(text, deck.text);
        let edited = crate::deck::parse("mini.toml", &text).unwrap();
        crate::cmd::add_deck::add(&mut db, vec![edited], 1_800_086_400).unwrap();
        let mut after = strings(&db.conn, "SELECT fact_id FROM memory ORDER BY new_order");
        let added = after.split_off(before.len());
        assert_eq!(after, before);
        assert_eq!(added, ["zz-silk", "aa-port"]);
    }

    /// A question stored twice breaks the question table's unique key halfway through the
    /// inserts (which run `INSERT OR ROLLBACK`, several rows a statement): the import fails,
    /// nothing of it stays, the file is back in WAL mode, and the next import works.
    #[test]
    fn an_import_that_fails_halfway_stores_nothing_and_the_next_one_works() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(&dir.path().join("q.db")).unwrap();
        let deck = mini();
        let mut qs = questions(&deck);
        assert!(
            qs.len() > 40,
            "enough questions for a statement of several rows"
        );
        // Beside its first, far from the end: inside a statement of several rows.
        let at = qs.len() / 2;
        let twice = qs[at].clone();
        qs.insert(at + 1, twice);
        assert!(db.import(&[(&deck, qs)], 1_800_000_000).is_err());
        for table in ["deck", "fact", "memory", "question", "source"] {
            assert_eq!(count(&db, table), 0, "{table}");
        }
        let mode: String = db
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let qs = questions(&deck);
        let n = qs.len() as u64;
        let reports = db.import(&[(&deck, qs)], 1_800_000_000).unwrap();
        assert_eq!(reports[0].added, n);
        assert_eq!(count(&db, "question"), n as i64);
    }
}
