package model

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func fiveDims() (*Framework, *WeightProfile) {
	e := synthetic(1, 5, 1)
	p := e.Profiles[0].Clone()
	p.Dimensions = map[string]float64{"d0": 0.24, "d1": 0.16, "d2": 0.24, "d3": 0.20, "d4": 0.16}
	return &e.Framework, &p
}

func TestSetDimensionRescalesSiblingsProportionally(t *testing.T) {
	f, p := fiveDims()
	if err := p.SetDimension(f, "d3", 0.30); err != nil {
		t.Fatal(err)
	}
	// Others shared 0.80, now 0.70: each scaled by 7/8.
	near(t, "d3", p.Dimensions["d3"], 0.30, 1e-12)
	near(t, "d0", p.Dimensions["d0"], 0.24*7/8, 1e-12)
	near(t, "d1", p.Dimensions["d1"], 0.16*7/8, 1e-12)
	if err := p.Validate(f); err != nil {
		t.Fatal(err)
	}
}

func TestLockedWeightsNeverMove(t *testing.T) {
	f, p := fiveDims()
	p.ToggleLock("d0")
	if err := p.SetDimension(f, "d3", 0.40); err != nil {
		t.Fatal(err)
	}
	near(t, "locked d0", p.Dimensions["d0"], 0.24, 0)
	// Free siblings d1,d2,d4 had 0.56 and now share 1 − 0.24 − 0.40 = 0.36.
	near(t, "d2", p.Dimensions["d2"], 0.24*0.36/0.56, 1e-12)
	if err := p.Validate(f); err != nil {
		t.Fatal(err)
	}
	p.ToggleLock("d0")
	if p.IsLocked("d0") {
		t.Fatal("toggle did not unlock")
	}
}

func TestImpossibleWeightRequestsChangeNothing(t *testing.T) {
	f, p := fiveDims()
	before := p.Clone()
	check := func(name string, err error, want string) {
		t.Helper()
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("%s: err = %v, want it to mention %q", name, err, want)
		}
		for k, v := range before.Dimensions {
			if p.Dimensions[k] != v {
				t.Fatalf("%s changed %s from %g to %g", name, k, v, p.Dimensions[k])
			}
		}
	}
	check("negative", p.SetDimension(f, "d0", -0.1), "between 0 and 1")
	check("NaN", p.SetDimension(f, "d0", math.NaN()), "between 0 and 1")
	check("above one", p.SetDimension(f, "d0", 1.5), "between 0 and 1")
	check("unknown", p.SetDimension(f, "zz", 0.1), "unknown dimension")
	for _, id := range []string{"d1", "d2", "d3", "d4"} {
		p.ToggleLock(id)
	}
	before = p.Clone()
	check("all siblings locked", p.SetDimension(f, "d0", 0.3), "locked")
	p.Locked = []string{"d1", "d2"}
	before = p.Clone()
	check("more than what locks leave", p.SetDimension(f, "d0", 0.7), "left by locked")
}

// Each refusal is a *WeightError of its kind, carrying what a caller needs to word it (the id,
// the weight asked for and what the locks leave), so present can say it in zh.
func TestWeightErrorKinds(t *testing.T) {
	f, p := fiveDims()
	kind := func(err error) *WeightError {
		t.Helper()
		var we *WeightError
		if !errors.As(err, &we) {
			t.Fatalf("err %v (%T) is not a *WeightError", err, err)
		}
		return we
	}
	if e := kind(p.SetDimension(f, "d0", 1.5)); e.Kind != WeightRange || e.ID != "d0" || e.Value != 1.5 {
		t.Errorf("range: %+v", e)
	}
	if e := kind(p.SetDimension(f, "zz", 0.1)); e.Kind != WeightUnknownID || e.Level != "dimension" {
		t.Errorf("unknown: %+v", e)
	}
	p.Locked = []string{"d0"}
	if e := kind(p.SetDimension(f, "d0", 0.1)); e.Kind != WeightLocked || e.ID != "d0" {
		t.Errorf("locked: %+v", e)
	}
	p.Locked = []string{"d1", "d2", "d3", "d4"}
	if e := kind(p.SetDimension(f, "d0", 0.2)); e.Kind != WeightAllLocked { // only 24% keeps the sum at 1
		t.Errorf("all locked: %+v", e)
	}
	p.Locked = []string{"d1", "d2"} // 16% + 24%: 60% is left
	if e := kind(p.SetDimension(f, "d0", 0.7)); e.Kind != WeightNoRoom || math.Abs(e.Max-0.6) > 1e-12 || e.Value != 0.7 {
		t.Errorf("no room: %+v", e)
	}
	p.Locked = nil
	p.Dimensions["d0"] += 0.1
	if e := kind(p.Validate(f)); e.Kind != WeightSum || e.Profile != p.Name {
		t.Errorf("sum: %+v", e)
	}
}

