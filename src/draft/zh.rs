//! The rules for Chinese articles (simplified or traditional: they read the simplified
//! shadow and quote the article's own characters). Patterns and their false positives are
//! those of ../shared/guides/text.md §2.4; every guess a rule has to make is recorded as a
//! reason for review.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::input::Page;
use super::text::{Doc, Line};
use super::{
    Cloze, Document, Drafted, Event, Fact, Found, Item, List, Number, Person, Term, is_han, numeral,
};

fn re(s: &str) -> Regex {
    Regex::new(s).expect("static regex")
}

/// Characters of a string.
fn clen(s: &str) -> usize {
    s.chars().count()
}

/// The first `n` characters.
fn head(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The last `n` characters.
fn tail(s: &str, n: usize) -> &str {
    let len = clen(s);
    if n >= len {
        return s;
    }
    match s.char_indices().nth(len - n) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

const CLAUSE_PUNCT: &[char] = &[',', '，', ':', '：', ';', '；', '。', '!', '?', '！', '？'];

fn trim_punct(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || CLAUSE_PUNCT.contains(&c) || c == '、')
}

pub(crate) fn extract(doc: &Doc, page: &Page) -> Found {
    let mut found = Found::default();
    let anchor = Anchor::find(doc, page);
    found.title = page.title.clone().or(doc.title.clone());
    found.publisher = page
        .publisher
        .clone()
        .or(doc.publisher.clone())
        .or(anchor.publisher.clone());
    found.year = anchor.year.clone();
    found.date = anchor.source_date();
    if doc.truncated
        && let Some(l) = doc.lines.last()
    {
        found.remarks.push(format!(
            "the article stops mid-sentence at line {} (“…{}”): it may be cut short",
            l.no,
            tail(&l.out_all(), 12)
        ));
    }
    let mut used_lines = Vec::new();
    ordinal_lists(doc, &mut found, &mut used_lines);
    parallel_lists(doc, &mut found, &used_lines);
    series_lists(doc, &mut found);
    events(doc, &anchor, &mut found);
    numbers(doc, &mut found);
    documents(doc, &mut found);
    people(doc, &mut found);
    quotes(doc, &mut found);
    for d in &mut found.facts {
        let shown = format!("{:?}", d.fact);
        let censored = doc.lines.iter().any(|l| {
            l.no >= d.lines.0 && l.no <= d.lines.1 && l.censored.iter().any(|w| shown.contains(w))
        });
        if censored {
            d.review.push(
                "the source line had censored characters (*), restored from a small dictionary (政治, 病毒, 内政…): check them"
                    .into(),
            );
        }
    }
    found
}

// ------------------------------------------------------------------ dates and the year

/// What the article says about its own date: the dateline, the publication date, and the
/// year its relative dates (今年, 去年7月, 前天) are anchored in.
#[derive(Debug, Default)]
struct Anchor {
    publisher: Option<String>,
    /// Month and day of the dateline (`新华社北京9月16日电`).
    dateline: Option<(u32, u32, String, usize)>,
    /// The publication date from the page or a date line (`2021-05-19`).
    published: Option<(i32, u32, u32)>,
    /// The year, whether it is inferred, and why.
    year: Option<(i32, bool, String)>,
}

static DATELINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(\p{Han}{1,6}社)(\p{Han}{2,5}?)(\d{1,2})月(\d{1,2})日电"));

static ISO: LazyLock<Regex> = LazyLock::new(|| re(r"(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})"));

/// Anniversaries whose base year is general knowledge: `联合国成立75周年` gives 2020.
static ANNIVERSARY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(联合国成立|世界反法西斯战争胜利|中国人民抗日战争胜利|中国共产党成立|中华人民共和国成立|新中国成立|中亚国家独立|上海合作组织成立|上合组织成立|东盟成立|欧盟成立|改革开放)(\d{1,3})周年",
    )
});

impl Anchor {
    fn find(doc: &Doc, page: &Page) -> Anchor {
        let mut a = Anchor::default();
        let published = page.date.as_deref().or(doc.date.as_deref());
        if let Some(c) = published.and_then(|d| ISO.captures(d))
            && let (Ok(y), Ok(m), Ok(d)) = (c[1].parse(), c[2].parse(), c[3].parse())
            && (1..=12).contains(&m)
            && (1..=31).contains(&d)
        {
            a.published = Some((y, m, d));
        }
        if let Some((shadow, own, no)) = &doc.dateline
            && let Some(c) = DATELINE.captures(shadow)
        {
            let (m, d) = (c[3].parse().unwrap_or(0), c[4].parse().unwrap_or(0));
            // The dateline's own characters: the same count as its shadow.
            let pick = |r: std::ops::Range<usize>| -> String {
                let a = shadow[..r.start].chars().count();
                let n = shadow[r].chars().count();
                own.chars().skip(a).take(n).collect()
            };
            a.publisher = Some(pick(c.get(1).map_or(0..0, |m| m.range())));
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                a.dateline = Some((m, d, pick(c.get(2).map_or(0..0, |m| m.range())), *no));
            }
        }
        if let Some((y, _, _)) = a.published {
            a.year = Some((y, false, format!("the page's date {y}")));
        } else {
            let mut votes: HashMap<i32, (usize, String)> = HashMap::new();
            for l in &doc.lines {
                for c in ANNIVERSARY.captures_iter(&l.shadow) {
                    let base = match &c[1] {
                        "联合国成立" | "世界反法西斯战争胜利" | "中国人民抗日战争胜利" => {
                            1945
                        }
                        "中国共产党成立" => 1921,
                        "中华人民共和国成立" | "新中国成立" => 1949,
                        "中亚国家独立" => 1991,
                        "上海合作组织成立" | "上合组织成立" => 2001,
                        "东盟成立" => 1967,
                        "欧盟成立" => 1993,
                        _ => 1978,
                    };
                    let n: i32 = c[2].parse().unwrap_or(0);
                    let phrase = l.out(
                        c.get(0).map_or(0, |m| m.start()),
                        c.get(0).map_or(0, |m| m.end()),
                    );
                    let e = votes.entry(base + n).or_insert((0, phrase));
                    e.0 += 1;
                }
            }
            if let Some((y, (_, why))) = votes
                .into_iter()
                .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.0.cmp(&a.0)))
            {
                a.year = Some((y, true, format!("“{why}”")));
            }
        }
        a
    }

    /// The source's date: the publication date, else the dateline in the inferred year.
    fn source_date(&self) -> Option<(String, bool, String)> {
        if let Some((y, m, d)) = self.published {
            return Some((format!("{y:04}-{m:02}-{d:02}"), false, String::new()));
        }
        let (y, inferred, why) = self.year.clone()?;
        match &self.dateline {
            Some((m, d, _, _)) => Some((format!("{y:04}-{m:02}-{d:02}"), inferred, why)),
            None => Some((format!("{y:04}"), inferred, why)),
        }
    }

    /// The day relative dates count from (前天 = this minus two days).
    fn day(&self) -> Option<(i32, u32, u32)> {
        if let Some(p) = self.published {
            return Some(p);
        }
        let (y, _, _) = self.year.as_ref()?;
        let (m, d, _, _) = self.dateline.as_ref()?;
        Some((*y, *m, *d))
    }
}

// ------------------------------------------------------------------ enumerations

/// One list marker: `一是`, `第二,`, `其次,`, `(三)`, `4.`.
#[derive(Debug, Clone)]
struct Marker {
    li: usize,
    /// Byte range of the marker in the line's shadow; the item starts at `end`.
    start: usize,
    end: usize,
    n: u32,
    form: u8,
    last: bool,
}

static MARK_SHI: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|[。;；:：!?！？,，])\s*([一二三四五六七八九十]{1,3})(?:是|要|方面)")
});
static MARK_DI: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[。;；:：!?！？,，])\s*(?:第([一二三四五六七八九十]{1,3})|其([一二三四五六七八九十]))[,，、:：]",
    )
});
static MARK_SEQ: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[。;；:：!?！？])\s*(首先|其次|再次|然后|最后)[,，、:：]"));
static MARK_PAREN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*[(（]([一二三四五六七八九十]{1,3})[)）]\s*"));
static MARK_NUM: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(\d{1,2})\s*[.、．]\s*(?:\p{Han}|“)"));
static MARK_SECTION: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*([一二三四五六七八九十]{1,3})、\s*"));

const FORM_SHI: u8 = 0;
const FORM_SEQ: u8 = 2;

