//! A study session: pick the next question, ask it, grade it, schedule it, store it, say
//! when it comes back. Independent of the terminal: questions are asked through a
//! [`Prompter`] and everything else is written to `out`.
//!
//! Every answer is stored in its own transaction before the feedback is shown, so a killed
//! process loses nothing answered.

pub mod cram;
pub mod grading;
pub mod ladder;
pub mod passage;
pub mod prompt;

use std::collections::HashMap;
use std::io::Write;
use std::time::Instant;

use rand::seq::SliceRandom;
use serde_json::json;

use crate::db::{
    AnswerRecord, Db, MemoryRow, NextQuery, StudyFact, TodayCounts, WAITING_CAP, Waiting,
};
use crate::error::{Error, Result};
use crate::question::{Answer, Question};
use crate::schedule::{self, FuzzFactor, Queue, Rating, Settings};
use crate::{t, tn};
use grading::{Grader, Verdict};
use ladder::Rung;
pub use prompt::{Ask, Command, LinePrompter, Prompter, Reply, TerminalPrompter};

/// Learning facts due within this many seconds are shown early when nothing else is left,
/// as Anki's default "learn ahead limit".
pub const LEARN_AHEAD_SECS: i64 = 20 * 60;

pub struct Options {
    /// Only these decks; empty for all.
    pub decks: Vec<String>,
    /// Stop after this many answers.
    pub limit: Option<u32>,
    /// One JSON object per question instead of text.
    pub json: bool,
}

/// The session's clock: the start instant, advanced by real elapsed time unless fixed
/// (`QUIZ_NOW` given: then it stands still, so scripted runs are deterministic).
pub struct Clock {
    start: i64,
    started: Instant,
    fixed: bool,
}

impl Clock {
    pub fn new(start: i64, fixed: bool) -> Clock {
        Clock {
            start,
            started: Instant::now(),
            fixed,
        }
    }

    pub fn now(&self) -> i64 {
        if self.fixed {
            self.start
        } else {
            self.start + self.started.elapsed().as_secs() as i64
        }
    }
}

/// The end-of-session summary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub answered: u32,
    /// Answers right or accepted (almost), and self-ratings Hard or better.
    pub correct: u32,
    pub new_learned: u32,
    pub seconds: u64,
    /// What tomorrow's session will show from the schedule: reviews (up to the daily limit)
    /// and facts still in their learning steps. New facts come on top.
    pub due_tomorrow: i64,
}

/// A fact on screen: its memory as read, and the question asked about it.
#[derive(Debug, Clone)]
struct Shown {
    fact: StudyFact,
    question_id: i64,
    /// The question as shown (its options in this showing's order).
    question: Question,
    rung: Rung,
    /// The rungs the fact has questions for, lowest first.
    rungs: Vec<Rung>,
    /// A learning fact shown before it was due (nothing else left): seconds early.
    early: i64,
}

impl Shown {
    /// The highest rung the fact has: where it stops climbing.
    fn top(&self) -> Rung {
        self.rungs.last().copied().unwrap_or(Rung::Recognition)
    }
}

/// One answer of this session, for undo, overruling and the summary.
struct Done {
    review_id: i64,
    shown: Shown,
    rating: Rating,
    fuzz: FuzzFactor,
    now: i64,
    duration_ms: i64,
    given: Option<String>,
    verdict: Option<Verdict>,
    step: Option<String>,
    overridden: bool,
    /// The fact's memory after the answer, and whether the answer made it a leech.
    after: MemoryRow,
    became_leech: bool,
}

impl Done {
    /// Counted as right in "% correct": right or accepted, or self-rated Hard or better.
    fn passed(&self) -> bool {
        match self.verdict {
            Some(v) => v != Verdict::Wrong,
            None => self.rating >= Rating::Hard,
        }
    }
}

/// A fact to show next, and the question to ask it with (else the ladder's choice): after
/// undo, or a command typed at a question.
type Redo = (i64, Option<i64>);

/// What undo takes back, newest last.
enum Action {
    Answer(Box<Done>),
    Bury { fact: i64, before: i64 },
    Suspend { fact: i64 },
}

/// The outcome of asking one question.
struct Graded {
    rating: Option<Rating>,
    given: Option<String>,
    verdict: Option<Verdict>,
    step: Option<String>,
    /// Extra feedback lines (missing list items, …).
    notes: Vec<String>,
}

enum Asked {
    Graded(Graded),
    Command(Command),
}

pub struct Session<'a> {
    db: &'a mut Db,
    prompter: &'a mut dyn Prompter,
    out: &'a mut dyn Write,
    opts: Options,
    clock: Clock,
    settings: Settings,
    utc_offset: i32,
    rng: &'a mut dyn rand::RngCore,
    /// Built at the first typed answer, not at start: loading the character tables costs
    /// milliseconds that the first question should not wait for.
    grader: Option<Grader>,
    /// Facts left today, counted when the next one is picked.
    left: i64,
    /// Learning facts that entered (+) or left (−) the learn-ahead window through this
    /// session's answers since `waiting` was counted: the count stays exact without a query
    /// per answer.
    learning_delta: i64,
    /// The reviews and new facts waiting when the study day's first question was picked.
    waiting: Option<Waiting>,
    /// The study day's start, the answers given that day before this session, and new facts
    /// introduced that day per deck (this session's included).
    before_session: Option<(i64, TodayCounts)>,
    new_by_deck: HashMap<String, u32>,
    /// The decks studied, as named or in the order they were added: read once per session.
    deck_order: Vec<String>,
    /// Facts an exam date brings forward today, most at risk first: read once per study day.
    exam_first: Vec<i64>,
    actions: Vec<Action>,
    /// Facts skipped in this session.
    skipped: Vec<i64>,
    /// The fact and question shown last: not shown twice in a row.
    last: Option<(i64, i64)>,
    /// Show this fact (and question) next: after undo, or a command typed at a question.
    redo: Option<Redo>,
}

