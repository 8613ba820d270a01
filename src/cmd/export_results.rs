//! `quiz export-results`: this student's results as a JSON file for the instructor.

use std::io::Write;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::results;

use super::Ctx;

/// Write your results as a JSON file to hand to your instructor.
///
/// Per answered question: reviews, lapses, last rating, recall probability, answers you
/// overruled.
/// The file names you only by --name, if you give one, and holds no other personal data:
/// no study times, no typed answers other than the ones you overruled as right.
#[derive(Debug, clap::Args)]
pub struct ExportResultsArgs {
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The name to show in the class report (any name you choose).
    #[arg(long)]
    pub name: Option<String>,
}

pub fn run(ctx: &Ctx, args: &ExportResultsArgs, out: &mut dyn Write) -> Result<()> {
    let db = ctx.open_db()?;
    let file = results::collect(&db, ctx.now, args.name.as_deref())?;
    let mut json = serde_json::to_string_pretty(&file)
        .map_err(|e| Error::Other(format!("cannot write results: {e}")))?;
    json.push('\n');
    match &args.output {
        None => out
            .write_all(json.as_bytes())
            .map_err(|e| Error::io("stdout", e)),
        Some(p) => {
            super::export::write_file(p, json.as_bytes())?;
            writeln!(
                out,
                "{}: results of {} answered questions",
                p.display(),
                file.questions.len()
            )
            .map_err(|e| Error::io("stdout", e))
        }
    }
}