fn markers(doc: &Doc) -> Vec<Marker> {
    let mut out = Vec::new();
    for (li, l) in doc.lines.iter().enumerate() {
        if l.question {
            continue;
        }
        let s = &l.shadow;
        let mut push = |start: usize, end: usize, n: Option<u64>, form: u8, last: bool| {
            if let Some(n) = n.filter(|&n| (1..=30).contains(&n) || last) {
                out.push(Marker {
                    li,
                    start,
                    end,
                    n: n as u32,
                    form,
                    last,
                });
            }
        };
        for c in MARK_SHI.captures_iter(s) {
            let g = c.get(1).expect("group");
            let whole = c.get(0).expect("match");
            push(g.start(), whole.end(), numeral(g.as_str()), FORM_SHI, false);
        }
        for c in MARK_DI.captures_iter(s) {
            let g = c.get(1).or(c.get(2)).expect("group");
            let whole = c.get(0).expect("match");
            let start = whole.start() + s[whole.start()..].find(['第', '其']).unwrap_or(0);
            push(start, whole.end(), numeral(g.as_str()), 1, false);
        }
        for c in MARK_SEQ.captures_iter(s) {
            let g = c.get(1).expect("group");
            let whole = c.get(0).expect("match");
            let n = match g.as_str() {
                "首先" => 1,
                "其次" | "然后" => 2,
                "再次" => 3,
                _ => 0,
            };
            push(
                g.start(),
                whole.end(),
                Some(n),
                FORM_SEQ,
                g.as_str() == "最后",
            );
        }
        if let Some(c) = MARK_PAREN.captures(s) {
            let whole = c.get(0).expect("match");
            push(whole.start(), whole.end(), numeral(&c[1]), 3, false);
        }
        if let Some(c) = MARK_NUM.captures(s) {
            let whole = c.get(0).expect("match");
            let g = c.get(1).expect("group");
            let end = s[g.end()..]
                .char_indices()
                .find(|(_, ch)| !matches!(ch, '.' | '、' | '．' | ' '))
                .map_or(s.len(), |(i, _)| g.end() + i);
            let _ = whole;
            push(g.start(), end, numeral(&c[1]), 4, false);
        }
        if let Some(c) = MARK_SECTION.captures(s) {
            let whole = c.get(0).expect("match");
            push(whole.start(), whole.end(), numeral(&c[1]), 5, false);
        }
    }
    out.sort_by_key(|m| (m.li, m.start));
    out
}

static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"([二两三四五六七八九十]{1,3}|\d{1,2})(个方面|方面|大方面|项举措|项措施|项成果|项共识|点共识|点建议|点主张|点意见|个领域|大领域|项任务|项原则|条原则|个国家|点|条|项|大|种|个|件)",
    )
});

/// A count word in a heading: `四方面` → (4, 方面).
fn count_word(s: &str) -> Option<(u32, String)> {
    let mut best = None;
    for c in COUNT.captures_iter(s) {
        let g = c.get(0).expect("match");
        if s[..g.start()].ends_with('第') {
            continue;
        }
        let Some(n) = numeral(&c[1]) else { continue };
        let unit = &c[2];
        // `两国`, `三股势力`: the word after a bare 个/大/种 must not be a country or a set phrase.
        let after = &s[g.end()..];
        if matches!(unit, "个" | "大" | "种" | "条" | "件")
            && (after.starts_with('国') || after.is_empty())
        {
            continue;
        }
        let noun = unit
            .trim_start_matches(['个', '项', '点', '大', '条'])
            .to_owned();
        let noun = if noun.is_empty() {
            let n: String = after.chars().take_while(|c| is_han(*c)).take(2).collect();
            if n.is_empty() { unit.to_owned() } else { n }
        } else {
            noun
        };
        best = Some((n as u32, noun));
    }
    best
}

/// Cuts an item to what a student could be asked: the sentence if short, else its first
/// clauses.
fn item_extent(content: &str) -> (String, Option<String>) {
    let content = trim_punct(content);
    let clauses: Vec<&str> = split_top(content, &[',', '，', ';', '；'])
        .into_iter()
        .map(trim_punct)
        .filter(|c| !c.is_empty())
        .collect();
    let first = clauses.first().copied().unwrap_or(content);
    let text = if clen(content) <= 30 || clauses.len() <= 1 {
        content.to_owned()
    } else if clauses.len() >= 2 && clen(clauses[0]) + clen(clauses[1]) < 40 {
        let end = content
            .find(clauses[1])
            .map_or(content.len(), |i| i + clauses[1].len());
        content[..end].to_owned()
    } else {
        first.to_owned()
    };
    let key = (first != text).then(|| first.to_owned());
    (text, key)
}

/// Splits at the given characters when outside quotes and book-title marks.
fn split_top<'a>(s: &'a str, at: &[char]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '“' | '《' | '「' | '(' | '（' => depth += 1,
            '”' | '》' | '」' | ')' | '）' => depth = (depth - 1).max(0),
            _ if depth == 0 && at.contains(&c) => {
                out.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

/// The sentence (byte range of the shadow) that contains `pos`.
fn sentence_at(l: &Line, pos: usize) -> (usize, usize) {
    let s = l.sentences();
    // Sentences are in order: the first that ends at or after `pos` (binary search, so a
    // line of thousands of matches stays linear).
    let i = s.partition_point(|&(_, b)| b < pos);
    s.get(i)
        .copied()
        .filter(|&(a, _)| pos >= a)
        .unwrap_or((0, l.shadow.len()))
}

/// The heading of a list whose first marker is `m`: the words before it in its sentence, or
/// the sentence before, or the last sentence of the previous paragraph.
fn heading_before(doc: &Doc, m: &Marker) -> Option<(String, usize, Vec<String>)> {
    let l = &doc.lines[m.li];
    let (sa, _) = sentence_at(l, m.start);
    let before = trim_punct(&l.shadow[sa..m.start]);
    let mut review = Vec::new();
    let (line, a, b) = if clen(before) >= 4 {
        (
            l,
            sa,
            sa + l.shadow[sa..m.start].trim_end_matches(CLAUSE_PUNCT).len(),
        )
    } else if let Some(&(a, b)) = l.sentences().iter().rev().find(|&&(_, b)| b <= sa) {
        (l, a, b)
    } else {
        let prev = doc.lines[..m.li]
            .iter()
            .rev()
            .find(|p| !p.shadow.trim().is_empty())?;
        if prev.question {
            review.push("heading taken from the interviewer's question".into());
        }
        let (a, b) = *prev.sentences().last()?;
        (prev, a, b)
    };
    let full = &line.shadow[a..b];
    let (h, shortened) = shorten_heading(full);
    if shortened {
        review.push(format!(
            "heading shortened from a {}-character sentence",
            clen(full)
        ));
    }
    let off = a + full.find(h.as_str()).unwrap_or(0);
    let text = trim_punct(&line.out(off, off + h.len())).to_owned();
    Some((text, line.no, review))
}

static HEADING_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(r"商定|达成|采取|提出|确定|包括|宣布|决定|同意|强调|主张|一致认为|就此|重点|主要|如下")
});

fn shorten_heading(full: &str) -> (String, bool) {
    let full = trim_punct(full);
    if clen(full) <= 40 {
        return (full.to_owned(), false);
    }
    // The clause with a count word, else from the last heading verb: up to two clauses.
    let clauses: Vec<&str> = split_top(full, &[',', '，', ';', '；'])
        .into_iter()
        .filter(|c| !c.trim().is_empty())
        .collect();
    if let Some(c) = clauses.iter().rev().find(|c| count_word(c).is_some()) {
        return (trim_punct(c).to_owned(), true);
    }
    if let Some(m) = HEADING_VERB.find_iter(full).last() {
        let rest = &full[m.start()..];
        let parts = split_top(rest, &[',', '，', ';', '；']);
        let two = if parts.len() >= 2 && clen(parts[0]) + clen(parts[1]) < 50 {
            &rest[..parts[0].len() + 1 + parts[1].len()]
        } else {
            parts[0]
        };
        return (trim_punct(two).to_owned(), true);
    }
    (
        trim_punct(clauses.last().copied().unwrap_or(full)).to_owned(),
        true,
    )
}

