package ui

import (
	"hash/fnv"
	"math"

	"ccselect/internal/present"
	"ccselect/model"
)

// session is the open evaluation and everything derived from it that more than one pane reads:
// the evaluation as loaded, the compiled Problem (consensus rule and active profile included),
// its ranking, the draft of unsaved weight edits (Evaluation.Draft) and one cached analysis
// (leader break-evens, tornado, robustness sentence, the last SMAA result). Every change goes
// through a method that bumps the revision, so whatever was computed at an older revision is
// recomputed once, on the first read after the change, and never by a pane.
//
// Edits change the evaluation, the problem and the ranking at once (optimistically, before the
// store confirms), so the ranking moves on the keystroke that caused it. The type is also
// known as workbench (workbench.go), the name the panes were written against.
type session struct {
	id   int64
	ev   *model.Evaluation
	prob *model.Problem
	res  *model.Result // owned by prob, refreshed by rerank

	dimCrit  [][]int // per dimension: its criterion indexes in display order
	byVendor []int   // vendor index → position in res.Vendors
	prevRank []int   // vendor index → rank before the last edit (0 = excluded); nil before any edit
	rankNow  []int   // vendor index → current rank

	reviewer int // index of the current reviewer; -1 when there is none

	// rev counts changes of the data the ranking reads (every load, score and weight edit):
	// the analysis and an SMAA result know the revision they describe.
	rev int

	an   *analysis // a new one per revision, so a pane holding the previous one can compare
	smaa keptSMAA
}

// analysis is what the Overview and Sensitivity panes show about how firm the ranking is,
// computed at revision rev. Only the shown parts are computed: the leader's nearest
// break-evens per weight (model.LeaderReport, not every pairwise reversal), the tornado, and
// the robustness sentence.
type analysis struct {
	rev     int
	params  []model.WeightParam // the Sensitivity picker: dimensions, then criteria that carry weight
	be      *model.BreakEvenReport
	tornado model.TornadoResult
	print   uint64 // fingerprint of what SMAA reads (see fingerprint)

	summary   model.Text // the robustness sentence; summaryOf says for which SMAA result
	summaryOf *model.SMAAResult
	summaryOK bool
}

// keptSMAA is the last finished SMAA run: its result, the fingerprint of the data it ran on
// and the revision at which it was started.
type keptSMAA struct {
	res   *model.SMAAResult
	print uint64
	rev   int
}

// Revision is the number of changes since the session opened; it grows with every change of
// what the ranking reads.
func (s *session) Revision() int { return s.rev }

// changed records a change of the data: the ranking is recomputed now, the analysis on its
// next read.
func (s *session) changed() {
	s.rev++
	s.rerank()
}

// Analysis is the analysis at the current revision, computed at most once per revision.
func (s *session) Analysis() *analysis {
	if s.an != nil && s.an.rev == s.rev {
		return s.an
	}
	prob := s.prob
	a := &analysis{rev: s.rev}
	for _, w := range model.WeightParams(prob) {
		if w.Kind == model.ParamCriterion && (w.Current <= 0 || prob.DimWeights()[prob.CritDim[w.Index]] <= 0) {
			continue // not part of this profile: its line would say nothing about the ranking
		}
		a.params = append(a.params, w)
	}
	a.be = model.LeaderReport(prob)
	a.tornado = model.Tornado(prob)
	a.print = fingerprint(prob)
	s.an = a
	return a
}

// breakEven is the leader break-even of parameter w (from the analysis' params), or nil.
func (a *analysis) breakEven(p *model.Problem, w model.WeightParam) *model.BreakEven {
	i := w.Index
	if w.Kind == model.ParamCriterion {
		i += p.ND
	}
	if i < len(a.be.BreakEvens) {
		return &a.be.BreakEvens[i]
	}
	return nil
}

// SMAA is the last SMAA result if it still describes the data (an edit undone by hand makes
// it current again), else nil.
func (s *session) SMAA() *model.SMAAResult {
	if s.smaa.res == nil || s.smaa.print != s.Analysis().print {
		return nil
	}
	return s.smaa.res
}

