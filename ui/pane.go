package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// pane is one focusable area of a screen (the home list, a workbench tab). It draws itself into
// exactly width × height cells, handles the keys the root did not take, and describes its keys
// for the hint bar (ShortHelp) and the help overlay (FullHelp).
type pane interface {
	Update(msg tea.Msg) tea.Cmd
	View(width, height int) string
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// paneMouse is a mouse event translated into the pane's own coordinates.
type paneMouse struct {
	X, Y   int
	W, H   int // the pane's size at the last layout
	Click  bool
	WheelY int // −1 up, +1 down
	WheelX int // −1 left, +1 right
}

// scrollTo keeps cursor inside the window [off, off+n) and returns the new offset.
func scrollTo(off, cursor, n, total int) int {
	if n <= 0 {
		return 0
	}
	if cursor < off {
		off = cursor
	}
	if cursor >= off+n {
		off = cursor - n + 1
	}
	return clampOffset(off, n, total)
}

func clampOffset(off, n, total int) int {
	off = min(off, total-n)
	return max(off, 0)
}

// sizer is a pane that learns its size in Update rather than in View: scroll offsets, page
// size and section anchors are settled there, so View only reads. The root calls SetSize on
// the focused pane after every message (settle). Optional, so that a pane written against the
// plain interface keeps compiling.
type sizer interface {
	SetSize(width, height int)
}

// settle sizes the focused pane for the body it is about to be drawn in.
func (r *Root) settle() {
	r.noteWeightsAway()
	if r.w <= 0 || r.h <= 0 {
		return
	}
	l := r.layout()
	if l.tooSmall {
		return
	}
	if s, ok := r.focused().(sizer); ok {
		s.SetSize(l.w, l.bodyH)
	}
	if l.stripY >= 0 {
		r.settleStrip()
	}
}

// capturer is a pane that takes some keys before the root's own workbench keys (tab
// switching, back to the list): esc during a run, the rating digits in a grid. Captures says
// whether msg is one of them now; the root then hands it to the pane's Update. Optional, like
// sizer.
type capturer interface {
	Captures(msg tea.KeyPressMsg) bool
}
