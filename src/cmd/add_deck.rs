//! `quiz add-deck`: validate deck files (or built-in decks), generate their questions and
//! store them in one transaction.

use std::io::Write;
use std::path::Path;
use std::sync::mpsc::TryRecvError;

use crate::db::{Db, ImportReport, Prepared, WriteBack};
use crate::deck::{self, Deck, builtin};
use crate::error::{Error, Result};
use crate::generate::{self, Pool};
use crate::t;

use super::Ctx;

/// Import deck files, folders of them, built-in decks by name, or Anki packages (.apkg).
///
/// An Anki package's Basic, Basic-and-reversed and Cloze notes become qa and cloze facts;
/// media, scheduling and other note types are left out, and the output says so.
///
/// Re-adding a deck updates it: questions whose facts are unchanged keep their progress,
/// edited facts keep their progress too, and removed facts have their questions retired
/// (their history is kept). A deck's distractors come from itself and the decks it names
/// in `related` (looked up among the decks added, the database and the built-in decks).
/// What `quiz check` would find is printed as warnings.
#[derive(Debug, clap::Args)]
pub struct AddDeckArgs {
    /// Deck files (.toml), folders holding them, Anki packages (.apkg), or names of
    /// built-in decks.
    #[arg(value_name = "PATH|DIR|NAME")]
    pub decks: Vec<String>,

    /// Add every built-in deck.
    #[arg(long)]
    pub builtin: bool,

    /// Anki package: add it as the deck with this id (when its own id is taken by another
    /// deck).
    #[arg(long = "as", value_name = "NEW_ID")]
    pub as_id: Option<String>,

    /// Anki package: replace the deck that has its id even if that deck came from elsewhere
    /// (its questions that the package lacks are retired, their history kept).
    #[arg(long)]
    pub replace: bool,
}

pub fn run(ctx: &Ctx, args: &AddDeckArgs, out: &mut dyn Write) -> Result<()> {
    if args.decks.is_empty() && !args.builtin {
        return Err(Error::Usage(t!(
            "add_deck.nothing_named",
            builtin = builtin::names().collect::<Vec<_>>().join(", ")
        )));
    }
    let packages = args
        .decks
        .iter()
        .filter(|n| crate::import::apkg::is_apkg(Path::new(n)))
        .count();
    if (args.as_id.is_some() || args.replace) && (packages != 1 || args.decks.len() != 1) {
        return Err(Error::Usage(t!("add_deck.as_one_package")));
    }
    // Everything is parsed and validated before the database is opened: a bad deck
    // changes nothing, not even the database file's existence.
    let mut decks = Vec::new();
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    for name in &args.decks {
        match read(name, args.as_id.as_deref(), &mut notes) {
            Ok(mut d) => decks.append(&mut d),
            Err(Error::Deck(mut p)) => problems.append(&mut p),
            Err(e) => return Err(e),
        }
    }
    if args.builtin {
        decks.extend(builtin_decks()?);
    }
    if !problems.is_empty() {
        return Err(Error::Deck(problems));
    }
    for n in &notes {
        writeln!(out, "{}", crate::term::clean(n)).map_err(|e| Error::io("stdout", e))?;
    }
    let mut db = ctx.open_db()?;
    for d in &decks {
        crate::import::apkg::check_target(&db, d, args.replace)?;
    }
    let (reports, warnings) = add_checked(&mut db, decks, ctx.now, true)?;
    // A deck's own text is quoted in its warnings: cleaned of control characters before it
    // reaches a terminal. Written through one buffer: a large synthetic deck drew 1,700
    // warnings, two system calls each.
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    for w in &warnings {
        let line = t!("common.warning", text = w);
        let _ = writeln!(err, "{}", crate::term::clean_line(&line));
    }
    drop(err);
    for r in &reports {
        writeln!(out, "{}", crate::term::clean(&describe(r)))
            .map_err(|e| Error::io("stdout", e))?;
    }
    Ok(())
}

/// Every built-in deck, parsed.
pub fn builtin_decks() -> Result<Vec<Deck>> {
    builtin::BUILTIN
        .iter()
        .map(|(name, text)| deck::parse(&format!("builtin:{name}"), text))
        .collect()
}

