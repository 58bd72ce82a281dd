package model

import (
	"errors"
	"fmt"
	"math"
)

// ConsensusRule says how reviewers' values for one cell combine into the value that is ranked.
type ConsensusRule string

const (
	ConsensusMean   ConsensusRule = "mean"
	ConsensusMedian ConsensusRule = "median"
)

// ParseConsensus accepts "mean" (also "") and "median".
func ParseConsensus(s string) (ConsensusRule, error) {
	switch s {
	case "", "mean":
		return ConsensusMean, nil
	case "median":
		return ConsensusMedian, nil
	}
	return "", fmt.Errorf("unknown consensus rule %q (want mean or median)", s)
}

// Problem is the dense, index-based form of one evaluation under one weight profile: the
// reviewer cube, the compiled value functions, weights and knock-outs, plus reusable buffers.
// Building it does the map work once; Rank then runs without maps or allocations, which is what
// lets the TUI re-rank on every keystroke and the Monte Carlo loop rank millions of times.
// A Problem is not safe for concurrent use; Clone gives each goroutine its own.
type Problem struct {
	Eval    *Evaluation
	Profile string
	Rule    ConsensusRule
	Method  Method

	NV, NC, NR, ND int
	CritDim        []int // criterion → dimension index

	// The weights are unexported so that nothing outside can leave them inconsistent (global
	// = dimension × local, and which criteria count); read them with DimWeights, Local and
	// Weights, change them with SetWeights or SetGlobalWeights.
	dimW    []float64 // per dimension, sums to 1
	local   []float64 // per criterion, local weight inside its dimension
	weights []float64 // per criterion, global = dimW[CritDim[c]] × local[c]

	raw     []float64   // [v][c][r] reviewer values; NaN = not scored
	vf      [][]vfPoint // per measured criterion, its compiled value function; nil for ratings
	counted []bool      // per criterion: missing values matter (weighted or knocked-out on)
	koOn    []bool      // per criterion: an active knock-out reads it
	kos     []compiledKO

	// Outputs of the last consensus pass, [v][c].
	cons   []float64 // consensus raw value; NaN = missing
	scores []float64 // 1–5 score used for ranking; missing counts as ScaleMin
	fresh  bool      // cons/scores match raw

	scratch []float64 // NR values for medians
	result  Result
	lines   []VendorResult // per vendor, in vendor order
	order   []int
	totals  []float64
}

type compiledKO struct {
	crit  int
	op    Op
	limit float64
	rule  KnockOut
}

// NewProblem compiles an evaluation under the named profile ("" = the active one).
func NewProblem(e *Evaluation, profile string, rule ConsensusRule, method Method) (*Problem, error) {
	var prof *WeightProfile
	var err error
	if profile == "" {
		prof, err = e.Active()
	} else {
		prof, err = e.Profile(profile)
	}
	if err != nil {
		return nil, err
	}
	if err := prof.Validate(&e.Framework); err != nil {
		return nil, err
	}
	if method == nil {
		method = WSM{}
	}
	f := &e.Framework
	p := &Problem{Eval: e, Profile: prof.Name, Rule: rule, Method: method,
		NV: len(e.Vendors), NC: len(f.Criteria), NR: len(e.Reviewers), ND: len(f.Dimensions)}
	p.CritDim = make([]int, p.NC)
	p.local = make([]float64, p.NC)
	p.weights = make([]float64, p.NC)
	p.vf = make([][]vfPoint, p.NC)
	nAnchors := 0
	for c := range f.Criteria {
		nAnchors += len(f.Criteria[c].Anchors)
	}
	points := make([]vfPoint, nAnchors) // one block for every compiled value function
	p.counted = make([]bool, p.NC)
	p.koOn = make([]bool, p.NC)
	p.dimW = make([]float64, p.ND)
	for d, dim := range f.Dimensions {
		p.dimW[d] = prof.Dimensions[dim.ID]
	}
	critIndex := make(map[string]int, p.NC)
	for c := range f.Criteria {
		cr := &f.Criteria[c]
		critIndex[cr.ID] = c
		p.CritDim[c] = f.DimensionIndex(cr.Dimension)
		p.local[c] = prof.Criteria[cr.ID]
		scale := 1.0
		if cr.AnchorParam != "" {
			v, ok := e.Params[cr.AnchorParam]
			if !ok {
				return nil, fmt.Errorf("criterion %q needs parameter %q, which is not set", cr.ID, cr.AnchorParam)
			}
			scale = v
		}
		if cr.Kind == KindMeasured && len(cr.Anchors) > 0 {
			n := len(cr.Anchors)
			p.vf[c] = compileVF(points[:n:n], cr.Anchors, scale)
			points = points[n:]
		}
	}
	for _, k := range e.KnockOuts {
		if !k.AppliesTo(p.Profile) {
			continue
		}
		c, ok := critIndex[k.Criterion]
		if !ok {
			return nil, fmt.Errorf("knock-out references unknown criterion %q", k.Criterion)
		}
		op, err := ParseOp(string(k.Op))
		if err != nil {
			return nil, err
		}
		if _, ok := e.Params[k.Param]; k.Param != "" && !ok {
			// Limit would read the missing parameter as 0: "channels ≥ 0" lets everyone pass.
			return nil, fmt.Errorf("knock-out on %s needs parameter %q, which is not set", k.Criterion, k.Param)
		}
		p.kos = append(p.kos, compiledKO{crit: c, op: op, limit: k.Limit(e.Params), rule: k})
		p.koOn[c] = true
	}
	p.refreshWeights()
	vendorIndex := make(map[string]int, p.NV)
	for i, v := range e.Vendors {
		vendorIndex[v.ID] = i
	}
	reviewerIndex := make(map[string]int, p.NR)
	for i, r := range e.Reviewers {
		reviewerIndex[r.ID] = i
	}
	p.raw = make([]float64, p.NV*p.NC*p.NR)
	for i := range p.raw {
		p.raw[i] = math.NaN()
	}
	// Scores come in grid order (Load, bundles), so consecutive scores mostly share their
	// criterion and vendor: compare with the previous one before hashing (O(scores), no
	// allocation; 750k scores cost three map lookups each otherwise).
	v, c := -1, -1
	for i := range e.Scores {
		s := &e.Scores[i]
		okV, okC := true, true
		if v < 0 || e.Vendors[v].ID != s.Vendor {
			v, okV = vendorIndex[s.Vendor]
		}
		if c < 0 || f.Criteria[c].ID != s.Criterion {
			c, okC = critIndex[s.Criterion]
		}
		r, okR := reviewerIndex[s.Reviewer]
		if !okV || !okC || !okR {
			return nil, fmt.Errorf("score %s/%s/%s references an unknown vendor, criterion or reviewer", s.Vendor, s.Criterion, s.Reviewer)
		}
		p.raw[(v*p.NC+c)*p.NR+r] = s.Value
	}
	p.cons = make([]float64, p.NV*p.NC)
	p.scores = make([]float64, p.NV*p.NC)
	p.scratch = make([]float64, p.NR)
	p.allocResult()
	// A NaN, infinite or negative weight would rank every vendor 0: refuse it here, for every
	// caller (issue 7 defect 8).
	if err := checkWeights(p.dimW); err != nil {
		return nil, fmt.Errorf("profile %q: dimension %w", prof.Name, err)
	}
	if err := checkWeights(p.local); err != nil {
		return nil, fmt.Errorf("profile %q: criterion %w", prof.Name, err)
	}
	return p, nil
}

