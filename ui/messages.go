package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// Messages delivered by store calls (wrapped in opDoneMsg by the queue) and by the poller.

// evalLoadedMsg: an evaluation was read. open says it was opened from home (else: a reload).
type evalLoadedMsg struct {
	id   int64
	ev   *model.Evaluation
	err  error
	open bool
}

// listLoadedMsg: the home list was read.
type listLoadedMsg struct {
	list []Summary
	err  error
}

// writeDoneMsg: an edit was saved (or not). what names the edit for the status line; retry is
// the form to show again, with the user's text, when the save failed; reload asks for fresh
// data afterwards (structure changed); deleted is the id of a deleted evaluation.
type writeDoneMsg struct {
	what    string
	err     error
	key     string            // edits with one non-empty key supersede each other (see unsaved.go)
	call    func(Store) error // the edit, to retry it when the database was busy
	retry   retryable
	reload  bool
	deleted int64
}

// createdMsg: a new or duplicated evaluation was saved.
type createdMsg struct {
	id    int64
	err   error
	open  bool
	retry retryable
}

// undoneMsg: undo or redo ran; change is the edit it replayed.
type undoneMsg struct {
	redo   bool
	change Change
	err    error
}

// pollMsg asks for a look at the database's data version; dataVersionMsg is the answer.
type pollMsg struct{}

type dataVersionMsg struct {
	v   int64
	err error
}

// pollInterval is how often the database is checked for changes made by other processes
// (the issue asks for a reload within a second).
const pollInterval = 500 * time.Millisecond

func pollCmd(d time.Duration) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return pollMsg{} })
}
