package model

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// SMAA-2 (Lahdelma & Salminen 2001, "SMAA-2: Stochastic multicriteria acceptability analysis for
// group decision making", Operations Research 49(3)): draw weight vectors (and optionally
// scores), rank the vendors under each draw, and count.
//
//   - rank acceptability b_i^r: share of draws in which vendor i has rank r, where rank is
//     1 + the number of vendors with a strictly greater total (tied vendors share a rank;
//     totals within ≈1e-14 relative of each other, i.e. equal but for rounding, tie — see
//     smaa_rank.go);
//   - central weight vector w_i^c: mean weight vector of the draws in which i ranks first;
//   - confidence factor p_i^c: share of score draws in which i ranks first under w_i^c;
//   - pairwise winning index: share of draws in which i's total is strictly above k's.
//
// Only the weighted sum is simulated, and only vendors that pass the knock-outs take part
// (knock-outs read the consensus, which score uncertainty does not move).

// SMAALevel says which weights are drawn.
type SMAALevel int

const (
	// LevelDimensions draws the dimension weights and keeps each dimension's local ratios.
	LevelDimensions SMAALevel = iota
	// LevelCriteria draws the global criterion weights directly.
	LevelCriteria
)

// SMAAWeights is the weight distribution.
type SMAAWeights int

const (
	// WeightsUniform: uniform on the simplex (no preference information).
	WeightsUniform SMAAWeights = iota
	// WeightsOrdinal: uniform on the part of the simplex that keeps the current order of
	// importance. Equal current weights (within 1e-9) are equally important: they keep their
	// place against the others but are not ordered among themselves.
	WeightsOrdinal
	// WeightsAround: each weight uniform within ±AroundPct% of its current value, then the
	// vector is divided by its sum. The renormalisation keeps the draws on the simplex, so a
	// weight can end slightly outside its ±band; it is the usual "imprecise weights" reading.
	WeightsAround
)

// SMAAUncertainty is the score model.
type SMAAUncertainty int

const (
	// UncertaintyNone uses the consensus scores as they are.
	UncertaintyNone SMAAUncertainty = iota
	// UncertaintyReviewers draws each cell's consensus raw value (or rating) uniformly between
	// that cell's lowest and highest reviewer value, then maps it through the criterion's
	// value function. Cells scored by fewer than two reviewers, or unanimously, stay fixed.
	UncertaintyReviewers
)

// SMAASamplerVersion names the random stream of RunSMAA: under one version, the same problem,
// options and seed give bit-identical results on any machine load and worker count. Reports
// carry it so a figure can be reproduced. v2 draws uniform weights for more than 33 parameters
// by exponential spacings instead of sorted uniforms (same distribution, other numbers); up to
// 33 parameters, and in every other respect, v2 draws exactly what v1 drew.
const SMAASamplerVersion = "v2"

// DefaultSMAASamples is a sensible sample count for interactive use (≈0.05 s on two cores).
const DefaultSMAASamples = 100_000

// maxSMAASamples bounds the fixed-point central-weight sums (see smaaWorker.central).
const maxSMAASamples = 1 << 31

// SMAAOptions configures RunSMAA.
type SMAAOptions struct {
	Samples     int
	Seed        uint64
	Level       SMAALevel
	Weights     SMAAWeights
	AroundPct   float64 // for WeightsAround: half-width in percent of each weight (0 < pct ≤ 100)
	Uncertainty SMAAUncertainty
	Workers     int // 0 = GOMAXPROCS; the result does not depend on it
	// Progress, when set, is called after each finished chunk with the samples done so far and
	// the total (which counts the confidence pass when it is simulated). It is called from the
	// goroutine that called RunSMAA, never concurrently.
	Progress func(done, total int)
}

