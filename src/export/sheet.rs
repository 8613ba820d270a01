//! `--format sheet` / `sheet-html`: a printable quiz with an answer key on its own page.
//!
//! The questions are picked from the deck with a seeded random source: a mix of question
//! kinds taken in turn, at most one question per fact while the deck allows it (so one
//! question does not give away another), then shuffled. The same deck, count and seed give
//! the same sheet in every build: the random source is our own (SplitMix64), not a library's
//! whose algorithm may change.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

use super::{DeckData, answer_text, html_escape, letter, options, prompt_html, prompt_plain};
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
    about: fn(usize, u64, &str) -> String,
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
            about: |n, seed, deck| format!("{n} questions · deck {deck} · seed {seed}"),
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
            about: |n, seed, deck| format!("共 {n} 题 · 卡组 {deck} · 种子 {seed}"),
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

/// The sheet as Markdown. The answer key starts with a page break that HTML renderers of
/// Markdown (and pandoc) honour.
pub fn markdown(d: &DeckData, picked: &[&Question], seed: u64) -> String {
    let l = labels(d);
    let mut s = String::new();
    let _ = writeln!(s, "# {} — {}\n", md_escape(d.title()), l.quiz);
    let _ = writeln!(
        s,
        "{}: ________________  {}: ____________  {}: ____ / {}\n",
        l.name,
        l.date,
        l.score,
        picked.len()
    );
    let _ = writeln!(s, "*{}*\n", (l.about)(picked.len(), seed, d.id.as_str()));
    for (i, q) in picked.iter().enumerate() {
        let n = i + 1;
        let _ = writeln!(s, "**{n}.** {}\n", prompt_plain_md(&q.prompt));
        if let Some(opts) = options(q) {
            for (j, o) in opts.iter().enumerate() {
                let _ = writeln!(s, "   {}. {}  ", letter(j), md_escape(o));
            }
            s.push('\n');
        }
        match &q.answer {
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
                for k in 1..=list_len(q) {
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
    s.push_str("<div style=\"page-break-before: always; break-before: page\"></div>\n\n");
    let _ = writeln!(s, "## {}\n", l.key);
    for (i, q) in picked.iter().enumerate() {
        let _ = writeln!(s, "{}. {}  ", i + 1, md_escape(&key_answer(q, &l)));
        let _ = writeln!(s, "   *{}: {}*", l.from, md_escape(&q.source.to_string()));
    }
    s
}

/// The sheet as a standalone HTML page, laid out for A4/Letter printing.
pub fn html(d: &DeckData, picked: &[&Question], seed: u64) -> String {
    let l = labels(d);
    let lang = if d.language == "en" { "en" } else { "zh-Hans" };
    let title = html_escape(d.title());
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title} — {}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        l.quiz
    );
    let _ = writeln!(s, "<header>\n<h1>{title} — {}</h1>", l.quiz);
    let _ = writeln!(
        s,
        "<p class=\"blanks\"><span>{}: <i class=\"line w12\"></i></span><span>{}: <i class=\"line w8\"></i></span><span>{}: <i class=\"line w3\"></i> / {}</span></p>",
        l.name,
        l.date,
        l.score,
        picked.len()
    );
    let _ = writeln!(
        s,
        "<p class=\"about\">{}</p>\n</header>",
        html_escape(&(l.about)(picked.len(), seed, d.id.as_str()))
    );
    s.push_str("<ol class=\"questions\">\n");
    for q in picked {
        let _ = writeln!(
            s,
            "<li class=\"q {}\">\n<p class=\"prompt\">{}</p>",
            q.kind.as_str(),
            prompt_html(&q.prompt)
        );
        if let Some(opts) = options(q) {
            s.push_str("<ol class=\"options\" type=\"A\">");
            for o in opts {
                let _ = write!(s, "<li>{}</li>", html_escape(o));
            }
            s.push_str("</ol>\n");
        }
        match &q.answer {
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
                for _ in 0..list_len(q) {
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
    let _ = writeln!(
        s,
        "<section class=\"key\">\n<h2>{} — {title}</h2>\n<ol>",
        l.key
    );
    for q in picked {
        let _ = writeln!(
            s,
            "<li><span class=\"ans\">{}</span> <span class=\"src\">{}: {}</span></li>",
            html_escape(&key_answer(q, &l)),
            l.from,
            html_escape(&q.source.to_string())
        );
    }
    s.push_str("</ol>\n</section>\n</body>\n</html>\n");
    s
}

/// The answer as the key gives it.
fn key_answer(q: &Question, l: &Labels) -> String {
    match &q.answer {
        Answer::TrueFalse { value } => if *value {
            l.true_false.0
        } else {
            l.true_false.1
        }
        .to_owned(),
        _ => answer_text(q),
    }
}

/// Markdown-escapes text, keeping the generator's `**emphasis**`.
fn prompt_plain_md(s: &str) -> String {
    s.split("**").map(md_escape).collect::<Vec<_>>().join("**")
}

/// Escapes the characters that would start Markdown markup inside a line.
fn md_escape(s: &str) -> String {
    super::md_escape(&prompt_plain(s))
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
