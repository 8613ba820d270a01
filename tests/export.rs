//! `quiz export`: the TOML round trip, the JSON and CSV shapes, and the printable sheet.

mod instructor_env;

use std::collections::HashMap;

use instructor_env::{Env, fixture};
use serde_json::Value;

#[test]
fn toml_export_is_the_stored_text_and_round_trips_to_the_same_questions() {
    let a = Env::new();
    a.add_mini();
    let exported = a.run(&["export", "mini", "--format", "toml"]);
    let original = std::fs::read_to_string(fixture("mini.toml")).unwrap();
    assert_eq!(exported, original);

    // To a file, then into a fresh database: same uids, same content.
    let out = a.path("mini-export.toml");
    a.run(&["export", "mini", "-f", "toml", "-o", out.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), original);
    let b = Env::new();
    b.run(&["add-deck", out.to_str().unwrap()]);
    assert_eq!(a.questions("mini"), b.questions("mini"));
    assert_eq!(b.run(&["export", "mini"]), original);
}

#[test]
fn json_export_has_facts_and_questions() {
    let env = Env::new();
    env.add_mini();
    let doc: Value = serde_json::from_str(&env.run(&["export", "mini", "-f", "json"])).unwrap();
    assert_eq!(doc["format"], "quiz-deck");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["deck"]["id"], "mini");
    assert_eq!(doc["deck"]["title"], "测试卡组");
    assert_eq!(doc["sources"][0]["id"], "s1");
    // Counted from the fixture itself, so the test follows it as it grows.
    let fixture: toml::Value =
        toml::from_str(&std::fs::read_to_string(fixture("mini.toml")).unwrap()).unwrap();
    let count = |key: &str| {
        fixture
            .get(key)
            .and_then(|v| v.as_array())
            .map_or(0, Vec::len)
    };
    assert_eq!(doc["contexts"].as_array().unwrap().len(), count("context"));
    let n_facts: usize = [
        "list", "event", "number", "term", "document", "person", "qa", "cloze",
    ]
    .iter()
    .map(|k| count(k))
    .sum();

    let facts = doc["facts"].as_array().unwrap();
    let kinds: HashMap<&str, &str> = facts
        .iter()
        .map(|f| (f["id"].as_str().unwrap(), f["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(kinds.len(), n_facts);
    assert_eq!(kinds["areas"], "list");
    assert_eq!(kinds["xian"], "event");
    assert_eq!(kinds["luban-cloze"], "cloze");
    let areas = facts.iter().find(|f| f["id"] == "areas").unwrap();
    assert_eq!(areas["heading"], "中俄外长商定在四方面加强合作");
    assert_eq!(areas["item"].as_array().unwrap().len(), 4);
    assert_eq!(areas["item"][0]["key"], "支持国际抗疫合作");

    let qs = doc["questions"].as_array().unwrap();
    let listed = env.questions("mini");
    assert_eq!(qs.len(), listed.len());
    for (q, l) in qs.iter().zip(&listed) {
        for field in ["uid", "kind", "prompt", "answer", "explanation", "source"] {
            assert_eq!(q[field], l[field], "{field} of {}", l["uid"]);
        }
        let fact = q["fact"].as_str().unwrap();
        let want = kinds.get(fact).copied().unwrap_or("event");
        assert_eq!(q["fact_kind"], want, "{}", q["uid"]);
    }
    let choice = qs
        .iter()
        .find(|q| q["uid"] == "mini/areas/choice/1")
        .unwrap();
    assert_eq!(choice["answer"]["type"], "choice");
    assert_eq!(choice["answer"]["options"].as_array().unwrap().len(), 4);
}

/// Splits one CSV line into cells (quotes, doubled quotes; no line breaks in our cells).
fn csv_cells(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cells.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(String::new()),
            (c, _) => cells.last_mut().unwrap().push(c),
        }
    }
    cells
}

