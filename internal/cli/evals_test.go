package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"ccselect/export"
	"ccselect/samples"
)

func TestNewListExportImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "new", "--db", db, "--template", "finance", "--name", "某银行呼叫中心选型", "--client", "示例银行")
	var rows []struct {
		ID                           int64
		Name, Client                 string
		Vendors, Criteria, Reviewers int
		Updated                      string
	}
	if err := json.Unmarshal([]byte(mustCLI(t, "list", "--db", db, "--format", "json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Name != "某银行呼叫中心选型" || rows[0].Criteria != 17 || rows[0].Vendors != 0 {
		t.Fatalf("list = %+v", rows)
	}
	failCLI(t, "already exists", "new", "--db", db, "--template", "default", "--name", "某银行呼叫中心选型")
	failCLI(t, "unknown template", "new", "--db", db, "--template", "retail", "--name", "x")
	failCLI(t, "--template is required", "new", "--db", db, "--name", "x")

	sample := filepath.Join(dir, "sample.json")
	t.Setenv("CCSELECT_DB", "")
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "xdg"))
	mustCLI(t, "export", "--out", sample) // default database: created and seeded on first use
	mustCLI(t, "import", sample, "--db", db)
	failCLI(t, "already exists", "import", sample, "--db", db)
	mustCLI(t, "import", "--db", db, "--name", "copy", sample)
	again := filepath.Join(dir, "again.json")
	mustCLI(t, "export", "--db", db, "--eval", "copy", "--out", again)
	a, _ := os.ReadFile(sample)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(bytes.Replace(a, []byte(`"name": "示例：云呼叫中心选型 / Sample CCaaS selection"`), []byte(`"name": "copy"`), 1), b) {
		t.Fatalf("export → import → export differs")
	}
	if r := report(t, "--db", db, "--eval", "copy"); r.Vendors[0].ID != "yunqi" {
		t.Fatalf("imported copy ranks %s first", r.Vendors[0].ID)
	}
	mustCLI(t, "check", "--db", db)
}

func TestImportBadFilesChangeNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "new", "--db", db, "--template", "default", "--name", "keep")
	sample := filepath.Join(dir, "sample.json")
	mustCLI(t, "export", "--db", db, "--out", filepath.Join(dir, "keep.json"))
	t.Setenv("CCSELECT_DB", "")
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "xdg"))
	mustCLI(t, "export", "--out", sample)
	good, _ := os.ReadFile(sample)
	before := snapshot(t, db)

	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	replace := func(old, new string) string {
		s := string(good)
		if !strings.Contains(s, old) {
			t.Fatalf("sample bundle has no %q", old)
		}
		return strings.Replace(s, old, new, 1)
	}
	cases := []struct{ name, content, want string }{
		{"malformed.json", "{not json", "malformed.json"},
		{"truncated.json", string(good[:len(good)/2]), "truncated.json"},
		{"unknown-dimension.json", replace(`"dimension": "stability"`, `"dimension": "vibes"`), `unknown dimension "vibes"`},
		{"rating.json", replace(`"value": 5,`, `"value": 7,`), "outside 1–5"},
		{"duplicate.json", replace(`"id": "panshi"`, `"id": "yunqi"`), "duplicate vendor"},
		{"duplicate-reviewer.json", replace(`"id": "li"`, `"id": "wang"`), "duplicate reviewer"},
		{"duplicate-criterion.json", replace(`"id": "load_balancing"`, `"id": "arch_redundancy"`), "arch_redundancy"},
		{"unknown-vendor.json", replace(`"vendor": "yunqi"`, `"vendor": "ghost"`), `unknown vendor "ghost"`},
		{"unknown-criterion.json", replace(`"criterion": "track_record",`, `"criterion": "uptime",`), `unknown criterion "uptime"`},
		{"unknown-reviewer.json", replace(`"reviewer": "wang"`, `"reviewer": "zhao"`), `unknown reviewer "zhao"`},
		{"nan.json", replace(`"value": 99.95,`, `"value": NaN,`), "invalid character 'N'"},
		{"text-value.json", replace(`"value": 99.95,`, `"value": "99.95%",`), "expected a number"},
		{"null-value.json", replace(`"value": 99.95,`, `"value": null,`), "not a number"},
		{"no-value.json", replace(`"value": 99.95,`, ``), `no "value"`},
		{"negative.json", replace(`"value": 99.95,`, `"value": -1,`), "negative"},
		{"half-rating.json", replace(`"value": 5,`, `"value": 4.2,`), "half point"},
		{"weights.json", replace(`"stability": 0.24`, `"stability": 0.5`), "sum to"},
		{"null-weight.json", replace(`"stability": 0.24`, `"stability": null`), "not a number"},
		{"null-threshold.json", replace(`"threshold": 99.9`, `"threshold": null`), "not a number"},
		{"gbk.json", replace("示例银行", "\xd4\xc6\xc6\xf4银行"), "not valid UTF-8"},
		{"duplicate-key.json", replace(`"value": 99.95,`, `"value": 99.95, "value": 1,`), `duplicate key "value"`},
		{"empty.json", "", "empty"},
		{"array.json", "[]", "not an object"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			failCLI(t, c.want, "import", write(c.name, c.content), "--db", db, "--name", "bad")
		})
	}
	failCLI(t, "no such file", "import", filepath.Join(dir, "missing.json"), "--db", db)
	if after := snapshot(t, db); after != before {
		t.Fatal("a failed import changed the database")
	}
}

