-- 0005: a partial index of the scores that carry a note or evidence (issue 13). Load reads values
-- for every score and notes only for the cells that have any; without this index that second
-- query stepped through every score again (93 ms of a 750k-score report) to find the few
-- annotated ones. Unannotated scores, nearly all of them, are not in the index, so writing them
-- costs nothing more. The WHERE must stay textually the one in storage/load.go's query: SQLite
-- uses a partial index only when the query's terms imply the index's.
CREATE INDEX IF NOT EXISTS scores_annotated ON scores (eval_id) WHERE note <> '' OR evidence <> '';
