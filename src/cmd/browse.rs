//! `quiz browse`: find facts and questions, see a fact's questions, history and memory, and
//! act on them: suspend, unsuspend, reset (forget), flag a question as wrong.

use std::io::{IsTerminal, Write};

use serde_json::json;

use crate::db::{BrowseFact, Db, MemoryRow};
use crate::error::{Error, Result};
use crate::grade::Verdict;
use crate::schedule::{self, Queue, Rating};
use crate::session::ladder::Rung;

use super::Ctx;
use crate::t;

/// Find facts and questions; see a fact's questions, its history and its memory now; suspend,
/// unsuspend, reset or flag what you found.
///
/// QUERY is matched against a fact's wording, its questions and answers: Chinese, pinyin
/// without tones (with or without spaces: `waizhang`, `wai zhang`), English, or an id (a
/// fact `DECK/FACT` or a question `DECK/FACT/KIND/VARIANT`). No QUERY: every fact.
///
/// In a terminal (and with no action given): a list of what matched; pick a fact to see its
/// page and act on it; Esc or q goes back. Otherwise: one line per fact (the whole page when
/// one fact matched), or one JSON object per fact with --json; actions are given as options
/// and apply to what the query matched (more than one fact only with --all).
///
/// Reset forgets a fact: it is new again (rung, stability, lapses and the leech mark cleared;
/// a suspended fact stays suspended); every answer stays in the history. None of these actions can be undone by a study
/// session's `:undo`: suspend and unsuspend undo each other; a reset is final.
#[derive(Debug, clap::Args)]
pub struct BrowseArgs {
    /// Text to find (Chinese, pinyin, English) or an id.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,

    /// Only this deck (repeat for more).
    #[arg(long, value_name = "DECK")]
    pub deck: Vec<String>,

    /// Only facts of this kind: list, event, number, term, document, person, qa, cloze.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,

    /// Only facts in this state.
    #[arg(long, value_enum)]
    pub state: Option<StateFilter>,

    /// Exactly this fact (`DECK/FACT`) or question (`DECK/FACT/KIND/VARIANT`).
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,

    /// One JSON object per fact (with its questions, history and memory).
    #[arg(long)]
    pub json: bool,

    /// Suspend what matched: it is not asked until unsuspended.
    #[arg(long, group = "action")]
    pub suspend: bool,

    /// Unsuspend what matched: it is asked again by `quiz study`.
    #[arg(long, group = "action")]
    pub unsuspend: bool,

    /// Forget what matched: new again, its history kept (asks first; --yes without a
    /// terminal).
    #[arg(long, group = "action")]
    pub reset: bool,

    /// Flag the question given by --id as wrong, with this comment (it goes into your result
    /// file for the instructor).
    #[arg(long, value_name = "COMMENT", group = "action")]
    pub flag: Option<String>,

    /// Let an action apply to every fact that matched, not only to one.
    #[arg(long)]
    pub all: bool,

