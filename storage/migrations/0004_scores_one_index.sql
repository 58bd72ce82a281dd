-- 0004: scores keep one child-key index (issue 13). The index on (eval_id, criterion) served only
-- the cascade from a deleted criterion, and a criterion is deleted only with its whole
-- evaluation, whose scores Store.Delete removes first through the primary key; yet every score
-- written paid a third b-tree insert for it (a 200k-score import writes 200k index entries, a
-- third of the file). The index on (eval_id, reviewer) stays: deleting one reviewer is an edit.
DROP INDEX IF EXISTS scores_criterion;
