//! `quiz check`: the faults a teacher finds in generated questions, found mechanically.
//!
//! The checker generates a deck's questions exactly as `add-deck` would (the deck and the
//! decks it names in `related`) and reads them as a printed sheet: an answer that stands in
//! its own question or in another question's label, a wrong option that is also right or a
//! near-synonym of a right answer, nested quotes, headings that do not stand alone, facts
//! asked too many ways, documents that no meeting adopted, facts that do not name their
//! meeting. docs/deck-format.md lists the rules.

use std::collections::BTreeSet;
use std::fmt;

use foldhash::HashMap;

use super::list::zh_numeral;
use super::other::ADOPTING_VERBS;
use super::{Pool, facts, generate_batches, norm, overlaps};
use crate::dates::FactDate;
use crate::deck::model::ListFact;
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
    // A batch at a time, as add-deck checks: a 100,000-question deck's questions all held
    // at once took `quiz check` to 116 MiB.
    let mut c = Checker::new(deck, pool, missing);
    generate_batches(deck, pool, |qs| {
        c.add(&qs);
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|never| match never {});
    c.finish()
}

/// [`check`] fed a batch of questions at a time (add-deck generates each batch once, checks
/// and stores it, then drops it). The rules that need the whole deck — how many questions
/// a fact has, an answer standing in another question's label — keep small summaries
/// until [`Checker::finish`].
pub struct Checker<'a> {
    deck: &'a Deck,
    pool: &'a Pool,
    /// Each fact's line, and how many questions it has had, by id (a sorted list is a
    /// third of the size of a map of 72,000 facts).
    facts: Vec<FactLine<'a>>,
    /// The index in `facts` of the fact last asked about: its questions come together.
    last: usize,
    deck_line: usize,
    lists: HashMap<&'a str, &'a ListFact>,
    /// Questions per deck-wide question set (`_…`).
    per_other: HashMap<String, usize>,
    /// Every question's label, and the where/when questions' answers to look for in them.
    labels: BTreeSet<String>,
    placed: Vec<(String, String, Vec<String>)>,
    out: BTreeSet<Finding>,
    /// The right answers of the list last asked about: a list's questions come together,
    /// and each multiple-choice one is judged against all of them.
    list_rights: Option<(&'a ListFact, Vec<RightForm<'a>>)>,
}

#[derive(Clone, Copy)]
struct FactLine<'a> {
    id: &'a str,
    line: u32,
    questions: u32,
}

