//! `quiz browse` (find, show, suspend, unsuspend, reset, flag), `quiz study --cram`, and the
//! source passage shown after a wrong answer.

mod common;

use common::{Env, fixture};
use rusqlite::Connection;

fn mini() -> Env {
    let env = Env::new();
    env.ok(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    env
}

/// The facts (`DECK/FACT`) `quiz browse ARGS --json` lists.
fn found(env: &Env, args: &[&str]) -> Vec<String> {
    let mut a = vec!["browse", "--json"];
    a.extend_from_slice(args);
    env.ok(&a)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["fact"].as_str().unwrap().to_owned()
        })
        .collect()
}

#[test]
fn browse_finds_facts_by_chinese_pinyin_english_and_id() {
    let env = mini();
    // Chinese: a phrase of the list's items.
    assert!(found(&env, &["抗疫合作"]).contains(&"mini/areas".to_owned()));
    // Toneless pinyin, with or without spaces, of the heading 中俄外长商定在四方面加强合作.
    for q in ["zhongewaizhang", "zhong e wai zhang"] {
        let f = found(&env, &[q]);
        assert!(f.contains(&"mini/areas".to_owned()), "{q}: {f:?}");
        assert!(!f.contains(&"mini/xian".to_owned()), "{q}: {f:?}");
    }
    // English: the rendering of an item, which no question shows.
    assert_eq!(found(&env, &["anti-epidemic"]), ["mini/areas"]);
    // An id: a fact, or one of its questions.
    assert_eq!(found(&env, &["--id", "mini/areas"]), ["mini/areas"]);
    assert_eq!(
        found(&env, &["--id", "mini/areas/how_many/count"]),
        ["mini/areas"]
    );
    // Nothing: an error, not an empty success.
    let err = env.fails(&["browse", "no such words anywhere"]);
    assert!(err.contains("nothing matches"), "{err}");
    // The page: questions, history, memory.
    let page = env.ok(&["browse", "--id", "mini/areas"]);
    assert!(page.contains("mini/areas/list_recall/all"), "{page}");
    assert!(page.contains("History: never answered."), "{page}");
}

fn answer_first(env: &Env, uid: &str, given: &str) {
    common::keep_only(&env.db(), &[uid]);
    let seen = common::study_answering(env, 1_772_442_000, &[], |_| given.to_owned());
    assert!(
        seen.iter()
            .any(|v| v["id"] == uid && v["given"].is_string())
    );
}

#[test]
fn a_suspended_fact_comes_back_with_unsuspend_and_history_is_shown() {
    let env = mini();
    let uid = "mini/areas/how_many/count";
    common::keep_only(&env.db(), &[uid]);
    let out = env.ok(&["browse", "--id", "mini/areas", "--suspend"]);
    assert!(out.contains("Suspended"), "{out}");
    let seen = common::study_answering(&env, 1_772_442_000, &[], |_| "4".into());
    assert!(!seen.iter().any(|v| v["event"] == "question"), "{seen:?}");
    assert_eq!(found(&env, &["--state", "suspended"]), ["mini/areas"]);
    // An action matching more than one fact is refused without --all.
    let err = env.fails(&["browse", "合作", "--unsuspend"]);
    assert!(err.contains("--all"), "{err}");
    env.ok(&["browse", "--id", "mini/areas", "--unsuspend"]);
    let seen = common::study_answering(&env, 1_772_442_000, &[], |_| "4".into());
    assert!(
        seen.iter()
            .any(|v| v["id"] == uid && v["verdict"] == "correct")
    );
    // The answer is in the fact's history, with its verdict and interval.
    let j: serde_json::Value =
        serde_json::from_str(env.ok(&["browse", "--id", "mini/areas", "--json"]).trim()).unwrap();
    let h = &j["history"][0];
    assert_eq!(h["question"], uid);
    assert_eq!(h["given"], "4");
    assert_eq!(h["verdict"], "correct");
    assert!(j["recall"].as_f64().unwrap() > 0.9, "{j}");
}

