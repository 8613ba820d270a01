//! The class report: many students' result files merged into a table per student, the
//! hardest facts, figures per list, meeting and source, deck versions, overruled answers and
//! flagged questions; as text for the terminal, Markdown or an HTML page.
//!
//! Two figures are kept apart everywhere. **Accuracy** is measured: the share of answers that
//! were right (not Again). **Predicted recall** is FSRS's prediction, at the time the report
//! is made, that a student recalls the fact, from that student's memory of it (stability,
//! time since its last answer, the student's forgetting-curve decay); averaged over students
//! (one value per student and fact, however many of its questions were asked).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::fields::{parse_rfc3339, predicted_recall};
use super::{ResultsFile, VERSION};
use crate::error::{Error, Result};
use crate::export::html_escape;
use crate::t;

/// A result file as read: where from, its bytes' digest (to tell the same file given twice)
/// and its contents.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    canonical: Option<PathBuf>,
    digest: [u8; 32],
    pub file: ResultsFile,
}

/// Reads and checks one result file.
pub fn load(path: &Path) -> Result<Input> {
    let bytes = crate::input::read_capped(path, crate::input::MAX_RESULTS_BYTES, "result file")?;
    let digest: [u8; 32] = Sha256::digest(&bytes).into();
    let file = parse(path, bytes)?;
    Ok(Input {
        path: path.to_owned(),
        canonical: std::fs::canonicalize(path).ok(),
        digest,
        file,
    })
}

/// Parses and checks the bytes of a result file read from `path`.
fn parse(path: &Path, bytes: Vec<u8>) -> Result<ResultsFile> {
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::Usage(t!("report.not_utf8", path = path.display())))?;
    let f: ResultsFile = serde_json::from_str(&text).map_err(|e| {
        Error::Usage(t!(
            "report.not_json",
            path = path.display(),
            line = e.line(),
            column = e.column(),
            reason = e
        ))
    })?;
    if f.format != "quiz-results" {
        return Err(Error::Usage(t!(
            "report.wrong_format",
            path = path.display(),
            format = f.format
        )));
    }
    if f.version > VERSION {
        return Err(Error::Usage(t!(
            "report.too_new",
            path = path.display(),
            found = f.version,
            known = VERSION
        )));
    }
    if let Some(d) = f.fsrs_decay
        && !(d.is_finite() && (0.01..=1.0).contains(&d))
    {
        return Err(Error::Usage(t!(
            "report.bad_decay",
            path = path.display(),
            value = d
        )));
    }
    for (i, fact) in f.facts.iter().flatten().enumerate() {
        check_fact(fact).map_err(|why| {
            Error::Usage(t!(
                "report.bad_fact",
                path = path.display(),
                n = i + 1,
                id = format!(
                    "{}/{}",
                    crate::term::clean_line(&fact.deck),
                    crate::term::clean_line(&fact.fact)
                ),
                why = why
            ))
        })?;
    }
    for (i, q) in f.questions.iter().enumerate() {
        check_question(q).map_err(|why| {
            Error::Usage(t!(
                "report.bad_question",
                path = path.display(),
                n = i + 1,
                id = crate::term::clean_line(&q.uid),
                why = why
            ))
        })?;
    }
    Ok(f)
}

/// The most reviews one question can sensibly have had (a hundred a day for thirty years).
const MAX_REVIEWS: u32 = 1_000_000;

/// Numbers a real result file can hold: a probability between 0 and 1, a rating 1 to 4,
/// counts that fit within the reviews.
fn check_question(q: &super::QuestionResult) -> std::result::Result<(), String> {
    if let Some(r) = q.recall
        && !(r.is_finite() && (0.0..=1.0).contains(&r))
    {
        return Err(t!("report.field.recall", value = r));
    }
    if let Some(r) = q.last_rating
        && !(1..=4).contains(&r)
    {
        return Err(t!("report.field.last_rating", value = r));
    }
    if q.reviews > MAX_REVIEWS {
        return Err(t!("report.field.reviews", value = q.reviews));
    }
    // Not `lapses`: files written before it was counted per question carry the fact's
    // lapses on each of its questions, which may exceed one question's reviews.
    if q.again > q.reviews {
        return Err(t!(
            "report.field.again",
            value = q.again,
            reviews = q.reviews
        ));
    }
    Ok(())
}

/// Numbers a fact's memory can hold.
fn check_fact(f: &super::FactResult) -> std::result::Result<(), String> {
    if f.rung > 2 {
        return Err(t!("report.field.rung", value = f.rung));
    }
    if let Some(s) = f.stability
        && !(s.is_finite() && s > 0.0)
    {
        return Err(t!("report.field.stability", value = s));
    }
    if let Some(d) = f.difficulty
        && !(d.is_finite() && (1.0..=10.0).contains(&d))
    {
        return Err(t!("report.field.difficulty", value = d));
    }
    if let Some(t) = &f.last_review
        && parse_rfc3339(t).is_none()
    {
        return Err(t!(
            "report.field.last_review",
            value = crate::term::clean_line(t)
        ));
    }
    if f.lapses > f.reps {
        return Err(t!("report.field.lapses", value = f.lapses, reps = f.reps));
    }
    Ok(())
}

