package cli

import (
	"database/sql"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	_ "modernc.org/sqlite"

	"ccselect/model"
)

// fillSheet gives every rating row of a scoring sheet rating and every measured row measured,
// as a reviewer would in Excel (rows are told apart by the unit column: "1–5" for ratings).
func fillSheet(t *testing.T, in, out string, rating, measured float64) {
	t.Helper()
	f, err := excelize.OpenFile(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(f.GetActiveSheetIndex())
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r := fillFirstRow; r <= len(rows); r++ {
		unit, _ := f.GetCellValue(sheet, fillUnit+strconv.Itoa(r))
		col, v := fillMeasured, measured
		if unit == "1–5" {
			col, v = fillRating, rating
		}
		if err := f.SetCellValue(sheet, col+strconv.Itoa(r), v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
}

// The whole round trip in-process: the scores score list shows are the ones typed into the
// sheet, and every audit row of the import has origin "sheet" (and the reviewer's addition,
// made by the CLI, origin "cli").
func TestSheetImportAuditOrigin(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--name", "W", "--db", db)
	sheet := filepath.Join(dir, "s.xlsx")
	mustCLI(t, "sheet", "export", "--reviewer", "Zhao", "--out", sheet, "--db", db)
	filled := filepath.Join(dir, "f.xlsx")
	fillSheet(t, sheet, filled, 3.5, 17)
	out := mustCLI(t, "sheet", "import", filled, "--db", db, "--format", "json")
	var sum struct {
		Reviewer string `json:"reviewer"`
		Cells    int    `json:"cells"`
		Changed  int    `json:"changed"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	// The sample's framework has 23 criteria and 5 vendors: 115 cells.
	if sum.Reviewer != "zhao" || sum.Cells != 115 || sum.Changed != 115 {
		t.Fatalf("summary %+v, want reviewer zhao, 115 cells, 115 changed", sum)
	}
	var scores []model.Score
	if err := json.Unmarshal([]byte(mustCLI(t, "score", "list", "--reviewer", "zhao", "--db", db, "--format", "json")), &scores); err != nil {
		t.Fatal(err)
	}
	if len(scores) != 115 {
		t.Fatalf("%d scores of zhao, want 115", len(scores))
	}
	for _, s := range scores {
		if s.Value != 3.5 && s.Value != 17 {
			t.Fatalf("score %+v: want 3.5 (rating) or 17 (measured)", s)
		}
	}
	origins := auditOrigins(t, db)
	if origins["score/sheet"] != 115 || origins["score/cli"] != 0 {
		t.Fatalf("audit rows by action/origin %v, want 115 score rows of origin sheet", origins)
	}
	if origins["reviewer.save/cli"] != 1 {
		t.Fatalf("audit rows by action/origin %v, want the new reviewer saved once by the cli", origins)
	}
}

// auditOrigins counts the audit rows of a database by "action/origin".
func auditOrigins(t *testing.T, path string) map[string]int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT action, origin, count(*) FROM audit GROUP BY action, origin`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	m := map[string]int{}
	for rows.Next() {
		var a, o string
		var n int
		if err := rows.Scan(&a, &o, &n); err != nil {
			t.Fatal(err)
		}
		m[a+"/"+o] = n
	}
	return m
}

// A failed write of the sheet (its directory does not exist) adds no reviewer.
func TestSheetExportFailureAddsNoReviewer(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--name", "W", "--db", db)
	before := snapshot(t, db)
	failCLI(t, "no such file or directory", "sheet", "export", "--reviewer", "Ghost", "--out", filepath.Join(dir, "no", "s.xlsx"), "--db", db)
	if snapshot(t, db) != before {
		t.Fatal("a failed sheet export changed the database")
	}
	if out := mustCLI(t, "reviewer", "list", "--db", db); strings.Contains(out, "Ghost") {
		t.Fatalf("reviewer Ghost was added:\n%s", out)
	}
}

// --password without a terminal or $CCSELECT_XLSX_PASSWORD is refused before anything is
// written; with the variable the password never appears in the output.
func TestExportPasswordNeverShown(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "e.xlsx")
	t.Setenv(passwordEnv, "")
	failCLI(t, "needs a terminal", "export", "--sample", "--format", "xlsx", "--password", "--samples", "0", "--out", path)
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a workbook was written without a password")
	}
	t.Setenv(passwordEnv, "pa55-zh-密码")
	code, out, errs := cli(t, "export", "--sample", "--format", "xlsx", "--password", "--samples", "0", "--out", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.Contains(out+errs, "pa55") {
		t.Fatalf("the password is shown: %q %q", out, errs)
	}
	f, err := excelize.OpenFile(path, excelize.Options{Password: "pa55-zh-密码"})
	if err != nil {
		t.Fatalf("the encrypted workbook does not open with its password: %v", err)
	}
	f.Close()
}

// The whole command, as the acceptance check runs it: the sample with 100,000 SMAA samples
// (issue 11 budget: 300 ms).
func BenchmarkExportSampleXLSX100k(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "wb.xlsx")
	b.ReportAllocs()
	for b.Loop() {
		if code := Run([]string{"export", "--sample", "--format", "xlsx", "--lang", "zh", "--samples", "100000", "--out", path, "--force"}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
