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
        crate::t!(
            "questions.unknown_kind",
            kind = s,
            kinds = Kind::ALL.map(Kind::as_str).join(", ")
        )
    })
}

pub fn run(ctx: &Ctx, args: &QuestionsArgs, out: &mut dyn Write) -> Result<()> {
    let db = ctx.open_db()?;
    let qs = db.questions(&args.deck, args.kind)?;
    let io = |e| Error::io("stdout", e);
    for q in &qs {
        if args.json {
            let json = serde_json::to_string(q).unwrap_or_default();
            writeln!(out, "{}", crate::term::json(&json)).map_err(io)?;
            continue;
        }
        // Deck text may hold escape sequences: printed for a terminal, they are removed.
        let mut text = String::new();
        write_question(&mut text, q);
        write!(out, "{}", crate::term::clean(&text)).map_err(io)?;
    }
    if !args.json {
        writeln!(out, "{}", crate::tn!("questions.count", qs.len())).map_err(io)?;
    }
    Ok(())
}

/// One question as `quiz questions` shows it.
fn write_question(out: &mut String, q: &crate::question::Question) {
    use std::fmt::Write as _;
    let _ = writeln!(out, "{}", q.uid);
    let _ = writeln!(out, "  Q: {}", q.prompt);
    match &q.answer {
        Answer::Choice { options, .. } => {
            for (i, o) in options.iter().enumerate() {
                let _ = writeln!(out, "     {}. {o}", letter(i));
            }
        }
        Answer::Order { shown, .. } => {
            for (i, o) in shown.iter().enumerate() {
                let _ = writeln!(out, "     {}. {o}", letter(i));
            }
        }
        _ => {}
    }
    let _ = writeln!(out, "  A: {}", q.answer.display());
    if let Answer::Text { accepted } = &q.answer
        && accepted.len() > 1
    {
        let also = accepted[1..].join(" | ");
        let _ = writeln!(
            out,
            "     {}",
            crate::t!("questions.also_accepted", answers = also)
        );
    }
    let _ = writeln!(out, "  {}", crate::t!("questions.from", source = q.source));
    let _ = writeln!(out);
}

/// A, B, C… for options.
pub fn letter(i: usize) -> char {
    char::from(b'A' + (i % 26) as u8)
}