/// The decks named in `related` by `decks` that are not among them: looked up in the
/// database, then among the built-in decks (only those named are read and parsed).
fn related_decks(db: &Db, decks: &[Deck]) -> Result<Vec<Deck>> {
    let mut wanted: Vec<&str> = decks
        .iter()
        .flat_map(|d| d.file.deck.related.iter().map(|r| r.get_ref().as_str()))
        .filter(|r| !decks.iter().any(|d| d.id() == *r))
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut found: Vec<Deck> = Vec::new();
    if wanted.is_empty() {
        return Ok(found);
    }
    for (id, origin, text) in db.deck_texts()? {
        if !wanted.contains(&id.as_str()) {
            continue;
        }
        // A stored deck validated when it was added; if this version reads it differently,
        // it just contributes no distractors.
        if let Ok(d) = deck::parse(&origin, &text) {
            found.push(d);
        }
    }
    for (name, text) in builtin::BUILTIN {
        if wanted.contains(name) && !found.iter().any(|d| d.id() == *name) {
            let d = deck::parse(&format!("builtin:{name}"), text)?;
            if d.id() == *name {
                found.push(d);
            }
        }
    }
    Ok(found)
}

/// Generates and stores `decks`; a deck's distractors come from itself and the decks it
/// names in `related`, so its questions do not depend on what else is in the database.
/// Two decks with one id in one call are an error.
pub fn add(db: &mut Db, decks: Vec<Deck>, now: i64) -> Result<Vec<ImportReport>> {
    Ok(add_checked(db, decks, now, false)?.0)
}

/// [`add`], and with `check` what `quiz check` finds in the questions stored, as lines
/// (each deck's questions are generated once, for both).
pub fn add_checked(
    db: &mut Db,
    mut decks: Vec<Deck>,
    now: i64,
    check: bool,
) -> Result<(Vec<ImportReport>, Vec<String>)> {
    decks.sort_by(|a, b| a.id().cmp(b.id()));
    for w in decks.windows(2) {
        if w[0].id() == w[1].id() {
            if w[0].text == w[1].text {
                continue;
            }
            return Err(Error::Usage(t!(
                "add_deck.id_twice",
                id = w[0].id(),
                first = w[0].origin,
                second = w[1].origin
            )));
        }
    }
    decks.dedup_by(|a, b| a.id() == b.id());
    // Started before generating, so that a bar appears once the whole job has run a second.
    let mut progress = crate::progress::Progress::new(0, "questions stored");
    let related = related_decks(db, &decks)?;
    let pools: Vec<(Pool, Vec<String>)> = decks
        .iter()
        .map(|d| Pool::for_deck(d, decks.iter().chain(related.iter())))
        .collect();
    let mut warnings = Vec::new();
    let ids: Vec<&str> = decks.iter().map(Deck::id).collect();
    let write_back = WriteBack::new(db);
    let mut import = db.begin_import(now, &mut progress, &ids)?;
    for (d, (pool, missing)) in decks.iter_mut().zip(pools) {
        // The file's text is needed only to store it and for the checker's line numbers:
        // it is freed once both are done (7 MiB of a 100,000-question import's peak).
        let text = std::mem::take(&mut d.text);
        let d = &*d;
        let mut stored = None;
        let (findings, deflated) = pipeline(
            d,
            &pool,
            &missing,
            check,
            text,
            &write_back,
            |stage| match stage {
                Stage::Start(text) => {
                    let s = import.start_deck_text(d, text)?;
                    let changed = s.text_changed();
                    stored = Some(s);
                    Ok(changed)
                }
                Stage::Batch(batch) => match &mut stored {
                    Some(s) => import.add_prepared(s, batch).map(|()| false),
                    None => Err(Error::Other("a batch came before its deck".into())),
                },
                Stage::Idle => match &mut stored {
                    Some(s) => import.write_ahead(s),
                    None => Ok(false),
                },
            },
        )?;
        let stored = stored.ok_or_else(|| Error::Other("a deck was never started".into()))?;
        // The pipeline deflated the text when the writer said it changed, which is when
        // finish_deck asks for it.
        import.finish_deck(stored, || {
            deflated.ok_or_else(|| Error::Other("a changed deck's text was not deflated".into()))
        })?;
        warnings.extend(findings.iter().map(ToString::to_string));
    }
    let reports = import.commit()?;
    progress.finish();
    free_meanwhile(decks);
    Ok((reports, warnings))
}

/// Frees `decks` on a thread of its own. A large deck is hundreds of thousands of small
/// allocations: freeing the 100,000-question bench deck took 10–13 ms after its import had
/// committed (30–45 ms when the machine was busy), time in which the command can already
/// report and end (when the process ends first, the system takes the memory back at once).
fn free_meanwhile(decks: Vec<Deck>) {
    let facts: usize = decks.iter().map(|d| d.file.fact_count()).sum();
    if facts < FREE_MEANWHILE_FROM {
        return;
    }
    // A thread that cannot start leaves the freeing here.
    let _ = std::thread::Builder::new()
        .name("free-decks".into())
        .spawn(move || drop(decks));
}

