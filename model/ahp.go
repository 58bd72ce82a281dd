package model

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The Analytic Hierarchy Process (Saaty 1977, 1980): priorities from a positive reciprocal
// matrix of pairwise judgements a_ij ("i is a_ij times as important as j") are the principal
// eigenvector w (A·w = λmax·w, Σw = 1); the consistency index CI = (λmax − n)/(n − 1) compared
// with the mean CI of random matrices of the same size gives the consistency ratio CR = CI/RI,
// and CR ≤ 0.10 is Saaty's threshold for acceptable judgements.

// saatyRandomIndex is Saaty's random consistency index RI for n = 1..10: the mean CI of
// random reciprocal matrices on the 1/9..9 scale, as tabulated in T. L. Saaty, "The Analytic
// Hierarchy Process", McGraw-Hill 1980 (and "How to make a decision: the analytic hierarchy
// process", European Journal of Operational Research 48 (1990) 9–26, Table 1 of §5).
var saatyRandomIndex = [...]float64{0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49}

// AHPMaxItems is the largest matrix accepted: Saaty's table stops at 10, and more than ten
// items are beyond what people judge pairwise with any consistency (Saaty's 7 ± 2).
const AHPMaxItems = len(saatyRandomIndex)

// AHPConsistencyLimit is Saaty's acceptable consistency ratio.
const AHPConsistencyLimit = 0.10

// reciprocalTolerance: a_ji may differ from 1/a_ij by this much relatively, so that 0.333 is
// accepted as the reciprocal of 3 while a typo (3 and 3) is not.
const reciprocalTolerance = 0.01

// RandomIndex returns Saaty's RI for n items (1 ≤ n ≤ 10).
func RandomIndex(n int) (float64, bool) {
	if n < 1 || n > AHPMaxItems {
		return 0, false
	}
	return saatyRandomIndex[n-1], true
}

// AHPErrorKind says what is wrong with a pairwise matrix.
type AHPErrorKind string

const (
	AHPEmpty         AHPErrorKind = "empty"
	AHPTooLarge      AHPErrorKind = "too_large"
	AHPNotSquare     AHPErrorKind = "not_square"
	AHPNotPositive   AHPErrorKind = "not_positive"
	AHPOffScale      AHPErrorKind = "off_scale"
	AHPDiagonal      AHPErrorKind = "diagonal"
	AHPNotReciprocal AHPErrorKind = "not_reciprocal"
	AHPBadEntry      AHPErrorKind = "bad_entry"
	AHPItems         AHPErrorKind = "items"
)

// AHPError is a refused pairwise matrix; I, J locate the entry (0-based) where there is one.
type AHPError struct {
	Kind  AHPErrorKind
	I, J  int
	Value float64
	N     int    // matrix size, for too_large / not_square
	Text  string // the raw entry, for bad_entry; the reason, for items
}

// Error is the English sentence; present.ModelError words it in the user's language. Rows and
// columns are 1-based as a user counts them.
func (e *AHPError) Error() string {
	i, j := e.I+1, e.J+1
	switch e.Kind {
	case AHPEmpty:
		return "the pairwise matrix is empty"
	case AHPTooLarge:
		return fmt.Sprintf("pairwise comparison takes at most %d items (Saaty's random index table ends at %d), got %d", AHPMaxItems, AHPMaxItems, e.N)
	case AHPNotSquare:
		return fmt.Sprintf("row %d of the matrix has %d entries, want %d", i, e.J, e.N)
	case AHPNotPositive:
		return fmt.Sprintf("judgement at row %d, column %d must be positive, got %g", i, j, e.Value)
	case AHPOffScale:
		return fmt.Sprintf("judgement at row %d, column %d is %g, outside Saaty's 1–9 scale (1/9 to 9)", i, j, e.Value)
	case AHPDiagonal:
		return fmt.Sprintf("diagonal entry %d must be 1, got %g", i, e.Value)
	case AHPNotReciprocal:
		return fmt.Sprintf("entry at row %d, column %d (%g) is not the reciprocal of row %d, column %d", j, i, e.Value, i, j)
	case AHPBadEntry:
		return fmt.Sprintf("entry at row %d, column %d is %q, not a number or an \"a/b\" fraction", i, j, e.Text)
	case AHPItems:
		return "items: " + e.Text
	}
	return string(e.Kind)
}

// Judgement names one pairwise judgement a_ij and the value w_i/w_j that the priorities derived
// from all the judgements would give it.
type Judgement struct {
	I         int     `json:"i"`
	J         int     `json:"j"`
	Value     float64 `json:"value"`
	Suggested float64 `json:"suggested"`
	// SuggestedScale is Suggested snapped to the nearest point of Saaty's scale (1..9 or 1/9..1,
	// nearest on a log scale), for an editor that only offers scale values.
	SuggestedScale float64 `json:"suggested_scale"`
	// Deviation is ε_ij = a_ij·w_j/w_i, oriented so that it is ≥ 1 (1 = fits the others exactly).
	Deviation float64 `json:"deviation"`
}

