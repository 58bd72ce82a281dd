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
	elicitNoItems     = "no items to weigh"
	elicitDupItem     = "item is empty or listed twice"
	elicitUnknownItem = "not an item of this level"
	elicitBadValue    = "must be a finite number, not negative"
	elicitAllZero     = "at least one weight must be positive"
	elicitNoRank      = "has no rank"
	elicitBadRank     = "rank must be 1 or more"
	elicitSwingRange  = "swing points must be between 0 and 100"
	elicitNoMatrix    = "matrix has a different size from the items"
	elicitUnknown     = "unknown method"
	elicitNoReviewers = "no reviewer has entered a matrix"
)

var elicitReasonZh = map[string]string{
	elicitNoItems:     "没有需要赋权的项",
	elicitDupItem:     "项为空或重复",
	elicitUnknownItem: "不是本层级的项",
	elicitBadValue:    "必须是有限且非负的数",
	elicitAllZero:     "至少要有一个权重大于 0",
	elicitNoRank:      "没有排序",
	elicitBadRank:     "排序必须从 1 开始",
	elicitSwingRange:  "摆动分值必须在 0 到 100 之间",
	elicitNoMatrix:    "矩阵大小与比较项数量不符",
	elicitUnknown:     "未知的赋权方法",
	elicitNoReviewers: "还没有评审人填写判断矩阵",
}

func (e *ElicitError) Error() string { return e.Message(LangEn) }

// Message renders the error in lang.
func (e *ElicitError) Message(lang Lang) string {
	reason := e.Reason
	if lang == LangZh {
		if zh, ok := elicitReasonZh[e.Reason]; ok {
			reason = zh
		}
		if e.Item != "" {
			return fmt.Sprintf("赋权方法 %s：%s %s", e.Method, e.Item, reason)
		}
		return fmt.Sprintf("赋权方法 %s：%s", e.Method, reason)
	}
	if e.Item != "" {
		return fmt.Sprintf("weights by %s: %s %s", e.Method, e.Item, reason)
	}
	return fmt.Sprintf("weights by %s: %s", e.Method, reason)
}

// Weights derives the level's weights (summing to 1, in Items order) from the method's inputs.
// AHP errors come back as *AHPError / *GroupAHPError; everything else as *ElicitError.
func (e Elicitation) Weights() ([]float64, error) {
	fail := func(item, reason string) ([]float64, error) {
		return nil, &ElicitError{Method: e.Method, Item: item, Reason: reason}
	}
	if len(e.Items) == 0 {
		return fail("", elicitNoItems)
	}
	index := make(map[string]int, len(e.Items))
	for i, id := range e.Items {
		if _, dup := index[id]; dup || id == "" {
			return fail(id, elicitDupItem)
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
				return fail(id, elicitUnknownItem)
			case math.IsNaN(x) || math.IsInf(x, 0) || x < 0:
				return fail(id, elicitBadValue)
			case x > limit:
				return fail(id, elicitSwingRange)
			}
			w[i] = x
		}
		return elicitNormalised(w, func() ([]float64, error) { return fail("", elicitAllZero) })
	case ElicitROC, ElicitRS, ElicitRR:
		return e.rankWeights(index, fail)
	case ElicitAHP:
		if len(e.Matrix) != n {
			return fail("", elicitNoMatrix)
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
	return fail(string(e.Method), elicitUnknown)
}

// GroupAHP runs the group analysis of the reviewers' matrices (reviewers in id order, so the
// result is the same on every run).
func (e Elicitation) GroupAHP() (GroupAHPResult, error) {
	if len(e.Reviewers) == 0 {
		return GroupAHPResult{}, &ElicitError{Method: ElicitGroupAHP, Reason: elicitNoReviewers}
	}
	names := elicitKeys(e.Reviewers)
	ms := make([][][]float64, len(names))
	for k, r := range names {
		if len(e.Reviewers[r]) != len(e.Items) {
			return GroupAHPResult{}, &ElicitError{Method: ElicitGroupAHP, Item: r, Reason: elicitNoMatrix}
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
			return fail(id, elicitUnknownItem)
		}
	}
	order := make([]int, n)
	for i, id := range e.Items {
		r, ok := e.Ranks[id]
		if !ok {
			return fail(id, elicitNoRank)
		}
		if r < 1 {
			return fail(id, elicitBadRank)
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
