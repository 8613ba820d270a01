//! The pool of real distractors: the items, terms, titles, names, numbers and dates of every
//! loaded deck. Distractors are never invented; they are facts from elsewhere.
//!
//! Entries are grouped by deck (and, for list items and terms, by family) once, so picking
//! the distractors of one question samples these groups and never copies or scans the whole
//! pool: generation stays linear in the size of the decks.

use std::collections::{HashMap, HashSet};

use super::norm;
use crate::deck::Deck;

/// An item of some list.
pub struct Item {
    pub key: String,
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

#[derive(Default)]
pub struct Pool {
    pub decks: Vec<DeckPool>,
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
        for l in &f.lists {
            let id = l.id.get_ref();
            let mut forms = HashSet::new();
            for i in l.items.get_ref() {
                forms.insert(norm(i.text.get_ref()));
                forms.insert(norm(i.key()));
                forms.extend(i.accept.iter().map(|a| norm(a)));
                let item = || Item {
                    key: i.key().to_owned(),
                };
                dp.items.push(item());
                if let Some(fam) = &l.family {
                    self.item_families
                        .entry(fam.clone())
                        .or_default()
                        .push(item());
                }
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
        for c in &f.contexts {
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
