//! `quiz export -f moodle` and `-f gift`, read back by independent parsers (gift-pegjs, a
//! grammar of GIFT, under Node.js; Python's XML library checking Moodle's structure, and
//! moodle-xml-parser for its multiple-choice questions), installed by scripts/lms-venv
//! under target/. Each
//! question is compared with the deck's: its type, its answers (every accepted form), its
//! source; the selection flags select exactly what they say.
//!
//! Without Python or the packages these tests fail with a message saying so, unless
//! QUIZ_SKIP_LMS=1 is set: then they print that they skipped and pass.

mod instructor_env;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use instructor_env::{Env, fixture};
use serde_json::Value;

fn lms_python() -> Option<&'static Path> {
    static PYTHON: OnceLock<Option<PathBuf>> = OnceLock::new();
    PYTHON
        .get_or_init(|| {
            if std::env::var("QUIZ_SKIP_LMS").is_ok_and(|v| v == "1") {
                return None;
            }
            let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/lms-venv");
            let out = Command::new(&script).output().unwrap_or_else(|e| {
                panic!(
                    "cannot run {}: {e}\nThese tests need python3 with venv, Node.js with npm, and \
                     the GIFT and Moodle XML readers from the package registries; set QUIZ_SKIP_LMS=1 to skip them.",
                    script.display()
                )
            });
            assert!(
                out.status.success(),
                "scripts/lms-venv failed:\n{}\nSet QUIZ_SKIP_LMS=1 to skip these tests.",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(PathBuf::from(
                String::from_utf8_lossy(&out.stdout).trim().to_owned(),
            ))
        })
        .as_deref()
}

macro_rules! need_python {
    () => {
        match lms_python() {
            Some(py) => py,
            None => {
                eprintln!("QUIZ_SKIP_LMS=1: skipped (needs the LMS readers)");
                return;
            }
        }
    };
}

/// The file as the independent parser reads it: name → question.
fn parse(py: &Path, format: &str, file: &Path) -> HashMap<String, Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lms");
    let out = if format == "gift" {
        // The venv's node/ folder holds gift-pegjs.
        let modules = py
            .parent()
            .unwrap()
            .parent()
            .unwrap()
            .join("node/node_modules");
        Command::new("node")
            .env("NODE_PATH", modules)
            .arg(dir.join("gift_check.js"))
            .arg(file)
            .output()
            .unwrap()
    } else {
        Command::new(py)
            .arg(dir.join("lms_check.py"))
            .arg(format)
            .arg(file)
            .output()
            .unwrap()
    };
    assert!(
        out.status.success(),
        "lms_check {format} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let qs = doc["questions"].as_array().unwrap();
    let map: HashMap<String, Value> = qs
        .iter()
        .map(|q| (q["name"].as_str().unwrap().to_owned(), q.clone()))
        .collect();
    assert_eq!(map.len(), qs.len(), "question names are unique");
    map
}

