package model_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"ccselect/model"
)

// syntheticProblem builds nv vendors × nc criteria (spread over 5 dimensions) with reproducible
// pseudo-random half-point ratings and equal weights, no knock-outs. reviewers > 1 adds
// reviewers who deviate by up to ±1 so score uncertainty has ranges to draw from.
func syntheticProblem(t testing.TB, nv, nc, reviewers int) *model.Problem {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 11))
	nd := min(5, nc)
	f := model.Framework{}
	for d := 0; d < nd; d++ {
		f.Dimensions = append(f.Dimensions, model.Dimension{ID: fmt.Sprintf("d%d", d), Name: model.Both(fmt.Sprintf("D%d", d))})
	}
	prof := model.WeightProfile{Name: "p", Dimensions: map[string]float64{}, Criteria: map[string]float64{}}
	per := make([]int, nd)
	for c := 0; c < nc; c++ {
		per[c%nd]++
	}
	for c := 0; c < nc; c++ {
		id := fmt.Sprintf("c%02d", c)
		d := c % nd
		f.Criteria = append(f.Criteria, model.Criterion{ID: id, Dimension: f.Dimensions[d].ID, Name: model.Both(id), Kind: model.KindRating})
		prof.Criteria[id] = 1 / float64(per[d])
	}
	for d := 0; d < nd; d++ {
		prof.Dimensions[f.Dimensions[d].ID] = float64(per[d]) / float64(nc)
	}
	e := &model.Evaluation{Name: "synthetic", Framework: f, Profiles: []model.WeightProfile{prof}}
	for r := 0; r < reviewers; r++ {
		e.Reviewers = append(e.Reviewers, model.Reviewer{ID: fmt.Sprintf("r%d", r), Name: fmt.Sprintf("R%d", r)})
	}
	for v := 0; v < nv; v++ {
		e.Vendors = append(e.Vendors, model.Vendor{ID: fmt.Sprintf("v%02d", v), Name: model.Both(fmt.Sprintf("Vendor %d", v))})
		for _, c := range f.Criteria {
			base := 1 + float64(rng.IntN(9))/2
			for r := 0; r < reviewers; r++ {
				x := base
				if r > 0 {
					x = min(5, max(1, base+float64(rng.IntN(5)-2)/2))
				}
				e.Scores = append(e.Scores, model.Score{Vendor: e.Vendors[v].ID, Criterion: c.ID, Reviewer: e.Reviewers[r].ID, Value: x})
			}
		}
	}
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	return mustProblem(t, e)
}

// BenchmarkSMAA is the issue-13 target at its three shapes: vendors × criteria, criteria level,
// uniform weights, 1,000,000 samples per op, on one and on two workers. allocs/op is the setup
// and result only (it does not grow with the sample count; see TestSMAASampleDoesNotAllocate).
// Compare samples/s with model/testdata/smaa_numpy.py at the same shape.
func BenchmarkSMAA(b *testing.B) {
	for _, sh := range [][2]int{{5, 15}, {20, 15}, {50, 100}} {
		// The problem is built inside the shape's own sub-benchmark, so a whole-process timing of
		// one shape (-bench 'SMAA/^5x15$/^workers=2$' -benchtime=1x) pays for that shape only.
		b.Run(fmt.Sprintf("%dx%d", sh[0], sh[1]), func(b *testing.B) {
			p := syntheticProblem(b, sh[0], sh[1], 1)
			for _, workers := range []int{1, 2} {
				b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
					benchSMAA(b, p, model.SMAAOptions{Samples: 1_000_000, Seed: 1, Level: model.LevelCriteria, Workers: workers})
				})
			}
		})
	}
}

// BenchmarkSMAALarge is the SMAA part of `sensitivity --samples 100000` at the issue-13 large
// shapes: 200 and 500 vendors × 100 criteria in 5 dimensions, dimension level (the CLI's
// default), GOMAXPROCS workers. Beyond 64 vendors the ranks come from blockSort and the winning
// indices from the rerun over the 64 contenders.
func BenchmarkSMAALarge(b *testing.B) {
	for _, nv := range []int{200, 500} {
		b.Run(fmt.Sprintf("%dx100", nv), func(b *testing.B) {
			p := syntheticProblem(b, nv, 100, 1)
			benchSMAA(b, p, model.SMAAOptions{Samples: 100_000, Seed: 1})
		})
	}
}

// benchSMAA runs opt on p per iteration and reports samples per second and ns per sample.
func benchSMAA(b *testing.B, p *model.Problem, opt model.SMAAOptions) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := model.RunSMAA(context.Background(), p, opt); err != nil {
			b.Fatal(err)
		}
	}
	perOp := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(opt.Samples)/perOp, "samples/s")
	b.ReportMetric(perOp*1e9/float64(opt.Samples), "ns/sample")
}
