//! `quiz study`: a spaced-repetition session.

use std::io::{IsTerminal, Write};

use crate::error::{Error, Result};
use crate::schedule;
use crate::session::cram::CramKind;
use crate::session::{self, Clock, LinePrompter, Options, Prompter, Session, TerminalPrompter};
use crate::t;

use super::Ctx;

/// Study facts: those still being learned that are due, then today's reviews, then new facts
/// up to the daily limit, new facts of all decks interleaved. Until the exam date
/// (`quiz config exam_date`), facts whose recall on the exam day would fall below the desired
/// retention come before the day's other reviews, most at risk first (docs/exam.md).
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
///
/// With --cram, the night before a test: the facts of a deck, a fact or a meeting, each asked
/// once at its highest rung, the missed ones again; nothing is scheduled or stored.
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

    /// Cram, outside the schedule: ask every fact of a deck, a fact (`DECK/FACT`, e.g. a
    /// list) or a meeting (as questions name it) once, at its highest rung, then the missed
    /// ones again until right. Changes no memory and stores no answer: the schedule stays as
    /// it was (docs/learning.md, "Cramming").
    #[arg(long, value_name = "DECK|FACT|MEETING", conflicts_with = "decks")]
    pub cram: Option<String>,

    /// With --cram: only questions of this kind; `recall` for every kind that asks to recall
    /// rather than recognise.
    #[arg(long, value_name = "KIND", requires = "cram")]
    pub kind: Option<String>,
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
    let cram = match (&args.cram, &args.kind) {
        (Some(_), Some(k)) => Some(
            CramKind::parse(k)
                .ok_or_else(|| Error::Usage(crate::t!("study.bad_kind", kind = k)))?,
        ),
        (Some(_), None) => Some(CramKind::Top),
        _ => None,
    };
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
    match (&args.cram, cram) {
        (Some(target), Some(kind)) => {
            session.cram(target, &kind)?;
        }
        _ => {
            session.run()?;
        }
    }
    Ok(())
}
