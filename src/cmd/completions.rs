//! `quiz completions SHELL`: a completion script for bash, zsh or fish that completes
//! subcommands, options and the names of the decks in the database.
//!
//! clap_complete writes the static part (subcommands, options). Deck names live in the
//! database, so each script also asks `quiz decks --names` (with the `--db` on the command
//! line being completed, if any) when the word being completed is a DECK argument: of
//! `study`, `questions`, `check`, `export` and any other subcommand with a positional
//! argument whose value name says DECK.

use std::io::Write;

use clap::CommandFactory;

use crate::error::{Error, Result};

/// Print a shell completion script (subcommands, options and deck names).
///
/// Install: bash `quiz completions bash > ~/.local/share/bash-completion/completions/quiz`;
/// zsh `quiz completions zsh > ~/.zfunc/_quiz` (with `fpath+=(~/.zfunc)` before `compinit`);
/// fish `quiz completions fish > ~/.config/fish/completions/quiz.fish`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell.
    pub shell: Shell,
}

/// The shells a script is written for.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// What each script adds to clap_complete's: `{subs}` is the subcommands taking decks,
/// `{opts}` the options of those subcommands that take a value (after one of them the word
/// is that value, not a deck).
mod script {
    pub fn bash(subs: &str, opts: &str) -> String {
        format!(
            r#"
# Deck names from the database (the --db of the command line, else QUIZ_DB or the default).
_quiz_deck_names() {{
    local i db=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${{COMP_WORDS[i]}}" in
            --db) db=(--db "${{COMP_WORDS[i+1]}}"); ((i++)) ;;
            --db=*) db=("${{COMP_WORDS[i]}}") ;;
        esac
    done
    "${{COMP_WORDS[0]}}" "${{db[@]}}" decks --names 2> /dev/null
}}

_quiz_with_decks() {{
    _quiz "$@"
    local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}" i sub=""
    [[ $cur == -* ]] && return 0
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${{COMP_WORDS[i]}}" in
            --db) ((i++)) ;;
            -*) ;;
            *) sub="${{COMP_WORDS[i]}}"; break ;;
        esac
    done
    case " {subs} " in *" $sub "*) ;; *) return 0 ;; esac
    case " {opts} " in *" $prev "*) return 0 ;; esac
    local name
    while IFS= read -r name; do
        [[ $name == "$cur"* ]] && COMPREPLY+=("$name")
    done < <(_quiz_deck_names)
    return 0
}}
complete -F _quiz_with_decks -o bashdefault -o default quiz
"#
        )
    }

    pub fn zsh(subs: &str, opts: &str) -> String {
        format!(
            r#"
# Deck names from the database, offered alongside clap's completions for DECK arguments.
_quiz_with_decks() {{
    local -a db decks
    local i sub=""
    for ((i = 2; i < CURRENT; i++)); do
        case "${{words[i]}}" in
            --db) db=(--db "${{words[i+1]}}"); ((i++)) ;;
            --db=*) db=("${{words[i]}}") ;;
            -*) ;;
            *) [[ -z $sub ]] && sub="${{words[i]}}" ;;
        esac
    done
    if [[ " {subs} " == *" $sub "* && " {opts} " != *" ${{words[CURRENT-1]}} "* \
          && ${{words[CURRENT]}} != -* ]]; then
        decks=(${{(f)"$(${{words[1]}} $db decks --names 2> /dev/null)"}})
        (( ${{#decks}} )) && compadd -a decks
    fi
    _quiz "$@"
}}
compdef _quiz_with_decks quiz
"#
        )
    }

    pub fn fish(subs: &str) -> String {
        format!(
            r#"
# Deck names from the database for DECK arguments.
function __quiz_deck_names
    set -l db
    set -l words (commandline -opc)
    for i in (seq (count $words))
        if test "$words[$i]" = --db; and test $i -lt (count $words)
            set db --db $words[(math $i + 1)]
        end
    end
    $words[1] $db decks --names 2> /dev/null
end
complete -c quiz -n "__fish_seen_subcommand_from {subs}" -f -a "(__quiz_deck_names)"
"#
        )
    }
}

pub fn run(args: &CompletionsArgs, out: &mut dyn Write) -> Result<()> {
    let mut cmd = crate::cli::Cli::command();
    let (subs, opts) = deck_arguments(&cmd);
    let mut buf = Vec::new();
    let shell = match args.shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    clap_complete::generate(shell, &mut cmd, "quiz", &mut buf);
    let extra = match args.shell {
        Shell::Bash => script::bash(&subs, &opts),
        Shell::Zsh => script::zsh(&subs, &opts),
        Shell::Fish => script::fish(&subs),
    };
    let mut text = String::from_utf8_lossy(&buf).into_owned();
    if matches!(args.shell, Shell::Zsh) {
        // Run as an autoloaded function the file's body would call `_quiz` itself: ours
        // takes over the registration instead.
        text = text.replace(
            "if [ \"$funcstack[1]\" = \"_quiz\" ]; then\n    _quiz \"$@\"\nelse\n    compdef _quiz quiz\nfi",
            "",
        );
        text.push_str(&extra);
        text.push_str(
            "if [ \"$funcstack[1]\" = \"_quiz\" ]; then\n    _quiz_with_decks \"$@\"\nfi\n",
        );
    } else {
        text.push_str(&extra);
    }
    out.write_all(text.as_bytes())
        .map_err(|e| Error::io("stdout", e))
}

/// The subcommands with a positional argument named after decks, and the options of those
/// subcommands that take a value, each space-separated.
fn deck_arguments(cmd: &clap::Command) -> (String, String) {
    let mut subs = Vec::new();
    let mut opts = vec!["--db".to_owned()];
    for sub in cmd.get_subcommands() {
        let takes_decks = sub.get_positionals().any(|a| match a.get_value_names() {
            Some(names) => names.iter().any(|n| n.as_str().contains("DECK")),
            None => a.get_id().as_str().starts_with("deck"),
        });
        if !takes_decks {
            continue;
        }
        subs.push(sub.get_name().to_owned());
        for a in sub.get_opts().filter(|a| a.get_action().takes_values()) {
            if let Some(l) = a.get_long() {
                opts.push(format!("--{l}"));
            }
            if let Some(s) = a.get_short() {
                opts.push(format!("-{s}"));
            }
        }
    }
    opts.sort();
    opts.dedup();
    (subs.join(" "), opts.join(" "))
}
