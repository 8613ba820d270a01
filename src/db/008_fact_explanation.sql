-- Schema version 8: the explanation shown after answering belongs to the fact (every
-- question of a list shows the whole list): it is stored once, on the fact, and a question
-- stores '' when it shows its fact's explanation.
ALTER TABLE fact ADD COLUMN explanation TEXT;
