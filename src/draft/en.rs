//! The rules for English articles: "First, … Second, …" and numbered paragraphs, "in four
//! areas: a, b, c and d", dates ("May 12, 2021", "12 May"), the meeting ("was held in X on
//! …"), numbers with their noun, documents with the verb that links them to the meeting,
//! people with titles, quoted terms.

use std::sync::LazyLock;

use regex::Regex;

use super::input::Page;
use super::text::Doc;
use super::{Cloze, Document, Drafted, Event, Fact, Found, Item, List, Number, Person, Term};

fn re(s: &str) -> Regex {
    Regex::new(s).expect("static regex")
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || ",;:.".contains(c))
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month(s: &str) -> Option<u32> {
    let s = s.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| s.starts_with(m))
        .map(|i| i as u32 + 1)
}

fn number_word(s: &str) -> Option<u32> {
    let w = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ];
    let l = s.to_ascii_lowercase();
    w.iter()
        .position(|x| *x == l)
        .map(|i| i as u32 + 2)
        .or_else(|| s.parse().ok())
}

const MONTH_RE: &str = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

static DATE_MD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b{MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?"
    ))
});
static DATE_DM: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b(\d{{1,2}})\s+{MONTH_RE}(?:,?\s+(\d{{4}}))?")));
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^([A-Z][A-Z .'-]{{2,30}}),\s*{MONTH_RE}\s+(\d{{1,2}})\s*(?:\(([A-Za-z .]+)\))?\s*(?:--|—|–|-)"
    ))
});
static ISO: LazyLock<Regex> = LazyLock::new(|| re(r"(\d{4})-(\d{1,2})-(\d{1,2})"));
static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\b(19[5-9]\d|20\d\d)\b"));

pub(crate) fn extract(doc: &Doc, page: &Page) -> Found {
    let mut found = Found {
        title: page.title.clone().or(doc.title.clone()),
        publisher: page.publisher.clone().or(doc.publisher.clone()),
        ..Found::default()
    };
    // The article's date: the page's, else a dateline with a year worked out from the text.
    let mut day: Option<(i32, u32, u32)> = None;
    if let Some(c) = page
        .date
        .as_deref()
        .or(doc.date.as_deref())
        .and_then(|d| ISO.captures(d))
        && let (Ok(y), Ok(m), Ok(d)) = (c[1].parse(), c[2].parse(), c[3].parse())
    {
        day = Some((y, m, d));
        found.year = Some((y, false, format!("the page's date {y}")));
        found.date = Some((format!("{y:04}-{m:02}-{d:02}"), false, String::new()));
    }
    let mut dateline = None;
    if let Some(l) = doc.lines.first()
        && let Some(c) = DATELINE.captures(&l.shadow)
    {
        let m = month(&c[2]).unwrap_or(1);
        let d: u32 = c[3].parse().unwrap_or(1);
        if let Some(p) = c.get(4) {
            found.publisher.get_or_insert(p.as_str().trim().to_owned());
        }
        dateline = Some((m, d, title_case(c[1].trim())));
    }
    if found.year.is_none() {
        let mut counts = std::collections::HashMap::new();
        for l in &doc.lines {
            for c in YEAR.captures_iter(&l.shadow) {
                *counts
                    .entry(c[1].parse::<i32>().unwrap_or(0))
                    .or_insert(0usize) += 1;
            }
        }
        if let Some((y, _)) = counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
        {
            found.year = Some((
                y,
                true,
                format!("the year most often named in the text ({y})"),
            ));
        }
    }
    if found.date.is_none()
        && let Some((y, inf, why)) = found.year.clone()
    {
        found.date = Some(match dateline {
            Some((m, d, _)) => {
                day = Some((y, m, d));
                (format!("{y:04}-{m:02}-{d:02}"), inf, why)
            }
            None => (format!("{y:04}"), inf, why),
        });
    }
    let _ = day;
    if doc.truncated
        && let Some(l) = doc.lines.last()
    {
        found.remarks.push(format!(
            "the article stops mid-sentence at line {}: it may be cut short",
            l.no
        ));
    }
    ordinal_lists(doc, &mut found);
    colon_lists(doc, &mut found);
    events(doc, &mut found);
    numbers(doc, &mut found);
    documents(doc, &mut found);
    people(doc, &mut found);
    quotes(doc, &mut found);
    found
}

fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(First|Firstly|First of all|Second|Secondly|Third|Thirdly|Fourth|Fourthly|Fifth|Fifthly|Sixth|Seventh|Eighth|Ninth|Tenth)|(Finally|Lastly|Last))\s*,\s*",
    )
});
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:\((\d{1,2})\)|(\d{1,2})[.)])\s+"));
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:key\s+|major\s+|main\s+|broad\s+|important\s+|new\s+)?(areas|points|outcomes|measures|steps|priorities|principles|documents|proposals|fields|aspects|goals|tasks|results|initiatives|agreements|pillars|sectors|consensuses|things|ways|countries)\b",
    )
});

fn ordinal_n(w: &str) -> u32 {
    let l = w.to_ascii_lowercase();
    let table = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    table
        .iter()
        .position(|t| l.starts_with(t))
        .map_or(0, |i| i as u32 + 1)
}

struct Mark {
    li: usize,
    start: usize,
    end: usize,
    n: u32,
    last: bool,
    form: u8,
}

fn ordinal_lists(doc: &Doc, found: &mut Found) {
    let mut marks = Vec::new();
    for (li, l) in doc.lines.iter().enumerate() {
        if l.question {
            continue;
        }
        for (a, _) in l.sentences().iter().copied() {
            if let Some(c) = ORDINAL.captures(&l.shadow[a..]) {
                let w = c.get(0).expect("match");
                let (n, last) = match (c.get(1), c.get(2)) {
                    (Some(o), _) => (ordinal_n(o.as_str()), false),
                    _ => (0, true),
                };
                marks.push(Mark {
                    li,
                    start: a,
                    end: a + w.end(),
                    n,
                    last,
                    form: 0,
                });
            }
        }
        if let Some(c) = NUMBERED.captures(&l.shadow) {
            let n = c
                .get(1)
                .or(c.get(2))
                .and_then(|g| g.as_str().parse().ok())
                .unwrap_or(0);
            let w = c.get(0).expect("match");
            marks.push(Mark {
                li,
                start: 0,
                end: w.end(),
                n,
                last: false,
                form: 1,
            });
        }
    }
    for form in 0..2u8 {
        let mut run: Vec<&Mark> = Vec::new();
        let ms: Vec<&Mark> = marks.iter().filter(|m| m.form == form).collect();
        for m in ms.iter().copied().chain(std::iter::once(&Mark {
            li: usize::MAX,
            start: 0,
            end: 0,
            n: 0,
            last: false,
            form,
        })) {
            let cont = run.last().is_some_and(|p| {
                !p.last && m.li != usize::MAX && m.li <= p.li + 3 && (m.n == p.n + 1 || m.last)
            });
            if cont {
                run.push(m);
                continue;
            }
            if run.len() >= 2 {
                list_from_run(doc, found, &run);
            }
            run.clear();
            if m.n == 1 {
                run.push(m);
            }
        }
    }
}

