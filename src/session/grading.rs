//! The one place a session grades what the student typed: typed answers and whole lists go
//! through the answer grader ([`crate::grade`]), orderings are checked here.
//!
//! A question's accepted answers are not all the grader needs. [`Grader`] reads the decks
//! once and tells, for each question, what else is known ([`Grader::ask`]): the year the
//! question states, whether it asks who or how many, and the wordings of the other lists of
//! the same family (other meetings), so that another meeting's wording is called wrong with
//! whose it is. `quiz study` and `quiz grade --question` both grade through
//! [`Grader::grade`], so they agree.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::db::Db;
use crate::error::Result;
pub use crate::grade::Verdict;
use crate::grade::list::{ListGraded, PreparedList};
use crate::grade::{self, Ask, Lexicon, Wording};
use crate::question::{Answer, Kind, Question, format_number};

/// One list of a deck, as grading needs it.
#[derive(Debug, Clone)]
struct ListInfo {
    deck: String,
    fact: String,
    /// The meeting or document it belongs to, as shown.
    context: String,
    heading: String,
    family: Option<String>,
    noun: Option<String>,
    closed: bool,
    /// Each item's key (what a student types) and the text's wording.
    items: Vec<(String, String)>,
}

/// An event's date facts.
#[derive(Debug, Clone)]
struct EventInfo {
    /// The year is worked out, or the text states the date without it (`5月12日`): the text's
    /// own form is right.
    year_left_out: bool,
}

/// The lexicon plus what the decks say beyond each question's accepted answers.
pub struct Grader {
    pub lexicon: Lexicon,
    lists: Vec<ListInfo>,
    /// (deck, fact) → index into `lists`.
    list_at: HashMap<(String, String), usize>,
    events: HashMap<(String, String), EventInfo>,
    /// (deck, fact) → the person's title forms.
    titles: HashMap<(String, String), Vec<String>>,
    /// The normalised wording (key and text) of every list item → the lists that have it;
    /// built at the first whole-list answer.
    wordings: std::sync::OnceLock<HashMap<String, Vec<usize>>>,
}

/// The grading of one answer to a question.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Answered {
    pub verdict: Verdict,
    /// The deciding step as stored in the review log (`edit_distance`, `list`, `order`).
    pub step: String,
    /// The same step in words for the student.
    pub step_words: String,
    /// The accepted form matched or closest (typed answers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// The difference (typed answers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
    /// Item by item (whole lists).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list: Option<ListGraded>,
}

impl Answered {
    /// The lines shown under the verdict.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(l) = &self.list {
            let penalised = l.extras.iter().filter(|e| e.penalised).count();
            let mut head = crate::t!("note.items", found = l.found, total = l.total);
            if penalised > 0 {
                head.push_str(&crate::tn!("note.wrong_extras", penalised));
            }
            notes.push(head);
            for i in l.items.iter().filter(|i| i.verdict == Verdict::Almost) {
                let given = i.given.as_deref().unwrap_or("");
                let diff = i
                    .diff
                    .as_deref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default();
                notes.push(crate::t!(
                    "note.almost",
                    given = given,
                    item = i.item,
                    diff = diff
                ));
            }
            let missing = l.missing();
            if !missing.is_empty() {
                notes.push(crate::t!("note.missing", items = missing.join(";")));
            }
            for e in &l.extras {
                notes.push(crate::t!("note.extra", given = e.given, why = e.why));
            }
        } else {
            notes.push(crate::t!("note.decided_by", step = self.step_words));
            notes.extend(
                self.diff
                    .iter()
                    .map(|d| crate::t!("note.difference", diff = d)),
            );
        }
        notes
    }
}

impl Grader {
    /// The built-in lexicon and every deck of the database: their aliases, lists, events and
    /// people. Only those parts of each deck file are read (see `lite`), so a deck of a
    /// hundred thousand free questions costs little; a deck that does not read contributes its
    /// aliases only.
    pub fn load(db: &Db) -> Result<Grader> {
        let mut lexicon = Lexicon::builtin();
        lexicon.extend(db.deck_aliases()?);
        let texts: Vec<String> = db.deck_texts()?.into_iter().map(|(_, _, t)| t).collect();
        Ok(Grader::from_texts(
            lexicon,
            texts.iter().map(String::as_str),
        ))
    }

