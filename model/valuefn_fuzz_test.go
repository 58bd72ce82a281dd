package model

import (
	"math"
	"sort"
	"testing"
)

// FuzzValueScore: for any value, scale and anchors the value function never panics, scores a
// number in [1, 5] (or NaN exactly when the value or scale is NaN: a NaN used to score 5), the
// compiled form used by the ranking agrees with ValueScore, a benefit function never scores a
// larger value lower, and ValueScoreChecked refuses what CheckNumber refuses.
func FuzzValueScore(f *testing.F) {
	f.Add(99.95, 1.0, 99.0, 1.0, 99.9, 3.0, 99.99, 5.0)
	f.Add(math.NaN(), 1.0, 0.0, 1.0, 1.0, 5.0, 2.0, 5.0)
	f.Add(1e308, 1e308, 0.0, 1.0, 1.0, 2.0, 1.0, 5.0)
	f.Add(-1.0, 1000.0, 0.5, 1.0, 1.0, 2.0, 1.5, 5.0)
	f.Fuzz(func(t *testing.T, x, scale, x0, s0, x1, s1, x2, s2 float64) {
		anchors := []Anchor{{x0, clampScore(s0)}, {x1, clampScore(s1)}, {x2, clampScore(s2)}}
		for _, a := range anchors {
			if math.IsNaN(a.X) || math.IsInf(a.X, 0) || math.IsNaN(a.Score) {
				return // Validate refuses such anchors
			}
		}
		sort.Slice(anchors, func(i, j int) bool { return anchors[i].X < anchors[j].X })
		// Benefit: scores must not fall (what Validate demands of a benefit criterion).
		sort.SliceStable(anchors, func(i, j int) bool { return false })
		for i := 1; i < len(anchors); i++ {
			if anchors[i].Score < anchors[i-1].Score {
				anchors[i].Score = anchors[i-1].Score
			}
		}
		got := ValueScore(anchors, scale, x)
		if math.IsNaN(x) || math.IsNaN(scale) {
			if !math.IsNaN(got) {
				t.Fatalf("ValueScore(NaN) = %v, want NaN", got)
			}
		} else if math.IsNaN(got) {
			if !math.IsInf(scale, 0) && scale != 0 || !math.IsInf(x, 0) {
				// NaN can only come from Inf×0 or Inf−Inf in the scaling of an out-of-range input.
				if CheckNumber("x", x) == nil && CheckNumber("scale", scale) == nil {
					t.Fatalf("ValueScore(%v, scale %v) = NaN for finite in-range input", x, scale)
				}
			}
		} else if got < ScaleMin || got > ScaleMax {
			t.Fatalf("ValueScore = %v, outside [1,5]", got)
		}
		checked, err := ValueScoreChecked(anchors, scale, x)
		inRange := CheckNumber("x", x) == nil && CheckNumber("s", scale) == nil &&
			CheckNumber("a", x0) == nil && CheckNumber("a", x1) == nil && CheckNumber("a", x2) == nil
		if (err == nil) != inRange {
			t.Fatalf("ValueScoreChecked(%v, %v): err %v, in range %v", x, scale, err, inRange)
		}
		if !inRange {
			return
		}
		if checked != got {
			t.Fatalf("checked %v != %v", checked, got)
		}
		vf := compileVF(make([]vfPoint, len(anchors)), anchors, scale)
		if c := valueAt(vf, x); math.Abs(c-got) > 1e-9 {
			t.Fatalf("compiled %v != ValueScore %v at %v", c, got, x)
		}
		if scale > 0 {
			if more := ValueScore(anchors, scale, x+math.Abs(x)*1e-3+1e-3); more < got-1e-9 {
				t.Fatalf("benefit function falls: %v at %v, %v above", got, x, more)
			}
		}
	})
}
