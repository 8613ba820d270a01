//! `quiz decks`: what is there, with counts.

use std::io::Write;

use crate::error::{Error, Result};

use super::Ctx;

/// List the decks with their facts (new, learning, due today, suspended, total) and questions.
///
/// A fact (a list, an event, a term…) is what is learned and scheduled; its questions are
/// the ways of asking about it.
#[derive(Debug, clap::Args)]
pub struct DecksArgs {
    /// One JSON object per deck instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Only the deck ids, one a line, for shell completion; nothing (not even a new
    /// database) when the database does not exist yet.
    #[arg(long, hide = true, conflicts_with = "json")]
    pub names: bool,
}

pub fn run(ctx: &Ctx, args: &DecksArgs, out: &mut dyn Write) -> Result<()> {
    if args.names {
        if !ctx.db_path.is_file() {
            return Ok(());
        }
        for id in ctx.open_db()?.deck_ids()? {
            writeln!(out, "{}", crate::term::clean_line(&id))
                .map_err(|e| Error::io("stdout", e))?;
        }
        return Ok(());
    }
    let db = ctx.open_db()?;
    // "Due today" as the session sees it: the study day starts at the rollover hour in
    // local time (`quiz config rollover_hour`).
    let settings = db.load_settings()?;
    let reviews_before = crate::schedule::reviews_due_before(
        ctx.now,
        settings.rollover_hour,
        crate::schedule::local_utc_offset(ctx.now),
    );
    let counts = db.deck_counts(ctx.now, reviews_before)?;
    let w =
        |out: &mut dyn Write, s: String| writeln!(out, "{s}").map_err(|e| Error::io("stdout", e));
    if args.json {
        for c in &counts {
            w(
                out,
                crate::term::json(&serde_json::to_string(c).unwrap_or_default()).into_owned(),
            )?;
        }
        return Ok(());
    }
    if counts.is_empty() {
        return w(out, crate::t!("decks.none"));
    }
    let width = counts.iter().map(|c| c.id.len()).max().unwrap_or(4).max(4);
    // Headings in the interface language, padded by display width (a Chinese character
    // takes two columns).
    let pad = |s: String, n: usize, right: bool| {
        let fill = " ".repeat(n.saturating_sub(console::measure_text_width(&s)));
        if right { fill + &s } else { s + &fill }
    };
    w(
        out,
        [
            pad(crate::t!("decks.deck"), width, false),
            pad(crate::t!("decks.new"), 5, true),
            pad(crate::t!("decks.learning"), 8, true),
            pad(crate::t!("decks.due"), 5, true),
            pad(crate::t!("decks.suspended"), 9, true),
            pad(crate::t!("decks.facts"), 5, true),
            pad(crate::t!("decks.questions"), 9, true),
            crate::t!("decks.title"),
        ]
        .join("  "),
    )?;
    for c in &counts {
        w(
            out,
            format!(
                "{:width$}  {:>5}  {:>8}  {:>5}  {:>9}  {:>5}  {:>9}  {}",
                c.id,
                c.new,
                c.learning,
                c.due,
                c.suspended,
                c.total,
                c.questions,
                crate::term::clean_line(&c.title)
            ),
        )?;
    }
    Ok(())
}
