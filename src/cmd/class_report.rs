//! `quiz class-report FILES...`: students' result files merged into a table per student,
//! the hardest facts, figures per list, meeting and source, deck versions, overruled answers
//! and flagged questions.

use std::io::Write;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::results::report;

use super::Ctx;

/// Merge students' result files into a class report: who is behind, which facts are hard.
///
/// Reads files written by `quiz export-results` and reports, per student, answers, accuracy,
/// facts reached and at the free-recall rung, last activity and who is behind the class
/// median; the hardest facts; accuracy and predicted recall per list, meeting and source; the
/// deck versions students used; answers students overruled as right (with the prompt and the
/// expected answer) and questions they flagged.
///
/// Accuracy is measured (the share of answers that were right); predicted recall is FSRS's
/// prediction, for the time the report is made, from each student's memory of each fact.
/// A file given twice, or the same results under two names, counts once, with a warning.
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

    /// How many of the hardest facts to list (0: every fact).
    #[arg(long, default_value_t = 15, value_name = "N")]
    pub top: usize,

    /// The fewest answers a fact needs to be ranked among the hardest.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub min_answers: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Md,
    Html,
}

pub fn run(ctx: &Ctx, args: &ClassReportArgs, out: &mut dyn Write) -> Result<()> {
    let files = args
        .files
        .iter()
        .map(|p| report::load(p))
        .collect::<Result<Vec<_>>>()?;
    let (files, mut warnings) = report::dedupe(files);
    let mut r = report::build(&files, ctx.now);
    warnings.append(&mut r.warnings);
    r.warnings = warnings;
    // Also on the terminal when the report goes to a file.
    if args.output.is_some() {
        for w in &r.warnings {
            eprintln!(
                "{}",
                crate::t!("report.warning", warning = crate::term::clean_line(w))
            );
        }
    }
    let o = report::Options {
        top: args.top,
        min_answers: args.min_answers,
    };
    let text = match args.format {
        ReportFormat::Text => report::text(&r, o),
        ReportFormat::Md => report::markdown(&r, o),
        ReportFormat::Html => report::html(&r, o),
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
