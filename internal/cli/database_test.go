package cli

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ccselect/internal/testpriv"
)

func TestDatabaseProblems(t *testing.T) {
	dir := t.TempDir()
	failCLI(t, "missing", "list", "--db", filepath.Join(dir, "missing", "x.db"))
	notDB := filepath.Join(dir, "notes.txt")
	content := []byte("these are meeting notes, not a database\n")
	os.WriteFile(notDB, content, 0o600)
	failCLI(t, "not", "check", "--db", notDB)
	if got, _ := os.ReadFile(notDB); !bytes.Equal(got, content) {
		t.Fatal("check modified a file that is not a database")
	}
	failCLI(t, "not", "report", "--db", notDB)
}

// A command that only reads never creates the database it was pointed at: a typo in --db must
// not leave an empty database file behind (nor report "ok" on it).
func TestReadCommandsDoNotCreateADatabase(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "ccselcet.db")
	out := filepath.Join(dir, "out.json")
	for _, args := range [][]string{
		{"list", "--db", typo},
		{"report", "--db", typo},
		{"sensitivity", "--db", typo, "--samples", "0"},
		{"export", "--db", typo, "--out", out},
		{"check", "--db", typo},
	} {
		_, errs := expectExit(t, 1, args...)
		if !strings.Contains(errs, "no database at "+typo) {
			t.Errorf("ccselect %s: stderr %q should say there is no database at the path", args[0], errs)
		}
		if got := listing(t, dir); got != "" {
			t.Fatalf("ccselect %s created %s", args[0], got)
		}
	}
}

// Commands that write refuse a database path in a missing directory and do not create it.
func TestWriteCommandsMissingDirectory(t *testing.T) {
	dir := t.TempDir()
	bundle := sampleBundle(t, dir)
	db := filepath.Join(dir, "no", "such", "x.db")
	for _, args := range [][]string{
		{"new", "--db", db, "--template", "default", "--name", "x"},
		{"import", bundle, "--db", db},
	} {
		_, errs := expectExit(t, 1, args...)
		if !strings.Contains(errs, "does not exist") {
			t.Errorf("ccselect %s: stderr %q", args[0], errs)
		}
	}
	if got := listing(t, dir); got != "sample.json" {
		t.Fatalf("directory now holds %s", got)
	}
}

// The default database: --db, else $CCSELECT_DB (which must exist), else $XDG_DATA_HOME/ccselect (an absolute path only, as
// the XDG spec says), else ~/.local/share/ccselect; created on first use (directory 0700, file
// 0600) with the sample in it, and seeded only once.
func TestDefaultDatabase(t *testing.T) {
	root := t.TempDir()
	home, xdg := filepath.Join(root, "home"), filepath.Join(root, "xdg")
	if err := os.Mkdir(home, 0o700); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		t.Helper()
		var rows []struct{ Name string }
		if err := json.Unmarshal([]byte(mustCLI(t, "list", "--format", "json")), &rows); err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}
	expectSeeded := func(path string) {
		t.Helper()
		if n := count(); n != 1 {
			t.Fatalf("%d evaluations in the new default database, want the sample", n)
		}
		st, err := os.Stat(path)
		if err != nil {
			t.Fatalf("default database not at %s: %v", path, err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", path, st.Mode().Perm())
		}
		if st, err := os.Stat(filepath.Dir(path)); err != nil || st.Mode().Perm() != 0o700 {
			t.Errorf("directory of %s: %v %v, want 0700", path, st.Mode(), err)
		}
		if r := report(t); r.Vendors[0].ID != "yunqi" {
			t.Fatalf("seeded sample ranks %s first", r.Vendors[0].ID)
		}
		if n := count(); n != 1 {
			t.Fatalf("seeded again: %d evaluations", n)
		}
	}
	t.Setenv("CCSELECT_DB", "")
	t.Setenv("HOME", home)
	t.Setenv("XDG_DATA_HOME", xdg)
	expectSeeded(filepath.Join(xdg, "ccselect", "ccselect.db"))

	t.Setenv("XDG_DATA_HOME", "relative/dir")
	expectSeeded(filepath.Join(home, ".local", "share", "ccselect", "ccselect.db"))
	if _, err := os.Stat("relative"); !os.IsNotExist(err) {
		t.Fatal("a relative XDG_DATA_HOME was used")
	}

	// $CCSELECT_DB names a database like --db does: a typo is an error that creates nothing,
	// and only the default location is created on first use (issue 9, defect 2).
	own := filepath.Join(root, "own.db")
	t.Setenv("CCSELECT_DB", own)
	failCLI(t, "no database at "+own, "list")
	if _, err := os.Stat(own); !os.IsNotExist(err) {
		t.Fatal("CCSELECT_DB pointing nowhere created a database")
	}
	mustCLI(t, "new", "--template", "default", "--name", "mine")
	if n := count(); n != 1 {
		t.Fatalf("%d evaluations in the CCSELECT_DB database, want the one created", n)
	}
	// --db beats them all, and an explicit path is not seeded.
	explicit := filepath.Join(root, "explicit.db")
	mustCLI(t, "new", "--db", explicit, "--template", "default", "--name", "only")
	if out := mustCLI(t, "list", "--db", explicit); strings.Count(out, "\n") != 2 {
		t.Fatalf("explicit database holds:\n%s", out)
	}

	t.Setenv("CCSELECT_DB", "")
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "")
	failCLI(t, "CCSELECT_DB", "list")
}

