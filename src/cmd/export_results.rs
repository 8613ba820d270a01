//! `quiz export-results`: this student's results as a JSON file for the instructor.

use std::io::Write;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::results;

use super::Ctx;

/// Write your results as a JSON file to hand to your instructor.
///
/// Per answered question: reviews, lapses, Again answers, last rating, answers you overruled
/// (with the question and its expected answer). Per fact you studied: its memory (rung,
/// FSRS stability and difficulty, when you last answered it), so the report can predict your
/// recall; the version of each deck; and the questions you flagged as wrong
/// (`quiz browse --flag`), with your comments.
/// The file names you only by --name, if you give one, and holds no other personal data:
/// of study times only each fact's last answer and when each flag was made, no typed
/// answers other than the ones you overruled as right and your flags' comments.
///
/// It holds the decks named with --deck; without it, the built-in decks and those added
/// from deck files, never a deck you imported from an Anki package (name it to include it).
/// The decks it holds are listed before it is written.
#[derive(Debug, clap::Args)]
pub struct ExportResultsArgs {
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The name to show in the class report (any name you choose).
    #[arg(long)]
    pub name: Option<String>,

    /// Only this deck's results (repeat for more) [default: the built-in decks and those
    /// added from deck files].
    #[arg(long, value_name = "DECK")]
    pub deck: Vec<String>,
}

pub fn run(ctx: &Ctx, args: &ExportResultsArgs, out: &mut dyn Write) -> Result<()> {
    let db = ctx.open_db()?;
    let all = db.deck_texts()?;
    let personal = |text: &str| crate::import::apkg::is_converted(text);
    let chosen: Vec<String> = if args.deck.is_empty() {
        all.iter()
            .filter(|(_, _, text)| !personal(text))
            .map(|(id, _, _)| id.clone())
            .collect()
    } else {
        for d in &args.deck {
            if !all.iter().any(|(id, _, _)| id == d) {
                return Err(Error::UnknownDeck(d.clone()));
            }
        }
        args.deck.clone()
    };
    let left_out: Vec<&str> = all
        .iter()
        .filter(|(id, _, text)| personal(text) && !chosen.contains(id))
        .map(|(id, _, _)| id.as_str())
        .collect();
    let file = results::collect(&db, ctx.now, args.name.as_deref(), &chosen)?;
    let mut json = serde_json::to_string_pretty(&file)
        .map_err(|e| Error::Other(crate::t!("export_results.cannot_write", reason = e)))?;
    json.push('\n');
    let json = crate::term::json(&json).into_owned();
    // Said before the file is written, on the terminal: what the instructor will see.
    let decks = if chosen.is_empty() {
        crate::t!("export_results.no_decks")
    } else {
        chosen.join(", ")
    };
    let mut said = if chosen.len() == 1 {
        crate::tn!(
            "export_results.said_one_deck",
            file.questions.len(),
            decks = decks
        )
    } else {
        crate::tn!("export_results.said", file.questions.len(), decks = decks)
    };
    let facts = file.facts.as_ref().map_or(0, Vec::len);
    said.push_str(&crate::tn!("export_results.memory", facts));
    if !left_out.is_empty() {
        said.push_str(&crate::t!(
            "export_results.left_out",
            decks = left_out.join(", ")
        ));
    }
    let said = crate::term::clean(&said).into_owned();
    match &args.output {
        None => {
            eprintln!("{said}");
            out.write_all(json.as_bytes())
                .map_err(|e| Error::io("stdout", e))
        }
        Some(p) => {
            crate::outfile::write(p, json.as_bytes())?;
            writeln!(out, "{}: {said}", p.display()).map_err(|e| Error::io("stdout", e))
        }
    }
}