fn list_from_run(doc: &Doc, found: &mut Found, run: &[&Mark]) {
    let mut items = Vec::new();
    let mut review = Vec::new();
    for m in run {
        let l = &doc.lines[m.li];
        let (_, b) = l
            .sentences()
            .iter()
            .copied()
            .find(|&(a, b)| m.end >= a && m.end <= b)
            .unwrap_or((0, l.shadow.len()));
        let content = trim(&l.shadow[m.end..b.max(m.end)]);
        if content.is_empty() {
            continue;
        }
        let first = trim(content.split([',', ';']).next().unwrap_or(content));
        let key = (words(content) > 12 && first != content && words(first) >= 2)
            .then(|| first.to_owned());
        items.push(Item {
            text: content.to_owned(),
            key,
        });
    }
    if items.len() < 2 {
        return;
    }
    let first = run[0];
    let l = &doc.lines[first.li];
    let prev = l
        .sentences()
        .iter()
        .copied()
        .rev()
        .find(|&(_, b)| b <= first.start)
        .map(|(a, b)| (l, a, b))
        .or_else(|| {
            let p = doc.lines[..first.li].iter().rev().find(|p| !p.question)?;
            let (a, b) = *p.sentences().last()?;
            Some((p, a, b))
        });
    let (heading, hno) = match prev {
        Some((pl, a, b)) => (trim(&pl.shadow[a..b]).to_owned(), pl.no),
        None => {
            review.push("no heading found: write one".to_owned());
            ("(heading)".to_owned(), l.no)
        }
    };
    let declared = COUNT
        .captures(&heading)
        .and_then(|c| Some((number_word(&c[1])?, c[2].to_owned())));
    let k = items.len() as u32;
    let (count, closed) = match &declared {
        Some((d, _)) if *d > k => {
            review.push(format!(
                "the heading says {d} but {k} items were found: drafted as open"
            ));
            (Some(*d), false)
        }
        Some((d, _)) if *d < k => {
            review.push(format!("the heading says {d} but {k} items were found"));
            (Some(k), true)
        }
        _ => (Some(k), true),
    };
    if words(&heading) > 30 {
        review.push("long heading: shorten it".to_owned());
    }
    let last = run[run.len() - 1];
    if !last.last && first.form == 0 && declared.is_none() {
        review.push("no “finally” or count closes the series: the list may continue".to_owned());
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
        lines: (hno.min(l.no), doc.lines[last.li].no),
        review,
    });
}

static COLON_LIST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+((?:[a-z-]+\s+){0,2}[a-z-]+)\s*:\s*([^.;:]+)",
    )
});
static INCLUDING: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(including|such as|namely)\s+([^.;:()]+)"));

fn split_series(s: &str) -> Vec<String> {
    let s = s.trim();
    let mut parts: Vec<String> = s
        .split(',')
        .flat_map(|p| {
            let p = p.trim();
            let p = p.strip_prefix("and ").unwrap_or(p);
            match p.rfind(" and ") {
                Some(i) => vec![p[..i].to_owned(), p[i + 5..].to_owned()],
                None => vec![p.to_owned()],
            }
        })
        .map(|p| trim(&p).to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    parts.dedup();
    parts
}

/// "in four areas: trade, energy, culture and health"; "including A, B and C".
fn colon_lists(doc: &Doc, found: &mut Found) {
    for l in &doc.lines {
        if l.question {
            continue;
        }
        for c in COLON_LIST.captures_iter(&l.shadow) {
            let Some(d) = number_word(&c[1]) else {
                continue;
            };
            let items = split_series(&c[3]);
            if items.len() < 2 || items.iter().any(|i| words(i) > 10) {
                continue;
            }
            let mut review = vec!["heading made from the sentence: name the list".to_owned()];
            let k = items.len() as u32;
            let (count, closed) = if d == k {
                (Some(k), true)
            } else if d > k {
                review.push(format!(
                    "the sentence says {d} but {k} items were found: drafted as open"
                ));
                (Some(d), false)
            } else {
                review.push(format!("the sentence says {d} but {k} items were found"));
                (Some(k), true)
            };
            let whole = c.get(0).expect("match");
            let (sa, _) = l
                .sentences()
                .iter()
                .copied()
                .find(|&(a, b)| whole.start() >= a && whole.start() <= b)
                .unwrap_or((0, 0));
            let colon = whole.start() + whole.as_str().find(':').unwrap_or(0);
            let heading = trim(&l.shadow[sa..colon]).to_owned();
            found.facts.push(Drafted {
                fact: Fact::List(List {
                    heading,
                    noun: Some(c[2].to_owned()),
                    count,
                    ordered: false,
                    closed,
                    items: items
                        .into_iter()
                        .map(|t| Item { text: t, key: None })
                        .collect(),
                }),
                lines: (l.no, l.no),
                review,
            });
        }
        for c in INCLUDING.captures_iter(&l.shadow) {
            let items = split_series(&c[2]);
            if items.len() < 3 || items.iter().any(|i| words(i) > 6) {
                continue;
            }
            let whole = c.get(0).expect("match");
            let (sa, _) = l
                .sentences()
                .iter()
                .copied()
                .find(|&(a, b)| whole.start() >= a && whole.start() <= b)
                .unwrap_or((0, 0));
            let heading = format!("{} …", trim(&l.shadow[sa..whole.start() + c[1].len()]));
            let closed = &c[1] == "namely";
            let k = items.len() as u32;
            found.facts.push(Drafted {
                fact: Fact::List(List {
                    heading,
                    noun: None,
                    count: closed.then_some(k),
                    ordered: false,
                    closed,
                    items: items
                        .into_iter()
                        .map(|t| Item { text: t, key: None })
                        .collect(),
                }),
                lines: (l.no, l.no),
                review: vec![
                    "a series after “including/such as”: name the list; it may be incomplete"
                        .to_owned(),
                ],
            });
        }
    }
}

static HELD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:[Tt]he\s+)?([A-Z][^,;]{3,90}?)\s+(?:was|were|will be|is)\s+(?:held|convened|hosted)\s+(?:in|at)\s+([A-Z][A-Za-z'’\- ]{1,40}?)(?:\s+on\b|\s+from\b|[,.;]|$)",
    )
});

