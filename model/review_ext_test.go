package model_test

import (
	"math"
	"reflect"
	"testing"

	"ccselect/internal/present"
	"ccselect/model"
)

// Tests added by the engine review (black-box side); see review_test.go for the internal ones.

// twoVendorsOneCriterion: x rates 4 and y rates 3 on the only weighted criterion; dimension e
// (criterion z, where y is far better) weighs zero.
func twoVendorsOneCriterion(t *testing.T) *model.Evaluation {
	t.Helper()
	e := &model.Evaluation{Name: "t",
		Framework: model.Framework{
			Dimensions: []model.Dimension{{ID: "d", Name: model.Both("D")}, {ID: "e", Name: model.Both("E")}},
			Criteria: []model.Criterion{
				{ID: "c", Dimension: "d", Name: model.Both("c"), Kind: model.KindRating},
				{ID: "z", Dimension: "e", Name: model.Both("z"), Kind: model.KindRating},
			}},
		Vendors:   []model.Vendor{{ID: "x", Name: model.Both("X")}, {ID: "y", Name: model.Both("Y")}},
		Reviewers: []model.Reviewer{{ID: "r", Name: "r"}},
		Profiles: []model.WeightProfile{{Name: "p", Dimensions: map[string]float64{"d": 1, "e": 0},
			Criteria: map[string]float64{"c": 1, "z": 1}}},
		Scores: []model.Score{
			{Vendor: "x", Criterion: "c", Reviewer: "r", Value: 4}, {Vendor: "y", Criterion: "c", Reviewer: "r", Value: 3},
			{Vendor: "x", Criterion: "z", Reviewer: "r", Value: 1}, {Vendor: "y", Criterion: "z", Reviewer: "r", Value: 5},
		},
	}
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	return e
}

// The trivial case: one weighted criterion decides everything, whatever the mode and level, and
// the zero-weight dimension/criterion is never drawn (it would hand y the lead).
func TestSMAATrivialCase(t *testing.T) {
	p := mustProblem(t, twoVendorsOneCriterion(t))
	for _, level := range []model.SMAALevel{model.LevelDimensions, model.LevelCriteria} {
		for _, mode := range []model.SMAAWeights{model.WeightsUniform, model.WeightsOrdinal, model.WeightsAround} {
			r := runSMAA(t, p, model.SMAAOptions{Samples: 5000, Seed: 1, Level: level, Weights: mode, AroundPct: 50})
			want := &model.SMAAResult{Samples: 5000, Seed: 1, Level: level, Weights: mode, AroundPct: 50,
				Vendors: []int{0, 1}, IDs: []string{"x", "y"}, Params: []string{"d"},
				Acceptability:  [][]float64{{1, 0}, {0, 1}},
				CentralWeights: [][]float64{{1}, nil},
				Confidence:     []float64{1, 0},
				Winning:        [][]float64{{0, 1}, {0, 0}}}
			if level == model.LevelCriteria {
				want.Params = []string{"c"}
			}
			if !reflect.DeepEqual(r, want) {
				t.Errorf("%v/%v:\n got %+v\nwant %+v", level, mode, r, want)
			}
		}
	}
}

