use std::io::Write;
use std::process::ExitCode;

// A large import or export allocates millions of small strings on two threads. With glibc's
// allocator a 100,000-question import spent over a quarter of its generating thread in
// malloc and free, and its small blocks cost 32 bytes each however short the string.
// mimalloc (version 2; no transparent huge pages, which grew the peak by whole 2 MiB pages)
// cut that thread's instructions by 28% and the import's peak from 70 to 60 MiB
// (docs/benchmarks.md, "Import, fourth pass").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// mimalloc.h's `mi_option_purge_delay` (the same in its versions 2 and 3).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

fn main() -> ExitCode {
    quiz::db::configure_sqlite();
    let args: Vec<_> = std::env::args_os().collect();
    quiz::cli::choose_language(&args);
    let cli = quiz::cli::parse(args);
    // How long memory freed stays with the process before it is given back to the system.
    // An import gives it back after 1 ms: its peak depends on the timing of its two threads
    // (60 to 71 MiB over runs of the same 100,000-question deck with mimalloc's default
    // 10 ms), and given back at once every batch's memory was zeroed again by the kernel
    // (29,700 page faults, a tenth of the import's time): 1 ms keeps the batches' memory
    // between one batch and the next, 17,500 faults, the import 8% faster, a peak of 51-58
    // MiB over runs on a quiet and a busy machine (50-52 at once). Every other command keeps
    // it 100 ms, so that memory freed on one thread and wanted again on another is not given
    // back and zeroed again by the kernel: a 100,000-question .apkg export took 47,000 page
    // faults at once, 19,000 with 100 ms, and 15% less time for 5% more peak memory (97 →
    // 102 MiB).
    let purge_ms = match cli.command {
        quiz::cli::Command::AddDeck(_) | quiz::cli::Command::Check(_) => 1,
        _ => 100,
    };
    // SAFETY: setting an option is allowed at any time, from any thread.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, purge_ms) };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = quiz::cli::run(cli, &mut out);
    // The peek's connection, when the command did not take it (`quiz::db::peek_setting`).
    quiz::db::Peeked::close();
    match result {
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
