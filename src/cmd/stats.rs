//! `quiz stats`: how study is going, in the terminal, as JSON or as a page.

use std::io::Write;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::stats::{self, Scope};

use super::Ctx;

/// Show how study is going: answers, time, true retention and new facts (today, the last 7
/// and 30 days), reviews due per day for the next 30 days, facts new / learning / known per
/// deck, per meeting and per list with their recall now, the hardest facts, leeches and
/// suspended facts, the streak and a calendar of the last 26 weeks.
///
/// With an exam date (`quiz config exam_date YYYY-MM-DD`) it also says how many facts you
/// would recall on the exam day at your pace and how many minutes a day would get you to
/// your desired retention (docs/exam.md). Every figure is defined in docs/stats.md.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Only these decks [default: all].
    #[arg(value_name = "DECK")]
    pub decks: Vec<String>,

    /// Print the figures as one JSON object.
    #[arg(long, conflicts_with = "html")]
    pub json: bool,

    /// Write a self-contained HTML page with charts instead of text.
    #[arg(long)]
    pub html: bool,

    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, args: &StatsArgs, out: &mut dyn Write) -> Result<()> {
    let db = ctx.open_db()?;
    for d in &args.decks {
        if !db.deck_exists(d)? {
            return Err(Error::UnknownDeck(d.clone()));
        }
    }
    let settings = db.load_settings()?;
    settings
        .validate()
        .map_err(|e| Error::Other(crate::t!("error.stored_setting", reason = e)))?;
    let offset_at = |t: i64| crate::schedule::local_utc_offset(t);
    let scope = Scope {
        now: ctx.now,
        offset_at: &offset_at,
        settings: &settings,
        decks: &args.decks,
    };
    let s = stats::compute(&db, &scope)?;
    let text = if args.json {
        let j = serde_json::to_string_pretty(&s)
            .map_err(|e| Error::Other(crate::t!("error.json", reason = e)))?;
        format!("{}\n", crate::term::json(&j))
    } else if args.html {
        stats::html::render(&s)
    } else {
        stats::text::render(&s)
    };
    match &args.output {
        Some(p) => crate::outfile::write(p, text.as_bytes()),
        None => out
            .write_all(text.as_bytes())
            .map_err(|e| Error::io("stdout", e)),
    }
}
