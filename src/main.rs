use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().collect();
    quiz::cli::choose_language(&args);
    let cli = quiz::cli::parse(args);
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
            eprintln!("quiz: {}", quiz::term::clean(&quiz::i18n::error(&e)));
            ExitCode::FAILURE
        }
    }
}