fn ordinal_lists(doc: &Doc, found: &mut Found, used: &mut Vec<usize>) {
    let ms = markers(doc);
    // Runs per form: 1, 2, 3… in document order, at most three paragraphs apart.
    let mut runs: Vec<Vec<Marker>> = Vec::new();
    for form in 0..6u8 {
        let mut cur: Vec<Marker> = Vec::new();
        for m in ms.iter().filter(|m| m.form == form) {
            let next = cur.last().map(|p| p.n + 1);
            let close = cur.last().is_none_or(|p| m.li <= p.li + 3);
            let fits = match (form, next) {
                (FORM_SEQ, Some(n)) => (m.last || m.n == n) && close,
                (_, Some(n)) => m.n == n && close,
                _ => false,
            };
            let after_last = cur.last().is_some_and(|p| p.last);
            if fits && !after_last {
                let mut m = m.clone();
                if m.last {
                    m.n = next.unwrap_or(1);
                }
                cur.push(m);
            } else {
                if cur.len() >= 2 {
                    runs.push(std::mem::take(&mut cur));
                }
                cur.clear();
                if m.n == 1 {
                    cur.push(m.clone());
                }
            }
        }
        if cur.len() >= 2 {
            runs.push(cur);
        }
    }
    runs.sort_by_key(|r| (r[0].li, r[0].start));
    for run in runs {
        let mut items = Vec::new();
        let mut review = Vec::new();
        for (k, m) in run.iter().enumerate() {
            let l = &doc.lines[m.li];
            let (_, send) = sentence_at(l, m.end);
            let mut end = send.max(m.end);
            if let Some(nx) = run.get(k + 1).filter(|nx| nx.li == m.li && nx.start < end) {
                end = nx.start;
            }
            let (text, key) = item_extent(&l.shadow[m.end..end]);
            if text.is_empty() {
                continue;
            }
            let off = m.end + l.shadow[m.end..].find(text.as_str()).unwrap_or(0);
            let body_text = l.out(off, off + text.len());
            let key = key.map(|k| l.out(off, off + k.len()));
            let text = if m.form == FORM_SHI {
                format!(
                    "{}{}",
                    l.out(m.start, m.end)
                        .trim_start_matches(CLAUSE_PUNCT)
                        .trim(),
                    body_text
                )
            } else {
                body_text.clone()
            };
            let key = match (m.form, key) {
                (FORM_SHI, None) => Some(body_text.clone()),
                (_, k) => k,
            };
            items.push(Item { text, key });
            if clen(&l.shadow[m.end..end]) > 60 {
                review.push(format!("item {} cut to its first clauses", k + 1));
            }
        }
        if items.len() < 2 {
            continue;
        }
        let first = &run[0];
        let last = &run[run.len() - 1];
        let (heading, hline, mut hreview) = heading_before(doc, first).unwrap_or_else(|| {
            (
                "(标题)".into(),
                doc.lines[first.li].no,
                vec!["no heading found: write one".into()],
            )
        });
        review.append(&mut hreview);
        let declared = count_word(&to_shadow(doc, &heading));
        let found_n = items.len() as u32;
        let (count, closed) = match &declared {
            Some((n, _)) if *n == found_n => (Some(found_n), true),
            Some((n, _)) if *n > found_n => {
                review.push(format!(
                    "the heading says {n} but {found_n} items were found: the list is drafted as open"
                ));
                (Some(*n), false)
            }
            Some((n, _)) => {
                review.push(format!(
                    "the heading says {n} but {found_n} items were found"
                ));
                (Some(found_n), true)
            }
            None => (Some(found_n), true),
        };
        if first.form == FORM_SEQ && !last.last {
            review.push("no 最后 closes the series: the list may continue".into());
        }
        if doc.truncated && last.li + 1 == doc.lines.len() {
            review.push("the article stops after this list: it may continue".into());
        }
        if first.form == 5 {
            review.push(
                "numbered 一、二、 sections: check this is a list, not the article's outline"
                    .into(),
            );
        }
        let lines = (hline.min(doc.lines[first.li].no), doc.lines[last.li].no);
        for li in first.li..=last.li {
            used.push(li);
        }
        found.facts.push(Drafted {
            fact: Fact::List(List {
                heading,
                noun: declared.map(|(_, n)| n),
                count,
                ordered: true,
                closed,
                items,
            }),
            lines,
            review,
        });
    }
}

fn to_shadow(_doc: &Doc, s: &str) -> String {
    super::text::to_simplified(s)
}

/// Paragraphs that open with the same words (`这是一次致力于…`, `两国应…`), three or more in
/// a row: a list without numbers.
fn parallel_lists(doc: &Doc, found: &mut Found, used: &[usize]) {
    let n = doc.lines.len();
    let first_clause = |l: &Line| -> String {
        let s = &l.shadow;
        let end = s.find(CLAUSE_PUNCT).unwrap_or(s.len());
        s[..end].to_owned()
    };
    let eligible = |i: usize| -> bool {
        let l = &doc.lines[i];
        !l.question && !used.contains(&i) && clen(&l.shadow) >= 15
    };
    let mut i = 0;
    while i < n {
        if !eligible(i) {
            i += 1;
            continue;
        }
        let mut prefix: Vec<char> = first_clause(&doc.lines[i]).chars().collect();
        let mut j = i + 1;
        while j < n && eligible(j) {
            let c: Vec<char> = first_clause(&doc.lines[j]).chars().collect();
            let k = prefix.iter().zip(&c).take_while(|(a, b)| a == b).count();
            if k < 3 {
                break;
            }
            prefix.truncate(k);
            j += 1;
        }
        if j - i >= 3 && !prefix.iter().all(|c| !is_han(*c)) {
            parallel_list(doc, found, i, j, &prefix.iter().collect::<String>());
            i = j;
        } else {
            i += 1;
        }
    }
}

fn parallel_list(doc: &Doc, found: &mut Found, i: usize, j: usize, prefix: &str) {
    let mut raw = Vec::new();
    for l in &doc.lines[i..j] {
        let (a, b) = l
            .sentences()
            .first()
            .copied()
            .unwrap_or((0, l.shadow.len()));
        let s = &l.shadow[a..b];
        let (text, _) = if clen(s) <= 40 {
            (s.to_owned(), None)
        } else {
            let end = s.find(CLAUSE_PUNCT).unwrap_or(s.len());
            (s[..end].to_owned(), None::<String>)
        };
        raw.push((l, a, text));
    }
    // A shared ending (`…的会晤`) is part of the frame, not of the key.
    let rev: Vec<Vec<char>> = raw
        .iter()
        .map(|(_, _, t)| t.chars().rev().collect())
        .collect();
    let mut suffix = rev[0].len();
    for r in &rev[1..] {
        suffix = suffix.min(rev[0].iter().zip(r).take_while(|(a, b)| a == b).count());
    }
    let plen = clen(prefix);
    let mut items = Vec::new();
    for (l, a, t) in &raw {
        let tl = clen(t);
        let text = l.out(*a, *a + t.len());
        let sfx = if suffix >= 2 && tl > plen + suffix {
            suffix
        } else {
            0
        };
        let key_start = a + head(t, plen).len();
        let key_end = a + head(t, tl - sfx).len();
        let key = trim_punct(&l.out(key_start, key_end)).to_owned();
        let key = (!key.is_empty() && key != text).then_some(key);
        items.push(Item { text, key });
    }
    let mut review = vec![
        "paragraphs that open alike, with no number or count: check the list is complete"
            .to_owned(),
    ];
    let pl = &doc.lines[i];
    let prefix_out = pl.out(0, head(&pl.shadow, plen).len());
    let frame = if suffix >= 2 {
        let t = &raw[0].2;
        format!(
            "{prefix_out}……{}",
            tail(&raw[0].0.out(raw[0].1, raw[0].1 + t.len()), suffix)
        )
    } else {
        format!("{prefix_out}……")
    };
    let question = doc.lines[..i]
        .iter()
        .rev()
        .take(3)
        .find(|l| l.question)
        .map(|l| trim_punct(&l.out_all()).to_owned());
    let heading = match question {
        Some(q) => {
            review.push("heading made from the interviewer's question".into());
            format!("{q}:{frame}")
        }
        None => {
            review.push("no heading in the text: name the list".into());
            frame
        }
    };
    let n = items.len() as u32;
    found.facts.push(Drafted {
        fact: Fact::List(List {
            heading,
            noun: None,
            count: Some(n),
            ordered: false,
            closed: true,
            items,
        }),
        lines: (doc.lines[i].no, doc.lines[j - 1].no),
        review,
    });
}

/// Words after which a series' first item starts (`访问`俄罗斯、…, `包括`物资采购、…).
const LEFT_CUTS: &[&str] = &[
    "推动建设",
    "有效地",
    "积极地",
    "不断地",
    "切实地",
    "更好地",
    "访问",
    "包括",
    "深化",
    "拓展",
    "加强",
    "开展",
    "建设",
    "推动",
    "打造",
    "派出",
    "接受",
    "依托",
    "发表",
    "以及",
    "涉及",
    "覆盖",
    "鼓励",
    "如何在",
    "形势下",
    "认为应",
    "同",
    "与",
    "在",
    "向",
    "和",
    "应",
    "愿",
    "将",
    "要",
    "于",
    "对",
    "从",
    "即",
    "如",
    "由",
    "及",
];

/// Words where a series' last item ends.
const RIGHT_STOPS: &[&str] = &["等", "的", "是", "之际", "出席", "保持", "进行"];

/// Generic words a series' last item carries on into (`信息技术领域合作`).
const RIGHT_SUFFIXES: &[&str] = &[
    "领域合作",
    "方面合作",
    "发展迈进",
    "领域",
    "方面",
    "合作",
    "交往",
    "对接",
    "迈进",
    "外长",
    "关系",
    "国家",
    "建设",
    "工作",
    "问题",
];

/// Series joined by `、` inside one clause: `俄罗斯、哈萨克斯坦、吉尔吉斯斯坦、蒙古国`.
fn series_lists(doc: &Doc, found: &mut Found) {
    for l in &doc.lines {
        if l.question {
            continue;
        }
        for (sa, sb) in l.sentences().iter().copied() {
            let sent = &l.shadow[sa..sb];
            let mut off = sa;
            let mut prev = sa;
            for clause in split_top(sent, &[',', '，', ':', '：', ';', '；']) {
                let start = off;
                let before_prev = prev;
                prev = start;
                off += clause.len();
                off += sent[off - sa..].chars().next().map_or(1, char::len_utf8);
                let c = clause.trim_end();
                if !c.contains('、') {
                    if let Some(d) = quoted_pair(l, start, c) {
                        found.facts.push(d);
                    }
                    continue;
                }
                if let Some(d) = series(l, before_prev, start, c) {
                    found.facts.push(d);
                }
            }
        }
    }
}

