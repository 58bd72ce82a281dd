package ui

import (
	"errors"

	"ccselect/ui/store"
)

// Store is what the workbench asks of the database (ui/store.Store; internal/tuistore adapts
// *storage.Store). ui imports no storage code.
type Store = store.Store

// Summary is one line of the home screen.
type Summary = store.Summary

// Change is the edit an undo or redo replayed (ids, not names: see undo_text.go).
type Change = store.Change

// isNothingToUndo reports the store's "nothing to undo/redo" outcome, which is news, not an error.
func isNothingToUndo(err error) bool {
	return errors.Is(err, store.ErrNothingToUndo) || errors.Is(err, store.ErrNothingToRedo)
}

// isNotFound reports that the evaluation (or what was named) no longer exists.
func isNotFound(err error) bool { return errors.Is(err, store.ErrNotFound) }
