-- Schema version 10: what `quiz browse` and source passages need.
-- * A question a student thinks is wrong, with their comment: it goes into their result
--   file for the instructor (`quiz export-results`, "flags"). Kept when the question is
--   retired: the comment may be why it was.
-- * A source's text, when the deck carries it (`[[source]] text`): after a wrong answer the
--   session shows the sentence the fact comes from. Part of the deck, rewritten on re-import.
CREATE TABLE flag (
    id          INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES question(id),
    comment     TEXT NOT NULL,
    flagged_at  INTEGER NOT NULL            -- unix seconds
) STRICT;
CREATE INDEX flag_question ON flag (question_id);

ALTER TABLE source ADD COLUMN text TEXT;