static QUOTED_PAIR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(“[^”“]{1,16}”)(?:和|与|以及|及)(\p{Han}{0,4}“[^”“]{1,16}”)"));

/// Two quoted terms joined by 和 (`反对“疫苗民族主义”和制造“免疫鸿沟”`).
fn quoted_pair(l: &Line, start: usize, clause: &str) -> Option<Drafted> {
    let c = QUOTED_PAIR.captures(clause)?;
    let (a, b) = (c.get(1)?, c.get(2)?);
    let whole = c.get(0)?;
    let prefix = trim_punct(&clause[..whole.start()]);
    if prefix.is_empty() {
        return None;
    }
    let heading = format!(
        "{}……{}",
        trim_punct(&l.out(start, start + whole.start())),
        trim_punct(&l.out(start + whole.end(), start + clause.len()))
    );
    Some(Drafted {
        fact: Fact::List(List {
            heading,
            noun: None,
            count: Some(2),
            ordered: false,
            closed: true,
            items: vec![
                Item {
                    text: l.out(start + a.start(), start + a.end()),
                    key: None,
                },
                Item {
                    text: l.out(start + b.start(), start + b.end()),
                    key: None,
                },
            ],
        }),
        lines: (l.no, l.no),
        review: vec!["two quoted terms joined by 和: check they make a list, and name it".into()],
    })
}

/// Verbs that show a long part of a series is a clause of its own.
const RESTART_VERBS: &[&str] = &[
    "违背", "反对", "支持", "推动", "促进", "实现", "坚持", "需要", "导致", "造成", "符合", "成为",
];

/// Whether the `和` (or `及`) at `p` joins two items rather than being part of a word
/// (和平, 和谐, 零和, 缓和).
fn conjunction(seg: &str, p: usize, w: &str) -> bool {
    if w != "和" {
        return p > 0;
    }
    let next = seg[p + w.len()..].chars().next();
    let prev = seg[..p].chars().next_back();
    p > 0
        && !matches!(
            next,
            Some('平' | '谐' | '睦' | '衷' | '解' | '善' | '美' | '气')
        )
        && !matches!(
            prev,
            Some('零' | '温' | '总' | '饱' | '缓' | '柔' | '平' | '调' | '共' | '讲' | '祥')
        )
}

/// Words that hold a cut character without it being a cut (`应对`, `和平`, `共同`).
const PROTECTED: &[&str] = &[
    "应对", "对接", "对话", "对外", "面对", "针对", "相对", "对于", "关于", "在于", "存在", "现在",
    "正在", "同时", "共同", "相同", "同舟", "如何", "例如", "由于", "将来", "向前", "及时", "和平",
    "和谐", "于是", "应该", "应当", "要求", "重要", "主要", "需要", "以及", "涉及", "即将", "立即",
    "提及", "普及", "向往", "方向", "倾向", "意向", "走向", "内在", "所在", "自由", "理由",
];

/// Whether the one-character cut `w` at `p` sits inside a protected word.
fn in_word(seg: &str, p: usize, w: &str) -> bool {
    if clen(w) > 1 {
        return false;
    }
    PROTECTED.iter().any(|pw| {
        let Some(i) = pw.find(w) else { return false };
        p >= i && seg.get(p - i..).is_some_and(|t| t.starts_with(pw))
    })
}

fn strip_suffix_once<'a>(s: &'a str, list: &[&str]) -> &'a str {
    for w in list {
        if let Some(x) = s.strip_suffix(w)
            && clen(x) >= 1
        {
            return x;
        }
    }
    s
}

/// Finds `w` outside quotes and book titles: the byte offsets of each occurrence.
fn find_top(s: &str, w: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '“' | '《' | '「' => depth += 1,
            '”' | '》' | '」' => depth = (depth - 1).max(0),
            _ if depth == 0 && s[i..].starts_with(w) => out.push(i),
            _ => {}
        }
    }
    out
}

fn series(l: &Line, prev_clause: usize, start: usize, clause: &str) -> Option<Drafted> {
    let segs = split_top(clause, &['、']);
    if segs.len() < 2 {
        return None;
    }
    let mut review = Vec::new();
    // Items as byte ranges of the clause.
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for s in &segs {
        items.push((pos, pos + s.len()));
        pos += s.len() + '、'.len_utf8();
    }
    // A series ends at the first 等 (`蒙古国等周边国家同舟共济、守望相助`).
    if let Some(i) = (1..items.len().saturating_sub(1)).find(|&i| {
        let (a, b) = items[i];
        find_top(&clause[a..b], "等")
            .first()
            .is_some_and(|&p| p > 0)
    }) {
        items.truncate(i + 1);
    }
    let mut open = false;
    let mut prefix_end = items[0].0;
    let suffix_start;
    // The last item: up to 等 / 的 / 是…, split at 和, generic words dropped.
    {
        let (a, b) = *items.last().expect("two or more");
        let seg = &clause[a..b];
        let mut end = seg.len();
        for w in RIGHT_STOPS {
            if let Some(&p) = find_top(seg, w).first()
                && p > 0
                && p < end
            {
                end = p;
                open = *w == "等";
            }
        }
        suffix_start = a + end;
        let seg = &seg[..end];
        let and = ["以及", "和", "及"].iter().find_map(|w| {
            find_top(seg, w)
                .into_iter()
                .find(|&p| conjunction(seg, p, w))
                .map(|p| (p, w.len()))
        });
        let n = items.len();
        match and {
            Some((p, wl)) if p > 0 && p + wl < seg.len() => {
                items[n - 1] = (a, a + p);
                items.push((a + p + wl, a + seg.len()));
            }
            _ => items[n - 1] = (a, a + seg.len()),
        }
    }
    // The first item: after the last word that introduces the series.
    {
        let (a, b) = items[0];
        let seg = &clause[a..b];
        if let Some(quoted_and) = seg.strip_prefix('“').and_then(|r| r.find("”和")) {
            // `“三股势力”和犯罪活动`: two items.
            let cut = '“'.len_utf8() + quoted_and + '”'.len_utf8();
            items[0] = (a, a + cut);
            items.insert(1, (a + cut + '和'.len_utf8(), b));
        } else {
            let mut cut = 0;
            for w in LEFT_CUTS {
                for p in find_top(seg, w) {
                    let e = p + w.len();
                    if e > cut && e < seg.len() && !in_word(seg, p, w) {
                        cut = e;
                    }
                }
            }
            items[0] = (a + cut, b);
            prefix_end = a + cut;
        }
    }
    // A middle part far longer than the rest starts the series anew
    // (`冷战思维、零和博弈违背和平、发展、合作`).
    let mut restart_tail = None;
    // The longest item after each position, computed once (linear in the series).
    let mut later_max = vec![0usize; items.len() + 1];
    for i in (0..items.len()).rev() {
        let (a, b) = items[i];
        later_max[i] = later_max[i + 1].max(clen(&clause[a..b]));
    }
    for i in 1..items.len().saturating_sub(1) {
        let later = later_max[i + 1];
        let (a, b) = items[i];
        let seg = &clause[a..b];
        if later > 0 && clen(seg) >= 2 * later + 2 && RESTART_VERBS.iter().any(|v| seg.contains(v))
        {
            restart_tail = Some((i, later));
        }
    }
    if let Some((i, later)) = restart_tail {
        items.drain(..i);
        let (a, b) = items[0];
        let t = tail(&clause[a..b], later);
        items[0] = (b - t.len(), b);
        prefix_end = b - t.len();
        review.push("the series' start was guessed".to_owned());
    }
    let lens: Vec<usize> = items.iter().map(|&(a, b)| clen(&clause[a..b])).collect();
    let n = items.len();
    let mut guessed = 0;
    // With two items there is no middle to measure against: no length cuts.
    let mid_max = if n > 2 {
        lens[1..n - 1].iter().copied().max().unwrap_or(0)
    } else {
        0
    };
    // Over-long ends: generic words dropped, then cut to the size of the others.
    {
        let (a, b) = items[n - 1];
        let mut s = &clause[a..b];
        if clen(s) > mid_max {
            s = strip_suffix_once(s, RIGHT_SUFFIXES);
        }
        if clen(s) > 2 * mid_max && clen(s) > mid_max + 1 && mid_max > 0 && !s.contains(['“', '《'])
        {
            s = head(s, mid_max);
            review.push("the last item's end was guessed".to_owned());
            guessed += 1;
        }
        items[n - 1] = (a, a + s.len());
        let (a, b) = items[0];
        let s = &clause[a..b];
        if clen(s) > mid_max + 2
            && mid_max > 0
            && (!s.contains(['“', '《']) || s.ends_with(['”', '》']))
        {
            let t = if s.ends_with(['”', '》']) {
                let open_ch = if s.ends_with('”') { "“" } else { "《" };
                &s[s.rfind(open_ch).unwrap_or(0)..]
            } else {
                tail(s, mid_max)
            };
            items[0] = (b - t.len(), b);
            review.push("the first item's start was guessed".to_owned());
            guessed += 1;
        }
    }
    if guessed == 2 {
        return None;
    }
    let texts: Vec<String> = items
        .iter()
        .map(|&(a, b)| trim_punct(&clause[a..b]).to_owned())
        .collect();
    let k = texts.len();
    if texts.iter().any(|t| t.is_empty() || clen(t) > 24) {
        return None;
    }
    // `A、B` alone is usually a pair of adjectives or verbs (高标准、惠民生); keep it only when
    // open (`农业、高科技等领域`). Items with 了 or 的 are clauses, not list items.
    if k == 2 && !open {
        return None;
    }
    if texts
        .iter()
        .any(|t| !find_top(t, "了").is_empty() || !find_top(t, "的").is_empty())
    {
        return None;
    }
    // A run of titles is the documents rule's job.
    if texts.iter().all(|t| t.starts_with('《')) {
        return None;
    }
    let mut seen = std::collections::HashSet::new();
    if !texts.iter().all(|t| seen.insert(t.clone())) {
        return None;
    }
    let items_out: Vec<Item> = items
        .iter()
        .map(|&(a, b)| {
            let t = trim_punct(&clause[a..b]);
            let off = start + a + clause[a..b].find(t).unwrap_or(0);
            Item {
                text: l.out(off, off + t.len()),
                key: None,
            }
        })
        .collect();
    // The heading: the clause around the series, the items replaced by ……
    // The words before the series in its clause; the clause before too when they are few.
    let before = if clen(trim_punct(&clause[..prefix_end])) < 4 {
        &l.shadow[prev_clause..start + prefix_end]
    } else {
        &clause[..prefix_end]
    };
    let bstart = start + prefix_end - before.len();
    let after = &clause[suffix_start.min(clause.len())..];
    let after = after.trim_start_matches('等');
    let astart = start + clause.len() - after.len();
    let heading = format!(
        "{}……{}",
        trim_punct(&l.out(bstart, start + prefix_end)),
        trim_punct(&l.out(astart, start + clause.len()))
    );
    review.push("heading made from the words around the series: name the list".into());
    let declared = count_word(before);
    let count = match declared {
        Some((d, _)) if d as usize != k && !open => {
            review.push(format!("the sentence says {d} but {k} items were found"));
            Some(k as u32)
        }
        Some((d, _)) if open && (d as usize) >= k => Some(d),
        _ if open => None,
        _ => Some(k as u32),
    };
    Some(Drafted {
        fact: Fact::List(List {
            heading,
            noun: declared.map(|(_, n)| n),
            count,
            ordered: false,
            closed: !open,
            items: items_out,
        }),
        lines: (l.no, l.no),
        review,
    })
}

