//! The deck file as written by an instructor: TOML, facts not questions.
//!
//! Every struct denies unknown fields so a typo (`heding = …`) is an error with a line
//! number rather than a silently empty heading. Ids and the few fields that semantic
//! validation talks about are `Spanned`, so those errors can point at a line too.
//! docs/deck-format.md is the user-facing description of this file.

use serde::{Deserialize, Serialize};
use toml::Spanned;

/// A whole deck file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DeckFile {
    pub deck: DeckMeta,
    #[serde(default, rename = "source", skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default, rename = "context", skip_serializing_if = "Vec::is_empty")]
    pub contexts: Vec<Context>,
    #[serde(default, rename = "alias", skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<AliasSet>,
    #[serde(default, rename = "near", skip_serializing_if = "Vec::is_empty")]
    pub near: Vec<NearSet>,
    #[serde(default, rename = "list", skip_serializing_if = "Vec::is_empty")]
    pub lists: Vec<ListFact>,
    #[serde(default, rename = "event", skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<EventFact>,
    #[serde(default, rename = "number", skip_serializing_if = "Vec::is_empty")]
    pub numbers: Vec<NumberFact>,
    #[serde(default, rename = "term", skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<TermFact>,
    #[serde(default, rename = "document", skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentFact>,
    #[serde(default, rename = "person", skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<PersonFact>,
    #[serde(default, rename = "qa", skip_serializing_if = "Vec::is_empty")]
    pub qas: Vec<QaFact>,
    #[serde(default, rename = "cloze", skip_serializing_if = "Vec::is_empty")]
    pub clozes: Vec<ClozeFact>,
}

impl DeckFile {
    /// How many facts the file has, of every kind.
    pub fn fact_count(&self) -> usize {
        self.lists.len()
            + self.events.len()
            + self.numbers.len()
            + self.terms.len()
            + self.documents.len()
            + self.people.len()
            + self.qas.len()
            + self.clozes.len()
    }
}

/// `[deck]`: identity and description of the deck.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DeckMeta {
    /// Stable id: lower-case letters, digits and `-`; part of every question id.
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Language of the facts: `zh` or `en`.
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Ids of other decks whose facts this deck's distractors and "which meeting" questions
    /// may draw on. Nothing else is: a deck's questions depend only on these deck files.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Spanned<String>>,
}

fn default_language() -> String {
    "zh".to_owned()
}

/// `[[source]]`: a document the facts come from.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    pub publisher: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Spanned<String>,
    /// Where to find it: a URL, a library reference, a file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The source's text, shown as the passage a fact comes from: a file name (one line,
    /// relative to the deck file, read when the deck is added), or the text itself (a value
    /// spanning several lines). See [`crate::deck::source_text`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Spanned<String>>,
}

/// `[[context]]`: a meeting or document that questions name, so that a phrase shared by
/// two meetings is never ambiguous.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    pub id: Spanned<String>,
    /// Short name shown in every prompt, e.g. `上合组织成员国外长理事会会议(2020年)`: never a date,
    /// place or name that a question of the deck asks.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// `false` for an interview or article rather than a meeting: it adopts no document, so
    /// it is never an option for "which meeting is this document from".
    #[serde(default = "yes")]
    pub meeting: bool,
}

/// `[[alias]]`: answers that grading treats as the same (上合组织 = 上海合作组织 = SCO).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AliasSet {
    pub terms: Vec<String>,
}

/// `[[near]]`: wordings of one idea in different lists or meetings (推动国际抗疫合作 /
/// 支持国际抗疫合作 / 团结抗击疫情). They are never each other's distractors, and they are not
/// aliases: each is right only for its own list, and the grader may say whose wording another is.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NearSet {
    pub terms: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Fields every fact kind carries. Kept as a macro-free repetition in each struct because
/// `#[serde(flatten)]` does not combine with `deny_unknown_fields`.
pub trait FactCommon {
    fn id(&self) -> &Spanned<String>;
    fn source(&self) -> &Spanned<String>;
    fn part(&self) -> Option<&str>;
    fn context(&self) -> Option<&Spanned<String>>;
    fn note(&self) -> Option<&str>;
    /// What in the fact is general knowledge rather than the text's (shown to the student).
    fn general(&self) -> Option<&str>;
}

macro_rules! fact_common {
    ($t:ty) => {
        impl FactCommon for $t {
            fn id(&self) -> &Spanned<String> {
                &self.id
            }
            fn source(&self) -> &Spanned<String> {
                &self.source
            }
            fn part(&self) -> Option<&str> {
                self.part.as_deref()
            }
            fn context(&self) -> Option<&Spanned<String>> {
                self.context.as_ref()
            }
            fn note(&self) -> Option<&str> {
                self.note.as_deref()
            }
            fn general(&self) -> Option<&str> {
                self.general.as_deref()
            }
        }
    };
}

