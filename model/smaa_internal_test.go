package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// kernelProblem: nv vendors × nc rating criteria in one dimension, reproducible pseudo-random
// half-point ratings (a second reviewer half a point higher), equal weights. Internal tests use it to reach the per-sample function directly.
func kernelProblem(t testing.TB, nv, nc int) *Problem {
	t.Helper()
	f := Framework{Dimensions: []Dimension{{ID: "d", Name: Both("d")}}}
	prof := WeightProfile{Name: "p", Dimensions: map[string]float64{"d": 1}, Criteria: map[string]float64{}}
	for c := 0; c < nc; c++ {
		id := fmt.Sprintf("c%02d", c)
		f.Criteria = append(f.Criteria, Criterion{ID: id, Dimension: "d", Name: Both(id), Kind: KindRating})
		prof.Criteria[id] = 1 / float64(nc)
	}
	e := &Evaluation{Name: "k", Framework: f, Profiles: []WeightProfile{prof},
		Reviewers: []Reviewer{{ID: "r1", Name: "r1"}, {ID: "r2", Name: "r2"}}}
	rng := rand.New(rand.NewPCG(3, 5))
	for v := 0; v < nv; v++ {
		e.Vendors = append(e.Vendors, Vendor{ID: fmt.Sprintf("v%02d", v), Name: Both("v")})
		for c := 0; c < nc; c++ {
			x := 1 + float64(rng.IntN(9))/2
			e.Scores = append(e.Scores,
				Score{Vendor: e.Vendors[v].ID, Criterion: f.Criteria[c].ID, Reviewer: "r1", Value: x},
				Score{Vendor: e.Vendors[v].ID, Criterion: f.Criteria[c].ID, Reviewer: "r2", Value: min(5, x+0.5)})
		}
	}
	p, err := NewProblem(e, "", ConsensusMean, WSM{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The per-sample function allocates nothing, in every weight mode and with score draws.
func TestSMAASampleDoesNotAllocate(t *testing.T) {
	p := kernelProblem(t, 20, 15)
	for _, opt := range []SMAAOptions{
		{Level: LevelCriteria, Weights: WeightsUniform},
		{Level: LevelCriteria, Weights: WeightsOrdinal},
		{Level: LevelDimensions, Weights: WeightsAround, AroundPct: 20},
		{Level: LevelCriteria, Weights: WeightsUniform, Uncertainty: UncertaintyReviewers},
	} {
		s := newSMAASetup(p, &opt)
		w := s.newWorker()
		w.seed(1, 0, 0)
		if a := testing.AllocsPerRun(1000, w.sample); a != 0 {
			t.Errorf("%v/%v/%v: %v allocations per sample", opt.Level, opt.Weights, opt.Uncertainty, a)
		}
		conf := &confidencePass{central: make([]float64, s.m*s.n), has: make([]bool, s.m)}
		conf.has[0] = true
		if a := testing.AllocsPerRun(1000, func() { w.confidenceSample(conf) }); a != 0 {
			t.Errorf("confidence sample: %v allocations", a)
		}
	}
}

// The byte-lane ranking (rank + flushBlock) must count exactly what the plain pairwise path
// counts, ties included, across block boundaries and a partial last block, with the unrolled
// network (5, 20 vendors: padded and not), the table network (40) and the limit (64).
func TestSMAARankPathsAgree(t *testing.T) {
	for _, m := range []int{5, 20, 32, 40, 64} {
		p := kernelProblem(t, m, 4)
		opt := SMAAOptions{Level: LevelCriteria}
		s := newSMAASetup(p, &opt)
		fast, plain := s.newWorker(), s.newWorker()
		rng := rand.New(rand.NewPCG(1, 2))
		for d := 0; d < 3*rankBlock+37; d++ {
			for i := range fast.tot {
				x := 1 + 4*rng.Float64()
				if d%3 == 0 {
					x = float64(1 + rng.IntN(4)) // many ties
				}
				fast.tot[i], plain.tot[i] = x, x
			}
			for j := range fast.w {
				fast.w[j] = rng.Float64()
				plain.w[j] = fast.w[j]
			}
			fast.rank()
			plain.rankPlain()
		}
		fast.flushBlock()
		for name, pair := range map[string][2][]uint64{
			"rank counts": {fast.rankCount, plain.rankCount},
			"wins":        {fast.win, plain.win},
			"central":     {fast.central, plain.central},
		} {
			for i := range pair[0] {
				if pair[0][i] != pair[1][i] {
					t.Fatalf("%d vendors: %s differ at %d: %d vs %d", m, name, i, pair[0][i], pair[1][i])
				}
			}
		}
	}
}

// Beyond maxUnrolledSort+1 weights the simplex comes from exponential spacings; it must still be
// the uniform Dirichlet: each weight's marginal is Beta(1, n−1) (Devroye 1986, ch. V §2), so
// E[w_j] = 1/n and P(w_j > t) = (1−t)^(n−1).
func TestSMAAExponentialSimplexIsUniform(t *testing.T) {
	const n, draws, tail = 40, 200_000, 0.05
	p := kernelProblem(t, 3, n)
	opt := SMAAOptions{Level: LevelCriteria}
	s := newSMAASetup(p, &opt)
	if !s.expSimplex {
		t.Fatal("40 weights should use exponential spacings")
	}
	w := s.newWorker()
	w.seed(1, 0, 0)
	var mean [n]float64
	above := 0
	for range draws {
		w.simplex()
		sum := 0.0
		for j, x := range w.w {
			mean[j] += x / draws
			sum += x
		}
		if math.Abs(sum-1) > 1e-12 {
			t.Fatalf("weights sum to %v", sum)
		}
		if w.w[7] > tail {
			above++
		}
	}
	for j, m := range mean {
		if math.Abs(m-1.0/n) > 0.0005 {
			t.Errorf("E[w_%d] = %.5f, want %.5f", j, m, 1.0/n)
		}
	}
	want := math.Pow(1-tail, n-1)
	if got := float64(above) / draws; math.Abs(got-want) > 0.005 {
		t.Errorf("P(w > %v) = %.4f, want %.4f", tail, got, want)
	}
}

// rankPlain is the reference ranking: every pair compared on its key and counted directly.
func (w *smaaWorker) rankPlain() {
	m, n := w.s.m, w.s.n
	tot := w.tot[:m]
	for i, ti := range tot {
		ki := totalKey(ti)
		r := 0
		for k, tk := range tot {
			if kk := totalKey(tk); kk > ki {
				r++
			} else if ki > kk && w.win != nil {
				w.win[i*m+k]++
			}
		}
		w.rankCount[i*m+r]++
		if r == 0 {
			w.addCentral(i, n)
		}
	}
}

// A worker looks at its context about every 64k cells of work: every 1,024 samples at the
// smallest shapes, every sample or few at the largest (200 vendors × 100 criteria with reviewer
// uncertainty: 20,000 drawn cells a sample), so Ctrl+C stops within a millisecond or so.
func TestCancelEvery(t *testing.T) {
	for _, tc := range []struct{ e, cells, want int }{
		{0, 0, 1024},           // nothing to draw: capped
		{15 * 16, 0, 273},      // 5 × 15, vendors padded to 16: 65536/240
		{15 * 32, 0, 136},      // 20 × 15
		{100 * 208, 20000, 1},  // 200 × 100 with reviewer uncertainty: 65536/40800
		{300 * 512, 150000, 1}, // larger than 64k cells: every sample
	} {
		s := &smaaSetup{E: make([]float64, tc.e), cells: make([]uncertainCell, tc.cells)}
		if got := s.cancelEvery(); got != tc.want {
			t.Errorf("E %d, cells %d: every %d samples, want %d", tc.e, tc.cells, got, tc.want)
		}
	}
}
