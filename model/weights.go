package model

import (
	"fmt"
	"math"
	"sort"
)

// WeightProfile is a named set of hierarchical weights: one weight per dimension (summing to 1)
// and one local weight per criterion inside its dimension (summing to 1 per dimension). The
// global weight of a criterion is dimension weight × local weight.
type WeightProfile struct {
	Name       string             `json:"name"`
	Dimensions map[string]float64 `json:"dimensions"`
	Criteria   map[string]float64 `json:"criteria"` // local weights
	Locked     []string           `json:"locked,omitempty"`
	// Elicitation records how a level's weights were obtained (method and inputs), keyed by
	// level: ElicitLevelDimensions ("dimensions"), or a dimension id for the criteria of that dimension. A level
	// without an entry was typed directly. See elicitation.go.
	Elicitation map[string]Elicitation `json:"elicitation,omitempty"`
}

const weightTolerance = 1e-6

// Clone returns a deep copy, so edits to a draft never touch the saved profile.
func (p *WeightProfile) Clone() WeightProfile {
	c := WeightProfile{Name: p.Name, Dimensions: map[string]float64{}, Criteria: map[string]float64{}}
	for k, v := range p.Dimensions {
		c.Dimensions[k] = v
	}
	for k, v := range p.Criteria {
		c.Criteria[k] = v
	}
	c.Locked = append([]string(nil), p.Locked...)
	c.Elicitation = cloneElicitations(p.Elicitation)
	return c
}

// IsLocked reports whether a dimension or criterion weight is locked.
func (p *WeightProfile) IsLocked(id string) bool {
	for _, l := range p.Locked {
		if l == id {
			return true
		}
	}
	return false
}

// ToggleLock locks or unlocks a weight.
func (p *WeightProfile) ToggleLock(id string) {
	for i, l := range p.Locked {
		if l == id {
			p.Locked = append(p.Locked[:i], p.Locked[i+1:]...)
			return
		}
	}
	p.Locked = append(p.Locked, id)
	sort.Strings(p.Locked)
}

// Global returns the global weight of criterion id under framework f.
func (p *WeightProfile) Global(f *Framework, id string) float64 {
	c, ok := f.Criterion(id)
	if !ok {
		return 0
	}
	return p.Dimensions[c.Dimension] * p.Criteria[id]
}

// Validate checks that every weight is a finite non-negative number, names a known dimension or
// criterion, that each level sums to 1 (within 1e-6), that no weight sits on a dimension without
// criteria, and that locks name known weights once.
func (p *WeightProfile) Validate(f *Framework) error {
	for id, w := range p.Dimensions {
		if f.DimensionIndex(id) < 0 {
			return &WeightError{Kind: WeightUnknownID, Profile: p.Name, ID: id, Level: "dimension"}
		}
		if !validWeight(w) {
			return &WeightError{Kind: WeightRange, Profile: p.Name, ID: id, Value: w}
		}
	}
	for id, w := range p.Criteria {
		if f.CriterionIndex(id) < 0 {
			return &WeightError{Kind: WeightUnknownID, Profile: p.Name, ID: id, Level: "criterion"}
		}
		if !validWeight(w) {
			return &WeightError{Kind: WeightRange, Profile: p.Name, ID: id, Value: w}
		}
	}
	// A lock on a name the framework does not know locks nothing; it is a typo or a leftover.
	locks := make(map[string]bool, len(p.Locked))
	for _, id := range p.Locked {
		if f.DimensionIndex(id) < 0 && f.CriterionIndex(id) < 0 {
			return &WeightError{Kind: WeightUnknownID, Profile: p.Name, ID: id, Level: "lock"}
		}
		if locks[id] {
			return &WeightError{Kind: WeightTwice, Profile: p.Name, ID: id}
		}
		locks[id] = true
	}
	if s := sumOf(p.Dimensions, dimensionIDs(f)); math.Abs(s-1) > weightTolerance {
		return &WeightError{Kind: WeightSum, Profile: p.Name, Value: s}
	}
	for _, d := range f.Dimensions {
		ids := criterionIDs(f, d.ID)
		if len(ids) == 0 {
			if p.Dimensions[d.ID] > weightTolerance { // it would drop out of every total
				return &WeightError{Kind: WeightNoItems, Profile: p.Name, ID: d.ID}
			}
			continue
		}
		if s := sumOf(p.Criteria, ids); math.Abs(s-1) > weightTolerance {
			return &WeightError{Kind: WeightSum, Profile: p.Name, ID: d.ID, Value: s}
		}
	}
	return p.validateElicitation(f)
}

func validWeight(w float64) bool { return !math.IsNaN(w) && w >= 0 && w <= 1+weightTolerance }

