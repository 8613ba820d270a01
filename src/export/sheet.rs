//! `--format sheet` / `sheet-html`: a printable test with an answer key on its own page or in
//! a file of its own, in one or several versions (A, B…).
//!
//! The questions are picked from the selection with a seeded random source: a mix of question
//! kinds taken in turn, at most one question per fact while the deck allows it (so one
//! question does not give away another), then shuffled. Versions reorder the same questions
//! and their options, each from its own seed. The same deck, selection, count and seed give
//! the same sheets in every build: the random source is our own (SplitMix64), not a library's
//! whose algorithm may change.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

use super::{DeckData, html_escape, letter, prompt_html, prompt_plain};
use crate::question::{Answer, Kind, Question};

/// Picks `count` questions (fewer if the deck has fewer) for a sheet.
pub fn pick(d: &DeckData, count: usize, seed: u64) -> Vec<&Question> {
    let mut rng = SplitMix(seed);
    let mut by_kind: BTreeMap<Kind, Vec<&Question>> = BTreeMap::new();
    for q in &d.questions {
        by_kind.entry(q.kind).or_default().push(q);
    }
    let mut buckets: Vec<Vec<&Question>> = by_kind.into_values().collect();
    for b in &mut buckets {
        rng.shuffle(b);
    }
    rng.shuffle(&mut buckets);
    let mut picked: Vec<&Question> = Vec::new();
    let mut facts: HashSet<&str> = HashSet::new();
    let mut taken: HashSet<&str> = HashSet::new();
    // First one question per fact; if the deck runs out of facts, allow siblings.
    for one_per_fact in [true, false] {
        loop {
            let before = picked.len();
            for b in &buckets {
                if picked.len() == count {
                    break;
                }
                let free = |q: &&&Question| {
                    let sibling_used = one_per_fact && facts.contains(q.sibling.as_str());
                    !taken.contains(q.uid.as_str()) && !sibling_used
                };
                let next = b.iter().find(free);
                if let Some(q) = next {
                    taken.insert(&q.uid);
                    facts.insert(&q.sibling);
                    picked.push(q);
                }
            }
            if picked.len() == count || picked.len() == before {
                break;
            }
        }
    }
    rng.shuffle(&mut picked);
    picked
}

/// Messages of this module, in the interface language (`sheet.*` in the catalogue). The
/// sheet's own words follow the deck's language: see [`Labels`].
mod msg {
    use crate::t;

    pub fn bad_points(v: &str) -> String {
        t!("sheet.bad_points", value = v)
    }
    pub fn bad_kind(k: &str) -> String {
        t!("sheet.bad_kind", kind = k)
    }
}

/// How many points each question is worth: `--points 2` (every question), `--points
/// choice=1,list_recall=6` (by kind), or both (`2,order=4`); kinds not named keep the default
/// of [`default_points`].
#[derive(Debug, Clone, Default)]
pub struct Points {
    all: Option<u32>,
    by_kind: BTreeMap<Kind, u32>,
}

impl Points {
    pub fn parse(s: &str) -> std::result::Result<Points, String> {
        let mut p = Points::default();
        let value = |v: &str| {
            v.trim()
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=1000).contains(n))
                .ok_or_else(|| msg::bad_points(v))
        };
        for part in s.split(',').map(str::trim).filter(|x| !x.is_empty()) {
            match part.split_once('=') {
                Some((k, v)) => {
                    let kind = Kind::parse(k.trim()).ok_or_else(|| msg::bad_kind(k.trim()))?;
                    p.by_kind.insert(kind, value(v)?);
                }
                None => p.all = Some(value(part)?),
            }
        }
        Ok(p)
    }

    /// The points `--points N` gives every question, if it was given.
    pub fn for_all(&self) -> Option<u32> {
        self.all
    }

    pub fn of(&self, q: &Question) -> u32 {
        self.by_kind
            .get(&q.kind)
            .copied()
            .or(self.all)
            .unwrap_or_else(|| default_points(q))
    }
}