func TestSetWeightWhenFreeSiblingsAreZero(t *testing.T) {
	f, p := fiveDims()
	p.Dimensions = map[string]float64{"d0": 1}
	if err := p.SetDimension(f, "d0", 0.6); err != nil {
		t.Fatal(err)
	}
	near(t, "d1 gets an equal share", p.Dimensions["d1"], 0.1, 1e-12)
}

func TestSetCriterionKeepsOtherDimensions(t *testing.T) {
	e := synthetic(1, 10, 1) // two criteria per dimension, local 0.5 each
	p := e.Profiles[0].Clone()
	if err := p.SetCriterion(&e.Framework, "c000", 0.8); err != nil {
		t.Fatal(err)
	}
	near(t, "sibling c005", p.Criteria["c005"], 0.2, 1e-12)
	near(t, "other dimension c001", p.Criteria["c001"], 0.5, 0)
	near(t, "global c000", p.Global(&e.Framework, "c000"), 0.2*0.8, 1e-12)
}

func TestProfileFromGlobal(t *testing.T) {
	e := synthetic(1, 10, 1)
	g := map[string]float64{}
	for i, c := range e.Framework.Criteria {
		g[c.ID] = float64(i+1) / 55 // 1..10 over 55
	}
	p, err := ProfileFromGlobal("g", &e.Framework, g)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Validate(&e.Framework); err != nil {
		t.Fatal(err)
	}
	for id, w := range g {
		near(t, "global "+id, p.Global(&e.Framework, id), w, 1e-12)
	}
	if _, err := ProfileFromGlobal("zero", &e.Framework, map[string]float64{}); err == nil {
		t.Fatal("weights summing to zero accepted")
	}
}

func TestValidateRejectsWeightsThatDoNotSumToOne(t *testing.T) {
	f, p := fiveDims()
	p.Dimensions["d0"] = 0.5
	if err := p.Validate(f); err == nil || !strings.Contains(err.Error(), "sum to") {
		t.Fatalf("err = %v", err)
	}
	f2, p2 := fiveDims()
	for k := range p2.Dimensions {
		p2.Dimensions[k] = 0
	}
	if err := p2.Validate(f2); err == nil {
		t.Fatal("all-zero weights accepted")
	}
}

func TestRankOrderWeights(t *testing.T) {
	// Published values for n = 3: ROC (11/18, 5/18, 2/18), RS (3/6, 2/6, 1/6), RR (6/11, 3/11, 2/11).
	want := map[string][]float64{
		"ROC": {11.0 / 18, 5.0 / 18, 2.0 / 18},
		"RS":  {0.5, 1.0 / 3, 1.0 / 6},
		"RR":  {6.0 / 11, 3.0 / 11, 2.0 / 11},
	}
	got := map[string][]float64{"ROC": RankOrderCentroid(3), "RS": RankSum(3), "RR": RankReciprocal(3)}
	for name, w := range want {
		for i := range w {
			near(t, name, got[name][i], w[i], 1e-12)
		}
	}
	// ROC for 5 (Barron & Barrett): 0.4567, 0.2567, 0.1567, 0.0900, 0.0400.
	for i, w := range []float64{0.4567, 0.2567, 0.1567, 0.0900, 0.0400} {
		near(t, "ROC5", RankOrderCentroid(5)[i], w, 5e-5)
	}
}
