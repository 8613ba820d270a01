//! `quiz questions DECK`: the generated questions with their answers, for an instructor to
//! check.

use std::io::Write;

use crate::error::{Error, Result};
use crate::question::{Answer, Kind};

use super::Ctx;

/// Print a deck's generated questions with their answers.
#[derive(Debug, clap::Args)]
pub struct QuestionsArgs {
    /// The deck id (see `quiz decks`).
    pub deck: String,

    /// Only questions of this kind.
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<Kind>,

    /// One JSON object per question.
    #[arg(long)]
    pub json: bool,
}

fn parse_kind(s: &str) -> std::result::Result<Kind, String> {
    Kind::parse(s).ok_or_else(|| {
        format!(
            "unknown kind `{s}` (one of: {})",
            Kind::ALL.map(Kind::as_str).join(", ")
        )
    })
}

pub fn run(ctx: &Ctx, args: &QuestionsArgs, out: &mut dyn Write) -> Result<()> {
    let db = ctx.open_db()?;
    let qs = db.questions(&args.deck, args.kind)?;
    let io = |e| Error::io("stdout", e);
    for q in &qs {
        if args.json {
            writeln!(out, "{}", serde_json::to_string(q).unwrap_or_default()).map_err(io)?;
            continue;
        }
        writeln!(out, "{}", q.uid).map_err(io)?;
        writeln!(out, "  Q: {}", q.prompt).map_err(io)?;
        match &q.answer {
            Answer::Choice { options, .. } => {
                for (i, o) in options.iter().enumerate() {
                    writeln!(out, "     {}. {o}", letter(i)).map_err(io)?;
                }
            }
            Answer::Order { shown, .. } => {
                for (i, o) in shown.iter().enumerate() {
                    writeln!(out, "     {}. {o}", letter(i)).map_err(io)?;
                }
            }
            _ => {}
        }
        writeln!(out, "  A: {}", q.answer.display()).map_err(io)?;
        if let Answer::Text { accepted } = &q.answer
            && accepted.len() > 1
        {
            writeln!(out, "     also accepted: {}", accepted[1..].join(" | ")).map_err(io)?;
        }
        writeln!(out, "  from: {}", q.source).map_err(io)?;
        writeln!(out).map_err(io)?;
    }
    if !args.json {
        writeln!(out, "{} questions", qs.len()).map_err(io)?;
    }
    Ok(())
}

/// A, B, C… for options.
pub fn letter(i: usize) -> char {
    char::from(b'A' + (i % 26) as u8)
}