fn events(doc: &Doc, found: &mut Found) {
    let year = found.year.clone();
    for l in &doc.lines {
        if l.question {
            continue;
        }
        let s = &l.shadow;
        let mut dates = Vec::new();
        for c in DATE_MD.captures_iter(s) {
            let w = c.get(0).expect("match");
            dates.push((
                w.start(),
                w.end(),
                month(&c[1]),
                c[2].parse::<u32>().ok(),
                c.get(3).map(|y| y.as_str().to_owned()),
            ));
        }
        for c in DATE_DM.captures_iter(s) {
            let w = c.get(0).expect("match");
            if dates.iter().any(|d| d.0 < w.end() && w.start() < d.1) {
                continue;
            }
            dates.push((
                w.start(),
                w.end(),
                month(&c[2]),
                c[1].parse::<u32>().ok(),
                c.get(3).map(|y| y.as_str().to_owned()),
            ));
        }
        for (a, b, m, d, y) in dates {
            let (Some(m), Some(d)) = (m, d) else { continue };
            if !(1..=31).contains(&d) || (l.no == doc.lines[0].no && a < 40 && DATELINE.is_match(s))
            {
                continue;
            }
            let mut review = Vec::new();
            let (y, inferred, why) = match y {
                Some(y) => (y.parse().unwrap_or(0), false, String::new()),
                None => match &year {
                    Some((y, _, why)) => (*y, true, why.clone()),
                    None => continue,
                },
            };
            if inferred {
                review.push(format!("the year is inferred from {why}"));
            }
            let (sa, sb) = l
                .sentences()
                .iter()
                .copied()
                .find(|&(x, z)| a >= x && a <= z)
                .unwrap_or((0, s.len()));
            let sent = &s[sa..sb];
            let (what, place, meeting) = match HELD.captures(sent) {
                Some(h) => (trim(&h[1]).to_owned(), Some(trim(&h[2]).to_owned()), true),
                None => {
                    let without = format!("{}{}", &s[sa..a], &s[b..sb]);
                    let without = trim(without.trim_start_matches("On").trim_start_matches("on"));
                    review.push("what happened: the sentence around the date".to_owned());
                    let w: Vec<&str> = without.split_whitespace().take(16).collect();
                    (trim(&w.join(" ")).to_owned(), None, false)
                }
            };
            if words(&what) < 2 {
                continue;
            }
            found.facts.push(Drafted {
                fact: Fact::Event(Event {
                    date: format!("{y:04}-{m:02}-{d:02}"),
                    inferred,
                    date_text: inferred.then(|| s[a..b].to_owned()),
                    place,
                    place_accept: Vec::new(),
                    who: None,
                    what,
                    note: inferred.then(|| format!("year inferred from {why}")),
                    meeting,
                }),
                lines: (l.no, l.no),
                review,
            });
        }
    }
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(more than|over|about|nearly|some|around|almost|up to)?\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(percent|%|million|billion)?\s+((?:[a-z][a-z-]+\s+){0,2}[a-z][a-z-]*s)\b",
    )
});

