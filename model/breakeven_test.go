package model_test

import (
	"fmt"
	"math"
	"testing"

	"ccselect/model"
	"ccselect/samples"
)

// handCase is the hand-worked case: two criteria, three vendors a=(5,1), b=(1,5), c=(3.5,3.5).
// With weight w on the first criterion the totals are a = 1+4w, b = 5−4w, c = 3.5: b leads below
// 0.375, c between 0.375 and 0.625, a above; a and b swap at 0.5.
// twoDims puts each criterion in its own dimension (dimension weights move); otherwise both
// criteria share one dimension (local weights move). w1 is the current weight of the first.
func handCase(t testing.TB, twoDims bool, w1 float64, scores [3][2]float64) *model.Evaluation {
	t.Helper()
	f := model.Framework{
		Dimensions: []model.Dimension{{ID: "d1", Name: model.Text{Zh: "维度一", En: "Dim one"}}},
		Criteria: []model.Criterion{
			{ID: "c1", Dimension: "d1", Name: model.Both("c1"), Kind: model.KindRating},
			{ID: "c2", Dimension: "d1", Name: model.Both("c2"), Kind: model.KindRating},
		},
	}
	prof := model.WeightProfile{Name: "p", Dimensions: map[string]float64{"d1": 1},
		Criteria: map[string]float64{"c1": w1, "c2": 1 - w1}}
	if twoDims {
		f.Dimensions = append(f.Dimensions, model.Dimension{ID: "d2", Name: model.Text{Zh: "维度二", En: "Dim two"}})
		f.Criteria[1].Dimension = "d2"
		prof = model.WeightProfile{Name: "p", Dimensions: map[string]float64{"d1": w1, "d2": 1 - w1},
			Criteria: map[string]float64{"c1": 1, "c2": 1}}
	}
	e := &model.Evaluation{Name: "hand", Framework: f,
		Vendors: []model.Vendor{
			{ID: "a", Name: model.Text{Zh: "甲", En: "Alpha"}},
			{ID: "b", Name: model.Text{Zh: "乙", En: "Beta"}},
			{ID: "c", Name: model.Text{Zh: "丙", En: "Gamma"}},
		},
		Reviewers: []model.Reviewer{{ID: "r1", Name: "r1"}},
		Profiles:  []model.WeightProfile{prof},
	}
	for v, row := range scores {
		for c, x := range row {
			e.Scores = append(e.Scores, model.Score{Vendor: e.Vendors[v].ID, Criterion: f.Criteria[c].ID, Reviewer: "r1", Value: x})
		}
	}
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	return e
}

var handScores = [3][2]float64{{5, 1}, {1, 5}, {3.5, 3.5}}

