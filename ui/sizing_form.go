package ui

import (
	"math"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// The sizing tab's forms: a scenario's inputs (edit), names and inputs (add), names (rename).
// Every input is checked by the model (Scenario.Validate) before anything is written; its
// refusal is shown in the form, in the interface language, with what was typed kept.

// intervalChoices are the form's interval lengths (model.StandardIntervals) plus, when a
// stored scenario has another length (the CLI accepts any), that one, so editing never
// changes it silently.
func intervalChoices(t tr, cur float64) (labels, values []string, sel int) {
	sel = -1
	for _, m := range model.StandardIntervals {
		s := float64(m * 60)
		labels = append(labels, t.f("sizing.minutes", strconv.Itoa(m)))
		values = append(values, num(s))
		if s == cur {
			sel = len(values) - 1
		}
	}
	if sel < 0 {
		labels = append(labels, t.f("sizing.minutes", num(cur/60)))
		values = append(values, num(cur))
		sel = len(values) - 1
	}
	return labels, values, sel
}

// inputFields adds the scenario's inputs to f (in the order read back by readInputs), the first
// of them at index first. Under the calls the form shows what the inputs typed so far size
// (channels = P and agents), following every keystroke in any field.
func inputFields(t tr, f *formDialog, sc model.Scenario, first int) {
	calls := f.text(t.s("sizing.calls"), num(sc.Calls))
	calls.preview = func(string) string {
		vals := f.values()
		if len(vals) < first+8 {
			return ""
		}
		nsc, err := readInputs(t, vals[first:first+8], sc)
		if err != nil {
			return ""
		}
		r, err := model.Size(nsc)
		if err != nil {
			return ""
		}
		return t.f("sizing.preview", r.Channels, r.Agents)
	}
	labels, values, sel := intervalChoices(t, sc.IntervalS)
	f.choice(t.s("sizing.interval"), labels, values, sel)
	f.text(t.s("sizing.talkholds"), num(sc.TalkHoldS))
	f.text(t.s("sizing.acws"), num(sc.ACWS))
	f.text(t.s("sizing.sltarget"), num(math.Round(sc.SLTarget*10000)/100))
	f.text(t.s("sizing.slseconds"), num(sc.SLSeconds))
	blocking := sc.Blocking
	if blocking == 0 {
		blocking = model.DefaultBlocking
	}
	f.text(t.s("sizing.blockingpct"), num(math.Round(blocking*10000)/100))
	f.text(t.s("sizing.shrinkagepct"), num(math.Round(sc.Shrinkage*10000)/100))
}

// readInputs parses vals (as inputFields laid them out) into sc. A field that is not a number
// is named; the model then judges the values.
func readInputs(t tr, vals []string, sc model.Scenario) (model.Scenario, error) {
	fields := []struct {
		label string
		dst   *float64
		scale float64
	}{
		{"sizing.calls", &sc.Calls, 1}, {"sizing.interval", &sc.IntervalS, 1}, {"sizing.talkholds", &sc.TalkHoldS, 1},
		{"sizing.acws", &sc.ACWS, 1}, {"sizing.sltarget", &sc.SLTarget, 0.01}, {"sizing.slseconds", &sc.SLSeconds, 1},
		{"sizing.blockingpct", &sc.Blocking, 0.01}, {"sizing.shrinkagepct", &sc.Shrinkage, 0.01},
	}
	for i, f := range fields {
		x, err := parseValue(vals[i])
		if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
			return sc, errorf(t.f("sizing.notnumber", t.s(f.label)))
		}
		*f.dst = x * f.scale
	}
	if err := sc.Validate(); err != nil {
		return sc, errorf(sizingErrText(t, err))
	}
	return sc, nil
}

// form opens the scenario form: i ≥ 0 edits that scenario's inputs, −1 adds one (names and
// inputs, starting from the focused scenario's figures or the daily default).
func (p *sizingPane) form(i int) {
	t := p.e.t
	ev := p.wb.ev
	adding := i < 0
	var sc model.Scenario
	switch {
	case !adding:
		sc = ev.Scenarios[i]
	case p.focused() >= 0:
		sc = ev.Scenarios[p.focused()]
		sc.ID, sc.Name = "", model.Text{}
	default:
		sc = model.DefaultScenarios()[0]
		sc.ID, sc.Name = "", model.Text{}
	}
	title := t.s("sizing.add")
	if !adding {
		title = t.f("sizing.edit", sc.Name.In(t.lang))
	}
	f := newForm(p.e, p.keys, title)
	if ev.GoverningScenario != "" && ev.GoverningScenario == sc.ID {
		f.info = []string{t.s("sizing.editgoverning")}
	}
	if adding {
		f.text(t.s("sizing.namezh"), "")
		f.text(t.s("sizing.nameen"), "")
	}
	first := 0
	if adding {
		first = 2
	}
	inputFields(t, f, sc, first)
	f.submit = func(f *formDialog) (tea.Cmd, error) {
		vals := f.values()
		nsc := sc
		if adding {
			nsc.Name = model.Text{Zh: vals[0], En: vals[1]}
			if nsc.Name.IsEmpty() {
				return nil, errorf(t.s("sizing.needname"))
			}
			nsc.ID = model.NewID(nsc.Name.En, "scenario", func(s string) bool { return ev.Scenario(s) != nil })
			vals = vals[2:]
		}
		nsc, err := readInputs(t, vals, nsc)
		if err != nil {
			return nil, err
		}
		if err := model.ValidateScenario(nsc); err != nil {
			return nil, errorf(sizingErrText(t, err))
		}
		return p.save(nsc, f)
	}
	p.e.open(f)
}

// renameForm opens the names of scenario i.
func (p *sizingPane) renameForm(i int) {
	t := p.e.t
	sc := p.wb.ev.Scenarios[i]
	f := newForm(p.e, p.keys, t.f("sizing.rename", sc.Name.In(t.lang)))
	f.text(t.s("sizing.namezh"), sc.Name.Zh)
	f.text(t.s("sizing.nameen"), sc.Name.En)
	f.submit = func(f *formDialog) (tea.Cmd, error) {
		vals := f.values()
		nsc := sc
		nsc.Name = model.Text{Zh: vals[0], En: vals[1]}
		if nsc.Name.IsEmpty() {
			return nil, errorf(t.s("sizing.needname"))
		}
		if err := model.ValidateScenario(nsc); err != nil {
			return nil, errorf(sizingErrText(t, err))
		}
		return p.save(nsc, f)
	}
	p.e.open(f)
}

// save applies sc on screen and queues the store's SaveScenario (which also sets P when sc
// governs it).
func (p *sizingPane) save(sc model.Scenario, f *formDialog) (tea.Cmd, error) {
	t := p.e.t
	governing := p.wb.ev.GoverningScenario == sc.ID
	peak := 0.0
	if governing {
		var err error
		if peak, _, err = model.PeakFromScenario(sc); err != nil {
			return nil, errorf(sizingErrText(t, err))
		}
	}
	p.applyLocal(sc, governing, peak)
	if i := p.indexOf(sc.ID); i >= 0 {
		p.list.cur, p.list.follow = i, true
	}
	id, actor := p.wb.id, p.e.actor
	return p.e.write(t.f("sizing.what", sc.Name.In(t.lang)), f, true,
		func(s Store) error { return s.SaveScenario(id, sc, actor) }), nil
}

func (p *sizingPane) indexOf(id string) int {
	for i := range p.wb.ev.Scenarios {
		if p.wb.ev.Scenarios[i].ID == id {
			return i
		}
	}
	return -1
}
