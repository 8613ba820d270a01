//! `quiz optimize`: fitting the FSRS parameters to a student's own answers, on a synthetic
//! history from a student whose memory follows known parameters (tests/support/history.rs).

mod common;
#[path = "support/history.rs"]
mod history;

use common::Env;

/// 2026-03-02T09:00:00Z, the clock of `Env::quiz`: histories end before this day.
const NOW: i64 = 1_772_442_000;

/// A deck of `n` question-and-answer facts, one question each.
fn deck(env: &Env, n: usize) -> std::path::PathBuf {
    let mut t = String::from(
        "[deck]\nid = \"hist\"\ntitle = \"History\"\n\n[[source]]\nid = \"s\"\ntitle = \"t\"\n\
         publisher = \"p\"\ndate = \"2026-01-01\"\n\n[[context]]\nid = \"c\"\nname = \"会议\"\n\n",
    );
    for i in 0..n {
        t.push_str(&format!(
            "[[qa]]\nid = \"q{i}\"\nsource = \"s\"\nquestion = \"第{i}个问题是什么?\"\nanswer = \"答案{i}\"\n\n"
        ));
    }
    env.write("hist.toml", &t)
}

/// An environment with a deck and `reviews` answers of the synthetic student.
fn with_history(reviews: usize) -> Env {
    let env = Env::new();
    let d = deck(&env, 1500);
    env.ok(&["add-deck", d.to_str().unwrap()]);
    let written = history::write(&env.db(), reviews, NOW, 1);
    assert!(written >= reviews, "the deck is big enough: {written}");
    env
}

fn parameters(env: &Env) -> String {
    env.ok(&["config", "parameters"]).trim().to_owned()
}

/// (log loss before, log loss after) from optimize's table.
fn losses(out: &str) -> (f64, f64) {
    let loss = |label: &str| -> f64 {
        let line = out
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no `{label}` row in:\n{out}"));
        line[label.len()..]
            .split_whitespace()
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    let before = if out.contains("current (defaults)") {
        loss("current (defaults)")
    } else {
        loss("current ")
    };
    (before, loss("fitted"))
}

fn memories(env: &Env) -> Vec<(i64, Option<f64>, Option<f64>)> {
    let c = rusqlite::Connection::open(env.db()).unwrap();
    let mut st = c
        .prepare("SELECT id, stability, difficulty FROM memory ORDER BY id")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn too_short_a_history_is_refused_saying_how_much_is_needed_and_nothing_is_stored() {
    let env = with_history(300);
    let before = memories(&env);
    let err = env.fails(&["optimize"]);
    assert!(
        err.starts_with("quiz: optimize needs at least 400 answers"),
        "{err}"
    );
    // The count it reports is the database's (some of the 300 are same-day relearning).
    let has: usize = err
        .split("this database has ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no count in {err}"));
    assert!((100..400).contains(&has), "{err}");
    assert!(err.contains("of 300 answers in all"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(parameters(&env), "\"\"");
    assert_eq!(memories(&env), before);
}

#[test]
fn a_fit_that_predicts_better_is_stored_and_changes_the_next_interval() {
    let env = with_history(4000);
    let before_memories = memories(&env);
    for (k, v) in [
        ("new_per_day", "0"),
        ("reviews_per_day", "1"),
        ("fuzz", "off"),
    ] {
        env.ok(&["config", k, v]);
    }
    // The same database, not optimized: the scheduling to compare with.
    let plain = Env::new();
    std::fs::copy(env.db(), plain.db()).unwrap();

    let dry = env.ok(&["optimize", "--dry-run"]);
    let (b, a) = losses(&dry);
    assert!(a < b, "the fit predicts the answers better:\n{dry}");
    assert!(dry.contains("Dry run: nothing stored."), "{dry}");
    assert_eq!(parameters(&env), "\"\"");

    let out = env.ok(&["optimize"]);
    assert_eq!(
        losses(&out),
        (b, a),
        "the same answers, the same fit:\n{out}"
    );
    assert!(out.contains("Stored the fitted parameters"), "{out}");
    let stored = parameters(&env);
    assert_eq!(stored.split(", ").count(), 21, "{stored}");
    assert!(
        out.contains(&format!("fitted parameters: {stored}")),
        "{out}"
    );
    // Every answered fact's memory is recomputed under the fitted parameters.
    let after_memories = memories(&env);
    let changed = before_memories
        .iter()
        .zip(&after_memories)
        .filter(|(x, y)| x != y)
        .count();
    assert!(changed > 100, "{changed} memories changed");

    // The same review, the same answer, the same clock: another interval.
    let answer_right = |q: &serde_json::Value| {
        let fact = q["fact"].as_str().or(q["id"].as_str()).unwrap();
        let i = fact.split("/q").nth(1).unwrap();
        let i: String = i.chars().take_while(char::is_ascii_digit).collect();
        format!("答案{i}")
    };
    let due = |e: &Env| {
        let seen = common::study_answering(e, NOW, &[], answer_right);
        let fb: Vec<_> = seen
            .iter()
            .filter(|v| v.get("next_due").is_some())
            .collect();
        assert_eq!(fb.len(), 1, "one review answered: {seen:?}");
        assert_eq!(fb[0]["verdict"], "correct", "{:?}", fb[0]);
        (fb[0]["id"].clone(), fb[0]["next_due"].as_i64().unwrap())
    };
    let (q_fitted, due_fitted) = due(&env);
    let (q_plain, due_plain) = due(&plain);
    assert_eq!(q_fitted, q_plain, "the same fact comes first");
    assert_ne!(
        due_fitted, due_plain,
        "the fitted parameters schedule it differently"
    );
}

#[test]
fn a_history_the_current_parameters_already_fit_best_stores_nothing() {
    let env = with_history(2000);
    env.ok(&["optimize"]);
    let stored = parameters(&env);
    let memories_before = memories(&env);
    // The same answers again: the fit finds the parameters it already stored.
    let out = env.ok(&["optimize"]);
    let (b, a) = losses(&out);
    assert!(a >= b, "{out}");
    assert!(
        out.contains("no better than the current ones: nothing stored"),
        "{out}"
    );
    assert_eq!(parameters(&env), stored);
    assert_eq!(memories(&env), memories_before);
}