// ProfileFromGlobal builds a profile from global criterion weights (as the catalog's preset
// tables are written): dimension weights are the sums, local weights the shares. A dimension
// whose criteria all weigh zero gets equal local weights so it stays well defined.
func ProfileFromGlobal(name string, f *Framework, global map[string]float64) (WeightProfile, error) {
	p := WeightProfile{Name: name, Dimensions: map[string]float64{}, Criteria: map[string]float64{}}
	for id, w := range global {
		if f.CriterionIndex(id) < 0 {
			return p, &WeightError{Kind: WeightUnknownID, Profile: name, ID: id, Level: "criterion"}
		}
		if !validWeight(w) {
			return p, &WeightError{Kind: WeightRange, Profile: name, ID: id, Value: w}
		}
	}
	// Sum in framework order, not map order, so the same table always gives the same bits.
	total := 0.0
	for _, c := range f.Criteria {
		total += global[c.ID]
	}
	if total <= 0 {
		return p, fmt.Errorf("profile %q: weights sum to zero", name)
	}
	for _, d := range f.Dimensions {
		ids := criterionIDs(f, d.ID)
		s := sumOf(global, ids) / total
		p.Dimensions[d.ID] = s
		for _, id := range ids {
			if s > 0 {
				p.Criteria[id] = global[id] / total / s
			} else {
				p.Criteria[id] = 1 / float64(len(ids))
			}
		}
	}
	return p, nil
}

// SetDimension sets one dimension weight and rescales the unlocked other dimensions.
func (p *WeightProfile) SetDimension(f *Framework, id string, w float64) error {
	if f.DimensionIndex(id) < 0 {
		return &WeightError{Kind: WeightUnknownID, ID: id, Level: "dimension"}
	}
	if err := setWithSiblings(p.Dimensions, dimensionIDs(f), id, w, p.IsLocked); err != nil {
		return err
	}
	p.typed(ElicitLevelDimensions)
	return nil
}

// SetCriterion sets one local criterion weight and rescales its unlocked siblings.
func (p *WeightProfile) SetCriterion(f *Framework, id string, w float64) error {
	c, ok := f.Criterion(id)
	if !ok {
		return &WeightError{Kind: WeightUnknownID, ID: id, Level: "criterion"}
	}
	if err := setWithSiblings(p.Criteria, criterionIDs(f, c.Dimension), id, w, p.IsLocked); err != nil {
		return err
	}
	p.typed(c.Dimension)
	return nil
}

// setWithSiblings sets m[id] = w and rescales the unlocked siblings proportionally so the level
// still sums to 1; locked weights never move, the target included. On any impossible request it
// returns an error and leaves m unchanged. A request that overshoots what the locks leave by no
// more than the tolerance is trimmed to it, so the level sums to 1 and not to 1 + the excess.
func setWithSiblings(m map[string]float64, ids []string, id string, w float64, locked func(string) bool) error {
	if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 || w > 1+weightTolerance {
		return &WeightError{Kind: WeightRange, ID: id, Value: w}
	}
	if locked(id) {
		return &WeightError{Kind: WeightLocked, ID: id}
	}
	lockedSum, freeSum := 0.0, 0.0
	var free []string
	for _, s := range ids {
		if s == id {
			continue
		}
		if locked(s) {
			lockedSum += m[s]
		} else {
			freeSum += m[s]
			free = append(free, s)
		}
	}
	room := 1 - lockedSum // what the locks leave for id and its free siblings
	if w > room+weightTolerance {
		return &WeightError{Kind: WeightNoRoom, ID: id, Value: w, Max: max(room, 0)}
	}
	w = max(min(w, room), 0)
	rest := max(room-w, 0)
	if len(free) == 0 {
		if rest > weightTolerance {
			return &WeightError{Kind: WeightAllLocked, ID: id}
		}
		m[id] = max(room, 0) // the only value that keeps the level at 1
		return nil
	}
	m[id] = w
	for _, s := range free {
		if freeSum > 0 {
			m[s] = m[s] / freeSum * rest
		} else {
			m[s] = rest / float64(len(free))
		}
	}
	return nil
}

func dimensionIDs(f *Framework) []string {
	ids := make([]string, len(f.Dimensions))
	for i, d := range f.Dimensions {
		ids[i] = d.ID
	}
	return ids
}

func criterionIDs(f *Framework, dim string) []string {
	var ids []string
	for _, c := range f.Criteria {
		if c.Dimension == dim {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

func sumOf(m map[string]float64, ids []string) float64 {
	s := 0.0
	for _, id := range ids {
		s += m[id]
	}
	return s
}

// RankOrderCentroid returns ROC weights for n items ranked 1..n (most important first):
// w_i = (1/n) Σ_{k=i}^{n} 1/k (Barron & Barrett 1996).
func RankOrderCentroid(n int) []float64 {
	w := make([]float64, n)
	for i := 0; i < n; i++ {
		for k := i + 1; k <= n; k++ {
			w[i] += 1 / float64(k)
		}
		w[i] /= float64(n)
	}
	return w
}

// RankSum returns rank-sum weights: w_i = 2(n+1−i) / (n(n+1)).
func RankSum(n int) []float64 {
	w := make([]float64, n)
	for i := 1; i <= n; i++ {
		w[i-1] = 2 * float64(n+1-i) / float64(n*(n+1))
	}
	return w
}

// RankReciprocal returns rank-reciprocal weights: w_i = (1/i) / Σ_k 1/k.
func RankReciprocal(n int) []float64 {
	w := make([]float64, n)
	s := 0.0
	for k := 1; k <= n; k++ {
		s += 1 / float64(k)
	}
	for i := 1; i <= n; i++ {
		w[i-1] = 1 / float64(i) / s
	}
	return w
}
