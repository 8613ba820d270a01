-- Schema version 6: the deck file is stored deflated (a 100k-question deck file is 7 MB of
-- text, 1 MB deflated). `toml` keeps the text of rows written before; new rows leave it ''
-- and fill `toml_deflated` (raw deflate of the UTF-8 text).
ALTER TABLE deck ADD COLUMN toml_deflated BLOB;