/// `[[list]]`: an enumeration from a text.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ListFact {
    pub id: Spanned<String>,
    pub source: Spanned<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Set when the fact adds general knowledge not in the source: says what (`三者的展开`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general: Option<String>,
    /// What the list is, as the text puts it: `中俄外长商定在四方面加强合作`.
    pub heading: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading_en: Option<String>,
    /// A short noun for one item (`方面`, `举措`, `成果`), used in prompts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noun: Option<String>,
    /// Lists of one family (e.g. `cooperation-areas`, `countries`) are each other's
    /// distractors first; without one, any list of the deck is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// The how-many question as it should read (`中俄外长商定在几个方面加强合作?`), for a
    /// heading that states its count; without it the question is `“heading”共有几…?`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count_question: Option<String>,
    /// `false`: no how-many question (the count is in the meeting's name: 中亚五国).
    #[serde(default = "yes")]
    pub ask_count: bool,
    /// The declared number of items. Required for closed lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<Spanned<u32>>,
    /// The order is part of the fact (一是…四是).
    #[serde(default)]
    pub ordered: bool,
    /// Every item is given; `false` for a list ending in 等.
    #[serde(default = "yes")]
    pub closed: bool,
    #[serde(rename = "item")]
    pub items: Spanned<Vec<ListItem>>,
}
fact_common!(ListFact);

fn yes() -> bool {
    true
}

/// `[[list.item]]`: one item of a list.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ListItem {
    /// The official wording.
    pub text: Spanned<String>,
    /// The short key phrase a student types; defaults to `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl ListItem {
    /// The phrase asked for and shown in options.
    pub fn key(&self) -> &str {
        self.key.as_deref().unwrap_or(self.text.get_ref())
    }
}

/// `[[event]]`: a dated happening.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EventFact {
    pub id: Spanned<String>,
    pub source: Spanned<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Set when the fact adds general knowledge not in the source: says what (`三者的展开`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the form gives the precision.
    pub date: Spanned<String>,
    /// The year (or more) is not in the text but worked out from it.
    #[serde(default)]
    pub date_inferred: bool,
    /// How the text states the time, when it differs from the date (`前天`, `去年7月`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
    /// What happened, as a short phrase.
    pub what: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what_en: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub place_accept: Vec<String>,
}
fact_common!(EventFact);

