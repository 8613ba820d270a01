//! Dates and what happened on them: the meeting, relative dates, anniversaries.

use super::*;

// ------------------------------------------------------------------ events

pub(super) static DATE_EXPR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:(\d{4})年|(今年|去年|明年|前年))?(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?|(前天|昨天)",
    )
});

pub(super) static HELD: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[,，\s]*(?:在)?(.{2,40}?)在(\p{Han}{2,12}?)(举行|召开|开幕|闭幕|举办)"));

pub(super) static HELD_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\s*(?:在(\p{Han}{2,10}?))?(举行|召开|举办)的([^,，。;；、作为是将的]{2,30})")
});

pub(super) static YEAR_IS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(今年|明年|去年)是([^,，。;；]{2,24}?\d{1,3}周年)|也是([^,，。;；]{2,24}?\d{1,3}周年)")
});

pub(super) fn events(doc: &Doc, anchor: &Anchor, found: &mut Found) {
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
pub(super) fn zh_reason(why: &str) -> String {
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
pub(super) fn clause_what(l: &Line, sa: usize, sb: usize, da: usize, db: usize) -> Option<String> {
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
pub(super) fn clean_place(p: &str) -> (Option<String>, Vec<String>) {
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

pub(super) fn minus_days(y: i32, m: u32, d: u32, back: u32) -> Option<String> {
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
