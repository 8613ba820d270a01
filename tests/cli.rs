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

/// Every command reads the interface language from the database before it parses its
/// arguments, and keeps that connection for its own open of the database. Whether the
/// command opens it or not, and also when the argument parser ends the process (help,
/// version, a usage error), that connection is closed before the process ends: SQLite
/// removes the -wal and -shm files it makes only when the last connection closes.
#[test]
fn no_command_leaves_files_beside_the_database() {
    let env = common::Env::new();
    env.ok(&["add-deck", "--builtin"]);
    env.ok(&["config", "ui_language", "zh"]);
    let db = env.db();
    let beside = |suffix: &str| {
        let mut p = db.clone().into_os_string();
        p.push(suffix);
        std::path::PathBuf::from(p)
    };
    let before = std::fs::read(&db).unwrap();
    let reading: [&[&str]; 6] = [
        &["--help"],
        &["--version"],
        &["decks", "--bogus"],
        &["completions", "bash"],
        &["man"],
        &["decks"],
    ];
    for args in reading {
        let out = env.quiz().args(args).output().unwrap();
        assert!(out.status.code().is_some(), "{args:?}: {out:?}");
        for suffix in ["-wal", "-shm", "-journal"] {
            assert!(!beside(suffix).exists(), "`quiz {args:?}` left {suffix}");
        }
        assert!(
            std::fs::read(&db).unwrap() == before,
            "`quiz {args:?}` changed the database"
        );
    }
    // The setting was read through that connection: help is in Chinese.
    let help = env.ok(&["--help"]);
    assert!(help.contains("用法"), "{help}");
    // A command that writes, through the same connection.
    let out = env
        .quiz()
        .args(["study", "--json"])
        .write_stdin("1\n:quit\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    for suffix in ["-wal", "-shm"] {
        assert!(!beside(suffix).exists(), "`quiz study` left {suffix}");
    }
    assert!(
        std::fs::read(&db).unwrap() != before,
        "the answer was stored"
    );
}
