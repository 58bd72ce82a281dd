package xlsx

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ccselect/model"
)

func exportSheet(t testing.TB, ev *model.Evaluation, reviewer string, lang model.Lang) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteScoringSheet(&buf, ev, reviewer, lang); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rowOf finds the data row of (vendor, criterion) by the hidden ids.
func rowOf(t testing.TB, f *excelize.File, sheet, vendor, crit string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		if len(row) >= ssCID && row[ssVID-1] == vendor && row[ssCID-1] == crit {
			return r + 1
		}
	}
	t.Fatalf("no row for %s/%s", vendor, crit)
	return 0
}

func save(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sortedScores(ss []model.Score) map[[3]string]model.Score {
	m := map[[3]string]model.Score{}
	for _, s := range ss {
		m[[3]string{s.Vendor, s.Criterion, s.Reviewer}] = s
	}
	return m
}

// An exported sheet carries the reviewer's own scores: importing it unchanged gives exactly
// those scores back and no change.
func TestScoringSheetRoundTripUnchanged(t *testing.T) {
	ev := sample(t)
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		data := exportSheet(t, ev, "li", lang)
		imp, err := ReadScoringSheet(bytes.NewReader(data), ev, lang)
		if err != nil {
			t.Fatal(err)
		}
		var want []model.Score
		for _, s := range ev.Scores {
			if s.Reviewer == "li" {
				want = append(want, s)
			}
		}
		if imp.Reviewer != "li" || !reflect.DeepEqual(sortedScores(imp.Scores), sortedScores(want)) {
			t.Errorf("%s: imported %d scores, want li's %d", lang, len(imp.Scores), len(want))
		}
		if ch := Changes(ev, imp); len(ch) != 0 {
			t.Errorf("%s: an unchanged sheet changes %v", lang, ch)
		}
	}
}

// Filling a new reviewer's sheet programmatically (sorted differently and relabelled) imports
// exactly the values typed.
func TestScoringSheetFillAndImport(t *testing.T) {
	ev := sample(t)
	ev.Reviewers = append(ev.Reviewers, model.Reviewer{ID: "zhao", Name: "赵新"})
	data := exportSheet(t, ev, "zhao", model.LangZh)
	f := open(t, data)
	sheet := msg(model.LangZh, "sheet.rating")
	want := map[[3]string]model.Score{}
	for i, v := range ev.Vendors {
		for j, c := range ev.Framework.Criteria {
			if (i+j)%3 != 0 {
				continue
			}
			r := rowOf(t, f, sheet, v.ID, c.ID)
			val := float64(1+(i+j)%5) + 0.5*float64(j%2)
			if val > 5 {
				val = 5
			}
			col := ssRating
			if c.Kind == model.KindMeasured {
				col, val = ssMeasured, 100*val
			}
			f.SetCellValue(sheet, ref(col, r), val)
			f.SetCellStr(sheet, ref(ssNote, r), "笔记 "+v.ID)
			f.SetCellStr(sheet, ref(ssEvidence, r), "=not a formula")
			f.SetCellStr(sheet, ref(ssVendor, r), "renamed") // names are not read
			want[[3]string{v.ID, c.ID, "zhao"}] = model.Score{Vendor: v.ID, Criterion: c.ID, Reviewer: "zhao", Value: val,
				Note: "笔记 " + v.ID, Evidence: "=not a formula"}
		}
	}
	imp, err := ReadScoringSheet(bytes.NewReader(save(t, f)), ev, model.LangZh)
	if err != nil {
		t.Fatal(err)
	}
	if got := sortedScores(imp.Scores); !reflect.DeepEqual(got, want) {
		t.Errorf("imported %d scores, want %d", len(got), len(want))
	}
	if ch := Changes(ev, imp); len(ch) != len(want) {
		t.Errorf("%d changes, want %d new scores", len(ch), len(want))
	}
}

// The sheet has the validation the acceptance check plants a 6 into (decimal between 1 and 5),
// only input cells unlocked, protected structure, hidden ids.
func TestScoringSheetValidationAndProtection(t *testing.T) {
	ev := sample(t)
	f := open(t, exportSheet(t, ev, "wang", model.LangEn))
	sheet := "Scores"
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, dv := range dvs {
		if dv.Type == "decimal" && dv.Operator == "between" && strings.Trim(dv.Formula1, `"`) == "1" && strings.Trim(dv.Formula2, `"`) == "5" {
			found = true
			first := strings.Split(strings.Split(dv.Sqref, " ")[0], ":")[0]
			if !strings.HasPrefix(first, colName(ssRating)) {
				t.Errorf("rating validation starts at %s, want column %s", first, colName(ssRating))
			}
		}
	}
	if !found {
		t.Errorf("no 1–5 decimal validation among %+v", dvs)
	}
	for _, c := range []int{ssVID, ssCID} {
		if vis, _ := f.GetColVisible(sheet, colName(c)); vis {
			t.Errorf("id column %s is visible", colName(c))
		}
	}
	if vis, _ := f.GetSheetVisible(metaSheet); vis {
		t.Error("identification sheet is visible")
	}
}

