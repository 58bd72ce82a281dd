package ui

import (
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ccselect/export/xlsx"
	"ccselect/model"
)

// The scoring sheet's layout (export/xlsx/sheet_export.go): data rows from row 4, the rating
// input in column D, the hidden vendor and criterion ids in columns L and M.
const (
	sheetRatingCol = "D"
	sheetVendorCol = 12
	sheetCritCol   = 13
)

// filledSheet writes wang's scoring sheet of the stored sample to dir and sets the given
// (vendor, criterion) rating cells; it returns the path and each cell's reference.
func filledSheet(t *testing.T, st *sqlStore, id int64, dir string, lang model.Lang, set map[[2]string]any) (string, map[[2]string]string) {
	t.Helper()
	ev, err := st.raw.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "wang.xlsx")
	if err := xlsx.WriteScoringSheetFile(path, false, ev, "wang", lang); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := map[model.Lang]string{model.LangZh: "评分", model.LangEn: "Scores"}[lang]
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	refs := map[[2]string]string{}
	for r, row := range rows {
		if len(row) < sheetCritCol {
			continue
		}
		k := [2]string{row[sheetVendorCol-1], row[sheetCritCol-1]}
		if v, ok := set[k]; ok {
			cell := sheetRatingCol + strconv.Itoa(r+1)
			refs[k] = sheet + "!" + cell
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(refs) != len(set) {
		t.Fatalf("found %d of %d cells", len(refs), len(set))
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	return path, refs
}

func importSheet(r *Root, path string) *importDialog {
	press(r, "i")
	d, _ := r.dialog().(*importDialog)
	typeText(r, path)
	press(r, "enter")
	return d
}

// A sheet with bad cells lists every one with its cell reference, in the interface language
// (the messages of export/xlsx), and the database is exactly as before.
func TestSheetImportBadCellsImportNothing(t *testing.T) {
	st, id := sampleStore(t)
	before, err := st.raw.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	path, refs := filledSheet(t, st, id, t.TempDir(), model.LangZh, map[[2]string]any{
		{"yunqi", "arch_redundancy"}:  6,
		{"panshi", "arch_redundancy"}: 3.3,
		{"yunqi", "load_balancing"}:   2, // a good cell beside the bad ones: not imported either
	})
	r := start(newTestRoot(st, model.LangZh, id, 80, 24))
	d := importSheet(r, path)
	if d == nil || d.phase != importProblems {
		t.Fatalf("no problems shown:\n%s", screen(r))
	}
	s := screen(r)
	for _, want := range []string{"2 处问题, 未导入任何内容", refs[[2]string{"yunqi", "arch_redundancy"}] + ": 6 不在 1–5 之间",
		refs[[2]string{"panshi", "arch_redundancy"}] + ": 3.3 不是整分或半分"} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
	after, err := st.raw.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before.Scores, after.Scores) {
		t.Error("a refused sheet changed the scores")
	}
	press(r, "esc")
	if r.dialog() != nil {
		t.Error("esc did not close the problems")
	}
}

// A good sheet is written in one go and its changed cells are listed by name; importing the
// same file again changes nothing.
func TestSheetImportChangedCells(t *testing.T) {
	st, id := sampleStore(t)
	path, _ := filledSheet(t, st, id, t.TempDir(), model.LangEn, map[[2]string]any{
		{"yunqi", "arch_redundancy"}: 1.5,
	})
	r := start(newTestRoot(st, model.LangEn, id, 80, 24))
	old, _ := r.wb.ev.ScoreOf("yunqi", "arch_redundancy", "wang")
	oldValue := old.Value
	d := importSheet(r, path)
	if d == nil || d.phase != importDone {
		t.Fatalf("not imported:\n%s", screen(r))
	}
	s := screen(r)
	if !strings.Contains(s, "Imported: 1 cells changed") || !strings.Contains(s, "Yunqi Telecom / ") || !strings.Contains(s, num(oldValue)+" → 1.5") {
		t.Errorf("changed cell not listed:\n%s", s)
	}
	ev, _ := st.raw.Load(id)
	if sc, ok := ev.ScoreOf("yunqi", "arch_redundancy", "wang"); !ok || sc.Value != 1.5 {
		t.Fatalf("stored %+v", sc)
	}
	if sc, _ := r.wb.ev.ScoreOf("yunqi", "arch_redundancy", "wang"); sc.Value != 1.5 {
		t.Error("the workbench was not reloaded after the import")
	}
	press(r, "enter")
	d = importSheet(r, path)
	if d == nil || d.phase != importDone || !strings.Contains(screen(r), "nothing changed") {
		t.Errorf("second import:\n%s", screen(r))
	}
}

// A missing file and a file that is not a sheet are refused with their own message.
func TestSheetImportRefusals(t *testing.T) {
	st, id := sampleStore(t)
	dir := t.TempDir()
	r := start(newTestRoot(st, model.LangEn, id, 80, 24))
	importSheet(r, filepath.Join(dir, "nope.xlsx"))
	if !strings.Contains(screen(r), "No such file:") {
		t.Errorf("missing file:\n%s", screen(r))
	}
	press(r, "esc")
	md := filepath.Join(dir, "x.md")
	if err := writeMarkdown(md, r.wb.ev, model.LangEn); err != nil {
		t.Fatal(err)
	}
	d := importSheet(r, md)
	if d == nil || d.phase != importProblems || !strings.Contains(screen(r), "This file cannot be imported") {
		t.Errorf("a Markdown file:\n%s", screen(r))
	}
}