/// One student's line in the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Student {
    /// The chosen name (`student N` without one; ` (2)` after a name already taken).
    pub name: String,
    pub file: String,
    pub answers: u64,
    /// Answers not rated Again.
    pub right: u64,
    /// Facts with at least one answer.
    pub facts_reached: usize,
    /// Facts at the free-recall rung; `None` for a file that does not say.
    pub facts_free: Option<usize>,
    /// The day of the last answer (`YYYY-MM-DD`); `None` for a file that does not say.
    pub last_active: Option<String>,
    /// Mean predicted recall of the student's facts now.
    pub predicted: Option<f64>,
    /// The student's measure minus the class median of it (see [`Behind`]).
    pub vs_median: Option<f64>,
    pub behind: bool,
}

impl Student {
    pub fn accuracy(&self) -> Option<f64> {
        share(self.right, self.answers)
    }
}

/// How "behind" was decided for this class.
#[derive(Debug, Clone, PartialEq)]
pub struct Behind {
    /// `facts at free recall`, or `facts reached` when the median of the former is 0 or no
    /// file says.
    pub measure: &'static str,
    pub median: f64,
}

/// Figures over a group of facts (one fact, one meeting, one source).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stat {
    pub deck: String,
    /// The fact id, the meeting or the source title.
    pub key: String,
    pub label: String,
    pub fact_kind: String,
    pub meeting: String,
    /// Students who answered any of its questions.
    pub students: usize,
    /// Students whose memory of it (or of all its facts) is at the free-recall rung.
    pub free: usize,
    /// Facts in the group (for a meeting or source).
    pub facts: usize,
    pub answers: u64,
    pub right: u64,
    recall_sum: f64,
    recall_n: u64,
    who: BTreeSet<usize>,
}

impl Stat {
    /// Share of answers that were right (not Again).
    pub fn accuracy(&self) -> Option<f64> {
        share(self.right, self.answers)
    }

    /// Mean predicted recall over the students (and facts) with a memory of it.
    pub fn predicted(&self) -> Option<f64> {
        (self.recall_n > 0).then(|| self.recall_sum / self.recall_n as f64)
    }
}

fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// An answer students overruled as right.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    pub uid: String,
    pub prompt: Option<String>,
    pub expected: Option<String>,
    pub answer: String,
    pub students: usize,
}

/// A question students flagged as wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct Flagged {
    pub uid: String,
    pub students: usize,
    /// The comments, each once, in the order given.
    pub comments: Vec<String>,
}

/// The versions of one deck the students used.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckVersions {
    pub deck: String,
    /// Version (`None`: the file does not say) → students, most used first.
    pub versions: Vec<(Option<String>, Vec<String>)>,
}

/// The merged report.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// When it was made (unix seconds): predicted recall is for this time.
    pub now: i64,
    pub students: Vec<Student>,
    pub behind: Option<Behind>,
    pub answers: u64,
    pub right: u64,
    /// Every fact, lowest accuracy first.
    pub facts: Vec<Stat>,
    /// List facts, lowest accuracy first.
    pub lists: Vec<Stat>,
    pub meetings: Vec<Stat>,
    pub sources: Vec<Stat>,
    pub decks: Vec<DeckVersions>,
    pub overrides: Vec<Override>,
    pub flags: Vec<Flagged>,
    /// Duplicates dropped, versions that differ, files that leave things unknown.
    pub warnings: Vec<String>,
}

impl Report {
    pub fn accuracy(&self) -> Option<f64> {
        share(self.right, self.answers)
    }
}

/// What two files being "the same results" means: the same answers (per question: reviews,
/// Again, lapses, last rating, overruled answers), the same memory of every fact (stability,
/// difficulty, rung, the instant of its last answer) and the same deck versions. The name,
/// the day written and the recall as of that day are left out, so the same database
/// exported twice (under two names, or on two days without study between) matches; for a
/// file without fact memories the day and the recalls are kept in, so that two students
/// with the same few answer counts do not.
fn content_key(f: &ResultsFile) -> [u8; 32] {
    let mut h = Sha256::new();
    let mut qs: Vec<String> = f
        .questions
        .iter()
        .map(|q| {
            let recall = if f.facts.is_some() { None } else { q.recall };
            serde_json::json!([
                q.uid,
                q.reviews,
                q.again,
                q.lapses,
                q.last_rating,
                q.accepted_overrides,
                recall
            ])
            .to_string()
        })
        .collect();
    qs.sort();
    for q in qs {
        h.update(q.as_bytes());
        h.update(b"\n");
    }
    if f.facts.is_none() {
        h.update(f.as_of.as_bytes());
    }
    h.update(
        serde_json::to_string(&f.facts)
            .unwrap_or_default()
            .as_bytes(),
    );
    h.update(
        serde_json::to_string(&f.decks)
            .unwrap_or_default()
            .as_bytes(),
    );
    h.finalize().into()
}

