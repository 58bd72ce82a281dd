package ui

import (
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
	return r.e.t.f(head, what), named
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
	if text, ok := r.describeSizing(c); ok { // sizing_undo.go
		return text, true
	}
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