/// Writes text for the student. Deck text is untrusted: control characters and escape
/// sequences never reach the terminal.
fn w(out: &mut dyn Write, text: &str) -> Result<()> {
    prompt::emit(out, &crate::term::clean(text)).map_err(|e| Error::io("stdout", e))
}

/// Writes one JSON line for a script, with characters a terminal would act on escaped (the
/// values are unchanged).
fn wj(out: &mut dyn Write, j: &serde_json::Value) -> Result<()> {
    let line = format!("{j}\n");
    prompt::emit(out, &crate::term::json(&line)).map_err(|e| Error::io("stdout", e))
}

impl<'a> Session<'a> {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        db: &'a mut Db,
        prompter: &'a mut dyn Prompter,
        out: &'a mut dyn Write,
        opts: Options,
        clock: Clock,
        utc_offset: i32,
        rng: &'a mut dyn rand::RngCore,
    ) -> Result<Session<'a>> {
        let settings = db.load_settings()?;
        settings
            .validate()
            .map_err(|e| Error::Other(t!("error.stored_setting", reason = e)))?;
        Ok(Session {
            db,
            prompter,
            out,
            opts,
            clock,
            settings,
            utc_offset,
            rng,
            grader: None,
            left: 0,
            learning_delta: 0,
            waiting: None,
            before_session: None,
            new_by_deck: HashMap::new(),
            deck_order: Vec::new(),
            exam_first: Vec::new(),
            actions: Vec::new(),
            skipped: Vec::new(),
            last: None,
            redo: None,
        })
    }

    /// The grader: the built-in aliases and every deck's own, and what the decks say beyond
    /// each question's accepted answers.
    fn grader(&mut self) -> Result<&Grader> {
        if self.grader.is_none() {
            self.grader = Some(Grader::load(self.db)?);
        }
        Ok(self.grader.as_ref().expect("just built"))
    }

    fn day(&self, now: i64) -> i64 {
        schedule::day_number(now, self.settings.rollover_hour, self.utc_offset)
    }

    fn day_start(&self, day: i64) -> i64 {
        schedule::day_start(day, self.settings.rollover_hour, self.utc_offset)
    }

    fn answers(&self) -> impl Iterator<Item = &Done> {
        self.actions.iter().filter_map(|a| match a {
            Action::Answer(d) => Some(&**d),
            _ => None,
        })
    }

    /// Answers of this session since `since` (unix seconds) to facts that were in `queue`.
    fn answered(&self, queue: Queue, since: i64) -> u32 {
        self.answers()
            .filter(|d| d.shown.fact.row.state.queue == queue && d.now >= since)
            .count() as u32
    }

    /// Decks to take the next new fact from, in order: with `new_order = interleave` (the
    /// default) the deck that introduced the fewest new facts today first, so every deck
    /// starts on day one; with `deck`, in the order decks were named or added.
    fn new_from(&self) -> Vec<String> {
        let mut decks = self.deck_order.clone();
        if self.settings.new_order == schedule::NewOrder::Interleave {
            // Stable: decks with as many new facts today keep their order.
            decks.sort_by_key(|d| self.new_by_deck.get(d).copied().unwrap_or(0));
        }
        decks
    }

    fn next(&mut self, now: i64) -> Result<Option<Shown>> {
        let day_start = self.day_start(self.day(now));
        // Answers given today before this session are read once per study day; this
        // session's own are counted from `actions`, with no query per question.
        if self.before_session.is_none_or(|(d, _)| d != day_start) {
            let earlier = self.db.answered_today(day_start)?;
            let earlier = TodayCounts {
                new: earlier
                    .new
                    .saturating_sub(self.answered(Queue::New, day_start)),
                reviews: earlier
                    .reviews
                    .saturating_sub(self.answered(Queue::Review, day_start)),
            };
            self.before_session = Some((day_start, earlier));
            self.new_by_deck = self.db.new_today_by_deck(day_start)?;
            self.exam_first = crate::stats::exam::priority(
                self.db,
                &self.settings,
                &self.opts.decks,
                now,
                self.utc_offset,
            )?;
            self.waiting = None;
        }
        let (_, earlier) = self.before_session.expect("just set");
        let today = TodayCounts {
            new: earlier.new + self.answered(Queue::New, day_start),
            reviews: earlier.reviews + self.answered(Queue::Review, day_start),
        };
        let new_from = if today.new < self.settings.new_per_day {
            self.new_from()
        } else {
            Vec::new()
        };
        let skipped = self.skipped.clone();
        // Not the fact just shown, while another is waiting.
        let last_fact = self.last.map(|(f, _)| f);
        let mut not_last = skipped.clone();
        not_last.extend(last_fact);
        let q = NextQuery {
            now,
            learn_ahead_until: now + LEARN_AHEAD_SECS,
            reviews_before: schedule::reviews_due_before(
                now,
                self.settings.rollover_hour,
                self.utc_offset,
            ),
            decks: &self.opts.decks,
            exclude: &skipped,
            reviews_allowed: today.reviews < self.settings.reviews_per_day,
            new_from: &new_from,
            exam_first: &self.exam_first,
        };
        // Reviews and new facts waiting are counted at the study day's first question (up to
        // the daily limits); then each answer takes one off. Learning facts change with
        // every answer and are counted each time (few, and capped).
        let answered_reviews = i64::from(self.answered(Queue::Review, day_start));
        let answered_new = i64::from(self.answered(Queue::New, day_start));
        let w = match self.waiting {
            // Counted afresh (at the day's first question, or after a skip, bury or suspend):
            // what is waiting now plus what this session already answered today, so that
            // taking the answers off below gives what is left.
            None => {
                let most = Waiting {
                    learning: WAITING_CAP,
                    reviews: i64::from(self.settings.reviews_per_day.saturating_sub(today.reviews)),
                    new: i64::from(self.settings.new_per_day.saturating_sub(today.new)),
                };
                let w = self.db.waiting_today(&q, most)?;
                Waiting {
                    reviews: w.reviews + answered_reviews,
                    new: w.new + answered_new,
                    ..w
                }
            }
            Some(start) => Waiting {
                learning: (start.learning + self.learning_delta).max(0),
                ..start
            },
        };
        if self.waiting.is_none() {
            self.learning_delta = 0;
        }
        let start = *self.waiting.get_or_insert(w);
        self.left = w.learning
            + (start.reviews - answered_reviews).max(0)
            + (start.new - answered_new).max(0);

        let (fact, question) = match self.redo.take() {
            Some((fact, question)) => (Some(self.db.study_fact(fact)?), question),
            None => {
                let mut fact = self.db.next_fact(&NextQuery {
                    exclude: &not_last,
                    ..q.clone()
                })?;
                if fact.is_none() && last_fact.is_some() {
                    fact = self.db.next_fact(&q)?;
                }
                (fact, None)
            }
        };
        let Some(fact) = fact else {
            return Ok(None);
        };
        self.shown(fact, question, now).map(Some)
    }

    /// The question to ask about `fact` (`question` when given, else the ladder's choice),
    /// with its options in a fresh order.
    fn shown(&mut self, fact: StudyFact, question: Option<i64>, now: i64) -> Result<Shown> {
        let variants = self.db.variants(fact.id)?;
        let rungs = ladder::rungs(&variants);
        let avoid = self.last.filter(|(f, _)| *f == fact.id).map(|(_, q)| q);
        let picked = match question.and_then(|q| variants.iter().position(|v| v.question_id == q)) {
            Some(i) => Some((i, ladder::rung_of(variants[i].kind))),
            None => ladder::choose(&variants, Rung::from_u8(fact.row.rung), avoid),
        };
        let Some((i, rung)) = picked else {
            return Err(Error::Other(t!(
                "error.no_current_question",
                deck = fact.deck,
                fact = fact.fact
            )));
        };
        let question_id = variants[i].question_id;
        let mut question = self.db.question(question_id)?;
        shuffle(&mut question.answer, &mut self.rng);
        let s = &fact.row.state;
        let early = if matches!(s.queue, Queue::Learning | Queue::Relearning) {
            (s.due - now).max(0)
        } else {
            0
        };
        Ok(Shown {
            fact,
            question_id,
            question,
            rung,
            rungs,
            early,
        })
    }

    /// Runs the session to the end (nothing left, the limit, `:quit`, Ctrl-C, end of input).
    pub fn run(mut self) -> Result<Summary> {
        let started = Instant::now();
        // Scripts read JSON: its messages stay English whatever the interface language.
        let _english = self.opts.json.then(crate::i18n::english_here);
        for d in &self.opts.decks {
            if !self.db.deck_exists(d)? {
                return Err(Error::UnknownDeck(d.clone()));
            }
        }
        self.deck_order = if self.opts.decks.is_empty() {
            self.db.deck_ids()?
        } else {
            self.opts.decks.clone()
        };
        loop {
            if self
                .opts
                .limit
                .is_some_and(|l| self.answers().count() as u32 >= l)
            {
                break;
            }
            let now = self.clock.now();
            let Some(shown) = self.next(now)? else {
                if !self.opts.json {
                    w(self.out, &format!("{}\n", t!("session.nothing_left")))?;
                }
                break;
            };
            self.last = Some((shown.fact.id, shown.question_id));
            let started_at = Instant::now();
            let fuzz = FuzzFactor::draw(&mut self.rng);
            self.show(&shown)?;
            let g = match self.ask(&shown)? {
                Asked::Command(Command::Quit) => break,
                Asked::Command(c) => {
                    self.command(c, Some(&shown))?;
                    continue;
                }
                Asked::Graded(g) => g,
            };
            let now = self.clock.now();
            let rating = g.rating.unwrap_or_else(|| {
                ladder::rating(
                    g.verdict.unwrap_or(Verdict::Wrong),
                    shown.rung,
                    shown.fact.row.state.queue,
                )
            });
            let done = Done {
                review_id: 0,
                after: shown.fact.row.clone(),
                became_leech: false,
                shown,
                rating,
                fuzz,
                now,
                duration_ms: started_at.elapsed().as_millis() as i64,
                given: g.given,
                verdict: g.verdict,
                step: g.step,
                overridden: false,
            };
            let Some(done) = self.store(done, None)? else {
                let msg = t!("session.conflict");
                self.invalid(&msg)?;
                continue;
            };
            self.feedback(&done, &g.notes)?;
            let can_overrule = overrulable(&done);
            if done.shown.fact.row.state.queue == Queue::New {
                *self
                    .new_by_deck
                    .entry(done.shown.fact.deck.clone())
                    .or_default() += 1;
            }
            self.actions.push(Action::Answer(Box::new(done)));
            let reply = self
                .prompter
                .ask(&Ask::Continue { can_overrule })
                .map_err(|e| Error::io("terminal", e))?;
            match reply {
                Reply::Command(Command::Quit) => break,
                Reply::Command(c @ (Command::Right | Command::Undo)) => self.command(c, None)?,
                _ => {}
            }
        }
        let s = self.summary(started)?;
        if self.opts.json {
            let j = json!({"event": "summary", "answered": s.answered, "correct": s.correct,
                "new_learned": s.new_learned, "seconds": s.seconds, "due_tomorrow": s.due_tomorrow});
            wj(self.out, &j)?;
        } else {
            let pct = (s.correct * 100).checked_div(s.answered).unwrap_or(0);
            w(
                self.out,
                &format!(
                    "{}\n",
                    t!(
                        "session.over",
                        answered = s.answered,
                        correct = s.correct,
                        pct = pct,
                        new = tn!("session.new_facts", s.new_learned),
                        time = duration_text(s.seconds),
                        due = tn!("session.facts", s.due_tomorrow)
                    )
                ),
            )?;
        }
        Ok(s)
    }

    fn summary(&self, started: Instant) -> Result<Summary> {
        let now = self.clock.now();
        let tomorrow = self.day_start(self.day(now) + 1);
        let before =
            schedule::reviews_due_before(tomorrow, self.settings.rollover_hour, self.utc_offset);
        let (reviews, learning) = self.db.scheduled_before(before, &self.opts.decks)?;
        Ok(Summary {
            answered: self.answers().count() as u32,
            correct: self.answers().filter(|d| d.passed()).count() as u32,
            new_learned: self
                .answers()
                .filter(|d| d.shown.fact.row.state.queue == Queue::New)
                .count() as u32,
            seconds: started.elapsed().as_secs(),
            due_tomorrow: reviews.min(i64::from(self.settings.reviews_per_day)) + learning,
        })
    }

    /// Stores an answer (or, with `replace`, the overruling of an earlier one): schedules
    /// the fact, moves it on the ladder, and keeps it close while it has rungs to climb.
    /// `None` when another session changed the fact since it was shown.
    fn store(&mut self, mut d: Done, replace: Option<i64>) -> Result<Option<Done>> {
        let before = &d.shown.fact.row;
        let answered = schedule::answer_with_fuzz(
            &before.state,
            d.rating,
            d.now,
            &self.settings,
            self.utc_offset,
            d.fuzz,
        )
        .map_err(|e| Error::Other(e.to_string()))?;
        let passed = d.rating >= Rating::Hard;
        let mut state = answered.card;
        if passed
            && d.shown.rung < d.shown.top()
            && state.queue == Queue::Review
            && state.interval_days > ladder::CLIMB_DAYS
        {
            state.interval_days = ladder::CLIMB_DAYS;
            state.due = self.day_start(self.day(d.now) + i64::from(ladder::CLIMB_DAYS));
        }
        let after = MemoryRow {
            state,
            rung: ladder::next_rung(d.shown.rung, passed, &d.shown.rungs).as_u8(),
            suspended: before.suspended || answered.became_leech,
            buried_until: before.buried_until,
            leech: before.leech || answered.became_leech,
        };
        let verdict = d.verdict.map(Verdict::as_str);
        let rec = AnswerRecord {
            memory_id: d.shown.fact.id,
            question_id: d.shown.question_id,
            rung: d.shown.rung.as_u8(),
            reviewed_at_ms: d.now * 1000,
            rating: d.rating,
            before,
            after: &after,
            elapsed_days: answered.elapsed_days,
            duration_ms: d.duration_ms,
            given: d.given.as_deref(),
            verdict,
            step: d.step.as_deref(),
            overridden: d.overridden,
        };
        d.review_id = match replace {
            Some(id) => self.db.overrule(id, &rec, d.now)?,
            None => match self.db.record_answer(&rec)? {
                Some(id) => id,
                None => return Ok(None),
            },
        };
        if replace.is_none() {
            let learning = |q: Queue| matches!(q, Queue::Learning | Queue::Relearning);
            let window = d.now + LEARN_AHEAD_SECS;
            self.learning_delta +=
                i64::from(learning(after.state.queue) && after.state.due <= window)
                    - i64::from(learning(before.state.queue));
        }
        d.became_leech = answered.became_leech && !before.leech;
        d.after = after;
        Ok(Some(d))
    }

    /// A session command; `at` is the fact on screen when it was typed at a question (it is
    /// shown again after undo and overruling).
    fn command(&mut self, c: Command, at: Option<&Shown>) -> Result<()> {
        // The question an overruling counted as right: the event names it, not the question
        // on screen when `:right` was typed (piped, that is already the next one).
        let mut overruled: Option<String> = None;
        let again = |s: &Shown| Some((s.fact.id, Some(s.question_id)));
        let (event, text) = match (c, at) {
            (Command::Skip, Some(s)) => {
                self.skipped.push(s.fact.id);
                self.waiting = None;
                ("skip", t!("session.skipped"))
            }
            (Command::Bury, Some(s)) => {
                let until = self.day_start(self.day(self.clock.now()) + 1);
                self.db.set_buried(s.fact.id, until)?;
                self.actions.push(Action::Bury {
                    fact: s.fact.id,
                    before: s.fact.row.buried_until,
                });
                self.waiting = None;
                ("bury", t!("session.buried"))
            }
            (Command::Suspend, Some(s)) => {
                let sure = !self.prompter.is_terminal()
                    || self
                        .prompter
                        .confirm(&t!("session.suspend_confirm"), false)
                        .map_err(|e| Error::io("terminal", e))?;
                if sure {
                    self.db.set_suspended(s.fact.id, true)?;
                    self.actions.push(Action::Suspend { fact: s.fact.id });
                    self.waiting = None;
                    ("suspend", t!("session.suspended"))
                } else {
                    self.redo = again(s);
                    ("suspend", t!("session.not_suspended"))
                }
            }
            (Command::Undo, _) => {
                let (undone, text) = self.undo()?;
                if undone.is_none()
                    && let Some(s) = at
                {
                    self.redo = again(s);
                }
                if undone.is_some() {
                    self.redo = undone;
                }
                ("undo", text)
            }
            (Command::Right, _) => {
                let overrulable = matches!(self.actions.last(), Some(Action::Answer(d))
                    if !d.overridden && overrulable(d));
                let text = if overrulable {
                    let Some(Action::Answer(d)) = self.actions.pop() else {
                        unreachable!("checked")
                    };
                    let mut d = *d;
                    let old = d.review_id;
                    d.rating = ladder::rating(
                        Verdict::Correct,
                        d.shown.rung,
                        d.shown.fact.row.state.queue,
                    );
                    d.overridden = true;
                    let d = self.store(d, Some(old))?.expect("overruling always stores");
                    overruled = Some(d.shown.question.uid.clone());
                    self.waiting = None;
                    let back = when(&d.after.state, d.now);
                    self.actions.push(Action::Answer(Box::new(d)));
                    t!("session.counted_right", back = back)
                } else {
                    t!("session.nothing_to_overrule")
                };
                if let Some(s) = at {
                    self.redo = again(s);
                }
                ("overrule", text)
            }
            // `:show` is an answer (graded where it is asked); `:quit` ends the loop.
            (Command::Skip | Command::Bury | Command::Suspend, None)
            | (Command::Show | Command::Quit, _) => return Ok(()),
        };
        if self.opts.json {
            let id = overruled
                .as_deref()
                .or_else(|| at.map(|s| s.question.uid.as_str()));
            let j = json!({"event": event, "id": id, "message": text});
            wj(self.out, &j)
        } else {
            w(self.out, &format!("{text}\n"))
        }
    }

    /// Takes back the last answer, bury or suspend of this session, or else the last answer
    /// given today in an earlier session. Returns the fact (and question) to show again.
    fn undo(&mut self) -> Result<(Option<Redo>, String)> {
        match self.actions.pop() {
            Some(Action::Answer(d)) => {
                self.db.undo_answer(d.review_id)?;
                self.waiting = None;
                if d.shown.fact.row.state.queue == Queue::New
                    && let Some(n) = self.new_by_deck.get_mut(&d.shown.fact.deck)
                {
                    *n = n.saturating_sub(1);
                }
                let text = t!("session.undone", prompt = d.shown.question.prompt);
                Ok((Some((d.shown.fact.id, Some(d.shown.question_id))), text))
            }
            Some(Action::Bury { fact, before }) => {
                self.db.set_buried(fact, before)?;
                self.waiting = None;
                Ok((Some((fact, None)), t!("session.unburied")))
            }
            Some(Action::Suspend { fact }) => {
                self.db.set_suspended(fact, false)?;
                self.waiting = None;
                Ok((Some((fact, None)), t!("session.unsuspended")))
            }
            None => {
                let now = self.clock.now();
                let since = self.day_start(self.day(now)) * 1000;
                let undone = match self.db.last_answer_since(since)? {
                    Some(id) => self.db.undo_answer(id)?,
                    None => None,
                };
                self.before_session = None;
                match undone {
                    Some(u) => {
                        let q = self.db.question(u.question_id)?;
                        let text = t!("session.undone_earlier", prompt = q.prompt);
                        Ok((Some((u.memory_id, Some(u.question_id))), text))
                    }
                    None => Ok((None, t!("session.nothing_to_undo"))),
                }
            }
        }
    }

    fn progress(&self) -> String {
        let answered = self.answers().count();
        let right = self.answers().filter(|d| d.passed()).count();
        let pct = (right * 100).checked_div(answered).unwrap_or(0);
        let left = if self.left >= crate::db::WAITING_CAP {
            t!("session.left_many", n = crate::db::WAITING_CAP)
        } else {
            t!("session.left", n = self.left.max(1))
        };
        t!(
            "session.progress",
            answered = answered,
            left = left,
            pct = pct
        )
    }

    /// The question, never its answer.
    fn show(&mut self, s: &Shown) -> Result<()> {
        let q = &s.question;
        if self.opts.json {
            // What is asked, so that a script can answer it; never the answer.
            let j = json!({"event": "question", "id": q.uid, "kind": q.kind.as_str(),
                "fact": format!("{}/{}", s.fact.deck, s.fact.fact), "rung": s.rung.as_str(),
                "prompt": q.prompt, "options": shown_options(&q.answer), "left": self.left,
                "early_secs": s.early});
            return wj(self.out, &j);
        }
        // The prompt names its meeting itself: the progress line need not repeat it.
        let mut out = format!("\n{}\n", self.progress());
        if s.early > 0 {
            out.push_str(&format!(
                "{}\n",
                t!("session.early", time = duration_words(s.early))
            ));
        }
        out.push_str(&self.question_text(s));
        self.w_question(&out)
    }

    /// Writes question text: cleaned like all deck text, with its emphasis in bold in a
    /// terminal (piped, the `**` marks stay, as in `--json`'s prompt).
    fn w_question(&mut self, text: &str) -> Result<()> {
        let cleaned = crate::term::clean(text);
        let shown = if self.prompter.is_terminal() {
            crate::term::bold_emphasis(&cleaned)
        } else {
            cleaned.into_owned()
        };
        prompt::emit(self.out, &shown).map_err(|e| Error::io("stdout", e))
    }

    /// The prompt and, where the prompter does not list them itself, the options.
    fn question_text(&self, s: &Shown) -> String {
        let q = &s.question;
        let mut out = format!("{}\n", q.prompt);
        let terminal = self.prompter.is_terminal();
        match &q.answer {
            Answer::Choice { options, .. } if !terminal => {
                for (i, o) in options.iter().enumerate() {
                    out.push_str(&format!("  {}) {o}\n", i + 1));
                }
            }
            Answer::TrueFalse { .. } if !terminal => out.push_str(&format!(
                "  1) {}\n  2) {}\n",
                t!("session.true"),
                t!("session.false")
            )),
            Answer::Order { shown, .. } => {
                for (i, o) in shown.iter().enumerate() {
                    out.push_str(&format!("  {}) {o}\n", letter(i)));
                }
            }
            _ => {}
        }
        out
    }

    fn ask(&mut self, s: &Shown) -> Result<Asked> {
        let ask = |p: &mut dyn Prompter, a: &Ask| p.ask(a).map_err(|e| Error::io("terminal", e));
        let a = &s.question.answer;
        let graded = |given: String, verdict, step: &str, notes| {
            Asked::Graded(Graded {
                rating: None,
                given: Some(given),
                verdict: Some(verdict),
                step: Some(step.to_owned()),
                notes,
            })
        };
        let tf_options = [t!("session.true"), t!("session.false")];
        let (options, correct): (&[String], usize) = match a {
            Answer::Choice { options, correct } => (options, *correct),
            Answer::TrueFalse { value } => (&tf_options, usize::from(!*value)),
            _ => (&[], 0),
        };
        loop {
            let reply = match a {
                Answer::Choice { .. } | Answer::TrueFalse { .. } => {
                    ask(self.prompter, &Ask::Choose { options })?
                }
                Answer::Reveal { answer } => {
                    // `:show` here is what the prompt asks for: reveal.
                    match ask(self.prompter, &Ask::Reveal)? {
                        Reply::Command(Command::Show) => {}
                        Reply::Command(c) => return Ok(Asked::Command(c)),
                        _ => {}
                    }
                    if self.prompter.is_terminal() {
                        w(self.out, &format!("→ {answer}\n"))?;
                    }
                    let labels = self.rating_labels(s)?;
                    ask(self.prompter, &Ask::Rate { labels: &labels })?
                }
                Answer::List { .. } => ask(
                    self.prompter,
                    &Ask::Type {
                        hint: &t!("hint.list"),
                    },
                )?,
                Answer::Order { .. } => ask(
                    self.prompter,
                    &Ask::Type {
                        hint: &t!("hint.order"),
                    },
                )?,
                Answer::Date { .. } => ask(
                    self.prompter,
                    &Ask::Type {
                        hint: &t!("hint.date"),
                    },
                )?,
                _ => ask(
                    self.prompter,
                    &Ask::Type {
                        hint: &t!("hint.answer"),
                    },
                )?,
            };
            let text = match reply {
                Reply::Command(Command::Show) => {
                    // "I don't know": the answer is shown and the fact counts as forgotten.
                    return Ok(Asked::Graded(Graded {
                        rating: Some(Rating::Again),
                        given: None,
                        verdict: Some(Verdict::Wrong),
                        step: Some("shown".to_owned()),
                        notes: vec![],
                    }));
                }
                Reply::Command(c) => return Ok(Asked::Command(c)),
                Reply::Pick(i) => (i + 1).to_string(),
                Reply::Text(t) => t,
            };
            let typed = !matches!(
                a,
                Answer::Choice { .. } | Answer::TrueFalse { .. } | Answer::Reveal { .. }
            );
            if typed && text.trim().is_empty() {
                // An empty line is not an answer (a second Enter, say): nothing is stored.
                self.invalid(&t!("session.type_answer"))?;
                continue;
            }
            return Ok(match a {
                Answer::Choice { .. } | Answer::TrueFalse { .. } => {
                    let Some(pick) =
                        parse_pick(&text, options, matches!(a, Answer::TrueFalse { .. }))
                    else {
                        let msg = t!("session.pick_number", n = options.len());
                        self.invalid(&msg)?;
                        continue;
                    };
                    let verdict = if pick == correct {
                        Verdict::Correct
                    } else {
                        Verdict::Wrong
                    };
                    // Stored as the same text whatever the interface language.
                    let given = match a {
                        Answer::TrueFalse { .. } => shown_options(a).get(pick).cloned(),
                        _ => options.get(pick).cloned(),
                    }
                    .unwrap_or_default();
                    graded(given, verdict, "choice", vec![])
                }
                Answer::Reveal { .. } => {
                    let rating = match text.trim().parse::<usize>() {
                        Ok(n) if (1..=4).contains(&n) => Some(Rating::ALL[n - 1]),
                        // The buttons' words in the interface language are accepted too.
                        _ => text.parse::<Rating>().ok().or_else(|| {
                            Rating::ALL
                                .into_iter()
                                .find(|r| rating_words(*r) == text.trim())
                        }),
                    };
                    let Some(rating) = rating else {
                        self.invalid(&t!("session.rate_with"))?;
                        continue;
                    };
                    Asked::Graded(Graded {
                        rating: Some(rating),
                        given: None,
                        verdict: None,
                        step: None,
                        notes: vec![],
                    })
                }
                Answer::Order { correct, .. } => {
                    let v = grading::grade_order(correct, &text);
                    graded(text, v, "order", vec![])
                }
                _ => {
                    // Answers the student overruled as right before count from then on.
                    let overrides = self.db.accepted_overrides(s.question_id)?;
                    let Some(t) = self.grader()?.grade(&s.question, &text, &overrides) else {
                        continue;
                    };
                    let notes = t.notes();
                    graded(text, t.verdict, &t.step, notes)
                }
            });
        }
    }

    /// A reply that does not fit the question: say so; the question is asked again.
    fn invalid(&mut self, msg: &str) -> Result<()> {
        if self.opts.json {
            let j = json!({"event": "invalid", "message": msg});
            wj(self.out, &j)
        } else {
            w(self.out, &format!("{msg}\n"))
        }
    }

    fn rating_labels(&mut self, s: &Shown) -> Result<[String; 4]> {
        let now = self.clock.now();
        let p = schedule::preview(
            &s.fact.row.state,
            now,
            &self.settings,
            self.utc_offset,
            None,
        )
        .map_err(|e| Error::Other(e.to_string()))?;
        Ok(std::array::from_fn(|i| {
            t!(
                "session.rating_label",
                rating = rating_words(Rating::ALL[i]),
                when = when(&p[i].card, now)
            )
        }))
    }

    /// After answering: verdict, the right answer, explanation, source, the ladder, when it
    /// comes back.
    fn feedback(&mut self, d: &Done, notes: &[String]) -> Result<()> {
        let q = &d.shown.question;
        let back = when(&d.after.state, d.now);
        let next_rung = Rung::from_u8(d.after.rung).min(d.shown.top());
        if self.opts.json {
            let j = json!({
                "id": q.uid,
                "kind": q.kind.as_str(),
                "fact": format!("{}/{}", d.shown.fact.deck, d.shown.fact.fact),
                "rung": d.shown.rung.as_str(),
                "next_rung": next_rung.as_str(),
                "prompt": q.prompt,
                "options": shown_options(&q.answer),
                "given": d.given,
                "verdict": d.verdict.map(Verdict::as_str),
                "step": d.step,
                "rating": d.rating.as_str(),
                "expected": q.answer.display(),
                "next_due": d.after.state.due,
                "comes_back": back,
                "leech": d.became_leech,
                "passage": self.passage_after(d)?.map(|p| p.plain),
            });
            return wj(self.out, &j);
        }
        let mut s = String::new();
        match d.verdict {
            Some(v) => s.push_str(&t!(
                "session.verdict",
                verdict = verdict_words(v),
                rating = rating_words(d.rating)
            )),
            None => s.push_str(&t!("session.rated", rating = rating_words(d.rating))),
        }
        s.push('\n');
        for n in notes {
            s.push_str(&format!("  {n}\n"));
        }
        s.push_str(&format!(
            "{}\n",
            t!("session.answer", answer = q.answer.display())
        ));
        if !q.explanation.is_empty() {
            s.push_str(&format!("{}\n", q.explanation));
        }
        s.push_str(&format!("{}\n", t!("session.source", source = q.source)));
        w(self.out, &s)?;
        if let Some(p) = self.passage_after(d)? {
            passage::write(self.out, &p)?;
        }
        let mut s = format!(
            "{}\n",
            t!("session.comes_back", back = back, next = next_rung.words())
        );
        if d.became_leech {
            s.push_str(&format!("{}\n", t!("session.leech")));
        }
        if overrulable(d) && !self.prompter.is_terminal() {
            s.push_str(&format!("{}\n", t!("session.type_right")));
        }
        w(self.out, &s)
    }
}

