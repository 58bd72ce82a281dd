package ui

import (
	"math"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"ccselect/model"
	"ccselect/storage"
)

// storedValue reads one reviewer's value for a cell back from the database.
func storedValue(t *testing.T, st Store, id int64, vendor, crit, reviewer string) (float64, bool) {
	t.Helper()
	ev, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	s, ok := ev.ScoreOf(vendor, crit, reviewer)
	if !ok {
		return math.NaN(), false
	}
	return s.Value, true
}

func order(r *Root) string {
	var ids []string
	for _, l := range r.wb.res.Vendors {
		ids = append(ids, l.ID)
	}
	return strings.Join(ids, " ")
}

func total(r *Root, vendor string) float64 {
	l, _ := r.wb.res.ByID(vendor)
	return l.Total
}

// The core flow, in the model: move to data security, rate, the ranking changes at
// once and on screen, the value is in the database, undo restores both.
func TestRatingReranksPersistsAndUndoes(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangZh, id, 100, 30))
	if got := order(r); got != "yunqi huisheng panshi changfeng qinghe" {
		t.Fatalf("sample ranking %q", got)
	}
	before := total(r, "huisheng")
	press(r, "4", "down", "right", "right") // data security · storage security · huisheng
	if v, c, _ := paneAs[*gridPane](r, tabDimension).cursor(); r.wb.ev.Vendors[v].ID != "huisheng" || r.wb.ev.Framework.Criteria[c].ID != "storage_security" {
		t.Fatalf("cursor on %d/%d", v, c)
	}
	press(r, "1")
	// wang's 3 → 1 lowers the mean by 2/3; storage security weighs 0.08 globally.
	if got, want := total(r, "huisheng"), before-0.08*2.0/3; math.Abs(got-want) > 1e-9 {
		t.Fatalf("huisheng total %.6f, want %.6f", got, want)
	}
	if got := order(r); got != "yunqi panshi huisheng changfeng qinghe" {
		t.Fatalf("ranking after the edit %q", got)
	}
	scr := screen(r)
	if !strings.Contains(scr, "2 磐石信联 3.81▲1") || !strings.Contains(scr, "3 汇声智能 3.78▼1") {
		t.Fatalf("strip did not move:\n%s", scr)
	}
	if !strings.Contains(scr, "✓ 已保存") {
		t.Fatalf("header does not say saved:\n%s", scr)
	}
	if v, ok := storedValue(t, st, id, "huisheng", "storage_security", "wang"); !ok || v != 1 {
		t.Fatalf("stored %v %v", v, ok)
	}

	press(r, "u")
	if v, _ := storedValue(t, st, id, "huisheng", "storage_security", "wang"); v != 3 {
		t.Fatalf("after undo the database holds %v", v)
	}
	if got := order(r); got != "yunqi huisheng panshi changfeng qinghe" {
		t.Fatalf("ranking after undo %q", got)
	}
	if !strings.Contains(screen(r), "已撤销") {
		t.Fatalf("no undo message:\n%s", screen(r))
	}

	// Undo is persisted: a new session (a restart) can redo and undo again.
	r2 := start(newTestRoot(st, model.LangEn, id, 100, 30))
	press(r2, "ctrl+r")
	if got := order(r2); got != "yunqi panshi huisheng changfeng qinghe" {
		t.Fatalf("ranking after redo in a new session %q", got)
	}
	press(r2, "u")
	if v, _ := storedValue(t, st, id, "huisheng", "storage_security", "wang"); v != 3 {
		t.Fatalf("after undo in the new session: %v", v)
	}
}

