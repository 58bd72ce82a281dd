package storage

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"ccselect/model"
)

// Weight profiles beyond the basics of edits.go: how a profile's weights were obtained (its
// elicitation, a JSON column), renaming, and the weight draft.

// ActionProfileRename renames a weight profile (audit action; stored in the log, never changes).
const ActionProfileRename = "profile.rename"

func init() {
	appliers[ActionProfileRename] = applyProfileRename
	actionLabels[ActionProfileRename] = "rename profile"
}

// renameState is one side of a rename: the profile's name on that side.
type renameState struct {
	Name string `json:"name"`
}

// schemaAtLeast reports whether the file's schema has migration v. A read-only store never
// migrates, so an older file is read without the columns it does not have yet.
func schemaAtLeast(q querier, v int) (bool, error) {
	var have int
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return false, err
	}
	return have >= v, nil
}

// loadWeightsSizing reads what migration 3 added: elicitations, the draft, the scenarios and
// the governing scenario.
func loadWeightsSizing(q querier, ev *model.Evaluation) error {
	if ok, err := schemaAtLeast(q, 3); err != nil || !ok {
		return err
	}
	byName := make(map[string]*model.WeightProfile, len(ev.Profiles))
	for i := range ev.Profiles {
		byName[ev.Profiles[i].Name] = &ev.Profiles[i]
	}
	err := each(q, func(r *sql.Rows) error {
		var name, body string
		if err := r.Scan(&name, &body); err != nil {
			return err
		}
		p := byName[name]
		if p == nil {
			return nil
		}
		if err := json.Unmarshal([]byte(body), &p.Elicitation); err != nil {
			return fmt.Errorf("profile %s: elicitation: %w", name, err)
		}
		return nil
	}, `SELECT name, elicitation FROM profiles WHERE eval_id = ? AND elicitation IS NOT NULL`, ev.ID)
	if err != nil {
		return err
	}
	var draft sql.NullString
	if err := q.QueryRowContext(ctx, `SELECT draft, governing_scenario FROM evaluations WHERE id = ?`, ev.ID).
		Scan(&draft, &ev.GoverningScenario); err != nil {
		return err
	}
	if draft.Valid {
		d, err := decodeDraft(draft.String)
		if err != nil {
			return err
		}
		ev.Draft = d
	}
	ev.Scenarios, err = loadScenarios(q, ev.ID)
	return err
}

func decodeDraft(body string) (*model.WeightProfile, error) {
	d := &model.WeightProfile{}
	if err := json.Unmarshal([]byte(body), d); err != nil {
		return nil, fmt.Errorf("weight draft: %w", err)
	}
	if d.Dimensions == nil {
		d.Dimensions = map[string]float64{}
	}
	if d.Criteria == nil {
		d.Criteria = map[string]float64{}
	}
	n := normalizeProfile(*d)
	return &n, nil
}

// insertWeightsSizing writes a new evaluation's draft, governing scenario and scenarios (its
// profiles' elicitations go with the profiles, in putProfile).
func insertWeightsSizing(tx *sql.Tx, id int64, ev *model.Evaluation) error {
	if err := writeDraft(tx, id, ev.Draft); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE evaluations SET governing_scenario = ? WHERE id = ?`, ev.GoverningScenario, id); err != nil {
		return fmt.Errorf("governing scenario: %w", err)
	}
	for i, sc := range ev.Scenarios {
		if err := putScenario(tx, id, i, sc); err != nil {
			return err
		}
	}
	return nil
}

// putElicitation stores a profile's elicitation (NULL when it has none).
func putElicitation(tx *sql.Tx, id int64, p *model.WeightProfile) error {
	var body any
	if len(p.Elicitation) > 0 {
		b, err := json.Marshal(p.Elicitation)
		if err != nil {
			return fmt.Errorf("profile %s: elicitation: %w", p.Name, err)
		}
		body = string(b)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE profiles SET elicitation = ? WHERE eval_id = ? AND name = ?`, body, id, p.Name); err != nil {
		return fmt.Errorf("profile %s: elicitation: %w", p.Name, err)
	}
	return nil
}

// normalizeElicitation makes an elicitation look the way Load returns it (through its JSON
// form: empty maps and lists absent), so saving an unchanged profile is recognised as no change.
func normalizeElicitation(m map[string]model.Elicitation) map[string]model.Elicitation {
	if len(m) == 0 {
		return nil
	}
	b, err := json.Marshal(m)
	if err != nil {
		return m // Validate refuses what cannot be encoded
	}
	var out map[string]model.Elicitation
	if json.Unmarshal(b, &out) != nil {
		return m
	}
	return out
}

