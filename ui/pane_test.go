package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// View changes nothing: drawing the grid at another size, with the cursor outside what that
// size shows, leaves the scroll offsets as Update/SetSize settled them, and drawing twice gives
// the same screen.
func TestGridViewIsPure(t *testing.T) {
	f := newPaneFixture(t, synthEval(30, 15, 2), model.LangEn, 120, 34)
	g := f.grid("stability")
	f.press(g, "G", "down", "down", "down", "down")
	col, row := g.colOff, append([]int(nil), g.rowOff...)
	if col == 0 {
		t.Fatal("the cursor at the last vendor did not scroll the columns (SetSize did not settle them)")
	}
	a := g.View(60, 10)
	if g.colOff != col || g.rowOff[g.dim] != row[g.dim] {
		t.Fatalf("View(60, 10) moved the offsets: columns %d→%d, rows %d→%d", col, g.colOff, row[g.dim], g.rowOff[g.dim])
	}
	if b := g.View(60, 10); b != a {
		t.Fatal("two Views of the same state differ")
	}
}

// The overview's page size comes from SetSize (page down moves by the body height, whatever
// was drawn last), and View does not clamp the pane's scroll.
func TestOverviewPageSizeFromSetSize(t *testing.T) {
	f := newPaneFixture(t, synthEval(40, 15, 2), model.LangEn, 100, 24)
	p := f.overview()
	want := f.h - len(p.robustLines(f.w, f.h))
	if p.lastH != want {
		t.Fatalf("page size %d, want %d (body %d minus the robustness band)", p.lastH, want, f.h)
	}
	_ = p.View(100, 8) // a small drawing must not change the page size
	f.press(p, "ctrl+d")
	if p.scroll != want-1 {
		t.Fatalf("page down scrolled to %d, want %d", p.scroll, want-1)
	}
}

// Panes say which keys they take before the root: the grid its rating digits (so 3 rates
// instead of switching to tab 3), the Sensitivity tab esc (so it never leaves the workbench).
func TestPaneCapturesKeys(t *testing.T) {
	f := newPaneFixture(t, nil, model.LangEn, 100, 24)
	if g := f.grid("stability"); !g.Captures(keyMsg("3")) || g.Captures(keyMsg("7")) {
		t.Fatal("the grid should capture 1–5 and leave 7 to the root")
	}
	if !f.sens().Captures(keyMsg("esc")) {
		t.Fatal("the Sensitivity tab should capture esc")
	}
	// And the root honours it: 3 rates instead of switching, esc stays.
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	press(r, "1")
	tab := r.tab
	press(r, "3")
	if r.tab != tab {
		t.Fatalf("3 in a grid switched to tab %d", r.tab)
	}
	toSens(r)
	press(r, "esc")
	if r.screen != screenWorkbench {
		t.Fatal("esc on the Sensitivity tab without a run left the workbench")
	}
}

// Two-line vendor headers break at a space, anywhere in a name without spaces, and cut a word
// wider than the column instead of splitting it.
func TestSplitName(t *testing.T) {
	cases := []struct{ name, first, second string }{
		{"Yunqi", "Yunqi", ""},
		{"Yunqi Telecom", "Yunqi", "Telecom"},
		{"Qinghe ServiceCloud", "Qinghe", "Servic…"},
		{"Huisheng AI", "Huishe…", ""},
		{"云启通讯科技集团", "云启通", "讯科技…"},
	}
	for _, c := range cases {
		if f, s := splitName(c.name, 7); f != c.first || s != c.second {
			t.Errorf("splitName(%q, 7) = %q, %q; want %q, %q", c.name, f, s, c.first, c.second)
		}
	}
}

// The strip settled in Update is always what renderStrip would draw now: after moves, ratings,
// a language switch and a resize.
func TestStripCacheNeverStale(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangZh, id, 120, 40))
	for _, k := range []string{"1", "right", "1", "5", "L", "left", "3", "u"} {
		press(r, k)
		if got, want := r.stripView(), r.renderStrip(); got != want {
			t.Fatalf("after %q the strip is stale:\n%s\nwant\n%s", k, got, want)
		}
	}
	r.Update(tea.WindowSizeMsg{Width: 90, Height: 30})
	if got, want := r.stripView(), r.renderStrip(); got != want {
		t.Fatalf("after a resize the strip is stale")
	}
}
