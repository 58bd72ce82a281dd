package ui

import (
	"hash/fnv"
	"math"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// sensPane is the Sensitivity tab: how firmly the leader leads. At the top, the robustness
// summary and the weight parameter being examined; below, a scrollable document of three
// sections that v jumps between:
//
//  1. the sweep chart: every ranked vendor's total as that weight goes 0→100% (the others
//     rescaled in proportion), the current weight marked, crossovers labelled; knocked-out
//     vendors are not drawn (a line under the chart names them);
//  2. the break-even table of that weight's level and the tornado chart of the dimensions;
//  3. SMAA-2: options, a progress bar while it runs, then rank acceptability, confidence
//     factors and central weights.
//
// The analysis is exact and cheap (model.BreakEvens etc.) and is recomputed whenever the data
// changes; SMAA runs off the update loop (see sens_smaa.go).
type sensPane struct {
	e    *env
	keys *keyMap
	wb   *workbench

	param   int   // index into c.params
	scroll  int   // first document line shown
	lastH   int   // document rows shown at the last View
	anchors []int // first line of each section, from the last View

	c    sensCache
	smaa smaaState
}

// sensCache is the analysis of the workbench at revision rev.
type sensCache struct {
	rev     int
	valid   bool
	params  []model.WeightParam // the picker: dimensions, then criteria that carry weight
	be      *model.BreakEvenReport
	tornado model.TornadoResult
	print   uint64 // fingerprint of what SMAA reads (see fingerprint)

	sweepOf int // param index of sweep; −1 none
	sweep   model.Sweep
}

func newSensPane(e *env, keys *keyMap, wb *workbench, run smaaRunner) *sensPane {
	p := &sensPane{e: e, keys: keys, wb: wb}
	p.smaa.choice = defaultSMAAChoice()
	p.smaa.run = run
	if p.smaa.run == nil {
		p.smaa.run = model.RunSMAA
	}
	return p
}

// refresh recomputes the analysis when the data changed since the last look.
func (p *sensPane) refresh() {
	wb := p.wb
	if p.c.valid && p.c.rev == wb.rev {
		return
	}
	prob := wb.prob
	c := sensCache{rev: wb.rev, valid: true, sweepOf: -1}
	all := model.WeightParams(prob)
	for _, w := range all {
		if w.Kind == model.ParamCriterion && (w.Current <= 0 || prob.DimWeights()[prob.CritDim[w.Index]] <= 0) {
			continue // not part of this profile: its line would say nothing about the ranking
		}
		c.params = append(c.params, w)
	}
	c.be = model.BreakEvens(prob)
	c.tornado = model.Tornado(prob)
	c.print = fingerprint(prob)
	// Keep the same parameter selected across recomputations when it still exists.
	if p.c.valid && p.param < len(p.c.params) {
		old := p.c.params[p.param]
		p.param = 0
		for i, w := range c.params {
			if w.Kind == old.Kind && w.ID == old.ID {
				p.param = i
			}
		}
	}
	p.c = c
	p.param = min(max(p.param, 0), max(len(c.params)-1, 0))
}

// current is the selected weight parameter; ok is false when there is none.
func (p *sensPane) current() (model.WeightParam, bool) {
	p.refresh()
	if len(p.c.params) == 0 {
		return model.WeightParam{}, false
	}
	return p.c.params[p.param], true
}

// breakEven is the break-even analysis of parameter w.
func (p *sensPane) breakEven(w model.WeightParam) *model.BreakEven {
	i := w.Index
	if w.Kind == model.ParamCriterion {
		i += p.wb.prob.ND
	}
	if i < len(p.c.be.BreakEvens) {
		return &p.c.be.BreakEvens[i]
	}
	return nil
}

// sweepNow is the sweep of the selected parameter.
func (p *sensPane) sweepNow() (model.Sweep, bool) {
	w, ok := p.current()
	if !ok {
		return model.Sweep{}, false
	}
	if p.c.sweepOf != p.param {
		p.c.sweep = model.SweepWeight(p.wb.prob, w)
		p.c.sweepOf = p.param
	}
	return p.c.sweep, true
}

// summary is the robustness sentence: break-evens always, plus the SMAA first-place share once
// a run has finished on the data as it is now.
func (p *sensPane) summary() model.Text {
	p.refresh()
	return model.RobustnessSummary(p.wb.prob, p.c.be, p.smaa.current(p.c.print))
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

func (p *sensPane) Update(msg tea.Msg) tea.Cmd {
	k := p.keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.ParamPrev):
			p.step(-1)
		case key.Matches(msg, k.ParamNext):
			p.step(1)
		case key.Matches(msg, k.Section):
			p.nextSection()
		case key.Matches(msg, k.RunSMAA):
			return p.startSMAA()
		case key.Matches(msg, k.Mode):
			p.smaa.choice.mode = (p.smaa.choice.mode + 1) % smaaModes
		case key.Matches(msg, k.Level):
			p.smaa.choice.level = 1 - p.smaa.choice.level
		case key.Matches(msg, k.Uncertainty):
			p.smaa.choice.unc = 1 - p.smaa.choice.unc
		case key.Matches(msg, k.SamplesUp):
			p.smaa.choice.samples = min(p.smaa.choice.samples+1, len(smaaSampleSteps)-1)
		case key.Matches(msg, k.SamplesDown):
			p.smaa.choice.samples = max(p.smaa.choice.samples-1, 0)
		case key.Matches(msg, k.Down):
			p.scroll++
		case key.Matches(msg, k.Up):
			p.scroll--
		case key.Matches(msg, k.PageDown):
			p.scroll += max(p.lastH-1, 1)
		case key.Matches(msg, k.PageUp):
			p.scroll -= max(p.lastH-1, 1)
		case key.Matches(msg, k.Top):
			p.scroll = 0
		case key.Matches(msg, k.Bottom):
			p.scroll = math.MaxInt32
		}
	case paneMouse:
		p.scroll += 3 * msg.WheelY
		if msg.WheelX != 0 {
			p.step(msg.WheelX)
		}
	}
	p.scroll = max(p.scroll, 0)
	return nil
}

