//! `quiz draft-deck ARTICLE`: a draft deck from an article (text or a saved HTML page), for
//! an instructor to check. The extractor is `crate::draft`; this is the file handling: a
//! bounded read, and an atomic write that never replaces what is not a regular file.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::draft::{self, Lang, MAX_INPUT_BYTES};
use crate::error::{Error, Result};

use super::Ctx;

/// Draft a deck from an article, for an instructor to check.
///
/// Reads plain text or an HTML page saved from a browser, in simplified Chinese, traditional
/// Chinese or English; drops web noise (navigation, share buttons, captions, editor and
/// copyright lines, related-article lists, inline pinyin); drafts enumerations, the
/// meeting, dates, numbers, documents, people and quoted terms as facts of the deck format.
/// Every fact it is unsure of is marked `# REVIEW:` with the reason. Check the draft, edit
/// it, then `quiz add-deck` it (see docs/drafting.md).
#[derive(Debug, clap::Args)]
pub struct DraftDeckArgs {
    /// The article: a text or HTML file, or `-` for standard input.
    #[arg(value_name = "FILE|-")]
    pub article: PathBuf,

    /// Write the draft to this file (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The deck id [default: made from the file name, e.g. `draft-wang-yi-2020`].
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,

    /// The article's language [default: detected].
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,

    /// Draft a traditional-character article in simplified characters.
    #[arg(long)]
    pub simplified: bool,
}

pub fn run(ctx: &Ctx, args: &DraftDeckArgs, out: &mut dyn Write) -> Result<()> {
    let name = args.article.display().to_string();
    let stdin = args.article.as_os_str() == "-";
    let bytes = if stdin {
        read_bounded(std::io::stdin().lock(), &name)?
    } else {
        let f = std::fs::File::open(&args.article).map_err(|e| Error::io(&args.article, e))?;
        let meta = f.metadata().map_err(|e| Error::io(&args.article, e))?;
        if meta.is_dir() {
            return Err(Error::Usage(crate::t!("draft.folder", name = name)));
        }
        read_bounded(f, &name)?
    };
    let year = jiff::Timestamp::from_second(ctx.now)
        .ok()
        .map(|t| i32::from(t.to_zoned(jiff::tz::TimeZone::UTC).year()));
    let opts = draft::Options {
        id: args.id.clone(),
        lang: args.lang,
        simplified: args.simplified,
        origin: if stdin { "stdin".into() } else { name.clone() },
        year,
    };
    let d = draft::draft(&bytes, &opts).map_err(|e| Error::Other(format!("{name}: {e}")))?;
    let s = &d.summary;
    let summary = crate::t!(
        "draft.summary",
        facts = s.facts,
        lists = s.lists,
        items = s.items,
        review = s.review,
        noise = s.noise_lines,
        pinyin = if s.pinyin_removed > 0 {
            crate::t!("draft.pinyin_removed", n = s.pinyin_removed)
        } else {
            String::new()
        },
        script = match (s.english, s.traditional) {
            (true, _) => crate::t!("draft.english"),
            (false, true) => crate::t!("draft.traditional"),
            _ => String::new(),
        }
    );
    match &args.output {
        Some(p) => {
            write_atomic(p, d.toml.as_bytes())?;
            writeln!(out, "{}: {summary}", p.display()).map_err(|e| Error::io("stdout", e))
        }
        None => {
            out.write_all(d.toml.as_bytes())
                .map_err(|e| Error::io("stdout", e))?;
            // The draft is on stdout; the summary goes to stderr so the two never mix.
            eprintln!("{summary}");
            Ok(())
        }
    }
}

/// Reads at most `MAX_INPUT_BYTES` (one more to tell that the file is larger).
fn read_bounded(r: impl Read, name: &str) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    r.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Error::io(name, e))?;
    if buf.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::Other(crate::t!(
            "draft.too_large",
            name = name,
            max = MAX_INPUT_BYTES
        )));
    }
    Ok(buf)
}

/// Writes through a temporary file in the same folder renamed into place; refuses to replace
/// anything that is not a regular file (a folder, a device, a link to one).
fn write_atomic(p: &Path, bytes: &[u8]) -> Result<()> {
    if let Ok(m) = std::fs::symlink_metadata(p)
        && !m.file_type().is_file()
    {
        return Err(Error::Usage(crate::t!(
            "draft.not_regular",
            path = p.display()
        )));
    }
    let dir = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".quiz-draft-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(tmp.path(), e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::io(tmp.path(), e))?;
    tmp.persist(p).map_err(|e| Error::io(p, e.error))?;
    Ok(())
}
