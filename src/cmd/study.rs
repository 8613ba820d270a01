//! `quiz study`: a spaced-repetition session.

use std::io::{IsTerminal, Write};

use crate::error::{Error, Result};
use crate::schedule;
use crate::session::{self, Clock, LinePrompter, Options, Prompter, Session, TerminalPrompter};
use crate::t;

use super::Ctx;

/// Study facts: those still being learned that are due, then today's reviews, then new facts
/// up to the daily limit, new facts of all decks interleaved.
///
/// Each fact is asked one way, on a ladder: recognise it (multiple choice, true/false), then
/// recall it from a cue, then write it out as an exam asks (the whole list, the order, the full
/// date); a right answer climbs a rung, a wrong one drops one (docs/learning.md).
///
/// In a terminal, choices are picked with the arrow keys and typed answers entered at the
/// prompt; `:show` (give up), `:skip` (another fact), `:bury` (the fact until tomorrow),
/// `:suspend`, `:undo` (also a bury, a suspend, or the last answer given earlier today) and
/// `:quit` typed instead of an answer (or picked from the list) do what they say, and Ctrl-C
/// ends the session keeping every answer. Without a terminal, one line of stdin per answer
/// (see docs/scripting.md).
#[derive(Debug, clap::Args)]
pub struct StudyArgs {
    /// Only these decks [default: all].
    #[arg(value_name = "DECK")]
    pub decks: Vec<String>,

    /// Print one JSON object per question (for scripts).
    #[arg(long)]
    pub json: bool,

    /// Stop after this many answers.
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
}

pub fn run(ctx: &Ctx, args: &StudyArgs, out: &mut dyn Write) -> Result<()> {
    let terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let mut prompter: Box<dyn Prompter> = if terminal {
        Box::new(TerminalPrompter::new())
    } else {
        Box::new(LinePrompter::new(std::io::stdin().lock()))
    };
    let mut db = ctx.open_db()?;
    if !db.has_questions()? {
        let add = prompter
            .confirm(&t!("study.offer_builtin"), true)
            .map_err(|e| Error::io("terminal", e))?;
        if !add {
            return Err(Error::Usage(t!("study.no_decks")));
        }
        let reports = super::add_deck::add(&mut db, super::add_deck::builtin_decks()?, ctx.now)?;
        if !args.json {
            for r in &reports {
                writeln!(out, "{}", super::add_deck::describe(r))
                    .map_err(|e| Error::io("stdout", e))?;
            }
        }
    }
    let mut rng = session::rng(ctx.seed);
    let session = Session::new(
        &mut db,
        prompter.as_mut(),
        out,
        Options {
            decks: args.decks.clone(),
            limit: args.limit,
            json: args.json,
        },
        Clock::new(ctx.now, ctx.clock_fixed),
        schedule::local_utc_offset(ctx.now),
        &mut rng,
    )?;
    session.run()?;
    Ok(())
}
