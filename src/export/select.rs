//! Which questions a printed sheet or an LMS export holds: `--facts`, `--lists`, `--kinds`,
//! `--meeting`. Facts and lists add up (these facts and these lists); kinds and meetings then
//! narrow what they chose (or the whole deck when neither was given). Every name must exist in
//! the deck: a typo is an error naming it, never an empty test.

use std::collections::{HashMap, HashSet};

use super::DeckData;
use crate::deck::Deck;
use crate::deck::model::FactCommon;
use crate::error::{Error, Result};
use crate::question::Kind;

/// Messages of this module, in English (the interface's catalogue translates by these).
mod msg {
    use crate::t;

    pub fn unknown_fact(id: &str, deck: &str) -> String {
        t!("select.unknown_fact", id = id, deck = deck)
    }
    pub fn not_a_list(id: &str, kind: &str) -> String {
        t!("select.not_a_list", id = id, kind = kind)
    }
    pub fn unknown_list(id: &str, deck: &str) -> String {
        t!("select.unknown_list", id = id, deck = deck)
    }
    pub fn unknown_kind(k: &str, all: &str) -> String {
        t!("select.unknown_kind", kind = k, all = all)
    }
    pub fn unknown_meeting(m: &str, deck: &str, known: &str) -> String {
        t!(
            "select.unknown_meeting",
            meeting = m,
            deck = deck,
            known = known
        )
    }
    pub fn empty(deck: &str) -> String {
        t!("select.empty", deck = deck)
    }
}

/// What the flags asked for, as given.
#[derive(Debug, Default, Clone)]
pub struct Selection {
    pub facts: Vec<String>,
    pub lists: Vec<String>,
    pub kinds: Vec<String>,
    pub meetings: Vec<String>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
            && self.lists.is_empty()
            && self.kinds.is_empty()
            && self.meetings.is_empty()
    }

    /// Whether the deck file is needed to apply it (fact ids, list ids and meetings are
    /// checked against the file).
    pub fn needs_deck_file(&self) -> bool {
        !(self.facts.is_empty() && self.lists.is_empty() && self.meetings.is_empty())
    }

    /// Keeps in `d` only the selected questions (in their order). `file` is the deck file
    /// (needed when [`Selection::needs_deck_file`]). Errors on a name the deck lacks, and on a
    /// selection that holds nothing.
    pub fn apply(&self, d: &mut DeckData, file: Option<&Deck>) -> Result<()> {
        if self.is_empty() {
            return Ok(());
        }
        let kinds = self
            .kinds
            .iter()
            .map(|k| {
                Kind::parse(k.trim()).ok_or_else(|| {
                    let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                    Error::Usage(msg::unknown_kind(k, &all.join(", ")))
                })
            })
            .collect::<Result<HashSet<Kind>>>()?;

        // fact id → (fact kind, context id)
        let mut fact_info: HashMap<&str, (&str, Option<&str>)> = HashMap::new();
        let mut meetings_of_fact: HashMap<&str, &str> = HashMap::new();
        let mut wanted_facts: Option<HashSet<&str>> = None;
        let mut wanted_meetings: Option<HashSet<&str>> = None;
        if let Some(file) = file {
            let f = &file.file;
            let first_context = f.contexts.first().map(|c| c.id.get_ref().as_str());
            fn add<'a>(
                map: &mut HashMap<&'a str, (&'static str, Option<&'a str>)>,
                first: Option<&'a str>,
                kind: &'static str,
                facts: Vec<&'a dyn FactCommon>,
            ) {
                for x in facts {
                    let ctx = x.context().map(|c| c.get_ref().as_str()).or(first);
                    map.insert(x.id().get_ref().as_str(), (kind, ctx));
                }
            }
            let m = &mut fact_info;
            let c = first_context;
            add(m, c, "list", f.lists.iter().map(|x| x as _).collect());
            add(m, c, "event", f.events.iter().map(|x| x as _).collect());
            add(m, c, "number", f.numbers.iter().map(|x| x as _).collect());
            add(m, c, "term", f.terms.iter().map(|x| x as _).collect());
            add(
                m,
                c,
                "document",
                f.documents.iter().map(|x| x as _).collect(),
            );
            add(m, c, "person", f.people.iter().map(|x| x as _).collect());
            add(m, c, "qa", f.qas.iter().map(|x| x as _).collect());
            add(m, c, "cloze", f.clozes.iter().map(|x| x as _).collect());
            for (id, (_, ctx)) in &fact_info {
                if let Some(c) = ctx {
                    meetings_of_fact.insert(id, c);
                }
            }

            if !self.facts.is_empty() || !self.lists.is_empty() {
                let mut set = HashSet::new();
                for id in &self.facts {
                    let id = id.trim();
                    let Some((fid, _)) = fact_info.get_key_value(id) else {
                        return Err(Error::Usage(msg::unknown_fact(id, &d.id)));
                    };
                    set.insert(*fid);
                }
                for id in &self.lists {
                    let id = id.trim();
                    match fact_info.get_key_value(id) {
                        Some((fid, ("list", _))) => {
                            set.insert(*fid);
                        }
                        Some((_, (kind, _))) => {
                            return Err(Error::Usage(msg::not_a_list(id, kind)));
                        }
                        None => return Err(Error::Usage(msg::unknown_list(id, &d.id))),
                    }
                }
                wanted_facts = Some(set);
            }

            if !self.meetings.is_empty() {
                let mut set = HashSet::new();
                for m in &self.meetings {
                    let want = m.trim();
                    let found = f.contexts.iter().find(|c| {
                        c.id.get_ref() == want
                            || c.name == want
                            || c.name_en
                                .as_deref()
                                .is_some_and(|n| n.eq_ignore_ascii_case(want))
                    });
                    let Some(c) = found else {
                        let known: Vec<String> = f
                            .contexts
                            .iter()
                            .map(|c| format!("{} ({})", c.id.get_ref(), c.name))
                            .collect();
                        let known = if known.is_empty() {
                            "none".to_owned()
                        } else {
                            known.join(", ")
                        };
                        return Err(Error::Usage(msg::unknown_meeting(want, &d.id, &known)));
                    };
                    set.insert(c.id.get_ref().as_str());
                }
                wanted_meetings = Some(set);
            }
        }

        let keep: Vec<bool> = d
            .questions
            .iter()
            .map(|q| {
                let fact = q.fact.as_str();
                wanted_facts.as_ref().is_none_or(|s| s.contains(fact))
                    && (kinds.is_empty() || kinds.contains(&q.kind))
                    && wanted_meetings
                        .as_ref()
                        .is_none_or(|s| meetings_of_fact.get(fact).is_some_and(|m| s.contains(m)))
            })
            .collect();
        let mut i = 0;
        d.questions.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        let mut i = 0;
        d.fact_kinds.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        if d.questions.is_empty() {
            return Err(Error::Usage(msg::empty(&d.id)));
        }
        Ok(())
    }
}

/// Splits a comma-separated flag value (`--facts a,b`); repeated flags add up.
pub fn split_list(values: &[String]) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}