    /// A grader over the given deck files (TOML text) with `lexicon` (which should already
    /// hold their aliases).
    pub fn from_texts<'a>(lexicon: Lexicon, texts: impl IntoIterator<Item = &'a str>) -> Grader {
        let mut g = Grader {
            lexicon,
            lists: Vec::new(),
            list_at: HashMap::new(),
            events: HashMap::new(),
            titles: HashMap::new(),
            wordings: std::sync::OnceLock::new(),
        };
        for text in texts {
            let Some(d) = lite::read(text) else {
                continue;
            };
            let deck_id = d.deck.id.clone();
            let en = d.deck.language.as_deref() == Some("en");
            let context = |c: &Option<String>| {
                let found = match c {
                    Some(id) => d.contexts.iter().find(|x| &x.id == id),
                    None => d.contexts.first(),
                };
                match found {
                    Some(x) if en => x.name_en.clone().unwrap_or_else(|| x.name.clone()),
                    Some(x) => x.name.clone(),
                    None => d.deck.title.clone(),
                }
            };
            for l in &d.lists {
                let key = (deck_id.clone(), l.id.clone());
                g.list_at.insert(key, g.lists.len());
                g.lists.push(ListInfo {
                    deck: deck_id.clone(),
                    fact: l.id.clone(),
                    context: context(&l.context),
                    heading: l.heading.trim_end_matches(['。', '.', ':', ':']).to_owned(),
                    family: l.family.clone(),
                    noun: l.noun.clone(),
                    closed: l.closed,
                    items: l
                        .items
                        .iter()
                        .map(|i| {
                            (
                                i.key.clone().unwrap_or_else(|| i.text.clone()),
                                i.text.clone(),
                            )
                        })
                        .collect(),
                });
            }
            for e in &d.events {
                let year_left_out = e.date_inferred
                    || e.date_text
                        .as_deref()
                        .is_some_and(|t| !t.contains('年') && t.contains('月'));
                g.events
                    .insert((deck_id.clone(), e.id.clone()), EventInfo { year_left_out });
            }
            for p in &d.people {
                let mut t = vec![p.title.clone()];
                t.extend(p.title_accept.iter().cloned());
                t.extend(p.title_en.iter().cloned());
                g.titles.insert((deck_id.clone(), p.id.clone()), t);
            }
        }
        g
    }

    fn list_of(&self, q: &Question) -> Option<&ListInfo> {
        self.list_at
            .get(&(q.deck.clone(), q.fact.clone()))
            .map(|&i| &self.lists[i])
    }

    /// Whose wording an item of `other` is, seen from `this` list: the other meeting when it
    /// is another meeting's, else the other list's heading.
    fn whose(this: &ListInfo, other: &ListInfo) -> String {
        if other.context != this.context {
            other.context.clone()
        } else {
            format!("“{}”", other.heading)
        }
    }

    /// The items of the other lists of `this` list's family (in every deck), never `this`
    /// list's own. A list without a family has none: only a family says which lists name the
    /// same kind of thing.
    fn family_wordings(&self, this: &ListInfo) -> Vec<Wording> {
        let Some(family) = &this.family else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for o in &self.lists {
            if o.family.as_ref() != Some(family) || (o.deck == this.deck && o.fact == this.fact) {
                continue;
            }
            for (key, _) in &o.items {
                out.push(Wording {
                    text: key.clone(),
                    whose: Grader::whose(this, o),
                    also_true: o.context == this.context,
                });
            }
        }
        out
    }

    /// Another list's item with this normalised wording, seen from `this` list, preferring
    /// a list of the same family: for naming the extras of a whole-list answer. An item of the
    /// same family from the same meeting is true of an open list too.
    fn other_item(&self, this: &ListInfo, key: &str) -> Option<Wording> {
        let index = self.wordings.get_or_init(|| {
            let mut m: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, l) in self.lists.iter().enumerate() {
                for (key, text) in &l.items {
                    for t in [key, text] {
                        let k = grade::normalised(t, &self.lexicon);
                        if k.is_empty() {
                            continue;
                        }
                        let v = m.entry(k).or_default();
                        if v.last() != Some(&i) {
                            v.push(i);
                        }
                    }
                }
            }
            m
        });
        let lists = index.get(key)?;
        let kin = |o: &ListInfo| this.family.is_some() && o.family == this.family;
        let o = lists
            .iter()
            .map(|&i| &self.lists[i])
            .filter(|o| !(o.deck == this.deck && o.fact == this.fact))
            .max_by_key(|o| kin(o))?;
        Some(Wording {
            text: key.to_owned(),
            whose: Grader::whose(this, o),
            also_true: kin(o) && o.context == this.context,
        })
    }

    /// What the question asks beyond its accepted answers (see [`Ask`]).
    pub fn ask(&self, q: &Question) -> Ask {
        let mut ask = Ask {
            counts: q.kind == Kind::HowMany,
            ..Ask::default()
        };
        let lower = q.prompt.to_lowercase();
        ask.who = q.prompt.contains('谁') || lower.starts_with("who") || lower.contains(" who ");
        let key = (q.deck.clone(), q.fact.clone());
        if let Some(t) = self.titles.get(&key) {
            ask.who |= q.variant == "name";
            ask.titles = t.clone();
        }
        if let Some(l) = self.list_of(q) {
            ask.noun = l.noun.clone();
            if q.kind == Kind::ItemAt || q.kind == Kind::Recall {
                ask.others = self.family_wordings(l);
            }
        }
        if let Answer::Date { date } = &q.answer
            && let Some(d) = crate::dates::FactDate::parse(date)
        {
            let stated =
                q.prompt.contains(&d.year.to_string()) || q.context.contains(&d.year.to_string());
            let left_out = self.events.get(&key).is_some_and(|e| e.year_left_out);
            if stated || left_out {
                ask.year = Some(d.year);
            }
        }
        ask
    }

    /// Grades what the student typed for `q`; `overrides` are answers the student overruled
    /// as right before (accepted from then on). `None` for questions that are not typed
    /// (choices, true/false, reveal).
    pub fn grade(&self, q: &Question, given: &str, overrides: &[String]) -> Option<Answered> {
        let lex = &self.lexicon;
        Some(match &q.answer {
            Answer::Choice { .. } | Answer::TrueFalse { .. } | Answer::Reveal { .. } => {
                return None;
            }
            Answer::List { items } => {
                let this = self.list_of(q);
                let mut items = items.clone();
                // An overruled answer counts as the whole list: it is accepted as typed.
                if overrides.iter().any(|o| normalise(o) == normalise(given)) {
                    return Some(Answered {
                        verdict: Verdict::Correct,
                        step: "list".into(),
                        step_words: crate::t!("step.list"),
                        expected: None,
                        diff: None,
                        list: None,
                    });
                }
                items.retain(|i| !i.is_empty());
                let closed = this.is_none_or(|l| l.closed);
                let prepared = PreparedList::new(&items, closed, &[], lex);
                let l = match this {
                    Some(this) => prepared.grade_with(given, lex, &|k| self.other_item(this, k)),
                    None => prepared.grade(given, lex),
                };
                Answered {
                    verdict: l.verdict,
                    step: "list".into(),
                    step_words: crate::t!("step.list"),
                    expected: None,
                    diff: None,
                    list: Some(l),
                }
            }
            Answer::Order { correct, .. } => {
                let v = grade_order(correct, given);
                Answered {
                    verdict: v,
                    step: "order".into(),
                    step_words: crate::t!("step.put_in_order"),
                    expected: None,
                    diff: None,
                    list: None,
                }
            }
            a => {
                let mut accepted = accepted_forms(a);
                accepted.extend(overrides.iter().cloned());
                let forms: Vec<&str> = accepted.iter().map(String::as_str).collect();
                let g = grade::grade_for(&forms, given, &self.ask(q), lex);
                Answered {
                    verdict: g.verdict,
                    step: g.step.code(),
                    step_words: g.step.to_string(),
                    expected: Some(g.expected),
                    diff: g.diff,
                    list: None,
                }
            }
        })
    }
}

