//! The queries of `quiz optimize`: every fact's answers, and storing fitted parameters with
//! the memories they give.

use rusqlite::params;

use crate::error::Result;
use crate::schedule::optimize::Answer;

/// A fact's memory as FSRS numbers it, recomputed under new parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Refit {
    /// `memory.id`.
    pub memory_id: i64,
    pub stability: f32,
    pub difficulty: f32,
}

impl super::Db {
    /// Every graded answer (ratings 1–4), grouped by fact (its `memory.id`), each fact's in
    /// time order.
    pub fn answers_by_fact(&self) -> Result<Vec<(i64, Vec<Answer>)>> {
        let mut st = self.conn.prepare(
            "SELECT m.id, r.reviewed_at, r.rating
             FROM review r
             JOIN question q ON q.id = r.question_id
             JOIN memory m ON m.deck_id = q.deck_id AND m.fact_id = q.fact_id
             WHERE r.rating BETWEEN 1 AND 4
             ORDER BY m.id, r.reviewed_at, r.id",
        )?;
        let mut out: Vec<(i64, Vec<Answer>)> = Vec::new();
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let (id, at_ms, rating): (i64, i64, u32) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let answer = Answer {
                at: at_ms.div_euclid(1000),
                rating,
            };
            match out.last_mut() {
                Some((last, answers)) if *last == id => answers.push(answer),
                _ => out.push((id, vec![answer])),
            }
        }
        Ok(out)
    }

    /// Stores the `parameters` setting (its canonical text) and every fact's memory under
    /// them, in one transaction: the scheduler never sees one without the other. Due dates
    /// stay as they are (as in Anki): the new parameters shape each fact's next interval.
    pub fn store_fitted_parameters(&mut self, parameters: &str, memories: &[Refit]) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO setting (key, value) VALUES ('parameters', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [parameters],
        )?;
        {
            let mut st = tx.prepare(
                "UPDATE memory SET stability = ?2, difficulty = ?3
                 WHERE id = ?1 AND stability IS NOT NULL",
            )?;
            for m in memories {
                st.execute(params![
                    m.memory_id,
                    f64::from(m.stability),
                    f64::from(m.difficulty)
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}
