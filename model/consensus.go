package model

import (
	"math"
	"slices"
)

// refreshConsensus recomputes the consensus raw value and the 1–5 score of every cell.
func (p *Problem) refreshConsensus() {
	if p.fresh {
		return
	}
	for v := 0; v < p.NV; v++ {
		for c := 0; c < p.NC; c++ {
			i := v*p.NC + c
			x := p.consensusOf(p.raw[i*p.NR : (i+1)*p.NR])
			p.cons[i] = x
			switch {
			case math.IsNaN(x):
				p.scores[i] = ScaleMin // nobody gains by withholding evidence
			case p.vf[c] != nil:
				p.scores[i] = valueAt(p.vf[c], x)
			default:
				p.scores[i] = clampScore(x)
			}
		}
	}
	p.fresh = true
}

// consensusOf combines one cell's reviewer values, skipping those not given; NaN if none.
func (p *Problem) consensusOf(vals []float64) float64 {
	if p.Rule == ConsensusMedian {
		n := 0
		for _, x := range vals {
			if !math.IsNaN(x) {
				p.scratch[n] = x
				n++
			}
		}
		if n == 0 {
			return math.NaN()
		}
		s := p.scratch[:n]
		insertionSort(s)
		if n%2 == 1 {
			return s[n/2]
		}
		return (s[n/2-1] + s[n/2]) / 2
	}
	// Sum the deviations from the first value, not the values: reviewers who agree then give
	// exactly their value (3 × 99.9 / 3 would be 99.90000000000002), so equal evidence ties
	// everywhere, and the rounding error scales with the reviewers' spread, not with the values.
	i := 0
	for i < len(vals) && math.IsNaN(vals[i]) {
		i++
	}
	if i == len(vals) {
		return math.NaN()
	}
	ref, rest := vals[i], vals[i+1:]
	// Two running sums halve the chain of dependent additions, which bounds this loop.
	var s0, s1 float64
	n := 1
	k := 0
	for ; k+1 < len(rest); k += 2 {
		if a := rest[k]; !math.IsNaN(a) {
			s0 += a - ref
			n++
		}
		if b := rest[k+1]; !math.IsNaN(b) {
			s1 += b - ref
			n++
		}
	}
	if k < len(rest) && !math.IsNaN(rest[k]) {
		s0 += rest[k] - ref
		n++
	}
	return ref + (s0+s1)/float64(n)
}

// insertionSort sorts the handful of reviewer values of one cell without allocating.
func insertionSort(s []float64) {
	for i := 1; i < len(s); i++ {
		x := s[i]
		j := i - 1
		for j >= 0 && s[j] > x {
			s[j+1] = s[j]
			j--
		}
		s[j+1] = x
	}
}

// Scores returns the consensus 1–5 score matrix, [vendor*NC + criterion]. The slice is owned by
// the problem and updated in place by the next Rank or SetRaw.
func (p *Problem) Scores() []float64 {
	p.refreshConsensus()
	return p.scores
}

// Consensus returns the consensus raw value of one cell (NaN when nobody scored it).
func (p *Problem) Consensus(v, c int) float64 {
	p.refreshConsensus()
	return p.cons[v*p.NC+c]
}

// CellStats describes the reviewers' values of one cell.
type CellStats struct {
	N         int     // reviewers who scored it
	Consensus float64 // NaN when N == 0
	Score     float64 // 1–5 score used in ranking
	Min, Max  float64
	Std       float64 // population standard deviation
	Values    []float64
}

// Spread is max − min; 0 when fewer than two reviewers scored.
func (s CellStats) Spread() float64 {
	if s.N < 2 {
		return 0
	}
	return s.Max - s.Min
}

// Cell returns the statistics of one cell; Values lists each reviewer's value (NaN if missing)
// in reviewer order.
func (p *Problem) Cell(v, c int) CellStats {
	p.refreshConsensus()
	i := v*p.NC + c
	vals := slices.Clone(p.raw[i*p.NR : (i+1)*p.NR])
	st := CellStats{Consensus: p.cons[i], Score: p.scores[i], Values: vals, Min: math.NaN(), Max: math.NaN()}
	sum := 0.0
	for _, x := range vals {
		if math.IsNaN(x) {
			continue
		}
		if st.N == 0 || x < st.Min {
			st.Min = x
		}
		if st.N == 0 || x > st.Max {
			st.Max = x
		}
		sum += x
		st.N++
	}
	if st.N > 0 {
		mean := sum / float64(st.N)
		ss := 0.0
		for _, x := range vals {
			if !math.IsNaN(x) {
				ss += (x - mean) * (x - mean)
			}
		}
		st.Std = math.Sqrt(ss / float64(st.N))
	}
	return st
}