/// A right answer as a wrong option is compared with it.
struct RightForm<'r> {
    text: &'r str,
    normed: String,
    /// `normed`'s characters, for `similar` (empty where it is not judged).
    chars: Vec<char>,
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
        let mut facts: Vec<FactLine> = all
            .iter()
            .zip(line_numbers(text, &starts))
            .map(|(f, line)| FactLine {
                id: f.id().get_ref(),
                line: u32::try_from(line).unwrap_or(u32::MAX),
                questions: 0,
            })
            .collect();
        facts.sort_by(|a, b| a.id.cmp(b.id));
        // An id given twice (a fault of its own) keeps its last line, as a map did.
        facts.dedup_by(|later, kept| {
            let same = later.id == kept.id;
            if same {
                kept.line = later.line;
            }
            same
        });
        let mut c = Checker {
            deck,
            pool,
            facts,
            last: 0,
            deck_line: line_col(text, file.deck.id.span().start).0,
            lists: file
                .lists
                .iter()
                .map(|l| (l.id.get_ref().as_str(), l))
                .collect(),
            per_other: HashMap::default(),
            labels: BTreeSet::new(),
            placed: Vec::new(),
            out: BTreeSet::new(),
            list_rights: None,
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

    /// Where fact `id` is in `facts`.
    fn fact_index(&self, id: &str) -> Option<usize> {
        if self.facts.get(self.last).is_some_and(|f| f.id == id) {
            return Some(self.last);
        }
        self.facts.binary_search_by(|f| f.id.cmp(id)).ok()
    }

    fn add_finding(&mut self, fact: &str, rule: &'static str, message: String) {
        self.out.insert(Finding {
            line: self
                .fact_index(fact)
                .map_or(self.deck_line, |i| self.facts[i].line as usize),
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
            match self.fact_index(&q.fact) {
                Some(i) => {
                    self.last = i;
                    self.facts[i].questions += 1;
                }
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
            let forms = answer_forms(q);
            let stem = if forms.is_empty() {
                String::new()
            } else {
                norm(&q.prompt)
            };
            for form in &forms {
                if contains_form(&stem, form) {
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
                self.placed.push((q.fact.clone(), q.uid.clone(), forms));
            }
            for (wrong, right, why) in self.option_faults(q) {
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
            .facts
            .iter()
            .filter(|f| f.questions as usize > over)
            .map(|f| (f.id.to_owned(), f.questions as usize))
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
    // Curly quotes are U+2018–U+201D, each led by the byte E2: most text has none.
    if !s.as_bytes().contains(&0xE2) {
        return false;
    }
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
    let starts_numeric = form.chars().next().is_some_and(|c| {
        c.is_ascii_digit()
            || matches!(
                c,
                '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '两'
            )
    });
    // The matches `match_indices` would give (leftmost, not overlapping), found by a plain
    // scan: the texts are short, and building a substring searcher cost more than the
    // search. A match cannot start inside a character, as `form` starts with a whole one.
    let (t, f) = (text.as_bytes(), form.as_bytes());
    let last = f.len() - 1;
    let mut at = 0;
    while at + f.len() <= t.len() {
        // The last byte first: in Chinese text the first bytes of neighbouring characters
        // are often the same.
        if t[at + last] != f[last] || t[at] != f[0] || !t[at..at + f.len()].iter().eq(f) {
            at += 1;
            continue;
        }
        if !starts_numeric {
            return true;
        }
        let before = text[..at].chars().next_back();
        if !before.is_some_and(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '第' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
                )
        }) {
            return true;
        }
        at += f.len();
    }
    false
}

impl<'a> Checker<'a> {
    /// Wrong options that are right too: equal to, containing or contained in a right
    /// answer, a declared near-synonym of one, or so close in wording that a student cannot
    /// tell them apart (a shared run of four or more characters that is most of the shorter
    /// one). Each as (wrong option, the right answer it matches, why).
    fn option_faults(&mut self, q: &Question) -> Vec<(String, String, String)> {
        let Answer::Choice { options, correct } = &q.answer else {
            return Vec::new();
        };
        if q.variant.starts_with("list-") {
            return Vec::new();
        }
        let others = || {
            options
                .iter()
                .enumerate()
                .filter(|(i, _)| i != correct)
                .map(|(_, o)| o)
        };
        let list = self.lists.get(q.fact.as_str()).copied();
        let one_right;
        let (rights, wrongs): (&[RightForm], Vec<&String>) = match (q.kind, list) {
            (Kind::Choice | Kind::NotInList, Some(l)) => {
                let wrongs = if q.kind == Kind::NotInList {
                    options.get(*correct).into_iter().collect()
                } else {
                    others().collect()
                };
                (list_rights(&mut self.list_rights, l), wrongs)
            }
            (Kind::Choice, _) => {
                one_right = options
                    .get(*correct)
                    .map(|r| RightForm {
                        text: r,
                        normed: norm(r),
                        chars: Vec::new(),
                    })
                    .filter(|r| !r.normed.is_empty());
                (one_right.as_slice(), others().collect())
            }
            _ => return Vec::new(),
        };
        // Similar wording is a fault between list items; two meetings of similar names (the
        // video meeting and the second meeting) are exactly what a student must tell apart.
        let judge_similar = list.is_some();
        let mut out = Vec::new();
        for w in wrongs {
            let nw = norm(w);
            let mut w_chars = None;
            for r in rights {
                let why = if overlaps(&r.normed, &nw) {
                    crate::t!("check.why_overlaps")
                } else if self.pool.near.near(&r.normed, &nw) {
                    crate::t!("check.why_declared_near")
                } else if judge_similar
                    && similar(
                        &r.chars,
                        w_chars.get_or_insert_with(|| nw.chars().collect::<Vec<_>>()),
                    )
                {
                    crate::t!("check.why_similar")
                } else {
                    continue;
                };
                out.push((w.clone(), r.text.to_owned(), why));
                break;
            }
        }
        out
    }
}

/// Every written form of every item of `l` (text, key, alternatives), normalised, each
/// normalised form once (the first written form that gives it is the one reported), kept in
/// `cache` for the list's next question.
fn list_rights<'c, 'a>(
    cache: &'c mut Option<(&'a ListFact, Vec<RightForm<'a>>)>,
    l: &'a ListFact,
) -> &'c [RightForm<'a>] {
    if !cache.as_ref().is_some_and(|(c, _)| std::ptr::eq(*c, l)) {
        let mut rights: Vec<RightForm<'a>> = Vec::new();
        let forms = l.items.get_ref().iter().flat_map(|i| {
            [i.text.get_ref().as_str(), i.key()]
                .into_iter()
                .chain(i.accept.iter().map(String::as_str))
        });
        for text in forms {
            let normed = norm(text);
            if !normed.is_empty() && !rights.iter().any(|r| r.normed == normed) {
                let chars = normed.chars().collect();
                rights.push(RightForm {
                    text,
                    normed,
                    chars,
                });
            }
        }
        *cache = Some((l, rights));
    }
    cache.as_ref().map_or(&[], |(_, r)| r.as_slice())
}

/// A shared run of at least four characters that is at least 60% of the shorter string.
fn similar(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < 4 {
        return false;
    }
    // A shared run of `need` characters or more holds one of exactly `need`: each run of
    // the shorter phrase of that length is looked for in the longer one (a longest common
    // substring table cost six times more on short phrases).
    let need = (short.len() * 6).div_ceil(10).max(4);
    short
        .windows(need)
        .any(|w| long.windows(need).any(|x| x[0] == w[0] && x == w))
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
        let similar = |a: &str, b: &str| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            similar(&a, &b)
        };
        assert!(similar("推动国际抗疫合作", "支持国际抗疫合作"));
        assert!(!similar("加强前沿科技创新", "加强国际抗疫合作"));
        assert!(!similar("和平", "发展"));
        // The run must be most of the shorter phrase, wherever it stands.
        assert!(similar("合作领域50-0", "合作领域59950-1"));
        assert!(!similar("甲乙丙丁戊己庚辛壬癸", "丙丁戊己子丑寅卯辰巳"));
        assert!(similar("子丑寅卯甲乙丙丁戊己", "丙丁戊己子丑"));
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
        // A later match counts when an earlier one was part of a longer number.
        assert!(contains_form("第四个方面与四个方面", "四个方面"));
        assert!(contains_form("145个与45个", "45个"));
        assert!(!contains_form("145个与245个", "45个"));
        // As `match_indices` had it, a match inside a rejected one is not looked at.
        assert!(!contains_form("44a4a4", "4a4"));
        assert!(contains_form("abc", "c"));
        assert!(!contains_form("ab", "abc"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
        #[test]
        fn similar_is_a_long_enough_longest_common_substring(
            a in "[甲乙丙丁戊]{0,12}",
            b in "[甲乙丙丁戊]{0,12}",
        ) {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            // The longest common substring, as a table.
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
            let shorter = a.len().min(b.len());
            let expected = shorter >= 4 && best >= 4 && best * 10 >= shorter * 6;
            proptest::prop_assert_eq!(similar(&a, &b), expected);
        }

        #[test]
        fn contains_form_finds_what_match_indices_finds(
            text in "[4第四个a]{0,10}",
            form in "[4四个a]{1,3}",
        ) {
            // The search it replaced.
            let numeric = |c: char| c.is_ascii_digit() || "一二三四五六七八九十两".contains(c);
            let starts_numeric = form.chars().next().is_some_and(numeric);
            let expected = text.match_indices(form.as_str()).any(|(at, _)| {
                !starts_numeric
                    || !text[..at].chars().next_back().is_some_and(|c| {
                        c.is_ascii_digit() || c == '第' || "一二三四五六七八九十".contains(c)
                    })
            });
            proptest::prop_assert_eq!(contains_form(&text, &form), expected);
        }
    }

    #[test]
    fn line_numbers_are_those_of_line_col_in_any_order() {
        let text = "a\nbb\n\n中文\nc";
        let offsets = [9, 0, 2, 1, 5, 5, 100, 6];
        let want: Vec<usize> = offsets.iter().map(|&o| line_col(text, o).0).collect();
        assert_eq!(line_numbers(text, &offsets), want);
        assert_eq!(want, [4, 1, 2, 1, 3, 3, 5, 4]);
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
        let mut all_at_once = Checker::new(&deck, &pool, &[]);
        all_at_once.add(&crate::generate::generate(&deck, &pool));
        let whole = all_at_once.finish();
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
