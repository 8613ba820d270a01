//! Printed tests (`quiz export -f sheet|sheet-html`): A/B versions hold the same questions in
//! other orders, each version's key file answers that version (every accepted form), points
//! add up, `--count` beyond the selection is an error, selection errors name what is
//! unknown, line breaks in deck text are kept.

mod instructor_env;

use std::collections::BTreeSet;

use instructor_env::Env;
use serde_json::Value;

/// What the sheet's Markdown escaping does to a text.
fn md(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if "\\*_`[]<>#|!&~$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[derive(Debug)]
struct SheetQ {
    points: u32,
    prompt: String,
    options: Vec<String>,
}

/// Points from `(2分)`.
fn points_of(s: &str) -> u32 {
    s.trim_start_matches('(')
        .trim_end_matches(')')
        .trim_end_matches('分')
        .parse()
        .unwrap()
}

/// The numbered questions of a Markdown sheet, with their options.
fn sheet_questions(text: &str) -> Vec<SheetQ> {
    let mut out: Vec<SheetQ> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("**") {
            let (_, q) = rest.split_once(".** ").unwrap();
            let (pts, prompt) = q.split_once(' ').unwrap();
            out.push(SheetQ {
                points: points_of(pts),
                prompt: prompt.to_owned(),
                options: Vec::new(),
            });
        } else if let (Some(q), Some(opt)) = (out.last_mut(), line.strip_prefix("   ")) {
            let b = opt.as_bytes();
            if b.len() > 3 && b[0].is_ascii_uppercase() && &b[1..3] == b". " {
                q.options.push(opt[3..].trim_end().to_owned());
            }
        }
    }
    out
}

/// The key's entries: each its lines (the answer, then more lines) and its points.
fn key_entries(text: &str) -> Vec<(Vec<String>, u32)> {
    let mut out: Vec<(Vec<String>, u32)> = Vec::new();
    for line in text.lines() {
        if let Some((n, rest)) = line.split_once(". ")
            && n.parse::<usize>().is_ok()
        {
            out.push((vec![rest.trim_end().to_owned()], 0));
        } else if let (Some(e), Some(more)) = (out.last_mut(), line.strip_prefix("   ")) {
            if let Some(meta) = more.strip_prefix('*') {
                e.1 = points_of(meta.split(' ').next().unwrap());
            } else {
                e.0.push(more.trim_end().to_owned());
            }
        }
    }
    out
}

/// The deck question a sheet question is: same prompt and, for options, the same set.
fn identify<'a>(all: &'a [Value], q: &SheetQ) -> &'a Value {
    let found: Vec<&Value> = all
        .iter()
        .filter(|d| {
            let p = d["prompt"].as_str().unwrap();
            let prompt = p.split("**").map(md).collect::<Vec<_>>().join("**");
            if prompt != q.prompt {
                return false;
            }
            let a = &d["answer"];
            let opts = a.get("options").or(a.get("shown"));
            let mine: BTreeSet<String> = q.options.iter().cloned().collect();
            let theirs: BTreeSet<String> = opts
                .map(|o| {
                    o.as_array()
                        .unwrap()
                        .iter()
                        .map(|x| md(x.as_str().unwrap()))
                        .collect()
                })
                .unwrap_or_default();
            mine == theirs
        })
        .collect();
    assert_eq!(found.len(), 1, "{q:?} is {} questions", found.len());
    found[0]
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_owned())
        .collect()
}

/// Asserts that the key entry answers the question as this version prints it.
fn check_key(q: &SheetQ, d: &Value, key: &[String]) {
    let uid = d["uid"].as_str().unwrap();
    let a = &d["answer"];
    let first = &key[0];
    let option = |letter: &str| {
        let i = (letter.as_bytes()[0] - b'A') as usize;
        q.options[i].clone()
    };
    match a["type"].as_str().unwrap() {
        "choice" => {
            let (letter, text) = first.split_once(". ").unwrap();
            let right = &strs(&a["options"])[a["correct"].as_u64().unwrap() as usize];
            assert_eq!(
                option(letter),
                md(right),
                "{uid}: the letter on this version"
            );
            assert_eq!(text, md(right), "{uid}");
        }
        "order" => {
            let shown = strs(&a["shown"]);
            let want: Vec<String> = a["correct"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| md(&shown[i.as_u64().unwrap() as usize]))
                .collect();
            let got: Vec<String> = first
                .split(" → ")
                .map(|part| option(part.split_once(". ").unwrap().0))
                .collect();
            assert_eq!(got, want, "{uid}");
            // Never printed already in order.
            assert_ne!(q.options, want, "{uid}");
        }
        "true_false" => {
            let want = if a["value"].as_bool().unwrap() {
                "对"
            } else {
                "错"
            };
            assert_eq!(first, want, "{uid}");
        }
        "text" => {
            let accepted = strs(&a["accepted"]);
            assert_eq!(first, &md(&accepted[0]), "{uid}");
            if accepted.len() > 1 {
                let also = key[1].strip_prefix("亦可: ").unwrap();
                let forms: Vec<&str> = also.split("; ").collect();
                let want: Vec<String> = accepted[1..].iter().map(|x| md(x)).collect();
                assert_eq!(forms, want, "{uid}: every accepted form");
            }
        }
        "list" => {
            let items = a["items"].as_array().unwrap();
            assert_eq!(key.len(), items.len(), "{uid}: a line per item");
            for (line, forms) in key.iter().zip(items) {
                for f in strs(forms) {
                    assert!(line.contains(&md(&f)), "{uid}: {f} in {line}");
                }
            }
        }
        "date" => {
            let iso = a["date"].as_str().unwrap();
            assert!(first.contains('年'), "{uid}: {first}");
            assert_eq!(key[1], format!("亦可: {iso}"), "{uid}");
        }
        "number" => {
            let v = a["value"].as_f64().unwrap().to_string();
            assert!(first.contains(&v), "{uid}: {first}");
        }
        "reveal" => assert_eq!(first, &md(a["answer"].as_str().unwrap()), "{uid}"),
        other => panic!("unexpected answer type {other}"),
    }
}

