//! `quiz export DECK --format F`: a stored deck as its TOML, JSON, CSV (Anki), TSV
//! (Quizlet), an Anki package, a printable test (versions, a key apart) or an LMS question
//! bank (Moodle XML, GIFT). The formats live in `export/`; the selection flags of the last two
//! in `export/select.rs`.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::export::{self, DeckData};

use super::Ctx;

/// Export a deck for other tools, for Anki, for an LMS (Moodle XML, GIFT), or as a printable
/// test of chosen questions (A/B versions, a separate key with every accepted form).
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

    /// sheet: how many questions [default: 20, or all the selection holds if fewer]; `all`
    /// for every selected question. More than the selection holds is an error.
    #[arg(long, value_name = "N|all", value_parser = parse_count)]
    pub count: Option<Count>,

    /// sheet: the seed that picks and orders the questions [default: a new one, printed on
    /// the sheet so it can be made again].
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    /// sheet: this many versions (A, B…) with the same questions in other orders and other
    /// option orders, one file each: `-o test.html` writes test-A.html, test-B.html…
    #[arg(long, default_value_t = 1, value_name = "N",
          value_parser = clap::value_parser!(u8).range(1..=26))]
    pub versions: u8,

    /// sheet: write the answer key to this file instead of after the questions (one per
    /// version: key-A.html, key-B.html…); the sheet then carries no answers.
    #[arg(long, value_name = "FILE")]
    pub key: Option<PathBuf>,

    /// sheet, moodle: points per question: `2` for all, `choice=1,list_recall=6` by kind,
    /// or both [default: true/false and multiple choice 1, typed answers 2, orders 3, a whole
    /// list 1 per item, free answers 4].
    #[arg(long, value_name = "SPEC")]
    pub points: Option<String>,

    /// sheet, moodle, gift: only these facts (ids, comma-separated; adds to --lists).
    #[arg(long, value_name = "ID,…")]
    pub facts: Vec<String>,

    /// sheet, moodle, gift: only these lists (fact ids of lists; adds to --facts).
    #[arg(long, value_name = "ID,…")]
    pub lists: Vec<String>,

    /// sheet, moodle, gift: only these question kinds (recall, choice, true_false,
    /// not_in_list, item_at, position_of, how_many, order, list_recall, when, what_on_date,
    /// where, chronology, cloze, reveal).
    #[arg(long, value_name = "KIND,…")]
    pub kinds: Vec<String>,

    /// sheet, moodle, gift: only the facts of this meeting (a context's id, name or English
    /// name; repeat for several).
    #[arg(long, value_name = "LABEL")]
    pub meeting: Vec<String>,
}

/// `--count`: a number of questions, or all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    All,
    N(usize),
}

