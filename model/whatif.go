package model

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// "What would it take": the smallest shift of weight that makes a vendor at least tie for
// first under the weighted sum. With items i (the dimensions, or all criteria), the target's
// and a rival j's scores s_t, s_j and current weights w⁰ (Σ = 1), it is the linear programme
//
//	minimise   Σ_i max(0, w_i − w⁰_i)          (the total weight moved; what one item gains
//	                                             another loses, so this is half of Σ|w − w⁰|)
//	subject to Σ_i w_i = 1, w ≥ 0, w_i = w⁰_i for every locked i,
//	           Σ_i w_i (s_t,i − s_j,i) ≥ 0   for every rival j,
//
// linearised with u_i ≥ w_i − w⁰_i, u ≥ 0, and solved exactly by the simplex method on the
// standard form with slack and surplus variables (whatif_lp.go; the tests check it against
// gonum's lp.Simplex). An infeasible programme means no weights make the target first: it is
// dominated.
//
// Speed: most rivals never bind, so the rival rows are added lazily — solve with the rivals
// the target currently trails, check every rival at the solution, add those still ahead, and
// repeat. Each round's optimum is optimal for a relaxation of the full programme, so the first
// one that satisfies every rival is the full optimum (classic constraint generation).

// WhatIfInput is the programme on plain slices: Scores[v][i] is vendor v's score on item i
// (higher is better), Weights the current weights (Σ = 1), Locked which items may not move
// (nil: none). Rivals are the vendors the target must at least tie (ranked, not knocked out);
// the target itself is ignored if listed.
type WhatIfInput struct {
	Scores  [][]float64
	Weights []float64
	Locked  []bool
	Target  int
	Rivals  []int
}

// WeightDelta is the change of one item's weight.
type WeightDelta struct {
	Item  int     `json:"item"`
	Delta float64 `json:"delta"`
}

// WhatIf is the answer. When Possible is false (dominated, or knocked out), Weights are the
// current ones and Shift is 0.
type WhatIf struct {
	Target       int           `json:"target"`
	Possible     bool          `json:"possible"`
	AlreadyLeads bool          `json:"already_leads"` // no move needed (Shift = 0)
	KnockedOut   bool          `json:"knocked_out"`   // the target fails a knock-out: no weights help
	Weights      []float64     `json:"weights"`       // the new weights, Σ = 1
	Shift        float64       `json:"shift"`         // Σ max(0, w − w⁰), a fraction of the total
	Deltas       []WeightDelta `json:"deltas"`        // non-zero changes, largest |Δ| first
	LeaderBefore int           `json:"leader_before"` // vendor index first now; -1: nobody ranked
}

// whatIfTolerance: a rival within this of the target counts as tied (as tieTolerance in Rank);
// weight changes below it are float noise and are dropped from Deltas.
const whatIfTolerance = 1e-9