func TestHalfPointAndClear(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	press(r, "4", "3", ".")
	if v, _ := storedValue(t, st, id, "yunqi", "transport_encryption", "wang"); v != 3.5 {
		t.Fatalf("3 then . stored %v", v)
	}
	press(r, ".")
	if v, _ := storedValue(t, st, id, "yunqi", "transport_encryption", "wang"); v != 3 {
		t.Fatalf(". again stored %v", v)
	}
	press(r, "left", "5", ".") // back to yunqi (the rating advanced the cursor)
	if !strings.Contains(screen(r), "5 is the highest") {
		t.Fatalf("no warning for 5.5:\n%s", screen(r))
	}
	press(r, "backspace")
	if _, ok := storedValue(t, st, id, "yunqi", "transport_encryption", "wang"); ok {
		t.Fatal("backspace did not clear the score")
	}
	// The cell now shows the other reviewers' mean, marked ~.
	if !strings.Contains(screen(r), "~3") {
		t.Fatalf("cleared cell does not show the others' mean:\n%s", screen(r))
	}
	press(r, ".")
	if !strings.Contains(screen(r), "Type a 1–5 rating first") {
		t.Fatalf("no hint for . on an empty cell:\n%s", screen(r))
	}
}

// A measured value is edited in a form that shows the unit and, as you type, the score the
// value maps to; typing a digit on a measured cell opens it with the digit.
func TestMeasuredValueForm(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	press(r, "2", "1") // concurrency · concurrent channels · yunqi: a digit opens the form
	if r.dialog() == nil {
		t.Fatal("a digit on a measured cell did not open the editor")
	}
	scr := screen(r)
	for _, want := range []string{"unit: channels", "Value (channels)", "<1000→1"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("editor lacks %q:\n%s", want, scr)
		}
	}
	typeText(r, "250") // "1250" = 1.25 P → 3
	if !strings.Contains(screen(r), "→ score 3.00") {
		t.Fatalf("no live score:\n%s", screen(r))
	}
	press(r, "enter", "ctrl+u")
	typeText(r, "retested")
	press(r, "ctrl+s")
	if r.dialog() != nil {
		t.Fatalf("form still open:\n%s", screen(r))
	}
	ev, _ := st.Load(id)
	s, ok := ev.ScoreOf("yunqi", "concurrent_channels", "wang")
	if !ok || s.Value != 1250 || s.Note != "retested" {
		t.Fatalf("stored %+v", s)
	}
	if s.Evidence == "" {
		t.Fatal("the evidence typed before was dropped")
	}
}

func TestInvalidValueKeepsForm(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangZh, id, 100, 30))
	press(r, "4", "enter", "ctrl+u")
	typeText(r, "7")
	press(r, "ctrl+s")
	if r.dialog() == nil {
		t.Fatal("an invalid rating closed the form")
	}
	scr := screen(r)
	if !strings.Contains(scr, "评分须为 1–5") || !strings.Contains(scr, "7") {
		t.Fatalf("error or typed value missing:\n%s", scr)
	}
	if v, _ := storedValue(t, st, id, "yunqi", "transport_encryption", "wang"); v != 3 {
		t.Fatalf("an invalid value was saved: %v", v)
	}
	press(r, "esc")
	if r.dialog() != nil {
		t.Fatal("esc did not close the form")
	}
}

// A failed save says so, shows the form again with everything typed, and the screen goes back
// to what the database holds.
func TestFailedSaveKeepsWhatWasTyped(t *testing.T) {
	ms := newMemStore(synthEval(3, 5, 2))
	ms.failOn = "SetScore"
	r := start(newTestRoot(ms, model.LangEn, 1, 100, 30))
	press(r, "1") // first dimension: its first criterion is rating c00
	orig := r.wb.prob.Raw(0, 0, 0)
	press(r, "enter", "ctrl+u")
	typeText(r, "2")
	press(r, "enter")
	typeText(r, "my note")
	press(r, "ctrl+s")
	if r.dialog() == nil {
		t.Fatal("the form did not come back after the failed save")
	}
	f := r.dialog().(*formDialog)
	if v := f.values(); v[0] != "2" || v[1] != "my note" {
		t.Fatalf("form holds %q", v)
	}
	scr := screen(r)
	if !strings.Contains(scr, "disk on fire") || !strings.Contains(scr, "not saved") {
		t.Fatalf("failure not shown:\n%s", scr)
	}
	if got := r.wb.prob.Raw(0, 0, 0); got != orig {
		t.Fatalf("screen keeps the unsaved value %v (database has %v)", got, orig)
	}
	// A quick rating that fails names what was not saved.
	press(r, "esc", "4")
	if !strings.Contains(screen(r), "Not saved: Vendor 0 · Criterion 0 = 4") {
		t.Fatalf("quick edit failure not named:\n%s", screen(r))
	}
	ms.failOn = ""
	press(r, "4")
	if !strings.Contains(screen(r), "✓ saved") {
		t.Fatalf("header did not recover:\n%s", screen(r))
	}
}

