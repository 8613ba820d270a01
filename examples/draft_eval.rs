//! Compares drafts with hand-written decks: for `scripts/draft-eval`.
//!
//! Usage: `draft_eval ARTICLE DECK [NOISE_LINES]` (noise lines: comma-separated line numbers of
//! the article that are web noise). Drafts the article as it is, in traditional characters and
//! with inline pinyin, and prints the figures of each draft against the deck
//! (`quiz::draft::eval`), plus the drafting time.

use std::process::ExitCode;
use std::time::Instant;

use quiz::draft::{self, eval};

#[path = "../tests/support/variants.rs"]
mod variants;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("draft_eval: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (article, deck) = match args.as_slice() {
        [a, d, ..] => (a, d),
        _ => return Err("usage: draft_eval ARTICLE DECK [NOISE_LINES]".into()),
    };
    let text = std::fs::read_to_string(article).map_err(|e| format!("{article}: {e}"))?;
    let reference = std::fs::read_to_string(deck).map_err(|e| format!("{deck}: {e}"))?;
    let lines: Vec<&str> = text.split('\n').collect();
    let noise_no: Vec<usize> = args
        .get(2)
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_default();
    let noise: Vec<String> = noise_no
        .iter()
        .filter_map(|n| lines.get(n.wrapping_sub(1)).map(|l| (*l).to_owned()))
        .collect();
    let body: String = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !noise_no.contains(&(i + 1)))
        .map(|(_, l)| *l)
        .collect::<Vec<_>>()
        .join("\n");
    let variants = [
        ("as published", text.clone()),
        ("traditional", variants::traditional(&text)),
        ("inline pinyin", variants::with_pinyin(&text, 4)),
    ];
    for (name, article_text) in variants {
        let opts = draft::Options {
            origin: article.clone(),
            ..draft::Options::default()
        };
        let t = Instant::now();
        let d = draft::draft(article_text.as_bytes(), &opts).map_err(|e| e.to_string())?;
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let noise: Vec<String> = if name == "traditional" {
            noise.iter().map(|l| variants::traditional(l)).collect()
        } else {
            noise.clone()
        };
        let f = eval::compare(&d.toml, &reference, &noise, &body)?;
        println!("== {article} ({name}): drafted in {ms:.1} ms");
        print!("{}", f.report());
    }
    Ok(())
}