impl Session<'_> {
    /// After a wrong answer (Again), the source sentence the fact comes from, when the deck
    /// carries its source's text.
    fn passage_after(&self, d: &Done) -> Result<Option<passage::Passage>> {
        if d.rating != Rating::Again {
            return Ok(None);
        }
        passage::for_question(self.db, &d.shown.question, self.prompter.is_terminal())
    }
}

/// The options of a question as shown.
fn shown_options(a: &Answer) -> Vec<String> {
    match a {
        Answer::Choice { options, .. } => options.clone(),
        Answer::TrueFalse { .. } => vec!["对 (true)".into(), "错 (false)".into()],
        Answer::Order { shown, .. } => shown.clone(),
        _ => vec![],
    }
}

/// Puts a choice's options, or an ordering's items, in a fresh order for this showing.
fn shuffle(a: &mut Answer, rng: &mut dyn rand::RngCore) {
    match a {
        Answer::Choice { options, correct } => {
            let right = *correct;
            let mut idx: Vec<usize> = (0..options.len()).collect();
            idx.shuffle(rng);
            *options = idx.iter().map(|&i| options[i].clone()).collect();
            *correct = idx.iter().position(|&i| i == right).unwrap_or(0);
        }
        Answer::Order { shown, correct } => {
            let mut idx: Vec<usize> = (0..shown.len()).collect();
            idx.shuffle(rng);
            // correct[k] indexes `shown`; after the shuffle, old index i sits at pos[i].
            let mut pos = vec![0; shown.len()];
            for (new, &old) in idx.iter().enumerate() {
                pos[old] = new;
            }
            *shown = idx.iter().map(|&i| shown[i].clone()).collect();
            for c in correct.iter_mut() {
                if let Some(&p) = pos.get(*c) {
                    *c = p;
                }
            }
        }
        _ => {}
    }
}

