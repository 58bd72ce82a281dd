package model

import (
	"cmp"
	"math"
	"slices"
)

// Weight sensitivity of the weighted sum.
//
// Convention (as in the catalog): when one weight moves to t, its siblings at the same level
// rescale in proportion so the level still sums to 1. A dimension weight's siblings are the other
// dimensions; a criterion's are the other criteria of its dimension (its local weight moves,
// every other dimension keeps its global weight). Under that convention every vendor's total is
// an affine function of t, so crossovers are solved exactly instead of searched.
//
// Everything here is about the weighted sum (WSM), whatever Problem.Method says: other methods
// are not linear in the weights and are not explained by these numbers. Knock-out exclusions are
// those of the current consensus and do not move with the weights.

// ParamKind says which level a weight parameter lives on.
type ParamKind string

const (
	ParamDimension ParamKind = "dimension"
	ParamCriterion ParamKind = "criterion"
)

// WeightParam is one weight that sensitivity analysis moves: a dimension weight or a criterion's
// local weight inside its dimension.
type WeightParam struct {
	Kind    ParamKind
	Index   int // dimension index or criterion index
	ID      string
	Current float64 // dimension weight, or local weight of the criterion
	// Fixed is true when the weight cannot move because it has no sibling to trade with (the
	// only dimension, or the only criterion of its dimension): its lines are flat.
	Fixed bool
}

// WeightParams lists the movable weights: dimensions in framework order, then criteria in
// framework order.
func WeightParams(p *Problem) []WeightParam {
	out := make([]WeightParam, 0, p.ND+p.NC)
	f := &p.Eval.Framework
	for d := 0; d < p.ND; d++ {
		out = append(out, WeightParam{Kind: ParamDimension, Index: d, ID: f.Dimensions[d].ID,
			Current: p.DimWeights()[d], Fixed: p.ND < 2})
	}
	siblings := make([]int, p.ND)
	for c := 0; c < p.NC; c++ {
		siblings[p.CritDim[c]]++
	}
	for c := 0; c < p.NC; c++ {
		out = append(out, WeightParam{Kind: ParamCriterion, Index: c, ID: f.Criteria[c].ID,
			Current: p.Local()[c], Fixed: siblings[p.CritDim[c]] < 2})
	}
	return out
}

// Line is one vendor's total as the moved weight goes from 0 to 1: Intercept + Slope·t.
type Line struct {
	Intercept, Slope float64
}

// At evaluates the line.
func (l Line) At(t float64) float64 { return l.Intercept + l.Slope*t }

// sensBase is the part of a problem that every weight parameter shares: the ranked (not
// knocked-out) vendors, their consensus scores and dimension scores at the current weights.
type sensBase struct {
	p      *Problem
	ranked []int     // vendor indexes that pass the knock-outs, in vendor order
	ids    []string  // vendor ids, by vendor index
	scores []float64 // consensus 1–5 scores, [v*NC+c] (the problem's own slice; read only)
	dimSc  []float64 // dimension scores [v*ND+d] = Σ local·score over the dimension
	total  []float64 // current WSM totals, by vendor index
}

func newSensBase(p *Problem) *sensBase {
	res := p.Rank() // for the knock-out status; it also refreshes the consensus
	b := &sensBase{p: p, scores: p.Scores(), ids: make([]string, p.NV),
		dimSc: make([]float64, p.NV*p.ND), total: make([]float64, p.NV)}
	for i := range res.Vendors {
		if !res.Vendors[i].Excluded {
			b.ranked = append(b.ranked, res.Vendors[i].Vendor)
		}
	}
	slices.Sort(b.ranked)
	for v := 0; v < p.NV; v++ {
		b.ids[v] = p.Eval.Vendors[v].ID
		for c := 0; c < p.NC; c++ {
			b.dimSc[v*p.ND+p.CritDim[c]] += p.Local()[c] * b.scores[v*p.NC+c]
		}
		for d := 0; d < p.ND; d++ {
			b.total[v] += p.DimWeights()[d] * b.dimSc[v*p.ND+d]
		}
	}
	return b
}

// lines writes the line of every vendor (by vendor index) for one parameter into out (len NV).
func (b *sensBase) lines(w WeightParam, out []Line) {
	p := b.p
	if w.Fixed {
		for v := range out {
			out[v] = Line{Intercept: b.total[v]}
		}
		return
	}
	switch w.Kind {
	case ParamDimension:
		d := w.Index
		others := 0.0
		for e := 0; e < p.ND; e++ {
			if e != d {
				others += p.DimWeights()[e]
			}
		}
		for v := range out {
			row := b.dimSc[v*p.ND : (v+1)*p.ND]
			rest := 0.0 // what the other dimensions add when they hold all the weight
			if others > 1e-12 {
				for e, s := range row {
					if e != d {
						rest += p.DimWeights()[e] * s
					}
				}
				rest /= others
			} else { // they all weigh zero: they share the freed weight equally (as SetDimension)
				for e, s := range row {
					if e != d {
						rest += s
					}
				}
				rest /= float64(p.ND - 1)
			}
			out[v] = Line{Intercept: rest, Slope: row[d] - rest}
		}
	case ParamCriterion:
		c := w.Index
		d := p.CritDim[c]
		wd := p.DimWeights()[d]
		others, n := 0.0, 0
		for k := 0; k < p.NC; k++ {
			if k != c && p.CritDim[k] == d {
				others += p.Local()[k]
				n++
			}
		}
		for v := range out {
			fixed := b.total[v] - wd*b.dimSc[v*p.ND+d] // other dimensions, unchanged
			rest := 0.0
			for k := 0; k < p.NC; k++ {
				if k == c || p.CritDim[k] != d {
					continue
				}
				if others > 1e-12 {
					rest += p.Local()[k] * b.scores[v*p.NC+k]
				} else {
					rest += b.scores[v*p.NC+k]
				}
			}
			if others > 1e-12 {
				rest /= others
			} else {
				rest /= float64(n)
			}
			s := b.scores[v*p.NC+c]
			out[v] = Line{Intercept: fixed + wd*rest, Slope: wd * (s - rest)}
		}
	}
}

// leaderAt returns the ranked vendor with the highest total at t (ties within the ranking's
// tolerance go to the lower id, as in Rank); -1 when nobody is ranked.
func (b *sensBase) leaderAt(lines []Line, t float64) int {
	best := -1
	bestT := 0.0
	for _, v := range b.ranked {
		x := lines[v].At(t)
		if best < 0 || b.ahead(v, x, best, bestT) {
			best, bestT = v, x
		}
	}
	return best
}

// ahead reports whether vendor a with total ta ranks before vendor b with total tb.
func (b *sensBase) ahead(a int, ta float64, c int, tc float64) bool {
	if math.Abs(ta-tc) > tieTolerance {
		return ta > tc
	}
	return cmp.Compare(b.ids[a], b.ids[c]) < 0
}

// crossing returns where two lines meet inside [0,1]; ok is false for parallel (or identical)
// lines and for meetings outside the interval.
func crossing(a, b Line) (t float64, ok bool) {
	ds := a.Slope - b.Slope
	if math.Abs(ds) < 1e-12 {
		return 0, false
	}
	t = (b.Intercept - a.Intercept) / ds
	const eps = 1e-12
	if t < -eps || t > 1+eps {
		return 0, false
	}
	return min(max(t, 0), 1), true
}
