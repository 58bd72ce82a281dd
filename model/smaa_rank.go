package model

import (
	"encoding/binary"
	"math"
)

// Ranking one SMAA draw, the hot spot of the simulation.
//
// Comparing every pair of totals costs m(m−1)/2 compares and as many counter updates per draw.
// Instead each draw sorts its m totals (a sorting network on packed integer keys, smaa_sortnet.go),
// which gives every rank, and stores the rank of each vendor as one byte. Every 256 draws the
// pairwise winning counts are taken from those bytes eight draws at a time: i beat k exactly
// when rank_i < rank_k (ranks count the strictly greater totals, so tied vendors share one),
// and eight byte-wise "less than" tests are one subtraction on a uint64.
//
// Keys: a total is a non-negative float (scores ≥ 1, weights ≥ 0), whose IEEE bit pattern sorts
// like the number. The lowest keyIdxBits bits of the pattern are replaced by the vendor index,
// so keys are distinct and carry their vendor through the sort. Totals therefore compare on
// their leading 46 significant bits: totals within ≈1.4e-14 relative of each other tie. That is
// below the rounding error of the sums themselves, so equal totals reached by different
// arithmetic tie instead of being split by noise (the role of tieTolerance in Rank).

const (
	keyIdxBits    = 6
	keyIdxMask    = 1<<keyIdxBits - 1
	maxFastVendor = 1 << keyIdxBits // beyond this, ranks use the plain pairwise path
	rankBlock     = 256             // draws per block of rank bytes
	rankBlockW    = rankBlock / 8   // uint64 words per vendor per block
	lanesHi       = 0x8080808080808080
	lanesLo       = 0x0101010101010101
)

// totalKey is the part of a total that ranking compares.
func totalKey(t float64) uint64 { return math.Float64bits(t) >> keyIdxBits }

// rankState is a worker's ranking scratch and its pairwise accumulator.
type rankState struct {
	keys      []uint64 // m sorted keys of the current draw, highest first
	rb        []byte   // [v*rankBlock+s]: rank−1 of vendor v in draw s of the current block
	xw, yw    []uint64 // per vendor and word of rb: bytes+1, and bytes|0x80 (see flushBlock)
	blockN    int      // draws in the current block
	blockTies bool     // some draw of the block had tied totals
	win       []uint64 // [i*m+k]: draws in which i's total is strictly above k's
}

// newRankState allocates the scratch for m vendors sorted in a buffer of size keys (the
// network's size, ≥ m; capacity 256 for halvesSort's scratch).
func newRankState(m, size int) rankState {
	keys := apart[uint64](max(256, m, size))[:max(m, size)]
	if m > maxFastVendor { // rankSorted: no rank bytes, no pairwise counts
		return rankState{keys: keys}
	}
	return rankState{keys: keys, rb: apart[byte](m * rankBlock),
		xw: apart[uint64](m * rankBlockW), yw: apart[uint64](m * rankBlockW), win: apart[uint64](m * m)}
}

// rank ranks the draw in w.tot: rank counts, central-weight sums, and the rank bytes for the
// pairwise counts.
func (w *smaaWorker) rank() {
	m, n := w.s.m, w.s.n
	if m > maxFastVendor {
		w.rankSorted()
		return
	}
	keys := w.keys[:w.s.rankSize]
	for i, t := range w.tot[:m] {
		keys[i] = math.Float64bits(t)&^keyIdxMask | uint64(i)
	}
	clear(keys[m:]) // padding: below every real key (totals are ≥ 1)
	w.s.rankSort(keys)
	keys = keys[:m]
	s := w.blockN
	prev, r := ^uint64(0), 0
	for p, key := range keys {
		if hi := key >> keyIdxBits; hi != prev {
			prev, r = hi, p
		} else {
			w.blockTies = true
		}
		v := int(key & keyIdxMask)
		w.rb[v*rankBlock+s] = byte(r)
		w.rankCount[v*m+r]++
		if r == 0 {
			w.addCentral(v, n)
		}
	}
	w.blockN++
	if w.blockN == rankBlock {
		w.flushBlock()
	}
}

// addCentral adds the draw's weights to vendor v's central-weight sums.
func (w *smaaWorker) addCentral(v, n int) {
	cw := w.central[v*n:][:n]
	for j, x := range w.w[:n] {
		cw[j] += uint64(int64(x*fixedOne + 0.5)) // via int64: one instruction, x ≤ 1
	}
}

