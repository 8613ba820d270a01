//! What `quiz stats` computes: answers, time and true retention over recent days, the
//! forecast of reviews, facts per deck, meeting and list with their recall now, the hardest
//! facts, the streak and calendar, and exam readiness. docs/stats.md defines every figure.
//!
//! Pure computation over what [`Db::review_stats`] and [`Db::fact_stats`] read: the clock,
//! the UTC offset and the settings are passed in. Recall is the `fsrs` crate's
//! retrievability with the configured decay; readiness and the minutes a day an exam needs
//! come from the crate's simulator.

pub mod exam;
pub mod html;
pub mod text;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::db::{Db, FactStat, ReviewStat};
use crate::error::Result;
use crate::schedule::{self, Queue, Settings};

/// Days the calendar covers (26 weeks).
pub const CALENDAR_DAYS: i64 = 182;
/// Days the forecast covers, today first.
pub const FORECAST_DAYS: i64 = 30;
/// Facts listed as the hardest.
pub const HARDEST: usize = 10;
/// A fact is mature from this interval on (days), young below it, as in Anki.
pub const MATURE_DAYS: i64 = 21;

/// Where and when the statistics are taken.
pub struct Scope<'a> {
    /// Unix seconds.
    pub now: i64,
    /// The local UTC offset at an instant (the session uses the system time zone).
    pub offset_at: &'a dyn Fn(i64) -> i32,
    pub settings: &'a Settings,
    /// Only these decks; empty for all.
    pub decks: &'a [String],
}

impl Scope<'_> {
    /// The study day an instant belongs to.
    pub fn day(&self, t: i64) -> i64 {
        schedule::day_number(t, self.settings.rollover_hour, (self.offset_at)(t))
    }

    /// The instant study day `day` starts.
    pub fn day_start(&self, day: i64) -> i64 {
        let guess =
            schedule::day_start(day, self.settings.rollover_hour, (self.offset_at)(self.now));
        schedule::day_start(day, self.settings.rollover_hour, (self.offset_at)(guess))
    }

    /// The study day a fact is next due on (overdue facts: their due day, in the past).
    fn due_day(&self, f: &FactStat) -> i64 {
        match f.queue {
            Queue::Review => {
                schedule::due_day(f.due, self.settings.rollover_hour, (self.offset_at)(f.due))
            }
            _ => self.day(f.due),
        }
    }

    /// The probability of recalling `f` at `at` (unix seconds); `None` for a new fact.
    pub fn recall_at(&self, f: &FactStat, at: i64) -> Option<f64> {
        let card = schedule::CardState {
            stability: f.stability,
            difficulty: f.difficulty,
            last_review: f.last_review,
            ..schedule::CardState::new()
        };
        schedule::retrievability(&card, at, self.settings).map(f64::from)
    }
}

/// Everything `quiz stats` shows; also its `--json` form.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// The current study day, `YYYY-MM-DD`.
    pub today: String,
    pub rollover_hour: u8,
    pub desired_retention: f32,
    /// Today, the last 7 days and the last 30 days (today included).
    pub periods: Vec<Period>,
    /// Facts due per day, today (overdue included) first.
    pub forecast: Vec<DayCount>,
    pub decks: Vec<Group>,
    pub meetings: Vec<Group>,
    /// Every list fact (an enumeration the exam asks whole).
    pub lists: Vec<FactLine>,
    /// The facts forgotten most often (at least once), most lapses first.
    pub hardest: Vec<FactLine>,
    pub leeches: Vec<FactLine>,
    pub suspended: Vec<FactLine>,
    pub streak: Streak,
    /// Answers per study day over the last [`CALENDAR_DAYS`], oldest first.
    pub calendar: Vec<CalendarDay>,
    /// One entry per exam date ahead that applies to the decks shown.
    pub exams: Vec<exam::ExamReport>,
}

/// Answers over a span of study days ending today.
#[derive(Debug, Clone, Serialize)]
pub struct Period {
    /// `today`, `7 days`, `30 days`.
    pub label: &'static str,
    pub days: i64,
    /// The first study day counted, `YYYY-MM-DD`.
    pub from: String,
    pub answers: u32,
    /// Time spent answering, in seconds.
    pub seconds: u64,
    /// Facts answered for the first time.
    pub new_facts: u32,
    pub retention: Retention,
}

/// Anki's "true retention": answers to facts in review, passed (not Again) of all.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Retention {
    /// Facts whose interval was under [`MATURE_DAYS`].
    pub young: Passed,
    pub mature: Passed,
    pub total: Passed,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Passed {
    pub passed: u32,
    pub reviews: u32,
    /// `passed / reviews`; `None` without reviews.
    pub rate: Option<f64>,
}

