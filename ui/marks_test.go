package ui

import (
	"strings"
	"testing"

	"ccselect/model"
)

// gridRow is the grid line of the criterion named name (the left part, before the side panel).
func gridRow(scr, name string) string {
	for _, l := range lines(scr) {
		if left, _, _ := strings.Cut(l, "│"); strings.Contains(left, name) {
			return left
		}
	}
	return ""
}

// Issue 8 defect 3b: a cell whose save is queued shows "…"; when the database refused it and
// it waits in the "not saved" list it shows "*"; once it is saved the mark goes.
func TestPendingCellMarked(t *testing.T) {
	bs := &busyStore{memStore: newMemStore(synthEval(5, 5, 1)), busy: true}
	r := start(newTestRoot(bs, model.LangEn, 1, 120, 30))
	press(r, "1")
	name := r.wb.ev.Framework.Criteria[r.wb.dimCrit[0][0]].Name.In(model.LangEn)
	_, cmd := r.Update(keyMsg("3")) // the save is queued, not yet run
	if row := gridRow(screen(r), name); !strings.Contains(row, "3"+ellipsis) {
		t.Fatalf("queued save not marked: %q", row)
	}
	drive(r, cmd) // refused: the database is locked (the grid reloads what the database holds)
	if row := gridRow(screen(r), name); strings.Count(row, "*") != 1 {
		t.Fatalf("failed save not marked: %q", row)
	}
	bs.busy = false
	_, cmd = r.Update(pollMsg{})
	drive(r, cmd)
	if row := gridRow(screen(r), name); strings.Contains(row, "*") || strings.Contains(row, ellipsis) || !strings.Contains(row, "3") {
		t.Fatalf("saved cell still marked: %q", row)
	}
}
