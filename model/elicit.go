package model

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// ElicitMethod names how the weights of one level were obtained.
type ElicitMethod string

const (
	ElicitDirect   ElicitMethod = "direct"    // typed weights (normalised)
	ElicitROC      ElicitMethod = "roc"       // rank order centroid
	ElicitRS       ElicitMethod = "rs"        // rank sum
	ElicitRR       ElicitMethod = "rr"        // rank reciprocal
	ElicitSwing    ElicitMethod = "swing"     // 100 points to the most important swing
	ElicitAHP      ElicitMethod = "ahp"       // one pairwise matrix
	ElicitGroupAHP ElicitMethod = "group_ahp" // one matrix per reviewer, AIJ
)

// ElicitMethods lists the methods in the order a method picker shows them.
var ElicitMethods = []ElicitMethod{ElicitDirect, ElicitROC, ElicitRS, ElicitRR, ElicitSwing, ElicitAHP, ElicitGroupAHP}

// Elicitation is a method and its inputs for one level of weights (the dimensions, or the
// criteria of one dimension), stored with a weight profile so that a reopened profile shows how
// its weights were obtained, and re-derives them. Only the inputs of Method are read; the others
// are kept, so switching methods back and forth in the editor loses nothing.
type Elicitation struct {
	Method ElicitMethod `json:"method"`
	// Items are the ids of the level, in display order. Weights come back in this order and
	// the AHP matrices' rows and columns follow it.
	Items []string `json:"items"`
	// Direct weights; an item left out weighs 0. Any positive scale (fractions, percent).
	Direct map[string]float64 `json:"direct,omitempty"`
	// Ranks for roc/rs/rr: 1 is most important; only the order matters, and equal ranks tie —
	// tied items share equally the weights of the positions they occupy together (ranks 1, 1, 3
	// under ROC give the first two (w1 + w2)/2 each), so a tie never favours one of them.
	Ranks map[string]int `json:"ranks,omitempty"`
	// Swing points in [0, 100]: the most important swing gets 100, the others relative to it;
	// an item left out scores 0. Weights are points / Σ points.
	Swing map[string]float64 `json:"swing,omitempty"`
	// Matrix is the full pairwise matrix for ahp.
	Matrix [][]float64 `json:"matrix,omitempty"`
	// Reviewers' matrices for group_ahp, by reviewer id.
	Reviewers map[string][][]float64 `json:"reviewers,omitempty"`
}

// ElicitError is a refused elicitation input.
type ElicitError struct {
	Method ElicitMethod
	Item   string // the item concerned, if any
	Reason string // English; Message translates the fixed reasons
}

const (
	ElicitReasonNoItems     = "no items to weigh"
	ElicitReasonDupItem     = "item is empty or listed twice"
	ElicitReasonUnknownItem = "not an item of this level"
	ElicitReasonBadValue    = "must be a finite number, not negative"
	ElicitReasonAllZero     = "at least one weight must be positive"
	ElicitReasonNoRank      = "has no rank"
	ElicitReasonBadRank     = "rank must be 1 or more"
	ElicitReasonSwingRange  = "swing points must be between 0 and 100"
	ElicitReasonNoMatrix    = "matrix has a different size from the items"
	ElicitReasonUnknown     = "unknown method"
	ElicitReasonNoReviewers = "no reviewer has entered a matrix"
)

// Error is the English sentence; present.ModelError words it in the user's language.
func (e *ElicitError) Error() string {
	if e.Item != "" {
		return fmt.Sprintf("weights by %s: %s %s", e.Method, e.Item, e.Reason)
	}
	return fmt.Sprintf("weights by %s: %s", e.Method, e.Reason)
}

