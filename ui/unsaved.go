package ui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"

	"ccselect/ui/store"
)

// An edit the database refused for a passing reason (another program held the lock) is not
// dropped: it waits in the "not saved" list, the header counts it, the retry key (w) sends it
// again, and each poll of the database retries it once the queue is idle, so it goes in when
// the lock clears (issue 8 defect 3). A later edit of the same cell supersedes it.
type unsavedEdit struct {
	key  string // "" = unique; else edits with one key supersede each other (a cell)
	what string
	call func(Store) error
	err  error
}

// errText is err in the interface language: the kinds ui knows are worded, never shown as
// raw SQLite text; anything else is shown as it came.
func (r *Root) errText(err error) string {
	t := r.e.t
	switch {
	case errors.Is(err, store.ErrBusy):
		return t.s("err.kind.busy")
	case errors.Is(err, store.ErrReadOnly):
		return t.s("err.kind.readonly")
	case errors.Is(err, store.ErrNotFound):
		return t.s("err.kind.notfound")
	case errors.Is(err, store.ErrNameTaken):
		return t.s("err.kind.nametaken")
	}
	return err.Error()
}

// keepUnsaved records a failed edit for retrying; false when the failure will not pass by
// retrying (a refused value, a vanished evaluation): then it is reported and dropped.
func (r *Root) keepUnsaved(msg writeDoneMsg) bool {
	if msg.call == nil || !errors.Is(msg.err, store.ErrBusy) {
		return false
	}
	r.dropUnsaved(msg.key)
	r.unsaved = append(r.unsaved, unsavedEdit{key: msg.key, what: msg.what, call: msg.call, err: msg.err})
	return true
}

// dropUnsaved forgets the waiting edits that an edit with key supersedes.
func (r *Root) dropUnsaved(key string) {
	if key == "" {
		return
	}
	kept := r.unsaved[:0]
	for _, u := range r.unsaved {
		if u.key != key {
			kept = append(kept, u)
		}
	}
	r.unsaved = kept
}

// retryUnsaved queues every waiting edit again (they leave the list; a failure puts them back).
func (r *Root) retryUnsaved() tea.Cmd {
	if len(r.unsaved) == 0 || r.wb == nil {
		return nil
	}
	list := r.unsaved
	r.unsaved = nil
	r.markFailed()
	r.quitArmed = false
	var cmds []tea.Cmd
	for _, u := range list {
		u := u
		r.e.marks.sent(u.key)
		cmds = append(cmds, r.do(storeOp{write: true, run: func(s Store) tea.Msg {
			return writeDoneMsg{what: u.what, err: u.call(s), key: u.key, call: u.call, reload: true}
		}}))
	}
	r.setStatus(statusInfo, r.e.t.f("info.retrying", len(list)))
	return tea.Batch(cmds...)
}

// unsavedSummary names the waiting edits, for the status line and the exit message.
func (r *Root) unsavedSummary() string {
	names := make([]string, len(r.unsaved))
	for i, u := range r.unsaved {
		names[i] = u.what
	}
	return strings.Join(names, "; ")
}

// quit ends the program once nothing is left to save (issue 7 defect 4: quitting while an
// edit was still saving lost it silently). With a write in flight it waits for it; with edits
// that could not be saved it stays open and says so, and a second quit leaves without them
// (Run then returns an error naming them).
func (r *Root) quit() tea.Cmd {
	switch {
	case len(r.unsaved) > 0 && r.quitArmed:
		r.exitUnsaved = r.unsavedSummary()
		return tea.Quit
	case len(r.unsaved) > 0:
		r.quitArmed = true
		r.setStatus(statusErr, r.e.t.f("quit.unsaved", len(r.unsaved), r.unsavedSummary()))
		return nil
	case r.q.writing():
		r.quitWhenSaved = true
		r.setStatus(statusInfo, r.e.t.s("quit.waiting"))
		return nil
	}
	return tea.Quit
}

// afterOp runs when a store call finished: a quit waiting for the saves goes ahead once they
// are all in, or stops (and says why) when one failed.
func (r *Root) afterOp() tea.Cmd {
	if !r.quitWhenSaved || r.q.writing() {
		return nil
	}
	r.quitWhenSaved = false
	if len(r.unsaved) > 0 {
		return r.quit() // arms the second quit and says what is not saved
	}
	return tea.Quit
}

// markFailed rebuilds the grid's set of failed cells from the "not saved" list.
func (r *Root) markFailed() {
	r.e.marks.failed = nil
	for _, u := range r.unsaved {
		if u.key != "" {
			if r.e.marks.failed == nil {
				r.e.marks.failed = map[string]bool{}
			}
			r.e.marks.failed[u.key] = true
		}
	}
}
