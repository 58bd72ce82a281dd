package ui

import (
	"ccselect/internal/present"
	"math"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"ccselect/model"
)

// gridGeom is where everything of the grid sits for one pane size. View draws with it and the
// mouse handler reads clicks with it, so the two can never disagree.
type gridGeom struct {
	gridW, sideW         int
	nameW, weightW, colW int
	colsX                int // x of the first vendor column
	nVis, colOff         int // vendor columns shown, first one shown
	rowsY, rowsVis       int // y of the first criterion row, rows shown
	rowOff               int
	// headLines is 2 when a vendor name shown is wider than its column and there is room: the
	// name then takes two header lines before it is cut (issue 8 defect 7).
	headLines int
}

// disagreement is the reviewer spread (max − min) from which a cell is flagged with "!".
const disagreement = 2

// geom computes the geometry for a w × h pane and settles the scroll offsets in it (keeping
// the cursor visible after a keyboard move). It writes the offsets: Update and SetSize call it
// on the pane, View on a copy (see frozen).
func (g *gridPane) geom(w, h int) gridGeom {
	g.sync()
	t := g.e.t
	ev := g.wb.ev
	geo := gridGeom{weightW: 6}
	if w >= 60 {
		geo.sideW = min(max(w*35/100, 24), 48)
	}
	geo.gridW = w
	if geo.sideW > 0 {
		geo.gridW = w - geo.sideW - 1
	}
	crits := g.wb.dimCrit[g.dim]
	geo.nameW = width(t.s("grid.subtotal"))
	for _, c := range crits {
		geo.nameW = max(geo.nameW, widthUpTo(ev.Framework.Criteria[c].Name.In(t.lang), 24))
	}
	geo.nameW = min(max(geo.nameW, 8), max(geo.gridW/3, 8), 24)
	geo.colsX = 1 + geo.nameW + geo.weightW
	avail := geo.gridW - geo.colsX
	nameMax := 0
	for _, v := range ev.Vendors {
		nameMax = max(nameMax, widthUpTo(v.Name.In(t.lang), w))
	}
	// When a few cells would let every vendor show in full, the side panel gives them up.
	if short := len(ev.Vendors)*(min(nameMax, 10)+1) + 1 - avail; short > 0 && geo.sideW-short >= 34 {
		geo.sideW -= short
		geo.gridW += short
		avail += short
	}
	// Columns as wide as the longest name, growing with the room (up to 25 cells, so a
	// four-character Chinese name is never cut on a wide screen — issue 8 defect 7); narrower,
	// down to 7, to show every vendor; at 7 the rest scroll.
	geo.colW = min(max(nameMax+1, 7), 25)
	if n := len(ev.Vendors); n > 0 && n*geo.colW > avail {
		geo.colW = max(avail/n, 7)
	}
	geo.nVis = max(avail/geo.colW, 1)
	if geo.nVis < len(ev.Vendors) {
		// Columns scroll anyway: give the visible ones the cells left over, so names are cut less.
		geo.colW = max(min((avail-1)/geo.nVis, 25, max(nameMax+1, 7)), geo.colW) // one cell stays for the scroll mark
	}
	if g.follow {
		g.colOff = scrollTo(g.colOff, g.col, geo.nVis, len(ev.Vendors))
	}
	g.colOff = clampOffset(g.colOff, geo.nVis, len(ev.Vendors))
	geo.colOff = g.colOff
	geo.headLines = 1
	if h >= 14 {
		for v := geo.colOff; v < min(geo.colOff+geo.nVis, len(ev.Vendors)); v++ {
			if widthUpTo(ev.Vendors[v].Name.In(t.lang), geo.colW) > geo.colW-1 {
				geo.headLines = 2
				break
			}
		}
	}
	geo.rowsY = 1 + geo.headLines
	geo.rowsVis = min(len(crits), max(h-4-geo.headLines, 1))
	if g.follow {
		g.rowOff[g.dim] = scrollTo(g.rowOff[g.dim], g.row[g.dim], geo.rowsVis, len(crits))
	}
	g.rowOff[g.dim] = clampOffset(g.rowOff[g.dim], geo.rowsVis, len(crits))
	geo.rowOff = g.rowOff[g.dim]
	return geo
}

// cellView is what one grid cell shows, computed without allocating: the current reviewer's
// value when given, else the others' consensus (marked ~), else a dot.
type cellView struct {
	own, cons, score float64
	n                int
	spread           float64
}

