//! Cramming (`quiz study --cram TARGET`): the night before a test, every fact of a deck, a
//! list or a meeting asked once, outside the schedule, the missed ones again at the end.
//!
//! Nothing is written: no memory changes and no review row is stored, so the schedule
//! afterwards is exactly what it was. Questions are asked and graded as in a study session.

use std::collections::HashSet;
use std::time::Instant;

use serde_json::json;

use super::grading::Verdict;
use super::ladder::{self, Rung};
use super::prompt::{Ask, Command, Reply};
use super::{Asked, Session, Shown, shown_options, shuffle, w, wj};
use crate::db::Variant;
use crate::error::{Error, Result};
use crate::question::Kind;
use crate::schedule::Rating;

/// Which questions a cram session asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CramKind {
    /// The highest rung each fact has: what the exam asks.
    Top,
    /// Only questions that ask to recall (cued or free recall, never recognition).
    Recall,
    /// Only this kind.
    Only(Kind),
}

impl CramKind {
    /// `recall`, or a question kind (`list_recall`, `choice`, …).
    pub fn parse(s: &str) -> Option<CramKind> {
        match s {
            "recall" => Some(CramKind::Recall),
            k => Kind::parse(k).map(CramKind::Only),
        }
    }

    fn keeps(&self, v: &Variant) -> bool {
        match self {
            CramKind::Top => true,
            CramKind::Recall => ladder::rung_of(v.kind) != Rung::Recognition,
            CramKind::Only(k) => v.kind == *k,
        }
    }
}

/// The end of a cram session.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CramSummary {
    pub facts: u32,
    pub answers: u32,
    pub right_first_time: u32,
    /// Facts missed at least once.
    pub missed: u32,
    /// Facts still missed when the session ended.
    pub still_missed: u32,
    pub seconds: u64,
}