// A database this user may only read: the commands that read work (through a read-only open
// that creates no -wal/-shm files), the ones that write fail with a clear message, and nothing
// changes on disk. Both a read-only file and a file in a read-only directory.
func TestReadOnlyDatabase(t *testing.T) {
	if !testpriv.Unprivileged(t) {
		return
	}
	for _, c := range []struct {
		name   string
		lock   func(db string) error
		unlock func(db string)
		want   string
	}{
		{"file", func(db string) error { return os.Chmod(db, 0o444) }, func(string) {}, "read-only"},
		{"directory", func(db string) error { return os.Chmod(filepath.Dir(db), 0o555) },
			func(db string) { os.Chmod(filepath.Dir(db), 0o700) }, "not writable"},
	} {
		t.Run(c.name, func(t *testing.T) {
			work, data := t.TempDir(), t.TempDir()
			bundle := sampleBundle(t, work)
			db := filepath.Join(data, "team.db")
			mustCLI(t, "import", bundle, "--db", db)
			if err := c.lock(db); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { c.unlock(db) })
			before, names := fileBytes(t, db), listing(t, data)

			if r := report(t, "--db", db); r.Vendors[0].ID != "yunqi" {
				t.Fatalf("report ranks %s first", r.Vendors[0].ID)
			}
			mustCLI(t, "list", "--db", db)
			mustCLI(t, "check", "--db", db)
			mustCLI(t, "sensitivity", "--db", db, "--samples", "0")
			out := filepath.Join(work, "out.json")
			mustCLI(t, "export", "--db", db, "--out", out)
			if a, b := fileBytes(t, out), fileBytes(t, bundle); !bytes.Equal(a, b) {
				t.Fatal("export of the read-only database differs from what was imported")
			}
			for _, args := range [][]string{
				{"import", bundle, "--db", db, "--name", "again"},
				{"new", "--db", db, "--template", "default", "--name", "y"},
			} {
				_, errs := expectExit(t, 1, args...)
				if !strings.Contains(errs, c.want) || !strings.Contains(errs, db) {
					t.Errorf("ccselect %s: stderr %q should say the database is %s", args[0], errs, c.want)
				}
			}
			if c.name == "directory" { // nor can a new database be made there
				other := filepath.Join(data, "other.db")
				if _, errs := expectExit(t, 1, "new", "--db", other, "--template", "default", "--name", "y"); !strings.Contains(errs, "not writable") {
					t.Errorf("new database in a read-only directory: %q", errs)
				}
			}
			// A WAL reader may leave SQLite's empty -shm and -wal beside a file it cannot write.
			if l := strings.ReplaceAll(listing(t, data), ",team.db-shm,team.db-wal", ""); !bytes.Equal(fileBytes(t, db), before) || l != names {
				t.Fatalf("the database or its directory changed: %s → %s", names, listing(t, data))
			}
		})
	}
}

// check on a damaged database says so, exits 1 and leaves the file as it was; so do the other
// commands.
func TestCheckDamagedDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--db", db)
	if out := mustCLI(t, "check", "--db", db); !strings.Contains(out, "ok (schema version 6") {
		t.Fatalf("check on a healthy database: %q", out)
	}
	st, err := os.Stat(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(db, st.Size()-4096); err != nil {
		t.Fatal(err)
	}
	before, names := fileBytes(t, db), listing(t, dir)
	for _, args := range [][]string{{"check", "--db", db}, {"list", "--db", db}, {"import", filepath.Join(dir, "sample.json"), "--db", db, "--name", "x"}} {
		_, errs := expectExit(t, 1, args...)
		if !strings.Contains(errs, "damaged") || !strings.Contains(errs, "left untouched") {
			t.Errorf("ccselect %s: stderr %q", args[0], errs)
		}
	}
	// SQLite's empty -wal and -shm (left by an earlier reader) may come or go.
	noWAL := func(s string) string { return strings.ReplaceAll(s, ",a.db-shm,a.db-wal", "") }
	if !bytes.Equal(fileBytes(t, db), before) || noWAL(listing(t, dir)) != noWAL(names) {
		t.Fatalf("the damaged database or its directory changed: %s → %s", names, listing(t, dir))
	}
}

// Damage that Open's quick_check cannot see (an index that no longer matches its table) is
// found by check, which exits 1 naming it.
func TestCheckFindsIndexDamage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--db", db)
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"PRAGMA writable_schema = ON",
		"UPDATE sqlite_schema SET sql = 'CREATE INDEX evaluations_name ON evaluations (client)' WHERE name = 'evaluations_name'"} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	mustCLI(t, "list", "--db", db) // readable: quick_check does not look at index contents
	if _, errs := expectExit(t, 1, "check", "--db", db); !strings.Contains(errs, "1 problem") || !strings.Contains(errs, "evaluations_name") {
		t.Fatalf("check: %q", errs)
	}
}