// SMAAResult holds the SMAA-2 indices. Vendor-indexed slices follow Vendors.
type SMAAResult struct {
	Samples     int
	Seed        uint64
	Level       SMAALevel
	Weights     SMAAWeights
	AroundPct   float64
	Uncertainty SMAAUncertainty

	Vendors []int    // vendor indexes of the ranked (not knocked-out) vendors, in vendor order
	IDs     []string // their ids
	// Params are the ids of the weights that were drawn: dimensions or criteria whose current
	// weight is above zero (a zero weight means "not part of this profile" and stays zero).
	Params []string
	// Acceptability[i][r] is b_i^{r+1}, the share of draws in which vendor i has rank r+1.
	Acceptability [][]float64
	// CentralWeights[i][j] is the mean weight of Params[j] over the draws in which vendor i
	// ranks first; nil when it never does.
	CentralWeights [][]float64
	// Confidence[i] is p_i^c: the share of score draws in which vendor i ranks first with its
	// central weights. Without score uncertainty there is a single draw, so it is 0 or 1.
	// It is 0 for a vendor without central weights.
	Confidence []float64
	// Winning[i][k] is the share of draws in which vendor i's total is strictly above k's, for
	// i ≠ k both contenders (see Contenders and HasWinning; 0 on the diagonal). Rows of other
	// vendors are nil, and in a contender's row the columns of other vendors are 0, not computed.
	Winning [][]float64
	// Contenders are the positions (into Vendors) whose pairwise winning indices are computed,
	// in position order; nil means every vendor, which is the case when at most
	// SMAAWinningVendors are ranked. Beyond, they are the SMAAWinningVendors with the best rank
	// acceptability (compared rank by rank from the first,
	// ties to the lower position). A vendor left out is first in at most 1/(SMAAWinningVendors+1)
	// of the draws. All V² pairs would cost V² per draw and print a V × V matrix nobody reads; the
	// contenders are the vendors a decision is between.
	Contenders []int
}

// SMAAWinningVendors bounds the vendors between which pairwise winning indices are computed
// (see SMAAResult.Contenders).
const SMAAWinningVendors = maxFastVendor

// smaaContenders picks the contenders from pass 1's rank counts ([i*m+r]).
func smaaContenders(rankCount []uint64, m int) []int {
	pos := make([]int, m)
	for i := range pos {
		pos[i] = i
	}
	if m <= SMAAWinningVendors {
		return pos
	}
	slices.SortStableFunc(pos, func(a, b int) int {
		ra, rb := rankCount[a*m:(a+1)*m], rankCount[b*m:(b+1)*m]
		for r := range ra {
			if ra[r] != rb[r] {
				return cmp.Compare(rb[r], ra[r])
			}
		}
		return cmp.Compare(a, b)
	})
	pos = pos[:SMAAWinningVendors]
	slices.Sort(pos)
	return pos
}

// HasWinning reports whether the vendor at position i is a contender, i.e. has winning indices
// (against the other contenders).
func (r *SMAAResult) HasWinning(i int) bool {
	if r.Contenders == nil {
		return i >= 0 && i < len(r.IDs)
	}
	_, ok := slices.BinarySearch(r.Contenders, i)
	return ok
}

// Index returns the position of vendor id in the result, or -1.
func (r *SMAAResult) Index(id string) int {
	for i, x := range r.IDs {
		if x == id {
			return i
		}
	}
	return -1
}

// String forms used by the CLI and the JSON report.
func (l SMAALevel) String() string {
	if l == LevelCriteria {
		return "criteria"
	}
	return "dimensions"
}

func (w SMAAWeights) String() string {
	switch w {
	case WeightsOrdinal:
		return "ordinal"
	case WeightsAround:
		return "around"
	}
	return "uniform"
}

func (u SMAAUncertainty) String() string {
	if u == UncertaintyReviewers {
		return "reviewers"
	}
	return "none"
}

// ParseSMAALevel accepts "dimensions" (also "") and "criteria".
func ParseSMAALevel(s string) (SMAALevel, error) {
	switch s {
	case "", "dimensions":
		return LevelDimensions, nil
	case "criteria":
		return LevelCriteria, nil
	}
	return 0, fmt.Errorf("unknown SMAA level %q (want dimensions or criteria)", s)
}

