package ui

// Minimum terminal size; below it the screen says so instead of drawing a broken layout.
const (
	minWidth  = 60
	minHeight = 16
)

// layout is where each band of the screen sits, computed in one place from the window size.
//
//	header   evaluation · client · profile · reviewer · saved state
//	tabs     (workbench only)
//	rule     (workbench only)
//	body     the focused pane
//	strip    live ranking (dimension, vendors and reviewers tabs)
//	status   messages and errors
//	hint     the keys of the focused pane
type layout struct {
	w, h     int
	tooSmall bool
	headerY  int
	tabsY    int // −1 when there are no tabs
	ruleY    int
	bodyY    int
	bodyH    int
	stripY   int // −1 when there is no strip
	statusY  int
	hintY    int
}

func computeLayout(w, h int, workbench, strip bool) layout {
	l := layout{w: w, h: h, tabsY: -1, ruleY: -1, stripY: -1}
	if w < minWidth || h < minHeight {
		l.tooSmall = true
		return l
	}
	l.hintY = h - 1
	l.statusY = h - 2
	bottom := l.statusY
	if workbench && strip {
		l.stripY = h - 3
		bottom = l.stripY
	}
	y := 1
	if workbench {
		l.tabsY, l.ruleY = 1, 2
		y = 3
	}
	l.bodyY = y
	l.bodyH = bottom - y
	return l
}
