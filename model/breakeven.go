package model

import (
	"math"
	"slices"
)

// LeaderChange is the nearest weight, below or above the current one, at which another vendor
// takes the lead, and the vendor that leads just beyond it.
type LeaderChange struct {
	Weight float64
	Leader int // vendor index
	ID     string
}

// LeaderSegment says that over [Lo, Hi] of the moved weight, Leader (a vendor index) is first.
// Segments of one parameter tile [0,1] in order and neighbours have different leaders.
type LeaderSegment struct {
	Lo, Hi float64
	Leader int
}

// BreakEven is the break-even analysis of one weight parameter.
type BreakEven struct {
	Param    WeightParam
	Leader   int           // vendor index first at the current weight; -1 when nobody is ranked
	Below    *LeaderChange // nil: the leader keeps the lead down to 0
	Above    *LeaderChange // nil: the leader keeps the lead up to 1
	Segments []LeaderSegment
}

// Reversal is one pair of ranked vendors and the weight at which they swap places. A pair that
// only ties at an end of [0,1] does not swap (see swaps).
type Reversal struct {
	Param  WeightParam
	A, B   int // vendor indexes; A ranks before B at the current weights
	Exists bool
	Weight float64 // meaningful when Exists; otherwise they do not swap for any weight in [0,1]
	// BAheadAbove: B is ahead for weights above Weight (otherwise below it).
	BAheadAbove bool
}

// BreakEvenReport is the exact break-even analysis of every weight of a problem.
type BreakEvenReport struct {
	Leader     int   // vendor first at the current weights; -1 when every vendor is knocked out
	Ranked     []int // vendors that pass the knock-outs, in current rank order
	Params     []WeightParam
	BreakEvens []BreakEven // one per parameter, in Params order
	Reversals  []Reversal  // per parameter (Params order), every ranked pair in rank order
}

// BreakEvens solves, for every dimension weight and every local criterion weight, where the
// leader changes and where each pair of ranked vendors swaps, under proportional rescaling of
// the siblings (see sensitivity.go). It reads the problem's current weights and consensus.
func BreakEvens(p *Problem) *BreakEvenReport {
	b := newSensBase(p)
	r := &BreakEvenReport{Leader: -1, Params: WeightParams(p)}
	r.Ranked = b.rankOrder()
	if len(r.Ranked) > 0 {
		r.Leader = r.Ranked[0]
	}
	r.BreakEvens = make([]BreakEven, len(r.Params))
	np := len(r.Ranked) * (len(r.Ranked) - 1) / 2
	r.Reversals = make([]Reversal, 0, np*len(r.Params))
	lines := make([]Line, p.NV)
	var scratch []float64
	for i, w := range r.Params {
		b.lines(w, lines)
		var segs []LeaderSegment
		segs, scratch = b.segments(lines, scratch)
		r.BreakEvens[i] = b.breakEven(w, lines, segs)
		for x := 0; x < len(r.Ranked); x++ {
			for y := x + 1; y < len(r.Ranked); y++ {
				a, c := r.Ranked[x], r.Ranked[y]
				rev := Reversal{Param: w, A: a, B: c}
				if t, ok := crossing(lines[a], lines[c]); ok && !w.Fixed && swaps(lines[a], lines[c], t, w.Current) {
					rev.Exists, rev.Weight = true, t
					rev.BAheadAbove = lines[c].Slope > lines[a].Slope
				}
				r.Reversals = append(r.Reversals, rev)
			}
		}
	}
	return r
}

// swaps reports whether lines a (ahead at the current weight) and b, meeting at t, really swap
// inside [0,1]: b must get strictly ahead somewhere in it. Meeting inside the interval does
// that; meeting at an end (they only tie there) counts only when the current weight is that
// end, so that b's lead is on the inside.
func swaps(a, b Line, t, current float64) bool {
	const eps = 1e-9
	if t > eps && t < 1-eps {
		return true
	}
	return math.Abs(current-t) < eps && b.At(0.5) > a.At(0.5)+tieTolerance
}

// rankOrder returns the ranked vendors sorted as Rank sorts them at the current weights.
func (b *sensBase) rankOrder() []int {
	order := slices.Clone(b.ranked)
	slices.SortStableFunc(order, func(x, y int) int {
		if b.ahead(x, b.total[x], y, b.total[y]) {
			return -1
		}
		if b.ahead(y, b.total[y], x, b.total[x]) {
			return 1
		}
		return 0
	})
	return order
}

