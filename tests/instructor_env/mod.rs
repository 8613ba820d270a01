//! What the instructor-feature tests (export, apkg, results) share: a temporary home with its
//! own database, and the real binary run in it with a scrubbed environment and a pinned clock.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// 2023-11-14T22:13:20Z.
pub const NOW: i64 = 1_700_000_000;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub struct Env {
    pub dir: TempDir,
    pub now: i64,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
            now: NOW,
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn db(&self) -> PathBuf {
        self.path("quiz.db")
    }

    /// `quiz` with only our variables set: HOME inside the temp dir, the database, the clock.
    pub fn quiz(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_quiz"));
        c.env_clear()
            .env("HOME", self.dir.path())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("QUIZ_DB", self.db())
            .env("QUIZ_NOW", self.now.to_string())
            .current_dir(self.dir.path());
        c
    }

    /// Runs `quiz ARGS`, asserts success, returns standard output.
    pub fn run(&self, args: &[&str]) -> String {
        let out = self.quiz().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "quiz {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs `quiz ARGS`, asserts failure, returns standard error.
    pub fn fail(&self, args: &[&str]) -> String {
        let out = self.quiz().args(args).output().unwrap();
        assert!(!out.status.success(), "quiz {args:?} should have failed");
        String::from_utf8(out.stderr).unwrap()
    }

    /// Adds tests/fixtures/mini.toml.
    pub fn add_mini(&self) {
        self.run(&["add-deck", fixture("mini.toml").to_str().unwrap()]);
    }

    /// The deck's questions as `quiz questions --json` gives them.
    pub fn questions(&self, deck: &str) -> Vec<serde_json::Value> {
        self.run(&["questions", deck, "--json"])
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    pub fn sql(&self, sql: &str) {
        let c = rusqlite::Connection::open(self.db()).unwrap();
        c.execute_batch(sql).unwrap();
    }

    /// Records one answer to a question as a study session would: a review row and the
    /// memory of its fact after it (Again lapses it). Panics if there is no such question.
    pub fn answer(&self, uid: &str, rating: i64, at: i64) {
        let c = rusqlite::Connection::open(self.db()).unwrap();
        let id: i64 = c
            .query_row("SELECT id FROM question WHERE deck_id || '/' || fact_id || '/' || kind || '/' || variant = ?1", [uid], |r| {
                r.get(0)
            })
            .unwrap_or_else(|_| panic!("no question {uid}"));
        let (stability, lapse) = if rating == 1 { (0.4, 1) } else { (4.0, 0) };
        c.execute(
            "INSERT INTO review (question_id, reviewed_at, rating, queue_before, elapsed_days,
                                 duration_ms, interval_days, due, before)
             VALUES (?1, ?2 * 1000, ?3, 0, 0, 4000, 1, ?2 + 86400, '{}')",
            rusqlite::params![id, at, rating],
        )
        .unwrap();
        c.execute(
            "UPDATE memory SET queue = 2, reps = reps + 1, lapses = lapses + ?2, stability = ?3,
                    difficulty = 5.0, last_review = ?4, due = ?4 + 86400, interval_days = 1
             WHERE (deck_id, fact_id) = (SELECT deck_id, fact_id FROM question WHERE id = ?1)",
            rusqlite::params![id, lapse, stability, at],
        )
        .unwrap();
    }
}
