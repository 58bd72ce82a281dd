// Package ops holds the operations the command line and the workbench share — opening the
// default database or one for reading, creating, importing and exporting an evaluation — so
// that a rule such as "evaluation names are unique" is enforced in one place.
package ops

import (
	"errors"
	"fmt"
	"os"

	"ccselect/samples"
	"ccselect/storage"
)

// Location is where a database comes from: the path the user named (--db or $CCSELECT_DB) or
// the default location in the XDG data directory. Only the default is created on first use: a
// typo in --db or $CCSELECT_DB must be an error, not a new empty database.
type Location struct {
	Path     string
	Explicit bool   // named by --db or $CCSELECT_DB
	Source   string // "--db", "CCSELECT_DB" or "" for the default
}

// Locate resolves the database path: --db, else $CCSELECT_DB, else the XDG default.
func Locate(dbFlag string) (Location, error) {
	if dbFlag != "" {
		return Location{Path: dbFlag, Explicit: true, Source: "--db"}, nil
	}
	if p := os.Getenv("CCSELECT_DB"); p != "" {
		return Location{Path: p, Explicit: true, Source: "CCSELECT_DB"}, nil
	}
	p, err := storage.DefaultPath()
	if err != nil {
		return Location{}, err
	}
	return Location{Path: p}, nil
}

// Exists reports whether the file at the location is there.
func (l Location) Exists() bool {
	_, err := os.Stat(l.Path)
	return !errors.Is(err, os.ErrNotExist)
}

// errNoDatabase names the path and how to create a database there.
func (l Location) errNoDatabase() error {
	if l.Source == "CCSELECT_DB" {
		return fmt.Errorf("no database at %s (named by $CCSELECT_DB; unset it for the default database, or create one with ccselect new --db %s)", l.Path, l.Path)
	}
	return fmt.Errorf("no database at %s (ccselect new --db or ccselect import --db creates one)", l.Path)
}

// OpenRead opens the database for a command that only reads. A named database must exist; the
// default one is created and seeded with the sample on first use. A database this user may not
// write is opened read-only.
func OpenRead(l Location) (*storage.Store, error) {
	if l.Explicit && !l.Exists() {
		return nil, l.errNoDatabase()
	}
	st, err := openOrSeed(l)
	if err != nil && l.Exists() && errors.Is(err, storage.ErrReadOnly) {
		return storage.OpenReadOnly(l.Path)
	}
	return st, err
}

// OpenWrite opens the database for a command that edits an evaluation in it: a named database
// must exist (only new and import create one, through Create).
func OpenWrite(l Location) (*storage.Store, error) {
	if l.Explicit && !l.Exists() {
		return nil, l.errNoDatabase()
	}
	return openOrSeed(l)
}

// OpenCreate opens the database for a command that adds an evaluation (new, import) or for the
// workbench: a named path that does not exist yet starts empty.
func OpenCreate(l Location) (*storage.Store, error) { return openOrSeed(l) }

// openOrSeed opens l; the default location, when fresh, gets its directory and the sample.
func openOrSeed(l Location) (*storage.Store, error) {
	fresh := !l.Exists()
	if fresh && !l.Explicit {
		if err := storage.EnsureDir(l.Path); err != nil {
			return nil, err
		}
	}
	st, err := storage.Open(l.Path)
	if err != nil {
		return nil, err
	}
	setOrigin(st)
	if fresh && !l.Explicit {
		if err := SeedSample(st, "ccselect"); err != nil {
			st.Close()
			RemoveDatabase(l.Path)
			return nil, fmt.Errorf("seed the new database %s with the sample: %w", l.Path, err)
		}
	}
	return st, nil
}

// setOrigin marks the store's audit rows as written by the command line.
// MERGE: switch to st.SetOrigin("cli") once storage has it (the storage helper adds it).
func setOrigin(st *storage.Store) {}

// SeedSample stores the embedded sample evaluation.
func SeedSample(st *storage.Store, actor string) error {
	ev, err := samples.Sample()
	if err != nil {
		return err
	}
	_, err = st.Create(ev, actor)
	return err
}

// RemoveDatabase deletes a database file a command created, with its -wal and -shm files.
func RemoveDatabase(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}