func mustProblem(t testing.TB, e *model.Evaluation) *model.Problem {
	t.Helper()
	p, err := model.NewProblem(e, "", model.ConsensusMean, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func findBE(t *testing.T, r *model.BreakEvenReport, id string) model.BreakEven {
	t.Helper()
	for _, b := range r.BreakEvens {
		if b.Param.ID == id {
			return b
		}
	}
	t.Fatalf("no break-even for %s", id)
	return model.BreakEven{}
}

func vid(p *model.Problem, v int) string { return p.Eval.Vendors[v].ID }

func changeString(p *model.Problem, c *model.LeaderChange) string {
	if c == nil {
		return "none"
	}
	return fmt.Sprintf("%.6f→%s", c.Weight, vid(p, c.Leader))
}

func TestBreakEvenHandCase(t *testing.T) {
	for _, twoDims := range []bool{true, false} {
		t.Run(fmt.Sprintf("twoDims=%v", twoDims), func(t *testing.T) {
			p := mustProblem(t, handCase(t, twoDims, 0.3, handScores))
			r := model.BreakEvens(p)
			if vid(p, r.Leader) != "b" {
				t.Fatalf("leader %s, want b", vid(p, r.Leader))
			}
			first, second := "c1", "c2"
			if twoDims {
				first, second = "d1", "d2"
			}
			b1 := findBE(t, r, first)
			if b1.Param.Current != 0.3 || changeString(p, b1.Below) != "none" || changeString(p, b1.Above) != "0.375000→c" {
				t.Errorf("%s: current %g below %s above %s", first, b1.Param.Current, changeString(p, b1.Below), changeString(p, b1.Above))
			}
			segs := ""
			for _, s := range b1.Segments {
				segs += fmt.Sprintf("[%.3f,%.3f]%s ", s.Lo, s.Hi, vid(p, s.Leader))
			}
			if segs != "[0.000,0.375]b [0.375,0.625]c [0.625,1.000]a " {
				t.Errorf("segments %s", segs)
			}
			b2 := findBE(t, r, second)
			if changeString(p, b2.Below) != "0.625000→c" || changeString(p, b2.Above) != "none" {
				t.Errorf("%s: below %s above %s", second, changeString(p, b2.Below), changeString(p, b2.Above))
			}
			got := map[string]string{}
			for _, rev := range r.Reversals {
				if rev.Param.ID != first {
					if rev.Exists && twoDims && rev.Param.Kind == model.ParamCriterion {
						t.Errorf("%s is alone in its dimension, yet %s/%s swap", rev.Param.ID, vid(p, rev.A), vid(p, rev.B))
					}
					continue
				}
				key := vid(p, rev.A) + vid(p, rev.B)
				got[key] = "none"
				if rev.Exists {
					got[key] = fmt.Sprintf("%.6f %v", rev.Weight, rev.BAheadAbove)
				}
			}
			want := map[string]string{"bc": "0.375000 true", "ba": "0.500000 true", "ca": "0.625000 true"}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("reversals %v, want %v", got, want)
			}
		})
	}
}

// A pair whose lines are parallel never swaps; the report says so instead of inventing a weight.
func TestBreakEvenParallelAndNone(t *testing.T) {
	// a = (5,4) dominates c = (4,3) by exactly 1 for every weight (parallel lines), and b = (1,1)
	// is below both everywhere.
	p := mustProblem(t, handCase(t, true, 0.5, [3][2]float64{{5, 4}, {1, 1}, {4, 3}}))
	r := model.BreakEvens(p)
	for _, be := range r.BreakEvens {
		if be.Below != nil || be.Above != nil {
			t.Errorf("%s: leader never changes, got below %v above %v", be.Param.ID, be.Below, be.Above)
		}
	}
	for _, rev := range r.Reversals {
		if rev.Exists {
			t.Errorf("%s: %s/%s reported to swap at %g", rev.Param.ID, vid(p, rev.A), vid(p, rev.B), rev.Weight)
		}
	}
	if n := len(r.Reversals); n != 4*3 { // 4 parameters × 3 pairs
		t.Errorf("%d reversal rows, want 12", n)
	}
}

// A dimension holding all the weight: the others share what it gives up equally (as
// WeightProfile.SetDimension does), so the lines are still defined.
func TestBreakEvenWeightOne(t *testing.T) {
	p := mustProblem(t, handCase(t, true, 1, handScores))
	r := model.BreakEvens(p)
	b := findBE(t, r, "d1")
	if vid(p, b.Leader) != "a" || changeString(p, b.Below) != "0.625000→c" || b.Above != nil {
		t.Errorf("d1 at 1: leader %s below %s above %s", vid(p, b.Leader), changeString(p, b.Below), changeString(p, b.Above))
	}
}

// The catalog's sensitivity notes for the default preset (criteria-catalog.md §4).
func TestBreakEvenCatalogCrossovers(t *testing.T) {
	p := sampleProblem(t)
	r := model.BreakEvens(p)
	if vid(p, r.Leader) != "yunqi" {
		t.Fatalf("leader %s", vid(p, r.Leader))
	}
	for _, v := range r.Ranked {
		if vid(p, v) == "qinghe" {
			t.Fatal("knocked-out qinghe must not be ranked")
		}
	}
	cases := []struct {
		dim    string
		above  bool
		weight float64
		leader string
	}{
		{"data_security", true, 0.26, "panshi"},
		{"concurrency", false, 0.09, "panshi"},
		{"stability", false, 0.15, "huisheng"},
		{"feature_fit", true, 0.37, "huisheng"},
		{"operations", true, 0.46, "huisheng"},
	}
	for _, c := range cases {
		b := findBE(t, r, c.dim)
		ch := b.Below
		if c.above {
			ch = b.Above
		}
		if ch == nil || math.Abs(ch.Weight-c.weight) > 0.01 || vid(p, ch.Leader) != c.leader {
			t.Errorf("%s: below %s above %s, want %v %.2f→%s", c.dim, changeString(p, b.Below), changeString(p, b.Above), c.above, c.weight, c.leader)
		}
	}
	// "at 0.30: 3.96 vs 3.85"
	for _, w := range r.Params {
		if w.ID != "data_security" {
			continue
		}
		s := model.SweepWeight(p, w)
		got := map[string]float64{}
		for i, v := range s.Vendors {
			got[vid(p, v)] = s.Lines[i].At(0.30)
		}
		if math.Abs(got["panshi"]-3.96) > 0.005 || math.Abs(got["yunqi"]-3.85) > 0.005 {
			t.Errorf("data security 0.30: panshi %.3f yunqi %.3f, want 3.96 / 3.85", got["panshi"], got["yunqi"])
		}
	}
}

// The closed-form lines must agree with the model's own weight editing (SetDimension /
// SetCriterion rescale the siblings) followed by a fresh ranking, at arbitrary weights.
func TestSweepMatchesRerank(t *testing.T) {
	e := catalogSample(t)
	p := mustProblem(t, e)
	for _, w := range model.WeightParams(p) {
		s := model.SweepWeight(p, w)
		for _, x := range []float64{0, 0.05, 0.2, 0.37, 0.5, 0.83, 1} {
			prof := e.Profiles[0].Clone()
			var err error
			if w.Kind == model.ParamDimension {
				err = prof.SetDimension(&e.Framework, w.ID, x)
			} else {
				err = prof.SetCriterion(&e.Framework, w.ID, x)
			}
			if err != nil {
				t.Fatal(err)
			}
			e2 := *e
			e2.Profiles = []model.WeightProfile{prof}
			res, err := model.Rank(&e2, "")
			if err != nil {
				t.Fatal(err)
			}
			for i, v := range s.Vendors {
				line, _ := res.ByID(vid(p, v))
				if got := s.Lines[i].At(x); math.Abs(got-line.Total) > 1e-9 {
					t.Fatalf("%s=%.2f %s: line %.6f, rerank %.6f", w.ID, x, line.ID, got, line.Total)
				}
			}
		}
		// Every reported crossing is a real meeting of the two lines.
		for _, c := range s.Crossings {
			var la, lb model.Line
			for i, v := range s.Vendors {
				if v == c.A {
					la = s.Lines[i]
				}
				if v == c.B {
					lb = s.Lines[i]
				}
			}
			if math.Abs(la.At(c.Weight)-lb.At(c.Weight)) > 1e-9 || math.Abs(la.At(c.Weight)-c.Total) > 1e-9 {
				t.Errorf("%s: crossing %s/%s at %g is not a meeting", w.ID, vid(p, c.A), vid(p, c.B), c.Weight)
			}
		}
	}
}

// Break-even weights are exact: just inside the reported weight the leader is unchanged, just
// beyond it the reported vendor leads (checked by re-ranking the problem).
func TestBreakEvenIsExactByRerank(t *testing.T) {
	e := catalogSample(t)
	p := mustProblem(t, e)
	r := model.BreakEvens(p)
	leaderWith := func(w model.WeightParam, x float64) string {
		prof := e.Profiles[0].Clone()
		if w.Kind == model.ParamDimension {
			_ = prof.SetDimension(&e.Framework, w.ID, x)
		} else {
			_ = prof.SetCriterion(&e.Framework, w.ID, x)
		}
		e2 := *e
		e2.Profiles = []model.WeightProfile{prof}
		res, err := model.Rank(&e2, "")
		if err != nil {
			t.Fatal(err)
		}
		return res.Vendors[0].ID
	}
	checked := 0
	for _, b := range r.BreakEvens {
		cur := vid(p, b.Leader)
		if b.Above != nil {
			checked++
			if got := leaderWith(b.Param, b.Above.Weight-1e-6); got != cur {
				t.Errorf("%s just below %.6f: %s leads, want %s", b.Param.ID, b.Above.Weight, got, cur)
			}
			if got := leaderWith(b.Param, b.Above.Weight+1e-6); got != b.Above.ID {
				t.Errorf("%s just above %.6f: %s leads, want %s", b.Param.ID, b.Above.Weight, got, b.Above.ID)
			}
		}
		if b.Below != nil {
			checked++
			if got := leaderWith(b.Param, b.Below.Weight+1e-6); got != cur {
				t.Errorf("%s just above %.6f: %s leads, want %s", b.Param.ID, b.Below.Weight, got, cur)
			}
			if got := leaderWith(b.Param, b.Below.Weight-1e-6); got != b.Below.ID {
				t.Errorf("%s just below %.6f: %s leads, want %s", b.Param.ID, b.Below.Weight, got, b.Below.ID)
			}
		}
	}
	if checked < 5 {
		t.Fatalf("only %d break-evens checked", checked)
	}
}

// BenchmarkBreakEvenSample: every break-even weight and reversal of the embedded sample (5
// dimensions + 23 criteria).
func BenchmarkBreakEvenSample(b *testing.B) {
	e, err := samples.Sample()
	if err != nil {
		b.Fatal(err)
	}
	p := mustProblem(b, e)
	b.ReportAllocs()
	for b.Loop() {
		model.BreakEvens(p)
	}
}

// The same catalog crossovers on the embedded sample evaluation (23 criteria, industry extras at
// zero weight, three reviewers whose consensus equals the catalog values).
func TestBreakEvenEmbeddedSample(t *testing.T) {
	e, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	p := mustProblem(t, e)
	r := model.BreakEvens(p)
	want := map[string]string{
		"data_security": "above 0.26 panshi",
		"concurrency":   "below 0.09 panshi",
		"stability":     "below 0.15 huisheng",
		"feature_fit":   "above 0.37 huisheng",
		"operations":    "above 0.46 huisheng",
	}
	for id, w := range want {
		b := findBE(t, r, id)
		var side string
		var wt float64
		var leader string
		fmt.Sscanf(w, "%s %g %s", &side, &wt, &leader)
		ch := b.Below
		if side == "above" {
			ch = b.Above
		}
		if ch == nil || math.Abs(ch.Weight-wt) > 0.01 || ch.ID != leader {
			t.Errorf("%s: below %s above %s, want %s", id, changeString(p, b.Below), changeString(p, b.Above), w)
		}
	}
}

// Lines that only meet at an end of [0,1] tie there but do not swap inside the interval —
// unless the current weight is that end (tied now, order decided by id) and the other vendor
// leads everywhere inside.
func TestReversalAtIntervalEnd(t *testing.T) {
	rev := func(p *model.Problem, param, a, b string) string {
		for _, r := range model.BreakEvens(p).Reversals {
			if r.Param.ID == param && vid(p, r.A) == a && vid(p, r.B) == b {
				if !r.Exists {
					return "none"
				}
				return fmt.Sprintf("%.3f", r.Weight)
			}
		}
		return "missing"
	}
	// a = (3,5), b = (3,4): a ahead below 1, tied at d1 = 1.
	p := mustProblem(t, handCase(t, true, 0.5, [3][2]float64{{3, 5}, {3, 4}, {1, 1}}))
	if got := rev(p, "d1", "a", "b"); got != "none" {
		t.Errorf("meeting at d1 = 1 from 0.5: %s, want none", got)
	}
	// a = (3,4), b = (3,5) with d1 = 1 now: tied, a first by id; b leads anywhere below.
	p = mustProblem(t, handCase(t, true, 1, [3][2]float64{{3, 4}, {3, 5}, {1, 1}}))
	if got := rev(p, "d1", "a", "b"); got != "1.000" {
		t.Errorf("tied now at d1 = 1, b ahead inside: %s, want 1.000", got)
	}
}