/// The accepted forms of a typed answer, the shown one first.
pub fn accepted_forms(a: &Answer) -> Vec<String> {
    match a {
        Answer::Text { accepted } => accepted.clone(),
        Answer::Number { value, .. } => vec![format_number(*value), a.display()],
        Answer::Date { date } => vec![date.clone(), a.display()],
        other => vec![other.display()],
    }
}

/// The grading of one typed answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    pub verdict: Verdict,
    /// The grading step that decided, as stored in the review log (`edit_distance`).
    pub step: String,
    /// The same step in words for the student (`spelling`).
    pub step_words: String,
    /// The accepted form it matched or came closest to.
    pub expected: String,
    /// Where the answer differs (`坊 ≠ 房`), when the grader can tell.
    pub diff: Option<String>,
}

/// Grades `given` against the accepted forms (the first is the one shown).
pub fn grade_typed(accepted: &[String], given: &str, lexicon: &Lexicon) -> Typed {
    let forms: Vec<&str> = accepted.iter().map(String::as_str).collect();
    let g = grade::grade(&forms, given, lexicon);
    Typed {
        verdict: g.verdict,
        step: g.step.code(),
        step_words: g.step.to_string(),
        expected: g.expected,
        diff: g.diff,
    }
}

/// NFKC, lower case, without spaces and punctuation (a `.` between two digits stays).
pub fn normalise(s: &str) -> String {
    let chars: Vec<char> = s.nfkc().flat_map(char::to_lowercase).collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = c == '.'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_alphanumeric() || between_digits {
            out.push(c);
        }
    }
    out
}

