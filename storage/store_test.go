package storage

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"ccselect/model"
	"ccselect/samples"
)

func TestCreateLoadRoundTrip(t *testing.T) {
	s := newStore(t)
	want := fixture()
	if err := want.Validate(); err != nil {
		t.Fatalf("fixture is invalid: %v", err)
	}
	ev := fixture()
	id, err := s.Create(ev, "tester")
	if err != nil {
		t.Fatal(err)
	}
	if id <= 0 || ev.ID != id {
		t.Fatalf("Create returned id %d and set ev.ID %d", id, ev.ID)
	}
	want.ID = id
	sameEval(t, "Load after Create", want, mustLoad(t, s, id), false)

	// Survives closing and reopening.
	path := s.Path()
	s.Close()
	s2 := openAt(t, path)
	sameEval(t, "Load after reopen", want, mustLoad(t, s2, id), false)

	a := mustAudit(t, s2, id, 0)
	if len(a) != 1 || a[0].Action != ActionCreate || a[0].Actor != "tester" || a[0].Target != want.Name || a[0].Before != "" {
		t.Fatalf("create audit row: %+v", a)
	}
}

func TestCreateSetsTimesWhenZero(t *testing.T) {
	s := newStore(t)
	ev := fixture()
	ev.Created, ev.Updated = time.Time{}, time.Time{}
	id, err := s.Create(ev, "")
	if err != nil {
		t.Fatal(err)
	}
	want := clockStart.Add(time.Millisecond) // the test clock's first reading
	got := mustLoad(t, s, id)
	if !got.Created.Equal(want) || !got.Updated.Equal(want) || !ev.Created.Equal(want) {
		t.Fatalf("times: ev %v/%v, loaded %v/%v, want %v", ev.Created, ev.Updated, got.Created, got.Updated, want)
	}
	sameEval(t, "ev vs Load", ev, got, false)
}

func TestSampleRoundTrip(t *testing.T) {
	want, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	s := newStore(t)
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.Create(ev, "tester")
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Scores) == 0 || len(want.Profiles) < 4 {
		t.Fatalf("sample looks empty: %d scores, %d profiles", len(want.Scores), len(want.Profiles))
	}
	// Create fills zero times and normalises them to UTC; Load returns them that way.
	want.ID, want.Created, want.Updated = id, ev.Created, ev.Updated
	sameEval(t, "sample", want, mustLoad(t, s, id), false)

	// And it still ranks as the catalog says (default preset: yunqi first, qinghe knocked out).
	r, err := model.Rank(mustLoad(t, s, id), "default")
	if err != nil {
		t.Fatal(err)
	}
	leader, ok := r.Leader()
	if !ok || leader.ID != "yunqi" {
		t.Fatalf("leader after round trip: %+v", leader)
	}
}

