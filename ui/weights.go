package ui

import (
	"errors"
	"math"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"ccselect/internal/present"
	"ccselect/model"
)

// weightsPane is the Weights tab: the dimension weights and, below them, the local weights of
// the focused dimension's criteria, edited live into the draft, with the ranking beside them.
type weightsPane struct {
	e    *env
	keys *keyMap
	wb   *workbench

	level int // 0 the dimensions, 1 the criteria of dim
	dim   int // focused dimension
	crit  int // focused criterion, a position in wb.dimCrit[dim]

	// base is each vendor's rank when the tab was entered (the ▲/▼ marks); away says the tab
	// was left since, so the next visit takes a new base.
	base []int
	away bool

	// The leader's nearest break-even comes from the sensitivity engine (model.LeaderReport,
	// O(weights × vendors), well under a millisecond at 50 vendors): after an edit it still runs off the update loop
	// on a clone of the problem and the line follows a moment after the ranking (the ranking
	// itself moves on the keystroke). be is the latest report, for the weights of rev beRev;
	// bePending the rev a run is under way for.
	be        *model.BreakEvenReport
	beRev     int
	bePending int
	beRun     func(*model.Problem) *model.BreakEvenReport // model.LeaderReport; benchmarks replace it
}

// breakEvenMsg is a finished break-even run for the weights of rev.
type breakEvenMsg struct {
	rev int
	be  *model.BreakEvenReport
}

// breakEvenCmd starts a break-even run for the current weights.
func (p *weightsPane) breakEvenCmd() tea.Cmd {
	if p.bePending == p.wb.rev {
		return nil
	}
	p.bePending = p.wb.rev
	rev, clone, run := p.wb.rev, p.wb.prob.Clone(), p.beRun
	return toPane(tabWeights, func() tea.Msg { return breakEvenMsg{rev: rev, be: run(clone)} })
}

// weightsFor is the registry's pane function: one pane per open workbench.
func weightsFor(r *Root, _ tab) pane {
	p := paneAs[*weightsPane](r, tabWeights)
	if p == nil {
		return nil
	}
	if p.away || p.base == nil {
		p.away = false
		p.base = append(p.base[:0], r.wb.rankNow...)
	}
	return p
}

// weightsLabel is the tab's label.
func weightsLabel(r *Root, tb tab, tiny bool) string {
	return fixedLabel("tab.weights", "tab.weights.tiny")(r, tb, tiny)
}

// noteWeightsAway marks the Weights pane as left while another tab shows, so the next visit
// re-bases its rank moves (▲▼ count from the visit). It runs after every Update (settle), never
// in View.
func (r *Root) noteWeightsAway() {
	if p, ok := r.panes[tabWeights].(*weightsPane); ok && r.tab < len(r.tabs) && r.tabs[r.tab].kind != tabWeights {
		p.away = true
	}
}

// newWeightsPane is the registry's constructor for the Weights tab (one per open evaluation).
func newWeightsPane(r *Root) pane { return newWeightsPaneOf(&r.e, &r.keys, r.wb) }

// newWeightsPaneOf is the Weights pane over a session, with or without a Root (pane tests).
func newWeightsPaneOf(e *env, keys *keyMap, wb *workbench) *weightsPane {
	return &weightsPane{e: e, keys: keys, wb: wb, beRev: -1, bePending: -1, beRun: model.LeaderReport}
}

// ids of the focused level, in display order, and the focused one.
func (p *weightsPane) levelIDs() []string {
	f := &p.wb.ev.Framework
	if p.level == 0 {
		ids := make([]string, len(f.Dimensions))
		for i, d := range f.Dimensions {
			ids[i] = d.ID
		}
		return ids
	}
	cs := p.wb.dimCrit[p.dim]
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = f.Criteria[c].ID
	}
	return ids
}

func (p *weightsPane) focusIndex() int {
	if p.level == 0 {
		return p.dim
	}
	return p.crit
}

// levelMap is the weights of the focused level in profile wp.
func (p *weightsPane) levelMap(wp *model.WeightProfile) map[string]float64 {
	if p.level == 0 {
		return wp.Dimensions
	}
	return wp.Criteria
}

// levelKey is the elicitation key of the focused level.
func (p *weightsPane) levelKey() string {
	if p.level == 0 {
		return model.ElicitLevelDimensions
	}
	return p.wb.ev.Framework.Dimensions[p.dim].ID
}

// itemName is the name of a dimension or criterion id in the interface language.
func itemName(t tr, f *model.Framework, id string) string {
	if i := f.DimensionIndex(id); i >= 0 {
		return f.Dimensions[i].Name.In(t.lang)
	}
	if c, ok := f.Criterion(id); ok {
		return c.Name.In(t.lang)
	}
	return id
}

