//! Writes a synthetic review history into a quiz database (for `scripts/bench optimize`):
//! `cargo run --release --example gen_history -- DB REVIEWS [END_UNIX_SECS]`. The database
//! must hold decks with enough facts (20 are introduced a day over 400 days).

#[path = "../tests/support/history.rs"]
mod history;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, db, n, rest @ ..] = args.as_slice() else {
        eprintln!("usage: gen_history DB REVIEWS [END_UNIX_SECS]");
        std::process::exit(2);
    };
    let end = rest
        .first()
        .map_or(1_772_409_600, |s| s.parse().expect("END_UNIX_SECS"));
    let n: usize = n.parse().expect("REVIEWS");
    let written = history::write(std::path::Path::new(db), n, end, 1);
    println!("{written}");
}
