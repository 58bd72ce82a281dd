package storage

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"

	"ccselect/model"
)

// The sizing of an evaluation: named peak scenarios and the one that sets P, the required peak
// channels. P is Size(governing scenario).Channels, written in the same transaction as whatever
// changed it, so the ranking always follows the governing scenario's inputs.

// Audit actions of the sizing (stored in the log, never change).
const (
	ActionScenarioSave   = "scenario.save"
	ActionScenarioDelete = "scenario.delete"
	ActionGoverning      = "scenario.governing"
)

func init() {
	for _, a := range []string{ActionScenarioSave, ActionScenarioDelete, ActionGoverning} {
		appliers[a] = applySizing
	}
	actionLabels[ActionScenarioSave] = "scenario"
	actionLabels[ActionScenarioDelete] = "delete scenario"
	actionLabels[ActionGoverning] = "governing scenario"
}

// sizingState is one side of a sizing edit. Unlike the other states it is always present (a
// scenario that does not exist on that side is a nil Scenario), because the governing scenario
// and P on both sides are needed to replay it.
type sizingState struct {
	Scenario  *model.Scenario `json:"scenario,omitempty"`
	Pos       int             `json:"pos"`
	Governing string          `json:"governing"`
	// Peak is P on this side, present only when the edit changed P (nil on a side where P
	// was absent).
	Peak     *float64 `json:"peak,omitempty"`
	TouchesP bool     `json:"touches_p,omitempty"`
}

func applySizing(tx *sql.Tx, id int64, from, to []byte) error {
	var a, b sizingState
	if err := json.Unmarshal(from, &a); err != nil {
		return err
	}
	if err := json.Unmarshal(to, &b); err != nil {
		return err
	}
	switch {
	case b.Scenario != nil:
		if err := putScenario(tx, id, b.Pos, *b.Scenario); err != nil {
			return err
		}
	case a.Scenario != nil:
		if _, err := tx.ExecContext(ctx, `DELETE FROM scenarios WHERE eval_id = ? AND id = ?`, id, a.Scenario.ID); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE evaluations SET governing_scenario = ? WHERE id = ?`, b.Governing, id); err != nil {
		return err
	}
	if !b.TouchesP {
		return nil
	}
	if b.Peak == nil {
		_, err := tx.ExecContext(ctx, `DELETE FROM params WHERE eval_id = ? AND name = ?`, id, model.ParamPeak)
		return err
	}
	return putParam(tx, id, model.ParamPeak, *b.Peak)
}

func loadScenarios(q querier, id int64) ([]model.Scenario, error) {
	var out []model.Scenario
	err := each(q, func(r *sql.Rows) error {
		var s model.Scenario
		if err := r.Scan(&s.ID, &s.Name.Zh, &s.Name.En, &s.Calls, &s.IntervalS, &s.TalkHoldS, &s.ACWS,
			&s.SLTarget, &s.SLSeconds, &s.Blocking, &s.Shrinkage); err != nil {
			return err
		}
		out = append(out, s)
		return nil
	}, `SELECT id, name_zh, name_en, calls, interval_s, talk_hold_s, acw_s, sl_target, sl_seconds, blocking, shrinkage
		FROM scenarios WHERE eval_id = ? ORDER BY pos`, id)
	return out, err
}

// putScenario inserts or replaces one scenario at position pos.
func putScenario(tx *sql.Tx, id int64, pos int, s model.Scenario) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO scenarios (eval_id, id, pos, name_zh, name_en, calls, interval_s,
		talk_hold_s, acw_s, sl_target, sl_seconds, blocking, shrinkage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (eval_id, id) DO UPDATE SET pos = excluded.pos, name_zh = excluded.name_zh, name_en = excluded.name_en,
			calls = excluded.calls, interval_s = excluded.interval_s, talk_hold_s = excluded.talk_hold_s,
			acw_s = excluded.acw_s, sl_target = excluded.sl_target, sl_seconds = excluded.sl_seconds,
			blocking = excluded.blocking, shrinkage = excluded.shrinkage`,
		id, s.ID, pos, s.Name.Zh, s.Name.En, s.Calls, s.IntervalS, s.TalkHoldS, s.ACWS, s.SLTarget, s.SLSeconds, s.Blocking, s.Shrinkage)
	if err != nil {
		return fmt.Errorf("scenario %s: %w", s.ID, err)
	}
	return nil
}

