package storage

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ccselect/internal/testpriv"
	"ccselect/model"
	"ccselect/samples"
)

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// dirNames lists a directory, to prove a failed Open left no -wal/-shm or other file behind.
func dirNames(t *testing.T, dir string) string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return strings.Join(names, ",")
}

// expectUntouched opens path, expects an error wrapping want (nil: any error) and mentioning
// mention, and checks that the file and its directory are exactly as before.
func expectUntouched(t *testing.T, path string, want error, mention string) {
	t.Helper()
	dir := filepath.Dir(path)
	hash, names := fileHash(t, path), dirNames(t, dir)
	s, err := Open(path)
	if err == nil {
		s.Close()
		t.Fatalf("Open(%s) succeeded", filepath.Base(path))
	}
	if want != nil && !errors.Is(err, want) {
		t.Fatalf("Open: %v, want %v", err, want)
	}
	if !strings.Contains(err.Error(), mention) || !strings.Contains(err.Error(), path) {
		t.Fatalf("Open error %q should mention %q and the path", err, mention)
	}
	if fileHash(t, path) != hash {
		t.Fatal("the file was modified")
	}
	if got := dirNames(t, dir); got != names {
		t.Fatalf("directory changed: %q → %q", names, got)
	}
}

// sampleDB writes a closed database holding the sample (many pages) and returns its path.
func sampleDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sample.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(ev, "t"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("closing did not checkpoint the WAL: %v", err)
	}
	return path
}

// rawExec runs statements on a file through the driver directly, without Open's checks.
func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestOpenBadPaths(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no", "such", "dir", "x.db")
	if _, err := Open(missing); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("missing directory: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("Open created the missing directory")
	}

	file := filepath.Join(dir, "plain.txt")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(filepath.Join(file, "x.db")); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Fatalf("path under a regular file: %v", err)
	}
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Fatalf("path is a directory: %v", err)
	}
	if _, err := Open(""); err == nil {
		t.Fatal("empty path accepted")
	}

	t.Run("read-only directory", func(t *testing.T) {
		if !testpriv.Unprivileged(t) {
			return
		}
		ro := filepath.Join(t.TempDir(), "ro")
		if err := os.Mkdir(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(ro, 0o700) })
		if _, err := Open(filepath.Join(ro, "x.db")); err == nil || !strings.Contains(err.Error(), "not writable") {
			t.Fatalf("read-only directory: %v", err)
		}
	})
	t.Run("read-only file", func(t *testing.T) {
		if !testpriv.Unprivileged(t) {
			return
		}
		path := sampleDB(t)
		if err := os.Chmod(path, 0o400); err != nil {
			t.Fatal(err)
		}
		expectUntouched(t, path, ErrReadOnly, "read-only")
	})
	t.Run("existing file in a read-only directory", func(t *testing.T) {
		if !testpriv.Unprivileged(t) {
			return
		}
		path := sampleDB(t)
		dir := filepath.Dir(path)
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		expectUntouched(t, path, ErrReadOnly, "not writable")
	})
}

func TestOpenRefusesNotSQLite(t *testing.T) {
	dir := t.TempDir()
	long := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(long, bytes.Repeat([]byte("这不是数据库 not a database\n"), 20), 0o600); err != nil {
		t.Fatal(err)
	}
	expectUntouched(t, long, ErrNotSQLite, "not a SQLite database")
	short := filepath.Join(dir, "short.db")
	if err := os.WriteFile(short, []byte("hi\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	expectUntouched(t, short, ErrNotSQLite, "not a SQLite database")
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	t.Run("wal file", func(t *testing.T) {
		path := sampleDB(t)
		rawExec(t, path, fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion+1))
		expectUntouched(t, path, ErrTooNew, "upgrade ccselect")
	})
	t.Run("rollback-journal file", func(t *testing.T) {
		// Not in WAL mode yet: Open must not even switch the journal mode.
		path := filepath.Join(t.TempDir(), "old.db")
		rawExec(t, path, "CREATE TABLE future (x)", "PRAGMA user_version = 7", fmt.Sprintf("PRAGMA application_id = %d", ApplicationID))
		expectUntouched(t, path, ErrTooNew, "schema version 7")
	})
	t.Run("unmarked file with a high version is another program's", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "places.sqlite")
		rawExec(t, path, "CREATE TABLE moz_places (x)", "PRAGMA user_version = 7")
		expectUntouched(t, path, ErrForeign, "another program")
	})
}

func TestOpenRefusesDamaged(t *testing.T) {
	t.Run("cut mid-page", func(t *testing.T) {
		path := sampleDB(t)
		st, _ := os.Stat(path)
		if err := os.Truncate(path, st.Size()-100); err != nil {
			t.Fatal(err)
		}
		expectUntouched(t, path, ErrDamaged, "truncated")
	})
	t.Run("cut at a page boundary", func(t *testing.T) {
		path := sampleDB(t)
		st, _ := os.Stat(path)
		if err := os.Truncate(path, st.Size()/2/4096*4096); err != nil {
			t.Fatal(err)
		}
		expectUntouched(t, path, ErrDamaged, "truncated")
	})
	t.Run("header only", func(t *testing.T) {
		path := sampleDB(t)
		if err := os.Truncate(path, 50); err != nil {
			t.Fatal(err)
		}
		expectUntouched(t, path, ErrDamaged, "truncated")
	})
	t.Run("garbage pages", func(t *testing.T) {
		// Intact header and schema page, every other page overwritten: only SQLite's own
		// check can see it.
		path := sampleDB(t)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i := 4096; i < len(b); i++ {
			b[i] = byte(i*7 + 3)
		}
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		expectUntouched(t, path, ErrDamaged, "damaged")
	})
}

// Only an absent path is created: an existing empty file is refused by Open and left alone (it
// may be a file the user meant for something else); OpenDefault, at the program's own location,
// initialises it (a first run killed before its first commit leaves one).
func TestOpenEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	expectUntouched(t, path, ErrNoDatabase, "empty")
	s, err := OpenDefault(path, func() (*model.Evaluation, error) { return fixture(), nil }, "t")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.SchemaVersion(); err != nil || v != SchemaVersion {
		t.Fatalf("schema version %d, %v", v, err)
	}
}

func TestOpenSpecialCharactersInPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "评估 #1 ?50%")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "数据 ?x=1#.db")
	s := openAt(t, path)
	id, err := s.Create(fixture(), "t")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not at the given path: %v (dir has %s)", err, dirNames(t, dir))
	}
	s2 := openAt(t, path)
	mustLoad(t, s2, id)
}

// A crash leaves committed pages in the -wal file: Open must see them (through the probe too)
// and not mistake the file for a damaged one.
func TestOpenAfterCrashKeepsWAL(t *testing.T) {
	for _, withShm := range []bool{true, false} {
		t.Run(fmt.Sprintf("shm=%v", withShm), func(t *testing.T) {
			s, id := withFixture(t)
			want := mustLoad(t, s, id)
			dir := t.TempDir()
			copyPath := filepath.Join(dir, "copy.db")
			suffixes := []string{"", "-wal"}
			if withShm {
				suffixes = append(suffixes, "-shm")
			}
			for _, suf := range suffixes {
				b, err := os.ReadFile(s.Path() + suf)
				if err != nil {
					t.Fatal(err)
				}
				if suf == "-wal" && len(b) == 0 {
					t.Fatal("test needs a WAL with content")
				}
				if err := os.WriteFile(copyPath+suf, b, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			c := openAt(t, copyPath)
			sameEval(t, "after crash", want, mustLoad(t, c, id), false)
		})
	}
}
