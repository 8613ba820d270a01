//! `quiz check`: the faults a teacher finds in generated questions, found mechanically.
//!
//! The checker generates a deck's questions exactly as `add-deck` would (the deck and the
//! decks it names in `related`) and reads them as a printed sheet: an answer that stands in
//! its own question or in another question's label, a wrong option that is also right or a
//! near-synonym of a right answer, nested quotes, headings that do not stand alone, facts
//! asked too many ways, documents that no meeting adopted, facts that do not name their
//! meeting. docs/deck-format.md lists the rules.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use super::list::zh_numeral;
use super::other::ADOPTING_VERBS;
use super::{Pool, facts, generate, norm, overlaps};
use crate::dates::FactDate;
use crate::deck::{Deck, line_col, line_numbers};
use crate::question::{Answer, Kind, Question, format_number};

/// At most this many questions for a list fact, and for any other fact.
pub const MAX_LIST_QUESTIONS: usize = 20;
pub const MAX_FACT_QUESTIONS: usize = 6;

/// Words that leave a heading without its antecedent: it must read as a noun phrase alone.
const DANGLING: [&str; 5] = ["就此", "为此", "我们", "对此", "上述"];

/// One fault: where it is, which rule found it, and what to do.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    pub line: usize,
    pub origin: String,
    pub fact: String,
    pub rule: &'static str,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: [{}] {}",
            self.origin, self.line, self.fact, self.rule, self.message
        )
    }
}

/// Checks `deck`, whose pool is `pool` ([`Pool::for_deck`]); `missing` are the related
/// decks that could not be found.
pub fn check(deck: &Deck, pool: &Pool, missing: &[String]) -> Vec<Finding> {
    check_questions(deck, pool, missing, &generate(deck, pool))
}

/// [`check`] on the questions already generated from `deck` with `pool`.
pub fn check_questions(
    deck: &Deck,
    pool: &Pool,
    missing: &[String],
    qs: &[Question],
) -> Vec<Finding> {
    let mut c = Checker::new(deck, pool, missing);
    c.add(qs);
    c.finish()
}

/// [`check`] fed a batch of questions at a time (add-deck generates each batch once, checks
/// and stores it, then drops it). The rules that need the whole deck — how many questions
/// a fact has, an answer standing in another question's label — keep small summaries
/// until [`Checker::finish`].
pub struct Checker<'a> {
    deck: &'a Deck,
    pool: &'a Pool,
    /// Each fact's line, and how many questions it has had.
    line_of: HashMap<&'a str, (usize, usize)>,
    deck_line: usize,
    lists: HashMap<&'a str, &'a crate::deck::model::ListFact>,
    /// Questions per deck-wide question set (`_…`).
    per_other: HashMap<String, usize>,
    /// Every question's label, and the where/when questions' answers to look for in them.
    labels: BTreeSet<String>,
    placed: Vec<(String, String, Vec<String>)>,
    out: BTreeSet<Finding>,
}

impl<'a> Checker<'a> {
    /// The rules on facts alone are applied here.
    pub fn new(deck: &'a Deck, pool: &'a Pool, missing: &[String]) -> Self {
        Self::with_text(deck, &deck.text, pool, missing)
    }

    /// [`Checker::new`] with the deck file's text given apart (add-deck frees it while the
    /// questions are generated); it is read here only, for line numbers.
    pub fn with_text(deck: &'a Deck, text: &str, pool: &'a Pool, missing: &[String]) -> Self {
        let file = &deck.file;
        let all = facts(file);
        let starts: Vec<usize> = all.iter().map(|f| f.id().span().start).collect();
        let line_of: HashMap<&str, (usize, usize)> = all
            .iter()
            .map(|f| f.id().get_ref().as_str())
            .zip(line_numbers(text, &starts).into_iter().map(|l| (l, 0)))
            .collect();
        let mut c = Checker {
            deck,
            pool,
            line_of,
            deck_line: line_col(text, file.deck.id.span().start).0,
            lists: file
                .lists
                .iter()
                .map(|l| (l.id.get_ref().as_str(), l))
                .collect(),
            per_other: HashMap::new(),
            labels: BTreeSet::new(),
            placed: Vec::new(),
            out: BTreeSet::new(),
        };
        for r in missing {
            c.add_finding(
                "deck",
                "related-missing",
                crate::t!("check.related_missing", deck = r),
            );
        }
        c.check_facts();
        c
    }

    fn add_finding(&mut self, fact: &str, rule: &'static str, message: String) {
        self.out.insert(Finding {
            line: self.line_of.get(fact).map_or(self.deck_line, |&(l, _)| l),
            origin: self.deck.origin.clone(),
            fact: fact.to_owned(),
            rule,
            message,
        });
    }