/// Whether `earlier` is an earlier export of `later`'s database: no question has more
/// answers in it, and it has fewer answers in all.
fn is_earlier_export(earlier: &ResultsFile, later: &ResultsFile) -> bool {
    let counts: BTreeMap<&str, u32> = later
        .questions
        .iter()
        .map(|q| (q.uid.as_str(), q.reviews))
        .collect();
    let total = |f: &ResultsFile| {
        f.questions
            .iter()
            .map(|q| u64::from(q.reviews))
            .sum::<u64>()
    };
    total(earlier) < total(later)
        && earlier
            .questions
            .iter()
            .all(|q| counts.get(q.uid.as_str()).is_some_and(|&n| n >= q.reviews))
}

fn shown_name(f: &ResultsFile) -> String {
    f.name.clone().unwrap_or_else(|| "(no name)".into())
}

/// Drops duplicates, each with a warning; see docs/export.md for the rules.
///
/// 1. The same file given twice (the same path, or byte for byte the same content).
/// 2. The same results (`content_key`) under another name or none.
/// 3. The same name, where one file's answers are all within the other's: an earlier
///    export of the same student; the later one counts.
///
/// Two files with the same name and histories that part ways are two students, warned of.
pub fn dedupe(inputs: Vec<Input>) -> (Vec<Input>, Vec<String>) {
    let mut kept: Vec<Input> = Vec::new();
    // Each kept file's content key, computed once: comparing is then cheap for a big class.
    let mut keys: Vec<[u8; 32]> = Vec::new();
    let mut warnings = Vec::new();
    let file = |i: &Input| i.path.display().to_string();
    'next: for inp in inputs {
        let key = content_key(&inp.file);
        // Files with no answers are all alike, and say nothing worth counting twice or
        // once: they are kept.
        let answered = inp.file.questions.iter().any(|q| q.reviews > 0);
        for (k, k_key) in kept.iter().zip(&keys) {
            let same_path = inp.canonical.is_some() && inp.canonical == k.canonical;
            if same_path || inp.digest == k.digest {
                warnings.push(t!("report.same_file", file = file(&inp), other = file(k)));
                continue 'next;
            }
            if answered && key == *k_key {
                warnings.push(t!(
                    "report.same_results",
                    file = file(&inp),
                    name = shown_name(&inp.file),
                    other = file(k),
                    other_name = shown_name(&k.file)
                ));
                continue 'next;
            }
        }
        let same_name = |k: &Input| {
            let norm = |f: &ResultsFile| f.name.as_deref().map(|n| n.trim().to_lowercase());
            norm(&inp.file).is_some() && norm(&inp.file) == norm(&k.file)
        };
        if let Some(at) = kept.iter().position(same_name) {
            let k = &kept[at];
            if is_earlier_export(&inp.file, &k.file) {
                warnings.push(t!(
                    "report.earlier_export",
                    file = file(&inp),
                    name = shown_name(&k.file),
                    other = file(k)
                ));
                continue 'next;
            }
            if is_earlier_export(&k.file, &inp.file) {
                warnings.push(t!(
                    "report.earlier_export",
                    file = file(k),
                    name = shown_name(&k.file),
                    other = file(&inp)
                ));
                kept[at] = inp;
                keys[at] = key;
                continue 'next;
            }
            warnings.push(t!(
                "report.same_name",
                file = file(k),
                other = file(&inp),
                name = shown_name(&k.file)
            ));
        }
        kept.push(inp);
        keys.push(key);
    }
    (kept, warnings)
}

/// Per student and fact: what the fact table needs.
#[derive(Default)]
struct Seen {
    student: usize,
    answers: u64,
    right: u64,
    /// From the file's fact memory: the rung and the predicted recall.
    rung: Option<u8>,
    recall: Option<f64>,
}

