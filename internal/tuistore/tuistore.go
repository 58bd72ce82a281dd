// Package tuistore adapts *storage.Store to the workbench's store interface (ui/store): it
// converts storage's types into ui's and maps storage's errors onto ui's error kinds, so the ui
// packages import no storage code and the zh interface never shows raw SQLite text.
package tuistore

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"ccselect/internal/ops"
	"ccselect/model"
	"ccselect/storage"
	"ccselect/ui/store"
)

// Adapter is a store.Store over a *storage.Store.
type Adapter struct{ st *storage.Store }

// New adapts st. The caller keeps ownership of st (and closes it). The store's audit rows are
// marked as this window's (origin "tui:<pid>.<start>"), so undo in this window replays only the
// edits made here, never another window's or the command line's.
func New(st *storage.Store) *Adapter {
	st.SetOrigin(fmt.Sprintf("tui:%d.%d", os.Getpid(), time.Now().UnixNano()))
	return &Adapter{st: st}
}

var _ store.Store = (*Adapter)(nil)

// kinds maps storage's sentinels onto ui's kinds.
var kinds = []struct{ from, to error }{
	{storage.ErrNameTaken, store.ErrNameTaken},
	{storage.ErrNotFound, store.ErrNotFound},
	{storage.ErrNothingToUndo, store.ErrNothingToUndo},
	{storage.ErrNothingToRedo, store.ErrNothingToRedo},
	{storage.ErrReadOnly, store.ErrReadOnly},
}

// mapErr wraps err with the ui kind it belongs to; an error of no known kind passes unchanged.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	for _, k := range kinds {
		if errors.Is(err, k.from) {
			return store.Kind(k.to, err)
		}
	}
	if isBusy(err) {
		return store.Kind(store.ErrBusy, err)
	}
	if isReadOnlyText(err) {
		return store.Kind(store.ErrReadOnly, err)
	}
	return err
}

// isBusy recognises SQLite's lock errors (SQLITE_BUSY = 5, SQLITE_LOCKED = 6) by the driver's
// message: the driver's error type is not part of storage's API, and its text is stable
// ("database is locked (5) (SQLITE_BUSY)").
func isBusy(err error) bool {
	s := err.Error()
	return strings.Contains(s, "SQLITE_BUSY") || strings.Contains(s, "SQLITE_LOCKED") ||
		strings.Contains(s, "database is locked") || strings.Contains(s, "database table is locked")
}

// isReadOnlyText recognises SQLITE_READONLY (8) when the file became unwritable after it was opened.
func isReadOnlyText(err error) bool {
	s := err.Error()
	return strings.Contains(s, "SQLITE_READONLY") || strings.Contains(s, "attempt to write a readonly database")
}

func (a *Adapter) List() ([]store.Summary, error) {
	list, err := a.st.List()
	if err != nil {
		return nil, mapErr(err)
	}
	out := make([]store.Summary, len(list))
	for i, s := range list {
		out[i] = store.Summary{ID: s.ID, Name: s.Name, Client: s.Client, Industry: s.Industry,
			Vendors: s.Vendors, Criteria: s.Criteria, Reviewers: s.Reviewers, Created: s.Created, Updated: s.Updated}
	}
	return out, nil
}

func (a *Adapter) Load(id int64) (*model.Evaluation, error) {
	ev, err := a.st.Load(id)
	return ev, mapErr(err)
}

// Create, Rename and Duplicate check the name with ops.CheckEvalName, the rule the command line
// applies too (unique, not another evaluation's id, clean text), so the workbench can never make
// a name the CLI refuses.
func (a *Adapter) Create(ev *model.Evaluation, actor string) (int64, error) {
	name, err := ops.CheckEvalName(a.st, ev.Name, 0)
	if err != nil {
		return 0, mapErr(err)
	}
	ev.Name = name
	id, err := a.st.Create(ev, actor)
	return id, mapErr(err)
}

func (a *Adapter) Rename(id int64, name, actor string) error {
	name, err := ops.CheckEvalName(a.st, name, id)
	if err != nil {
		return mapErr(err)
	}
	return mapErr(a.st.Rename(id, name, actor))
}

func (a *Adapter) Duplicate(id int64, newName, actor string) (int64, error) {
	name, err := ops.CheckEvalName(a.st, newName, 0)
	if err != nil {
		return 0, mapErr(err)
	}
	nid, err := a.st.Duplicate(id, name, actor)
	return nid, mapErr(err)
}

func (a *Adapter) Delete(id int64, actor string) error { return mapErr(a.st.Delete(id, actor)) }

func (a *Adapter) SetScore(id int64, sc model.Score, actor string) error {
	return mapErr(a.st.SetScore(id, sc, actor))
}

func (a *Adapter) ClearScore(id int64, vendor, criterion, reviewer, actor string) error {
	return mapErr(a.st.ClearScore(id, vendor, criterion, reviewer, actor))
}

func (a *Adapter) SaveVendor(id int64, v model.Vendor, actor string) error {
	return mapErr(a.st.SaveVendor(id, v, actor))
}

func (a *Adapter) DeleteVendor(id int64, vendorID, actor string) error {
	return mapErr(a.st.DeleteVendor(id, vendorID, actor))
}

func (a *Adapter) SaveReviewer(id int64, r model.Reviewer, actor string) error {
	return mapErr(a.st.SaveReviewer(id, r, actor))
}

func (a *Adapter) DeleteReviewer(id int64, reviewerID, actor string) error {
	return mapErr(a.st.DeleteReviewer(id, reviewerID, actor))
}

func (a *Adapter) SaveProfile(id int64, p model.WeightProfile, actor string) error {
	return mapErr(a.st.SaveProfile(id, p, actor))
}

func (a *Adapter) SetActiveProfile(id int64, name, actor string) error {
	return mapErr(a.st.SetActiveProfile(id, name, actor))
}

func (a *Adapter) SaveDraft(id int64, d *model.WeightProfile) error {
	return mapErr(a.st.SaveDraft(id, d))
}

func (a *Adapter) RenameProfile(id int64, old, new, actor string) error {
	return mapErr(a.st.RenameProfile(id, old, new, actor))
}

func (a *Adapter) DeleteProfile(id int64, name, actor string) error {
	return mapErr(a.st.DeleteProfile(id, name, actor))
}

func (a *Adapter) SaveKnockOuts(id int64, kos []model.KnockOut, actor string) error {
	return mapErr(a.st.SaveKnockOuts(id, kos, actor))
}

func (a *Adapter) Undo(id int64, actor string) (store.Change, error) {
	c, err := a.st.Undo(id, actor)
	return change(c), mapErr(err)
}

func (a *Adapter) Redo(id int64, actor string) (store.Change, error) {
	c, err := a.st.Redo(id, actor)
	return change(c), mapErr(err)
}

func (a *Adapter) DataVersion() (int64, error) {
	v, err := a.st.DataVersion()
	return v, mapErr(err)
}

func (a *Adapter) ReadOnly() bool { return a.st.ReadOnly() }

func change(c storage.Change) store.Change {
	return store.Change{Seq: c.Seq, Action: store.Action(c.Action), Actor: c.Actor,
		Vendor: c.Vendor, Criterion: c.Criterion, Reviewer: c.Reviewer,
		Profile: c.Profile, Param: c.Param, Text: c.Text, Rules: c.Rules,
		Before: c.Before, After: c.After, Description: c.Description}
}
