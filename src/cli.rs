//! The command line: clap definitions and dispatch. Each subcommand lives in `cmd/`.

use std::io::Write;
use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::cmd::{self, Ctx};
use crate::error::Result;

const ENV_HELP: &str = "\
Environment:
  QUIZ_DB      database file (same as --db)
  QUIZ_NOW     pretend the time is this (unix seconds or YYYY-MM-DDTHH:MM:SSZ, 1970 to 9999);
               the clock then stands still for the whole session; for tests
  QUIZ_SEED    seed for shuffling in sessions; for tests
  LC_ALL, LC_MESSAGES, LANG
               the interface language (zh_* for Chinese, else English) unless
               `quiz config ui_language` says otherwise
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
    Stats(cmd::stats::StatsArgs),
    Browse(cmd::browse::BrowseArgs),
    AddDeck(cmd::add_deck::AddDeckArgs),
    Decks(cmd::decks::DecksArgs),
    Questions(cmd::questions::QuestionsArgs),
    Check(cmd::check::CheckArgs),
    Config(cmd::config::ConfigArgs),
    Optimize(cmd::optimize::OptimizeArgs),
    Completions(cmd::completions::CompletionsArgs),
    Man(cmd::man::ManArgs),
    Grade(cmd::grade::GradeArgs),
    DraftDeck(cmd::draft_deck::DraftDeckArgs),
    Export(cmd::export::ExportArgs),
    ExportResults(cmd::export_results::ExportResultsArgs),
    ClassReport(cmd::class_report::ClassReportArgs),
}

/// Chooses the interface language for this process: the database's `ui_language` setting
/// when it says `en` or `zh`, else the locale. The database is the one the command will use
/// (`--db`, `QUIZ_DB`, the default), peeked before parsing so that `--help` and clap's errors
/// speak the language too.
pub fn choose_language(args: &[std::ffi::OsString]) {
    let mut db = None;
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--db" {
            db = it.next().map(PathBuf::from);
        } else if let Some(p) = a.to_str().and_then(|s| s.strip_prefix("--db=")) {
            db = Some(PathBuf::from(p));
        }
    }
    let db = db
        .or_else(|| std::env::var_os("QUIZ_DB").map(PathBuf::from))
        .filter(|p| !p.as_os_str().is_empty())
        .or_else(|| cmd::default_db_path().ok());
    let setting = db.and_then(|p| crate::db::peek_setting(&p, "ui_language"));
    crate::i18n::apply_setting(setting.as_deref().unwrap_or("auto"));
}

/// Parses the command line; help, version and usage errors are printed in the interface
/// language and end the process.
pub fn parse(args: Vec<std::ffi::OsString>) -> Cli {
    // English needs no work; another language translates the command tree only when clap
    // has something to print, so a normal start pays nothing for it.
    let parsed = Cli::command()
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    if parsed.is_err() {
        // Help, version and usage errors end the process here, without unwinding.
        crate::db::Peeked::close();
    }
    match parsed {
        Ok(cli) => cli,
        Err(e) if crate::i18n::lang() == crate::i18n::Lang::En => e.exit(),
        Err(e) => {
            let cmd = crate::i18n::help::localize(Cli::command(), crate::i18n::lang());
            if let Err(local) = cmd.try_get_matches_from(&args) {
                local.exit();
            }
            e.exit()
        }
    }
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
        Command::Stats(a) => cmd::stats::run(&ctx, a, out),
        Command::Config(a) => cmd::config::run(&ctx, a, out),
        Command::Optimize(a) => cmd::optimize::run(&ctx, a, out),
        Command::Completions(a) => cmd::completions::run(a, out),
        Command::Man(a) => cmd::man::run(a, out),
        Command::DraftDeck(a) => cmd::draft_deck::run(&ctx, a, out),
    };
    r.map_err(|e| e.in_db(&ctx.db_path))
}
