// Package chart renders small text charts for the terminal: a braille line chart for weight
// sweeps, a tornado chart and a progress bar. Functions are pure and return strings; widths are
// measured in terminal cells (github.com/charmbracelet/x/ansi), so Chinese names never push an
// axis out of line. It knows nothing of Bubble Tea: colours come in as style functions.
//
// Names and labels are user text: put, fit and the legend pass them through termtext.Clean, so
// a newline in a vendor's name cannot break a row and an escape sequence never gets through.
package chart

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"ccselect/internal/termtext"
)

// Point is a point of a series, or a labelled marker (a crossover).
type Point struct {
	X, Y  float64
	Label string
}

// Style wraps a glyph or text in colour (e.g. a lipgloss style's Render); nil leaves it plain.
type Style func(string) string

func (s Style) apply(t string) string {
	if s == nil || t == "" {
		return t
	}
	return s(t)
}

// grid is a rectangle of terminal cells. A wide character takes its cell and marks the next
// one as its continuation, so rows always render to exactly their width.
type grid struct {
	w, h  int
	cells []gcell
}

type gcell struct {
	s     string // "" = blank
	style Style
	cont  bool // right half of a wide character
}

func newGrid(w, h int) *grid { return &grid{w: w, h: h, cells: make([]gcell, w*h)} }

func (g *grid) at(x, y int) *gcell { return &g.cells[y*g.w+x] }

// free reports whether the cells [x, x+n) of row y hold nothing.
func (g *grid) free(x, y, n int) bool {
	if x < 0 || y < 0 || y >= g.h || x+n > g.w {
		return false
	}
	for i := x; i < x+n; i++ {
		if c := g.at(i, y); c.s != "" || c.cont {
			return false
		}
	}
	return true
}

// put writes text at (x, y), clipped at the right edge (a wide character that would straddle
// it is dropped).
func (g *grid) put(x, y int, text string, st Style) {
	if y < 0 || y >= g.h {
		return
	}
	for _, r := range termtext.Clean(text) {
		s := string(r)
		w := textWidth(s)
		if w == 0 {
			continue
		}
		if x < 0 || x+w > g.w {
			return
		}
		g.set(x, y, gcell{s: s, style: st})
		if w == 2 {
			g.set(x+1, y, gcell{cont: true})
		}
		x += w
	}
}

// set replaces one cell; a wide character it cuts in half is blanked, so a row never renders
// wider or narrower than the grid.
func (g *grid) set(x, y int, c gcell) {
	cur := g.at(x, y)
	if cur.cont && x > 0 {
		*g.at(x-1, y) = gcell{}
	}
	if !cur.cont && cur.s != "" && x+1 < g.w && g.at(x+1, y).cont {
		*g.at(x+1, y) = gcell{}
	}
	*cur = c
}

func (g *grid) row(y int) string {
	var b strings.Builder
	for x := 0; x < g.w; x++ {
		c := g.at(x, y)
		switch {
		case c.cont:
		case c.s == "":
			b.WriteByte(' ')
		default:
			b.WriteString(c.style.apply(c.s))
		}
	}
	return b.String()
}

// fit pads s with spaces to exactly w cells, truncating with "…" when it is wider.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = termtext.Clean(s)
	if sw := textWidth(s); sw > w {
		s = ansi.Truncate(s, w, "…")
	}
	return s + strings.Repeat(" ", w-textWidth(s))
}

// padLeft right-aligns s in w cells.
func padLeft(s string, w int) string {
	if sw := textWidth(s); sw < w {
		return strings.Repeat(" ", w-sw) + s
	}
	return s
}

// textWidth is the width of s in cells as put and fit show it (cleaned).
func textWidth(s string) int { return termtext.Width(s) }
