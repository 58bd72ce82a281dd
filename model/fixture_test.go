package model

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// tiny builds a two-dimension, three-criterion evaluation small enough to work out by hand:
// dimension a (0.6) = r1 (local 0.5) + m1 (measured, local 0.5); dimension b (0.4) = r2.
func tiny() *Evaluation {
	e := &Evaluation{
		Name: "tiny",
		Framework: Framework{
			Dimensions: []Dimension{{ID: "a", Name: Text{Zh: "甲", En: "A"}}, {ID: "b", Name: Text{En: "B"}}},
			Criteria: []Criterion{
				{ID: "r1", Dimension: "a", Kind: KindRating},
				{ID: "m1", Dimension: "a", Kind: KindMeasured, Direction: Benefit, AnchorParam: "P",
					Anchors: []Anchor{{1, 1}, {1, 2}, {2, 5}}},
				{ID: "r2", Dimension: "b", Kind: KindRating},
			},
		},
		Params:    map[string]float64{"P": 100},
		Vendors:   []Vendor{{ID: "x", Name: Both("X")}, {ID: "y", Name: Text{Zh: "乙"}}, {ID: "z", Name: Both("Z")}},
		Reviewers: []Reviewer{{ID: "r", Name: "R"}, {ID: "s", Name: "S"}},
		Profiles: []WeightProfile{{Name: "p",
			Dimensions: map[string]float64{"a": 0.6, "b": 0.4},
			Criteria:   map[string]float64{"r1": 0.5, "m1": 0.5, "r2": 1}}},
		ActiveProfile: "p",
		KnockOuts:     []KnockOut{{Criterion: "m1", Op: OpGE, Threshold: 1, Param: "P"}},
	}
	set := func(v, c string, vals ...float64) {
		for i, x := range vals {
			e.Scores = append(e.Scores, Score{Vendor: v, Criterion: c, Reviewer: e.Reviewers[i].ID, Value: x})
		}
	}
	set("x", "r1", 4, 5)   // 4.5
	set("x", "m1", 150)    // only reviewer r: 1.5P → 3.5
	set("x", "r2", 3, 3)   // 3
	set("y", "r1", 5, 5)   // 5
	set("y", "m1", 200)    // 2P → 5
	set("y", "r2", 2, 2)   // 2
	set("z", "r1", 5, 5)   // 5
	set("z", "m1", 90, 90) // < P → 1, fails the knock-out
	set("z", "r2", 5, 5)   // 5
	return e
}

// synthetic builds nv vendors × nc criteria (5 dimensions, half measured) × nr reviewers with
// every cell scored, seeded so benchmarks are repeatable.
func synthetic(nv, nc, nr int) *Evaluation {
	rng := rand.New(rand.NewPCG(1, 2))
	e := &Evaluation{Name: "synthetic", Params: map[string]float64{"P": 1000}, ActiveProfile: "w"}
	prof := WeightProfile{Name: "w", Dimensions: map[string]float64{}, Criteria: map[string]float64{}}
	const nd = 5
	for d := 0; d < nd; d++ {
		id := fmt.Sprintf("d%d", d)
		e.Framework.Dimensions = append(e.Framework.Dimensions, Dimension{ID: id, Name: Both(id)})
		prof.Dimensions[id] = 1.0 / nd
	}
	perDim := make([]int, nd)
	for c := 0; c < nc; c++ {
		perDim[c%nd]++
	}
	for c := 0; c < nc; c++ {
		cr := Criterion{ID: fmt.Sprintf("c%03d", c), Dimension: fmt.Sprintf("d%d", c%nd), Kind: KindRating}
		if c%2 == 1 {
			cr.Kind, cr.Direction, cr.AnchorParam = KindMeasured, Benefit, "P"
			cr.Anchors = []Anchor{{1, 1}, {1, 2}, {1.25, 3}, {1.5, 4}, {2, 5}}
		}
		e.Framework.Criteria = append(e.Framework.Criteria, cr)
		prof.Criteria[cr.ID] = 1 / float64(perDim[c%nd])
	}
	e.Profiles = []WeightProfile{prof}
	for r := 0; r < nr; r++ {
		e.Reviewers = append(e.Reviewers, Reviewer{ID: fmt.Sprintf("r%d", r), Name: fmt.Sprintf("R%d", r)})
	}
	for v := 0; v < nv; v++ {
		id := fmt.Sprintf("v%03d", v)
		e.Vendors = append(e.Vendors, Vendor{ID: id, Name: Text{Zh: "厂商" + id}})
		for _, cr := range e.Framework.Criteria {
			for _, r := range e.Reviewers {
				x := float64(2+rng.IntN(9)) / 2
				if cr.Kind == KindMeasured {
					x = 800 + float64(rng.IntN(1400))
				}
				e.Scores = append(e.Scores, Score{Vendor: id, Criterion: cr.ID, Reviewer: r.ID, Value: x})
			}
		}
	}
	e.KnockOuts = []KnockOut{{Criterion: "c001", Op: OpGE, Threshold: 0.8, Param: "P"}}
	return e
}

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if got < want-tol || got > want+tol || got != got {
		t.Errorf("%s = %.6f, want %.6f ± %g", what, got, want, tol)
	}
}
