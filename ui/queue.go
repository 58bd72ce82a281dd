package ui

import (
	tea "charm.land/bubbletea/v2"
)

// storeOp is one store call. It runs inside a tea.Cmd (off the update loop) and returns the
// message that reports its outcome.
type storeOp struct {
	write bool // changes the database (counts for the "saving…" indicator)
	load  bool // a reload of the open evaluation; coalesced, see below
	run   func(Store) tea.Msg
}

// opDoneMsg wraps the result of a queued store call.
type opDoneMsg struct{ msg tea.Msg }

// queue runs store calls one at a time, in the order they were issued. Bubble Tea runs commands
// concurrently; without this, two fast keystrokes on one cell could commit in the wrong order,
// and a reload could overtake the edit it is supposed to show.
type queue struct {
	busy        bool
	busyWrite   bool
	pending     []storeOp
	loadPending bool // a reload is waiting in pending: a second one adds nothing
}

// push adds op and returns the command to start it if nothing is running.
func (q *queue) push(st Store, op storeOp) tea.Cmd {
	if op.load {
		if q.loadPending {
			return nil
		}
		q.loadPending = true
	}
	if q.busy {
		q.pending = append(q.pending, op)
		return nil
	}
	return q.start(st, op)
}

func (q *queue) start(st Store, op storeOp) tea.Cmd {
	q.busy, q.busyWrite = true, op.write
	if op.load {
		q.loadPending = false
	}
	return func() tea.Msg { return opDoneMsg{msg: op.run(st)} }
}

// done marks the running call finished and starts the next one, if any.
func (q *queue) done(st Store) tea.Cmd {
	q.busy, q.busyWrite = false, false
	if len(q.pending) == 0 {
		return nil
	}
	op := q.pending[0]
	q.pending = q.pending[1:]
	return q.start(st, op)
}

// idle reports whether no call is running or waiting.
func (q *queue) idle() bool { return !q.busy && len(q.pending) == 0 }

// writing reports whether a write is running or waiting.
func (q *queue) writing() bool {
	if q.busyWrite {
		return true
	}
	for _, op := range q.pending {
		if op.write {
			return true
		}
	}
	return false
}
