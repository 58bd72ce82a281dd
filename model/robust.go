package model

import (
	"cmp"
	"math"
	"slices"
)

// CellFlip is one consensus cell whose change alone would change the leader.
type CellFlip struct {
	Vendor    int     // vendor index: the leader (its cell goes down) or a challenger (up)
	Criterion int     // criterion index
	Score     float64 // the cell's current consensus score (1–5)
	// Delta is the signed change of the score at which the challenger draws level with the
	// leader: negative for the leader's own cell. Any larger change hands the lead over; at
	// exactly Delta the totals tie and the tie rule (lower id) decides.
	Delta     float64
	NewLeader int  // vendor index leading after the change
	Feasible  bool // the changed score stays within 1–5
}

// ScoreRobustnessResult lists the single-cell score changes that change the leader.
type ScoreRobustnessResult struct {
	Leader int // vendor index; -1 when fewer than two vendors are ranked
	// Smallest is the feasible flip with the smallest |Delta|; nil when none is feasible.
	Smallest *CellFlip
	// WithinOnePoint are the feasible flips with |Delta| ≤ 1, smallest first.
	WithinOnePoint []CellFlip
	// All are every flip on a weighted criterion, feasible or not, smallest |Delta| first.
	All []CellFlip
}

// ScoreRobustness finds, for the weighted sum at the current weights, how far one consensus
// score must move to change the leader: the leader L's cell on criterion c going down by
// (T_L − T_runner-up)/w_c, or a challenger j's cell going up by (T_L − T_j)/w_c. Criteria with no
// weight cannot change anything and are skipped; knock-out status is left as it is.
func ScoreRobustness(p *Problem) ScoreRobustnessResult {
	b := newSensBase(p)
	order := b.rankOrder()
	res := ScoreRobustnessResult{Leader: -1}
	if len(order) < 2 {
		return res
	}
	L, runner := order[0], order[1]
	res.Leader = L
	const eps = 1e-9
	for c := 0; c < p.NC; c++ {
		w := p.Weights()[c]
		if w <= 0 {
			continue
		}
		s := b.scores[L*p.NC+c]
		d := (b.total[L] - b.total[runner]) / w
		res.All = append(res.All, CellFlip{Vendor: L, Criterion: c, Score: s, Delta: -d, NewLeader: runner,
			Feasible: s-d >= ScaleMin-eps})
		for _, j := range order[1:] {
			s := b.scores[j*p.NC+c]
			d := (b.total[L] - b.total[j]) / w
			res.All = append(res.All, CellFlip{Vendor: j, Criterion: c, Score: s, Delta: d, NewLeader: j,
				Feasible: s+d <= ScaleMax+eps})
		}
	}
	slices.SortStableFunc(res.All, func(x, y CellFlip) int {
		if c := cmp.Compare(math.Abs(x.Delta), math.Abs(y.Delta)); c != 0 {
			return c
		}
		if c := cmp.Compare(x.Vendor, y.Vendor); c != 0 {
			return c
		}
		return cmp.Compare(x.Criterion, y.Criterion)
	})
	for i := range res.All {
		f := res.All[i]
		if !f.Feasible {
			continue
		}
		if res.Smallest == nil {
			res.Smallest = &res.All[i]
		}
		if math.Abs(f.Delta) <= 1+eps {
			res.WithinOnePoint = append(res.WithinOnePoint, f)
		}
	}
	return res
}
