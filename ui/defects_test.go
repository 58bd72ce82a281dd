package ui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"ccselect/model"
	"ccselect/ui/store"
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
	if len(ms.calls) != before || r.dialog() != nil {
		t.Fatalf("keys acted on the hidden screen: calls %v, dialog %v", ms.calls[before:], r.dialog())
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
	if r.dialog() == nil {
		t.Fatal("enter opened no dialog")
	}
	r.Update(tea.WindowSizeMsg{Width: 40, Height: 10})
	if _, cmd := r.Update(keyMsg("q")); !isQuit(cmd) {
		t.Fatal("q on the too-small screen did not quit")
	}
}

// Issue 8 defect 11: every tab has a direct key, its position in the tab row (0 overview, 1–5
// the dimensions, 6 weights, 7 sensitivity, 8 sizing, 9 vendors); in a grid 1–5 still rate. The
// eleventh tab (reviewers) has no digit left: its key is @ (tabs_test.go checks every pane).
func TestEveryTabHasADirectKey(t *testing.T) {
	ms := newMemStore(synthEval(5, 5, 1))
	r := start(newTestRoot(ms, model.LangEn, 1, 100, 30))
	want := map[string]tabKind{"6": tabWeights, "7": tabSensitivity, "8": tabSizing, "9": tabVendors, "0": tabOverview}
	for _, d := range []string{"6", "7", "8", "9", "0"} {
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
	press(r, "9")
	if r.tabs[r.tab].kind != tabVendors {
		t.Fatal("9 in a grid did not reach the vendors tab")
	}
	press(r, "@") // the eleventh tab has a key too
	if r.tabs[r.tab].kind != tabReviewers {
		t.Fatal("@ did not reach the reviewers tab")
	}
	press(r, "0", "shift+tab") // the last tab
	if r.tabs[r.tab].kind != tabReviewers {
		t.Fatal("shift+tab from the overview did not reach the reviewers tab")
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

// busyStore refuses score edits as SQLite does while another process holds the lock (through
// the adapter's kind), until busy is cleared.
type busyStore struct {
	*memStore
	busy bool
}

func (b *busyStore) SetScore(id int64, sc model.Score, actor string) error {
	if b.busy {
		return store.Kind(store.ErrBusy, errors.New("database is locked (5) (SQLITE_BUSY)"))
	}
	return b.memStore.SetScore(id, sc, actor)
}

// driveQuit is drive that reports whether the program was told to quit.
func driveQuit(r *Root, cmd tea.Cmd) bool {
	quit := false
	runCmds(cmd, func(m tea.Msg) tea.Cmd {
		switch m.(type) {
		case pollMsg:
			return nil
		case tea.QuitMsg:
			quit = true
			return nil
		}
		_, next := r.Update(m)
		return next
	})
	return quit
}

// Issue 8 defect 3: with the database locked, each refused edit waits in a "not saved" list
// (the header counts them, the status says so in the interface language, never SQLite's
// English), w retries them, and a poll retries them once the lock has cleared.
func TestBusyEditsWaitAndRetry(t *testing.T) {
	bs := &busyStore{memStore: newMemStore(synthEval(5, 5, 1)), busy: true}
	r := start(newTestRoot(bs, model.LangZh, 1, 120, 30))
	press(r, "1", "3", "4") // the cursor advances: the first two vendors are rated
	if len(r.unsaved) != 2 {
		t.Fatalf("%d edits waiting, want 2", len(r.unsaved))
	}
	scr := screen(r)
	if !strings.Contains(scr, "2 项未保存") || !strings.Contains(r.statusText, "数据库正被另一个程序锁定") ||
		strings.Contains(scr, "SQLITE_BUSY") {
		t.Fatalf("status %q, header:\n%s", r.statusText, lines(scr)[0])
	}
	if !strings.Contains(lines(scr)[29], "w 重试未保存") {
		t.Fatalf("hint %q", lines(scr)[29])
	}
	press(r, "left", "left", "5") // the first cell again: supersedes the waiting edit, does not add one
	if len(r.unsaved) != 2 {
		t.Fatalf("%d edits waiting after re-rating a cell, want 2", len(r.unsaved))
	}
	press(r, "w") // still locked: they come back
	if len(r.unsaved) != 2 {
		t.Fatalf("%d waiting after a failed retry", len(r.unsaved))
	}
	bs.busy = false
	_, cmd := r.Update(pollMsg{})
	drive(r, cmd)
	if len(r.unsaved) != 0 || r.saveErr {
		t.Fatalf("after the lock cleared: %d waiting, saveErr %v", len(r.unsaved), r.saveErr)
	}
	ev := bs.evals[1]
	got := map[string]float64{}
	for _, sc := range ev.Scores {
		if sc.Reviewer == ev.Reviewers[0].ID && (sc.Vendor == ev.Vendors[0].ID || sc.Vendor == ev.Vendors[1].ID) && sc.Criterion == "c00" {
			got[sc.Vendor] = sc.Value
		}
	}
	if got[ev.Vendors[0].ID] != 5 || got[ev.Vendors[1].ID] != 4 {
		t.Fatalf("stored %v, want the last values 5 and 4", got)
	}
}

// Issue 8 defect 2: a save error leaves the status line when a later save succeeds.
func TestSaveErrorClearedBySuccess(t *testing.T) {
	ms := newMemStore(synthEval(5, 5, 1))
	r := start(newTestRoot(ms, model.LangEn, 1, 120, 30))
	press(r, "1")
	ms.failOn = "SetScore"
	_, c1 := r.Update(keyMsg("3")) // fails
	drive(r, c1)
	if !r.saveErr || !strings.Contains(r.statusText, "Not saved") {
		t.Fatalf("after a failure: saveErr %v, status %q", r.saveErr, r.statusText)
	}
	ms.failOn = ""
	// The next edit arrives without a key press clearing the line (a mouse edit, or one
	// queued behind the failure): its success clears the stale error.
	cmd := paneAs[*gridPane](r, tabDimension).save(1, 0, 4, "", "", nil)
	drive(r, cmd)
	if r.saveErr || strings.Contains(r.statusText, "Not saved") || strings.Contains(screen(r), "not saved") {
		t.Fatalf("after a later success: saveErr %v, status %q", r.saveErr, r.statusText)
	}
}

// Issue 7 defect 4: q while an edit is saving waits for it and then quits; if the edit cannot
// be saved the workbench stays open and says so; a second q quits and Run names what was lost.
func TestQuitWaitsForSaves(t *testing.T) {
	bs := &busyStore{memStore: newMemStore(synthEval(5, 5, 1))}
	r := start(newTestRoot(bs, model.LangEn, 1, 120, 30))
	press(r, "1")
	_, save := r.Update(keyMsg("3")) // in flight
	_, q := r.Update(keyMsg("q"))
	if isQuit(q) {
		t.Fatal("q quit with an edit in flight")
	}
	if !driveQuit(r, save) {
		t.Fatal("no quit once the edit was saved")
	}

	bs.busy = true
	r = start(newTestRoot(bs, model.LangEn, 1, 120, 30))
	press(r, "1")
	_, save = r.Update(keyMsg("4"))
	r.Update(keyMsg("q"))
	if driveQuit(r, save) {
		t.Fatal("quit although the edit could not be saved")
	}
	if !strings.Contains(r.statusText, "1 edits not saved") || !strings.Contains(r.statusText, "q again quits") {
		t.Fatalf("status %q", r.statusText)
	}
	if _, cmd := r.Update(keyMsg("q")); !isQuit(cmd) {
		t.Fatal("the second q did not quit")
	}
	if r.exitUnsaved == "" {
		t.Fatal("nothing recorded for the exit message")
	}
}

// Issue 8 defect 13: after a rating the cursor moves to the next vendor (A toggles it); a "."
// typed right after halves the cell just rated, so "3." still gives 3.5.
func TestRatingAdvances(t *testing.T) {
	f := newPaneFixture(t, synthEval(3, 5, 1), model.LangEn, 120, 24)
	g := f.grid("stability")
	f.press(g, "3")
	if g.col != 1 {
		t.Fatalf("cursor at vendor %d after a rating, want 1", g.col)
	}
	f.press(g, ".")
	if s, ok := f.wb.score(0, f.wb.dimCrit[0][0]); !ok || s.Value != 3.5 || g.col != 1 {
		t.Fatalf("after 3 then .: %v (ok %v), cursor %d", s.Value, ok, g.col)
	}
	f.press(g, "4", "5") // the last vendor: the cursor stays on it
	if g.col != 2 {
		t.Fatalf("cursor at %d past the last vendor", g.col)
	}
	f.press(g, "A", "left", "2")
	if g.col != 1 {
		t.Fatalf("with advance off the cursor moved to %d", g.col)
	}
	if f.writes != 5 { // 3, ".", 4, 5 and 2: one write each
		t.Fatalf("%d writes, want 5", f.writes)
	}
}

// Overlays stack: a confirmation opened over a form takes the keys; closing it shows the form
// again, still open, with what was typed.
func TestOverlayStack(t *testing.T) {
	r := start(newTestRoot(newMemStore(synthEval(3, 5, 1)), model.LangEn, 1, 120, 30))
	press(r, "1", "enter")
	form := r.dialog()
	if form == nil {
		t.Fatal("no form")
	}
	asked := false
	r.e.open(&confirmDialog{e: &r.e, keys: &r.keys,
		text: func(tr) (string, string) { return "Replace?", "The file exists." },
		yes:  func() tea.Cmd { asked = true; return nil }})
	if !strings.Contains(screen(r), "Replace?") {
		t.Fatal("the confirmation is not drawn")
	}
	press(r, "esc")
	if r.dialog() != form || asked {
		t.Fatalf("esc on the confirmation: top %v, confirmed %v", r.dialog(), asked)
	}
	press(r, "esc")
	if r.dialog() != nil {
		t.Fatal("esc on the form did not close it")
	}
}

// echoMsg is a pane's own async result; spyPane records what reaches it.
type echoMsg struct{ n int }

type spyPane struct {
	pane
	got []tea.Msg
}

func (s *spyPane) Update(msg tea.Msg) tea.Cmd { s.got = append(s.got, msg); return nil }

// A message from a pane's command reaches that pane even when another tab has the focus.
func TestPaneMessageRouting(t *testing.T) {
	r := start(newTestRoot(newMemStore(synthEval(3, 5, 1)), model.LangEn, 1, 120, 30))
	spy := &spyPane{pane: paneAs[*sensPane](r, tabSensitivity)}
	def := defOf(tabSensitivity)
	orig := def.pane
	def.pane = func(*Root, tab) pane { return spy }
	defer func() { def.pane = orig }()
	cmd := toPane(tabSensitivity, tea.Batch(func() tea.Msg { return echoMsg{1} }, func() tea.Msg { return echoMsg{2} }))
	press(r, "8") // the vendors tab has the focus when the results come
	drive(r, cmd)
	if len(spy.got) != 2 || spy.got[0] != (echoMsg{1}) || spy.got[1] != (echoMsg{2}) {
		t.Fatalf("the sensitivity pane got %v", spy.got)
	}
}

type roStore struct{ *memStore }

func (roStore) ReadOnly() bool { return true }

// Issue 8 defect 4: a database the user cannot write opens view-only: the header says so,
// editing keys change nothing and say why, and the hint bar explains instead of offering them.
func TestViewOnly(t *testing.T) {
	ms := newMemStore(synthEval(3, 5, 1))
	r := start(newTestRoot(roStore{ms}, model.LangZh, 1, 120, 30))
	press(r, "1")
	before := len(ms.calls)
	press(r, "3", ".", "backspace", "u", "enter")
	if len(ms.calls) != before || r.dialog() != nil {
		t.Fatalf("edited a read-only database: %v, dialog %v", ms.calls[before:], r.dialog())
	}
	scr := lines(screen(r))
	if !strings.Contains(scr[0], "只读") || !strings.Contains(r.statusText, "只读数据库") {
		t.Fatalf("header %q, status %q", scr[0], r.statusText)
	}
	if hint := scr[29]; !strings.Contains(hint, "只读 编辑键已停用") || strings.Contains(hint, "评分") {
		t.Fatalf("hint %q", hint)
	}
	press(r, "right", "8", "a") // moving works; adding a vendor does not
	if paneAs[*gridPane](r, tabDimension).col != 1 || r.dialog() != nil {
		t.Fatalf("cursor %d, dialog %v", paneAs[*gridPane](r, tabDimension).col, r.dialog())
	}
}

// Issue 8 defect 7: vendor columns grow with the room, so on a wide screen a longer Chinese
// name is not cut (the columns stopped at 11 cells, leaving the rest of the line empty).
func TestGridColumnsGrowWithRoom(t *testing.T) {
	ev := synthEval(4, 5, 1)
	ev.Vendors[0].Name = model.Text{Zh: "云启通讯科技集团", En: "Yunqi Telecom Group Holdings"}
	f := newPaneFixture(t, ev, model.LangZh, 200, 34)
	g := f.grid("stability")
	if scr := f.view(g); !strings.Contains(scr, "云启通讯科技集团") {
		t.Fatalf("the 16-cell name is cut at 200 columns:\n%s", scr)
	}
	// At 80 columns the name takes two header lines, and only then is cut (defect 7b).
	f.w, f.h = 80, 18
	scr := lines(f.view(g))
	head, head2 := strings.Split(scr[1], "│")[0], strings.Split(scr[2], "│")[0]
	if !strings.Contains(head, "云启通") || strings.Contains(head, "…") || !strings.Contains(head2, "…") || strings.Contains(head2, "云启") {
		t.Fatalf("at 80 columns the name should go on over two lines, then be cut:\n%q\n%q", head, head2)
	}
}
