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
//!
//! Most pieces never reach the toml crate's parser: a table written plainly (see
//! [`plain_table`]) is scanned here into the crate's own values and deserialised through
//! its value deserializer; and a large file's two halves are read on two threads.

use std::borrow::Cow;

use serde::Deserialize;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{DeserializeSeed, MapAccess, Visitor};
use toml::Spanned;
use toml::de::{DeArray, DeValue, ValueDeserializer};

use super::model::*;

/// Decks at least this large are read on two threads (below it a thread costs more than it
/// saves: the built-in decks are well under it).
const PARALLEL_FROM: usize = 1 << 20;

/// The deck file read piece by piece, or `None` when the caller must parse it whole.
pub(crate) fn parse(text: &str) -> Option<DeckFile> {
    // A line inside a multi-line string could look like a header.
    let has = |needle: &[u8]| memchr::memmem::find(text.as_bytes(), needle).is_some();
    if has(b"\"\"\"") || has(b"'''") {
        return None;
    }
    let two_cores = || std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    match split_point(text) {
        Some(at) if text.len() >= PARALLEL_FROM && two_cores() => parse_split(text, at),
        _ => parse_range(text, 0, text.len(), false)?.finish(),
    }
}

/// The start of the first top-level header line in the second half of `text`: where the
/// second thread starts reading.
fn split_point(text: &str) -> Option<usize> {
    let mid = text.len() / 2;
    let mut pos = mid + text.as_bytes()[mid..].iter().position(|&b| b == b'\n')? + 1;
    for line in text[pos..].split_inclusive('\n') {
        if top_level_header(line).is_some() {
            return Some(pos);
        }
        pos += line.len();
    }
    None
}

/// `text[..at]` and `text[at..]` (which starts with a header) read on two threads and put
/// together in file order: the same tables, in the same order, as one reader gives.
fn parse_split(text: &str, at: usize) -> Option<DeckFile> {
    let (first, second) = std::thread::scope(|s| {
        let second = s.spawn(|| parse_range(text, at, text.len(), false));
        let first = parse_range(text, 0, at, true);
        let second = second
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (first, second)
    });
    first?.append(second?)?.finish()
}

/// The tables read from a range of the file: the deck's `[deck]` when the range holds it.
struct Part {
    deck: Option<DeckMeta>,
    file: DeckFile,
}

impl Part {
    fn finish(self) -> Option<DeckFile> {
        let mut file = self.file;
        file.deck = self.deck?;
        Some(file)
    }

    /// `self` followed by `next`, the range after it; `None` for a second `[deck]`.
    fn append(mut self, next: Part) -> Option<Part> {
        self.deck = match (self.deck, next.deck) {
            (Some(_), Some(_)) => return None,
            (a, b) => a.or(b),
        };
        let (a, b) = (&mut self.file, next.file);
        macro_rules! append {
            ($($field:ident),*) => {
                $(a.$field.reserve_exact(b.$field.len());
                  a.$field.extend(b.$field);)*
            };
        }
        append!(
            sources, contexts, aliases, near, lists, events, numbers, terms, documents, people,
            qas, clozes
        );
        Some(self)
    }
}

/// Reads `text[start..end]`, which starts at the start of a line and ends at the end of one.
fn parse_range(text: &str, start: usize, end: usize, spare: bool) -> Option<Part> {
    let mut part = Part {
        deck: None,
        file: DeckFile {
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
        },
    };
    // The pieces are found first and each table's list is given its length before any is
    // read: grown one table at a time, a large deck's lists were copied over and over (a
    // fifth of a 100,000-question import's page faults).
    let mut pieces: Vec<(Option<&str>, usize, usize)> = Vec::new();
    let mut piece = start;
    let mut header: Option<&str> = None;
    let mut pos = start;
    for line in lines(&text[start..end]) {
        let key = top_level_header(line);
        if key.is_some() {
            if pos > piece || header.is_some() {
                pieces.push((header, piece, pos));
            }
            piece = pos;
            header = key;
        }
        pos += line.len();
    }
    if pos > piece || header.is_some() {
        pieces.push((header, piece, pos));
    }
    let mut counts = [0usize; ARRAYS.len()];
    for (h, _, _) in &pieces {
        if let Some(i) = h.and_then(|h| ARRAYS.iter().position(|a| *a == h)) {
            counts[i] += 1;
        }
    }
    // The part read first keeps room for the one read after it, on the other thread, which
    // is appended to it: the file is cut in the middle, so about as many again (the room is
    // only reserved, the memory is not touched unless used).
    let mut room = counts
        .iter()
        .map(|&n| if spare { n * 2 + n / 8 } else { n });
    let f = &mut part.file;
    macro_rules! reserve {
        ($($field:ident),*) => {
            $(f.$field.reserve_exact(room.next().unwrap_or(0));)*
        };
    }
    // In the order of `ARRAYS`.
    reserve!(
        sources, contexts, aliases, near, lists, events, numbers, terms, documents, people, qas,
        clozes
    );
    for (h, from, to) in pieces {
        add_piece(&mut part, h, text, from, to)?;
    }
    Some(part)
}

