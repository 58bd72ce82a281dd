package model

import (
	"math"
	"testing"
)

// The reciprocal form of the recursion equals the direct form B(k) = A·B(k−1)/(k + A·B(k−1)),
// and both equal Erlang's formula B = (Aⁿ/n!) / Σ_{k≤n} Aᵏ/k! evaluated in log space, up to
// rounding, from 1 to 20,000 Erlangs.
func TestErlangBForms(t *testing.T) {
	for _, c := range []struct {
		n int
		a float64
	}{{1, 1}, {5, 2}, {10, 4.46}, {55, 48}, {120, 100}, {1029, 1000}, {10100, 10000}, {20000, 20000}} {
		direct := 1.0
		for k := 1; k <= c.n; k++ {
			direct = erlangBStep(direct, c.a, k)
		}
		// log-sum-exp of k·ln A − ln k! for k = 0..n
		terms := make([]float64, c.n+1)
		top := math.Inf(-1)
		for k := 0; k <= c.n; k++ {
			lg, _ := math.Lgamma(float64(k + 1))
			terms[k] = float64(k)*math.Log(c.a) - lg
			top = max(top, terms[k])
		}
		sum := 0.0
		for _, x := range terms {
			sum += math.Exp(x - top)
		}
		formula := math.Exp(terms[c.n]-top) / sum
		got := erlangB(c.n, c.a)
		if math.Abs(got-direct) > 1e-11*direct || math.Abs(got-formula) > 1e-9*formula {
			t.Errorf("B(%d, %g): reciprocal %.15g direct %.15g formula %.15g", c.n, c.a, got, direct, formula)
		}
	}
}
