//! Prints what our scheduler does with a stream of answers, for `scripts/fsrs-xcheck.py`.
//!
//! Usage: `fsrs_xcheck DESIRED_RETENTION [PARAMETERS]` (parameters comma-separated, empty for
//! the defaults). Reads lines `CARD UNIX_SECS RATING` from stdin, answers each card in order
//! with no learning or relearning steps, no fuzz, rollover at 00:00 UTC (py-fsrs's settings for
//! a pure-algorithm comparison), and prints per line
//! `CARD STABILITY DIFFICULTY SCHEDULED_DAYS RAW_FSRS_INTERVAL ELAPSED_DAYS`.
//!
//! The raw interval (before rounding and ordering) is printed because py-fsrs rounds half to
//! even and does not keep hard < good < easy, so the script compares days against it.

use std::collections::HashMap;
use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use quiz::schedule::{CardState, FuzzFactor, Rating, Settings, answer_with_fuzz};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fsrs_xcheck: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut settings = Settings {
        learning_steps: Vec::new(),
        relearning_steps: Vec::new(),
        fuzz: false,
        rollover_hour: 0,
        ..Settings::default()
    };
    settings.set(
        "desired_retention",
        &args.next().ok_or("missing DESIRED_RETENTION")?,
    )?;
    settings.set("parameters", &args.next().unwrap_or_default())?;
    let fsrs = fsrs::FSRS::new(&settings.parameters)?;
    let no_fuzz = FuzzFactor::new(0.0).ok_or("0 is a valid fuzz factor")?;

    let mut cards: HashMap<String, CardState> = HashMap::new();
    let out = io::stdout();
    let mut out = BufWriter::new(out.lock());
    for line in io::stdin().lock().lines() {
        let line = line?;
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [card_id, secs, rating] = fields[..] else {
            return Err(format!("expected `CARD UNIX_SECS RATING`, got {line:?}").into());
        };
        let now: i64 = secs.parse()?;
        let rating: Rating = rating.parse()?;
        let card = cards.entry(card_id.to_owned()).or_default();
        let done = answer_with_fuzz(card, rating, now, &settings, 0, no_fuzz)?;
        let stability = done.card.stability.ok_or("answered card has a stability")?;
        let difficulty = done
            .card
            .difficulty
            .ok_or("answered card has a difficulty")?;
        let raw = fsrs.next_interval(Some(stability), settings.desired_retention, 0);
        writeln!(
            out,
            "{card_id}\t{stability}\t{difficulty}\t{}\t{raw}\t{}",
            done.card.interval_days, done.elapsed_days
        )?;
        *card = done.card;
    }
    out.flush()?;
    Ok(())
}
