//! The rules for Chinese articles (simplified or traditional: they read the simplified
//! shadow and quote the article's own characters). Patterns and their false positives are
//! those of ../shared/guides/text.md §2.4; every guess a rule has to make is recorded as a
//! reason for review.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

mod events;
mod facts;
mod lists;

use events::*;
use facts::*;
use lists::*;

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
