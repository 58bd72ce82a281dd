package ui

import (
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
// The analysis (leader break-evens, tornado, robustness, the last SMAA result) is the
// session's (session.go), computed once per revision; the pane keeps only the selected
// parameter's sweep. SMAA runs off the update loop (see sens_smaa.go).
type sensPane struct {
	e    *env
	keys *keyMap
	wb   *workbench

	param   int   // index into c.params
	scroll  int   // first document line shown
	lastH   int   // document rows shown at the last SetSize
	anchors []int // first line of each section, from the last SetSize
	last    sensFrame

	c    sensCache
	smaa smaaState
}

// sensCache is what the pane derives from the session's analysis at revision rev: which
// parameter is selected is kept across revisions by identity; the sweep is the pane's own
// (only the selected parameter's is ever drawn).
type sensCache struct {
	rev   int
	valid bool
	an    *analysis // the session's analysis at rev

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

// refresh follows the session's analysis when the data changed since the last look, keeping
// the same parameter selected when it still exists.
func (p *sensPane) refresh() {
	wb := p.wb
	if p.c.valid && p.c.rev == wb.Revision() {
		return
	}
	an := wb.Analysis()
	if p.c.valid && p.param < len(p.c.an.params) {
		old := p.c.an.params[p.param]
		p.param = 0
		for i, w := range an.params {
			if w.Kind == old.Kind && w.ID == old.ID {
				p.param = i
			}
		}
	}
	p.c = sensCache{rev: wb.Revision(), valid: true, an: an, sweepOf: -1}
	p.param = min(max(p.param, 0), max(len(an.params)-1, 0))
}

// current is the selected weight parameter; ok is false when there is none.
func (p *sensPane) current() (model.WeightParam, bool) {
	p.refresh()
	if len(p.c.an.params) == 0 {
		return model.WeightParam{}, false
	}
	return p.c.an.params[p.param], true
}

// breakEven is the leader break-even of parameter w.
func (p *sensPane) breakEven(w model.WeightParam) *model.BreakEven {
	return p.c.an.breakEven(p.wb.prob, w)
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

// summary is the session's robustness sentence.
func (p *sensPane) summary() model.Text { return p.wb.Robustness() }

func (p *sensPane) Update(msg tea.Msg) tea.Cmd {
	k := p.keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.CancelSMAA):
			if p.smaa.running != nil {
				p.cancelSMAA()
			} else {
				p.e.status(statusInfo, p.e.t.s("info.escsens"))
			}
			return nil
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
	if n := len(p.c.an.params); n > 0 {
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

// Captures takes esc from the root (where it means back to the list): always, here. esc
// cancels a run in flight; with none it only says so, because a run ending a moment before
// the key (a 1 s run makes it likely) must not turn "cancel" into "leave".
func (p *sensPane) Captures(msg tea.KeyPressMsg) bool { return key.Matches(msg, p.keys.CancelSMAA) }

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