/// `[[number]]`: a quantity, its unit and what it counts.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NumberFact {
    pub id: Spanned<String>,
    pub source: Spanned<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Set when the fact adds general knowledge not in the source: says what (`三者的展开`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general: Option<String>,
    pub value: Spanned<f64>,
    /// `个`, `项`, `所`, `%`, `年`…
    pub unit: String,
    /// What is counted, phrased to follow "how many": `中方未来3年向中亚国家增加的奖学金名额`.
    pub counts: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts_en: Option<String>,
    /// `多` (20多), `逾` (逾千), `近`, `左右`: shown with the answer, not graded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// The official phrase, e.g. `增加450个奖学金名额`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}
fact_common!(NumberFact);

/// `[[term]]`: a slogan or name and what it denotes.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TermFact {
    pub id: Spanned<String>,
    pub source: Spanned<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Set when the fact adds general knowledge not in the source: says what (`三者的展开`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general: Option<String>,
    pub term: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term_en: Option<String>,
    /// What it stands for: `中欧班列`.
    pub denotes: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denotes_en: Option<String>,
    /// Accepted alternatives for `denotes`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
    /// Terms of one family (`silk-roads`, `channels`) are each other's distractors first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// Only ask term → meaning, never meaning → term (when the meaning gives the term away).
    #[serde(default)]
    pub one_way: bool,
}
fact_common!(TermFact);

/// `[[document]]`: a named statement, memorandum, initiative or programme.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentFact {
    pub id: Spanned<String>,
    pub source: Spanned<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Set when the fact adds general knowledge not in the source: says what (`三者的展开`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general: Option<String>,
    /// The title without 《》.
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// `联合声明`, `备忘录`, `声明`, `倡议`, `计划`, `新闻公报`…
    pub genre: String,
    /// What the meeting did with it: `发表`, `通过`, `批准`, `启动`, `提出`.
    pub verb: String,
    /// `false` for a genre named without a title (新闻公报): shown without 《》.
    #[serde(default = "yes")]
    pub titled: bool,
    /// Who issued or adopted it, when not the context meeting itself (`中方`, `两国外长`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
}
fact_common!(DocumentFact);

/// `[[person]]`: a name and the title at the time.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PersonFact {
    pub id: Spanned<String>,
    pub source: Spanned<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Set when the fact adds general knowledge not in the source: says what (`三者的展开`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general: Option<String>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The title at the time: `哈萨克斯坦副总理兼外长`.
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// What the person did in this context: `主持会晤`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Accepted alternatives for the name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
    /// Accepted alternatives for the title.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title_accept: Vec<String>,
}
fact_common!(PersonFact);

/// `[[qa]]`: a free question.
///
/// Read and written as `QaFields`, the table as a deck file has it; the fields that most
/// questions leave out are kept here in one box (a deck of 100,000 free questions is then
/// some 11 MB smaller in memory, most of a large import's deck).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(from = "QaFields", into = "QaFields")]
pub struct QaFact {
    pub id: Spanned<String>,
    pub source: Spanned<String>,
    pub context: Option<Spanned<String>>,
    pub question: String,
    pub answer: String,
    /// The answer is too long to grade typed: reveal it and let the student rate.
    pub self_graded: bool,
    /// `part`, `note`, `general`, `tags`, the English forms and the accepted answers, when
    /// one is given.
    rare: Option<Box<QaRare>>,
}

#[derive(Debug, Clone, Default)]
struct QaRare {
    part: Option<String>,
    note: Option<String>,
    general: Option<String>,
    tags: Vec<String>,
    question_en: Option<String>,
    answer_en: Option<String>,
    accept: Vec<String>,
}

impl QaFact {
    /// The question in English, for English decks' own wording.
    pub fn question_en(&self) -> Option<&str> {
        self.rare.as_ref()?.question_en.as_deref()
    }

    /// The answer in English: accepted too, and shown as the explanation.
    pub fn answer_en(&self) -> Option<&String> {
        self.rare.as_ref()?.answer_en.as_ref()
    }

    /// Other answers accepted as right.
    pub fn accept(&self) -> &[String] {
        self.rare.as_ref().map_or(&[], |r| &r.accept)
    }

    /// Labels from elsewhere (an Anki note's tags, kept by `quiz add-deck FILE.apkg`): never
    /// asked; the Anki exports carry them back out as tags.
    pub fn tags(&self) -> &[String] {
        self.rare.as_ref().map_or(&[], |r| &r.tags)
    }

    /// [`QaFact::tags`], taken out of the fact.
    pub fn take_tags(&mut self) -> Vec<String> {
        self.rare
            .as_mut()
            .map(|r| std::mem::take(&mut r.tags))
            .unwrap_or_default()
    }
}

impl FactCommon for QaFact {
    fn id(&self) -> &Spanned<String> {
        &self.id
    }
    fn source(&self) -> &Spanned<String> {
        &self.source
    }
    fn part(&self) -> Option<&str> {
        self.rare.as_ref()?.part.as_deref()
    }
    fn context(&self) -> Option<&Spanned<String>> {
        self.context.as_ref()
    }
    fn note(&self) -> Option<&str> {
        self.rare.as_ref()?.note.as_deref()
    }
    fn general(&self) -> Option<&str> {
        self.rare.as_ref()?.general.as_deref()
    }
}

/// `[[qa]]` as the deck file has it.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct QaFields {
    id: Spanned<String>,
    source: Spanned<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    part: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    context: Option<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    /// Set when the fact adds general knowledge not in the source: says what (`三者的展开`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    general: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
    question: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    question_en: Option<String>,
    answer: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answer_en: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    accept: Vec<String>,
    #[serde(default)]
    self_graded: bool,
}

impl From<QaFields> for QaFact {
    fn from(f: QaFields) -> Self {
        let rare = QaRare {
            part: f.part,
            note: f.note,
            general: f.general,
            tags: f.tags,
            question_en: f.question_en,
            answer_en: f.answer_en,
            accept: f.accept,
        };
        let given = rare.part.is_some()
            || rare.note.is_some()
            || rare.general.is_some()
            || !rare.tags.is_empty()
            || rare.question_en.is_some()
            || rare.answer_en.is_some()
            || !rare.accept.is_empty();
        QaFact {
            id: f.id,
            source: f.source,
            context: f.context,
            question: f.question,
            answer: f.answer,
            self_graded: f.self_graded,
            rare: given.then(|| Box::new(rare)),
        }
    }
}

impl From<QaFact> for QaFields {
    fn from(f: QaFact) -> Self {
        let rare = f.rare.map(|r| *r).unwrap_or_default();
        QaFields {
            id: f.id,
            source: f.source,
            part: rare.part,
            context: f.context,
            note: rare.note,
            general: rare.general,
            tags: rare.tags,
            question: f.question,
            question_en: rare.question_en,
            answer: f.answer,
            answer_en: rare.answer_en,
            accept: rare.accept,
            self_graded: f.self_graded,
        }
    }
}

/// `[[cloze]]`: a sentence with deletions marked `{{answer}}` or `{{answer|alternative}}`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ClozeFact {
    pub id: Spanned<String>,
    pub source: Spanned<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Set when the fact adds general knowledge not in the source: says what (`三者的展开`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general: Option<String>,
    /// Labels from elsewhere (an Anki note's tags, kept by `quiz add-deck FILE.apkg`): never
    /// asked; the Anki exports carry them back out as tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub text: Spanned<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}
fact_common!(ClozeFact);
