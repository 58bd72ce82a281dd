package ui

import (
	"strings"
	"testing"

	"ccselect/model"
)

// Issue 8 defect 14: at 120×40 the Overview uses its rows for per-vendor facts and where each
// lead comes from. Figures from the sample: Yunqi's indicative price is 260 (samples'
// vendors), its lead over Huisheng is 3.97 − 3.83 = +0.14 (the ranking above it) and the
// largest contribution gap is stability.
func TestOverviewFactsAt120(t *testing.T) {
	f := newPaneFixture(t, nil, model.LangEn, 120, 34)
	p := f.overview()
	scr := f.view(p)
	var facts string
	for _, l := range lines(scr) {
		if strings.HasPrefix(l, " Yunqi Telecom ") && strings.Contains(l, "260") {
			facts = l
		}
	}
	if facts == "" || !strings.Contains(scr, "Vendor facts") {
		t.Fatalf("no facts row for Yunqi:\n%s", scr)
	}
	if !strings.Contains(scr, "Yunqi Telecom leads Huisheng AI by +0.14: Stability +0.33") {
		t.Fatalf("no lead source line:\n%s", scr)
	}
	// At 80 columns the rows stay with the ranking.
	f.w, f.h = 80, 18
	if strings.Contains(f.view(p), "Vendor facts") {
		t.Fatal("facts shown at 80 columns")
	}
}

// A cell is disputed when its reviewers are 2 or more apart, as the grid's "!".
func TestDisputedCells(t *testing.T) {
	ev := synthEval(2, 5, 2)
	for i := range ev.Scores {
		ev.Scores[i].Value = 3
	}
	for i := range ev.Scores {
		s := &ev.Scores[i]
		if s.Vendor == ev.Vendors[0].ID && s.Reviewer == ev.Reviewers[1].ID {
			switch s.Criterion {
			case ev.Framework.Criteria[0].ID:
				s.Value = 5 // 3 vs 5: disputed
			case ev.Framework.Criteria[1].ID:
				s.Value = 4 // 3 vs 4: not
			}
		}
	}
	wb, err := newWorkbench(1, ev, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := disputedCells(wb.prob, 0); got != 1 {
		t.Fatalf("vendor 0: %d disputed, want 1", got)
	}
	if got := disputedCells(wb.prob, 1); got != 0 {
		t.Fatalf("vendor 1: %d disputed, want 0", got)
	}
}
