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

// OpenRead opens the database for a command that only reads: read-only (no migration, no
// journal-mode change, no wait behind a writer), so a reader never writes. A named database must
// exist; the default one is created and seeded with the sample on first use (and seeded again if
// a first run was killed while seeding).
func OpenRead(l Location) (*storage.Store, error) {
	if l.Explicit && !l.Exists() {
		return nil, l.errNoDatabase()
	}
	if !l.Explicit && !l.Exists() {
		return openOrSeed(l)
	}
	return storage.OpenReadOnly(l.Path)
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

// openOrSeed opens l for writing; the default location gets its directory and, until it has
// happened once, the sample (storage seeds in one transaction, so a killed first run retries).
func openOrSeed(l Location) (*storage.Store, error) {
	var st *storage.Store
	var err error
	if l.Explicit {
		st, err = storage.Open(l.Path)
	} else {
		st, err = storage.OpenDefault(l.Path, samples.Sample, "ccselect")
	}
	if err != nil {
		return nil, err
	}
	st.SetOrigin("cli")
	return st, nil
}

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
