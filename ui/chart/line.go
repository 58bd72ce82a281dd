package chart

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"ccselect/internal/termtext"
)

// Series is one named line. X runs over [0,1] (a weight); points are joined in order.
type Series struct {
	Name   string
	Points []Point
	Style  Style // colour of its line and legend swatch
	// Glyph, when set, draws the line with this one-cell glyph (e.g. "*") instead of braille
	// dots and stands for the series in the legend instead of "■": without colour, it is what
	// tells the lines apart. A glyph wider than one cell is ignored.
	Glyph string
}

// glyph is the series' glyph, or "" when it has none that fits one cell.
func (s *Series) glyph() string {
	if g := termtext.Clean(s.Glyph); textWidth(g) == 1 {
		return g
	}
	return ""
}

// swatch stands for the series in the legend.
func (s *Series) swatch() string {
	if g := s.glyph(); g != "" {
		return s.Style.apply(g)
	}
	return s.Style.apply("■")
}

// LineOption adjusts LineChart.
type LineOption func(*lineOpts)

type lineOpts struct {
	markLabel  string
	yMin, yMax float64
	axis, mark Style
	xLabel     func(float64) string
	legend     bool
}

// WithMarkLabel adds a word after the current-weight marker, e.g. "current" or "当前".
func WithMarkLabel(s string) LineOption { return func(o *lineOpts) { o.markLabel = s } }

// WithYRange fixes the vertical range instead of fitting it to the data.
func WithYRange(lo, hi float64) LineOption {
	return func(o *lineOpts) { o.yMin, o.yMax = lo, hi }
}

// WithAxisStyle colours the axes and their labels; WithMarkStyle the current-weight marker and
// the crossover markers.
func WithAxisStyle(s Style) LineOption { return func(o *lineOpts) { o.axis = s } }
func WithMarkStyle(s Style) LineOption { return func(o *lineOpts) { o.mark = s } }

// WithXLabels formats the x-axis ticks (default: percentages).
func WithXLabels(f func(float64) string) LineOption { return func(o *lineOpts) { o.xLabel = f } }

// WithoutLegend leaves the legend out.
func WithoutLegend() LineOption { return func(o *lineOpts) { o.legend = false } }

func percent(x float64) string { return strconv.FormatFloat(math.Round(x*100), 'f', -1, 64) + "%" }