/// The grading of a list answered item by item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListGrade {
    pub verdict: Verdict,
    /// Items named (each counted once).
    pub found: usize,
    pub total: usize,
    /// The shown form of every item not named.
    pub missing: Vec<String>,
}

/// Grades a closed list with nothing known of other lists: `given` is one line with items
/// separated by 、 , ; (full or half width) or newlines, in any order. The score is
/// [`crate::grade::list::score`]: all items and nothing else is correct, one short on a list
/// of four or more is almost, anything less is wrong.
pub fn grade_list(items: &[Vec<String>], given: &str, lexicon: &Lexicon) -> ListGrade {
    let l = grade::list::grade_list(items, true, &[], given, lexicon);
    ListGrade {
        verdict: l.verdict,
        found: l.found,
        total: l.total,
        missing: l.missing(),
    }
}

/// Parses an ordering typed as letters (`BADC`) or numbers (`2143`, `2 1 4 3`) into indexes
/// into the shown items; `None` if it is not a permutation of `n` items.
pub fn parse_order(given: &str, n: usize) -> Option<Vec<usize>> {
    let g: String = given
        .nfkc()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .collect();
    let idx: Vec<usize> = if g.chars().all(|c| c.is_ascii_alphabetic()) {
        g.chars()
            .map(|c| (c.to_ascii_uppercase() as u8 - b'A') as usize)
            .collect()
    } else if g.chars().all(|c| c.is_ascii_digit()) {
        if n < 10 {
            g.chars()
                .map(|c| (c as u8 - b'0') as usize)
                .map(|d| d.wrapping_sub(1))
                .collect()
        } else {
            given
                .split(|c: char| !c.is_ascii_digit())
                .filter(|p| !p.is_empty())
                .map(|p| p.parse::<usize>().ok().map(|d| d.wrapping_sub(1)))
                .collect::<Option<_>>()?
        }
    } else {
        return None;
    };
    let mut seen = vec![false; n];
    for &i in &idx {
        if i >= n || seen[i] {
            return None;
        }
        seen[i] = true;
    }
    (idx.len() == n).then_some(idx)
}

