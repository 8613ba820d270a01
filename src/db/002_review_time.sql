-- Schema version 2: counting today's answers (daily limits, siblings) reads this index
-- instead of the whole review table.
CREATE INDEX review_time ON review (reviewed_at);
