package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"ccselect/internal/present"
	"ccselect/model"
	"ccselect/ui/chart"
)

// Section indexes of the sensitivity document (v cycles through them).
const (
	secChart = iota
	secTables
	secSMAA
)

// sensFrame is one layout of the pane: the fixed lines at the top, the scrollable document,
// the first line of each section in it, and the document rows shown. of is what it was drawn
// from: SetSize keeps the last frame and View reuses it while of still matches.
type sensFrame struct {
	top, doc []string
	anchors  []int
	vh       int
	of       sensStamp
}

// sensStamp is everything a frame is drawn from, comparable with ==.
type sensStamp struct {
	w, h, rev, param int
	styles           *Styles
	look             styleLook
	lang             model.Lang
	choice           smaaChoice
	phase            smaaPhase
	err              error
	running          *smaaRun
	done, total      int64
	res              *model.SMAAResult
	stale            bool
}

func (p *sensPane) stamp(w, h int) sensStamp {
	s := sensStamp{w: w, h: h, rev: p.wb.Revision(), param: p.param, styles: p.e.styles, look: p.e.styles.look, lang: p.e.t.lang,
		choice: p.smaa.choice, phase: p.smaa.phase, err: p.smaa.err, running: p.smaa.running,
		res: p.wb.smaa.res, stale: p.wb.SMAAStale()}
	if r := p.smaa.running; r != nil {
		s.done, s.total = r.done.Load(), r.total.Load()
	}
	return s
}

// frame lays the pane out for w × h from the state as it is (refreshed by the caller).
func (p *sensPane) frame(w, h int) sensFrame {
	st, t := p.e.styles, p.e.t
	maxSum := 2
	if h >= 18 {
		maxSum = 3
	}
	top := summaryLines(st, t, p.summary().In(t.lang), w, maxSum)
	top = append(top, p.pickerLine(w))
	if h >= 30 {
		top = append(top, st.Rule.Render(strings.Repeat("─", w)))
	}
	vh := max(h-len(top), 1)
	doc, anchors := p.document(w, vh)
	return sensFrame{top: top, doc: doc, anchors: anchors, vh: vh, of: p.stamp(w, h)}
}

// SetSize follows the session's analysis and learns the page size and where the sections
// start, clamping the scroll; the root calls it after every Update.
func (p *sensPane) SetSize(w, h int) {
	if len(p.wb.ev.Vendors) == 0 {
		return
	}
	p.refresh()
	f := p.frame(w, h)
	p.anchors, p.lastH, p.last = f.anchors, f.vh, f
	p.scroll = clampOffset(p.scroll, f.vh, len(f.doc))
}

// View draws the pane without changing it: a copy follows the analysis when SetSize has not
// (a pane driven without the root), and the scroll is clamped locally.
func (p *sensPane) View(w, h int) string {
	st, t := p.e.styles, p.e.t
	if len(p.wb.ev.Vendors) == 0 {
		return emptyState(st, w, h, t.s("empty.vendors.overview"))
	}
	c := *p // the sweep cache and a refresh, if one is due, stay on the copy
	p = &c
	p.refresh()
	f := p.last
	if f.of != p.stamp(w, h) || f.doc == nil {
		f = p.frame(w, h)
	}
	scroll := clampOffset(p.scroll, f.vh, len(f.doc))
	return block(append(f.top, f.doc[scroll:]...), w, h)
}

// summaryLines is "稳健性: …" wrapped to at most n lines, the label in bold.
func summaryLines(st *Styles, t tr, summary string, w, n int) []string {
	label := strings.TrimSuffix(t.f("sens.robust", ""), " ")
	var out []string
	format := func(s string) string { return t.f("sens.robust", s) }
	for i, l := range fitConclusion(summary, format, w-2, n) {
		if i == 0 && strings.HasPrefix(l, label) {
			l = st.Bold.Render(label) + l[len(label):]
		}
		out = append(out, " "+l)
	}
	return out
}

