package model

import (
	"context"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// blockSort sorts like slices.Sort (descending) at every block split, odd and even run counts.
func TestSMAABlockSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	for _, n := range []int{65, 66, 95, 96, 97, 128, 129, 200, 257, 500, 1000} {
		bs := newBlockSort(n)
		for range 20 {
			k := make([]uint64, n+bs.scratch())
			seen := map[uint64]bool{}
			for i := 0; i < n; {
				x := 1 + rng.Uint64N(1<<40)
				if rng.IntN(4) == 0 {
					x = 1 + rng.Uint64N(uint64(n)) // small keys close to the zero sentinel
				}
				if !seen[x] {
					seen[x] = true
					k[i] = x
					i++
				}
			}
			for i := n; i < len(k); i++ {
				k[i] = rng.Uint64() // scratch need not be clean
			}
			want := slices.Clone(k[:n])
			slices.Sort(want)
			slices.Reverse(want)
			bs.sort(k)
			if !slices.Equal(k[:n], want) {
				t.Fatalf("n=%d: blockSort gave %v, want %v", n, k[:n], want)
			}
		}
	}
}

// Beyond maxFastVendor, rankSorted must count exactly what the plain pairwise reference counts
// (ranks and central weights), ties included: exact ties, and totals that differ only in the bits
// the wider vendor index replaces (coarse ties settled by totalKey).
func TestSMAARankSortedAgreesWithPlain(t *testing.T) {
	for _, m := range []int{65, 100, 200, 300} {
		p := kernelProblem(t, m, 3)
		opt := SMAAOptions{Level: LevelCriteria}
		s := newSMAASetup(p, &opt)
		if s.bigIdxBits <= keyIdxBits && m > 128 {
			t.Fatalf("%d vendors: %d index bits", m, s.bigIdxBits)
		}
		fast, plain := s.newWorker(), s.newWorker()
		rng := rand.New(rand.NewPCG(1, uint64(m)))
		for d := 0; d < 600; d++ {
			for i := range fast.tot[:m] {
				x := 1 + 4*rng.Float64()
				switch d % 3 {
				case 0:
					x = float64(1 + rng.IntN(4)) // many exact ties
				case 1: // neighbours in the low bits: coarse ties with distinct totalKeys
					x = math.Float64frombits(math.Float64bits(3) + uint64(rng.IntN(8))<<keyIdxBits + uint64(rng.IntN(64)))
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
		if !slices.Equal(fast.rankCount, plain.rankCount) {
			t.Errorf("%d vendors: rank counts differ", m)
		}
		if !slices.Equal(fast.central, plain.central) {
			t.Errorf("%d vendors: central sums differ", m)
		}
	}
}

// fullWinning counts every pair's wins over the draws of pass 1, the V² way: the reference the
// contenders' winning indices must match.
func fullWinning(s *smaaSetup, samples int, seed uint64) []uint64 {
	m := s.m
	win := make([]uint64, m*m)
	w := s.newWorker()
	for k := 0; k*smaaChunk < samples; k++ {
		w.seed(seed, 0, uint64(k))
		for range min(smaaChunk, samples-k*smaaChunk) {
			if w.own != nil {
				w.drawScores()
			}
			w.drawWeights()
			w.totals(w.w)
			for i := range m {
				ki := totalKey(w.tot[i])
				for j := range m {
					if ki > totalKey(w.tot[j]) {
						win[i*m+j]++
					}
				}
			}
		}
	}
	return win
}

// Beyond SMAAWinningVendors the winning indices are computed among the contenders only; on every
// pair kept they equal the full V² count exactly, the contenders are the vendors with the best
// acceptability, and the result stays bit-identical for any worker count, with and without
// score uncertainty.
func TestSMAAContendersWinningEqualsFull(t *testing.T) {
	p := kernelProblem(t, 90, 6)
	for _, opt := range []SMAAOptions{
		{Samples: 20_001, Seed: 5, Level: LevelCriteria},
		{Samples: 20_001, Seed: 6, Level: LevelCriteria, Uncertainty: UncertaintyReviewers},
	} {
		var first *SMAAResult
		for _, workers := range []int{1, 2, 3} {
			opt.Workers = workers
			r, err := RunSMAA(context.Background(), p, opt)
			if err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = r
				continue
			}
			if !reflect.DeepEqual(first, r) {
				t.Errorf("%v: %d workers differ from 1", opt.Uncertainty, workers)
			}
		}
		r := first
		m := len(r.IDs)
		if len(r.Contenders) != SMAAWinningVendors {
			t.Fatalf("%d contenders, want %d", len(r.Contenders), SMAAWinningVendors)
		}
		s := newSMAASetup(p, &opt)
		full := fullWinning(s, opt.Samples, opt.Seed)
		N := float64(opt.Samples)
		for i := range m {
			if !r.HasWinning(i) {
				if r.Winning[i] != nil {
					t.Errorf("vendor %d is no contender but has a winning row", i)
				}
				continue
			}
			for k := range m {
				want := 0.0
				if k != i && r.HasWinning(k) {
					want = float64(full[i*m+k]) / N
				}
				if r.Winning[i][k] != want {
					t.Fatalf("%v: winning[%d][%d] = %v, full count gives %v", opt.Uncertainty, i, k, r.Winning[i][k], want)
				}
			}
		}
		// Every vendor left out is first no more often than any contender.
		worst := 1.0
		for _, c := range r.Contenders {
			worst = min(worst, r.Acceptability[c][0])
		}
		for i := range m {
			if !r.HasWinning(i) && r.Acceptability[i][0] > worst {
				t.Errorf("vendor %d left out with first-rank acceptability %v above a contender's %v", i, r.Acceptability[i][0], worst)
			}
		}
	}
}

// The vector totals (when the CPU has them) round exactly like the portable loop, at every
// block split (16-vendor blocks, 4-vendor tail).
func TestSMAATotalsPathsAgree(t *testing.T) {
	if !useAVX {
		t.Skip("no vector totals on this platform")
	}
	rng := rand.New(rand.NewPCG(4, 4))
	for _, m := range []int{1, 4, 5, 15, 16, 17, 20, 33, 50, 64, 100} {
		for _, n := range []int{1, 2, 7, 100} {
			mp := padRows(m)
			E := make([]float64, n*mp)
			for j := range n {
				for i := range m {
					E[j*mp+i] = 1 + 4*rng.Float64()
				}
			}
			wt := make([]float64, n)
			for j := range wt {
				wt[j] = rng.Float64() / float64(n)
			}
			a, b := make([]float64, mp), make([]float64, mp)
			totalsAVX(&E[0], &wt[0], &a[0], n, mp)
			totalsGo(E, wt, b, n, mp)
			for i := range a {
				if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
					t.Fatalf("m=%d n=%d vendor %d: vector %v, scalar %v", m, n, i, a[i], b[i])
				}
			}
		}
	}
}

// expFloat64 draws what math/rand/v2's ExpFloat64 draws from the same PCG, number for number
// (slow paths included: 2M draws take the wedge and the tail many times), so sampler v2's
// stream is unchanged.
func TestSMAAExpMatchesMathRand(t *testing.T) {
	a, b := rand.NewPCG(17, 19), rand.NewPCG(17, 19)
	r := rand.New(b)
	for k := range 2_000_000 {
		x, y := expFloat64(a), r.ExpFloat64()
		if math.Float64bits(x) != math.Float64bits(y) {
			t.Fatalf("draw %d: %v, math/rand %v", k, x, y)
		}
	}
	if a.Uint64() != b.Uint64() {
		t.Fatal("the streams drifted apart")
	}
}