#[test]
fn ab_versions_hold_the_same_questions_in_other_orders_and_each_key_answers_its_version() {
    let env = Env::new();
    env.add_mini();
    let all = env.questions("mini");
    let sheet = env.path("test.md");
    let key = env.path("key.md");
    let args = [
        "export",
        "mini",
        "-f",
        "sheet",
        "--versions",
        "2",
        "--count",
        "30",
        "--seed",
        "11",
        "-o",
        sheet.to_str().unwrap(),
        "--key",
        key.to_str().unwrap(),
    ];
    let said = env.run(&args);
    for f in ["test-A.md", "test-B.md", "key-A.md", "key-B.md"] {
        assert!(said.contains(f), "{said}");
    }
    let read = |name: &str| std::fs::read_to_string(env.path(name)).unwrap();
    let (a, b) = (read("test-A.md"), read("test-B.md"));
    let (ka, kb) = (read("key-A.md"), read("key-B.md"));
    // The same again: every version is made again from the seed.
    env.run(&args);
    assert_eq!(
        (read("test-A.md"), read("key-B.md")),
        (a.clone(), kb.clone())
    );

    let mut ids = Vec::new();
    let mut option_orders = Vec::new();
    for (text, key_text, letter) in [(&a, &ka, 'A'), (&b, &kb, 'B')] {
        assert!(
            text.contains(&format!("{letter} 卷")),
            "the version is printed"
        );
        assert!(
            !text.contains("参考答案"),
            "with --key the sheet carries no answers"
        );
        let qs = sheet_questions(text);
        let keys = key_entries(key_text);
        assert_eq!(qs.len(), 30);
        assert_eq!(keys.len(), 30);
        let total: u32 = qs.iter().map(|q| q.points).sum();
        assert!(text.contains(&format!("得分: ____ / {total}")), "the total");
        assert!(text.contains(&format!("满分 {total} 分")));
        let mut order = Vec::new();
        let mut opts = Vec::new();
        for (q, (entry, pts)) in qs.iter().zip(&keys) {
            let d = identify(&all, q);
            check_key(q, d, entry);
            assert_eq!(q.points, *pts, "the key gives the same points");
            order.push(d["uid"].as_str().unwrap().to_owned());
            opts.push((d["uid"].as_str().unwrap().to_owned(), q.options.clone()));
        }
        ids.push(order);
        opts.sort();
        option_orders.push(opts);
    }
    let set = |v: &Vec<String>| v.iter().cloned().collect::<BTreeSet<_>>();
    assert_eq!(set(&ids[0]), set(&ids[1]), "the same questions");
    assert_ne!(ids[0], ids[1], "in another order");
    let reshuffled = option_orders[0]
        .iter()
        .zip(&option_orders[1])
        .filter(|(x, y)| x.1.len() > 1 && x.1 != y.1)
        .count();
    let with_options = option_orders[0].iter().filter(|x| x.1.len() > 1).count();
    assert!(
        with_options > 3 && reshuffled == with_options,
        "{reshuffled}/{with_options}"
    );
}

#[test]
fn versions_need_a_file_name_and_html_keys_are_separate_pages() {
    let env = Env::new();
    env.add_mini();
    let err = env.fail(&["export", "mini", "-f", "sheet-html", "--versions", "3"]);
    assert!(err.contains("-o FILE"), "{err}");
    let out = env.path("quiz.html");
    let key = env.path("answers.html");
    env.run(&[
        "export",
        "mini",
        "-f",
        "sheet-html",
        "--versions",
        "3",
        "--count",
        "8",
        "--seed",
        "2",
        "-o",
        out.to_str().unwrap(),
        "--key",
        key.to_str().unwrap(),
    ]);
    for v in ['A', 'B', 'C'] {
        let sheet = std::fs::read_to_string(env.path(&format!("quiz-{v}.html"))).unwrap();
        let key = std::fs::read_to_string(env.path(&format!("answers-{v}.html"))).unwrap();
        assert_eq!(sheet.matches("<li class=\"q ").count(), 8);
        assert!(!sheet.contains("class=\"key"), "no key on the sheet");
        assert_eq!(key.matches("<span class=\"ans\">").count(), 8);
        // Page numbers and the version in the printed margin.
        for page in [&sheet, &key] {
            assert!(page.contains("@bottom-center { content: \"第 \" counter(page)"));
            assert!(page.contains(&format!("@bottom-right {{ content: \"{v} 卷\"")));
        }
    }
}

