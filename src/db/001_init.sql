-- Schema version 1. Never edit a migration that has shipped: add the next one.

CREATE TABLE deck (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    language    TEXT NOT NULL,
    origin      TEXT NOT NULL,              -- the path or builtin:NAME it was added from
    toml        TEXT NOT NULL,              -- the file as added: export gives it back exactly
    added_at    INTEGER NOT NULL,           -- unix seconds
    updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE source (
    deck_id     TEXT NOT NULL REFERENCES deck(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    title       TEXT NOT NULL,
    publisher   TEXT NOT NULL,
    date        TEXT NOT NULL,
    url         TEXT,
    PRIMARY KEY (deck_id, id)
) STRICT;

CREATE TABLE fact (
    deck_id     TEXT NOT NULL REFERENCES deck(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    kind        TEXT NOT NULL,              -- list, event, number, term, document, person, qa, cloze
    data        TEXT NOT NULL,              -- the fact as JSON
    retired     INTEGER NOT NULL DEFAULT 0, -- 1 once removed from the deck file
    PRIMARY KEY (deck_id, id)
) STRICT;

CREATE TABLE question (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,       -- DECK/FACT/KIND/VARIANT, never derived from text
    deck_id     TEXT NOT NULL REFERENCES deck(id),
    fact_id     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    variant     TEXT NOT NULL,
    sibling     TEXT NOT NULL,              -- DECK/FACT: siblings are not shown on one day
    context     TEXT NOT NULL,              -- the meeting or document the prompt names
    prompt      TEXT NOT NULL,
    answer      TEXT NOT NULL,              -- JSON, see question::Answer
    explanation TEXT NOT NULL,
    source      TEXT NOT NULL,              -- JSON, see question::SourceRef
    hash        INTEGER NOT NULL,           -- content fingerprint: tells updated from unchanged
    retired     INTEGER NOT NULL DEFAULT 0  -- 1 once its fact is gone; history is kept
) STRICT;
CREATE INDEX question_deck ON question (deck_id, kind);
CREATE INDEX question_sibling ON question (sibling);

-- Scheduling state, one row per question. Kept apart from `question` so re-importing a
-- deck rewrites content without touching progress.
CREATE TABLE card (
    question_id   INTEGER PRIMARY KEY REFERENCES question(id),
    deck_id       TEXT NOT NULL,
    queue         INTEGER NOT NULL DEFAULT 0,   -- 0 new, 1 learning, 2 review, 3 relearning
    step          INTEGER NOT NULL DEFAULT 0,   -- index into the (re)learning steps
    stability     REAL,                         -- FSRS memory state; NULL while new
    difficulty    REAL,
    due           INTEGER NOT NULL DEFAULT 0,   -- unix seconds
    last_review   INTEGER,                      -- unix seconds
    interval_days INTEGER NOT NULL DEFAULT 0,
    reps          INTEGER NOT NULL DEFAULT 0,
    lapses        INTEGER NOT NULL DEFAULT 0,
    new_order     INTEGER NOT NULL,             -- order in which new questions are introduced
    suspended     INTEGER NOT NULL DEFAULT 0,
    buried_until  INTEGER NOT NULL DEFAULT 0,   -- unix seconds
    leech         INTEGER NOT NULL DEFAULT 0,
    active        INTEGER NOT NULL DEFAULT 1    -- 0 while the question is retired
) STRICT;
-- Picking the next question reads these indexes, never the whole table.
CREATE INDEX card_due ON card (queue, due) WHERE active = 1 AND suspended = 0;
CREATE INDEX card_new ON card (new_order) WHERE queue = 0 AND active = 1 AND suspended = 0;
CREATE INDEX card_deck ON card (deck_id, queue);

-- One row per answer: the source of truth for statistics and FSRS optimisation.
CREATE TABLE review (
    id            INTEGER PRIMARY KEY,
    question_id   INTEGER NOT NULL REFERENCES question(id),
    reviewed_at   INTEGER NOT NULL,     -- unix milliseconds
    rating        INTEGER NOT NULL,     -- 1 again, 2 hard, 3 good, 4 easy; 0 manual
    queue_before  INTEGER NOT NULL,
    elapsed_days  INTEGER NOT NULL,     -- local days since the previous review
    duration_ms   INTEGER NOT NULL,
    given         TEXT,                 -- what the student answered
    verdict       TEXT,                 -- correct, almost, wrong; NULL when self-graded
    step          TEXT,                 -- the grading step that decided
    overridden    INTEGER NOT NULL DEFAULT 0, -- the student overruled the verdict
    stability     REAL,                 -- state after
    difficulty    REAL,
    interval_days INTEGER NOT NULL,
    due           INTEGER NOT NULL,
    before        TEXT NOT NULL         -- the card's state before, JSON: undo restores it
) STRICT;
CREATE INDEX review_question ON review (question_id, reviewed_at);

-- Answers a student overruled as right: reported to the instructor, never added silently.
CREATE TABLE accepted_answer (
    question_id INTEGER NOT NULL REFERENCES question(id),
    answer      TEXT NOT NULL,
    added_at    INTEGER NOT NULL,
    PRIMARY KEY (question_id, answer)
) STRICT;

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
