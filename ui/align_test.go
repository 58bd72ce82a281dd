package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"ccselect/model"
)

// cells splits a plain line into terminal cells: a wide character fills its cell and leaves
// "" in the next one, so cell x of every line can be compared.
func cells(line string) []string {
	var out []string
	for _, r := range line {
		s := string(r)
		out = append(out, s)
		for i := 1; i < ansi.StringWidth(s); i++ {
			out = append(out, "")
		}
	}
	return out
}

// TestCJKAlignment renders every workbench tab and the home screen of an evaluation with CJK
// names of awkward widths at many terminal sizes, and checks that every row has exactly the
// terminal's width in cells, that no wide character was split, and that the grid's vendor
// columns and the overview's totals end in the same cell on every row.
func TestCJKAlignment(t *testing.T) {
	ev := synthEval(7, 15, 3)
	ev.Vendors[3].Name.Zh = "长风云联科技集团股份有限公司呼叫中心事业部"
	ev.Framework.Criteria[0].Name.Zh = "架构冗余设计与多可用区双活容灾演练"
	st := newMemStore(ev)
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		for _, w := range []int{60, 61, 79, 80, 81, 97, 100, 120, 133} {
			for _, h := range []int{16, 24, 40} {
				r := start(newTestRoot(st, lang, 1, w, h))
				for tab := range r.tabs {
					r.tab = tab
					name := fmt.Sprintf("%s %dx%d tab %d", lang, w, h, tab)
					scr := screen(r)
					ls := lines(scr)
					if len(ls) != h {
						t.Fatalf("%s: %d lines, want %d", name, len(ls), h)
					}
					for i, l := range ls {
						if got := ansi.StringWidth(l); got != w {
							t.Fatalf("%s: line %d is %d cells wide, want %d:\n%s", name, i, got, w, scr)
						}
						if strings.ContainsRune(l, '\uFFFD') {
							t.Fatalf("%s: line %d has a broken character:\n%s", name, i, l)
						}
					}
					switch r.tabs[tab].kind {
					case tabDimension:
						checkGridColumns(t, name, r, ls)
					case tabOverview:
						checkOverviewTotals(t, name, r, ls)
					case tabSensitivity:
						checkSensAxis(t, name, r, ls, h >= 24)
					}
				}
			}
		}
	}
}

// checkGridColumns: the header, every criterion row and the subtotal row of a grid end each
// vendor column with a non-blank cell (values are right-aligned), at the same x.
func checkGridColumns(t *testing.T, name string, r *Root, ls []string) {
	t.Helper()
	l := r.layout()
	geo := paneAs[*gridPane](r, tabDimension).geom(l.w, l.bodyH)
	crits := len(r.wb.dimCrit[paneAs[*gridPane](r, tabDimension).dim])
	rows := []int{l.bodyY + 1} // header
	for i := 0; i < min(crits, geo.rowsVis); i++ {
		rows = append(rows, l.bodyY+geo.rowsY+i)
	}
	rows = append(rows, l.bodyY+geo.rowsY+geo.rowsVis+1) // subtotal, under the rule
	for _, y := range rows {
		cs := cells(ls[y])
		for k := 0; k < min(geo.nVis, len(r.wb.ev.Vendors)-geo.colOff); k++ {
			x := geo.colsX + (k+1)*geo.colW - 1
			if k == geo.nVis-1 && y == l.bodyY+1 && geo.colOff+geo.nVis < len(r.wb.ev.Vendors) {
				continue // the › scroll mark sits there
			}
			if x >= len(cs) || strings.TrimSpace(cs[x]) == "" && cs[x] != "" {
				t.Fatalf("%s: row %d column %d does not end at cell %d:\n%s", name, y, k, x, strings.Join(ls, "\n"))
			}
		}
	}
}

// checkOverviewTotals: the totals of every ranked vendor line end in the same cell.
func checkOverviewTotals(t *testing.T, name string, r *Root, ls []string) {
	t.Helper()
	end := -1
	for _, l := range ls {
		for i := range r.wb.res.Vendors {
			v := &r.wb.res.Vendors[i]
			if v.Excluded || !strings.Contains(l, " "+num2(v.Total)+" ") || !strings.HasPrefix(strings.TrimSpace(l), itoa(v.Rank)) {
				continue
			}
			plain := strings.Index(l, " "+num2(v.Total)+" ")
			x := ansi.StringWidth(l[:plain]) + 1 + len(num2(v.Total))
			if end >= 0 && x != end {
				t.Fatalf("%s: total of %s ends at cell %d, others at %d:\n%s", name, v.ID, x, end, strings.Join(ls, "\n"))
			}
			end = x
		}
	}
	if end < 0 {
		t.Fatalf("%s: no ranked line found", name)
	}
}

// checkSensAxis: the sweep chart's y axis (┤ at a tick, │ between) is in the same cell on every
// plot row, the x axis (└) starts in that cell, and the first x label ("0%") sits just right of
// it, whatever the width of the vendor names in the legend. need says the chart must be there.
func checkSensAxis(t *testing.T, name string, r *Root, ls []string, need bool) {
	t.Helper()
	bottom := -1
	for i, l := range ls {
		if strings.Contains(l, "└") {
			bottom = i
			break
		}
	}
	if bottom < 0 {
		if need {
			t.Fatalf("%s: no chart:\n%s", name, strings.Join(ls, "\n"))
		}
		return
	}
	axisAt := func(l string, glyphs string) int {
		for x, c := range cells(l) {
			if c != "" && strings.Contains(glyphs, c) {
				return x
			}
		}
		return -1
	}
	x := axisAt(ls[bottom], "└")
	ticks, rows := 0, 0
	for y := bottom - 1; y > r.layout().bodyY; y-- {
		ax := axisAt(ls[y], "┤│")
		if ax < 0 {
			break // the caption above the chart
		}
		if ax != x {
			t.Fatalf("%s: axis of row %d at cell %d, x axis at %d:\n%s", name, y, ax, x, strings.Join(ls, "\n"))
		}
		if cells(ls[y])[ax] == "┤" {
			ticks++
		}
		rows++
	}
	if rows < 2 || ticks < 2 {
		t.Fatalf("%s: %d plot rows, %d ticks:\n%s", name, rows, ticks, strings.Join(ls, "\n"))
	}
	if cs := cells(ls[bottom+1]); len(cs) <= x+1 || cs[x+1] != "0" {
		t.Fatalf("%s: the first x label is not under the axis:\n%s", name, strings.Join(ls, "\n"))
	}
}