// AHPResult is the eigenvector analysis of one pairwise matrix.
type AHPResult struct {
	Weights     []float64 `json:"weights"`
	LambdaMax   float64   `json:"lambda_max"`
	CI          float64   `json:"ci"`
	CR          float64   `json:"cr"`
	RandomIndex float64   `json:"random_index"`
	Consistent  bool      `json:"consistent"` // CR ≤ 0.10
	// MostInconsistent is the judgement that departs most from the priorities (nil for n ≤ 2,
	// which is always consistent). It is reported whatever the CR; the warning is !Consistent.
	MostInconsistent *Judgement `json:"most_inconsistent,omitempty"`
}

// ValidatePairwise checks that m is a square positive reciprocal matrix on Saaty's scale with
// a unit diagonal, of at most AHPMaxItems rows.
func ValidatePairwise(m [][]float64) error {
	n := len(m)
	if n == 0 {
		return &AHPError{Kind: AHPEmpty}
	}
	if n > AHPMaxItems {
		return &AHPError{Kind: AHPTooLarge, N: n}
	}
	for i, row := range m {
		if len(row) != n {
			return &AHPError{Kind: AHPNotSquare, I: i, J: len(row), N: n}
		}
	}
	const scaleSlack = 1e-9 // 1/9 typed as 0.1111111111 is on the scale
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			x := m[i][j]
			if math.IsNaN(x) || x <= 0 || math.IsInf(x, 0) {
				return &AHPError{Kind: AHPNotPositive, I: i, J: j, Value: x}
			}
			if i == j {
				if math.Abs(x-1) > scaleSlack {
					return &AHPError{Kind: AHPDiagonal, I: i, J: i, Value: x}
				}
				continue
			}
			if x > 9+scaleSlack || x < 1.0/9-scaleSlack*0.1 {
				return &AHPError{Kind: AHPOffScale, I: i, J: j, Value: x}
			}
			if j > i && math.Abs(m[j][i]*x-1) > reciprocalTolerance {
				return &AHPError{Kind: AHPNotReciprocal, I: i, J: j, Value: m[j][i]}
			}
		}
	}
	return nil
}

// AHP validates m and returns its priorities (principal right eigenvector, summing to 1),
// λmax, CI, CR and the most inconsistent judgement.
func AHP(m [][]float64) (AHPResult, error) {
	if err := ValidatePairwise(m); err != nil {
		return AHPResult{}, err
	}
	n := len(m)
	r := AHPResult{Weights: make([]float64, n)}
	r.LambdaMax = principalEigen(m, r.Weights)
	r.RandomIndex = saatyRandomIndex[n-1]
	if n > 2 {
		r.CI = max((r.LambdaMax-float64(n))/float64(n-1), 0)
		r.CR = r.CI / r.RandomIndex
		r.MostInconsistent = mostInconsistent(m, r.Weights)
	} else {
		r.LambdaMax = float64(n) // exact: every 1×1 and 2×2 reciprocal matrix is consistent
	}
	r.Consistent = r.CR <= AHPConsistencyLimit
	return r, nil
}

// principalEigen writes the principal eigenvector of the positive matrix m into w (Σw = 1) and
// returns λmax. For n ≤ 2 it is exact (w ∝ (a_12, 1)). Otherwise power iteration from the
// uniform vector (its first step gives the normalised row sums, already exact for a consistent
// matrix, which has rank 1) converges by Perron–Frobenius because m is positive; with Σw = 1,
// λ = Σ_i (m·w)_i at the fixed point.
func principalEigen(m [][]float64, w []float64) float64 {
	n := len(m)
	switch n {
	case 1:
		w[0] = 1
		return 1
	case 2:
		w[0] = m[0][1] / (1 + m[0][1])
		w[1] = 1 - w[0]
		return 2
	}
	var buf [AHPMaxItems]float64
	next := buf[:n]
	for i := range w {
		w[i] = 1 / float64(n)
	}
	lambda := 0.0
	for iter := 0; iter < 1000; iter++ {
		lambda = 0
		for i, row := range m {
			x := 0.0
			for j, a := range row {
				x += a * w[j]
			}
			next[i] = x
			lambda += x
		}
		diff := 0.0
		for i := range w {
			x := next[i] / lambda
			diff = max(diff, math.Abs(x-w[i]))
			w[i] = x
		}
		if diff < 1e-13 {
			break
		}
	}
	return lambda
}