/// The lines of `text`, each with its line feed: `split_inclusive('\n')` with a plain loop,
/// quicker on a deck's short lines.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let n = rest
            .bytes()
            .position(|b| b == b'\n')
            .map_or(rest.len(), |n| n + 1);
        let (line, tail) = rest.split_at(n);
        rest = tail;
        Some(line)
    })
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

/// Reads `text[start..end]`, which opens with the header `header` (none: the lines before
/// the first header), and moves its table into `part`. `None` when the piece is not
/// exactly that one table.
fn add_piece(
    part: &mut Part,
    header: Option<&str>,
    text: &str,
    start: usize,
    end: usize,
) -> Option<()> {
    // A list's items are tables of their own: those pieces take the toml crate's path.
    if let Some(h) = header
        && h != "list"
    {
        let body = start + lines(&text[start..end]).next().map_or(0, str::len);
        if let Some(table) = plain_table(text, body, end)
            && add_table(part, h, table).is_some()
        {
            return Some(());
        }
    }
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
    let file = &mut part.file;
    macro_rules! take {
        ($($key:ident => $field:ident),*) => {
            $(for mut x in piece.$key {
                x.shift(by);
                file.$field.push(x);
            })*
        };
    }
    if let Some(mut d) = piece.deck {
        if part.deck.is_some() {
            return None;
        }
        d.shift(by);
        part.deck = Some(d);
    }
    take!(source => sources, context => contexts, alias => aliases, near => near,
          list => lists, event => events, number => numbers, term => terms,
          document => documents, person => people, qa => qas, cloze => clozes);
    Some(())
}

/// Deserialises `table`, the body of a piece with the header `header`, into `part`, as the
/// toml crate does that table in a parse of the whole file. `None` when it does not fit.
fn add_table(part: &mut Part, header: &str, table: Vec<Entry<'_>>) -> Option<()> {
    fn read<'de, T: Deserialize<'de>>(table: Vec<Entry<'de>>) -> Option<T> {
        T::deserialize(PlainTable {
            entries: table.into_iter(),
            value: None,
        })
        .ok()
    }
    let file = &mut part.file;
    match header {
        "deck" if part.deck.is_none() => part.deck = Some(read(table)?),
        "source" => file.sources.push(read(table)?),
        "context" => file.contexts.push(read(table)?),
        "alias" => file.aliases.push(read(table)?),
        "near" => file.near.push(read(table)?),
        "event" => file.events.push(read(table)?),
        "number" => file.numbers.push(read(table)?),
        "term" => file.terms.push(read(table)?),
        "document" => file.documents.push(read(table)?),
        "person" => file.people.push(read(table)?),
        "qa" => file.qas.push(read(table)?),
        "cloze" => file.clozes.push(read(table)?),
        _ => return None,
    }
    Some(())
}

