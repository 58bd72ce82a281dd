-- 0001: the whole ccselect schema. Every table below the evaluation carries eval_id so that one
-- evaluation's rows are found (and cascaded away) through a primary-key prefix. Times are unix
-- nanoseconds (INTEGER): they sort correctly and round-trip exactly. Positions (pos) keep the
-- order the user sees; gaps are allowed, so deleting and restoring a row never renumbers others.

CREATE TABLE evaluations (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL CHECK (name <> ''),
    client         TEXT    NOT NULL DEFAULT '',
    industry       TEXT    NOT NULL DEFAULT '',
    created        INTEGER NOT NULL,
    updated        INTEGER NOT NULL,
    active_profile TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX evaluations_updated ON evaluations (updated DESC, id DESC);
CREATE INDEX evaluations_name ON evaluations (name);

-- The framework is copied into each evaluation, so editing a template never changes past work.
CREATE TABLE dimensions (
    eval_id INTEGER NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
    id      TEXT    NOT NULL CHECK (id <> ''),
    pos     INTEGER NOT NULL,
    name_zh TEXT    NOT NULL DEFAULT '',
    name_en TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (eval_id, id),
    UNIQUE (eval_id, pos)
) WITHOUT ROWID;

CREATE TABLE criteria (
    eval_id      INTEGER NOT NULL,
    id           TEXT    NOT NULL CHECK (id <> ''),
    dimension    TEXT    NOT NULL,
    pos          INTEGER NOT NULL,
    name_zh      TEXT    NOT NULL DEFAULT '',
    name_en      TEXT    NOT NULL DEFAULT '',
    desc_zh      TEXT    NOT NULL DEFAULT '',
    desc_en      TEXT    NOT NULL DEFAULT '',
    rubric       TEXT    NOT NULL DEFAULT '[]',   -- JSON [3]{zh,en}: what earns a 1, a 3, a 5
    kind         TEXT    NOT NULL CHECK (kind IN ('rating', 'measured')),
    unit         TEXT    NOT NULL DEFAULT '',
    direction    TEXT    NOT NULL DEFAULT '',
    anchors      TEXT,                            -- JSON [{x,score}], NULL for ratings
    anchor_param TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (eval_id, id),
    UNIQUE (eval_id, pos),
    FOREIGN KEY (eval_id, dimension) REFERENCES dimensions (eval_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX criteria_dimension ON criteria (eval_id, dimension);

CREATE TABLE params (
    eval_id INTEGER NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
    name    TEXT    NOT NULL CHECK (name <> ''),
    value   REAL    NOT NULL,
    PRIMARY KEY (eval_id, name)
) WITHOUT ROWID;

CREATE TABLE vendors (
    eval_id INTEGER NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
    id      TEXT    NOT NULL CHECK (id <> ''),
    pos     INTEGER NOT NULL,
    name_zh TEXT    NOT NULL DEFAULT '',
    name_en TEXT    NOT NULL DEFAULT '',
    notes   TEXT    NOT NULL DEFAULT '',
    price   REAL    NOT NULL DEFAULT 0,
    PRIMARY KEY (eval_id, id),
    UNIQUE (eval_id, pos)
) WITHOUT ROWID;

CREATE TABLE reviewers (
    eval_id INTEGER NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
    id      TEXT    NOT NULL CHECK (id <> ''),
    pos     INTEGER NOT NULL,
    name    TEXT    NOT NULL CHECK (name <> ''),
    PRIMARY KEY (eval_id, id),
    UNIQUE (eval_id, pos)
) WITHOUT ROWID;

-- One reviewer's value for one cell. Deleting a vendor or reviewer takes its scores with it
-- (the audit row of that delete keeps them, so undo brings them back).
CREATE TABLE scores (
    eval_id   INTEGER NOT NULL,
    vendor    TEXT    NOT NULL,
    criterion TEXT    NOT NULL,
    reviewer  TEXT    NOT NULL,
    value     REAL    NOT NULL,
    note      TEXT    NOT NULL DEFAULT '',
    evidence  TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (eval_id, vendor, criterion, reviewer),
    FOREIGN KEY (eval_id, vendor) REFERENCES vendors (eval_id, id) ON DELETE CASCADE,
    FOREIGN KEY (eval_id, criterion) REFERENCES criteria (eval_id, id) ON DELETE CASCADE,
    FOREIGN KEY (eval_id, reviewer) REFERENCES reviewers (eval_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
-- Child-key indexes so cascades from criteria and reviewers do not scan every score.
CREATE INDEX scores_criterion ON scores (eval_id, criterion);
CREATE INDEX scores_reviewer ON scores (eval_id, reviewer);

CREATE TABLE profiles (
    eval_id INTEGER NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
    name    TEXT    NOT NULL CHECK (name <> ''),
    pos     INTEGER NOT NULL,
    PRIMARY KEY (eval_id, name),
    UNIQUE (eval_id, pos)
) WITHOUT ROWID;

CREATE TABLE profile_dimension_weights (
    eval_id   INTEGER NOT NULL,
    profile   TEXT    NOT NULL,
    dimension TEXT    NOT NULL,
    weight    REAL    NOT NULL,
    PRIMARY KEY (eval_id, profile, dimension),
    FOREIGN KEY (eval_id, profile) REFERENCES profiles (eval_id, name) ON DELETE CASCADE,
    FOREIGN KEY (eval_id, dimension) REFERENCES dimensions (eval_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX profile_dimension_weights_dimension ON profile_dimension_weights (eval_id, dimension);

-- Local weights: a criterion's share inside its dimension.
CREATE TABLE profile_criterion_weights (
    eval_id   INTEGER NOT NULL,
    profile   TEXT    NOT NULL,
    criterion TEXT    NOT NULL,
    weight    REAL    NOT NULL,
    PRIMARY KEY (eval_id, profile, criterion),
    FOREIGN KEY (eval_id, profile) REFERENCES profiles (eval_id, name) ON DELETE CASCADE,
    FOREIGN KEY (eval_id, criterion) REFERENCES criteria (eval_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX profile_criterion_weights_criterion ON profile_criterion_weights (eval_id, criterion);

-- A locked id may name a dimension or a criterion, so it carries no foreign key.
CREATE TABLE profile_locks (
    eval_id INTEGER NOT NULL,
    profile TEXT    NOT NULL,
    pos     INTEGER NOT NULL,
    target  TEXT    NOT NULL,
    PRIMARY KEY (eval_id, profile, pos),
    FOREIGN KEY (eval_id, profile) REFERENCES profiles (eval_id, name) ON DELETE CASCADE
) WITHOUT ROWID;

-- profile is NULL for a rule that applies under every profile; a profile-scoped rule goes with
-- its profile.
CREATE TABLE knockouts (
    eval_id   INTEGER NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
    pos       INTEGER NOT NULL,
    criterion TEXT    NOT NULL,
    op        TEXT    NOT NULL,
    threshold REAL    NOT NULL,
    param     TEXT    NOT NULL DEFAULT '',
    profile   TEXT,
    PRIMARY KEY (eval_id, pos),
    FOREIGN KEY (eval_id, criterion) REFERENCES criteria (eval_id, id) ON DELETE CASCADE,
    FOREIGN KEY (eval_id, profile) REFERENCES profiles (eval_id, name) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX knockouts_criterion ON knockouts (eval_id, criterion);
CREATE INDEX knockouts_profile ON knockouts (eval_id, profile);

-- Append-only history of every edit. Rows are never deleted, not even with their evaluation
-- (hence no foreign key), so a deleted evaluation's history still says who deleted it.
-- before/after are JSON states of what the edit touched: undo applies before, redo applies after.
-- The only columns ever updated are the two flags:
--   undone    the edit is currently undone (redo may re-apply it unless discarded);
--   discarded a new edit was made while this one was undone, so it can no longer be redone.
-- Undo and redo are themselves appended as rows (action 'undo'/'redo', ref = the edit's seq).
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    eval_id   INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    actor     TEXT    NOT NULL DEFAULT '',
    action    TEXT    NOT NULL,
    target    TEXT    NOT NULL DEFAULT '',
    before    TEXT,
    after     TEXT,
    undoable  INTEGER NOT NULL DEFAULT 0 CHECK (undoable IN (0, 1)),
    undone    INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
    discarded INTEGER NOT NULL DEFAULT 0 CHECK (discarded IN (0, 1)),
    ref       INTEGER
);
CREATE INDEX audit_eval ON audit (eval_id, seq);
-- What undo and redo look for, so neither walks over the undo/redo rows themselves. The redo
-- chain is also consulted on every edit, to discard it.
CREATE INDEX audit_undo ON audit (eval_id, seq) WHERE undoable = 1 AND undone = 0;
CREATE INDEX audit_redo ON audit (eval_id, seq) WHERE undone = 1 AND discarded = 0;
