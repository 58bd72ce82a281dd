package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// knockoutsDialog (K on the Weights tab) lists the knock-out rules that apply under the active
// profile with the vendors each excludes, and adds, changes and removes them. Each change
// saves the whole rule list (storage validates it; audited, undoable) and reloads.
type knockoutsDialog struct {
	p      *weightsPane
	cursor int
}

// rules are the indexes in ev.KnockOuts of the rules that apply under the active profile.
func (d *knockoutsDialog) rules() []int {
	var out []int
	for i, k := range d.p.wb.ev.KnockOuts {
		if k.AppliesTo(d.p.wb.prob.Profile) {
			out = append(out, i)
		}
	}
	return out
}

// excludedBy lists, per rule of kos, the vendors it knocks out under the active profile,
// compiled from a copy of the evaluation with kos (so a rule being typed shows its effect).
func excludedBy(wb *workbench, kos []model.KnockOut, t tr) [][]string {
	ev := *wb.ev
	ev.KnockOuts = kos
	out := make([][]string, len(kos))
	pr, err := model.NewProblem(&ev, wb.prob.Profile, model.ConsensusMean, model.WSM{})
	if err != nil {
		return out
	}
	res := pr.Rank()
	for _, l := range res.Vendors {
		for _, f := range l.FailedKnockOuts {
			for i, k := range kos {
				if k == f.Rule {
					out[i] = append(out[i], l.Name.In(t.lang))
				}
			}
		}
	}
	return out
}

func (p *weightsPane) openKnockouts() { p.e.open(&knockoutsDialog{p: p}) }

func (d *knockoutsDialog) Update(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	km := d.p.keys
	rs := d.rules()
	n := len(rs)
	switch {
	case key.Matches(k, km.Cancel):
		return nil, true
	case key.Matches(k, km.Up) && n > 0:
		d.cursor = (d.cursor + n - 1) % n
	case key.Matches(k, km.Down) && n > 0:
		d.cursor = (d.cursor + 1) % n
	case key.Matches(k, km.Add):
		d.form(-1)
	case key.Matches(k, km.EditItem) && n > 0:
		d.form(rs[min(d.cursor, n-1)])
	case key.Matches(k, km.DeleteItem) && n > 0:
		d.remove(rs[min(d.cursor, n-1)])
	}
	return nil, false
}

var koOps = []model.Op{model.OpGE, model.OpLE, model.OpGT, model.OpLT, model.OpEQ}

// form adds (idx −1) or changes a rule: criterion, operator, threshold and scope; the vendors
// it would exclude follow the typing.
func (d *knockoutsDialog) form(idx int) {
	p, t := d.p, d.p.e.t
	ev := p.wb.ev
	f := &ev.Framework
	var rule model.KnockOut
	title := t.s("w.ko.add")
	if idx >= 0 {
		rule = ev.KnockOuts[idx]
		title = t.s("w.ko.edit")
	}
	fm := newForm(p.e, p.keys, title)
	var names, ids []string
	sel := 0
	for i, c := range f.Criteria {
		names = append(names, c.Name.In(t.lang))
		ids = append(ids, c.ID)
		if c.ID == rule.Criterion {
			sel = i
		}
	}
	crit := fm.choice(t.s("w.ko.crit"), names, ids, sel)
	var opLabels, opValues []string
	opSel := 0
	for i, o := range koOps {
		opLabels, opValues = append(opLabels, o.Symbol()), append(opValues, string(o))
		if o == rule.Op {
			opSel = i
		}
	}
	op := fm.choice(t.s("w.ko.op"), opLabels, opValues, opSel)
	thr := ""
	if idx >= 0 {
		thr = num(rule.Threshold)
	}
	if rule.Param != "" {
		fm.info = []string{t.f("w.ko.param", rule.Param)}
	}
	prof := p.wb.prob.Profile
	scopeSel := 0
	if rule.Profile != "" {
		scopeSel = 1
	}
	scope := fm.choice(t.s("w.ko.scope"), []string{t.s("w.ko.all"), t.f("w.ko.only", prof)}, []string{"", prof}, scopeSel)
	th := fm.text(t.s("w.ko.threshold"), thr)
	build := func() (model.KnockOut, []model.KnockOut, error) {
		x, err := parseValue(th.value())
		if err != nil {
			return rule, nil, errorf(t.s("w.ko.badthreshold"))
		}
		o, _ := model.ParseOp(op.value())
		nr := model.KnockOut{Criterion: crit.value(), Op: o, Threshold: x, Param: rule.Param, Profile: scope.value()}
		kos := append([]model.KnockOut(nil), ev.KnockOuts...)
		if idx >= 0 {
			kos[idx] = nr
		} else {
			kos = append(kos, nr)
		}
		return nr, kos, nil
	}
	th.preview = func(string) string {
		_, kos, err := build()
		if err != nil {
			return ""
		}
		i := idx
		if i < 0 {
			i = len(kos) - 1
		}
		return koExcludesText(t, excludedBy(p.wb, kos, t)[i])
	}
	id, actor := p.wb.id, p.e.actor
	fm.submit = func(*formDialog) (tea.Cmd, error) {
		nr, kos, err := build()
		if err != nil {
			return nil, err
		}
		what := t.f("w.ko.what", itemName(t, f, nr.Criterion))
		return p.e.write(what, fm, true, func(s Store) error { return s.SaveKnockOuts(id, kos, actor) }), nil
	}
	fm.focus = 3 // the threshold: the field typed most
	for i, fld := range fm.fields {
		if fld.choices == nil && i != 3 {
			fld.in.Blur()
		}
	}
	th.in.Focus()
	p.e.open(fm)
}