// loadSizing reads only what a sizing edit touches — the parameters, the scenarios and the
// governing mark — so that editing a scenario in the workbench's form costs a fraction of a
// whole load. What it changes is checked on its own (ValidateScenario, CheckParam, the scenario
// count); the rest of the evaluation is untouched, so it stays as valid as it was.
func loadSizing(tx *sql.Tx, id int64) (*model.Evaluation, error) {
	ev := &model.Evaluation{ID: id}
	err := tx.QueryRowContext(ctx, `SELECT governing_scenario FROM evaluations WHERE id = ?`, id).Scan(&ev.GoverningScenario)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound(id)
	}
	if err != nil {
		return nil, err
	}
	if err := loadParams(tx, ev); err != nil {
		return nil, err
	}
	if ev.Scenarios, err = loadScenarios(tx, id); err != nil {
		return nil, err
	}
	return ev, nil
}

// checkSizing applies the checks of Evaluation.Validate that a sizing edit can break.
func checkSizing(ev *model.Evaluation) error {
	if len(ev.Scenarios) > model.MaxScenarios {
		return fmt.Errorf("%d sizing scenarios: at most %d are allowed", len(ev.Scenarios), model.MaxScenarios)
	}
	if g := ev.GoverningScenario; g != "" && ev.Scenario(g) == nil {
		return fmt.Errorf("governing scenario %q does not exist", g)
	}
	if p, ok := ev.Params[model.ParamPeak]; ok {
		return model.CheckParam(model.ParamPeak, p)
	}
	return nil
}

// peakOf returns P (nil when absent).
func peakOf(ev *model.Evaluation) *float64 {
	if v, ok := ev.Params[model.ParamPeak]; ok {
		return &v
	}
	return nil
}

// SaveScenario stores sc, replacing the scenario with its id or appending it. When sc is the
// governing scenario, P is set to its channels in the same transaction (and undo restores both).
// Invalid inputs are refused with nothing written. Audited and undoable.
func (s *Store) SaveScenario(id int64, sc model.Scenario, actor string) error {
	if err := model.ValidateScenario(sc); err != nil {
		return fmt.Errorf("save scenario: %w", err)
	}
	return s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		ev, err := loadSizing(tx, id)
		if err != nil {
			return nil, err
		}
		before := sizingState{Governing: ev.GoverningScenario}
		after := sizingState{Scenario: &sc, Governing: ev.GoverningScenario}
		if old := ev.Scenario(sc.ID); old != nil {
			if *old == sc {
				return nil, nil
			}
			o := *old
			before.Scenario = &o
			if after.Pos, err = position(tx, "scenarios", id, sc.ID); err != nil {
				return nil, err
			}
			before.Pos = after.Pos
			*old = sc
		} else {
			if after.Pos, err = nextPosition(tx, "scenarios", id); err != nil {
				return nil, err
			}
			ev.Scenarios = append(ev.Scenarios, sc)
		}
		if ev.GoverningScenario == sc.ID {
			peak, _, err := model.PeakFromScenario(sc)
			if err != nil {
				return nil, fmt.Errorf("save scenario: %w", err)
			}
			if old := peakOf(ev); old == nil || *old != peak {
				before.Peak, before.TouchesP = old, true
				after.Peak, after.TouchesP = &peak, true
				if ev.Params == nil {
					ev.Params = map[string]float64{}
				}
				ev.Params[model.ParamPeak] = peak
			}
		}
		if err := checkSizing(ev); err != nil {
			return nil, fmt.Errorf("save scenario: %w", err)
		}
		if err := putScenario(tx, id, after.Pos, sc); err != nil {
			return nil, err
		}
		if after.TouchesP {
			if err := putParam(tx, id, model.ParamPeak, *after.Peak); err != nil {
				return nil, err
			}
		}
		return &auditChange{action: ActionScenarioSave, target: sc.ID, before: before, after: after}, nil
	})
}