// ------------------------------------------------------------------ events

static DATE_EXPR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:(\d{4})年|(今年|去年|明年|前年))?(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?|(前天|昨天)",
    )
});

static HELD: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[,，\s]*(?:在)?(.{2,40}?)在(\p{Han}{2,12}?)(举行|召开|开幕|闭幕|举办)"));

static HELD_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\s*(?:在(\p{Han}{2,10}?))?(举行|召开|举办)的([^,，。;；、作为是将的]{2,30})")
});

static YEAR_IS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(今年|明年|去年)是([^,，。;；]{2,24}?\d{1,3}周年)|也是([^,，。;；]{2,24}?\d{1,3}周年)")
});

fn events(doc: &Doc, anchor: &Anchor, found: &mut Found) {
    let base_year = anchor
        .year
        .as_ref()
        .map(|(y, inf, why)| (*y, *inf, why.clone()));
    for l in &doc.lines {
        if l.question {
            continue;
        }
        for c in DATE_EXPR.captures_iter(&l.shadow) {
            let whole = c.get(0).expect("match");
            // The dateline is the source's date, not an event.
            if l.shadow[whole.end()..].starts_with('电') {
                continue;
            }
            let mut review = Vec::new();
            let (date, inferred, date_text, why) = if let Some(rel) = c.get(5) {
                let Some((y, m, d)) = anchor.day() else {
                    continue;
                };
                let back = if rel.as_str() == "前天" { 2 } else { 1 };
                let Some(day) = minus_days(y, m, d, back) else {
                    continue;
                };
                review.push(format!("date worked out from “{}”", rel.as_str()));
                (
                    day,
                    true,
                    Some(l.out(rel.start(), rel.end())),
                    "the article's date".to_owned(),
                )
            } else {
                let Some(m) = numeral(&c[3]).filter(|m| (1..=12).contains(m)) else {
                    continue;
                };
                let d = c
                    .get(4)
                    .and_then(|d| numeral(d.as_str()))
                    .filter(|d| (1..=31).contains(d));
                let (y, inferred, why) = if let Some(y) = c.get(1) {
                    (y.as_str().parse().unwrap_or(0), false, String::new())
                } else if let Some((y, yinf, why)) = &base_year {
                    let shift = match c.get(2).map(|g| g.as_str()) {
                        Some("去年") => -1,
                        Some("明年") => 1,
                        Some("前年") => -2,
                        _ => 0,
                    };
                    let _ = yinf;
                    (y + shift, true, why.clone())
                } else {
                    continue;
                };
                let date = match d {
                    Some(d) => format!("{y:04}-{m:02}-{d:02}"),
                    None => format!("{y:04}-{m:02}"),
                };
                let text = (c.get(1).is_none()).then(|| l.out(whole.start(), whole.end()));
                (date, inferred, text, why)
            };
            if inferred {
                review.push(format!("the year is inferred from {why}"));
            }
            let (sa, sb) = sentence_at(l, whole.start());
            let after = &l.shadow[whole.end()..sb];
            let mut place = None;
            let mut meeting = false;
            let what = if let Some(h) = HELD.captures(after) {
                let w = h.get(1).expect("group");
                let p = h.get(2).expect("group");
                place = Some(l.out(whole.end() + p.start(), whole.end() + p.end()));
                meeting = true;
                l.out(whole.end() + w.start(), whole.end() + w.end())
            } else if let Some(h) = HELD_OF.captures(after) {
                let w = h.get(3).expect("group");
                if let Some(p) = h.get(1) {
                    place = Some(l.out(whole.end() + p.start(), whole.end() + p.end()));
                }
                meeting = true;
                l.out(whole.end() + w.start(), whole.end() + w.end())
            } else if let Some(w) = clause_what(l, sa, sb, whole.start(), whole.end()) {
                w
            } else {
                // The sentence without the date: its last clause when long.
                let before = &l.shadow[sa..whole.start()];
                let s = format!("{before}{after}");
                let s = trim_punct(&s).to_owned();
                if clen(&s) > 40 {
                    let last = split_top(&s, &[',', '，'])
                        .into_iter()
                        .rev()
                        .map(trim_punct)
                        .find(|c| clen(c) >= 4)
                        .unwrap_or("")
                        .to_owned();
                    review.push("what happened: the last clause of a long sentence".into());
                    let off = l.shadow[sa..sb].find(last.as_str()).map_or(sa, |i| sa + i);
                    l.out(off, off + last.len())
                } else {
                    review.push("what happened: the sentence around the date".into());
                    let b0 = trim_punct(before);
                    let a0 = trim_punct(after);
                    let ob = sa + before.find(b0).unwrap_or(0);
                    let oa = whole.end() + after.find(a0).unwrap_or(0);
                    format!("{}{}", l.out(ob, ob + b0.len()), l.out(oa, oa + a0.len()))
                }
            };
            let before_date = &l.shadow[..whole.start()];
            if ["将于", "将在", "计划于", "拟于"]
                .iter()
                .any(|w| before_date.ends_with(w))
            {
                // A meeting still to come is not the one the article reports.
                meeting = false;
            }
            let what = trim_punct(what.trim_start_matches(['在', '于'])).to_owned();
            if clen(&what) < 3 {
                continue;
            }
            let (place, place_accept) = match place {
                Some(p) => clean_place(&p),
                None => (None, Vec::new()),
            };
            let note = inferred.then(|| format!("年份推定:{}", zh_reason(&why)));
            found.facts.push(Drafted {
                fact: Fact::Event(Event {
                    date,
                    inferred,
                    date_text,
                    place,
                    place_accept,
                    who: None,
                    what,
                    note,
                    meeting,
                }),
                lines: (l.no, l.no),
                review,
            });
        }
        // Anniversaries: 今年是中亚国家独立30周年,也是中国共产党成立100周年,明年是…
        if let Some((y, _, why)) = &base_year {
            let mut shift = None;
            let mut phrases = Vec::new();
            for c in YEAR_IS.captures_iter(&l.shadow) {
                let (phrase, s) = if let Some(w) = c.get(1) {
                    shift = Some(match w.as_str() {
                        "去年" => -1,
                        "明年" => 1,
                        _ => 0,
                    });
                    (c.get(2).expect("group"), shift)
                } else {
                    (c.get(3).expect("group"), shift)
                };
                let Some(s) = s else { continue };
                phrases.push(l.out(phrase.start(), phrase.end()));
                found.facts.push(Drafted {
                    fact: Fact::Event(Event {
                        date: format!("{:04}", y + s),
                        inferred: true,
                        date_text: None,
                        place: None,
                        place_accept: Vec::new(),
                        who: None,
                        what: l.out(phrase.start(), phrase.end()),
                        note: Some(format!("年份推定:{}", zh_reason(why))),
                        meeting: false,
                    }),
                    lines: (l.no, l.no),
                    review: vec![format!("the year is inferred from {why}")],
                });
            }
            if phrases.len() >= 2 {
                let n = phrases.len() as u32;
                found.facts.push(Drafted {
                    fact: Fact::List(List {
                        heading: "文中所列的周年".into(),
                        noun: Some("周年".into()),
                        count: Some(n),
                        ordered: false,
                        closed: true,
                        items: phrases
                            .into_iter()
                            .map(|t| Item { text: t, key: None })
                            .collect(),
                    }),
                    lines: (l.no, l.no),
                    review: vec!["anniversaries named in one sentence: name the list".into()],
                });
            }
        }
    }
}