// ParseSMAAWeights accepts "uniform" (also ""), "ordinal" and "around:PCT" (e.g. around:20 for
// ±20% of each current weight); it returns the mode and the percentage.
func ParseSMAAWeights(s string) (SMAAWeights, float64, error) {
	switch s {
	case "", "uniform":
		return WeightsUniform, 0, nil
	case "ordinal":
		return WeightsOrdinal, 0, nil
	}
	if rest, ok := strings.CutPrefix(s, "around:"); ok {
		pct, err := strconv.ParseFloat(strings.TrimSuffix(rest, "%"), 64)
		if err != nil || !(pct > 0 && pct <= 100) {
			return 0, 0, fmt.Errorf("around:%s: want a percentage above 0 and at most 100, e.g. around:20", rest)
		}
		return WeightsAround, pct, nil
	}
	return 0, 0, fmt.Errorf("unknown weight mode %q (want uniform, ordinal or around:PCT)", s)
}

// ParseSMAAUncertainty accepts "none" (also "") and "reviewers".
func ParseSMAAUncertainty(s string) (SMAAUncertainty, error) {
	switch s {
	case "", "none":
		return UncertaintyNone, nil
	case "reviewers":
		return UncertaintyReviewers, nil
	}
	return 0, fmt.Errorf("unknown score uncertainty %q (want none or reviewers)", s)
}

func (o *SMAAOptions) validate() error {
	if o.Samples < 1 || o.Samples > maxSMAASamples {
		return fmt.Errorf("SMAA samples must be between 1 and %d, got %d", maxSMAASamples, o.Samples)
	}
	if o.Level != LevelDimensions && o.Level != LevelCriteria {
		return fmt.Errorf("unknown SMAA level %d", o.Level)
	}
	switch o.Weights {
	case WeightsUniform, WeightsOrdinal:
	case WeightsAround:
		if !(o.AroundPct > 0 && o.AroundPct <= 100) {
			return fmt.Errorf("around weights need a percentage above 0 and at most 100, got %g", o.AroundPct)
		}
	default:
		return fmt.Errorf("unknown SMAA weight mode %d", o.Weights)
	}
	if o.Uncertainty != UncertaintyNone && o.Uncertainty != UncertaintyReviewers {
		return fmt.Errorf("unknown SMAA score uncertainty %d", o.Uncertainty)
	}
	if o.Workers < 0 {
		return fmt.Errorf("SMAA workers must not be negative")
	}
	return nil
}

// smaaChunk is the number of samples per chunk. Chunk k always draws from its own stream
// seeded from (seed, k), and all accumulators are integers, so the result is bit-identical
// whatever the number of workers or the order in which chunks finish.
const smaaChunk = 16384

