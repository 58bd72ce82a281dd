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