// Two vendors with the same evidence tie in every SMAA draw, even when one of them was scored
// by three reviewers who agree and the other by one: their consensus must be the same number,
// not the same number give or take the rounding of a three-term mean.
func TestSMAAEqualEvidenceTies(t *testing.T) {
	e := twoVendorsOneCriterion(t)
	e.Framework.Criteria[1] = model.Criterion{ID: "z", Dimension: "e", Name: model.Both("z"), Kind: model.KindMeasured,
		Direction: model.Benefit, Anchors: []model.Anchor{{X: 99.5, Score: 1}, {X: 99.9, Score: 3}, {X: 99.95, Score: 4}, {X: 99.99, Score: 5}}}
	e.Profiles[0].Dimensions = map[string]float64{"d": 0.5, "e": 0.5}
	e.Reviewers = append(e.Reviewers, model.Reviewer{ID: "s", Name: "s"}, model.Reviewer{ID: "u", Name: "u"})
	e.Scores = []model.Score{
		{Vendor: "x", Criterion: "c", Reviewer: "r", Value: 4}, {Vendor: "y", Criterion: "c", Reviewer: "r", Value: 4},
		{Vendor: "x", Criterion: "z", Reviewer: "r", Value: 99.9},
		{Vendor: "x", Criterion: "z", Reviewer: "s", Value: 99.9},
		{Vendor: "x", Criterion: "z", Reviewer: "u", Value: 99.9},
		{Vendor: "y", Criterion: "z", Reviewer: "r", Value: 99.9},
	}
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	p := mustProblem(t, e)
	for _, level := range []model.SMAALevel{model.LevelDimensions, model.LevelCriteria} {
		r := runSMAA(t, p, model.SMAAOptions{Samples: 20_000, Seed: 3, Level: level})
		x, y := r.Index("x"), r.Index("y")
		if r.Winning[x][y] != 0 || r.Winning[y][x] != 0 {
			t.Errorf("%v: equal vendors beat each other: P(x>y) %v, P(y>x) %v", level, r.Winning[x][y], r.Winning[y][x])
		}
		if r.Acceptability[x][0] != 1 || r.Acceptability[y][0] != 1 {
			t.Errorf("%v: equal vendors must share first place: %v", level, r.Acceptability)
		}
	}
}

// Mutating a clone (raw values, weights, ranking) never changes the original, and vice versa.
func TestCloneIsIndependent(t *testing.T) {
	p := sampleProblem(t)
	before := p.Rank().Clone()
	q := p.Clone()
	q.SetRaw(0, 0, 0, 1)
	q.SetWeights([]float64{0.6, 0.1, 0.1, 0.1, 0.1}, q.Local())
	q.SetGlobalWeights(make([]float64, q.NC))
	q.Rank()
	if after := p.Rank().Clone(); !reflect.DeepEqual(before, after) {
		t.Fatalf("ranking the original after editing a clone:\n%+v\nwas\n%+v", after, before)
	}
	if !reflect.DeepEqual(p.DimWeights(), []float64{0.24, 0.16, 0.24, 0.2, 0.16}) && math.Abs(p.DimWeights()[0]-0.24) > 1e-12 {
		t.Fatalf("original weights moved: %v", p.DimWeights())
	}
	q2 := p.Clone()
	r2 := q2.Rank().Clone()
	p.SetRaw(0, 0, 0, 1)
	p.Rank()
	if got := q2.Rank().Clone(); !reflect.DeepEqual(got, r2) {
		t.Fatal("editing the original changed a clone")
	}
}

// SetWeights and SetGlobalWeights keep "counted" right: a criterion given weight 0 stops making
// a vendor incomplete; given weight again, its missing score counts (as 1) again.
func TestSetWeightsKeepsCountedRight(t *testing.T) {
	e := catalogSample(t)
	var kept []model.Score
	for _, s := range e.Scores {
		if !(s.Vendor == "yunqi" && s.Criterion == "queue_management") {
			kept = append(kept, s)
		}
	}
	e.Scores = kept
	p := mustProblem(t, e)
	c := e.Framework.CriterionIndex("queue_management")
	incomplete := func() bool { l, _ := p.Rank().ByID("yunqi"); return l.Incomplete }
	if !incomplete() {
		t.Fatal("a missing weighted score must make yunqi incomplete")
	}
	w := append([]float64(nil), p.Weights()...)
	w0 := append([]float64(nil), w...)
	w0[c] = 0
	p.SetGlobalWeights(w0)
	if incomplete() {
		t.Error("SetGlobalWeights: a weight-0 criterion still makes yunqi incomplete")
	}
	p.SetGlobalWeights(w)
	if !incomplete() {
		t.Error("SetGlobalWeights: the weight is back but yunqi is complete")
	}
	local := append([]float64(nil), p.Local()...)
	l0 := append([]float64(nil), local...)
	l0[c], l0[c-1] = 0, l0[c-1]+l0[c] // same dimension: elastic_scaling takes its share
	p.SetWeights(p.DimWeights(), l0)
	if incomplete() {
		t.Error("SetWeights: a weight-0 criterion still makes yunqi incomplete")
	}
	p.SetWeights(p.DimWeights(), local)
	if !incomplete() {
		t.Error("SetWeights: the weight is back but yunqi is complete")
	}
}

