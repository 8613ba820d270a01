//! Reading a large deck file one top-level table at a time.
//!
//! The `toml` crate builds a token vector and a document tree for its whole input before
//! deserialising: for a 7 MB deck of 100,000 facts that was a 200 MiB high-water mark, and
//! the tree was walked in an order that missed the CPU caches. Here the text is cut at the
//! lines that open a top-level table (`[deck]`, `[[qa]]`, `[[list]]`…) and each piece is
//! parsed on its own, its spans moved by the piece's offset so that errors and `quiz check`
//! name the same line and column as a parse of the whole file.
//!
//! Cutting is only sound when every piece is one header and its body; whenever that is not
//! certain (a multi-line string that could hold a header-like line, a header written with
//! spaces or a comment, keys of another table in a piece, a piece that does not parse)
//! [`parse`] returns `None` and the caller parses the whole file, which also gives the
//! error message a user sees. So this never accepts a file the whole-file parse refuses,
//! nor reads one differently.

use serde::Deserialize;
use toml::Spanned;

use super::model::*;

/// The deck file read piece by piece, or `None` when the caller must parse it whole.
pub(crate) fn parse(text: &str) -> Option<DeckFile> {
    // A line inside a multi-line string could look like a header.
    if text.contains("\"\"\"") || text.contains("'''") {
        return None;
    }
    let mut deck: Option<DeckMeta> = None;
    let mut file = DeckFile {
        deck: placeholder_meta(),
        sources: Vec::new(),
        contexts: Vec::new(),
        aliases: Vec::new(),
        near: Vec::new(),
        lists: Vec::new(),
        events: Vec::new(),
        numbers: Vec::new(),
        terms: Vec::new(),
        documents: Vec::new(),
        people: Vec::new(),
        qas: Vec::new(),
        clozes: Vec::new(),
    };
    let mut start = 0;
    let mut header: Option<&str> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let key = top_level_header(line);
        if key.is_some() {
            add_piece(&mut file, &mut deck, header, text, start, pos)?;
            start = pos;
            header = key;
        }
        pos += line.len();
    }
    add_piece(&mut file, &mut deck, header, text, start, pos)?;
    file.deck = deck?;
    Some(file)
}

/// The key of a line that is exactly a top-level header this reader cuts at.
fn top_level_header(line: &str) -> Option<&str> {
    let line = line.strip_suffix('\n').unwrap_or(line);
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line == "[deck]" {
        return Some("deck");
    }
    let key = line.strip_prefix("[[")?.strip_suffix("]]")?;
    ARRAYS.contains(&key).then_some(key)
}

const ARRAYS: [&str; 12] = [
    "source", "context", "alias", "near", "list", "event", "number", "term", "document", "person",
    "qa", "cloze",
];

/// One piece of the file: every table optional, so that the piece's own can be checked to
/// be the only one it holds.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Piece {
    deck: Option<DeckMeta>,
    #[serde(default)]
    source: Vec<Source>,
    #[serde(default)]
    context: Vec<Context>,
    #[serde(default)]
    alias: Vec<AliasSet>,
    #[serde(default)]
    near: Vec<NearSet>,
    #[serde(default)]
    list: Vec<ListFact>,
    #[serde(default)]
    event: Vec<EventFact>,
    #[serde(default)]
    number: Vec<NumberFact>,
    #[serde(default)]
    term: Vec<TermFact>,
    #[serde(default)]
    document: Vec<DocumentFact>,
    #[serde(default)]
    person: Vec<PersonFact>,
    #[serde(default)]
    qa: Vec<QaFact>,
    #[serde(default)]
    cloze: Vec<ClozeFact>,
}

impl Piece {
    /// How many tables of each key the piece holds, as (key, count), the non-empty only.
    fn counts(&self) -> impl Iterator<Item = (&'static str, usize)> {
        [
            ("deck", usize::from(self.deck.is_some())),
            ("source", self.source.len()),
            ("context", self.context.len()),
            ("alias", self.alias.len()),
            ("near", self.near.len()),
            ("list", self.list.len()),
            ("event", self.event.len()),
            ("number", self.number.len()),
            ("term", self.term.len()),
            ("document", self.document.len()),
            ("person", self.person.len()),
            ("qa", self.qa.len()),
            ("cloze", self.cloze.len()),
        ]
        .into_iter()
        .filter(|&(_, n)| n > 0)
    }
}

/// Parses `text[start..end]`, which opens with the header `header` (none: the lines before
/// the first header), and moves its table into `file`. `None` when the piece is not
/// exactly that one table.
fn add_piece(
    file: &mut DeckFile,
    deck: &mut Option<DeckMeta>,
    header: Option<&str>,
    text: &str,
    start: usize,
    end: usize,
) -> Option<()> {
    let piece: Piece = toml::from_str(&text[start..end]).ok()?;
    {
        let mut counts = piece.counts();
        match (header, counts.next(), counts.next()) {
            (None, None, _) => return Some(()),
            (Some(h), Some((k, 1)), None) if h == k => {}
            _ => return None,
        }
    }
    let by = start;
    macro_rules! take {
        ($($key:ident => $field:ident),*) => {
            $(for mut x in piece.$key {
                x.shift(by);
                file.$field.push(x);
            })*
        };
    }
    if let Some(mut d) = piece.deck {
        if deck.is_some() {
            return None;
        }
        d.shift(by);
        *deck = Some(d);
    }
    take!(source => sources, context => contexts, alias => aliases, near => near,
          list => lists, event => events, number => numbers, term => terms,
          document => documents, person => people, qa => qas, cloze => clozes);
    Some(())
}

