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
    let meta = f.metadata().ok();
    if meta.as_ref().is_some_and(|m| m.is_dir()) {
        return Err(Error::Usage(crate::t!(
            "input.folder",
            path = path.display(),
            what = kind(what)
        )));
    }
    // Room for the whole file at once (a 7 MB deck otherwise grows the buffer by doubling,
    // copying it each time and ending with up to twice its size); the cap below still
    // holds for a file that grows while it is read, or whose size the metadata does not
    // give (a pipe reads as 0).
    let size = meta.map_or(0, |m| m.len()).min(max);
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
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
