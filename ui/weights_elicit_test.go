package ui

import (
	"strings"
	"testing"

	"ccselect/model"
)

// m on the dimension level, rank ordering by ROC: the five dimensions ranked by their current
// weights (stability and feature fit 24%, data security 20%, concurrency and operations 16%;
// ties keep framework order) get the rank-order-centroid weights of Barron & Barrett (1996),
// w_i = (1/5) Σ_{k=i}^{5} 1/k = 45.67, 25.67, 15.67, 9.00, 4.00 %, and the method with its ranks
// is recorded in the draft, so m shows it again.
func TestWeightsElicitROC(t *testing.T) {
	f, p := weightsAlone(t, model.LangEn)
	f.press(p, "m", "tab", "enter")
	d := f.wb.ev.Draft
	if d == nil {
		t.Fatal("no draft")
	}
	want := map[string]float64{"stability": 137.0 / 300, "feature_fit": 77.0 / 300, "data_security": 47.0 / 300, "concurrency": 27.0 / 300, "operations": 12.0 / 300}
	for id, w := range want {
		if !near(d.Dimensions[id], w) {
			t.Fatalf("%s: %v, want %v", id, d.Dimensions[id], w)
		}
	}
	e := d.Elicitation[model.ElicitLevelDimensions]
	if e.Method != model.ElicitROC || e.Ranks["stability"] != 1 || e.Ranks["operations"] != 5 {
		t.Fatalf("recorded %+v", e)
	}
	if !strings.Contains(f.view(p), "method: rank ROC") {
		t.Fatal("the tab does not name the method")
	}
	f.press(p, "m")
	if ed, ok := f.dialog().(*elicitDialog); !ok || ed.kind() != model.ElicitROC {
		t.Fatalf("m did not reopen the recorded method: %T", f.dialog())
	}
	f.press(p, "esc", "right") // a typed change makes the level direct again
	if _, ok := f.wb.ev.Draft.Elicitation[model.ElicitLevelDimensions]; ok {
		t.Fatal("a typed weight kept the method record")
	}
}

// The AHP editor: a judgement steps along Saaty's scale and its reciprocal follows; an
// inconsistent matrix shows CR > 0.10 with the judgement that departs most and the value that
// would fit the others (w_i / w_j).
func TestWeightsElicitAHP(t *testing.T) {
	for _, tc := range []struct {
		lang model.Lang
		warn string
	}{{model.LangEn, "CR > 0.10: the most inconsistent judgement is"}, {model.LangZh, "CR > 0.10：最不一致的判断是"}} {
		t.Run(string(tc.lang), func(t *testing.T) {
			f, p := weightsAlone(t, tc.lang)
			f.press(p, "m", "tab", "tab", "tab", "tab", "tab") // AHP
			d := f.wb.ev
			ed, ok := f.dialog().(*elicitDialog)
			if !ok || ed.kind() != model.ElicitAHP {
				t.Fatalf("dialog %T", f.dialog())
			}
			f.press(p, "+", "+", "+", "+") // stability vs concurrency: 1 → 5
			if ed.matrix[0][1] != 5 || !near(ed.matrix[1][0], 0.2) {
				t.Fatalf("judgement %v / %v", ed.matrix[0][1], ed.matrix[1][0])
			}
			f.press(p, "right", "-", "-", "-", "-", "-") // stability vs feature fit: 1 → 1/6
			scr := f.dialogView()
			if !strings.Contains(scr, tc.warn) || !strings.Contains(scr, "CR 0.254") {
				t.Fatalf("no inconsistency warning:\n%s", scr)
			}
			f.press(p, "enter")
			if e := d.Draft.Elicitation[model.ElicitLevelDimensions]; e.Method != model.ElicitAHP || e.Matrix[0][2] != 1.0/6 {
				t.Fatalf("recorded %+v", e)
			}
		})
	}
}

// Group AHP: only the reviewers who judged count; two opposite judgements (3 and 1/3) average
// to 1 under the element-wise geometric mean (AIJ), so the group's priorities are equal while
// each reviewer's own differ.
func TestWeightsElicitGroupAHP(t *testing.T) {
	f, p := weightsAlone(t, model.LangEn)
	f.press(p, "m", "shift+tab")
	ed := f.dialog().(*elicitDialog)
	if ed.kind() != model.ElicitGroupAHP {
		t.Fatalf("method %v", ed.kind())
	}
	first := ed.reviewerID()
	f.press(p, "right", "+", "+", "r", "-", "-")
	if ed.reviewerID() == first || !ed.entered[first] || !ed.entered[ed.reviewerID()] {
		t.Fatalf("reviewers %v", ed.entered)
	}
	g, err := ed.elicitation().GroupAHP()
	if err != nil || len(g.Reviewers) != 2 {
		t.Fatalf("group %+v %v", g, err)
	}
	for _, w := range g.Group.Weights {
		if !near(w, 0.2) {
			t.Fatalf("group weights %v", g.Group.Weights)
		}
	}
	if near(g.Reviewers[0].Weights[0], 0.2) {
		t.Fatal("a reviewer's own priorities are the group's")
	}
	if !strings.Contains(f.dialogView(), "each reviewer's CR and priorities") {
		t.Fatal("reviewers not shown beside the group")
	}
}