impl Passed {
    fn add(&mut self, passed: bool) {
        self.reviews += 1;
        self.passed += u32::from(passed);
        self.rate = Some(f64::from(self.passed) / f64::from(self.reviews));
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DayCount {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub count: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct CalendarDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub answers: u32,
    pub seconds: u64,
}

/// Facts of one deck or meeting.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// The deck id, or the meeting's name.
    pub id: String,
    /// The deck's title ('' for a meeting).
    pub title: String,
    /// The deck a meeting belongs to ('' for a deck).
    pub deck: String,
    pub facts: u32,
    pub new: u32,
    pub learning: u32,
    pub known: u32,
    pub suspended: u32,
    pub leeches: u32,
    /// Mean probability of recall now over the facts studied and not suspended.
    pub mean_recall: Option<f64>,
}

/// One fact, for the lists of a report.
#[derive(Debug, Clone, Serialize)]
pub struct FactLine {
    pub deck: String,
    pub fact: String,
    pub kind: String,
    pub label: String,
    pub meeting: String,
    /// `new`, `learning` or `known`.
    pub state: &'static str,
    /// Probability of recall now; `None` for a new fact.
    pub recall: Option<f64>,
    pub reps: i64,
    pub lapses: i64,
    pub leech: bool,
    pub suspended: bool,
    /// The study day it is next due, `YYYY-MM-DD` (`None` for a new fact).
    pub due: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Streak {
    /// Study days in a row with an answer, up to today (or up to yesterday while today has
    /// none yet).
    pub current: u32,
    pub longest: u32,
    /// Study days with at least one answer, ever.
    pub days_studied: u32,
}

/// `new`, `learning` or `known` (in review).
pub fn state_word(q: Queue) -> &'static str {
    match q {
        Queue::New => "new",
        Queue::Learning | Queue::Relearning => "learning",
        Queue::Review => "known",
    }
}

/// Computes the statistics of `scope` from the database.
pub fn compute(db: &Db, scope: &Scope) -> Result<Stats> {
    let reviews = db.review_stats(scope.decks, 0)?;
    let mut facts = db.fact_stats(scope.decks)?;
    name_meetings(db, &mut facts)?;
    Ok(from_rows(scope, &reviews, &facts))
}

/// Gives each fact the meeting its deck file assigns it (`context = …`). The questions'
/// own label, read by [`Db::fact_stats`], stays for a fact without one: it may name a
/// document or a sub-topic rather than the meeting.
fn name_meetings(db: &Db, facts: &mut [FactStat]) -> Result<()> {
    let mut deck = String::new();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for f in facts.iter_mut() {
        if f.deck != deck {
            deck.clone_from(&f.deck);
            names.clear();
            // A deck file that no longer parses (written by another version) only loses
            // this refinement.
            if let Some(file) = crate::deck::read_stored(&db.deck_toml(&deck)?) {
                let contexts: BTreeMap<&str, &str> = file
                    .contexts
                    .iter()
                    .map(|c| (c.id.get_ref().as_str(), c.name.as_str()))
                    .collect();
                for fact in crate::generate::facts(&file) {
                    if let Some(name) = fact
                        .context()
                        .and_then(|c| contexts.get(c.get_ref().as_str()))
                    {
                        names.insert(fact.id().get_ref().clone(), (*name).to_owned());
                    }
                }
            }
        }
        if let Some(name) = names.get(&f.fact) {
            f.meeting.clone_from(name);
        }
    }
    Ok(())
}

/// Computes the statistics from the rows read (the pure part, for tests).
pub fn from_rows(scope: &Scope, reviews: &[ReviewStat], facts: &[FactStat]) -> Stats {
    let s = scope.settings;
    let today = scope.day(scope.now);
    let periods = [("today", 1), ("7 days", 7), ("30 days", 30)]
        .map(|(label, days)| period(scope, reviews, today, label, days))
        .to_vec();

    // Per study day: answers and seconds, over the whole log (streaks need all of it).
    let mut by_day: BTreeMap<i64, (u32, u64)> = BTreeMap::new();
    for r in reviews {
        let e = by_day
            .entry(scope.day(r.reviewed_at_ms.div_euclid(1000)))
            .or_default();
        e.0 += 1;
        e.1 += seconds(r.duration_ms);
    }
    let calendar = (today - CALENDAR_DAYS + 1..=today)
        .map(|d| {
            let (answers, seconds) = by_day.get(&d).copied().unwrap_or_default();
            CalendarDay {
                date: crate::clock::civil_date(d),
                answers,
                seconds,
            }
        })
        .collect();

    let mut forecast = vec![0u32; FORECAST_DAYS as usize];
    for f in facts {
        if f.suspended || f.queue == Queue::New {
            continue;
        }
        let i = (scope.due_day(f) - today).max(0);
        if let Some(n) = forecast.get_mut(i as usize) {
            *n += 1;
        }
    }
    let forecast = forecast
        .into_iter()
        .enumerate()
        .map(|(i, count)| DayCount {
            date: crate::clock::civil_date(today + i as i64),
            count,
        })
        .collect();

    let line = |f: &FactStat| FactLine {
        deck: f.deck.clone(),
        fact: f.fact.clone(),
        kind: f.kind.clone(),
        label: f.label.clone(),
        meeting: f.meeting.clone(),
        state: state_word(f.queue),
        recall: scope.recall_at(f, scope.now),
        reps: f.reps,
        lapses: f.lapses,
        leech: f.leech,
        suspended: f.suspended,
        due: (f.queue != Queue::New).then(|| crate::clock::civil_date(scope.due_day(f))),
    };
    let mut hardest: Vec<&FactStat> = facts.iter().filter(|f| f.lapses > 0).collect();
    // Stable: among equals, the order facts were introduced in.
    hardest.sort_by_key(|f| std::cmp::Reverse(f.lapses));
    hardest.truncate(HARDEST);

    Stats {
        today: crate::clock::civil_date(today),
        rollover_hour: s.rollover_hour,
        desired_retention: s.desired_retention,
        periods,
        forecast,
        decks: groups(scope, facts, |f| {
            (f.deck.clone(), f.deck_title.clone(), String::new())
        }),
        meetings: groups(scope, facts, |f| {
            (f.meeting.clone(), String::new(), f.deck.clone())
        }),
        lists: facts
            .iter()
            .filter(|f| f.kind == "list")
            .map(line)
            .collect(),
        hardest: hardest.into_iter().map(line).collect(),
        leeches: facts.iter().filter(|f| f.leech).map(line).collect(),
        suspended: facts.iter().filter(|f| f.suspended).map(line).collect(),
        streak: streak(&by_day, today),
        calendar,
        exams: exam::reports(scope, reviews, facts),
    }
}

/// Whole seconds of an answer's duration (negative durations, from a clock set back, count 0).
fn seconds(ms: i64) -> u64 {
    u64::try_from(ms.max(0) / 1000).unwrap_or(0)
}

fn period(
    scope: &Scope,
    reviews: &[ReviewStat],
    today: i64,
    label: &'static str,
    days: i64,
) -> Period {
    let first = today - days + 1;
    let since_ms = scope.day_start(first) * 1000;
    let mut p = Period {
        label,
        days,
        from: crate::clock::civil_date(first),
        answers: 0,
        seconds: 0,
        new_facts: 0,
        retention: Retention::default(),
    };
    for r in reviews.iter().filter(|r| r.reviewed_at_ms >= since_ms) {
        p.answers += 1;
        p.seconds += seconds(r.duration_ms);
        if r.queue_before == Queue::New.as_i64() {
            p.new_facts += 1;
        }
        if r.queue_before == Queue::Review.as_i64() && r.rating != 0 {
            let passed = r.rating > 1;
            if r.interval_before.unwrap_or(0) >= MATURE_DAYS {
                p.retention.mature.add(passed);
            } else {
                p.retention.young.add(passed);
            }
            p.retention.total.add(passed);
        }
    }
    p
}

/// Facts grouped by `key` (id, title, deck), in the order groups first appear.
fn groups(
    scope: &Scope,
    facts: &[FactStat],
    key: impl Fn(&FactStat) -> (String, String, String),
) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut index: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut recall_sums: Vec<(f64, u32)> = Vec::new();
    for f in facts {
        let (id, title, deck) = key(f);
        let i = *index.entry((deck.clone(), id.clone())).or_insert_with(|| {
            out.push(Group {
                id,
                title,
                deck,
                facts: 0,
                new: 0,
                learning: 0,
                known: 0,
                suspended: 0,
                leeches: 0,
                mean_recall: None,
            });
            recall_sums.push((0.0, 0));
            out.len() - 1
        });
        let g = &mut out[i];
        g.facts += 1;
        g.leeches += u32::from(f.leech);
        if f.suspended {
            g.suspended += 1;
            continue;
        }
        match f.queue {
            Queue::New => g.new += 1,
            Queue::Learning | Queue::Relearning => g.learning += 1,
            Queue::Review => g.known += 1,
        }
        if let Some(r) = scope.recall_at(f, scope.now) {
            recall_sums[i].0 += r;
            recall_sums[i].1 += 1;
        }
    }
    for (g, (sum, n)) in out.iter_mut().zip(recall_sums) {
        g.mean_recall = (n > 0).then(|| sum / f64::from(n));
    }
    out
}

fn streak(by_day: &BTreeMap<i64, (u32, u64)>, today: i64) -> Streak {
    let mut longest = 0;
    let mut run = 0;
    let mut prev = None;
    for &d in by_day.keys() {
        run = if prev == Some(d - 1) { run + 1 } else { 1 };
        longest = longest.max(run);
        prev = Some(d);
    }
    let studied = |d: i64| by_day.contains_key(&d);
    let mut day = if studied(today) { today } else { today - 1 };
    let mut current = 0;
    while studied(day) {
        current += 1;
        day -= 1;
    }
    Streak {
        current,
        longest,
        days_studied: u32::try_from(by_day.len()).unwrap_or(u32::MAX),
    }
}

/// A message template with its `{name}` placeholders filled, for the views' composed lines.
fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut s = template.to_owned();
    for (k, v) in args {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}