fn numbers(doc: &Doc, found: &mut Found) {
    for l in &doc.lines {
        if l.question {
            continue;
        }
        let s = &l.shadow;
        for c in NUMBER.captures_iter(s) {
            let num = c[2].replace(',', "");
            let Ok(mut value) = num.parse::<f64>() else {
                continue;
            };
            let n = c.get(2).expect("group");
            // Years and dates are not quantities.
            if (1900.0..2100.0).contains(&value) && !num.contains('.') && c.get(3).is_none() {
                continue;
            }
            let before = &s[..n.start()];
            if MONTHS.iter().any(|m| {
                before
                    .to_ascii_lowercase()
                    .trim_end()
                    .trim_end_matches('.')
                    .ends_with(m)
            }) {
                continue;
            }
            let scale = c.get(3).map(|m| m.as_str());
            match scale {
                Some("million") => value *= 1e6,
                Some("billion") => value *= 1e9,
                _ => {}
            }
            let noun = c[4].to_owned();
            let stop = [
                "and", "of", "to", "in", "for", "with", "the", "on", "at", "by", "from", "is",
                "are", "was", "were",
            ];
            let nw: Vec<&str> = noun
                .split_whitespace()
                .take_while(|w| !stop.contains(w))
                .collect();
            if nw.is_empty() {
                continue;
            }
            let unit = match scale {
                Some("percent" | "%") => "%".to_owned(),
                _ => nw[nw.len() - 1].to_owned(),
            };
            let counts = nw.join(" ");
            let w = c.get(0).expect("match");
            let (sa, sb) = l
                .sentences()
                .iter()
                .copied()
                .find(|&(x, z)| w.start() >= x && w.start() <= z)
                .unwrap_or((0, s.len()));
            found.facts.push(Drafted {
                fact: Fact::Number(Number {
                    value,
                    unit,
                    counts,
                    qualifier: c.get(1).map(|q| q.as_str().to_owned()),
                    text: trim(&s[sa..sb]).to_owned(),
                }),
                lines: (l.no, l.no),
                review: Vec::new(),
            });
        }
    }
}

static DOC: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(adopted|signed|issued|released|approved|published|launched|endorsed|recommended|proposed|suggested|called for)\s+(?:a|an|the|two|three|four|five)?\s*((?:[A-Z0-9][\w'’-]*\s+|(?:on|of|for|and|the|to|in|a|an)\s+){0,12}?(?:Joint Statement|Statement|Declaration|Communiqué|Communique|Memorandum of Understanding|Memorandum|Agreement|Treaty|Action Plan|Plan|Initiative|Roadmap|Charter|Protocol|Resolution)(?:\s+(?:on|of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*){1,6})?)",
    )
});
static QUOTED_DOC: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"\b(adopted|signed|issued|released|approved|published|launched|endorsed|recommended|proposed|suggested)\s+(?:a|an|the)?\s*(?:[a-z]+\s+){0,3}(?:titled|entitled|called)?\s*[“"]([^”"]{4,120})[”"]"#,
    )
});

fn documents(doc: &Doc, found: &mut Found) {
    let mut seen: Vec<String> = Vec::new();
    for l in &doc.lines {
        if l.question {
            continue;
        }
        let s = &l.shadow;
        let mut hits: Vec<(String, String)> = Vec::new();
        for c in QUOTED_DOC.captures_iter(s) {
            hits.push((c[1].to_owned(), c[2].to_owned()));
        }
        for c in DOC.captures_iter(s) {
            hits.push((c[1].to_owned(), trim(&c[2]).to_owned()));
        }
        for (verb, title) in hits {
            if seen.contains(&title) || words(&title) < 2 {
                continue;
            }
            seen.push(title.clone());
            if matches!(
                verb.as_str(),
                "recommended" | "proposed" | "suggested" | "called for"
            ) {
                found.remarks.push(format!(
                    "line {}: “{title}” was only {verb}, not adopted: not drafted as a document",
                    l.no
                ));
                continue;
            }
            let genre = [
                "Joint Statement",
                "Memorandum of Understanding",
                "Action Plan",
                "Statement",
                "Declaration",
                "Communiqué",
                "Communique",
                "Memorandum",
                "Agreement",
                "Treaty",
                "Plan",
                "Initiative",
                "Roadmap",
                "Charter",
                "Protocol",
                "Resolution",
            ]
            .iter()
            .find(|g| title.contains(*g))
            .map_or("document", |g| *g)
            .to_owned();
            found.facts.push(Drafted {
                fact: Fact::Document(Document {
                    title,
                    genre,
                    verb,
                    by: None,
                }),
                lines: (l.no, l.no),
                review: Vec::new(),
            });
        }
    }
}

