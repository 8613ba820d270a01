//! The command line itself: clap's definition is consistent, and help names every command.

mod common;

use clap::CommandFactory;

#[test]
fn the_clap_definition_is_consistent() {
    quiz::cli::Cli::command().debug_assert();
}

#[test]
fn help_lists_the_commands_and_the_environment() {
    let env = common::Env::new();
    let out = env.ok(&["--help"]);
    for cmd in [
        "add-deck",
        "decks",
        "questions",
        "QUIZ_DB",
        "QUIZ_NOW",
        "QUIZ_SEED",
    ] {
        assert!(out.contains(cmd), "--help lacks {cmd}:\n{out}");
    }
}

#[test]
fn a_missing_subcommand_is_a_usage_error_not_a_panic() {
    let env = common::Env::new();
    let out = env.quiz().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage"));
}