/// "8 minutes".
fn duration_words(secs: i64) -> String {
    match secs {
        ..60 => tn!("time.seconds", secs),
        _ => tn!("time.minutes", secs / 60),
    }
}

/// A verdict as the student reads it (JSON keeps [`Verdict::as_str`]).
pub(crate) fn verdict_words(v: Verdict) -> String {
    match v {
        Verdict::Correct => t!("verdict.correct"),
        Verdict::Almost => t!("verdict.almost"),
        Verdict::Wrong => t!("verdict.wrong"),
    }
}

/// A rating as the student reads it (typed ratings stay again/hard/good/easy or 1-4).
pub(crate) fn rating_words(r: Rating) -> String {
    match r {
        Rating::Again => t!("rating.again"),
        Rating::Hard => t!("rating.hard"),
        Rating::Good => t!("rating.good"),
        Rating::Easy => t!("rating.easy"),
    }
}

fn letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

/// "I was right" is offered only for an answer the student typed and the grader did not
/// accept: never for a picked option or an ordering, which would then be stored as accepted.
fn overrulable(d: &Done) -> bool {
    let typed = d
        .step
        .as_deref()
        .is_some_and(|s| s != "choice" && s != "order");
    typed && matches!(d.verdict, Some(Verdict::Wrong | Verdict::Almost))
}

