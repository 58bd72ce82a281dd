package storage

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ccselect/internal/testpriv"
	"ccselect/model"
)

// Issue 7, defect 2: another program's SQLite file (user_version 0, no application_id, its own
// tables, like a browser's places.sqlite) got ccselect's 13 tables, WAL mode and user_version 1.
// Every open refuses it now, naming why, and leaves it as it was.
func TestForeignSQLiteRefused(t *testing.T) {
	for _, c := range []struct {
		name  string
		stmts []string
	}{
		{"version 0", []string{"CREATE TABLE moz_places (url TEXT)"}},
		{"version 1 without our tables", []string{"CREATE TABLE moz_places (url TEXT)", "PRAGMA user_version = 1"}},
		{"another application id", []string{"CREATE TABLE evaluations (x)", "PRAGMA application_id = 1234"}},
		{"high version", []string{"CREATE TABLE t (x)", "PRAGMA user_version = 70"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "places.sqlite")
			rawExec(t, path, c.stmts...)
			before := fileHash(t, path)
			if _, err := OpenReadOnly(path); !errors.Is(err, ErrForeign) {
				t.Fatalf("OpenReadOnly: %v, want ErrForeign", err)
			}
			expectUntouched(t, path, ErrForeign, "another program")
			if fileHash(t, path) != before {
				t.Fatal("the file changed")
			}
		})
	}
}

// Issue 7, defect 2: list and check on a zero-byte file wrote a schema into it. OpenReadOnly
// refuses it (ErrNoDatabase) and it stays empty; only Open initialises it.
func TestZeroByteFileReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenReadOnly(path); !errors.Is(err, ErrNoDatabase) || !strings.Contains(err.Error(), "empty") {
		t.Fatalf("OpenReadOnly on an empty file: %v", err)
	}
	if st, _ := os.Stat(path); st.Size() != 0 {
		t.Fatalf("a read-only open wrote %d bytes", st.Size())
	}
	s, err := OpenDefault(path, func() (*model.Evaluation, error) { return fixture(), nil }, "t")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var id int64
	if err := s.db.QueryRow("PRAGMA application_id").Scan(&id); err != nil || id != ApplicationID {
		t.Fatalf("application_id %x, %v", id, err)
	}
}

// Issue 7, defect 2: a reader waited behind a writer's lock (migrations ran in BEGIN IMMEDIATE on
// every open). OpenReadOnly takes no write lock: it opens and reads while another connection
// holds the write lock with a long busy timeout of its own.
func TestReadOnlyBesideWriteLock(t *testing.T) {
	path := sampleDB(t)
	holder, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(100)")
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	conn, err := holder.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, "ROLLBACK")
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("OpenReadOnly beside a writer: %v", err)
	}
	defer r.Close()
	if list, err := r.List(); err != nil || len(list) != 1 {
		t.Fatalf("List beside a writer: %v, %v", list, err)
	}
}

// A database made by the previous version (user_version 1, no application_id, ccselect's
// tables) still opens: read-only as it is, and the next read-write open stamps the marker and
// migrates (names made unique, the origin column, the meta table), keeping its evaluations and
// not seeding it again.
func TestLegacyDatabaseUpgrades(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	rawExec(t, path, ms[0].sql, "PRAGMA user_version = 1",
		`INSERT INTO evaluations (id, name, created, updated) VALUES (1, 'same', 0, 0), (2, 'same', 0, 0)`)
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("OpenReadOnly on a legacy file: %v", err)
	}
	if list, err := r.List(); err != nil || len(list) != 2 {
		t.Fatalf("legacy List: %v, %v", list, err)
	}
	r.Close()
	s := openAt(t, path)
	var app, version int64
	s.db.QueryRow("PRAGMA application_id").Scan(&app)
	s.db.QueryRow("PRAGMA user_version").Scan(&version)
	if app != ApplicationID || version != SchemaVersion {
		t.Fatalf("after upgrade: application_id %x, user_version %d", app, version)
	}
	list, err := s.List()
	if err != nil || len(list) != 2 {
		t.Fatalf("List after upgrade: %v, %v", list, err)
	}
	names := map[string]bool{list[0].Name: true, list[1].Name: true}
	if !names["same"] || !names["same (2)"] {
		t.Fatalf("duplicate legacy names became %v, want same and same (2)", names)
	}
	if seeded, err := s.SeedIfNeverSeeded(func() (*model.Evaluation, error) { return fixture(), nil }, "t"); err != nil || seeded {
		t.Fatalf("a legacy database was seeded again: %v, %v", seeded, err)
	}
}

// Issue 7, defect 5: a first run killed while seeding left the default database empty for good.
// Seeding is one transaction with its "seeded" mark: a failed seed leaves nothing and is retried;
// once it happened (or the user deleted everything), it never happens again.
func TestSeedIfNeverSeeded(t *testing.T) {
	s := newStore(t)
	boom := errors.New("killed")
	if _, err := s.SeedIfNeverSeeded(func() (*model.Evaluation, error) { return nil, boom }, "t"); !errors.Is(err, boom) {
		t.Fatalf("failing seed: %v", err)
	}
	seed := func() (*model.Evaluation, error) { return fixture(), nil }
	if seeded, err := s.SeedIfNeverSeeded(seed, "t"); err != nil || !seeded {
		t.Fatalf("retry after a failed seed: %v, %v", seeded, err)
	}
	list, _ := s.List()
	if len(list) != 1 {
		t.Fatalf("%d evaluations after seeding", len(list))
	}
	if err := s.Delete(list[0].ID, "t"); err != nil {
		t.Fatal(err)
	}
	if seeded, err := s.SeedIfNeverSeeded(seed, "t"); err != nil || seeded {
		t.Fatalf("seeded again after the user deleted everything: %v, %v", seeded, err)
	}
	// OpenDefault creates the directory and the file and seeds once.
	path := filepath.Join(t.TempDir(), "a", "b", "ccselect.db")
	d, err := OpenDefault(path, seed, "t")
	if err != nil {
		t.Fatal(err)
	}
	if l, _ := d.List(); len(l) != 1 {
		t.Fatalf("OpenDefault: %d evaluations", len(l))
	}
	d.Close()
}

