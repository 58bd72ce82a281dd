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

	"ccselect/export"
	"ccselect/internal/ops"
	"ccselect/model"
)

// fillSheet gives every rating row of a scoring sheet rating and every measured row measured,
// as a reviewer would in Excel (rows are told apart by the unit column: "1–5" for ratings).
func fillSheet(t testing.TB, in, out string, rating, measured float64) {
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

// bigEval is a seeded evaluation of nv vendors × nc criteria over 5 dimensions and one
// reviewer with no scores yet: every fifth criterion measured (0–100, three anchors), the rest
// rated, one equal-weight profile.
func bigEval(nv, nc int) *model.Evaluation {
	ev := &model.Evaluation{Name: "big", Client: "bench"}
	const nd = 5
	prof := model.WeightProfile{Name: "equal", Dimensions: map[string]float64{}, Criteria: map[string]float64{}}
	for d := 0; d < nd; d++ {
		id := "d" + strconv.Itoa(d)
		ev.Framework.Dimensions = append(ev.Framework.Dimensions, model.Dimension{ID: id, Name: model.Both("Dimension " + id)})
		prof.Dimensions[id] = 1.0 / nd
	}
	for c := 0; c < nc; c++ {
		d := c * nd / nc
		cr := model.Criterion{ID: "c" + strconv.Itoa(c), Dimension: "d" + strconv.Itoa(d), Name: model.Both("Criterion " + strconv.Itoa(c)),
			Kind: model.KindRating, Rubric: [3]model.Text{model.Both("poor"), model.Both("fair"), model.Both("excellent")}}
		if c%5 == 4 {
			cr.Kind, cr.Unit, cr.Direction = model.KindMeasured, "%", model.Benefit
			cr.Anchors = []model.Anchor{{X: 0, Score: 1}, {X: 50, Score: 3}, {X: 100, Score: 5}}
		}
		ev.Framework.Criteria = append(ev.Framework.Criteria, cr)
		prof.Criteria[cr.ID] = float64(nd) / float64(nc)
	}
	for v := 0; v < nv; v++ {
		ev.Vendors = append(ev.Vendors, model.Vendor{ID: "v" + strconv.Itoa(v), Name: model.Both("Vendor " + strconv.Itoa(v))})
	}
	ev.Reviewers = []model.Reviewer{{ID: "r", Name: "Reviewer"}}
	ev.Profiles = []model.WeightProfile{prof}
	return ev
}

// sheet import of a filled 50 vendors × 300 criteria sheet, through the whole command: read,
// validate, one transaction of 15,000 changed cells with their audit rows (issue 11 budget:
// 1 s). Iterations alternate two fillings so that every import changes every cell.
func BenchmarkSheetImport50x300(b *testing.B) {
	dir := b.TempDir()
	db := filepath.Join(dir, "big.db")
	bundle := filepath.Join(dir, "big.json")
	if err := export.WriteBundleFile(bundle, ops.ForExport(bigEval(50, 300))); err != nil {
		b.Fatal(err)
	}
	if code := Run([]string{"import", bundle, "--db", db}, io.Discard, io.Discard); code != 0 {
		b.Fatal("import failed")
	}
	sheet := filepath.Join(dir, "s.xlsx")
	if code := Run([]string{"sheet", "export", "--reviewer", "r", "--out", sheet, "--db", db}, io.Discard, io.Discard); code != 0 {
		b.Fatal("sheet export failed")
	}
	files := []string{filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx")}
	fillSheet(b, sheet, files[0], 3, 30)
	fillSheet(b, sheet, files[1], 4, 40)
	i := 0
	b.ResetTimer()
	for b.Loop() {
		var out strings.Builder
		if code := Run([]string{"sheet", "import", files[i%2], "--db", db}, &out, io.Discard); code != 0 {
			b.Fatal("sheet import failed")
		}
		if !strings.Contains(out.String(), "15000 cells changed") {
			b.Fatalf("unexpected summary: %.200s", out.String())
		}
		i++
	}
}
