//! `quiz add-deck`, `quiz decks`, `quiz questions` on the real binary with a temp database.

mod common;

use common::{Env, fixture, fixture_text};

#[test]
fn adding_a_deck_twice_changes_nothing_the_second_time() {
    let env = Env::new();
    let first = env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    assert!(first.starts_with("mini: new deck, "), "{first}");
    let before = std::fs::read(env.db()).unwrap();
    let second = env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    let added: u64 = first.split_whitespace().nth(3).unwrap().parse().unwrap();
    assert_eq!(second.trim(), format!("mini: {added} unchanged"));
    assert_eq!(
        std::fs::read(env.db()).unwrap(),
        before,
        "re-adding an unchanged deck wrote to the database"
    );
}

#[test]
fn decks_lists_counts() {
    let env = Env::new();
    env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    let out = env.ok(&["decks"]);
    let line = out.lines().find(|l| l.starts_with("mini ")).unwrap();
    let cols: Vec<&str> = line.split_whitespace().collect();
    // deck new learning due suspended facts questions title
    assert_eq!(cols[2..5], ["0", "0", "0"]);
    assert_eq!(cols[1], cols[5], "every fact is new: {line}");
    let questions: i64 = cols[6].parse().unwrap();
    assert!(questions > cols[5].parse::<i64>().unwrap(), "{line}");
    let json = env.ok(&["decks", "--json"]);
    let v: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(v["id"], "mini");
    assert_eq!(v["new"], v["total"]);
}

#[test]
fn an_edited_wording_keeps_ids_and_progress_and_a_removed_fact_is_retired_with_history() {
    let env = Env::new();
    let deck = env.write("d.toml", &fixture_text("mini.toml"));
    env.ok(&["add-deck", deck.to_str().unwrap()]);
    // Progress on the list whose wording will change, and on the term to be removed.
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    for uid in ["mini/areas/item_at/2", "mini/camels/recall/meaning"] {
        let (id, fact): (i64, String) = conn
            .query_row(
                "SELECT id, fact_id FROM question q
                 WHERE q.deck_id || '/' || q.fact_id || '/' || q.kind || '/' || q.variant = ?1",
                [uid],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        conn.execute("UPDATE memory SET queue = 2, reps = 3, stability = 12.5, difficulty = 4.0, due = 99 WHERE fact_id = ?1", [fact]).unwrap();
        conn.execute(
            "INSERT INTO review (question_id, reviewed_at, rating, queue_before, elapsed_days, duration_ms, interval_days, due, before)
             VALUES (?1, 1000, 3, 0, 0, 1500, 12, 99, '{}')",
            [id],
        )
        .unwrap();
    }
    drop(conn);

    let edited = fixture_text("mini.toml")
        .replace("二是做大国和睦共处典范", "二是做大国和睦相处典范")
        .replace(
            "[[term]]\nid = \"camels\"",
            "[[term]]\nid = \"camels-gone\"",
        );
    std::fs::write(&deck, &edited).unwrap();
    let out = env.ok(&["add-deck", deck.to_str().unwrap()]);
    assert!(
        out.contains("updated") && out.contains("retired") && out.contains("added"),
        "{out}"
    );
    // The edited file's text is what is stored now.
    assert_eq!(env.ok(&["export", "mini", "-f", "toml"]), edited);

    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let (reps, stability, answer): (i64, f64, String) = conn
        .query_row(
            "SELECT m.reps, m.stability, q.answer FROM question q
             JOIN memory m ON m.deck_id = q.deck_id AND m.fact_id = q.fact_id
             WHERE q.fact_id = 'areas' AND q.kind = 'item_at' AND q.variant = '2'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (reps, stability),
        (3, 12.5),
        "progress kept across the wording edit"
    );
    assert!(answer.contains("和睦相处"), "content updated: {answer}");

    let (retired, active, reviews): (i64, i64, i64) = conn
        .query_row(
            "SELECT q.retired, m.active, (SELECT count(*) FROM review r WHERE r.question_id = q.id)
             FROM question q JOIN memory m ON m.deck_id = q.deck_id AND m.fact_id = q.fact_id
             WHERE q.fact_id = 'camels' AND q.kind = 'recall' AND q.variant = 'meaning'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (retired, active, reviews),
        (1, 0, 1),
        "retired, not asked, history kept"
    );
    let listed = env.ok(&["questions", "mini"]);
    assert!(
        !listed.contains("mini/camels/"),
        "retired questions are not listed"
    );
    assert!(listed.contains("mini/camels-gone/recall/meaning"));

    // Bringing the fact back restores its questions with their progress.
    std::fs::write(&deck, fixture_text("mini.toml")).unwrap();
    let out = env.ok(&["add-deck", deck.to_str().unwrap()]);
    assert!(out.contains("restored"), "{out}");
    let reps: i64 = rusqlite::Connection::open(env.db())
        .unwrap()
        .query_row(
            "SELECT m.reps FROM question q JOIN memory m ON m.deck_id = q.deck_id AND m.fact_id = q.fact_id
             WHERE q.fact_id = 'camels' AND q.kind = 'recall' AND q.variant = 'meaning' AND q.retired = 0 AND m.active = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reps, 3);
}

#[test]
fn questions_can_be_filtered_by_kind_and_name_their_meeting() {
    let env = Env::new();
    env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    let out = env.ok(&["questions", "mini", "--kind", "not_in_list", "--json"]);
    let qs: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!qs.is_empty());
    for q in &qs {
        assert_eq!(q["kind"], "not_in_list");
        assert!(q["prompt"].as_str().unwrap().starts_with('【'), "{q}");
    }
    let err = env.fails(&["questions", "mini", "--kind", "nope"]);
    assert!(err.contains("unknown kind `nope`"), "{err}");
    let err = env.fails(&["questions", "absent"]);
    assert_eq!(
        err,
        "quiz: no deck `absent` (see `quiz decks`, or `quiz add-deck --builtin`)\n"
    );
}