#[test]
fn csv_export_has_anki_headers_and_a_row_per_question() {
    let env = Env::new();
    env.add_mini();
    let csv = env.run(&["export", "mini", "-f", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        &lines[..5],
        &[
            "#separator:Comma",
            "#html:true",
            "#deck:测试卡组",
            "#tags column:3",
            "#guid column:4",
        ]
    );
    let questions = env.questions("mini");
    let rows: Vec<Vec<String>> = lines[5..].iter().map(|l| csv_cells(l)).collect();
    assert_eq!(rows.len(), questions.len());
    assert!(rows.iter().all(|r| r.len() == 4), "4 cells in every row");

    let find = |uid: &str| {
        rows.iter()
            .find(|r| r[3] == format!("quiz-csv:{uid}"))
            .unwrap_or_else(|| panic!("no row for {uid}"))
    };
    let typed = find("mini/areas/item_at/1");
    assert!(typed[0].contains("第一方面是什么?"));
    assert_eq!(typed[1], "支持国际抗疫合作");
    assert_eq!(
        typed[2],
        "quiz::deck::mini quiz::fact::list quiz::kind::item_at quiz::source::测试来源"
    );

    // Multiple choice: the options are in the question field, the answer names its letter.
    let q = questions
        .iter()
        .find(|q| q["uid"] == "mini/areas/choice/1")
        .unwrap();
    let options: Vec<&str> = q["answer"]["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_str().unwrap())
        .collect();
    let correct = q["answer"]["correct"].as_u64().unwrap() as usize;
    let choice = find("mini/areas/choice/1");
    for (i, o) in options.iter().enumerate() {
        let letter = char::from(b'A' + i as u8);
        assert!(choice[0].contains(&format!("<br>{letter}. {o}")), "{o}");
    }
    let letter = char::from(b'A' + correct as u8);
    assert_eq!(choice[1], format!("{letter}. {}", options[correct]));

    // HTML is escaped; the generator's emphasis is bold.
    let not_in = find("mini/areas/not_in_list/1");
    assert!(not_in[0].contains("<b>不</b>"), "{}", not_in[0]);
}

/// A deck's Quizlet cards as (term, definition).
fn quizlet_cards(env: &Env, deck: &str) -> Vec<(String, String)> {
    env.run(&["export", deck, "-f", "quizlet"])
        .lines()
        .map(|line| {
            let parts: Vec<&str> = line.split('\t').collect();
            assert_eq!(parts.len(), 2, "{line}");
            assert!(!parts[0].is_empty() && !parts[1].is_empty(), "{line}");
            (parts[0].to_owned(), parts[1].to_owned())
        })
        .collect()
}

#[test]
fn quizlet_export_is_one_card_per_fact_with_distinct_terms_and_definitions() {
    let env = Env::new();
    env.run(&["add-deck", "--builtin"]);
    env.add_mini();
    for deck in ["sco-fm-2020", "cc5-xian-2021", "mini"] {
        let cards = quizlet_cards(&env, deck);
        let doc: Value = serde_json::from_str(&env.run(&["export", deck, "-f", "json"])).unwrap();
        let facts = doc["facts"].as_array().unwrap().len();
        assert_eq!(cards.len(), facts, "{deck}: one card per fact");
        let mut terms = std::collections::HashSet::new();
        let mut defs = std::collections::HashSet::new();
        for (term, def) in &cards {
            assert!(
                terms.insert(term),
                "{deck}: two cards share the term {term}"
            );
            assert!(
                defs.insert(def),
                "{deck}: two cards share the definition {def}"
            );
            for side in [term, def] {
                // Quizlet makes its own options: no card carries letters or true/false.
                let letter = side.len() > 2
                    && side.as_bytes()[0].is_ascii_uppercase()
                    && side[1..].starts_with(". ");
                assert!(!letter, "{deck}: a letter label in {side}");
                assert!(!side.contains("  B. "), "{deck}: options in {side}");
                assert!(
                    !side.contains("(true)") && !side.contains("(false)"),
                    "{side}"
                );
                assert!(!side.contains("**"), "{side}");
            }
        }
    }
    // What each card asks, on the mini deck: a list's heading → its items in order; a cloze
    // sentence with its gap blanked → the gap; a person → their title.
    let mini = quizlet_cards(&env, "mini");
    let find = |term: &str| {
        mini.iter()
            .find(|(t, _)| t == term)
            .map(|(_, d)| d.as_str())
            .unwrap_or_else(|| panic!("no card {term}: {mini:?}"))
    };
    assert_eq!(
        find("中俄外长商定在四方面加强合作"),
        "支持国际抗疫合作；做大国和睦共处典范；加强前沿科技创新；捍卫国际公平正义"
    );
    assert!(mini.iter().any(|(t, _)| t.contains("____")), "{mini:?}");
}

#[test]
fn export_errors_are_one_clear_line() {
    let env = Env::new();
    env.add_mini();
    let err = env.fail(&["export", "nope"]);
    assert!(err.starts_with("quiz: no deck `nope`"), "{err}");
    let err = env.fail(&["export", "mini", "-f", "apkg"]);
    assert!(err.contains("-o FILE.apkg"), "{err}");
    let err = env.fail(&["export", "mini", "-f", "json", "--with-scheduling"]);
    assert!(err.contains("only applies to --format apkg"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// The numbered questions and answer key of a Markdown sheet.
fn sheet_parts(md: &str) -> (Vec<String>, Vec<String>) {
    let (body, key) = md.split_once("## 参考答案").expect("an answer key");
    let questions = body
        .lines()
        .filter_map(|l| l.strip_prefix("**"))
        .filter_map(|l| l.split_once(".** ").map(|(_, q)| q.to_owned()))
        // Each question starts with its points: `(2分) `.
        .map(|q| match q.split_once("分) ") {
            Some((pts, rest)) if pts.starts_with('(') => rest.to_owned(),
            _ => q,
        })
        .collect();
    let answers = key
        .lines()
        .filter_map(|l| {
            let (n, rest) = l.split_once(". ")?;
            n.parse::<usize>().ok()?;
            Some(rest.trim_end().to_owned())
        })
        .collect();
    (questions, answers)
}

/// What the sheet's Markdown escaping does to a text.
fn md(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if "\\*_`[]<>#|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[test]
fn sheet_is_reproducible_from_its_seed_and_its_key_matches() {
    let env = Env::new();
    env.add_mini();
    let a = env.run(&[
        "export", "mini", "-f", "sheet", "--count", "15", "--seed", "42",
    ]);
    let again = env.run(&[
        "export", "mini", "-f", "sheet", "--count", "15", "--seed", "42",
    ]);
    let other = env.run(&[
        "export", "mini", "-f", "sheet", "--count", "15", "--seed", "43",
    ]);
    assert_eq!(a, again);
    assert_ne!(a, other);
    assert!(a.contains("种子 42"));

    let (questions, answers) = sheet_parts(&a);
    assert_eq!(questions.len(), 15);
    assert_eq!(answers.len(), 15);
    // The answer key page starts with a page break.
    let key_at = a.find("## 参考答案").unwrap();
    assert!(a[..key_at].trim_end().ends_with("</div>"));
    assert!(a[..key_at].contains("page-break-before: always"));

    let all = env.questions("mini");
    let mut kinds = std::collections::HashSet::new();
    let mut facts = std::collections::HashSet::new();
    for (prompt, key) in questions.iter().zip(&answers) {
        // Two questions may share a prompt (typed and multiple choice): the key must match one.
        let candidates: Vec<&Value> = all
            .iter()
            .filter(|q| {
                md(&q["prompt"].as_str().unwrap().replace("**", "\u{0}")).replace('\u{0}', "**")
                    == *prompt
            })
            .collect();
        assert!(!candidates.is_empty(), "no question for {prompt}");
        let expected = |q: &Value| {
            let a = &q["answer"];
            match a["type"].as_str().unwrap() {
                "choice" => {
                    let i = a["correct"].as_u64().unwrap() as usize;
                    Some(format!(
                        "{}. {}",
                        char::from(b'A' + i as u8),
                        a["options"][i].as_str().unwrap()
                    ))
                }
                "true_false" => Some(
                    if a["value"].as_bool().unwrap() {
                        "对"
                    } else {
                        "错"
                    }
                    .to_owned(),
                ),
                "text" => Some(a["accepted"][0].as_str().unwrap().to_owned()),
                _ => None,
            }
        };
        let q = candidates
            .iter()
            .find(|q| expected(q).is_none_or(|want| md(&want) == *key))
            .unwrap_or_else(|| panic!("the key {key} answers no question {prompt}"));
        kinds.insert(q["kind"].as_str().unwrap().to_owned());
        facts.insert(q["sibling"].as_str().unwrap().to_owned());
    }
    assert!(kinds.len() >= 8, "a mix of kinds: {kinds:?}");
    assert_eq!(facts.len(), 15, "one question per fact while facts last");
}

#[test]
fn sheet_html_has_the_key_on_its_own_page() {
    let env = Env::new();
    env.add_mini();
    let html = env.run(&[
        "export",
        "mini",
        "-f",
        "sheet-html",
        "--count",
        "10",
        "--seed",
        "7",
    ]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<li class=\"q ").count(), 10);
    assert!(html.contains(".key { break-before: page; page-break-before: always; }"));
    let key = html.split("<section class=\"key\">").nth(1).unwrap();
    assert_eq!(key.matches("<li>").count(), 10);
    assert_eq!(
        html,
        env.run(&[
            "export",
            "mini",
            "-f",
            "sheet-html",
            "--count",
            "10",
            "--seed",
            "7"
        ])
    );
}

/// The notes of an .apkg export as `(guid, tags, fields, sort field)`, and the number of
/// cards of each, by note id.
fn apkg_notes(
    pkg: &std::path::Path,
    dir: &std::path::Path,
) -> Vec<(String, String, String, String, i64)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(pkg).unwrap()).unwrap();
    let coll = dir.join("collection.anki2");
    std::io::copy(
        &mut zip.by_name("collection.anki2").unwrap(),
        &mut std::fs::File::create(&coll).unwrap(),
    )
    .unwrap();
    let c = rusqlite::Connection::open(&coll).unwrap();
    // The collection is written page by page without SQLite (src/export/sqlite_file.rs):
    // SQLite's own check walks every page and matches every index against its table.
    let check: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let mut st = c
        .prepare(
            "SELECT n.guid, n.tags, n.flds, CAST(n.sfld AS TEXT),
                    (SELECT count(*) FROM cards c WHERE c.nid = n.id)
             FROM notes n ORDER BY n.id",
        )
        .unwrap();
    st.query_map([], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

#[test]
fn apkg_sort_fields_that_read_as_numbers_are_stored_as_sqlite_stores_them() {
    // Anki declares the sort field `integer`: SQLite keeps text that reads as a number as
    // that number there. The package's file is not written by SQLite, so it must do the same.
    // A question-and-answer fact's sort field is its question.
    let env = Env::new();
    let questions = [
        "2025",
        "007",
        " 1e3",
        "99999999999999999999",
        "12-3",
        "q1",
        "0x10",
    ];
    let mut t = String::from(
        "[deck]\nid = \"num\"\ntitle = \"Num\"\n\n[[source]]\nid = \"s\"\ntitle = \"S\"\n\
         publisher = \"P\"\ndate = \"2026-01-01\"\n\n",
    );
    for (i, q) in questions.iter().enumerate() {
        t += &format!(
            "[[qa]]\nid = \"f{i}\"\nsource = \"s\"\nquestion = \"{q}\"\nanswer = \"答{i}\"\n\n"
        );
    }
    let deck = env.path("num.toml");
    std::fs::write(&deck, t).unwrap();
    env.run(&["add-deck", deck.to_str().unwrap()]);
    let pkg = env.path("num.apkg");
    env.run(&["export", "num", "-f", "apkg", "-o", pkg.to_str().unwrap()]);
    let notes = apkg_notes(&pkg, &env.path(""));
    assert_eq!(notes.len(), questions.len());
    let c = rusqlite::Connection::open(env.path("collection.anki2")).unwrap();
    let mut stored: Vec<(String, String, String)> = c
        .prepare("SELECT flds, typeof(sfld), quote(sfld) FROM notes")
        .unwrap()
        .query_map([], |r| {
            let flds: String = r.get(0)?;
            let fact = flds.rsplit('\x1f').next().unwrap_or("").to_owned();
            Ok((fact, r.get(1)?, r.get(2)?))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    stored.sort();
    let sqlite = rusqlite::Connection::open_in_memory().unwrap();
    sqlite.execute_batch("CREATE TABLE t (x integer)").unwrap();
    let expected: Vec<(String, String, String)> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            sqlite.execute("DELETE FROM t", []).unwrap();
            sqlite.execute("INSERT INTO t VALUES (?1)", [q]).unwrap();
            sqlite
                .query_row("SELECT typeof(x), quote(x) FROM t", [], |r| {
                    Ok((format!("num/f{i}"), r.get(0)?, r.get(1)?))
                })
                .unwrap()
        })
        .collect();
    assert_eq!(stored, expected);
    let types: Vec<&str> = expected.iter().map(|(_, t, _)| t.as_str()).collect();
    assert_eq!(
        types,
        [
            "integer", "integer", "integer", "real", "text", "text", "text"
        ]
    );
}

#[test]
fn apkg_of_a_deck_in_many_batches_gives_each_note_its_own_fields_tags_and_cards() {
    // The export renders notes a thousand-odd questions at a time and writes each batch
    // into the buffers of one already inserted: nothing of one note may show in another.
    let env = Env::new();
    let mut t = String::from(
        "[deck]\nid = \"big\"\ntitle = \"Big\"\n\n[[source]]\nid = \"s\"\ntitle = \"S\"\n\
         publisher = \"P\"\ndate = \"2026-01-01\"\n\n",
    );
    for i in 1..=3_000 {
        if i % 50 == 0 {
            t += &format!(
                "[[list]]\nid = \"l{i}\"\nsource = \"s\"\nheading = \"第{i}组\"\ncount = 3\n\
                 ordered = true\n"
            );
            for k in 0..3 {
                t += &format!("[[list.item]]\ntext = \"领域{i}-{k}\"\n");
            }
        } else if i % 7 == 0 {
            t += &format!(
                "[[qa]]\nid = \"q{i}\"\nsource = \"s\"\nquestion = \"<{i}> & 问?\"\nanswer = \"答{i}\"\n"
            );
        } else {
            t += &format!(
                "[[qa]]\nid = \"q{i}\"\nsource = \"s\"\nquestion = \"第{i}问?\"\nanswer = \"答{i}\"\n"
            );
        }
        t.push('\n');
    }
    let deck = env.path("big.toml");
    std::fs::write(&deck, t).unwrap();
    env.run(&["add-deck", deck.to_str().unwrap()]);
    let mut kinds: HashMap<String, std::collections::HashSet<String>> = HashMap::new();
    for q in env.questions("big") {
        let uid = q["uid"].as_str().unwrap();
        let fact = uid.split('/').nth(1).unwrap().to_owned();
        kinds
            .entry(fact)
            .or_default()
            .insert(q["kind"].as_str().unwrap().to_owned());
    }
    assert!(kinds.values().map(|k| k.len()).sum::<usize>() > 3_000);
    let pkg = env.path("big.apkg");
    env.run(&["export", "big", "-f", "apkg", "-o", pkg.to_str().unwrap()]);
    let notes = apkg_notes(&pkg, &env.path(""));
    assert_eq!(notes.len(), 3_000);
    let mut guids = std::collections::HashSet::new();
    for (guid, tags, flds, sfld, cards) in &notes {
        let fields: Vec<&str> = flds.split('\x1f').collect();
        let fact = fields.last().unwrap().strip_prefix("big/").unwrap();
        let n = &fact[1..];
        assert!(guids.insert(guid.clone()) && guid.len() == 11, "{guid}");
        let kind = if fact.starts_with('l') { "list" } else { "qa" };
        assert_eq!(
            tags,
            &format!(" quiz::deck::big quiz::fact::{kind} quiz::source::S "),
            "{fact}"
        );
        // A question and an answer have its own number, and no other fact's.
        if kind == "qa" {
            let answers: Vec<&str> = flds
                .split('答')
                .skip(1)
                .map(|s| s.split(|c: char| !c.is_ascii_digit()).next().unwrap())
                .collect();
            assert!(!answers.is_empty(), "{fact}: {flds}");
            assert!(answers.iter().all(|a| *a == n), "{fact}: {flds}");
        }
        let label = if kind == "list" {
            format!("第{n}组")
        } else if n.parse::<u32>().unwrap() % 7 == 0 {
            format!("<{n}> & 问?")
        } else {
            format!("第{n}问?")
        };
        assert_eq!(sfld, &label, "{fact}");
        assert_eq!(*cards as usize, kinds[fact].len(), "{fact}");
    }
}

#[test]
fn an_export_into_a_missing_folder_names_the_folder_and_no_scratch_file() {
    let env = Env::new();
    env.add_mini();
    let missing = env.path("no-such-folder");
    for format in ["csv", "apkg"] {
        let target = missing.join(format!("out.{format}"));
        let err = env.fail(&[
            "export",
            "mini",
            "-f",
            format,
            "-o",
            target.to_str().unwrap(),
        ]);
        assert!(
            err.starts_with(&format!("quiz: {}: ", missing.display())),
            "{err}"
        );
        // Not the scratch file's name (`.out.csv.XXXXXX.tmp`).
        assert!(!err.contains(&format!(".out.{format}.")), "{err}");
        assert!(!missing.exists());
    }
}