func (g *gridPane) cell(v, c int) cellView {
	p := g.wb.prob
	cv := cellView{own: math.NaN(), cons: p.Consensus(v, c), score: p.Scores()[v*p.NC+c]}
	if g.wb.reviewer >= 0 {
		cv.own = p.Raw(v, c, g.wb.reviewer)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for r := 0; r < p.NR; r++ {
		x := p.Raw(v, c, r)
		if math.IsNaN(x) {
			continue
		}
		cv.n++
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	if cv.n > 1 {
		cv.spread = hi - lo
	}
	return cv
}

// SetSize settles the scroll for a w × h pane; the root calls it after every Update, so View
// finds the offsets it draws with already right.
func (g *gridPane) SetSize(w, h int) {
	g.lastW, g.lastH = w, h
	g.geom(w, h)
}

// frozen is a copy of the pane that View may settle without changing the pane: the cursor
// and offsets are the pane's own when SetSize has run for this size, as after every Update.
func (g *gridPane) frozen() *gridPane {
	c := *g
	c.row = append([]int(nil), g.row...)
	c.rowOff = append([]int(nil), g.rowOff...)
	return &c
}

// View draws the grid; it changes nothing (it works on a frozen copy).
func (g *gridPane) View(w, h int) string {
	return g.frozen().view(w, h)
}

func (g *gridPane) view(w, h int) string {
	g.sync()
	st, t := g.e.styles, g.e.t
	ev := g.wb.ev
	if len(ev.Vendors) == 0 {
		return emptyState(st, w, h, t.s("empty.vendors.grid"))
	}
	if len(g.wb.dimCrit[g.dim]) == 0 {
		return emptyState(st, w, h, t.s("empty.criteria"))
	}
	geo := g.geom(w, h)
	lines := g.gridLines(geo)
	grid := block(lines, geo.gridW, h)
	if geo.sideW == 0 {
		return grid
	}
	sep := block(repeatLines(st.Rule.Render("│"), h), 1, h)
	side := block(g.sideLines(geo.sideW, h), geo.sideW, h)
	return joinColumns(grid, sep, side)
}

func repeatLines(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// gridLines renders the title, the header, the criteria rows, the subtotal and a legend.
func (g *gridPane) gridLines(geo gridGeom) []string {
	st, t := g.e.styles, g.e.t
	ev := g.wb.ev
	d := g.dim
	crits := g.wb.dimCrit[d]
	dimStyle := st.DimStyle(d)
	lines := make([]string, 0, geo.rowsVis+6)

	title := " " + ev.Framework.Dimensions[d].Name.In(t.lang) + " · " + t.f("grid.dimweight", pct(g.wb.dimWeight(d)))
	lines = append(lines, dimStyle.Bold(true).Render(truncate(title, geo.gridW)))

	end := min(geo.colOff+geo.nVis, len(ev.Vendors))
	var b strings.Builder
	b.WriteByte(' ')
	b.WriteString(st.TableHead.Render(fit(t.s("grid.criterion"), geo.nameW) + fitRight(t.s("grid.weight"), geo.weightW)))
	var b2 strings.Builder // the second header line, when names take two
	b2.WriteString(strings.Repeat(" ", 1+geo.nameW+geo.weightW))
	for v := geo.colOff; v < end; v++ {
		full := ev.Vendors[v].Name.In(t.lang)
		first, second := "", ""
		if geo.headLines == 2 {
			first, second = splitName(full, geo.colW-1)
		} else {
			first = truncate(full, geo.colW-1)
		}
		style := st.TableHead
		if v == g.col {
			style = st.Cursor
		}
		b.WriteString(style.Render(fitRight(first, geo.colW)))
		if geo.headLines == 2 {
			b2.WriteString(style.Render(fitRight(second, geo.colW)))
		}
	}
	lines = append(lines, scrollMarks(b.String(), geo, len(ev.Vendors)))
	if geo.headLines == 2 {
		lines = append(lines, b2.String())
	}

	column := []float64{g.wb.dimWeight(d)}
	for _, c := range crits {
		column = append(column, g.wb.prob.Local()[c])
	}
	weightText := pctColumn(column...)
	for i := geo.rowOff; i < geo.rowOff+geo.rowsVis && i < len(crits); i++ {
		c := crits[i]
		crit := &ev.Framework.Criteria[c]
		b.Reset()
		name := fit(crit.Name.In(t.lang), geo.nameW)
		weightless := g.wb.prob.Weights()[c] == 0 // scored but not counted under this profile
		switch {
		case i == g.row[d]:
			b.WriteString(dimStyle.Render("▸") + st.Bold.Render(name))
		case weightless:
			b.WriteString(" " + st.Faint.Render(name))
		default:
			b.WriteString(" " + name)
		}
		b.WriteString(st.Faint.Render(fitRight(weightText(g.wb.prob.Local()[c]), geo.weightW)))
		for v := geo.colOff; v < end; v++ {
			cv := g.cell(v, c)
			var txt string
			style := st.cellFg[scoreBucket(cv.score)]
			switch {
			case !math.IsNaN(cv.own):
				txt = short(cv.own)
				if weightless {
					style = st.cellFaint
				}
			case cv.n > 0:
				txt = "~" + short(cv.cons)
				style = st.cellFaint
			default:
				txt = "·"
				style = st.cellFaint
			}
			if cv.spread >= disagreement {
				txt += "!"
			}
			if marks := &g.e.marks; marks.any() {
				// Not in the database yet: "…" while its save is queued, "*" when it failed
				// and waits in the "not saved" list (issue 8 defect 3).
				k := cellKey(ev.Vendors[v].ID, crit.ID, g.wb.reviewerID())
				switch {
				case marks.failed[k]:
					txt += "*"
					style = st.cellWarn
				case marks.inflight[k] > 0:
					txt += ellipsis
				}
			}
			cell := fitRight(txt, geo.colW-1)
			if v == g.col && i == g.row[d] {
				b.WriteString(" " + st.cellCursor.render(cell))
			} else {
				b.WriteString(" " + style.render(cell))
			}
		}
		lines = append(lines, b.String())
	}

	lines = append(lines, st.Rule.Render(strings.Repeat("─", geo.gridW)))
	b.Reset()
	b.WriteString(" " + st.Bold.Render(fit(t.s("grid.subtotal"), geo.nameW)))
	b.WriteString(dimStyle.Render(fitRight(weightText(g.wb.dimWeight(d)), geo.weightW)))
	for v := geo.colOff; v < end; v++ {
		s := g.wb.line(v).DimensionScores[d]
		b.WriteString(" " + st.ScoreFg[scoreBucket(s)].Bold(true).Render(fitRight(num2(s), geo.colW-1)))
	}
	lines = append(lines, b.String())
	lines = append(lines, st.Faint.Render(truncate(" "+t.s("grid.legend"), geo.gridW)))
	return lines
}

// scrollMarks puts ‹ and › at the ends of the header when vendor columns are hidden.
func scrollMarks(line string, geo gridGeom, n int) string {
	line = padLine(line, geo.gridW)
	if geo.colOff > 0 {
		line = overlay(line, "‹", geo.colsX, 0) // the gap before the first column, not the weight header
	}
	if geo.colOff+geo.nVis < n {
		line = overlay(line, "›", geo.gridW-1, 0)
	}
	return line
}

// sideLines is the panel about the focused cell: the criterion and its 1/3/5 rubric in the
// current language, then the vendor's scores by every reviewer with the spread, and the note
// and evidence. When space is short the rubric gives way first.
func (g *gridPane) sideLines(w, h int) []string {
	st, t := g.e.styles, g.e.t
	lang := t.lang
	ev := g.wb.ev
	v, c, ok := g.cursor()
	if !ok {
		return nil
	}
	crit := &ev.Framework.Criteria[c]
	head := []string{st.DimStyle(g.dim).Bold(true).Render(truncate(crit.Name.In(lang), w))}
	head = append(head, st.Faint.Render(truncate(crit.ID, w)))
	if crit.Kind == model.KindMeasured {
		head = append(head, truncate(t.f("side.measured", present.Unit(crit.Unit, t.lang), t.s("dir."+string(crit.Direction))), w))
		head = append(head, st.Faint.Render(truncate(anchorsLine(crit, critScale(ev, crit)), w)))
	}

	// The cell: every reviewer's value, the consensus and the spread, note and evidence.
	var cell []string
	cell = append(cell, st.Rule.Render(truncate("── "+ev.Vendors[v].Name.In(lang)+" ──", w)))
	cv := g.cell(v, c)
	var revs []string
	for r, rv := range ev.Reviewers {
		x := g.wb.prob.Raw(v, c, r)
		s := rv.Name + " " + short(x)
		if math.IsNaN(x) {
			s = rv.Name + " ·"
		}
		revs = append(revs, s)
	}
	if len(revs) == 0 {
		cell = append(cell, st.Warn.Render(truncate(t.s("empty.reviewers.short"), w)))
	} else {
		cell = append(cell, flow(revs, "  ", w, func(r int, s string) string {
			if r == g.wb.reviewer {
				return st.Bold.Render(s)
			}
			return s
		})...)
	}
	if cv.n > 0 {
		// Flowed at its " · " so a narrow panel moves the spread to the next line, not off it.
		parts := strings.Split(t.f("side.consensus", short(cv.cons), num2(cv.score), short(cv.spread)), " · ")
		style := st.Faint
		if cv.spread >= disagreement {
			style = st.Warn
			parts = append(parts, t.s("side.disagree"))
		}
		cell = append(cell, flow(parts, " · ", w, func(_ int, s string) string { return style.Render(s) })...)
	}
	note, evidence, who := g.noteOf(v, c)
	if note != "" {
		cell = append(cell, limitLines(wrap(t.s("side.note")+who+": "+note, w), 2, w)...)
	}
	if evidence != "" {
		cell = append(cell, limitLines(wrap(t.s("side.evidence")+who+": "+evidence, w), 2, w)...)
	}

	room := h - len(head) - len(cell)
	var rubric []string
	if room >= 3 {
		// Each anchor gets an even share of the room; lines a short anchor leaves unused go to
		// the longer ones in turn, so the panel does not end in blank lines over a cut rubric.
		var wrapped [][]string
		for i, r := range crit.Rubric {
			if text := r.In(lang); text != "" {
				wrapped = append(wrapped, wrap(itoa(2*i+1)+" "+text, w))
			}
		}
		give := make([]int, len(wrapped))
		left := room
		for i, ls := range wrapped {
			give[i] = min(len(ls), room/max(len(wrapped), 1))
			left -= give[i]
		}
		for grew := true; left > 0 && grew; { // round robin, one line at a time
			grew = false
			for i, ls := range wrapped {
				if left > 0 && give[i] < len(ls) {
					give[i]++
					left--
					grew = true
				}
			}
		}
		for i, ls := range wrapped {
			rubric = append(rubric, limitLines(ls, give[i], w)...)
		}
	}
	out := append(head, rubric...)
	return append(out, cell...)
}

// noteOf returns the current reviewer's note and evidence for a cell or, when they wrote none,
// the first other reviewer's, with " (name)" saying whose it is.
func (g *gridPane) noteOf(v, c int) (note, evidence, who string) {
	ev := g.wb.ev
	vid, cid := ev.Vendors[v].ID, ev.Framework.Criteria[c].ID
	if s, ok := g.wb.score(v, c); ok && (s.Note != "" || s.Evidence != "") {
		return s.Note, s.Evidence, ""
	}
	for r, rv := range ev.Reviewers {
		if r == g.wb.reviewer {
			continue
		}
		if s, ok := ev.ScoreOf(vid, cid, rv.ID); ok && (s.Note != "" || s.Evidence != "") {
			return s.Note, s.Evidence, " (" + rv.Name + ")"
		}
	}
	return "", "", ""
}

// limitLines keeps at most n lines of at most w cells, marking a cut with an ellipsis.
func limitLines(ls []string, n, w int) []string {
	if n <= 0 {
		return nil
	}
	if len(ls) <= n {
		return ls
	}
	ls = ls[:n]
	last := ls[n-1]
	if width(last) < w {
		ls[n-1] = last + ellipsis
	} else {
		ls[n-1] = ansi.Truncate(last, w-1, "") + ellipsis
	}
	return ls
}

// flow lays plain items out left to right, wrapping to new lines at width w; style styles
// item i once it is cut to fit.
func flow(items []string, sep string, w int, style func(i int, s string) string) []string {
	var out []string
	cur, curW := "", 0
	for i, it := range items {
		it = truncate(it, w)
		itW := width(it)
		switch {
		case curW == 0:
		case curW+width(sep)+itW <= w:
			cur += sep
			curW += width(sep)
		default:
			out = append(out, cur)
			cur, curW = "", 0
		}
		cur += style(i, it)
		curW += itW
	}
	if curW > 0 {
		out = append(out, cur)
	}
	return out
}

// splitName lays a vendor name out on two header lines of w cells: whole when it fits on the
// first; else broken at the last space that fits ("Yunqi / Telecom"), or anywhere for a name
// without spaces (Chinese), the second line cut if it is still too long. A word wider than the
// column ("Huisheng AI" in 7 cells) is cut on the first line rather than split ("Huishen /
// g AI"). It runs for every shown column on every frame, so it does not wrap the whole name.
func splitName(name string, w int) (first, second string) {
	if widthUpTo(name, w+1) <= w {
		return name, ""
	}
	p := ansi.Truncate(name, w, "")
	if strings.IndexByte(name, ' ') >= 0 {
		switch i := strings.LastIndexByte(p, ' '); {
		case name[len(p)] == ' ':
			return p, truncate(name[len(p)+1:], w)
		case i > 0:
			return p[:i], truncate(name[i+1:], w)
		default:
			return truncate(name, w), ""
		}
	}
	return p, truncate(name[len(p):], w)
}
