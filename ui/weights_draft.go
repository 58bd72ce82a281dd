package ui

import (
	"ccselect/model"
)

// The weight draft: the Weights tab edits a copy of the active profile (Evaluation.Draft), the
// compiled problem ranks with it everywhere (every tab, the sensitivity engine), and the store
// keeps it on every keystroke so quitting or a crash never loses it. Saving it as a profile is
// the decision that is audited; the draft itself is working state.

// profileVectors turns a profile into the problem's dense weights: one per dimension and one
// local weight per criterion (absent ids weigh 0, as the engine reads a profile).
func profileVectors(f *model.Framework, wp *model.WeightProfile) (dim, local []float64) {
	dim = make([]float64, len(f.Dimensions))
	for i, d := range f.Dimensions {
		dim[i] = wp.Dimensions[d.ID]
	}
	local = make([]float64, len(f.Criteria))
	for i, c := range f.Criteria {
		local[i] = wp.Criteria[c.ID]
	}
	return dim, local
}

// applyDraft makes p rank with ev's draft, when there is one (a reload or a reopened
// evaluation restores the edit in progress). A draft the problem refuses is left out: the saved
// profile is shown rather than nothing.
func applyDraft(ev *model.Evaluation, p *model.Problem) {
	if ev.Draft == nil {
		return
	}
	dim, local := profileVectors(&ev.Framework, ev.Draft)
	_ = p.SetWeights(dim, local)
}

// weightsBase is the profile the Weights tab shows: the draft if there is one, else the active
// profile.
func (w *workbench) weightsBase() *model.WeightProfile {
	if w.ev.Draft != nil {
		return w.ev.Draft
	}
	if a, err := w.ev.Active(); err == nil {
		return a
	}
	return &model.WeightProfile{Name: w.prob.Profile, Dimensions: map[string]float64{}, Criteria: map[string]float64{}}
}

// setDraft makes d the draft and ranks with it at once (before the store has it).
func (w *workbench) setDraft(d *model.WeightProfile) {
	w.ev.Draft = d
	dim, local := profileVectors(&w.ev.Framework, d)
	if err := w.prob.SetWeights(dim, local); err != nil {
		return
	}
	w.remember()
	w.rev++
	w.rerank()
}

// profileLabel is the header's name of the weights in use: "default*" while a draft of it is
// unsaved.
func profileLabel(w *workbench) string {
	if w.ev.Draft != nil {
		return w.ev.Draft.Name + "*"
	}
	return w.prob.Profile
}
