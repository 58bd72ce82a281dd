package model

import (
	"fmt"
	"testing"
)

// Micro-benchmarks of the pieces of one SMAA-2 draw, one goroutine, at the issue-13 shapes
// (vendors × criteria, criteria level, uniform weights). Their sum is the scalar floor the
// whole kernel (BenchmarkSMAASampleKernel) is held against.

var kernelShapes = [][2]int{{5, 15}, {20, 15}, {50, 100}}

func benchWorker(b *testing.B, nv, nc int) *smaaWorker {
	p := kernelProblem(b, nv, nc)
	opt := SMAAOptions{Level: LevelCriteria}
	s := newSMAASetup(p, &opt)
	w := s.newWorker()
	w.seed(1, 0, 0)
	return w
}

func forShapes(b *testing.B, f func(b *testing.B, w *smaaWorker)) {
	for _, sh := range kernelShapes {
		b.Run(fmt.Sprintf("%dx%d", sh[0], sh[1]), func(b *testing.B) {
			w := benchWorker(b, sh[0], sh[1])
			b.ReportAllocs()
			f(b, w)
		})
	}
}

// BenchmarkSMAASampleKernel times one whole draw: weights, totals, rank, counts.
func BenchmarkSMAASampleKernel(b *testing.B) {
	forShapes(b, func(b *testing.B, w *smaaWorker) {
		for b.Loop() {
			w.sample()
		}
	})
}

// BenchmarkSMAAPieceDraws is the raw random bits: n−1 PCG words per draw.
func BenchmarkSMAAPieceDraws(b *testing.B) {
	forShapes(b, func(b *testing.B, w *smaaWorker) {
		var acc uint64
		for b.Loop() {
			for j := 1; j < w.s.n; j++ {
				acc += w.rng.Uint64()
			}
		}
		sink = acc
	})
}

// BenchmarkSMAAPieceWeights is the uniform simplex draw.
func BenchmarkSMAAPieceWeights(b *testing.B) {
	forShapes(b, func(b *testing.B, w *smaaWorker) {
		for b.Loop() {
			w.drawWeights()
		}
	})
}

// BenchmarkSMAAPieceTotals is the matrix-vector product.
func BenchmarkSMAAPieceTotals(b *testing.B) {
	forShapes(b, func(b *testing.B, w *smaaWorker) {
		w.drawWeights()
		for b.Loop() {
			w.totals(w.w)
		}
	})
}

// BenchmarkSMAAPieceTotalsScalar is the portable matrix-vector product (totalsGo, the path
// without AVX): the scalar limit the floor of issue 13 counts.
func BenchmarkSMAAPieceTotalsScalar(b *testing.B) {
	forShapes(b, func(b *testing.B, w *smaaWorker) {
		w.drawWeights()
		for b.Loop() {
			totalsGo(w.E, w.w, w.tot, w.s.n, w.s.mp)
		}
	})
}

// BenchmarkSMAAPieceRank is ranking one draw and counting it (fresh totals every 64 draws so
// the branch predictor cannot learn one order).
func BenchmarkSMAAPieceRank(b *testing.B) {
	forShapes(b, func(b *testing.B, w *smaaWorker) {
		const k = 64
		tots := make([][]float64, k)
		for i := range tots {
			w.drawWeights()
			w.totals(w.w)
			tots[i] = append([]float64(nil), w.tot...)
		}
		i := 0
		for b.Loop() {
			copy(w.tot, tots[i%k])
			w.rank()
			i++
		}
	})
}

// BenchmarkSMAAPieceSortNet is the two sorting networks alone, on fresh keys each draw: the m
// rank keys and (below 34 weights) the n−1 simplex uniforms.
func BenchmarkSMAAPieceSortNet(b *testing.B) {
	forShapes(b, func(b *testing.B, w *smaaWorker) {
		const k = 64
		src := make([]uint64, k*256)
		for i := range src {
			src[i] = w.rng.Uint64() >> 11
		}
		m, nu := w.s.m, w.s.n-1
		i := 0
		for b.Loop() {
			keys := w.keys[:w.s.rankSize]
			copy(keys[:m], src[(i%k)*256:])
			w.s.rankSort(keys)
			if !w.s.expSimplex {
				d := w.r[:w.s.uSize]
				copy(d[:nu], src[(i%k)*256+128:])
				w.s.uSort(d)
			}
			i++
		}
	})
}

var sink uint64
