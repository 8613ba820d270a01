//! How good a draft is, measured against a deck written by hand for the same article: the
//! figures `scripts/draft-eval` prints and the tests hold the drafter to.
//!
//! A list of the deck is *found* when one drafted list holds at least 90% of its items
//! (worded as in the text: an item matches when, after normalisation, one wording contains
//! the other and they are of comparable length) and the right count (for a list that ends in
//! 等, an open list or a count no smaller than its items).

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::deck::{self, DeckFile};

/// The figures for one draft.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub deck_lists: usize,
    pub lists_found: usize,
    pub deck_items: usize,
    pub items_found: usize,
    /// Fact tables in the draft, and those under a `# REVIEW:` comment.
    pub facts: usize,
    pub review: usize,
    /// Facts of the draft that match no fact of the deck (a rough measure of precision).
    pub drafted_items: usize,
    pub drafted_items_matched: usize,
    pub deck_events: usize,
    pub events_found: usize,
    /// The deck's first event with a place: found with the same date and place.
    pub meeting: Option<bool>,
    pub noise_lines: usize,
    pub noise_leaked: usize,
    /// Per list of the deck: id, items matched, items, count right.
    pub lists: Vec<(String, usize, usize, bool)>,
}

static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+|[一二三四五六七八九十]+、|这是一次致力于|两国应)")
        .expect("static regex")
});

/// Simplified, without punctuation, spaces or an ordinal prefix.
pub fn norm(s: &str) -> String {
    let s = super::text::to_simplified(s);
    let s: String = s
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    ORDINAL.replace(&s, "").into_owned()
}

fn item_match(d: &[String], k: &[String]) -> bool {
    let n = |s: &str| s.chars().count();
    d.iter().filter(|x| !x.is_empty()).any(|d| {
        k.iter().filter(|x| !x.is_empty()).any(|k| {
            d == k
                || (d.contains(k.as_str()) && n(d) <= 2 * n(k) + 4)
                || (k.contains(d.as_str()) && 2 * n(d) >= n(k) && n(d) >= 2)
        })
    })
}

/// Compares a draft with a deck; `noise` are the article's noise lines, which must not
/// appear in the draft, and `body` the article's other lines (a noise line whose words also
/// stand in the body, such as a site label `哈萨克斯坦`, cannot be told apart and is not
/// counted).
pub fn compare(
    draft: &str,
    reference: &str,
    noise: &[String],
    body: &str,
) -> Result<Figures, String> {
    let d = deck::parse("draft", draft).map_err(|e| e.to_string())?.file;
    let r = deck::parse("deck", reference)
        .map_err(|e| e.to_string())?
        .file;
    let mut f = Figures::default();
    count_facts(draft, &mut f);
    lists(&d, &r, &mut f);
    events(&d, &r, &mut f);
    let whole = norm(draft);
    let body = norm(body);
    f.noise_lines = noise.len();
    f.noise_leaked = noise
        .iter()
        .map(|l| norm(l))
        .filter(|l| l.chars().count() >= 2)
        .filter(|l| {
            let probe: String = l.chars().take(8).collect();
            whole.contains(&probe) && !body.contains(&probe)
        })
        .count();
    Ok(f)
}

fn count_facts(draft: &str, f: &mut Figures) {
    const FACTS: &[&str] = &[
        "[[list]]",
        "[[event]]",
        "[[number]]",
        "[[term]]",
        "[[document]]",
        "[[person]]",
        "[[qa]]",
        "[[cloze]]",
    ];
    let mut pending = false;
    for line in draft.lines() {
        let t = line.trim();
        if t.starts_with("# REVIEW:") {
            pending = true;
        } else if FACTS.contains(&t) {
            f.facts += 1;
            if pending {
                f.review += 1;
            }
            pending = false;
        } else if t.starts_with('[') {
            pending = false;
        }
    }
}

fn forms(text: &str, key: Option<&str>) -> Vec<String> {
    let mut v = vec![norm(text)];
    if let Some(k) = key {
        v.push(norm(k));
    }
    v
}

