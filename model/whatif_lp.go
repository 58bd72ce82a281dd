package model

import (
	"errors"
	"math"
)

// A small dense two-phase tableau simplex for the what-if programme. gonum's lp.Simplex solves
// the same standard form exactly (the tests use it as the reference), but it refactors a dense
// basis at every pivot and always runs its own phase 1 over every row, which costs milliseconds
// on a 5-dimension, 50-vendor programme; the tableau below pivots in place, starts from the
// slack and surplus columns that are already a basis, and adds artificial variables only for
// the rows that lack one.

// lpTol: entries, reduced costs and residuals below this are zero. The programme's numbers
// are weights in [0,1] and score differences within ±5, so an absolute tolerance is right.
const lpTol = 1e-11

var errLPIterations = errors.New("simplex: iteration limit reached")

// lpMin minimises cᵀx subject to A·x = b, x ≥ 0, with A dense row-major (m × n) and b ≥ 0.
// basis[i] is a column that is the i-th unit vector of A (a ready basic variable for row i), or
// -1 where row i needs an artificial variable. feasible is false when no x satisfies the rows.
// The programme must be bounded below (the what-if one is: its objective is a sum of
// non-negative variables).
func lpMin(c, a []float64, m, n int, b []float64, basis []int) (x []float64, feasible bool, err error) {
	nArt := 0
	for _, j := range basis {
		if j < 0 {
			nArt++
		}
	}
	cols := n + nArt // + RHS
	w := cols + 1
	t := make([]float64, (m+1)*w) // rows 0..m-1 constraints, row m reduced costs
	bas := make([]int, m)
	art := n
	for i := 0; i < m; i++ {
		copy(t[i*w:i*w+n], a[i*n:(i+1)*n])
		t[i*w+cols] = b[i]
		if basis[i] >= 0 {
			bas[i] = basis[i]
		} else {
			t[i*w+art] = 1
			bas[i] = art
			art++
		}
	}
	obj := t[m*w : (m+1)*w]
	iters := 0
	if nArt > 0 {
		// Phase 1: minimise the sum of the artificials. Reduced costs: 1 on artificials minus
		// the sum of the rows whose basic variable is artificial.
		for j := n; j < cols; j++ {
			obj[j] = 1
		}
		for i := 0; i < m; i++ {
			if bas[i] >= n {
				row := t[i*w : (i+1)*w]
				for j := range obj {
					obj[j] -= row[j]
				}
			}
		}
		if err := lpIterate(t, bas, m, w, cols, &iters); err != nil {
			return nil, false, err
		}
		if -obj[cols] > 1e-9 {
			return nil, false, nil
		}
		// Pivot the artificials left in the basis (at zero) out where a real column can take
		// their place; a row where none can is redundant and keeps its artificial at zero.
		for i := 0; i < m; i++ {
			if bas[i] < n {
				continue
			}
			for j := 0; j < n; j++ {
				if math.Abs(t[i*w+j]) > 1e-9 {
					lpPivot(t, bas, m, w, i, j)
					break
				}
			}
		}
	}
	// Phase 2: real costs; artificial columns may no longer enter (cols = n).
	clear(obj)
	copy(obj, c)
	for i := 0; i < m; i++ {
		if cb := costOf(c, bas[i]); cb != 0 {
			row := t[i*w : (i+1)*w]
			for j := range obj {
				obj[j] -= cb * row[j]
			}
		}
	}
	if err := lpIterate(t, bas, m, w, n, &iters); err != nil {
		return nil, false, err
	}
	x = make([]float64, n)
	for i, j := range bas {
		if j < n {
			x[j] = max(t[i*w+cols], 0) // the RHS column
		}
	}
	return x, true, nil
}

func costOf(c []float64, j int) float64 {
	if j < len(c) {
		return c[j]
	}
	return 0
}

// lpIterate pivots until no column below limit has a negative reduced cost. Entering column:
// most negative reduced cost (Dantzig), switching to the lowest index (Bland) after a
// degenerate pivot so that degenerate vertices cannot cycle.
func lpIterate(t []float64, bas []int, m, w, limit int, iters *int) error {
	obj := t[m*w : (m+1)*w]
	rhs := w - 1
	bland := false
	for {
		*iters++
		if *iters > 50*(m+w) {
			return errLPIterations
		}
		enter := -1
		best := -lpTol
		for j := 0; j < limit; j++ {
			if obj[j] < best {
				enter, best = j, obj[j]
				if bland {
					break
				}
			}
		}
		if enter < 0 {
			return nil
		}
		leave := -1
		ratio := math.Inf(1)
		for i := 0; i < m; i++ {
			if e := t[i*w+enter]; e > lpTol {
				r := t[i*w+rhs] / e
				if r < ratio-1e-14 || (r < ratio+1e-14 && leave >= 0 && bas[i] < bas[leave]) {
					leave, ratio = i, r
				}
			}
		}
		if leave < 0 {
			return errors.New("simplex: unbounded")
		}
		bland = ratio < 1e-14
		lpPivot(t, bas, m, w, leave, enter)
	}
}

// lpPivot makes column j basic in row r.
func lpPivot(t []float64, bas []int, m, w, r, j int) {
	row := t[r*w : (r+1)*w]
	inv := 1 / row[j]
	for k := range row {
		row[k] *= inv
	}
	row[j] = 1
	for i := 0; i <= m; i++ {
		if i == r {
			continue
		}
		other := t[i*w : (i+1)*w]
		f := other[j]
		if f == 0 {
			continue
		}
		for k, v := range row {
			if v != 0 {
				other[k] -= f * v
			}
		}
		other[j] = 0
	}
	bas[r] = j
}
