-- Schema version 4: siblings are buried when a question is answered, and buried questions
-- leave the picking indexes, so picking the next question never walks past questions that
-- cannot be shown today. `buried_siblings` lets undo unbury exactly what an answer buried.
ALTER TABLE review ADD COLUMN buried_siblings TEXT;  -- JSON array of question ids, or NULL
DROP INDEX card_due;
DROP INDEX card_new;
-- New questions (queue 0) are only ever picked through card_new: card_due leaves them out.
CREATE INDEX card_due ON card (queue, due) WHERE queue <> 0 AND active = 1 AND suspended = 0 AND buried_until = 0;
CREATE INDEX card_new ON card (new_order) WHERE queue = 0 AND active = 1 AND suspended = 0 AND buried_until = 0;
CREATE INDEX card_buried ON card (buried_until) WHERE buried_until != 0;
