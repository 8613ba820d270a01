-- Schema version 7: a prompt no longer stores the context it starts with (`【会议】…`), which
-- the row already has in `context`. `prefix` says how to put it back: 0 the prompt is whole
-- (rows written before), 1 `【context】prompt`, 2 `[context] prompt`.
ALTER TABLE question ADD COLUMN prefix INTEGER NOT NULL DEFAULT 0;
