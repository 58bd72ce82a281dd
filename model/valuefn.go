package model

import (
	"fmt"
	"math"
)

// ValueScore maps a raw measured value to a score in [1, 5] by piecewise-linear interpolation
// through anchors (sorted by X, scaled by scale). Outside the anchors the end score holds; equal
// X values make a right-continuous step. It does not allocate.
//
// A NaN value or scale has no score: the result is NaN, never an end score (a NaN used to fall
// through every comparison and score 5). Callers that take numbers from outside use
// ValueScoreChecked, which says what is wrong instead.
func ValueScore(anchors []Anchor, scale, x float64) float64 {
	if math.IsNaN(x) || math.IsNaN(scale) {
		return math.NaN()
	}
	n := len(anchors)
	if n == 0 {
		return clampScore(x)
	}
	if x < anchors[0].X*scale {
		return clampScore(anchors[0].Score)
	}
	// Find the last anchor with X <= x; the segment starts there.
	i := n - 1
	for i > 0 && anchors[i].X*scale > x {
		i--
	}
	if i == n-1 {
		return clampScore(anchors[n-1].Score)
	}
	a, b := anchors[i], anchors[i+1]
	x0, x1 := a.X*scale, b.X*scale
	if x1 == x0 {
		return clampScore(b.Score)
	}
	return clampScore(a.Score + (b.Score-a.Score)*(x-x0)/(x1-x0))
}

// ValueScoreChecked is ValueScore for numbers from outside the model: x, scale and every anchor
// must be finite and within MaxMagnitude (CheckNumber), the anchors sorted by X with scores in
// [1, 5]; otherwise it returns an error and no score.
func ValueScoreChecked(anchors []Anchor, scale, x float64) (float64, error) {
	if err := CheckNumber("value", x); err != nil {
		return 0, err
	}
	if err := CheckNumber("scale", scale); err != nil {
		return 0, err
	}
	for i, a := range anchors {
		if err := CheckNumber(fmt.Sprintf("anchor %d", i+1), a.X); err != nil {
			return 0, err
		}
		if math.IsNaN(a.Score) || a.Score < ScaleMin || a.Score > ScaleMax {
			return 0, fmt.Errorf("anchor %d: score %v is outside 1–5", i+1, a.Score)
		}
		if i > 0 && a.X < anchors[i-1].X {
			return 0, fmt.Errorf("anchors must be sorted by value (anchor %d)", i+1)
		}
	}
	return ValueScore(anchors, scale, x), nil
}

// vfPoint is one anchor of a compiled value function: X already multiplied by the anchor
// parameter, and the slope of the segment that starts there (0 on the last anchor and on the
// first of a step), so scoring a value takes no division.
type vfPoint struct {
	X, Score, Slope float64
}

// compileVF compiles a measured criterion's anchors under scale (see vfPoint) into out (len
// anchors); a Problem does it once instead of rescaling every anchor for every cell of every
// ranking.
func compileVF(out []vfPoint, anchors []Anchor, scale float64) []vfPoint {
	for i, a := range anchors {
		out[i] = vfPoint{X: a.X * scale, Score: a.Score}
	}
	for i := 0; i+1 < len(out); i++ {
		if dx := out[i+1].X - out[i].X; dx > 0 {
			out[i].Slope = (out[i+1].Score - out[i].Score) / dx
		}
	}
	return out
}

// valueAt is ValueScore on a compiled value function (at least one point). It runs inside the
// ranking loop and the SMAA score draws.
func valueAt(vf []vfPoint, x float64) float64 {
	if x != x { // NaN: see ValueScore
		return x
	}
	if x < vf[0].X {
		return clampScore(vf[0].Score)
	}
	// The last point with X <= x starts the segment (after a step, the step's second point).
	i := len(vf) - 1
	for i > 0 && vf[i].X > x {
		i--
	}
	pt := vf[i]
	return clampScore(pt.Score + pt.Slope*(x-pt.X))
}

func clampScore(s float64) float64 {
	if s != s {
		return s
	}
	if s < ScaleMin {
		return ScaleMin
	}
	if s > ScaleMax {
		return ScaleMax
	}
	return s
}
