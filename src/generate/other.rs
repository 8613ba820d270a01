//! Questions from numbers, terms, documents, people and free questions.

use super::{Exact, Gen, accepted, choice, pick_from, pool, quote, rng_for};
use crate::deck::model::{DocumentFact, NumberFact, PersonFact, QaFact, TermFact};
use crate::question::{Answer, Kind, Question, format_number};

pub(super) fn number(g: &Gen, n: &NumberFact, out: &mut Vec<Question>) {
    let deck = g.deck.id();
    let id = n.id.get_ref().as_str();
    let value = *n.value.get_ref();
    let answer = Answer::Number {
        value,
        unit: n.unit.clone(),
        qualifier: n.qualifier.clone(),
    };
    let shown = answer.display();
    let explanation = n
        .text
        .clone()
        .unwrap_or_else(|| format!("{}:{shown}", n.counts));
    let counts = if g.en {
        n.counts_en.clone().unwrap_or_else(|| n.counts.clone())
    } else {
        n.counts.clone()
    };
    out.push(g.question(
        n,
        Kind::HowMany,
        "value",
        g.t_with(
            || format!("{counts}有多少{}?", n.unit),
            || format!("How many: {counts}?"),
        ),
        answer,
        explanation.clone(),
    ));
    // Other real numbers of the same unit: 450个 is no distractor for 5所.
    let mut rng = rng_for(deck, id, Kind::Choice, "value");
    let fmt = |v: f64| format!("{}{}", format_number(v), n.unit);
    let tiers = g.pool.tiers(deck, |d| d.numbers.as_slice());
    let ds = g.pick(
        &mut rng,
        &tiers,
        |x: &pool::Number| {
            (x.unit == n.unit && x.value != value && plausible(x.value, value))
                .then(|| fmt(x.value))
        },
        Exact(&[fmt(value)]),
        3,
    );
    if ds.len() >= 2 {
        out.push(g.question(
            n,
            Kind::Choice,
            "value",
            g.t_with(
                || format!("{counts}有多少{}?", n.unit),
                || format!("How many: {counts}?"),
            ),
            choice(&mut rng, fmt(value), ds.clone()),
            explanation.clone(),
        ));
    }
    out.push(g.question(
        n,
        Kind::TrueFalse,
        "true",
        g.t_with(
            || format!("判断:{counts}为{shown}。"),
            || format!("True or false: {counts}: {shown}."),
        ),
        Answer::TrueFalse { value: true },
        explanation.clone(),
    ));
    if let Some(w) = ds.first() {
        out.push(g.question(
            n,
            Kind::TrueFalse,
            "false",
            g.t_with(
                || format!("判断:{counts}为{w}。"),
                || format!("True or false: {counts}: {w}."),
            ),
            Answer::TrueFalse { value: false },
            explanation,
        ));
    }
}

/// A number is a plausible wrong answer for another when it is within a factor of five:
/// 1000个 is absurd for 2 permanent bodies, 2000年 for a three-year plan.
fn plausible(candidate: f64, right: f64) -> bool {
    let (a, b) = (candidate.abs(), right.abs());
    a > 0.0 && b > 0.0 && a <= b * 5.0 && b <= a * 5.0
}

