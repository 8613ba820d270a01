//! The pool of real distractors: the items, terms, titles, names, numbers and dates of a
//! deck and of the decks it names in `related` (never of whatever else happens to be in the
//! database). Distractors are never invented; they are facts from elsewhere.
//!
//! Entries are grouped by deck (and, for list items and terms, by family) once, so picking
//! the distractors of one question samples these groups and never copies or scans the whole
//! pool: generation stays linear in the size of the decks.

use foldhash::{HashMap, HashSet};

use super::norm;
use crate::deck::Deck;

/// An item of some list.
pub struct Item {
    pub key: String,
    /// `key` normalised ([`norm`]), to be compared with a list's forms.
    pub normed: String,
}

pub struct Entry {
    pub id: String,
    /// The main text (a term, a title, a name, a phrase).
    pub text: String,
    /// A second text (what a term denotes, a person's title, a document's context, an
    /// event's date).
    pub other: String,
}

pub struct Number {
    pub id: String,
    pub value: f64,
    pub unit: String,
}

/// One deck's share of the pool.
#[derive(Default)]
pub struct DeckPool {
    pub deck: String,
    pub items: Vec<Item>,
    /// Every accepted form of every item of each list, normalised: a distractor for a list
    /// must not be one of them.
    pub list_forms: HashMap<String, HashSet<String>>,
    pub terms: Vec<Entry>,
    pub documents: Vec<Entry>,
    pub people: Vec<Entry>,
    pub numbers: Vec<Number>,
    pub events: Vec<Entry>,
    pub contexts: Vec<Entry>,
}

/// A list as a "which meeting or list does this item belong to?" option.
pub struct ListEntry {
    pub deck: String,
    pub id: String,
    /// The option shown: the list's heading with its meeting.
    pub label: String,
    /// Every accepted form of every item, normalised.
    pub forms: HashSet<String>,
}

/// Declared near-synonym sets (`[[near]]`), by normalised term.
#[derive(Default)]
pub struct Near {
    sets: HashMap<String, Vec<usize>>,
    count: usize,
}

impl Near {
    pub fn add(&mut self, terms: &[String]) {
        let id = self.count;
        self.count += 1;
        for t in terms {
            let v = self.sets.entry(norm(t)).or_default();
            if !v.contains(&id) {
                v.push(id);
            }
        }
    }

    /// The sets a normalised term belongs to.
    pub fn sets_of(&self, normed: &str) -> Option<&[usize]> {
        self.sets.get(normed).map(Vec::as_slice)
    }

    /// Whether two normalised terms are declared near-synonyms.
    pub fn near(&self, a: &str, b: &str) -> bool {
        match (self.sets_of(a), self.sets_of(b)) {
            (Some(x), Some(y)) => x.iter().any(|i| y.contains(i)),
            _ => false,
        }
    }
}

#[derive(Default)]
pub struct Pool {
    pub decks: Vec<DeckPool>,
    /// Lists by `family`, across decks, for "which list" questions.
    pub list_families: HashMap<String, Vec<ListEntry>>,
    pub near: Near,
    /// List items by the `family` of their list, across decks.
    pub item_families: HashMap<String, Vec<Item>>,
    /// Terms by `family`, across decks.
    pub term_families: HashMap<String, Vec<Entry>>,
}