// mostInconsistent finds the judgement with the largest deviation from the priorities. Saaty
// (2003, "Decision-making with the AHP: Why is the principal eigenvector necessary", EJOR 145,
// §5) forms ε_ij = a_ij·w_j/w_i — 1 for every entry of a consistent matrix — and revises the
// judgement with the largest ε_ij. Because ε_ji = 1/ε_ij, the largest ε over the whole matrix
// is the pair i < j with the largest |ln ε_ij|; that pair is reported, oriented so that its
// judgement is the one above 1 (i more important than j, as a user enters it) when it departs
// upward. Ties go to the first pair in row order.
func mostInconsistent(m [][]float64, w []float64) *Judgement {
	best, bi, bj := 0.0, 0, 1
	for i := range m {
		for j := i + 1; j < len(m); j++ {
			e := m[i][j] * w[j] / w[i]
			d := max(e, 1/e) // = exp|ln ε|, without the logarithm
			if d > best*(1+1e-12) {
				best, bi, bj = d, i, j
			}
		}
	}
	if m[bi][bj]*w[bj]/w[bi] < 1 { // orient so that ε ≥ 1
		bi, bj = bj, bi
	}
	sug := w[bi] / w[bj]
	return &Judgement{I: bi, J: bj, Value: m[bi][bj], Suggested: sug, SuggestedScale: SnapToSaaty(sug),
		Deviation: m[bi][bj] * w[bj] / w[bi]}
}

// SnapToSaaty returns the point of Saaty's scale {1/9, …, 1/2, 1, 2, …, 9} nearest to x on a
// log scale (so 1/2.5 and 2.5 snap symmetrically).
func SnapToSaaty(x float64) float64 {
	if x < 1 {
		return 1 / SnapToSaaty(1/x)
	}
	best, bd := 1.0, math.Inf(1)
	for k := 1.0; k <= 9; k++ {
		if d := math.Abs(math.Log(x / k)); d < bd {
			best, bd = k, d
		}
	}
	return best
}

// ReciprocalFill returns the full matrix from the judgements above the diagonal (upper[i][j]
// for j > i is read; everything else is filled): a_ii = 1, a_ji = 1/a_ij. This is how the
// matrix editor works — a user enters each pair once.
func ReciprocalFill(upper [][]float64) [][]float64 {
	n := len(upper)
	m := make([][]float64, n)
	for i := range m {
		m[i] = make([]float64, n)
		m[i][i] = 1
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n && j < len(upper[i]); j++ {
			m[i][j] = upper[i][j]
			m[j][i] = 1 / upper[i][j]
		}
	}
	return m
}

// PairwiseInput is the JSON form of a pairwise matrix: item ids and the full matrix, whose
// entries may be numbers (3, 0.2) or strings ("3", "1/5").
type PairwiseInput struct {
	Items  []string          `json:"items"`
	Matrix [][]PairwiseEntry `json:"matrix"`
}

// PairwiseEntry is one judgement as read from JSON: a number or an "a/b" string.
type PairwiseEntry struct {
	Value float64
	Raw   string // the text as typed, kept for error messages
	err   bool
}

// UnmarshalJSON accepts a JSON number or a string holding a number or a fraction "a/b".
func (e *PairwiseEntry) UnmarshalJSON(b []byte) error {
	var f float64
	if err := json.Unmarshal(b, &f); err == nil {
		*e = PairwiseEntry{Value: f, Raw: string(b)}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		*e = PairwiseEntry{Raw: string(b), err: true}
		return nil // reported with its position by ParsePairwise
	}
	v, ok := ParseJudgement(s)
	*e = PairwiseEntry{Value: v, Raw: s, err: !ok}
	return nil
}

// MarshalJSON writes the number.
func (e PairwiseEntry) MarshalJSON() ([]byte, error) { return json.Marshal(e.Value) }

// ParseJudgement reads "3", "0.2", "1/5" or " 1 / 5 ".
func ParseJudgement(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if a, b, ok := strings.Cut(s, "/"); ok {
		x, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
		y, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
		if err1 != nil || err2 != nil || y == 0 {
			return 0, false
		}
		return x / y, true
	}
	x, err := strconv.ParseFloat(s, 64)
	return x, err == nil
}

// ParsePairwise reads the CLI's `{"items": [...], "matrix": [[...]]}` and checks it: one
// distinct non-empty id per row, every entry a number or fraction, the matrix valid for AHP.
func ParsePairwise(data []byte) (items []string, m [][]float64, err error) {
	var in PairwiseInput
	if err := json.Unmarshal(data, &in); err != nil {
		return nil, nil, &AHPError{Kind: AHPItems, Text: "not a JSON object with items and matrix: " + err.Error()}
	}
	if len(in.Items) != len(in.Matrix) {
		return nil, nil, &AHPError{Kind: AHPItems, Text: fmt.Sprintf("%d items for a matrix of %d rows", len(in.Items), len(in.Matrix))}
	}
	seen := map[string]bool{}
	for _, id := range in.Items {
		if strings.TrimSpace(id) == "" || seen[id] {
			return nil, nil, &AHPError{Kind: AHPItems, Text: fmt.Sprintf("item %q is empty or repeated", id)}
		}
		seen[id] = true
	}
	m = make([][]float64, len(in.Matrix))
	for i, row := range in.Matrix {
		m[i] = make([]float64, len(row))
		for j, e := range row {
			if e.err {
				return nil, nil, &AHPError{Kind: AHPBadEntry, I: i, J: j, Text: e.Raw}
			}
			m[i][j] = e.Value
		}
	}
	if err := ValidatePairwise(m); err != nil {
		return nil, nil, err
	}
	return in.Items, m, nil
}
