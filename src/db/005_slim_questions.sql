-- Schema version 5: a smaller question table (measured: 100k questions took 67 MB).
-- * `uid` and `sibling` are computed from deck, fact, kind and variant (virtual columns:
--   no storage); one unique index on those four replaces three indexes.
-- * `source` (a JSON copy of the source's title, publisher and date in every row) becomes a
--   reference to the `source` table plus the part of it.
-- * `fact.data` (a JSON copy of each fact, already in `deck.toml`) goes; a short `label`
--   (the heading, term, name, title…) names the fact in reports.
-- * `card_deck` goes: `quiz decks` counts by scanning `card`, picking never used it.
-- quiz runs migrations with foreign key enforcement off and checks the keys before commit.
CREATE TABLE question_new (
    id          INTEGER PRIMARY KEY,
    deck_id     TEXT NOT NULL REFERENCES deck(id),
    fact_id     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    variant     TEXT NOT NULL,
    context     TEXT NOT NULL,              -- the meeting or document the prompt names
    prompt      TEXT NOT NULL,
    answer      TEXT NOT NULL,              -- JSON, see question::Answer
    explanation TEXT NOT NULL,
    source_id   TEXT NOT NULL,              -- a `source` of the deck
    part        TEXT,                       -- where in the source
    hash        INTEGER NOT NULL,           -- content fingerprint: tells updated from unchanged
    retired     INTEGER NOT NULL DEFAULT 0, -- 1 once its fact is gone; history is kept
    uid         TEXT GENERATED ALWAYS AS (deck_id || '/' || fact_id || '/' || kind || '/' || variant) VIRTUAL,
    sibling     TEXT GENERATED ALWAYS AS (deck_id || '/' || fact_id) VIRTUAL,
    UNIQUE (deck_id, fact_id, kind, variant)
) STRICT;
INSERT INTO question_new (id, deck_id, fact_id, kind, variant, context, prompt, answer, explanation,
                          source_id, part, hash, retired)
SELECT q.id, q.deck_id, q.fact_id, q.kind, q.variant, q.context, q.prompt, q.answer, q.explanation,
       COALESCE((SELECT s.id FROM source s
                 WHERE s.deck_id = q.deck_id AND s.title = json_extract(q.source, '$.title')), ''),
       json_extract(q.source, '$.part'), q.hash, q.retired
FROM question q;
DROP TABLE question;
ALTER TABLE question_new RENAME TO question;

CREATE TABLE fact_new (
    deck_id     TEXT NOT NULL REFERENCES deck(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    kind        TEXT NOT NULL,              -- list, event, number, term, document, person, qa, cloze
    label       TEXT NOT NULL,              -- what the fact is about, for reports
    retired     INTEGER NOT NULL DEFAULT 0, -- 1 once removed from the deck file
    PRIMARY KEY (deck_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO fact_new
SELECT deck_id, id, kind,
       COALESCE(json_extract(data, '$.heading'), json_extract(data, '$.what'),
                json_extract(data, '$.term'), json_extract(data, '$.name'),
                json_extract(data, '$.title'), json_extract(data, '$.question'),
                json_extract(data, '$.counts'), json_extract(data, '$.text'), id),
       retired
FROM fact;
DROP TABLE fact;
ALTER TABLE fact_new RENAME TO fact;

DROP INDEX card_deck;
