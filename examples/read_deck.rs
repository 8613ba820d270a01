//! Times reading a deck file as `quiz add-deck` does (read within the cap, parse, validate),
//! without generating its questions: `cargo run --release --example read_deck -- FILE [RUNS]`.
//! Prints the fastest run and the facts read; for docs/benchmarks.md.

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, path, rest @ ..] = args.as_slice() else {
        eprintln!("usage: read_deck FILE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = rest.first().map_or(5, |s| s.parse().expect("RUNS"));
    let mut best = f64::INFINITY;
    let mut facts = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let bytes = quiz::input::read_capped(
            std::path::Path::new(path),
            quiz::input::MAX_DECK_BYTES,
            "deck file",
        )
        .expect("read");
        let text = String::from_utf8(bytes).expect("UTF-8");
        let deck = quiz::deck::parse_owned(path, text).expect("a valid deck");
        best = best.min(start.elapsed().as_secs_f64());
        let f = &deck.file;
        facts = f.lists.len() + f.qas.len() + f.terms.len() + f.events.len() + f.clozes.len();
        // Left to the process's end, as add-deck's deck is.
        std::mem::forget(deck);
    }
    println!("{facts} facts, fastest of {runs}: {:.3} s", best);
}