/// Merges result files (already without duplicates) into a report, predicting recall at
/// `now` (unix seconds).
pub fn build(inputs: &[Input], now: i64) -> Report {
    let mut students = Vec::new();
    let mut seen_names = BTreeSet::new();
    let mut warnings = Vec::new();
    // Fact metadata, from whichever file has it (older files have no meeting).
    let mut meta: BTreeMap<(String, String), (String, String, String, String)> = BTreeMap::new();
    // (deck, fact) → per student.
    let mut per_fact: BTreeMap<(String, String), Vec<Seen>> = BTreeMap::new();
    // (uid, answer) → (students, prompt, expected).
    type Overruled = (usize, Option<String>, Option<String>);
    let mut overrides: BTreeMap<(String, String), Overruled> = BTreeMap::new();
    let mut flags: BTreeMap<String, (BTreeSet<usize>, Vec<String>)> = BTreeMap::new();
    let mut versions: BTreeMap<String, BTreeMap<Option<String>, Vec<String>>> = BTreeMap::new();
    let mut no_memory = Vec::new();
    let mut no_versions = Vec::new();
    let (mut answers, mut right) = (0, 0);
    for (i, inp) in inputs.iter().enumerate() {
        let f = &inp.file;
        let base = f
            .name
            .clone()
            .unwrap_or_else(|| t!("report.student_n", n = i + 1));
        let mut name = base.clone();
        let mut n = 2;
        while !seen_names.insert(name.clone()) {
            name = format!("{base} ({n})");
            n += 1;
        }
        let mut mine: BTreeMap<(String, String), Seen> = BTreeMap::new();
        for q in &f.questions {
            let key = (q.deck.clone(), q.fact.clone());
            meta.entry(key.clone()).or_insert_with(|| {
                (
                    q.fact_label.clone(),
                    q.fact_kind.clone(),
                    String::new(),
                    q.source.clone(),
                )
            });
            let s = mine.entry(key).or_insert_with(|| Seen {
                student: i,
                ..Seen::default()
            });
            s.answers += u64::from(q.reviews);
            s.right += u64::from(q.reviews - q.again.min(q.reviews));
            if !q.accepted_overrides.is_empty() {
                for a in &q.accepted_overrides {
                    let o = overrides.entry((q.uid.clone(), a.clone())).or_default();
                    o.0 += 1;
                    o.1 = o.1.take().or_else(|| q.prompt.clone());
                    o.2 = o.2.take().or_else(|| q.expected.clone());
                }
            }
        }
        let decay = f.fsrs_decay;
        let mut last = None::<i64>;
        for fact in f.facts.iter().flatten() {
            let key = (fact.deck.clone(), fact.fact.clone());
            let m = meta.entry(key.clone()).or_insert_with(|| {
                (
                    fact.fact_label.clone(),
                    fact.fact_kind.clone(),
                    String::new(),
                    fact.source.clone(),
                )
            });
            if m.2.is_empty() {
                m.2.clone_from(&fact.meeting);
            }
            let at = fact.last_review.as_deref().and_then(parse_rfc3339);
            last = last.max(at);
            let s = mine.entry(key).or_insert_with(|| Seen {
                student: i,
                ..Seen::default()
            });
            s.rung = Some(fact.rung);
            s.recall = match (fact.stability, fact.difficulty, at, decay) {
                (Some(st), Some(d), Some(at), Some(decay)) => {
                    predicted_recall(st, d, at, now, decay)
                }
                _ => None,
            };
        }
        if f.facts.is_none() {
            no_memory.push(name.clone());
        }
        match &f.decks {
            Some(ds) => {
                for d in ds {
                    versions
                        .entry(d.deck.clone())
                        .or_default()
                        .entry(Some(d.version.clone()))
                        .or_default()
                        .push(name.clone());
                }
            }
            None => {
                no_versions.push(name.clone());
                let decks: BTreeSet<&str> = f.questions.iter().map(|q| q.deck.as_str()).collect();
                for d in decks {
                    versions
                        .entry(d.to_owned())
                        .or_default()
                        .entry(None)
                        .or_default()
                        .push(name.clone());
                }
            }
        }
        for fl in &f.flags {
            let e = flags.entry(fl.question.clone()).or_default();
            e.0.insert(i);
            let c = fl.comment.trim();
            if !c.is_empty() && !e.1.iter().any(|x| x == c) {
                e.1.push(c.to_owned());
            }
        }
        let (mut a, mut r) = (0, 0);
        let reached = mine.values().filter(|s| s.answers > 0).count();
        let recalls: Vec<f64> = mine.values().filter_map(|s| s.recall).collect();
        for (key, s) in mine {
            a += s.answers;
            r += s.right;
            per_fact.entry(key).or_default().push(s);
        }
        answers += a;
        right += r;
        students.push(Student {
            name,
            file: inp.path.display().to_string(),
            answers: a,
            right: r,
            facts_reached: reached,
            facts_free: f
                .facts
                .as_ref()
                .map(|fs| fs.iter().filter(|x| x.rung >= 2).count()),
            last_active: last.map(crate::export::iso_date),
            predicted: (!recalls.is_empty())
                .then(|| recalls.iter().sum::<f64>() / recalls.len() as f64),
            vs_median: None,
            behind: false,
        });
    }
    let behind = mark_behind(&mut students);

    let mut facts: Vec<Stat> = Vec::new();
    let mut meetings: BTreeMap<(String, String), Stat> = BTreeMap::new();
    let mut sources: BTreeMap<(String, String), Stat> = BTreeMap::new();
    for (key, seen) in per_fact {
        let (label, kind, meeting, source) = meta.get(&key).cloned().unwrap_or_default();
        let mut s = Stat {
            deck: key.0.clone(),
            key: key.1.clone(),
            label,
            fact_kind: kind,
            meeting: meeting.clone(),
            facts: 1,
            ..Stat::default()
        };
        for x in &seen {
            if x.answers > 0 {
                s.who.insert(x.student);
            }
            s.students = s.who.len();
            s.free += usize::from(x.rung == Some(2));
            s.answers += x.answers;
            s.right += x.right;
            if let Some(r) = x.recall {
                s.recall_sum += r;
                s.recall_n += 1;
            }
        }
        let meeting = if meeting.is_empty() {
            "(unknown)".to_owned()
        } else {
            meeting
        };
        for (map, k) in [(&mut meetings, meeting), (&mut sources, source)] {
            let g = map
                .entry((key.0.clone(), k.clone()))
                .or_insert_with(|| Stat {
                    deck: key.0.clone(),
                    key: k.clone(),
                    label: k,
                    ..Stat::default()
                });
            g.facts += 1;
            g.answers += s.answers;
            g.right += s.right;
            g.recall_sum += s.recall_sum;
            g.recall_n += s.recall_n;
            g.who.extend(s.who.iter().copied());
            g.students = g.who.len();
        }
        facts.push(s);
    }
    let by_accuracy = |a: &Stat, b: &Stat| {
        a.accuracy()
            .unwrap_or(1.0)
            .total_cmp(&b.accuracy().unwrap_or(1.0))
            .then(b.answers.cmp(&a.answers))
            .then(a.deck.cmp(&b.deck))
            .then(a.key.cmp(&b.key))
    };
    facts.sort_by(by_accuracy);
    let lists: Vec<Stat> = facts
        .iter()
        .filter(|s| s.fact_kind == "list")
        .cloned()
        .collect();
    let mut meetings: Vec<Stat> = meetings.into_values().collect();
    meetings.sort_by(by_accuracy);
    let mut sources: Vec<Stat> = sources.into_values().collect();
    sources.sort_by(by_accuracy);

    let decks: Vec<DeckVersions> = versions
        .into_iter()
        .map(|(deck, vs)| {
            let mut versions: Vec<(Option<String>, Vec<String>)> = vs.into_iter().collect();
            versions.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
            DeckVersions { deck, versions }
        })
        .collect();
    for d in &decks {
        let known = d.versions.iter().filter(|(v, _)| v.is_some()).count();
        if known > 1 {
            warnings.push(t!(
                "report.several_versions",
                known = known,
                deck = d.deck,
                versions = t!("report.title.deck_versions")
            ));
        }
    }
    if !no_versions.is_empty() {
        warnings.push(t!("report.no_versions", students = no_versions.join(", ")));
    }
    if !no_memory.is_empty() {
        warnings.push(t!("report.no_memory", students = no_memory.join(", ")));
    }

    // An older file does not carry the prompt: another file may, for the same question.
    let mut asked: BTreeMap<String, (Option<String>, Option<String>)> = BTreeMap::new();
    for ((uid, _), (_, prompt, expected)) in &overrides {
        let e = asked.entry(uid.clone()).or_default();
        if e.0.is_none() {
            e.0.clone_from(prompt);
        }
        if e.1.is_none() {
            e.1.clone_from(expected);
        }
    }
    let mut overrides: Vec<Override> = overrides
        .into_iter()
        .map(|((uid, answer), (students, prompt, expected))| Override {
            prompt: prompt.or_else(|| asked.get(&uid).and_then(|a| a.0.clone())),
            expected: expected.or_else(|| asked.get(&uid).and_then(|a| a.1.clone())),
            uid,
            answer,
            students,
        })
        .collect();
    overrides.sort_by(|a, b| b.students.cmp(&a.students).then(a.uid.cmp(&b.uid)));
    let mut flags: Vec<Flagged> = flags
        .into_iter()
        .map(|(uid, (who, comments))| Flagged {
            uid,
            students: who.len(),
            comments,
        })
        .collect();
    flags.sort_by(|a, b| b.students.cmp(&a.students).then(a.uid.cmp(&b.uid)));
    Report {
        now,
        students,
        behind,
        answers,
        right,
        facts,
        lists,
        meetings,
        sources,
        decks,
        overrides,
        flags,
        warnings,
    }
}