// RenameProfile renames weight profile old to new (trimmed). The active profile, the knock-outs
// scoped to the profile and a draft started from it follow the rename. A name already taken by
// another profile is an error; renaming to the same name changes nothing. Audited and undoable.
func (s *Store) RenameProfile(id int64, old, new, actor string) error {
	new = strings.TrimSpace(new)
	if err := model.CheckName("weight profile name", new); err != nil {
		return fmt.Errorf("rename profile: %w", err)
	}
	return s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		ev, err := load(tx, id)
		if err != nil {
			return nil, err
		}
		if _, err := ev.Profile(old); err != nil {
			return nil, fmt.Errorf("rename profile: %w", err)
		}
		if new == old {
			return nil, nil
		}
		if _, err := ev.Profile(new); err == nil {
			return nil, fmt.Errorf("rename profile: a weight profile named %q already exists", new)
		}
		if err := renameProfile(tx, id, old, new); err != nil {
			return nil, fmt.Errorf("rename profile: %w", err)
		}
		return &auditChange{action: ActionProfileRename, target: new,
			before: renameState{Name: old}, after: renameState{Name: new}}, nil
	})
}

func applyProfileRename(tx *sql.Tx, id int64, from, to []byte) error {
	var a, b renameState
	if err := json.Unmarshal(from, &a); err != nil {
		return err
	}
	if err := json.Unmarshal(to, &b); err != nil {
		return err
	}
	return renameProfile(tx, id, a.Name, b.Name)
}

// renameProfile moves profile old to new in place. The weight and lock tables reference the
// profile's name without ON UPDATE CASCADE (SQLite cannot add it to existing tables), so the
// profile is deleted and re-inserted at its position, and its scoped knock-outs are put back at
// theirs under the new name.
func renameProfile(tx *sql.Tx, id int64, old, new string) error {
	ev := &model.Evaluation{ID: id}
	if err := loadFramework(tx, ev); err != nil {
		return err
	}
	if err := loadProfiles(tx, ev); err != nil {
		return err
	}
	if err := loadWeightsSizing(tx, ev); err != nil {
		return err
	}
	p, err := ev.Profile(old)
	if err != nil {
		return err
	}
	pos, err := position(tx, "profiles", id, old)
	if err != nil {
		return err
	}
	all, err := knockOutsAt(tx, id)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM profiles WHERE eval_id = ? AND name = ?`, id, old); err != nil {
		return err
	}
	moved := p.Clone()
	moved.Name = new
	if err := putProfile(tx, id, pos, &moved); err != nil {
		return err
	}
	for _, k := range all {
		if k.Profile == old {
			k.Profile = new
			if err := insertKnockOut(tx, id, k.Pos, k.KnockOut); err != nil {
				return err
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE evaluations SET active_profile = ? WHERE id = ? AND active_profile = ?`, new, id, old); err != nil {
		return err
	}
	if ev.Draft != nil && ev.Draft.Name == old {
		ev.Draft.Name = new
		return writeDraft(tx, id, ev.Draft)
	}
	return nil
}

// SaveDraft stores the weight draft of evaluation id (nil clears it); Load returns it as
// Evaluation.Draft. The draft must be a valid profile of the evaluation's framework; its Name is
// the profile it started from.
//
// It is one short transaction, committed before it returns, so a draft survives quitting, a
// crash or switching tabs. It is deliberately not an audited edit: a draft is typed working
// state, written on every keystroke. Auditing it would bury the decisions in the log, make undo
// step through keystrokes, and discard the redo chain at each one. The decision — saving the
// draft as a profile (SaveProfile) — is audited. For the same reason it leaves the evaluation's
// updated time alone.
func (s *Store) SaveDraft(id int64, d *model.WeightProfile) error {
	var draft *model.WeightProfile
	if d != nil {
		n := normalizeProfile(*d)
		n.Name = strings.TrimSpace(n.Name)
		if err := model.CheckName("draft profile name", n.Name); err != nil {
			return fmt.Errorf("save draft: %w", err)
		}
		draft = &n
	}
	tx, done, err := s.beginWrite()
	if err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	defer done()
	if err := exists(tx, id); err != nil {
		return err
	}
	if draft != nil {
		ev := &model.Evaluation{ID: id}
		if err := loadFramework(tx, ev); err != nil {
			return fmt.Errorf("save draft: %w", err)
		}
		if err := draft.Validate(&ev.Framework); err != nil {
			return fmt.Errorf("save draft: %w", err)
		}
	}
	if err := writeDraft(tx, id, draft); err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	return tx.Commit()
}

func writeDraft(tx *sql.Tx, id int64, d *model.WeightProfile) error {
	var body any
	if d != nil {
		b, err := json.Marshal(d)
		if err != nil {
			return err
		}
		body = string(b)
	}
	res, err := tx.ExecContext(ctx, `UPDATE evaluations SET draft = ? WHERE id = ?`, body, id)
	if err != nil {
		return fmt.Errorf("weight draft: %w", err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return notFound(id)
	}
	return nil
}
