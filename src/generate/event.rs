//! Questions from events: when, what happened on that date, where, true/false, and one
//! chronology question over the deck's events.

use rand::seq::SliceRandom;

use super::{Gen, accepted, choice, rng_for};
use crate::dates::FactDate;
use crate::deck::Deck;
use crate::deck::model::EventFact;
use crate::question::{Answer, Kind, Question, SourceRef};

/// Two dates overlap when one contains the other (2021 contains 2021-05-12): such an event
/// is no distractor for "what happened then".
fn overlaps(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

pub(super) fn questions(g: &Gen, out: &mut Vec<Question>) {
    let deck = g.deck.id();
    let events = crate::deck::sorted_by_id(g.deck.file.events.iter().collect(), |e| {
        e.id.get_ref().as_str()
    });
    for e in events {
        let id = e.id.get_ref().as_str();
        // Validation guarantees the date parses.
        let Some(date) = FactDate::parse(e.date.get_ref()) else {
            continue;
        };
        let iso = date.iso();
        let when_text = if g.en { date.en() } else { date.zh() };
        let place = e.place.as_deref().map(|p| {
            if g.en {
                e.place_en.as_deref().unwrap_or(p)
            } else {
                p
            }
        });
        let mut explanation = match place {
            Some(p) => g.t_with(
                || format!("{when_text},{p}:{}", e.what),
                || format!("{when_text}, {p}: {}", e.what),
            ),
            None => g.t_with(
                || format!("{when_text}:{}", e.what),
                || format!("{when_text}: {}", e.what),
            ),
        };
        if let Some(t) = &e.date_text {
            explanation.push_str(&g.t_with(
                || format!("(原文:“{t}”)"),
                || format!(" (the text says \"{t}\")"),
            ));
        }
        if e.date_inferred {
            explanation.push_str(&g.t(
                "(年份据上下文推断)".into(),
                " (year inferred from the text)".into(),
            ));
        }
        // The context's name often carries the date and place being asked: leave them out.
        let ctx = g.context_short(e);
        let src = g.source_ref(e);
        let q = |kind: Kind, variant: &str, prompt: String, answer: Answer| {
            g.question_in(
                id,
                &ctx,
                src.clone(),
                kind,
                variant,
                prompt,
                answer,
                explanation.clone(),
            )
        };

        out.push(q(
            Kind::When,
            "date",
            g.t_with(
                || format!("{}是在什么时候?", e.what),
                || format!("When: {}?", e.what),
            ),
            Answer::Date { date: iso.clone() },
        ));

        let what_right = accepted(&e.what, &e.accept);
        let mut rng = rng_for(deck, id, Kind::WhatOnDate, "1");
        let tiers = g.pool.tiers(deck, |d| d.events.as_slice());
        let ds = g.pick(
            &mut rng,
            &tiers,
            |x| (!overlaps(&x.other, &iso)).then(|| x.text.clone()),
            &what_right,
            3,
        );
        let on = match place {
            Some(p) => g.t_with(
                || format!("{when_text}在{p}"),
                || format!("on {when_text} in {p}"),
            ),
            None => g.t(when_text.clone(), format!("on {when_text}")),
        };
        let answer = if ds.len() >= 2 {
            choice(&mut rng, e.what.clone(), ds)
        } else {
            Answer::Text {
                accepted: what_right.clone(),
            }
        };
        out.push(q(
            Kind::WhatOnDate,
            "1",
            g.t_with(
                || format!("{on}发生了什么?"),
                || format!("What happened {on}?"),
            ),
            answer,
        ));

        if let Some(p) = &e.place {
            out.push(q(
                Kind::Where,
                "place",
                g.t_with(
                    || format!("{}在哪里举行?", e.what),
                    || format!("Where: {}?", e.what),
                ),
                Answer::Text {
                    accepted: accepted(p, e.place_accept.iter().chain(e.place_en.iter())),
                },
            ));
        }

        out.push(q(
            Kind::TrueFalse,
            "true",
            g.t_with(
                || format!("判断:{}的时间是{when_text}。", e.what),
                || format!("True or false: {} was on {when_text}.", e.what),
            ),
            Answer::TrueFalse { value: true },
        ));
        // A false date: another event's date of the same precision that does not overlap.
        let mut rng = rng_for(deck, id, Kind::TrueFalse, "false");
        let wrong = g.pick(
            &mut rng,
            &tiers,
            |x| {
                FactDate::parse(&x.other)
                    .filter(|d| d.precision() == date.precision() && !overlaps(&x.other, &iso))
                    .map(|d| if g.en { d.en() } else { d.zh() })
            },
            std::slice::from_ref(&when_text),
            1,
        );
        if let Some(w) = wrong.first() {
            out.push(q(
                Kind::TrueFalse,
                "false",
                g.t_with(
                    || format!("判断:{}的时间是{w}。", e.what),
                    || format!("True or false: {} was on {w}.", e.what),
                ),
                Answer::TrueFalse { value: false },
            ));
        }
    }
    chronology(g, out);
}

/// The fact id of the chronology question: a deck-wide set, not a fact of the file.
pub const CHRONOLOGY: &str = "_chronology";

/// The events a chronology question can put in order, by date: those whose order is certain
/// (a month cannot be ordered against a day in it).
fn orderable_events(deck: &Deck) -> Vec<(FactDate, &EventFact)> {
    let mut events: Vec<(FactDate, &EventFact)> = deck
        .file
        .events
        .iter()
        .filter_map(|e| FactDate::parse(e.date.get_ref()).map(|d| (d, e)))
        .collect();
    events.sort_by_key(|a| a.0);
    events.dedup_by(|b, a| overlaps(&a.0.iso(), &b.0.iso()));
    events
}

/// The deck has a chronology question (generated after its events' questions).
pub fn has_chronology(deck: &Deck) -> bool {
    orderable_events(deck).len() >= 3
}

/// One question putting up to five of the deck's events in order, when at least three have
/// distinct, non-overlapping dates. Its fact id is the reserved [`CHRONOLOGY`].
fn chronology(g: &Gen, out: &mut Vec<Question>) {
    let events = orderable_events(g.deck);
    if events.len() < 3 {
        return;
    }
    let deck = g.deck.id();
    let mut rng = rng_for(deck, CHRONOLOGY, Kind::Chronology, "1");
    let mut chosen: Vec<usize> = (0..events.len()).collect();
    chosen.shuffle(&mut rng);
    chosen.truncate(5);
    chosen.sort_unstable();
    let mut shown_idx = chosen.clone();
    for _ in 0..8 {
        shown_idx.shuffle(&mut rng);
        if shown_idx.windows(2).any(|w| w[0] > w[1]) {
            break;
        }
    }
    let shown: Vec<String> = shown_idx
        .iter()
        .map(|&i| events[i].1.what.clone())
        .collect();
    let correct: Vec<usize> = chosen
        .iter()
        .map(|c| shown_idx.iter().position(|s| s == c).unwrap_or(0))
        .collect();
    let explanation = chosen
        .iter()
        .map(|&i| {
            let d = events[i].0;
            format!(
                "{} {}",
                if g.en { d.en() } else { d.zh() },
                events[i].1.what
            )
        })
        .collect::<Vec<_>>()
        .join(if g.en { "; " } else { ";" });
    let first = events[chosen[0]].1;
    let src = g.source_ref(first);
    // Events of a deck can span several meetings: the deck's title names them all (without
    // the date in its parenthesis, which the question asks).
    let meta = &g.deck.file.deck;
    let context = super::strip_parenthesis(&if g.en {
        meta.title_en.clone().unwrap_or_else(|| meta.title.clone())
    } else {
        meta.title.clone()
    });
    out.push(g.question_in(
        CHRONOLOGY,
        &context,
        SourceRef { part: None, ..src },
        Kind::Chronology,
        "1",
        g.t(
            "按时间先后排列下列事件。".into(),
            "Put these events in chronological order.".into(),
        ),
        Answer::Order { shown, correct },
        explanation,
    ));
}
