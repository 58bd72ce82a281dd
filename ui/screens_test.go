package ui

import (
	"strings"
	"testing"

	"ccselect/model"
)

func TestHomeNewFromTemplate(t *testing.T) {
	st, _ := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, 0, 100, 30))
	press(r, "n")
	press(r, "enter", "enter") // an empty name is refused at submit, not before
	press(r, "enter", "enter")
	if !strings.Contains(screen(r), "Enter a name") {
		t.Fatalf("empty name accepted:\n%s", screen(r))
	}
	press(r, "tab") // back to the name (wraps around)
	typeText(r, "Bank contact centre")
	press(r, "tab")
	typeText(r, "Example Bank")
	press(r, "tab", "right") // template: default → finance
	press(r, "tab", "ctrl+u")
	typeText(r, "800")
	press(r, "enter")
	if r.screen != screenWorkbench {
		t.Fatalf("the new evaluation did not open:\n%s", screen(r))
	}
	ev := r.wb.ev
	if ev.Name != "Bank contact centre" || ev.Client != "Example Bank" || ev.Industry != "finance" || ev.Params[model.ParamPeak] != 800 {
		t.Fatalf("created %q %q %q P=%v", ev.Name, ev.Client, ev.Industry, ev.Params)
	}
	if !strings.Contains(screen(r), "Nothing to rank yet") {
		t.Fatalf("no empty state on the overview:\n%s", screen(r))
	}
	press(r, "1")
	if !strings.Contains(screen(r), "No vendors yet") {
		t.Fatalf("no empty state on the grid:\n%s", screen(r))
	}
	press(r, "0", "shift+tab")
	if !strings.Contains(screen(r), "No reviewers yet") {
		t.Fatalf("no empty state on reviewers:\n%s", screen(r))
	}
	list, _ := st.List()
	if len(list) != 2 {
		t.Fatalf("%d evaluations", len(list))
	}
}

func TestHomeRenameDuplicateDelete(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangZh, 0, 100, 30))
	press(r, "r", "ctrl+u")
	typeText(r, "某银行选型")
	press(r, "enter")
	if ev, _ := st.Load(id); ev.Name != "某银行选型" {
		t.Fatalf("renamed to %q", ev.Name)
	}
	if !strings.Contains(screen(r), "某银行选型") {
		t.Fatalf("list not refreshed:\n%s", screen(r))
	}
	press(r, "d", "enter")
	list, _ := st.List()
	if len(list) != 2 {
		t.Fatalf("duplicate: %d evaluations", len(list))
	}
	if !strings.Contains(screen(r), "某银行选型 (副本)") {
		t.Fatalf("copy not listed:\n%s", screen(r))
	}
	// The cursor sits on the copy; x asks, naming it.
	sel, _ := r.home.selected()
	press(r, "x")
	if !strings.Contains(screen(r), "删除评估“"+sel.Name+"”") {
		t.Fatalf("confirmation does not name the evaluation:\n%s", screen(r))
	}
	press(r, "n")
	if list, _ := st.List(); len(list) != 2 {
		t.Fatal("n deleted")
	}
	press(r, "x", "y")
	list, _ = st.List()
	if len(list) != 1 || list[0].ID == sel.ID {
		t.Fatalf("after delete: %+v", list)
	}
	for _, s := range r.home.list {
		if s.ID == sel.ID {
			t.Fatalf("deleted evaluation still listed:\n%s", screen(r))
		}
	}
}

