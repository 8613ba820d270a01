//! A study session: pick the next question, ask it, grade it, schedule it, store it, say
//! when it comes back. Independent of the terminal: questions are asked through a
//! [`Prompter`] and everything else is written to `out`.
//!
//! Every answer is stored in its own transaction before the feedback is shown, so a killed
//! process loses nothing answered.

pub mod grading;
pub mod prompt;

use std::io::Write;
use std::time::Instant;

use serde_json::json;

use crate::db::{AnswerRecord, Db, NextQuery, StudyCard, TodayCounts, Waiting};
use crate::error::{Error, Result};
use crate::question::Answer;
use crate::schedule::{self, CardState, FuzzFactor, Queue, Rating, Settings};
use grading::{Grader, Verdict};
pub use prompt::{Ask, Command, LinePrompter, Prompter, Reply, TerminalPrompter};

/// Learning questions due within this many seconds are shown early when nothing else is
/// left, as Anki's default "learn ahead limit".
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
    pub correct: u32,
    pub new_learned: u32,
    pub seconds: u64,
    pub due_tomorrow: i64,
}

/// One answer of this session, for undo, overruling and the summary.
struct Done {
    review_id: i64,
    card: StudyCard,
    rating: Rating,
    fuzz: FuzzFactor,
    now: i64,
    duration_ms: i64,
    given: Option<String>,
    verdict: Option<Verdict>,
    step: Option<String>,
    overridden: bool,
    /// The card's state after the answer, and whether the answer made it a leech (set by
    /// `store`, so feedback need not read back what was just written).
    after: CardState,
    became_leech: bool,
}

/// The outcome of asking one question.
struct Graded {
    rating: Rating,
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
    /// About how many questions are left today, counted when the next one is picked.
    left: i64,
    /// What was waiting when the session started.
    waiting: Option<Waiting>,
    /// The study day's start and the answers given that day before this session.
    before_session: Option<(i64, TodayCounts)>,
    done: Vec<Done>,
    skipped: Vec<i64>,
    redo: Option<i64>,
}