/// Points when `--points` does not say: a recognition question 1, a typed answer 2, an order
/// 3, a whole list one per item, a free answer 4.
pub fn default_points(q: &Question) -> u32 {
    match q.kind {
        Kind::TrueFalse | Kind::Choice | Kind::NotInList => 1,
        Kind::Order | Kind::Chronology => 3,
        Kind::ListRecall => list_len(q) as u32,
        Kind::Reveal => 4,
        _ => 2,
    }
}

/// One question as a version shows it: its options in this version's order.
pub struct Shown<'a> {
    pub q: &'a Question,
    pub answer: Answer,
    pub points: u32,
}

/// One version of a sheet (A, B…): the same questions in its own order.
pub struct Version<'a> {
    /// `None` when only one version is made.
    pub letter: Option<char>,
    pub items: Vec<Shown<'a>>,
}

impl Version<'_> {
    pub fn total_points(&self) -> u32 {
        self.items.iter().map(|s| s.points).sum()
    }
}

/// `n` versions of the picked questions. The first keeps the picked order and the deck's
/// option order; every other has the questions in another order and each question's
/// options reshuffled, each from its own seed, so any one version can be made again.
pub fn versions<'a>(
    picked: &[&'a Question],
    n: usize,
    seed: u64,
    points: &Points,
) -> Vec<Version<'a>> {
    let n = n.max(1);
    (0..n)
        .map(|v| {
            let mut order: Vec<usize> = (0..picked.len()).collect();
            let mut rng = SplitMix(seed ^ (v as u64).wrapping_mul(0xd1b5_4a32_d192_ed03));
            if v > 0 {
                reorder(&mut rng, &mut order);
            }
            let items = order
                .iter()
                .map(|&i| {
                    let q = picked[i];
                    let answer = if v > 0 {
                        shuffle_options(&mut rng, &q.answer)
                    } else {
                        q.answer.clone()
                    };
                    Shown {
                        q,
                        answer,
                        points: points.of(q),
                    }
                })
                .collect();
            Version {
                letter: (n > 1).then(|| letter(v)),
                items,
            }
        })
        .collect()
}

/// Shuffles `v` (indexes `0..len`) into an order other than the identity when it can.
fn reorder(rng: &mut SplitMix, v: &mut [usize]) {
    if v.len() < 2 {
        return;
    }
    for _ in 0..16 {
        rng.shuffle(v);
        if v.iter().enumerate().any(|(i, &x)| i != x) {
            return;
        }
    }
    v.rotate_left(1);
}

/// The answer with its options (or the items to order) in a new order, the right answer
/// following them.
fn shuffle_options(rng: &mut SplitMix, a: &Answer) -> Answer {
    let perm = |rng: &mut SplitMix, len: usize| {
        let mut p: Vec<usize> = (0..len).collect();
        reorder(rng, &mut p);
        // p[new] = old; inv[old] = new
        let mut inv = vec![0; len];
        for (new, &old) in p.iter().enumerate() {
            inv[old] = new;
        }
        (p, inv)
    };
    match a {
        Answer::Choice { options, correct } => {
            let (p, inv) = perm(rng, options.len());
            Answer::Choice {
                options: p.iter().map(|&o| options[o].clone()).collect(),
                correct: inv.get(*correct).copied().unwrap_or(*correct),
            }
        }
        Answer::Order { shown, correct } => {
            // Never print the items already in their right order: that would answer it.
            let mut tries = 0;
            loop {
                let (p, inv) = perm(rng, shown.len());
                let now: Vec<usize> = correct
                    .iter()
                    .map(|&c| inv.get(c).copied().unwrap_or(c))
                    .collect();
                tries += 1;
                let solved = now.iter().enumerate().all(|(i, &x)| i == x);
                if !solved || tries >= 32 {
                    break Answer::Order {
                        shown: p.iter().map(|&o| shown[o].clone()).collect(),
                        correct: now,
                    };
                }
            }
        }
        other => other.clone(),
    }
}