// pickerLine shows the weight being examined: "‹ 数据安全保障 › 维度权重 20%        4/20".
func (p *sensPane) pickerLine(w int) string {
	st, t := p.e.styles, p.e.t
	wp, ok := p.current()
	if !ok {
		return ""
	}
	name := p.paramName(wp)
	kind := t.s("sens.dimweight")
	if wp.Kind == model.ParamCriterion {
		kind = t.f("sens.critweight", p.wb.ev.Framework.Dimensions[p.wb.prob.CritDim[wp.Index]].Name.In(t.lang))
	}
	detail := kind + " " + pct(wp.Current)
	if wp.Fixed {
		detail += " · " + t.s("sens.fixed")
	}
	count := fmt.Sprintf("%d/%d", p.param+1, len(p.c.an.params))
	name = truncate(name, max(w/2, 8))
	head := " " + st.Faint.Render("‹ ") + st.Accent.Render(name) + st.Faint.Render(" ›") + " "
	headW := 1 + 2 + width(name) + 2 + 1
	detail = truncate(detail, max(w-headW-width(count)-3, 0))
	line := head + detail
	gap := w - headW - width(detail) - width(count) - 1
	if gap < 2 {
		return line
	}
	return line + strings.Repeat(" ", gap) + st.Faint.Render(count)
}

// paramName is the full name of a weight parameter's dimension or criterion.
func (p *sensPane) paramName(wp model.WeightParam) string {
	f := &p.wb.ev.Framework
	if wp.Kind == model.ParamDimension {
		return f.Dimensions[wp.Index].Name.In(p.e.t.lang)
	}
	return f.Criteria[wp.Index].Name.In(p.e.t.lang)
}

// document lays out the three sections for a viewport of vh rows and returns the lines and the
// first line of each section. The chart takes the rows the tables leave on a tall screen (so
// both show at once), else the whole viewport.
func (p *sensPane) document(w, vh int) ([]string, []int) {
	t := p.e.t
	if p.c.an.be.Leader < 0 {
		return wrapLines(w, t.s("sens.noranked")), []int{0}
	}
	tables := p.tablesSection(w)
	smaa := p.smaaSection(w)
	chartH := vh
	if vh-len(tables) >= 16 {
		chartH = vh - len(tables)
	}
	chartH = min(chartH, 24)
	doc := p.chartSection(w, chartH)
	anchors := []int{0, len(doc), len(doc) + len(tables)}
	doc = append(doc, tables...)
	doc = append(doc, smaa...)
	return doc, anchors
}

// chartSection is the sweep of the selected weight in exactly h lines: a caption, the chart,
// and a line naming the knocked-out vendors it leaves out.
func (p *sensPane) chartSection(w, h int) []string {
	st, t := p.e.styles, p.e.t
	ev := p.wb.ev
	sw, ok := p.sweepNow()
	out := []string{st.Faint.Render(truncate(" "+t.f("sens.chart"), w))}
	if !ok {
		return out
	}
	var omitted []string
	for i := range p.wb.res.Vendors {
		if l := &p.wb.res.Vendors[i]; l.Excluded {
			omitted = append(omitted, l.Name.In(t.lang))
		}
	}
	rows := h - 1
	if len(omitted) > 0 {
		rows--
	}
	series := make([]chart.Series, len(sw.Vendors))
	for i, v := range sw.Vendors {
		l := sw.Lines[i]
		series[i] = chart.Series{
			Name:   ev.Vendors[v].Name.In(t.lang),
			Points: []chart.Point{{X: 0, Y: l.At(0)}, {X: 1, Y: l.At(1)}},
		}
		// Vendor v's line: its colour or, without colour, its own glyph in place of the
		// braille dots and of the legend swatch, so the lines stay distinguishable.
		if st.NoColor {
			series[i].Glyph = vendorGlyph(v)
		} else {
			series[i].Style = styleFn(st.VendorStyle(v).Render, false)
		}
	}
	// Lines that only meet at 0% or 100% touch there without crossing: no marker. The chart
	// places labels in the order given, so where the lead changes hands goes first, then the
	// crossings of the leader's line, then the rest.
	var cross []chart.Point
	for pass := 0; pass < 3; pass++ {
		for _, c := range sw.Crossings {
			if c.Weight > 1e-9 && c.Weight < 1-1e-9 && crossingRank(sw, c) == pass {
				cross = append(cross, chart.Point{X: c.Weight, Y: c.Total, Label: pct(c.Weight)})
			}
		}
	}
	s := chart.LineChart(series, sw.Param.Current, cross, w-2, rows,
		chart.WithMarkLabel(t.s("sens.current")),
		chart.WithAxisStyle(styleFn(st.Faint.Render, st.NoColor)),
		chart.WithMarkStyle(styleFn(st.Accent.Render, st.NoColor)))
	if s == "" {
		out = append(out, st.Faint.Render(truncate(" "+t.s("sens.toosmall"), w)))
		for len(out) < h {
			out = append(out, "")
		}
		return out
	}
	for _, l := range strings.Split(s, "\n") {
		out = append(out, " "+l)
	}
	for len(out) < 1+rows {
		out = append(out, "")
	}
	if len(omitted) > 0 {
		out = append(out, st.Faint.Render(truncate(" "+t.f("sens.omitted", strings.Join(omitted, ", ")), w)))
	}
	return out
}

