// Package store is the workbench's side of the database: the calls ui makes, in model types and
// ui's own types, and the kinds of failure ui tells the user about. It imports no storage code,
// so the workbench can be driven by any implementation (internal/tuistore adapts
// *storage.Store; tests may use a fake).
package store

import (
	"errors"
	"time"

	"ccselect/model"
)

// Store is every call the workbench makes. Panes never call it: the root wraps each call in a
// tea.Cmd that runs off the update loop and delivers a message back, one call at a time, so
// edits reach the database in the order they were typed.
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
	// Weights tab (issue 10). SaveDraft stores the weight draft (nil clears it); it is working
	// state, written on every keystroke and not audited.
	SaveDraft(id int64, d *model.WeightProfile) error
	RenameProfile(id int64, old, new, actor string) error
	DeleteProfile(id int64, name, actor string) error
	SaveKnockOuts(id int64, kos []model.KnockOut, actor string) error
	Undo(id int64, actor string) (Change, error)
	Redo(id int64, actor string) (Change, error)
	DataVersion() (int64, error)
	// ReadOnly reports that the database can be read but not written (another user's file, a
	// read-only directory): the workbench opens it view-only. Hook for the storage issue's
	// read-only opens; today's adapter reports what it learned when it opened.
	ReadOnly() bool
}

// Summary is one line of the home screen.
type Summary struct {
	ID                           int64
	Name, Client, Industry       string
	Vendors, Criteria, Reviewers int
	Created, Updated             time.Time
}

// Action names the kind of edit an undo replayed.
type Action string

// The edits an undo can replay (the values match the audit log's, so an unknown one can be
// shown as the store describes it).
const (
	ActionScore          Action = "score"
	ActionClearScore     Action = "score.clear"
	ActionVendorSave     Action = "vendor.save"
	ActionVendorDelete   Action = "vendor.delete"
	ActionReviewerSave   Action = "reviewer.save"
	ActionReviewerDelete Action = "reviewer.delete"
	ActionProfileSave    Action = "profile.save"
	ActionProfileDelete  Action = "profile.delete"
	ActionProfileActive  Action = "profile.active"
	ActionRename         Action = "rename"
	ActionClient         Action = "client"
	ActionKnockOuts      Action = "knockouts"
	ActionParam          Action = "param"
)

// Change is the edit an undo or redo replayed: ids, not names (ui resolves them against the
// loaded evaluation, in the interface language).
type Change struct {
	Seq    int64
	Action Action
	Actor  string // who made the edit (not who undid it)

	Vendor, Criterion, Reviewer string
	Profile, Param, Text        string
	Rules                       int

	// Before and After are the JSON states the edit went from and to ("" when the thing did
	// not exist on that side), for showing old → new.
	Before, After string

	// Description is the edit in English with ids, shown only for an action ui does not know.
	Description string
}

// The kinds of failure ui words for the user. An implementation wraps its own error so that
// errors.Is(err, ErrX) holds and the original stays reachable with errors.Unwrap (for logs).
var (
	ErrNotFound      = errors.New("not found")
	ErrNothingToUndo = errors.New("nothing to undo")
	ErrNothingToRedo = errors.New("nothing to redo")
	// ErrBusy: another process holds the database lock; the edit may succeed when retried.
	ErrBusy = errors.New("database busy")
	// ErrReadOnly: the database cannot be written.
	ErrReadOnly = errors.New("database is read-only")
	// ErrNameTaken: another evaluation already has this name. Hook for storage.ErrNameTaken
	// (the storage issue adds a UNIQUE constraint); the adapter maps it at merge.
	ErrNameTaken = errors.New("name taken")
)

// Kind wraps err as a failure of kind k: errors.Is(result, k) and errors.Is(result, err).
func Kind(k, err error) error {
	if err == nil {
		return nil
	}
	return &kindError{kind: k, err: err}
}

type kindError struct{ kind, err error }

func (e *kindError) Error() string   { return e.err.Error() }
func (e *kindError) Unwrap() []error { return []error{e.kind, e.err} }