/// The reason for an inferred year, for a note students read in a Chinese deck.
fn zh_reason(why: &str) -> String {
    if let Some(y) = why.strip_prefix("the page's date ") {
        format!("据网页日期({y}年)")
    } else if why == "the article's date" {
        "据文章日期".to_owned()
    } else {
        format!("据{why}")
    }
}

/// What happened, from the clause around a date: `蒙古国总统巴特图勒嘎在今年2月…访华表达支持`,
/// `继去年7月视频会晤后` → `视频会晤`.
fn clause_what(l: &Line, sa: usize, sb: usize, da: usize, db: usize) -> Option<String> {
    let s = &l.shadow;
    let (ca, cb) = clause_around(s, sa, sb, da);
    let mut before = trim_punct(&s[ca..da]);
    for w in ["继", "自", "从", "截至", "于", "在"] {
        before = before.strip_suffix(w).unwrap_or(before);
    }
    let mut after = trim_punct(&s[db.min(cb)..cb]);
    for w in ["以来", "之后", "以后", "期间", "之际", "后", "时", "前"] {
        after = after.strip_suffix(w).unwrap_or(after);
    }
    after = after.strip_prefix("刚刚").unwrap_or(after);
    if clen(after) < 4 {
        return None;
    }
    let b = if clen(before) <= 12 && clen(before) >= 2 && !before.starts_with("这") {
        let o = ca + s[ca..da].find(before).unwrap_or(0);
        l.out(o, o + before.len())
    } else {
        String::new()
    };
    let o = db + s[db..cb].find(after).unwrap_or(0);
    let w = format!("{b}{}", l.out(o, o + after.len()));
    (clen(&w) <= 40).then_some(w)
}

/// `中国西安市` → `西安` (accepting `西安市`, `中国西安市`).
fn clean_place(p: &str) -> (Option<String>, Vec<String>) {
    let mut accept = Vec::new();
    let mut s = p.to_owned();
    if let Some(x) = s.strip_prefix("中国").filter(|x| clen(x) >= 2) {
        accept.push(s.clone());
        s = x.to_owned();
    }
    if let Some(x) = s.strip_suffix('市').filter(|x| clen(x) >= 2) {
        accept.push(s.clone());
        s = x.to_owned();
    }
    accept.retain(|a| a != &s);
    (Some(s), accept)
}

fn minus_days(y: i32, m: u32, d: u32, back: u32) -> Option<String> {
    let date = jiff::civil::Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()?;
    let day = date
        .checked_sub(jiff::Span::new().days(i64::from(back)))
        .ok()?;
    Some(format!(
        "{:04}-{:02}-{:02}",
        day.year(),
        day.month(),
        day.day()
    ))
}

// ------------------------------------------------------------------ numbers

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(逾|近|约|超过|多达|将近)?(\d+(?:\.\d+)?|[一二两三四五六七八九十百千万亿零]+)(多|余)?(个|项|所|名|家|位|批|成|倍|%|亿|万|人|吨|架|艘|座|条|份|部|套|枚|剂|只)",
    )
});

static MISSING_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:近|逾|约|超过)(?:名|个|项|所|家)"));

/// Words after a number that make it a set phrase, not a quantity.
const NOT_QUANTITY: &[&str] = &[
    "个别", "项目", "批准", "名义", "家庭", "位置", "部分", "条件", "份额", "成为", "成果", "成员",
    "倍增", "人民", "人类", "条约", "部长", "家乡", "名单",
];

fn numbers(doc: &Doc, found: &mut Found) {
    for l in &doc.lines {
        if l.question {
            continue;
        }
        let s = &l.shadow;
        for m in MISSING_NUMBER.find_iter(s) {
            let (a, b) = (m.start(), (m.end() + 12).min(s.len()));
            let b = (b..=s.len())
                .find(|&i| s.is_char_boundary(i))
                .unwrap_or(s.len());
            found.remarks.push(format!(
                "line {}: a number seems to be missing in “{}”: nothing drafted from it",
                l.no,
                l.out(a, b)
            ));
        }
        for c in NUMBER.captures_iter(s) {
            let whole = c.get(0).expect("match");
            let num = &c[2];
            let unit = &c[4];
            if s[..whole.start()].ends_with('第') || inside_quotes(s, whole.start()) {
                continue;
            }
            let Some(v) = numeral(num) else { continue };
            let digits = num.bytes().all(|b| b.is_ascii_digit() || b == b'.');
            if v <= 1 && !digits {
                continue;
            }
            let rest = &s[whole.end()..];
            if NOT_QUANTITY
                .iter()
                .any(|w| format!("{unit}{rest}").starts_with(w))
            {
                continue;
            }
            // `四个方面`, `三项举措`: the count of a list, drafted with the list.
            if LIST_NOUNS.iter().any(|w| rest.starts_with(w)) {
                continue;
            }
            // A date or a part of a name: 5月, 2025年, 5G.
            if rest.starts_with(['月', '日', 'G']) {
                continue;
            }
            let value: f64 = if digits {
                num.parse().unwrap_or(v as f64)
            } else {
                v as f64
            };
            let (counts_range, review) = if unit == "成" || unit == "%" || unit == "倍" {
                // 复工率已达九成: what is counted stands before the number.
                let (sa, _) = sentence_at(l, whole.start());
                let before = &s[sa..whole.start()];
                let clause_start = before.rfind(CLAUSE_PUNCT).map_or(sa, |i| {
                    sa + i + before[i..].chars().next().map_or(1, char::len_utf8)
                });
                let b = trim_verbs(&s[clause_start..whole.start()]);
                (
                    (clause_start, clause_start + b.len()),
                    "what is counted stands before the number: check the phrase",
                )
            } else {
                let n: usize = rest
                    .char_indices()
                    .take_while(|(i, ch)| {
                        (is_han(*ch) || matches!(ch, '“' | '”'))
                            && !"和的等与及或齐将已在为是有参出到回应均共都也被从向对于并还就"
                                .contains(*ch)
                            && *i < 30
                    })
                    .map(|(_, ch)| ch.len_utf8())
                    .sum();
                ((whole.end(), whole.end() + n), "")
            };
            let counts = l.out(counts_range.0, counts_range.1);
            let counts = counts.trim_matches(|c| c == '“' || c == '”').to_owned();
            if clen(&counts) < 2 {
                continue;
            }
            let (sa, sb) = sentence_at(l, whole.start());
            let clause = clause_around(s, sa, sb, whole.start());
            let mut qualifier = c.get(1).map(|q| q.as_str().to_owned());
            if let Some(x) = c.get(3) {
                qualifier = Some(x.as_str().to_owned());
            }
            if rest.starts_with("左右") {
                qualifier = Some("左右".into());
            }
            let mut rv = Vec::new();
            if !review.is_empty() {
                rv.push(review.to_owned());
            }
            found.facts.push(Drafted {
                fact: Fact::Number(Number {
                    value,
                    unit: l.out(
                        c.get(4).expect("group").start(),
                        c.get(4).expect("group").end(),
                    ),
                    counts,
                    qualifier,
                    text: l.out(clause.0, clause.1),
                }),
                lines: (l.no, l.no),
                review: rv,
            });
        }
    }
}

/// Nouns that follow the count of a list rather than a quantity.
const LIST_NOUNS: &[&str] = &[
    "方面", "举措", "措施", "成果", "共识", "领域", "主张", "建议", "原则", "任务", "重点", "意见",
];

fn trim_verbs(s: &str) -> &str {
    let mut t = s;
    for w in [
        "已达", "达到", "已经", "约为", "约", "为", "达", "超过", "近", "逾",
    ] {
        t = t.strip_suffix(w).unwrap_or(t);
    }
    t
}