/// Labels in the deck's language.
struct Labels {
    quiz: &'static str,
    name: &'static str,
    date: &'static str,
    score: &'static str,
    answer: &'static str,
    key: &'static str,
    true_false: (&'static str, &'static str),
    order_hint: &'static str,
    list_hint: &'static str,
    from: &'static str,
    also: &'static str,
    self_graded: &'static str,
    about: fn(usize, u32, u64, &str) -> String,
    version: fn(char) -> String,
    points: fn(u32) -> String,
    page: &'static str,
}

fn labels(d: &DeckData) -> Labels {
    if d.language == "en" {
        Labels {
            quiz: "Quiz",
            name: "Name",
            date: "Date",
            score: "Score",
            answer: "Answer",
            key: "Answer key",
            true_false: ("True", "False"),
            order_hint: "Write the letters in the right order",
            list_hint: "Write every item",
            from: "from",
            also: "also accepted",
            self_graded: "a model answer: grade by judgement",
            about: |n, pts, seed, deck| {
                format!("{n} questions · {pts} points · deck {deck} · seed {seed}")
            },
            version: |v| format!("Version {v}"),
            points: |p| {
                if p == 1 {
                    "(1 pt)".to_owned()
                } else {
                    format!("({p} pts)")
                }
            },
            page: "\"Page \" counter(page) \" of \" counter(pages)",
        }
    } else {
        Labels {
            quiz: "测验",
            name: "姓名",
            date: "日期",
            score: "得分",
            answer: "答",
            key: "参考答案",
            true_false: ("对", "错"),
            order_hint: "按正确顺序写出字母",
            list_hint: "写出全部各项",
            from: "出处",
            also: "亦可",
            self_graded: "参考答案,酌情给分",
            about: |n, pts, seed, deck| {
                format!("共 {n} 题 · 满分 {pts} 分 · 卡组 {deck} · 种子 {seed}")
            },
            version: |v| format!("{v} 卷"),
            points: |p| format!("({p}分)"),
            page: "\"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\"",
        }
    }
}

/// How many answer lines a list question gets: one per item.
fn list_len(q: &Question) -> usize {
    match &q.answer {
        Answer::List { items } => items.len().max(1),
        _ => 1,
    }
}

/// What a sheet or key is made of.
pub struct Sheet<'a> {
    pub deck: &'a DeckData,
    pub seed: u64,
    pub version: &'a Version<'a>,
}

impl Sheet<'_> {
    /// `Title — 测验`, with the version when there are several.
    fn heading(&self, l: &Labels, what: &str) -> String {
        match self.version.letter {
            Some(v) => format!("{} — {what} · {}", self.deck.title(), (l.version)(v)),
            None => format!("{} — {what}", self.deck.title()),
        }
    }

    fn about(&self, l: &Labels) -> String {
        (l.about)(
            self.version.items.len(),
            self.version.total_points(),
            self.seed,
            &self.deck.id,
        )
    }
}

