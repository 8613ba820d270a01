//! The built-in decks are faithful to their source texts (../shared/sources): every list
//! item, document title, official number phrase and cloze sentence stands in the source
//! word for word, where a `*` of the censored source may stand for the restored character,
//! and `……` in a deck string marks a cut.

use quiz::deck::{self, builtin};
use regex::Regex;
use unicode_normalization::UnicodeNormalization;

fn source(prefix: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources");
    let entry = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e} (the source texts live beside the repo)",
                dir.display()
            )
        })
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no source {prefix}* in {}", dir.display()));
    norm(&std::fs::read_to_string(entry.path()).unwrap())
}

/// NFKC (full-width punctuation as half-width), no spaces.
fn norm(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// Whether `piece` stands in `text`, a censored `*` matching any one character.
fn stands_in(piece: &str, text: &str) -> bool {
    let pattern: String = norm(piece)
        .chars()
        .map(|c| format!("(?:{}|\\*)", regex::escape(&c.to_string())))
        .collect();
    Regex::new(&pattern).unwrap().is_match(text)
}

fn check(name: &str, source_prefix: &str) -> Vec<String> {
    let text = source(source_prefix);
    let d = deck::parse(name, builtin::get(name).unwrap()).unwrap();
    let mut strings: Vec<(String, String)> = Vec::new();
    for l in &d.file.lists {
        for i in l.items.get_ref() {
            strings.push((
                format!("list {} item", l.id.get_ref()),
                i.text.get_ref().clone(),
            ));
        }
    }
    for doc in &d.file.documents {
        strings.push((format!("document {}", doc.id.get_ref()), doc.title.clone()));
    }
    for n in &d.file.numbers {
        if let Some(t) = &n.text {
            strings.push((format!("number {}", n.id.get_ref()), t.clone()));
        }
    }
    for z in &d.file.clozes {
        let full: String = z
            .text
            .get_ref()
            .split("{{")
            .map(|p| match p.split_once("}}") {
                Some((gap, rest)) => format!("{}{rest}", gap.split('|').next().unwrap_or("")),
                None => p.to_owned(),
            })
            .collect();
        strings.push((format!("cloze {}", z.id.get_ref()), full));
    }
    let mut missing = Vec::new();
    for (what, s) in strings {
        for piece in s.split("……").map(str::trim).filter(|p| !p.is_empty()) {
            if !stands_in(piece, &text) {
                missing.push(format!("{name}: {what}: 「{piece}」"));
            }
        }
    }
    missing
}

#[test]
fn the_built_in_decks_quote_their_sources_word_for_word() {
    let mut missing = check("sco-fm-2020", "000_");
    missing.extend(check("cc5-xian-2021", "002_"));
    assert!(
        missing.is_empty(),
        "not in the source:\n{}",
        missing.join("\n")
    );
}

/// Every string of a deck a student reads that is not quoted from the source: headings and
/// event descriptions (when not word for word in the source) and every English rendering,
/// as `deck<TAB>field<TAB>text`.
fn composed(name: &str, source_prefix: &str) -> Vec<String> {
    let text = source(source_prefix);
    let value: toml::Value = toml::from_str(builtin::get(name).unwrap()).unwrap();
    let mut out = Vec::new();
    walk(&value, name, &mut out);
    out.retain(|line| {
        let mut cols = line.splitn(3, '\t');
        let (_, field, s) = (cols.next(), cols.next().unwrap(), cols.next().unwrap());
        // Chinese composed strings quoted word for word need no review.
        field.ends_with("en") || !s.split("……").all(|p| stands_in(p, &text))
    });
    out
}

fn walk(v: &toml::Value, path: &str, out: &mut Vec<String>) {
    let Some(t) = v.as_table() else { return };
    for (k, v) in t {
        match v {
            toml::Value::String(s)
                if k == "en" || k.ends_with("_en") || k == "heading" || k == "what" =>
            {
                out.push(format!("{path}\t{k}\t{s}"));
            }
            toml::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let id = item
                        .get("id")
                        .and_then(toml::Value::as_str)
                        .map_or_else(|| (i + 1).to_string(), str::to_owned);
                    walk(item, &format!("{path}/{k}[{id}]"), out);
                }
            }
            toml::Value::Table(_) => walk(v, &format!("{path}/{k}"), out),
            _ => {}
        }
    }
}

/// Composed strings (headings, event descriptions, English renderings) cannot be checked
/// against the source word for word: each was read against the source and entered in
/// tests/fixtures/reviewed-composed.tsv. A new or changed one fails here until it is
/// reviewed and entered; an entry no deck uses any more fails too.
#[test]
fn every_composed_string_has_been_reviewed() {
    let mut now = composed("sco-fm-2020", "000_");
    now.extend(composed("cc5-xian-2021", "002_"));
    let table = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/reviewed-composed.tsv"),
    )
    .unwrap();
    let reviewed: std::collections::BTreeSet<&str> = table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    let now_set: std::collections::BTreeSet<&str> = now.iter().map(String::as_str).collect();
    let unreviewed: Vec<&&str> = now_set.difference(&reviewed).collect();
    let stale: Vec<&&str> = reviewed.difference(&now_set).collect();
    assert!(
        unreviewed.is_empty() && stale.is_empty(),
        "not reviewed:\n{}\n\nno longer in a deck:\n{}",
        unreviewed
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
        stale
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