// RunSMAA runs SMAA-2 on the problem's current weights and consensus. It reads p only before
// starting the workers; if another goroutine may change p meanwhile, pass p.Clone(). It stops
// early with ctx.Err() when ctx is cancelled.
func RunSMAA(ctx context.Context, p *Problem, opt SMAAOptions) (*SMAAResult, error) {
	if err := opt.validate(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s := newSMAASetup(p, &opt)
	res := &SMAAResult{Samples: opt.Samples, Seed: opt.Seed, Level: opt.Level, Weights: opt.Weights,
		AroundPct: opt.AroundPct, Uncertainty: opt.Uncertainty, Vendors: s.vendors, IDs: s.ids, Params: s.paramIDs}
	m, n := s.m, s.n
	res.Acceptability = make([][]float64, m)
	res.CentralWeights = make([][]float64, m)
	res.Confidence = make([]float64, m)
	res.Winning = make([][]float64, m)
	if m == 0 {
		return res, nil
	}
	if n == 0 {
		unit := "dimension"
		if opt.Level == LevelCriteria {
			unit = "criterion"
		}
		return nil, fmt.Errorf("SMAA needs at least one %s with a weight above zero", unit)
	}
	workers := opt.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	simulateConfidence := opt.Uncertainty == UncertaintyReviewers && s.uncertain()
	passes := 1
	if m > maxFastVendor {
		passes++
	}
	if simulateConfidence {
		passes++
	}
	total := passes * opt.Samples
	base := 0
	prog := func(done int) {
		if opt.Progress != nil {
			opt.Progress(base+done, total)
		}
	}

	// Pass 1: weights (and scores) → ranks.
	acc, err := runSMAAChunks(ctx, s, workers, opt.Samples, opt.Seed, nil, prog, 0)
	if err != nil {
		return nil, err
	}
	base += opt.Samples
	N := float64(opt.Samples)
	for i := 0; i < m; i++ {
		res.Acceptability[i] = make([]float64, m)
		for r := 0; r < m; r++ {
			res.Acceptability[i][r] = float64(acc.rankCount[i*m+r]) / N
		}
		if first := acc.rankCount[i*m]; first > 0 {
			cw := make([]float64, n)
			sum := 0.0
			for j := range cw {
				cw[j] = float64(acc.central[i*n+j]) / fixedOne / float64(first)
				sum += cw[j]
			}
			for j := range cw { // undo the fixed-point rounding so the vector sums to 1
				cw[j] /= sum
			}
			res.CentralWeights[i] = cw
		}
	}

	// Pairwise winning indices among the contenders: every vendor up to SMAAWinningVendors, else
	// the SMAAWinningVendors most often first, counted by a rerun of pass 1's draws over their
	// rows only.
	contenders := smaaContenders(acc.rankCount, m)
	win, wm := acc.win, m
	if m > maxFastVendor {
		res.Contenders = contenders
		acc1, err := runSMAAChunks(ctx, s.contenderSetup(contenders), workers, opt.Samples, opt.Seed, nil, prog, 0)
		if err != nil {
			return nil, err
		}
		base += opt.Samples
		win, wm = acc1.win, len(contenders)
	}
	for a, i := range contenders {
		row := make([]float64, m)
		for b, k := range contenders {
			if k != i {
				row[k] = float64(win[a*wm+b]) / N
			}
		}
		res.Winning[i] = row
	}

	// Pass 2: confidence factors.
	central := make([]float64, m*n)
	has := make([]bool, m)
	for i, cw := range res.CentralWeights {
		if cw != nil {
			copy(central[i*n:], cw)
			has[i] = true
		}
	}
	if !simulateConfidence {
		wins := s.confidenceOnce(central, has)
		for i := range wins {
			res.Confidence[i] = float64(wins[i])
		}
		return res, nil
	}
	acc2, err := runSMAAChunks(ctx, s, workers, opt.Samples, opt.Seed, &confidencePass{central: central, has: has}, prog, 0)
	if err != nil {
		return nil, err
	}
	for i := 0; i < m; i++ {
		res.Confidence[i] = float64(acc2.confWins[i]) / N
	}
	return res, nil
}

// confidencePass carries the central weight vectors into the second pass.
type confidencePass struct {
	central []float64 // [i*n+j]
	has     []bool
}

// runSMAAChunks runs `samples` draws in fixed chunks on `workers` goroutines and returns the
// merged accumulators. conf selects the confidence pass. Progress is reported from this
// goroutine as chunks finish, offset by `base`.
func runSMAAChunks(ctx context.Context, s *smaaSetup, workers, samples int, seed uint64,
	conf *confidencePass, progress func(int), base int) (*smaaWorker, error) {
	chunks := (samples + smaaChunk - 1) / smaaChunk
	workers = max(1, min(workers, chunks))
	var next atomic.Int64
	var stop atomic.Bool
	done := make(chan int, chunks)
	ws := make([]*smaaWorker, workers)
	var wg sync.WaitGroup
	phase := uint64(0)
	if conf != nil {
		phase = 1
	}
	for g := range ws {
		w := s.newWorker()
		ws[g] = w
		wg.Go(func() {
			for !stop.Load() {
				k := int(next.Add(1) - 1)
				if k >= chunks {
					return
				}
				lo := k * smaaChunk
				cnt := min(smaaChunk, samples-lo)
				w.seed(seed, phase, uint64(k))
				if !w.runChunk(ctx, cnt, conf) {
					stop.Store(true)
					return
				}
				done <- cnt
			}
		})
	}
	go func() { wg.Wait(); close(done) }()
	finished := 0
	for cnt := range done {
		finished += cnt
		progress(base + finished)
	}
	if err := ctx.Err(); err != nil && finished < samples {
		return nil, err
	}
	acc := ws[0]
	for _, w := range ws[1:] {
		acc.merge(w)
	}
	return acc, nil
}
