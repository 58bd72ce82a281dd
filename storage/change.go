package storage

import (
	"encoding/json"

	"ccselect/model"
)

// Change is the edit an Undo or Redo replayed, in fields rather than prose, so that callers
// can name it in their own language without taking apart a sentence (an id may contain any
// text, " by " included). Only the fields of its Action are set; ids stay ids: resolving them
// to names is the caller's business.
type Change struct {
	Seq    int64  // the audit row of the edit (AuditEntry.Seq)
	Action string // ActionScore, ActionClearScore, ActionVendorSave, ActionVendorDelete, …
	Actor  string // who made the edit (not who undid it)

	Vendor    string // ActionScore, ActionClearScore, ActionVendorSave, ActionVendorDelete: vendor id
	Criterion string // ActionScore, ActionClearScore: criterion id
	Reviewer  string // ActionScore, ActionClearScore (whose cell), ActionReviewerSave, ActionReviewerDelete: reviewer id
	Profile   string // ActionProfileSave, ActionProfileDelete, ActionProfileActive: profile name
	Param     string // ActionParam: parameter name
	Text      string // ActionRename: the evaluation's name; ActionClient: the client (as the edit set them)
	Rules     int    // ActionKnockOuts: how many rules the edit left
	// ActionProfileRename: Profile is the new name, OldProfile the name before.
	OldProfile string
	// ActionScenarioSave, ActionScenarioDelete, ActionGoverning: the scenario id ("" for a
	// governing mark cleared).
	Scenario string

	// Before and After are the JSON states the edit went from and to (nil: the thing did not
	// exist on that side), for showing old → new; undo applied Before, redo After.
	Before, After string

	// Description is the edit in English with ids, for logs and error messages:
	// "score yunqi/track_record by wang", "delete vendor yunqi by ed".
	Description string
}

// changeOf rebuilds the Change of an audit row. before and after are its JSON states (nil:
// absent). target is the row's key; a score's is "vendor/criterion/reviewer", which ids with a
// "/" make ambiguous, so a score is read from its state instead.
func changeOf(seq int64, action, target, actor string, before, after []byte) Change {
	c := Change{Seq: seq, Action: action, Actor: actor, Before: string(before), After: string(after)}
	switch action {
	case ActionScore, ActionClearScore:
		var sc model.Score
		if _, err := decode(before, after, &sc); err == nil {
			c.Vendor, c.Criterion, c.Reviewer = sc.Vendor, sc.Criterion, sc.Reviewer
		}
	case ActionVendorSave, ActionVendorDelete:
		c.Vendor = target
	case ActionReviewerSave, ActionReviewerDelete:
		c.Reviewer = target
	case ActionProfileSave, ActionProfileDelete, ActionProfileActive:
		c.Profile = target
	case ActionParam:
		c.Param = target
	case ActionProfileRename:
		var r renameState
		if before != nil && json.Unmarshal(before, &r) == nil {
			c.OldProfile = r.Name
		}
		c.Profile = target
	case ActionScenarioSave, ActionScenarioDelete, ActionGoverning:
		c.Scenario = target
	case ActionRename, ActionClient:
		c.Text = target
	case ActionKnockOuts:
		var kos []posKnockOut
		if after != nil && json.Unmarshal(after, &kos) == nil {
			c.Rules = len(kos)
		}
	}
	c.Description = c.describe(target)
	return c
}

var actionLabels = map[string]string{
	ActionRename:         "rename",
	ActionClient:         "client",
	ActionProfileActive:  "active profile",
	ActionScore:          "score",
	ActionClearScore:     "clear score",
	ActionVendorSave:     "vendor",
	ActionVendorDelete:   "delete vendor",
	ActionReviewerSave:   "reviewer",
	ActionReviewerDelete: "delete reviewer",
	ActionProfileSave:    "profile",
	ActionProfileDelete:  "delete profile",
	ActionKnockOuts:      "knock-outs",
	ActionParam:          "parameter",
}

// describe names the edit for logs: "score yunqi/track_record by wang" (for a score, "by" is the
// reviewer whose cell it is; otherwise the actor who made the edit).
func (c *Change) describe(target string) string {
	label := actionLabels[c.Action]
	if label == "" {
		label = c.Action
	}
	if c.Action == ActionScore || c.Action == ActionClearScore {
		return label + " " + c.Vendor + "/" + c.Criterion + " by " + c.Reviewer
	}
	d := label
	if target != "" {
		d += " " + target
	}
	if c.Actor != "" {
		d += " by " + c.Actor
	}
	return d
}
