package model

import (
	"context"
	"math/bits"
	"math/rand/v2"
	"slices"
)

// The SMAA inner loop. Everything a worker touches per sample lives in its own preallocated
// buffers, so a sample allocates nothing; every accumulator is an integer, so merging workers
// is exact and order-free.

// fixedOne is the fixed-point unit of the central-weight sums: a weight w adds round(w·2³²).
// 2³¹ samples × 2³² fit in a uint64, and the rounding (≤ 2⁻³³ per draw) is far below sampling
// noise. Integer sums make the result independent of how chunks are split among workers.
const fixedOne = 1 << 32

// ordinalTie: current weights closer than this are equally important for ordinal draws (the
// same preset weight summed in a different order differs in the last bits).
const ordinalTie = 1e-9

// smaaSetup is the read-only, dense form of a problem that every worker shares.
type smaaSetup struct {
	m, n     int // ranked vendors, drawn weights
	vendors  []int
	ids      []string
	paramIDs []string
	mode     SMAAWeights
	around   float64   // AroundPct / 100
	cur      []float64 // current weights of the drawn parameters (sum 1)
	order    []int     // parameters by current weight, heaviest first (ordinal mode)
	// ties lists the runs of order whose current weights are equal, as [start, end) pairs of
	// positions (ordinal mode): they carry no order, so each draw shuffles them.
	ties []int
	// E[j*mp+i] is what vendor i earns per unit of weight j: its score on criterion j, or its
	// dimension score (local-weighted mean) on dimension j. Total_i = Σ_j w_j·E[j*mp+i]. Stored
	// by weight (column-major), so the totals of consecutive vendors are one vector operation;
	// mp = padRows(m), and the padding vendors are zero.
	E     []float64
	mp    int
	cells []uncertainCell

	// The sorts of a draw (see smaa_sortnet.go): the simplex's n−1 uniforms go through uSort
	// on a buffer of uSize keys, unless there are too many (expSimplex); the m rank keys go
	// through rankSort on rankSize keys (beyond maxFastVendor: rankSorted, whose keys carry the
	// vendor index in the lowest bigIdxBits bits, sorted by a blockSort with its scratch).
	uSort      func([]uint64)
	uSize      int
	expSimplex bool
	rankSort   func([]uint64)
	rankSize   int
	bigIdxBits int
}

// uncertainCell is one cell whose reviewers disagree: its consensus is redrawn per sample.
type uncertainCell struct {
	i, j     int       // ranked vendor (−1: drawn but not applied, see contenderSetup), parameter
	coef     float64   // change of E[i*n+j] per score point (local weight, or 1)
	base     float64   // consensus score already inside E
	lo, span float64   // reviewers' raw range
	vf       []vfPoint // compiled value function; nil for a rating
}

func newSMAASetup(p *Problem, opt *SMAAOptions) *smaaSetup {
	res := p.Rank()
	scores := p.Scores()
	s := &smaaSetup{mode: opt.Weights, around: opt.AroundPct / 100}
	for i := range res.Vendors {
		if !res.Vendors[i].Excluded {
			s.vendors = append(s.vendors, res.Vendors[i].Vendor)
		}
	}
	slices.Sort(s.vendors)
	s.m = len(s.vendors)
	for _, v := range s.vendors {
		s.ids = append(s.ids, p.Eval.Vendors[v].ID)
	}
	f := &p.Eval.Framework
	paramOf := make([]int, p.NC) // criterion → parameter, -1 when it carries no weight
	coefOf := make([]float64, p.NC)
	if opt.Level == LevelDimensions {
		dimParam := make([]int, p.ND)
		for d := 0; d < p.ND; d++ {
			dimParam[d] = -1
			if p.DimWeights()[d] > 0 {
				dimParam[d] = len(s.paramIDs)
				s.paramIDs = append(s.paramIDs, f.Dimensions[d].ID)
				s.cur = append(s.cur, p.DimWeights()[d])
			}
		}
		for c := 0; c < p.NC; c++ {
			paramOf[c], coefOf[c] = dimParam[p.CritDim[c]], p.Local()[c]
			if p.Local()[c] <= 0 {
				paramOf[c] = -1
			}
		}
	} else {
		for c := 0; c < p.NC; c++ {
			paramOf[c], coefOf[c] = -1, 1
			if p.Weights()[c] > 0 {
				paramOf[c] = len(s.paramIDs)
				s.paramIDs = append(s.paramIDs, f.Criteria[c].ID)
				s.cur = append(s.cur, p.Weights()[c])
			}
		}
	}
	s.n = len(s.paramIDs)
	sum := 0.0
	for _, x := range s.cur {
		sum += x
	}
	for j := range s.cur {
		s.cur[j] /= sum
	}
	s.order = make([]int, s.n)
	for j := range s.order {
		s.order[j] = j
	}
	slices.SortStableFunc(s.order, func(a, b int) int {
		switch {
		case s.cur[a] > s.cur[b]:
			return -1
		case s.cur[a] < s.cur[b]:
			return 1
		}
		return 0
	})
	for k := 0; k < s.n; {
		end := k + 1
		for end < s.n && s.cur[s.order[k]]-s.cur[s.order[end]] <= ordinalTie {
			end++
		}
		if end-k > 1 {
			s.ties = append(s.ties, k, end)
		}
		k = end
	}
	s.mp = padRows(s.m)
	s.E = make([]float64, s.mp*s.n) // zero vendors up to a whole block (see totals)
	for i, v := range s.vendors {
		for c := 0; c < p.NC; c++ {
			j := paramOf[c]
			if j < 0 {
				continue
			}
			sc := scores[v*p.NC+c]
			s.E[j*s.mp+i] += coefOf[c] * sc
			if opt.Uncertainty != UncertaintyReviewers {
				continue
			}
			st := p.Cell(v, c)
			if st.N < 2 || !(st.Max > st.Min) {
				continue
			}
			s.cells = append(s.cells, uncertainCell{i: i, j: j, coef: coefOf[c], base: sc,
				lo: st.Min, span: st.Max - st.Min, vf: p.vf[c]})
		}
	}
	s.setupSorts()
	return s
}

