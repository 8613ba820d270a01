//! `quiz man`: the manual pages, in roff, from the same definitions as `--help`.

use std::io::Write;
use std::path::PathBuf;

use clap::CommandFactory;

use crate::error::{Error, Result};

/// Print the manual page (roff): `quiz man | man -l -`.
///
/// `quiz man` is quiz(1), listing every command; `quiz man COMMAND` is that command's page,
/// quiz-COMMAND(1), with all its options. `quiz man --dir ~/.local/share/man/man1` writes
/// all of them there.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// A command's own page instead of quiz(1).
    pub command: Option<String>,
    /// Write quiz.1 and every quiz-COMMAND.1 into this folder instead of printing a page.
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    pub dir: Option<PathBuf>,
}

/// The command's messages, in one place.
mod msg {
    pub fn unknown(name: &str) -> String {
        crate::t!("man.unknown", name = name)
    }
    pub fn written(pages: usize, dir: &str) -> String {
        crate::t!("man.written", pages = pages, dir = dir)
    }
}

pub fn run(args: &ManArgs, out: &mut dyn Write) -> Result<()> {
    let mut cli = crate::cli::Cli::command().disable_help_subcommand(true);
    cli.build();
    if let Some(dir) = &args.dir {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let mut pages = vec![cli.clone()];
        pages.extend(cli.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
        for page in &pages {
            let man = man(page.clone());
            let path = dir.join(man.get_filename());
            crate::outfile::write(&path, &render(&man)?)?;
        }
        return writeln!(
            out,
            "{}",
            msg::written(
                pages.len(),
                &crate::term::clean_line(&dir.to_string_lossy())
            )
        )
        .map_err(|e| Error::io("stdout", e));
    }
    let page = match &args.command {
        None => cli,
        Some(name) => cli
            .get_subcommands()
            .find(|s| s.get_name() == name)
            .cloned()
            .ok_or_else(|| Error::Usage(msg::unknown(&crate::term::clean_line(name))))?,
    };
    out.write_all(&render(&man(page))?)
        .map_err(|e| Error::io("stdout", e))
}

fn man(page: clap::Command) -> clap_mangen::Man {
    clap_mangen::Man::new(page)
        .source(format!("quiz {}", env!("CARGO_PKG_VERSION")))
        .manual("quiz manual")
}

fn render(man: &clap_mangen::Man) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    man.render(&mut buf).map_err(|e| Error::io("stdout", e))?;
    Ok(buf)
}
