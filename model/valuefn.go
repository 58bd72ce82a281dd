package model

// ValueScore maps a raw measured value to a score in [1, 5] by piecewise-linear interpolation
// through anchors (sorted by X, scaled by scale). Outside the anchors the end score holds; equal
// X values make a right-continuous step. It does not allocate: it runs inside the ranking loop.
func ValueScore(anchors []Anchor, scale, x float64) float64 {
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

func clampScore(s float64) float64 {
	if s < ScaleMin {
		return ScaleMin
	}
	if s > ScaleMax {
		return ScaleMax
	}
	return s
}
