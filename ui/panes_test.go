package ui

import (
	"testing"

	"ccselect/model"
)

// Every registry entry can show its tab: it makes its pane or has a pane function.
func TestRegistryEntriesMakeTheirPanes(t *testing.T) {
	for _, d := range tabRegistry {
		if d.newPane == nil && d.pane == nil {
			t.Errorf("tab kind %d has neither newPane nor pane", d.kind)
		}
	}
	r := start(newTestRoot(newMemStore(synthEval(3, 5, 1)), model.LangEn, 1, 120, 30))
	for i, tb := range r.tabs {
		if r.paneFor(tb) == nil {
			t.Errorf("tab %d (kind %d) has no pane", i, tb.kind)
		}
	}
}

// A pane is made the first time it is needed, kept while the evaluation is open, and made
// anew when an evaluation is opened; without a workbench nothing is made.
func TestPanesMadeOnFirstUse(t *testing.T) {
	if p := paneAs[*gridPane](newTestRoot(newMemStore(), model.LangEn, 0, 120, 30), tabDimension); p != nil {
		t.Fatal("a grid pane was made with no evaluation open")
	}
	r := start(newTestRoot(newMemStore(synthEval(3, 5, 1)), model.LangEn, 1, 120, 30))
	if _, ok := r.panes[tabSizing]; ok {
		t.Fatal("the sizing pane exists before the Sizing tab was used")
	}
	s := paneAs[*sizingPane](r, tabSizing)
	if s == nil || paneAs[*sizingPane](r, tabSizing) != s {
		t.Fatal("paneAs does not keep one sizing pane for the open evaluation")
	}
	if err := r.open(r.wb.id, r.wb.ev); err != nil {
		t.Fatal(err)
	}
	if paneAs[*sizingPane](r, tabSizing) == s {
		t.Error("opening an evaluation kept the previous evaluation's pane")
	}
}

// The dimension tabs share one grid, which shows the focused tab's dimension.
func TestDimensionTabsShareOneGrid(t *testing.T) {
	r := start(newTestRoot(newMemStore(synthEval(3, 5, 1)), model.LangEn, 1, 120, 30))
	var grid *gridPane
	for i, tb := range r.tabs {
		if tb.kind != tabDimension {
			continue
		}
		r.tab = i
		g, ok := r.focused().(*gridPane)
		if !ok || g.dim != tb.dim {
			t.Fatalf("tab %d: focused %T, want the grid on dimension %d", i, r.focused(), tb.dim)
		}
		if grid != nil && g != grid {
			t.Fatalf("tab %d has a grid of its own", i)
		}
		grid = g
	}
}
