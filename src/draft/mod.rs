//! `quiz draft-deck`: from an article (plain text or a saved HTML page; simplified,
//! traditional or English) to a draft deck an instructor only has to check.
//!
//! The pipeline, each step its own module:
//! 1. `input`: size cap, UTF-8, HTML to text blocks with a real HTML parser (page title,
//!    publisher and date from `<meta>`), navigation/share/caption elements left out;
//! 2. `text`: NFKC, inline pinyin annotations removed, censored characters restored, a
//!    simplified shadow of every line (same characters, one for one) that the rules read,
//!    noise lines dropped, speaker labels and question lines recognised, sentences;
//! 3. `zh` / `en`: the rules (enumerations, the meeting, dates, numbers, documents,
//!    people, quoted terms), each fact with its line range and the reasons to doubt it;
//! 4. `emit`: the deck as TOML in the existing format, every doubtful fact preceded by a
//!    `# REVIEW:` comment; the result is parsed back with the deck validator.
//!
//! Everything is linear in the input (regexes without backtracking, bounded windows) and
//! bounded by [`MAX_INPUT_BYTES`].

mod emit;
mod en;
pub mod eval;
mod input;
mod noise;
mod text;
mod zh;

pub use input::MAX_INPUT_BYTES;

/// What went wrong drafting a deck; the command prefixes the file name.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error("the file is {size} bytes; draft-deck reads at most {limit} bytes (split the article)")]
    TooLarge { size: u64, limit: u64 },
    #[error(
        "the HTML is nested {depth} elements deep; draft-deck reads pages nested at most {limit} deep"
    )]
    TooDeep { depth: usize, limit: usize },
    #[error("not UTF-8 text (invalid byte at line {line}); save the page as UTF-8")]
    NotUtf8 { line: usize },
    #[error("no article text found (after dropping {noise} noise lines)")]
    Empty { noise: usize },
    #[error("`{0}` is not a valid deck id (lower-case letters, digits, `-` and `_`, at most 64)")]
    BadId(String),
    /// The drafted deck did not validate: a bug in the drafter, reported rather than written.
    #[error("internal error: the draft does not validate: {0}")]
    Invalid(String),
}

/// The language of the article: decides which rules run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Zh,
    En,
}

/// How to draft.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The deck id; default: made from the file name.
    pub id: Option<String>,
    /// Force the language; default: detected.
    pub lang: Option<Lang>,
    /// Draft traditional input in simplified characters.
    pub simplified: bool,
    /// The file name, for the deck id, the source reference and the header.
    pub origin: String,
    /// The year to put on a source that states no date at all.
    pub year: Option<i32>,
}

/// A drafted deck and what the drafter did.
#[derive(Debug, Clone)]
pub struct Draft {
    pub toml: String,
    pub summary: Summary,
}

/// The figures `draft-deck` prints.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub facts: usize,
    pub review: usize,
    pub lists: usize,
    pub items: usize,
    pub noise_lines: usize,
    pub pinyin_removed: usize,
    pub lines: usize,
    pub traditional: bool,
    pub english: bool,
}

/// One drafted fact, its source lines and why it needs a second look.
#[derive(Debug, Clone)]
pub(crate) struct Drafted {
    pub fact: Fact,
    /// First and last line (1-based, of the text as read: the file's lines, or the page's
    /// text blocks for HTML).
    pub lines: (usize, usize),
    pub review: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) enum Fact {
    List(List),
    Event(Event),
    Number(Number),
    Document(Document),
    Person(Person),
    Term(Term),
    Cloze(Cloze),
}