func (p *weightsPane) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(breakEvenMsg); ok {
		if m.be != nil && m.rev >= p.beRev {
			p.be, p.beRev = m.be, m.rev
		}
		if p.bePending == m.rev {
			p.bePending = -1
		}
		return nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	km, wk := p.keys, &p.keys.W
	n := len(p.levelIDs())
	switch {
	case key.Matches(k, km.Up):
		p.move(-1, n)
	case key.Matches(k, km.Down):
		p.move(1, n)
	case key.Matches(k, wk.Level):
		if p.level == 0 && len(p.wb.dimCrit[p.dim]) > 0 {
			p.level, p.crit = 1, 0
		} else {
			p.level = 0
		}
	case key.Matches(k, wk.Dec5):
		return p.step(-0.05)
	case key.Matches(k, wk.Inc5):
		return p.step(0.05)
	case key.Matches(k, wk.Dec):
		return p.step(-0.01)
	case key.Matches(k, wk.Inc):
		return p.step(0.01)
	case key.Matches(k, wk.Lock):
		return p.toggleLock()
	case key.Matches(k, wk.Exact):
		p.exactForm()
	case key.Matches(k, wk.Equal):
		return p.equalize()
	case key.Matches(k, wk.Discard):
		return p.discard()
	case key.Matches(k, wk.Save):
		p.saveForm()
	case key.Matches(k, wk.Profiles):
		p.e.open(newProfilePicker(p))
	case key.Matches(k, wk.WhatIf):
		p.openWhatIf()
	case key.Matches(k, wk.Compare):
		p.e.open(newCompareDialog(p))
	case key.Matches(k, wk.Elicit):
		p.openElicit()
	case key.Matches(k, wk.KnockOuts):
		p.openKnockouts()
	}
	return nil
}

func (p *weightsPane) move(d, n int) {
	if n == 0 {
		return
	}
	if p.level == 0 {
		p.dim = (p.dim + d + n) % n
		p.crit = 0
		return
	}
	p.crit = (p.crit + d + n) % n
}

// step moves the focused weight by delta (a fraction: 0.01 is one point). A step past what the
// locks leave stops there; a step that cannot move at all is refused with the reason.
func (p *weightsPane) step(delta float64) tea.Cmd {
	ids := p.levelIDs()
	if len(ids) == 0 {
		return nil
	}
	base := p.wb.weightsBase()
	id := ids[p.focusIndex()]
	cur := p.levelMap(base)[id]
	room := p.room(base, ids, id)
	target := math.Max(0, math.Min(cur+delta, room))
	if math.Abs(target-cur) < 1e-9 {
		if msg := p.refusal(base, ids, id, cur+delta); msg != "" {
			p.e.status(statusWarn, msg)
		}
		return nil
	}
	return p.set(id, target)
}

// room is the most id can weigh: what the locked siblings leave.
func (p *weightsPane) room(wp *model.WeightProfile, ids []string, id string) float64 {
	m := p.levelMap(wp)
	locked := 0.0
	for _, s := range ids {
		if s != id && wp.IsLocked(s) {
			locked += m[s]
		}
	}
	return math.Max(1-locked, 0)
}

// refusal says, in the user's language, why id cannot be set to w; "" when it can. The
// keyboard cases come first (a locked row, a level with nothing free to give, a step below
// 0%), with the keys to press; any other refusal is the model's own (*model.WeightError, found
// by trying the change on a copy), worded here for the percent the user typed or, for a kind
// the pane has no words for, by present.
func (p *weightsPane) refusal(wp *model.WeightProfile, ids []string, id string, w float64) string {
	t, f := p.e.t, &p.wb.ev.Framework
	name := itemName(t, f, id)
	if wp.IsLocked(id) {
		return t.f("w.err.locked", name)
	}
	free := 0
	for _, s := range ids {
		if s != id && !wp.IsLocked(s) {
			free++
		}
	}
	if free == 0 {
		return t.f("w.err.alllocked", name)
	}
	if w < -1e-9 && p.levelMap(wp)[id] < 1e-9 {
		return t.f("w.err.zero", name)
	}
	trial := wp.Clone()
	return weightErrText(t, f, p.apply(&trial, id, w))
}

// apply sets id to w on the focused level of wp (model.SetDimension / SetCriterion).
func (p *weightsPane) apply(wp *model.WeightProfile, id string, w float64) error {
	if p.level == 0 {
		return wp.SetDimension(&p.wb.ev.Framework, id, w)
	}
	return wp.SetCriterion(&p.wb.ev.Framework, id, w)
}

// weightErrText words a refused weight edit or an invalid profile in the user's language: the
// pane's own words where it says more (percent input, the keys to press), present's otherwise;
// "" for no error.
func weightErrText(t tr, f *model.Framework, err error) string {
	var we *model.WeightError
	switch {
	case err == nil:
		return ""
	case !errors.As(err, &we):
		return t.f("w.err.other", err)
	}
	name := itemName(t, f, we.ID)
	switch we.Kind {
	case model.WeightLocked:
		return t.f("w.err.locked", name)
	case model.WeightAllLocked:
		return t.f("w.err.alllocked", name)
	case model.WeightRange:
		if we.Profile == "" {
			return t.s("w.err.range")
		}
	case model.WeightNoRoom:
		return t.f("w.err.room", name, pct(we.Max), pct(1-we.Max))
	}
	return present.WeightMessage(we, name, t.lang)
}