    /// Do not ask before a reset.
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StateFilter {
    /// Never answered.
    New,
    /// To be asked now: learning ones due, reviews due today.
    Due,
    /// In its (re)learning steps.
    Learning,
    Suspended,
    /// Forgotten many times.
    Leech,
    /// Put off until the next study day.
    Buried,
}

/// What this command says, gathered for translation.
mod msg {
    use crate::t;
    pub fn nothing() -> String {
        t!("browse.nothing")
    }
    pub fn reset_needs_yes() -> String {
        t!("browse.reset_needs_yes")
    }
    pub fn flag_needs_question() -> String {
        t!("browse.flag_needs_question")
    }
    pub fn flag_empty() -> String {
        t!("browse.flag_empty")
    }
    pub fn search() -> String {
        t!("browse.search")
    }
    pub fn new_search() -> String {
        t!("browse.new_search")
    }
    pub fn back() -> String {
        t!("browse.back")
    }
    pub fn reset_confirm() -> String {
        t!("browse.reset_confirm")
    }
    pub fn which_question() -> String {
        t!("browse.which_question")
    }
    pub fn comment() -> String {
        t!("browse.comment")
    }
    pub fn no_match_terminal() -> String {
        t!("browse.no_match_terminal")
    }
    pub fn nothing_reset() -> String {
        t!("browse.nothing_reset")
    }
    pub fn done_reset() -> String {
        t!("browse.done_reset")
    }
    pub fn done_suspend() -> String {
        t!("browse.done_suspend")
    }
    pub fn done_unsuspend() -> String {
        t!("browse.done_unsuspend")
    }
    pub fn menu_unsuspend() -> String {
        t!("browse.menu_unsuspend")
    }
    pub fn menu_suspend() -> String {
        t!("browse.menu_suspend")
    }
    pub fn menu_reset() -> String {
        t!("browse.menu_reset")
    }
    pub fn menu_flag() -> String {
        t!("browse.menu_flag")
    }
    pub fn menu_prompt() -> String {
        t!("browse.menu_prompt")
    }
    pub fn never_answered() -> String {
        t!("browse.never_answered")
    }
}

/// A fact's state in words.
fn state_words(row: &MemoryRow, now: i64) -> String {
    let mut s = if row.suspended {
        t!("browse.state.suspended")
    } else if row.buried_until > now {
        t!("browse.state.buried")
    } else {
        match row.state.queue {
            Queue::New => t!("browse.state.new"),
            Queue::Learning => t!("browse.state.learning"),
            Queue::Review => t!("browse.state.review"),
            Queue::Relearning => t!("browse.state.relearning"),
        }
    };
    if row.leech {
        s.push_str(&t!("browse.state.leech"));
    }
    s
}

struct Filter<'a> {
    query: Option<Query>,
    id: Option<&'a str>,
    kind: Option<&'a str>,
    state: Option<StateFilter>,
    now: i64,
    reviews_before: i64,
}

/// A text query, prepared once.
struct Query {
    raw: String,
    lower: String,
    /// The query as toneless pinyin letters (spaces and apostrophes dropped), when it can be.
    pinyin: Option<Vec<u8>>,
}

impl Query {
    fn new(q: &str) -> Query {
        let raw = q.trim().to_owned();
        let pinyin = crate::grade::pinyin::typed(&raw)
            .filter(|p| p.iter().all(u8::is_ascii_alphabetic) && !p.is_empty());
        Query {
            lower: raw.to_lowercase(),
            raw,
            pinyin,
        }
    }
}

/// Whether the Chinese characters of `text` read, from some character on, as `letters`
/// (any reading of each character; the last syllable may be cut short).
fn pinyin_match(text: &str, letters: &[u8]) -> bool {
    let chars: Vec<char> = text.chars().collect();
    fn from(chars: &[char], letters: &[u8]) -> bool {
        if letters.is_empty() {
            return true;
        }
        let Some(&c) = chars.first() else {
            return false;
        };
        crate::grade::pinyin::readings(c).iter().any(|r| {
            let r = r.replace('ü', "v");
            let r = r.as_bytes();
            if letters.starts_with(r) {
                from(&chars[1..], &letters[r.len()..])
            } else {
                r.starts_with(letters)
            }
        })
    }
    (0..chars.len())
        .any(|i| !crate::grade::pinyin::readings(chars[i]).is_empty() && from(&chars[i..], letters))
}