// LineChart draws series over x ∈ [0,1] in braille (2×4 dots per cell) inside width × height
// cells; height counts every line returned: plot rows, the x axis, its labels, the marker line
// and the legend. The y-axis labels take a column as wide as the widest tick label, so the axis
// sits at the same cell on every row whatever the series are called; the names go to a legend
// below. When the height leaves no room for the whole legend, it shrinks to one line with the
// names cut (each swatch or glyph still beside its name), and goes only when even that line
// would leave the plot fewer than two rows or cannot hold every series. xMark (outside [0,1] for none) draws a dotted line and a ▲ with its value; crossings
// are drawn as × with their Label beside them when it fits. Returns "" when the space is too
// small for a plot.
func LineChart(series []Series, xMark float64, crossings []Point, width, height int, opt ...LineOption) string {
	o := lineOpts{legend: true, xLabel: percent}
	for _, f := range opt {
		f(&o)
	}
	hasMark := xMark >= 0 && xMark <= 1
	var legend []string
	if o.legend {
		legend = legendLines(series, width)
	}
	bottom := 2 // axis, tick labels
	if hasMark {
		bottom++
	}
	rows := height - bottom - len(legend)
	if rows < 2 && len(legend) > 1 {
		legend = nil
		if l := legendLine(series, width); l != "" {
			legend = []string{l}
		}
		rows = height - bottom - len(legend)
	}
	if rows < 2 && len(legend) > 0 {
		legend, rows = nil, height-bottom
	}
	if rows < 2 {
		return ""
	}

	lo, hi := o.yMin, o.yMax
	if !(hi > lo) {
		lo, hi = dataRange(series, crossings)
	}
	ticks, lo, hi, dec := yTicks(lo, hi, rows)
	labels := make([]string, len(ticks))
	lw := 0
	for i, t := range ticks {
		labels[i] = strconv.FormatFloat(t, 'f', dec, 64)
		lw = max(lw, textWidth(labels[i]))
	}
	pw := width - lw - 2
	if pw < 4 {
		return ""
	}
	// Even x ticks: the plot gives up the few cells (at most n−2) that would make the gaps
	// between ticks differ by one (issue 8 defect 8: uneven with four-cell y labels).
	nx := xTickCount(pw)
	pw -= (pw - 1) % (nx - 1)
	yRow := func(y float64) int { return int(math.Round((hi - y) / (hi - lo) * float64(rows-1))) }
	tickAt := make(map[int]string)
	for i, t := range ticks {
		if r := yRow(t); r >= 0 && r < rows {
			if _, taken := tickAt[r]; !taken {
				tickAt[r] = labels[i]
			}
		}
	}

	plot := newGrid(pw, rows)
	c := newCanvas(pw, rows)
	for i := range series {
		c.polyline(series[i].Points, lo, hi, i)
	}
	c.render(plot, series)
	markCol := -1
	if hasMark {
		markCol = int(math.Round(xMark * float64(pw-1)))
		for y := 0; y < rows; y++ {
			if plot.free(markCol, y, 1) {
				plot.put(markCol, y, "┊", o.mark)
			}
		}
	}
	// Crossover markers, then their labels: beside the marker on the row above, below or its
	// own, on free cells if possible, else over the braille dots (a label matters more than a
	// few dots) but never over another label, a crossing mark or the current-weight marker
	// (issue 8 defect 8: "25.6%⠤⠤35%" ran into the marker); a label with no such place is left
	// out.
	taken := make([]bool, pw*rows)
	if markCol >= 0 {
		for y := 0; y < rows; y++ {
			taken[y*pw+markCol] = true
		}
	}
	type spot struct{ x, y int }
	var marks []spot
	for _, p := range crossings {
		if p.X < 0 || p.X > 1 || p.Y < lo || p.Y > hi {
			continue
		}
		x, y := int(math.Round(p.X*float64(pw-1))), yRow(p.Y)
		plot.set(x, y, gcell{s: "×", style: o.mark})
		taken[y*pw+x] = true
		marks = append(marks, spot{x, y})
	}
	ci := 0
	for _, p := range crossings {
		if p.X < 0 || p.X > 1 || p.Y < lo || p.Y > hi {
			continue
		}
		m := marks[ci]
		ci++
		lw := textWidth(p.Label)
		if lw == 0 || lw > pw {
			continue
		}
		var cands []spot
		for _, ly := range []int{m.y - 1, m.y + 1, m.y} {
			if ly >= 0 && ly < rows {
				cands = append(cands, spot{m.x + 1, ly}, spot{m.x - lw, ly})
			}
		}
		ok := func(s spot, strict bool) bool {
			if s.x < 0 || s.x+lw > pw {
				return false
			}
			for i := s.x; i < s.x+lw; i++ {
				if taken[s.y*pw+i] {
					return false
				}
			}
			return !strict || plot.free(s.x, s.y, lw)
		}
		for _, strict := range []bool{true, false} {
			placed := false
			for _, s := range cands {
				if ok(s, strict) {
					plot.put(s.x, s.y, p.Label, o.mark)
					for i := s.x; i < s.x+lw; i++ {
						taken[s.y*pw+i] = true
					}
					placed = true
					break
				}
			}
			if placed {
				break
			}
		}
	}

	var out []string
	for y := 0; y < rows; y++ {
		label, axis := tickAt[y], "│"
		if label != "" {
			axis = "┤"
		}
		out = append(out, o.axis.apply(padLeft(label, lw)+" "+axis)+plot.row(y))
	}
	out = append(out, xAxis(pw, lw, nx, o)...)
	if hasMark {
		out = append(out, markLine(markCol, pw, lw, fmt.Sprintf("▲%s %s", o.xLabel(xMark), o.markLabel), o.mark))
	}
	out = append(out, legend...)
	for i, l := range out {
		out[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(out, "\n")
}

// legendLines lays "■ name" entries (the glyph for ■ when the series has one) out in as many
// lines of at most width cells as needed.
func legendLines(series []Series, width int) []string {
	var lines []string
	var cur strings.Builder
	curW := 0
	for i := range series {
		s := &series[i]
		name := termtext.Clean(s.Name)
		if textWidth(name)+2 > width {
			name = ansi.Truncate(name, max(width-2, 0), "…")
		}
		w := 2 + textWidth(name)
		if curW > 0 && curW+2+w > width {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
		}
		if curW > 0 {
			cur.WriteString("  ")
			curW += 2
		}
		cur.WriteString(s.swatch() + " " + name)
		curW += w
	}
	if curW > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// legendLine is the legend in one line of at most width cells: every "■ name" entry, the
// longest names cut first (to a common length, so that short names stay whole), with two
// spaces between entries or, if that is too wide, one. It is "" when some name would be cut
// to nothing but "…".
func legendLine(series []Series, width int) string {
	n := len(series)
	if n == 0 {
		return ""
	}
	names := make([]string, n)
	ws := make([]int, n)
	longest := 0
	for i := range series {
		names[i] = termtext.Clean(series[i].Name)
		ws[i] = textWidth(names[i])
		longest = max(longest, ws[i])
	}
	for _, sep := range []int{2, 1} {
		room := width - sep*(n-1) - 2*n // "■ " before each name
		// The largest common cap on name widths that fits the room.
		limit := -1
		for c := longest; c >= 0; c-- {
			sum := 0
			for _, w := range ws {
				sum += min(w, c)
			}
			if sum <= room {
				limit = c
				break
			}
		}
		if limit < 0 {
			continue
		}
		var b strings.Builder
		ok := true
		for i := range series {
			name := names[i]
			if ws[i] > limit {
				name = ansi.Truncate(name, limit, "…")
				if textWidth(name) <= 1 { // nothing left of the name but the ellipsis
					ok = false
					break
				}
			}
			if i > 0 {
				b.WriteString(strings.Repeat(" ", sep))
			}
			b.WriteString(series[i].swatch() + " " + name)
		}
		if ok {
			return b.String()
		}
	}
	return ""
}

func dataRange(series []Series, crossings []Point) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, s := range series {
		for _, p := range s.Points {
			lo, hi = min(lo, p.Y), max(hi, p.Y)
		}
	}
	for _, p := range crossings {
		lo, hi = min(lo, p.Y), max(hi, p.Y)
	}
	if math.IsInf(lo, 0) {
		return 0, 1
	}
	if hi-lo < 1e-9 {
		return lo - 0.5, hi + 0.5
	}
	return lo, hi
}

// yTicks picks a "nice" step (1, 2, 2.5 or 5 × 10^k) giving at most one label every other row,
// widens [lo, hi] to whole steps and returns the ticks and the decimals their labels need.
func yTicks(lo, hi float64, rows int) (ticks []float64, nlo, nhi float64, dec int) {
	want := max(1, (rows+1)/2)
	raw := (hi - lo) / float64(want)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	nlo = math.Floor(lo/step+1e-9) * step
	nhi = math.Ceil(hi/step-1e-9) * step
	if nhi <= nlo {
		nhi = nlo + step
	}
	for dec = 0; dec < 6; dec++ {
		if s := step * math.Pow(10, float64(dec)); math.Abs(s-math.Round(s)) < 1e-6 {
			break
		}
	}
	for t := nlo; t <= nhi+step*1e-6; t += step {
		ticks = append(ticks, math.Round(t/step)*step)
	}
	return ticks, nlo, nhi, dec
}

// xTickCount is how many x ticks a plot pw cells wide gets: 0, 25, 50, 75, 100 % while each
// gap has at least 6 cells, fewer on narrower plots.
func xTickCount(pw int) int {
	n := 5
	for n > 2 && pw/(n-1) < 6 {
		n--
	}
	return n
}

// xAxis returns the axis line with n tick marks and the line of tick labels.
func xAxis(pw, lw, n int, o lineOpts) []string {
	axis := []rune(strings.Repeat("─", pw))
	labels := newGrid(pw, 1)
	next := 0
	for i := 0; i < n; i++ {
		x := float64(i) / float64(n-1)
		col := int(math.Round(x * float64(pw-1)))
		axis[col] = '┬'
		l := o.xLabel(x)
		w := textWidth(l)
		at := min(max(col-w/2, 0), pw-w)
		if at >= next && at >= 0 {
			labels.put(at, 0, l, o.axis)
			next = at + w + 1
		}
	}
	prefix := strings.Repeat(" ", lw+1)
	return []string{o.axis.apply(prefix + "└" + string(axis)), prefix + " " + labels.row(0)}
}

// markLine puts "▲value label" under the current-weight column, shifted left when it would
// run past the edge.
func markLine(col, pw, lw int, text string, st Style) string {
	text = strings.TrimRight(termtext.Clean(text), " ")
	w := textWidth(text)
	if w > pw {
		text = ansi.Truncate(text, pw, "…")
		w = textWidth(text)
	}
	at := min(col, pw-w)
	g := newGrid(pw, 1)
	g.put(at, 0, text, st)
	if at != col { // keep the arrow itself under the column
		g.set(col, 0, gcell{s: "▲", style: st})
	}
	return strings.Repeat(" ", lw+2) + g.row(0)
}

// canvas is a braille dot matrix: 2 × 4 dots per cell, each cell remembering the last series
// that drew in it (for its colour).
type canvas struct {
	w, h  int // in cells
	dots  []uint8
	owner []int
}

func newCanvas(w, h int) *canvas {
	c := &canvas{w: w, h: h, dots: make([]uint8, w*h), owner: make([]int, w*h)}
	for i := range c.owner {
		c.owner[i] = -1
	}
	return c
}

// brailleBit[dy][dx] is the dot's bit in the braille pattern (U+2800 + bits).
var brailleBit = [4][2]uint8{{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}}

func (c *canvas) dot(px, py, owner int) {
	if px < 0 || py < 0 || px >= 2*c.w || py >= 4*c.h {
		return
	}
	i := (py/4)*c.w + px/2
	c.dots[i] |= brailleBit[py%4][px%2]
	c.owner[i] = owner
}

// polyline draws the series' segments with Bresenham's algorithm in dot coordinates.
func (c *canvas) polyline(pts []Point, lo, hi float64, owner int) {
	toDot := func(p Point) (int, int) {
		x := int(math.Round(min(max(p.X, 0), 1) * float64(2*c.w-1)))
		y := int(math.Round((hi - p.Y) / (hi - lo) * float64(4*c.h-1)))
		return x, y
	}
	if len(pts) == 1 {
		x, y := toDot(pts[0])
		c.dot(x, y, owner)
	}
	for i := 1; i < len(pts); i++ {
		x0, y0 := toDot(pts[i-1])
		x1, y1 := toDot(pts[i])
		dx, dy := abs(x1-x0), -abs(y1-y0)
		sx, sy := sign(x1-x0), sign(y1-y0)
		err := dx + dy
		for {
			c.dot(x0, y0, owner)
			if x0 == x1 && y0 == y1 {
				break
			}
			e2 := 2 * err
			if e2 >= dy {
				err += dy
				x0 += sx
			}
			if e2 <= dx {
				err += dx
				y0 += sy
			}
		}
	}
}

// render puts the canvas on the grid: each cell in the style of the last series that drew in
// it, as braille dots or, for a series with a glyph, as that glyph.
func (c *canvas) render(g *grid, series []Series) {
	glyphs := make([]string, len(series))
	for i := range series {
		glyphs[i] = series[i].glyph()
	}
	for i, d := range c.dots {
		if d == 0 {
			continue
		}
		s := string(rune(0x2800 + int(d)))
		var st Style
		if o := c.owner[i]; o >= 0 {
			st = series[o].Style
			if glyphs[o] != "" {
				s = glyphs[o]
			}
		}
		g.set(i%c.w, i/c.w, gcell{s: s, style: st})
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}
