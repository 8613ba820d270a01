//! `quiz optimize`: fit the FSRS parameters to the student's own answers.

use std::io::Write;

use crate::db::Refit;
use crate::error::{Error, Result};
use crate::schedule::optimize::{self, Days, Fit, MIN_TRAINING_ITEMS, OptimizeError};

use super::Ctx;

/// Fit the scheduler's memory model (the FSRS parameters) to your own answers.
///
/// Every answer given on a later study day than the previous answer to the same fact is a
/// test of the model: did the fact's predicted recall come true? The fit is printed for the
/// current parameters and the fitted ones, on the same answers; the fitted ones are stored
/// (the `parameters` setting, see `quiz config`) only if they predict better, and every
/// fact's memory is recomputed with them. `quiz config parameters ""` returns to the
/// defaults.
#[derive(Debug, clap::Args)]
pub struct OptimizeArgs {
    /// Only print the fit; store nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// The command's messages, in one place.
mod msg {
    use super::MIN_TRAINING_ITEMS;
    use crate::t;

    pub fn too_few(items: usize, answers: usize) -> String {
        t!(
            "optimize.too_few",
            min = MIN_TRAINING_ITEMS,
            items = items,
            answers = answers
        )
    }
    pub fn data(answers: usize, facts: usize, items: usize) -> String {
        t!(
            "optimize.data",
            answers = answers,
            facts = facts,
            items = items
        )
    }
    /// Aligned by hand over [`row`]'s columns (21, 8 and 6 wide).
    pub fn header() -> String {
        t!("optimize.header")
    }
    pub fn row(label: &str, log_loss: f32, rmse: f32) -> String {
        // `{:<21}` counts characters; a Chinese label takes two columns each.
        let pad = 21usize.saturating_sub(console::measure_text_width(label));
        format!(
            "{label}{}  {log_loss:>8.4}  {:>5.2}%",
            " ".repeat(pad),
            rmse * 100.0
        )
    }
    pub fn current_default() -> String {
        t!("optimize.current_default")
    }
    pub fn current_own() -> String {
        t!("optimize.current")
    }
    pub fn fitted() -> String {
        t!("optimize.fitted")
    }
    pub fn fitted_parameters(text: &str) -> String {
        t!("optimize.fitted_parameters", text = text)
    }
    pub fn stored() -> String {
        t!("optimize.stored")
    }
    pub fn dry_run() -> String {
        t!("optimize.dry_run")
    }
    pub fn not_better() -> String {
        t!("optimize.not_better")
    }
    pub fn bad_current(e: &str) -> String {
        t!("optimize.bad_current", reason = e)
    }
}

pub fn run(ctx: &Ctx, args: &OptimizeArgs, out: &mut dyn Write) -> Result<()> {
    let mut db = ctx.open_db()?;
    let settings = db.load_settings()?;
    let tz = crate::schedule::system_zone();
    let days = Days {
        rollover_hour: settings.rollover_hour,
        tz: &tz,
    };
    let facts = db.answers_by_fact()?;
    let answers: usize = facts.iter().map(|(_, a)| a.len()).sum();
    let items = optimize::training_items(facts.iter().map(|(_, a)| a.as_slice()), &days);
    if items.len() < MIN_TRAINING_ITEMS {
        return Err(Error::Usage(msg::too_few(items.len(), answers)));
    }
    let fsrs_err = |e: OptimizeError| Error::Other(e.to_string());
    let before = optimize::evaluate(&settings.parameters, &items)
        .map_err(|e| Error::Usage(msg::bad_current(&e.to_string())))?;
    let fitted = optimize::fit(&items).map_err(fsrs_err)?;
    let after = optimize::evaluate(&fitted, &items).map_err(fsrs_err)?;

    let io = |e| Error::io("stdout", e);
    let current = if settings.parameters.is_empty() {
        msg::current_default()
    } else {
        msg::current_own()
    };
    let show = |label: &str, f: &Fit| msg::row(label, f.log_loss, f.rmse);
    writeln!(out, "{}", msg::data(answers, facts.len(), items.len())).map_err(io)?;
    writeln!(out, "{}", msg::header()).map_err(io)?;
    writeln!(out, "{}", show(&current, &before)).map_err(io)?;
    writeln!(out, "{}", show(&msg::fitted(), &after)).map_err(io)?;

    if after.log_loss >= before.log_loss {
        writeln!(out, "{}", msg::not_better()).map_err(io)?;
        return Ok(());
    }
    // What `quiz config parameters` will print: the same canonical text `config` stores.
    let mut new_settings = settings.clone();
    new_settings.parameters = fitted.clone();
    let text = new_settings
        .get("parameters")
        .expect("parameters is a setting");
    writeln!(out, "{}", msg::fitted_parameters(&text)).map_err(io)?;
    if args.dry_run {
        writeln!(out, "{}", msg::dry_run()).map_err(io)?;
        return Ok(());
    }
    let mut memories = Vec::with_capacity(facts.len());
    for (memory_id, answers) in &facts {
        if let Some(m) = optimize::replay(&fitted, answers, &days).map_err(fsrs_err)? {
            memories.push(Refit {
                memory_id: *memory_id,
                stability: m.stability,
                difficulty: m.difficulty,
            });
        }
    }
    db.store_fitted_parameters(&text, &memories)?;
    writeln!(out, "{}", msg::stored()).map_err(io)?;
    Ok(())
}
