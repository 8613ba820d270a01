//! `quiz study` in a real terminal (a pty): dialoguer's select with arrow keys, typed Chinese
//! input, and Ctrl-C ending the session with every answer kept.
#![cfg(unix)]

mod common;

use std::time::Duration;

use common::{Env, fixture};
use expectrl::{Expect, Session};

#[test]
fn a_terminal_session_with_arrow_keys_chinese_input_and_ctrl_c() {
    let env = Env::new();
    env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    // Three questions of three facts, in this order: two typed numbers and a true/false.
    common::keep_only(
        &env.db(),
        &[
            "mini/areas/how_many/count",
            "mini/measures/how_many/count",
            "mini/countries/true_false/false",
        ],
    );
    let mut cmd = env.quiz_std();
    cmd.env("TERM", "xterm").arg("study");
    let mut p = Session::spawn(cmd).unwrap();
    p.set_expect_timeout(Some(Duration::from_secs(30)));
    // New facts come in deck order. 1. A number question, typed in Chinese numerals: five,
    // wrong (it is four); then "continue", the step that follows every answer.
    p.expect("几方面").unwrap();
    p.expect("answer").unwrap();
    p.send("五方面\r").unwrap();
    p.expect("continue").unwrap();
    p.send("\r").unwrap();
    // 2. Another number question: right. A double Enter lands on "continue", never in the
    // next question.
    p.expect("几项举措").unwrap();
    p.expect("answer").unwrap();
    p.send("4\r\r").unwrap();
    // 3. The true/false, whose statement is false: the second option; one arrow down, Enter.
    p.expect("王毅此行访问的四个国家").unwrap();
    p.expect("your answer").unwrap();
    p.send("\x1b[B").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    p.send("\r").unwrap();
    let fb = p.expect("Comes back").unwrap();
    let fb = String::from_utf8_lossy(fb.before()).into_owned();
    assert!(fb.contains("correct → good"), "{fb}");
    p.expect("continue").unwrap();
    p.send("\r").unwrap();
    // 4. The forgotten fact comes back early (nothing else is left), said so; Ctrl-C at its
    // prompt ends the session cleanly.
    p.expect("early").unwrap();
    p.expect(expectrl::Regex("your answer|:skip")).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    p.send("\x03").unwrap();
    p.expect("Session over: 3 answered").unwrap();
    p.expect(expectrl::Eof).unwrap();

    let c = rusqlite::Connection::open(env.db()).unwrap();
    let rows: Vec<(String, String)> = c
        .prepare("SELECT given, verdict FROM review ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        rows,
        [
            ("五方面".to_owned(), "wrong".to_owned()),
            ("4".to_owned(), "correct".to_owned()),
            ("错 (false)".to_owned(), "correct".to_owned()),
        ]
    );
}