// crossingRank orders crossings for labelling: 0 the lead changes hands there, 1 the leader's
// line is crossed, 2 any other.
func crossingRank(sw model.Sweep, c model.Crossing) int {
	for k := 1; k < len(sw.Segments); k++ {
		a, b := sw.Segments[k-1].Leader, sw.Segments[k].Leader
		if math.Abs(sw.Segments[k].Lo-c.Weight) < 1e-9 && (c.A == a && c.B == b || c.A == b && c.B == a) {
			return 0
		}
	}
	for _, s := range sw.Segments {
		if s.Lo <= sw.Param.Current+1e-9 && sw.Param.Current <= s.Hi+1e-9 && (c.A == s.Leader || c.B == s.Leader) {
			return 1
		}
	}
	return 2
}

// styleFn adapts a lipgloss Render to the chart's Style; without colour it leaves text plain
// (the attributes would only add escape codes around every braille cell).
func styleFn(render func(...string) string, noColor bool) chart.Style {
	if noColor {
		return nil
	}
	return func(s string) string { return render(s) }
}

// tablesSection is the break-even table and the tornado chart: side by side when the width
// allows, else one under the other; it ends with a blank line.
func (p *sensPane) tablesSection(w int) []string {
	const torMin = 40
	be, beW := p.beTable(w, w)
	if w-beW-3 < torMin { // try a narrower table (names cut) before giving up the columns
		if nb, nw := p.beTable(w, w-3-torMin); nw <= w-3-torMin {
			be, beW = nb, nw
		}
	}
	// The table's legend goes under both columns, at the full width.
	st, t := p.e.styles, p.e.t
	var legend []string
	for _, l := range limitLines(wrap(t.f("sens.belegend"), w-2), 2, w-2) {
		legend = append(legend, st.Faint.Render(" "+l))
	}
	if tw := min(w-beW-3, 64); tw >= torMin {
		tor := p.tornadoLines(tw)
		n := max(len(be), len(tor))
		left := block(be, beW, n)
		right := block(tor, tw, n)
		gap := block(nil, 3, n)
		out := strings.Split(joinColumns(left, gap, right), "\n")
		out = append(out, legend...)
		return append(out, "")
	}
	out := append(be, legend...)
	out = append(out, "")
	out = append(out, p.tornadoLines(w)...)
	return append(out, "")
}