pub(super) fn term(g: &Gen, t: &TermFact, out: &mut Vec<Question>) {
    let deck = g.deck.id();
    let id = t.id.get_ref().as_str();
    let explanation = match (&t.term_en, &t.denotes_en) {
        (Some(te), Some(de)) => format!("“{}”({te}):{}({de})", t.term, t.denotes),
        _ => format!("“{}”:{}", t.term, t.denotes),
    };
    out.push(g.question(
        t,
        Kind::Recall,
        "meaning",
        g.t_with(
            || format!("{}指什么?", quote(&t.term)),
            || format!("What does \"{}\" refer to?", t.term),
        ),
        Answer::Text {
            accepted: accepted(&t.denotes, t.accept.iter().chain(t.denotes_en.iter())),
        },
        explanation.clone(),
    ));
    if !t.one_way {
        out.push(g.question(
            t,
            Kind::Recall,
            "term",
            g.t_with(
                || format!("哪个提法指{}?", quote(&t.denotes)),
                || format!("Which term refers to \"{}\"?", t.denotes),
            ),
            Answer::Text {
                accepted: accepted(&t.term, t.term_en.iter()),
            },
            explanation.clone(),
        ));
    }
    // Terms of the same family first (健康丝路 / 数字丝绸之路 / 平安丝路), then the deck's.
    let mut tiers: Vec<&[pool::Entry]> = Vec::new();
    match &t.family {
        // Like lists: a term with a family is only compared with its family.
        Some(f) => tiers.extend(g.pool.term_families.get(f).map(Vec::as_slice)),
        None => tiers.extend(g.pool.tiers(deck, |d| d.terms.as_slice())),
    }
    let mut rng = rng_for(deck, id, Kind::Choice, "term");
    if t.one_way {
        // Meaning → term would give the term away: choose the meaning instead.
        let right = accepted(&t.denotes, &t.accept);
        let ds = g.pick(&mut rng, &tiers, |x| Some(x.other.clone()), &right, 3);
        if ds.len() >= 2 {
            out.push(g.question(
                t,
                Kind::Choice,
                "term",
                g.t_with(
                    || format!("{}指什么?", quote(&t.term)),
                    || format!("What does \"{}\" refer to?", t.term),
                ),
                choice(&mut rng, t.denotes.clone(), ds),
                explanation.clone(),
            ));
        }
    } else {
        let ds = g.pick(
            &mut rng,
            &tiers,
            |x| Some(x.text.clone()),
            std::slice::from_ref(&t.term),
            3,
        );
        if ds.len() >= 2 {
            out.push(g.question(
                t,
                Kind::Choice,
                "term",
                g.t_with(
                    || format!("哪个提法指{}?", quote(&t.denotes)),
                    || format!("Which term refers to \"{}\"?", t.denotes),
                ),
                choice(&mut rng, t.term.clone(), ds),
                explanation.clone(),
            ));
        }
    }
    out.push(g.question(
        t,
        Kind::TrueFalse,
        "true",
        g.t_with(
            || format!("判断:{}指{}。", quote(&t.term), t.denotes),
            || format!("True or false: \"{}\" refers to {}.", t.term, t.denotes),
        ),
        Answer::TrueFalse { value: true },
        explanation.clone(),
    ));
    let mut rng = rng_for(deck, id, Kind::TrueFalse, "false");
    let right = accepted(&t.denotes, &t.accept);
    let wrong = |x: &pool::Entry| (x.text != t.term).then(|| x.other.clone());
    if let Some(w) = g.pick(&mut rng, &tiers, wrong, &right, 1).pop() {
        out.push(g.question(
            t,
            Kind::TrueFalse,
            "false",
            g.t_with(
                || format!("判断:{}指{w}。", quote(&t.term)),
                || format!("True or false: \"{}\" refers to {w}.", t.term),
            ),
            Answer::TrueFalse { value: false },
            explanation,
        ));
    }
}

/// The verbs by which a meeting makes a document its own: only these make a `document`
/// (`quiz check` reports the others: a recommendation is not a document).
pub const ADOPTING_VERBS: [&str; 7] = ["发表", "通过", "批准", "签署", "启动", "发布", "提出"];

pub(super) fn document(g: &Gen, d: &DocumentFact, out: &mut Vec<Question>) {
    let deck = g.deck.id();
    let id = d.id.get_ref().as_str();
    let ctx = g.context_name(d);
    let title = if g.en {
        d.title_en.clone().unwrap_or_else(|| d.title.clone())
    } else if d.titled {
        format!("《{}》", d.title)
    } else {
        d.title.clone()
    };
    let by = d.by.clone().unwrap_or_default();
    let explanation = g.t_with(
        || format!("{ctx}{by}{}{title}", d.verb),
        || format!("{ctx}: {by} {} {title}", d.verb),
    );

    // Which meeting: the meetings of this deck and its related decks are the options (not
    // interviews, which adopt nothing). The prompt does not use the verb, which the next
    // question asks.
    let mut rng = rng_for(deck, id, Kind::Choice, "context");
    let contexts = g.pool.tiers(deck, |d| d.contexts.as_slice());
    let ctx_text = |x: &pool::Entry| Some(x.text.clone());
    let ds = g.pick(&mut rng, &contexts, ctx_text, std::slice::from_ref(&ctx), 3);
    if ds.len() >= 2 {
        out.push(g.question_in(
            id,
            // The question asks for the meeting, so it cannot name it: the document does.
            &title,
            g.source_ref(d),
            Kind::Choice,
            "context",
            g.t_with(
                || format!("{title}出自哪次会议?"),
                || format!("Which meeting is {title} from?"),
            ),
            choice(&mut rng, ctx.clone(), ds),
            explanation.clone(),
        ));
    }
    // What the meeting did with it: issued, adopted, approved…
    let mut rng = rng_for(deck, id, Kind::Choice, "verb");
    let verbs: Vec<String> = ADOPTING_VERBS.iter().map(|s| (*s).to_owned()).collect();
    let ds = pick_from(&mut rng, &verbs, std::slice::from_ref(&d.verb), 3);
    if !g.en && ds.len() >= 2 {
        out.push(g.question(
            d,
            Kind::Choice,
            "verb",
            format!("按原文,会议对{title}用的是哪个动词?"),
            choice(&mut rng, d.verb.clone(), ds),
            explanation.clone(),
        ));
    }
    out.push(g.question(
        d,
        Kind::TrueFalse,
        "true",
        g.t_with(
            || format!("判断:{title}出自本次会议。"),
            || format!("True or false: {title} is from this meeting."),
        ),
        Answer::TrueFalse { value: true },
        explanation.clone(),
    ));
    let mut rng = rng_for(deck, id, Kind::TrueFalse, "false");
    let wrong = g.pick(&mut rng, &contexts, ctx_text, std::slice::from_ref(&ctx), 1);
    if let Some(w) = wrong.first() {
        out.push(g.question_in(
            id,
            &title,
            g.source_ref(d),
            Kind::TrueFalse,
            "false",
            g.t_with(
                || format!("判断:{title}出自{w}。"),
                || format!("True or false: {title} is from {w}."),
            ),
            Answer::TrueFalse { value: false },
            explanation,
        ));
    }
}