impl Filter<'_> {
    fn keeps(&self, f: &BrowseFact) -> bool {
        let full = format!("{}/{}", f.deck, f.fact);
        if let Some(id) = self.id
            && id != full
            && !f.uids.iter().any(|u| u == id)
        {
            return false;
        }
        if self.kind.is_some_and(|k| k != f.kind) {
            return false;
        }
        if let Some(s) = self.state {
            let r = &f.row;
            let st = &r.state;
            let ok = match s {
                StateFilter::New => st.queue == Queue::New && !r.suspended,
                StateFilter::Learning => {
                    matches!(st.queue, Queue::Learning | Queue::Relearning) && !r.suspended
                }
                StateFilter::Suspended => r.suspended,
                StateFilter::Leech => r.leech,
                StateFilter::Buried => r.buried_until > self.now,
                StateFilter::Due => {
                    !r.suspended
                        && !f.retired
                        && r.buried_until <= self.now
                        && match st.queue {
                            Queue::Learning | Queue::Relearning => st.due <= self.now,
                            Queue::Review => st.due < self.reviews_before,
                            Queue::New => false,
                        }
                }
            };
            if !ok {
                return false;
            }
        }
        let Some(q) = &self.query else { return true };
        if q.raw.is_empty() || q.raw == full || f.uids.contains(&q.raw) {
            return true;
        }
        if f.text.to_lowercase().contains(&q.lower) || full.contains(&q.raw) {
            return true;
        }
        q.pinyin
            .as_ref()
            .is_some_and(|p| pinyin_match(&f.label, p) || pinyin_match(&f.text, p))
    }
}

pub fn run(ctx: &Ctx, args: &BrowseArgs, out: &mut dyn Write) -> Result<()> {
    let mut db = ctx.open_db()?;
    for d in &args.deck {
        if !db.deck_exists(d)? {
            return Err(Error::UnknownDeck(d.clone()));
        }
    }
    let settings = db.load_settings()?;
    let offset = schedule::local_utc_offset(ctx.now);
    let reviews_before = schedule::reviews_due_before(ctx.now, settings.rollover_hour, offset);
    let page = Page {
        now: ctx.now,
        decay: settings.decay().unwrap_or(fsrs::FSRS6_DEFAULT_DECAY),
        offset,
        reviews_before,
    };
    let action = args.suspend || args.unsuspend || args.reset || args.flag.is_some();
    let terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if terminal && !action && !args.json {
        return interactive(&mut db, args, &page, out);
    }
    let all = facts_with_text(&db, &args.deck)?;
    let f = filter(args, args.query.as_deref(), &page);
    let found: Vec<&BrowseFact> = all.iter().filter(|x| f.keeps(x)).collect();
    if !action {
        if args.json {
            for x in &found {
                let j = page.json(&db, x)?;
                write(out, &crate::term::json(&format!("{j}\n")))?;
            }
        } else if let [one] = found.as_slice() {
            write(out, &crate::term::clean(&page.text(&db, one)?))?;
        } else {
            for x in &found {
                write(out, &crate::term::clean(&format!("{}\n", page.line(x))))?;
            }
            if found.is_empty() {
                return Err(Error::Usage(msg::nothing()));
            }
        }
        return Ok(());
    }
    if found.is_empty() {
        return Err(Error::Usage(msg::nothing()));
    }
    if found.len() > 1 && (!args.all || args.flag.is_some()) {
        let msg = if args.flag.is_some() {
            msg::flag_needs_question().to_owned()
        } else {
            t!("browse.many", n = found.len())
        };
        return Err(Error::Usage(msg));
    }
    if let Some(comment) = &args.flag {
        let uid = args
            .id
            .as_deref()
            .or(args.query.as_deref())
            .filter(|u| found[0].uids.iter().any(|x| x == u))
            .ok_or_else(|| Error::Usage(msg::flag_needs_question()))?;
        flag(&db, uid, comment, ctx.now)?;
        let _english = args.json.then(crate::i18n::english_here);
        let text = flagged(uid);
        if !args.json {
            return write(out, &crate::term::clean(&format!("{text}\n")));
        }
        return report(out, true, "flag", found[0], &text);
    }
    if args.reset && !args.yes {
        if !terminal {
            return Err(Error::Usage(msg::reset_needs_yes()));
        }
        let sure = dialoguer::Confirm::new()
            .with_prompt(format!(
                "{} ({})",
                msg::reset_confirm(),
                crate::tn!("session.facts", found.len())
            ))
            .default(false)
            .interact_on(&console::Term::stderr())
            .unwrap_or(false);
        if !sure {
            return write(out, &format!("{}\n", msg::nothing_reset()));
        }
    }
    for x in found {
        // JSON is for scripts: its messages stay English.
        let _english = args.json.then(crate::i18n::english_here);
        let (event, text) = if args.reset {
            db.reset_fact(x.id)?;
            ("reset", msg::done_reset())
        } else if args.suspend {
            db.set_suspended(x.id, true)?;
            ("suspend", msg::done_suspend())
        } else {
            db.set_suspended(x.id, false)?;
            ("unsuspend", msg::done_unsuspend())
        };
        report(out, args.json, event, x, &text)?;
    }
    Ok(())
}