fn lists(d: &DeckFile, r: &DeckFile, f: &mut Figures) {
    let drafted: Vec<Vec<Vec<String>>> = d
        .lists
        .iter()
        .map(|l| {
            l.items
                .get_ref()
                .iter()
                .map(|i| forms(i.text.get_ref(), i.key.as_deref()))
                .collect()
        })
        .collect();
    let mut matched_drafted: HashSet<(usize, usize)> = HashSet::new();
    for l in &r.lists {
        let items: Vec<Vec<String>> = l
            .items
            .get_ref()
            .iter()
            .map(|i| forms(i.text.get_ref(), i.key.as_deref()))
            .collect();
        f.deck_lists += 1;
        f.deck_items += items.len();
        // The drafted list that holds most of this list's items.
        let mut best = (0usize, None::<usize>);
        for (di, dl) in drafted.iter().enumerate() {
            let mut used = HashSet::new();
            let mut m = 0;
            for k in &items {
                if let Some(j) = (0..dl.len()).find(|j| !used.contains(j) && item_match(&dl[*j], k))
                {
                    used.insert(j);
                    m += 1;
                }
            }
            if m > best.0 {
                best = (m, Some(di));
            }
        }
        let (m, di) = best;
        let count_ok = di.is_some_and(|di| {
            let dl = &d.lists[di];
            let dn = dl.items.get_ref().len() as u32;
            let dc = dl.count.as_ref().map(|c| *c.get_ref());
            match (l.closed, l.count.as_ref().map(|c| *c.get_ref())) {
                (true, Some(n)) => dc == Some(n) && dl.closed,
                _ => !dl.closed || dc.is_some_and(|c| c >= dn),
            }
        });
        if let Some(di) = di {
            let dl = &drafted[di];
            for k in &items {
                if let Some(j) = (0..dl.len()).find(|j| item_match(&dl[*j], k)) {
                    matched_drafted.insert((di, j));
                }
            }
        }
        f.items_found += m;
        let ok = m * 10 >= items.len() * 9 && count_ok;
        if ok {
            f.lists_found += 1;
        }
        f.lists
            .push((l.id.get_ref().clone(), m, items.len(), count_ok));
    }
    f.drafted_items = drafted.iter().map(Vec::len).sum();
    f.drafted_items_matched = matched_drafted.len();
}

fn events(d: &DeckFile, r: &DeckFile, f: &mut Figures) {
    f.deck_events = r.events.len();
    f.events_found = r
        .events
        .iter()
        .filter(|e| {
            d.events
                .iter()
                .any(|x| x.date.get_ref() == e.date.get_ref())
        })
        .count();
    if let Some(e) = r.events.iter().find(|e| e.place.is_some()) {
        let place = norm(e.place.as_deref().unwrap_or(""));
        f.meeting = Some(d.events.iter().any(|x| {
            x.date.get_ref() == e.date.get_ref()
                && x.place.as_deref().is_some_and(|p| {
                    let p = norm(p);
                    p.contains(&place) || place.contains(&p)
                })
        }));
    }
}

impl Figures {
    /// The figures as lines of text.
    pub fn report(&self) -> String {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                100.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        let mut s = format!(
            "lists found: {}/{} ({:.0}%) — at least 90% of the items worded as in the text and the right count\n\
             items found: {}/{} ({:.0}%)\n\
             drafted list items that are items of the deck: {}/{} ({:.0}%)\n\
             facts drafted: {}, marked for review: {} ({:.0}%)\n\
             events of the deck with their date drafted: {}/{}\n",
            self.lists_found,
            self.deck_lists,
            pct(self.lists_found, self.deck_lists),
            self.items_found,
            self.deck_items,
            pct(self.items_found, self.deck_items),
            self.drafted_items_matched,
            self.drafted_items,
            pct(self.drafted_items_matched, self.drafted_items),
            self.facts,
            self.review,
            pct(self.review, self.facts),
            self.events_found,
            self.deck_events,
        );
        if let Some(m) = self.meeting {
            s.push_str(&format!(
                "the meeting's date and place: {}\n",
                if m { "found" } else { "not found" }
            ));
        }
        s.push_str(&format!(
            "noise lines leaked: {}/{}\n",
            self.noise_leaked, self.noise_lines
        ));
        for (id, m, n, c) in &self.lists {
            let mark = if m * 10 >= n * 9 && *c {
                "ok  "
            } else {
                "MISS"
            };
            s.push_str(&format!(
                "  {mark} {id}: {m}/{n} items{}\n",
                if *c { "" } else { ", count differs" }
            ));
        }
        s
    }
}