// SolveWhatIf solves the programme. Malformed input is an error; "impossible" is not — it is
// a WhatIf with Possible false.
func SolveWhatIf(in WhatIfInput) (WhatIf, error) {
	n := len(in.Weights)
	nv := len(in.Scores)
	if in.Target < 0 || in.Target >= nv {
		return WhatIf{}, fmt.Errorf("what-if: target vendor %d out of range (%d vendors)", in.Target, nv)
	}
	if in.Locked != nil && len(in.Locked) != n {
		return WhatIf{}, fmt.Errorf("what-if: %d lock flags for %d weights", len(in.Locked), n)
	}
	sum := 0.0
	for i, w := range in.Weights {
		if math.IsNaN(w) || w < 0 {
			return WhatIf{}, fmt.Errorf("what-if: weight %d is %g", i, w)
		}
		sum += w
	}
	if math.Abs(sum-1) > weightTolerance {
		return WhatIf{}, fmt.Errorf("what-if: weights sum to %.6f, not 1", sum)
	}
	for v, row := range in.Scores {
		if len(row) != n {
			return WhatIf{}, fmt.Errorf("what-if: vendor %d has %d scores for %d weights", v, len(row), n)
		}
	}
	for _, j := range in.Rivals {
		if j < 0 || j >= nv {
			return WhatIf{}, fmt.Errorf("what-if: rival %d out of range", j)
		}
	}
	s := whatIfSolver{in: in, n: n}
	s.prepare()
	r := WhatIf{Target: in.Target, Weights: slices.Clone(in.Weights), LeaderBefore: s.leader()}
	if len(s.trailing(in.Weights)) == 0 {
		r.Possible, r.AlreadyLeads = true, true
		return r, nil
	}
	w, ok, err := s.solve()
	if err != nil || !ok {
		return r, err
	}
	r.Possible, r.Weights = true, w
	for i := range w {
		d := w[i] - in.Weights[i]
		if d > 0 {
			r.Shift += d
		}
		if math.Abs(d) > whatIfTolerance {
			r.Deltas = append(r.Deltas, WeightDelta{Item: i, Delta: d})
		}
	}
	slices.SortStableFunc(r.Deltas, func(a, b WeightDelta) int {
		return cmpFloat(math.Abs(b.Delta), math.Abs(a.Delta))
	})
	return r, nil
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

type whatIfSolver struct {
	in     WhatIfInput
	n      int
	free   []int     // unlocked items
	rest   float64   // 1 − Σ locked weights: what the free items share
	rivals []int     // rivals that can bind at all
	fixed  []float64 // per vendor: Σ over locked items of w⁰·(s_t − s_v)
}

func (s *whatIfSolver) locked(i int) bool { return s.in.Locked != nil && s.in.Locked[i] }

func (s *whatIfSolver) prepare() {
	s.rest = 1
	for i := 0; i < s.n; i++ {
		if s.locked(i) {
			s.rest -= s.in.Weights[i]
		} else {
			s.free = append(s.free, i)
		}
	}
	s.rest = max(s.rest, 0)
	st := s.in.Scores[s.in.Target]
	s.fixed = make([]float64, len(s.in.Scores))
	for _, j := range s.in.Rivals {
		if j == s.in.Target {
			continue
		}
		c := 0.0
		never := true // the target is at least as good on every free item and the locked part
		for i := 0; i < s.n; i++ {
			d := st[i] - s.in.Scores[j][i]
			if s.locked(i) {
				c += s.in.Weights[i] * d
			} else if d < 0 {
				never = false
			}
		}
		s.fixed[j] = c
		if !never || c < -whatIfTolerance {
			s.rivals = append(s.rivals, j)
		}
	}
}

// margin is the target's total minus rival j's at weights w.
func (s *whatIfSolver) margin(j int, w []float64) float64 {
	m := 0.0
	for i, x := range w {
		m += x * (s.in.Scores[s.in.Target][i] - s.in.Scores[j][i])
	}
	return m
}

// trailing lists the binding-capable rivals strictly ahead of the target at w.
func (s *whatIfSolver) trailing(w []float64) []int {
	var out []int
	for _, j := range s.rivals {
		if s.margin(j, w) < -whatIfTolerance {
			out = append(out, j)
		}
	}
	return out
}

// leader is the first of target ∪ rivals at the current weights (ties: lower index).
func (s *whatIfSolver) leader() int {
	best, bt := -1, math.Inf(-1)
	consider := append([]int{s.in.Target}, s.in.Rivals...)
	slices.Sort(consider)
	for _, v := range consider {
		t := 0.0
		for i, x := range s.in.Weights {
			t += x * s.in.Scores[v][i]
		}
		if t > bt+whatIfTolerance {
			best, bt = v, t
		}
	}
	return best
}

// solve runs constraint generation; ok is false when the programme is infeasible.
func (s *whatIfSolver) solve() (w []float64, ok bool, err error) {
	active := s.trailing(s.in.Weights)
	isActive := make(map[int]bool, len(s.rivals))
	for _, j := range active {
		isActive[j] = true
	}
	for round := 0; round <= len(s.rivals); round++ {
		w, ok, err = s.solveLP(active)
		if err != nil || !ok {
			return nil, ok, err
		}
		added := false
		for _, j := range s.trailing(w) {
			if !isActive[j] { // an active row can only trail by rounding; it is not re-added
				isActive[j], added = true, true
				active = append(active, j)
			}
		}
		if !added {
			return w, true, nil
		}
	}
	return nil, false, errors.New("what-if: constraint generation did not converge")
}

// buildLP writes the standard form of the programme with the rival rows of active only.
// Variables, in order: w (free items), u (positive moves), p (slack of u ≥ w − w⁰), q (surplus
// of each rival row). Rows: Σw = rest; w − u + p = w⁰ per free item; ±(Σ d·w − q) = ∓fixed per
// rival, the sign chosen so that b ≥ 0 and, where possible, q enters with +1 and can start in
// the basis. basis gives each row its ready basic column (-1: it needs an artificial).
func (s *whatIfSolver) buildLP(active []int) (c, a []float64, m, n int, b []float64, basis []int) {
	f, na := len(s.free), len(active)
	n = 3*f + na
	m = 1 + f + na
	a = make([]float64, m*n)
	b = make([]float64, m)
	c = make([]float64, n)
	basis = make([]int, m)
	basis[0] = -1
	for k := range s.free {
		c[f+k] = 1
		a[k] = 1
	}
	b[0] = s.rest
	st := s.in.Scores[s.in.Target]
	for k, i := range s.free {
		row := a[(1+k)*n : (2+k)*n]
		row[k], row[f+k], row[2*f+k] = 1, -1, 1
		b[1+k] = s.in.Weights[i]
		basis[1+k] = 2*f + k
	}
	for r, j := range active {
		row := a[(1+f+r)*n : (2+f+r)*n]
		sign := 1.0 // Σ d·w − q = −fixed
		basis[1+f+r] = -1
		if s.fixed[j] >= 0 { // flipped: −Σ d·w + q = fixed ≥ 0, q basic
			sign = -1
			basis[1+f+r] = 3*f + r
		}
		for k, i := range s.free {
			row[k] = sign * (st[i] - s.in.Scores[j][i])
		}
		row[3*f+r] = -sign
		b[1+f+r] = -sign * s.fixed[j]
	}
	return c, a, m, n, b, basis
}

// solveLP solves the programme with the rival rows of active only; ok is false when it is
// infeasible.
func (s *whatIfSolver) solveLP(active []int) ([]float64, bool, error) {
	if len(s.free) == 0 || s.rest <= whatIfTolerance {
		return nil, false, nil // the locks leave nothing to move, and the target trails
	}
	c, a, m, n, b, basis := s.buildLP(active)
	x, ok, err := lpMin(c, a, m, n, b, basis)
	if err != nil || !ok {
		return nil, ok, err
	}
	return s.weightsFrom(x), true, nil
}

// weightsFrom reads the weights out of a solution vector: free items from x, locked ones
// as they were, the free share scaled back to exactly what the locks leave.
func (s *whatIfSolver) weightsFrom(x []float64) []float64 {
	w := slices.Clone(s.in.Weights)
	total := 0.0
	for k, i := range s.free {
		w[i] = max(x[k], 0) // clear −1e-17 noise
		total += w[i]
	}
	if total > 0 {
		for _, i := range s.free {
			w[i] *= s.rest / total
		}
	}
	return w
}

// WhatIfProblem is the adapter for a compiled evaluation (weighted sum only). At dimension
// level the items are the dimensions and each vendor's score is its dimension score (local
// weights fixed); at criteria level the items are all criteria with global weights (Σ = 1) and
// the vendors' 1–5 scores. Items the profile does not use cannot gain weight: criteria at zero
// weight (a preset leaves out the criteria it does not use) and dimensions without criteria are
// locked along with locked (which may be nil). Rivals are the vendors that pass the knock-outs;
// a target that fails one is KnockedOut, not Possible.
//
// Locks are per item of the level: at criteria level a locked criterion keeps its global
// weight. A profile's locked dimension has no exact counterpart there (it fixes a sum of
// criteria, not each one); the caller locks its criteria, which is the safe, slightly stronger
// reading.
func WhatIfProblem(p *Problem, vendor int, level SMAALevel, locked []bool) (WhatIf, error) {
	if _, ok := p.Method.(WSM); !ok {
		return WhatIf{}, errors.New("what-if needs the weighted-sum method: other methods' totals are not linear in the weights")
	}
	if vendor < 0 || vendor >= p.NV {
		return WhatIf{}, fmt.Errorf("what-if: vendor %d out of range", vendor)
	}
	res := p.Rank()
	in := WhatIfInput{Target: vendor, Scores: make([][]float64, p.NV)}
	leader := -1
	excluded := false
	for k, l := range res.Vendors {
		if l.Excluded {
			excluded = excluded || l.Vendor == vendor
			continue
		}
		if k == 0 {
			leader = l.Vendor
		}
		in.Rivals = append(in.Rivals, l.Vendor)
	}
	n := p.ND
	if level == LevelCriteria {
		n = p.NC
	}
	in.Locked = make([]bool, n)
	if locked != nil && len(locked) != n {
		return WhatIf{}, fmt.Errorf("what-if: %d lock flags for %d weights", len(locked), n)
	}
	copy(in.Locked, locked)
	if level == LevelCriteria {
		in.Weights = slices.Clone(p.Weights())
		scores := p.Scores()
		for v := range in.Scores {
			in.Scores[v] = scores[v*p.NC : (v+1)*p.NC]
		}
		for c, w := range in.Weights {
			in.Locked[c] = in.Locked[c] || w == 0
		}
	} else {
		in.Weights = slices.Clone(p.DimWeights())
		for _, l := range res.Vendors {
			in.Scores[l.Vendor] = slices.Clone(l.DimensionScores)
		}
		hasCrit := make([]bool, p.ND)
		for _, d := range p.CritDim {
			hasCrit[d] = true
		}
		for d := range in.Locked {
			in.Locked[d] = in.Locked[d] || !hasCrit[d]
		}
	}
	if excluded {
		return WhatIf{Target: vendor, KnockedOut: true, Weights: in.Weights, LeaderBefore: leader}, nil
	}
	r, err := SolveWhatIf(in)
	r.LeaderBefore = leader
	return r, err
}