// Break-even edge cases: a dimension at weight 0 (only an "above"), a dimension at 1 (only a
// "below"), a criterion alone in its dimension (fixed, no reversal), a single ranked vendor
// (no change anywhere) and no ranked vendor at all.
func TestBreakEvenEdgeCases(t *testing.T) {
	e := twoVendorsOneCriterion(t)
	p := mustProblem(t, e)
	r := model.BreakEvens(p)
	// x = 4t + 1(1−t) = 1 + 3t, y = 3t + 5(1−t) = 5 − 2t with t the weight of d: they cross at 0.8.
	d, dz := findBE(t, r, "d"), findBE(t, r, "e")
	if d.Param.Current != 1 || changeString(p, d.Below) != "0.800000→y" || d.Above != nil {
		t.Errorf("d at 1: below %s above %s", changeString(p, d.Below), changeString(p, d.Above))
	}
	if dz.Param.Current != 0 || dz.Below != nil || changeString(p, dz.Above) != "0.200000→y" {
		t.Errorf("e at 0: below %s above %s", changeString(p, dz.Below), changeString(p, dz.Above))
	}
	for _, id := range []string{"c", "z"} {
		b := findBE(t, r, id)
		if !b.Param.Fixed || b.Below != nil || b.Above != nil {
			t.Errorf("%s is alone in its dimension: %+v", id, b)
		}
	}
	for _, rev := range r.Reversals {
		if rev.Param.Kind == model.ParamCriterion && rev.Exists {
			t.Errorf("fixed %s reported a reversal", rev.Param.ID)
		}
	}

	e.KnockOuts = []model.KnockOut{{Criterion: "c", Op: model.OpGE, Threshold: 4}} // y out
	p = mustProblem(t, e)
	r = model.BreakEvens(p)
	if vid(p, r.Leader) != "x" || len(r.Ranked) != 1 || len(r.Reversals) != 0 {
		t.Fatalf("one ranked vendor: leader %d ranked %v reversals %d", r.Leader, r.Ranked, len(r.Reversals))
	}
	for _, b := range r.BreakEvens {
		if b.Below != nil || b.Above != nil || len(b.Segments) != 1 || b.Segments[0].Leader != r.Leader {
			t.Errorf("%s: a lone vendor cannot lose the lead: %+v", b.Param.ID, b)
		}
	}

	e.KnockOuts = []model.KnockOut{{Criterion: "c", Op: model.OpGE, Threshold: 5}} // everyone out
	p = mustProblem(t, e)
	r = model.BreakEvens(p)
	if r.Leader != -1 || len(r.Ranked) != 0 || len(r.Reversals) != 0 {
		t.Fatalf("nobody ranked: %+v", r)
	}
	for _, b := range r.BreakEvens {
		if b.Leader != -1 || b.Below != nil || b.Above != nil {
			t.Errorf("%s: %+v", b.Param.ID, b)
		}
	}
	if s := present.Robustness(p, r, nil); s.En != "No vendor passes the knock-outs." {
		t.Errorf("summary: %s", s.En)
	}
}

// With two dimensions, moving one is moving the other: the summary states the limit once, not
// as "d ≥ 80.0% and e ≤ 20.0%" (the same condition twice).
func TestRobustnessSummaryTwoDimensions(t *testing.T) {
	p := mustProblem(t, twoVendorsOneCriterion(t))
	s := present.Robustness(p, nil, nil)
	if s.En != "X is first at the current weights; it stays first while d ≥ 80.0%; past this limit Y leads." {
		t.Errorf("en: %s", s.En)
	}
	if s.Zh != "X在当前权重下排名第一；D权重 ≥ 80.0% 时保持第一；越过该临界点后Y领先。" {
		t.Errorf("zh: %s", s.Zh)
	}
}