/// A student is behind when their measure is below three quarters of the class median. The
/// measure is facts at the free-recall rung (what an exam asks); while the class median of
/// that is 0 (early on), or no file says, it is facts reached.
fn mark_behind(students: &mut [Student]) -> Option<Behind> {
    let median = |mut xs: Vec<f64>| -> Option<f64> {
        if xs.is_empty() {
            return None;
        }
        xs.sort_by(f64::total_cmp);
        let n = xs.len();
        Some(if n % 2 == 1 {
            xs[n / 2]
        } else {
            (xs[n / 2 - 1] + xs[n / 2]) / 2.0
        })
    };
    let free = median(
        students
            .iter()
            .filter_map(|s| s.facts_free.map(|n| n as f64))
            .collect(),
    );
    type Measure = fn(&Student) -> Option<f64>;
    let (measure, median, of): (&'static str, f64, Measure) = match free {
        Some(m) if m > 0.0 => ("facts at free recall", m, |s| {
            s.facts_free.map(|n| n as f64)
        }),
        _ => (
            "facts reached",
            median(students.iter().map(|s| s.facts_reached as f64).collect())?,
            |s| Some(s.facts_reached as f64),
        ),
    };
    for s in students.iter_mut() {
        if let Some(x) = of(s) {
            s.vs_median = Some(x - median);
            s.behind = x < 0.75 * median;
        }
    }
    Some(Behind { measure, median })
}