#[test]
fn suspending_a_fact_in_a_terminal_asks_first() {
    let env = Env::new();
    env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    common::keep_only(&env.db(), &["mini/countries/true_false/false"]);
    let mut cmd = env.quiz_std();
    cmd.env("TERM", "xterm").arg("study");
    let mut p = Session::spawn(cmd).unwrap();
    p.set_expect_timeout(Some(Duration::from_secs(30)));
    p.expect("your answer").unwrap();
    // The list: 对, 错, skip, bury, suspend, …: four down to "suspend".
    for _ in 0..4 {
        p.send("\x1b[B").unwrap();
        std::thread::sleep(Duration::from_millis(150));
    }
    p.send("\r").unwrap();
    p.expect("Suspend this fact?").unwrap();
    p.send("y").unwrap();
    p.expect("Suspended: this fact").unwrap();
    p.expect("Nothing more to study now").unwrap();
    p.expect(expectrl::Eof).unwrap();
    let suspended: i64 = rusqlite::Connection::open(env.db())
        .unwrap()
        .query_row(
            "SELECT suspended FROM memory WHERE fact_id = 'countries'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(suspended, 1);
}

#[test]
fn the_first_run_in_a_terminal_offers_the_built_in_decks() {
    let env = Env::new();
    let mut cmd = env.quiz_std();
    cmd.env("TERM", "xterm").arg("study");
    let mut p = Session::spawn(cmd).unwrap();
    p.set_expect_timeout(Some(Duration::from_secs(30)));
    p.expect("Add the built-in decks?").unwrap();
    p.send("\r").unwrap();
    p.expect("sco-fm-2020: new deck").unwrap();
    // The first question of a session from the built-in decks, then Ctrl-C.
    p.expect("【").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    p.send("\x03").unwrap();
    p.expect("Session over: 0 answered").unwrap();
    p.expect(expectrl::Eof).unwrap();
    let decks = env.ok(&["decks"]);
    assert!(
        decks.contains("sco-fm-2020") && decks.contains("cc5-xian-2021"),
        "{decks}"
    );
}

#[test]
fn declining_the_built_in_decks_adds_nothing() {
    let env = Env::new();
    let mut cmd = env.quiz_std();
    cmd.env("TERM", "xterm").arg("study");
    let mut p = Session::spawn(cmd).unwrap();
    p.set_expect_timeout(Some(Duration::from_secs(30)));
    p.expect("Add the built-in decks?").unwrap();
    p.send("n").unwrap();
    p.expect("no decks to study").unwrap();
    p.expect(expectrl::Eof).unwrap();
    assert!(env.ok(&["decks"]).contains("no decks yet"));
}

#[test]
fn kill_int_ends_a_terminal_session_keeping_its_answers() {
    let env = Env::new();
    env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    common::keep_only(
        &env.db(),
        &["mini/areas/how_many/count", "mini/measures/how_many/count"],
    );
    let mut cmd = env.quiz_std();
    cmd.env("TERM", "xterm").arg("study");
    let mut p = Session::spawn(cmd).unwrap();
    p.set_expect_timeout(Some(Duration::from_secs(30)));
    p.expect("几方面").unwrap();
    p.expect("answer").unwrap();
    p.send("4\r").unwrap();
    p.expect("continue").unwrap();
    p.send("\r").unwrap();
    p.expect("几项举措").unwrap();
    p.expect("answer").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    // SIGINT from outside, as `kill -INT` sends it, while the prompt waits.
    let pid = p.get_process().pid();
    std::process::Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .unwrap();
    p.expect("Session over: 1 answered").unwrap();
    p.expect(expectrl::Eof).unwrap();
}

#[test]
fn a_terminal_session_under_a_chinese_locale_prompts_in_chinese() {
    let env = Env::new();
    env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    common::keep_only(
        &env.db(),
        &[
            "mini/areas/how_many/count",
            "mini/countries/true_false/false",
        ],
    );
    let mut cmd = env.quiz_std();
    cmd.env("TERM", "xterm")
        .env("LANG", "zh_CN.UTF-8")
        .arg("study");
    let mut p = Session::spawn(cmd).unwrap();
    p.set_expect_timeout(Some(Duration::from_secs(30)));
    p.expect("[已答 0 · 剩 2 个").unwrap();
    p.expect("几方面").unwrap();
    // The typed answer's prompt: its hint and the commands.
    p.expect("答案(或 :show :skip").unwrap();
    p.send("四方面\r").unwrap();
    let fb = p.expect("继续").unwrap();
    let fb = String::from_utf8_lossy(fb.before()).into_owned();
    assert!(fb.contains("正确 → 良好") && fb.contains("出处:"), "{fb}");
    p.send("\r").unwrap();
    // The true/false: 对 and 错, then the commands, in Chinese.
    p.expect("你的答案").unwrap();
    p.expect("把这个知识点搁置到明天").unwrap();
    p.send("\x1b[B").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    p.send("\r").unwrap();
    p.expect("再次出现").unwrap();
    p.expect("继续").unwrap();
    p.send("\r").unwrap();
    p.expect("现在没有要学习的内容了").unwrap();
    p.expect("本次学习结束:回答 2 题,正确 2 题(100%)").unwrap();
    p.expect(expectrl::Eof).unwrap();
}
