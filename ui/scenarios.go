package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// compareDialog is the scenario comparison (c): pick two or more profiles, see every vendor's
// rank and total under each; a profile whose winner differs from the first picked one's is
// highlighted. Each profile is compiled on its own (the scores and knock-outs are shared); an
// unsaved draft comes first ("default*"), so the room sees what the edit changes before saving.
type compareDialog struct {
	p      *weightsPane
	names  []string // the profiles, and first the unsaved draft ("default*") when there is one
	draft  bool     // names[0] is the draft
	picked []bool
	cursor int
	res    []*model.Result // per profile, nil when not picked or not compiled
	errs   []error
}

func newCompareDialog(p *weightsPane) *compareDialog {
	ev := p.wb.ev
	d := &compareDialog{p: p}
	if ev.Draft != nil {
		d.draft = true
		d.names = append(d.names, ev.Draft.Name+"*")
	}
	for _, wp := range ev.Profiles {
		d.names = append(d.names, wp.Name)
	}
	n := len(d.names)
	d.picked, d.res, d.errs = make([]bool, n), make([]*model.Result, n), make([]error, n)
	for i := range d.picked {
		d.picked[i] = true
	}
	d.compute()
	return d
}

// compute ranks the evaluation under every picked profile not ranked yet.
func (d *compareDialog) compute() {
	ev := d.p.wb.ev
	for i, on := range d.picked {
		if !on || d.res[i] != nil || d.errs[i] != nil {
			continue
		}
		name := d.names[i]
		if d.draft && i == 0 {
			name = ev.Draft.Name
		}
		pr, err := model.NewProblem(ev, name, model.ConsensusMean, model.WSM{})
		if err == nil && d.draft && i == 0 {
			dim, local := profileVectors(&ev.Framework, ev.Draft)
			err = pr.SetWeights(dim, local)
		}
		if err != nil {
			d.errs[i] = err
			continue
		}
		d.res[i] = pr.Rank()
	}
}

func (d *compareDialog) Update(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || len(d.picked) == 0 {
		return nil, ok && key.Matches(k, d.p.keys.Cancel)
	}
	km := d.p.keys
	n := len(d.picked)
	switch {
	case key.Matches(k, km.Cancel):
		return nil, true
	case key.Matches(k, km.Up):
		d.cursor = (d.cursor + n - 1) % n
	case key.Matches(k, km.Down):
		d.cursor = (d.cursor + 1) % n
	case key.Matches(k, km.W.Toggle):
		d.picked[d.cursor] = !d.picked[d.cursor]
		d.compute()
	}
	return nil, false
}

// winner is the vendor first under profile i, or -1.
func (d *compareDialog) winner(i int) int {
	r := d.res[i]
	if r == nil || len(r.Vendors) == 0 || r.Vendors[0].Excluded {
		return -1
	}
	return r.Vendors[0].Vendor
}

func (d *compareDialog) View(maxW int) string {
	st, t, ev := d.p.e.styles, d.p.e.t, d.p.wb.ev
	w := min(maxW, 96)
	inner := w - st.Box.GetHorizontalFrameSize()
	var body []string
	for i, name := range d.names {
		box := "[ ] "
		if d.picked[i] {
			box = "[x] "
		}
		line := fit("  "+box+name, inner)
		if i == d.cursor {
			line = st.Cursor.Render(line)
		}
		body = append(body, line)
	}
	body = append(body, "")
	var cols []int
	for i, on := range d.picked {
		if on && d.res[i] != nil {
			cols = append(cols, i)
		}
	}
	if len(cols) < 2 {
		body = append(body, st.Faint.Render(fit(t.s("w.cmp.pick"), inner)))
		return frame(st, t.s("w.cmp.title"), body, hintText(d.Help()), w)
	}
	colW := 11 // "12 3.97" with room; wider for long profile names, up to 16
	for _, i := range cols {
		colW = max(colW, min(width(d.names[i])+3, 16))
	}
	nameW := 4
	for _, v := range ev.Vendors {
		nameW = max(nameW, widthUpTo(v.Name.In(t.lang), 18))
	}
	nameW = min(nameW, 18)
	fitCols := max((inner-nameW)/colW, 1)
	if len(cols) > fitCols {
		cols = cols[:fitCols]
	}
	first := d.winner(cols[0])
	head := fit("", nameW)
	for _, i := range cols {
		name := d.names[i]
		cell := fitRight(truncate(name, colW-1), colW)
		if d.winner(i) != first {
			cell = st.Warn.Render(fitRight(truncate("≠"+name, colW-1), colW))
		}
		head += cell
	}
	body = append(body, st.TableHead.Render(head))
	for v := range ev.Vendors {
		line := fit(truncate(ev.Vendors[v].Name.In(t.lang), nameW), nameW)
		for _, i := range cols {
			cell := "✗"
			for _, l := range d.res[i].Vendors {
				if l.Vendor == v && !l.Excluded {
					cell = itoa(l.Rank) + " " + num2(l.Total)
				}
			}
			if d.winner(i) == v && d.winner(i) != first {
				line += st.Warn.Render(fitRight(cell, colW))
			} else {
				line += fitRight(cell, colW)
			}
		}
		body = append(body, line)
	}
	for _, i := range cols {
		if d.winner(i) != first {
			body = append(body, "", st.Faint.Render(fit(t.s("w.cmp.differs"), inner)))
			break
		}
	}
	return frame(st, t.s("w.cmp.title"), body, hintText(d.Help()), w)
}

func (d *compareDialog) Help() []key.Binding {
	km := d.p.keys
	return []key.Binding{km.Up, km.Down, km.W.Toggle, km.Cancel}
}