// When the two nearest limits are the two sides of one dimension, the summary gives the range.
func TestRobustnessSummaryRange(t *testing.T) {
	// Three dimensions; a leads at the current weight of d1 and loses the lead on both sides of it.
	e := &model.Evaluation{Name: "r",
		Framework: model.Framework{
			Dimensions: []model.Dimension{
				{ID: "d1", Name: model.Text{Zh: "甲维", En: "Alpha"}},
				{ID: "d2", Name: model.Text{Zh: "乙维", En: "Beta"}},
				{ID: "d3", Name: model.Text{Zh: "丙维", En: "Gamma"}},
			},
			Criteria: []model.Criterion{
				{ID: "c1", Dimension: "d1", Name: model.Both("c1"), Kind: model.KindRating},
				{ID: "c2", Dimension: "d2", Name: model.Both("c2"), Kind: model.KindRating},
				{ID: "c3", Dimension: "d3", Name: model.Both("c3"), Kind: model.KindRating},
			}},
		Vendors: []model.Vendor{{ID: "a", Name: model.Both("A")}, {ID: "b", Name: model.Both("B")},
			{ID: "c", Name: model.Both("C")}},
		Reviewers: []model.Reviewer{{ID: "r", Name: "r"}},
		Profiles:  []model.WeightProfile{{Name: "p", Criteria: map[string]float64{"c1": 1, "c2": 1, "c3": 1}}},
	}
	// d2 and d3 carry the same scores, so every weight move is a move of d1 (t) against the rest:
	// a = 3t + 3.5(1−t) = 3.5 − 0.5t; b = 5t + 1.5(1−t) = 1.5 + 3.5t; c = t + 5(1−t) = 5 − 4t.
	// At t = 0.465: a 3.2675, b 3.1275, c 3.14 — a leads between a = c at 3/7 ≈ 0.4286 and
	// a = b at 0.5 (the nearer, so b is named). Moving d2 or d3 reaches those points later
	// (d1 moves by only 0.465/0.535 of the step), so both nearest limits are d1's.
	e.Profiles[0].Dimensions = map[string]float64{"d1": 0.465, "d2": 0.2675, "d3": 0.2675}
	for v, sc := range [][3]float64{{3, 3.5, 3.5}, {5, 1.5, 1.5}, {1, 5, 5}} {
		for c, x := range sc {
			e.Scores = append(e.Scores, model.Score{Vendor: e.Vendors[v].ID, Criterion: e.Framework.Criteria[c].ID, Reviewer: "r", Value: x})
		}
	}
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	p := mustProblem(t, e)
	s := present.Robustness(p, nil, nil)
	if s.En != "A is first at the current weights; it stays first while alpha is between 42.9% and 50.0%; past the nearest limit B leads." {
		t.Errorf("en: %s", s.En)
	}
	if s.Zh != "A在当前权重下排名第一；甲维权重在 42.9% 到 50.0% 之间时保持第一；越过最近的临界点后B领先。" {
		t.Errorf("zh: %s", s.Zh)
	}
}

