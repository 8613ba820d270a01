-- Schema version 9: the fact is the unit of learning (docs/learning.md).
-- One `memory` row per fact holds its FSRS memory and its scheduling: what is introduced,
-- scheduled, counted against the daily limits, buried, suspended and flagged as a leech.
-- Its questions are the ways of asking about it; `rung` says which kind is asked next.
-- After this file, Rust code (db::migrate_fact_memory) replays each fact's answers into its
-- memory, then drops the per-question `card` table (docs/schema.md, "From questions to facts").
CREATE TABLE memory (
    id            INTEGER PRIMARY KEY,
    deck_id       TEXT NOT NULL REFERENCES deck(id),
    fact_id       TEXT NOT NULL,                -- a fact of the deck, or a deck-wide question set
    queue         INTEGER NOT NULL DEFAULT 0,   -- 0 new, 1 learning, 2 review, 3 relearning
    step          INTEGER NOT NULL DEFAULT 0,   -- index into the (re)learning steps
    stability     REAL,                         -- FSRS memory state; NULL while new
    difficulty    REAL,
    due           INTEGER NOT NULL DEFAULT 0,   -- unix seconds
    last_review   INTEGER,                      -- unix seconds
    interval_days INTEGER NOT NULL DEFAULT 0,
    reps          INTEGER NOT NULL DEFAULT 0,
    lapses        INTEGER NOT NULL DEFAULT 0,
    rung          INTEGER NOT NULL DEFAULT 0,   -- 0 recognition, 1 cued recall, 2 free recall
    new_order     INTEGER NOT NULL,             -- order in which new facts are introduced
    suspended     INTEGER NOT NULL DEFAULT 0,
    buried_until  INTEGER NOT NULL DEFAULT 0,   -- unix seconds
    leech         INTEGER NOT NULL DEFAULT 0,
    active        INTEGER NOT NULL DEFAULT 1,   -- 0 while every question of the fact is retired
    UNIQUE (deck_id, fact_id)
) STRICT;

-- Facts are introduced in the order their first question was.
INSERT INTO memory (deck_id, fact_id, new_order, active)
SELECT q.deck_id, q.fact_id, MIN(c.new_order), MAX(c.active)
FROM question q JOIN card c ON c.question_id = q.id
GROUP BY q.deck_id, q.fact_id;

-- The rung a question was asked at (NULL for answers given before schema 9).
ALTER TABLE review ADD COLUMN rung INTEGER;
