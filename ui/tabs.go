package ui

import (
	"strings"
)

// tabKind is what a workbench tab shows. A later issue adds a weights tab: it slots into
// buildTabs between the dimensions and the sensitivity tab.
type tabKind int

const (
	tabOverview tabKind = iota
	tabDimension
	tabSensitivity
	tabVendors
	tabReviewers
)

type tab struct {
	kind tabKind
	dim  int // for tabDimension
}

// buildTabs lists the tabs of an evaluation: Overview, one per dimension, then (after a
// separator) Sensitivity, Vendors, Reviewers.
func buildTabs(nDims int) []tab {
	tabs := []tab{{kind: tabOverview}}
	for d := 0; d < nDims; d++ {
		tabs = append(tabs, tab{kind: tabDimension, dim: d})
	}
	return append(tabs, tab{kind: tabSensitivity}, tab{kind: tabVendors}, tab{kind: tabReviewers})
}

// afterSeparator reports whether tab i is the first of the tabs after the scoring tabs (the
// overview and the dimensions), where the tab row draws its "│".
func (r *Root) afterSeparator(i int) bool {
	if i == 0 {
		return false
	}
	scoring := func(k tabKind) bool { return k == tabOverview || k == tabDimension }
	return scoring(r.tabs[i-1].kind) && !scoring(r.tabs[i].kind)
}

// tabLabels are the labels of the tabs, in the short form or, when even that does not fit,
// the tiny one ("稳定" / "Stab").
func (r *Root) tabLabels(tiny bool) []string {
	t := r.e.t
	out := make([]string, len(r.tabs))
	for i, tb := range r.tabs {
		switch tb.kind {
		case tabOverview:
			out[i] = t.s("tab.overview")
		case tabDimension:
			if tiny {
				out[i] = dimTiny(t, r.wb.ev, tb.dim)
			} else {
				out[i] = dimShort(t, r.wb.ev, tb.dim)
			}
		case tabSensitivity:
			if tiny {
				out[i] = t.s("tab.sensitivity.tiny")
			} else {
				out[i] = t.s("tab.sensitivity")
			}
		case tabVendors:
			out[i] = t.s("tab.vendors")
		case tabReviewers:
			out[i] = t.s("tab.reviewers")
		}
	}
	return out
}

// tabSpan is the cells a tab occupies on the tab row (for drawing and for mouse clicks).
type tabSpan struct{ x0, x1 int }

// tabSpans lays the tab labels out: " label " each, a "│" between the dimensions and the
// other tabs. It falls back to tiny labels, then to truncated ones, to fit width w.
func (r *Root) tabSpans(w int) ([]string, []tabSpan) {
	for _, tiny := range []bool{false, true} {
		labels := r.tabLabels(tiny)
		spans, total := r.placeTabs(labels, 0)
		if total <= w {
			return labels, spans
		}
	}
	labels := r.tabLabels(true)
	each := max((w-2*len(labels)-2)/max(len(labels), 1), 2)
	for i := range labels {
		labels[i] = truncate(labels[i], each)
	}
	spans, _ := r.placeTabs(labels, 0)
	return labels, spans
}

func (r *Root) placeTabs(labels []string, x int) ([]tabSpan, int) {
	spans := make([]tabSpan, len(labels))
	for i, l := range labels {
		if r.afterSeparator(i) {
			x += 2 // room for the separator
		}
		w := width(l) + 2
		spans[i] = tabSpan{x, x + w}
		x += w
	}
	return spans, x
}

// tabAt returns the tab under column x, or −1.
func (r *Root) tabAt(x int) int {
	_, spans := r.tabSpans(r.w)
	for i, s := range spans {
		if x >= s.x0 && x < s.x1 {
			return i
		}
	}
	return -1
}

// renderTabs draws the tab row; the active tab is reversed in its dimension's colour.
func (r *Root) renderTabs() string {
	st := &r.styles
	labels, spans := r.tabSpans(r.w)
	var b strings.Builder
	x := 0
	for i, l := range labels {
		if pad := spans[i].x0 - x; pad > 0 {
			if r.afterSeparator(i) {
				b.WriteString(st.TabSep.Render("│") + strings.Repeat(" ", pad-1))
			} else {
				b.WriteString(strings.Repeat(" ", pad))
			}
		}
		cell := " " + l + " "
		if i == r.tab {
			slot := 0
			if r.tabs[i].kind == tabDimension {
				slot = r.tabs[i].dim + 1
			}
			b.WriteString(st.TabStyle(slot).Render(cell))
		} else if r.tabs[i].kind == tabDimension {
			b.WriteString(st.DimStyle(r.tabs[i].dim).Render(cell))
		} else {
			b.WriteString(st.Tab.Render(cell))
		}
		x = spans[i].x1
	}
	return padLine(b.String(), r.w)
}