// segments computes who leads on each stretch of [0,1]: between consecutive crossings the order
// of the lines cannot change, so the leader at the midpoint leads the whole stretch.
func (b *sensBase) segments(lines []Line, ts []float64) ([]LeaderSegment, []float64) {
	ts = append(ts[:0], 0, 1)
	for x := 0; x < len(b.ranked); x++ {
		for y := x + 1; y < len(b.ranked); y++ {
			if t, ok := crossing(lines[b.ranked[x]], lines[b.ranked[y]]); ok {
				ts = append(ts, t)
			}
		}
	}
	slices.Sort(ts)
	var segs []LeaderSegment
	lo := 0.0
	for _, hi := range ts[1:] {
		if hi-lo < 1e-12 {
			continue
		}
		l := b.leaderAt(lines, (lo+hi)/2)
		if n := len(segs); n > 0 && segs[n-1].Leader == l {
			segs[n-1].Hi = hi
		} else {
			segs = append(segs, LeaderSegment{Lo: lo, Hi: hi, Leader: l})
		}
		lo = hi
	}
	return segs, ts
}

// breakEven finds the nearest leader changes on either side of the current weight. The current
// leader is decided at the current weight itself (tie rule included); when it is tied there with
// the vendor that leads just beyond, the change is reported at the current weight.
func (b *sensBase) breakEven(w WeightParam, lines []Line, segs []LeaderSegment) BreakEven {
	cur := w.Current
	be := BreakEven{Param: w, Leader: b.leaderAt(lines, cur), Segments: segs}
	if be.Leader < 0 || w.Fixed {
		be.Segments = []LeaderSegment{{Lo: 0, Hi: 1, Leader: be.Leader}}
		return be
	}
	const eps = 1e-9
	for _, s := range segs {
		if s.Lo >= cur-eps && s.Leader != be.Leader {
			be.Above = &LeaderChange{Weight: max(s.Lo, cur), Leader: s.Leader, ID: b.ids[s.Leader]}
			break
		}
	}
	for i := len(segs) - 1; i >= 0; i-- {
		s := segs[i]
		if s.Hi <= cur+eps && s.Leader != be.Leader {
			be.Below = &LeaderChange{Weight: min(s.Hi, cur), Leader: s.Leader, ID: b.ids[s.Leader]}
			break
		}
	}
	return be
}

// Crossing is where two vendors' totals meet while one weight moves.
type Crossing struct {
	A, B   int // vendor indexes
	Weight float64
	Total  float64 // the common total there
}

// Sweep is every ranked vendor's total as one weight goes from 0 to 1, for plotting: the totals
// are straight lines, so the lines themselves are the exact curves.
type Sweep struct {
	Param     WeightParam
	Vendors   []int  // ranked vendor indexes, in vendor order
	Lines     []Line // one per entry of Vendors
	Crossings []Crossing
	Segments  []LeaderSegment // who leads where; the leader changes at segment edges
}

// SweepWeight computes the sweep of one parameter (from WeightParams).
func SweepWeight(p *Problem, w WeightParam) Sweep {
	b := newSensBase(p)
	all := make([]Line, p.NV)
	b.lines(w, all)
	s := Sweep{Param: w, Vendors: slices.Clone(b.ranked), Lines: make([]Line, len(b.ranked))}
	for i, v := range b.ranked {
		s.Lines[i] = all[v]
	}
	s.Segments, _ = b.segments(all, nil)
	if w.Fixed {
		s.Segments = []LeaderSegment{{Lo: 0, Hi: 1, Leader: b.leaderAt(all, w.Current)}}
		return s
	}
	for x := 0; x < len(b.ranked); x++ {
		for y := x + 1; y < len(b.ranked); y++ {
			a, c := b.ranked[x], b.ranked[y]
			if t, ok := crossing(all[a], all[c]); ok {
				s.Crossings = append(s.Crossings, Crossing{A: a, B: c, Weight: t, Total: all[a].At(t)})
			}
		}
	}
	slices.SortStableFunc(s.Crossings, func(x, y Crossing) int {
		switch {
		case x.Weight < y.Weight:
			return -1
		case x.Weight > y.Weight:
			return 1
		}
		return 0
	})
	return s
}

// Sample returns the totals at n+1 evenly spaced weights 0, 1/n, …, 1: out[k][i] is vendor
// Vendors[i] at weight k/n.
func (s Sweep) Sample(n int) [][]float64 {
	if n < 1 {
		n = 1
	}
	out := make([][]float64, n+1)
	for k := range out {
		t := float64(k) / float64(n)
		row := make([]float64, len(s.Lines))
		for i, l := range s.Lines {
			row[i] = l.At(t)
		}
		out[k] = row
	}
	return out
}
