package ui

import (
	"math"
	"strings"
	"testing"

	"ccselect/model"
)

// The Weights tab's keys on the sample evaluation (through the real database). The sample's
// default profile weighs the dimensions 24 / 16 / 24 / 20 / 16 % (samples/sample.json).

// weightsRoot opens the sample on the Weights tab (digit 6) with the cursor on data security.
func weightsRoot(t *testing.T, lang model.Lang) (*Root, *sqlStore, int64) {
	t.Helper()
	st, id := sampleStore(t)
	r := start(newTestRoot(st, lang, id, 100, 30))
	press(r, "6", "down", "down", "down")
	if _, ok := r.focused().(*weightsPane); !ok {
		t.Fatalf("6 did not open the Weights tab: %T", r.focused())
	}
	return r, st, id
}

// weightsAlone is the Weights pane on its own over the sample, on data security (as weightsRoot).
func weightsAlone(t *testing.T, lang model.Lang) (*paneFixture, *weightsPane) {
	t.Helper()
	f := newPaneFixture(t, nil, lang, 100, 24)
	p := f.weights()
	f.press(p, "down", "down", "down")
	return f, p
}

func dimsOf(t *testing.T, ev *model.Evaluation, wp *model.WeightProfile) []float64 {
	t.Helper()
	out := make([]float64, len(ev.Framework.Dimensions))
	for i, d := range ev.Framework.Dimensions {
		out[i] = wp.Dimensions[d.ID]
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// → raises the focused weight one point; the unlocked others rescale in proportion (each
// × 79/80), the level still sums to 1, the ranking uses it and the store holds the draft.
func TestWeightsStepRescalesAndSavesDraft(t *testing.T) {
	r, st, id := weightsRoot(t, model.LangEn)
	press(r, "right")
	want := []float64{0.24 * 79 / 80, 0.16 * 79 / 80, 0.24 * 79 / 80, 0.21, 0.16 * 79 / 80}
	got := dimsOf(t, r.wb.ev, r.wb.ev.Draft)
	sum := 0.0
	for i := range want {
		if !near(got[i], want[i]) {
			t.Fatalf("dimension %d: %v, want %v", i, got[i], want[i])
		}
		if !near(r.wb.prob.DimWeights()[i], want[i]) {
			t.Fatalf("the ranking does not use the draft: %v", r.wb.prob.DimWeights())
		}
		sum += got[i]
	}
	if !near(sum, 1) {
		t.Fatalf("sum %v", sum)
	}
	ev, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Draft == nil || ev.Draft.Name != "default" || !near(ev.Draft.Dimensions["data_security"], 0.21) {
		t.Fatalf("stored draft %+v", ev.Draft)
	}
	if a, _ := ev.Active(); !near(a.Dimensions["data_security"], 0.20) {
		t.Fatal("the saved profile changed before it was saved")
	}
	if hdr := lines(screen(r))[0]; !strings.Contains(hdr, "weights: default*") {
		t.Fatalf("header %q", hdr)
	}
	press(r, "shift+right")
	if w := r.wb.ev.Draft.Dimensions["data_security"]; !near(w, 0.26) {
		t.Fatalf("shift+→ gave %v", w)
	}
}

// A locked weight never moves; a change to a locked row is refused with the reason in the
// user's language and changes nothing.
func TestWeightsLocksAndRefusals(t *testing.T) {
	for _, tc := range []struct {
		lang             model.Lang
		locked, allLockd string
	}{
		{model.LangZh, "数据安全保障 已锁定：按空格解锁后再改", "无法调整 数据安全保障：同一层其他权重都已锁定"},
		{model.LangEn, "Data security is locked: press space to unlock it first", "cannot change Data security: every other weight at this level is locked"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			f, p := weightsAlone(t, tc.lang)
			f.press(p, "up", "up", "up", "space") // lock stability (24%)
			f.press(p, "down", "down", "down", "shift+right", "shift+right")
			d := f.wb.ev.Draft
			if !d.IsLocked("stability") || !near(d.Dimensions["stability"], 0.24) {
				t.Fatalf("the locked weight moved: %v", d.Dimensions)
			}
			if !near(d.Dimensions["data_security"], 0.30) {
				t.Fatalf("data security %v", d.Dimensions["data_security"])
			}
			f.press(p, "space") // lock data security itself
			before, writes := d.Clone(), f.writes
			f.press(p, "right")
			if f.last != tc.locked {
				t.Fatalf("status %q", f.last)
			}
			if got := f.wb.ev.Draft; !near(got.Dimensions["data_security"], before.Dimensions["data_security"]) || f.writes != writes {
				t.Fatal("a refused change changed the draft")
			}
			f.press(p, "space") // unlock it, lock the other three
			f.press(p, "up", "space", "up", "space", "down", "down", "down", "space", "up")
			f.press(p, "right")
			if f.last != tc.allLockd {
				t.Fatalf("status %q", f.last)
			}
		})
	}
}

// = types an exact value; e makes the level equal; a value past what the locks leave is
// refused in the form, which stays open.
func TestWeightsExactAndEqual(t *testing.T) {
	f, p := weightsAlone(t, model.LangEn)
	f.press(p, "=")
	if f.dialog() == nil {
		t.Fatal("= opened no form")
	}
	f.press(p, "backspace", "backspace")
	f.typeText(p, "35")
	f.press(p, "enter")
	if w := f.wb.ev.Draft.Dimensions["data_security"]; !near(w, 0.35) {
		t.Fatalf("typed 35: %v", w)
	}
	f.press(p, "e")
	for id, w := range f.wb.ev.Draft.Dimensions {
		if !near(w, 0.2) {
			t.Fatalf("e: %s = %v", id, w)
		}
	}
	f.press(p, "up", "space", "up", "space") // lock two at 20% each: 60% left
	f.press(p, "down", "down", "=", "backspace", "backspace")
	f.typeText(p, "70")
	f.press(p, "enter")
	if d, ok := f.dialog().(*formDialog); !ok || !strings.Contains(d.err, "at most 60%: locked weights take 40%") {
		t.Fatalf("dialog %v", f.dialog())
	}
}

// The criteria level: enter goes to the focused dimension's criteria; their local weights
// rescale among themselves and the dimension weights stay.
func TestWeightsCriteriaLevel(t *testing.T) {
	f, p := weightsAlone(t, model.LangEn)
	f.press(p, "enter", "right")
	d := f.wb.ev.Draft
	if !near(d.Criteria["transport_encryption"], 0.31) || !near(d.Dimensions["data_security"], 0.20) {
		t.Fatalf("criteria %v", d.Criteria)
	}
	// 30 / 40 / 30 % before: the other two share the 69% left in proportion 4 : 3.
	if !near(d.Criteria["storage_security"], 0.69*4/7) || !near(d.Criteria["compliance_certification"], 0.69*3/7) {
		t.Fatalf("criteria %v", d.Criteria)
	}
	if s := d.Criteria["transport_encryption"] + d.Criteria["storage_security"] + d.Criteria["compliance_certification"]; !near(s, 1) {
		t.Fatalf("local weights sum to %v", s)
	}
}

// A draft outlives the session: reopening the evaluation restores it (weights and header).
func TestWeightsDraftRestored(t *testing.T) {
	r, st, id := weightsRoot(t, model.LangZh)
	press(r, "right", "right")
	r2 := start(newTestRoot(st, model.LangZh, id, 100, 30))
	if r2.wb.ev.Draft == nil || !near(r2.wb.prob.DimWeights()[3], 0.22) {
		t.Fatalf("draft not restored: %v", r2.wb.prob.DimWeights())
	}
	if hdr := lines(screen(r2))[0]; !strings.Contains(hdr, "权重: default*") {
		t.Fatalf("header %q", hdr)
	}
	press(r2, "6", "d") // discard: the saved profile is back, in the store too
	if r2.wb.ev.Draft != nil || !near(r2.wb.prob.DimWeights()[3], 0.20) {
		t.Fatal("d did not discard the draft")
	}
	if ev, _ := st.Load(id); ev.Draft != nil {
		t.Fatal("the store still holds the draft")
	}
}

// s saves the draft as a new profile, which becomes active; the draft is cleared.
func TestWeightsSaveProfile(t *testing.T) {
	r, st, id := weightsRoot(t, model.LangEn)
	press(r, "shift+right")
	press(r, "s")
	for range "default" {
		press(r, "backspace")
	}
	typeText(r, "security25")
	press(r, "enter")
	ev, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ev.Profile("security25")
	if err != nil || !near(p.Dimensions["data_security"], 0.25) || ev.ActiveProfile != "security25" || ev.Draft != nil {
		t.Fatalf("profile %+v err %v active %q draft %v", p, err, ev.ActiveProfile, ev.Draft)
	}
	if d, _ := ev.Profile("default"); !near(d.Dimensions["data_security"], 0.20) {
		t.Fatal("default changed")
	}
	if hdr := lines(screen(r))[0]; !strings.Contains(hdr, "weights: security25 ") {
		t.Fatalf("header %q", hdr)
	}
}

// p picks a profile: switching away from an unsaved draft asks first; the active profile
// cannot be deleted, another one can (after a confirmation); rename follows.
func TestWeightsProfilePicker(t *testing.T) {
	r, st, id := weightsRoot(t, model.LangEn)
	press(r, "s", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	typeText(r, "copy")
	press(r, "enter") // "copy" is active now
	press(r, "right", "p")
	pk, ok := r.dialog().(*profilePicker)
	if !ok {
		t.Fatalf("p opened %T", r.dialog())
	}
	if name := r.wb.ev.Profiles[pk.cursor].Name; name != "copy" {
		t.Fatalf("picker starts on %q", name)
	}
	press(r, "x")
	if !strings.Contains(r.statusText, "copy is in use") {
		t.Fatalf("status %q", r.statusText)
	}
	press(r, "up") // default
	for r.wb.ev.Profiles[pk.cursor].Name != "default" {
		press(r, "down")
	}
	press(r, "enter")
	if _, ok := r.dialog().(*confirmDialog); !ok {
		t.Fatalf("switching with a draft did not ask: %T", r.dialog())
	}
	press(r, "y")
	ev, _ := st.Load(id)
	if ev.ActiveProfile != "default" || ev.Draft != nil {
		t.Fatalf("active %q draft %v", ev.ActiveProfile, ev.Draft)
	}
	press(r, "p")
	pk = r.dialog().(*profilePicker)
	for r.wb.ev.Profiles[pk.cursor].Name != "copy" {
		press(r, "down")
	}
	press(r, "r")
	for range "copy" {
		press(r, "backspace")
	}
	typeText(r, "copy2")
	press(r, "enter")
	if _, err := r.wb.ev.Profile("copy2"); err != nil {
		t.Fatalf("rename: %v", err)
	}
	press(r, "x", "y")
	if _, err := r.wb.ev.Profile("copy2"); err == nil {
		t.Fatal("delete did not delete")
	}
}

// w: what would it take for Panshi Xinlian (third) — possible, and applying it puts Panshi at
// least level with the leader. The dialog opens on the runner-up.
func TestWeightsWhatIf(t *testing.T) {
	f, p := weightsAlone(t, model.LangEn)
	f.press(p, "w")
	d, ok := f.dialog().(*whatIfDialog)
	if !ok {
		t.Fatalf("w opened %T", f.dialog())
	}
	wb := f.wb
	if d.order[d.cursor] != wb.res.Vendors[1].Vendor {
		t.Fatalf("cursor on %d", d.order[d.cursor])
	}
	panshi := wb.ev.VendorIndex("panshi")
	f.press(p, "down")
	if d.order[d.cursor] != panshi || !d.ans.Possible {
		t.Fatalf("cursor on %d, answer %+v", d.order[d.cursor], d.ans)
	}
	if a := d.answer(); !strings.HasPrefix(a, "move ") {
		t.Fatalf("answer %q", a)
	}
	f.press(p, "a")
	if wb.ev.Draft == nil || f.dialog() != nil || f.writes != 1 {
		t.Fatalf("a did not apply: draft %v, dialog %T, %d writes", wb.ev.Draft, f.dialog(), f.writes)
	}
	if lead := wb.res.Vendors[0].Total; wb.line(panshi).Total < lead-1e-9 {
		t.Fatalf("panshi %v, leader %v", wb.line(panshi).Total, lead)
	}
}

// On a view-only database the Weights tab's editing keys change nothing and say why; moving
// the cursor still works.
func TestWeightsViewOnly(t *testing.T) {
	ms := newMemStore(synthEval(3, 5, 1))
	r := start(newTestRoot(roStore{ms}, model.LangEn, 1, 120, 30))
	press(r, "6", "down")
	before := len(ms.calls)
	press(r, "right", "space", "e", "s", "m", "K")
	if len(ms.calls) != before || r.dialog() != nil || r.wb.ev.Draft != nil {
		t.Fatalf("edited a read-only database: %v, dialog %T", ms.calls[before:], r.dialog())
	}
	if paneAs[*weightsPane](r, tabWeights).dim != 1 || r.statusText == "" {
		t.Fatalf("cursor %d, status %q", paneAs[*weightsPane](r, tabWeights).dim, r.statusText)
	}
}

// c compares profiles; an unsaved draft is the first column. With data security at 26% the
// draft's winner is Panshi, so default (Yunqi first) is marked as differing.
func TestWeightsCompareDraft(t *testing.T) {
	f, p := weightsAlone(t, model.LangEn)
	for i := 0; i < 6; i++ {
		f.press(p, "right")
	}
	f.press(p, "c")
	d, ok := f.dialog().(*compareDialog)
	if !ok || d.names[0] != "default*" || d.names[1] != "default" {
		t.Fatalf("dialog %T %v", f.dialog(), d)
	}
	panshi, yunqi := f.wb.ev.VendorIndex("panshi"), f.wb.ev.VendorIndex("yunqi")
	if d.winner(0) != panshi || d.winner(1) != yunqi {
		t.Fatalf("winners %d, %d", d.winner(0), d.winner(1))
	}
	if scr := f.dialogView(); !strings.Contains(scr, "≠default") {
		t.Fatalf("default not marked:\n%s", scr)
	}
}

// An evaluation without vendors: the tab still edits weights and says nobody is ranked; w says
// so instead of opening an empty dialog.
func TestWeightsNoVendors(t *testing.T) {
	ms := newMemStore(synthEval(0, 5, 1))
	r := start(newTestRoot(nopStore{ms}, model.LangEn, 1, 80, 24))
	press(r, "6", "right", "w", "c")
	if scr := screen(r); !strings.Contains(scr, "no vendor is ranked") {
		t.Fatalf("screen:\n%s", scr)
	}
	press(r, "esc")
	if r.wb.ev.Draft == nil {
		t.Fatal("no draft")
	}
}
