//! Malformed decks: each gives a clear error (file, line, column) or a correct result, and
//! none makes quiz panic. A property test throws random edits of a real deck at the parser.

mod common;

use common::apkg::{self, BASIC, CLOZE};
use common::{Env, fixture, fixture_text};
use proptest::prelude::*;

const HEAD: &str = "[deck]\nid = \"d\"\ntitle = \"T\"\n\n[[source]]\nid = \"s\"\ntitle = \"S\"\npublisher = \"P\"\ndate = \"2021-05-19\"\n";

/// Adds a deck through the real binary; returns (success, stderr).
fn add(env: &Env, bytes: &[u8]) -> (bool, String) {
    let p = env.path("deck.toml");
    std::fs::write(&p, bytes).unwrap();
    let out = env
        .quiz()
        .args(["add-deck", p.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "panic on input: {err}");
    assert!(out.status.code().is_some(), "killed by a signal: {err}");
    (out.status.success(), err)
}

#[test]
fn a_corpus_of_malformed_decks_gives_clear_errors() {
    let env = Env::new();
    let path = env.path("deck.toml").display().to_string();
    let mut big_list =
        format!("{HEAD}\n[[list]]\nid = \"big\"\nsource = \"s\"\nheading = \"H\"\ncount = 10000\n");
    for i in 0..10_000 {
        big_list.push_str(&format!("[[list.item]]\ntext = \"item {i}\"\n"));
    }
    let deep = format!("{HEAD}\nx = {}{}\n", "[".repeat(5000), "]".repeat(5000));
    let deep_tables = format!(
        "{HEAD}\n[{}]\n",
        (0..3000)
            .map(|i| format!("a{i}"))
            .collect::<Vec<_>>()
            .join(".")
    );
    let cases: Vec<(&str, Vec<u8>, Option<&str>)> = vec![
        ("wrong type", format!("{HEAD}\n[[list]]\nid = \"l\"\nsource = \"s\"\nheading = \"H\"\ncount = \"four\"\n[[list.item]]\ntext = \"a\"\n").into_bytes(), Some(":15:9: invalid type: string \"four\", expected u32")),
        ("negative count", format!("{HEAD}\n[[list]]\nid = \"l\"\nsource = \"s\"\nheading = \"H\"\ncount = -1\n[[list.item]]\ntext = \"a\"\n").into_bytes(), Some(":15:9: invalid value: integer `-1`, expected u32")),
        ("NUL byte", b"[deck]\nid = \"d\0\"\ntitle = \"T\"\n".to_vec(), Some(":2:8: ")),
        ("invalid UTF-8", b"[deck]\ntitle = \"\xe4\xb8\"\n".to_vec(), Some(":2:10: the file is not valid UTF-8")),
        ("deeply nested arrays", deep.into_bytes(), Some(":11:")),
        ("deeply nested tables", deep_tables.into_bytes(), Some(":1:1: tables or arrays are nested too deeply")),
        ("not TOML at all", b"\x89PNG\r\n\x1a\n".to_vec(), Some(":1:1: the file is not valid UTF-8")),
        ("empty file", Vec::new(), Some(":1:1: missing field `deck`")),
        ("huge string", format!("{HEAD}\n[[qa]]\nid = \"q\"\nsource = \"s\"\nquestion = \"{}\"\nanswer = \"a\"\n", "长".repeat(2_000_000)).into_bytes(), None),
        ("10,000-item list", big_list.into_bytes(), Some(":16:1: list `big`: field `item`: 10000 items; a list holds at most 1000")),
        ("control characters and RTL marks in answers", format!("{HEAD}\n[[qa]]\nid = \"q\"\nsource = \"s\"\nquestion = \"Q\\u0007?\"\nanswer = \"\u{202E}上海精神\\u001b[31m\"\naccept = [\"\u{200F}\"]\n").into_bytes(), None),
    ];
    for (name, bytes, want) in cases {
        let (ok, err) = add(&env, &bytes);
        match want {
            Some(want) => {
                assert!(!ok, "{name}: accepted");
                let first = err.lines().next().unwrap_or("");
                assert!(
                    first.starts_with(&format!("quiz: {path}:")),
                    "{name}: error does not name the file: {err}"
                );
                assert!(first.contains(want), "{name}: want {want:?} in {first:?}");
            }
            None => assert!(ok, "{name}: refused: {err}"),
        }
    }
    // The accepted ones are really there.
    let decks = env.ok(&["decks", "--json"]);
    assert!(decks.contains("\"id\":\"d\""), "{decks}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Random byte edits of a real deck: the parser answers Ok or a located error, never panics.
    #[test]
    fn random_edits_of_a_deck_never_panic(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..8)) {
        let mut bytes = fixture_text("mini.toml").into_bytes();
        for (at, byte, op) in edits {
            let i = at.index(bytes.len().max(1));
            match op {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i.min(bytes.len()), byte),
                _ if i < bytes.len() => { bytes.remove(i); }
                _ => {}
            }
        }
        if let Ok(text) = String::from_utf8(bytes) {
            match quiz::deck::parse("mini.toml", &text) {
                Ok(d) => {
                    let qs = quiz::generate::generate(&d, &quiz::generate::Pool::build([&d]));
                    prop_assert!(!qs.is_empty());
                }
                Err(quiz::Error::Deck(lines)) => {
                    for l in lines {
                        prop_assert!(l.starts_with("mini.toml:"), "{}", l);
                    }
                }
                Err(e) => prop_assert!(false, "unexpected error kind: {}", e),
            }
        }
    }

    /// Arbitrary text is never a panic either.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = quiz::deck::parse("x.toml", &text);
    }
}