// Unknown evaluations and profiles are reported; a failed export writes no file.
func TestUnknownEvaluationAndProfile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--db", db)
	before := snapshot(t, db)
	out := filepath.Join(dir, "out.json")
	failCLI(t, `evaluation "nope": not found`, "report", "--db", db, "--eval", "nope")
	failCLI(t, `evaluation "42": not found`, "export", "--db", db, "--eval", "42", "--out", out)
	failCLI(t, `"nope"`, "sensitivity", "--db", db, "--profile", "nope", "--samples", "0")
	failCLI(t, `"nope"`, "report", "--db", db, "--profile", "nope")
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("a failed export created its output file")
	}
	if snapshot(t, db) != before {
		t.Fatal("the database changed")
	}
}

// An import that fails only when the database takes it (a time the store cannot hold) leaves no
// new, empty database file behind.
func TestFailedImportLeavesNoNewDatabase(t *testing.T) {
	dir := t.TempDir()
	bundle := sampleBundle(t, dir)
	future := filepath.Join(dir, "future.json")
	data := strings.Replace(string(fileBytes(t, bundle)), `"created": "2025-03-03T01:00:00Z"`, `"created": "3000-03-03T01:00:00Z"`, 1)
	if err := os.WriteFile(future, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	failCLI(t, "out of range", "import", future, "--db", filepath.Join(dir, "new.db"))
	if got := listing(t, dir); got != "future.json,sample.json" {
		t.Fatalf("directory holds %s", got)
	}
	// An existing database keeps what it had.
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", bundle, "--db", db)
	before := snapshot(t, db)
	failCLI(t, "out of range", "import", future, "--db", db, "--name", "future")
	if snapshot(t, db) != before {
		t.Fatal("the database changed")
	}
}

// The import summary counts in words a reader would write: "1 vendor", "2 vendors".
func TestImportSummaryPlurals(t *testing.T) {
	dir := t.TempDir()
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	ev.Vendors, ev.Reviewers = ev.Vendors[:1], ev.Reviewers[:1]
	kept := ev.Scores[:0]
	for _, s := range ev.Scores {
		if s.Vendor == ev.Vendors[0].ID && s.Reviewer == ev.Reviewers[0].ID && s.Criterion == "arch_redundancy" {
			kept = append(kept, s)
		}
	}
	ev.Scores = kept
	path := filepath.Join(dir, "one.json")
	if err := export.WriteBundleFile(path, ev); err != nil {
		t.Fatal(err)
	}
	out := mustCLI(t, "import", path, "--db", filepath.Join(dir, "a.db"))
	if !strings.Contains(out, "(1 vendor, 23 criteria, 1 score)") {
		t.Errorf("import summary = %q", out)
	}
	out = mustCLI(t, "import", sampleBundle(t, dir), "--db", filepath.Join(dir, "a.db"), "--name", "full")
	if !strings.Contains(out, "(5 vendors, 23 criteria, 345 scores)") {
		t.Errorf("import summary = %q", out)
	}
}

// `--out -` writes the bundle to stdout and `import -` reads one from stdin (the usual Unix
// convention), so `ccselect export --out - | ccselect import - --db other.db` copies an
// evaluation; neither leaves a file named "-" behind.
func TestExportImportDash(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--db", db)
	out := mustCLI(t, "export", "--db", db, "--out", "-")
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Fatal("export --out - wrote a file named -")
	}
	ev, err := export.DecodeBundle(strings.NewReader(out))
	if err != nil || len(ev.Vendors) != 5 {
		t.Fatalf("stdout is not the bundle: %v", err)
	}
	old := stdin
	t.Cleanup(func() { stdin = old })
	stdin = strings.NewReader(out)
	if got := mustCLI(t, "import", "-", "--db", filepath.Join(dir, "b.db")); !strings.Contains(got, "5 vendors") {
		t.Fatalf("import - = %q", got)
	}
}

// list fits its width: a long name (Chinese, two cells a character) is shortened with "…" in
// terminal cells, never cut inside a character; --wide and --format json keep it whole, and the
// JSON has the industry (issue 9, defects 8 and 9).
func TestListShortensLongNames(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	long := strings.Repeat("某大型股份制商业银行", 4) + "呼叫中心选型"
	mustCLI(t, "new", "--db", db, "--template", "finance", "--name", long, "--client", "示例银行")
	out := mustCLI(t, "list", "--db", db)
	if strings.Contains(out, long) || !strings.Contains(out, "…") {
		t.Errorf("long name not shortened:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w > 100 {
			t.Errorf("line of %d columns:\n%s", w, out)
		}
		if strings.ContainsRune(l, utf8.RuneError) {
			t.Errorf("a character was cut: %q", l)
		}
	}
	if out := mustCLI(t, "list", "--db", db, "--wide"); !strings.Contains(out, long) {
		t.Errorf("--wide shortens:\n%s", out)
	}
	if out := mustCLI(t, "list", "--db", db, "--lang", "zh"); !strings.Contains(out, "金融") {
		t.Errorf("zh list does not name the industry in Chinese:\n%s", out)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, "list", "--db", db, "--format", "json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0]["name"] != long || rows[0]["industry"] != "finance" {
		t.Errorf("json = %v", rows)
	}
}
