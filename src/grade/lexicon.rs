//! The alias lexicon: sets of names that mean the same thing (上合组织 = 上海合作组织 = SCO), plus
//! the two lists the grader uses to stay strict: opposite words (多边主义 / 单边主义) and groups of
//! confusable names (健康丝路 / 数字丝绸之路 / 平安丝路), where a student who swaps one for another
//! has named a different fact, however small the edit.
//!
//! Every entry goes through the same normalisation as an answer (so traditional characters,
//! width, case, numerals and spacing never matter), and answers are rewritten by replacing each
//! alias with its set's first member, leftmost-longest, on whole tokens: an English key matches
//! whole words only, so `un` never fires inside `unilateralism`.

use std::collections::HashMap;

use super::builtin;
use super::normalize::{Tok, join, key_tokens};

/// Alias sets plus the opposite and confusable lists. Build it once ([`Lexicon::builtin`]) and
/// share it: grading only reads it.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// The sets as given, merged where they share a member; the first member is canonical.
    sets: Vec<Vec<String>>,
    /// First token of a key → (key, set index), longest key first.
    index: HashMap<Tok, Vec<(Vec<Tok>, usize)>>,
    /// Normalised member → set index.
    members: HashMap<Vec<Tok>, usize>,
    canonical: Vec<Vec<Tok>>,
    /// Joined canonical form → set index, to show a canonical form in the answer's language.
    by_canonical: HashMap<String, usize>,
    /// Opposite pairs, normalised through the aliases, both directions.
    pub(crate) opposites: Vec<(String, String)>,
    /// Groups of confusable names, normalised through the aliases.
    pub(crate) confusables: Vec<Vec<String>>,
    /// Title words that may stand with a name in a who-answer, normalised through the aliases.
    pub(crate) titles: Vec<String>,
}