// beTable is the break-even table of the selected weight's level (the dimensions, or the
// criteria of its dimension): for each weight, how far down or up it can go before another
// vendor leads, and who (its legend is drawn by tablesSection). It returns the lines and the
// width they need: their natural width
// up to w, and when that exceeds fitW, names cut so that it does not (within limits).
func (p *sensPane) beTable(w, fitW int) ([]string, int) {
	st, t := p.e.styles, p.e.t
	ev := p.wb.ev
	cur, _ := p.current()
	var rows []int // indexes into p.c.an.params
	for i, wp := range p.c.an.params {
		if wp.Kind != cur.Kind {
			continue
		}
		if wp.Kind == model.ParamCriterion && p.wb.prob.CritDim[wp.Index] != p.wb.prob.CritDim[cur.Index] {
			continue
		}
		rows = append(rows, i)
	}
	change := func(c *model.LeaderChange) string {
		if c == nil {
			return "—"
		}
		return t.f("sens.change", pct1(c.Weight), ev.Vendors[c.Leader].Name.In(t.lang))
	}
	nameW, chgW := width(t.s("sens.colparam")), max(width(t.s("sens.colbelow")), width(t.s("sens.colabove")))
	type row struct{ name, now, below, above string }
	cells := make([]row, len(rows))
	for k, i := range rows {
		wp := p.c.an.params[i]
		b := p.breakEven(wp)
		name := p.paramName(wp)
		if wp.Kind == model.ParamDimension {
			name = dimShort(t, ev, wp.Index) // as on the tabs: the table stays narrow
		}
		cells[k] = row{name: name, now: pct(wp.Current), below: "—", above: "—"}
		if b != nil {
			cells[k].below, cells[k].above = change(b.Below), change(b.Above)
		}
		nameW = max(nameW, width(cells[k].name))
		chgW = max(chgW, width(cells[k].below), width(cells[k].above))
	}
	const nowW = 6
	nameW = min(nameW, max(w/3, 8), 24)
	chgW = min(chgW, max((w-2-nameW-nowW-4)/2, 6))
	if over := 2 + nameW + nowW + 2 + 2*chgW + 2 - fitW; over > 0 {
		cut := min(over, max(nameW-14, 0))
		nameW -= cut
		over -= cut
		chgW -= min((over+1)/2, max(chgW-18, 0))
	}
	tw := 2 + nameW + nowW + 2 + chgW + 2 + chgW

	out := []string{st.Bold.Render(truncate(" "+t.s("sens.betitle"), tw))}
	out = append(out, st.Faint.Render(truncate(" "+t.f("sens.leader", ev.Vendors[p.c.an.be.Leader].Name.In(t.lang)), tw)))
	out = append(out, st.TableHead.Render("  "+fit(t.s("sens.colparam"), nameW)+fitRight(t.s("sens.colcurrent"), nowW)+
		"  "+fit(t.s("sens.colbelow"), chgW)+"  "+fit(t.s("sens.colabove"), chgW)))
	for k, i := range rows {
		c := cells[k]
		name := fit(c.name, nameW)
		mark := " "
		if i == p.param {
			mark = st.Accent.Render("▸")
			name = st.Bold.Render(name)
		}
		out = append(out, " "+mark+name+fitRight(c.now, nowW)+"  "+fit(c.below, chgW)+"  "+fit(c.above, chgW))
	}
	return out, tw
}

// tornadoLines is the tornado chart of the dimension weights at width w.
func (p *sensPane) tornadoLines(w int) []string {
	st, t := p.e.styles, p.e.t
	ev := p.wb.ev
	tor := p.c.an.tornado
	leader := ""
	if tor.Leader >= 0 {
		leader = ev.Vendors[tor.Leader].Name.In(t.lang)
	}
	var out []string
	for _, l := range limitLines(wrap(t.f("sens.tornado", leader), w-1), 2, w-1) {
		out = append(out, st.Bold.Render(" "+l))
	}
	if len(tor.Bars) == 0 {
		return append(out, st.Faint.Render(truncate(" "+t.s("sens.tornadonone"), w)))
	}
	bars := make([]chart.Bar, len(tor.Bars))
	for i, b := range tor.Bars {
		bars[i] = chart.Bar{Label: dimShort(t, ev, b.Param.Index), Low: b.Low, High: b.High}
	}
	s := chart.Tornado(bars, tor.Base, w-1, chart.TornadoStyles{
		Low:  styleFn(st.Faint.Render, st.NoColor),
		High: styleFn(st.Accent.Render, st.NoColor),
		Zero: styleFn(st.Faint.Render, st.NoColor),
	})
	for _, l := range limitLines(wrap(t.s("sens.tornadokey"), w-1), 2, w-1) {
		out = append(out, st.Faint.Render(" "+l))
	}
	for _, l := range strings.Split(s, "\n") {
		out = append(out, " "+l)
	}
	return out
}

