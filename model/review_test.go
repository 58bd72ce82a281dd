package model

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// Tests added by the engine review: each pins a defect that was found (and fixed) or a rule of
// the specification that had no test yet.

// A lock that names neither a dimension nor a criterion is a typo or a leftover: it silently
// locks nothing, so Validate must reject it (as it rejects unknown weight names).
func TestValidateRejectsUnknownAndDuplicateLocks(t *testing.T) {
	f, p := fiveDims()
	p.Locked = []string{"d0", "c000"}
	if err := p.Validate(f); err != nil {
		t.Fatalf("locks on a dimension and a criterion: %v", err)
	}
	p.Locked = []string{"d0", "nope"}
	if err := p.Validate(f); err == nil || !strings.Contains(err.Error(), `"nope"`) {
		t.Fatalf("unknown lock: err = %v", err)
	}
	p.Locked = []string{"d0", "d0"}
	if err := p.Validate(f); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Fatalf("duplicate lock: err = %v", err)
	}
	e := tiny()
	e.Profiles[0].Locked = []string{"zz"}
	if err := e.Validate(); err == nil || !strings.Contains(err.Error(), `"zz"`) {
		t.Fatalf("evaluation with an unknown lock: err = %v", err)
	}
}

// Locked weights never move: not as siblings, and not as the target of a request either.
func TestSettingALockedWeightIsRefused(t *testing.T) {
	f, p := fiveDims()
	p.ToggleLock("d2")
	before := p.Clone()
	err := p.SetDimension(f, "d2", 0.5)
	if err == nil || !strings.Contains(err.Error(), "locked") {
		t.Fatalf("err = %v, want a refusal naming the lock", err)
	}
	for k, v := range before.Dimensions {
		if p.Dimensions[k] != v {
			t.Fatalf("%s moved from %g to %g", k, v, p.Dimensions[k])
		}
	}
	e := synthetic(1, 10, 1)
	q := e.Profiles[0].Clone()
	q.ToggleLock("c000")
	if err := q.SetCriterion(&e.Framework, "c000", 0.9); err == nil {
		t.Fatal("a locked criterion weight was set")
	}
	if q.Criteria["c000"] != 0.5 || q.Criteria["c005"] != 0.5 {
		t.Fatalf("criteria moved: %v", q.Criteria)
	}
}

// A request that exceeds what the locks leave by less than the tolerance is accepted, but the
// excess must be absorbed: the level still sums to 1, not to 1 + the excess.
func TestWeightWithinToleranceKeepsTheLevelAtOne(t *testing.T) {
	f, p := fiveDims()
	p.ToggleLock("d1") // 0.16 locked, 0.84 left
	if err := p.SetDimension(f, "d0", 0.84+5e-7); err != nil {
		t.Fatal(err)
	}
	s := sumOf(p.Dimensions, dimensionIDs(f))
	near(t, "level sum", s, 1, 1e-12)
	near(t, "d0 takes what the lock leaves", p.Dimensions["d0"], 0.84, 1e-12)
	// Every other weight locked: a request equal to the current weight within tolerance is
	// accepted and leaves the level at exactly what it was.
	for _, id := range []string{"d2", "d3", "d4"} {
		p.ToggleLock(id)
	}
	before := p.Dimensions["d0"]
	for _, w := range []float64{before + 5e-7, before - 5e-7} {
		if err := p.SetDimension(f, "d0", w); err != nil {
			t.Fatal(err)
		}
		near(t, "d0 with every sibling locked", p.Dimensions["d0"], before, 1e-12)
	}
}

