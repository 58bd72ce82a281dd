package ui

import (
	"math"

	"ccselect/model"
)

// workbench is the session (session.go) under the name the panes were written against.
type workbench = session

// newWorkbench compiles ev under its active profile with mean consensus and the weighted sum.
func newWorkbench(id int64, ev *model.Evaluation, actor string) (*workbench, error) {
	w := &workbench{id: id, reviewer: -1}
	if err := w.load(ev, actor); err != nil {
		return nil, err
	}
	return w, nil
}

// load replaces the evaluation (after a reload) in place, so panes keep their pointer; the
// current reviewer is kept when it still exists. On error nothing changes.
func (w *workbench) load(ev *model.Evaluation, actor string) error {
	p, err := model.NewProblem(ev, "", model.ConsensusMean, model.WSM{})
	if err != nil {
		return err
	}
	applyDraft(ev, p) // an unsaved weight draft ranks, as on the Weights tab
	prevReviewer := w.reviewerID()
	w.ev, w.prob = ev, p
	f := &ev.Framework
	w.dimCrit = make([][]int, len(f.Dimensions))
	for c := range f.Criteria {
		d := p.CritDim[c]
		w.dimCrit[d] = append(w.dimCrit[d], c)
	}
	if len(w.byVendor) != len(ev.Vendors) {
		w.byVendor = make([]int, len(ev.Vendors))
		w.rankNow = make([]int, len(ev.Vendors))
		w.prevRank = nil
	}
	w.reviewer = pickReviewer(ev, prevReviewer, actor)
	w.changed()
	return nil
}

// pickReviewer keeps the previous reviewer if it still exists, else the one named like the
// actor, else the first.
func pickReviewer(ev *model.Evaluation, id, actor string) int {
	if id != "" {
		if i := ev.ReviewerIndex(id); i >= 0 {
			return i
		}
	}
	for i, r := range ev.Reviewers {
		if actor != "" && (r.ID == actor || r.Name == actor) {
			return i
		}
	}
	if len(ev.Reviewers) > 0 {
		return 0
	}
	return -1
}

// rerank runs the engine and refreshes the lookups; it does not allocate in steady state.
func (w *workbench) rerank() {
	w.res = w.prob.Rank()
	for i := range w.res.Vendors {
		l := &w.res.Vendors[i]
		w.byVendor[l.Vendor] = i
		w.rankNow[l.Vendor] = l.Rank
	}
}

// line returns the ranking line of vendor v.
func (w *workbench) line(v int) *model.VendorResult { return &w.res.Vendors[w.byVendor[v]] }

// reviewerID is the id of the current reviewer ("" when there is none).
func (w *workbench) reviewerID() string {
	if w.reviewer < 0 || w.reviewer >= len(w.ev.Reviewers) {
		return ""
	}
	return w.ev.Reviewers[w.reviewer].ID
}

// cycleReviewer makes the next reviewer current.
func (w *workbench) cycleReviewer() {
	if n := len(w.ev.Reviewers); n > 0 {
		w.reviewer = (w.reviewer + 1) % n
	}
}

// remember snapshots the ranks before an edit so the strip can show what moved.
func (w *workbench) remember() {
	if w.prevRank == nil {
		w.prevRank = make([]int, len(w.rankNow))
	}
	copy(w.prevRank, w.rankNow)
}

// movement is how many places vendor v moved with the last edit (positive = up).
func (w *workbench) movement(v int) int {
	if w.prevRank == nil || v >= len(w.prevRank) {
		return 0
	}
	a, b := w.prevRank[v], w.rankNow[v]
	if a == 0 || b == 0 {
		return 0
	}
	return a - b
}

// setScore records the current reviewer's value (with note and evidence) for vendor v,
// criterion c, re-ranks, and returns the score to persist.
func (w *workbench) setScore(v, c int, value float64, note, evidence string) model.Score {
	sc := model.Score{
		Vendor:    w.ev.Vendors[v].ID,
		Criterion: w.ev.Framework.Criteria[c].ID,
		Reviewer:  w.reviewerID(),
		Value:     value, Note: note, Evidence: evidence,
	}
	if s, ok := w.ev.ScoreOf(sc.Vendor, sc.Criterion, sc.Reviewer); ok {
		*s = sc
	} else {
		w.ev.Scores = append(w.ev.Scores, sc)
	}
	w.remember()
	w.prob.SetRaw(v, c, w.reviewer, value)
	w.changed()
	return sc
}

// score returns the current reviewer's score of a cell, if any.
func (w *workbench) score(v, c int) (*model.Score, bool) {
	if w.reviewer < 0 {
		return nil, false
	}
	return w.ev.ScoreOf(w.ev.Vendors[v].ID, w.ev.Framework.Criteria[c].ID, w.reviewerID())
}

// clearScore removes the current reviewer's value of a cell and re-ranks; ok is false when
// there was nothing to clear.
func (w *workbench) clearScore(v, c int) (vendor, criterion, reviewer string, ok bool) {
	vendor, criterion, reviewer = w.ev.Vendors[v].ID, w.ev.Framework.Criteria[c].ID, w.reviewerID()
	for i := range w.ev.Scores {
		s := &w.ev.Scores[i]
		if s.Vendor == vendor && s.Criterion == criterion && s.Reviewer == reviewer {
			w.ev.Scores = append(w.ev.Scores[:i], w.ev.Scores[i+1:]...)
			w.remember()
			w.prob.SetRaw(v, c, w.reviewer, math.NaN())
			w.changed()
			return vendor, criterion, reviewer, true
		}
	}
	return vendor, criterion, reviewer, false
}

// dimWeight is the weight of dimension d in the active profile.
func (w *workbench) dimWeight(d int) float64 { return w.prob.DimWeights()[d] }

// ranked counts the vendors that are not excluded.
func (w *workbench) ranked() int {
	n := 0
	for i := range w.res.Vendors {
		if !w.res.Vendors[i].Excluded {
			n++
		}
	}
	return n
}
