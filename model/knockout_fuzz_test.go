package model

import (
	"math"
	"testing"
)

// FuzzKnockOutRule: parsing a knock-out operator never panics; a parsed operator prints as a
// symbol that parses back to it; and on finite numbers the gate and its negation agree: ≥ holds
// exactly when < fails, ≤ exactly when > fails (the tolerance is applied symmetrically), and = is
// symmetric in its arguments. A rule with a non-finite or out-of-range threshold never validates.
func FuzzKnockOutRule(f *testing.F) {
	for _, s := range []string{">=", "≥", "<=", "≤", ">", "<", "=", "==", "=>", "", "≥≥"} {
		f.Add(s, 1000.0, 1000.0)
	}
	f.Add(">=", 99.90000000000002, 99.9)
	f.Add("<", math.Inf(1), 1e308)
	f.Fuzz(func(t *testing.T, s string, value, threshold float64) {
		op, err := ParseOp(s)
		if err != nil {
			return
		}
		if back, err := ParseOp(op.Symbol()); err != nil || back != op {
			t.Fatalf("%q parses to %q, whose symbol %q parses to %q, %v", s, op, op.Symbol(), back, err)
		}
		k := KnockOut{Criterion: "c", Op: op, Threshold: threshold}
		if CheckThreshold(threshold) != nil && k.validate(&Evaluation{Framework: Framework{Criteria: []Criterion{{ID: "c"}}}}, nil) == nil {
			t.Fatalf("threshold %v validated", threshold)
		}
		if math.IsNaN(value) || math.IsNaN(threshold) || math.IsInf(value, 0) || math.IsInf(threshold, 0) {
			return
		}
		if OpGE.Holds(value, threshold) == OpLT.Holds(value, threshold) {
			t.Fatalf("≥ and < agree on %v vs %v", value, threshold)
		}
		if OpLE.Holds(value, threshold) == OpGT.Holds(value, threshold) {
			t.Fatalf("≤ and > agree on %v vs %v", value, threshold)
		}
		if OpEQ.Holds(value, threshold) != OpEQ.Holds(threshold, value) {
			t.Fatalf("= is not symmetric on %v, %v", value, threshold)
		}
	})
}
