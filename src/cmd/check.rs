//! `quiz check DECK|FILE`: mechanical fault finding on a deck's generated questions.

use std::io::Write;
use std::path::Path;

use crate::deck::{self, Deck, builtin};
use crate::error::{Error, Result};
use crate::generate::Pool;
use crate::generate::check::{Finding, check};

use super::Ctx;

/// Find the faults a teacher would find in a deck's questions.
///
/// Generates the deck's questions as `add-deck` would and reports, each with its file,
/// line and fact: an answer standing in its own question, a date or place asked standing
/// in the label of any question of the deck,
/// a wrong option that is also right or a near-synonym of a right answer, a count left in
/// a heading, nested quotes, headings that do not stand alone, facts asked too many ways,
/// documents no meeting adopted, facts that name no meeting. Exits with status 1 when it
/// finds any. The rules: docs/deck-format.md.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// A deck file (.toml), a built-in deck's name, or the id of a deck in the database.
    #[arg(value_name = "DECK|FILE")]
    pub deck: String,
}

pub fn run(ctx: &Ctx, args: &CheckArgs, out: &mut dyn Write) -> Result<()> {
    let path = Path::new(&args.deck);
    let stored = || -> Result<Vec<Deck>> {
        if !ctx.db_path.exists() {
            return Ok(Vec::new());
        }
        let db = ctx.open_db()?;
        Ok(db
            .deck_texts()?
            .into_iter()
            .filter_map(|(_, origin, text)| deck::parse(&origin, &text).ok())
            .collect())
    };
    let target = if path.is_file() {
        super::add_deck::read_file(path)?
    } else if let Some(text) = builtin::get(&args.deck) {
        deck::parse(&format!("builtin:{}", args.deck), text)?
    } else {
        stored()?
            .into_iter()
            .find(|d| d.id() == args.deck)
            .ok_or_else(|| Error::Usage(crate::t!("check.not_found", deck = args.deck)))?
    };
    let findings = findings(&target, stored()?)?;
    let io = |e| Error::io("stdout", e);
    // A finding quotes the deck's own text: cleaned of control characters.
    for f in &findings {
        writeln!(out, "{}", crate::term::clean_line(&f.to_string())).map_err(io)?;
    }
    if findings.is_empty() {
        writeln!(out, "{}", crate::t!("check.none", origin = target.origin)).map_err(io)?;
        Ok(())
    } else {
        Err(Error::Other(crate::tn!(
            "check.findings",
            findings.len(),
            origin = target.origin
        )))
    }
}

/// The findings for `target`, its related decks looked up among `others` (the database's
/// decks) and then the built-in decks.
pub fn findings(target: &Deck, others: Vec<Deck>) -> Result<Vec<Finding>> {
    let mut available = others;
    available.extend(super::add_deck::builtin_decks()?);
    let (pool, missing) = Pool::for_deck(target, available.iter());
    Ok(check(target, &pool, &missing))
}