// DeleteScenario removes a scenario. Deleting the governing scenario leaves P as it is and no
// scenario governing (undo restores the mark). Audited and undoable.
func (s *Store) DeleteScenario(id int64, scID, actor string) error {
	return s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		ev, err := loadSizing(tx, id)
		if err != nil {
			return nil, err
		}
		old := ev.Scenario(scID)
		if old == nil {
			return nil, unknownScenario(ev, scID)
		}
		pos, err := position(tx, "scenarios", id, scID)
		if err != nil {
			return nil, err
		}
		o := *old
		before := sizingState{Scenario: &o, Pos: pos, Governing: ev.GoverningScenario}
		after := sizingState{Pos: pos, Governing: ev.GoverningScenario}
		if after.Governing == scID {
			after.Governing = ""
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM scenarios WHERE eval_id = ? AND id = ?`, id, scID); err != nil {
			return nil, fmt.Errorf("delete scenario: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE evaluations SET governing_scenario = ? WHERE id = ?`, after.Governing, id); err != nil {
			return nil, fmt.Errorf("delete scenario: %w", err)
		}
		return &auditChange{action: ActionScenarioDelete, target: scID, before: before, after: after}, nil
	})
}

// SetGoverningScenario makes scenario scID the one that sets P and sets P to its channels
// (Size(sc).Channels), as one audited, undoable edit; it returns the new P. An empty scID
// clears the mark and leaves P as it is (P is then typed by hand); it returns the current P.
func (s *Store) SetGoverningScenario(id int64, scID, actor string) (peak float64, err error) {
	err = s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		ev, err := loadSizing(tx, id)
		if err != nil {
			return nil, err
		}
		before := sizingState{Governing: ev.GoverningScenario}
		after := sizingState{Governing: scID}
		old := peakOf(ev)
		if old != nil {
			peak = *old
		}
		if scID != "" {
			sc := ev.Scenario(scID)
			if sc == nil {
				return nil, unknownScenario(ev, scID)
			}
			if peak, _, err = model.PeakFromScenario(*sc); err != nil {
				return nil, fmt.Errorf("set governing scenario: %w", err)
			}
			if old == nil || *old != peak {
				before.Peak, before.TouchesP = old, true
				after.Peak, after.TouchesP = &peak, true
			}
		}
		if reflect.DeepEqual(before, after) {
			return nil, nil
		}
		if after.TouchesP {
			if ev.Params == nil {
				ev.Params = map[string]float64{}
			}
			ev.Params[model.ParamPeak] = peak
		}
		ev.GoverningScenario = scID
		if err := checkSizing(ev); err != nil {
			return nil, fmt.Errorf("set governing scenario: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE evaluations SET governing_scenario = ? WHERE id = ?`, scID, id); err != nil {
			return nil, err
		}
		if after.TouchesP {
			if err := putParam(tx, id, model.ParamPeak, peak); err != nil {
				return nil, err
			}
		}
		return &auditChange{action: ActionGoverning, target: scID, before: before, after: after}, nil
	})
	if err != nil {
		return 0, err
	}
	return peak, nil
}

func unknownScenario(ev *model.Evaluation, id string) error {
	ids := make([]string, len(ev.Scenarios))
	for i, s := range ev.Scenarios {
		ids[i] = s.ID
	}
	if len(ids) == 0 {
		return fmt.Errorf("unknown scenario %q: the evaluation has no sizing scenarios", id)
	}
	return fmt.Errorf("unknown scenario %q (scenarios: %v)", id, ids)
}