impl Lexicon {
    /// The built-in lexicon of diplomatic names, country short forms, British/American spellings
    /// handled by rule, opposite words and confusable initiative names.
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon {
            sets: Vec::new(),
            index: HashMap::new(),
            members: HashMap::new(),
            by_canonical: HashMap::new(),
            canonical: Vec::new(),
            opposites: Vec::new(),
            confusables: Vec::new(),
            titles: Vec::new(),
        };
        lex.extend(
            builtin::ALIASES
                .iter()
                .map(|set| set.iter().map(|s| (*s).to_owned()).collect()),
        );
        lex
    }

    /// Adds alias sets (a deck's own aliases, for example). A set that shares a member with an
    /// existing set is merged into it; the existing set keeps its canonical member. Strings that
    /// normalise to nothing (empty, punctuation only) are ignored.
    pub fn extend<I: IntoIterator<Item = Vec<String>>>(&mut self, sets: I) {
        for set in sets {
            let members: Vec<(String, Vec<Tok>)> = set
                .into_iter()
                .map(|s| {
                    let key = spelled(key_tokens(&s));
                    (s, key)
                })
                .filter(|(_, key)| !key.is_empty())
                .collect();
            if members.is_empty() {
                continue;
            }
            let mut hits: Vec<usize> = members
                .iter()
                .filter_map(|(_, key)| self.members.get(key).copied())
                .collect();
            hits.sort_unstable();
            hits.dedup();
            let target = match hits.first() {
                Some(&first) => first,
                None => {
                    self.sets.push(Vec::new());
                    self.sets.len() - 1
                }
            };
            // Fold every other overlapping set into the target; the emptied sets stay as
            // tombstones so that indices in `members` remain valid.
            for &other in hits.iter().skip(1) {
                let moved = std::mem::take(&mut self.sets[other]);
                for m in moved {
                    self.members.insert(spelled(key_tokens(&m)), target);
                    if !self.sets[target].contains(&m) {
                        self.sets[target].push(m);
                    }
                }
            }
            for (m, key) in members {
                self.members.insert(key, target);
                if !self.sets[target].contains(&m) {
                    self.sets[target].push(m);
                }
            }
        }
        self.rebuild();
    }

    fn rebuild(&mut self) {
        self.index.clear();
        self.canonical.clear();
        self.by_canonical.clear();
        for (i, set) in self.sets.iter().enumerate() {
            let canonical = set
                .first()
                .map(|c| spelled(key_tokens(c)))
                .unwrap_or_default();
            if !canonical.is_empty() {
                self.by_canonical.entry(join(&canonical)).or_insert(i);
            }
            self.canonical.push(canonical);
        }
        for (key, &i) in &self.members {
            if let Some(first) = key.first() {
                self.index
                    .entry(first.clone())
                    .or_default()
                    .push((key.clone(), i));
            }
        }
        for list in self.index.values_mut() {
            // Longest first; ties broken by set index so that the order is deterministic.
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        }
        let norm = |s: &str| join(&self.apply(key_tokens(s)));
        let mut opposites = Vec::new();
        for (a, b) in builtin::OPPOSITES {
            let (a, b) = (norm(a), norm(b));
            if !a.is_empty() && !b.is_empty() && a != b {
                opposites.push((a.clone(), b.clone()));
                opposites.push((b, a));
            }
        }
        let confusables = builtin::CONFUSABLES
            .iter()
            .map(|g| {
                g.iter()
                    .map(|s| norm(s))
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .collect();
        let mut titles: Vec<String> = builtin::TITLES
            .iter()
            .map(|s| norm(s))
            .filter(|s| !s.is_empty())
            .collect();
        // Longest first, so that a title is read whole before its parts.
        titles.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        titles.dedup();
        self.opposites = opposites;
        self.confusables = confusables;
        self.titles = titles;
    }

    /// Rewrites British spellings and then every alias to its set's canonical member.
    pub(crate) fn apply(&self, toks: Vec<Tok>) -> Vec<Tok> {
        let toks = spelled(toks);
        let mut out = Vec::with_capacity(toks.len());
        let mut i = 0;
        while i < toks.len() {
            let hit = self.index.get(&toks[i]).and_then(|cands| {
                cands
                    .iter()
                    .find(|(key, _)| toks[i..].starts_with(key))
                    .map(|(key, set)| (key.len(), *set))
            });
            match hit {
                Some((len, set)) => {
                    out.extend(self.canonical[set].iter().cloned());
                    i += len;
                }
                None => {
                    out.push(toks[i].clone());
                    i += 1;
                }
            }
        }
        out
    }

    /// How to show a normalised name to the student: for an English answer, the set's first
    /// member without Chinese characters (`Kazakhstan` rather than `哈萨克斯坦`).
    pub(crate) fn display(&self, normalised: &str, english: bool) -> String {
        if english
            && let Some(&i) = self.by_canonical.get(normalised)
            && let Some(m) = self.sets[i].iter().find(|m| !super::normalize::has_han(m))
        {
            return m.clone();
        }
        normalised.to_owned()
    }

    /// Number of alias sets (after merging).
    pub fn len(&self) -> usize {
        self.sets.iter().filter(|s| !s.is_empty()).count()
    }

    /// Whether there are no alias sets at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn spelled(toks: Vec<Tok>) -> Vec<Tok> {
    toks.into_iter()
        .map(|t| match t {
            Tok::Word(w) => Tok::Word(american(w)),
            han => han,
        })
        .collect()
}

/// British → American spelling, by a short list and a few suffix rules. Both sides of a
/// comparison go through it, so a rule that also rewrites an unrelated word (`devour` →
/// `devor`) is harmless: it only matters if two different words collapse into one.
pub(crate) fn american(w: String) -> String {
    if w.len() < 5 || !w.is_ascii() {
        return w;
    }
    if let Some((_, us)) = builtin::SPELLINGS.iter().find(|(uk, _)| *uk == w) {
        return (*us).to_owned();
    }
    // -our → -or (colour, labour, favourable); the stem must be 3+ letters so that four, your,
    // hour, tour and flour stay as they are.
    for suffix in [
        "our", "ours", "oured", "ouring", "ourable", "ourite", "ourites",
    ] {
        if let Some(stem) = w.strip_suffix(suffix)
            && stem.len() >= 3
        {
            return format!("{stem}or{}", &suffix[3..]);
        }
    }
    // -ise/-isation → -ize/-ization, -yse → -yze.
    for (suffix, us) in [
        ("isation", "ization"),
        ("isations", "izations"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ising", "izing"),
        ("iser", "izer"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("ysing", "yzing"),
        ("logue", "log"),
        ("logues", "logs"),
    ] {
        if let Some(stem) = w.strip_suffix(suffix)
            && stem.len() >= 3
        {
            return format!("{stem}{us}");
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(lex: &Lexicon, s: &str) -> String {
        join(&lex.apply(key_tokens(s)))
    }

    #[test]
    fn aliases_rewrite_to_the_canonical_member() {
        let lex = Lexicon::builtin();
        assert_eq!(norm(&lex, "上合组织"), norm(&lex, "上海合作组织"));
        assert_eq!(norm(&lex, "SCO"), norm(&lex, "上海合作组织"));
        assert_eq!(
            norm(&lex, "国务委员兼外长"),
            norm(&lex, "国务委员兼外交部长")
        );
        assert_eq!(norm(&lex, "亚信"), norm(&lex, "亚洲相互协作与信任措施会议"));
        assert_eq!(norm(&lex, "the United Nations"), norm(&lex, "联合国"));
    }

    #[test]
    fn english_keys_match_whole_words_only() {
        let lex = Lexicon::builtin();
        assert_eq!(norm(&lex, "unity"), "unity");
        assert_eq!(norm(&lex, "UN"), "联合国");
    }

    #[test]
    fn spelling_rules() {
        assert_eq!(american("colour".into()), "color");
        assert_eq!(american("organisation".into()), "organization");
        assert_eq!(american("analyse".into()), "analyze");
        assert_eq!(american("dialogue".into()), "dialog");
        assert_eq!(american("defence".into()), "defense");
        assert_eq!(american("hours".into()), "hours");
        assert_eq!(american("flour".into()), "flour");
    }

    #[test]
    fn extend_merges_overlapping_sets() {
        let mut lex = Lexicon::builtin();
        let n = lex.len();
        lex.extend([vec!["上合".to_owned(), "上合峰会成员".to_owned()]]);
        assert_eq!(lex.len(), n);
        assert_eq!(norm(&lex, "上合峰会成员"), norm(&lex, "上海合作组织"));
        lex.extend([vec!["钢铁驼队".to_owned(), "中欧班列".to_owned()]]);
        assert_eq!(norm(&lex, "钢铁驼队"), norm(&lex, "中欧班列"));
        lex.extend([vec![String::new(), "。".to_owned()]]);
    }
}