impl Pool {
    pub fn build<'a>(decks: impl IntoIterator<Item = &'a Deck>) -> Pool {
        let mut p = Pool::default();
        for d in decks {
            p.add(d);
        }
        p
    }

    /// The pool of `deck`: the deck itself and the decks it names in `related`, found among
    /// `available` (first match by id wins). Returns the pool and the related ids not found.
    pub fn for_deck<'a>(
        deck: &'a Deck,
        available: impl IntoIterator<Item = &'a Deck> + Clone,
    ) -> (Pool, Vec<String>) {
        let mut chosen = vec![deck];
        let mut missing = Vec::new();
        for r in &deck.file.deck.related {
            match available
                .clone()
                .into_iter()
                .find(|d| d.id() == r.get_ref())
            {
                Some(d) if !chosen.iter().any(|c| c.id() == d.id()) => chosen.push(d),
                Some(_) => {}
                None => missing.push(r.get_ref().clone()),
            }
        }
        (Pool::build(chosen), missing)
    }

    pub fn add(&mut self, deck: &Deck) {
        let f = &deck.file;
        let mut dp = DeckPool {
            deck: deck.id().to_owned(),
            ..Default::default()
        };
        let e = |id: &str, text: &str, other: &str| Entry {
            id: id.to_owned(),
            text: text.to_owned(),
            other: other.to_owned(),
        };
        for n in &f.near {
            self.near.add(&n.terms);
        }
        let ctx_short = |c: Option<&toml::Spanned<String>>| -> String {
            let found = match c {
                Some(id) => f.contexts.iter().find(|x| x.id.get_ref() == id.get_ref()),
                None => f.contexts.first(),
            };
            found.map_or_else(|| f.deck.title.clone(), |x| x.name.clone())
        };
        for l in &f.lists {
            let id = l.id.get_ref();
            let mut forms = HashSet::default();
            for i in l.items.get_ref() {
                forms.insert(norm(i.text.get_ref()));
                forms.insert(norm(i.key()));
                forms.extend(i.accept.iter().map(|a| norm(a)));
                let item = || Item {
                    key: i.key().to_owned(),
                    normed: norm(i.key()),
                };
                dp.items.push(item());
                if let Some(fam) = &l.family {
                    self.item_families
                        .entry(fam.clone())
                        .or_default()
                        .push(item());
                }
            }
            if let Some(fam) = &l.family {
                self.list_families
                    .entry(fam.clone())
                    .or_default()
                    .push(ListEntry {
                        deck: deck.id().to_owned(),
                        id: id.clone(),
                        label: format!(
                            "{}:{}",
                            ctx_short(l.context.as_ref()),
                            super::inner_quotes(l.heading.trim_end_matches(['。', ':', ':']))
                        ),
                        forms: forms.clone(),
                    });
            }
            dp.list_forms.insert(id.clone(), forms);
        }
        for t in &f.terms {
            dp.terms.push(e(t.id.get_ref(), &t.term, &t.denotes));
            if let Some(fam) = &t.family {
                self.term_families.entry(fam.clone()).or_default().push(e(
                    t.id.get_ref(),
                    &t.term,
                    &t.denotes,
                ));
            }
        }
        let ctx_name = |c: Option<&toml::Spanned<String>>| -> String {
            let found = match c {
                Some(id) => f.contexts.iter().find(|x| x.id.get_ref() == id.get_ref()),
                None => f.contexts.first(),
            };
            found.map_or_else(|| f.deck.title.clone(), |x| x.name.clone())
        };
        for doc in &f.documents {
            dp.documents.push(e(
                doc.id.get_ref(),
                &doc.title,
                &ctx_name(doc.context.as_ref()),
            ));
        }
        for p in &f.people {
            dp.people.push(e(p.id.get_ref(), &p.name, &p.title));
        }
        for n in &f.numbers {
            dp.numbers.push(Number {
                id: n.id.get_ref().clone(),
                value: *n.value.get_ref(),
                unit: n.unit.clone(),
            });
        }
        for ev in &f.events {
            dp.events
                .push(e(ev.id.get_ref(), &ev.what, ev.date.get_ref()));
        }
        for c in f.contexts.iter().filter(|c| c.meeting) {
            dp.contexts.push(e(c.id.get_ref(), &c.name, ""));
        }
        if f.contexts.is_empty() {
            dp.contexts.push(e("", &f.deck.title, ""));
        }
        self.decks.push(dp);
    }

    /// This deck's pool.
    pub fn deck(&self, deck: &str) -> Option<&DeckPool> {
        self.decks.iter().find(|d| d.deck == deck)
    }

    /// One slice per deck, `deck` first: distractors from the same deck are the closest.
    pub fn tiers<'a, T>(
        &'a self,
        deck: &str,
        part: impl Fn(&'a DeckPool) -> &'a [T],
    ) -> Vec<&'a [T]> {
        let mut v: Vec<&[T]> = self
            .decks
            .iter()
            .filter(|d| d.deck == deck)
            .map(&part)
            .collect();
        v.extend(self.decks.iter().filter(|d| d.deck != deck).map(&part));
        v
    }
}
