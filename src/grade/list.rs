//! Whole-list recall, scored item by item.
//!
//! The answer is split on 、 , ; (either width) and new lines. Each given part is matched to at
//! most one item, and each item to at most one part: first the parts equal to an item after
//! normalisation, then the closest accepted pairs, best first. A part that is another list's
//! item (another meeting's wording) is never counted for this list, even when the deck accepts
//! it as an alternative: it is shown with whose wording it is.
//!
//! **The score.** The shortfall is the number of items not named plus the number of penalised
//! extras (a part that names no item of the list). Then:
//!
//! | shortfall | verdict | rating |
//! |---|---|---|
//! | 0, every item right | correct | Good |
//! | 0, some item only almost (a slip) | almost | Hard |
//! | 1, on a list of four or more items | almost | Hard |
//! | anything else | wrong | Again |
//!
//! So half a list never passes, a closed four-item list with a fifth item added is Hard, not
//! Good, and a three-item list padded with a fourth is wrong. On an open list (one the text
//! ends with 等) an extra that is an item of the same kind from the same meeting is true of
//! the list too: it is shown, and not penalised. Naming an item twice is shown and not
//! penalised (it names nothing new).

use std::collections::HashMap;

use super::lexicon::Lexicon;
use super::normalize::{Forms, join, key_tokens};
use super::{Ask, Outcome, Step, Verdict, Wording, compare};

/// How one item of the list was answered.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ItemResult {
    /// The item as shown (its first accepted form).
    pub item: String,
    /// The part of the answer that named it; `None` when it is missing.
    pub given: Option<String>,
    /// Correct or almost when named; wrong when missing.
    pub verdict: Verdict,
    /// The grading step that matched it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<Step>,
    /// The difference, for an item named with a slip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
}

/// A part of the answer that names no item of the list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Extra {
    /// The part as typed.
    pub given: String,
    /// Whose wording it is, when it is another list's item (`上合组织成员国外长理事会会议`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub whose: Option<String>,
    /// Why it is not counted, in words: `another list's item`, `not in the list`,
    /// `named twice`, `true of the list too`, or the nearest item with the difference.
    pub why: String,
    /// Whether it counts against the score.
    pub penalised: bool,
}

/// The grading of a whole list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ListGraded {
    pub verdict: Verdict,
    /// Items named (correct or almost).
    pub found: usize,
    pub total: usize,
    /// Items not named plus penalised extras.
    pub shortfall: usize,
    /// Every item of the list, in the list's order.
    pub items: Vec<ItemResult>,
    /// Parts of the answer that name no item, in the order typed.
    pub extras: Vec<Extra>,
}

impl ListGraded {
    /// The shown forms of the items not named.
    pub fn missing(&self) -> Vec<String> {
        self.items
            .iter()
            .filter(|i| i.given.is_none())
            .map(|i| i.item.clone())
            .collect()
    }
}

/// A candidate match: (rank, part, item, outcome).
type Pair = ((u8, u8, u32), usize, usize, Outcome);

/// The score of a list from its counts: see the module documentation.
pub fn score(total: usize, found: usize, penalised: usize, all_exact: bool) -> Verdict {
    let shortfall = total.saturating_sub(found) + penalised;
    match shortfall {
        _ if total == 0 => Verdict::Wrong,
        0 if all_exact => Verdict::Correct,
        0 => Verdict::Almost,
        1 if total >= 4 => Verdict::Almost,
        _ => Verdict::Wrong,
    }
}

/// A list prepared for grading: every accepted form of every item normalised once. Build it
/// once per question and grade any number of answers with it.
pub struct PreparedList {
    items: Vec<Vec<Forms>>,
    shown: Vec<String>,
    closed: bool,
    /// Normalised accepted form → items it belongs to.
    exact: HashMap<String, Vec<usize>>,
    /// Normalised wording of another list → that wording.
    others: HashMap<String, Wording>,
    /// The normalised shown forms of the items: never another's wording.
    own: std::collections::HashSet<String>,
}