// setupSorts picks the sorting network for each sort of a draw.
func (s *smaaSetup) setupSorts() {
	if s.n-1 <= maxUnrolledSort {
		s.uSort, s.uSize = unrolledSort(max(0, s.n-1))
	} else {
		s.expSimplex = true
	}
	switch {
	case s.m <= maxUnrolledSort:
		s.rankSort, s.rankSize = unrolledSort(s.m)
	case s.m <= maxFastVendor:
		s.rankSort, s.rankSize = newHalvesSort(s.m).sort, s.m
	default:
		bs := newBlockSort(s.m)
		s.rankSort, s.rankSize = bs.sort, s.m+bs.scratch()
		s.bigIdxBits = max(keyIdxBits, bits.Len(uint(s.m-1)))
	}
}

func (s *smaaSetup) uncertain() bool { return len(s.cells) > 0 }

// smaaWorker owns one goroutine's random stream, scratch buffers and accumulators.
type smaaWorker struct {
	_   cacheLinePad // keep the hot fields off the cache lines of neighbouring allocations
	s   *smaaSetup
	rng rand.PCG
	u   []float64 // n scratch floats (ordinal mode)
	r   []uint64  // uSize 53-bit uniforms, sorted in place (padding zeros at the end)
	w   []float64 // n drawn weights
	tot []float64 // m totals, then zeros for the padding rows of E
	E   []float64 // this sample's E (the shared one unless scores are drawn)
	own []float64 // own copy of E for score draws
	rankState

	rankCount []uint64 // [i*m+r]: draws with vendor i at rank r+1
	central   []uint64 // [i*n+j]: fixed-point sum of weight j over draws where i ranks first
	confWins  []uint64 // [i]: confidence-pass draws in which i ranks first
	_         cacheLinePad
}

func (s *smaaSetup) newWorker() *smaaWorker {
	w := &smaaWorker{s: s, u: apart[float64](s.n), r: apart[uint64](s.uSize), w: apart[float64](s.n),
		tot: apart[float64](padRows(s.m)), E: s.E, rankState: newRankState(s.m, s.rankSize),
		rankCount: apart[uint64](s.m * s.m), central: apart[uint64](s.m * s.n), confWins: apart[uint64](s.m)}
	if s.uncertain() {
		w.own = apart[float64](len(s.E))
		w.E = w.own
	}
	return w
}

// seed starts the stream of chunk k of a pass: both PCG words are hashed from (seed, pass, k)
// so neighbouring chunks get unrelated streams.
func (w *smaaWorker) seed(seed, pass, k uint64) {
	a := splitmix64(seed ^ splitmix64(k<<1|pass))
	w.rng.Seed(a, splitmix64(a^0x6a09e667f3bcc909))
}

// cancelEvery is how many samples a worker draws between looks at its context: about 64k cells
// of work, so that Ctrl+C stops a run within a millisecond or so at any shape. Every 1,024 samples
// was 0.2 s at 200 vendors × 100 criteria with reviewer uncertainty (0.2 ms a sample); a look costs
// ≈20 ns, noise beside even the smallest sample. How often it looks never changes what is drawn.
func (s *smaaSetup) cancelEvery() int {
	return max(1, min(1024, (64<<10)/max(1, len(s.E)+len(s.cells))))
}

func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// uniform returns a float in [0,1) with 53 random bits.
func (w *smaaWorker) uniform() float64 { return float64(w.rng.Uint64()>>11) * 0x1p-53 }