// ---------------------------------------------------------------------------------------
// Hostile inputs of every other kind: each refused with one clear message, or handled.
// ---------------------------------------------------------------------------------------

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn resource_bombs_in_deck_and_result_files_are_capped() {
    let env = Env::new();
    // A cloze sentence of 20,000 gaps (generation would be quadratic in it).
    let gaps = (0..20_000)
        .map(|i| format!("{{{{w{i}}}}}"))
        .collect::<String>();
    let (ok, err) = add(
        &env,
        format!("{HEAD}\n[[cloze]]\nid = \"c\"\nsource = \"s\"\ntext = \"{gaps}\"\n").as_bytes(),
    );
    assert!(!ok);
    assert!(
        err.contains(":14:8: cloze `c`: field `text`: 20000 gaps; a cloze text holds at most 100"),
        "{err}"
    );
    // Endless or huge inputs: /dev/zero as a deck, a result file, a time zone.
    for (args, want) in [
        (
            vec!["add-deck", "/dev/zero"],
            "quiz: /dev/zero: larger than 64 MiB",
        ),
        (
            vec!["class-report", "/dev/zero"],
            "quiz: /dev/zero: larger than 64 MiB",
        ),
    ] {
        let o = env.quiz().args(&args).output().unwrap();
        assert!(!o.status.success());
        assert!(stderr(&o).starts_with(want), "{args:?}: {}", stderr(&o));
    }
    let o = env
        .quiz()
        .env("TZ", "/dev/zero")
        .args(["decks"])
        .output()
        .unwrap();
    assert!(
        stderr(&o).starts_with("quiz: TZ: `/dev/zero` is not a time zone file"),
        "{}",
        stderr(&o)
    );
    env.assert_tmp_empty("capped inputs");
}