#[test]
fn count_beyond_the_selection_is_an_error_saying_how_many_there_are() {
    let env = Env::new();
    env.add_mini();
    let n = env.questions("mini").len();
    let err = env.fail(&["export", "mini", "-f", "sheet", "--count", "1000"]);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&format!("holds only {n} questions")), "{err}");
    let all = env.run(&[
        "export", "mini", "-f", "sheet", "--count", "all", "--seed", "1",
    ]);
    assert_eq!(sheet_questions(&all).len(), n);
    // Without --count: 20, or the whole selection when it holds fewer.
    let one = env.run(&[
        "export", "mini", "-f", "sheet", "--lists", "areas", "--seed", "1",
    ]);
    let areas = env
        .questions("mini")
        .iter()
        .filter(|q| q["fact"] == "areas")
        .count();
    assert!(areas < 20);
    assert_eq!(sheet_questions(&one).len(), areas);
    let err = env.fail(&[
        "export", "mini", "-f", "sheet", "--lists", "areas", "--count", "30",
    ]);
    assert!(
        err.contains(&format!("holds only {areas} questions")),
        "{err}"
    );
}

#[test]
fn selection_picks_only_what_it_names_and_unknown_names_are_errors() {
    let env = Env::new();
    env.add_mini();
    let all = env.questions("mini");
    let sheet = env.run(&[
        "export",
        "mini",
        "-f",
        "sheet",
        "--kinds",
        "true_false",
        "--facts",
        "areas,xian",
        "--count",
        "all",
        "--seed",
        "3",
    ]);
    let got: BTreeSet<String> = sheet_questions(&sheet)
        .iter()
        .map(|q| identify(&all, q)["uid"].as_str().unwrap().to_owned())
        .collect();
    let want: BTreeSet<String> = all
        .iter()
        .filter(|q| q["kind"] == "true_false" && (q["fact"] == "areas" || q["fact"] == "xian"))
        .map(|q| q["uid"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(got, want);

    for (flags, says) in [
        (&["--facts", "areas,nope"][..], "no fact `nope`"),
        (
            &["--lists", "xian"][..],
            "`xian` is a fact of kind `event`, not a list",
        ),
        (&["--lists", "gone"][..], "no list `gone`"),
        (&["--kinds", "choice,bogus"][..], "no question kind `bogus`"),
        (&["--meeting", "nowhere"][..], "no meeting `nowhere`"),
        (
            &["--kinds", "chronology", "--facts", "areas"][..],
            "holds no question",
        ),
        (&["--points", "choice=x"][..], "`x` is not a whole number"),
    ] {
        let mut args = vec!["export", "mini", "-f", "sheet"];
        args.extend_from_slice(flags);
        let err = env.fail(&args);
        assert!(
            err.starts_with("quiz: ") && err.contains(says),
            "{flags:?}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    let err = env.fail(&["export", "mini", "-f", "csv", "--facts", "areas"]);
    assert!(err.contains("only applies to"), "{err}");
}

#[test]
fn points_follow_the_flag() {
    let env = Env::new();
    env.add_mini();
    let sheet = env.run(&[
        "export",
        "mini",
        "-f",
        "sheet",
        "--count",
        "12",
        "--seed",
        "4",
        "--points",
        "3,true_false=1",
    ]);
    let qs = sheet_questions(&sheet);
    let all = env.questions("mini");
    let mut total = 0;
    for q in &qs {
        let d = identify(&all, q);
        let want = if d["kind"] == "true_false" { 1 } else { 3 };
        assert_eq!(q.points, want, "{}", d["uid"]);
        total += want;
    }
    assert!(sheet.contains(&format!("得分: ____ / {total}")));
}

const LINES: &str = r#"
[deck]
id = "lines"
title = "Line breaks"
language = "en"

[[source]]
id = "s"
title = "Source"
publisher = "P"
date = "2020"

[[qa]]
id = "two"
source = "s"
question = "Line one\nLine two"
answer = "first\nsecond"
self_graded = true
"#;

#[test]
fn line_breaks_in_deck_text_are_kept() {
    let env = Env::new();
    let deck = env.path("lines.toml");
    std::fs::write(&deck, LINES).unwrap();
    env.run(&["add-deck", deck.to_str().unwrap()]);
    let html = env.run(&["export", "lines", "-f", "sheet-html", "--seed", "1"]);
    assert!(html.contains("Line one<br>\nLine two"), "{html}");
    let key = html.split("<section class=\"key\">").nth(1).unwrap();
    assert!(key.contains("first<br>\nsecond"), "{key}");
    let text = env.run(&["export", "lines", "-f", "sheet", "--seed", "1"]);
    assert!(text.contains("Line one  \n   Line two"), "{text}");
    assert!(text.contains("first  \n   second"), "{text}");
}
