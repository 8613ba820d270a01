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
    /// An Anki package (.apkg); needs -o.
    Apkg,
    /// A printable quiz in Markdown with an answer key.
    Sheet,
    /// The printable quiz as an HTML page.
    SheetHtml,
}

pub fn run(ctx: &Ctx, args: &ExportArgs, out: &mut dyn Write) -> Result<()> {
    if args.with_scheduling && args.format != Format::Apkg {
        return Err(Error::Usage(crate::t!("export.with_scheduling_apkg")));
    }
    let is_sheet = matches!(args.format, Format::Sheet | Format::SheetHtml);
    if !is_sheet && args.seed.is_some() {
        return Err(Error::Usage(crate::t!("export.seed_sheet")));
    }
    if is_sheet && args.count == 0 {
        return Err(Error::Usage(crate::t!("export.count_zero")));
    }
    if args.format == Format::Apkg && args.output.is_none() {
        return Err(Error::Usage(crate::t!("export.apkg_needs_file")));
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
        Format::Csv => export::csv::render(&data),
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
    let (title, _) = db.deck_meta(&args.deck)?;
    let (cards, reviews) = if args.with_scheduling {
        (db.card_states(&args.deck)?, db.review_log(&args.deck)?)
    } else {
        (Vec::new(), Vec::new())
    };
    let sched = args.with_scheduling.then_some(export::apkg::Scheduling {
        cards: &cards,
        reviews: &reviews,
    });
    let deck = args.deck.as_str();
    let load: export::apkg::Loader =
        Box::new(move |send| db.stream_export_questions(deck, 512, send));
    let info = export::apkg::DeckInfo {
        id: deck,
        title: &title,
    };
    let s = export::apkg::write(&info, load, sched, ctx.now, path)?;
    let extra = if args.with_scheduling {
        crate::t!("export.with_reviews", reviews = s.reviews)
    } else {
        String::new()
    };
    writeln!(
        out,
        "{}",
        crate::t!(
            "export.apkg_written",
            path = path.display(),
            notes = s.notes,
            types = s.note_types,
            extra = extra
        )
    )
    .map_err(|e| Error::io("stdout", e))
}

/// Writes to the file (atomically, see [`crate::outfile`]) or to `out`.
fn emit(path: Option<&Path>, bytes: &[u8], out: &mut dyn Write) -> Result<()> {
    match path {
        None => out.write_all(bytes).map_err(|e| Error::io("stdout", e)),
        Some(p) => crate::outfile::write(p, bytes),
    }
}