#[test]
fn odd_database_paths_and_clocks_are_refused_or_kept_to_themselves() {
    let env = Env::new();
    // `file:other.db` is a file of that name, not a URI naming other.db.
    let o = env
        .quiz()
        .env_remove("QUIZ_DB")
        .args([
            "--db",
            "file:other.db",
            "add-deck",
            fixture("mini.toml").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(env.path("file:other.db").exists());
    assert!(!env.path("other.db").exists());
    // A device is not a database, and nothing is created beside it.
    let o = env
        .quiz()
        .args(["--db", "/dev/null", "decks"])
        .output()
        .unwrap();
    assert_eq!(
        stderr(&o),
        "quiz: /dev/null: not a quiz database (not a regular file); refusing to touch it\n"
    );
    assert!(!std::path::Path::new("/dev/null-journal").exists());
    // A clock past year 9999 would overflow the scheduler's arithmetic.
    let o = env
        .quiz()
        .env("QUIZ_NOW", i64::MAX.to_string())
        .args(["decks"])
        .output()
        .unwrap();
    assert!(
        stderr(&o).contains("is not unix seconds or YYYY-MM-DDTHH:MM:SSZ between 1970 and 9999"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn impossible_numbers_in_a_result_file_are_refused() {
    let env = Env::new();
    let q = |recall: &str, reviews: u32, again: u32| {
        format!(
            r#"{{"format": "quiz-results", "version": 1, "name": null, "as_of": "2026-03-02",
                "questions": [{{"uid": "d/f/recall/1", "deck": "d", "fact": "f", "fact_kind": "qa",
                "fact_label": "f", "kind": "recall", "source": "S", "reviews": {reviews},
                "lapses": 0, "again": {again}, "last_rating": 3, "recall": {recall}}}]}}"#
        )
    };
    for (text, want) in [
        (
            q("2.5", 3, 0),
            "question 1 (`d/f/recall/1`): field `recall`: 2.5 is not a probability between 0 and 1",
        ),
        (q("1e999", 3, 0), "not a quiz result file"),
        (
            q("0.5", 3, 7),
            "field `again`: 7 is more than the question's 3 reviews",
        ),
    ] {
        let p = env.write("r.json", &text);
        let o = env
            .quiz()
            .args(["class-report", p.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(!o.status.success());
        let err = stderr(&o);
        assert!(err.starts_with(&format!("quiz: {}", p.display())), "{err}");
        assert!(err.contains(want), "want {want:?} in {err}");
    }
}

#[test]
fn long_ordered_lists_get_no_put_in_order_question_with_repeated_letters() {
    let env = Env::new();
    let mut deck = format!(
        "{HEAD}\n[[list]]\nid = \"l\"\nsource = \"s\"\nheading = \"H\"\nordered = true\ncount = 30\n"
    );
    for i in 0..30 {
        deck.push_str(&format!("[[list.item]]\ntext = \"item {i}\"\n"));
    }
    let (ok, err) = add(&env, deck.as_bytes());
    assert!(ok, "{err}");
    let out = env.ok(&["questions", "d", "--kind", "order"]);
    assert!(out.ends_with("0 questions\n"), "{out}");
}

#[test]
fn markdown_and_csv_outputs_are_escaped() {
    let env = Env::new();
    let deck = HEAD.replace(
        "title = \"T\"",
        "title = \"<img src=x onerror=alert(1)> *T*\"",
    ) + "\n[[qa]]\nid = \"q\"\nsource = \"s\"\nquestion = \"=HYPERLINK(\\\"http://x\\\")\"\nanswer = \"@SUM(A1)\"\n";
    let (ok, err) = add(&env, deck.as_bytes());
    assert!(ok, "{err}");
    let sheet = env.ok(&["export", "d", "-f", "sheet", "--seed", "1"]);
    let title = sheet.lines().next().unwrap();
    assert!(
        title.starts_with("# \\<img src=x onerror=alert(1)\\> \\*T\\* — "),
        "{title}"
    );
    let csv = env.ok(&["export", "d", "-f", "csv"]);
    let row = csv.lines().find(|l| l.contains("HYPERLINK")).unwrap();
    assert!(row.contains(",&#64;SUM(A1),"), "{row}");
    assert!(
        !row.starts_with(['=', '+', '-', '@']) && !row.contains(",@"),
        "{row}"
    );
    let tsv = env.ok(&["export", "d", "-f", "quizlet"]);
    assert!(tsv.contains("\t'@SUM(A1)\n"), "{tsv}");
    // A class report in Markdown: a student's name and overruled answer are text.
    let results = env.write(
        "r.json",
        r#"{"format": "quiz-results", "version": 1, "name": "<script>alert(1)</script>",
            "as_of": "2026-03-02", "questions": [{"uid": "d/q/recall/1", "deck": "d",
            "fact": "q", "fact_kind": "qa", "fact_label": "[x](javascript:alert(1))",
            "kind": "recall", "source": "S", "reviews": 2, "lapses": 1, "again": 1,
            "last_rating": 1, "recall": 0.5, "accepted_overrides": ["<b>yes</b>"]}]}"#,
    );
    let md = env.ok(&[
        "class-report",
        "-f",
        "md",
        "--min-answers",
        "1",
        results.to_str().unwrap(),
    ]);
    assert!(!md.contains("<script>") && !md.contains("<b>"), "{md}");
    assert!(
        md.contains("\\[x\\](javascript") && !md.contains("[x](javascript"),
        "{md}"
    );
    assert!(md.contains("\\<script\\>"), "{md}");
}

/// An Anki package of these notes in these decks, made by the test.
fn package(
    env: &Env,
    name: &str,
    decks: &[(i64, &str)],
    notes: &[(i64, i64, apkg::Note)],
) -> String {
    let coll = env.path(&format!("{name}.collection"));
    apkg::legacy(&coll, decks, notes, "");
    let pkg = env.path(name);
    apkg::legacy_package(&pkg, &coll);
    pkg.display().to_string()
}

#[test]
fn unrelated_anki_decks_never_retire_each_others_questions() {
    let env = Env::new();
    // Two students' decks, both in Anki's "Default" deck; two with only "2020-9" in ASCII;
    // two all in Chinese.
    let a = package(
        &env,
        "a.apkg",
        &[(1, "Default")],
        &[
            (1, BASIC, ("a1", "Qa?", "A")),
            (1, BASIC, ("a2", "Qb?", "B")),
        ],
    );
    let b = package(
        &env,
        "b.apkg",
        &[(1, "Default")],
        &[(1, BASIC, ("b1", "Qc?", "C"))],
    );
    let c = package(
        &env,
        "c.apkg",
        &[(1_600_000_000_001, "会议 2020-9")],
        &[(1_600_000_000_001, BASIC, ("c1", "Qd?", "D"))],
    );
    let d = package(
        &env,
        "d.apkg",
        &[(1_600_000_000_002, "峰会 2020-9")],
        &[(1_600_000_000_002, BASIC, ("d1", "Qe?", "E"))],
    );
    let e = package(
        &env,
        "e.apkg",
        &[(1_600_000_000_003, "外交")],
        &[(1_600_000_000_003, CLOZE, ("e1", "{{c1::上海}}精神", ""))],
    );
    let f = package(
        &env,
        "f.apkg",
        &[(1_600_000_000_004, "条约")],
        &[(1_600_000_000_004, BASIC, ("f1", "Qf?", "F"))],
    );
    for p in [&a, &b, &c, &d, &e, &f] {
        let out = env.ok(&["add-deck", p]);
        assert!(out.contains("new deck,"), "{p}: {out}");
        assert!(!out.contains("retired"), "{p}: {out}");
    }
    let decks = env.ok(&["decks", "--json"]);
    assert_eq!(decks.lines().count(), 6, "{decks}");
    // A newer export of the same Anki deck updates it.
    let a2 = package(
        &env,
        "a2.apkg",
        &[(1, "Default")],
        &[
            (1, BASIC, ("a1", "Qa?", "A")),
            (1, BASIC, ("a2", "Qb?", "B2")),
        ],
    );
    let out = env.ok(&["add-deck", &a2]);
    assert!(
        out.contains("1 updated") || out.contains("updated"),
        "{out}"
    );
    assert!(!out.contains("new deck"), "{out}");
    // Forcing another deck's id is refused with the ways out, and they work.
    let id_of = |pkg_out: &str| pkg_out.split(':').next().unwrap().trim().to_owned();
    let a_id = id_of(out.lines().last().unwrap());
    let o = env
        .quiz()
        .args(["add-deck", &b, "--as", &a_id])
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("already a deck converted from a different Anki deck")
            && err.contains("--as NEW_ID")
            && err.contains("--replace"),
        "{err}"
    );
    let out = env.ok(&["add-deck", &b, "--as", "students-b"]);
    assert!(out.contains("students-b: new deck, 1 added"), "{out}");
    let out = env.ok(&["add-deck", &b, "--as", &a_id, "--replace"]);
    assert!(out.contains("retired"), "{out}");
    // --as is for one package alone.
    let o = env
        .quiz()
        .args(["add-deck", &a, &b, "--as", "x"])
        .output()
        .unwrap();
    assert!(
        stderr(&o).contains("--as and --replace apply to one Anki package"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_error_in_a_converted_package_names_the_anki_note() {
    let env = Env::new();
    // Two notes with one GUID give one fact id twice.
    let p = package(
        &env,
        "dup.apkg",
        &[(1, "Default")],
        &[
            (1, BASIC, ("same", "Q1?", "A1")),
            (1, BASIC, ("same", "Q2?", "A2")),
        ],
    );
    let o = env.quiz().args(["add-deck", &p]).output().unwrap();
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!(
            "quiz: {p}: Anki note 1600000000001 (`nid:1600000000001` in Anki's browser): qa `n-"
        )),
        "{err}"
    );
    assert!(err.contains("duplicate id"), "{err}");
}

#[test]
fn results_carry_only_the_decks_chosen() {
    let env = Env::new();
    env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    let p = package(
        &env,
        "my-therapy-notes.apkg",
        &[(1_600_000_000_009, "Private")],
        &[(1_600_000_000_009, BASIC, ("p1", "Secret?", "Yes"))],
    );
    env.ok(&["add-deck", &p]);
    let c = rusqlite::Connection::open(env.db()).unwrap();
    c.execute_batch(
        "INSERT INTO review (question_id, reviewed_at, rating, queue_before, elapsed_days,
                             duration_ms, interval_days, due, before)
         SELECT id, 1772400000, 3, 0, 0, 1000, 1, 1772486400, '{}' FROM question",
    )
    .unwrap();
    drop(c);
    let out = env.quiz().args(["export-results"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let json = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        !json.contains("private-") && !json.contains("therapy"),
        "{json}"
    );
    assert!(json.contains("\"deck\": \"mini\""));
    let said = stderr(&out);
    assert!(
        said.contains("in deck mini;")
            && said.contains("left out, as imported from Anki packages: private-"),
        "{said}"
    );
    let decks = env.ok(&["decks", "--json"]);
    let private = decks.lines().find(|l| l.contains("private-")).unwrap();
    let id: serde_json::Value = serde_json::from_str(private).unwrap();
    let id = id["id"].as_str().unwrap();
    let json = env.ok(&["export-results", "--deck", id]);
    assert!(
        json.contains("therapy") && !json.contains("\"deck\": \"mini\""),
        "{json}"
    );
}

#[test]
fn a_bad_stored_setting_warns_and_config_repairs_it() {
    let env = Env::new();
    env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    let c = rusqlite::Connection::open(env.db()).unwrap();
    c.execute_batch(
        "INSERT INTO setting (key, value) VALUES ('rollover_hour', 'ninety');
         INSERT INTO setting (key, value) VALUES ('from_the_future', '1');",
    )
    .unwrap();
    drop(c);
    let o = env.quiz().args(["decks"]).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("unknown setting `from_the_future`"), "{err}");
    assert!(
        err.contains("using the default (4) until `quiz config rollover_hour VALUE` sets it"),
        "{err}"
    );
    env.ok(&["config", "rollover_hour", "5"]);
    assert_eq!(env.ok(&["config", "rollover_hour"]), "5\n");
}