impl Session<'_> {
    /// Crams `target` (a deck, a fact id, or a meeting label), asking `kind` questions.
    pub fn cram(mut self, target: &str, kind: &CramKind) -> Result<CramSummary> {
        let started = Instant::now();
        // Scripts read JSON: its messages stay English whatever the interface language.
        let _english = self.opts.json.then(crate::i18n::english_here);
        let Some(facts) = self.db.cram_facts(target)? else {
            return Err(Error::Usage(crate::t!("cram.no_target", target = target)));
        };
        let mut queue: Vec<(i64, Vec<Variant>)> = Vec::new();
        for id in facts {
            let vs: Vec<Variant> = self
                .db
                .variants(id)?
                .into_iter()
                .filter(|v| kind.keeps(v))
                .collect();
            if !vs.is_empty() {
                queue.push((id, vs));
            }
        }
        if queue.is_empty() {
            return Err(Error::Usage(crate::t!("cram.no_kind", target = target)));
        }
        let mut sum = CramSummary {
            facts: queue.len() as u32,
            ..CramSummary::default()
        };
        let mut missed: HashSet<i64> = HashSet::new();
        // Missed and not yet answered right since.
        let mut pending: HashSet<i64> = HashSet::new();
        let mut last_question: std::collections::HashMap<i64, i64> = Default::default();
        let mut round = 1;
        'rounds: while !queue.is_empty() {
            let mut failed = Vec::new();
            let total = queue.len();
            for (n, (id, variants)) in queue.into_iter().enumerate() {
                if self.opts.limit.is_some_and(|l| sum.answers >= l) {
                    break 'rounds;
                }
                let shown = self.cram_shown(id, &variants, last_question.get(&id).copied())?;
                last_question.insert(id, shown.question_id);
                let header = crate::t!("cram.header", round = round, n = n + 1, total = total);
                let passed = loop {
                    self.cram_show(&shown, &header)?;
                    match self.ask(&shown)? {
                        Asked::Command(Command::Quit) => break 'rounds,
                        Asked::Command(Command::Skip) => break None,
                        Asked::Command(_) => self.invalid(&crate::t!("cram.not_while"))?,
                        Asked::Graded(g) => {
                            let passed = match (g.verdict, g.rating) {
                                (Some(v), _) => v != Verdict::Wrong,
                                (None, r) => r.is_some_and(|r| r >= Rating::Hard),
                            };
                            self.cram_feedback(&shown, &g, passed)?;
                            break Some(passed);
                        }
                    }
                };
                let Some(passed) = passed else { continue };
                sum.answers += 1;
                if passed {
                    if round == 1 {
                        sum.right_first_time += 1;
                    }
                    pending.remove(&id);
                } else {
                    missed.insert(id);
                    pending.insert(id);
                    failed.push((id, variants));
                }
                let reply = self
                    .prompter
                    .ask(&Ask::Continue {
                        can_overrule: false,
                    })
                    .map_err(|e| Error::io("terminal", e))?;
                if reply == Reply::Command(Command::Quit) {
                    break 'rounds;
                }
            }
            if !failed.is_empty() && !self.opts.json {
                w(
                    self.out,
                    &format!("\n{}\n", crate::t!("cram.again", n = failed.len())),
                )?;
            }
            queue = failed;
            round += 1;
        }
        sum.missed = missed.len() as u32;
        sum.still_missed = pending.len() as u32;
        sum.seconds = started.elapsed().as_secs();
        if self.opts.json {
            let j = json!({"event": "summary", "cram": true, "facts": sum.facts,
                "answered": sum.answers, "right_first_time": sum.right_first_time,
                "missed": sum.missed, "still_missed": sum.still_missed, "seconds": sum.seconds});
            wj(self.out, &j)?;
        } else {
            w(
                self.out,
                &format!(
                    "{}\n",
                    crate::t!(
                        "cram.over",
                        facts = crate::tn!("session.facts", sum.facts),
                        answers = crate::tn!("cram.answers", sum.answers),
                        first = sum.right_first_time,
                        missed = sum.missed,
                        still = sum.still_missed
                    )
                ),
            )?;
        }
        Ok(sum)
    }

    /// The question to cram fact `id` with: its highest rung among `variants`, another
    /// question than `avoid` (the one asked last time) where the rung has one.
    fn cram_shown(&mut self, id: i64, variants: &[Variant], avoid: Option<i64>) -> Result<Shown> {
        let fact = self.db.study_fact(id)?;
        let rungs = ladder::rungs(variants);
        let (i, rung) = ladder::choose(variants, Rung::Free, avoid).ok_or_else(|| {
            Error::Other(crate::t!(
                "error.no_current_question",
                deck = fact.deck,
                fact = fact.fact
            ))
        })?;
        let question_id = variants[i].question_id;
        let mut question = self.db.question(question_id)?;
        shuffle(&mut question.answer, &mut self.rng);
        Ok(Shown {
            fact,
            question_id,
            question,
            rung,
            rungs,
            early: 0,
        })
    }

    fn cram_show(&mut self, s: &Shown, header: &str) -> Result<()> {
        let q = &s.question;
        if self.opts.json {
            let j = json!({"event": "question", "cram": true, "id": q.uid,
                "kind": q.kind.as_str(), "fact": format!("{}/{}", s.fact.deck, s.fact.fact),
                "rung": s.rung.as_str(), "prompt": q.prompt, "options": shown_options(&q.answer)});
            return wj(self.out, &j);
        }
        let text = format!("\n{header}\n{}", self.question_text(s));
        self.w_question(&text)
    }

    fn cram_feedback(&mut self, s: &Shown, g: &super::Graded, passed: bool) -> Result<()> {
        let q = &s.question;
        let passage = if passed {
            None
        } else {
            super::passage::for_question(self.db, q, self.prompter.is_terminal())?
        };
        if self.opts.json {
            let j = json!({
                "cram": true,
                "id": q.uid,
                "kind": q.kind.as_str(),
                "fact": format!("{}/{}", s.fact.deck, s.fact.fact),
                "rung": s.rung.as_str(),
                "given": g.given,
                "verdict": g.verdict.map(Verdict::as_str),
                "step": g.step,
                "passed": passed,
                "expected": q.answer.display(),
                "passage": passage.as_ref().map(|p| &p.plain),
            });
            return wj(self.out, &j);
        }
        let mut t = match g.verdict {
            Some(v) => format!("{}\n", super::verdict_words(v)),
            None => format!(
                "{}\n",
                crate::t!(
                    "session.rated",
                    rating = g.rating.map(super::rating_words).unwrap_or_default()
                )
            ),
        };
        for n in &g.notes {
            t.push_str(&format!("  {n}\n"));
        }
        let answer = q.answer.display();
        t.push_str(&format!(
            "{}\n",
            crate::t!("session.answer", answer = answer)
        ));
        if !q.explanation.is_empty() {
            t.push_str(&format!("{}\n", q.explanation));
        }
        t.push_str(&format!(
            "{}\n",
            crate::t!("session.source", source = q.source)
        ));
        w(self.out, &t)?;
        if let Some(p) = passage {
            super::passage::write(self.out, &p)?;
        }
        Ok(())
    }
}
