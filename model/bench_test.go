package model

import "testing"

func benchRank(b *testing.B, nv, nc, nr int) {
	p, err := NewProblem(synthetic(nv, nc, nr), "", ConsensusMean, nil)
	if err != nil {
		b.Fatal(err)
	}
	p.Rank()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// An edit marks the consensus stale, so every iteration recomputes the whole reviewer cube.
		p.SetRaw(i%nv, 0, 0, float64(2+i%4))
		p.Rank()
	}
}

// Target: ≤ 20 µs and ≤ 2 allocations per call.
func BenchmarkRank50x15x5(b *testing.B) { benchRank(b, 50, 15, 5) }

// Target: ≤ 1 ms.
func BenchmarkRank200x100x10(b *testing.B) { benchRank(b, 200, 100, 10) }

// The convenience path: compile from the evaluation, rank, clone the result.
func BenchmarkCompileAndRank50x15x5(b *testing.B) {
	e := synthetic(50, 15, 5)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Rank(e, ""); err != nil {
			b.Fatal(err)
		}
	}
}
