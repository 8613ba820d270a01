//! Questions from a list: how many, item by position, which belongs, which list an item
//! belongs to, which does NOT belong, true/false, put in order, recall the whole list.

use rand::seq::{IndexedRandom, SliceRandom};

use super::{Gen, accepted, choice, pool, quote, rng_for};
use crate::deck::model::ListFact;
use crate::question::{Answer, Kind, Question};

pub(super) fn questions<'a>(g: &Gen<'a>, l: &'a ListFact, out: &mut Vec<Question>) {
    let deck = g.deck.id();
    let id = l.id.get_ref().as_str();
    let items = l.items.get_ref();
    let n = items.len();
    let heading_raw = l.heading.trim_end_matches(['。', '.', ':', ':']);
    let heading = quote(heading_raw);
    let noun = l
        .noun
        .clone()
        .unwrap_or_else(|| if g.en { "item".into() } else { "项".into() });
    // With its measure word: 方面 → 个方面 (四个方面), 项举措 stays.
    let counted = measured(&noun);
    let keys: Vec<&str> = items.iter().map(|i| i.key()).collect();
    let explanation = {
        let body: Vec<String> = items.iter().map(|i| i.text.get_ref().clone()).collect();
        let sep = if g.en { "; " } else { ";" };
        let tail = if l.closed {
            ""
        } else if g.en {
            "; …"
        } else {
            "等"
        };
        format!("{heading_raw}:{}{tail}", body.join(sep))
    };
    let item_accepts = |i: usize| -> Vec<String> {
        let it = &items[i];
        let mut v = accepted(it.key(), &it.accept);
        if !v.contains(it.text.get_ref()) {
            v.push(it.text.get_ref().clone());
        }
        v
    };
    // Items of other lists are the distractors: the list's family first (when it has one),
    // then the same deck, then related decks; never an item of this list.
    let empty = foldhash::HashSet::default();
    let this = g
        .pool
        .deck(deck)
        .and_then(|d| d.list_forms.get(id))
        .unwrap_or(&empty);
    // A list with a family draws only on its family: items of another kind (a president's
    // name among meeting outcomes) teach nothing, so too few of the family means no
    // multiple-choice question rather than a padded one.
    let mut tiers: Vec<&[pool::Item]> = Vec::new();
    match &l.family {
        Some(f) => tiers.extend(g.pool.item_families.get(f).map(Vec::as_slice)),
        None => tiers.extend(g.pool.tiers(deck, |d| d.items.as_slice())),
    }
    let lure_text = |it: &'a pool::Item| (!this.contains(&it.normed)).then(|| it.key.clone());

    // How many: in the deck's own words when the heading states the count, otherwise asked
    // of the heading (`quiz check` reports a heading that gives the count away).
    if l.closed && l.ask_count && n > 1 {
        let count = n as u32;
        let prompt = match &l.count_question {
            Some(q) => q.clone(),
            None => g.t_with(
                || format!("{heading}共有几{counted}?"),
                || format!("How many {noun}s: {heading}?"),
            ),
        };
        out.push(g.question(
            l,
            Kind::HowMany,
            "count",
            prompt,
            Answer::Number {
                value: f64::from(count),
                unit: if g.en { String::new() } else { counted.clone() },
                qualifier: None,
            },
            explanation.clone(),
        ));
    }

    // "Which of these belongs": only for a closed list (an open one, ending in 等, may
    // hold any plausible option), and for at most three of its items.
    let mut with_choice: Vec<usize> = (0..n).collect();
    with_choice.shuffle(&mut rng_for(deck, id, Kind::Choice, "items"));
    with_choice.truncate(3);
    // "Which number is X" asks what "what is number N" asks: two items are enough.
    let mut with_position: Vec<usize> = (0..n).collect();
    with_position.shuffle(&mut rng_for(deck, id, Kind::PositionOf, "items"));
    with_position.truncate(2);
    for (i, item) in items.iter().enumerate() {
        let pos = i + 1;
        let v = pos.to_string();
        if l.ordered {
            out.push(g.question(
                l,
                Kind::ItemAt,
                &v,
                g.t_with(
                    || format!("{heading}中,第{}{noun}是什么?", zh_numeral(pos as u32)),
                    || format!("{heading}: what is {noun} number {pos}?"),
                ),
                Answer::Text {
                    accepted: item_accepts(i),
                },
                explanation.clone(),
            ));
            if with_position.contains(&i) {
                out.push(g.question(
                    l,
                    Kind::PositionOf,
                    &v,
                    g.t_with(
                        || format!("{heading}中,{}是第几{noun}?", quote(item.key())),
                        || format!("{heading}: which number is {}?", quote(item.key())),
                    ),
                    Answer::Number {
                        value: pos as f64,
                        unit: String::new(),
                        qualifier: None,
                    },
                    explanation.clone(),
                ));
            }
        }
        if !l.closed || !with_choice.contains(&i) {
            continue;
        }
        let mut rng = rng_for(deck, id, Kind::Choice, &v);
        let ds = g.pick(&mut rng, &tiers, lure_text, this, 3);
        if ds.len() >= 2 {
            out.push(g.question(
                l,
                Kind::Choice,
                &v,
                g.t_with(
                    || format!("下列哪一项属于{heading}?"),
                    || format!("Which of these is one of {heading}?"),
                ),
                choice(&mut rng, item.key().to_owned(), ds),
                explanation.clone(),
            ));
        }
    }

    which_list(g, l, &explanation, out);

    // Which is NOT in the list: only closed lists can say what is not in them.
    if l.closed && n >= 3 {
        // The lures of both variants are picked together, so they differ.
        let mut rng = rng_for(deck, id, Kind::NotInList, "lures");
        let lures = g.pick(&mut rng, &tiers, lure_text, this, 2usize.min(n - 2));
        for (i, lure) in lures.into_iter().enumerate() {
            let v = (i + 1).to_string();
            let mut rng = rng_for(deck, id, Kind::NotInList, &v);
            let mut real: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
            real.shuffle(&mut rng);
            real.truncate(3);
            out.push(g.question(
                l,
                Kind::NotInList,
                &v,
                g.t_with(
                    || format!("下列哪一项**不**属于{heading}?"),
                    || format!("Which of these is **NOT** one of {heading}?"),
                ),
                choice(&mut rng, lure, real),
                explanation.clone(),
            ));
        }
    }

    // True/false: one true statement, and one false one when a real lure exists.
    {
        let mut rng = rng_for(deck, id, Kind::TrueFalse, "true");
        let k = *keys.choose(&mut rng).unwrap_or(&"");
        out.push(g.question(
            l,
            Kind::TrueFalse,
            "true",
            g.t_with(
                || format!("判断:{}是{heading}之一。", quote(k)),
                || format!("True or false: {} is one of {heading}.", quote(k)),
            ),
            Answer::TrueFalse { value: true },
            explanation.clone(),
        ));
        if l.closed {
            let mut rng = rng_for(deck, id, Kind::TrueFalse, "false");
            if let Some(lure) = g.pick(&mut rng, &tiers, lure_text, this, 1).pop() {
                out.push(g.question(
                    l,
                    Kind::TrueFalse,
                    "false",
                    g.t_with(
                        || format!("判断:{}是{heading}之一。", quote(&lure)),
                        || format!("True or false: {} is one of {heading}.", quote(&lure)),
                    ),
                    Answer::TrueFalse { value: false },
                    explanation.clone(),
                ));
            }
        }
    }

    // Put in order.
    // Options are lettered A to Z: a longer list is not put in order as one question.
    if l.ordered && (3..=26).contains(&n) {
        let mut rng = rng_for(deck, id, Kind::Order, "1");
        let mut idx: Vec<usize> = (0..n).collect();
        // A shuffle that leaves the list in order asks nothing; retry a few times.
        for _ in 0..8 {
            idx.shuffle(&mut rng);
            if idx.windows(2).any(|w| w[0] > w[1]) {
                break;
            }
        }
        let shown: Vec<String> = idx.iter().map(|&i| keys[i].to_owned()).collect();
        let correct: Vec<usize> = (0..n)
            .map(|i| idx.iter().position(|&j| j == i).unwrap_or(0))
            .collect();
        out.push(g.question(
            l,
            Kind::Order,
            "1",
            g.t_with(
                || format!("按原文顺序排列{heading}的各{noun}。"),
                || format!("Put {heading} in the order of the text."),
            ),
            Answer::Order { shown, correct },
            explanation.clone(),
        ));
    }

    // Recall the whole list.
    let nz = zh_numeral(n as u32);
    let want = if l.closed {
        g.t_with(
            || format!("{heading}:请写出全部{nz}{counted}。"),
            || format!("{heading}: name all {n}."),
        )
    } else {
        g.t_with(
            || format!("{heading}:请写出原文列举的{nz}{counted}。"),
            || format!("{heading}: name the {n} the text lists."),
        )
    };
    out.push(g.question(
        l,
        Kind::ListRecall,
        "all",
        want,
        Answer::List {
            items: (0..n).map(item_accepts).collect(),
        },
        explanation,
    ));
}