fn parse_count(s: &str) -> std::result::Result<Count, String> {
    if s.eq_ignore_ascii_case("all") {
        return Ok(Count::All);
    }
    match s.parse::<usize>() {
        Ok(0) => Err(crate::t!("export.count_zero")),
        Ok(n) => Ok(Count::N(n)),
        Err(_) => Err(crate::t!("export.count_bad", value = s)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The deck file as it was added (re-adding it gives the same questions).
    Toml,
    /// Facts and generated questions.
    Json,
    /// For Anki's text import: question, answer, tags, with Anki's header lines.
    Csv,
    /// For Quizlet's import: one card per fact, its cue and its answer separated by a tab.
    Quizlet,
    /// An Anki package (.apkg): a note per fact, a card per kind of question; needs -o.
    Apkg,
    /// A printable test in Markdown with an answer key.
    Sheet,
    /// The printable test as an HTML page (page numbers when printed).
    SheetHtml,
    /// Moodle XML, for a Moodle question bank.
    Moodle,
    /// GIFT, Moodle's text format (also read by other LMSs).
    Gift,
}

pub fn run(ctx: &Ctx, args: &ExportArgs, out: &mut dyn Write) -> Result<()> {
    if args.with_scheduling && args.format != Format::Apkg {
        return Err(Error::Usage(crate::t!("export.with_scheduling_apkg")));
    }
    let is_sheet = matches!(args.format, Format::Sheet | Format::SheetHtml);
    let is_lms = matches!(args.format, Format::Moodle | Format::Gift);
    check_sheet_flags(args, is_sheet, is_lms)?;
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
    let mut data = DeckData::load(&db, &args.deck)?;
    if is_sheet || is_lms {
        let sel = selection(args);
        let file = if sel.needs_deck_file() {
            Some(data.deck_file(&db)?)
        } else {
            None
        };
        sel.apply(&mut data, file.as_ref())?;
        let points = match &args.points {
            Some(p) => export::sheet::Points::parse(p).map_err(Error::Usage)?,
            None => export::sheet::Points::default(),
        };
        if is_lms {
            // Matchings the LMS export adds (events with their dates, a family's items with
            // their meetings), asked unless --kinds leaves out the kind they stand beside:
            // `when` for dates, `choice` (which meeting or list an item belongs to) for items.
            let asks = |k: &str| sel.kinds.is_empty() || sel.kinds.iter().any(|x| x == k);
            let mut extra = Vec::new();
            if asks("when") || asks("choice") {
                let file = match file {
                    Some(f) => f,
                    None => data.deck_file(&db)?,
                };
                if asks("when") {
                    extra.extend(export::lms::event_matching(&data, &file));
                }
                if asks("choice") {
                    extra.extend(export::lms::family_matching(&data, &file));
                }
            }
            return lms(args, &data, &points, extra, out);
        }
        return sheets(ctx, args, &data, &points, out);
    }
    let text = match args.format {
        Format::Json => export::json::render(&data, &data.deck_file(&db)?),
        Format::Csv => export::csv::render_with_tags(&data, &kept_tags(&db, &args.deck)?),
        Format::Quizlet => export::quizlet::render(&data, &db.fact_labels(&data.id)?),
        Format::Toml
        | Format::Apkg
        | Format::Sheet
        | Format::SheetHtml
        | Format::Moodle
        | Format::Gift => {
            unreachable!("handled above")
        }
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

/// Messages of the sheet and LMS part of `quiz export`, in the interface language
/// (`export.*` in the catalogue).
mod msg {
    use crate::t;

    pub fn seed_only_sheets() -> String {
        t!("export.seed_only_sheets")
    }
    pub fn only_sheets(flag: &str) -> String {
        t!("export.only_sheets", flag = flag)
    }
    pub fn only_selecting(flag: &str) -> String {
        t!("export.only_selecting", flag = flag)
    }
    pub fn points_only() -> String {
        t!("export.points_only")
    }
    pub fn versions_need_output(n: u8) -> String {
        t!("export.versions_need_output", n = n)
    }
    pub fn too_many(asked: usize, have: usize, deck: &str) -> String {
        t!("export.too_many", asked = asked, have = have, deck = deck)
    }
    pub fn key_is_output(path: &str) -> String {
        t!("export.key_is_output", path = path)
    }
    pub fn wrote_sheet(path: &str, version: Option<char>, n: usize, points: u32) -> String {
        match version {
            Some(v) => t!(
                "export.wrote_sheet_version",
                path = path,
                version = v,
                n = n,
                points = points
            ),
            None => t!("export.wrote_sheet", path = path, n = n, points = points),
        }
    }
    pub fn wrote_key(path: &str, version: Option<char>) -> String {
        match version {
            Some(v) => t!("export.wrote_key_version", path = path, version = v),
            None => t!("export.wrote_key", path = path),
        }
    }
    pub fn wrote_lms(path: &str, n: usize, kinds: &str) -> String {
        t!("export.wrote_lms", path = path, n = n, kinds = kinds)
    }
}

fn check_sheet_flags(args: &ExportArgs, is_sheet: bool, is_lms: bool) -> Result<()> {
    if !is_sheet {
        if args.seed.is_some() {
            return Err(Error::Usage(msg::seed_only_sheets()));
        }
        for (set, flag) in [
            (args.count.is_some(), "--count"),
            (args.versions != 1, "--versions"),
            (args.key.is_some(), "--key"),
        ] {
            if set {
                return Err(Error::Usage(msg::only_sheets(flag)));
            }
        }
    }
    if !is_sheet && !is_lms {
        for (set, flag) in [
            (!args.facts.is_empty(), "--facts"),
            (!args.lists.is_empty(), "--lists"),
            (!args.kinds.is_empty(), "--kinds"),
            (!args.meeting.is_empty(), "--meeting"),
        ] {
            if set {
                return Err(Error::Usage(msg::only_selecting(flag)));
            }
        }
    }
    if args.points.is_some() && !(is_sheet || args.format == Format::Moodle) {
        return Err(Error::Usage(msg::points_only()));
    }
    if is_sheet && args.versions > 1 && args.output.is_none() {
        return Err(Error::Usage(msg::versions_need_output(args.versions)));
    }
    if let (Some(k), Some(o)) = (&args.key, &args.output)
        && k == o
    {
        return Err(Error::Usage(msg::key_is_output(&k.display().to_string())));
    }
    Ok(())
}

fn selection(args: &ExportArgs) -> export::select::Selection {
    use export::select::split_list;
    export::select::Selection {
        facts: split_list(&args.facts),
        lists: split_list(&args.lists),
        kinds: split_list(&args.kinds),
        meetings: args
            .meeting
            .iter()
            .map(|m| m.trim().to_owned())
            .filter(|m| !m.is_empty())
            .collect(),
    }
}

/// `--format sheet` / `sheet-html`: one sheet per version, each with its key after it or
/// in its own file (`--key`).
fn sheets(
    ctx: &Ctx,
    args: &ExportArgs,
    data: &DeckData,
    points: &export::sheet::Points,
    out: &mut dyn Write,
) -> Result<()> {
    let have = data.questions.len();
    let count = match args.count {
        None => have.min(20),
        Some(Count::All) => have,
        Some(Count::N(n)) if n > have => {
            return Err(Error::Usage(msg::too_many(n, have, &data.id)));
        }
        Some(Count::N(n)) => n,
    };
    let seed = args
        .seed
        .or(ctx.seed)
        .unwrap_or_else(|| crate::hash::fnv(&format!("{}", ctx.now)) % 1_000_000);
    let picked = export::sheet::pick(data, count, seed);
    let versions = export::sheet::versions(&picked, usize::from(args.versions), seed, points);
    let html = args.format == Format::SheetHtml;
    let several = versions.len() > 1;
    let mut lines = Vec::new();
    for v in &versions {
        let sheet = export::sheet::Sheet {
            deck: data,
            seed,
            version: v,
        };
        let with_key = args.key.is_none();
        let text = if html {
            export::sheet::html(&sheet, with_key)
        } else {
            export::sheet::markdown(&sheet, with_key)
        };
        let text = crate::term::clean(&text);
        let n = v.items.len();
        match &args.output {
            Some(o) => {
                let path = if several {
                    versioned(o, v.letter)
                } else {
                    o.clone()
                };
                crate::outfile::write(&path, text.as_bytes())?;
                lines.push(msg::wrote_sheet(
                    &path.display().to_string(),
                    v.letter,
                    n,
                    v.total_points(),
                ));
            }
            None => out
                .write_all(text.as_bytes())
                .map_err(|e| Error::io("stdout", e))?,
        }
        if let Some(k) = &args.key {
            let key = if html {
                export::sheet::html_key(&sheet)
            } else {
                export::sheet::markdown_key(&sheet)
            };
            let path = if several {
                versioned(k, v.letter)
            } else {
                k.clone()
            };
            crate::outfile::write(&path, crate::term::clean(&key).as_bytes())?;
            lines.push(msg::wrote_key(&path.display().to_string(), v.letter));
        }
    }
    // Only when the sheets went to files: on standard output a line would join the sheet.
    if args.output.is_some() {
        for l in lines {
            writeln!(out, "{}", crate::term::clean(&l)).map_err(|e| Error::io("stdout", e))?;
        }
    }
    Ok(())
}

/// `test.html` and version B → `test-B.html` (no extension: `test-B`).
fn versioned(p: &Path, v: Option<char>) -> PathBuf {
    let Some(v) = v else { return p.to_owned() };
    let stem = p
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match p.extension() {
        Some(ext) => format!("{stem}-{v}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{v}"),
    };
    p.with_file_name(name)
}

/// `--format moodle` / `gift`: every selected question.
fn lms(
    args: &ExportArgs,
    data: &DeckData,
    points: &export::sheet::Points,
    extra: Vec<export::lms::LmsQuestion>,
    out: &mut dyn Write,
) -> Result<()> {
    let mut qs = export::lms::questions(data, &|q| points.of(q));
    // An added matching is worth a point a pair, unless --points gave every question a value.
    qs.extend(extra.into_iter().map(|mut m| {
        if let Some(p) = points.for_all() {
            m.points = p;
        }
        m
    }));
    let text = match args.format {
        Format::Moodle => export::lms::moodle(data, &qs),
        _ => export::lms::gift(data, &qs),
    };
    let text = crate::term::clean(&text);
    emit(args.output.as_deref(), text.as_bytes(), out)?;
    if let Some(o) = &args.output {
        let line = msg::wrote_lms(
            &o.display().to_string(),
            qs.len(),
            &export::lms::summary(&qs),
        );
        writeln!(out, "{line}").map_err(|e| Error::io("stdout", e))?;
    }
    Ok(())
}

/// `--format apkg`: the questions stream from the database into the package.
fn apkg(
    ctx: &Ctx,
    args: &ExportArgs,
    db: crate::db::Db,
    path: &Path,
    out: &mut dyn Write,
) -> Result<()> {
    db.read_mapped()?;
    let (title, language) = db.deck_meta(&args.deck)?;
    let tags = kept_tags(&db, &args.deck)?;
    // Counted only for a bar that can be drawn: the count reads the deck's every question
    // before the export can start, 5% of a 100,000-question export.
    let questions = if crate::progress::Progress::can_draw() {
        db.question_count(&args.deck)?
    } else {
        0
    };
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
            cards = s.cards,
            types = s.note_types,
            extra = extra
        )
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
    // The mark is on the first line: a big deck's file is not inflated just to read it.
    if !crate::import::apkg::is_converted(&db.deck_toml_start(deck, 256)?) {
        return Ok(Default::default());
    }
    let text = db.deck_toml(deck)?;
    let file = crate::deck::parse(&format!("database:{deck}"), &text)?.file;
    let qas = file.qas.into_iter().map(|mut f| {
        let tags = f.take_tags();
        (f.id.into_inner(), tags)
    });
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