// smaaSection is the SMAA panel: options, the run's state and the last result.
func (p *sensPane) smaaSection(w int) []string {
	st, t := p.e.styles, p.e.t
	s := &p.smaa
	out := []string{st.Bold.Render(truncate(" "+t.s("smaa.title"), w))}
	opt := s.choice.options()
	for _, l := range limitLines(wrap(optionsText(t, "smaa.options", opt.Samples, opt.Weights, opt.AroundPct, opt.Level, opt.Uncertainty), w-2), 2, w-2) {
		out = append(out, " "+l)
	}
	switch {
	case s.running != nil:
		done, total := s.running.done.Load(), s.running.total.Load()
		frac := 0.0
		if total > 0 {
			frac = float64(done) / float64(total)
		}
		text := t.s("smaa.running")
		if s.running.cancelling {
			text = t.s("smaa.cancelling")
		}
		barW := min(max(w/3, 10), 40)
		out = append(out, " "+st.Accent.Render(chart.ProgressBar(frac, barW))+"  "+truncate(text, max(w-barW-3, 0)))
	case s.phase == smaaCancelled:
		out = append(out, " "+st.Warn.Render(truncate(t.s("smaa.cancelled"), w-1)))
	case s.phase == smaaFailed:
		out = append(out, " "+st.Err.Render(truncate(t.f("smaa.failed", s.err), w-1)))
	case p.wb.smaa.res == nil:
		out = append(out, " "+st.Faint.Render(truncate(t.s("smaa.idle"), w-1)))
	}
	r := p.wb.smaa.res // the last run, even if the data has changed since (then marked stale)
	if r == nil {
		return out
	}
	if r.Samples != opt.Samples || r.Weights != opt.Weights || r.AroundPct != opt.AroundPct || r.Level != opt.Level || r.Uncertainty != opt.Uncertainty {
		// The choices changed since: say what the numbers shown were run with.
		out = append(out, "", truncate(" "+optionsText(t, "smaa.result", r.Samples, r.Weights, r.AroundPct, r.Level, r.Uncertainty), w))
	}
	if p.wb.SMAAStale() {
		out = append(out, " "+st.Warn.Render(truncate(t.s("smaa.stale"), w-1)))
	}
	out = append(out, p.smaaTable(w, r)...)
	for _, l := range limitLines(wrap(t.s("smaa.legend"), w-2), 2, w-2) {
		out = append(out, st.Faint.Render(" "+l))
	}
	return out
}

// optionsText describes SMAA settings with the catalogue entry key ("smaa.options" for the next
// run, "smaa.result" for a finished one).
func optionsText(t tr, key string, samples int, mode model.SMAAWeights, around float64, level model.SMAALevel, unc model.SMAAUncertainty) string {
	m := t.s("smaa.uniform")
	switch mode {
	case model.WeightsOrdinal:
		m = t.s("smaa.ordinal")
	case model.WeightsAround:
		m = t.f("smaa.around", int(math.Round(around)))
	}
	l := t.s("smaa.dimensions")
	if level == model.LevelCriteria {
		l = t.s("smaa.criteria")
	}
	u := t.s("smaa.none")
	if unc == model.UncertaintyReviewers {
		u = t.s("smaa.reviewers")
	}
	return t.f(key, present.Count(samples), m, l, u)
}