/// The sheet as Markdown; with `with_key`, the answer key follows after a page break that
/// HTML renderers of Markdown (and pandoc) honour.
pub fn markdown(sheet: &Sheet, with_key: bool) -> String {
    let l = labels(sheet.deck);
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", md_line(&sheet.heading(&l, l.quiz)));
    let _ = writeln!(
        s,
        "{}: ________________  {}: ____________  {}: ____ / {}\n",
        l.name,
        l.date,
        l.score,
        sheet.version.total_points()
    );
    let _ = writeln!(s, "*{}*\n", md_line(&sheet.about(&l)));
    for (i, item) in sheet.version.items.iter().enumerate() {
        let n = i + 1;
        let _ = writeln!(
            s,
            "**{n}.** {} {}\n",
            (l.points)(item.points),
            md_prompt(&item.q.prompt)
        );
        if let Some(opts) = shown_options(&item.answer) {
            for (j, o) in opts.iter().enumerate() {
                let _ = writeln!(s, "   {}. {}  ", letter(j), md_text(o));
            }
            s.push('\n');
        }
        match &item.answer {
            Answer::TrueFalse { .. } => {
                let _ = writeln!(s, "   ☐ {}    ☐ {}\n", l.true_false.0, l.true_false.1);
            }
            Answer::Choice { .. } => {
                let _ = writeln!(s, "   {}: ____\n", l.answer);
            }
            Answer::Order { shown, .. } => {
                let blanks = vec!["____"; shown.len()].join(" → ");
                let _ = writeln!(s, "   {}: {blanks}\n", l.order_hint);
            }
            Answer::List { .. } => {
                let _ = writeln!(s, "   {}:\n", l.list_hint);
                for k in 1..=list_len(item.q) {
                    let _ = writeln!(s, "   {k}. ______________________________  ");
                }
                s.push('\n');
            }
            Answer::Reveal { .. } => {
                let _ = writeln!(
                    s,
                    "   {}: ________________________________________",
                    l.answer
                );
                let _ = writeln!(s, "   ________________________________________________\n");
            }
            _ => {
                let _ = writeln!(s, "   {}: ______________________________\n", l.answer);
            }
        }
    }
    if with_key {
        s.push_str("<div style=\"page-break-before: always; break-before: page\"></div>\n\n");
        let _ = writeln!(s, "## {}\n", l.key);
        markdown_entries(sheet, &l, &mut s);
    }
    s
}

/// The answer key alone, as Markdown (for `--key`).
pub fn markdown_key(sheet: &Sheet) -> String {
    let l = labels(sheet.deck);
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", md_line(&sheet.heading(&l, l.key)));
    let _ = writeln!(s, "*{}*\n", md_line(&sheet.about(&l)));
    markdown_entries(sheet, &l, &mut s);
    s
}

fn markdown_entries(sheet: &Sheet, l: &Labels, s: &mut String) {
    for (i, item) in sheet.version.items.iter().enumerate() {
        let mut lines = key_text(&item.answer, l).into_iter();
        let _ = writeln!(
            s,
            "{}. {}  ",
            i + 1,
            md_text(&lines.next().unwrap_or_default())
        );
        for more in lines {
            let _ = writeln!(s, "   {}  ", md_text(&more));
        }
        let _ = writeln!(
            s,
            "   *{} · {}: {}*",
            (l.points)(item.points),
            l.from,
            md_line(&item.q.source.to_string())
        );
    }
}

