//! Input files read whole (deck files, result files), read within a cap: a file past it is
//! refused with a message before its end is reached, so `/dev/zero` or a huge download costs
//! a bounded amount of memory and time.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

/// The largest deck file quiz reads (the largest built-in deck is well under 1 MiB).
pub const MAX_DECK_BYTES: u64 = 64 << 20;
/// The largest result file `quiz class-report` reads.
pub const MAX_RESULTS_BYTES: u64 = 64 << 20;

/// The bytes of `path`, refused with a message naming it past `max` bytes. `what` names
/// the kind of file for that message ("deck file").
pub fn read_capped(path: &Path, max: u64, what: &str) -> Result<Vec<u8>> {
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    if f.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(Error::Usage(crate::t!(
            "input.folder",
            path = path.display(),
            what = kind(what)
        )));
    }
    let mut bytes = Vec::new();
    f.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > max {
        return Err(Error::Usage(crate::t!(
            "input.too_large",
            path = path.display(),
            mib = max >> 20,
            what = kind(what)
        )));
    }
    Ok(bytes)
}

/// The kind of file `what` (English, as callers name it) in the interface language.
fn kind(what: &str) -> String {
    match what {
        "deck file" => crate::t!("input.deck_file"),
        "source text" => crate::t!("input.source_text"),
        "result file" => crate::t!("input.result_file"),
        other => other.to_owned(),
    }
}
