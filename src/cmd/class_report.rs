//! `quiz class-report FILES...`: students' result files merged into the hardest facts and
//! retention per list and per source.

use std::io::Write;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::results::report;

use super::Ctx;

/// Merge students' result files into a class report: the hardest facts and retention.
///
/// Reads files written by `quiz export-results` and reports the hardest facts, retention
/// per list and per source, and the answers students overruled as right.
#[derive(Debug, clap::Args)]
pub struct ClassReportArgs {
    /// Result files.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Output: a terminal table, Markdown or an HTML page.
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: ReportFormat,

    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// How many of the hardest facts to list.
    #[arg(long, default_value_t = 15, value_name = "N")]
    pub top: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Md,
    Html,
}

pub fn run(_ctx: &Ctx, args: &ClassReportArgs, out: &mut dyn Write) -> Result<()> {
    let files = args
        .files
        .iter()
        .map(|p| report::load(p))
        .collect::<Result<Vec<_>>>()?;
    let r = report::build(&files);
    let text = match args.format {
        ReportFormat::Text => report::text(&r, args.top),
        ReportFormat::Md => report::markdown(&r, args.top),
        ReportFormat::Html => report::html(&r, args.top),
    };
    // Names and answers come from students' files: no control characters get through.
    let text = crate::term::clean(&text);
    match &args.output {
        None => out
            .write_all(text.as_bytes())
            .map_err(|e| Error::io("stdout", e)),
        Some(p) => crate::outfile::write(p, text.as_bytes()),
    }
}
