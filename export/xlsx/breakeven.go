package xlsx

import (
	"cmp"
	"math"
	"slices"

	"ccselect/model"
)

// breakEvens is model.BreakEvens without the pairwise reversals, which the workbook does not
// show: those are one entry per pair of vendors per weight (200 vendors × 105 weights is two
// million entries, ≈190 MB), while the leader changes need only each weight's segments. Those
// come from model.SweepWeight, one weight at a time, so memory stays at one weight's crossings.
// The leader changes are derived from the segments exactly as model.BreakEvens derives them;
// TestBreakEvensMatchEngine checks that the two agree.
func breakEvens(p *model.Problem) *model.BreakEvenReport {
	r := &model.BreakEvenReport{Leader: -1, Params: model.WeightParams(p), Ranked: wsmOrder(p)}
	if len(r.Ranked) > 0 {
		r.Leader = r.Ranked[0]
	}
	r.BreakEvens = make([]model.BreakEven, len(r.Params))
	const eps = 1e-9
	for i, w := range r.Params {
		be := model.BreakEven{Param: w, Leader: r.Leader}
		if r.Leader < 0 || w.Fixed {
			be.Segments = []model.LeaderSegment{{Lo: 0, Hi: 1, Leader: r.Leader}}
			r.BreakEvens[i] = be
			continue
		}
		segs := model.SweepWeight(p, w).Segments
		be.Segments = segs
		cur := w.Current
		for _, s := range segs {
			if s.Lo >= cur-eps && s.Leader != be.Leader {
				be.Above = &model.LeaderChange{Weight: max(s.Lo, cur), Leader: s.Leader, ID: p.Eval.Vendors[s.Leader].ID}
				break
			}
		}
		for k := len(segs) - 1; k >= 0; k-- {
			s := segs[k]
			if s.Hi <= cur+eps && s.Leader != be.Leader {
				be.Below = &model.LeaderChange{Weight: min(s.Hi, cur), Leader: s.Leader, ID: p.Eval.Vendors[s.Leader].ID}
				break
			}
		}
		r.BreakEvens[i] = be
	}
	return r
}

// wsmOrder is the vendors that pass the knock-outs in weighted-sum order (ties within the
// ranking's 1e-9 by id, as the engine ranks): the sensitivity analyses are about the weighted
// sum whatever method ranks the Summary.
func wsmOrder(p *model.Problem) []int {
	res := p.Rank()
	ev := p.Eval
	w := weightsOf(p)
	sc := p.Scores()
	nc := len(w.global)
	total := make(map[int]float64)
	var order []int
	for _, v := range res.Vendors {
		if v.Excluded {
			continue
		}
		t := 0.0
		for c := 0; c < nc; c++ {
			t += w.global[c] * sc[v.Vendor*nc+c]
		}
		total[v.Vendor] = t
		order = append(order, v.Vendor)
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if math.Abs(total[a]-total[b]) > 1e-9 {
			return cmp.Compare(total[b], total[a])
		}
		return cmp.Compare(ev.Vendors[a].ID, ev.Vendors[b].ID)
	})
	return order
}
