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

	// marks are the cells whose edit is not in the database yet, for the grid to mark.
	marks cellMarks
}

// cellMarks counts the keyed edits (cellKey) queued or in flight, and the keys of failed ones
// waiting in the "not saved" list (issue 8 defect 3: the pending cell is marked).
type cellMarks struct {
	inflight map[string]int
	failed   map[string]bool
}

func (m *cellMarks) sent(key string) {
	if key == "" {
		return
	}
	if m.inflight == nil {
		m.inflight = map[string]int{}
	}
	m.inflight[key]++
}

func (m *cellMarks) done(key string) {
	if n := m.inflight[key]; n > 1 {
		m.inflight[key] = n - 1
	} else {
		delete(m.inflight, key)
	}
}

// any reports whether some cell is marked (so the grid builds no keys otherwise).
func (m *cellMarks) any() bool { return len(m.inflight)+len(m.failed) > 0 }

func (e *env) lang() model.Lang { return e.t.lang }

// write queues an edit that call makes. what names it on the status line; retry (nil for none)
// is the form shown again, with what was typed, if it fails; reload reads the evaluation again
// afterwards (the edit changed its structure, not just a score already applied in memory).
func (e *env) write(what string, retry retryable, reload bool, call func(Store) error) tea.Cmd {
	return e.writeKey("", what, retry, reload, call)
}

// writeKey is write for an edit that a later edit with the same key supersedes (a cell's
// score): a failed one waiting for a retry is dropped when a newer one is made.
func (e *env) writeKey(key, what string, retry retryable, reload bool, call func(Store) error) tea.Cmd {
	e.marks.sent(key)
	return e.do(storeOp{write: true, run: func(s Store) tea.Msg {
		return writeDoneMsg{what: what, err: call(s), key: key, call: call, retry: retry, reload: reload}
	}})
}

// statusKind says how a status-line message is shown.
type statusKind int

const (
	statusInfo statusKind = iota
	statusOK
	statusWarn
	statusErr
)