fn clause_around(s: &str, sa: usize, sb: usize, pos: usize) -> (usize, usize) {
    let a = s[sa..pos]
        .rfind([',', '，', ';', '；', ':', '：'])
        .map_or(sa, |i| sa + i + 1);
    let b = s[pos..sb]
        .find([',', '，', ';', '；'])
        .map_or(sb, |i| pos + i);
    (a, b)
}

fn inside_quotes(s: &str, pos: usize) -> bool {
    let before = &s[..pos];
    before.matches('“').count() > before.matches('”').count()
        || before.matches('《').count() > before.matches('》').count()
}

// ------------------------------------------------------------------ documents

const GENRES: &[&str] = &[
    "谅解备忘录",
    "联合声明",
    "联合公报",
    "新闻公报",
    "行动计划",
    "合作规划",
    "白皮书",
    "议定书",
    "备忘录",
    "文件草案",
    "路线图",
    "声明",
    "公报",
    "宣言",
    "协定",
    "协议",
    "条约",
    "规划",
    "纲要",
    "计划",
    "倡议",
    "报告",
    "宪章",
    "决议",
    "纪要",
    "方案",
    "文件",
];

const MEDIA: &[&str] = &[
    "日报",
    "时报",
    "晚报",
    "报",
    "周刊",
    "杂志",
    "通讯社",
    "电视台",
    "电台",
    "网",
];

static DOC_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(r"审议通过|共同发表|发表|通过|批准|签署|签订|发布|启动|提出|商签|制定|宣布|达成")
});
static RECOMMEND: LazyLock<Regex> =
    LazyLock::new(|| re(r"确定请|提请|建议|倡议|推荐|请求|呼吁|拟"));

static UNBRACKETED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(发表|通过|批准|签署|签订|发布|商签)了?(一份|一项|\d+多?项|[二两三四五六七八九十]+项)?([^,，。、;；《》“”]{0,30}?(?:联合声明|联合公报|新闻公报|声明|公报|宣言|备忘录|协定|协议|条约|文件草案))",
    )
});

fn genre_of(title: &str) -> Option<&'static str> {
    GENRES.iter().copied().find(|g| title.ends_with(g))
}

/// The verb before `pos` in its sentence, and whether the meeting only recommended it.
fn verb_before(s: &str, sa: usize, pos: usize) -> Option<(usize, usize, bool)> {
    // Titles already passed (`《A》、《B》`) hold no verbs for the later ones.
    let window = &s[sa..pos];
    let masked = mask_titles(window);
    let m = DOC_VERB.find_iter(&masked).last()?;
    let recommended = RECOMMEND
        .find_iter(&masked[..m.start()])
        .last()
        .is_some_and(|r| clen(&masked[r.end()..m.start()]) <= 8);
    Some((sa + m.start(), sa + m.end(), recommended))
}

/// The text with the insides of 《》 and “” replaced by spaces of the same byte length.
fn mask_titles(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '《' | '“' => {
                depth += 1;
                out.push(c);
            }
            '》' | '”' => {
                depth -= 1;
                out.push(c);
            }
            _ if depth > 0 => out.extend(std::iter::repeat_n(' ', c.len_utf8())),
            _ => out.push(c),
        }
    }
    out
}

fn documents(doc: &Doc, found: &mut Found) {
    let mut titles: Vec<String> = Vec::new();
    for l in &doc.lines {
        if l.question {
            continue;
        }
        let s = &l.shadow;
        // Titles per sentence, for the list of a meeting's documents.
        let mut per_sentence: HashMap<usize, Vec<(String, String)>> = HashMap::new();
        let mut i = 0;
        while let Some(p) = s[i..].find('《') {
            let a = i + p;
            let Some(q) = s[a..].find('》') else { break };
            let b = a + q + '》'.len_utf8();
            i = b;
            let inner_a = a + '《'.len_utf8();
            let inner_b = a + q;
            let inner = &s[inner_a..inner_b];
            if MEDIA.iter().any(|m| inner.ends_with(m)) || clen(inner) < 2 {
                continue;
            }
            let (sa, _) = sentence_at(l, a);
            let title = l.out(inner_a, inner_b);
            let mut review = Vec::new();
            let genre = match genre_of(inner) {
                Some(g) => g.to_owned(),
                None => {
                    review.push("no genre word (声明, 备忘录…) at the end of the title: check it is a document".into());
                    "文件".to_owned()
                }
            };
            let verb = match verb_before(s, sa, a) {
                Some((_, _, true)) => {
                    found.remarks.push(format!(
                        "line {}: 《{title}》 was only recommended or requested, not adopted: not drafted as a document",
                        l.no
                    ));
                    continue;
                }
                Some((va, vb, false)) => l.out(va, vb),
                None => {
                    review.push("no verb (发表, 通过, 签署…) links it to the meeting".into());
                    "提及".to_owned()
                }
            };
            titles.push(inner.to_owned());
            per_sentence
                .entry(sa)
                .or_default()
                .push((title.clone(), verb.clone()));
            found.facts.push(Drafted {
                fact: Fact::Document(Document {
                    title,
                    genre: if inner.ends_with(genre.as_str()) {
                        l.out(inner_b - genre.len(), inner_b)
                    } else {
                        genre
                    },
                    verb,
                    by: None,
                }),
                lines: (l.no, l.no),
                review,
            });
        }
        for (sa, docs) in per_sentence {
            if docs.len() < 2 {
                continue;
            }
            let mut verbs: Vec<String> = Vec::new();
            for (_, v) in &docs {
                if !verbs.contains(v) {
                    verbs.push(v.clone());
                }
            }
            let subject_end = DOC_VERB.find(&s[sa..]).map_or(sa, |m| sa + m.start());
            let subject = trim_punct(&l.out(sa, subject_end)).to_owned();
            let subject = tail(&subject, 6).to_owned();
            let heading = format!("{subject}{}的文件", verbs.join("和"));
            let n = docs.len() as u32;
            found.facts.push(Drafted {
                fact: Fact::List(List {
                    heading,
                    noun: Some("文件".into()),
                    count: Some(n),
                    ordered: false,
                    closed: true,
                    items: docs
                        .into_iter()
                        .map(|(t, _)| Item {
                            text: format!("《{t}》"),
                            key: Some(t),
                        })
                        .collect(),
                }),
                lines: (l.no, l.no),
                review: vec![
                    "list made from the documents named in one sentence: check none is missing"
                        .into(),
                ],
            });
        }
        for c in UNBRACKETED.captures_iter(s) {
            let whole = c.get(0).expect("match");
            if inside_quotes(s, whole.start()) {
                continue;
            }
            let t = c.get(3).expect("group");
            let mut ta = t.start();
            let raw = t.as_str();
            // `内容广泛的两国外长联合声明` → `两国外长联合声明`; keep `…疫情的联合声明` whole.
            if let Some(p) = raw.rfind('的') {
                let before = &raw[..p];
                if ["一份", "一项", "内容", "重要", "广泛", "系列"]
                    .iter()
                    .any(|w| before.contains(w))
                {
                    ta += p + '的'.len_utf8();
                }
            }
            let inner = &s[ta..t.end()];
            if clen(inner) < 2
                || titles
                    .iter()
                    .any(|x| x.contains(inner) || inner.contains(x.as_str()))
            {
                continue;
            }
            let (sa, _) = sentence_at(l, whole.start());
            let v = c.get(1).expect("group");
            let recommended = RECOMMEND
                .find_iter(&s[sa..v.start()])
                .last()
                .is_some_and(|r| clen(&s[sa + r.end()..v.start()]) <= 8);
            let title = l.out(ta, t.end());
            if recommended {
                found.remarks.push(format!(
                    "line {}: “{title}” was only recommended or requested, not adopted: not drafted as a document",
                    l.no
                ));
                continue;
            }
            titles.push(inner.to_owned());
            let genre = genre_of(inner).unwrap_or("文件");
            let mut review = Vec::new();
            if let Some(q) = c.get(2) {
                review.push(format!(
                    "a quantity (“{}”) stands before the title",
                    l.out(q.start(), q.end())
                ));
            }
            found.facts.push(Drafted {
                fact: Fact::Document(Document {
                    title,
                    genre: l.out(t.end() - genre.len(), t.end()),
                    verb: l.out(v.start(), v.end()),
                    by: None,
                }),
                lines: (l.no, l.no),
                review,
            });
        }
        // Quoted names of initiatives and programmes: 中方提出的“全球数据安全倡议”.
        for (a, b) in quoted(s) {
            let inner = &s[a..b];
            let Some(g) = ["倡议", "计划", "规划", "战略", "宣言"]
                .iter()
                .find(|g| inner.ends_with(*g))
            else {
                continue;
            };
            if titles.iter().any(|x| x == inner) || clen(inner) < 4 {
                continue;
            }
            let (sa, _) = sentence_at(l, a);
            let Some((va, vb, rec)) = verb_before(s, sa, a) else {
                continue;
            };
            if rec {
                continue;
            }
            titles.push(inner.to_owned());
            let by = trim_punct(&s[sa..va]);
            let by = (clen(by) <= 4 && clen(by) >= 2).then(|| l.out(va - by.len(), va));
            found.facts.push(Drafted {
                fact: Fact::Document(Document {
                    title: l.out(a, b),
                    genre: l.out(b - g.len(), b),
                    verb: l.out(va, vb),
                    by,
                }),
                lines: (l.no, l.no),
                review: vec!["a quoted name: check it is a document of this meeting".into()],
            });
        }
    }
}

