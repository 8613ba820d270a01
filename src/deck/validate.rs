//! Semantic checks that serde cannot express: ids, references, counts, dates, empty text.
//! All problems are collected so an instructor can fix a deck in one pass.

// foldhash, not the standard library's SipHash: a large deck's ids, sources and contexts are
// hashed some 200,000 times before anything is stored (a fifth of validating the
// 100,000-question bench deck).
use foldhash::{HashMap, HashSet};
use std::fmt::{self, Display};
use std::ops::Range;

use toml::Spanned;

use super::line_col;
use super::model::{DeckFile, FactCommon};
use crate::dates::FactDate;

struct Checker<'a> {
    origin: &'a str,
    text: &'a str,
    problems: Vec<String>,
}

impl Checker<'_> {
    fn at(&mut self, span: Range<usize>, what: impl Display, msg: String) {
        let (line, col) = line_col(self.text, span.start);
        self.problems
            .push(format!("{}:{line}:{col}: {what}{msg}", self.origin));
    }
}

/// The most items a list may have: every question of a list shows the whole list in its
/// explanation, so its questions grow with the square of its length.
pub const MAX_LIST_ITEMS: usize = 1000;
/// The most gaps a cloze text may have (each gap's question shows the whole text).
pub const MAX_CLOZE_GAPS: usize = 100;

/// Returns one `file:line:col: …` line per problem; empty when the deck is valid.
pub(super) fn validate(file: &DeckFile, origin: &str, text: &str) -> Vec<String> {
    let mut c = Checker {
        origin,
        text,
        problems: Vec::new(),
    };

    let deck_id = &file.deck.id;
    check_id(&mut c, deck_id, "deck: ");
    if file.deck.title.trim().is_empty() {
        c.at(
            deck_id.span(),
            "deck: ",
            crate::t!("validate.empty", field = "title"),
        );
    }
    if !matches!(file.deck.language.as_str(), "zh" | "en") {
        c.at(
            deck_id.span(),
            "deck: ",
            crate::t!("validate.language", language = file.deck.language),
        );
    }

    let mut sources = HashSet::default();
    for s in &file.sources {
        check_id(&mut c, &s.id, "source: ");
        if !sources.insert(s.id.get_ref().as_str()) {
            c.at(
                s.id.span(),
                "",
                crate::t!("validate.duplicate_source", id = s.id.get_ref()),
            );
        }
        check_date(&mut c, &s.date, format!("source `{}`: ", s.id.get_ref()));
    }
    if file.sources.is_empty() {
        c.at(deck_id.span(), "deck: ", crate::t!("validate.no_source"));
    }
    let mut contexts = HashSet::default();
    for x in &file.contexts {
        check_id(&mut c, &x.id, "context: ");
        if !contexts.insert(x.id.get_ref().as_str()) {
            c.at(
                x.id.span(),
                "",
                crate::t!("validate.duplicate_context", id = x.id.get_ref()),
            );
        }
        if x.name.trim().is_empty() {
            c.at(
                x.id.span(),
                "",
                crate::t!("validate.context_name_empty", id = x.id.get_ref()),
            );
        }
        if let Some(d) = &x.date {
            check_date(&mut c, d, format!("context `{}`: ", x.id.get_ref()));
        }
    }
    for a in &file.aliases {
        if a.terms.len() < 2 || a.terms.iter().any(|t| t.trim().is_empty()) {
            c.at(
                deck_id.span(),
                "alias: ",
                crate::t!("validate.terms", got = format!("{:?}", a.terms)),
            );
        }
    }

    for r in &file.deck.related {
        check_id(&mut c, r, "deck: field `related`: ");
        if r.get_ref() == deck_id.get_ref() {
            c.at(r.span(), "deck: ", crate::t!("validate.related_self"));
        }
    }
    for n in &file.near {
        if n.terms.len() < 2 || n.terms.iter().any(|t| t.trim().is_empty()) {
            c.at(
                deck_id.span(),
                "near: ",
                crate::t!("validate.terms", got = format!("{:?}", n.terms)),
            );
        }
    }

    let mut facts = Facts {
        ids: HashMap::with_capacity_and_hasher(file.fact_count(), Default::default()),
        sources,
        contexts,
    };

    for l in &file.lists {
        let what = facts.common(&mut c, l, "list");
        nonempty(&mut c, &l.id, what, "heading", &l.heading);
        let items = l.items.get_ref();
        if items.is_empty() {
            c.at(l.items.span(), what, crate::t!("validate.no_items"));
        }
        if items.len() > MAX_LIST_ITEMS {
            c.at(
                l.items.span(),
                what,
                crate::t!(
                    "validate.too_many_items",
                    n = items.len(),
                    max = MAX_LIST_ITEMS
                ),
            );
        }
        match (&l.count, l.closed) {
            (None, true) => c.at(l.id.span(), what, crate::t!("validate.closed_count")),
            (Some(n), true) if *n.get_ref() as usize != items.len() => c.at(
                n.span(),
                what,
                crate::t!(
                    "validate.count_mismatch",
                    declared = n.get_ref(),
                    listed = items.len()
                ),
            ),
            (Some(n), false) if (*n.get_ref() as usize) < items.len() => c.at(
                n.span(),
                what,
                crate::t!(
                    "validate.count_mismatch",
                    declared = n.get_ref(),
                    listed = items.len()
                ),
            ),
            _ => {}
        }
        let mut seen = HashSet::default();
        for (i, item) in items.iter().enumerate() {
            if item.text.get_ref().trim().is_empty()
                || item.key.as_deref().is_some_and(|k| k.trim().is_empty())
            {
                c.at(
                    item.text.span(),
                    what,
                    crate::t!("validate.item_empty", n = i + 1),
                );
            } else if !seen.insert(item.key().trim().to_owned()) {
                c.at(
                    item.text.span(),
                    what,
                    crate::t!("validate.item_twice", n = i + 1, key = item.key()),
                );
            }
        }
    }
    for e in &file.events {
        let what = facts.common(&mut c, e, "event");
        check_date(&mut c, &e.date, what);
        nonempty(&mut c, &e.id, what, "what", &e.what);
    }
    for n in &file.numbers {
        let what = facts.common(&mut c, n, "number");
        if !n.value.get_ref().is_finite() {
            c.at(n.value.span(), what, crate::t!("validate.finite"));
        }
        nonempty(&mut c, &n.id, what, "counts", &n.counts);
    }
    for t in &file.terms {
        let what = facts.common(&mut c, t, "term");
        nonempty(&mut c, &t.id, what, "term", &t.term);
        nonempty(&mut c, &t.id, what, "denotes", &t.denotes);
    }
    for d in &file.documents {
        let what = facts.common(&mut c, d, "document");
        nonempty(&mut c, &d.id, what, "title", &d.title);
        nonempty(&mut c, &d.id, what, "genre", &d.genre);
        nonempty(&mut c, &d.id, what, "verb", &d.verb);
    }
    for p in &file.people {
        let what = facts.common(&mut c, p, "person");
        nonempty(&mut c, &p.id, what, "name", &p.name);
        nonempty(&mut c, &p.id, what, "title", &p.title);
    }
    for q in &file.qas {
        let what = facts.common(&mut c, q, "qa");
        nonempty(&mut c, &q.id, what, "question", &q.question);
        nonempty(&mut c, &q.id, what, "answer", &q.answer);
    }
    for z in &file.clozes {
        let what = facts.common(&mut c, z, "cloze");
        match crate::generate::cloze::gaps(z.text.get_ref()) {
            Err(msg) => c.at(
                z.text.span(),
                what,
                crate::t!("validate.field", field = "text", msg = msg),
            ),
            Ok(pieces) => {
                let n = pieces
                    .iter()
                    .filter(|p| matches!(p, crate::generate::cloze::Piece::Gap(..)))
                    .count();
                if n > MAX_CLOZE_GAPS {
                    c.at(
                        z.text.span(),
                        what,
                        crate::t!("validate.too_many_gaps", n = n, max = MAX_CLOZE_GAPS),
                    );
                }
            }
        }
    }
    c.problems
}