func TestScoringSheetBadCells(t *testing.T) {
	ev := sample(t)
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		f := open(t, exportSheet(t, ev, "wang", lang))
		sheet := msg(lang, "sheet.rating")
		rr := rowOf(t, f, sheet, "yunqi", "arch_redundancy")     // rating
		rh := rowOf(t, f, sheet, "panshi", "arch_redundancy")    // rating
		rt := rowOf(t, f, sheet, "yunqi", "load_balancing")      // rating
		rm := rowOf(t, f, sheet, "yunqi", "concurrent_channels") // measured
		f.SetCellValue(sheet, ref(ssRating, rr), 6)
		f.SetCellValue(sheet, ref(ssRating, rh), 3.3)
		f.SetCellStr(sheet, ref(ssRating, rt), "good")
		f.SetCellValue(sheet, ref(ssMeasured, rm), -5)
		_, err := ReadScoringSheet(bytes.NewReader(save(t, f)), ev, lang)
		var pe *ProblemsError
		if !errors.As(err, &pe) {
			t.Fatalf("%s: got %v, want a problems error", lang, err)
		}
		want := map[model.Lang][]string{
			model.LangZh: {"评分!" + ref(ssRating, rr) + ": 6 不在 1–5 之间", "评分!" + ref(ssRating, rh) + ": 3.3 不是整分或半分",
				"评分!" + ref(ssRating, rt) + ": “good” 不是数字", "评分!" + ref(ssMeasured, rm) + ": -5 不能为负数"},
			model.LangEn: {"Scores!" + ref(ssRating, rr) + ": 6 is outside 1–5", "Scores!" + ref(ssRating, rh) + ": 3.3 is not a whole or half point",
				"Scores!" + ref(ssRating, rt) + ": \"good\" is not a number", "Scores!" + ref(ssMeasured, rm) + ": -5 must not be negative"},
		}[lang]
		var got []string
		for _, p := range pe.Problems {
			got = append(got, p.String())
		}
		for _, w := range want {
			if !contains(got, w) {
				t.Errorf("%s: problems %q lack %q", lang, got, w)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d problems, want %d: %q", lang, len(got), len(want), got)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestScoringSheetRefusals(t *testing.T) {
	ev := sample(t)
	good := exportSheet(t, ev, "wang", model.LangEn)
	other := sample(t)
	other.Name = "Another evaluation"
	foreign := func() []byte {
		f := excelize.NewFile()
		f.SetCellStr("Sheet1", "A1", "hello")
		return save(t, f)
	}()
	var enc bytes.Buffer
	if err := WriteWorkbook(&enc, ev, WorkbookOptions{Password: "x", Generated: fixedTime}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
		ev   *model.Evaluation
		kind RefusalKind
		msg  string
	}{
		{"not xlsx", []byte("not a spreadsheet\n"), ev, RefusedNotXLSX, "is not an Excel workbook"},
		{"truncated", good[:len(good)/2], ev, RefusedTruncated, "damaged or incomplete"},
		{"foreign", foreign, ev, RefusedForeign, "not a ccselect scoring sheet"},
		{"other evaluation", good, other, RefusedOtherEvaluation, `belongs to evaluation "` + ev.Name + `", not "Another evaluation"`},
		{"encrypted", enc.Bytes(), ev, RefusedEncrypted, "encrypted"},
	}
	for _, c := range cases {
		_, err := ReadScoringSheet(bytes.NewReader(c.data), c.ev, model.LangEn)
		var re *RefusedError
		if !errors.As(err, &re) || re.Kind != c.kind || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: got %v, want refusal %d containing %q", c.name, err, c.kind, c.msg)
		}
	}
	// In Chinese, with the file's path.
	path := filepath.Join(t.TempDir(), "bad.xlsx")
	os.WriteFile(path, []byte("not a spreadsheet"), 0o600)
	if _, err := ReadScoringSheetFile(path, ev, model.LangZh); err == nil || !strings.Contains(err.Error(), path+" 不是 Excel 工作簿") {
		t.Errorf("zh non-xlsx: %v", err)
	}
}

func TestScoringSheetUnknownReviewer(t *testing.T) {
	ev := sample(t)
	if err := WriteScoringSheet(&bytes.Buffer{}, ev, "nobody", model.LangEn); err == nil {
		t.Error("a sheet for an unknown reviewer was written")
	}
}

func TestWriteFileRefusesExisting(t *testing.T) {
	ev := sample(t)
	path := filepath.Join(t.TempDir(), "wb.xlsx")
	opt := WorkbookOptions{Generated: fixedTime}
	if err := WriteWorkbookFile(path, false, ev, opt); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	before, _ := os.ReadFile(path)
	if err := WriteWorkbookFile(path, false, ev, WorkbookOptions{Generated: fixedTime, Lang: model.LangZh}); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("existing file: %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the refused write changed the file")
	}
	if err := WriteWorkbookFile(path, true, ev, WorkbookOptions{Generated: fixedTime, Lang: model.LangZh}); err != nil {
		t.Errorf("--force: %v", err)
	}
	// A failing write leaves no file behind.
	bad := filepath.Join(t.TempDir(), "bad.xlsx")
	if err := WriteWorkbookFile(bad, false, ev, WorkbookOptions{Profile: "no-such-profile"}); err == nil {
		t.Error("unknown profile accepted")
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("a failed write left %s behind", bad)
	}
}