    fn check_facts(&mut self) {
        // Facts.
        let file = &self.deck.file;
        let many_contexts = file.contexts.len() > 1;
        for f in facts(file) {
            if many_contexts && f.context().is_none() {
                self.add_finding(
                    f.id().get_ref(),
                    "no-meeting",
                    crate::t!("check.no_context"),
                );
            }
        }
        for l in &file.lists {
            let id = l.id.get_ref();
            if l.heading.contains('…') {
                self.add_finding(
                    id,
                    "heading-fragment",
                    crate::t!("check.heading_fragment", heading = l.heading),
                );
            }
            if let Some(w) = DANGLING.iter().find(|w| l.heading.contains(**w)) {
                self.add_finding(
                    id,
                    "heading-dangling",
                    crate::t!("check.heading_dangling", heading = l.heading, word = w),
                );
            }
        }
        for d in &file.documents {
            if !ADOPTING_VERBS.contains(&d.verb.as_str()) {
                self.add_finding(
                    d.id.get_ref(),
                    "not-a-document",
                    crate::t!(
                        "check.not_a_document",
                        title = d.title,
                        verb = d.verb,
                        verbs = ADOPTING_VERBS.join(", ")
                    ),
                );
            }
        }
    }

    /// The rules on each question of a batch.
    pub fn add(&mut self, qs: &[Question]) {
        for q in qs {
            match self.line_of.get_mut(q.fact.as_str()) {
                Some((_, n)) => *n += 1,
                None => *self.per_other.entry(q.fact.clone()).or_default() += 1,
            }
            if !self.labels.contains(&q.context) {
                self.labels.insert(q.context.clone());
            }
            if q.context.trim().is_empty() {
                self.add_finding(
                    &q.fact,
                    "no-meeting",
                    crate::t!("check.question_no_meeting", uid = q.uid),
                );
            }
            for s in std::iter::once(&q.prompt).chain(options(&q.answer)) {
                if nested_quotes(s) {
                    self.add_finding(
                        &q.fact,
                        "nested-quotes",
                        crate::t!("check.nested_quotes", uid = q.uid, text = s),
                    );
                }
            }
            let stem = norm(&q.prompt);
            for form in answer_forms(q) {
                if contains_form(&stem, &form) {
                    let rule = if q.kind == Kind::HowMany {
                        "count-in-heading"
                    } else {
                        "answer-in-question"
                    };
                    self.add_finding(
                        &q.fact,
                        rule,
                        crate::t!(
                            "check.answer_in_question",
                            uid = q.uid,
                            answer = form,
                            prompt = q.prompt
                        ),
                    );
                    break;
                }
            }
            if matches!(q.kind, Kind::Where | Kind::When) {
                self.placed
                    .push((q.fact.clone(), q.uid.clone(), answer_forms(q)));
            }
            for (wrong, right, why) in option_faults(&self.lists, self.pool, q) {
                self.add_finding(
                    &q.fact,
                    "wrong-option",
                    crate::t!(
                        "check.wrong_option",
                        uid = q.uid,
                        wrong = wrong,
                        why = why,
                        right = right
                    ),
                );
            }
        }
    }

    /// The deck-wide rules, and every finding in order.
    pub fn finish(mut self) -> Vec<Finding> {
        // Only the facts over the smaller limit can be reported (findings are kept sorted).
        let over = MAX_FACT_QUESTIONS.min(MAX_LIST_QUESTIONS);
        let counts: Vec<(String, usize)> = self
            .line_of
            .iter()
            .filter(|&(_, &(_, n))| n > over)
            .map(|(f, &(_, n))| ((*f).to_owned(), n))
            .chain(self.per_other.drain())
            .collect();
        for (fact, n) in counts {
            let max = if self.lists.contains_key(fact.as_str()) {
                MAX_LIST_QUESTIONS
            } else {
                MAX_FACT_QUESTIONS
            };
            if n > max && !fact.starts_with('_') {
                self.add_finding(
                    &fact,
                    "too-many-questions",
                    crate::t!("check.too_many_questions", n = n, max = max),
                );
            }
        }
        let placed = std::mem::take(&mut self.placed);
        for (fact, uid, forms) in placed {
            for form in forms {
                let hit = self
                    .labels
                    .iter()
                    .find(|l| contains_form(&norm(l), &form))
                    .cloned();
                if let Some(l) = hit {
                    self.add_finding(
                        &fact,
                        "answer-in-label",
                        crate::t!("check.answer_in_label", uid = uid, answer = form, label = l),
                    );
                    break;
                }
            }
        }
        self.out.into_iter().collect()
    }
}