// step moves the parameter picker by d, wrapping around.
func (p *sensPane) step(d int) {
	p.refresh()
	if n := len(p.c.params); n > 0 {
		p.param = ((p.param+d)%n + n) % n
	}
}

// nextSection scrolls to the start of the next section (after the last, back to the first).
func (p *sensPane) nextSection() {
	if len(p.anchors) == 0 {
		return
	}
	for _, a := range p.anchors {
		if a > p.scroll {
			p.scroll = a
			return
		}
	}
	p.scroll = 0
}

// showSection scrolls to section i once the next View knows where it is.
func (p *sensPane) showSection(i int) {
	if i < len(p.anchors) {
		p.scroll = p.anchors[i]
	}
}

// wantsEsc reports that esc belongs to this pane rather than to the root (back to the list):
// always, here. esc cancels a run in flight; with none it does nothing, because a run ending
// a moment before the key (a 1 s run makes it likely) must not turn "cancel" into "leave".
func (p *sensPane) wantsEsc() bool { return true }

func (p *sensPane) ShortHelp() []key.Binding {
	k := p.keys
	bs := []key.Binding{k.Param, k.Section, k.RunSMAA}
	if p.smaa.running != nil {
		bs = append(bs, k.CancelSMAA)
	}
	return append(bs, k.Samples, k.Mode, k.Level, k.Uncertainty, k.NextTab, k.Help)
}

func (p *sensPane) FullHelp() [][]key.Binding {
	k := p.keys
	return [][]key.Binding{
		{k.Param, k.Section, k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.RunSMAA, k.CancelSMAA, k.Samples, k.Mode, k.Level, k.Uncertainty},
	}
}