// runChunk draws cnt samples (of the confidence pass when conf is set); false when ctx ended.
func (w *smaaWorker) runChunk(ctx context.Context, cnt int, conf *confidencePass) bool {
	done := ctx.Done()
	every := w.s.cancelEvery()
	for t, next := 0, 0; t < cnt; t++ {
		if t == next && done != nil {
			next += every
			select {
			case <-done:
				return false
			default:
			}
		}
		if conf != nil {
			w.confidenceSample(conf)
		} else {
			w.sample()
		}
	}
	w.flushBlock()
	return true
}

// sample is one SMAA draw: scores (if uncertain), weights, totals, ranks, counts.
func (w *smaaWorker) sample() {
	if w.own != nil {
		w.drawScores()
	}
	w.drawWeights()
	w.totals(w.w)
	w.rank()
}

// drawWeights fills w.w according to the weight mode.
func (w *smaaWorker) drawWeights() {
	s := w.s
	n := s.n
	switch s.mode {
	case WeightsAround:
		sum := 0.0
		for j, c := range s.cur {
			x := c * (1 + s.around*(2*w.uniform()-1))
			w.w[j] = x
			sum += x
		}
		if sum == 0 { // every weight drawn at exactly −100%: keep the current ones
			copy(w.w, s.cur)
			sum = 1
		}
		inv := 1 / sum
		for j := range w.w {
			w.w[j] *= inv
		}
	case WeightsOrdinal:
		w.simplex()
		// Sort the uniform draw descending and hand the largest to the most important weight.
		// Tied weights share their run of values in a random order: the region "groups in order,
		// free inside a group" is the union of the equally large fully ordered cones, one per
		// order inside the groups.
		u := w.u[:n]
		copy(u, w.w)
		insertionSortDesc(u)
		for t := 0; t < len(s.ties); t += 2 {
			run := u[s.ties[t]:s.ties[t+1]]
			for k := len(run) - 1; k > 0; k-- { // Fisher–Yates
				hi, _ := bits.Mul64(w.rng.Uint64(), uint64(k+1))
				run[k], run[hi] = run[hi], run[k]
			}
		}
		for k, j := range s.order {
			w.w[j] = u[k]
		}
	default:
		w.simplex()
	}
}

// simplex draws w.w uniformly on the simplex (the uniform Dirichlet distribution). Up to
// maxUnrolledSort+1 weights: the gaps between n−1 sorted uniforms on [0,1], kept as 53-bit
// integers so the gaps convert to floats exactly (the normalised-independent-uniforms shortcut
// is not uniform and is not used). Beyond: n independent exponential draws divided by their sum,
// the same distribution (Devroye 1986, "Non-Uniform Random Variate Generation", ch. V, Thm 2.2)
// without a sort (n = 100: ≈0.6 µs against ≈9.5 µs for the insertion sort of sampler v1),
// but a different random stream: that is sampler v2 (SMAASamplerVersion).
func (w *smaaWorker) simplex() {
	n := w.s.n
	wt := w.w[:n]
	if w.s.expSimplex {
		sum := 0.0
		for j := range wt {
			e := expFloat64(&w.rng) // rand.Rand's ExpFloat64 on rng, without its interface call
			wt[j] = e
			sum += e
		}
		inv := 1 / sum
		for j := range wt {
			wt[j] *= inv
		}
		return
	}
	d := w.r[:w.s.uSize]
	for j := range n - 1 {
		d[j] = w.rng.Uint64() >> 11
	}
	clear(d[n-1:])
	w.s.uSort(d) // descending: d[n−2] is the smallest uniform
	// The gaps from 0 upwards, in the order the ascending sort of sampler v1 gave them, so small
	// problems keep their v1 stream bit for bit.
	prev := uint64(0)
	for j := range n - 1 {
		cur := d[n-2-j]
		wt[j] = float64(cur-prev) * 0x1p-53
		prev = cur
	}
	wt[n-1] = float64(1<<53-prev) * 0x1p-53
}

func insertionSortDesc(s []float64) {
	for i := 1; i < len(s); i++ {
		x := s[i]
		j := i
		for j > 0 && s[j-1] < x {
			s[j] = s[j-1]
			j--
		}
		s[j] = x
	}
}

// drawScores redraws every uncertain cell into the worker's own copy of E.
func (w *smaaWorker) drawScores() {
	s := w.s
	copy(w.own, s.E)
	for k := range s.cells {
		c := &s.cells[k]
		x := c.lo + c.span*w.uniform()
		if c.i < 0 {
			continue
		}
		var sc float64
		if c.vf != nil {
			sc = valueAt(c.vf, x)
		} else {
			sc = clampScore(x)
		}
		w.own[c.j*s.mp+c.i] += c.coef * (sc - c.base)
	}
}

