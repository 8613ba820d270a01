//! `quiz export DECK --format F`: a stored deck as its TOML, JSON, CSV (Anki), TSV
//! (Quizlet), an Anki package or a printable quiz sheet. The formats live in `export/`.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::export::{self, DeckData};

use super::Ctx;

/// Export a deck for other tools, for Anki, or as a printable quiz with an answer key.
///
/// Text formats go to standard output unless -o names a file; an Anki package needs -o.
/// See docs/export.md for every format.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The deck id (see `quiz decks`).
    pub deck: String,

    /// What to write.
    #[arg(long, short, value_enum, default_value = "toml")]
    pub format: Format,

    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// apkg: carry this database's card state and review history (for moving your own
    /// progress to Anki; leave it out when sharing a deck).
    #[arg(long)]
    pub with_scheduling: bool,

    /// sheet: how many questions.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub count: usize,

    /// sheet: the seed that picks and orders the questions [default: a new one, printed on
    /// the sheet so it can be made again].
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The deck file as it was added (re-adding it gives the same questions).
    Toml,
    /// Facts and generated questions.
    Json,
    /// For Anki's text import: question, answer, tags, with Anki's header lines.
    Csv,
    /// For Quizlet's import: question and answer separated by a tab, one per line.
    Quizlet,
    /// An Anki package (.apkg): a note per fact, a card per kind of question; needs -o.
    Apkg,
    /// A printable quiz in Markdown with an answer key.
    Sheet,
    /// The printable quiz as an HTML page.
    SheetHtml,
}

pub fn run(ctx: &Ctx, args: &ExportArgs, out: &mut dyn Write) -> Result<()> {
    if args.with_scheduling && args.format != Format::Apkg {
        return Err(Error::Usage(
            "--with-scheduling only applies to --format apkg".into(),
        ));
    }
    let is_sheet = matches!(args.format, Format::Sheet | Format::SheetHtml);
    if !is_sheet && args.seed.is_some() {
        return Err(Error::Usage(
            "--seed only applies to --format sheet or sheet-html".into(),
        ));
    }
    if is_sheet && args.count == 0 {
        return Err(Error::Usage("--count must be at least 1".into()));
    }
    if args.format == Format::Apkg && args.output.is_none() {
        return Err(Error::Usage(
            "an Anki package is a binary file: name it with -o FILE.apkg".into(),
        ));
    }
    let db = ctx.open_db()?;
    if args.format == Format::Toml {
        let text = db.deck_toml(&args.deck)?;
        return emit(args.output.as_deref(), text.as_bytes(), out);
    }
    if args.format == Format::Apkg {
        let path = args.output.as_deref().unwrap_or(Path::new("deck.apkg"));
        return apkg(ctx, args, db, path, out);
    }
    let data = DeckData::load(&db, &args.deck)?;
    let text = match args.format {
        Format::Json => export::json::render(&data, &data.deck_file(&db)?),
        Format::Csv => export::csv::render_with_tags(&data, &kept_tags(&db, &args.deck)?),
        Format::Quizlet => export::csv::render_quizlet(&data),
        Format::Sheet | Format::SheetHtml => {
            let seed = args
                .seed
                .or(ctx.seed)
                .unwrap_or_else(|| crate::hash::fnv(&format!("{}", ctx.now)) % 1_000_000);
            let picked = export::sheet::pick(&data, args.count, seed);
            if args.format == Format::Sheet {
                export::sheet::markdown(&data, &picked, seed)
            } else {
                export::sheet::html(&data, &picked, seed)
            }
        }
        Format::Toml | Format::Apkg => unreachable!("handled above"),
    };
    // Text for people (a spreadsheet, a printout, a terminal): no control characters from
    // a deck get through. JSON escapes them itself.
    let text = if args.format == Format::Json {
        crate::term::json(&text).into_owned()
    } else {
        crate::term::clean(&text).into_owned()
    };
    emit(args.output.as_deref(), text.as_bytes(), out)
}

/// `--format apkg`: the questions stream from the database into the package.
fn apkg(
    ctx: &Ctx,
    args: &ExportArgs,
    db: crate::db::Db,
    path: &Path,
    out: &mut dyn Write,
) -> Result<()> {
    let (title, language) = db.deck_meta(&args.deck)?;
    let tags = kept_tags(&db, &args.deck)?;
    let questions = db.question_count(&args.deck)?;
    let (facts, reviews) = if args.with_scheduling {
        (db.fact_states(&args.deck)?, db.review_log(&args.deck)?)
    } else {
        (Vec::new(), Vec::new())
    };
    let sched = args.with_scheduling.then_some(export::apkg::Scheduling {
        facts: &facts,
        reviews: &reviews,
    });
    let deck = args.deck.as_str();
    let load: export::apkg::Loader = Box::new(move |send| db.stream_export_facts(deck, 1024, send));
    let info = export::apkg::DeckInfo {
        id: deck,
        title: &title,
        language: &language,
        tags: &tags,
        questions,
    };
    let s = export::apkg::write(&info, load, sched, ctx.now, path)?;
    let extra = if args.with_scheduling {
        format!(", with scheduling and {} reviews", s.reviews)
    } else {
        String::new()
    };
    writeln!(
        out,
        "{}: {} notes (one per fact) with {} cards in {} note types{extra}",
        path.display(),
        s.notes,
        s.cards,
        s.note_types
    )
    .map_err(|e| Error::io("stdout", e))
}

/// Fact id → the tags its deck file keeps (an Anki package's tags, see docs/export.md),
/// carried back out by the Anki exports. Only decks converted from a package have them, so
/// only their file is parsed (a big deck file takes longer to parse than to export).
fn kept_tags(
    db: &crate::db::Db,
    deck: &str,
) -> Result<std::collections::HashMap<String, Vec<String>>> {
    let text = db.deck_toml(deck)?;
    if !crate::import::apkg::is_converted(&text) {
        return Ok(Default::default());
    }
    let file = crate::deck::parse(&format!("database:{deck}"), &text)?.file;
    let qas = file.qas.into_iter().map(|f| (f.id.into_inner(), f.tags));
    let clozes = file.clozes.into_iter().map(|f| (f.id.into_inner(), f.tags));
    Ok(qas.chain(clozes).filter(|(_, t)| !t.is_empty()).collect())
}

/// Writes to the file (atomically, see [`crate::outfile`]) or to `out`.
fn emit(path: Option<&Path>, bytes: &[u8], out: &mut dyn Write) -> Result<()> {
    match path {
        None => out.write_all(bytes).map_err(|e| Error::io("stdout", e)),
        Some(p) => crate::outfile::write(p, bytes),
    }
}
