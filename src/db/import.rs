//! Adding and re-adding decks: one transaction for everything, progress kept on every
//! question whose id survives, retired (not deleted) questions for facts that are gone.

use std::collections::HashMap;

use crate::deck::source_text::SourceText;
use rusqlite::params;

use super::Db;
use crate::deck::Deck;
use crate::error::Result;
use crate::question::Question;

/// What one deck's import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    pub deck: String,
    /// The deck was not in the database before.
    pub new_deck: bool,
    pub added: u64,
    pub updated: u64,
    pub retired: u64,
    /// Retired questions whose fact came back.
    pub restored: u64,
    pub unchanged: u64,
}

impl Db {
    /// Stores decks with their generated questions, all or nothing. `now` is unix seconds.
    pub fn import(
        &mut self,
        decks: &[(&Deck, Vec<Question>)],
        now: i64,
    ) -> Result<Vec<ImportReport>> {
        let tx = self.conn.transaction()?;
        let mut reports = Vec::new();
        let mut next_order: i64 = tx.query_row(
            "SELECT COALESCE(MAX(new_order), 0) + 1 FROM memory",
            [],
            |r| r.get(0),
        )?;
        for (deck, questions) in decks {
            let id = deck.id();
            let mut rep = ImportReport {
                deck: id.to_owned(),
                ..Default::default()
            };
            let old_text: Option<String> = tx
                .query_row(
                    "SELECT toml, toml_deflated FROM deck WHERE id = ?1",
                    [id],
                    |r| super::deck_text(r, 0),
                )
                .map(Some)
                .or_else(|e| {
                    if e == rusqlite::Error::QueryReturnedNoRows {
                        Ok(None)
                    } else {
                        Err(e)
                    }
                })?;
            rep.new_deck = old_text.is_none();
            let meta = &deck.file.deck;
            // The explanation each fact keeps (its first question's): a question showing the
            // same stores ''. The deck-wide chronology question has no fact row and keeps its own.
            let deck_facts = facts(deck);
            let mut fact_explanation: HashMap<&str, Option<&str>> =
                deck_facts.iter().map(|(fid, _, _)| (*fid, None)).collect();
            for q in questions {
                if let Some(e @ None) = fact_explanation.get_mut(q.fact.as_str()) {
                    *e = Some(&q.explanation);
                }
            }
            if old_text.as_deref() != Some(deck.text.as_str()) {
                tx.execute(
                    "INSERT INTO deck (id, title, language, origin, toml, toml_deflated, added_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, '', ?5, ?6, ?6)
                     ON CONFLICT (id) DO UPDATE SET title = ?2, language = ?3, origin = ?4, toml = '',
                         toml_deflated = ?5, updated_at = ?6",
                    params![id, meta.title, meta.language, deck.origin, super::deflate(&deck.text), now],
                )?;
                tx.execute("DELETE FROM source WHERE deck_id = ?1", [id])?;
                let mut st = tx.prepare_cached(
                    "INSERT INTO source (deck_id, id, title, publisher, date, url) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?;
                for s in &deck.file.sources {
                    st.execute(params![
                        id,
                        s.id.get_ref(),
                        s.title,
                        s.publisher,
                        s.date.get_ref(),
                        s.url
                    ])?;
                }
                drop(st);
                tx.execute("DELETE FROM deck_alias WHERE deck_id = ?1", [id])?;
                let mut st =
                    tx.prepare_cached("INSERT INTO deck_alias (deck_id, terms) VALUES (?1, ?2)")?;
                for a in &deck.file.aliases {
                    st.execute(params![
                        id,
                        serde_json::to_string(&a.terms).unwrap_or_default()
                    ])?;
                }
                drop(st);
                tx.execute("UPDATE fact SET retired = 1 WHERE deck_id = ?1", [id])?;
                let mut st = tx.prepare_cached(
                    "INSERT INTO fact (deck_id, id, kind, label, explanation, retired)
                     VALUES (?1, ?2, ?3, ?4, ?5, 0)
                     ON CONFLICT (deck_id, id) DO UPDATE SET kind = ?3, label = ?4, explanation = ?5, retired = 0",
                )?;
                for &(fid, kind, label) in &deck_facts {
                    st.execute(params![
                        id,
                        fid,
                        kind,
                        label,
                        fact_explanation.get(fid).copied().flatten()
                    ])?;
                }
            }

            // Source texts are files the deck names: they may change while the deck file
            // does not. A text the deck names but was not read (a stored deck parsed again)
            // keeps the stored one.
            {
                let mut st = tx
                    .prepare_cached("UPDATE source SET text = ?3 WHERE deck_id = ?1 AND id = ?2")?;
                for s in &deck.file.sources {
                    let sid = s.id.get_ref();
                    let text = deck.source_texts.iter().find(|(i, _)| i == sid);
                    match text.map(|(_, t)| t) {
                        Some(SourceText::Unread) => {}
                        Some(SourceText::Text(t)) => {
                            st.execute(params![id, sid, t])?;
                        }
                        None => {
                            st.execute(params![id, sid, None::<String>])?;
                        }
                    }
                }
            }

            // Existing questions of the deck: uid → (row id, hash, retired).
            let mut existing: HashMap<String, (i64, i64, bool)> = HashMap::new();
            {
                let mut st = tx.prepare_cached(
                    "SELECT uid, id, hash, retired FROM question WHERE deck_id = ?1",
                )?;
                let rows = st.query_map([id], |r| {
                    Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?, r.get(3)?)))
                })?;
                for row in rows {
                    let (uid, v) = row?;
                    existing.insert(uid, v);
                }
            }
            let mut insert_q = tx.prepare_cached(
                "INSERT INTO question (deck_id, fact_id, kind, variant, context, prompt, answer,
                                       explanation, source_id, part, hash, prefix, retired)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 0)",
            )?;
            // A fact's memory is made with its first question; facts are introduced in the
            // order the deck gives them.
            let mut insert_m = tx.prepare_cached(
                "INSERT INTO memory (deck_id, fact_id, new_order) VALUES (?1, ?2, ?3)
                 ON CONFLICT (deck_id, fact_id) DO NOTHING",
            )?;
            let mut update_q = tx.prepare_cached(
                "UPDATE question SET context = ?2, prompt = ?3, answer = ?4, explanation = ?5,
                        source_id = ?6, part = ?7, hash = ?8, prefix = ?9, retired = 0
                 WHERE id = ?1",
            )?;
            let mut retire = tx.prepare_cached("UPDATE question SET retired = 1 WHERE id = ?1")?;
            for q in questions {
                if insert_m.execute(params![q.deck, q.fact, next_order])? == 1 {
                    next_order += 1;
                }
                let (answer, hash) = q.stored_forms();
                let (prefix, prompt) = super::stored_prompt(&q.prompt, &q.context);
                let explanation = match fact_explanation.get(q.fact.as_str()) {
                    Some(Some(e)) if *e == q.explanation => "",
                    _ => q.explanation.as_str(),
                };
                match existing.remove(&q.uid) {
                    Some((_, h, false)) if h == hash => rep.unchanged += 1,
                    Some((row, _, was_retired)) => {
                        update_q.execute(params![
                            row,
                            q.context,
                            prompt,
                            answer,
                            explanation,
                            q.source.id,
                            q.source.part,
                            hash,
                            prefix,
                        ])?;
                        if was_retired {
                            rep.restored += 1;
                        } else {
                            rep.updated += 1;
                        }
                    }
                    None => {
                        insert_q.execute(params![
                            q.deck,
                            q.fact,
                            q.kind.as_str(),
                            q.variant,
                            q.context,
                            prompt,
                            answer,
                            explanation,
                            q.source.id,
                            q.source.part,
                            hash,
                            prefix,
                        ])?;
                        rep.added += 1;
                    }
                }
            }
            for (_, (row, _, was_retired)) in existing {
                if !was_retired {
                    retire.execute([row])?;
                    rep.retired += 1;
                }
            }
            // A fact is studied while any of its questions is current; its memory stays
            // (and comes back with the fact) when all are retired.
            tx.prepare_cached(
                "UPDATE memory SET active = EXISTS(SELECT 1 FROM question q
                     WHERE q.deck_id = memory.deck_id AND q.fact_id = memory.fact_id AND q.retired = 0)
                 WHERE deck_id = ?1",
            )?
            .execute([id])?;
            reports.push(rep);
        }
        tx.commit()?;
        Ok(reports)
    }
}

/// `(id, kind, label)` of every fact of a deck; the label names the fact in reports.
fn facts(deck: &Deck) -> Vec<(&str, &'static str, &str)> {
    let f = &deck.file;
    let mut out = Vec::new();
    macro_rules! each {
        ($field:ident, $kind:literal, |$x:ident| $label:expr) => {
            out.extend(
                f.$field
                    .iter()
                    .map(|$x| ($x.id.get_ref().as_str(), $kind, $label)),
            );
        };
    }
    each!(lists, "list", |x| x.heading.as_str());
    each!(events, "event", |x| x.what.as_str());
    each!(numbers, "number", |x| x.counts.as_str());
    each!(terms, "term", |x| x.term.as_str());
    each!(documents, "document", |x| x.title.as_str());
    each!(people, "person", |x| x.name.as_str());
    each!(qas, "qa", |x| x.question.as_str());
    each!(clozes, "cloze", |x| x.text.get_ref().as_str());
    out
}