// flushBlock turns the block's rank bytes into pairwise counts. For bytes x = rank_i and
// y = rank_k (both < 128), (y|0x80) − (x+1) keeps its top bit exactly when x < y, and never
// borrows into the next byte; so one subtraction tests eight draws. The top bits are summed per
// byte lane (at most rankBlockW = 32 per lane) and the lanes added at the end. Without ties in
// the block, "k beat i" is the block size minus "i beat k"; with ties both are tested.
func (w *smaaWorker) flushBlock() {
	nb := w.blockN
	if nb == 0 || w.s.m > maxFastVendor {
		return
	}
	m := w.s.m
	words := (nb + 7) / 8
	for v := 0; v < m; v++ {
		row := w.rb[v*rankBlock:][:rankBlock]
		clear(row[nb : words*8]) // unused lanes: rank 0 for everyone, which counts for no pair
		xw := w.xw[v*rankBlockW:][:words]
		yw := w.yw[v*rankBlockW:][:words]
		for j := range xw {
			b := binary.LittleEndian.Uint64(row[j*8:])
			xw[j] = b + lanesLo
			yw[j] = b | lanesHi
		}
	}
	for i := 0; i < m; i++ {
		xi := w.xw[i*rankBlockW:][:words]
		yi := w.yw[i*rankBlockW:][:words]
		for k := i + 1; k < m; k++ {
			ik := laneSum(less8(xi, w.yw[k*rankBlockW:][:words]))
			var ki uint64
			if w.blockTies {
				ki = laneSum(less8(w.xw[k*rankBlockW:][:words], yi))
			} else {
				ki = uint64(nb) - ik
			}
			w.win[i*m+k] += ik
			w.win[k*m+i] += ki
		}
	}
	w.blockN, w.blockTies = 0, false
}

// less8 returns, per byte lane, in how many words x's byte is below y's (xs hold bytes+1, ys
// bytes|0x80).
func less8(xs, ys []uint64) uint64 {
	ys = ys[:len(xs)]
	var acc uint64
	for j, x := range xs {
		acc += ((ys[j] - x) & lanesHi) >> 7
	}
	return acc
}

// laneSum adds the eight byte lanes of acc (each ≤ 255).
func laneSum(acc uint64) uint64 {
	const even = 0x00ff00ff00ff00ff
	t := acc&even + (acc>>8)&even // four 16-bit lanes
	return (t * 0x0001000100010001) >> 48
}

// rankSorted ranks more than maxFastVendor vendors. Their keys carry the vendor index in the
// lowest bigIdxBits bits (at least keyIdxBits), so a sort (blockSort) orders them by their leading bits;
// runs of keys whose leading bits agree (totals within ≈2⁻⁴⁶ · 2^(bigIdxBits−6) relative, rare)
// are settled by comparing totalKey, so each rank is exactly 1 + the number of vendors whose
// totalKey is strictly greater, as in the paths for fewer vendors. Pairwise winning counts are
// not taken here: beyond maxFastVendor they come from a second run over the contenders
// (RunSMAA).
func (w *smaaWorker) rankSorted() {
	m, n := w.s.m, w.s.n
	ib := w.s.bigIdxBits
	mask := uint64(1)<<ib - 1
	keys := w.keys[:w.s.rankSize]
	tot := w.tot[:m]
	for i, t := range tot {
		keys[i] = math.Float64bits(t)&^mask | uint64(i)
	}
	w.s.rankSort(keys) // highest first
	for p := 0; p < m; {
		hi := keys[p] >> ib
		q := p + 1
		for q < m && keys[q]>>ib == hi {
			q++
		}
		if q == p+1 {
			w.countRank(int(keys[p]&mask), p, m, n)
			p = q
			continue
		}
		for a := p; a < q; a++ { // a coarse tie: rank inside the run by totalKey
			va := int(keys[a] & mask)
			ka := totalKey(tot[va])
			r := p
			for b := p; b < q; b++ {
				if totalKey(tot[int(keys[b]&mask)]) > ka {
					r++
				}
			}
			w.countRank(va, r, m, n)
		}
		p = q
	}
}

// countRank counts vendor v at rank r+1 (and its weights when it is first).
func (w *smaaWorker) countRank(v, r, m, n int) {
	w.rankCount[v*m+r]++
	if r == 0 {
		w.addCentral(v, n)
	}
}
