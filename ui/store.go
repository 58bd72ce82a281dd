package ui

import (
	"errors"

	"ccselect/model"
	"ccselect/storage"
)

// Store is the part of *storage.Store the workbench uses. Panes never call it: the root wraps
// each call in a tea.Cmd that runs off the update loop and delivers a message back, one call at
// a time (see queue.go), so edits reach the database in the order they were typed.
type Store interface {
	List() ([]Summary, error)
	Load(id int64) (*model.Evaluation, error)
	Create(ev *model.Evaluation, actor string) (int64, error)
	Rename(id int64, name, actor string) error
	Duplicate(id int64, newName, actor string) (int64, error)
	Delete(id int64, actor string) error
	SetScore(id int64, sc model.Score, actor string) error
	ClearScore(id int64, vendor, criterion, reviewer, actor string) error
	SaveVendor(id int64, v model.Vendor, actor string) error
	DeleteVendor(id int64, vendorID, actor string) error
	SaveReviewer(id int64, r model.Reviewer, actor string) error
	DeleteReviewer(id int64, reviewerID, actor string) error
	SaveProfile(id int64, p model.WeightProfile, actor string) error
	SetActiveProfile(id int64, name, actor string) error
	Undo(id int64, actor string) (Change, error)
	Redo(id int64, actor string) (Change, error)
	DataVersion() (int64, error)
}

// Summary is one line of the home screen (the store's type: the ui imports storage for its
// types and sentinel errors only, never for SQL).
type Summary = storage.Summary

// Change is the edit an undo or redo replayed (ids, not names: see undo_text.go).
type Change = storage.Change

// isNothingToUndo reports the store's "nothing to undo/redo" outcome, which is news, not an error.
func isNothingToUndo(err error) bool {
	return errors.Is(err, storage.ErrNothingToUndo) || errors.Is(err, storage.ErrNothingToRedo)
}

// isNotFound reports that the evaluation (or what was named) no longer exists.
func isNotFound(err error) bool { return errors.Is(err, storage.ErrNotFound) }
