package model

import (
	"slices"
	"testing"
)

// Reversals streams exactly the existing reversals that BreakEvens lists, in its order, and with
// all=false exactly those involving the leader; LeaderBreakEvens agrees with BreakEvens on
// everything but the list.
func TestReversalsMatchBreakEvens(t *testing.T) {
	for _, nv := range []int{1, 2, 7, 30} {
		p, err := NewProblem(synthetic(nv, 15, 3), "", ConsensusMean, nil)
		if err != nil {
			t.Fatal(err)
		}
		full := BreakEvens(p)
		var want, wantLeader []Reversal
		for _, r := range full.Reversals {
			if !r.Exists {
				continue
			}
			want = append(want, r)
			if r.A == full.Leader || r.B == full.Leader {
				wantLeader = append(wantLeader, r)
			}
		}
		if got := slices.Collect(Reversals(p, true)); !slices.Equal(got, want) {
			t.Errorf("%d vendors: %d reversals streamed, BreakEvens has %d", nv, len(got), len(want))
		}
		if got := slices.Collect(Reversals(p, false)); !slices.Equal(got, wantLeader) {
			t.Errorf("%d vendors: %d leader reversals streamed, want %d", nv, len(got), len(wantLeader))
		}
		if nv >= 7 && len(wantLeader) == 0 {
			t.Errorf("%d vendors: the fixture should have reversals with the leader", nv)
		}
		lean := LeaderReport(p)
		if lean.Leader != full.Leader || !slices.Equal(lean.Ranked, full.Ranked) || lean.Reversals != nil ||
			len(lean.BreakEvens) != len(full.BreakEvens) {
			t.Fatalf("%d vendors: LeaderReport differs from BreakEvens", nv)
		}
		for i := range lean.BreakEvens {
			a, b := lean.BreakEvens[i], full.BreakEvens[i]
			if a.Leader != b.Leader || (a.Below == nil) != (b.Below == nil) || (a.Above == nil) != (b.Above == nil) ||
				(a.Above != nil && *a.Above != *b.Above) || (a.Below != nil && *a.Below != *b.Below) {
				t.Errorf("%d vendors: break-even %s differs", nv, a.Param.ID)
			}
		}
	}
}

// Stopping early stops the computation (range-over-func contract).
func TestReversalsStop(t *testing.T) {
	p, err := NewProblem(synthetic(30, 15, 3), "", ConsensusMean, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for range Reversals(p, true) {
		n++
		if n == 3 {
			break
		}
	}
	if n != 3 {
		t.Errorf("stopped after %d", n)
	}
}

// Memory of the reversal analysis at 200 vendors × 15 criteria (issue 9, defect 7): BreakEvens
// materialises every pair for every weight; the streamed form keeps one line per vendor. Compare
// B/op of the two with go test -bench Reversals200 -benchmem ./model/.
func BenchmarkReversals200BreakEvens(b *testing.B) {
	p := reversalsBenchProblem(b)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, r := range BreakEvens(p).Reversals {
			if r.Exists {
				n++
			}
		}
		b.ReportMetric(float64(n), "reversals")
	}
}

func BenchmarkReversals200Streamed(b *testing.B) {
	p := reversalsBenchProblem(b)
	b.ReportAllocs()
	for b.Loop() {
		LeaderReport(p)
		n := 0
		for range Reversals(p, true) {
			n++
		}
		b.ReportMetric(float64(n), "reversals")
	}
}

func reversalsBenchProblem(b *testing.B) *Problem {
	p, err := NewProblem(synthetic(200, 15, 3), "", ConsensusMean, nil)
	if err != nil {
		b.Fatal(err)
	}
	return p
}
