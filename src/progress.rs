//! A progress bar for long imports and exports.
//!
//! It appears on stderr only when stderr is a terminal and only once the work has run for a
//! second: quick jobs stay silent and scripts or pipes never see a bar (their stderr is for
//! errors). Callers report units of work with [`Progress::inc`]; the bar is cleared when the
//! value is dropped or [`Progress::finish`] is called, so the output that follows is unchanged.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a job runs before its bar is drawn.
const SHOW_AFTER: Duration = Duration::from_secs(1);

pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: bool,
    // Checking the clock on every unit of a 100,000-unit job would cost more than the work
    // itself in the fast exporters, so the clock is read every `CHECK_EVERY` units.
    since_check: u64,
}

const CHECK_EVERY: u64 = 256;

impl Progress {
    /// Whether a bar can be drawn at all (stderr is a terminal): a caller can then skip
    /// counting the units of work when it cannot.
    pub fn can_draw() -> bool {
        std::io::stderr().is_terminal()
    }

    /// A bar for `len` units of `label` ("questions", "cards"…); `len` 0 means unknown.
    pub fn new(len: u64, label: &str) -> Progress {
        let bar = Progress::can_draw().then(|| {
            let bar = if len > 0 {
                ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden())
            } else {
                ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
            };
            let template = if len > 0 {
                let eta = crate::t!("progress.eta");
                format!("{{bar:40}} {{pos}}/{{len}} {label} {eta}")
            } else {
                format!("{{spinner}} {{pos}} {label}")
            };
            if let Ok(style) = ProgressStyle::with_template(&template) {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            shown: false,
            since_check: 0,
        }
    }

    /// A bar that never draws, for library callers that have no terminal.
    pub fn hidden() -> Progress {
        Progress {
            bar: None,
            started: Instant::now(),
            shown: false,
            since_check: 0,
        }
    }

    pub fn inc(&mut self, n: u64) {
        let Some(bar) = &self.bar else { return };
        bar.inc(n);
        if self.shown {
            return;
        }
        self.since_check += n;
        if self.since_check >= CHECK_EVERY {
            self.since_check = 0;
            if self.started.elapsed() >= SHOW_AFTER {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                self.shown = true;
            }
        }
    }

    pub fn finish(self) {}
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