// set makes the focused level's id weigh w in a new draft: the unlocked siblings rescale in
// proportion (model.SetDimension / SetCriterion), the ranking follows, the store keeps it.
func (p *weightsPane) set(id string, w float64) tea.Cmd {
	base := p.wb.weightsBase()
	if msg := p.refusal(base, p.levelIDs(), id, w); msg != "" {
		p.e.status(statusWarn, msg)
		return nil
	}
	d := base.Clone()
	if err := p.apply(&d, id, w); err != nil {
		p.e.status(statusWarn, weightErrText(p.e.t, &p.wb.ev.Framework, err))
		return nil
	}
	return p.commit(&d)
}

// commit makes d the draft, re-ranks and queues the store's copy. Drafts supersede each
// other (one key), so a burst of keys that failed while the database was busy retries once.
func (p *weightsPane) commit(d *model.WeightProfile) tea.Cmd {
	p.wb.setDraft(d)
	id := p.wb.id
	saved := d.Clone()
	return tea.Batch(p.e.writeKey("weights.draft", p.e.t.s("w.what.draft"), nil, false,
		func(s Store) error { return s.SaveDraft(id, &saved) }), p.breakEvenCmd())
}

func (p *weightsPane) toggleLock() tea.Cmd {
	ids := p.levelIDs()
	if len(ids) == 0 {
		return nil
	}
	d := p.wb.weightsBase().Clone()
	d.ToggleLock(ids[p.focusIndex()])
	return p.commit(&d)
}

// equalize gives every unlocked weight of the level the same share of what the locks leave.
func (p *weightsPane) equalize() tea.Cmd {
	ids := p.levelIDs()
	if len(ids) == 0 {
		return nil
	}
	d := p.wb.weightsBase().Clone()
	m := p.levelMap(&d)
	var free []string
	locked := 0.0
	for _, s := range ids {
		if d.IsLocked(s) {
			locked += m[s]
		} else {
			free = append(free, s)
		}
	}
	if len(free) == 0 {
		p.e.status(statusWarn, p.e.t.s("w.err.equal"))
		return nil
	}
	share := math.Max(1-locked, 0) / float64(len(free))
	for _, s := range free {
		m[s] = share
	}
	delete(d.Elicitation, p.levelKey()) // typed weights: no recorded method any more
	return p.commit(&d)
}

// discard drops the draft: the saved profile ranks again.
func (p *weightsPane) discard() tea.Cmd {
	if p.wb.ev.Draft == nil {
		p.e.status(statusInfo, p.e.t.s("w.nodraft"))
		return nil
	}
	p.wb.ev.Draft = nil
	if a, err := p.wb.ev.Active(); err == nil {
		dim, local := profileVectors(&p.wb.ev.Framework, a)
		if p.wb.prob.SetWeights(dim, local) == nil {
			p.wb.remember()
			p.wb.rev++
			p.wb.rerank()
		}
	}
	id := p.wb.id
	p.e.status(statusOK, p.e.t.s("w.discarded"))
	return tea.Batch(p.e.writeKey("weights.draft", p.e.t.s("w.what.draft"), nil, false,
		func(s Store) error { return s.SaveDraft(id, nil) }), p.breakEvenCmd())
}

// exactForm asks for the focused weight in percent.
func (p *weightsPane) exactForm() {
	ids := p.levelIDs()
	if len(ids) == 0 {
		return
	}
	t := p.e.t
	id := ids[p.focusIndex()]
	name := itemName(t, &p.wb.ev.Framework, id)
	cur := p.levelMap(p.wb.weightsBase())[id]
	f := newForm(p.e, p.keys, t.f("w.exact.title", name))
	f.info = []string{t.s("w.exact.info")}
	f.text(t.s("w.exact.label"), num(math.Round(cur*1000)/10))
	f.submit = func(f *formDialog) (tea.Cmd, error) {
		x, err := parseValue(f.values()[0])
		if err != nil || math.IsNaN(x) || x < 0 || x > 100 {
			return nil, errorf(t.s("w.err.range"))
		}
		w := x / 100
		if msg := p.refusal(p.wb.weightsBase(), ids, id, w); msg != "" {
			return nil, errorf(msg)
		}
		return p.set(id, w), nil
	}
	p.e.open(f)
}

func (p *weightsPane) ShortHelp() []key.Binding {
	k, w := p.keys, &p.keys.W
	// The most used first: the hint bar drops what does not fit (help lists everything).
	return []key.Binding{w.Step, w.Lock, w.Level, w.Save, w.Profiles, w.WhatIf, w.Elicit, w.Exact, w.Equal, w.Compare, w.KnockOuts, k.Help}
}

func (p *weightsPane) FullHelp() [][]key.Binding {
	k, w := p.keys, &p.keys.W
	return [][]key.Binding{
		{k.Up, k.Down, w.Level},
		{w.Dec, w.Inc, w.Dec5, w.Inc5, w.Lock, w.Exact, w.Equal, w.Discard},
		{w.Elicit, w.Profiles, w.Save, w.WhatIf, w.Compare, w.KnockOuts},
	}
}