fn w(out: &mut dyn Write, text: &str) -> Result<()> {
    prompt::emit(out, text).map_err(|e| Error::io("stdout", e))
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
            .map_err(|e| Error::Other(format!("stored setting: {e}")))?;
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
            waiting: None,
            before_session: None,
            done: Vec::new(),
            skipped: Vec::new(),
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

    /// Answers of this session since `since` (unix seconds) to questions that were in `queue`.
    fn answered(&self, queue: Queue, since: i64) -> u32 {
        self.done
            .iter()
            .filter(|d| d.card.row.state.queue == queue && d.now >= since)
            .count() as u32
    }

    fn next(&mut self, now: i64) -> Result<Option<StudyCard>> {
        if let Some(id) = self.redo.take() {
            return self.db.study_card(id).map(Some);
        }
        let day_start = self.day_start(self.day(now));
        // Answers given today before this session are read once per study day; this
        // session's own are counted from `done`, with no query per question.
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
            self.waiting = None;
        }
        let (_, earlier) = self.before_session.expect("just set");
        let today = TodayCounts {
            new: earlier.new + self.answered(Queue::New, day_start),
            reviews: earlier.reviews + self.answered(Queue::Review, day_start),
        };
        let q = NextQuery {
            now,
            learn_ahead_until: now + LEARN_AHEAD_SECS,
            reviews_before: schedule::reviews_due_before(
                now,
                self.settings.rollover_hour,
                self.utc_offset,
            ),
            decks: &self.opts.decks,
            exclude: &self.skipped,
            reviews_allowed: today.reviews < self.settings.reviews_per_day,
            new_allowed: today.new < self.settings.new_per_day,
        };
        // Reviews and new questions waiting are counted once per session (the counts stop
        // at the daily limits); then each answer takes one off. Learning ones change with
        // every answer and are counted each time (few, and capped).
        // Reviews and new questions waiting are counted once per session (up to the daily
        // limits); then each answer takes one off. Learning ones change with every answer.
        let w = match self.waiting {
            None => {
                let w = self.db.waiting_today(&q)?;
                Waiting {
                    reviews: w.reviews.min(i64::from(
                        self.settings.reviews_per_day.saturating_sub(today.reviews),
                    )),
                    new: w.new.min(i64::from(
                        self.settings.new_per_day.saturating_sub(today.new),
                    )),
                    ..w
                }
            }
            Some(start) => Waiting {
                learning: self.db.learning_due(&q)?,
                ..start
            },
        };
        // Counted at the first question of the study day: the answers since then take off.
        let start = *self.waiting.get_or_insert(w);
        self.left = w.learning
            + (start.reviews - i64::from(self.answered(Queue::Review, day_start))).max(0)
            + (start.new - i64::from(self.answered(Queue::New, day_start))).max(0);
        self.db.next_card(&q)
    }

    /// Runs the session to the end (nothing left, the limit, `:quit`, Ctrl-C, end of input).
    pub fn run(mut self) -> Result<Summary> {
        let started = Instant::now();
        for d in &self.opts.decks {
            if !self.db.deck_exists(d)? {
                return Err(Error::UnknownDeck(d.clone()));
            }
        }
        loop {
            if self.opts.limit.is_some_and(|l| self.done.len() as u32 >= l) {
                break;
            }
            let now = self.clock.now();
            let Some(card) = self.next(now)? else {
                if !self.opts.json {
                    w(self.out, "Nothing more to study now.\n")?;
                }
                break;
            };
            let shown = Instant::now();
            let fuzz = FuzzFactor::draw(&mut self.rng);
            self.show(&card)?;
            let asked = self.ask(&card)?;
            let g = match asked {
                Asked::Command(Command::Quit) => break,
                Asked::Command(c) => {
                    self.command(c, &card)?;
                    continue;
                }
                Asked::Graded(g) => g,
            };
            let now = self.clock.now();
            let duration_ms = shown.elapsed().as_millis() as i64;
            let done = Done {
                review_id: 0,
                after: card.row.state.clone(),
                became_leech: false,
                card,
                rating: g.rating,
                fuzz,
                now,
                duration_ms,
                given: g.given,
                verdict: g.verdict,
                step: g.step,
                overridden: false,
            };
            let done = self.store(done, None)?;
            self.feedback(&done, &g.notes)?;
            let can_overrule = overrulable(&done);
            self.done.push(done);
            let reply = self
                .prompter
                .ask(&Ask::Continue { can_overrule })
                .map_err(|e| Error::io("terminal", e))?;
            match reply {
                Reply::Command(Command::Quit) => break,
                Reply::Command(c @ (Command::Right | Command::Undo)) => {
                    self.command(c, &self.done.last().expect("just pushed").card.clone())?
                }
                _ => {}
            }
        }
        let now = self.clock.now();
        let today = self.day(now);
        let before = |d: i64| self.day_start(d) + schedule::SECS_PER_DAY / 2;
        let due_tomorrow = self.db.reviews_due_count(before(today + 1))?
            - self.db.reviews_due_count(before(today))?;
        let s = Summary {
            answered: self.done.len() as u32,
            correct: self
                .done
                .iter()
                .filter(|d| d.rating >= Rating::Good)
                .count() as u32,
            new_learned: self
                .done
                .iter()
                .filter(|d| d.card.row.state.queue == Queue::New)
                .count() as u32,
            seconds: started.elapsed().as_secs(),
            due_tomorrow,
        };
        if self.opts.json {
            let j = json!({"event": "summary", "answered": s.answered, "correct": s.correct,
                "new_learned": s.new_learned, "seconds": s.seconds, "due_tomorrow": s.due_tomorrow});
            w(self.out, &format!("{j}\n"))?;
        } else {
            w(
                self.out,
                &format!(
                    "Session over: {} answered, {} correct, {} new learned, {}, {} due tomorrow.\n",
                    s.answered,
                    s.correct,
                    s.new_learned,
                    duration_text(s.seconds),
                    s.due_tomorrow
                ),
            )?;
        }
        Ok(s)
    }

    /// Stores an answer (or, with `replace`, the overruling of an earlier one).
    fn store(&mut self, mut d: Done, replace: Option<i64>) -> Result<Done> {
        let before = &d.card.row;
        let answered = schedule::answer_with_fuzz(
            &before.state,
            d.rating,
            d.now,
            &self.settings,
            self.utc_offset,
            d.fuzz,
        )
        .map_err(|e| Error::Other(e.to_string()))?;
        let verdict = d.verdict.map(Verdict::as_str);
        let rec = AnswerRecord {
            question_id: d.card.id,
            reviewed_at_ms: d.now * 1000,
            rating: d.rating,
            before,
            after: &answered.card,
            elapsed_days: answered.elapsed_days,
            duration_ms: d.duration_ms,
            given: d.given.as_deref(),
            verdict,
            step: d.step.as_deref(),
            overridden: d.overridden,
            leech: answered.became_leech,
            bury_siblings_until: self.day_start(self.day(d.now) + 1),
        };
        d.review_id = match replace {
            Some(id) => self.db.overrule(id, &rec, d.now)?,
            None => self.db.record_answer(&rec)?,
        };
        d.became_leech = answered.became_leech && !d.card.row.leech;
        d.after = answered.card;
        Ok(d)
    }

    fn command(&mut self, c: Command, card: &StudyCard) -> Result<()> {
        let (event, text) = match c {
            Command::Skip => {
                self.skipped.push(card.id);
                ("skip", "Skipped.".to_owned())
            }
            Command::Bury => {
                let until = self.day_start(self.day(self.clock.now()) + 1);
                self.db.bury(card.id, until)?;
                ("bury", "Buried until tomorrow.".to_owned())
            }
            Command::Suspend => {
                self.db.suspend(card.id)?;
                ("suspend", "Suspended.".to_owned())
            }
            Command::Undo => match self.done.pop() {
                Some(d) => {
                    self.db.undo_answer(d.review_id)?;
                    if self.redo.is_none() || self.redo == Some(card.id) {
                        self.redo = Some(d.card.id);
                    }
                    ("undo", format!("Undone: {}", d.card.question.prompt))
                }
                None => ("undo", "Nothing to undo.".to_owned()),
            },
            Command::Right => {
                let overrulable = self
                    .done
                    .last()
                    .is_some_and(|d| !d.overridden && overrulable(d));
                if overrulable {
                    let mut d = self.done.pop().expect("checked");
                    let old = d.review_id;
                    d.rating = Rating::Good;
                    d.overridden = true;
                    let d = self.store(d, Some(old))?;
                    let back = when(&d.after, d.now);
                    self.done.push(d);
                    if card.id != self.done.last().expect("pushed").card.id {
                        self.redo = Some(card.id);
                    }
                    ("overrule", format!("Counted as right. Comes back {back}."))
                } else {
                    if self.done.last().is_none_or(|d| d.card.id != card.id) {
                        self.redo = Some(card.id);
                    }
                    ("overrule", "Nothing to overrule.".to_owned())
                }
            }
            Command::Quit => return Ok(()),
        };
        if self.opts.json {
            let j = json!({"event": event, "id": card.question.uid, "message": text});
            w(self.out, &format!("{j}\n"))
        } else {
            w(self.out, &format!("{text}\n"))
        }
    }

    fn progress(&self) -> String {
        let done = self.done.len();
        let correct = self
            .done
            .iter()
            .filter(|d| d.rating >= Rating::Good)
            .count();
        let pct = (correct * 100).checked_div(done).unwrap_or(0);
        format!("[{done} done · about {} left · {pct}% correct]", self.left)
    }

    /// The question, never its answer.
    fn show(&mut self, card: &StudyCard) -> Result<()> {
        if self.opts.json {
            // What is asked, so that a script can answer it; never the answer.
            let q = &card.question;
            let options: Vec<String> = match &q.answer {
                Answer::Choice { options, .. } => options.clone(),
                Answer::TrueFalse { .. } => vec!["对 (true)".into(), "错 (false)".into()],
                Answer::Order { shown, .. } => shown.clone(),
                _ => vec![],
            };
            let j = json!({"event": "question", "id": q.uid, "kind": q.kind.as_str(),
                "prompt": q.prompt, "options": options, "left": self.left});
            return w(self.out, &format!("{j}\n"));
        }
        let q = &card.question;
        // The prompt names its meeting itself: the progress line need not repeat it.
        let mut s = format!("\n{}\n", self.progress());
        s.push_str(&format!("{}\n", q.prompt));
        let terminal = self.prompter.is_terminal();
        match &q.answer {
            Answer::Choice { options, .. } if !terminal => {
                for (i, o) in options.iter().enumerate() {
                    s.push_str(&format!("  {}) {o}\n", i + 1));
                }
            }
            Answer::TrueFalse { .. } if !terminal => {
                s.push_str("  1) 对 (true)\n  2) 错 (false)\n")
            }
            Answer::Order { shown, .. } => {
                for (i, o) in shown.iter().enumerate() {
                    s.push_str(&format!("  {}) {o}\n", letter(i)));
                }
            }
            _ => {}
        }
        w(self.out, &s)
    }

    fn ask(&mut self, card: &StudyCard) -> Result<Asked> {
        let ask = |p: &mut dyn Prompter, a: &Ask| p.ask(a).map_err(|e| Error::io("terminal", e));
        let text = |r: Reply| match r {
            Reply::Text(t) => Ok(t),
            Reply::Pick(i) => Err((i + 1).to_string()),
            Reply::Command(c) => Err(format!(":{c:?}")),
        };
        let a = &card.question.answer;
        let graded = |rating, given: String, verdict, step: &str, notes| {
            Asked::Graded(Graded {
                rating,
                given: Some(given),
                verdict: Some(verdict),
                step: Some(step.to_owned()),
                notes,
            })
        };
        let tf_options = ["对 (true)".to_owned(), "错 (false)".to_owned()];
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
                    if let Reply::Command(c) = ask(self.prompter, &Ask::Reveal)? {
                        return Ok(Asked::Command(c));
                    }
                    if self.prompter.is_terminal() {
                        w(self.out, &format!("→ {answer}\n"))?;
                    }
                    let labels = self.rating_labels(card)?;
                    ask(self.prompter, &Ask::Rate { labels: &labels })?
                }
                Answer::List { .. } => ask(
                    self.prompter,
                    &Ask::Type {
                        hint: "every item, separated by 、 , or ;",
                    },
                )?,
                Answer::Order { .. } => ask(
                    self.prompter,
                    &Ask::Type {
                        hint: "the order as letters, e.g. BADC",
                    },
                )?,
                Answer::Date { .. } => ask(
                    self.prompter,
                    &Ask::Type {
                        hint: "the date, e.g. 2021-05-12",
                    },
                )?,
                _ => ask(self.prompter, &Ask::Type { hint: "answer" })?,
            };
            if let Reply::Command(c) = reply {
                return Ok(Asked::Command(c));
            }
            return Ok(match a {
                Answer::Choice { .. } | Answer::TrueFalse { .. } => {
                    let pick = match &reply {
                        Reply::Pick(i) => Some(*i),
                        Reply::Text(t) => {
                            parse_pick(t, options, matches!(a, Answer::TrueFalse { .. }))
                        }
                        Reply::Command(_) => None,
                    };
                    let Some(pick) = pick else {
                        let msg = format!("Answer with a number from 1 to {}.", options.len());
                        self.invalid(&msg)?;
                        continue;
                    };
                    let verdict = if pick == correct {
                        Verdict::Correct
                    } else {
                        Verdict::Wrong
                    };
                    let given = options.get(pick).cloned().unwrap_or_default();
                    graded(rating_of(verdict), given, verdict, "choice", vec![])
                }
                Answer::Reveal { .. } => {
                    let rating = match &reply {
                        Reply::Pick(i) => Rating::ALL.get(*i).copied(),
                        Reply::Text(t) => t.parse::<Rating>().ok(),
                        Reply::Command(_) => None,
                    };
                    let Some(rating) = rating else {
                        self.invalid("Rate with again, hard, good, easy or 1-4.")?;
                        continue;
                    };
                    Asked::Graded(Graded {
                        rating,
                        given: None,
                        verdict: None,
                        step: None,
                        notes: vec![],
                    })
                }
                Answer::Order { correct, .. } => {
                    let given = text(reply).unwrap_or_else(|e| e);
                    let v = grading::grade_order(correct, &given);
                    graded(rating_of(v), given, v, "order", vec![])
                }
                _ => {
                    let given = text(reply).unwrap_or_else(|e| e);
                    // Answers the student overruled as right before count from then on.
                    let overrides = self.db.accepted_overrides(card.id)?;
                    let Some(t) = self.grader()?.grade(&card.question, &given, &overrides) else {
                        continue;
                    };
                    let notes = t.notes();
                    graded(rating_of(t.verdict), given, t.verdict, &t.step, notes)
                }
            });
        }
    }

    /// A reply that does not fit the question: say so; the question is asked again.
    fn invalid(&mut self, msg: &str) -> Result<()> {
        if self.opts.json {
            let j = json!({"event": "invalid", "message": msg});
            w(self.out, &format!("{j}\n"))
        } else {
            w(self.out, &format!("{msg}\n"))
        }
    }

    fn rating_labels(&mut self, card: &StudyCard) -> Result<[String; 4]> {
        let now = self.clock.now();
        let p = schedule::preview(&card.row.state, now, &self.settings, self.utc_offset, None)
            .map_err(|e| Error::Other(e.to_string()))?;
        Ok(std::array::from_fn(|i| {
            format!("{} ({})", Rating::ALL[i], when(&p[i].card, now))
        }))
    }

    /// After answering: verdict, the right answer, explanation, source, when it comes back.
    fn feedback(&mut self, d: &Done, notes: &[String]) -> Result<()> {
        let q = &d.card.question;
        let back = when(&d.after, d.now);
        if self.opts.json {
            let options: Vec<String> = match &q.answer {
                Answer::Choice { options, .. } => options.clone(),
                Answer::TrueFalse { .. } => vec!["对 (true)".into(), "错 (false)".into()],
                Answer::Order { shown, .. } => shown.clone(),
                _ => vec![],
            };
            let j = json!({
                "id": q.uid,
                "kind": q.kind.as_str(),
                "prompt": q.prompt,
                "options": options,
                "given": d.given,
                "verdict": d.verdict.map(Verdict::as_str),
                "step": d.step,
                "rating": d.rating.as_str(),
                "expected": q.answer.display(),
                "next_due": d.after.due,
                "comes_back": back,
                "leech": d.became_leech,
            });
            return w(self.out, &format!("{j}\n"));
        }
        let mut s = String::new();
        match d.verdict {
            Some(v) => s.push_str(&format!("{} → {}", v.as_str(), d.rating)),
            None => s.push_str(&format!("rated {}", d.rating)),
        }
        s.push('\n');
        for n in notes {
            s.push_str(&format!("  {n}\n"));
        }
        s.push_str(&format!("Answer: {}\n", q.answer.display()));
        if !q.explanation.is_empty() {
            s.push_str(&format!("{}\n", q.explanation));
        }
        s.push_str(&format!("Source: {}\n", q.source));
        s.push_str(&format!("Comes back {back}.\n"));
        if d.became_leech {
            s.push_str("This question is a leech (forgotten many times): suspended.\n");
        }
        if overrulable(d) && !self.prompter.is_terminal() {
            s.push_str("(type :right if you were right)\n");
        }
        w(self.out, &s)
    }
}

fn letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

fn rating_of(v: Verdict) -> Rating {
    match v {
        Verdict::Correct => Rating::Good,
        Verdict::Almost => Rating::Hard,
        Verdict::Wrong => Rating::Again,
    }
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
            0 | 1 => "tomorrow".to_owned(),
            n => format!("in {n} days"),
        };
    }
    let secs = (state.due - now).max(0);
    match secs {
        0..60 => "in under a minute".to_owned(),
        60..3600 => plural(secs / 60, "minute"),
        3600..86_400 => plural(secs / 3600, "hour"),
        _ => plural((secs + 86_399) / 86_400, "day"),
    }
}

fn plural(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("in 1 {unit}")
    } else {
        format!("in {n} {unit}s")
    }
}

fn duration_text(secs: u64) -> String {
    if secs < 60 {
        format!("{secs} s")
    } else {
        format!("{} min {} s", secs / 60, secs % 60)
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
