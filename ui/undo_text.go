package ui

import (
	"encoding/json"
	"strconv"

	"ccselect/ui/store"
)

// The status line after an undo or redo names the edit in the interface language with names
// ("已撤销: 汇声智能 · 存储安全策略"), built from the store's Change: its ids are resolved
// against the loaded evaluation. An action this program does not know is shown as the store
// describes it.

// undoText is the status line after an undo or redo. named is false when an id could not be
// turned into a name yet (the thing comes back with the reload, e.g. an undone deletion).
func (r *Root) undoText(msg undoneMsg) (text string, named bool) {
	head := "ok.undone"
	if msg.redo {
		head = "ok.redone"
	}
	what, named := r.describeChange(msg.change)
	if ch, ok := valueChange(msg.change, r.e.t.s("undo.none")); ok {
		what += " " + ch // what the edit changed, old → new (defect 12)
	}
	text = r.e.t.f(head, what)
	if a := msg.change.Actor; a != "" && a != r.opt.Actor {
		// Someone else's edit (another window, the CLI, a colleague): say whose (defect 12).
		text += r.e.t.f("undo.by", clean(a))
	}
	return text, named
}

// undoKeys are the catalogue keys of the edits an undo can replay.
var undoKeys = map[store.Action]string{
	store.ActionScore:          "undo.score",
	store.ActionClearScore:     "undo.clearscore",
	store.ActionVendorSave:     "undo.vendor",
	store.ActionVendorDelete:   "undo.vendordelete",
	store.ActionReviewerSave:   "undo.reviewer",
	store.ActionReviewerDelete: "undo.reviewerdelete",
	store.ActionProfileSave:    "undo.profile",
	store.ActionProfileDelete:  "undo.profiledelete",
	store.ActionProfileActive:  "undo.profileactive",
	store.ActionRename:         "undo.rename",
	store.ActionClient:         "undo.client",
	store.ActionKnockOuts:      "undo.knockouts",
	store.ActionParam:          "undo.param",
}

// describeChange is catalogue text with names for what c did (who did it is not repeated).
func (r *Root) describeChange(c Change) (string, bool) {
	k, known := undoKeys[c.Action]
	if !known {
		return c.Description, true
	}
	t := r.e.t
	switch c.Action {
	case store.ActionScore, store.ActionClearScore:
		vn, okV := r.vendorName(c.Vendor)
		cn, okC := r.criterionName(c.Criterion)
		return t.f(k, vn, cn), okV && okC
	case store.ActionVendorSave, store.ActionVendorDelete:
		n, ok := r.vendorName(c.Vendor)
		return t.f(k, n), ok
	case store.ActionReviewerSave, store.ActionReviewerDelete:
		n, ok := r.reviewerName(c.Reviewer)
		return t.f(k, n), ok
	case store.ActionProfileSave, store.ActionProfileDelete, store.ActionProfileActive:
		return t.f(k, c.Profile), true
	case store.ActionRename, store.ActionClient:
		return t.f(k, c.Text), true
	case store.ActionKnockOuts:
		return t.f(k, c.Rules), true
	}
	return t.f(k, c.Param), true // store.ActionParam
}

func (r *Root) vendorName(id string) (string, bool) {
	if r.wb != nil {
		if i := r.wb.ev.VendorIndex(id); i >= 0 {
			return r.wb.ev.Vendors[i].Name.In(r.e.lang()), true
		}
	}
	return id, false
}

func (r *Root) criterionName(id string) (string, bool) {
	if r.wb != nil {
		if c, ok := r.wb.ev.Framework.Criterion(id); ok {
			return c.Name.In(r.e.lang()), true
		}
	}
	return id, false
}

func (r *Root) reviewerName(id string) (string, bool) {
	if r.wb != nil {
		if i := r.wb.ev.ReviewerIndex(id); i >= 0 {
			return r.wb.ev.Reviewers[i].Name, true
		}
	}
	return id, false
}

// pendingUndo is an undo status that waits for the reload to name what it brought back.
type pendingUndo struct {
	msg   undoneMsg
	shown string // the status text shown meanwhile
}

// valueChange is "old → new" for an edit of one value (a score, a parameter), read from the
// change's JSON states; a side where the value did not exist reads none. ok is false for
// other edits and unreadable states.
func valueChange(c store.Change, none string) (string, bool) {
	switch c.Action {
	case store.ActionScore, store.ActionClearScore, store.ActionParam:
	default:
		return "", false
	}
	side := func(js string) (string, bool) {
		if js == "" || js == "null" {
			return none, true
		}
		var v struct {
			Value *float64 `json:"value"`
		}
		if json.Unmarshal([]byte(js), &v) != nil || v.Value == nil {
			return "", false
		}
		return strconv.FormatFloat(*v.Value, 'f', -1, 64), true
	}
	before, ok1 := side(c.Before)
	after, ok2 := side(c.After)
	if !ok1 || !ok2 || c.Before == "" && c.After == "" {
		return "", false
	}
	return before + " → " + after, true
}