func TestListFindDuplicateDelete(t *testing.T) {
	s, id := withFixture(t)
	other := fixture()
	other.Name, other.Client = "电商大促扩容评估", "示例电商"
	other.Updated = time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC) // edited after the fixture
	id2, err := s.Create(other, "tester")
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != id2 || list[1].ID != id {
		t.Fatalf("List order: %+v", list)
	}
	want := Summary{ID: id, Name: "某银行呼叫中心选型", Client: "示例银行", Industry: "finance",
		Vendors: 3, Criteria: 4, Reviewers: 2,
		Created: fixture().Created, Updated: fixture().Updated}
	if list[1] != want {
		t.Fatalf("summary\n got %+v\nwant %+v", list[1], want)
	}

	if got, err := s.Find("某银行呼叫中心选型"); err != nil || got != id {
		t.Fatalf("Find by name: %d, %v", got, err)
	}
	if got, err := s.Find(" 2 "); err != nil || got != id2 {
		t.Fatalf("Find by id: %d, %v", got, err)
	}
	if _, err := s.Find("nope"); !errors.Is(err, ErrNotFound) || !contains(err.Error(), "nope") {
		t.Fatalf("Find unknown: %v", err)
	}
	if _, err := s.Find("99"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Find unknown id: %v", err)
	}

	// Duplicate copies everything but the history, then the name is ambiguous.
	dup, err := s.Duplicate(id, "", "lead")
	if err != nil {
		t.Fatal(err)
	}
	orig, copyEv := mustLoad(t, s, id), mustLoad(t, s, dup)
	if copyEv.Name != orig.Name+" (copy)" {
		t.Fatalf("duplicate name %q", copyEv.Name)
	}
	copyEv.ID, copyEv.Name, copyEv.Created, copyEv.Updated = orig.ID, orig.Name, orig.Created, orig.Updated
	sameEval(t, "duplicate", orig, copyEv, false)
	if a := mustAudit(t, s, dup, 0); len(a) != 1 || a[0].Action != ActionDuplicate || a[0].Actor != "lead" {
		t.Fatalf("duplicate audit: %+v", a)
	}
	// Names are unique (schema constraint): renaming onto a taken name is ErrNameTaken, naming it.
	if err := s.Rename(dup, orig.Name, "lead"); !errors.Is(err, ErrNameTaken) || !contains(err.Error(), orig.Name) {
		t.Fatalf("rename onto a taken name: %v", err)
	}
	if _, err := s.Duplicate(id, orig.Name, "lead"); !errors.Is(err, ErrNameTaken) {
		t.Fatalf("duplicate onto a taken name: %v", err)
	}
	if _, err := s.Create(fixture(), "lead"); !errors.Is(err, ErrNameTaken) {
		t.Fatalf("create with a taken name: %v", err)
	}
	// A name made of digits that is not an id still resolves.
	if err := s.Rename(dup, "2026", "lead"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Find("2026"); err != nil || got != dup {
		t.Fatalf("Find digits name: %d, %v", got, err)
	}
	// A name that is also another evaluation's id is refused, not silently taken as the id.
	if err := s.Rename(dup, strconv.FormatInt(id, 10), "lead"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Find(strconv.FormatInt(id, 10)); err == nil || !contains(err.Error(), "ambiguous") {
		t.Fatalf("id shadowing a name: %v", err)
	}

	// Delete purges it, history included: one row says who deleted it, without its content.
	if err := s.Delete(id, "lead"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(id); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Load after Delete: %v", err)
	}
	if err := s.Delete(id, "lead"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second Delete: %v", err)
	}
	a := mustAudit(t, s, id, 0)
	if len(a) != 1 || a[0].Action != ActionDelete || a[0].Actor != "lead" || a[0].Before != "" || a[0].Target != "" {
		t.Fatalf("audit after delete: %+v", a)
	}
	if _, err := s.Undo(id, "lead"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Undo on deleted evaluation: %v", err)
	}
	// Nothing of it is left in any table.
	for _, table := range []string{"dimensions", "criteria", "params", "vendors", "reviewers", "score_rows", "score_notes",
		"profiles", "profile_dimension_weights", "profile_criterion_weights", "profile_locks", "knockouts"} {
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM `+table+` WHERE eval_id = ?`, id).Scan(&n); err != nil || n != 0 {
			t.Fatalf("%s still has %d rows (%v)", table, n, err)
		}
	}
	if list, _ := s.List(); len(list) != 2 {
		t.Fatalf("List after delete: %+v", list)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestFileModeAndSchema(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.db")
	s := openAt(t, path)
	if _, err := s.Create(fixture(), ""); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", filepath.Base(p), st.Mode().Perm())
		}
	}
	if v, err := s.SchemaVersion(); err != nil || v != SchemaVersion {
		t.Fatalf("SchemaVersion %d, %v", v, err)
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode %q, %v", mode, err)
	}
	var fk int
	if err := s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Fatalf("foreign_keys %d, %v", fk, err)
	}
	ms, err := migrations()
	if err != nil || len(ms) != SchemaVersion {
		t.Fatalf("migrations: %d, %v (SchemaVersion %d)", len(ms), err, SchemaVersion)
	}
	// Reopening an up-to-date file runs no migration and changes nothing.
	s.Close()
	s2 := openAt(t, path)
	if list, err := s2.List(); err != nil || len(list) != 1 {
		t.Fatalf("after reopen: %v, %v", list, err)
	}
}

func TestDataVersion(t *testing.T) {
	s, id := withFixture(t)
	other := openAt(t, s.Path())
	v0, err := s.DataVersion()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.List(); err != nil {
		t.Fatal(err)
	}
	if v1, _ := s.DataVersion(); v1 != v0 {
		t.Fatalf("data_version moved on our own reads: %d → %d", v0, v1)
	}
	// Our own edits are not news either.
	if err := s.SetScore(id, model.Score{Vendor: "panshi", Criterion: "arch_redundancy", Reviewer: "wang", Value: 2}, "wang"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(id, "wang"); err != nil {
		t.Fatal(err)
	}
	if v1, _ := s.DataVersion(); v1 != v0 {
		t.Fatalf("data_version moved on our own writes: %d → %d", v0, v1)
	}
	if err := other.SetScore(id, model.Score{Vendor: "panshi", Criterion: "arch_redundancy", Reviewer: "wang", Value: 3}, "li"); err != nil {
		t.Fatal(err)
	}
	v2, _ := s.DataVersion()
	if v2 == v0 {
		t.Fatalf("data_version did not change after another store wrote (%d)", v2)
	}
	// And the write is visible.
	if sc, ok := mustLoad(t, s, id).ScoreOf("panshi", "arch_redundancy", "wang"); !ok || sc.Value != 3 {
		t.Fatalf("other store's write not visible: %+v", sc)
	}
	if v3, _ := s.DataVersion(); v3 != v2 {
		t.Fatalf("data_version moved without a write: %d → %d", v2, v3)
	}
}

func TestCheckHealthyAndBroken(t *testing.T) {
	s, id := withFixture(t)
	if p, err := s.Check(); err != nil || len(p) != 0 {
		t.Fatalf("Check on a healthy database: %q, %v", p, err)
	}
	// Break the model invariants behind the store's back: Check must say so.
	if _, err := s.db.Exec(`UPDATE profile_dimension_weights SET weight = 0.9 WHERE eval_id = ? AND profile = 'default' AND dimension = 'stability'`, id); err != nil {
		t.Fatal(err)
	}
	p, err := s.Check()
	if err != nil || len(p) != 1 || !contains(p[0], "sum to") {
		t.Fatalf("Check after breaking weights: %q, %v", p, err)
	}
	// Break a foreign key with enforcement off on one connection.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `INSERT INTO score_rows (eval_id, vendor, reviewer, scored, vals) VALUES (?, 'ghost', 'wang', 4, zeroblob(8 * 4))`, id); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = ON`); err != nil {
		t.Fatal(err)
	}
	p, err = s.Check()
	if err != nil || !reflect.DeepEqual(len(p) >= 2, true) || !contains(p[0]+p[1], "foreign key") {
		t.Fatalf("Check after breaking a foreign key: %q, %v", p, err)
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("CCSELECT_DB", "/x/y.db")
	if p, err := DefaultPath(); err != nil || p != "/x/y.db" {
		t.Fatalf("CCSELECT_DB: %q %v", p, err)
	}
	t.Setenv("CCSELECT_DB", "")
	t.Setenv("XDG_DATA_HOME", "/data")
	if p, _ := DefaultPath(); p != "/data/ccselect/ccselect.db" {
		t.Fatalf("XDG_DATA_HOME: %q", p)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/u")
	if p, _ := DefaultPath(); p != "/home/u/.local/share/ccselect/ccselect.db" {
		t.Fatalf("HOME: %q", p)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "a", "b", "ccselect.db")
	if err := EnsureDir(path); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(dir, "a", "b"))
	if err != nil || !st.IsDir() || st.Mode().Perm() != 0o700 {
		t.Fatalf("EnsureDir: %v %v", st.Mode(), err)
	}
	s := openAt(t, path)
	if s.Path() != path {
		t.Fatalf("Path %q", s.Path())
	}
}

func TestUseAfterClose(t *testing.T) {
	s, id := withFixture(t)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, err := s.Load(id); err == nil {
		t.Fatal("Load after Close succeeded")
	}
	if err := s.SetScore(id, model.Score{Vendor: "yunqi", Criterion: "arch_redundancy", Reviewer: "wang", Value: 1}, ""); err == nil {
		t.Fatal("SetScore after Close succeeded")
	}
	if _, err := s.DataVersion(); err == nil {
		t.Fatal("DataVersion after Close succeeded")
	}
}
