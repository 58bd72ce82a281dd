package ui

import (
	"math"
	"slices"
	"strings"

	"ccselect/model"
)

// overviewFactsMinWidth is the width from which the Overview adds its facts and lead sources
// below the score matrix (issue 8 defect 14: at 120×40 about 20 rows stayed empty). Narrower,
// the rows are better left to the ranking.
const overviewFactsMinWidth = 100

// overviewFacts is what a consultant asks next about each vendor, in rank order: how many of
// its cells the reviewers dispute (spread ≥ 2, as the grid's "!"), how many criteria have no
// score yet, and its indicative price; then, for each lead, the two dimensions whose
// contributions make most of it.
func overviewFacts(e *env, wb *workbench, w int) []string {
	st, t := e.styles, e.t
	ev, res, p := wb.ev, wb.res, wb.prob
	if w < overviewFactsMinWidth || len(res.Vendors) == 0 {
		return nil
	}
	nameW := 8
	for _, v := range ev.Vendors {
		nameW = max(nameW, width(v.Name.In(t.lang)))
	}
	nameW = min(nameW, max(12, w/5))
	// Each column as wide as its heading, plus a gap.
	dw, uw, pw := width(t.s("ov.disputed"))+2, width(t.s("ov.unscored"))+2, width(t.s("ov.price"))+2
	out := []string{"", st.TableHead.Render(" " + fit(t.s("ov.facts"), 5+nameW) + " " + fitRight(t.s("ov.disputed"), dw) +
		fitRight(t.s("ov.unscored"), uw) + fitRight(t.s("ov.price"), pw))}
	for i := range res.Vendors {
		l := &res.Vendors[i]
		price := "—"
		if x := ev.Vendors[l.Vendor].Price; x > 0 {
			price = num(x)
		}
		disputed := disputedCells(p, l.Vendor)
		d := itoa(disputed)
		if disputed > 0 {
			d = st.Warn.Render(d)
		}
		out = append(out, " "+fit(l.Name.In(t.lang), 5+nameW)+" "+padLeftTo(d, dw)+
			fitRight(itoa(len(l.Missing)), uw)+fitRight(price, pw))
	}

	ranked := wb.ranked()
	if ranked < 2 {
		return out
	}
	out = append(out, "", st.TableHead.Render(truncate(" "+t.s("ov.leadfrom"), w)))
	for i := 0; i+1 < ranked; i++ {
		a, b := &res.Vendors[i], &res.Vendors[i+1]
		out = append(out, " "+truncate(leadLine(st, t, ev, a, b), w-1))
	}
	return out
}

// disputedCells counts the criteria where the reviewers' values for vendor v are 2 or more
// apart (the grid marks those cells "!").
func disputedCells(p *model.Problem, v int) int {
	n := 0
	for c := 0; c < p.NC; c++ {
		lo, hi := math.Inf(1), math.Inf(-1)
		for r := 0; r < p.NR; r++ {
			if x := p.Raw(v, c, r); !math.IsNaN(x) {
				lo, hi = math.Min(lo, x), math.Max(hi, x)
			}
		}
		if hi-lo >= disagreement {
			n++
		}
	}
	return n
}

// leadLine is "A leads B by 0.32: Security +0.20 · Ops +0.15": the two dimensions whose
// contributions differ most in a's favour.
func leadLine(st *Styles, t tr, ev *model.Evaluation, a, b *model.VendorResult) string {
	dims := make([]int, len(a.Contributions))
	for d := range dims {
		dims[d] = d
	}
	gap := func(d int) float64 { return a.Contributions[d] - b.Contributions[d] }
	slices.SortStableFunc(dims, func(x, y int) int {
		switch gx, gy := gap(x), gap(y); {
		case gx > gy:
			return -1
		case gx < gy:
			return 1
		}
		return 0
	})
	var parts []string
	for _, d := range dims[:min(2, len(dims))] {
		if gap(d) <= 0 {
			break
		}
		parts = append(parts, st.DimStyle(d).Render(dimShort(t, ev, d))+" +"+num2(gap(d)))
	}
	if len(parts) == 0 {
		parts = append(parts, "—")
	}
	return t.f("ov.leadline", a.Name.In(t.lang), b.Name.In(t.lang), "+"+num2(a.Total-b.Total), strings.Join(parts, " · "))
}

// padLeftTo right-aligns a styled string s in w cells.
func padLeftTo(s string, w int) string {
	if n := width(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}
