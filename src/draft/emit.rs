//! The draft as a deck file in the existing format (docs/deck-format.md). Written by hand
//! rather than through serde so that every doubtful fact can carry `# REVIEW:` comments;
//! the result is parsed back by the deck validator before it is returned.

use std::fmt::Write as _;

use super::input::Page;
use super::text::Doc;
use super::{Drafted, Fact, Found, Options};

/// A TOML basic string.
pub(crate) fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A comment line's text: one line, no control characters.
fn comment(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn opt(out: &mut String, key: &str, v: Option<&str>) {
    if let Some(v) = v.filter(|v| !v.trim().is_empty()) {
        let _ = writeln!(out, "{key} = {}", q(v));
    }
}

fn part(d: &Drafted, html: bool) -> String {
    let p = if html { "¶" } else { "L" };
    if d.lines.0 == d.lines.1 {
        format!("{p}{}", d.lines.0)
    } else {
        format!("{p}{}-{p}{}", d.lines.0, d.lines.1)
    }
}

fn first_chars(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    }
}

pub(crate) fn render(
    doc: &Doc,
    page: &Page,
    found: &Found,
    opts: &Options,
    english: bool,
) -> String {
    let mut out = String::new();
    let origin = if opts.origin.is_empty() {
        "-"
    } else {
        &opts.origin
    };
    let file_name = std::path::Path::new(origin)
        .file_name()
        .map_or(origin.to_owned(), |n| n.to_string_lossy().into_owned());
    let id = opts
        .id
        .clone()
        .unwrap_or_else(|| super::id_from_name(&file_name));
    let review_n = found.facts.iter().filter(|d| !d.review.is_empty()).count();
    let _ = writeln!(
        out,
        "# Draft deck made by `quiz draft-deck` from {}.",
        comment(&file_name)
    );
    out.push_str(
        "# Check every fact, above all those under a `# REVIEW:` comment, then edit this file:\n\
         # a new draft would not keep your corrections. `part` gives the lines of the article\n\
         # (as read; ¶ = text block of an HTML page). Format: docs/deck-format.md.\n",
    );
    let _ = writeln!(
        out,
        "# {} facts drafted, {} marked for review, {} noise lines dropped{}.",
        found.facts.len(),
        review_n,
        doc.noise,
        if doc.pinyin > 0 {
            format!(", {} pinyin annotations removed", doc.pinyin)
        } else {
            String::new()
        }
    );
    let mut source_review = Vec::new();
    for r in &found.remarks {
        let _ = writeln!(out, "# REVIEW (article): {}", comment(r));
    }

    // ---- [deck]
    let mut title_review = None;
    let title = match &found.title {
        Some(t) if !t.trim().is_empty() => first_chars(t.trim(), 120),
        _ => {
            title_review = Some("no title in the article: made from its first sentence");
            let first = doc
                .lines
                .first()
                .map(|l| {
                    let (a, b) = l
                        .sentences()
                        .first()
                        .copied()
                        .unwrap_or((0, l.shadow.len()));
                    l.out(a, b)
                })
                .unwrap_or_default();
            let first = strip_dateline(&first);
            first_chars(first.trim(), 40)
        }
    };
    let title = if title.trim().is_empty() {
        "Draft".to_owned()
    } else {
        title
    };
    out.push('\n');
    if let Some(r) = title_review {
        let _ = writeln!(out, "# REVIEW: {r}");
    }
    out.push_str("[deck]\n");
    let _ = writeln!(out, "id = {}", q(&id));
    let _ = writeln!(out, "title = {}", q(&title));
    let _ = writeln!(
        out,
        "description = {}",
        q(&format!(
            "Draft from {file_name} (quiz draft-deck); to be checked"
        ))
    );
    let _ = writeln!(out, "language = {}", q(if english { "en" } else { "zh" }));

    // ---- [[source]]
    let (date, date_note) = match &found.date {
        Some((d, inferred, why)) if *inferred => (
            d.clone(),
            Some(if english {
                format!("year inferred from {why}")
            } else {
                format!("年份据{why}推定")
            }),
        ),
        Some((d, _, _)) => (d.clone(), None),
        None => {
            source_review.push("no date in the article: set to the year it was drafted".to_owned());
            (format!("{:04}", opts.year.unwrap_or(2000)), None)
        }
    };
    if found.date.as_ref().is_some_and(|d| d.1) {
        source_review.push("the source's year is inferred".to_owned());
    }
    let publisher = found
        .publisher
        .clone()
        .filter(|p| !p.trim().is_empty())
        .unwrap_or_else(|| {
            source_review.push("no publisher in the article".to_owned());
            if english { "unknown" } else { "未注明" }.to_owned()
        });
    out.push('\n');
    for r in &source_review {
        let _ = writeln!(out, "# REVIEW: {r}");
    }
    out.push_str("[[source]]\nid = \"src\"\n");
    let _ = writeln!(out, "title = {}", q(&title));
    let _ = writeln!(out, "publisher = {}", q(&publisher));
    let _ = writeln!(out, "date = {}", q(&date));
    let _ = writeln!(
        out,
        "url = {}",
        q(page.url.as_deref().unwrap_or(&file_name))
    );
    opt(&mut out, "note", date_note.as_deref());

    // ---- [[context]]: the meeting the article is about, else the article itself.
    let meeting = found.facts.iter().find_map(|d| match &d.fact {
        Fact::Event(e) if e.meeting => Some(e),
        _ => None,
    });
    out.push_str("\n[[context]]\nid = \"main\"\n");
    match meeting {
        Some(e) => {
            let when = human_date(&e.date, english);
            let name = match (&e.place, english) {
                (Some(p), false) => format!("{}({when},{p})", e.what),
                (Some(p), true) => format!("{}, {p}, {when}", e.what),
                (None, false) => format!("{}({when})", e.what),
                (None, true) => format!("{}, {when}", e.what),
            };
            let _ = writeln!(out, "name = {}", q(&name));
            let _ = writeln!(out, "date = {}", q(&e.date));
            opt(&mut out, "place", e.place.as_deref());
        }
        None => {
            let when = human_date(&date, english);
            let name = if english {
                format!("{}, {when}", first_chars(&title, 60))
            } else {
                format!("{}({when})", first_chars(&title, 40))
            };
            let _ = writeln!(out, "name = {}", q(&name));
            let _ = writeln!(out, "date = {}", q(&date));
        }
    }

    // ---- facts, kind by kind
    let html = page.html;
    for kind in 0..7 {
        let mut n = 0;
        for d in found.facts.iter().filter(|d| kind_of(&d.fact) == kind) {
            n += 1;
            out.push('\n');
            for r in &d.review {
                let _ = writeln!(out, "# REVIEW: {}", comment(r));
            }
            fact(&mut out, d, n, html);
        }
    }
    out
}

