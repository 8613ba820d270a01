-- Schema version 11: a fact's rung is one it has questions for.
-- Until now a right answer at a fact's top rung recorded the rung above it (a term, which has
-- no free-recall question, was counted "at free recall" by `quiz stats` and the class
-- report), and the schema-9 migration set the rung from days with a passed answer, capped at
-- free recall whatever the fact's questions. The session already asked such a fact at its top
-- rung; this brings the stored rung down to that top (session::ladder::rung_of in SQL).
UPDATE memory SET rung = top.rung
FROM (
    SELECT deck_id, fact_id, MAX(CASE kind
        WHEN 'choice' THEN 0 WHEN 'true_false' THEN 0 WHEN 'not_in_list' THEN 0
        WHEN 'what_on_date' THEN 0
        WHEN 'list_recall' THEN 2 WHEN 'order' THEN 2 WHEN 'chronology' THEN 2 WHEN 'when' THEN 2
        ELSE 1 END) AS rung
    FROM question
    WHERE retired = 0
    GROUP BY deck_id, fact_id
) AS top
WHERE top.deck_id = memory.deck_id AND top.fact_id = memory.fact_id AND memory.rung > top.rung;