// refreshWeights recomputes global weights (and which criteria count) from the two levels.
func (p *Problem) refreshWeights() {
	for c := range p.weights {
		p.weights[c] = p.dimW[p.CritDim[c]] * p.local[c]
		p.counted[c] = p.koOn[c] || p.weights[c] > 0
	}
}

// SetWeights replaces the dimension and local weights (e.g. a draft from the Weights tab or a
// sensitivity scenario) without recompiling. Slices are copied. A NaN, infinite or negative
// weight, or a slice of the wrong length, is refused with an error and changes nothing.
func (p *Problem) SetWeights(dim, local []float64) error {
	if len(dim) != p.ND || len(local) != p.NC {
		return fmt.Errorf("weights: %d dimension and %d criterion weights for %d and %d", len(dim), len(local), p.ND, p.NC)
	}
	if err := checkWeights(dim); err != nil {
		return err
	}
	if err := checkWeights(local); err != nil {
		return err
	}
	copy(p.dimW, dim)
	copy(p.local, local)
	p.refreshWeights()
	return nil
}

// ErrBadWeight is a weight that is NaN, infinite or negative (it would rank every vendor 0).
var ErrBadWeight = errors.New("a weight must be a finite number ≥ 0")

func checkWeights(ws []float64) error {
	for i, w := range ws {
		if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
			return fmt.Errorf("%w (weight %d is %v)", ErrBadWeight, i, w)
		}
	}
	return nil
}

// DimWeights is the weight of each dimension (a view: do not write to it).
func (p *Problem) DimWeights() []float64 { return p.dimW }

// Local is each criterion's weight inside its dimension (a view: do not write to it).
func (p *Problem) Local() []float64 { return p.local }

// Weights is each criterion's global weight, dimension × local (a view: do not write to it).
func (p *Problem) Weights() []float64 { return p.weights }

// SetGlobalWeights sets global criterion weights directly (SMAA at criteria level); the two
// levels are derived from them so dimension subtotals stay consistent.
func (p *Problem) SetGlobalWeights(w []float64) error {
	if len(w) != p.NC {
		return fmt.Errorf("weights: %d criterion weights for %d", len(w), p.NC)
	}
	if err := checkWeights(w); err != nil {
		return err
	}
	copy(p.weights, w)
	for d := range p.dimW {
		p.dimW[d] = 0
	}
	for c, x := range w {
		p.dimW[p.CritDim[c]] += x
	}
	for c, x := range w {
		if dw := p.dimW[p.CritDim[c]]; dw > 0 {
			p.local[c] = x / dw
		}
		p.counted[c] = p.koOn[c] || x > 0
	}
	return nil
}

// SetRaw changes one reviewer's value in the cube (NaN clears it) and marks consensus stale.
func (p *Problem) SetRaw(v, c, r int, value float64) {
	p.raw[(v*p.NC+c)*p.NR+r] = value
	p.fresh = false
}

// Raw returns one reviewer's value (NaN when not scored).
func (p *Problem) Raw(v, c, r int) float64 { return p.raw[(v*p.NC+c)*p.NR+r] }

// Clone returns an independent copy with its own buffers, for use on another goroutine.
func (p *Problem) Clone() *Problem {
	q := *p
	q.CritDim = append([]int(nil), p.CritDim...)
	q.dimW = append([]float64(nil), p.dimW...)
	q.local = append([]float64(nil), p.local...)
	q.weights = append([]float64(nil), p.weights...)
	q.raw = append([]float64(nil), p.raw...)
	q.counted = append([]bool(nil), p.counted...)
	q.cons = append([]float64(nil), p.cons...)
	q.scores = append([]float64(nil), p.scores...)
	q.scratch = make([]float64, p.NR)
	q.allocResult()
	return &q
}