/// Byte ranges of the insides of “…” quotes.
fn quoted(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = s[i..].find('“') {
        let a = i + p + '“'.len_utf8();
        let Some(q) = s[a..].find('”') else { break };
        let b = a + q;
        if !s[a..b].contains('“') && b > a {
            out.push((a, b));
        }
        i = b + '”'.len_utf8();
    }
    out
}

// ------------------------------------------------------------------ people

const TITLES: &str = "国务委员兼外交部长|国务委员兼外长|副总理兼外交部长|副总理兼外长|外交部长|外交部发言人|发言人|国务卿|秘书长|副总统|总统|副主席|国家主席|主席|副总理|总理|首相|外长|大使|总书记|部长|特使|国王|议长";

static NAME_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[,，。、:：;；\s]|同|与|和|由|向|对|会见|会晤)(\p{{Han}}{{2,5}}?)({TITLES})(?:们)?(?:[,，、。;；进结同在就和与表示指出说会主出接访率等]|$)"
    ))
});

static TITLE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"((?:驻\p{{Han}}{{2,8}}?)?\p{{Han}}{{0,8}}?)({TITLES})(\p{{Han}}{{2,6}}?)(?:以及|主持|出席|就|在|同|和|与|等|表示|指出|说|强调|会见|会谈|[,，、。:：;；(（\s]|$)"
    ))
});

/// Characters that never stand in a person's name here (they are words of the sentence).
const NOT_NAME_CHARS: &[char] = &[
    '们', '的', '了', '和', '与', '同', '在', '就', '将', '已', '由', '为', '是', '也', '都', '对',
    '国', '会', '方', '员', '次', '各', '这', '那', '本', '该', '此', '其', '两', '双', '中', '外',
    '我', '他', '您', '新', '前', '现', '副', '长', '兼',
];

const NOT_NAME_WORDS: &[&str] = &[
    "结束", "出席", "访问", "会见", "会谈", "进行", "表示", "指出", "强调", "认为", "主持", "接受",
    "率团", "举行", "通过", "发表", "签署", "一行", "期间", "联合", "商定", "第一", "理事", "领导",
];

fn is_name(n: &str) -> bool {
    (2..=6).contains(&clen(n))
        && n.chars().all(is_han)
        && !n.chars().any(|c| NOT_NAME_CHARS.contains(&c))
        && !NOT_NAME_WORDS.iter().any(|w| n.contains(w))
}

fn people(doc: &Doc, found: &mut Found) {
    let mut seen: Vec<String> = Vec::new();
    for l in &doc.lines {
        let s = &l.shadow;
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for c in NAME_FIRST.captures_iter(s) {
            let n = c.get(1).expect("group");
            let t = c.get(2).expect("group");
            if !is_name(n.as_str()) {
                continue;
            }
            taken.push((n.start(), t.end()));
            push_person(
                l,
                found,
                &mut seen,
                (n.start(), n.end()),
                (t.start(), t.end()),
                None,
            );
        }
        for c in TITLE_FIRST.captures_iter(s) {
            let p = c.get(1).expect("group");
            let t = c.get(2).expect("group");
            let n = c.get(3).expect("group");
            if !is_name(n.as_str()) || taken.iter().any(|&(a, b)| n.start() < b && a < n.end()) {
                continue;
            }
            // The words before the title that belong to it (国家 or office), cut at the
            // sentence's own words (会晤由…, …主席同…).
            let pre = &s[p.start()..p.end()];
            let cut = [
                "由", "同", "和", "与", "向", "对", "在", "的", "是", "了", "及", ",", "，", "、",
                "。",
            ]
            .iter()
            .filter_map(|w| pre.rfind(w).map(|i| i + w.len()))
            .max()
            .unwrap_or(0);
            let role = ["主持", "出席"]
                .iter()
                .find(|w| s[n.end()..].starts_with(*w))
                .map(|w| (*w).to_owned());
            push_person(
                l,
                found,
                &mut seen,
                (n.start(), n.end()),
                (p.start() + cut, t.end()),
                role,
            );
        }
    }
}

fn push_person(
    l: &Line,
    found: &mut Found,
    seen: &mut Vec<String>,
    name: (usize, usize),
    title: (usize, usize),
    role: Option<String>,
) {
    let name_s = l.shadow[name.0..name.1].to_owned();
    if seen.contains(&name_s) {
        return;
    }
    seen.push(name_s);
    found.facts.push(Drafted {
        fact: Fact::Person(Person {
            name: l.out(name.0, name.1),
            title: l.out(title.0, title.1),
            role,
        }),
        lines: (l.no, l.no),
        review: Vec::new(),
    });
}

// ------------------------------------------------------------------ quoted terms

static DENOTES_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(\p{Han}{2,8}?)(?:古称|旧称|又称|简称|别称|俗称|被称为|被誉为|称为|誉为|号称)$")
});
static DENOTES_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:即|是指|指的是|意为)([^,，。;；]{2,20})"));

fn quotes(doc: &Doc, found: &mut Found) {
    let mut seen = found.document_titles();
    for l in &doc.lines {
        if l.question {
            continue;
        }
        let s = &l.shadow;
        for (a, b) in quoted(s) {
            let inner = &s[a..b];
            let term = l.out(a, b);
            if seen.contains(&term) || inner.contains('*') || clen(inner) > 20 || clen(inner) < 2 {
                continue;
            }
            if inside_quotes(s, a - '“'.len_utf8()) {
                continue;
            }
            let after = &s[b + '”'.len_utf8()..];
            if MEDIA.iter().any(|m| after.starts_with(m)) {
                continue;
            }
            seen.push(term.clone());
            let before = &s[..a - '“'.len_utf8()];
            if let Some(c) = DENOTES_BEFORE.captures(before) {
                let g = c.get(1).expect("group");
                found.facts.push(Drafted {
                    fact: Fact::Term(Term {
                        term,
                        denotes: l.out(g.start(), g.end()),
                    }),
                    lines: (l.no, l.no),
                    review: vec!["what it denotes is the words before 古称/又称…: check".into()],
                });
                continue;
            }
            if let Some(c) = DENOTES_AFTER.captures(after) {
                let g = c.get(1).expect("group");
                let off = b + '”'.len_utf8();
                found.facts.push(Drafted {
                    fact: Fact::Term(Term {
                        term,
                        denotes: l.out(off + g.start(), off + g.end()),
                    }),
                    lines: (l.no, l.no),
                    review: Vec::new(),
                });
                continue;
            }
            // Otherwise a cloze: the clause with the term as the gap.
            let (sa, sb) = sentence_at(l, a);
            let (mut ca, mut cb) = clause_around(s, sa, sb, a);
            if cb < b {
                cb = sb;
            }
            if clen(&s[ca..cb]) < clen(inner) + 6 {
                ca = sa;
                cb = sb;
            }
            let clause = &s[ca..cb];
            if clen(clause) > 70 || clause.contains(['{', '}', '|']) {
                continue;
            }
            let text = format!(
                "{}{{{{{}}}}}{}",
                trim_punct_start(&l.out(ca, a)),
                term,
                l.out(b, cb)
            );
            found.facts.push(Drafted {
                fact: Fact::Cloze(Cloze { text }),
                lines: (l.no, l.no),
                review: Vec::new(),
            });
        }
    }
}

fn trim_punct_start(s: &str) -> &str {
    s.trim_start_matches(|c: char| c.is_whitespace() || CLAUSE_PUNCT.contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_words() {
        assert_eq!(
            count_word("中俄外长商定在四方面加强合作"),
            Some((4, "方面".into()))
        );
        assert_eq!(
            count_word("为此,我们将采取四项举措"),
            Some((4, "举措".into()))
        );
        assert_eq!(count_word("在上合组织即将进入第三个十年之际"), None);
        assert_eq!(count_word("两国应加强合作"), None);
    }

    #[test]
    fn long_headings_are_shortened() {
        let (h, short) = shorten_heading(
            "此访期间,中方同各方总结了疫情以来各领域合作的新特点和好经验,商定继续发挥共建“一带一路”和各国发展战略对接合作的作用,加快推进复工复产,更好造福地区国家人民",
        );
        assert!(short);
        assert_eq!(
            h,
            "商定继续发挥共建“一带一路”和各国发展战略对接合作的作用,加快推进复工复产"
        );
    }

    #[test]
    fn places() {
        assert_eq!(
            clean_place("中国西安市"),
            (
                Some("西安".into()),
                vec!["中国西安市".into(), "西安市".into()]
            )
        );
    }
}