// smaaTable shows the result as one table, vendors in their current ranking order: rank
// acceptability (shaded by share), the confidence factor, and the central weights summed per
// dimension. When it is too wide, the central weights move to a second table and the ranks
// that do not fit are counted instead of shown.
func (p *sensPane) smaaTable(w int, r *model.SMAAResult) []string {
	st, t := p.e.styles, p.e.t
	ev := p.wb.ev
	f := &ev.Framework
	order := make([]int, 0, len(r.IDs))
	seen := make([]bool, len(r.IDs))
	for i := range p.wb.res.Vendors {
		if k := r.Index(p.wb.res.Vendors[i].ID); k >= 0 && !seen[k] {
			order, seen[k] = append(order, k), true
		}
	}
	for k := range r.IDs {
		if !seen[k] {
			order = append(order, k)
		}
	}
	names := make([]string, len(r.IDs))
	nameW := width(t.s("ov.vendor"))
	for k, id := range r.IDs {
		names[k] = id
		if v := ev.VendorIndex(id); v >= 0 {
			names[k] = ev.Vendors[v].Name.In(t.lang)
		}
		nameW = max(nameW, width(names[k]))
	}
	nameW = min(nameW, 14)

	// Central weights per dimension (criteria weights are summed into their dimension).
	nd := len(f.Dimensions)
	central := make([][]float64, len(r.IDs))
	for k, cw := range r.CentralWeights {
		if cw == nil {
			continue
		}
		central[k] = make([]float64, nd)
		for j, id := range r.Params {
			d := f.DimensionIndex(id)
			if r.Level == model.LevelCriteria {
				d = -1
				if c := f.CriterionIndex(id); c >= 0 {
					d = p.wb.prob.CritDim[c]
				}
			}
			if d >= 0 && d < nd {
				central[k][d] += cw[j]
			}
		}
	}

	const rankW, confW, centW = 7, 7, 6
	m := len(r.IDs)
	full := 1 + nameW + m*rankW + confW + nd*centW
	apart := full > w
	ranks := m
	if apart {
		ranks = max(min(m, (w-1-nameW-confW)/rankW), 1)
	}
	// A cell is shaded by its share; without colour a glyph in front of the number does it.
	cell := func(x float64) string {
		b := shareBucket(x)
		if st.NoColor {
			return " " + shadeGlyphs[b] + fitRight(share(x), rankW-2)
		}
		return " " + st.Shade[b].Render(fitRight(share(x), rankW-1))
	}
	dimHead := func() string {
		var b strings.Builder
		for d := 0; d < nd; d++ {
			label := dimTiny(t, ev, d)
			b.WriteString(st.DimStyle(d).Bold(true).Render(fitRight(truncate(label, centW-1), centW)))
		}
		return b.String()
	}
	centralCells := func(k int) string {
		var b strings.Builder
		for d := 0; d < nd; d++ {
			txt := "—"
			if central[k] != nil {
				txt = share(central[k][d])
			}
			b.WriteString(fitRight(txt, centW))
		}
		return b.String()
	}

	var out []string
	group1 := " " + strings.Repeat(" ", nameW) + fit(t.s("smaa.accept"), ranks*rankW+confW)
	if !apart {
		group1 += fit(t.s("smaa.central"), nd*centW)
	}
	out = append(out, st.Faint.Render(group1))
	head := " " + fit(t.s("ov.vendor"), nameW)
	for k := 0; k < ranks; k++ {
		head += fitRight(t.f("smaa.rank", k+1), rankW)
	}
	head = st.TableHead.Render(head + fitRight(t.s("smaa.conf"), confW))
	if !apart {
		head += dimHead()
	}
	out = append(out, head)
	for _, k := range order {
		var b strings.Builder
		b.WriteString(" " + fit(names[k], nameW))
		for rk := 0; rk < ranks; rk++ {
			b.WriteString(cell(r.Acceptability[k][rk]))
		}
		b.WriteString(fitRight(share(r.Confidence[k]), confW))
		if !apart {
			b.WriteString(centralCells(k))
		}
		out = append(out, b.String())
	}
	if ranks < m {
		out = append(out, st.Faint.Render(" "+t.f("smaa.more", m-ranks)))
	}
	if apart {
		out = append(out, "", st.Faint.Render(" "+strings.Repeat(" ", nameW)+t.s("smaa.central")))
		out = append(out, st.TableHead.Render(" "+fit(t.s("ov.vendor"), nameW))+dimHead())
		for _, k := range order {
			out = append(out, " "+fit(names[k], nameW)+centralCells(k))
		}
	}
	return out
}

// share prints a share in [0,1] as a percentage in at most five characters: 41.4, 0, 100,
// and never 0 or 100 for a share that is not exactly that.
func share(x float64) string {
	switch {
	case math.IsNaN(x):
		return "–"
	case x <= 0:
		return "0"
	case x >= 1:
		return "100"
	}
	s := strconv.FormatFloat(x*100, 'f', 1, 64)
	switch s {
	case "0.0":
		return "<0.1"
	case "100.0":
		return ">99.9"
	}
	return s
}

// pct1 prints a weight with one decimal: 25.9%.
func pct1(x float64) string { return strconv.FormatFloat(x*100, 'f', 1, 64) + "%" }