/// The table of `text[start..end]` when every line of it is blank, a comment, or
/// `key = value` with a bare key and a value that is a string without escapes, a number, a
/// boolean, or a one-line array of such strings; `None` for anything else (or anything
/// doubtful), which the toml crate then reads. This is the shape of nearly every table of
/// a deck, and reading it here skips the toml crate's lexer and document tree, most of the
/// cost of reading a deck. Spans are the file's, as a whole-file parse gives them.
fn plain_table(text: &str, start: usize, end: usize) -> Option<Vec<Entry<'_>>> {
    let mut table: Vec<Entry<'_>> = Vec::with_capacity(8);
    let mut pos = start;
    for line in lines(&text[start..end]) {
        let at = pos;
        pos += line.len();
        // A carriage return only ends a line before a line feed.
        let body = match line.strip_suffix('\n') {
            Some(l) => l.strip_suffix('\r').unwrap_or(l),
            None => line,
        };
        let mut s = Scan {
            text,
            pos: at,
            end: at + body.len(),
        };
        s.blanks();
        if s.rest_is_comment()? {
            continue;
        }
        let key_start = s.pos;
        s.take_while(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        let key = &text[key_start..s.pos];
        if key.is_empty() || table.iter().any(|(k, _)| *k == key) {
            return None;
        }
        s.blanks();
        s.expect(b'=')?;
        s.blanks();
        let value = if s.peek() == Some(b'[') {
            let open = s.pos;
            s.pos += 1;
            let mut items = DeArray::new();
            loop {
                s.blanks();
                if s.peek() == Some(b']') {
                    break;
                }
                items.push(s.string()?);
                s.blanks();
                if s.peek() == Some(b',') {
                    s.pos += 1;
                } else {
                    s.blanks();
                    if s.peek() != Some(b']') {
                        return None;
                    }
                }
            }
            s.pos += 1;
            Spanned::new(open..s.pos, DeValue::Array(items))
        } else if matches!(s.peek(), Some(b'"' | b'\'')) {
            s.string()?
        } else {
            s.scalar()?
        };
        s.blanks();
        if !s.rest_is_comment()? {
            return None;
        }
        table.push((key, value));
    }
    Some(table)
}

/// A key of a plain table (bare, so as written) and its value.
type Entry<'i> = (&'i str, Spanned<DeValue<'i>>);

/// A plain table given to serde as the toml crate gives a table: each key as a borrowed
/// string, each value through the toml crate's own [`ValueDeserializer`] (so strings,
/// numbers, arrays and spans read exactly as in a whole-file parse). Only the map that
/// holds the entries is left out: the toml crate's sorted map costs more than the rest of
/// reading a plain table.
struct PlainTable<'i> {
    entries: std::vec::IntoIter<Entry<'i>>,
    value: Option<Spanned<DeValue<'i>>>,
}

impl<'de> serde::Deserializer<'de> for PlainTable<'de> {
    type Error = toml::de::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_map(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

impl<'de> MapAccess<'de> for PlainTable<'de> {
    type Error = toml::de::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        let value = self.value.take().ok_or_else(|| {
            <toml::de::Error as serde::de::Error>::custom("a value asked before its key")
        })?;
        seed.deserialize(ValueDeserializer::from(value))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// A cursor on one line of the file (without its line ending).
struct Scan<'i> {
    text: &'i str,
    pos: usize,
    end: usize,
}

impl<'i> Scan<'i> {
    fn peek(&self) -> Option<u8> {
        (self.pos < self.end).then(|| self.text.as_bytes()[self.pos])
    }

    fn take_while(&mut self, f: impl Fn(u8) -> bool) {
        while self.peek().is_some_and(&f) {
            self.pos += 1;
        }
    }

    fn blanks(&mut self) {
        self.take_while(|b| b == b' ' || b == b'\t');
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        (self.peek() == Some(b)).then(|| self.pos += 1)
    }

    /// Whether the rest of the line is empty (`Some(true)` for a comment too); `None` for a
    /// comment holding a character TOML refuses in one.
    fn rest_is_comment(&self) -> Option<bool> {
        match self.peek() {
            None => Some(true),
            Some(b'#') => plain(&self.text[self.pos + 1..self.end]).then_some(true),
            Some(_) => Some(false),
        }
    }

