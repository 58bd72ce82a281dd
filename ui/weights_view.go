package ui

import (
	"math"
	"strings"

	"ccselect/model"
)

// View draws the two levels on the left and the live ranking on the right:
//
//	  维度           权重                   锁 全局 │ 排名 (实时)
//	▸ 数据安全保障    26% █████████████            │ 1 磐石信联  3.90 ▲2
func (p *weightsPane) View(w, h int) string {
	st, t := p.e.styles, p.e.t
	if len(p.wb.ev.Framework.Dimensions) == 0 {
		return emptyState(st, w, h, t.s("w.empty"))
	}
	rw := min(max(w*2/5, 26), 40)
	lw := w - rw - 3
	left := p.levels(lw, h)
	right := p.ranking(rw, h)
	sep := st.Rule.Render(" │ ")
	out := make([]string, h)
	for i := range out {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = padLine(l, lw) + sep + padLine(r, rw)
	}
	return strings.Join(out, "\n")
}

// levels is the left column: the dimensions, the criteria of the focused dimension, and the
// method and profile line.
func (p *weightsPane) levels(w, h int) []string {
	st, t := p.e.styles, p.e.t
	ev, base := p.wb.ev, p.wb.weightsBase()
	f := &ev.Framework
	nameW := 4
	for _, d := range f.Dimensions {
		nameW = max(nameW, widthUpTo(d.Name.In(t.lang), 16))
	}
	for _, c := range p.wb.dimCrit[p.dim] {
		nameW = max(nameW, widthUpTo(f.Criteria[c].Name.In(t.lang), 16))
	}
	nameW = min(nameW, max(w/3, 6))
	barW := max(w-(2+nameW+1+6+1+1+2+1+6), 3)

	row := func(focus, hot bool, name string, wt float64, scale float64, locked bool, global string, style func(string) string) string {
		mark := "  "
		if focus {
			mark = "▸ "
		}
		n := style(fit(name, nameW))
		bar := strings.Repeat("█", int(math.Round(math.Min(wt*scale, float64(barW)))))
		lock := "  "
		if locked {
			lock = "● "
		}
		line := mark + n + " " + fitRight(pct(wt), 6) + " " + fit(bar, barW) + " " + lock + " " + fitRight(global, 6)
		if hot {
			return st.Cursor.Render(line)
		}
		return line
	}
	scaleOf := func(ws []float64) float64 {
		m := 0.5
		for _, x := range ws {
			m = math.Max(m, x)
		}
		return float64(barW) / m
	}
	var out []string
	out = append(out, st.TableHead.Render(fit("  "+fit(t.s("w.col.dim"), nameW)+" "+fitRight(t.s("w.col.weight"), 6)+" "+fit("", barW)+" "+fit(t.s("w.col.lock"), 2)+" "+fitRight("", 6), w)))
	dws := make([]float64, len(f.Dimensions))
	for i, d := range f.Dimensions {
		dws[i] = base.Dimensions[d.ID]
	}
	sc := scaleOf(dws)
	for i, d := range f.Dimensions {
		di := i
		style := func(s string) string { return st.DimStyle(di).Render(s) }
		out = append(out, row(i == p.dim, i == p.dim && p.level == 0, d.Name.In(t.lang), dws[i], sc, base.IsLocked(d.ID), "", style))
	}
	out = append(out, "")
	dim := f.Dimensions[p.dim]
	out = append(out, st.TableHead.Render(fit("  "+fit(truncate(t.f("w.col.crit", dim.Name.In(t.lang)), nameW+7), nameW+7)+" "+fit("", barW)+" "+fit(t.s("w.col.lock"), 2)+" "+fitRight(t.s("w.col.global"), 6), w)))
	cs := p.wb.dimCrit[p.dim]
	lws := make([]float64, len(cs))
	for i, c := range cs {
		lws[i] = base.Criteria[f.Criteria[c].ID]
	}
	sc = scaleOf(lws)
	plain := func(s string) string { return s }
	for i, c := range cs {
		crit := f.Criteria[c]
		g := dws[p.dim] * lws[i]
		focus := p.level == 1 && i == p.crit
		out = append(out, row(focus, focus, crit.Name.In(t.lang), lws[i], sc, base.IsLocked(crit.ID), pct(g), plain))
	}
	if len(cs) == 0 {
		out = append(out, st.Faint.Render("  "+t.s("w.nocrit")))
	}
	out = append(out, "")
	method := t.s("w.method.direct")
	if e, ok := base.Elicitation[p.levelKey()]; ok {
		if k := "w.method." + string(e.Method); hasKey(k) {
			method = t.s(k)
		} else {
			method = string(e.Method)
		}
	}
	prof := profileLabel(p.wb)
	if ev.Draft != nil {
		prof += " " + t.s("w.unsaved")
	}
	out = append(out, fit(" "+t.f("w.footer", method, prof), w))
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// ranking is the right column: every vendor in rank order with its total and its move since
// the tab was entered, then the leader's nearest break-even.
func (p *weightsPane) ranking(w, h int) []string {
	st, t := p.e.styles, p.e.t
	res := p.wb.res
	out := []string{st.TableHead.Render(fit(t.s("w.rank"), w))}
	nameW := max(w-2-1-5-4, 4)
	for i := range res.Vendors {
		l := &res.Vendors[i]
		if l.Excluded {
			out = append(out, st.Excluded.Render(fit("✗ "+l.Name.In(t.lang)+" "+t.s("w.excluded"), w)))
			continue
		}
		line := fit(itoa(l.Rank), 2) + fit(truncate(l.Name.In(t.lang), nameW), nameW) + " " + fitRight(num2(l.Total), 5)
		mv := 0
		if p.base != nil && l.Vendor < len(p.base) && p.base[l.Vendor] > 0 {
			mv = p.base[l.Vendor] - l.Rank
		}
		switch {
		case mv > 0:
			line += " " + st.Up.Render("▲"+itoa(mv))
		case mv < 0:
			line += " " + st.Down.Render("▼"+itoa(-mv))
		}
		out = append(out, line)
	}
	out = append(out, "")
	for _, l := range wrap(p.breakEvenText(), w) {
		out = append(out, st.Faint.Render(l))
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// breakEvenText names the leader's nearest break-even among the focused level's weights:
// "云启通讯 领先；最近临界点：数据安全保障 25.9% → 磐石信联".
func (p *weightsPane) breakEvenText() string {
	t, ev := p.e.t, p.wb.ev
	if p.be == nil || (p.beRev != p.wb.rev && p.bePending != p.wb.rev) {
		// Nothing under way for these weights (first view, a reload): compute here once.
		p.be, p.beRev = p.beRun(p.wb.prob), p.wb.rev
	}
	if p.be.Leader < 0 {
		return t.s("w.noleader")
	}
	leader := ev.Vendors[p.be.Leader].Name.In(t.lang)
	best, bestD := -1, math.Inf(1)
	var at *model.LeaderChange
	for i, b := range p.be.BreakEvens {
		wp := b.Param
		if p.level == 0 && wp.Kind != model.ParamDimension {
			continue
		}
		if p.level == 1 && (wp.Kind != model.ParamCriterion || p.wb.prob.CritDim[wp.Index] != p.dim) {
			continue
		}
		for _, c := range []*model.LeaderChange{b.Below, b.Above} {
			if c != nil && math.Abs(c.Weight-wp.Current) < bestD {
				best, bestD, at = i, math.Abs(c.Weight-wp.Current), c
			}
		}
	}
	if best < 0 {
		return t.f("w.be.none", leader)
	}
	wp := p.be.BreakEvens[best].Param
	return t.f("w.be", leader, itemName(t, &ev.Framework, wp.ID), pct(at.Weight), ev.Vendors[at.Leader].Name.In(t.lang))
}
