package model

import (
	"cmp"
	"slices"
)

// RobustSummary is how firmly the current leader leads, as data: who leads, the leader's SMAA
// share, the nearest dimension break-even weights and who takes over past them. It holds no
// wording: internal/present words it as the robustness sentence in zh and en.
type RobustSummary struct {
	NoVendors bool // the evaluation has no vendors yet
	Leader    int  // index into p.Eval.Vendors; −1 when no vendor passes the knock-outs
	// Share is the leader's first-rank acceptability in the SMAA run, −1 without one (or when
	// the run does not know the leader).
	Share float64
	// Limits are the one or two dimension break-even weights nearest to the current weights,
	// nearest first; none when no single dimension weight changes the leader.
	Limits []RobustLimit
}

// RobustLimit is one dimension weight at which the leader stops leading.
type RobustLimit struct {
	Dim    int     // index into the framework's dimensions
	Above  bool    // the limit is above the current weight: the leader leads while weight ≤ Weight
	Weight float64 // the break-even weight
	Margin float64 // how far it is from the current weight
	Next   int     // who leads beyond it (index into p.Eval.Vendors)
}

// Range reports whether the two limits are the two sides of one dimension, and then the range
// of its weight within which the leader stays first.
func (s RobustSummary) Range() (lo, hi float64, ok bool) {
	if len(s.Limits) != 2 || s.Limits[0].Dim != s.Limits[1].Dim {
		return 0, 0, false
	}
	lo, hi = s.Limits[0].Weight, s.Limits[1].Weight
	if s.Limits[0].Above {
		lo, hi = hi, lo
	}
	return lo, hi, true
}

// Robustness summarises how firmly the current leader of p leads. The limits are the two
// dimension break-even weights nearest to the current weights. be may be nil (it is then
// computed); smaa may be nil (Share is then −1). With only two dimensions, whose limits mirror
// each other, only the first dimension's limits are kept.
func Robustness(p *Problem, be *BreakEvenReport, smaa *SMAAResult) RobustSummary {
	if p.NV == 0 {
		return RobustSummary{NoVendors: true, Leader: -1, Share: -1}
	}
	if be == nil {
		be = BreakEvens(p)
	}
	s := RobustSummary{Leader: be.Leader, Share: -1}
	if be.Leader < 0 {
		return s
	}
	if smaa != nil {
		if i := smaa.Index(p.Eval.Vendors[be.Leader].ID); i >= 0 {
			s.Share = smaa.Acceptability[i][0]
		}
	}
	var limits []RobustLimit
	for _, b := range be.BreakEvens {
		if b.Param.Kind != ParamDimension {
			continue
		}
		if len(p.Eval.Framework.Dimensions) == 2 && b.Param.Index == 1 {
			continue // with two dimensions the second moves exactly against the first: same limits
		}
		if b.Above != nil {
			limits = append(limits, RobustLimit{b.Param.Index, true, b.Above.Weight, b.Above.Weight - b.Param.Current, b.Above.Leader})
		}
		if b.Below != nil {
			limits = append(limits, RobustLimit{b.Param.Index, false, b.Below.Weight, b.Param.Current - b.Below.Weight, b.Below.Leader})
		}
	}
	slices.SortStableFunc(limits, func(x, y RobustLimit) int { return cmp.Compare(x.Margin, y.Margin) })
	if len(limits) > 0 {
		s.Limits = limits[:min(2, len(limits))]
	}
	return s
}
