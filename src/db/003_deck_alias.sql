-- A deck's [[alias]] sets, so a session can build its grading lexicon without re-reading
-- deck files.
CREATE TABLE deck_alias (
    deck_id TEXT NOT NULL REFERENCES deck(id) ON DELETE CASCADE,
    terms   TEXT NOT NULL               -- JSON array of strings graded as the same
) STRICT;
CREATE INDEX deck_alias_deck ON deck_alias (deck_id);