/// "Which meeting (or list) does this item belong to?": the options are the lists of the
/// same `family` in this deck and its related decks, each named with its meeting, so the
/// student must keep apart the wordings that interfere (推动 / 支持 / 加强国际抗疫合作).
/// Lists that hold the item too are no options. At most three items of a list are asked.
fn which_list(g: &Gen, l: &ListFact, explanation: &str, out: &mut Vec<Question>) {
    let Some(family) = &l.family else { return };
    let Some(lists) = g.pool.list_families.get(family) else {
        return;
    };
    let deck = g.deck.id();
    let id = l.id.get_ref().as_str();
    let Some(me) = lists.iter().find(|e| e.deck == deck && e.id == id) else {
        return;
    };
    let items = l.items.get_ref();
    let mut asked: Vec<usize> = (0..items.len()).collect();
    asked.shuffle(&mut rng_for(deck, id, Kind::Choice, "lists"));
    asked.truncate(3);
    asked.sort_unstable();
    for i in asked {
        let item = &items[i];
        let k = super::norm(item.key());
        let others: Vec<&pool::ListEntry> = lists
            .iter()
            .filter(|e| {
                let same = e.deck == deck && e.id == id;
                !same && !e.forms.contains(&k)
            })
            .collect();
        let v = format!("list-{}", i + 1);
        let mut rng = rng_for(deck, id, Kind::Choice, &v);
        let ds = g.pick(
            &mut rng,
            &[others.as_slice()],
            |e| Some(e.label.clone()),
            std::slice::from_ref(&me.label),
            3,
        );
        if ds.len() < 2 {
            continue;
        }
        let label = quote(item.key());
        out.push(g.question_in(
            id,
            // The question asks for the meeting, so the label cannot name it: the item does.
            &label,
            g.source_ref(l),
            Kind::Choice,
            &v,
            g.t(
                "这一表述出自哪次会议或场合的哪一列举?".to_owned(),
                "Which meeting's list has this wording?".to_owned(),
            ),
            choice(&mut rng, me.label.clone(), ds),
            explanation.to_owned(),
        ));
    }
}

/// A noun with its measure word, for counting: 方面 → 个方面, 项举措 and 个国家 stay.
pub(crate) fn measured(noun: &str) -> String {
    const MEASURES: &str = "个项种位份家点条所名件批届轮次国只座年";
    match noun.chars().next() {
        Some(c) if MEASURES.contains(c) => noun.to_owned(),
        Some(c) if c.is_ascii() => noun.to_owned(),
        None => noun.to_owned(),
        _ => format!("个{noun}"),
    }
}

/// `一`…`十`, then digits.
pub(crate) fn zh_numeral(n: u32) -> String {
    const D: [&str; 11] = [
        "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    ];
    if n <= 10 {
        D[n as usize].to_owned()
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counted_noun_gets_its_measure_word() {
        assert_eq!(measured("方面"), "个方面");
        assert_eq!(measured("项举措"), "项举措");
        assert_eq!(measured("个国家"), "个国家");
    }
}
