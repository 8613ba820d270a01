-- Schema version 9, second part (after each fact's answers were replayed into its memory):
-- the per-question scheduling table goes. Questions are listed in the order they were
-- generated, which is their row id order.
DROP TABLE card;

-- Picking the next fact reads these indexes, never the whole table.
CREATE INDEX memory_due ON memory (queue, due)
    WHERE queue <> 0 AND active = 1 AND suspended = 0 AND buried_until = 0;
CREATE INDEX memory_new ON memory (deck_id, new_order)
    WHERE queue = 0 AND active = 1 AND suspended = 0 AND buried_until = 0;
CREATE INDEX memory_buried ON memory (buried_until) WHERE buried_until != 0;