/// Grades an ordering: right only if every item is in place.
pub fn grade_order(correct: &[usize], given: &str) -> Verdict {
    match parse_order(given, correct.len()) {
        Some(order) if order == correct => Verdict::Correct,
        _ => Verdict::Wrong,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| (*x).to_owned()).collect()
    }

    #[test]
    fn typed_answers_go_through_the_grader() {
        let lex = Lexicon::builtin();
        let acc = s(&["上海合作组织"]);
        assert_eq!(
            grade_typed(&acc, "上海合作组织", &lex).verdict,
            Verdict::Correct
        );
        let alias = grade_typed(&acc, "上合组织", &lex);
        assert_eq!(
            (alias.verdict, alias.step.as_str()),
            (Verdict::Correct, "alias")
        );
        assert_eq!(grade_typed(&acc, "ＳＣＯ", &lex).verdict, Verdict::Correct);
        assert_eq!(grade_typed(&acc, "北约", &lex).verdict, Verdict::Wrong);
        assert_eq!(grade_typed(&acc, "", &lex).verdict, Verdict::Wrong);
        assert_eq!(
            grade_typed(&s(&["3.5"]), "35", &lex).verdict,
            Verdict::Wrong
        );
        assert_eq!(
            grade_typed(&s(&["1000"]), "1,000", &lex).verdict,
            Verdict::Correct
        );
        let slip = grade_typed(&s(&["鲁班工坊"]), "鲁班工房", &lex);
        assert_eq!(slip.verdict, Verdict::Almost);
        assert!(slip.diff.is_some());
    }

    #[test]
    fn lists_pass_whole_or_one_short_and_name_the_missing() {
        let lex = Lexicon::builtin();
        let items = vec![
            s(&["俄罗斯"]),
            s(&["哈萨克斯坦", "哈国"]),
            s(&["吉尔吉斯斯坦"]),
            s(&["蒙古国"]),
        ];
        assert_eq!(
            grade_list(&items, "蒙古国、哈国;俄罗斯,吉尔吉斯斯坦", &lex).verdict,
            Verdict::Correct
        );
        let half = grade_list(&items, "俄罗斯,哈萨克斯坦", &lex);
        assert_eq!(half.verdict, Verdict::Wrong);
        assert_eq!(half.missing, s(&["吉尔吉斯斯坦", "蒙古国"]));
        let one_short = grade_list(&items, "俄罗斯,哈萨克斯坦,蒙古国", &lex);
        assert_eq!(one_short.verdict, Verdict::Almost);
        assert_eq!(
            grade_list(&items, "俄罗斯;俄罗斯", &lex).verdict,
            Verdict::Wrong
        );
    }

    #[test]
    fn orders_parse_from_letters_or_numbers() {
        assert_eq!(parse_order("BADC", 4), Some(vec![1, 0, 3, 2]));
        assert_eq!(parse_order("2 1 4 3", 4), Some(vec![1, 0, 3, 2]));
        assert_eq!(parse_order("AAB", 3), None);
        assert_eq!(grade_order(&[1, 0], "ba"), Verdict::Correct);
    }
}

/// The parts of a deck file that grading reads: `[deck]`, contexts, lists, events and people.
/// The other tables are cut out of the text before it is parsed (a deck of free questions is
/// mostly `[[qa]]`), and what is read is not validated again: the deck was validated when it
/// was added. The key's fallback to the text and the default `closed = true` are those of the
/// deck format.
mod lite {
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub(super) struct Deck {
        pub deck: Meta,
        #[serde(default, rename = "context")]
        pub contexts: Vec<Context>,
        #[serde(default, rename = "list")]
        pub lists: Vec<List>,
        #[serde(default, rename = "event")]
        pub events: Vec<Event>,
        #[serde(default, rename = "person")]
        pub people: Vec<Person>,
    }

    #[derive(Deserialize)]
    pub(super) struct Meta {
        pub id: String,
        pub title: String,
        pub language: Option<String>,
    }

    #[derive(Deserialize)]
    pub(super) struct Context {
        pub id: String,
        pub name: String,
        pub name_en: Option<String>,
    }

    fn yes() -> bool {
        true
    }

    #[derive(Deserialize)]
    pub(super) struct List {
        pub id: String,
        pub context: Option<String>,
        pub heading: String,
        pub noun: Option<String>,
        pub family: Option<String>,
        #[serde(default = "yes")]
        pub closed: bool,
        #[serde(default, rename = "item")]
        pub items: Vec<Item>,
    }

    #[derive(Deserialize)]
    pub(super) struct Item {
        pub text: String,
        pub key: Option<String>,
    }

    #[derive(Deserialize)]
    pub(super) struct Event {
        pub id: String,
        #[serde(default)]
        pub date_inferred: bool,
        pub date_text: Option<String>,
    }

    #[derive(Deserialize)]
    pub(super) struct Person {
        pub id: String,
        pub title: String,
        pub title_en: Option<String>,
        #[serde(default)]
        pub title_accept: Vec<String>,
    }

    /// Table headers whose contents grading reads.
    const KEPT: &[&str] = &[
        "[deck]",
        "[[context]]",
        "[[list]]",
        "[[list.item]]",
        "[[event]]",
        "[[person]]",
    ];

    /// Reads the parts grading needs; `None` if they do not parse.
    pub(super) fn read(text: &str) -> Option<Deck> {
        let mut kept = String::with_capacity(text.len() / 4);
        let mut keep = true;
        for line in text.lines() {
            let t = line.trim_start();
            if t.starts_with('[') {
                let header = t.split('#').next().unwrap_or("").trim();
                let header: String = header.chars().filter(|c| !c.is_whitespace()).collect();
                keep = KEPT.contains(&header.as_str());
            }
            if keep {
                kept.push_str(line);
                kept.push('\n');
            }
        }
        toml::from_str(&kept).ok()
    }
}
