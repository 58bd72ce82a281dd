package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ccselect/storage"
)

// audit returns the evaluation's audit log (newest first) as "actor action target" lines.
func auditLines(t *testing.T, db string) []string {
	t.Helper()
	st, err := storage.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.List()
	if err != nil || len(list) == 0 {
		t.Fatalf("list: %v", err)
	}
	es, err := st.Audit(list[0].ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Actor+" "+e.Action+" "+e.Target)
	}
	return out
}

// Every write from the command line is recorded under --as (else $CCSELECT_USER), and a CSV
// import records one row per changed cell — none for a cell that already had that value, so
// re-importing the same file leaves the log as it was.
func TestWritesAreAuditedUnderTheirAuthor(t *testing.T) {
	t.Setenv("CCSELECT_USER", "consultant")
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	mustCLI(t, "new", "--db", db, "--template", "default", "--name", "W")
	mustCLI(t, "vendor", "add", "云启通讯", "--id", "yq", "--db", db, "--as", "王敏")
	mustCLI(t, "reviewer", "add", "王敏", "--id", "wm", "--db", db)
	csv := filepath.Join(dir, "s.csv")
	os.WriteFile(csv, []byte("vendor,criterion,reviewer,value\nyq,arch_redundancy,wm,4\nyq,load_balancing,wm,3\n"), 0o600)
	mustCLI(t, "score", "import", csv, "--db", db, "--as", "王敏")
	got := auditLines(t, db)
	want := []string{
		"王敏 score yq/load_balancing/wm", "王敏 score yq/arch_redundancy/wm",
		"consultant reviewer.save wm", "王敏 vendor.save yq", "consultant create W",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("audit log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	mustCLI(t, "score", "import", csv, "--db", db)
	if again := auditLines(t, db); len(again) != len(got) {
		t.Fatalf("re-importing the same file added %d audit rows", len(again)-len(got))
	}
	// One changed cell of two: one row.
	os.WriteFile(csv, []byte("vendor,criterion,reviewer,value\nyq,arch_redundancy,wm,4\nyq,load_balancing,wm,3.5\n"), 0o600)
	if out := mustCLI(t, "score", "import", csv, "--db", db); !strings.Contains(out, "1 changed, 1 unchanged") {
		t.Fatalf("import = %q", out)
	}
	if again := auditLines(t, db); len(again) != len(got)+1 || again[0] != "consultant score yq/load_balancing/wm" {
		t.Fatalf("audit after changing one cell: %v", again[:2])
	}
}

// The sensitivity JSON names the profile, method and consensus that produced it, so a saved
// file says how to reproduce it (issue 9, defect 7), and lists only reversals that exist.
func TestSensitivityJSONNamesItsInputs(t *testing.T) {
	out := mustCLI(t, "sensitivity", "--sample", "--profile", "finance", "--consensus", "median", "--samples", "0", "--format", "json")
	for _, want := range []string{`"profile": "finance"`, `"method": "wsm"`, `"consensus": "median"`, `"smaa": null`} {
		if !strings.Contains(out, want) {
			t.Errorf("sensitivity JSON lacks %s", want)
		}
	}
	if strings.Contains(out, `"weight": null`) {
		t.Error("the JSON lists a reversal that does not happen in [0,1]")
	}
}