// Another process changing the database shows up at the next poll.
func TestReloadsOnExternalChange(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	poll := func() {
		_, cmd := r.Update(pollMsg{})
		drive(r, cmd)
	}
	poll() // learns the current version
	other, err := storage.Open(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.SetScore(id, model.Score{Vendor: "huisheng", Criterion: "storage_security", Reviewer: "wang", Value: 1}, "cli"); err != nil {
		t.Fatal(err)
	}
	poll()
	if got := order(r); got != "yunqi panshi huisheng changfeng qinghe" {
		t.Fatalf("not reloaded: %q", got)
	}
	// Issue 8 defect 12: the change does not arrive silently.
	if r.statusText != "Updated from another window" {
		t.Fatalf("status after an external change %q", r.statusText)
	}
	if err := other.Delete(id, "cli"); err != nil {
		t.Fatal(err)
	}
	poll()
	if r.screen != screenHome || !strings.Contains(screen(r), "deleted elsewhere") {
		t.Fatalf("deleted evaluation still open:\n%s", screen(r))
	}
}

func TestLanguageToggle(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	if !strings.Contains(screen(r), "Yunqi Telecom") {
		t.Fatal("not English")
	}
	press(r, "L")
	scr := screen(r)
	for _, want := range []string{"云启通讯", "总览", "L English", "已保存"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("after L, %q missing:\n%s", want, scr)
		}
	}
	press(r, "L")
	if !strings.Contains(screen(r), "L 中文") {
		t.Fatal("second L did not switch back")
	}
}

func TestReviewerCycleScoresAsThatReviewer(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	if !strings.Contains(screen(r), "reviewer: 王敏") {
		t.Fatalf("default reviewer:\n%s", screen(r))
	}
	press(r, "R")
	if !strings.Contains(screen(r), "reviewer: 李强") {
		t.Fatalf("R did not cycle:\n%s", screen(r))
	}
	press(r, "4", "2")
	if v, _ := storedValue(t, st, id, "yunqi", "transport_encryption", "li"); v != 2 {
		t.Fatalf("li's score is %v", v)
	}
	if v, _ := storedValue(t, st, id, "yunqi", "transport_encryption", "wang"); v != 3 {
		t.Fatalf("wang's score changed to %v", v)
	}
	press(r, "R", "R")
	if !strings.Contains(screen(r), "reviewer: 王敏") {
		t.Fatal("R does not wrap around")
	}
}

func TestTabNavigation(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	kind := func() tab { return r.tabs[r.tab] }
	press(r, "tab")
	if k := kind(); k.kind != tabDimension || k.dim != 0 {
		t.Fatalf("tab → %+v", k)
	}
	press(r, "shift+tab", "shift+tab")
	if kind().kind != tabReviewers {
		t.Fatalf("shift+tab twice → %+v", kind())
	}
	press(r, "3")
	if k := kind(); k.kind != tabDimension || k.dim != 2 {
		t.Fatalf("3 → %+v", k)
	}
	press(r, "5") // in a grid, digits rate: the tab stays
	if k := kind(); k.dim != 2 {
		t.Fatalf("5 in a grid moved to %+v", k)
	}
	press(r, "0")
	if kind().kind != tabOverview {
		t.Fatal("0 did not go to the overview")
	}
	press(r, "esc")
	if r.screen != screenHome || !strings.Contains(screen(r), "示例") {
		t.Fatalf("esc did not go home:\n%s", screen(r))
	}
	press(r, "enter")
	if r.screen != screenWorkbench {
		t.Fatal("enter on home did not open")
	}
}

