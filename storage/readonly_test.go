package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ccselect/internal/testpriv"
	"ccselect/model"
	"ccselect/samples"
)

// checkReadOnlyStore opens path with OpenReadOnly, reads everything, checks that every kind of
// write fails with ErrReadOnly, and that neither the file nor its directory changed.
func checkReadOnlyStore(t *testing.T, path string) {
	t.Helper()
	dir := filepath.Dir(path)
	hash, names := fileHash(t, path), dirNames(t, dir)
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("OpenReadOnly: %v", err)
	}
	if !s.ReadOnly() {
		t.Error("ReadOnly() is false")
	}
	list, err := s.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("List: %+v, %v", list, err)
	}
	id := list[0].ID
	ev, err := s.Load(id)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	want, _ := samples.Sample()
	if len(ev.Scores) != len(want.Scores) || ev.Name != want.Name {
		t.Fatalf("loaded %q with %d scores, want %q with %d", ev.Name, len(ev.Scores), want.Name, len(want.Scores))
	}
	if p, err := s.Check(); err != nil || len(p) != 0 {
		t.Fatalf("Check: %q, %v", p, err)
	}
	if _, err := s.DataVersion(); err != nil {
		t.Fatalf("DataVersion: %v", err)
	}
	if _, err := s.Audit(id, 0); err != nil {
		t.Fatalf("Audit: %v", err)
	}
	writes := map[string]func() error{
		"Create":    func() error { _, err := s.Create(fixture(), "ro"); return err },
		"Duplicate": func() error { _, err := s.Duplicate(id, "", "ro"); return err },
		"Delete":    func() error { return s.Delete(id, "ro") },
		"Rename":    func() error { return s.Rename(id, "x", "ro") },
		"SetScore": func() error {
			return s.SetScore(id, model.Score{Vendor: "yunqi", Criterion: "arch_redundancy", Reviewer: "wang", Value: 1}, "ro")
		},
		"SaveVendor": func() error { return s.SaveVendor(id, model.Vendor{Name: model.Both("X")}, "ro") },
		"SetParam":   func() error { return s.SetParam(id, "P", 2000, "ro") },
		"Undo":       func() error { _, err := s.Undo(id, "ro"); return err },
	}
	for name, w := range writes {
		if err := w(); !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s on a read-only store: %v, want ErrReadOnly naming the file", name, err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if fileHash(t, path) != hash {
		t.Fatal("the file changed")
	}
	// A WAL reader in a writable directory may leave SQLite's empty -wal and -shm behind
	// (it cannot remove them); nothing else may appear.
	if got := dirNames(t, dir); got != names && got != names+","+filepath.Base(path)+"-shm,"+filepath.Base(path)+"-wal" {
		t.Fatalf("directory changed: %q → %q", names, got)
	}
	if st, err := os.Stat(path + "-wal"); err == nil && st.Size() != 0 {
		t.Fatalf("a reader wrote %d bytes into the -wal", st.Size())
	}
}

// Reading a database opened read-only works and changes nothing on disk, whatever the
// permissions (this part runs as root too).
func TestOpenReadOnly(t *testing.T) {
	checkReadOnlyStore(t, sampleDB(t))
}

// A file this user may not write, or one in a directory it may not write: Open refuses it with
// ErrReadOnly (and leaves it alone), OpenReadOnly reads it.
func TestOpenReadOnlyPermissions(t *testing.T) {
	if !testpriv.Unprivileged(t) {
		return
	}
	t.Run("file", func(t *testing.T) {
		path := sampleDB(t)
		if err := os.Chmod(path, 0o444); err != nil {
			t.Fatal(err)
		}
		expectUntouched(t, path, ErrReadOnly, "read-only")
		checkReadOnlyStore(t, path)
	})
	t.Run("directory", func(t *testing.T) {
		path := sampleDB(t)
		dir := filepath.Dir(path)
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		expectUntouched(t, path, ErrReadOnly, "not writable")
		checkReadOnlyStore(t, path)
	})
}

// While another store writes, a read-only store reads through its -wal file and sees what it
// committed.
func TestOpenReadOnlySeesLiveWriter(t *testing.T) {
	w, id := withFixture(t)
	if err := w.Rename(id, "在写", "w"); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(w.Path() + "-wal"); err != nil || st.Size() == 0 {
		t.Fatalf("test needs a -wal file with pages: %v", err)
	}
	r, err := OpenReadOnly(w.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if ev, err := r.Load(id); err != nil || ev.Name != "在写" {
		t.Fatalf("read-only store sees %v, %v", ev, err)
	}
	if err := w.Rename(id, "又改", "w"); err != nil {
		t.Fatal(err)
	}
	if ev, err := r.Load(id); err != nil || ev.Name != "又改" {
		t.Fatalf("after another write the read-only store sees %v, %v", ev, err)
	}
}

func TestOpenReadOnlyRefuses(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.db")
	if _, err := OpenReadOnly(missing); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Fatalf("missing file: %v", err)
	}
	if _, err := os.Stat(missing); !errors.Is(err, fs.ErrNotExist) {
		t.Fatal("OpenReadOnly created the file")
	}
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenReadOnly(empty); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Fatalf("empty file: %v", err)
	}
	notes := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(notes, []byte(strings.Repeat("not a database\n", 10)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenReadOnly(notes); !errors.Is(err, ErrNotSQLite) {
		t.Fatalf("not SQLite: %v", err)
	}
	newer := sampleDB(t)
	rawExec(t, newer, fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion+1))
	if _, err := OpenReadOnly(newer); !errors.Is(err, ErrTooNew) {
		t.Fatalf("newer schema: %v", err)
	}
	other := filepath.Join(dir, "other.db")
	rawExec(t, other, "CREATE TABLE t (x)") // another program's SQLite file
	if _, err := OpenReadOnly(other); !errors.Is(err, ErrForeign) {
		t.Fatalf("foreign file: %v", err)
	}
	damaged := sampleDB(t)
	st, _ := os.Stat(damaged)
	if err := os.Truncate(damaged, st.Size()-100); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenReadOnly(damaged); !errors.Is(err, ErrDamaged) {
		t.Fatalf("damaged: %v", err)
	}
}