impl PreparedList {
    /// `items` are the accepted forms of each item (the first is shown); `closed` is false for a
    /// list the text ends with 等; `others` are the items of other lists (see [`Wording`]).
    /// A wording of `others` that is an item's own shown form is this list's too and is
    /// dropped.
    pub fn new(
        items: &[Vec<String>],
        closed: bool,
        others: &[Wording],
        lex: &Lexicon,
    ) -> PreparedList {
        let forms: Vec<Vec<Forms>> = items
            .iter()
            .map(|accepted| accepted.iter().map(|a| Forms::new(a, lex)).collect())
            .collect();
        let mut exact: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, fs) in forms.iter().enumerate() {
            for f in fs.iter().filter(|f| !f.alias.is_empty()) {
                let v = exact.entry(f.alias.clone()).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
        let own: std::collections::HashSet<String> = forms
            .iter()
            .filter_map(|fs| fs.first())
            .map(|f| f.alias.clone())
            .collect();
        let mut other_map = HashMap::new();
        for w in others {
            let key = join(&lex.apply(key_tokens(&w.text)));
            if !key.is_empty() && !own.contains(&key) {
                other_map.entry(key).or_insert_with(|| w.clone());
            }
        }
        PreparedList {
            items: forms,
            shown: items
                .iter()
                .map(|a| a.first().cloned().unwrap_or_default())
                .collect(),
            closed,
            exact,
            others: other_map,
            own,
        }
    }

    /// Grades one answer. Never panics, whatever the input.
    pub fn grade(&self, given: &str, lex: &Lexicon) -> ListGraded {
        self.grade_with(given, lex, &|_| None)
    }

    /// Grades one answer, looking up the normalised form of each part that is not one of this
    /// list's shown forms in `more` as well as in the wordings given to [`PreparedList::new`]:
    /// a caller with many lists keeps one index of their wordings instead of passing them all.
    pub fn grade_with(
        &self,
        given: &str,
        lex: &Lexicon,
        more: &dyn Fn(&str) -> Option<Wording>,
    ) -> ListGraded {
        let parts: Vec<&str> = split(given, &|p| {
            self.exact
                .contains_key(join(&lex.apply(key_tokens(p))).as_str())
        });
        let n = self.items.len();
        let mut named: Vec<Option<(usize, Outcome)>> = (0..n).map(|_| None).collect();
        // Each part's normalised form first (cheaper than all the stages of `Forms`): most
        // parts are an item as written, another list's item, or a repeat.
        let keys: Vec<String> = parts
            .iter()
            .map(|p| join(&lex.apply(key_tokens(p))))
            .collect();
        // What became of each part: an item, or an extra.
        let mut fate: Vec<Option<Extra>> = vec![None; parts.len()];
        let mut placed = vec![false; parts.len()];
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (p, part) in parts.iter().enumerate() {
            let key = keys[p].as_str();
            if let Some(&first) = seen.get(key) {
                fate[p] = Some(Extra {
                    given: (*part).to_owned(),
                    whose: None,
                    why: crate::t!("list.named_twice", first = parts[first]),
                    penalised: false,
                });
                placed[p] = true;
                continue;
            } else if !key.is_empty() {
                seen.insert(key, p);
            }
            let other = match self.others.get(key) {
                Some(w) => Some(w.clone()),
                None if !key.is_empty() && !self.own.contains(key) => more(key),
                None => None,
            };
            if let Some(w) = other {
                let excused = w.also_true && !self.closed;
                fate[p] = Some(Extra {
                    given: (*part).to_owned(),
                    whose: Some(w.whose.clone()),
                    why: if excused {
                        crate::t!("list.also_true", whose = w.whose)
                    } else {
                        crate::t!("grade.wording_of", whose = w.whose)
                    },
                    penalised: !excused,
                });
                placed[p] = true;
            }
        }
        // Equal after normalisation: the first item not yet named. The step that decided is
        // worked out only when the part is not the accepted form as written.
        for (p, part) in parts.iter().enumerate() {
            if placed[p] {
                continue;
            }
            if let Some(cands) = self.exact.get(&keys[p])
                && let Some(&i) = cands.iter().find(|&&i| named[i].is_none())
            {
                let out = if self.items[i].iter().any(|e| e.raw == *part) {
                    Outcome::new(Verdict::Correct, Step::Exact, None, 0)
                } else {
                    self.best(i, &Forms::new(part, lex), lex)
                };
                named[i] = Some((p, out));
                placed[p] = true;
            }
        }
        let part_forms: Vec<Option<Forms>> = parts
            .iter()
            .enumerate()
            .map(|(p, part)| (!placed[p]).then(|| Forms::new(part, lex)))
            .collect();
        // The closest accepted pairs, best first; for the rest, the nearest wrong item.
        let mut pairs: Vec<Pair> = Vec::new();
        let mut nearest: Vec<Option<(usize, Outcome)>> = (0..parts.len()).map(|_| None).collect();
        for (p, g) in part_forms.iter().enumerate() {
            let Some(g) = g else {
                continue;
            };
            for i in (0..n).filter(|&i| named[i].is_none()) {
                let out = self.best(i, g, lex);
                if out.verdict == Verdict::Wrong {
                    if out.step == Step::EditDistance
                        && nearest[p]
                            .as_ref()
                            .is_none_or(|(_, o)| out.rank() < o.rank())
                    {
                        nearest[p] = Some((i, out));
                    }
                } else {
                    pairs.push((out.rank(), p, i, out));
                }
            }
        }
        pairs.sort_by_key(|(r, p, i, _)| (*r, *p, *i));
        for (_, p, i, out) in pairs {
            if !placed[p] && named[i].is_none() {
                named[i] = Some((p, out));
                placed[p] = true;
            }
        }
        for (p, part) in parts.iter().enumerate() {
            if placed[p] {
                continue;
            }
            let why = match &nearest[p] {
                Some((i, o)) => crate::t!(
                    "list.not_in_list_nearest",
                    nearest = self.shown[*i],
                    diff = o
                        .diff
                        .as_deref()
                        .map(|d| format!(", {d}"))
                        .unwrap_or_default()
                ),
                None => crate::t!("list.not_in_list"),
            };
            fate[p] = Some(Extra {
                given: (*part).to_owned(),
                whose: None,
                why,
                penalised: true,
            });
        }
        let items: Vec<ItemResult> = named
            .into_iter()
            .enumerate()
            .map(|(i, m)| match m {
                Some((p, out)) => ItemResult {
                    item: self.shown[i].clone(),
                    given: Some(parts[p].to_owned()),
                    verdict: out.verdict,
                    step: Some(out.step),
                    diff: out.diff,
                },
                None => ItemResult {
                    item: self.shown[i].clone(),
                    given: None,
                    verdict: Verdict::Wrong,
                    step: None,
                    diff: None,
                },
            })
            .collect();
        let extras: Vec<Extra> = fate.into_iter().flatten().collect();
        let found = items.iter().filter(|i| i.given.is_some()).count();
        let penalised = extras.iter().filter(|e| e.penalised).count();
        let all_exact = items.iter().all(|i| i.verdict == Verdict::Correct);
        ListGraded {
            verdict: score(n, found, penalised, all_exact),
            found,
            total: n,
            shortfall: n - found + penalised,
            items,
            extras,
        }
    }

    /// The best outcome of `g` against item `i`'s accepted forms.
    fn best(&self, i: usize, g: &Forms, lex: &Lexicon) -> Outcome {
        let ask = Ask::default();
        let mut best: Option<Outcome> = None;
        for e in &self.items[i] {
            let out = compare(e, g, &ask, lex);
            let done = out.verdict == Verdict::Correct;
            if best.as_ref().is_none_or(|b| out.rank() < b.rank()) {
                best = Some(out);
            }
            if done {
                break;
            }
        }
        best.unwrap_or_else(|| Outcome::new(Verdict::Wrong, Step::NoMatch, None, u32::MAX))
    }
}

/// Grades a whole list in one call: [`PreparedList::new`] then [`PreparedList::grade`].
pub fn grade_list(
    items: &[Vec<String>],
    closed: bool,
    others: &[Wording],
    given: &str,
    lex: &Lexicon,
) -> ListGraded {
    PreparedList::new(items, closed, others, lex).grade(given, lex)
}

/// Separators of a list answer, strongest first: items themselves contain the weaker ones
/// (开展疫苗研发、生产和采购合作). `，` is U+FF0C, `；` U+FF1B.
const SEPARATORS: [&[char]; 3] = [&[';', '\u{ff1b}', '\n', '\r'], &[',', '\u{ff0c}'], &['、']];

/// The parts of a list answer, trimmed: split on the strongest separators first, and a part
/// is split further on weaker ones only when it is not, as a whole, one of the list's own
/// forms (`is_item`, by normalised form). So `甲、乙；丙` and `开展疫苗研发、生产和采购合作；…`
/// both read as the student meant.
fn split<'a>(given: &'a str, is_item: &dyn Fn(&str) -> bool) -> Vec<&'a str> {
    fn go<'a>(s: &'a str, level: usize, is_item: &dyn Fn(&str) -> bool, out: &mut Vec<&'a str>) {
        let s = s.trim();
        if s.is_empty() {
            return;
        }
        match SEPARATORS.get(level) {
            Some(seps) if !is_item(s) => {
                for part in s.split(*seps) {
                    go(part, level + 1, is_item, out);
                }
            }
            _ => out.push(s),
        }
    }
    let mut out = Vec::new();
    go(given, 0, is_item, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_keep_the_weaker_separators_they_contain() {
        let own = |p: &str| p == "开展疫苗研发、生产和采购合作" || p == "乙、丙";
        assert_eq!(
            split(
                "加强国际抗疫合作；开展疫苗研发、生产和采购合作；合力开展中医药合作",
                &own
            ),
            [
                "加强国际抗疫合作",
                "开展疫苗研发、生产和采购合作",
                "合力开展中医药合作"
            ]
        );
        assert_eq!(split("甲，乙、丙，丁", &own), ["甲", "乙、丙", "丁"]);
        assert_eq!(split(" 甲、乙、丁 ", &own), ["甲", "乙", "丁"]);
        assert_eq!(split("甲、乙;丙,丁", &own), ["甲", "乙", "丙", "丁"]);
    }

    fn items(v: &[&[&str]]) -> Vec<Vec<String>> {
        v.iter()
            .map(|i| i.iter().map(|s| (*s).to_owned()).collect())
            .collect()
    }

    #[test]
    fn the_score_rule() {
        assert_eq!(score(4, 4, 0, true), Verdict::Correct);
        assert_eq!(score(4, 4, 0, false), Verdict::Almost);
        assert_eq!(score(4, 3, 0, true), Verdict::Almost);
        assert_eq!(score(4, 4, 1, true), Verdict::Almost);
        assert_eq!(score(4, 2, 0, true), Verdict::Wrong);
        assert_eq!(score(3, 3, 1, true), Verdict::Wrong);
        assert_eq!(score(3, 2, 0, true), Verdict::Wrong);
        assert_eq!(score(0, 0, 0, true), Verdict::Wrong);
    }

    #[test]
    fn extras_are_shown_and_penalised() {
        let lex = Lexicon::builtin();
        let list = items(&[&["上海合作组织"], &["联合国"], &["亚信"]]);
        let r = grade_list(&list, false, &[], "SCO;UN;亚信;金砖国家", &lex);
        assert_eq!((r.verdict, r.found, r.shortfall), (Verdict::Wrong, 3, 1));
        assert_eq!(r.extras.len(), 1);
        assert_eq!(r.extras[0].given, "金砖国家");
        assert!(r.extras[0].penalised);
    }

    #[test]
    fn another_lists_wording_is_named() {
        let lex = Lexicon::builtin();
        let list = items(&[&["维护地区安全稳定"], &["团结抗击疫情", "推动国际抗疫合作"]]);
        let others = vec![Wording {
            text: "推动国际抗疫合作".into(),
            whose: "上合组织外长理事会会议".into(),
            also_true: false,
        }];
        let r = grade_list(
            &list,
            true,
            &others,
            "维护地区安全稳定、推动国际抗疫合作",
            &lex,
        );
        assert_eq!(r.verdict, Verdict::Wrong);
        assert_eq!(r.missing(), vec!["团结抗击疫情".to_owned()]);
        assert_eq!(r.extras[0].whose.as_deref(), Some("上合组织外长理事会会议"));
    }
}