/// The sheet as a standalone HTML page, laid out for A4 printing, with page numbers in the
/// margin; with `with_key`, the answer key follows on its own page.
pub fn html(sheet: &Sheet, with_key: bool) -> String {
    let l = labels(sheet.deck);
    let mut s = html_head(sheet, &l, &sheet.heading(&l, l.quiz));
    let _ = writeln!(
        s,
        "<header>\n<h1>{}</h1>",
        html_escape(&sheet.heading(&l, l.quiz))
    );
    let _ = writeln!(
        s,
        "<p class=\"blanks\"><span>{}: <i class=\"line w12\"></i></span><span>{}: <i class=\"line w8\"></i></span><span>{}: <i class=\"line w3\"></i> / {}</span></p>",
        l.name,
        l.date,
        l.score,
        sheet.version.total_points()
    );
    let _ = writeln!(
        s,
        "<p class=\"about\">{}</p>\n</header>",
        html_escape(&sheet.about(&l))
    );
    s.push_str("<ol class=\"questions\">\n");
    for item in &sheet.version.items {
        let _ = writeln!(
            s,
            "<li class=\"q {}\">\n<p class=\"prompt\"><span class=\"pts\">{}</span> {}</p>",
            item.q.kind.as_str(),
            (l.points)(item.points),
            html_lines(&prompt_html(&item.q.prompt))
        );
        if let Some(opts) = shown_options(&item.answer) {
            s.push_str("<ol class=\"options\" type=\"A\">");
            for o in opts {
                let _ = write!(s, "<li>{}</li>", html_lines(&html_escape(o)));
            }
            s.push_str("</ol>\n");
        }
        match &item.answer {
            Answer::TrueFalse { .. } => {
                let _ = writeln!(
                    s,
                    "<p class=\"tf\"><span class=\"box\"></span> {} <span class=\"box\"></span> {}</p>",
                    l.true_false.0, l.true_false.1
                );
            }
            Answer::Choice { .. } => {
                let _ = writeln!(
                    s,
                    "<p class=\"answer\">{}: <i class=\"line w3\"></i></p>",
                    l.answer
                );
            }
            Answer::Order { shown, .. } => {
                let blanks = vec!["<i class=\"line w2\"></i>"; shown.len()].join(" → ");
                let _ = writeln!(s, "<p class=\"answer\">{}: {blanks}</p>", l.order_hint);
            }
            Answer::List { .. } => {
                let _ = write!(
                    s,
                    "<p class=\"hint\">{}:</p><ol class=\"lines\">",
                    l.list_hint
                );
                for _ in 0..list_len(item.q) {
                    s.push_str("<li><i class=\"line full\"></i></li>");
                }
                s.push_str("</ol>\n");
            }
            Answer::Reveal { .. } => {
                let _ = writeln!(
                    s,
                    "<p class=\"answer\">{}: <i class=\"line full\"></i></p><p class=\"answer\"><i class=\"line full\"></i></p>",
                    l.answer
                );
            }
            _ => {
                let _ = writeln!(
                    s,
                    "<p class=\"answer\">{}: <i class=\"line w16\"></i></p>",
                    l.answer
                );
            }
        }
        s.push_str("</li>\n");
    }
    s.push_str("</ol>\n");
    if with_key {
        let _ = writeln!(
            s,
            "<section class=\"key\">\n<h2>{}</h2>",
            html_escape(&sheet.heading(&l, l.key))
        );
        html_entries(sheet, &l, &mut s);
        s.push_str("</section>\n");
    }
    s.push_str("</body>\n</html>\n");
    s
}

/// The answer key alone, as an HTML page (for `--key`).
pub fn html_key(sheet: &Sheet) -> String {
    let l = labels(sheet.deck);
    let heading = sheet.heading(&l, l.key);
    let mut s = html_head(sheet, &l, &heading);
    let _ = writeln!(
        s,
        "<header>\n<h1>{}</h1>\n<p class=\"about\">{}</p>\n</header>\n<section class=\"key alone\">",
        html_escape(&heading),
        html_escape(&sheet.about(&l))
    );
    html_entries(sheet, &l, &mut s);
    s.push_str("</section>\n</body>\n</html>\n");
    s
}

