package ops

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ccselect/samples"
	"ccselect/storage"
)

func TestCheckName(t *testing.T) {
	for _, c := range []struct{ in, want, err string }{
		{"  Bank 2026 ", "Bank 2026", ""},
		{"某银行呼叫中心选型", "某银行呼叫中心选型", ""},
		{"   ", "", "must not be empty"},
		{"a\tb", "", "line break or tab"},
		{"a\nb", "", "line break or tab"},
		{"a\x1b[31mb", "", "escape character"},
		{"a\u2028b", "", "line break or tab"},
		{strings.Repeat("名", 201), "", "at most 200"},
	} {
		got, err := CheckName("evaluation", c.in)
		if c.err == "" && (err != nil || got != c.want) || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
			t.Errorf("CheckName(%q) = %q, %v; want %q, error with %q", c.in, got, err, c.want, c.err)
		}
	}
}

// A name is unique and may not be another evaluation's id: with evaluations 1 "W" and 2 "2026",
// "W", "1" and "2" are taken for a new evaluation, "2026" is taken but free for evaluation 2.
func TestCheckEvalName(t *testing.T) {
	st, err := storage.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, name := range []string{"W", "2026"} {
		ev, err := samples.Template("default", name, "", 1000)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := CreateIn(st, ev, "t"); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		name  string
		self  int64
		taken bool
	}{{"W", 0, true}, {"1", 0, true}, {"2", 0, true}, {"2026", 0, true}, {"2026", 2, false}, {"W", 1, false}, {"3", 0, false}, {"X", 0, false}} {
		_, err := CheckEvalName(st, c.name, c.self)
		if taken := errors.Is(err, ErrNameTaken); taken != c.taken {
			t.Errorf("CheckEvalName(%q, self %d) = %v, want taken %v", c.name, c.self, err, c.taken)
		}
	}
}

// --db and $CCSELECT_DB are explicit and must exist for reading and editing; only the default
// location is created (and seeded) on first use.
func TestLocateAndOpen(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "xdg"))
	t.Setenv("CCSELECT_DB", filepath.Join(dir, "env.db"))
	l, err := Locate("")
	if err != nil || !l.Explicit || l.Source != "CCSELECT_DB" {
		t.Fatalf("Locate = %+v, %v", l, err)
	}
	for _, open := range []func(Location) (*storage.Store, error){OpenRead, OpenWrite} {
		if _, err := open(l); err == nil || !strings.Contains(err.Error(), "$CCSELECT_DB") {
			t.Errorf("open of a missing $CCSELECT_DB: %v", err)
		}
	}
	if _, err := os.Stat(l.Path); !os.IsNotExist(err) {
		t.Fatal("a missing $CCSELECT_DB was created")
	}
	t.Setenv("CCSELECT_DB", "")
	l, _ = Locate("")
	st, err := OpenRead(l)
	if err != nil || l.Explicit {
		t.Fatalf("default: %+v, %v", l, err)
	}
	list, _ := st.List()
	st.Close()
	if len(list) != 1 {
		t.Fatalf("the new default database holds %d evaluations, want the sample", len(list))
	}
	if l, _ := Locate("x.db"); l.Path != "x.db" || l.Source != "--db" {
		t.Fatalf("Locate(--db) = %+v", l)
	}
}

func TestReadBundleSaysWhatIsWrong(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := ReadBundle(db, nil, ""); err == nil || !strings.Contains(err.Error(), "is a ccselect database") || !strings.Contains(err.Error(), "--db "+db) {
		t.Errorf("reading a database as a bundle: %v", err)
	}
	// Columns count characters: "名字" is two, as an editor shows them.
	bad := filepath.Join(dir, "b.json")
	os.WriteFile(bad, []byte("{\"format\": \"ccselect-evaluation\", \"version\": 1,\n \"evaluation\": {\n  \"名字\": 1, \"vendros\": []}}"), 0o600)
	if _, err := ReadBundle(bad, nil, ""); err == nil || !strings.Contains(err.Error(), "at $.evaluation.") {
		t.Errorf("unknown field: %v", err)
	}
}