pub(super) fn person(g: &Gen, p: &PersonFact, out: &mut Vec<Question>) {
    let deck = g.deck.id();
    let id = p.id.get_ref().as_str();
    let name = if g.en {
        p.name_en.clone().unwrap_or_else(|| p.name.clone())
    } else {
        p.name.clone()
    };
    let title = if g.en {
        p.title_en.clone().unwrap_or_else(|| p.title.clone())
    } else {
        p.title.clone()
    };
    let role = p
        .role
        .clone()
        .map(|r| g.t_with(|| format!(",{r}"), || format!(", {r}")))
        .unwrap_or_default();
    let explanation = match (&p.name_en, &p.title_en) {
        (Some(ne), Some(te)) => format!("{}{}{role}({te} {ne})", p.title, p.name),
        _ => format!("{}{}{role}", p.title, p.name),
    };
    out.push(g.question(
        p,
        Kind::Recall,
        "title",
        g.t_with(
            || format!("{name}当时的职务是什么?"),
            || format!("What was {name}'s title at the time?"),
        ),
        Answer::Text {
            accepted: accepted(&p.title, p.title_accept.iter().chain(p.title_en.iter())),
        },
        explanation.clone(),
    ));
    out.push(g.question(
        p,
        Kind::Recall,
        "name",
        g.t_with(
            || format!("时任{title}的是谁?"),
            || format!("Who was {title}?"),
        ),
        Answer::Text {
            accepted: accepted(&p.name, p.accept.iter().chain(p.name_en.iter())),
        },
        explanation.clone(),
    ));
    let mut rng = rng_for(deck, id, Kind::Choice, "name");
    let people = g.pool.tiers(deck, |d| d.people.as_slice());
    let right = accepted(&p.name, &p.accept);
    let other_name = |x: &pool::Entry| (x.other != p.title).then(|| x.text.clone());
    let ds = g.pick(&mut rng, &people, other_name, &right, 3);
    if ds.len() >= 2 {
        out.push(g.question(
            p,
            Kind::Choice,
            "name",
            g.t_with(
                || format!("时任{title}的是谁?"),
                || format!("Who was {title}?"),
            ),
            choice(&mut rng, p.name.clone(), ds),
            explanation.clone(),
        ));
    }
    out.push(g.question(
        p,
        Kind::TrueFalse,
        "true",
        g.t_with(
            || format!("判断:{name}时任{title}。"),
            || format!("True or false: {name} was {title}."),
        ),
        Answer::TrueFalse { value: true },
        explanation.clone(),
    ));
    let mut rng = rng_for(deck, id, Kind::TrueFalse, "false");
    let right = accepted(&p.title, &p.title_accept);
    let wrong = |x: &pool::Entry| (x.text != p.name && x.other != p.title).then(|| x.other.clone());
    if let Some(w) = g.pick(&mut rng, &people, wrong, &right, 1).pop() {
        out.push(g.question(
            p,
            Kind::TrueFalse,
            "false",
            g.t_with(
                || format!("判断:{name}时任{w}。"),
                || format!("True or false: {name} was {w}."),
            ),
            Answer::TrueFalse { value: false },
            explanation,
        ));
    }
}

pub(super) fn qa(g: &Gen, q: &QaFact, out: &mut Vec<Question>) {
    let prompt = match q.question_en() {
        Some(en) if g.en => en,
        _ => q.question.as_str(),
    };
    let explanation = match q.answer_en() {
        Some(en) if !g.en => format!("{}({en})", q.answer),
        _ => q.answer.clone(),
    };
    let (kind, answer) = if q.self_graded {
        (
            Kind::Reveal,
            Answer::Reveal {
                answer: q.answer.clone(),
            },
        )
    } else {
        (
            Kind::Recall,
            Answer::Text {
                accepted: accepted(&q.answer, q.accept().iter().chain(q.answer_en())),
            },
        )
    };
    out.push(g.question(q, kind, "1", prompt, answer, explanation));
}
