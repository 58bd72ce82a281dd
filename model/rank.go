package model

import (
	"cmp"
	"math"
	"slices"
)

// tieTolerance: totals closer than this share a rank (they differ only by float rounding).
const tieTolerance = 1e-9

// KnockOutFailure records one failed gate: the rule, the consensus value it saw, or that the
// value was missing.
type KnockOutFailure struct {
	Rule    KnockOut
	Value   float64
	Missing bool
}

// VendorResult is one vendor's line of a ranking.
type VendorResult struct {
	Vendor int // index into Evaluation.Vendors
	ID     string
	Name   Text
	Total  float64
	// Contributions is the weighted-sum contribution of each dimension (sums to the WSM total);
	// it explains a weighted-sum ranking and is reported for every method.
	Contributions []float64
	// DimensionScores is the 1–5 score inside each dimension (local-weighted mean).
	DimensionScores []float64
	Rank            int // 1-based; 0 when excluded
	Excluded        bool
	FailedKnockOuts []KnockOutFailure
	Incomplete      bool
	Missing         []int // criterion indexes without any score (that count)
}

// Result is a ranking in display order: ranked vendors by rank (ties by id), then the excluded.
type Result struct {
	Method     string
	Profile    string
	Dimensions []string
	Vendors    []VendorResult
}

// Leader returns the first-ranked vendor, if any vendor is ranked.
func (r *Result) Leader() (*VendorResult, bool) {
	if len(r.Vendors) == 0 || r.Vendors[0].Excluded {
		return nil, false
	}
	return &r.Vendors[0], true
}

// ByID returns the line of a vendor.
func (r *Result) ByID(id string) (*VendorResult, bool) {
	for i := range r.Vendors {
		if r.Vendors[i].ID == id {
			return &r.Vendors[i], true
		}
	}
	return nil, false
}

// Clone deep-copies a result so it outlives the problem's buffers.
func (r *Result) Clone() Result {
	c := *r
	c.Vendors = slices.Clone(r.Vendors)
	for i := range c.Vendors {
		v := &c.Vendors[i]
		v.Contributions = slices.Clone(v.Contributions)
		v.DimensionScores = slices.Clone(v.DimensionScores)
		v.FailedKnockOuts = slices.Clone(v.FailedKnockOuts)
		v.Missing = slices.Clone(v.Missing)
	}
	return c
}

func (p *Problem) allocResult() {
	dims := make([]string, p.ND)
	for i, d := range p.Eval.Framework.Dimensions {
		dims[i] = d.ID
	}
	p.result = Result{Dimensions: dims, Vendors: make([]VendorResult, p.NV)}
	floats := make([]float64, 2*p.NV*p.ND)
	missing := make([]int, p.NV*p.NC)
	fails := make([]KnockOutFailure, p.NV*len(p.kos))
	p.order = make([]int, p.NV)
	p.totals = make([]float64, p.NV)
	p.lines = make([]VendorResult, p.NV)
	for v := range p.lines {
		l := &p.lines[v]
		l.Contributions = floats[2*v*p.ND : (2*v+1)*p.ND : (2*v+1)*p.ND]
		l.DimensionScores = floats[(2*v+1)*p.ND : (2*v+2)*p.ND : (2*v+2)*p.ND]
		l.Missing = missing[v*p.NC : v*p.NC : (v+1)*p.NC]
		l.FailedKnockOuts = fails[v*len(p.kos) : v*len(p.kos) : (v+1)*len(p.kos)]
	}
}

// Rank scores and ranks every vendor. The returned result is owned by the problem and is
// overwritten by the next call (Clone it to keep it); steady-state calls do not allocate.
func (p *Problem) Rank() *Result {
	p.refreshConsensus()
	e := p.Eval
	totals := p.totals[:0]
	for v := 0; v < p.NV; v++ {
		l := &p.lines[v]
		l.Vendor, l.ID, l.Name = v, e.Vendors[v].ID, e.Vendors[v].Name
		row := p.scores[v*p.NC : (v+1)*p.NC]
		clear(l.Contributions)
		clear(l.DimensionScores)
		l.Total = 0
		for c, s := range row {
			d := p.CritDim[c]
			l.Contributions[d] += p.Weights()[c] * s
			l.DimensionScores[d] += p.Local()[c] * s
		}
		for _, x := range l.Contributions {
			l.Total += x
		}
		l.Missing = l.Missing[:0]
		for c := 0; c < p.NC; c++ {
			if p.counted[c] && math.IsNaN(p.cons[v*p.NC+c]) {
				l.Missing = append(l.Missing, c)
			}
		}
		l.Incomplete = len(l.Missing) > 0
		l.FailedKnockOuts = l.FailedKnockOuts[:0]
		for _, k := range p.kos {
			x := p.cons[v*p.NC+k.crit]
			if math.IsNaN(x) {
				l.FailedKnockOuts = append(l.FailedKnockOuts, KnockOutFailure{Rule: k.rule, Value: x, Missing: true})
			} else if !k.op.Holds(x, k.limit) {
				l.FailedKnockOuts = append(l.FailedKnockOuts, KnockOutFailure{Rule: k.rule, Value: x})
			}
		}
		l.Excluded = len(l.FailedKnockOuts) > 0
		totals = append(totals, l.Total)
	}
	if _, ok := p.Method.(WSM); !ok {
		p.Method.Totals(p, p.totals)
		for v := range p.lines {
			p.lines[v].Total = p.totals[v]
		}
	}
	p.sortAndRank()
	p.result.Method = p.Method.Name()
	p.result.Profile = p.Profile
	return &p.result
}

// sortAndRank orders lines for display and assigns ranks; ties share the better rank.
func (p *Problem) sortAndRank() {
	for i := range p.order {
		p.order[i] = i
	}
	lines := p.lines
	slices.SortFunc(p.order, func(a, b int) int {
		la, lb := &lines[a], &lines[b]
		if la.Excluded != lb.Excluded {
			if la.Excluded {
				return 1
			}
			return -1
		}
		if math.Abs(la.Total-lb.Total) > tieTolerance {
			return cmp.Compare(lb.Total, la.Total)
		}
		return cmp.Compare(la.ID, lb.ID)
	})
	rank, prev := 0, math.Inf(1)
	for i, v := range p.order {
		out := &p.result.Vendors[i]
		*out = lines[v]
		if out.Excluded {
			out.Rank = 0
			continue
		}
		if prev-out.Total > tieTolerance {
			rank = i + 1
		}
		prev = out.Total
		out.Rank = rank
	}
}

// Rank is the convenience form: compile the evaluation under a profile and rank it with the
// weighted sum and mean consensus. The result is independent of any buffers.
func Rank(e *Evaluation, profile string) (Result, error) {
	p, err := NewProblem(e, profile, ConsensusMean, WSM{})
	if err != nil {
		return Result{}, err
	}
	return p.Rank().Clone(), nil
}