    /// A string in `"` or `'` without escapes or control characters, borrowed from the file.
    fn string(&mut self) -> Option<Spanned<DeValue<'i>>> {
        let open = self.pos;
        let quote = self.peek().filter(|&q| q == b'"' || q == b'\'')?;
        let bytes = &self.text.as_bytes()[open + 1..self.end];
        let len = bytes
            .iter()
            .position(|&b| b == quote || b == b'\\' || b < 0x20 || b == 0x7f)
            .filter(|&n| bytes[n] == quote)?;
        self.pos = open + len + 2;
        Some(Spanned::new(
            open..self.pos,
            DeValue::String(Cow::Borrowed(&self.text[open + 1..open + 1 + len])),
        ))
    }

    /// A bare value up to a blank or a comment, read by the toml crate: kept only when it
    /// is a number or a boolean.
    fn scalar(&mut self) -> Option<Spanned<DeValue<'i>>> {
        let start = self.pos;
        self.take_while(|b| b != b' ' && b != b'\t' && b != b'#');
        let raw = &self.text[start..self.pos];
        let value = match raw {
            "true" => DeValue::Boolean(true),
            "false" => DeValue::Boolean(false),
            _ if raw.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '-') => {
                match DeValue::parse(raw).ok()?.into_inner() {
                    v @ (DeValue::Integer(_) | DeValue::Float(_)) => v,
                    _ => return None,
                }
            }
            _ => return None,
        };
        Some(Spanned::new(start..self.pos, value))
    }
}

