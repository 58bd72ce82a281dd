package chart

import (
	"fmt"
	"math"
	"strings"
)

// Bar is one row of a tornado chart: the outcome (e.g. the leader's margin) with a parameter
// at its low and at its high setting.
type Bar struct {
	Label     string
	Low, High float64
}

// TornadoStyles colours the two halves of the bars and the reference lines; nil = plain.
type TornadoStyles struct {
	Low, High, Base, Zero, Label Style
}

// Tornado draws one row per bar (in the given order, usually widest first) plus a scale line,
// each at most width cells: the label, then the bar from the base value to the low outcome
// (░) and to the high outcome (█) on a scale shared by all rows, then "low / high". base is
// drawn as │ and zero, where a margin changes sign, as ┊. Labels are measured and cut in cells.
func Tornado(bars []Bar, base float64, width int, st TornadoStyles) string {
	if len(bars) == 0 || width < 12 {
		return ""
	}
	num := func(x float64) string { return strings.Replace(fmt.Sprintf("%+.2f", x), "-", "−", 1) }
	lw, vw := 0, 0
	vals := make([]string, len(bars))
	lo, hi := math.Min(base, 0), math.Max(base, 0)
	for i, b := range bars {
		lw = max(lw, textWidth(b.Label))
		vals[i] = num(b.Low) + " / " + num(b.High)
		vw = max(vw, textWidth(vals[i]))
		lo, hi = math.Min(lo, math.Min(b.Low, b.High)), math.Max(hi, math.Max(b.Low, b.High))
	}
	lw = min(lw, max(width/4, 4))
	bw := width - lw - vw - 2
	if bw < 5 { // no room for the values: drop them
		vw, bw = 0, width-lw-1
	}
	if hi-lo < 1e-12 {
		hi = lo + 1
	}
	col := func(v float64) int { return int(math.Round((v - lo) / (hi - lo) * float64(bw-1))) }
	zc, bc := col(0), col(base)
	var out []string
	for i, b := range bars {
		g := newGrid(bw, 1)
		fill := func(to int, glyph string, s Style) {
			a, z := min(bc, to), max(bc, to)
			for x := a; x <= z; x++ {
				g.set(x, 0, gcell{s: glyph, style: s})
			}
		}
		fill(col(b.Low), "░", st.Low)
		fill(col(b.High), "█", st.High) // drawn second: where both sides overlap, high shows
		if g.free(zc, 0, 1) {
			g.set(zc, 0, gcell{s: "┊", style: st.Zero})
		}
		g.set(bc, 0, gcell{s: "│", style: st.Base})
		line := st.Label.apply(fit(b.Label, lw)) + " " + g.row(0)
		if vw > 0 {
			line += " " + padLeft(vals[i], vw)
		}
		out = append(out, strings.TrimRight(line, " "))
	}
	// Scale: the ends of the range and, when it fits, 0 under its column.
	g := newGrid(bw, 1)
	left, right := num(lo), num(hi)
	g.put(0, 0, left, st.Zero)
	if w := textWidth(right); bw-w > textWidth(left) {
		g.put(bw-w, 0, right, st.Zero)
	}
	if zc > 0 && zc < bw-1 && g.free(zc-1, 0, 3) {
		g.put(zc, 0, "0", st.Zero)
	}
	out = append(out, strings.TrimRight(strings.Repeat(" ", lw+1)+g.row(0), " "))
	return strings.Join(out, "\n")
}
