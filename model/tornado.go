package model

import (
	"cmp"
	"math"
	"slices"
)

// TornadoBar is one dimension of a tornado chart: the leader's margin when that dimension's
// weight is halved and when it is raised by half (capped at 1), the others rescaled in
// proportion.
type TornadoBar struct {
	Param      WeightParam
	LowWeight  float64 // 0.5 × current
	HighWeight float64 // min(1.5 × current, 1)
	// Low and High are the current leader's total minus the best other ranked vendor's total at
	// LowWeight and HighWeight. The leader is fixed by identity, so a negative margin means it
	// has lost the lead there, by that much.
	Low, High float64
	Swing     float64 // |High − Low|
}

// TornadoResult is the tornado analysis of the dimension weights.
type TornadoResult struct {
	Leader int     // vendor index of the current leader; -1 when nobody is ranked
	Base   float64 // the leader's margin at the current weights
	Bars   []TornadoBar
}

// Tornado computes, for every dimension, the leader's margin over the runner-up with the
// dimension weight at ×0.5 and ×1.5 of its current value; bars are sorted by swing, largest
// first (ties in framework order). It needs at least two ranked vendors; otherwise Bars is
// empty.
func Tornado(p *Problem) TornadoResult {
	b := newSensBase(p)
	order := b.rankOrder()
	res := TornadoResult{Leader: -1}
	if len(order) == 0 {
		return res
	}
	L := order[0]
	res.Leader = L
	if len(order) < 2 {
		return res
	}
	margin := func(lines []Line, t float64) float64 {
		best := math.Inf(-1)
		for _, v := range b.ranked {
			if v != L {
				best = max(best, lines[v].At(t))
			}
		}
		return lines[L].At(t) - best
	}
	res.Base = b.total[L] - b.total[order[1]]
	lines := make([]Line, p.NV)
	for _, w := range WeightParams(p) {
		if w.Kind != ParamDimension {
			continue
		}
		b.lines(w, lines)
		bar := TornadoBar{Param: w, LowWeight: 0.5 * w.Current, HighWeight: min(1.5*w.Current, 1)}
		bar.Low, bar.High = margin(lines, bar.LowWeight), margin(lines, bar.HighWeight)
		bar.Swing = math.Abs(bar.High - bar.Low)
		res.Bars = append(res.Bars, bar)
	}
	slices.SortStableFunc(res.Bars, func(x, y TornadoBar) int { return cmp.Compare(y.Swing, x.Swing) })
	return res
}