/// Text with no control character (a tab included, to stay on the safe side).
fn plain(s: &str) -> bool {
    !s.bytes().any(|b| b < 0x20 || b == 0x7f)
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

    /// Values written every way TOML allows on one line: those the plain reader takes and
    /// those it leaves to the toml crate read the same as a whole-file parse.
    #[test]
    fn values_of_every_shape_read_as_whole() {
        let text = "[deck]\nid = 'd'  # literal\ntitle = \"T\"\t\nrelated = [ \"x\", 'y', ]\n\
            language=\"en\"\n\n[[source]]\n  id = \"s\"\ntitle = \"a \\\"quoted\\\" \\u4e2d\"\n\
            publisher = \"P\" # c\ndate = \"2020\"\n# a comment\n\n\
            [[number]]\nid = \"n1\"\nsource = \"s\"\ncounts = \"x\"\nunit = \"个\"\nvalue = 1_000\n\
            [[number]]\nid = \"n2\"\nsource = \"s\"\ncounts = \"x\"\nunit = \"%\"\nvalue = 2.5e1\n\
            [[term]]\nid = \"t\"\nsource = \"s\"\nterm = \"T\"\ndenotes = \"D\"\naccept = []\none_way = true\n\
            [[qa]]\nid = \"q\"\nsource = \"s\"\nquestion = \"\"\nanswer = \"A\"\naccept = [\"a\",\"b\"]\n\
            [[qa]]\nid = \"r\"\nsource = \"s\"\nquestion = \"Q\"\nanswer = { x = 1 }\n";
        // The last table is not a deck's: the whole file is refused, so the pieces are too.
        assert!(parse(text).is_none());
        let text = &text[..text.rfind("[[qa]]").unwrap()];
        let pieces = parse(text).expect("read in pieces");
        assert_eq!(format!("{pieces:?}"), whole(text));
    }

    /// Lines the plain reader must leave to the toml crate, whose reading may differ from
    /// a naive one or refuse the file.
    #[test]
    fn plain_reader_declines_what_it_does_not_know() {
        for body in [
            "id = \"a\\tb\"\n",
            "id = \"a\tb\"\n",
            "id = \"q\"\r\r\n",
            "id = \"q\"\rx = 1\n",
            "a.b = \"q\"\n",
            "\"id\" = \"q\"\n",
            "id = \"q\" x\n",
            "id = \"q\n",
            "id = 1979-05-27\n",
            "id = 1979-05-27 07:32:00\n",
            "id = inf\n",
            "id = [\"a\", 1]\n",
            "id = [\"a\"\n",
            "id = { a = 1 }\n",
            "id = \"q\"\nid = \"r\"\n",
            "[qa.x]\n",
            "id = \"q\" # \u{7f}\n",
        ] {
            assert!(plain_table(body, 0, body.len()).is_none(), "{body:?}");
        }
        let body = "id = \"q\" # note\n\n  # c\nn = -3\nok = false\r\n";
        assert_eq!(plain_table(body, 0, body.len()).map(|t| t.len()), Some(3));
    }

    /// A deck with `n` tables of each kind after its `[deck]`, for the two-thread reader.
    fn many(n: usize) -> String {
        let mut text = String::from("# many\n[deck]\nid = \"d\"\ntitle = \"T\"\n\n");
        for i in 0..n {
            text += &format!(
                "[[source]]\nid = \"s{i}\"\ntitle = \"S\"\npublisher = \"P\"\ndate = \"2020\"\n\
                 [[context]]\nid = \"c{i}\"\nname = \"C\"\ndate = \"2020-01\"\n\
                 [[alias]]\nterms = [\"a{i}\", \"b\"]\n[[near]]\nterms = [\"a\", \"b\"]\nnote = \"n\"\n\
                 [[list]]\nid = \"l{i}\"\nsource = \"s\"\nheading = \"H\"\ncount = 1\n\
                 [[list.item]]\ntext = \"one\"\n\
                 [[event]]\nid = \"e{i}\"\nsource = \"s\"\ndate = \"2020\"\nwhat = \"W\"\n\
                 [[number]]\nid = \"n{i}\"\nsource = \"s\"\ncounts = \"x\"\nunit = \"个\"\nvalue = {i}\n\
                 [[term]]\nid = \"t{i}\"\nsource = \"s\"\nterm = \"T\"\ndenotes = \"D\"\n\
                 [[document]]\nid = \"d{i}\"\nsource = \"s\"\ntitle = \"T\"\ngenre = \"G\"\nverb = \"V\"\n\
                 [[person]]\nid = \"p{i}\"\nsource = \"s\"\nname = \"N\"\ntitle = \"T\"\n\
                 [[qa]]\nid = \"q{i}\"\nsource = \"s\"\nquestion = \"Q\"\nanswer = \"A\"\n\
                 [[cloze]]\nid = \"z{i}\"\nsource = \"s\"\ntext = \"a {{{{b}}}}\"\n\n"
            );
        }
        text
    }

    /// Cut at any header, the two threads' tables put together are the whole file's.
    #[test]
    fn two_threads_read_as_whole_wherever_cut() {
        let text = many(3);
        let reference = whole(&text);
        let cuts: Vec<usize> = text
            .match_indices("\n[")
            .map(|(i, _)| i + 1)
            .filter(|&i| {
                lines(&text[i..])
                    .next()
                    .and_then(top_level_header)
                    .is_some()
            })
            .collect();
        assert!(cuts.len() > 30);
        for at in cuts {
            let pieces = parse_split(&text, at).unwrap_or_else(|| panic!("fell back at {at}"));
            assert_eq!(format!("{pieces:?}"), reference, "cut at {at}");
        }
        let at = split_point(&text).expect("a header in the second half");
        assert!(at >= text.len() / 2 && text[at..].starts_with("[["));
        // Large enough for `parse` itself to use two threads.
        let text = many(PARALLEL_FROM / 500);
        assert!(text.len() >= PARALLEL_FROM);
        let pieces = parse(&text).expect("read in pieces");
        assert_eq!(format!("{pieces:?}"), whole(&text));
    }

    /// Every kind of table but a list (whose items are tables) takes the plain reader
    /// when written plainly: the slow path is for the unusual file only.
    #[test]
    fn plain_reader_takes_every_kind_written_plainly() {
        let text = many(1);
        let starts: Vec<usize> = text.match_indices("\n[").map(|(i, _)| i + 1).collect();
        let mut part = parse_range(&text, 0, 0, false).unwrap();
        let mut kinds = 0;
        for (n, &start) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(text.len());
            let header = lines(&text[start..]).next().and_then(top_level_header);
            let Some(h) = header.filter(|&h| h != "list") else {
                continue;
            };
            let body = start + text[start..].find('\n').unwrap() + 1;
            let table = plain_table(&text, body, end).unwrap_or_else(|| panic!("{h}"));
            assert!(add_table(&mut part, h, table).is_some(), "{h}");
            kinds += 1;
        }
        assert_eq!(kinds, ARRAYS.len());
    }

    /// A second `[deck]` in the second thread's half is refused as in one reader.
    #[test]
    fn two_threads_refuse_a_second_deck_table() {
        let text = many(2);
        let deck = text.find("[deck]").unwrap();
        let doubled = format!("{text}{}", &text[deck..]);
        // The second `[deck]` in the second half, then in the first.
        let at = text.len();
        assert!(parse_split(&doubled, at).is_none());
        let at = text.len() + text.find("[[qa]]").unwrap() - deck;
        assert!(parse_split(&doubled, at).is_none());
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        /// Lines a deck's tables are made of, written the usual way and in the shapes a
        /// hand (or an attacker) might give them.
        fn line() -> impl Strategy<Value = String> {
            let key = prop::sample::select(vec![
                "id",
                "source",
                "question",
                "answer",
                "accept",
                "note",
                "part",
                "title",
                "publisher",
                "date",
                "x",
                "id.x",
                "\"id\"",
                "question_en",
            ]);
            let value = prop::sample::select(vec![
                "\"v\"",
                "'v'",
                "\"a \\\" b\"",
                "\"中文\"",
                "\"\\u4e2d\"",
                "[\"a\", 'b',]",
                "[]",
                "1",
                "1_000",
                "2.5e1",
                "true",
                "2020-01-01",
                "{ x = 1 }",
                "\"\"\"",
                "\"a # b\"",
                "\"unterminated",
                "'it''s'",
                "\"tab\there\"",
                "\"\\q\"",
                "[\"a\"",
                "-0",
                "nan",
            ]);
            let tail = prop::sample::select(vec!["", " # c", "\t", " ", "#", "\r", " # \u{7}"]);
            prop_oneof![
                4 => (key, value, tail).prop_map(|(k, v, t)| format!("{k} = {v}{t}")),
                1 => prop::sample::select(vec![
                    "", "# comment", "[[qa]]", "[[list.item]]", "text = \"i\"", "[deck]",
                    " [[qa]]", "[[qa]] # x", "[qa]", "[[ qa ]]", "key", "= 1", "\u{feff}id = \"x\"",
                    "\"\"\"", "[[source]]", "[[context]]", "[[list]]",
                ])
                .prop_map(str::to_owned),
            ]
        }

        fn deck() -> impl Strategy<Value = String> {
            let table = (
                prop::sample::select(vec![
                    "[[qa]]",
                    "[[source]]",
                    "[[list]]",
                    "[[term]]",
                    "[[context]]",
                ]),
                prop::collection::vec(line(), 0..6),
            )
                .prop_map(|(h, lines)| format!("{h}\n{}\n", lines.join("\n")));
            (prop::collection::vec(table, 0..6), any::<bool>()).prop_map(|(tables, crlf)| {
                let text = format!("[deck]\nid = \"d\"\ntitle = \"T\"\n\n{}", tables.concat());
                if crlf {
                    text.replace('\n', "\r\n")
                } else {
                    text
                }
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

            /// Whatever the file, reading it in pieces gives what reading it whole gives,
            /// or leaves it to the whole-file reading: it never accepts a file the
            /// whole-file reading refuses, nor reads one differently.
            #[test]
            fn pieces_read_as_whole_or_not_at_all(text in deck()) {
                let whole = toml::from_str::<DeckFile>(&text).map(|d| format!("{d:?}"));
                if let Some(pieces) = parse(&text) {
                    prop_assert_eq!(Ok(format!("{pieces:?}")), whole.map_err(|e| e.to_string()));
                }
                // The threaded path, cut at every header.
                for (at, _) in text.match_indices("\n[").map(|(i, s)| (i + 1, s)) {
                    if let (Some(a), Some(b)) = (parse_range(&text, 0, at, true), parse_range(&text, at, text.len(), false))
                        && let Some(file) = a.append(b).and_then(Part::finish)
                    {
                        let whole = toml::from_str::<DeckFile>(&text).map(|d| format!("{d:?}"));
                        prop_assert_eq!(Ok(format!("{file:?}")), whole.map_err(|e| e.to_string()));
                    }
                }
            }
        }
    }
}
