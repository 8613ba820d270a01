//! `quiz config`: show and set the scheduling settings.

use std::io::Write;

use crate::error::{Error, Result};
use crate::schedule::{DECK_EXAM_PREFIX, SETTING_KEYS, Settings, SettingsError, format_exam_date};
use crate::t;

use super::Ctx;

/// Show or set the scheduling settings.
///
/// `quiz config` lists every setting with its value and what it means; `quiz config KEY`
/// shows one; `quiz config KEY VALUE` sets it (a bad value is refused and nothing is stored).
///
/// `quiz config exam_date 2026-12-20` sets the exam day for every deck; with `--deck ID` for
/// one deck only (it wins over the global date); `none` clears it (docs/exam.md).
#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// The setting.
    pub key: Option<String>,
    /// Its new value ("" for an empty list of steps).
    pub value: Option<String>,
    /// The deck whose own exam date to show or set (only with `exam_date`).
    #[arg(long, value_name = "ID")]
    pub deck: Option<String>,
}

pub fn run(ctx: &Ctx, args: &ConfigArgs, out: &mut dyn Write) -> Result<()> {
    let db = ctx.open_db()?;
    let mut settings = db.load_settings()?;
    let io = |e| Error::io("stdout", e);
    // A deck's own exam date is the setting `exam_date.DECK`.
    let deck_key;
    let key = match (&args.deck, &args.key) {
        (None, key) => key.as_ref(),
        (Some(deck), Some(k)) if k == "exam_date" => {
            if !db.deck_exists(deck)? {
                return Err(Error::UnknownDeck(deck.clone()));
            }
            deck_key = format!("{DECK_EXAM_PREFIX}{deck}");
            Some(&deck_key)
        }
        (Some(_), _) => {
            return Err(Error::Usage(crate::t!("config.deck_only_exam_date")));
        }
    };
    match (key, &args.value) {
        (None, _) => {
            for (key, help) in SETTING_KEYS {
                let value = settings.get(key).unwrap_or_default();
                let help = crate::i18n::setting_help(key, help);
                writeln!(out, "{key} = {}\n    {help}", shown(&value)).map_err(io)?;
            }
            for (deck, day) in &settings.deck_exam_dates {
                writeln!(
                    out,
                    "{DECK_EXAM_PREFIX}{} = {}\n    the exam day of deck {0} (quiz config exam_date DATE --deck {0})",
                    crate::term::clean_line(deck),
                    format_exam_date(Some(*day))
                )
                .map_err(io)?;
            }
        }
        (Some(key), None) => {
            let value = settings
                .get(key)
                .ok_or_else(|| unknown(&mut settings, key))?;
            writeln!(out, "{}", shown(&value)).map_err(io)?;
        }
        (Some(key), Some(value)) => {
            settings.set(key, value).map_err(setting_error)?;
            let canonical = settings.get(key).expect("set accepted the key");
            db.store_setting(key, &canonical)?;
            writeln!(
                out,
                "{} = {}",
                crate::term::clean_line(key),
                shown(&canonical)
            )
            .map_err(io)?;
        }
    }
    Ok(())
}

fn shown(v: &str) -> String {
    if v.is_empty() {
        "\"\"".into()
    } else {
        v.to_owned()
    }
}

fn unknown(settings: &mut Settings, key: &str) -> Error {
    // `set` words the unknown-key error; the value is never stored.
    match settings.clone().set(key, "") {
        Err(e) => setting_error(e),
        Ok(()) => Error::Usage(t!("config.unknown_key", key = key)),
    }
}

fn setting_error(e: SettingsError) -> Error {
    Error::Usage(match e {
        SettingsError::UnknownKey { key, known } => {
            t!("config.unknown", key = key, known = known)
        }
        SettingsError::Invalid { key, expected, got } => {
            t!("config.invalid", key = key, expected = expected, got = got)
        }
    })
}