/// Every fact of the decks as its deck file gives it (JSON), by `DECK/FACT`: the English
/// renderings, accepted alternatives and notes that no question shows are found too.
fn deck_fact_texts(db: &Db) -> Result<std::collections::HashMap<String, String>> {
    let mut out = std::collections::HashMap::new();
    for (id, _origin, text) in db.deck_texts()? {
        // A stored deck validated when it was added; one this version reads differently
        // is searched by its questions only.
        let Some(f) = crate::deck::read_stored(&text) else {
            continue;
        };
        let f = &f;
        macro_rules! each {
            ($($field:ident),*) => {$(
                for x in &f.$field {
                    out.insert(
                        format!("{id}/{}", x.id.get_ref()),
                        serde_json::to_string(x).unwrap_or_default(),
                    );
                }
            )*};
        }
        each!(
            lists, events, numbers, terms, documents, people, qas, clozes
        );
    }
    Ok(out)
}

/// The facts of `decks` with their deck-file text added to what a query matches.
fn facts_with_text(db: &Db, decks: &[String]) -> Result<Vec<BrowseFact>> {
    let mut facts = db.browse_facts(decks)?;
    let texts = deck_fact_texts(db)?;
    for f in &mut facts {
        if let Some(t) = texts.get(&format!("{}/{}", f.deck, f.fact)) {
            f.text.push('\n');
            f.text.push_str(t);
        }
    }
    Ok(facts)
}

fn write(out: &mut dyn Write, text: &str) -> Result<()> {
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("stdout", e))
}

fn report(out: &mut dyn Write, json: bool, event: &str, f: &BrowseFact, text: &str) -> Result<()> {
    let id = format!("{}/{}", f.deck, f.fact);
    if json {
        let j = json!({"event": event, "fact": id, "message": text});
        write(out, &crate::term::json(&format!("{j}\n")))
    } else {
        write(
            out,
            &crate::term::clean(&format!("{text}: {id} {}\n", f.label)),
        )
    }
}

/// Stores a flag on question `uid`.
fn flag(db: &Db, uid: &str, comment: &str, now: i64) -> Result<()> {
    let comment = comment.trim();
    if comment.is_empty() {
        return Err(Error::Usage(msg::flag_empty()));
    }
    let (qid, _, _) = db
        .question_ref_by_uid(uid)?
        .ok_or_else(|| Error::Usage(msg::flag_needs_question()))?;
    db.add_flag(qid, comment, now)?;
    Ok(())
}

/// What is said once question `uid` is flagged.
fn flagged(uid: &str) -> String {
    t!("browse.flagged", uid = uid)
}

/// How facts are shown.
struct Page {
    now: i64,
    /// The forgetting curve of the student's FSRS parameters, for recall now.
    decay: f32,
    offset: i32,
    /// Reviews due before this are due today.
    reviews_before: i64,
}

