package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// isQuit reports whether cmd (or a command of its batch) quits the program.
func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch m := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range m {
			if isQuit(c) {
				return true
			}
		}
	}
	return false
}

// Issue 8 defect 1: below 60×16 only the "too small" notice is drawn, so a key must not reach
// the hidden grid (a "3" rated a cell unseen) nor a hidden dialog field ("q" was typed into it).
func TestTooSmallSwallowsKeys(t *testing.T) {
	ms := newMemStore(synthEval(5, 5, 1))
	r := start(newTestRoot(ms, model.LangZh, 1, 100, 30))
	press(r, "1")
	before := len(ms.calls)
	r.Update(tea.WindowSizeMsg{Width: 50, Height: 14})
	press(r, "3", "enter", "x", "tab")
	if len(ms.calls) != before || r.dlg != nil {
		t.Fatalf("keys acted on the hidden screen: calls %v, dialog %v", ms.calls[before:], r.dlg)
	}
	if r.tab != 1 {
		t.Fatalf("tab moved to %d while too small", r.tab)
	}
	press(r, "L")
	if r.e.t.lang != model.LangEn {
		t.Fatal("L did not switch the language on the too-small screen")
	}
	// A dialog open when the window shrinks: q quits instead of being typed.
	r.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	press(r, "enter")
	if r.dlg == nil {
		t.Fatal("enter opened no dialog")
	}
	r.Update(tea.WindowSizeMsg{Width: 40, Height: 10})
	if _, cmd := r.Update(keyMsg("q")); !isQuit(cmd) {
		t.Fatal("q on the too-small screen did not quit")
	}
}

// Issue 8 defect 11: every tab has a direct key, its position in the tab row (0 overview, 1–5
// the dimensions, 6 sensitivity, 7 vendors, 8 reviewers); in a grid 1–5 still rate.
func TestEveryTabHasADigit(t *testing.T) {
	ms := newMemStore(synthEval(5, 5, 1))
	r := start(newTestRoot(ms, model.LangEn, 1, 100, 30))
	want := map[string]tabKind{"6": tabSensitivity, "7": tabVendors, "8": tabReviewers, "0": tabOverview}
	for _, d := range []string{"6", "7", "8", "0"} {
		press(r, d)
		if got := r.tabs[r.tab].kind; got != want[d] {
			t.Fatalf("%s went to tab kind %d, want %d", d, got, want[d])
		}
	}
	press(r, "1") // from the overview: the first dimension
	if r.tab != 1 {
		t.Fatalf("1 went to tab %d", r.tab)
	}
	before := len(ms.calls)
	press(r, "3") // in a grid: a rating, not a tab switch
	if r.tab != 1 || len(ms.calls) == before {
		t.Fatalf("3 in a grid: tab %d, calls %v", r.tab, ms.calls[before:])
	}
	press(r, "7")
	if r.tabs[r.tab].kind != tabVendors {
		t.Fatal("7 in a grid did not reach the vendors tab")
	}
	press(r, "9") // no ninth tab: nothing happens
	if r.tabs[r.tab].kind != tabVendors {
		t.Fatal("9 moved off the vendors tab though there is no ninth tab")
	}
}

// Issue 8 defect 15: ctrl+z suspends the program (Bubble Tea restores the terminal and stops
// the process; fg resumes it), on every screen, a dialog's included.
func TestCtrlZSuspends(t *testing.T) {
	r := start(newTestRoot(newMemStore(synthEval(5, 5, 1)), model.LangZh, 1, 100, 30))
	press(r, "1", "enter") // a dialog is open
	_, cmd := r.Update(keyMsg("ctrl+z"))
	if cmd == nil {
		t.Fatal("ctrl+z returned no command")
	}
	if _, ok := cmd().(tea.SuspendMsg); !ok {
		t.Fatal("ctrl+z did not suspend")
	}
}
