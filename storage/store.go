// Package storage keeps evaluations in one SQLite file (modernc.org/sqlite, pure Go). It speaks
// only model types: no SQL leaves the package and no UI type enters it.
//
// Every user edit is one short IMMEDIATE transaction that writes the change, bumps the
// evaluation's updated time and appends an audit row holding the before and after state of what
// it touched. Undo and redo replay those states, so they survive a restart.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers driver "sqlite"
)

var (
	// ErrNotFound: the evaluation (or the thing named) does not exist. Errors wrap it.
	ErrNotFound = errors.New("not found")
	// ErrNothingToUndo: the evaluation has no edit left to undo.
	ErrNothingToUndo = errors.New("nothing to undo")
	// ErrNothingToRedo: nothing was undone since the last edit.
	ErrNothingToRedo = errors.New("nothing to redo")
)

// Store is an open database. Its methods are safe for concurrent use.
type Store struct {
	path        string
	db          *sql.DB
	readOnly    bool   // opened with OpenReadOnly: every write fails with ErrReadOnly
	readOnlyWhy string // why (for the error and ReadOnlyReason)
	cleanup     func() // removes a private snapshot (see OpenReadOnly)

	// origin is recorded on every audit row this store writes; Undo and Redo replay only rows
	// of the same origin (see SetOrigin).
	originMu sync.Mutex
	origin   string

	// conn is a connection kept for the store's life. Every write transaction runs on it, one at
	// a time (SQLite has one writer anyway), and DataVersion asks it: PRAGMA data_version is per
	// connection and changes only when a different connection commits, so our own edits do not
	// move it and a change means someone else wrote. Reads use the pool and run alongside.
	connMu sync.Mutex
	conn   *sql.Conn

	stmtMu sync.Mutex
	stmts  map[string]*sql.Stmt // see stmts.go

	closeOnce sync.Once
	closeErr  error

	// now is the clock (replaced in tests).
	now func() time.Time
}

// DefaultPath is $CCSELECT_DB, else $XDG_DATA_HOME/ccselect/ccselect.db, else
// ~/.local/share/ccselect/ccselect.db. Its directory may not exist yet: see EnsureDir.
func DefaultPath() (string, error) {
	if p := os.Getenv("CCSELECT_DB"); p != "" {
		return p, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "ccselect", "ccselect.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot find the default database location: %w (set CCSELECT_DB)", err)
	}
	return filepath.Join(home, ".local", "share", "ccselect", "ccselect.db"), nil
}

// EnsureDir creates the directory that will hold the database file at path (mkdir -p, 0700:
// the database holds client data).
func EnsureDir(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create database directory: %w", err)
	}
	return nil
}

// Close releases the database. Calling it twice is harmless; other methods fail after it
// (with an error, not a panic).
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		s.closeStmts()
		s.connMu.Lock()
		if s.conn != nil {
			s.closeErr = s.conn.Close()
			s.conn = nil
		}
		s.connMu.Unlock()
		if err := s.db.Close(); s.closeErr == nil {
			s.closeErr = err
		}
		if s.cleanup != nil {
			s.cleanup()
		}
	})
	return s.closeErr
}

// Path is the database file the store was opened on.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the store was opened with OpenReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

// ReadOnlyReason says why the store cannot be written ("" for a read-write store): "opened for
// reading only", "no permission to write to it", "its directory is not writable, …".
func (s *Store) ReadOnlyReason() string { return s.readOnlyWhy }

// SetOrigin names the front end writing through this store ("cli", "sheet", "tui:<window>"). It
// is recorded on every audit row the store writes from now on, and Undo and Redo replay only
// rows of the same origin, so one TUI window never undoes an edit made in another window or by
// the CLI. The default origin is "".
func (s *Store) SetOrigin(o string) {
	s.originMu.Lock()
	s.origin = o
	s.originMu.Unlock()
}

// Origin is the origin set by SetOrigin.
func (s *Store) Origin() string {
	s.originMu.Lock()
	defer s.originMu.Unlock()
	return s.origin
}

// DataVersion returns a number that changes whenever another connection (another Store, another
// process) commits to the file. This store's own edits and all reads leave it alone, so a change
// means the data on screen may be stale.
func (s *Store) DataVersion() (int64, error) {
	s.connMu.Lock()
	defer s.connMu.Unlock()
	if s.conn == nil {
		return 0, errClosed
	}
	var v int64
	if err := s.conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read data_version: %w", err)
	}
	return v, nil
}

var errClosed = errors.New("storage: store is closed")

// beginWrite starts an IMMEDIATE transaction on the store's own connection and holds it until
// done, which rolls back unless Commit ran first.
func (s *Store) beginWrite() (*sql.Tx, func(), error) {
	if s.readOnly {
		return nil, nil, fmt.Errorf("%w: %s: %s", ErrReadOnly, s.path, s.readOnlyWhy)
	}
	s.connMu.Lock()
	if s.conn == nil {
		s.connMu.Unlock()
		return nil, nil, errClosed
	}
	tx, err := s.conn.BeginTx(ctx, nil)
	if err != nil {
		s.connMu.Unlock()
		return nil, nil, err
	}
	return tx, func() {
		tx.Rollback()
		s.connMu.Unlock()
	}, nil
}

// SchemaVersion returns the schema version recorded in the file.
func (s *Store) SchemaVersion() (int, error) {
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// stamp converts a time to the stored form (unix nanoseconds).
func stamp(t time.Time) int64 { return t.UnixNano() }

// unstamp converts back; times come back in UTC without a monotonic reading.
func unstamp(n int64) time.Time { return time.Unix(0, n).UTC() }

// clock returns the current time in the form Load gives back.
func (s *Store) clock() time.Time { return s.now().Round(0).UTC() }

// ctx is the context of every statement: the API has none, and edits are short.
var ctx = context.Background()