func TestVendorsTab(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	press(r, "shift+tab", "shift+tab", "a")
	typeText(r, "新厂商")
	press(r, "tab")
	typeText(r, "New Vendor Co")
	press(r, "tab")
	typeText(r, "abc")
	press(r, "ctrl+s")
	if !strings.Contains(screen(r), "Price must be a number") {
		t.Fatalf("bad price accepted:\n%s", screen(r))
	}
	press(r, "ctrl+u")
	typeText(r, "199")
	press(r, "enter")
	typeText(r, "regional")
	press(r, "enter")
	ev, _ := st.Load(id)
	i := ev.VendorIndex("new-vendor-co")
	if i < 0 || ev.Vendors[i].Price != 199 || ev.Vendors[i].Notes != "regional" || ev.Vendors[i].Name.Zh != "新厂商" {
		t.Fatalf("vendors %+v", ev.Vendors)
	}
	if !strings.Contains(screen(r), "New Vendor Co") || !strings.Contains(screen(r), "¥199") {
		t.Fatalf("not listed:\n%s", screen(r))
	}
	// The new vendor is in the ranking, incomplete: nothing is scored yet.
	l, ok := r.wb.res.ByID("new-vendor-co")
	if !ok || !l.Incomplete {
		t.Fatalf("new vendor line %+v", l)
	}
	press(r, "G", "x")
	if !strings.Contains(screen(r), "Delete vendor “New Vendor Co”") {
		t.Fatalf("confirmation does not name the vendor:\n%s", screen(r))
	}
	press(r, "y")
	if ev, _ := st.Load(id); ev.VendorIndex("new-vendor-co") >= 0 {
		t.Fatal("vendor not deleted")
	}
	press(r, "g", "x", "y") // delete yunqi (with its scores), then undo brings it back
	if ev, _ := st.Load(id); ev.VendorIndex("yunqi") >= 0 {
		t.Fatal("yunqi not deleted")
	}
	press(r, "u")
	ev, _ = st.Load(id)
	if ev.VendorIndex("yunqi") < 0 || order(r) != "yunqi huisheng panshi changfeng qinghe" {
		t.Fatalf("undo did not restore yunqi and its scores: %s", order(r))
	}
}

func TestReviewersTab(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	press(r, "shift+tab", "a")
	typeText(r, "赵磊")
	press(r, "enter")
	ev, _ := st.Load(id)
	if len(ev.Reviewers) != 4 || ev.Reviewers[3].Name != "赵磊" {
		t.Fatalf("reviewers %+v", ev.Reviewers)
	}
	press(r, "G", "space")
	if !strings.Contains(screen(r), "reviewer: 赵磊") {
		t.Fatalf("space did not make 赵磊 current:\n%s", screen(r))
	}
	press(r, "r", "ctrl+u")
	typeText(r, "赵蕾")
	press(r, "enter")
	if !strings.Contains(screen(r), "reviewer: 赵蕾") {
		t.Fatalf("rename not shown:\n%s", screen(r))
	}
	press(r, "x")
	if !strings.Contains(screen(r), "Delete reviewer “赵蕾” and their 0 scores") {
		t.Fatalf("confirmation:\n%s", screen(r))
	}
	press(r, "y")
	if ev, _ := st.Load(id); len(ev.Reviewers) != 3 {
		t.Fatal("reviewer not deleted")
	}
	if !strings.Contains(screen(r), "reviewer: 王敏") {
		t.Fatalf("current reviewer not reset after delete:\n%s", screen(r))
	}
}

func TestNoReviewerWarns(t *testing.T) {
	ev := synthEval(2, 5, 0)
	ms := newMemStore(ev)
	r := start(newTestRoot(ms, model.LangEn, 1, 100, 30))
	press(r, "1", "3")
	if !strings.Contains(screen(r), "No reviewer yet") || len(ms.calls) != 0 {
		t.Fatalf("rating without a reviewer: calls %v\n%s", ms.calls, screen(r))
	}
	press(r, "R")
	if !strings.Contains(screen(r), "No reviewers") {
		t.Fatalf("R without reviewers:\n%s", screen(r))
	}
}

func TestHelpOverlay(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	press(r, "4", "?")
	scr := screen(r)
	for _, want := range []string{"Keys · Security", "half point", "edit/note", "next reviewer", "ctrl+r", "esc or ? closes"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("help lacks %q:\n%s", want, scr)
		}
	}
	press(r, "3") // keys do nothing while the help is open
	if v, _ := storedValue(t, st, id, "yunqi", "transport_encryption", "wang"); v != 3 {
		t.Fatal("a key went through the help overlay")
	}
	press(r, "?")
	if r.help {
		t.Fatal("? did not close the help")
	}
	press(r, "esc", "?")
	if !strings.Contains(screen(r), "Keys · Evaluations") || !strings.Contains(screen(r), "duplicate") {
		t.Fatalf("home help:\n%s", screen(r))
	}
}