#[test]
fn an_unknown_name_is_a_clear_error() {
    let env = Env::new();
    let err = env.fails(&["add-deck", "no-such-deck"]);
    assert!(
        err.starts_with("quiz: no-such-deck: no such file, folder or built-in deck"),
        "{err}"
    );
    assert!(
        !env.db().exists(),
        "a failed add-deck must not create the database"
    );
}

#[test]
fn questions_read_back_from_the_database_are_the_generated_ones() {
    // The store keeps prompts without their context, explanations on the fact and sources
    // by reference; what comes back must be exactly what the generator made.
    let env = Env::new();
    env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    let d = quiz::deck::parse("mini.toml", &fixture_text("mini.toml")).unwrap();
    let made = quiz::generate::generate(&d, &quiz::generate::Pool::build([&d]));
    assert_stored_as_generated(&env, "mini", &made);
}

/// A deck of `facts` facts in the shape of scripts/gen-deck (free questions, an ordered
/// list every 50th), each with a note so that explanations differ from fact to fact.
fn large_deck(facts: usize) -> String {
    let mut t = String::from(
        "[deck]\nid = \"big\"\ntitle = \"Big\"\n\n[[source]]\nid = \"s\"\ntitle = \"S\"\n\
         publisher = \"P\"\ndate = \"2026-01-01\"\n\n[[context]]\nid = \"c\"\nname = \"会议\"\n\n",
    );
    for i in 1..=facts {
        if i % 50 == 0 {
            t += &format!(
                "[[list]]\nid = \"l{i}\"\nsource = \"s\"\nheading = \"第{i}组合作\"\ncount = 4\n\
                 ordered = true\nnote = \"注{i}\"\n"
            );
            for k in 0..4 {
                t += &format!("[[list.item]]\ntext = \"领域{i}-{k}\"\n");
            }
        } else {
            t += &format!(
                "[[qa]]\nid = \"q{i}\"\nsource = \"s\"\nquestion = \"第{i}问?\"\n\
                 answer = \"答{i}\"\nnote = \"注{i}\"\n"
            );
        }
        t.push('\n');
    }
    t
}

#[test]
fn a_deck_stored_in_batches_reads_back_as_generated() {
    // add-deck generates, checks and stores a large deck a few hundred facts at a time and
    // keeps only the running fact's explanation between batches: what is stored must still
    // be every question exactly as generated in one piece, and re-adding changes nothing.
    let env = Env::new();
    let text = large_deck(1_500);
    let path = env.write("big.toml", &text);
    let out = env.ok(&["add-deck", path.to_str().unwrap()]);
    let d = quiz::deck::parse("big.toml", &text).unwrap();
    let made = quiz::generate::generate(&d, &quiz::generate::Pool::build([&d]));
    assert_eq!(out.trim(), format!("big: new deck, {} added", made.len()));
    assert_stored_as_generated(&env, "big", &made);
    let again = env.ok(&["add-deck", path.to_str().unwrap()]);
    assert_eq!(again.trim(), format!("big: {} unchanged", made.len()));
}

/// `quiz questions DECK --json` gives back exactly the questions `made` (by uid).
fn assert_stored_as_generated(env: &Env, deck: &str, made: &[quiz::question::Question]) {
    let stored: std::collections::HashMap<String, quiz::question::Question> = env
        .ok(&["questions", deck, "--json"])
        .lines()
        .map(|l| {
            let q: quiz::question::Question = serde_json::from_str(l).unwrap();
            (q.uid.clone(), q)
        })
        .collect();
    assert_eq!(stored.len(), made.len());
    for q in made {
        assert_eq!(&stored[&q.uid], q, "{}", q.uid);
    }
}

/// The generator's and checker's maps are seeded at random in every process (a deck's ids
/// and wordings are chosen by its author): what they produce must not depend on it. Two
/// processes adding the same decks store the same questions, report the same warnings, and
/// `quiz check` finds the same.
#[test]
fn every_process_generates_the_same_questions_and_findings() {
    let runs: Vec<(String, String, String)> = (0..2)
        .map(|_| {
            let env = Env::new();
            let added = env.quiz().args(["add-deck", "--builtin"]).output().unwrap();
            assert!(added.status.success(), "{added:?}");
            let mut questions = String::new();
            let mut checks = String::new();
            for deck in ["cc5-xian-2021", "sco-fm-2020"] {
                questions += &env.ok(&["questions", deck, "--json"]);
                checks += &env.ok(&["check", deck]);
            }
            (String::from_utf8(added.stderr).unwrap(), questions, checks)
        })
        .collect();
    assert!(runs[0].1.len() > 10_000, "the decks have questions");
    assert_eq!(runs[0], runs[1]);
}