func (d *knockoutsDialog) remove(idx int) {
	p, t := d.p, d.p.e.t
	ev := p.wb.ev
	rule := ev.KnockOuts[idx]
	desc := koRuleText(t, ev, rule)
	kos := append(append([]model.KnockOut(nil), ev.KnockOuts[:idx]...), ev.KnockOuts[idx+1:]...)
	id, actor := p.wb.id, p.e.actor
	p.e.open(&confirmDialog{e: p.e, keys: p.keys,
		text: func(t tr) (string, string) { return t.s("w.ko.deltitle"), t.f("w.ko.delbody", desc) },
		yes: func() tea.Cmd {
			return p.e.write(t.f("w.ko.what", itemName(t, &ev.Framework, rule.Criterion)), nil, true,
				func(s Store) error { return s.SaveKnockOuts(id, kos, actor) })
		}})
}

// koRuleText is "并发通道数 ≥ 1000" (× a parameter when the threshold scales with one).
func koRuleText(t tr, ev *model.Evaluation, k model.KnockOut) string {
	s := itemName(t, &ev.Framework, k.Criterion) + " " + k.Op.Symbol() + " " + num(k.Threshold)
	if k.Param != "" {
		s += "×" + k.Param
	}
	return s
}

func koExcludesText(t tr, names []string) string {
	if len(names) == 0 {
		return t.s("w.ko.none")
	}
	return t.f("w.ko.excludes", strings.Join(names, t.s("w.wi.sep")))
}

func (d *knockoutsDialog) View(maxW int) string {
	st, t := d.p.e.styles, d.p.e.t
	ev := d.p.wb.ev
	w := min(maxW, 80)
	inner := w - st.Box.GetHorizontalFrameSize()
	rs := d.rules()
	excl := excludedBy(d.p.wb, ev.KnockOuts, t)
	var body []string
	if len(rs) == 0 {
		body = append(body, st.Faint.Render(t.s("w.ko.empty")))
	}
	for n, i := range rs {
		k := ev.KnockOuts[i]
		scope := t.s("w.ko.all")
		if k.Profile != "" {
			scope = k.Profile
		}
		line := fit("  "+koRuleText(t, ev, k)+"  ("+scope+")", inner)
		if n == d.cursor {
			line = st.Cursor.Render(line)
		}
		body = append(body, line)
		body = append(body, st.Faint.Render(truncate("    "+koExcludesText(t, excl[i]), inner)))
	}
	return frame(st, t.f("w.ko.title", d.p.wb.prob.Profile), body, hintText(d.Help()), w)
}

func (d *knockoutsDialog) Help() []key.Binding {
	km := d.p.keys
	return []key.Binding{km.Add, km.EditItem, km.DeleteItem, km.Cancel}
}
