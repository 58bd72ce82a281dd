-- 0002: evaluation names become unique in the schema (two simultaneous imports under one name
-- can no longer both succeed), audit rows say which front end wrote them (undo replays only its
-- own), and a meta table records facts about the file (whether it was ever seeded).
-- Names that an older version let repeat get their id appended, so the unique index can be built.
UPDATE evaluations SET name = name || ' (' || id || ')'
    WHERE id NOT IN (SELECT min(id) FROM evaluations GROUP BY name);
DROP INDEX evaluations_name;
CREATE UNIQUE INDEX evaluations_name ON evaluations (name);

ALTER TABLE audit ADD COLUMN origin TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_undo_origin ON audit (eval_id, origin, seq) WHERE undoable = 1 AND undone = 0;
CREATE INDEX audit_redo_origin ON audit (eval_id, origin, seq) WHERE undone = 1 AND discarded = 0;

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
