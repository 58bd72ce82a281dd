package model_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"ccselect/model"
	"ccselect/samples"
)

// sameLeaderChanges compares LeaderBreakEvens with the leader part of BreakEvens (the reference:
// it builds every pairwise crossing and the leader segments between them).
func sameLeaderChanges(t *testing.T, what string, p *model.Problem) int {
	t.Helper()
	want := model.BreakEvens(p)
	got := model.LeaderBreakEvens(p)
	rep := model.LeaderReport(p)
	if len(got) != len(want.BreakEvens) || len(rep.BreakEvens) != len(got) {
		t.Fatalf("%s: %d break-evens (report %d), want %d", what, len(got), len(rep.BreakEvens), len(want.BreakEvens))
	}
	if rep.Leader != want.Leader || fmt.Sprint(rep.Ranked) != fmt.Sprint(want.Ranked) {
		t.Errorf("%s: report leader %d ranked %v, want %d %v", what, rep.Leader, rep.Ranked, want.Leader, want.Ranked)
	}
	changes := 0
	for i, w := range want.BreakEvens {
		g := got[i]
		if g.Param != w.Param || g.Leader != w.Leader ||
			changeString(p, g.Below) != changeString(p, w.Below) || changeString(p, g.Above) != changeString(p, w.Above) {
			t.Errorf("%s %s (now %.4f): leader %d below %s above %s, want leader %d below %s above %s", what, w.Param.ID, w.Param.Current,
				g.Leader, changeString(p, g.Below), changeString(p, g.Above), w.Leader, changeString(p, w.Below), changeString(p, w.Above))
		}
		if fmt.Sprint(rep.BreakEvens[i].Below, rep.BreakEvens[i].Above) != fmt.Sprint(g.Below, g.Above) {
			t.Errorf("%s %s: LeaderReport differs from LeaderBreakEvens", what, w.Param.ID)
		}
		if w.Below != nil {
			changes++
		}
		if w.Above != nil {
			changes++
		}
	}
	return changes
}

func TestLeaderBreakEvensSample(t *testing.T) {
	e, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	if n := sameLeaderChanges(t, "sample", mustProblem(t, e)); n < 5 {
		t.Fatalf("only %d leader changes compared", n)
	}
}

// The hand case, including current weights exactly at a break-even (0.375: b and c tie; 0.5:
// a and b swap behind c) and at the ends of the range.
func TestLeaderBreakEvensHandCase(t *testing.T) {
	for _, twoDims := range []bool{true, false} {
		for _, w := range []float64{0, 0.3, 0.375, 0.5, 0.625, 0.9, 1} {
			p := mustProblem(t, handCase(t, twoDims, w, handScores))
			sameLeaderChanges(t, fmt.Sprintf("twoDims=%v w=%g", twoDims, w), p)
		}
	}
}

// Seeded random problems: 1–5 dimensions, 1–12 criteria, 1–25 vendors, half-point scores (so
// exact ties are common) and random weights, some of them zero.
func TestLeaderBreakEvensRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 2026))
	changes := 0
	for n := 0; n < 400; n++ {
		nd, nc, nv := 1+rng.IntN(5), 0, 1+rng.IntN(25)
		nc = nd + rng.IntN(8)
		e := &model.Evaluation{Name: "rnd", Reviewers: []model.Reviewer{{ID: "r", Name: "r"}}}
		prof := model.WeightProfile{Name: "w", Dimensions: map[string]float64{}, Criteria: map[string]float64{}}
		for d := 0; d < nd; d++ {
			id := fmt.Sprintf("d%d", d)
			e.Framework.Dimensions = append(e.Framework.Dimensions, model.Dimension{ID: id, Name: model.Both(id)})
			prof.Dimensions[id] = 1 / float64(nd)
		}
		for c := 0; c < nc; c++ {
			id := fmt.Sprintf("c%02d", c)
			e.Framework.Criteria = append(e.Framework.Criteria, model.Criterion{ID: id, Dimension: fmt.Sprintf("d%d", c%nd), Name: model.Both(id), Kind: model.KindRating})
			prof.Criteria[id] = 1 / float64((nc-c%nd+nd-1)/nd) // every criterion of its dimension equal
		}
		e.Profiles = []model.WeightProfile{prof}
		for v := 0; v < nv; v++ {
			id := fmt.Sprintf("v%02d", v)
			e.Vendors = append(e.Vendors, model.Vendor{ID: id, Name: model.Both(id)})
			for _, cr := range e.Framework.Criteria {
				e.Scores = append(e.Scores, model.Score{Vendor: id, Criterion: cr.ID, Reviewer: "r", Value: float64(2+rng.IntN(9)) / 2})
			}
		}
		p := mustProblem(t, e)
		weights := func(k int) []float64 {
			ws, sum := make([]float64, k), 0.0
			for i := range ws {
				if rng.IntN(6) > 0 {
					ws[i] = rng.Float64()
				}
				sum += ws[i]
			}
			for i := range ws {
				if sum == 0 {
					ws[i] = 1 / float64(k)
				} else {
					ws[i] /= sum
				}
			}
			return ws
		}
		local := make([]float64, nc)
		for d := 0; d < nd; d++ {
			var idx []int
			for c := 0; c < nc; c++ {
				if c%nd == d {
					idx = append(idx, c)
				}
			}
			for i, w := range weights(len(idx)) {
				local[idx[i]] = w
			}
		}
		if err := p.SetWeights(weights(nd), local); err != nil {
			t.Fatal(err)
		}
		changes += sameLeaderChanges(t, fmt.Sprintf("problem %d", n), p)
		if t.Failed() {
			return
		}
	}
	if changes < 200 {
		t.Fatalf("only %d leader changes compared: the problems are too easy", changes)
	}
}

// BenchmarkLeaderBreakEvensSample is LeaderBreakEvens on the embedded sample, for comparison
// with BenchmarkBreakEvenSample.
func BenchmarkLeaderBreakEvensSample(b *testing.B) {
	e, err := samples.Sample()
	if err != nil {
		b.Fatal(err)
	}
	p := mustProblem(b, e)
	b.ReportAllocs()
	for b.Loop() {
		model.LeaderBreakEvens(p)
	}
}