func TestMouse(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	_, spans := r.tabSpans(r.w)
	click := func(x, y int) {
		_, cmd := r.Update(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
		drive(r, cmd)
	}
	click(spans[4].x0+1, 1) // the data security tab
	if tb := r.tabs[r.tab]; tb.kind != tabDimension || tb.dim != 3 {
		t.Fatalf("click on tab 4 → %+v", tb)
	}
	l := r.layout()
	geo := paneAs[*gridPane](r, tabDimension).geom(l.w, l.bodyH)
	click(geo.colsX+2*geo.colW+1, l.bodyY+geo.rowsY+1) // third vendor, second criterion
	if v, c, _ := paneAs[*gridPane](r, tabDimension).cursor(); r.wb.ev.Vendors[v].ID != "huisheng" || r.wb.ev.Framework.Criteria[c].ID != "storage_security" {
		t.Fatalf("click moved the cursor to %d/%d", v, c)
	}
	// The wheel scrolls a long overview.
	ms := newMemStore(synthEval(40, 10, 1))
	r2 := start(newTestRoot(ms, model.LangEn, 1, 80, 24))
	top := screen(r2)
	r2.Update(tea.MouseWheelMsg{X: 10, Y: 10, Button: tea.MouseWheelDown})
	if screen(r2) == top || paneAs[*overviewPane](r2, tabOverview).scroll == 0 {
		t.Fatal("wheel did not scroll the overview")
	}
}

func TestResizeAndTooSmall(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	r.Update(tea.WindowSizeMsg{Width: 59, Height: 30})
	if !strings.Contains(screen(r), "need 60×16, have 59×30") {
		t.Fatalf("no size message:\n%s", screen(r))
	}
	r.Update(tea.WindowSizeMsg{Width: 80, Height: 15})
	if !strings.Contains(screen(r), "have 80×15") {
		t.Fatal("no size message for a short terminal")
	}
	r.Update(tea.WindowSizeMsg{Width: 60, Height: 16})
	ls := lines(screen(r))
	if len(ls) != 16 || !strings.Contains(ls[0], "ccselect") {
		t.Fatalf("60×16 does not render:\n%s", screen(r))
	}
	if m, _ := r.Update(keyMsg("q")); m == nil {
		t.Fatal("no model")
	}
}

func TestQuitKeys(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	for _, k := range []string{"q", "ctrl+c"} {
		_, cmd := r.Update(keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s returned no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Fatalf("%s does not quit", k)
		}
	}
	// In a form, q is text; ctrl+c still quits.
	press(r, "1", "enter")
	_, cmd := r.Update(keyMsg("q"))
	if cmd != nil {
		if _, ok := cmd().(tea.QuitMsg); ok {
			t.Fatal("q in a form quit")
		}
	}
	_, cmd = r.Update(keyMsg("ctrl+c"))
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("ctrl+c in a form does not quit")
	}
}

// A form opened on a vendor that another process deletes meanwhile refuses to save into the
// wrong cell.
func TestEditorSurvivesReloadUnderneath(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	poll := func() {
		_, cmd := r.Update(pollMsg{})
		drive(r, cmd)
	}
	poll()
	press(r, "4", "right", "enter", "ctrl+u") // panshi · transport encryption
	typeText(r, "1")
	other, err := storage.Open(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.DeleteVendor(id, "panshi", "cli"); err != nil {
		t.Fatal(err)
	}
	poll()
	press(r, "ctrl+s")
	if r.dialog() == nil || !strings.Contains(screen(r), "no longer exists") {
		t.Fatalf("saved into a reloaded grid:\n%s", screen(r))
	}
	if v, _ := storedValue(t, st, id, "huisheng", "transport_encryption", "wang"); v != 3 {
		t.Fatalf("the edit landed on huisheng: %v", v)
	}
}