/// What the fact checks need beyond one fact: the ids seen so far, with their kind, and the
/// sources and contexts a fact may name.
struct Facts<'a> {
    ids: HashMap<&'a str, &'static str>,
    sources: HashSet<&'a str>,
    contexts: HashSet<&'a str>,
}

impl<'a> Facts<'a> {
    /// Checks the fields every kind of fact has; returns the label its problems start with.
    fn common(&mut self, c: &mut Checker, f: &'a dyn FactCommon, kind: &'static str) -> Label<'a> {
        let id = f.id();
        let what = Label(kind, id.get_ref());
        check_id(c, id, format_args!("{kind}: "));
        if id.get_ref().starts_with('_') {
            c.at(id.span(), what, crate::t!("validate.reserved_id"));
        }
        if let Some(prev) = self.ids.insert(id.get_ref(), kind) {
            c.at(
                id.span(),
                what,
                crate::t!("validate.duplicate_id", kind = prev),
            );
        }
        if !self.sources.contains(f.source().get_ref().as_str()) {
            c.at(
                f.source().span(),
                what,
                crate::t!("validate.unknown_source", id = f.source().get_ref()),
            );
        }
        if let Some(ctx) = f.context()
            && !self.contexts.contains(ctx.get_ref().as_str())
        {
            c.at(
                ctx.span(),
                what,
                crate::t!("validate.unknown_context", id = ctx.get_ref()),
            );
        }
        what
    }
}

/// `kind `id`: `, the start of a fact's problems, written out only for a problem.
#[derive(Clone, Copy)]
struct Label<'a>(&'static str, &'a str);

impl Display for Label<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} `{}`: ", self.0, self.1)
    }
}

fn check_id(c: &mut Checker, id: &Spanned<String>, what: impl Display) {
    let s = id.get_ref();
    let ok = !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if !ok {
        c.at(id.span(), what, crate::t!("validate.bad_id", id = s));
    }
}

fn check_date(c: &mut Checker, date: &Spanned<String>, what: impl Display) {
    if FactDate::parse(date.get_ref()).is_none() {
        c.at(
            date.span(),
            what,
            crate::t!("validate.bad_date", date = date.get_ref()),
        );
    }
}

fn nonempty(c: &mut Checker, id: &Spanned<String>, what: impl Display, field: &str, value: &str) {
    if value.trim().is_empty() {
        c.at(id.span(), what, crate::t!("validate.empty", field = field));
    }
}
