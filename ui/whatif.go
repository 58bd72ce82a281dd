package ui

import (
	"math"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// whatIfDialog answers "what would it take for this vendor to win" (w): the smallest shift of
// weight at the focused level (model.WhatIfProblem, an exact linear programme) that makes the
// chosen vendor at least tie for first, with a key that applies it to the draft.
type whatIfDialog struct {
	p      *weightsPane
	order  []int // vendor indexes in rank order
	cursor int
	level  model.SMAALevel
	ans    model.WhatIf
	err    error
	forV   int // the vendor ans is for (-1: not computed)
}

func (p *weightsPane) openWhatIf() {
	if len(p.wb.res.Vendors) == 0 {
		p.e.status(statusWarn, p.e.t.s("w.noleader"))
		return
	}
	d := &whatIfDialog{p: p, forV: -1, level: model.LevelDimensions}
	if p.level == 1 {
		d.level = model.LevelCriteria
	}
	for _, l := range p.wb.res.Vendors {
		d.order = append(d.order, l.Vendor)
	}
	d.cursor = min(1, len(d.order)-1) // the runner-up: the question is usually about them
	d.solve()
	p.e.open(d)
}

// locks are the lock flags of the level's items: at criteria level a locked dimension locks its
// criteria (WhatIfProblem's documented reading).
func (d *whatIfDialog) locks() []bool {
	wb, base := d.p.wb, d.p.wb.weightsBase()
	f := &wb.ev.Framework
	if d.level == model.LevelDimensions {
		out := make([]bool, len(f.Dimensions))
		for i, dm := range f.Dimensions {
			out[i] = base.IsLocked(dm.ID)
		}
		return out
	}
	out := make([]bool, len(f.Criteria))
	for i, c := range f.Criteria {
		out[i] = base.IsLocked(c.ID) || base.IsLocked(f.Dimensions[wb.prob.CritDim[i]].ID)
	}
	return out
}

func (d *whatIfDialog) solve() {
	v := d.order[d.cursor]
	if v == d.forV {
		return
	}
	d.ans, d.err = model.WhatIfProblem(d.p.wb.prob, v, d.level, d.locks())
	d.p.wb.rerank() // WhatIfProblem ranked the problem again: refresh the lookups
	d.forV = v
}

func (d *whatIfDialog) Update(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	km := d.p.keys
	n := len(d.order)
	switch {
	case key.Matches(k, km.Cancel):
		return nil, true
	case key.Matches(k, km.Up):
		d.cursor = (d.cursor + n - 1) % n
	case key.Matches(k, km.Down):
		d.cursor = (d.cursor + 1) % n
	case key.Matches(k, km.W.Apply):
		if d.err != nil || !d.ans.Possible || d.ans.AlreadyLeads {
			return nil, false
		}
		return d.apply(), true
	}
	d.solve()
	return nil, false
}

// apply puts the answer's weights into the draft.
func (d *whatIfDialog) apply() tea.Cmd {
	wb := d.p.wb
	f := &wb.ev.Framework
	nd := wb.weightsBase().Clone()
	if d.level == model.LevelDimensions {
		for i, dm := range f.Dimensions {
			nd.Dimensions[dm.ID] = d.ans.Weights[i]
		}
		delete(nd.Elicitation, model.ElicitLevelDimensions)
	} else {
		sums := make([]float64, len(f.Dimensions))
		for c, w := range d.ans.Weights {
			sums[wb.prob.CritDim[c]] += w
		}
		for i, dm := range f.Dimensions {
			nd.Dimensions[dm.ID] = sums[i]
		}
		for c, w := range d.ans.Weights {
			if s := sums[wb.prob.CritDim[c]]; s > 0 {
				nd.Criteria[f.Criteria[c].ID] = w / s
			}
		}
		nd.Elicitation = nil
	}
	d.p.e.status(statusOK, d.p.e.t.f("w.wi.applied", wb.ev.Vendors[d.forV].Name.In(d.p.e.t.lang)))
	return d.p.commit(&nd)
}

// answer is the result in words: "移动 6.3 个百分点：数据安全保障 +6.3，功能匹配度 −4.1 …".
func (d *whatIfDialog) answer() string {
	t, wb := d.p.e.t, d.p.wb
	f := &wb.ev.Framework
	a := d.ans
	switch {
	case d.err != nil:
		return t.f("w.err.other", d.err)
	case a.KnockedOut:
		return t.s("w.wi.ko")
	case a.AlreadyLeads:
		return t.s("w.wi.leads")
	case !a.Possible:
		return t.s("w.wi.impossible")
	}
	var parts []string
	for i, dl := range a.Deltas {
		if i == 4 {
			parts = append(parts, "…")
			break
		}
		var name string
		if d.level == model.LevelDimensions {
			name = f.Dimensions[dl.Item].Name.In(t.lang)
		} else {
			name = f.Criteria[dl.Item].Name.In(t.lang)
		}
		parts = append(parts, name+" "+signedPoints(dl.Delta))
	}
	return t.f("w.wi.move", points(a.Shift), strings.Join(parts, t.s("w.wi.sep")))
}

// points is a weight fraction in percentage points, one decimal.
func points(x float64) string { return strconv.FormatFloat(math.Round(x*1000)/10, 'f', 1, 64) }

func signedPoints(x float64) string {
	if x < 0 {
		return "−" + points(-x)
	}
	return "+" + points(x)
}

func (d *whatIfDialog) View(maxW int) string {
	st, t, wb := d.p.e.styles, d.p.e.t, d.p.wb
	w := min(maxW, 72)
	inner := w - st.Box.GetHorizontalFrameSize()
	lvl := t.s("w.wi.dims")
	if d.level == model.LevelCriteria {
		lvl = t.s("w.wi.crits")
	}
	body := []string{st.Faint.Render(truncate(lvl, inner)), ""}
	for i, v := range d.order {
		l := wb.line(v)
		rank := itoa(l.Rank)
		if l.Excluded {
			rank = "✗"
		}
		line := fit("  "+fit(rank, 3)+wb.ev.Vendors[v].Name.In(t.lang)+"  "+num2(l.Total), inner)
		if i == d.cursor {
			line = st.Cursor.Render(line)
		}
		body = append(body, line)
	}
	body = append(body, "")
	for _, l := range wrap(d.answer(), inner) {
		body = append(body, st.Bold.Render(l))
	}
	return frame(st, t.f("w.wi.title", wb.ev.Vendors[d.order[d.cursor]].Name.In(t.lang)), body, hintText(d.Help()), w)
}

func (d *whatIfDialog) Help() []key.Binding {
	km := d.p.keys
	return []key.Binding{km.Up, km.Down, km.W.Apply, km.Cancel}
}
