//! `quiz completions` and `quiz man`: the scripts a shell loads and the manual pages.

mod common;

use clap::CommandFactory;
use common::Env;

/// The visible subcommands, as `--help` lists them.
fn subcommands() -> Vec<String> {
    quiz::cli::Cli::command()
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_owned())
        .collect()
}

/// Completes `words` (the last one being completed) with the bash script sourced, as bash
/// does on Tab: the candidates, one a line.
fn complete_bash(env: &Env, script: &std::path::Path, words: &[&str]) -> Vec<String> {
    let bin = assert_cmd::cargo::cargo_bin("quiz");
    let quoted: Vec<String> = words
        .iter()
        .map(|w| format!("'{}'", w.replace('\'', "'\\''")))
        .collect();
    let program = format!(
        "source '{}'\nCOMP_WORDS=({})\nCOMP_CWORD={}\nCOMP_LINE=\"${{COMP_WORDS[*]}}\"\n\
         COMP_POINT=${{#COMP_LINE}}\nspec=$(complete -p quiz)\nfn=${{spec#*-F }}\nfn=${{fn%% *}}\n\
         \"$fn\" quiz \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script.display(),
        quoted.join(" "),
        words.len() - 1
    );
    let out = std::process::Command::new("bash")
        .arg("--noprofile")
        .arg("--norc")
        .arg("-c")
        .arg(program)
        .env_clear()
        .env(
            "PATH",
            format!("{}:/usr/bin:/bin", bin.parent().unwrap().display()),
        )
        .env("QUIZ_DB", env.db())
        .env("HOME", env.dir.path())
        .env("TZ", "UTC")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_bash_script_parses_and_completes_subcommands_and_deck_names() {
    let env = Env::new();
    let script = env.write("quiz.bash", &env.ok(&["completions", "bash"]));
    let check = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "bash -n: {}",
        String::from_utf8_lossy(&check.stderr)
    );

    // Before any deck: a subcommand completes, and asking for deck names creates no database.
    assert_eq!(complete_bash(&env, &script, &["quiz", "opt"]), ["optimize"]);
    // (On an empty word clap offers the options too: only the rest are deck names.)
    let words = |v: Vec<String>| {
        v.into_iter()
            .filter(|w| !w.starts_with('-'))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        words(complete_bash(&env, &script, &["quiz", "study", ""])),
        Vec::<String>::new()
    );
    assert!(!env.db().exists(), "completing must not create a database");

    env.ok(&["add-deck", "--builtin"]);
    assert_eq!(
        complete_bash(&env, &script, &["quiz", "study", "sc"]),
        ["sco-fm-2020"]
    );
    let all = complete_bash(&env, &script, &["quiz", "questions", ""]);
    assert!(
        all.contains(&"cc5-xian-2021".to_owned()) && all.contains(&"sco-fm-2020".to_owned()),
        "{all:?}"
    );
    // The deck names of the database the command line names, not QUIZ_DB's.
    let other = Env::new();
    other.ok(&["add-deck", common::fixture("mini.toml").to_str().unwrap()]);
    let names: Vec<String> = other
        .ok(&["decks", "--names"])
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    let db = other.db();
    let got = words(complete_bash(
        &env,
        &script,
        &["quiz", "--db", db.to_str().unwrap(), "export", ""],
    ));
    assert_eq!(got, names);
    // After an option taking a value, its values, not decks.
    let formats = complete_bash(&env, &script, &["quiz", "export", "-f", ""]);
    assert!(formats.contains(&"apkg".to_owned()), "{formats:?}");
    assert!(!formats.contains(&"sco-fm-2020".to_owned()), "{formats:?}");
    // A command that takes no deck is not offered any.
    assert_eq!(
        complete_bash(&env, &script, &["quiz", "config", "sc"]),
        Vec::<String>::new()
    );
}

#[test]
fn zsh_and_fish_scripts_ask_the_database_for_deck_names() {
    let env = Env::new();
    for shell in ["zsh", "fish"] {
        let s = env.ok(&["completions", shell]);
        assert!(s.contains("decks --names"), "{shell}");
        for sub in subcommands() {
            assert!(s.contains(&sub), "{shell} script lacks {sub}");
        }
    }
    let err = env.fails(&["completions", "tcsh"]);
    assert!(err.contains("possible values: bash, zsh, fish"), "{err}");
}

#[test]
fn the_man_page_lists_every_command_and_each_has_its_own_page() {
    let env = Env::new();
    let page = env.ok(&["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH quiz 1"),
        "{page}"
    );
    assert!(page.contains(".TH quiz 1"), "{page}");
    for sub in subcommands() {
        let roff_name = format!("quiz\\-{}", sub.replace('-', "\\-"));
        assert!(page.contains(&roff_name), "quiz(1) lacks {sub}");
        let own = env.ok(&["man", &sub]);
        assert!(own.contains(&format!(".TH quiz-{sub} 1")), "{sub}: {own}");
    }
    let decks = env.ok(&["man", "decks"]);
    assert!(
        decks.contains("\\-\\-json") && !decks.contains("\\-\\-names"),
        "hidden options stay out: {decks}"
    );

    let dir = env.path("man1");
    env.ok(&["man", "--dir", dir.to_str().unwrap()]);
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    let mut expected: Vec<String> = subcommands()
        .iter()
        .map(|s| format!("quiz-{s}.1"))
        .collect();
    expected.push("quiz.1".into());
    expected.sort();
    assert_eq!(files, expected);
    assert_eq!(std::fs::read_to_string(dir.join("quiz.1")).unwrap(), page);

    let err = env.fails(&["man", "nope"]);
    assert_eq!(err.trim(), "quiz: no command `nope`; `quiz man` lists them");
}
