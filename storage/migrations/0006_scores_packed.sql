-- 0006: scores stored packed (issue 13). One row per vendor and reviewer holds that reviewer's
-- values for every criterion, 8 bytes each (little-endian IEEE 754) in framework order, with a
-- NaN where the cell is not scored; the framework of an evaluation never changes once created,
-- so a criterion's place in the row is fixed. A 200k-score evaluation is 2,000 rows instead of
-- 200,000, and stepping rows through the driver was most of a report's time. Notes and evidence,
-- which few cells have, are rows of their own with every reference checked by a foreign key.
-- A rowid table rather than WITHOUT ROWID: a row of 300 criteria (2.4 KB) is more than a
-- WITHOUT ROWID b-tree keeps on its page.
CREATE TABLE score_rows (
    eval_id  INTEGER NOT NULL,
    vendor   TEXT    NOT NULL,
    reviewer TEXT    NOT NULL,
    scored   INTEGER NOT NULL CHECK (scored > 0), -- how many values vals holds; an empty row is deleted
    vals     BLOB    NOT NULL,
    UNIQUE (eval_id, vendor, reviewer),
    FOREIGN KEY (eval_id, vendor) REFERENCES vendors (eval_id, id) ON DELETE CASCADE,
    FOREIGN KEY (eval_id, reviewer) REFERENCES reviewers (eval_id, id) ON DELETE CASCADE
);
-- Deleting one reviewer is an edit: its cascade finds the reviewer's rows through this index.
CREATE INDEX score_rows_reviewer ON score_rows (eval_id, reviewer);

CREATE TABLE score_notes (
    eval_id   INTEGER NOT NULL,
    vendor    TEXT    NOT NULL,
    reviewer  TEXT    NOT NULL,
    criterion TEXT    NOT NULL,
    note      TEXT    NOT NULL DEFAULT '',
    evidence  TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (eval_id, vendor, reviewer, criterion),
    FOREIGN KEY (eval_id, vendor, reviewer) REFERENCES score_rows (eval_id, vendor, reviewer) ON DELETE CASCADE,
    FOREIGN KEY (eval_id, criterion) REFERENCES criteria (eval_id, id) ON DELETE CASCADE
) WITHOUT ROWID;

-- The scores table's rows are copied into these by a step in Go (storage/migrate6.go: SQL cannot
-- write a float as bytes), which then drops it.