// Ordinal weights keep the order the decision maker gave; weights that are equal now carry no
// order between them, so they must not be forced into framework order. With both weights at 0.5
// the ordinal draw has no information at all and must match the uniform one (see
// TestSMAAHandCaseUniform); forcing w1 ≥ w2 would give a 75% and b 0%.
func TestSMAAOrdinalLeavesTiedWeightsUnordered(t *testing.T) {
	for _, twoDims := range []bool{true, false} {
		level := model.LevelCriteria
		if twoDims {
			level = model.LevelDimensions
		}
		p := mustProblem(t, handCase(t, twoDims, 0.5, handScores))
		r := runSMAA(t, p, model.SMAAOptions{Samples: 200_000, Seed: 42, Level: level, Weights: model.WeightsOrdinal})
		checkAcceptability(t, r, map[string][]float64{
			"a": {0.375, 0.125, 0.5},
			"b": {0.375, 0.125, 0.5},
			"c": {0.25, 0.75, 0},
		}, 0.005)
	}
	// Three weights 0.4, 0.3, 0.3, the last two tied (d3's criterion rates everyone 3, so it only
	// dilutes): which of the tied pair comes first in the framework must not change anything.
	e := handCase(t, true, 0.4, handScores)
	e.Framework.Dimensions = append(e.Framework.Dimensions, model.Dimension{ID: "d3", Name: model.Both("d3")})
	e.Framework.Criteria = append(e.Framework.Criteria, model.Criterion{ID: "c3", Dimension: "d3", Name: model.Both("c3"), Kind: model.KindRating})
	e.Profiles[0].Dimensions = map[string]float64{"d1": 0.4, "d2": 0.3, "d3": 0.3}
	e.Profiles[0].Criteria["c3"] = 1
	for _, v := range e.Vendors {
		e.Scores = append(e.Scores, model.Score{Vendor: v.ID, Criterion: "c3", Reviewer: "r1", Value: 3})
	}
	p := mustProblem(t, e)
	r := runSMAA(t, p, model.SMAAOptions{Samples: 200_000, Seed: 5, Weights: model.WeightsOrdinal})
	e2 := handCase(t, true, 0.4, handScores)
	e2.Framework.Dimensions = []model.Dimension{e2.Framework.Dimensions[0], {ID: "d3", Name: model.Both("d3")}, e2.Framework.Dimensions[1]}
	e2.Framework.Criteria = append(e2.Framework.Criteria, model.Criterion{ID: "c3", Dimension: "d3", Name: model.Both("c3"), Kind: model.KindRating})
	e2.Profiles[0].Dimensions = map[string]float64{"d1": 0.4, "d2": 0.3, "d3": 0.3}
	e2.Profiles[0].Criteria["c3"] = 1
	for _, v := range e2.Vendors {
		e2.Scores = append(e2.Scores, model.Score{Vendor: v.ID, Criterion: "c3", Reviewer: "r1", Value: 3})
	}
	r2 := runSMAA(t, mustProblem(t, e2), model.SMAAOptions{Samples: 200_000, Seed: 5, Weights: model.WeightsOrdinal})
	for _, id := range []string{"a", "b", "c"} {
		for k := 0; k < 3; k++ {
			near(t, "framework order of tied weights: b_"+id, r.Acceptability[r.Index(id)][k], r2.Acceptability[r2.Index(id)][k], 0.006)
		}
	}
}

// Uniform weights are uniform on the simplex, for more than two weights too: with three, the
// first weight exceeds 1/2 in a quarter of the draws (its density is 2(1−w)). Normalised
// independent uniforms would give 1/6. a = (5,1,1) beats z = (3,3,3) exactly when w1 > 1/2.
func TestSMAAUniformOnTheSimplex(t *testing.T) {
	e := &model.Evaluation{Name: "s",
		Framework: model.Framework{Dimensions: []model.Dimension{{ID: "d", Name: model.Both("d")}}},
		Vendors:   []model.Vendor{{ID: "a", Name: model.Both("A")}, {ID: "z", Name: model.Both("Z")}},
		Reviewers: []model.Reviewer{{ID: "r", Name: "r"}},
		Profiles:  []model.WeightProfile{{Name: "p", Dimensions: map[string]float64{"d": 1}, Criteria: map[string]float64{}}},
	}
	for k, a := range []float64{5, 1, 1} {
		id := string(rune('p' + k))
		e.Framework.Criteria = append(e.Framework.Criteria, model.Criterion{ID: id, Dimension: "d", Name: model.Both(id), Kind: model.KindRating})
		e.Profiles[0].Criteria[id] = 1.0 / 3
		e.Scores = append(e.Scores, model.Score{Vendor: "a", Criterion: id, Reviewer: "r", Value: a},
			model.Score{Vendor: "z", Criterion: id, Reviewer: "r", Value: 3})
	}
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	r := runSMAA(t, mustProblem(t, e), model.SMAAOptions{Samples: 200_000, Seed: 8, Level: model.LevelCriteria})
	near(t, "P(w1 > 1/2)", r.Acceptability[r.Index("a")][0], 0.25, 0.004)
	// The central weight of a: the mean of w over {w1 > 1/2}: w1 = 2/3, w2 = w3 = 1/6.
	near(t, "w_a^c[0]", r.CentralWeights[r.Index("a")][0], 2.0/3, 0.004)
	near(t, "w_a^c[1]", r.CentralWeights[r.Index("a")][1], 1.0/6, 0.004)
}
