package model

import "iter"

// Streamed rank reversals. BreakEvens lists every pair of ranked vendors for every weight —
// n(n−1)/2 × weights entries, two million at 200 vendors and 20 weights — although most pairs
// never swap and a workshop asks about the leader. LeaderReport (leader_breakeven.go) and Reversals give the same
// answers with memory that does not grow with the number of pairs: one line per vendor.

// Reversals yields the rank reversals that exist — pairs of ranked vendors that swap places for
// some weight in [0,1] — parameter by parameter (WeightParams order), pairs in current rank
// order (A ahead of B now). With all false only pairs involving the current leader are
// yielded. They are the entries of BreakEvens(p).Reversals with Exists set, in the same order,
// computed as they are yielded: nothing is collected, so a caller that prints them as they come
// runs in memory independent of their number. The problem must not change while iterating.
func Reversals(p *Problem, all bool) iter.Seq[Reversal] {
	return func(yield func(Reversal) bool) {
		b := newSensBase(p)
		ranked := b.rankOrder()
		if len(ranked) < 2 {
			return
		}
		lines := make([]Line, p.NV)
		for _, w := range WeightParams(p) {
			if w.Fixed {
				continue // flat lines never cross
			}
			b.lines(w, lines)
			for x := 0; x < len(ranked); x++ {
				if !all && x > 0 {
					break // the leader is ranked[0]: every pair with it starts at x = 0
				}
				for y := x + 1; y < len(ranked); y++ {
					a, c := ranked[x], ranked[y]
					t, ok := crossing(lines[a], lines[c])
					if !ok || !swaps(lines[a], lines[c], t, w.Current) {
						continue
					}
					rev := Reversal{Param: w, A: a, B: c, Exists: true, Weight: t,
						BAheadAbove: lines[c].Slope > lines[a].Slope}
					if !yield(rev) {
						return
					}
				}
			}
		}
	}
}
