//! The generator: which questions each fact kind gives, stable ids, and distractors that are
//! real and never right.

mod common;

use std::collections::BTreeSet;

use quiz::deck;
use quiz::generate::{Pool, generate, norm};
use quiz::question::{Answer, Kind, Question};

fn mini() -> Vec<Question> {
    let d = deck::parse("mini.toml", &common::fixture_text("mini.toml")).unwrap();
    generate(&d, &Pool::build([&d]))
}

fn kinds_of(qs: &[Question], fact: &str) -> BTreeSet<String> {
    qs.iter()
        .filter(|q| q.fact == fact)
        .map(|q| format!("{}/{}", q.kind, q.variant))
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn an_ordered_closed_list_gets_every_list_kind() {
    let qs = mini();
    let k = kinds_of(&qs, "areas");
    for want in [
        "how_many/count",
        "item_at/1",
        "item_at/4",
        "not_in_list/1",
        "not_in_list/2",
        "true_false/true",
        "true_false/false",
        "order/1",
        "list_recall/all",
    ] {
        assert!(k.contains(want), "missing {want} in {k:?}");
    }
    // Of the item-wise kinds that are capped, some items get them.
    for prefix in ["position_of/", "choice/"] {
        assert!(
            k.iter().any(|x| x.starts_with(prefix)),
            "no {prefix} in {k:?}"
        );
    }
}

#[test]
fn an_open_list_gets_no_count_no_not_in_list_no_positions() {
    let qs = mini();
    let k: BTreeSet<String> = qs
        .iter()
        .filter(|q| q.fact == "tech")
        .map(|q| q.kind.to_string())
        .collect();
    // No multiple choice either: with 等, any plausible option might belong to the list.
    for banned in [
        "how_many",
        "not_in_list",
        "item_at",
        "position_of",
        "order",
        "choice",
    ] {
        assert!(!k.contains(banned), "open list got {banned}: {k:?}");
    }
    assert!(
        k.contains("list_recall") && k.contains("true_false"),
        "{k:?}"
    );
    // The only true/false of an open list is a true one: "not in it" cannot be known.
    assert!(!kinds_of(&qs, "tech").contains("true_false/false"));
}

#[test]
fn the_other_fact_kinds_get_their_questions() {
    let qs = mini();
    assert_eq!(
        kinds_of(&qs, "xian"),
        set(&[
            "when/date",
            "what_on_date/1",
            "where/place",
            "true_false/true",
            "true_false/false"
        ])
    );
    assert_eq!(
        kinds_of(&qs, "scholarships"),
        set(&[
            "how_many/value",
            "choice/value",
            "true_false/true",
            "true_false/false"
        ])
    );
    assert_eq!(
        kinds_of(&qs, "camels"),
        set(&[
            "recall/meaning",
            "recall/term",
            "choice/term",
            "true_false/true",
            "true_false/false"
        ])
    );
    assert!(
        !kinds_of(&qs, "changan").contains("recall/term"),
        "one_way terms are asked one way only"
    );
    assert_eq!(
        kinds_of(&qs, "afghan"),
        set(&[
            "choice/context",
            "choice/verb",
            "true_false/true",
            "true_false/false"
        ])
    );
    assert_eq!(
        kinds_of(&qs, "tleuberdi"),
        set(&[
            "recall/title",
            "recall/name",
            "choice/name",
            "true_false/true",
            "true_false/false"
        ])
    );
    assert_eq!(kinds_of(&qs, "why-xian"), set(&["reveal/1"]));
    assert_eq!(kinds_of(&qs, "first-offline"), set(&["recall/1"]));
    assert_eq!(kinds_of(&qs, "luban-cloze"), set(&["cloze/1", "cloze/2"]));
    assert_eq!(kinds_of(&qs, "_chronology"), set(&["chronology/1"]));
    let cloze = qs
        .iter()
        .find(|q| q.uid == "mini/luban-cloze/cloze/2")
        .unwrap();
    assert!(cloze.prompt.contains("建设5所“____”"), "{}", cloze.prompt);
    assert_eq!(
        cloze.answer,
        Answer::Text {
            accepted: vec!["鲁班工坊".into(), "鲁班工房".into()]
        }
    );
}

#[test]
fn question_ids_are_unique_stable_and_independent_of_wording() {
    let qs = mini();
    let ids: BTreeSet<&str> = qs.iter().map(|q| q.uid.as_str()).collect();
    assert_eq!(ids.len(), qs.len(), "duplicate question ids");
    let text = common::fixture_text("mini.toml")
        .replace(
            "中俄外长商定在四方面加强合作",
            "中俄两国外长商定在四个方面加强合作",
        )
        .replace("钢铁驼队", "钢铁驼队伍");
    let d = deck::parse("mini.toml", &text).unwrap();
    let edited = generate(&d, &Pool::build([&d]));
    let edited_ids: BTreeSet<&str> = edited.iter().map(|q| q.uid.as_str()).collect();
    assert_eq!(ids, edited_ids);
    // Same input, same output, options in the same order.
    assert_eq!(mini(), qs);
}

#[test]
fn every_prompt_names_its_meeting_or_document() {
    for q in mini() {
        assert!(
            q.prompt.starts_with('【') && q.prompt.contains('】'),
            "{}",
            q.prompt
        );
        assert!(!q.context.is_empty());
    }
}

#[test]
fn distractors_are_never_a_right_answer_and_never_repeat() {
    let qs = mini();
    let d = deck::parse("mini.toml", &common::fixture_text("mini.toml")).unwrap();
    for q in &qs {
        let Answer::Choice { options, correct } = &q.answer else {
            continue;
        };
        assert!(options.len() >= 3, "{}: too few options {options:?}", q.uid);
        let normed: BTreeSet<String> = options.iter().map(|o| norm(o)).collect();
        assert_eq!(
            normed.len(),
            options.len(),
            "{}: repeated option {options:?}",
            q.uid
        );
        match q.kind {
            Kind::NotInList => {
                // The right option is the lure; every other option must be in the list.
                let list = d
                    .file
                    .lists
                    .iter()
                    .find(|l| l.id.get_ref() == &q.fact)
                    .unwrap();
                let forms: BTreeSet<String> = list
                    .items
                    .get_ref()
                    .iter()
                    .flat_map(|i| {
                        let mut v = vec![norm(i.text.get_ref()), norm(i.key())];
                        v.extend(i.accept.iter().map(|a| norm(a)));
                        v
                    })
                    .collect();
                assert!(
                    !forms.contains(&norm(&options[*correct])),
                    "{}: the lure is in the list",
                    q.uid
                );
                for (i, o) in options.iter().enumerate() {
                    if i != *correct {
                        assert!(
                            forms.contains(&norm(o)),
                            "{}: {o} is not in the list",
                            q.uid
                        );
                    }
                }
            }
            Kind::Choice if q.variant.parse::<usize>().is_ok() => {
                // "Which of these is one of the list": no wrong option may be in the list.
                let list = d
                    .file
                    .lists
                    .iter()
                    .find(|l| l.id.get_ref() == &q.fact)
                    .unwrap();
                for (i, o) in options.iter().enumerate() {
                    let in_list = list.items.get_ref().iter().any(|it| {
                        norm(it.key()) == norm(o)
                            || norm(it.text.get_ref()) == norm(o)
                            || it.accept.iter().any(|a| norm(a) == norm(o))
                    });
                    assert_eq!(in_list, i == *correct, "{}: option {o}", q.uid);
                }
            }
            _ => {
                let right = norm(&options[*correct]);
                assert_eq!(
                    options.iter().filter(|o| norm(o) == right).count(),
                    1,
                    "{}",
                    q.uid
                );
            }
        }
    }
}

#[test]
fn the_how_many_prompt_is_the_decks_own_when_it_gives_one() {
    let q = mini()
        .into_iter()
        .find(|q| q.uid == "mini/areas/how_many/count")
        .unwrap();
    assert!(
        q.prompt.ends_with("中俄外长商定在几方面加强合作?"),
        "{}",
        q.prompt
    );
    assert!(!q.prompt.contains('四'));
    // Without one, the heading is asked about, never garbled by putting 几 in its place.
    let q = mini()
        .into_iter()
        .find(|q| q.uid == "mini/countries/how_many/count")
        .unwrap();
    assert!(
        q.prompt.ends_with("“王毅此行访问的四个国家”共有几项?"),
        "{}",
        q.prompt
    );
}

#[test]
fn position_of_is_asked_of_two_items_only() {
    let qs = mini();
    let n = qs
        .iter()
        .filter(|q| q.fact == "areas" && q.kind == Kind::PositionOf)
        .count();
    assert_eq!(n, 2);
}

#[test]
fn a_number_never_gets_an_absurd_wrong_option() {
    for q in mini() {
        if q.fact == "scholarships" && q.kind == Kind::Choice {
            // 8个 and 2个 are real numbers of the deck, but absurd for 450个.
            let Answer::Choice { options, .. } = &q.answer else {
                panic!("{}", q.uid)
            };
            let mut o = options.clone();
            o.sort();
            assert_eq!(o, ["1000个", "300个", "450个"], "{}", q.uid);
        }
        if q.fact == "bodies" {
            assert!(
                q.kind != Kind::Choice && !q.prompt.contains("1000"),
                "{}: {}",
                q.uid,
                q.prompt
            );
        }
    }
}

#[test]
fn quotes_never_nest_in_a_prompt() {
    let text = common::fixture_text("mini.toml").replace(
        "heading = \"这次会晤的四重意义\"",
        "heading = \"共建“一带一路”的意义\"",
    );
    let d = deck::parse("mini.toml", &text).unwrap();
    let q = generate(&d, &Pool::build([&d]))
        .into_iter()
        .find(|q| q.uid == "mini/meanings/list_recall/all")
        .unwrap();
    assert!(q.prompt.contains("“共建‘一带一路’的意义”"), "{}", q.prompt);
    assert!(q.prompt.contains("请写出全部三项"), "{}", q.prompt);
}

#[test]
fn notes_and_general_knowledge_are_shown() {
    let text = common::fixture_text("mini.toml").replace(
        "[[term]]\nid = \"changan\"",
        "[[term]]\nid = \"changan\"\nnote = \"古都\"\ngeneral = \"古称的由来\"",
    );
    let d = deck::parse("mini.toml", &text).unwrap();
    let qs = generate(&d, &Pool::build([&d]));
    let q = qs
        .iter()
        .find(|q| q.uid == "mini/changan/recall/meaning")
        .unwrap();
    assert!(q.prompt.ends_with("(含常识,非本文内容)"), "{}", q.prompt);
    assert!(
        q.explanation.contains("〔常识,非本文内容:古称的由来〕")
            && q.explanation.contains("〔注:古都〕"),
        "{}",
        q.explanation
    );
    // A fact without them shows neither.
    let q = qs
        .iter()
        .find(|q| q.uid == "mini/camels/recall/meaning")
        .unwrap();
    assert!(!q.prompt.contains("常识") && !q.explanation.contains("〔"));
}
