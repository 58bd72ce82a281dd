package model

import (
	"fmt"
	"math"
)

// Method turns the consensus score matrix and the global weights into one total per vendor.
// The weighted sum (WSM) is the default and the only method whose totals are explained by the
// dimension contributions; other methods overwrite the totals.
type Method interface {
	Name() string
	// Totals writes one total per vendor into out (len NV). It may read p.Scores() and p.Weights().
	Totals(p *Problem, out []float64)
}

// ParseMethod maps "wsm" (also "") and "topsis" to a method.
func ParseMethod(s string) (Method, error) {
	switch s {
	case "", "wsm":
		return WSM{}, nil
	case "topsis":
		return TOPSIS{}, nil
	}
	return nil, fmt.Errorf("unknown method %q (want wsm or topsis)", s)
}

// WSM is the weighted arithmetic mean of 1–5 scores.
type WSM struct{}

func (WSM) Name() string { return "wsm" }

// Totals of the weighted sum; Rank computes these inline with the contributions.
func (WSM) Totals(p *Problem, out []float64) {
	s := p.Scores()
	for v := 0; v < p.NV; v++ {
		t := 0.0
		for c := 0; c < p.NC; c++ {
			t += p.Weights()[c] * s[v*p.NC+c]
		}
		out[v] = t
	}
}

// TOPSIS ranks by relative closeness to the ideal solution (Hwang & Yoon 1981) with vector
// normalisation. All 1–5 scores are benefit-type (cost criteria were turned around by their
// value functions), so the ideal is the column maximum. The decision matrix is the vendors that
// pass the knock-outs (screening comes first): the column norms and the ideal and anti-ideal
// points are taken over them, so an excluded vendor cannot move the others. The excluded still
// get a closeness, measured with the same norms against the same points.
type TOPSIS struct{}

func (TOPSIS) Name() string { return "topsis" }

func (TOPSIS) Totals(p *Problem, out []float64) {
	s := p.Scores()
	feasible := make([]bool, p.NV)
	any := false
	for v := 0; v < p.NV; v++ {
		feasible[v] = len(p.lines[v].FailedKnockOuts) == 0
		any = any || feasible[v]
	}
	if !any {
		for v := range feasible {
			feasible[v] = true
		}
	}
	best := make([]float64, p.NC)
	worst := make([]float64, p.NC)
	norm := make([]float64, p.NC)
	for c := 0; c < p.NC; c++ {
		ss := 0.0
		for v := 0; v < p.NV; v++ {
			if feasible[v] {
				ss += s[v*p.NC+c] * s[v*p.NC+c]
			}
		}
		norm[c] = math.Sqrt(ss)
		best[c], worst[c] = math.Inf(-1), math.Inf(1)
		for v := 0; v < p.NV; v++ {
			if !feasible[v] {
				continue
			}
			x := p.Weights()[c] * s[v*p.NC+c] / norm[c]
			best[c] = math.Max(best[c], x)
			worst[c] = math.Min(worst[c], x)
		}
	}
	for v := 0; v < p.NV; v++ {
		dPlus, dMinus := 0.0, 0.0
		for c := 0; c < p.NC; c++ {
			x := p.Weights()[c] * s[v*p.NC+c] / norm[c]
			dPlus += (x - best[c]) * (x - best[c])
			dMinus += (x - worst[c]) * (x - worst[c])
		}
		dPlus, dMinus = math.Sqrt(dPlus), math.Sqrt(dMinus)
		if dPlus+dMinus == 0 {
			out[v] = 1 // identical to the ideal and the anti-ideal: every vendor is equal
			continue
		}
		out[v] = dMinus / (dPlus + dMinus)
	}
}
