//! `quiz stats` and exam planning on a scripted history: the real binary, driven day by day
//! under `QUIZ_NOW` with piped answers, and figures worked out by hand for a small case.

mod common;

use std::collections::HashMap;

use common::{Env, keep_only, questions_by_id, right_answer, study_answering};
use serde_json::Value;

/// 2026-03-02T09:00:00Z: day 0 of every script here (study days begin at 04:00 UTC).
const DAY0: i64 = 1_772_442_000;
const DAY: i64 = 86_400;

/// The FSRS-6 defaults the `fsrs` crate uses: first stability of a Good answer, and decay.
const S_GOOD: f64 = 2.3065;
const DECAY: f64 = 0.1542;

/// Recall after `t` days at stability `s`: FSRS-6's forgetting curve, worked out here by
/// hand to check the crate's figure as the report prints it.
fn recall(t: f64, s: f64) -> f64 {
    let f = 0.9f64.powf(-1.0 / DECAY) - 1.0;
    (1.0 + f * t / s).powf(-DECAY)
}

/// The three facts of the script, each asked by one true/false question only (so that the
/// ladder has no rung to climb and no cap shortens an interval).
const FACTS: [&str; 3] = ["s-presidents", "ev-interview", "doc-communique"];

/// A database with the SCO deck reduced to one true/false question per fact of [`FACTS`],
/// fuzz off: every interval is FSRS's own, rounded.
fn three_facts() -> (Env, HashMap<String, Value>) {
    let env = Env::new();
    env.ok(&["add-deck", "sco-fm-2020"]);
    env.ok(&["config", "fuzz", "false"]);
    let qs = questions_by_id(&env, "sco-fm-2020");
    let mut uids: Vec<&str> = Vec::new();
    for fact in FACTS {
        let prefix = format!("sco-fm-2020/{fact}/true_false/");
        let mut mine: Vec<&str> = qs
            .keys()
            .filter(|u| u.starts_with(&prefix))
            .map(String::as_str)
            .collect();
        mine.sort();
        uids.push(mine[0]);
    }
    keep_only(&env.db(), &uids);
    (env, qs)
}

