package ui

import (
	"strings"
	"testing"

	"ccselect/model"
)

// Acceptance findings: each test reproduces a defect seen while using the workbench in tmux.

// L switches the language while the help overlay or a confirmation is open: the consultant
// shows the English keys to a guest without closing what is on screen.
func TestLangToggleInHelpAndConfirm(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangZh, id, 100, 30))
	press(r, "4", "?")
	if !strings.Contains(screen(r), "按键 · 安全") {
		t.Fatalf("zh help:\n%s", screen(r))
	}
	press(r, "L")
	if !r.help || !strings.Contains(screen(r), "Keys · Security") || !strings.Contains(screen(r), "half point") {
		t.Fatalf("L in the help did not switch to English:\n%s", screen(r))
	}
	press(r, "esc", "0", "shift+tab", "shift+tab", "x") // vendors tab: delete the first vendor?
	if !strings.Contains(screen(r), "Delete vendor “Yunqi Telecom”") {
		t.Fatalf("en confirm:\n%s", screen(r))
	}
	press(r, "L")
	scr := screen(r)
	if r.dialog() == nil || !strings.Contains(scr, "云启通讯") || strings.Contains(scr, "Delete vendor") {
		t.Fatalf("L in a confirmation did not switch to Chinese:\n%s", scr)
	}
	press(r, "n")
	if ev, _ := st.Load(id); ev.VendorIndex("yunqi") < 0 {
		t.Fatal("n deleted the vendor")
	}
}

// The vendors table shows the other language's name in full when there is room: it was cut to
// the width of the longest current-language name ("Vendor X" → "超长名…").
func TestVendorsOtherNameNotCutWithRoom(t *testing.T) {
	st, id := sampleStore(t)
	ev, _ := st.Load(id)
	v := ev.Vendors[0]
	v.Name = model.Text{Zh: "超长名字的云呼叫中心", En: "X"}
	if err := st.SaveVendor(id, v, "test"); err != nil {
		t.Fatal(err)
	}
	for _, other := range []string{"Qinghe ServiceCloud"} {
		r := start(newTestRoot(st, model.LangZh, id, 80, 24))
		press(r, "shift+tab", "shift+tab")
		if !strings.Contains(screen(r), other) {
			t.Fatalf("zh vendors table cuts %q:\n%s", other, screen(r))
		}
	}
	r := start(newTestRoot(st, model.LangEn, id, 80, 24))
	press(r, "shift+tab", "shift+tab")
	if !strings.Contains(screen(r), "超长名字的云呼叫中心") {
		t.Fatalf("en vendors table cuts the Chinese name:\n%s", screen(r))
	}
}

// At 80×24 the side panel cut the spread off the consensus line ("均值 3 → 得分 3.00 · 分歧 4…"):
// the number a workshop argues about was the part lost. The line now flows onto a second one.
func TestSidePanelShowsSpreadAt80(t *testing.T) {
	st, id := sampleStore(t)
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		r := start(newTestRoot(st, lang, id, 80, 24))
		press(r, "4", "j", "l", "l", "l", "l") // storage security × Qinghe: reviewers 1, 2, 3 → spread 2
		scr := screen(r)
		want := map[model.Lang]string{model.LangZh: "分歧 2", model.LangEn: "spread 2"}[lang]
		if !strings.Contains(scr, want) {
			t.Fatalf("%s: spread not shown:\n%s", lang, scr)
		}
	}
}

// At 80×24, s scrolled towards the SMAA section before it had results: the scroll was clamped
// to the short section and the finished table then sat below the fold, only its title showing.
// The result is in view when the run finishes.
func TestSMAAResultInViewAt80(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 80, 24))
	toSens(r)
	screen(r)
	press(r, "-", "-", "-")
	_, runCmd := r.Update(keyMsg("s"))
	screen(r) // the program draws the running state before the result arrives
	drive(r, runCmd)
	scr := screen(r)
	for _, want := range []string{"#1", "Yunqi Telecom", "Changfeng Clo", "Acceptability:"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("%q not in view after the run:\n%s", want, scr)
		}
	}
}
