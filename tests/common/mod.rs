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