fn memory(db: &std::path::Path) -> Vec<String> {
    let c = Connection::open(db).unwrap();
    let mut st = c
        .prepare("SELECT json_array(id, queue, stability, difficulty, due, rung, reps, suspended, leech) FROM memory ORDER BY id")
        .unwrap();
    st.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn reviews(db: &std::path::Path) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row("SELECT count(*) FROM review", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn reset_needs_confirmation_and_keeps_the_history() {
    let env = mini();
    answer_first(&env, "mini/areas/how_many/count", "4");
    let before = memory(&env.db());
    let err = env.fails(&["browse", "--id", "mini/areas", "--reset"]);
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(memory(&env.db()), before, "a refused reset changes nothing");
    env.ok(&["browse", "--id", "mini/areas", "--reset", "--yes"]);
    let j: serde_json::Value =
        serde_json::from_str(env.ok(&["browse", "--id", "mini/areas", "--json"]).trim()).unwrap();
    assert_eq!(j["state"], "new");
    assert!(j["stability"].is_null());
    assert_eq!(j["history"].as_array().unwrap().len(), 1, "history kept");
    assert_eq!(reviews(&env.db()), 1);
}

#[test]
fn a_flag_goes_into_the_result_file() {
    let env = mini();
    answer_first(&env, "mini/areas/how_many/count", "4");
    // A flag names a question, not a fact.
    let err = env.fails(&["browse", "--id", "mini/areas", "--flag", "wrong count"]);
    assert!(err.contains("names a question"), "{err}");
    env.ok(&[
        "browse",
        "--id",
        "mini/areas/how_many/count",
        "--flag",
        "the text says four",
    ]);
    let file: serde_json::Value =
        serde_json::from_str(&env.ok(&["export-results", "--deck", "mini"])).unwrap();
    assert_eq!(
        file["flags"],
        serde_json::json!([{"question": "mini/areas/how_many/count", "fact": "areas",
            "deck": "mini", "comment": "the text says four", "at": "2026-03-02T09:00:00Z"}])
    );
}

#[test]
fn cram_changes_no_memory_and_stores_no_answer_and_asks_missed_facts_again() {
    let env = mini();
    answer_first(&env, "mini/areas/how_many/count", "4");
    // Back to every question: cram asks each fact at its highest rung.
    let c = Connection::open(env.db()).unwrap();
    c.execute_batch("UPDATE question SET retired = 0; UPDATE memory SET active = 1")
        .unwrap();
    drop(c);
    let before = (memory(&env.db()), reviews(&env.db()));
    let qs = common::questions_by_id(&env, "mini");
    let mut asked: Vec<String> = Vec::new();
    let seen = common::study_answering(&env, 1_772_442_000, &["--cram", "mini/areas"], |q| {
        let id = q["id"].as_str().unwrap().to_owned();
        asked.push(id.clone());
        // Wrong the first time, right the second.
        if asked.len() == 1 {
            "nothing".into()
        } else {
            common::right_answer(&qs[&id], q["options"].as_array().unwrap())
        }
    });
    assert_eq!(asked.len(), 2, "{seen:?}");
    assert!(asked.iter().all(|a| a.starts_with("mini/areas/")));
    // The highest rung first: free recall.
    assert!(
        seen[0]["rung"] == "free" && seen[0]["cram"] == true,
        "{}",
        seen[0]
    );
    let s = seen.last().unwrap();
    assert_eq!(s["event"], "summary");
    assert_eq!(
        (
            s["facts"].as_u64(),
            s["missed"].as_u64(),
            s["still_missed"].as_u64()
        ),
        (Some(1), Some(1), Some(0))
    );
    assert_eq!((memory(&env.db()), reviews(&env.db())), before);
}

#[test]
fn cram_refuses_an_unknown_target() {
    let env = mini();
    let out = env
        .quiz()
        .args(["study", "--cram", "nowhere"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`nowhere` is not a deck"), "{err}");
}

fn source_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/sources/002_8d1b18698a0279a7.txt")
}

/// The built-in C+C5 deck with its source's text named by path.
fn deck_with_source(env: &Env, text_value: &str) -> std::path::PathBuf {
    let deck = quiz::deck::builtin::get("cc5-xian-2021").unwrap();
    let with = deck.replacen(
        "publisher = \"中国驻哈萨克斯坦大使馆\"",
        &format!("publisher = \"中国驻哈萨克斯坦大使馆\"\ntext = {text_value}"),
        1,
    );
    assert_ne!(with, deck);
    env.write("cc5.toml", &with)
}

#[test]
fn a_wrong_answer_shows_the_source_sentence_with_the_answer_marked() {
    let env = Env::new();
    let src = source_path();
    assert!(
        src.exists(),
        "{}: the source texts live beside the repo",
        src.display()
    );
    // Beside the deck, as an instructor hands both: a deck may not read elsewhere.
    std::fs::copy(&src, env.path("article.txt")).unwrap();
    let deck = deck_with_source(&env, "\"article.txt\"");
    env.ok(&["add-deck", deck.to_str().unwrap()]);
    let uid = "cc5-xian-2021/e5-significance/choice/1";
    common::keep_only(&env.db(), &[uid]);
    let qs = common::questions_by_id(&env, "cc5-xian-2021");
    let right = common::right_answer(&qs[uid], &[]);
    let mut n = 0;
    let seen = common::study_answering(&env, 1_772_442_000, &[], |q| {
        // Wrong once; then the relearning fact would come straight back (the clock stands
        // still): quit.
        n += 1;
        if n > 1 {
            return ":quit".into();
        }
        let opts = q["options"].as_array().unwrap();
        opts.iter()
            .map(|o| o.as_str().unwrap().to_owned())
            .find(|o| *o != right)
            .unwrap()
    });
    let fb = seen.iter().find(|v| v["verdict"] == "wrong").unwrap();
    let passage = fb["passage"].as_str().unwrap();
    assert!(passage.contains(&format!("«{right}»")), "{passage}");
    assert!(passage.contains("这是一次致力于"), "{passage}");

    // In text: said with its reference.
    let out = env
        .quiz()
        .args(["study"])
        .env("QUIZ_NOW", "2026-03-10T09:00:00Z")
        .write_stdin(":show\n")
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(out.contains("From the source (答二 L14-L20): "), "{out}");
    assert!(out.contains(&format!("«{right}»")), "{out}");
}

#[test]
fn a_missing_source_text_file_is_an_error_naming_the_deck_line_and_field() {
    let env = Env::new();
    let deck = deck_with_source(&env, "\"no-such-article.txt\"");
    let err = env.fails(&["add-deck", deck.to_str().unwrap()]);
    assert!(err.contains("cc5.toml:"), "{err}");
    assert!(err.contains("field `text`"), "{err}");
    assert!(err.contains("no-such-article.txt"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let decks = env.ok(&["decks"]);
    assert!(!decks.contains("cc5-xian-2021"), "{decks}");
}

/// A deck handed to a student cannot make quiz store and show a file from elsewhere on their
/// machine: an absolute path, a way up out of the deck's folder, or a link leading out.
#[test]
fn a_source_text_outside_the_decks_folder_is_refused() {
    let env = Env::new();
    let secret = env.path("secret.txt");
    std::fs::write(&secret, "private").unwrap();
    for value in [
        format!("{:?}", secret.to_str().unwrap()),
        "\"../secret.txt\"".into(),
    ] {
        std::fs::create_dir_all(env.path("decks")).unwrap();
        let deck = deck_with_source(&env, &value);
        let moved = env.path("decks/cc5.toml");
        std::fs::rename(&deck, &moved).unwrap();
        let err = env.fails(&["add-deck", moved.to_str().unwrap()]);
        assert!(err.contains("field `text`"), "{err}");
        assert!(err.contains("deck's folder"), "{err}");
        let decks = env.ok(&["decks"]);
        assert!(!decks.contains("cc5-xian-2021"), "{decks}");
    }
}

#[cfg(unix)]
#[test]
fn the_terminal_browser_finds_opens_and_unsuspends_a_fact() {
    use expectrl::Expect;
    use std::time::Duration;
    let env = mini();
    env.ok(&["browse", "--id", "mini/areas", "--suspend"]);
    let mut cmd = env.quiz_std();
    cmd.env("TERM", "xterm").args(["browse"]);
    let mut p = expectrl::Session::spawn(cmd).unwrap();
    p.set_expect_timeout(Some(Duration::from_secs(30)));
    p.expect("find").unwrap();
    p.send("zhongewaizhang\r").unwrap();
    p.expect("found").unwrap();
    // The first match is selected: open it.
    std::thread::sleep(Duration::from_millis(300));
    p.send("\r").unwrap();
    p.expect("State: suspended").unwrap();
    p.expect("unsuspend").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    p.send("\r").unwrap();
    p.expect("Unsuspended").unwrap();
    // Reset asks first; no keeps the fact as it is.
    p.expect("action").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    p.send("\x1b[B").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    p.send("\r").unwrap();
    p.expect("Reset this fact?").unwrap();
    p.send("n").unwrap();
    p.expect("Nothing reset.").unwrap();
    // Esc: back to the list; q: done.
    p.expect("action").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    p.send("\x1b").unwrap();
    p.expect("found").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    p.send("q").unwrap();
    p.expect(expectrl::Eof).unwrap();
    assert_eq!(found(&env, &["--state", "suspended"]).len(), 0);
}

#[cfg(unix)]
#[test]
fn in_a_terminal_the_passage_marks_the_answer_bold_and_underlined() {
    use expectrl::Expect;
    use std::time::Duration;
    let env = Env::new();
    std::fs::copy(source_path(), env.path("article.txt")).unwrap();
    let deck = deck_with_source(&env, "\"article.txt\"");
    env.ok(&["add-deck", deck.to_str().unwrap()]);
    // 西安古称“长安”: the term's question, answered wrong.
    common::keep_only(&env.db(), &["cc5-xian-2021/term-changan/recall/term"]);
    let mut cmd = env.quiz_std();
    cmd.env("TERM", "xterm").arg("study");
    let mut p = expectrl::Session::spawn(cmd).unwrap();
    p.set_expect_timeout(Some(Duration::from_secs(30)));
    p.expect("answer").unwrap();
    p.send("洛阳\r").unwrap();
    p.expect("From the source (答一 L10): ").unwrap();
    let line = p.expect("\n").unwrap();
    let line = String::from_utf8_lossy(line.before()).into_owned();
    assert!(line.contains("西安古称"), "{line:?}");
    let at = line.find("长安").unwrap();
    let before = &line[..at];
    assert!(
        before.ends_with("\x1b[1m\x1b[4m") || before.ends_with("\x1b[4m\x1b[1m"),
        "{line:?}"
    );
    assert!(!line.contains('«'), "{line:?}");
    p.expect("continue").unwrap();
    p.send("\x03").unwrap();
    p.expect(expectrl::Eof).unwrap();
}

#[test]
fn a_source_text_written_in_the_deck_gives_the_passage_while_cramming_too() {
    let env = Env::new();
    let mini = common::fixture_text("mini.toml").replacen(
        "date = \"2021-05-19\"",
        "date = \"2021-05-19\"\ntext = \"\"\"\n导语。\n答:双方商定,一是支持国际抗疫合作;二是做大国和睦共处典范。\n\"\"\"",
        1,
    );
    let deck = env.write("mini.toml", &mini);
    env.ok(&["add-deck", deck.to_str().unwrap()]);
    let mut n = 0;
    let seen = common::study_answering(
        &env,
        1_772_442_000,
        &["--cram", "mini/areas", "--kind", "item_at"],
        |_| {
            n += 1;
            if n == 1 {
                "捍卫国际公平正义"
            } else {
                ":quit"
            }
            .into()
        },
    );
    let fb = seen
        .iter()
        .find(|v| v["verdict"] == "wrong")
        .unwrap_or_else(|| panic!("{seen:?}"));
    assert_eq!(fb["id"], "mini/areas/item_at/1");
    // The sentence, not the whole text; the item as the text words it.
    assert_eq!(
        fb["passage"],
        "答:双方商定,«一是支持国际抗疫合作»;二是做大国和睦共处典范。"
    );
}

#[cfg(unix)]
#[test]
fn cramming_in_a_terminal_asks_a_missed_fact_again_and_stores_nothing() {
    use expectrl::Expect;
    use std::time::Duration;
    let env = mini();
    let before = (memory(&env.db()), reviews(&env.db()));
    let mut cmd = env.quiz_std();
    cmd.env("TERM", "xterm")
        .args(["study", "--cram", "mini/areas", "--kind", "how_many"]);
    let mut p = expectrl::Session::spawn(cmd).unwrap();
    p.set_expect_timeout(Some(Duration::from_secs(30)));
    p.expect("round 1").unwrap();
    p.expect("answer").unwrap();
    p.send("五方面\r").unwrap();
    p.expect("wrong").unwrap();
    p.expect("continue").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    p.send("\r").unwrap();
    p.expect("1 missed: asked again").unwrap();
    p.expect("round 2").unwrap();
    p.expect("answer").unwrap();
    p.send("4\r").unwrap();
    p.expect("correct").unwrap();
    p.expect("continue").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    p.send("\r").unwrap();
    p.expect("Cram over: 1 fact, 2 answers, 0 right the first time, 1 missed (0 still missed)")
        .unwrap();
    p.expect(expectrl::Eof).unwrap();
    assert_eq!((memory(&env.db()), reviews(&env.db())), before);
}
