package tuistore

import (
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"ccselect/storage"
	"ccselect/ui/store"
)

// storage's sentinels and SQLite's lock and read-only errors become ui's kinds; the original
// error stays reachable (for logs) and its text unchanged.
func TestMapErr(t *testing.T) {
	cases := []struct {
		err  error
		kind error
	}{
		{fmt.Errorf("load 7: %w", storage.ErrNotFound), store.ErrNotFound},
		{storage.ErrNothingToUndo, store.ErrNothingToUndo},
		{storage.ErrNothingToRedo, store.ErrNothingToRedo},
		{fmt.Errorf("save: %w", storage.ErrReadOnly), store.ErrReadOnly},
		// modernc.org/sqlite's text for SQLITE_BUSY (5) and SQLITE_READONLY (8).
		{errors.New("database is locked (5) (SQLITE_BUSY)"), store.ErrBusy},
		{errors.New("attempt to write a readonly database (8)"), store.ErrReadOnly},
	}
	for _, c := range cases {
		got := mapErr(c.err)
		if !errors.Is(got, c.kind) || !errors.Is(got, c.err) || got.Error() != c.err.Error() {
			t.Errorf("%v: mapped to %v (kind %v wanted)", c.err, got, c.kind)
		}
	}
	plain := errors.New("disk on fire")
	if got := mapErr(plain); got != plain {
		t.Errorf("an unknown error was wrapped: %v", got)
	}
	if mapErr(nil) != nil {
		t.Error("nil became an error")
	}
}

// Through a real database: a missing evaluation is ui's ErrNotFound; the summary and the
// read-only flag come through.
func TestAdapterOverStorage(t *testing.T) {
	st, err := storage.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := New(st)
	if _, err := a.Load(999); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Load(999): %v", err)
	}
	if _, err := a.Undo(999, "t"); err == nil {
		t.Fatal("undo on nothing succeeded")
	}
	list, err := a.List()
	if err != nil || len(list) != 0 {
		t.Fatalf("List: %v %v", list, err)
	}
	if a.ReadOnly() {
		t.Fatal("a fresh database reads as read-only")
	}
}