/// Answers every question of a session at `now`: wrong for facts in `wrong` (the first time
/// each is asked in the session), right otherwise. Returns the facts asked, in order.
fn session(env: &Env, qs: &HashMap<String, Value>, now: i64, wrong: &[&str]) -> Vec<String> {
    let mut failed: Vec<String> = Vec::new();
    let mut asked = Vec::new();
    let events = study_answering(env, now, &[], |ev| {
        let fact = ev["fact"].as_str().unwrap().to_owned();
        let q = &qs[ev["id"].as_str().unwrap()];
        let shown = ev["options"].as_array().unwrap();
        let right = right_answer(q, shown);
        let short = fact.rsplit('/').next().unwrap().to_owned();
        if wrong.contains(&short.as_str()) && !failed.contains(&short) {
            failed.push(short);
            if right == "true" { "false" } else { "true" }.to_owned()
        } else {
            right
        }
    });
    for e in events {
        if e["event"] == "question" {
            asked.push(
                e["fact"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_owned(),
            );
        }
    }
    asked
}

fn stats_json(env: &Env, now: i64) -> Value {
    let out = env
        .quiz()
        .env("QUIZ_NOW", now.to_string())
        .args(["stats", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn forecast(j: &Value) -> Vec<u64> {
    j["forecast"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["count"].as_u64().unwrap())
        .collect()
}

#[test]
fn figures_match_a_history_worked_out_by_hand() {
    let (env, qs) = three_facts();

    // Day 0: three new facts, all right. Each graduates with Good's first stability, 2.3065
    // days, which rounds to an interval of 2 days: all three are due on day 2.
    assert_eq!(session(&env, &qs, DAY0, &[]).len(), 3);
    let j = stats_json(&env, DAY0 + 60);
    let today = &j["periods"][0];
    assert_eq!(today["answers"], 3);
    assert_eq!(today["new_facts"], 3);
    // No answer to a fact in review yet: true retention has nothing to count.
    assert_eq!(today["retention"]["total"]["reviews"], 0);
    let mut expected = vec![0u64; 30];
    expected[2] = 3;
    assert_eq!(forecast(&j), expected);
    assert_eq!(j["forecast"][2]["date"], "2026-03-04");
    assert_eq!(j["streak"]["current"], 1);

    // Day 2: the three come back, young (interval 2 < 21 days). One is forgotten, relearned
    // ten minutes later (the clock stands still, so at once) and right then.
    let asked = session(&env, &qs, DAY0 + 2 * DAY, &["ev-interview"]);
    assert_eq!(asked.len(), 4, "{asked:?}");
    let j = stats_json(&env, DAY0 + 2 * DAY + 60);
    let today = &j["periods"][0];
    assert_eq!(today["answers"], 4);
    assert_eq!(today["new_facts"], 0);
    // True retention counts only the answers to facts in review: 2 passed of 3, all young;
    // the relearning answer is not a review.
    let r = &today["retention"];
    assert_eq!(r["young"]["passed"], 2);
    assert_eq!(r["young"]["reviews"], 3);
    assert_eq!(r["mature"]["reviews"], 0);
    assert!(r["mature"]["rate"].is_null());
    assert!((r["total"]["rate"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    let week = &j["periods"][1];
    assert_eq!(week["answers"], 7);
    assert_eq!(week["new_facts"], 3);
    // Studied on day 0 and day 2, not day 1: the streak is the current run only.
    assert_eq!(j["streak"]["current"], 1);
    assert_eq!(j["streak"]["longest"], 1);
    assert_eq!(j["streak"]["days_studied"], 2);
    let calendar = j["calendar"].as_array().unwrap();
    let n = calendar.len();
    assert_eq!(calendar[n - 1]["answers"], 4);
    assert_eq!(calendar[n - 2]["answers"], 0);
    assert_eq!(calendar[n - 3]["answers"], 3);
    // The forgotten fact is the hardest, with one lapse.
    assert_eq!(j["hardest"].as_array().unwrap().len(), 1);
    assert_eq!(j["hardest"][0]["fact"], "ev-interview");
    assert_eq!(j["hardest"][0]["lapses"], 1);
    // Forecast: the sum over the 30 days is every fact studied (none suspended).
    assert_eq!(forecast(&j).iter().sum::<u64>(), 3);
    assert_eq!(forecast(&j)[0], 0, "nothing is left due today");
    // Per deck: three facts, all known again, none new.
    let deck = &j["decks"][0];
    assert_eq!(deck["facts"], 3);
    assert_eq!(deck["known"], 3);
    assert_eq!(deck["new"], 0);
    // The list fact is listed under lists.
    assert!(
        j["lists"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["fact"] == "s-presidents")
    );
}

#[test]
fn the_exam_day_prediction_is_the_forgetting_curve_on_that_day() {
    let (env, qs) = three_facts();
    session(&env, &qs, DAY0, &[]);
    env.ok(&["config", "exam_date", "2026-03-12"]);
    let j = stats_json(&env, DAY0 + 60);
    let exam = &j["exams"][0];
    assert_eq!(exam["date"], "2026-03-12");
    assert_eq!(exam["days_left"], 10);
    assert_eq!(exam["facts"], 3);
    // Each fact was answered on day 0 at 09:00 with stability 2.3065; the exam day begins
    // on 2026-03-12 at 04:00, 9 days and 19 hours later. Not studying again, recall then is
    // 0.776 for each: below 90%, so none is ready.
    let t = 9.0 + 19.0 / 24.0;
    let by_hand = recall(t, S_GOOD);
    assert!((by_hand - 0.7764).abs() < 1e-4);
    let printed = exam["recall_now"].as_f64().unwrap();
    assert!((printed - by_hand).abs() < 1e-4, "{printed} vs {by_hand}");
    assert_eq!(exam["ready_now"], 0);
    // The student's own time per answer: say 10 s each (piped answers take milliseconds).
    let c = rusqlite::Connection::open(env.db()).unwrap();
    c.execute("UPDATE review SET duration_ms = 10000", [])
        .unwrap();
    let exam = &stats_json(&env, DAY0 + 60)["exams"][0];
    assert_eq!(exam["seconds_per_answer_from"], "history");
    assert_eq!(exam["seconds_per_answer"], 10.0);
    // 3 answers of 10 s on day 0, over the last 14 days: 30 s / 14 a day.
    let pace = exam["pace_minutes"].as_f64().unwrap();
    assert!((pace - 0.5 / 14.0).abs() < 1e-9, "{pace}");
    // Three facts reviewed when due need a minute or two a day at most, never nothing.
    let minutes = exam["minutes_needed"].as_u64().unwrap();
    assert!((1..=5).contains(&minutes), "{minutes}");
    // Untimed answers: the documented default applies.
    c.execute("UPDATE review SET duration_ms = 0", []).unwrap();
    let exam = &stats_json(&env, DAY0 + 60)["exams"][0];
    assert_eq!(exam["seconds_per_answer_from"], "default");
    assert_eq!(exam["seconds_per_answer"], 15.0);
    let text = env.ok(&["stats"]);
    assert!(text.contains("Exam on 2026-03-12"), "{text}");
    assert!(text.contains("ready: "), "{text}");
    assert!(text.contains("of facts at ≥ 90%"), "{text}");

    // A date is validated, and `none` clears it.
    let err = env.fails(&["config", "exam_date", "2026-02-30"]);
    assert!(err.contains("exam_date must be a date YYYY-MM-DD"), "{err}");
    assert!(
        env.fails(&["config", "exam_date", "20-12-2026"])
            .contains("exam_date")
    );
    env.ok(&["config", "exam_date", "none"]);
    assert!(
        stats_json(&env, DAY0 + 60)["exams"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // A deck's own date.
    let out = env.ok(&["config", "exam_date", "2026-03-20", "--deck", "sco-fm-2020"]);
    assert_eq!(out, "exam_date.sco-fm-2020 = 2026-03-20\n");
    assert_eq!(
        stats_json(&env, DAY0 + 60)["exams"][0]["date"],
        "2026-03-20"
    );
    let err = env.fails(&["config", "exam_date", "2026-03-20", "--deck", "nope"]);
    assert!(err.contains("nope"), "{err}");
}

/// One fact learned at desired retention 0.70 comes back only after 21 days (2.3065 days'
/// stability stretched to 70%); the student then asks for 90% and an exam on day 10.
fn one_fact_due_on_day_21() -> (Env, HashMap<String, Value>) {
    let (env, qs) = three_facts();
    let c = rusqlite::Connection::open(env.db()).unwrap();
    c.execute(
        "UPDATE memory SET active = 0 WHERE fact_id <> 'ev-interview'",
        [],
    )
    .unwrap();
    env.ok(&["config", "desired_retention", "0.70"]);
    assert_eq!(session(&env, &qs, DAY0, &[]), ["ev-interview"]);
    let due: i64 = c
        .query_row(
            "SELECT due FROM memory WHERE fact_id = 'ev-interview'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // 2.3065 / F · (0.7^(−1/w20) − 1) = 21.4 days: due on day 21 at 04:00.
    assert_eq!(due, DAY0 - 5 * 3_600 + 21 * DAY);
    env.ok(&["config", "desired_retention", "0.90"]);
    (env, qs)
}

#[test]
fn until_the_exam_a_fact_at_risk_is_asked_before_its_due_day() {
    let (env, qs) = one_fact_due_on_day_21();
    // Without an exam date nothing is due on day 1.
    assert!(session(&env, &qs, DAY0 + DAY, &[]).is_empty());
    // With the exam on day 10, recall then would be 0.776 < 0.90: asked on day 1, and
    // counted among what is left before it is asked.
    env.ok(&["config", "exam_date", "2026-03-12"]);
    assert!(recall(9.0 + 19.0 / 24.0, S_GOOD) < 0.9);
    let events = study_answering(&env, DAY0 + DAY, &[], |_| ":quit".to_owned());
    let first = events.iter().find(|e| e["event"] == "question").unwrap();
    assert_eq!(first["left"], 1, "{first}");
    assert_eq!(session(&env, &qs, DAY0 + DAY, &[]), ["ev-interview"]);
    // Once a day: a second session that day does not ask it again.
    assert!(session(&env, &qs, DAY0 + DAY + 600, &[]).is_empty());
}

#[test]
fn after_the_exam_normal_scheduling_resumes() {
    let (env, qs) = one_fact_due_on_day_21();
    env.ok(&["config", "exam_date", "2026-03-12"]);
    // Day 11, the day after the exam: the fact waits for its own due day again.
    assert!(session(&env, &qs, DAY0 + 11 * DAY, &[]).is_empty());
    // And on the exam day itself it is no longer brought forward.
    assert!(session(&env, &qs, DAY0 + 10 * DAY, &[]).is_empty());
    assert_eq!(session(&env, &qs, DAY0 + 21 * DAY, &[]), ["ev-interview"]);
}

/// Tags that need no closing tag in HTML.
const VOID: [&str; 3] = ["meta", "br", "hr"];

/// Checks that every tag is closed in order (the page is written well-formed) and returns
/// the start tags with their attributes.
fn tags(html: &str) -> Vec<(String, HashMap<String, String>)> {
    let body = html.strip_prefix("<!DOCTYPE html>\n").expect("doctype");
    let mut stack: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        let text = &rest[..i];
        assert!(!text.contains('>'), "stray > in text: {text}");
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("unclosed tag");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let name = tag.split_whitespace().next().unwrap().to_owned();
        let mut attrs = HashMap::new();
        let mut a = &tag[name.len()..];
        while let Some(eq) = a.find("=\"") {
            let key = a[..eq].trim().to_owned();
            let v_end = a[eq + 2..].find('"').unwrap();
            attrs.insert(key, a[eq + 2..eq + 2 + v_end].to_owned());
            a = &a[eq + 2 + v_end + 1..];
        }
        if !self_closing && !VOID.contains(&name.as_str()) {
            stack.push(name.clone());
        }
        out.push((name, attrs));
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    out
}

/// The `data-value`s of the bars of SVG `id`, with their dates.
fn chart(tags: &[(String, HashMap<String, String>)], id: &str) -> Vec<(String, u64)> {
    let start = tags
        .iter()
        .position(|(n, a)| n == "svg" && a.get("id").map(String::as_str) == Some(id))
        .unwrap_or_else(|| panic!("no chart {id}"));
    tags[start + 1..]
        .iter()
        .take_while(|(n, _)| n != "svg")
        .filter(|(n, a)| n == "rect" && a.contains_key("data-value"))
        .map(|(_, a)| (a["data-date"].clone(), a["data-value"].parse().unwrap()))
        .collect()
}

#[test]
fn the_html_page_is_well_formed_and_its_charts_are_the_json_figures() {
    let (env, qs) = three_facts();
    session(&env, &qs, DAY0, &[]);
    session(&env, &qs, DAY0 + 2 * DAY, &["ev-interview"]);
    env.ok(&["config", "exam_date", "2026-04-01"]);
    let now = (DAY0 + 2 * DAY + 60).to_string();
    let out = env
        .quiz()
        .env("QUIZ_NOW", &now)
        .args(["stats", "--html", "-o", "stats.html"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(env.path("stats.html")).unwrap();
    assert!(!html.contains("<script"), "no script in the page");
    let t = tags(&html);
    let j = stats_json(&env, DAY0 + 2 * DAY + 60);
    let days = |key: &str, value: &str| -> Vec<(String, u64)> {
        j[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["date"].as_str().unwrap().to_owned(),
                    d[value].as_u64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(chart(&t, "forecast-chart"), days("forecast", "count"));
    let calendar = days("calendar", "answers");
    assert_eq!(chart(&t, "calendar"), calendar);
    assert_eq!(chart(&t, "answers-chart"), calendar[calendar.len() - 30..]);
    let exam = t
        .iter()
        .find(|(n, a)| n == "div" && a.get("class").map(String::as_str) == Some("exam"));
    let (_, a) = exam.expect("an exam section");
    assert_eq!(a["data-ready"], j["exams"][0]["ready_at_pace"].to_string());
    assert!(j["exams"][0]["ready_at_pace"].is_u64());
    assert_eq!(a["data-facts"], "3");
    // Nothing fetched from elsewhere: only the SVG namespace names a URL.
    for (_, a) in &t {
        for (k, v) in a {
            assert!(k == "xmlns" || !v.contains("://"), "{k}={v}");
        }
    }
}

#[test]
fn deck_text_is_escaped_in_the_page_and_cleaned_in_the_terminal() {
    let env = Env::new();
    env.ok(&["add-deck", "sco-fm-2020"]);
    let c = rusqlite::Connection::open(env.db()).unwrap();
    c.execute(
        "UPDATE fact SET label = '<b>x</b> & \u{1b}[31mred' WHERE id = 's-presidents'",
        [],
    )
    .unwrap();
    let html = env.ok(&["stats", "--html"]);
    assert!(
        html.contains("&lt;b&gt;x&lt;/b&gt; &amp; \u{FFFD}[31mred"),
        "escaped"
    );
    assert!(!html.contains("<b>x"));
    tags(&html);
    let text = env.ok(&["stats"]);
    assert!(
        !text.contains('\u{1b}'),
        "no escape sequence reaches the terminal"
    );
}

#[test]
fn unknown_decks_and_bad_flags_are_refused() {
    let env = Env::new();
    env.ok(&["add-deck", "sco-fm-2020"]);
    let err = env.fails(&["stats", "nope"]);
    assert!(err.contains("nope"), "{err}");
    let err = env.fails(&["config", "new_per_day", "3", "--deck", "sco-fm-2020"]);
    assert!(err.contains("--deck goes with exam_date only"), "{err}");
}
