package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// env is what the root lends every pane and dialog: styles, language, the clock and three ways
// to act on the world without doing I/O in Update — queue a store call, open a dialog, or say
// something on the status line.
type env struct {
	styles *Styles
	t      tr
	now    func() time.Time
	actor  string

	do     func(op storeOp) tea.Cmd // queue a store call (see queue.go)
	open   func(d dialog)           // show a dialog on top of everything
	status func(kind statusKind, text string)
}

func (e *env) lang() model.Lang { return e.t.lang }

// statusKind says how a status-line message is shown.
type statusKind int

const (
	statusInfo statusKind = iota
	statusOK
	statusWarn
	statusErr
)