fn options(a: &Answer) -> impl Iterator<Item = &String> {
    let v: &[String] = match a {
        Answer::Choice { options, .. } => options,
        Answer::Order { shown, .. } => shown,
        _ => &[],
    };
    v.iter()
}

/// Whether “ opens inside an open “ (or ‘ inside ‘).
fn nested_quotes(s: &str) -> bool {
    let (mut double, mut single) = (0i32, 0i32);
    for c in s.chars() {
        match c {
            '“' => {
                double += 1;
                if double > 1 {
                    return true;
                }
            }
            '”' => double = (double - 1).max(0),
            '‘' => {
                single += 1;
                if single > 1 {
                    return true;
                }
            }
            '’' => single = (single - 1).max(0),
            _ => {}
        }
    }
    false
}

/// The right answer in the forms that would give it away, normalised. A number is its
/// digits or numeral with its measure word (四方面, 4个); a date its Chinese forms.
fn answer_forms(q: &Question) -> Vec<String> {
    let mut v: Vec<String> = match &q.answer {
        Answer::Text { accepted } => accepted.iter().map(|a| norm(a)).collect(),
        Answer::Choice { options, correct } if q.kind == Kind::Choice => {
            options.get(*correct).map(|o| norm(o)).into_iter().collect()
        }
        Answer::Number { value, unit, .. } if *value >= 2.0 => number_forms(*value, unit),
        Answer::Date { date } => match FactDate::parse(date) {
            Some(d) => {
                let zh = d.zh();
                let mut v = vec![norm(&zh)];
                // 5月12日 without its year gives a day away too.
                if let Some((_, md)) = zh.split_once('年')
                    && md.contains('日')
                {
                    v.push(norm(md));
                }
                v
            }
            None => Vec::new(),
        },
        Answer::List { items } => items
            .iter()
            .filter_map(|i| i.first())
            .map(|a| norm(a))
            .collect(),
        _ => Vec::new(),
    };
    // One character is too short to judge (和, 中).
    v.retain(|f| f.chars().count() > 1);
    v
}

