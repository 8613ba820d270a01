//! `--help` in the interface language.
//!
//! The English help is the clap derive doc comments (in src/cli.rs and src/cmd/*.rs, next to
//! the options they describe). Other languages translate it in their catalogue under ids
//! made from the command path: `help.quiz.study.about`, `help.quiz.study.long_about`,
//! `help.quiz.study.arg.json` (and `….long` for an argument's long help),
//! `help.quiz.after_help`; clap's own headings are `heading.*` and its built-in flags
//! `help.flag.*`. [`entries`] lists every id the command tree needs; a test checks that each
//! translation has them all and nothing stale.

use clap::Command;

use super::{Lang, text_in};

/// One translatable text of the command tree: its catalogue id and its English.
pub struct Entry {
    pub id: String,
    pub english: String,
}

/// The tree built (so that clap's own `--help`, `--version` and `help` are in it) and, in a
/// language other than English, every about, help and heading translated.
pub fn localize(mut cmd: Command, l: Lang) -> Command {
    cmd.build();
    if l == Lang::En {
        return cmd;
    }
    let path = cmd.get_name().to_owned();
    walk(cmd, &path, l)
}

fn tr(l: Lang, id: &str) -> Option<&'static str> {
    // Ids here are built at run time; the catalogue is keyed by `&'static str`.
    l.table().get(id).copied()
}

fn walk(mut cmd: Command, path: &str, l: Lang) -> Command {
    let t = |id: String| tr(l, &id);
    if cmd.get_about().is_some()
        && let Some(s) = t(format!("help.{path}.about"))
    {
        cmd = cmd.about(s);
    }
    if cmd.get_long_about().is_some()
        && let Some(s) = t(format!("help.{path}.long_about"))
    {
        cmd = cmd.long_about(s);
    }
    if cmd.get_after_help().is_some()
        && let Some(s) = t(format!("help.{path}.after_help"))
    {
        cmd = cmd.after_help(s);
    }
    let usage = text_in(l, "heading.usage");
    let options = text_in(l, "heading.options");
    let arguments = text_in(l, "heading.arguments");
    cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(text_in(l, "heading.commands"));
    let p = path.to_owned();
    cmd = cmd.mut_args(move |a| {
        let id = arg_id(&a, &p);
        let (short, long) = (tr(l, &id), tr(l, &format!("{id}.long")));
        let mut a = match (short, a.get_help().is_some()) {
            (Some(s), true) => a.help(s),
            _ => a,
        };
        if a.get_long_help().is_some()
            && let Some(s) = long
        {
            a = a.long_help(s);
        }
        // Custom headings replace clap's English "Arguments" and "Options".
        let heading = if a.is_positional() {
            arguments
        } else {
            options
        };
        a.help_heading(heading)
    });
    for sub in cmd.get_subcommands_mut() {
        let child = child_path(path, sub.get_name());
        let taken = std::mem::take(sub);
        *sub = walk(taken, &child, l);
    }
    cmd
}

/// The catalogue id of an argument's help: a global option (`--db`) and clap's own flags
/// have one id wherever they appear.
fn arg_id(a: &clap::Arg, path: &str) -> String {
    let id = a.get_id().as_str();
    let root = path.split('.').next().unwrap_or(path);
    match id {
        // clap words `--help` differently when a long help exists.
        "help"
            if a.get_help()
                .is_some_and(|h| h.to_string().contains("--help")) =>
        {
            "help.flag.help_more".to_owned()
        }
        "help" | "version" => format!("help.flag.{id}"),
        _ if a.is_global_set() => format!("help.{root}.arg.{id}"),
        _ => format!("help.{path}.arg.{id}"),
    }
}

/// The path of subcommand `name` of the command at `path`. `quiz help` lists the commands
/// again (`quiz help study`): those are the commands themselves, with the same texts.
fn child_path(path: &str, name: &str) -> String {
    match path.strip_suffix(".help") {
        Some(parent) if !parent.contains('.') => format!("{parent}.{name}"),
        _ => format!("{path}.{name}"),
    }
}

/// Every translatable text of the (built) command tree, for the catalogue tests.
pub fn entries(cmd: &Command) -> Vec<Entry> {
    let mut out = Vec::new();
    collect(cmd, cmd.get_name(), &mut out);
    out
}

fn collect(cmd: &Command, path: &str, out: &mut Vec<Entry>) {
    let mut push = |id: String, s: Option<&clap::builder::StyledStr>| {
        if let Some(s) = s {
            out.push(Entry {
                id,
                english: s.to_string(),
            });
        }
    };
    push(format!("help.{path}.about"), cmd.get_about());
    push(format!("help.{path}.long_about"), cmd.get_long_about());
    push(format!("help.{path}.after_help"), cmd.get_after_help());
    for a in cmd.get_arguments() {
        let id = arg_id(a, path);
        push(format!("{id}.long"), a.get_long_help());
        push(id, a.get_help());
    }
    for sub in cmd.get_subcommands() {
        collect(sub, &child_path(path, sub.get_name()), out);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use clap::CommandFactory;

    use super::*;

    /// The whole tree, as `quiz --help` and every `quiz COMMAND --help` show it.
    fn tree() -> Command {
        localize(crate::cli::Cli::command(), Lang::En)
    }

    #[test]
    fn every_help_text_of_the_command_tree_is_translated() {
        let entries = entries(&tree());
        assert!(entries.len() > 40, "only {} entries", entries.len());
        let needed: HashSet<_> = entries.iter().map(|e| e.id.as_str()).collect();
        for l in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            for e in &entries {
                assert!(
                    tr(l, &e.id).is_some(),
                    "{}: no translation of {} ({:?})",
                    l.code(),
                    e.id,
                    e.english
                );
            }
            // Nothing stale: a help id that no longer matches the tree is a renamed option.
            for (id, _) in l.catalogue() {
                if id.starts_with("help.") {
                    assert!(needed.contains(id), "{}: {id} is not in the tree", l.code());
                }
            }
        }
    }

    #[test]
    fn the_translated_tree_renders_in_chinese() {
        let mut cmd = localize(crate::cli::Cli::command(), Lang::Zh);
        let help = cmd.render_long_help().to_string();
        assert!(help.contains("用法:"), "{help}");
        assert!(!help.contains("Usage:"), "{help}");
        let study = cmd.find_subcommand_mut("study").unwrap();
        let help = study.render_help().to_string();
        assert!(help.contains("选项:"), "{help}");
        assert!(!help.contains("Options:"), "{help}");
    }
}
