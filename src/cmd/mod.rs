//! One module per subcommand. `Ctx` is what every command gets: where the database is and
//! what time it is (read once, here, so tests can pin it).

pub mod add_deck;
pub mod browse;
pub mod check;
pub mod class_report;
pub mod completions;
pub mod config;
pub mod decks;
pub mod draft_deck;
pub mod export;
pub mod export_results;
pub mod grade;
pub mod man;
pub mod optimize;
pub mod questions;
pub mod stats;
pub mod study;

use std::path::PathBuf;

use crate::db::Db;
use crate::error::{Error, Result};

pub struct Ctx {
    pub db_path: PathBuf,
    /// Unix seconds.
    pub now: i64,
    /// `QUIZ_SEED`, when given.
    pub seed: Option<u64>,
    /// `now` came from `QUIZ_NOW`: the clock stands still (a session does not advance it).
    pub clock_fixed: bool,
}

impl Ctx {
    /// Resolves the database path (`--db`, then `QUIZ_DB` via clap, then the platform data
    /// directory) and reads the clock and seed overrides.
    pub fn from_env(db: Option<PathBuf>) -> Result<Ctx> {
        let db_path = match db {
            Some(p) if p.as_os_str().is_empty() => {
                return Err(Error::Usage(crate::t!("error.empty_db")));
            }
            Some(p) => p,
            None => default_db_path()?,
        };
        let clock_fixed = std::env::var_os("QUIZ_NOW").is_some();
        let now = match std::env::var("QUIZ_NOW") {
            Ok(v) => crate::clock::parse_instant(&v)
                .ok_or_else(|| Error::Usage(crate::t!("error.quiz_now", value = v)))?,
            Err(_) => crate::clock::system_now(),
        };
        check_tz()?;
        let seed = match std::env::var("QUIZ_SEED") {
            Ok(v) => Some(
                v.parse()
                    .map_err(|_| Error::Usage(crate::t!("error.quiz_seed", value = v)))?,
            ),
            Err(_) => None,
        };
        Ok(Ctx {
            db_path,
            now,
            seed,
            clock_fixed,
        })
    }

    pub fn open_db(&self) -> Result<Db> {
        Db::open(&self.db_path)
    }
}

/// The largest time zone file `TZ` may name (real ones are a few KiB).
const MAX_TZ_FILE: u64 = 1 << 20;

/// `TZ` naming a file (`/path` or `:/path`) that is not a small regular file (`/dev/zero`,
/// a FIFO) would be read without end by the time zone library: refused first.
fn check_tz() -> Result<()> {
    let Some(tz) = std::env::var_os("TZ") else {
        return Ok(());
    };
    let tz = PathBuf::from(tz);
    let file = match tz.to_str().and_then(|s| s.strip_prefix(':')) {
        Some(rest) => PathBuf::from(rest),
        None => tz.clone(),
    };
    if !file.is_absolute() {
        return Ok(());
    }
    match std::fs::metadata(&file) {
        Ok(m) if !m.is_file() || m.len() > MAX_TZ_FILE => {
            Err(Error::Usage(crate::t!("error.tz", tz = tz.display())))
        }
        _ => Ok(()),
    }
}

pub(crate) fn default_db_path() -> Result<PathBuf> {
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy()
        .map_err(|e| Error::Usage(crate::t!("error.no_data_dir", reason = e)))?;
    Ok(base.data_dir().join("quiz").join("quiz.db"))
}