fn filter<'a>(args: &'a BrowseArgs, query: Option<&str>, page: &Page) -> Filter<'a> {
    Filter {
        query: query.map(Query::new),
        id: args.id.as_deref(),
        kind: args.kind.as_deref(),
        state: args.state,
        now: page.now,
        reviews_before: page.reviews_before,
    }
}

impl Page {
    /// `2026-03-02 09:00`, local time.
    fn time(&self, secs: i64) -> String {
        let local = secs + i64::from(self.offset);
        let t = local.rem_euclid(86_400);
        format!(
            "{} {:02}:{:02}",
            crate::export::iso_date(local),
            t / 3600,
            t / 60 % 60
        )
    }

    fn recall(&self, row: &MemoryRow) -> Option<f64> {
        let s = &row.state;
        match (s.stability, s.difficulty, s.last_review) {
            (Some(st), Some(d), Some(last)) if st > 0.0 => {
                let days = ((self.now - last).max(0) as f32) / 86_400.0;
                let p = fsrs::current_retrievability(
                    fsrs::MemoryState {
                        stability: st,
                        difficulty: d,
                    },
                    days,
                    self.decay,
                );
                Some((f64::from(p) * 1000.0).round() / 1000.0)
            }
            _ => None,
        }
    }

    fn line(&self, f: &BrowseFact) -> String {
        format!(
            "{}/{}  {}  [{}]  {}",
            f.deck,
            f.fact,
            f.kind,
            state_words(&f.row, self.now),
            crate::term::clean_line(&f.label)
        )
    }

    fn text(&self, db: &Db, f: &BrowseFact) -> Result<String> {
        let r = &f.row;
        let s = &r.state;
        let mut o = format!("{}/{}  {}\n{}\n", f.deck, f.fact, f.kind, f.label);
        o.push_str(&t!(
            "browse.page.state",
            state = state_words(r, self.now),
            rung = Rung::from_u8(r.rung).words()
        ));
        o.push('\n');
        if s.queue != Queue::New {
            o.push_str(&t!(
                "browse.page.memory",
                stability = format!("{:.1}", s.stability.unwrap_or(0.0)),
                difficulty = format!("{:.1}", s.difficulty.unwrap_or(0.0)),
                due = self.time(s.due),
                when = crate::session::when(s, self.now),
                recall = self
                    .recall(r)
                    .map_or(t!("browse.page.unknown"), |p| format!("{:.0}%", p * 100.0))
            ));
            o.push('\n');
        }
        o.push_str(&t!("browse.page.questions"));
        o.push('\n');
        for qid in db.fact_question_ids(f.id)? {
            let q = db.question(qid)?;
            o.push_str(&format!(
                "  {}\n    {}\n    → {}\n",
                q.uid,
                q.prompt,
                q.answer.display()
            ));
        }
        let history = db.fact_history(f.id)?;
        if history.is_empty() {
            o.push_str(&msg::never_answered());
        } else {
            o.push_str(&t!("browse.page.history"));
            o.push('\n');
            for h in history {
                let rating = rating_text(h.rating);
                let verdict = match h.verdict.as_deref() {
                    Some("correct") => crate::session::verdict_words(Verdict::Correct),
                    Some("almost") => crate::session::verdict_words(Verdict::Almost),
                    Some("wrong") => crate::session::verdict_words(Verdict::Wrong),
                    other => other.unwrap_or("").to_owned(),
                };
                let overruled = if h.overridden {
                    t!("browse.page.overruled")
                } else {
                    String::new()
                };
                o.push_str(&format!(
                    "  {}  {}\n    {}\n",
                    self.time(h.at_ms.div_euclid(1000)),
                    h.question,
                    t!(
                        "browse.page.answer",
                        given = h
                            .given
                            .clone()
                            .unwrap_or_else(|| t!("browse.page.self_rated")),
                        verdict = format!("{verdict}{overruled}"),
                        rating = rating,
                        days = h.interval_days
                    )
                ));
            }
        }
        Ok(o)
    }