/// Facts from which [`free_meanwhile`] hands the freeing to a thread: below it a thread
/// costs more than it saves.
const FREE_MEANWHILE_FROM: usize = 5_000;

/// Every how many batches the generating thread has the system start writing the pages
/// stored so far to disk ([`WriteBack`]): about 2,300 questions.
const WRITE_BACK_EVERY: usize = 8;

/// How many generated batches may wait for the writer: enough to keep both threads busy,
/// few enough that a large deck's questions are never all held at once.
const BATCHES_IN_FLIGHT: usize = 4;

/// What the writing side of [`pipeline`] is handed: the deck file's text first, then the
/// batches of questions in order. It answers the first with whether the text is to be
/// stored (the file is new or changed), the batches with `false`.
enum Stage<'a> {
    Start(&'a str),
    Batch(&'a Prepared),
    /// No batch is ready: the writer may do work of its own meanwhile (it answers whether
    /// any is left).
    Idle,
}

/// Generates `deck`'s questions, checks them (with `check`) and hands each batch to `store`,
/// in order. SQLite's writing is the largest part of an import and can only happen on the
/// connection's thread, so generating, checking and preparing the stored forms run on a
/// second thread meanwhile: on two cores that takes about a third off a large import's
/// time. The questions, the findings and the order of the writes are those of doing it all
/// on one thread. `text` is the deck file's text (the deck's own may have been taken), for
/// the findings' line numbers. Returns what `quiz check` finds (nothing without `check`), and
/// the text deflated for the deck's row when the writer asked for it (made on a third thread
/// meanwhile).
fn pipeline(
    deck: &Deck,
    pool: &Pool,
    missing: &[String],
    check: bool,
    text: String,
    write_back: &WriteBack,
    mut store: impl FnMut(Stage) -> Result<bool>,
) -> Result<(Vec<generate::check::Finding>, Option<Vec<u8>>)> {
    // The writer stores the deck's own rows while the first batch is made: done before
    // generating began, that was 4% of a large import's time. The file's text is deflated
    // for its row on a third thread meanwhile (the writer sets the pace: deflating was a
    // twentieth of its work), once the writer has found it new or changed: an unchanged
    // deck added again keeps the text it has. The text is freed as soon as all three are
    // done with it.
    let text = std::sync::Arc::new(text);
    let text_for_checker = std::sync::Arc::clone(&text);
    let text_for_deflate = std::sync::Arc::clone(&text);
    std::thread::scope(|s| {
        let (wanted_tx, wanted_rx) = std::sync::mpsc::sync_channel::<bool>(1);
        let deflater = s.spawn(move || {
            // No answer (the writer stopped on an error) deflates nothing either.
            let wanted = wanted_rx.recv().unwrap_or(false);
            wanted.then(|| crate::db::deflate(&text_for_deflate))
        });
        let (tx, rx) = std::sync::mpsc::sync_channel::<Prepared>(BATCHES_IN_FLIGHT);
        // Stored batches go back to be freed where they were made: freeing another thread's
        // allocations is slower, and the writer is the thread that sets the pace.
        let (back_tx, back_rx) = std::sync::mpsc::channel::<Prepared>();
        let worker = s.spawn(move || {
            let text = text_for_checker;
            let mut checker =
                check.then(|| generate::check::Checker::with_text(deck, &text, pool, missing));
            drop(text);
            // A send fails only when the writer stopped on an error (which it returns):
            // generating just stops.
            let mut batches = 0;
            let _ = generate::generate_batches(deck, pool, |batch| {
                batches += 1;
                if batches % WRITE_BACK_EVERY == 0 {
                    write_back.start();
                }
                back_rx.try_iter().for_each(drop);
                if let Some(c) = &mut checker {
                    c.add(&batch);
                }
                tx.send(Prepared::new(batch))
            });
            drop(tx);
            let findings = checker.map(|c| c.finish()).unwrap_or_default();
            back_rx.iter().for_each(drop);
            findings
        });
        let mut written = store(Stage::Start(&text)).map(|changed| {
            let _ = wanted_tx.send(changed);
        });
        drop(wanted_tx);
        drop(text);
        if written.is_ok() {
            // While no batch is ready the writer does what it can ahead (a new deck's memory
            // rows); with nothing left to do, it waits (and stops once generating has ended).
            let mut ahead = true;
            loop {
                let batch = match rx.try_recv() {
                    Ok(batch) => batch,
                    Err(TryRecvError::Empty) if ahead => {
                        written = store(Stage::Idle).map(|more| ahead = more);
                        if written.is_err() {
                            break;
                        }
                        continue;
                    }
                    Err(_) => match rx.recv() {
                        Ok(batch) => batch,
                        Err(_) => break,
                    },
                };
                written = store(Stage::Batch(&batch)).map(drop);
                let _ = back_tx.send(batch);
                if written.is_err() {
                    break;
                }
            }
        }
        drop(back_tx);
        // Dropping the receiver ends a worker still sending.
        drop(rx);
        let deflated = match deflater.join() {
            Ok(d) => d,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        let findings = match worker.join() {
            Ok(r) => r,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        written.map(|()| (findings, deflated))
    })
}

/// One line per deck: what the import did.
pub fn describe(r: &ImportReport) -> String {
    let mut parts = Vec::new();
    for (n, what) in [
        (r.added, t!("add_deck.added", n = r.added)),
        (r.updated, t!("add_deck.updated", n = r.updated)),
        (r.retired, t!("add_deck.retired", n = r.retired)),
        (r.restored, t!("add_deck.restored", n = r.restored)),
        (r.unchanged, t!("add_deck.unchanged", n = r.unchanged)),
    ] {
        if n > 0 {
            parts.push(what);
        }
    }
    if parts.is_empty() {
        parts.push(t!("add_deck.no_questions"));
    }
    let head = if r.new_deck {
        t!("add_deck.new_deck")
    } else {
        String::new()
    };
    let parts = parts.join(&t!("common.list_separator"));
    t!("add_deck.report", deck = r.deck, head = head, parts = parts)
}

/// A path (file or folder) or a built-in deck's name, read and validated. What the user
/// should know about a conversion (an Anki package's left-out parts) goes to `notes`.
fn read(name: &str, as_id: Option<&str>, notes: &mut Vec<String>) -> Result<Vec<Deck>> {
    let path = Path::new(name);
    if path.is_file() && crate::import::apkg::is_apkg(path) {
        let (deck, n) = crate::import::apkg::read(path, as_id)?;
        notes.extend(n);
        return Ok(vec![deck]);
    }
    if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| Error::io(path, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(Error::Usage(t!("add_deck.empty_folder", name = name)));
        }
        let mut decks = Vec::new();
        let mut problems = Vec::new();
        for f in files {
            match read_file(&f) {
                Ok(d) => decks.push(d),
                Err(Error::Deck(mut p)) => problems.append(&mut p),
                Err(e) => return Err(e),
            }
        }
        return if problems.is_empty() {
            Ok(decks)
        } else {
            Err(Error::Deck(problems))
        };
    }
    if path.exists() {
        return Ok(vec![read_file(path)?]);
    }
    match builtin::get(name) {
        Some(text) => Ok(vec![deck::parse(&format!("builtin:{name}"), text)?]),
        None => Err(Error::Usage(t!(
            "add_deck.not_found",
            name = name,
            builtin = builtin::names().collect::<Vec<_>>().join(", ")
        ))),
    }
}

pub(crate) fn read_file(path: &Path) -> Result<Deck> {
    let bytes = crate::input::read_capped(path, crate::input::MAX_DECK_BYTES, "deck file")?;
    let origin = path.display().to_string();
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, col) = deck::line_col_bytes(e.as_bytes(), e.utf8_error().valid_up_to());
        Error::Deck(vec![format!(
            "{origin}:{line}:{col}: the file is not valid UTF-8"
        )])
    })?;
    let mut deck = deck::parse_owned(&origin, text)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    deck.source_texts = deck::source_text::load(&deck, Some(dir))?;
    Ok(deck)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deck of `n` question-and-answer facts: more than one batch of generated questions.
    fn deck(n: usize) -> Deck {
        let mut text = String::from(
            "[deck]\nid = \"p\"\ntitle = \"P\"\n\n[[source]]\nid = \"s\"\ntitle = \"S\"\npublisher = \"P\"\ndate = \"2026\"\n\n",
        );
        for i in 0..n {
            text.push_str(&format!(
                "[[qa]]\nid = \"q{i}\"\nsource = \"s\"\nquestion = \"第{i}问?\"\nanswer = \"答{i}\"\n\n"
            ));
        }
        deck::parse("p.toml", &text).unwrap()
    }

    /// [`pipeline`] over `d`, its distractors from itself, with the checks (`check`) and
    /// without asking the system to write pages ahead.
    fn run(
        d: &Deck,
        check: bool,
        store: impl FnMut(Stage) -> Result<bool>,
    ) -> Result<(Vec<generate::check::Finding>, Option<Vec<u8>>)> {
        let (pool, missing) = Pool::for_deck(d, [d]);
        pipeline(
            d,
            &pool,
            &missing,
            check,
            d.text.clone(),
            &WriteBack::none(),
            store,
        )
    }

    #[test]
    fn the_pipeline_hands_over_every_question_in_order() {
        let d = deck(1000);
        let (pool, _) = Pool::for_deck(&d, [&d]);
        let mut whole = Vec::new();
        generate::generate_batches(&d, &pool, |b| {
            whole.extend(b);
            Ok::<_, ()>(())
        })
        .unwrap();
        let mut piped = Vec::new();
        let mut batches = 0;
        let mut started = 0;
        let mut idle = 0;
        let (_, deflated) = run(&d, true, |stage| match stage {
            Stage::Start(text) => {
                assert_eq!(text, d.text);
                assert_eq!(batches, 0, "the text comes first");
                started += 1;
                Ok(true)
            }
            Stage::Batch(b) => {
                batches += 1;
                piped.extend(b.questions.iter().map(|q| q.uid.clone()));
                Ok(false)
            }
            // Work of the writer's own while it waits, 40 turns of it.
            Stage::Idle => {
                idle += 1;
                Ok(idle < 40)
            }
        })
        .unwrap();
        assert_eq!(started, 1);
        assert!(idle <= 40, "asked for work after saying none was left");
        let mut inflated = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::DeflateDecoder::new(deflated.unwrap().as_slice()),
            &mut inflated,
        )
        .unwrap();
        assert_eq!(inflated, d.text, "the deck's text, deflated");
        assert!(batches > 1, "one batch only: the test shows nothing");
        let uids: Vec<String> = whole.iter().map(|q| q.uid.clone()).collect();
        assert_eq!(piped, uids);
    }

    /// Storing the deck's own rows fails (a locked file, a full disk): no batch is stored,
    /// and generating stops rather than waiting for a writer that is gone.
    #[test]
    fn an_error_storing_the_deck_stops_the_pipeline_before_any_batch() {
        let d = deck(3000);
        let mut batches = 0;
        let r = run(&d, true, |stage| match stage {
            Stage::Start(_) => Err(Error::Other("locked".into())),
            Stage::Batch(_) => {
                batches += 1;
                Ok(false)
            }
            Stage::Idle => panic!("asked to work ahead after failing"),
        });
        assert!(matches!(r, Err(Error::Other(m)) if m == "locked"));
        assert_eq!(batches, 0);
    }

    /// A writer's error ends the import with that error, and generating stops rather than
    /// waiting forever for a writer that is gone.
    #[test]
    fn a_writer_error_stops_the_pipeline() {
        let d = deck(3000);
        let mut calls = 0;
        let r = run(&d, true, |stage| {
            match stage {
                Stage::Start(_) => return Ok(true),
                Stage::Idle => return Ok(false),
                Stage::Batch(_) => {}
            }
            calls += 1;
            if calls == 2 {
                Err(Error::Other("disk full".into()))
            } else {
                Ok(false)
            }
        });
        assert!(matches!(r, Err(Error::Other(m)) if m == "disk full"));
        assert_eq!(calls, 2);
    }

    /// The writer's own work while it waits for a batch fails (a full disk): the import
    /// ends with that error, no batch is stored after it, and generating stops.
    #[test]
    fn an_error_working_ahead_stops_the_pipeline() {
        let d = deck(3000);
        // The writer waits when a batch is not ready, which is nearly always the case as
        // generating starts; tried again in case a batch was ready every time.
        for _ in 0..20 {
            let mut failed = false;
            let mut after = 0;
            let r = run(&d, true, |stage| match stage {
                Stage::Start(_) => Ok(true),
                Stage::Idle if !failed => {
                    failed = true;
                    Err(Error::Other("disk full".into()))
                }
                _ => {
                    after += usize::from(failed);
                    Ok(false)
                }
            });
            if failed {
                assert!(matches!(r, Err(Error::Other(m)) if m == "disk full"));
                assert_eq!(after, 0, "stored after the error");
                return;
            }
            r.unwrap();
        }
        panic!("the writer never waited: the test shows nothing");
    }

    /// A deck whose file has not changed keeps the text it has: nothing is deflated.
    #[test]
    fn an_unchanged_deck_text_is_not_deflated_again() {
        let d = deck(300);
        let (_, deflated) = run(&d, false, |_| Ok(false)).unwrap();
        assert_eq!(deflated, None);
    }
}