fn html_head(sheet: &Sheet, l: &Labels, title: &str) -> String {
    let lang = if sheet.deck.language == "en" {
        "en"
    } else {
        "zh-Hans"
    };
    // The page number sits in the bottom margin (CSS paged media, which browsers print);
    // the version letter beside it and the deck's title above, so loose pages find their
    // test again. A margin box of our own at the top also keeps the browser's header (date,
    // file name) off the page.
    let title_box: String = sheet.deck.title().chars().take(60).collect();
    let version = sheet
        .version
        .letter
        .map(|v| css_string(&(l.version)(v)))
        .unwrap_or_else(|| "\"\"".to_owned());
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{CSS}@page {{ @top-right {{ content: {}; font-size: 8.5pt; color: #666; }} @bottom-center {{ content: {}; font-size: 9pt; color: #444; }} @bottom-right {{ content: {version}; font-size: 9pt; color: #444; }} }}\n</style>\n</head>\n<body>\n",
        html_escape(title),
        css_string(&title_box),
        l.page
    )
}

fn html_entries(sheet: &Sheet, l: &Labels, s: &mut String) {
    s.push_str("<ol>\n");
    for item in &sheet.version.items {
        let lines: Vec<String> = key_text(&item.answer, l)
            .iter()
            .map(|x| html_lines(&html_escape(x)))
            .collect();
        let _ = writeln!(
            s,
            "<li><span class=\"ans\">{}</span> <span class=\"src\">{} · {}: {}</span></li>",
            lines.join("<br>\n"),
            (l.points)(item.points),
            l.from,
            html_escape(&item.q.source.to_string())
        );
    }
    s.push_str("</ol>\n");
}

/// The key's answer: its first line the answer as the student should give it, then every
/// other accepted form (a list: one line per item, each with its alternatives).
fn key_text(a: &Answer, l: &Labels) -> Vec<String> {
    let also = |rest: &[String]| format!("{}: {}", l.also, rest.join("; "));
    match a {
        Answer::Text { accepted } => {
            let mut v = vec![accepted.first().cloned().unwrap_or_default()];
            if accepted.len() > 1 {
                v.push(also(&accepted[1..]));
            }
            v
        }
        Answer::TrueFalse { value } => {
            vec![
                if *value {
                    l.true_false.0
                } else {
                    l.true_false.1
                }
                .to_owned(),
            ]
        }
        Answer::Date { date } => match crate::dates::FactDate::parse(date) {
            Some(d) => {
                let shown = if l.answer == "Answer" { d.en() } else { d.zh() };
                vec![shown, also(&[d.iso()])]
            }
            None => vec![date.clone()],
        },
        Answer::Choice { options, correct } => vec![format!(
            "{}. {}",
            letter(*correct),
            options.get(*correct).map_or("", String::as_str)
        )],
        Answer::Order { shown, correct } => vec![
            correct
                .iter()
                .map(|&i| format!("{}. {}", letter(i), shown.get(i).map_or("", String::as_str)))
                .collect::<Vec<_>>()
                .join(" → "),
        ],
        Answer::List { items } => items
            .iter()
            .enumerate()
            .map(|(k, forms)| {
                let first = forms.first().map_or("", String::as_str);
                if forms.len() > 1 {
                    format!("{}) {first} ({})", k + 1, also(&forms[1..]))
                } else {
                    format!("{}) {first}", k + 1)
                }
            })
            .collect(),
        Answer::Reveal { answer } => vec![answer.clone(), format!("({})", l.self_graded)],
        Answer::Number { .. } => vec![a.display()],
    }
}

fn shown_options(a: &Answer) -> Option<&[String]> {
    match a {
        Answer::Choice { options, .. } => Some(options),
        Answer::Order { shown, .. } => Some(shown),
        _ => None,
    }
}

/// A CSS string literal.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            // Inside <style>, `</style>` would end the style sheet: `<` and `>` are escaped.
            '<' => out.push_str("\\3c "),
            '>' => out.push_str("\\3e "),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Escaped HTML with its line breaks kept as `<br>`.
fn html_lines(escaped: &str) -> String {
    escaped.replace('\n', "<br>\n")
}

/// A prompt as Markdown: escaped, keeping the generator's `**emphasis**` and its line breaks.
fn md_prompt(s: &str) -> String {
    md_lines(s, |line| {
        line.split("**")
            .map(super::md_escape)
            .collect::<Vec<_>>()
            .join("**")
    })
}

/// Deck text as Markdown: escaped, its line breaks kept as hard breaks.
fn md_text(s: &str) -> String {
    md_lines(s, |line| super::md_escape(&prompt_plain(line)))
}

/// One line of Markdown (a heading, a note): line breaks become spaces.
fn md_line(s: &str) -> String {
    super::md_escape(&prompt_plain(s))
}

/// Escapes each line with `esc` and joins them with Markdown hard breaks. A continuation
/// line that would start a list, a heading underline or a rule is escaped too.
fn md_lines(s: &str, esc: impl Fn(&str) -> String) -> String {
    s.split('\n')
        .map(|line| line.trim())
        .filter(|line| !line.is_empty())
        .enumerate()
        .map(|(i, line)| {
            let mut e = esc(line);
            if i > 0 {
                let digits = e.bytes().take_while(u8::is_ascii_digit).count();
                if e.starts_with(['-', '+', '=']) {
                    e.insert(0, '\\');
                } else if digits > 0 && e[digits..].starts_with(['.', ')']) {
                    e.insert(digits, '\\');
                }
            }
            e
        })
        .collect::<Vec<_>>()
        .join("  \n   ")
}

const CSS: &str = "@page { size: A4; margin: 16mm 16mm 18mm; }
body { font-family: \"Noto Serif CJK SC\", \"Noto Sans CJK SC\", \"Songti SC\", \"SimSun\", serif;
  font-size: 11.5pt; line-height: 1.55; color: #000; max-width: 48em; margin: 1.5em auto; }
h1 { font-size: 17pt; margin: 0 0 .4em; }
h2 { font-size: 14pt; }
.blanks { display: flex; gap: 2em; flex-wrap: wrap; margin: .3em 0; }
.about { color: #555; font-size: 9.5pt; margin: 0 0 1em; }
header { border-bottom: 1.5px solid #000; margin-bottom: 1em; }
i.line { display: inline-block; border-bottom: 1px solid #000; height: 1.1em; vertical-align: bottom; }
i.w2 { width: 2.5em; } i.w3 { width: 3em; } i.w8 { width: 8em; } i.w12 { width: 12em; }
i.w16 { width: 16em; } i.full { width: 90%; }
ol.questions { padding-left: 1.8em; }
ol.questions > li { margin: 0 0 .9em; break-inside: avoid; page-break-inside: avoid; }
.prompt { margin: 0 0 .25em; }
.prompt b { text-decoration: underline; }
ol.options { margin: .1em 0 .3em; padding-left: 2em; }
ol.options li { margin: .05em 0; }
.answer, .tf, .hint { margin: .3em 0 0 .2em; }
.box { display: inline-block; width: .85em; height: .85em; border: 1px solid #000;
  vertical-align: -0.1em; margin: 0 .25em 0 1em; }
.tf .box:first-child { margin-left: 0; }
ol.lines { margin: .2em 0 0; padding-left: 2em; }
ol.lines li { margin: .35em 0; }
.key { break-before: page; page-break-before: always; }
.key ol { padding-left: 1.8em; }
.key li { margin: .25em 0; break-inside: avoid; }
.key .src { display: block; color: #555; font-size: 8.5pt; }
@media screen { body { padding: 0 1em; } .key { border-top: 2px dashed #999; margin-top: 2em; padding-top: 1em; } }
.key.alone { break-before: auto; page-break-before: auto; border-top: none; margin-top: 0; padding-top: 0; }
.key .ans { display: block; }
.pts { color: #333; font-size: 9.5pt; }
";

/// SplitMix64: a small, well-mixed, fixed random source.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform index below `n` (n > 0), without modulo bias.
    fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next();
            if x < zone {
                return (x % n) as usize;
            }
        }
    }

    /// Fisher–Yates.
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_cannot_close_the_style_sheet() {
        let s = css_string("a</style><script>\"x\\");
        assert!(!s.contains('<') && !s.contains('>'), "{s}");
        assert_eq!(s, "\"a\\3c /style\\3e \\3c script\\3e \\\"x\\\\\"");
    }

    #[test]
    fn points_parse_by_kind_and_for_all() {
        let p = Points::parse("3, choice=5").unwrap();
        assert_eq!(p.all, Some(3));
        assert_eq!(p.by_kind.get(&Kind::Choice), Some(&5));
        assert!(Points::parse("nope=2").is_err());
        assert!(Points::parse("0").is_err());
    }

    #[test]
    fn markdown_continuation_lines_cannot_start_markup() {
        assert_eq!(
            md_text("a\n- b\n2. c\n# d"),
            "a  \n   \\- b  \n   2\\. c  \n   \\# d"
        );
    }
}
