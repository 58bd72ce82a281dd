-- 0003: how weights were obtained, the weight draft, and the sizing of P (issues 10 and 12).
-- A profile's elicitation is JSON (model.WeightProfile.Elicitation: method and inputs per
-- level), NULL when every level was typed. The draft is JSON (model.WeightProfile), NULL when
-- there is none. governing_scenario is the id of the scenario that sets P ('' : none).
ALTER TABLE profiles ADD COLUMN elicitation TEXT;
ALTER TABLE evaluations ADD COLUMN draft TEXT;
ALTER TABLE evaluations ADD COLUMN governing_scenario TEXT NOT NULL DEFAULT '';

-- Named peak scenarios (model.Scenario); times in seconds, fractions as fractions.
CREATE TABLE scenarios (
    eval_id     INTEGER NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
    id          TEXT    NOT NULL CHECK (id <> ''),
    pos         INTEGER NOT NULL,
    name_zh     TEXT    NOT NULL DEFAULT '',
    name_en     TEXT    NOT NULL DEFAULT '',
    calls       REAL    NOT NULL,
    interval_s  REAL    NOT NULL,
    talk_hold_s REAL    NOT NULL,
    acw_s       REAL    NOT NULL DEFAULT 0,
    sl_target   REAL    NOT NULL,
    sl_seconds  REAL    NOT NULL,
    blocking    REAL    NOT NULL DEFAULT 0,
    shrinkage   REAL    NOT NULL DEFAULT 0,
    PRIMARY KEY (eval_id, id),
    UNIQUE (eval_id, pos)
) WITHOUT ROWID;