    fn json(&self, db: &Db, f: &BrowseFact) -> Result<serde_json::Value> {
        let r = &f.row;
        let s = &r.state;
        let mut questions = Vec::new();
        for qid in db.fact_question_ids(f.id)? {
            let q = db.question(qid)?;
            questions.push(
                json!({"id": q.uid, "kind": q.kind.as_str(), "prompt": q.prompt,
                "expected": q.answer.display()}),
            );
        }
        let history: Vec<_> = db
            .fact_history(f.id)?
            .into_iter()
            .map(|h| {
                json!({"at": crate::results::fields::rfc3339(h.at_ms.div_euclid(1000)),
                    "question": h.question, "given": h.given, "verdict": h.verdict,
                    "rating": rating_word(h.rating), "interval_days": h.interval_days,
                    "overridden": h.overridden})
            })
            .collect();
        Ok(json!({
            "fact": format!("{}/{}", f.deck, f.fact),
            "deck": f.deck,
            "kind": f.kind,
            "label": f.label,
            "state": s.queue.as_str(),
            "suspended": r.suspended,
            "buried": r.buried_until > self.now,
            "leech": r.leech,
            "retired": f.retired,
            "rung": Rung::from_u8(r.rung).as_str(),
            "stability": s.stability,
            "difficulty": s.difficulty,
            "due": (s.queue != Queue::New).then_some(s.due),
            "recall": self.recall(r),
            "questions": questions,
            "history": history,
        }))
    }
}

/// A stored rating as the page shows it (JSON keeps [`rating_word`]).
fn rating_text(r: i64) -> String {
    usize::try_from(r)
        .ok()
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| Rating::ALL.get(i))
        .map_or_else(
            || t!("browse.page.manual"),
            |r| crate::session::rating_words(*r),
        )
}

fn rating_word(r: i64) -> &'static str {
    usize::try_from(r)
        .ok()
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| Rating::ALL.get(i))
        .map_or("manual", |r| r.as_str())
}

/// The terminal browser: a list of matches, a fact's page and its actions.
fn interactive(db: &mut Db, args: &BrowseArgs, page: &Page, out: &mut dyn Write) -> Result<()> {
    use dialoguer::{Input, Select, theme::ColorfulTheme};
    let theme = ColorfulTheme::default();
    let term = console::Term::stderr();
    let tio = |e: dialoguer::Error| {
        let dialoguer::Error::IO(e) = e;
        Error::io("terminal", e)
    };
    let mut query = args.query.clone();
    loop {
        let q = match query.take() {
            Some(q) => q,
            None => match Input::<String>::with_theme(&theme)
                .with_prompt(msg::search())
                .allow_empty(true)
                .interact_text_on(&term)
            {
                Ok(q) => q,
                // Ctrl-C or a closed terminal ends browsing.
                Err(_) => return Ok(()),
            },
        };
        let f = filter(args, Some(&q), page);
        let found: Vec<BrowseFact> = facts_with_text(db, &args.deck)?
            .into_iter()
            .filter(|x| f.keeps(x))
            .collect();
        if found.is_empty() {
            write(out, &format!("{}\n", msg::no_match_terminal()))?;
            continue;
        }
        let mut pos = 1;
        loop {
            let mut items = vec![msg::new_search().to_owned()];
            items.extend(found.iter().map(|x| {
                let fresh = db.study_fact(x.id).map(|s| s.row).unwrap_or(x.row.clone());
                crate::term::clean_line(&page.line(&BrowseFact {
                    row: fresh,
                    ..x.clone()
                }))
                .into_owned()
            }));
            let picked = Select::with_theme(&theme)
                .with_prompt(t!("browse.found", n = found.len()))
                .items(&items)
                .default(pos.min(items.len() - 1))
                .max_length(15)
                .interact_on_opt(&term)
                .map_err(tio)?;
            let Some(i) = picked else { return Ok(()) };
            if i == 0 {
                break;
            }
            pos = i;
            fact_page(db, &found[i - 1], page, &theme, &term, out)?;
        }
    }
}