fn placeholder_meta() -> DeckMeta {
    DeckMeta {
        id: Spanned::new(0..0, String::new()),
        title: String::new(),
        title_en: None,
        description: None,
        language: String::new(),
        author: None,
        related: Vec::new(),
    }
}

/// Moves every span of a table read from a piece by the piece's offset in the file.
trait Shift {
    fn shift(&mut self, by: usize);
}

impl<T: Default> Shift for Spanned<T> {
    fn shift(&mut self, by: usize) {
        let span = self.span();
        let value = std::mem::take(self.get_mut());
        *self = Spanned::new(span.start + by..span.end + by, value);
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift(&mut self, by: usize) {
        if let Some(x) = self {
            x.shift(by);
        }
    }
}

impl<T: Shift> Shift for Vec<T> {
    fn shift(&mut self, by: usize) {
        for x in self {
            x.shift(by);
        }
    }
}

/// `Shift` for a struct: each named field is moved.
macro_rules! shift_fields {
    ($($t:ty => [$($f:ident),*]);* $(;)?) => {
        $(impl Shift for $t {
            fn shift(&mut self, by: usize) {
                $(self.$f.shift(by);)*
            }
        })*
    };
}

shift_fields! {
    DeckMeta => [id, related];
    Source => [id, date, text];
    Context => [id, date];
    ListItem => [text];
    EventFact => [id, source, context, date];
    NumberFact => [id, source, context, value];
    TermFact => [id, source, context];
    DocumentFact => [id, source, context];
    PersonFact => [id, source, context];
    QaFact => [id, source, context];
    ClozeFact => [id, source, context, text];
}

/// Alias and near sets carry no spans.
impl Shift for AliasSet {
    fn shift(&mut self, _: usize) {}
}

impl Shift for NearSet {
    fn shift(&mut self, _: usize) {}
}

impl Shift for ListFact {
    fn shift(&mut self, by: usize) {
        self.id.shift(by);
        self.source.shift(by);
        self.context.shift(by);
        self.count.shift(by);
        // The items' span, then each item's own.
        let span = self.items.span();
        let mut items = std::mem::take(self.items.get_mut());
        items.shift(by);
        self.items = Spanned::new(span.start + by..span.end + by, items);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole-file reading of `text`, spans and all, as the reference.
    fn whole(text: &str) -> String {
        format!("{:?}", toml::from_str::<DeckFile>(text).unwrap())
    }

    #[test]
    fn builtin_decks_read_in_pieces_as_whole() {
        for (name, text) in crate::deck::builtin::BUILTIN {
            let pieces = parse(text).unwrap_or_else(|| panic!("{name} fell back"));
            assert_eq!(format!("{pieces:?}"), whole(text), "{name}");
        }
    }

    #[test]
    fn every_kind_and_crlf_read_as_whole() {
        let text = "# a deck\n\n[deck]\nid = \"d\"\ntitle = \"T\"\nrelated = [\"x\"]\n\n\
            [[source]]\nid = \"s\"\ntitle = \"S\"\npublisher = \"P\"\ndate = \"2020\"\n\n\
            [[context]]\nid = \"c\"\nname = \"C\"\ndate = \"2020-01-01\"\n\n\
            [[alias]]\nterms = [\"a\", \"b\"]\n\n\
            [[list]]\nid = \"l\"\nsource = \"s\"\ncontext = \"c\"\nheading = \"H\"\ncount = 2\n\
            [[list.item]]\ntext = \"one\"\n[[list.item]]\ntext = \"two\"\n\n\
            [[number]]\nid = \"n\"\nsource = \"s\"\ncounts = \"x\"\nunit = \"个\"\nvalue = 3\n\n\
            [[qa]]\nid = \"q\"\nsource = \"s\"\nquestion = \"Q?\"\nanswer = \"A\"\n";
        let pieces = parse(text).expect("read in pieces");
        assert_eq!(format!("{pieces:?}"), whole(text));
        let crlf = text.replace('\n', "\r\n");
        let pieces = parse(&crlf).expect("read in pieces");
        assert_eq!(format!("{pieces:?}"), whole(&crlf));
    }

    /// Shapes where cutting at top-level headers would change the meaning or hide an
    /// error: the caller must read the whole file.
    #[test]
    fn falls_back_when_a_piece_is_not_one_table() {
        let deck = "[deck]\nid = \"d\"\ntitle = \"T\"\n";
        let qa = "[[qa]]\nid = \"q\"\nsource = \"s\"\nquestion = \"Q?\"\nanswer = \"A\"\n";
        let list = "[[list]]\nid = \"l\"\nsource = \"s\"\nheading = \"H\"\ncount = 1\n";
        for text in [
            // An item that belongs to a list before another table.
            format!("{deck}{list}{qa}[[list.item]]\ntext = \"x\"\n"),
            // Two [deck] tables, a key before any table, a table of the deck's elsewhere.
            format!("{deck}{deck}"),
            format!("title = \"x\"\n{deck}"),
            format!("{deck}{qa}[deck.extra]\nx = 1\n"),
            // A header the reader does not cut at, and a multi-line string.
            format!("{deck}{qa} [[qa]]\nid = \"r\"\n"),
            format!("{deck}{qa}[[qa]] # second\nid = \"r\"\n"),
            format!(
                "{deck}[[qa]]\nid = \"q\"\nsource = \"s\"\nquestion = \"\"\"\n[[qa]]\n\"\"\"\nanswer = \"A\"\n"
            ),
            // No [deck] at all.
            qa.to_owned(),
        ] {
            assert!(parse(&text).is_none(), "{text}");
        }
    }
}