/// A choice typed in line mode: its number, its letter, or its text; for true/false also
/// 对/错, true/false, t/f, yes/no.
fn parse_pick(t: &str, options: &[String], true_false: bool) -> Option<usize> {
    let t = t.trim();
    if let Ok(n) = t.parse::<usize>() {
        return (1..=options.len()).contains(&n).then(|| n - 1);
    }
    if true_false {
        match t.to_lowercase().as_str() {
            "对" | "是" | "true" | "t" | "yes" | "y" => return Some(0),
            "错" | "否" | "false" | "f" | "no" | "n" => return Some(1),
            _ => {}
        }
    }
    let mut cs = t.chars();
    if let (Some(c), None) = (cs.next(), cs.next())
        && c.is_ascii_alphabetic()
    {
        let i = (c.to_ascii_uppercase() as u8 - b'A') as usize;
        return (i < options.len()).then_some(i);
    }
    let n = grading::normalise(t);
    options.iter().position(|o| grading::normalise(o) == n)
}

/// "in 10 minutes", "tomorrow", "in 3 days".
pub fn when(state: &schedule::CardState, now: i64) -> String {
    if state.queue == Queue::Review {
        return match state.interval_days {
            0 | 1 => t!("when.tomorrow"),
            n => tn!("when.days", n),
        };
    }
    let secs = (state.due - now).max(0);
    match secs {
        0..60 => t!("when.under_a_minute"),
        60..3600 => tn!("when.minutes", secs / 60),
        3600..86_400 => tn!("when.hours", secs / 3600),
        _ => tn!("when.days", (secs + 86_399) / 86_400),
    }
}

fn duration_text(secs: u64) -> String {
    if secs < 60 {
        t!("time.short_seconds", s = secs)
    } else {
        t!("time.short_minutes", m = secs / 60, s = secs % 60)
    }
}

/// A random number generator: seeded when a seed is given, else from the OS.
pub fn rng(seed: Option<u64>) -> rand::rngs::StdRng {
    use rand::SeedableRng;
    match seed {
        Some(s) => rand::rngs::StdRng::seed_from_u64(s),
        None => rand::rngs::StdRng::from_os_rng(),
    }
}