// Weights derives the level's weights (summing to 1, in Items order) from the method's inputs.
// AHP errors come back as *AHPError / *GroupAHPError; everything else as *ElicitError.
func (e Elicitation) Weights() ([]float64, error) {
	fail := func(item, reason string) ([]float64, error) {
		return nil, &ElicitError{Method: e.Method, Item: item, Reason: reason}
	}
	if len(e.Items) == 0 {
		return fail("", ElicitReasonNoItems)
	}
	index := make(map[string]int, len(e.Items))
	for i, id := range e.Items {
		if _, dup := index[id]; dup || id == "" {
			return fail(id, ElicitReasonDupItem)
		}
		index[id] = i
	}
	n := len(e.Items)
	switch e.Method {
	case ElicitDirect, ElicitSwing:
		in, limit := e.Direct, math.Inf(1)
		if e.Method == ElicitSwing {
			in, limit = e.Swing, 100
		}
		w := make([]float64, n)
		for _, id := range elicitKeys(in) {
			x := in[id]
			i, ok := index[id]
			switch {
			case !ok:
				return fail(id, ElicitReasonUnknownItem)
			case math.IsNaN(x) || math.IsInf(x, 0) || x < 0:
				return fail(id, ElicitReasonBadValue)
			case x > limit:
				return fail(id, ElicitReasonSwingRange)
			}
			w[i] = x
		}
		return elicitNormalised(w, func() ([]float64, error) { return fail("", ElicitReasonAllZero) })
	case ElicitROC, ElicitRS, ElicitRR:
		return e.rankWeights(index, fail)
	case ElicitAHP:
		if len(e.Matrix) != n {
			return fail("", ElicitReasonNoMatrix)
		}
		r, err := AHP(e.Matrix)
		if err != nil {
			return nil, err
		}
		return r.Weights, nil
	case ElicitGroupAHP:
		g, err := e.GroupAHP()
		if err != nil {
			return nil, err
		}
		return g.Group.Weights, nil
	}
	return fail(string(e.Method), ElicitReasonUnknown)
}

// GroupAHP runs the group analysis of the reviewers' matrices (reviewers in id order, so the
// result is the same on every run).
func (e Elicitation) GroupAHP() (GroupAHPResult, error) {
	if len(e.Reviewers) == 0 {
		return GroupAHPResult{}, &ElicitError{Method: ElicitGroupAHP, Reason: ElicitReasonNoReviewers}
	}
	names := elicitKeys(e.Reviewers)
	ms := make([][][]float64, len(names))
	for k, r := range names {
		if len(e.Reviewers[r]) != len(e.Items) {
			return GroupAHPResult{}, &ElicitError{Method: ElicitGroupAHP, Item: r, Reason: ElicitReasonNoMatrix}
		}
		ms[k] = e.Reviewers[r]
	}
	return GroupAHP(names, ms)
}

// WeightMap is Weights keyed by item id.
func (e Elicitation) WeightMap() (map[string]float64, error) {
	w, err := e.Weights()
	if err != nil {
		return nil, err
	}
	m := make(map[string]float64, len(w))
	for i, id := range e.Items {
		m[id] = w[i]
	}
	return m, nil
}

// rankWeights orders the items by rank (Items order among equals, for determinism), takes the
// method's weights for positions 1..n and gives each group of tied items the mean of the
// weights of its positions.
func (e Elicitation) rankWeights(index map[string]int, fail func(string, string) ([]float64, error)) ([]float64, error) {
	n := len(e.Items)
	for id := range e.Ranks {
		if _, ok := index[id]; !ok {
			return fail(id, ElicitReasonUnknownItem)
		}
	}
	order := make([]int, n)
	for i, id := range e.Items {
		r, ok := e.Ranks[id]
		if !ok {
			return fail(id, ElicitReasonNoRank)
		}
		if r < 1 {
			return fail(id, ElicitReasonBadRank)
		}
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return e.Ranks[e.Items[order[a]]] < e.Ranks[e.Items[order[b]]] })
	var pos []float64
	switch e.Method {
	case ElicitROC:
		pos = RankOrderCentroid(n)
	case ElicitRS:
		pos = RankSum(n)
	default:
		pos = RankReciprocal(n)
	}
	w := make([]float64, n)
	for lo := 0; lo < n; {
		hi := lo
		for hi < n && e.Ranks[e.Items[order[hi]]] == e.Ranks[e.Items[order[lo]]] {
			hi++
		}
		s := 0.0
		for k := lo; k < hi; k++ {
			s += pos[k]
		}
		for k := lo; k < hi; k++ {
			w[order[k]] = s / float64(hi-lo)
		}
		lo = hi
	}
	return w, nil
}

func elicitNormalised(w []float64, zero func() ([]float64, error)) ([]float64, error) {
	s := 0.0
	for _, x := range w {
		s += x
	}
	if s <= 0 {
		return zero()
	}
	for i := range w {
		w[i] /= s
	}
	return w, nil
}

func elicitKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
