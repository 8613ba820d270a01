use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = quiz::cli::Cli::parse();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match quiz::cli::run(cli, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        // `quiz questions x | head` closing the pipe is not an error.
        Err(quiz::Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = out.flush();
            // A message may quote a file's text: nothing in it may steer the terminal.
            eprintln!("quiz: {}", quiz::term::clean(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}