// Many random edits (with random locks) never let the levels drift away from 1, and a refused
// edit never changes anything.
func TestRandomWeightEditsStayValid(t *testing.T) {
	e := synthetic(1, 15, 1)
	f := &e.Framework
	p := e.Profiles[0].Clone()
	rng := rand.New(rand.NewPCG(4, 2))
	dims := dimensionIDs(f)
	for i := 0; i < 1000; i++ {
		if rng.IntN(8) == 0 {
			p.ToggleLock(dims[rng.IntN(len(dims))])
		}
		if rng.IntN(8) == 0 {
			p.ToggleLock(f.Criteria[rng.IntN(len(f.Criteria))].ID)
		}
		before := p.Clone()
		var err error
		w := rng.Float64()
		if rng.IntN(5) == 0 {
			w = math.Round(w*100) / 100 // the UI's whole-percent steps
		}
		if rng.IntN(2) == 0 {
			err = p.SetDimension(f, dims[rng.IntN(len(dims))], w)
		} else {
			err = p.SetCriterion(f, f.Criteria[rng.IntN(len(f.Criteria))].ID, w)
		}
		if err != nil {
			for k, v := range before.Dimensions {
				if p.Dimensions[k] != v {
					t.Fatalf("step %d: refused edit (%v) moved %s", i, err, k)
				}
			}
			for k, v := range before.Criteria {
				if p.Criteria[k] != v {
					t.Fatalf("step %d: refused edit (%v) moved %s", i, err, k)
				}
			}
		}
		for _, id := range before.Locked {
			if p.Dimensions[id] != before.Dimensions[id] || p.Criteria[id] != before.Criteria[id] {
				t.Fatalf("step %d: locked %s moved", i, id)
			}
		}
		if err := p.Validate(f); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	if s := sumOf(p.Dimensions, dims); math.Abs(s-1) > 1e-12 {
		t.Fatalf("after 1000 edits the dimensions sum to 1%+g", s-1)
	}
}

// "Equal" for a knock-out means equal up to rounding for every operator: the consensus of
// reviewers whose mean is exactly the threshold must not pass a strict > or < by a rounding
// error (it already could not fail ≥ or ≤ by one).
func TestStrictKnockOutsIgnoreRoundingNoise(t *testing.T) {
	// What float64 means of reviewers who average exactly 99.9 can come to: one ulp either side
	// (3 × 99.9 / 3 is the one above; 99.5, 100.1, 100.1 the one below).
	above, below := math.Nextafter(99.9, 100), math.Nextafter(99.9, 99)
	for _, c := range []struct {
		op   Op
		x    float64
		want bool
	}{
		{OpGT, above, false}, {OpGT, below, false}, {OpLT, above, false}, {OpLT, below, false},
		{OpGE, above, true}, {OpGE, below, true}, {OpLE, above, true}, {OpLE, below, true},
		{OpEQ, above, true}, {OpGT, 99.91, true}, {OpLT, 99.89, true},
	} {
		if got := c.op.Holds(c.x, 99.9); got != c.want {
			t.Errorf("%.17g %s 99.9 = %v, want %v", c.x, c.op, got, c.want)
		}
	}
	// End to end: three reviewers at 99.5, 100.1 and 100.1 average exactly 99.9, which is not
	// strictly below 99.9 — but their float64 mean is one ulp under it.
	e := tiny()
	e.KnockOuts = []KnockOut{{Criterion: "m1", Op: OpLT, Threshold: 99.9}}
	e.Params = map[string]float64{"P": 50}
	e.Reviewers = append(e.Reviewers, Reviewer{ID: "u", Name: "U"})
	var kept []Score
	for _, s := range e.Scores {
		if s.Criterion != "m1" {
			kept = append(kept, s)
		}
	}
	e.Scores = append(kept,
		Score{Vendor: "x", Criterion: "m1", Reviewer: "r", Value: 99.5},
		Score{Vendor: "x", Criterion: "m1", Reviewer: "s", Value: 100.1},
		Score{Vendor: "x", Criterion: "m1", Reviewer: "u", Value: 100.1},
		Score{Vendor: "y", Criterion: "m1", Reviewer: "r", Value: 90}, Score{Vendor: "z", Criterion: "m1", Reviewer: "r", Value: 90})
	res, err := Rank(e, "")
	if err != nil {
		t.Fatal(err)
	}
	x, _ := res.ByID("x")
	if !x.Excluded {
		t.Error("x passes m1 < 99.9 with a consensus of 99.9")
	}
	if y, _ := res.ByID("y"); y.Excluded {
		t.Errorf("y (90) fails m1 < 99.9")
	}
}

// Reviewers who agree have that value as their consensus, bit for bit: 3 × 99.9 / 3 is not
// 99.90000000000002. Otherwise two vendors with the same evidence differ by rounding noise.
func TestAgreeingReviewersGiveTheirOwnValue(t *testing.T) {
	e := tiny()
	e.Reviewers = append(e.Reviewers, Reviewer{ID: "u", Name: "U"})
	e.Scores = nil
	for _, v := range e.Vendors {
		for _, c := range e.Framework.Criteria {
			for _, r := range e.Reviewers {
				x := 3.0
				if c.Kind == KindMeasured {
					x = 99.9
				}
				e.Scores = append(e.Scores, Score{Vendor: v.ID, Criterion: c.ID, Reviewer: r.ID, Value: x})
			}
		}
	}
	p, err := NewProblem(e, "", ConsensusMean, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Consensus(0, 1); got != 99.9 {
		t.Fatalf("consensus of 99.9, 99.9, 99.9 = %.17g", got)
	}
	// Symmetric disagreement still averages to the middle value.
	p.SetRaw(0, 0, 0, 2)
	p.SetRaw(0, 0, 1, 4)
	if got := p.Consensus(0, 0); got != 3 {
		t.Fatalf("consensus of 2, 4, 3 = %.17g", got)
	}
}

// A knock-out whose threshold is a multiple of a parameter that is not set must not quietly
// become "≥ 0" (every vendor passes): compiling the problem fails instead.
func TestKnockOutOnMissingParameterIsAnError(t *testing.T) {
	e := tiny()
	e.Framework.Criteria[1].AnchorParam = "" // the value function no longer needs P
	e.Framework.Criteria[1].Anchors = []Anchor{{100, 1}, {100, 2}, {200, 5}}
	delete(e.Params, "P")
	_, err := NewProblem(e, "", ConsensusMean, nil)
	if err == nil || !strings.Contains(err.Error(), `"P"`) {
		t.Fatalf("err = %v, want it to name the missing parameter", err)
	}
}

// TOPSIS ranks the vendors that pass the knock-outs: an excluded vendor's scores must not move
// the others' closeness (its column norms included), as the method's documentation says.
func TestTOPSISLeavesOutKnockedOutVendors(t *testing.T) {
	e := tiny() // z fails the knock-out
	p, err := NewProblem(e, "", ConsensusMean, TOPSIS{})
	if err != nil {
		t.Fatal(err)
	}
	res := p.Rank().Clone()
	// Raise z everywhere it can go without passing the knock-out.
	p.SetRaw(2, 0, 0, 1)
	p.SetRaw(2, 0, 1, 1)
	p.SetRaw(2, 2, 0, 1)
	p.SetRaw(2, 2, 1, 1)
	res2 := p.Rank()
	for _, id := range []string{"x", "y"} {
		a, _ := res.ByID(id)
		b, _ := res2.ByID(id)
		if a.Total != b.Total {
			t.Errorf("closeness of %s moved from %.6f to %.6f when excluded z changed", id, a.Total, b.Total)
		}
	}
	// And it equals TOPSIS on the feasible vendors alone (x, y) worked by hand: scores
	// x (4.5, 3.5, 3), y (5, 5, 2), weights (0.3, 0.3, 0.4).
	w := []float64{0.3, 0.3, 0.4}
	xs, ys := []float64{4.5, 3.5, 3}, []float64{5, 5, 2}
	var dpx, dmx, dpy, dmy float64
	for c := range w {
		n := math.Hypot(xs[c], ys[c])
		vx, vy := w[c]*xs[c]/n, w[c]*ys[c]/n
		hi, lo := max(vx, vy), min(vx, vy)
		dpx += (vx - hi) * (vx - hi)
		dmx += (vx - lo) * (vx - lo)
		dpy += (vy - hi) * (vy - hi)
		dmy += (vy - lo) * (vy - lo)
	}
	x, _ := res.ByID("x")
	y, _ := res.ByID("y")
	near(t, "x closeness", x.Total, math.Sqrt(dmx)/(math.Sqrt(dpx)+math.Sqrt(dmx)), 1e-12)
	near(t, "y closeness", y.Total, math.Sqrt(dmy)/(math.Sqrt(dpy)+math.Sqrt(dmy)), 1e-12)
}

// The compiled value function the engine ranks with (anchors pre-scaled, slopes pre-divided)
// agrees with ValueScore: exactly at every anchor and at the steps, to rounding in between.
func TestCompiledValueFunctionMatchesValueScore(t *testing.T) {
	fns := []struct {
		anchors []Anchor
		scale   float64
	}{
		{[]Anchor{{99.5, 1}, {99.9, 3}, {99.95, 4}, {99.99, 5}}, 1},
		{[]Anchor{{1, 1}, {1, 2}, {1.25, 3}, {1.5, 4}, {2, 5}}, 1000},
		{[]Anchor{{1, 1}, {1, 2}, {1.25, 3}, {1.5, 4}, {2, 5}}, 333},
		{[]Anchor{{10, 5}, {30, 4}, {240, 3}, {1440, 2}, {4320, 1}}, 1},
		{[]Anchor{{0, 1}, {1, 1}, {1, 2}, {2, 5}}, 7},
		{[]Anchor{{3, 4}}, 1},
	}
	rng := rand.New(rand.NewPCG(9, 9))
	for k, f := range fns {
		vf := compileVF(make([]vfPoint, len(f.anchors)), f.anchors, f.scale)
		for _, a := range f.anchors {
			for _, x := range []float64{a.X * f.scale, math.Nextafter(a.X*f.scale, math.Inf(-1))} {
				if got, want := valueAt(vf, x), ValueScore(f.anchors, f.scale, x); got != want {
					t.Errorf("fn %d at %.17g: compiled %.17g, ValueScore %.17g", k, x, got, want)
				}
			}
		}
		lo, hi := f.anchors[0].X*f.scale, f.anchors[len(f.anchors)-1].X*f.scale
		for i := 0; i < 2000; i++ {
			x := lo - 1 + (hi-lo+2)*rng.Float64()
			if got, want := valueAt(vf, x), ValueScore(f.anchors, f.scale, x); math.Abs(got-want) > 1e-12 {
				t.Errorf("fn %d at %.17g: compiled %.17g, ValueScore %.17g", k, x, got, want)
			}
		}
	}
}

// A dimension without criteria cannot turn its weight into score: with weight on it, every
// total silently falls short of the 1–5 scale. Validate refuses that; at weight 0 it is fine.
func TestValidateRejectsWeightOnAnEmptyDimension(t *testing.T) {
	f, p := fiveDims()
	f.Dimensions = append(f.Dimensions, Dimension{ID: "empty", Name: Both("Empty")})
	p.Dimensions["empty"] = 0
	if err := p.Validate(f); err != nil {
		t.Fatalf("empty dimension at weight 0: %v", err)
	}
	if err := p.SetDimension(f, "empty", 0.2); err != nil {
		t.Fatal(err)
	}
	if err := p.Validate(f); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Fatalf("weight on a dimension without criteria: err = %v", err)
	}
}