fn kind_of(f: &Fact) -> usize {
    match f {
        Fact::List(_) => 0,
        Fact::Event(_) => 1,
        Fact::Number(_) => 2,
        Fact::Document(_) => 3,
        Fact::Person(_) => 4,
        Fact::Term(_) => 5,
        Fact::Cloze(_) => 6,
    }
}

fn common(out: &mut String, table: &str, id: String, d: &Drafted, html: bool) {
    let _ = writeln!(out, "[[{table}]]");
    let _ = writeln!(out, "id = {}", q(&id));
    out.push_str("source = \"src\"\n");
    let _ = writeln!(out, "part = {}", q(&part(d, html)));
}

fn fact(out: &mut String, d: &Drafted, i: usize, html: bool) {
    match &d.fact {
        Fact::List(l) => {
            common(out, "list", format!("l{i:02}"), d, html);
            let _ = writeln!(out, "heading = {}", q(&l.heading));
            opt(out, "noun", l.noun.as_deref());
            if let Some(c) = l.count {
                let _ = writeln!(out, "count = {c}");
            }
            let _ = writeln!(out, "ordered = {}", l.ordered);
            let _ = writeln!(out, "closed = {}", l.closed);
            for it in &l.items {
                out.push_str("\n[[list.item]]\n");
                let _ = writeln!(out, "text = {}", q(&it.text));
                if let Some(k) = it.key.as_deref().filter(|k| *k != it.text) {
                    opt(out, "key", Some(k));
                }
            }
        }
        Fact::Event(e) => {
            common(out, "event", format!("ev{i:02}"), d, html);
            opt(out, "note", e.note.as_deref());
            let _ = writeln!(out, "date = {}", q(&e.date));
            if e.inferred {
                out.push_str("date_inferred = true\n");
            }
            opt(out, "date_text", e.date_text.as_deref());
            opt(out, "place", e.place.as_deref());
            if !e.place_accept.is_empty() {
                let v: Vec<String> = e.place_accept.iter().map(|s| q(s)).collect();
                let _ = writeln!(out, "place_accept = [{}]", v.join(", "));
            }
            opt(out, "who", e.who.as_deref());
            let _ = writeln!(out, "what = {}", q(&e.what));
        }
        Fact::Number(x) => {
            common(out, "number", format!("n{i:02}"), d, html);
            if x.value.fract() == 0.0 && x.value.abs() < 1e15 {
                let _ = writeln!(out, "value = {}", x.value as i64);
            } else {
                let _ = writeln!(out, "value = {}", x.value);
            }
            let _ = writeln!(out, "unit = {}", q(&x.unit));
            let _ = writeln!(out, "counts = {}", q(&x.counts));
            opt(out, "qualifier", x.qualifier.as_deref());
            opt(out, "text", Some(&x.text));
        }
        Fact::Document(x) => {
            common(out, "document", format!("doc{i:02}"), d, html);
            let _ = writeln!(out, "title = {}", q(&x.title));
            let _ = writeln!(out, "genre = {}", q(&x.genre));
            let _ = writeln!(out, "verb = {}", q(&x.verb));
            opt(out, "by", x.by.as_deref());
        }
        Fact::Person(p) => {
            common(out, "person", format!("p{i:02}"), d, html);
            let _ = writeln!(out, "name = {}", q(&p.name));
            let _ = writeln!(out, "title = {}", q(&p.title));
            opt(out, "role", p.role.as_deref());
        }
        Fact::Term(t) => {
            common(out, "term", format!("t{i:02}"), d, html);
            let _ = writeln!(out, "term = {}", q(&t.term));
            let _ = writeln!(out, "denotes = {}", q(&t.denotes));
        }
        Fact::Cloze(c) => {
            common(out, "cloze", format!("c{i:02}"), d, html);
            let _ = writeln!(out, "text = {}", q(&c.text));
        }
    }
}

/// `2020-09-16` as `2020年9月16日` (or `16 September 2020`).
fn human_date(d: &str, english: bool) -> String {
    match crate::dates::FactDate::parse(d) {
        Some(f) if english => f.en(),
        Some(f) => f.zh(),
        None => d.to_owned(),
    }
}

/// `新华社北京9月16日电9月16日,王毅…` → `9月16日,王毅…`.
fn strip_dateline(s: &str) -> String {
    match s.find("日电") {
        Some(i) if s[..i].contains('社') && i < 40 => s[i + "日电".len()..].to_owned(),
        _ => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_strings_are_escaped() {
        assert_eq!(q("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"");
        let v: toml::Value = toml::from_str(&format!("x = {}", q("“引号”\"\\\u{7f}"))).unwrap();
        assert_eq!(v["x"].as_str(), Some("“引号”\"\\\u{7f}"));
    }

    #[test]
    fn dates_for_people() {
        assert_eq!(human_date("2021-05-12", false), "2021年5月12日");
        assert_eq!(human_date("2021-05", true), "May 2021");
    }
}
