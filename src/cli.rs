//! The command line: clap definitions and dispatch. Each subcommand lives in `cmd/`.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::cmd::{self, Ctx};
use crate::error::Result;

const ENV_HELP: &str = "\
Environment:
  QUIZ_DB      database file (same as --db)
  QUIZ_NOW     pretend the time is this (unix seconds or YYYY-MM-DDTHH:MM:SSZ, 1970 to 9999);
               the clock then stands still for the whole session; for tests
  QUIZ_SEED    seed for shuffling in sessions; for tests
";

/// A fast, offline terminal quiz and flashcard trainer for official texts.
#[derive(Debug, Parser)]
#[command(name = "quiz", version, after_help = ENV_HELP)]
pub struct Cli {
    /// The database file [default: the platform data directory, e.g. ~/.local/share/quiz/quiz.db]
    #[arg(long, global = true, env = "QUIZ_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
// In the order `--help` lists them: the student's commands, then the instructor's.
pub enum Command {
    Study(cmd::study::StudyArgs),
    Browse(cmd::browse::BrowseArgs),
    AddDeck(cmd::add_deck::AddDeckArgs),
    Decks(cmd::decks::DecksArgs),
    Questions(cmd::questions::QuestionsArgs),
    Check(cmd::check::CheckArgs),
    Config(cmd::config::ConfigArgs),
    Grade(cmd::grade::GradeArgs),
    DraftDeck(cmd::draft_deck::DraftDeckArgs),
    Export(cmd::export::ExportArgs),
    ExportResults(cmd::export_results::ExportResultsArgs),
    ClassReport(cmd::class_report::ClassReportArgs),
}

/// Runs a parsed command line, writing normal output to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<()> {
    let ctx = Ctx::from_env(cli.db)?;
    let r = match &cli.command {
        Command::AddDeck(a) => cmd::add_deck::run(&ctx, a, out),
        Command::Browse(a) => cmd::browse::run(&ctx, a, out),
        Command::Check(a) => cmd::check::run(&ctx, a, out),
        Command::ClassReport(a) => cmd::class_report::run(&ctx, a, out),
        Command::Decks(a) => cmd::decks::run(&ctx, a, out),
        Command::Export(a) => cmd::export::run(&ctx, a, out),
        Command::ExportResults(a) => cmd::export_results::run(&ctx, a, out),
        Command::Questions(a) => cmd::questions::run(&ctx, a, out),
        Command::Grade(a) => cmd::grade::run(&ctx, a, out),
        Command::Study(a) => cmd::study::run(&ctx, a, out),
        Command::Config(a) => cmd::config::run(&ctx, a, out),
        Command::DraftDeck(a) => cmd::draft_deck::run(&ctx, a, out),
    };
    r.map_err(|e| e.in_db(&ctx.db_path))
}