// SMAAStale reports a result computed on data that has changed since.
func (s *session) SMAAStale() bool {
	return s.smaa.res != nil && s.smaa.print != s.Analysis().print
}

// keepSMAA stores a finished run started on data with fingerprint print at revision rev.
func (s *session) keepSMAA(res *model.SMAAResult, print uint64, rev int) {
	s.smaa = keptSMAA{res: res, print: print, rev: rev}
}

// Robustness is the robustness sentence: break-evens always, plus the SMAA first-place share
// once a run has finished on the data as it is now.
func (s *session) Robustness() model.Text {
	a := s.Analysis()
	sm := s.SMAA()
	if !a.summaryOK || a.summaryOf != sm {
		a.summary, a.summaryOf, a.summaryOK = present.Robustness(s.prob, a.be, sm), sm, true
	}
	return a.summary
}

// SetDraftWeights puts unsaved weights (dimension weights and local criterion weights, in
// framework order) into effect: the ranking and the analysis follow, and Evaluation.Draft
// records them under the active profile's name until they are saved or discarded. Invalid
// weights are refused and change nothing.
func (s *session) SetDraftWeights(dim, local []float64) error {
	if err := s.prob.SetWeights(dim, local); err != nil {
		return err
	}
	f := &s.ev.Framework
	d := &model.WeightProfile{Name: s.prob.Profile, Dimensions: make(map[string]float64, len(dim)),
		Criteria: make(map[string]float64, len(local))}
	if old := s.ev.Draft; old != nil {
		d.Locked = old.Locked
	} else if act, err := s.ev.Active(); err == nil {
		d.Locked = act.Locked
	}
	for i, x := range dim {
		d.Dimensions[f.Dimensions[i].ID] = x
	}
	for i, x := range local {
		d.Criteria[f.Criteria[i].ID] = x
	}
	s.ev.Draft = d
	s.remember()
	s.changed()
	return nil
}

// Draft is the weight edit in progress (nil when there is none).
func (s *session) Draft() *model.WeightProfile { return s.ev.Draft }

// DiscardDraft drops the draft and puts the active profile's weights back into effect.
func (s *session) DiscardDraft() error {
	prof, err := s.ev.Profile(s.prob.Profile)
	if err != nil {
		return err
	}
	f := &s.ev.Framework
	dim, local := make([]float64, s.prob.ND), make([]float64, s.prob.NC)
	for i, d := range f.Dimensions {
		dim[i] = prof.Dimensions[d.ID]
	}
	for i, c := range f.Criteria {
		local[i] = prof.Criteria[c.ID]
	}
	if err := s.prob.SetWeights(dim, local); err != nil {
		return err
	}
	s.ev.Draft = nil
	s.remember()
	s.changed()
	return nil
}

// fingerprint hashes everything an SMAA run reads: vendors, weights, reviewer values and the
// consensus scores and knock-out status derived from them. A result whose fingerprint differs
// from the data's is stale; an edit undone by hand (3 → 4 → 3) makes it current again.
func fingerprint(p *model.Problem) uint64 {
	h := fnv.New64a()
	var buf [8]byte
	put := func(x float64) {
		b := math.Float64bits(x)
		for i := range buf {
			buf[i] = byte(b >> (8 * i))
		}
		h.Write(buf[:])
	}
	put(float64(p.NV))
	put(float64(p.NC))
	put(float64(p.NR))
	for _, v := range p.Eval.Vendors {
		h.Write([]byte(v.ID))
		h.Write([]byte{0})
	}
	for _, w := range p.DimWeights() {
		put(w)
	}
	for _, w := range p.Weights() {
		put(w)
	}
	for v := 0; v < p.NV; v++ {
		for c := 0; c < p.NC; c++ {
			for r := 0; r < p.NR; r++ {
				put(p.Raw(v, c, r))
			}
		}
	}
	for _, s := range p.Scores() {
		put(s)
	}
	for _, l := range p.Rank().Vendors {
		if l.Excluded {
			put(float64(l.Vendor))
		}
	}
	return h.Sum64()
}