/// One fact: its page, then its actions until Esc, q or back.
fn fact_page(
    db: &mut Db,
    f: &BrowseFact,
    page: &Page,
    theme: &dialoguer::theme::ColorfulTheme,
    term: &console::Term,
    out: &mut dyn Write,
) -> Result<()> {
    use dialoguer::{Confirm, Input, Select};
    let tio = |e: dialoguer::Error| {
        let dialoguer::Error::IO(e) = e;
        Error::io("terminal", e)
    };
    loop {
        let row = db.study_fact(f.id)?.row;
        let f = BrowseFact { row, ..f.clone() };
        write(
            out,
            &format!("\n{}", crate::term::clean(&page.text(db, &f)?)),
        )?;
        let suspend = if f.row.suspended {
            msg::menu_unsuspend()
        } else {
            msg::menu_suspend()
        };
        let items = [suspend, msg::menu_reset(), msg::menu_flag(), msg::back()];
        let Some(i) = Select::with_theme(theme)
            .with_prompt(msg::menu_prompt())
            .items(items)
            .default(0)
            .interact_on_opt(term)
            .map_err(tio)?
        else {
            return Ok(());
        };
        let text = match i {
            0 => {
                db.set_suspended(f.id, !f.row.suspended)?;
                if f.row.suspended {
                    msg::done_unsuspend().to_owned()
                } else {
                    msg::done_suspend().to_owned()
                }
            }
            1 => {
                let sure = Confirm::with_theme(theme)
                    .with_prompt(msg::reset_confirm())
                    .default(false)
                    .interact_on(term)
                    .unwrap_or(false);
                if sure {
                    db.reset_fact(f.id)?;
                    msg::done_reset().to_owned()
                } else {
                    msg::nothing_reset().to_owned()
                }
            }
            2 => {
                let mut qs = Vec::new();
                for qid in db.fact_question_ids(f.id)? {
                    qs.push(db.question(qid)?);
                }
                let labels: Vec<String> = qs
                    .iter()
                    .map(|q| {
                        crate::term::clean_line(&format!("{}  {}", q.uid, q.prompt)).into_owned()
                    })
                    .collect();
                let Some(k) = Select::with_theme(theme)
                    .with_prompt(msg::which_question())
                    .items(&labels)
                    .default(0)
                    .max_length(10)
                    .interact_on_opt(term)
                    .map_err(tio)?
                else {
                    continue;
                };
                let comment = Input::<String>::with_theme(theme)
                    .with_prompt(msg::comment())
                    .allow_empty(true)
                    .interact_text_on(term)
                    .unwrap_or_default();
                match flag(db, &qs[k].uid, &comment, page.now) {
                    Ok(()) => flagged(&qs[k].uid),
                    Err(Error::Usage(m)) => m,
                    Err(e) => return Err(e),
                }
            }
            _ => return Ok(()),
        };
        write(out, &crate::term::clean(&format!("{text}\n")))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_finds_chinese_with_any_reading_and_a_cut_last_syllable() {
        let p = |q: &str| Query::new(q).pinyin.unwrap();
        assert!(pinyin_match("西安古称长安", &p("chang an")));
        // 长 read zhang (its other reading) is a reading too: a student types what they hear.
        assert!(pinyin_match("西安古称长安", &p("zhangan")));
        assert!(pinyin_match("上海合作组织", &p("shanghai he")));
        assert!(pinyin_match("上海合作组织", &p("hezuozu")));
        assert!(!pinyin_match("上海合作组织", &p("beijing")));
        // Not pinyin: left to the plain text match.
        assert!(Query::new("上合").pinyin.is_none());
        assert!(Query::new("2020").pinyin.is_none());
    }
}
