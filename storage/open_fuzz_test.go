package storage

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
)

// FuzzOpenBytes: any bytes as a database file. Neither OpenReadOnly nor Open panics; whatever
// they refuse is left byte-for-byte as it was; a file OpenReadOnly accepts can be listed; and
// OpenReadOnly never changes a file at all.
func FuzzOpenBytes(f *testing.F) {
	dir := f.TempDir()
	ours := filepath.Join(dir, "ours.db")
	s, err := Open(ours)
	if err != nil {
		f.Fatal(err)
	}
	s.Close() // the last close checkpoints: the main file holds everything
	b, err := os.ReadFile(ours)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		f.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA page_size = 512; CREATE TABLE moz_places (x); INSERT INTO moz_places VALUES (1)"); err != nil {
		f.Fatal(err)
	}
	db.Close()
	if b, err = os.ReadFile(other); err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("SQLite format 3\x00"))
	f.Add([]byte{})
	f.Add(bytes.Repeat([]byte{0}, 4096))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if r, err := OpenReadOnly(path); err == nil {
			if _, err := r.List(); err != nil {
				t.Logf("List on an accepted file: %v", err) // damage quick_check cannot see
			}
			r.Close()
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
			t.Fatal("OpenReadOnly changed the file")
		}
		w, err := Open(path)
		if err != nil {
			if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
				t.Fatalf("Open refused the file (%v) but changed it", err)
			}
			return
		}
		w.Close()
	})
}
