//! Questions from a list: how many, item by position, position of an item, which belongs,
//! which does NOT belong, true/false, put in order, recall the whole list.

use rand::seq::{IndexedRandom, SliceRandom};

use super::{Gen, accepted, choice, pick_distractors, pool, rng_for};
use crate::deck::model::ListFact;
use crate::question::{Answer, Kind, Question};

pub(super) fn questions<'a>(g: &Gen<'a>, l: &'a ListFact, out: &mut Vec<Question>) {
    let deck = g.deck.id();
    let id = l.id.get_ref().as_str();
    let items = l.items.get_ref();
    let n = items.len();
    let heading = l.heading.trim_end_matches(['。', '.', ':', ':']);
    let noun = l
        .noun
        .clone()
        .unwrap_or_else(|| if g.en { "item".into() } else { "项".into() });
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
        format!("{heading}:{}{tail}", body.join(sep))
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
    // then the same deck, then other decks; never an item of this list.
    let empty = std::collections::HashSet::new();
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
    let lure_text =
        |it: &'a pool::Item| (!this.contains(&super::norm(&it.key))).then(|| it.key.clone());

    // How many.
    if l.closed && n > 1 {
        let count = n as u32;
        let prompt = match mask_count(heading, count) {
            Some(masked) => g.t(format!("{masked}?"), format!("{masked}?")),
            None => g.t(
                format!("“{heading}”共有几{noun}?"),
                format!("How many {noun}s: \"{heading}\"?"),
            ),
        };
        out.push(g.question(
            l,
            Kind::HowMany,
            "count",
            prompt,
            Answer::Number {
                value: f64::from(count),
                unit: if g.en { String::new() } else { noun.clone() },
                qualifier: None,
            },
            explanation.clone(),
        ));
    }

    for (i, item) in items.iter().enumerate() {
        let pos = i + 1;
        let v = pos.to_string();
        if l.ordered {
            out.push(g.question(
                l,
                Kind::ItemAt,
                &v,
                g.t(
                    format!("“{heading}”中,第{}{noun}是什么?", zh_numeral(pos as u32)),
                    format!("\"{heading}\": what is {noun} number {pos}?"),
                ),
                Answer::Text {
                    accepted: item_accepts(i),
                },
                explanation.clone(),
            ));
            out.push(g.question(
                l,
                Kind::PositionOf,
                &v,
                g.t(
                    format!("“{heading}”中,“{}”是第几{noun}?", item.key()),
                    format!("\"{heading}\": which number is \"{}\"?", item.key()),
                ),
                Answer::Number {
                    value: pos as f64,
                    unit: String::new(),
                    qualifier: None,
                },
                explanation.clone(),
            ));
        }
        // Which of these belongs to the list: the item among items of other lists.
        let mut rng = rng_for(deck, id, Kind::Choice, &v);
        let ds = pick_distractors(&mut rng, &tiers, lure_text, this, 3);
        if ds.len() >= 2 {
            out.push(g.question(
                l,
                Kind::Choice,
                &v,
                g.t(
                    format!("下列哪一项属于“{heading}”?"),
                    format!("Which of these is one of \"{heading}\"?"),
                ),
                choice(&mut rng, item.key().to_owned(), ds),
                explanation.clone(),
            ));
        }
    }

    // Which is NOT in the list: only closed lists can say what is not in them.
    if l.closed && n >= 3 {
        // The lures of both variants are picked together, so they differ.
        let mut rng = rng_for(deck, id, Kind::NotInList, "lures");
        let lures = pick_distractors(&mut rng, &tiers, lure_text, this, 2usize.min(n - 2));
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
                g.t(
                    format!("下列哪一项**不**属于“{heading}”?"),
                    format!("Which of these is **NOT** one of \"{heading}\"?"),
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
            g.t(
                format!("判断:“{k}”是“{heading}”之一。"),
                format!("True or false: \"{k}\" is one of \"{heading}\"."),
            ),
            Answer::TrueFalse { value: true },
            explanation.clone(),
        ));
        if l.closed {
            let mut rng = rng_for(deck, id, Kind::TrueFalse, "false");
            if let Some(lure) = pick_distractors(&mut rng, &tiers, lure_text, this, 1).pop() {
                out.push(g.question(
                    l,
                    Kind::TrueFalse,
                    "false",
                    g.t(
                        format!("判断:“{lure}”是“{heading}”之一。"),
                        format!("True or false: \"{lure}\" is one of \"{heading}\"."),
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
            g.t(
                format!("按原文顺序排列“{heading}”的各{noun}。"),
                format!("Put \"{heading}\" in the order of the text."),
            ),
            Answer::Order { shown, correct },
            explanation.clone(),
        ));
    }

    // Recall the whole list.
    let want = if l.closed {
        g.t(
            format!("“{heading}”:请写出全部{n}{noun}。"),
            format!("\"{heading}\": name all {n}."),
        )
    } else {
        g.t(
            format!("“{heading}”:请写出原文列举的{n}{noun}。"),
            format!("\"{heading}\": name the {n} the text lists."),
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

/// The heading with its count replaced by 几 (`中俄外长商定在四方面加强合作` →
/// `中俄外长商定在几方面加强合作`), so a how-many prompt does not give its answer away.
fn mask_count(heading: &str, count: u32) -> Option<String> {
    for form in [zh_numeral(count), count.to_string()] {
        if let Some(at) = heading.find(&form) {
            return Some(format!(
                "{}几{}",
                &heading[..at],
                &heading[at + form.len()..]
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_the_count_in_a_heading() {
        assert_eq!(
            mask_count("中俄外长商定在四方面加强合作", 4).as_deref(),
            Some("中俄外长商定在几方面加强合作")
        );
        assert_eq!(
            mask_count("为此,我们将采取四项举措", 4).as_deref(),
            Some("为此,我们将采取几项举措")
        );
        assert_eq!(mask_count("外长们达成一系列重要共识和成果", 5), None);
    }
}