static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b((?:(?:[A-Z][a-z]+|U\.S\.|UN)\s+){0,2}(?:State Councilor and Foreign Minister|Deputy Prime Minister and Foreign Minister|Minister of Foreign Affairs|Foreign Minister|Vice President|Prime Minister|Deputy Prime Minister|Secretary-General|Secretary of State|President|Premier|Ambassador|Chancellor|Chairman|Spokesperson|Spokesman|King|Queen|Minister))\s+((?:[A-Z][a-zA-Z'’-]+)(?:\s+[A-Z][a-zA-Z'’-]+){0,2})",
    )
});

fn people(doc: &Doc, found: &mut Found) {
    let mut seen: Vec<String> = Vec::new();
    for l in &doc.lines {
        for c in PERSON.captures_iter(&l.shadow) {
            let title = c[1]
                .trim()
                .trim_start_matches("The ")
                .trim_start_matches("the ")
                .to_owned();
            let name = c[2].trim().to_owned();
            // "President Xi Jinping said" → stop at verbs that start with a capital only at
            // the start of a sentence; names of months are not names.
            if month(&name).is_some() && name.len() <= 9 || seen.contains(&name) {
                continue;
            }
            seen.push(name.clone());
            found.facts.push(Drafted {
                fact: Fact::Person(Person {
                    name,
                    title,
                    role: None,
                }),
                lines: (l.no, l.no),
                review: Vec::new(),
            });
        }
    }
}

static QUOTE: LazyLock<Regex> = LazyLock::new(|| re(r#"[“"]([^”"]{2,40})[”"]"#));
static KNOWN_AS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"((?:[A-Za-z][\w'’-]*\s+){1,5}?)(?:known as|dubbed|called|nicknamed|also called)\s+[“"]([^”"]{2,40})[”"]"#,
    )
});

fn quotes(doc: &Doc, found: &mut Found) {
    let mut seen = found.document_titles();
    for l in &doc.lines {
        if l.question {
            continue;
        }
        let s = &l.shadow;
        for c in KNOWN_AS.captures_iter(s) {
            let term = c[2].to_owned();
            if seen.contains(&term) {
                continue;
            }
            seen.push(term.clone());
            found.facts.push(Drafted {
                fact: Fact::Term(Term {
                    term,
                    denotes: trim(&c[1]).to_owned(),
                }),
                lines: (l.no, l.no),
                review: vec!["what it denotes is the words before “known as”: check".to_owned()],
            });
        }
        for c in QUOTE.captures_iter(s) {
            let g = c.get(1).expect("group");
            let term = g.as_str().to_owned();
            if seen.contains(&term) || words(&term) > 6 {
                continue;
            }
            seen.push(term.clone());
            // The sentence holding the whole quote (a quote may span a sentence break the
            // splitter saw inside it: then the line).
            let (sa, sb) = l
                .sentences()
                .iter()
                .copied()
                .find(|&(x, z)| g.start() >= x && g.end() <= z)
                .unwrap_or((0, s.len()));
            let a = s[sa..g.start()]
                .rfind([',', ';'])
                .map_or(sa, |i| sa + i + 1);
            let b = s[g.end()..sb].find([',', ';']).map_or(sb, |i| g.end() + i);
            let clause = &s[a..b];
            if words(clause) > 30 || clause.contains(['{', '}', '|']) {
                continue;
            }
            let text = format!(
                "{}{{{{{term}}}}}{}",
                s[a..g.start()].trim_start(),
                &s[g.end()..b]
            );
            found.facts.push(Drafted {
                fact: Fact::Cloze(Cloze { text }),
                lines: (l.no, l.no),
                review: Vec::new(),
            });
        }
    }
}
