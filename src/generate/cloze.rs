//! Cloze facts: `{{answer|alternative}}` gaps in a sentence, one question per gap; a gap may
//! end in `::hint` (as Anki's `{{c1::answer::hint}}`), shown at the gap when it is asked.

use super::Gen;
use crate::deck::model::ClozeFact;
use crate::question::{Answer, Kind, Question};

/// A piece of a cloze text: plain text, or a gap with its accepted answers and its hint.
#[derive(Debug, PartialEq)]
pub enum Piece {
    Text(String),
    Gap(Vec<String>, Option<String>),
}

/// Splits a cloze text into pieces; an error says what is wrong with the markup.
pub fn gaps(text: &str) -> Result<Vec<Piece>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let after = &rest[open + 2..];
        let close = after.find("}}").ok_or("`{{` without a closing `}}`")?;
        let inner = &after[..close];
        if inner.contains("{{") {
            return Err("gaps cannot be nested".into());
        }
        let (inner, hint) = match inner.split_once("::") {
            Some((a, h)) if h.trim().is_empty() || h.contains("::") => {
                return Err(format!(
                    "the hint of the gap `{{{{{a}::{h}}}}}` is empty or has `::`"
                ));
            }
            Some((a, h)) => (a, Some(h.trim().to_owned())),
            None => (inner, None),
        };
        let answers: Vec<String> = inner.split('|').map(|a| a.trim().to_owned()).collect();
        if answers.iter().any(String::is_empty) {
            return Err("a gap `{{…}}` is empty".into());
        }
        if open > 0 {
            out.push(Piece::Text(rest[..open].to_owned()));
        }
        out.push(Piece::Gap(answers, hint));
        rest = &after[close + 2..];
    }
    if rest.contains("}}") {
        return Err("`}}` without an opening `{{`".into());
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest.to_owned()));
    }
    if !out.iter().any(|p| matches!(p, Piece::Gap(..))) {
        return Err("no gap: mark at least one answer as {{answer}}".into());
    }
    Ok(out)
}

pub(super) fn questions(g: &Gen, z: &ClozeFact, out: &mut Vec<Question>) {
    let Ok(pieces) = gaps(z.text.get_ref()) else {
        return;
    };
    let full: String = pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) => t.as_str(),
            Piece::Gap(a, _) => a[0].as_str(),
        })
        .collect();
    let explanation = match &z.en {
        Some(en) => format!("{full}({en})"),
        None => full,
    };
    let mut n = 0;
    for (i, p) in pieces.iter().enumerate() {
        let Piece::Gap(answers, _) = p else { continue };
        n += 1;
        let prompt: String = pieces
            .iter()
            .enumerate()
            .map(|(j, q)| match q {
                Piece::Text(t) => t.clone(),
                Piece::Gap(_, None) if j == i => "____".to_owned(),
                Piece::Gap(_, Some(h)) if j == i => {
                    g.t_with(|| format!("____({h})"), || format!("____ ({h})"))
                }
                Piece::Gap(a, _) => a[0].clone(),
            })
            .collect();
        out.push(g.question(
            z,
            Kind::Cloze,
            &n.to_string(),
            g.t_with(
                || format!("填空:{prompt}"),
                || format!("Fill in the gap: {prompt}"),
            ),
            Answer::Text {
                accepted: answers.clone(),
            },
            explanation.clone(),
        ));
    }
}
