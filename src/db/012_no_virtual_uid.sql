-- Schema version 12: the question table loses its virtual columns `uid` and `sibling`.
-- They took no space, but SQLite computes every generated column of a row it inserts (two
-- string concatenations a question): a seventh of writing a large deck's questions. Readers
-- build both from deck_id, fact_id, kind and variant (db::question_from_row), and a question
-- is looked up by those four, on the table's unique index. Dropping a virtual column
-- rewrites only the schema, not the rows.
ALTER TABLE question DROP COLUMN uid;
ALTER TABLE question DROP COLUMN sibling;