fn number_forms(value: f64, unit: &str) -> Vec<String> {
    let mut nums = vec![format_number(value)];
    if value.fract() == 0.0 && value <= 10.0 {
        nums.push(zh_numeral(value as u32));
    }
    let mut out = Vec::new();
    for n in nums {
        out.push(norm(&format!("{n}{unit}")));
        for c in unit.chars().filter(|c| !c.is_ascii()) {
            out.push(norm(&format!("{n}{c}")));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// `form` in `text`, not as part of a longer number (45 in 450) or of an ordinal (第四).
fn contains_form(text: &str, form: &str) -> bool {
    if form.is_empty() {
        return false;
    }
    let starts_numeric = form
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十两".contains(c));
    for (at, _) in text.match_indices(form) {
        if !starts_numeric {
            return true;
        }
        let before = text[..at].chars().next_back();
        if before
            .is_some_and(|c| c.is_ascii_digit() || c == '第' || "一二三四五六七八九十".contains(c))
        {
            continue;
        }
        return true;
    }
    false
}

/// Wrong options that are right too: equal to, containing or contained in a right answer,
/// a declared near-synonym of one, or so close in wording that a student cannot tell them
/// apart (a shared run of four or more characters that is most of the shorter one).
fn option_faults(
    lists: &HashMap<&str, &crate::deck::model::ListFact>,
    pool: &Pool,
    q: &Question,
) -> Vec<(String, String, String)> {
    let Answer::Choice { options, correct } = &q.answer else {
        return Vec::new();
    };
    if q.variant.starts_with("list-") {
        return Vec::new();
    }
    let list = lists.get(q.fact.as_str()).copied();
    let (rights, wrongs): (Vec<String>, Vec<&String>) = match (q.kind, list) {
        (Kind::Choice | Kind::NotInList, Some(l)) => {
            let rights = l
                .items
                .get_ref()
                .iter()
                .flat_map(|i| {
                    let mut v = vec![i.text.get_ref().clone(), i.key().to_owned()];
                    v.extend(i.accept.iter().cloned());
                    v
                })
                .collect();
            let wrongs = if q.kind == Kind::NotInList {
                options.get(*correct).into_iter().collect()
            } else {
                options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i != correct)
                    .map(|(_, o)| o)
                    .collect()
            };
            (rights, wrongs)
        }
        (Kind::Choice, _) => (
            options.get(*correct).cloned().into_iter().collect(),
            options
                .iter()
                .enumerate()
                .filter(|(i, _)| i != correct)
                .map(|(_, o)| o)
                .collect(),
        ),
        _ => return Vec::new(),
    };
    // Similar wording is a fault between list items; two meetings of similar names (the
    // video meeting and the second meeting) are exactly what a student must tell apart.
    let judge_similar = list.is_some();
    let rights: Vec<(String, &String)> = rights
        .iter()
        .map(|r| (norm(r), r))
        .filter(|(nr, _)| !nr.is_empty())
        .collect();
    let mut out = Vec::new();
    for w in wrongs {
        let nw = norm(w);
        for (nr, r) in &rights {
            let why = if overlaps(nr, &nw) {
                crate::t!("check.why_overlaps")
            } else if pool.near.near(nr, &nw) {
                crate::t!("check.why_declared_near")
            } else if judge_similar && similar(nr, &nw) {
                crate::t!("check.why_similar")
            } else {
                continue;
            };
            out.push((w.clone(), (*r).clone(), why));
            break;
        }
    }
    out
}

/// A shared run of at least four characters that is at least 60% of the shorter string.
fn similar(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let shorter = a.len().min(b.len());
    if shorter < 4 {
        return false;
    }
    // Longest common substring, O(len·len) on short phrases.
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        let mut cur = vec![0usize; b.len() + 1];
        for j in 1..=b.len() {
            if a[i - 1] == b[j - 1] {
                cur[j] = prev[j - 1] + 1;
                best = best.max(cur[j]);
            }
        }
        prev = cur;
    }
    best >= 4 && best * 10 >= shorter * 6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_quotes_are_found() {
        assert!(nested_quotes("“共建“一带一路”新平台”"));
        assert!(!nested_quotes("“共建‘一带一路’新平台”"));
        assert!(!nested_quotes("“a”和“b”"));
    }

    #[test]
    fn near_wordings_are_similar_and_different_ones_are_not() {
        assert!(similar("推动国际抗疫合作", "支持国际抗疫合作"));
        assert!(!similar("加强前沿科技创新", "加强国际抗疫合作"));
        assert!(!similar("和平", "发展"));
    }

    #[test]
    fn a_count_is_found_but_not_an_ordinal_or_a_longer_number() {
        let forms = number_forms(4.0, "个方面");
        assert!(
            forms
                .iter()
                .any(|f| contains_form("中俄外长商定在四方面加强合作", f))
        );
        assert!(!forms.iter().any(|f| contains_form("第四方面是什么", f)));
        let forms = number_forms(45.0, "个");
        assert!(
            !forms
                .iter()
                .any(|f| contains_form("增加450个奖学金名额", f))
        );
    }

    #[test]
    fn findings_are_the_same_fed_in_batches() {
        // add-deck feeds the checker a batch of questions at a time; the deck-wide rules
        // (questions per fact, answers in another question's label) must see them all.
        let mut t = String::from(
            "[deck]\nid = \"b\"\ntitle = \"B\"\n[[source]]\nid = \"s\"\ntitle = \"S\"\n\
             publisher = \"P\"\ndate = \"2020\"\n[[context]]\nid = \"c\"\nname = \"北京会议\"\n",
        );
        for i in 1..=700 {
            if i % 50 == 0 {
                t += &format!(
                    "[[list]]\nid = \"l{i}\"\nsource = \"s\"\nheading = \"第{i}组四项合作\"\ncount = 4\nordered = true\n"
                );
                for k in 0..4 {
                    t += &format!("[[list.item]]\ntext = \"合作领域{i}-{k}\"\n");
                }
            } else if i % 97 == 0 {
                t += &format!(
                    "[[event]]\nid = \"e{i}\"\nsource = \"s\"\nwhat = \"第{i}次会晤\"\ndate = \"2020-0{}-01\"\nplace = \"北京\"\n",
                    i % 9 + 1
                );
            } else {
                t += &format!(
                    "[[qa]]\nid = \"q{i}\"\nsource = \"s\"\nquestion = \"第{i}个问题是什么?\"\nanswer = \"答案{i}\"\n"
                );
            }
        }
        let deck = crate::deck::parse("b.toml", &t).unwrap();
        let pool = Pool::build([&deck]);
        let whole = check_questions(&deck, &pool, &[], &generate(&deck, &pool));
        let mut c = Checker::new(&deck, &pool, &[]);
        let mut batches = 0;
        super::super::generate_batches(&deck, &pool, |b| -> Result<(), ()> {
            batches += 1;
            c.add(&b);
            Ok(())
        })
        .unwrap();
        assert!(batches > 2, "{batches}");
        for rule in ["wrong-option", "answer-in-label", "count-in-heading"] {
            assert!(whole.iter().any(|f| f.rule == rule), "{rule}: {whole:?}");
        }
        assert_eq!(c.finish(), whole);
    }
}