#[derive(Debug, Clone)]
pub(crate) struct List {
    pub heading: String,
    pub noun: Option<String>,
    pub count: Option<u32>,
    pub ordered: bool,
    pub closed: bool,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    pub text: String,
    pub key: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Event {
    pub date: String,
    pub inferred: bool,
    pub date_text: Option<String>,
    pub place: Option<String>,
    pub place_accept: Vec<String>,
    pub who: Option<String>,
    pub what: String,
    pub note: Option<String>,
    /// Held or convened (举行, 召开, "was held"): the meeting itself, a candidate context.
    pub meeting: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Number {
    pub value: f64,
    pub unit: String,
    pub counts: String,
    pub qualifier: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Document {
    pub title: String,
    pub genre: String,
    pub verb: String,
    pub by: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub name: String,
    pub title: String,
    pub role: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Term {
    pub term: String,
    pub denotes: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Cloze {
    /// The sentence with the gap marked `{{…}}`.
    pub text: String,
}

/// Facts found in one article plus its metadata.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub facts: Vec<Drafted>,
    /// Remarks on the article as a whole (a missing number, a truncated end).
    pub remarks: Vec<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    /// `YYYY-MM-DD` (or shorter) and whether the year is inferred.
    pub date: Option<(String, bool, String)>,
    /// The year the article's relative dates are anchored in, with the reason.
    pub year: Option<(i32, bool, String)>,
}

impl Found {
    /// Titles of the documents drafted so far (a quoted title is not drafted again as a term).
    pub(crate) fn document_titles(&self) -> Vec<String> {
        self.facts
            .iter()
            .filter_map(|d| match &d.fact {
                Fact::Document(x) => Some(x.title.clone()),
                _ => None,
            })
            .collect()
    }
}

/// Drafts a deck from the bytes of an article.
pub fn draft(bytes: &[u8], opts: &Options) -> Result<Draft, DraftError> {
    if let Some(id) = &opts.id
        && !valid_id(id)
    {
        return Err(DraftError::BadId(id.clone()));
    }
    let page = input::read(bytes)?;
    let doc = text::Doc::build(&page, opts.simplified);
    if doc.lines.is_empty() {
        return Err(DraftError::Empty { noise: doc.noise });
    }
    let english = match opts.lang {
        Some(l) => l == Lang::En,
        None => doc.looks_english(),
    };
    let mut found = if english {
        en::extract(&doc, &page)
    } else {
        zh::extract(&doc, &page)
    };
    dedupe(&mut found.facts);
    let toml = emit::render(&doc, &page, &found, opts, english);
    if let Err(e) = crate::deck::parse(&opts.origin, &toml) {
        return Err(DraftError::Invalid(e.to_string()));
    }
    let lists: Vec<&List> = found
        .facts
        .iter()
        .filter_map(|d| match &d.fact {
            Fact::List(l) => Some(l),
            _ => None,
        })
        .collect();
    let summary = Summary {
        facts: found.facts.len(),
        review: found.facts.iter().filter(|d| !d.review.is_empty()).count(),
        lists: lists.len(),
        items: lists.iter().map(|l| l.items.len()).sum(),
        noise_lines: doc.noise,
        pinyin_removed: doc.pinyin,
        lines: doc.lines.len(),
        traditional: doc.traditional,
        english,
    };
    Ok(Draft { toml, summary })
}

/// Drops facts that say the same thing twice (the same list items, the same person…).
fn dedupe(facts: &mut Vec<Drafted>) {
    let mut seen = std::collections::HashSet::new();
    facts.retain(|d| {
        let key = match &d.fact {
            Fact::List(l) => format!(
                "l:{}",
                l.items
                    .iter()
                    .map(|i| i.text.as_str())
                    .collect::<Vec<_>>()
                    .join("|")
            ),
            Fact::Event(e) => format!("e:{}:{}", e.date, e.what),
            Fact::Number(n) => format!("n:{}:{}:{}", n.value, n.unit, n.counts),
            Fact::Document(x) => format!("d:{}", x.title),
            Fact::Person(p) => format!("p:{}", p.name),
            Fact::Term(t) => format!("t:{}", t.term),
            Fact::Cloze(c) => format!("c:{}", c.text),
        };
        seen.insert(key)
    });
}

/// A deck or fact id as the deck format allows it.
pub fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// A deck id made from a file name: `Wang Yi 2020.html` → `wang-yi-2020`.
pub fn id_from_name(name: &str) -> String {
    let stem = std::path::Path::new(name)
        .file_stem()
        .map_or(String::new(), |s| s.to_string_lossy().into_owned());
    let mut id = String::new();
    for c in stem.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
        if id.len() >= 48 {
            break;
        }
    }
    let id = id.trim_matches('-').to_owned();
    if id.is_empty() {
        "draft".to_owned()
    } else {
        format!("draft-{id}")
    }
}

/// Han ideographs (and `〇`).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{323AF}')
}

/// The value of a Chinese or Arabic numeral (`四`, `二十`, `两千`, `四百五十`, `450`, `千`).
pub(crate) fn numeral(s: &str) -> Option<u64> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok().filter(|v| *v < 1_000_000_000_000);
    }
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut digit: Option<u64> = None;
    for c in s.chars() {
        let d = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = d {
            digit = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            '亿' => 100_000_000,
            _ => return None,
        };
        if unit >= 10_000 {
            section += digit.take().unwrap_or(0);
            if section == 0 {
                section = 1;
            }
            total = total.checked_add(section.checked_mul(unit)?)?;
            section = 0;
        } else {
            section += digit.take().unwrap_or(1) * unit;
        }
    }
    let v = total + section + digit.unwrap_or(0);
    (!s.is_empty()).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        for (s, v) in [
            ("四", 4),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("两千", 2000),
            ("四百五十", 450),
            ("千", 1000),
            ("450", 450),
            ("一万二千", 12000),
        ] {
            assert_eq!(numeral(s), Some(v), "{s}");
        }
        assert_eq!(numeral(""), None);
        assert_eq!(numeral("个"), None);
    }

    #[test]
    fn ids_from_names() {
        assert_eq!(id_from_name("Wang Yi 2020.html"), "draft-wang-yi-2020");
        assert_eq!(id_from_name("王毅.txt"), "draft");
        assert_eq!(id_from_name("-"), "draft");
        assert!(valid_id(&id_from_name(&"x".repeat(500))));
    }
}
