//! A hermetic environment for running the real binary: its own temp dir, database, home and
//! clock, and nothing inherited from the developer's environment.
#![allow(dead_code)]

pub mod apkg;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

pub struct Env {
    // Kept alive for the whole test: dropping it deletes the directory.
    pub dir: TempDir,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("tmp")).unwrap();
        Env { dir }
    }

    /// The temporary directory (`TMPDIR`) the binary is given: it must be left empty.
    pub fn tmp(&self) -> PathBuf {
        self.dir.path().join("tmp")
    }

    /// Asserts that nothing was left in [`Env::tmp`].
    pub fn assert_tmp_empty(&self, what: &str) {
        let left: Vec<_> = std::fs::read_dir(self.tmp())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(left.is_empty(), "{what} left in the temp dir: {left:?}");
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("quiz.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    /// The binary with a clean environment, a pinned clock and this env's database.
    pub fn quiz(&self) -> Command {
        let mut c = Command::cargo_bin("quiz").unwrap();
        c.env_clear()
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("QUIZ_DB", self.db())
            .env("QUIZ_NOW", "2026-03-02T09:00:00Z")
            .env("QUIZ_SEED", "7")
            .env("TZ", "UTC")
            .env("TMPDIR", self.tmp())
            .current_dir(self.dir.path());
        c
    }

    /// The same as [`Env::quiz`], as a plain `std::process::Command` (for spawning with pipes
    /// or a pty).
    pub fn quiz_std(&self) -> std::process::Command {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("quiz"));
        c.env_clear()
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("QUIZ_DB", self.db())
            .env("QUIZ_NOW", "2026-03-02T09:00:00Z")
            .env("QUIZ_SEED", "7")
            .env("TZ", "UTC")
            .env("TMPDIR", self.tmp())
            .current_dir(self.dir.path());
        c
    }

    /// Runs and returns stdout, asserting success.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.quiz().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "quiz {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs and returns stderr, asserting failure.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.quiz().args(args).output().unwrap();
        assert!(!out.status.success(), "quiz {args:?} should have failed");
        String::from_utf8(out.stderr).unwrap()
    }
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

/// Leaves only the questions `uids` current: every other question is retired (as if gone
/// from its deck), and a fact with none of them is not studied. A session then asks exactly
/// these questions, one fact each.
pub fn keep_only(db: &Path, uids: &[&str]) {
    let c = rusqlite::Connection::open(db).unwrap();
    c.execute(
        "UPDATE question SET retired = (deck_id || '/' || fact_id || '/' || kind || '/' || variant
             NOT IN (SELECT value FROM json_each(?1)))",
        [serde_json::to_string(uids).unwrap()],
    )
    .unwrap();
    c.execute(
        "UPDATE memory SET active = EXISTS(SELECT 1 FROM question q
             WHERE q.deck_id = memory.deck_id AND q.fact_id = memory.fact_id AND q.retired = 0)",
        [],
    )
    .unwrap();
}

/// Every current question of `deck` as `quiz questions --json` prints it, by id.
pub fn questions_by_id(
    env: &Env,
    deck: &str,
) -> std::collections::HashMap<String, serde_json::Value> {
    env.ok(&["questions", deck, "--json"])
        .lines()
        .map(|l| {
            let q: serde_json::Value = serde_json::from_str(l).unwrap();
            (q["uid"].as_str().unwrap().to_owned(), q)
        })
        .collect()
}

/// The right answer to question `q` (from `quiz questions --json`) as a script types it,
/// given the options in the order this showing lists them.
pub fn right_answer(q: &serde_json::Value, shown: &[serde_json::Value]) -> String {
    let a = &q["answer"];
    let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
    match a["type"].as_str().unwrap() {
        "choice" => s(&a["options"][a["correct"].as_u64().unwrap() as usize]),
        "true_false" => if a["value"].as_bool().unwrap() {
            "true"
        } else {
            "false"
        }
        .into(),
        "text" => s(&a["accepted"][0]),
        "number" => {
            let v = a["value"].as_f64().unwrap();
            if v.fract() == 0.0 {
                format!("{}", v as i64)
            } else {
                v.to_string()
            }
        }
        "date" => s(&a["date"]),
        "list" => a["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|forms| s(&forms[0]))
            .collect::<Vec<_>>()
            .join("；"),
        "order" => {
            let listed = a["shown"].as_array().unwrap();
            a["correct"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| {
                    let item = &listed[i.as_u64().unwrap() as usize];
                    let at = shown.iter().position(|o| o == item).unwrap();
                    (b'A' + at as u8) as char
                })
                .collect()
        }
        "reveal" => "good".into(),
        t => panic!("unknown answer type {t}"),
    }
}

/// Runs `quiz study --json` at `now` (unix seconds), answering each question with
/// `answer(question event)`, until the session ends; every JSON line it printed.
pub fn study_answering(
    env: &Env,
    now: i64,
    args: &[&str],
    mut answer: impl FnMut(&serde_json::Value) -> String,
) -> Vec<serde_json::Value> {
    use std::io::{BufRead, BufReader, Write};
    let mut child = env
        .quiz_std()
        .env("QUIZ_NOW", now.to_string())
        .args(["study", "--json"])
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut seen = Vec::new();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        if v["event"] == "question" {
            writeln!(stdin, "{}", answer(&v)).unwrap();
            stdin.flush().unwrap();
        }
        let end = v["event"] == "summary";
        seen.push(v);
        if end {
            break;
        }
    }
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    seen
}
