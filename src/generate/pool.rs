//! The pool of real distractors: the items, terms, titles, names, numbers and dates of every
//! loaded deck. Distractors are never invented; they are facts from elsewhere.

use super::norm;
use crate::deck::Deck;

pub struct PoolList {
    pub deck: String,
    pub id: String,
    pub keys: Vec<String>,
    /// Every accepted form of every item, normalised: a distractor for this list must not
    /// be one of them.
    pub forms: Vec<String>,
}

pub struct PoolEntry {
    pub deck: String,
    pub id: String,
    /// The main text (a term, a title, a name, a phrase).
    pub text: String,
    /// A second text (what a term denotes, a person's title, a document's context).
    pub other: String,
}

pub struct PoolNumber {
    pub deck: String,
    pub id: String,
    pub value: f64,
    pub unit: String,
}

#[derive(Default)]
pub struct Pool {
    pub lists: Vec<PoolList>,
    pub terms: Vec<PoolEntry>,
    pub documents: Vec<PoolEntry>,
    pub people: Vec<PoolEntry>,
    pub numbers: Vec<PoolNumber>,
    pub events: Vec<PoolEntry>,
    pub places: Vec<PoolEntry>,
    pub contexts: Vec<PoolEntry>,
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
        let did = deck.id().to_owned();
        let e = |id: &str, text: &str, other: &str| PoolEntry {
            deck: did.clone(),
            id: id.to_owned(),
            text: text.to_owned(),
            other: other.to_owned(),
        };
        for l in &f.lists {
            let items = l.items.get_ref();
            let mut forms = Vec::new();
            for i in items {
                forms.push(norm(i.text.get_ref()));
                forms.push(norm(i.key()));
                forms.extend(i.accept.iter().map(|a| norm(a)));
            }
            self.lists.push(PoolList {
                deck: did.clone(),
                id: l.id.get_ref().clone(),
                keys: items.iter().map(|i| i.key().to_owned()).collect(),
                forms,
            });
        }
        for t in &f.terms {
            self.terms.push(e(t.id.get_ref(), &t.term, &t.denotes));
        }
        let ctx_name = |c: Option<&toml::Spanned<String>>| -> String {
            let found = match c {
                Some(id) => f.contexts.iter().find(|x| x.id.get_ref() == id.get_ref()),
                None => f.contexts.first(),
            };
            found.map_or_else(|| f.deck.title.clone(), |x| x.name.clone())
        };
        for doc in &f.documents {
            self.documents.push(e(
                doc.id.get_ref(),
                &doc.title,
                &ctx_name(doc.context.as_ref()),
            ));
        }
        for p in &f.people {
            self.people.push(e(p.id.get_ref(), &p.name, &p.title));
        }
        for n in &f.numbers {
            self.numbers.push(PoolNumber {
                deck: did.clone(),
                id: n.id.get_ref().clone(),
                value: *n.value.get_ref(),
                unit: n.unit.clone(),
            });
        }
        for ev in &f.events {
            self.events
                .push(e(ev.id.get_ref(), &ev.what, ev.date.get_ref()));
            if let Some(place) = &ev.place {
                self.places.push(e(ev.id.get_ref(), place, ""));
            }
        }
        for c in &f.contexts {
            self.contexts.push(e(c.id.get_ref(), &c.name, ""));
        }
        if f.contexts.is_empty() {
            self.contexts.push(e("", &f.deck.title, ""));
        }
    }
}

/// Splits entries into tiers: the same deck first, then other decks; `skip` drops the fact
/// itself and anything else unwanted.
pub(crate) fn tiers<'a, T>(
    entries: &'a [T],
    deck: &str,
    deck_of: impl Fn(&T) -> &str,
    keep: impl Fn(&T) -> Option<String>,
) -> Vec<Vec<String>>
where
    T: 'a,
{
    let mut same = Vec::new();
    let mut others = Vec::new();
    for x in entries {
        if let Some(s) = keep(x) {
            if deck_of(x) == deck {
                same.push(s)
            } else {
                others.push(s)
            }
        }
    }
    vec![same, others]
}
