package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// affix is a style that only sets attributes and colours, as the escape sequences before and
// after the text. A grid draws hundreds of cells a frame in a handful of styles; rendering
// each cell through lipgloss is most of a keystroke's cost (BenchmarkGridKeystroke), so the
// cell styles are turned into affixes once, when the styles are built.
type affix struct {
	pre, post string
	style     lipgloss.Style
	ok        bool // pre/post reproduce style.Render exactly; else Render is used
}

// affixOf splits style.Render around a marker and checks the split reproduces Render on a
// second text (a style with padding, width or alignment would not, and keeps using Render).
func affixOf(style lipgloss.Style) affix {
	a := affix{style: style}
	r := style.Render("X")
	i := strings.Index(r, "X")
	if i < 0 || strings.Count(r, "X") != 1 {
		return a
	}
	a.pre, a.post = r[:i], r[i+1:]
	const probe = "~3.5!"
	a.ok = style.Render(probe) == a.pre+probe+a.post
	return a
}

// render is style.Render(s) for one-line plain text.
func (a affix) render(s string) string {
	if !a.ok {
		return a.style.Render(s)
	}
	return a.pre + s + a.post
}