fn export(env: &Env, deck: &str, format: &str, extra: &[&str]) -> PathBuf {
    let file = env.path(&format!(
        "{deck}-{}.{format}",
        extra.join("_").replace('/', "")
    ));
    let mut args = vec!["export", deck, "-f", format, "-o", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    env.run(&args);
    file
}

/// HTML as plain text: entities decoded, `<br>` a line break, tags dropped.
fn plain(html: &str) -> String {
    let mut s = html.replace("<br>\n", "\n").replace("<br>", "\n");
    while let Some(a) = s.find('<') {
        let Some(b) = s[a..].find('>') else { break };
        s.replace_range(a..a + b + 1, "");
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_owned())
        .collect()
}

/// Checks one parsed question against the deck's question `q`.
fn check_question(format: &str, q: &Value, got: &Value) {
    let uid = q["uid"].as_str().unwrap();
    let a = &q["answer"];
    let prompt = q["prompt"].as_str().unwrap().replace("**", "");
    let text = plain(got["text"].as_str().unwrap());
    assert!(
        text.starts_with(&prompt),
        "{format} {uid}: {text:?} vs {prompt:?}"
    );
    let source = q["source"]["title"].as_str().unwrap();
    assert!(
        plain(got["feedback"].as_str().unwrap()).contains(source),
        "{format} {uid}: the source in the feedback"
    );
    match a["type"].as_str().unwrap() {
        "choice" => {
            assert_eq!(got["type"], "choice", "{uid}");
            let options: Vec<String> = strs(&got["options"]).iter().map(|o| plain(o)).collect();
            assert_eq!(options, strs(&a["options"]), "{format} {uid}");
            assert_eq!(got["correct"], a["correct"], "{format} {uid}");
        }
        "true_false" => {
            assert_eq!(got["type"], "true_false", "{uid}");
            assert_eq!(got["value"], a["value"], "{format} {uid}");
        }
        "text" => {
            assert_eq!(got["type"], "short", "{uid}");
            let answers: Vec<String> = strs(&got["answers"])
                .iter()
                .map(|x| x.replace("\\*", "*"))
                .collect();
            assert_eq!(
                answers,
                strs(&a["accepted"]),
                "{format} {uid}: every accepted form"
            );
        }
        "number" => {
            assert_eq!(got["type"], "numerical", "{uid}");
            assert_eq!(
                got["values"][0].as_f64(),
                a["value"].as_f64(),
                "{format} {uid}"
            );
        }
        "date" => {
            assert_eq!(got["type"], "short", "{uid}");
            let answers = strs(&got["answers"]);
            let iso = a["date"].as_str().unwrap();
            assert!(
                answers.iter().any(|x| x == iso),
                "{format} {uid}: {answers:?}"
            );
            assert!(
                answers.iter().any(|x| x.contains('年')),
                "{format} {uid}: {answers:?}"
            );
        }
        "order" => {
            assert_eq!(got["type"], "matching", "{uid}");
            let shown = strs(&a["shown"]);
            let want: Vec<(String, String)> = a["correct"]
                .as_array()
                .unwrap()
                .iter()
                .enumerate()
                .map(|(place, i)| {
                    (
                        shown[i.as_u64().unwrap() as usize].clone(),
                        (place + 1).to_string(),
                    )
                })
                .collect();
            let pairs: Vec<(String, String)> = got["pairs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    (
                        plain(p[0].as_str().unwrap()),
                        p[1].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            assert_eq!(pairs, want, "{format} {uid}");
        }
        "list" => {
            assert_eq!(got["type"], "essay", "{uid}");
            // The grader sees every item with every accepted form (Moodle: grader
            // information; GIFT, which has none: the feedback).
            let key = plain(
                got.get("key")
                    .and_then(Value::as_str)
                    .unwrap_or(got["feedback"].as_str().unwrap()),
            );
            for item in a["items"].as_array().unwrap() {
                for form in strs(item) {
                    assert!(key.contains(&form), "{format} {uid}: {form} in {key}");
                }
            }
        }
        "reveal" => assert_eq!(got["type"], "essay", "{uid}"),
        other => panic!("unexpected answer type {other}"),
    }
}

#[test]
fn moodle_and_gift_hold_every_question_with_its_answers() {
    let py = need_python!();
    let env = Env::new();
    env.add_mini();
    let questions = env.questions("mini");
    for format in ["gift", "moodle"] {
        let file = export(&env, "mini", format, &[]);
        let parsed = parse(py, format, &file);
        // Every question, plus one matching of the deck's events with their dates.
        assert_eq!(parsed.len(), questions.len() + 1, "{format}");
        for q in &questions {
            let got = parsed
                .get(q["uid"].as_str().unwrap())
                .unwrap_or_else(|| panic!("{format}: no {}", q["uid"]));
            check_question(format, q, got);
            if format == "moodle" {
                assert_eq!(got["idnumber"], q["uid"]);
            }
        }
        let dates = &parsed["mini/_events/match/dates-1"];
        assert_eq!(dates["type"], "matching");
        let pairs: Vec<(String, String)> = dates["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    plain(p[0].as_str().unwrap()),
                    p[1].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(
            pairs,
            [
                (
                    "“中国+中亚五国”外长视频会晤".to_owned(),
                    "2020年7月".to_owned()
                ),
                ("王毅接受新华社专访".to_owned(), "2020年9月16日".to_owned()),
                (
                    "“中国+中亚五国”外长第二次会晤".to_owned(),
                    "2021年5月12日".to_owned()
                ),
            ],
            "{format}"
        );
    }
    // Default points: multiple choice 1, a typed answer 2, a whole list one per item.
    let parsed = parse(py, "moodle", &export(&env, "mini", "moodle", &[]));
    assert_eq!(parsed["mini/areas/choice/1"]["points"], 1.0);
    assert_eq!(parsed["mini/areas/item_at/1"]["points"], 2.0);
    assert_eq!(parsed["mini/areas/list_recall/all"]["points"], 4.0);
    let parsed = parse(
        py,
        "moodle",
        &export(&env, "mini", "moodle", &["--points", "3,choice=5"]),
    );
    assert_eq!(parsed["mini/areas/choice/1"]["points"], 5.0);
    assert_eq!(parsed["mini/areas/item_at/1"]["points"], 3.0);
}

/// A deck whose text holds every character GIFT and XML treat specially, and line breaks.
const SPECIAL: &str = r#"
[deck]
id = "special"
title = "Escapes {a}: ~b =c #d"
language = "en"

[[source]]
id = "s"
title = "Source <&> ]]> {x}"
publisher = "P"
date = "2020"

[[qa]]
id = "marks"
source = "s"
question = "What is a~b=c#d{e}f:g\\h <i> & ]]> ->?"
answer = "x{1}:y=2#z~3\\4"
accept = ["a & b <c>", "star*"]

[[qa]]
id = "lines"
source = "s"
question = "Line one\nLine two"
answer = "first"
accept = ["premier"]
"#;

#[test]
fn special_characters_and_line_breaks_survive_both_formats() {
    let py = need_python!();
    let env = Env::new();
    let deck = env.path("special.toml");
    std::fs::write(&deck, SPECIAL).unwrap();
    env.run(&["add-deck", deck.to_str().unwrap()]);
    let questions = env.questions("special");
    assert_eq!(questions.len(), 2);
    for format in ["gift", "moodle"] {
        let parsed = parse(py, format, &export(&env, "special", format, &[]));
        assert_eq!(parsed.len(), 2, "{format}");
        for q in &questions {
            check_question(format, q, &parsed[q["uid"].as_str().unwrap()]);
        }
        let lines = &parsed["special/lines/recall/1"];
        assert!(
            plain(lines["text"].as_str().unwrap()).ends_with("] Line one\nLine two"),
            "{format}: {}",
            lines["text"]
        );
    }
}

/// The uids of the questions the parsed file holds, without the extra matchings.
fn uids(py: &Path, env: &Env, format: &str, flags: &[&str]) -> BTreeSet<String> {
    parse(py, format, &export(env, "mini", format, flags))
        .into_keys()
        .filter(|k| !k.contains("/_events/"))
        .collect()
}

#[test]
fn selection_flags_select_exactly_what_they_say() {
    let py = need_python!();
    let env = Env::new();
    env.add_mini();
    let questions = env.questions("mini");
    let fixture: toml::Value =
        toml::from_str(&std::fs::read_to_string(fixture("mini.toml")).unwrap()).unwrap();
    // fact id → its meeting (the deck's first context when it names none)
    let mut meeting: HashMap<String, String> = HashMap::new();
    for (key, facts) in fixture.as_table().unwrap() {
        if ["deck", "source", "context", "alias", "near"].contains(&key.as_str()) {
            continue;
        }
        for f in facts.as_array().unwrap() {
            let ctx = f.get("context").and_then(|c| c.as_str()).unwrap_or("m1");
            meeting.insert(f["id"].as_str().unwrap().to_owned(), ctx.to_owned());
        }
    }
    let want = |keep: &dyn Fn(&Value) -> bool| -> BTreeSet<String> {
        questions
            .iter()
            .filter(|q| keep(q))
            .map(|q| q["uid"].as_str().unwrap().to_owned())
            .collect()
    };
    let fact = |q: &Value| q["fact"].as_str().unwrap().to_owned();
    let kind = |q: &Value| q["kind"].as_str().unwrap().to_owned();

    for format in ["gift", "moodle"] {
        let got = uids(
            py,
            &env,
            format,
            &["--facts", "xian,luban-cloze", "--lists", "areas"],
        );
        let expect = want(&|q| ["xian", "luban-cloze", "areas"].contains(&fact(q).as_str()));
        assert_eq!(got, expect, "{format} --facts/--lists");

        let got = uids(py, &env, format, &["--kinds", "choice,true_false"]);
        assert_eq!(
            got,
            want(&|q| ["choice", "true_false"].contains(&kind(q).as_str()))
        );

        for label in ["m2", "外长理事会会议(2020年9月,莫斯科)"] {
            let got = uids(py, &env, format, &["--meeting", label]);
            let expect = want(&|q| meeting.get(&fact(q)).is_some_and(|m| m == "m2"));
            assert!(expect.len() > 10);
            assert_eq!(got, expect, "{format} --meeting {label}");
        }

        let got = uids(
            py,
            &env,
            format,
            &[
                "--meeting",
                "m2",
                "--kinds",
                "how_many",
                "--lists",
                "areas,measures",
            ],
        );
        assert_eq!(
            got,
            want(&|q| ["areas", "measures"].contains(&fact(q).as_str()) && kind(q) == "how_many")
        );
    }
}

#[test]
fn a_family_of_lists_becomes_matchings_of_items_with_their_meetings() {
    let py = need_python!();
    let env = Env::new();
    env.run(&["add-deck", "sco-fm-2020"]);
    let questions = env.questions("sco-fm-2020");
    let deck: toml::Value = toml::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("decks/sco-fm-2020.toml"),
        )
        .unwrap(),
    )
    .unwrap();
    let contexts: HashMap<&str, &str> = deck["context"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["name"].as_str().unwrap()))
        .collect();
    // item → the meeting of the list of family outcomes-and-areas that holds it
    let mut meeting_of: HashMap<String, String> = HashMap::new();
    for l in deck["list"].as_array().unwrap() {
        if l.get("family").and_then(|f| f.as_str()) != Some("outcomes-and-areas") {
            continue;
        }
        let ctx = contexts[l["context"].as_str().unwrap()];
        for it in l["item"].as_array().unwrap() {
            let key = it.get("key").unwrap_or(&it["text"]).as_str().unwrap();
            meeting_of.insert(key.to_owned(), ctx.to_owned());
        }
    }
    for format in ["gift", "moodle"] {
        let parsed = parse(py, format, &export(&env, "sco-fm-2020", format, &[]));
        let extra: Vec<&String> = parsed
            .keys()
            .filter(|k| k.contains("/_lists/") || k.contains("/_events/"))
            .collect();
        assert_eq!(parsed.len(), questions.len() + extra.len(), "{format}");
        let mut seen = 0;
        for k in 1.. {
            let Some(q) = parsed.get(&format!("sco-fm-2020/_lists/match/outcomes-and-areas-{k}"))
            else {
                break;
            };
            assert_eq!(q["type"], "matching");
            for p in q["pairs"].as_array().unwrap() {
                let item = plain(p[0].as_str().unwrap());
                assert_eq!(
                    meeting_of[&item],
                    p[1].as_str().unwrap(),
                    "{format}: {item}"
                );
                seen += 1;
            }
        }
        assert!(seen >= 8, "{format}: {seen} items matched");
        // --kinds without `choice` leaves them out; --lists keeps only the lists named.
        let only_tf = parse(
            py,
            format,
            &export(&env, "sco-fm-2020", format, &["--kinds", "true_false"]),
        );
        assert!(only_tf.keys().all(|k| !k.contains("/_lists/")));
        let two = parse(
            py,
            format,
            &export(
                &env,
                "sco-fm-2020",
                format,
                &["--lists", "e1-sco-outcomes,e2-russia-areas"],
            ),
        );
        assert!(
            two.keys().all(|k| !k.contains("/_lists/")),
            "two meetings, two lists: none"
        );
    }
}