fn pct(x: Option<f64>) -> String {
    x.map_or("–".into(), |x| format!("{:.0}%", x * 100.0))
}

/// A table: header and rows of cells, rendered per output format.
struct Table {
    title: String,
    note: String,
    head: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// What a report shows: how many of the hardest facts, and the fewest answers a fact needs
/// to be ranked among them.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// 0: every fact.
    pub top: usize,
    pub min_answers: u64,
}

/// Column headings and notes, in the interface language (`report.*` in the catalogue).
fn heads(ids: &[&'static str]) -> Vec<String> {
    ids.iter().map(|id| head(id)).collect()
}

fn head(id: &str) -> String {
    match id {
        "student" => t!("report.col.student"),
        "answers" => t!("report.col.answers"),
        "accuracy" => t!("report.col.accuracy"),
        "facts reached" => t!("report.col.facts_reached"),
        "at free recall" => t!("report.col.at_free_recall"),
        "predicted recall" => t!("report.col.predicted_recall"),
        "last active" => t!("report.col.last_active"),
        "vs median" => t!("report.col.vs_median"),
        "behind" => t!("report.col.behind"),
        "students" => t!("report.col.students"),
        "fact" => t!("report.col.fact"),
        "kind" => t!("report.col.kind"),
        "what" => t!("report.col.what"),
        "meeting" => t!("report.col.meeting"),
        "list" => t!("report.col.list"),
        "heading" => t!("report.col.heading"),
        "facts" => t!("report.col.facts"),
        "deck" => t!("report.col.deck"),
        "source" => t!("report.col.source"),
        "version" => t!("report.col.version"),
        "question" => t!("report.col.question"),
        "prompt" => t!("report.col.prompt"),
        "expected" => t!("report.col.expected"),
        "overruled answer" => t!("report.col.overruled_answer"),
        "comments" => t!("report.col.comments"),
        other => other.to_owned(),
    }
}

fn predicted_note() -> String {
    t!("report.predicted_note")
}

fn unknown_or(x: Option<String>) -> String {
    x.unwrap_or_else(|| t!("report.unknown"))
}

fn short_version(v: &str) -> String {
    match v.strip_prefix("sha256:") {
        Some(hex) => hex.chars().take(12).collect(),
        None => v.chars().take(19).collect(),
    }
}

fn tables(r: &Report, o: Options) -> Vec<Table> {
    let n = r.students.len();
    let behind_note = match &r.behind {
        Some(b) => t!(
            "report.behind_note",
            measure = head(b.measure),
            median = trim_num(b.median)
        ),
        None => String::new(),
    };
    let hardest: Vec<&Stat> = r
        .facts
        .iter()
        .filter(|s| s.answers >= o.min_answers.max(1))
        .take(if o.top == 0 { usize::MAX } else { o.top })
        .collect();
    vec![
        Table {
            title: t!("report.title.students"),
            note: behind_note,
            head: heads(&[
                "student",
                "answers",
                "accuracy",
                "facts reached",
                "at free recall",
                "predicted recall",
                "last active",
                "vs median",
                "behind",
            ]),
            rows: r
                .students
                .iter()
                .map(|s| {
                    vec![
                        s.name.clone(),
                        s.answers.to_string(),
                        pct(s.accuracy()),
                        s.facts_reached.to_string(),
                        unknown_or(s.facts_free.map(|n| n.to_string())),
                        pct(s.predicted),
                        unknown_or(s.last_active.clone()),
                        s.vs_median.map_or("–".into(), |d| {
                            if d > 0.0 {
                                format!("+{}", trim_num(d))
                            } else {
                                trim_num(d)
                            }
                        }),
                        if s.behind {
                            t!("report.behind")
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect(),
        },
        Table {
            title: t!("report.title.hardest"),
            note: t!(
                "report.hardest_note",
                min = o.min_answers.max(1),
                predicted = predicted_note()
            ),
            head: heads(&[
                "#",
                "accuracy",
                "answers",
                "students",
                "predicted recall",
                "fact",
                "kind",
                "what",
                "meeting",
            ]),
            rows: hardest
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    vec![
                        (i + 1).to_string(),
                        pct(s.accuracy()),
                        s.answers.to_string(),
                        format!("{}/{n}", s.students),
                        pct(s.predicted()),
                        format!("{}/{}", s.deck, s.key),
                        s.fact_kind.clone(),
                        s.label.clone(),
                        unknown_or((!s.meeting.is_empty()).then(|| s.meeting.clone())),
                    ]
                })
                .collect(),
        },
        Table {
            title: t!("report.title.per_list"),
            note: t!("report.list_note"),
            head: heads(&[
                "accuracy",
                "predicted recall",
                "answers",
                "students",
                "at free recall",
                "list",
                "heading",
                "meeting",
            ]),
            rows: r
                .lists
                .iter()
                .map(|s| {
                    vec![
                        pct(s.accuracy()),
                        pct(s.predicted()),
                        s.answers.to_string(),
                        format!("{}/{n}", s.students),
                        format!("{}/{}", s.free, s.students),
                        format!("{}/{}", s.deck, s.key),
                        s.label.clone(),
                        unknown_or((!s.meeting.is_empty()).then(|| s.meeting.clone())),
                    ]
                })
                .collect(),
        },
        group_table(t!("report.title.per_meeting"), "meeting", &r.meetings, n),
        group_table(t!("report.title.per_source"), "source", &r.sources, n),
        Table {
            title: t!("report.title.deck_versions"),
            note: t!("report.version_note"),
            head: heads(&["deck", "version", "students"]),
            rows: r
                .decks
                .iter()
                .flat_map(|d| {
                    d.versions.iter().map(|(v, who)| {
                        vec![
                            d.deck.clone(),
                            v.as_deref()
                                .map_or_else(|| t!("report.unknown"), short_version),
                            who.join(", "),
                        ]
                    })
                })
                .collect(),
        },
        Table {
            title: t!("report.title.overrides"),
            note: t!("report.overrides_note"),
            head: heads(&[
                "students",
                "question",
                "prompt",
                "expected",
                "overruled answer",
            ]),
            rows: r
                .overrides
                .iter()
                .map(|o| {
                    vec![
                        o.students.to_string(),
                        o.uid.clone(),
                        unknown_or(o.prompt.clone()),
                        unknown_or(o.expected.clone()),
                        o.answer.clone(),
                    ]
                })
                .collect(),
        },
        Table {
            title: t!("report.title.flags"),
            note: t!("report.flags_note"),
            head: heads(&["students", "question", "comments"]),
            rows: r
                .flags
                .iter()
                .map(|f| {
                    vec![
                        f.students.to_string(),
                        f.uid.clone(),
                        f.comments.join(" / "),
                    ]
                })
                .collect(),
        },
    ]
}

fn group_table(title: String, what: &'static str, stats: &[Stat], n: usize) -> Table {
    Table {
        title,
        note: String::new(),
        head: heads(&[
            "accuracy",
            "predicted recall",
            "answers",
            "students",
            "facts",
            "deck",
            what,
        ]),
        rows: stats
            .iter()
            .map(|s| {
                vec![
                    pct(s.accuracy()),
                    pct(s.predicted()),
                    s.answers.to_string(),
                    format!("{}/{n}", s.students),
                    s.facts.to_string(),
                    s.deck.clone(),
                    s.label.clone(),
                ]
            })
            .collect(),
    }
}

/// A count or a median: no decimals when whole.
fn trim_num(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

fn summary(r: &Report) -> String {
    let names: Vec<&str> = r.students.iter().map(|s| s.name.as_str()).collect();
    crate::tn!(
        "report.summary",
        r.students.len(),
        names = names.join(", "),
        answers = r.answers,
        accuracy = pct(r.accuracy()),
        at = super::fields::rfc3339(r.now).unwrap_or_default()
    )
}

/// Display width: East Asian wide characters take two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if ('\u{1100}'..='\u{115f}').contains(&c)
                || ('\u{2e80}'..='\u{a4cf}').contains(&c)
                || ('\u{ac00}'..='\u{d7a3}').contains(&c)
                || ('\u{f900}'..='\u{faff}').contains(&c)
                || ('\u{fe30}'..='\u{fe4f}').contains(&c)
                || ('\u{ff00}'..='\u{ff60}').contains(&c)
                || ('\u{ffe0}'..='\u{ffe6}').contains(&c)
            {
                2
            } else {
                1
            }
        })
        .sum()
}

/// The report for a terminal.
pub fn text(r: &Report, o: Options) -> String {
    let mut s = format!(
        "{}\n",
        t!(
            "report.text_title",
            summary = crate::term::clean_line(&summary(r))
        )
    );
    for w in &r.warnings {
        let _ = writeln!(
            s,
            "{}",
            t!("report.warning", warning = crate::term::clean_line(w))
        );
    }
    for mut t in tables(r, o) {
        // Names, labels and answers come from students' files: nothing in them may steer
        // the terminal.
        for row in &mut t.rows {
            for c in row.iter_mut() {
                if let std::borrow::Cow::Owned(clean) = crate::term::clean_line(c) {
                    *c = clean;
                }
            }
        }
        let _ = write!(s, "\n{}\n", t.title);
        if t.rows.is_empty() {
            let _ = writeln!(s, "  {}", t!("report.none"));
            continue;
        }
        let cols = t.head.len();
        let mut w = vec![0; cols];
        for row in std::iter::once(t.head.iter().map(|h| h.to_string()).collect::<Vec<_>>())
            .chain(t.rows.iter().cloned())
        {
            for (i, c) in row.iter().enumerate() {
                w[i] = w[i].max(width(c));
            }
        }
        let line = |cells: &[String]| {
            let mut l = String::from(" ");
            for (i, c) in cells.iter().enumerate() {
                l.push(' ');
                l.push_str(c);
                if i + 1 < cells.len() {
                    l.push_str(&" ".repeat(w[i] - width(c) + 1));
                }
            }
            l.push('\n');
            l
        };
        s.push_str(&line(
            &t.head.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
        ));
        for row in &t.rows {
            s.push_str(&line(row));
        }
        if !t.note.is_empty() {
            let _ = writeln!(s, "  ({})", t.note);
        }
    }
    s
}

/// The report as Markdown.
pub fn markdown(r: &Report, o: Options) -> String {
    let md = |c: &str| crate::export::md_escape(c);
    let mut s = format!("# {}\n\n{}\n", t!("report.title"), md(&summary(r)));
    if !r.warnings.is_empty() {
        s.push('\n');
        for w in &r.warnings {
            let _ = writeln!(s, "- **{}** {}", t!("report.warning_label"), md(w));
        }
    }
    for t in tables(r, o) {
        let _ = write!(s, "\n## {}\n\n", t.title);
        if t.rows.is_empty() {
            let _ = writeln!(s, "{}", t!("report.none"));
            continue;
        }
        let heads: Vec<String> = t.head.iter().map(|h| md(h)).collect();
        let _ = writeln!(s, "| {} |", heads.join(" | "));
        let _ = writeln!(s, "|{}", "---|".repeat(t.head.len()));
        for row in &t.rows {
            let cells: Vec<String> = row.iter().map(|c| md(c)).collect();
            let _ = writeln!(s, "| {} |", cells.join(" | "));
        }
        if !t.note.is_empty() {
            let _ = write!(s, "\n*{}*\n", md(&t.note));
        }
    }
    s
}

/// The report as a standalone HTML page.
pub fn html(r: &Report, o: Options) -> String {
    let mut s = String::from(
        "<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n\
         body { font-family: \"Noto Sans CJK SC\", \"PingFang SC\", sans-serif; max-width: 60em; margin: 1.5em auto; padding: 0 1em; }\n\
         table { border-collapse: collapse; width: 100%; margin: .5em 0; font-size: 10.5pt; }\n\
         th, td { border-bottom: 1px solid #ccc; padding: .25em .5em; text-align: left; vertical-align: top; }\n\
         th { background: #f3f3f3; } .n { text-align: right; white-space: nowrap; }\n\
         .note { color: #666; font-size: 9pt; }\n\
         .warn { color: #8a4b00; }\n\
         @page { size: A4; margin: 15mm; } tr { break-inside: avoid; }\n\
         </style>\n</head>\n<body>\n<h1>{title}</h1>\n",
    )
    .replace("{title}", &html_escape(&t!("report.title")));
    let _ = writeln!(s, "<p>{}</p>", html_escape(&summary(r)));
    if !r.warnings.is_empty() {
        s.push_str("<ul class=\"warn\">\n");
        for w in &r.warnings {
            let _ = writeln!(
                s,
                "<li>{}</li>",
                html_escape(&t!("report.warning", warning = w))
            );
        }
        s.push_str("</ul>\n");
    }
    for t in tables(r, o) {
        let _ = writeln!(s, "<h2>{}</h2>", html_escape(&t.title));
        if t.rows.is_empty() {
            let _ = writeln!(s, "<p>{}</p>", html_escape(&t!("report.none")));
            continue;
        }
        // Numbers (counts, shares, n/m) right-aligned, headers over them too.
        let numeric = |c: &str| {
            c == "–"
                || (c.chars().next().is_some_and(|ch| ch.is_ascii_digit())
                    && c.chars()
                        .all(|ch| ch.is_ascii_digit() || "%/.".contains(ch)))
        };
        let cols: Vec<bool> = (0..t.head.len())
            .map(|i| t.rows.iter().all(|r| r.get(i).is_some_and(|c| numeric(c))))
            .collect();
        let class = |i: usize| if cols[i] { " class=\"n\"" } else { "" };
        s.push_str("<table>\n<tr>");
        for (i, h) in t.head.iter().enumerate() {
            let _ = write!(s, "<th{}>{}</th>", class(i), html_escape(h));
        }
        s.push_str("</tr>\n");
        for row in &t.rows {
            s.push_str("<tr>");
            for (i, c) in row.iter().enumerate() {
                let _ = write!(s, "<td{}>{}</td>", class(i), html_escape(c));
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</table>\n");
        if !t.note.is_empty() {
            let _ = writeln!(s, "<p class=\"note\">{}</p>", html_escape(&t.note));
        }
    }
    s.push_str("</body>\n</html>\n");
    s
}
