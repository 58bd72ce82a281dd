package model

import (
	"cmp"
	"math"
)

// LeaderBreakEvens is the part of BreakEvens that a screen shows: for every weight parameter
// (WeightParams order) the current leader and its nearest leader change below and above the
// current weight. It does not build the pairwise reversals nor the leader segments (Segments is
// nil, except the single whole-range segment of a fixed parameter or of a problem with nobody
// ranked), which is what makes BreakEvens O(params × vendors²).
//
// Why this is enough: each vendor's total is a line in the moved weight t. Going up from the
// current weight, the leader L keeps the lead until the first line that is steeper than L's
// meets it; just past that point the lead belongs to the line that is highest there and, among
// lines tied with L, the steepest. Going down is the mirror image. So each side is one pass over
// the vendors: O(params × vendors) in all. The results equal BreakEvens' Leader, Below and Above
// (see leader_breakeven_test.go).
func LeaderBreakEvens(p *Problem) []BreakEven {
	b := newSensBase(p)
	params := WeightParams(p)
	out := make([]BreakEven, len(params))
	lines := make([]Line, p.NV)
	for i, w := range params {
		b.lines(w, lines)
		out[i] = b.leaderBreakEven(w, lines)
	}
	return out
}

// LeaderReport is a BreakEvenReport holding only what LeaderBreakEvens computes: Leader, Ranked,
// Params and BreakEvens; Reversals is nil. The robustness sentence and the Sensitivity tab read no
// more than that.
func LeaderReport(p *Problem) *BreakEvenReport {
	b := newSensBase(p)
	r := &BreakEvenReport{Leader: -1, Params: WeightParams(p), Ranked: b.rankOrder()}
	if len(r.Ranked) > 0 {
		r.Leader = r.Ranked[0]
	}
	r.BreakEvens = make([]BreakEven, len(r.Params))
	lines := make([]Line, p.NV)
	for i, w := range r.Params {
		b.lines(w, lines)
		r.BreakEvens[i] = b.leaderBreakEven(w, lines)
	}
	return r
}

// leaderBreakEven is breakEven without the segments: the nearest upward crossing of the leader
// by a steeper line, and the nearest downward one by a flatter line.
func (b *sensBase) leaderBreakEven(w WeightParam, lines []Line) BreakEven {
	cur := w.Current
	L := b.leaderAt(lines, cur)
	be := BreakEven{Param: w, Leader: L}
	if L < 0 || w.Fixed {
		be.Segments = []LeaderSegment{{Lo: 0, Hi: 1, Leader: L}}
		return be
	}
	const eps = 1e-9
	up, down := math.Inf(1), math.Inf(-1)
	for _, v := range b.ranked {
		if v == L {
			continue
		}
		t, ok := crossing(lines[L], lines[v])
		if !ok {
			continue
		}
		if lines[v].Slope > lines[L].Slope && t >= cur-eps {
			up = min(up, t)
		}
		if lines[v].Slope < lines[L].Slope && t <= cur+eps {
			down = max(down, t)
		}
	}
	// A meeting at an end of [0,1] leaves no stretch beyond it for the other line to lead on.
	if up < 1-1e-12 {
		if next := b.leaderPast(lines, up, 1, L); next >= 0 {
			be.Above = &LeaderChange{Weight: max(up, cur), Leader: next, ID: b.ids[next]}
		}
	}
	if down > 1e-12 {
		if next := b.leaderPast(lines, down, -1, L); next >= 0 {
			be.Below = &LeaderChange{Weight: min(down, cur), Leader: next, ID: b.ids[next]}
		}
	}
	return be
}

// leaderPast is who leads just past t in direction dir (+1 up, −1 down): the highest line at t
// and, among lines tied there, the one rising fastest in that direction; lines that coincide
// go to the lower id, as in Rank. It returns -1 when that is L itself (no change of leader).
func (b *sensBase) leaderPast(lines []Line, t float64, dir float64, L int) int {
	best := -1
	var bx, bs float64
	for _, v := range b.ranked {
		x, s := lines[v].At(t), dir*lines[v].Slope
		if best < 0 {
			best, bx, bs = v, x, s
			continue
		}
		switch {
		case math.Abs(x-bx) > tieTolerance:
			if x > bx {
				best, bx, bs = v, x, s
			}
		case math.Abs(s-bs) > 1e-12:
			if s > bs {
				best, bx, bs = v, x, s
			}
		case cmp.Compare(b.ids[v], b.ids[best]) < 0:
			best, bx, bs = v, x, s
		}
	}
	if best == L {
		return -1
	}
	return best
}