// Issue 7, defect 7: a deleted evaluation stayed in the file (the audit row kept all of it). Now
// no byte of it is left in the database or its -wal.
func TestDeletePurgesEveryByte(t *testing.T) {
	s, id := withFixture(t)
	secret := "CONFIDENTIAL-CLIENT-7f3a9"
	ev := mustLoad(t, s, id)
	v := ev.Vendors[0]
	v.Notes = strings.Repeat(secret+" ", 50)
	if err := s.SaveVendor(id, v, "t"); err != nil {
		t.Fatal(err)
	}
	if err := s.Rename(id, secret+" bank", "t"); err != nil {
		t.Fatal(err)
	}
	keep, err := s.Create(func() *model.Evaluation { e := fixture(); e.Name = "kept"; return e }(), "t")
	if err != nil {
		t.Fatal(err)
	}
	if !fileHolds(t, s.Path(), secret) {
		t.Fatal("test setup: the secret is not in the file before the delete")
	}
	if err := s.Delete(id, "t"); err != nil {
		t.Fatal(err)
	}
	if fileHolds(t, s.Path(), secret) {
		t.Fatal("the deleted evaluation's text is still in the database file or its -wal")
	}
	if _, err := s.Load(keep); err != nil {
		t.Fatalf("the other evaluation: %v", err)
	}
}

func fileHolds(t *testing.T, path, s string) bool {
	t.Helper()
	for _, p := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(s)) {
			return true
		}
	}
	return false
}

// Undo and redo replay only the edits of the store's origin: a TUI window never undoes an edit
// made by another window or by the CLI, and the Change says whose edit it undid.
func TestUndoOnlyOwnOrigin(t *testing.T) {
	a, id := withFixture(t)
	b := openAt(t, a.Path())
	a.SetOrigin("tui:1")
	b.SetOrigin("cli")
	if err := a.Rename(id, "from window", "ann"); err != nil {
		t.Fatal(err)
	}
	if err := b.SetClient(id, "from cli", "bob"); err != nil {
		t.Fatal(err)
	}
	c, err := a.Undo(id, "ann")
	if err != nil {
		t.Fatal(err)
	}
	if c.Action != ActionRename || c.Actor != "ann" {
		t.Fatalf("window undid %+v, want its own rename", c)
	}
	ev := mustLoad(t, a, id)
	if ev.Client != "from cli" || ev.Name == "from window" {
		t.Fatalf("after the window's undo: name %q, client %q", ev.Name, ev.Client)
	}
	if _, err := a.Undo(id, "ann"); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("the window's second undo reached another origin's edit: %v", err)
	}
	if c, err := b.Undo(id, "bob"); err != nil || c.Action != ActionClient {
		t.Fatalf("cli undo: %+v, %v", c, err)
	}
}

// Issue 7, defect 3: simultaneous same-name imports both succeeded; every path that names an
// evaluation now meets the schema's unique index.
func TestNameTakenEveryPath(t *testing.T) {
	s, id := withFixture(t)
	other, err := s.Create(func() *model.Evaluation { e := fixture(); e.Name = "other"; return e }(), "t")
	if err != nil {
		t.Fatal(err)
	}
	name := mustLoad(t, s, id).Name
	checks := map[string]error{}
	_, checks["Create"] = s.Create(fixture(), "t")
	_, checks["Duplicate"] = s.Duplicate(other, name, "t")
	checks["Rename"] = s.Rename(other, name, "t")
	for path, err := range checks {
		if !errors.Is(err, ErrNameTaken) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s onto a taken name: %v", path, err)
		}
	}
}

// Issue 7, defect 11: a database in a read-only directory whose -wal holds committed pages was
// refused as damaged. It opens read-only, sees those pages, and says why it cannot be written.
func TestReadOnlyDirectoryWithWAL(t *testing.T) {
	if !testpriv.Unprivileged(t) {
		return
	}
	s, id := withFixture(t)
	if err := s.Rename(id, "in the wal", "t"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	copyTo := filepath.Join(dir, "shared.db")
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(s.Path() + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(copyTo+suffix, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	r, err := OpenReadOnly(copyTo)
	if err != nil {
		t.Fatalf("OpenReadOnly: %v", err)
	}
	defer r.Close()
	if ev, err := r.Load(id); err != nil || ev.Name != "in the wal" {
		t.Fatalf("read %v, %v; want the name committed in the -wal", ev, err)
	}
	if !strings.Contains(r.ReadOnlyReason(), "directory is not writable") {
		t.Fatalf("ReadOnlyReason %q", r.ReadOnlyReason())
	}
	if err := r.Rename(id, "x", "t"); !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "directory") {
		t.Fatalf("edit: %v", err)
	}
	if _, err := Open(copyTo); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("Open: %v", err)
	}
}

// Two first opens of one new path race: both succeed on the same, complete database (it appears
// at the path whole, by link(2)), and no temporary file is left.
func TestCreateRace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.db")
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			s, err := Open(path)
			if err == nil {
				_, err = s.List()
				s.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Errorf("concurrent first open: %v", err)
		}
	}
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if strings.HasPrefix(e.Name(), newPrefix) {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("database mode %v, %v", st.Mode(), err)
	}
}
