//! `quiz config`: show and set the scheduling settings.

use std::io::Write;

use crate::error::{Error, Result};
use crate::schedule::{SETTING_KEYS, Settings, SettingsError};
use crate::t;

use super::Ctx;

/// Show or set the scheduling settings.
///
/// `quiz config` lists every setting with its value and what it means; `quiz config KEY`
/// shows one; `quiz config KEY VALUE` sets it (a bad value is refused and nothing is stored).
#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// The setting.
    pub key: Option<String>,
    /// Its new value ("" for an empty list of steps).
    pub value: Option<String>,
}

pub fn run(ctx: &Ctx, args: &ConfigArgs, out: &mut dyn Write) -> Result<()> {
    let db = ctx.open_db()?;
    let mut settings = db.load_settings()?;
    let io = |e| Error::io("stdout", e);
    match (&args.key, &args.value) {
        (None, _) => {
            for (key, help) in SETTING_KEYS {
                let value = settings.get(key).unwrap_or_default();
                let help = crate::i18n::setting_help(key, help);
                writeln!(out, "{key} = {}\n    {help}", shown(&value)).map_err(io)?;
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
            writeln!(out, "{key} = {}", shown(&canonical)).map_err(io)?;
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
