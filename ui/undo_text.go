package ui

import (
	"strings"
)

// The store describes an undone or redone edit in English with ids, as its audit log does:
// "score huisheng/storage_security by wang", "delete vendor yunqi by ed". The status line
// shows it in the interface language with names ("已撤销: 汇声智能 · 存储安全策略"), so the
// description is taken apart here. The labels are storage's (undo.go, actionLabels); an
// unknown shape is shown as the store wrote it.

// undoLabels maps storage's action labels to catalogue keys, longest label first so that
// "delete vendor" is not read as "vendor" with a target.
var undoLabels = []struct{ label, key string }{
	{"delete reviewer", "undo.reviewerdelete"},
	{"active profile", "undo.profileactive"},
	{"delete profile", "undo.profiledelete"},
	{"delete vendor", "undo.vendordelete"},
	{"clear score", "undo.clearscore"},
	{"knock-outs", "undo.knockouts"},
	{"parameter", "undo.param"},
	{"reviewer", "undo.reviewer"},
	{"profile", "undo.profile"},
	{"vendor", "undo.vendor"},
	{"rename", "undo.rename"},
	{"client", "undo.client"},
	{"score", "undo.score"},
}

// undoText is the status line after an undo or redo. named is false when an id could not be
// turned into a name yet (the thing comes back with the reload, e.g. an undone deletion).
func (r *Root) undoText(msg undoneMsg) (text string, named bool) {
	t := r.e.t
	head := "ok.undone"
	if msg.redo {
		head = "ok.redone"
	}
	what, named := r.describeEdit(msg.desc)
	return t.f(head, what), named
}

// describeEdit turns the store's description into catalogue text with names.
func (r *Root) describeEdit(desc string) (string, bool) {
	t := r.e.t
	rest := desc
	if i := strings.LastIndex(rest, " by "); i >= 0 {
		rest = rest[:i] // who made the edit (or, for a score, whose cell): not repeated here
	}
	for _, l := range undoLabels {
		if rest != l.label && !strings.HasPrefix(rest, l.label+" ") {
			continue
		}
		target := strings.TrimPrefix(strings.TrimPrefix(rest, l.label), " ")
		switch l.key {
		case "undo.score", "undo.clearscore":
			vendor, crit, ok := strings.Cut(target, "/")
			if !ok {
				return desc, true
			}
			vn, okV := r.vendorName(vendor)
			cn, okC := r.criterionName(crit)
			return t.f(l.key, vn, cn), okV && okC
		case "undo.vendor", "undo.vendordelete":
			n, ok := r.vendorName(target)
			return t.f(l.key, n), ok
		case "undo.reviewer", "undo.reviewerdelete":
			n, ok := r.reviewerName(target)
			return t.f(l.key, n), ok
		case "undo.knockouts":
			n, _, _ := strings.Cut(target, " ") // "2 rules"
			return t.f(l.key, n), true
		}
		return t.f(l.key, target), true
	}
	return desc, true
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