// padRows rounds m up to whole blocks of totals.
func padRows(m int) int { return (m + 3) &^ 3 }

// totals computes every vendor's weighted sum under weights wt into w.tot, each summed in
// weight order (t = 0; t += w_j·E_ij for j = 0, 1, …, every product rounded before the add), so
// results never depend on the worker or the path. With AVX (smaa_totals_amd64.s) 16 vendors go
// together in four 4-wide registers, each weight broadcast once: at 50 × 100 ≈4× the scalar
// loop, whose four add chains (one per vendor of a block) were bound by the add latency.
func (w *smaaWorker) totals(wt []float64) {
	n, mp := w.s.n, w.s.mp
	if useAVX && n > 0 && mp > 0 {
		wt = wt[:n]
		_ = w.E[n*mp-1]
		_ = w.tot[mp-1]
		totalsAVX(&w.E[0], &wt[0], &w.tot[0], n, mp)
		return
	}
	totalsGo(w.E, wt, w.tot, n, mp)
}

// totalsGo is the portable totals: four vendors at a time, four independent add chains. E has
// zero vendors up to a multiple of four, so there is no one-vendor tail. float64(x*e) keeps the
// compiler from fusing the multiply and the add (it may on GOAMD64=v3), so this path and the
// vector one round alike.
func totalsGo(E, wt, tot []float64, n, mp int) {
	wt = wt[:n]
	tot = tot[:mp]
	E = E[:n*mp]
	for i := 0; i+4 <= mp; i += 4 {
		var s0, s1, s2, s3 float64
		for j, x := range wt {
			e := E[j*mp+i:][:4]
			s0 += float64(x * e[0])
			s1 += float64(x * e[1])
			s2 += float64(x * e[2])
			s3 += float64(x * e[3])
		}
		t := tot[i:][:4]
		t[0], t[1], t[2], t[3] = s0, s1, s2, s3
	}
}

// confidenceSample draws scores once and checks, for every vendor with central weights,
// whether it ranks first under them.
func (w *smaaWorker) confidenceSample(conf *confidencePass) {
	w.drawScores()
	m, n := w.s.m, w.s.n
	for i := 0; i < m; i++ {
		if !conf.has[i] {
			continue
		}
		w.totals(conf.central[i*n : i*n+n])
		if w.firstIs(i) {
			w.confWins[i]++
		}
	}
}

// firstIs reports whether no total is strictly above vendor i's (compared as rank compares).
func (w *smaaWorker) firstIs(i int) bool {
	ki := totalKey(w.tot[i])
	for _, tk := range w.tot[:w.s.m] {
		if totalKey(tk) > ki {
			return false
		}
	}
	return true
}

// confidenceOnce evaluates the central weights on the consensus scores (no score uncertainty):
// 1 when the vendor ranks first there, else 0.
func (s *smaaSetup) confidenceOnce(central []float64, has []bool) []int {
	w := s.newWorker()
	out := make([]int, s.m)
	for i := range has {
		if !has[i] {
			continue
		}
		w.totals(central[i*s.n : (i+1)*s.n])
		if w.firstIs(i) {
			out[i] = 1
		}
	}
	return out
}

// merge adds another worker's accumulators into w.
func (w *smaaWorker) merge(o *smaaWorker) {
	for i := range w.rankCount {
		w.rankCount[i] += o.rankCount[i]
	}
	for i := range w.win {
		w.win[i] += o.win[i]
	}
	for i := range w.central {
		w.central[i] += o.central[i]
	}
	for i := range w.confWins {
		w.confWins[i] += o.confWins[i]
	}
}

// contenderSetup is the setup of a run that only counts pairwise wins among the ranked vendors
// at positions pos (at most maxFastVendor): their rows of E, and every uncertain cell still
// drawn (so the random stream is the one of the full run, draw for draw) but applied only to
// contenders. Run with the same seed, its draws are those of the full run, and each of its
// totals is computed exactly as there (same row, same order), so its pairwise counts equal the
// full run's on those pairs.
func (s *smaaSetup) contenderSetup(pos []int) *smaaSetup {
	t := *s
	t.m = len(pos)
	t.vendors, t.ids = nil, nil
	t.mp = padRows(t.m)
	t.E = make([]float64, t.mp*s.n)
	at := make([]int, s.m)
	for i := range at {
		at[i] = -1
	}
	for a, i := range pos {
		at[i] = a
		for j := range s.n {
			t.E[j*t.mp+a] = s.E[j*s.mp+i]
		}
	}
	t.cells = make([]uncertainCell, len(s.cells))
	for k, c := range s.cells {
		c.i = at[c.i]
		t.cells[k] = c
	}
	t.rankSort, t.rankSize, t.bigIdxBits = nil, 0, 0
	t.setupSorts()
	return &t
}
