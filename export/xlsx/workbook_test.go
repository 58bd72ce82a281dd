package xlsx

import (
	"bytes"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"ccselect/model"
	"ccselect/samples"
)

var fixedTime = time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)

func sample(t testing.TB) *model.Evaluation {
	t.Helper()
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

func writeBook(t testing.TB, ev *model.Evaluation, opt WorkbookOptions) []byte {
	t.Helper()
	if opt.Generated.IsZero() {
		opt.Generated = fixedTime
	}
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, ev, opt); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("XLSX_OUT"); dir != "" { // for rendering by hand: XLSX_OUT=/tmp go test
		name := dir + "/wb-" + string(opt.Lang) + ".xlsx"
		if err := os.WriteFile(name, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

func open(t testing.TB, data []byte, opts ...excelize.Options) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data), opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// engineTotals are the weighted-sum totals by vendor id at the problem's current weights.
func engineTotals(t testing.TB, p *model.Problem) map[string]float64 {
	t.Helper()
	res := p.Rank()
	out := map[string]float64{}
	for _, v := range res.Vendors {
		out[v.ID] = v.Total
	}
	return out
}

// totalsRow finds the live total row of the Scores sheet and returns vendor name → cell.
func totalsRow(t *testing.T, f *excelize.File, sheet string, ev *model.Evaluation, lang model.Lang) map[string]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	header := rows[scHead-1]
	totalLabel := msg(lang, "sc.total")
	for r, row := range rows {
		if len(row) > 0 && row[0] == totalLabel {
			out := map[string]string{}
			for c := scFirstV - 1; c < len(header); c++ {
				for _, v := range ev.Vendors {
					if v.Name.In(lang) == header[c] {
						out[v.ID] = ref(c+1, r+1)
					}
				}
			}
			if len(out) != len(ev.Vendors) {
				t.Fatalf("total row names %d vendors, want %d", len(out), len(ev.Vendors))
			}
			return out
		}
	}
	t.Fatal("no total row on the Scores sheet")
	return nil
}

func calc(t *testing.T, f *excelize.File, sheet, cell string) float64 {
	t.Helper()
	s, err := f.CalcCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, cell, err)
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%s!%s = %q: %v", sheet, cell, s, err)
	}
	return x
}

func TestWorkbookSheetsAndCJK(t *testing.T) {
	ev := sample(t)
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		f := open(t, writeBook(t, ev, WorkbookOptions{Lang: lang, SMAASamples: 2000, SMAASeed: 7}))
		want := []string{"summary", "scores", "weights", "sensitivity", "reviewers", "evidence", "knockouts"}
		got := f.GetSheetList()
		if len(got) != len(want) {
			t.Fatalf("%s: sheets %v", lang, got)
		}
		for i, id := range want {
			if got[i] != msg(lang, "sheet."+id) {
				t.Errorf("%s: sheet %d is %q, want %q", lang, i, got[i], msg(lang, "sheet."+id))
			}
		}
		// The leader's Chinese name reaches the cells intact (the zh side of the name).
		rows, _ := f.GetRows(msg(lang, "sheet.summary"))
		all := ""
		for _, r := range rows {
			all += strings.Join(r, "|") + "\n"
		}
		if name := ev.Vendors[0].Name.In(lang); !strings.Contains(all, name) {
			t.Errorf("%s: summary does not contain %q", lang, name)
		}
		if lang == model.LangZh && !strings.Contains(all, "云启通讯") {
			t.Errorf("zh summary lacks 云启通讯")
		}
		props, err := f.GetDocProps()
		if err != nil {
			t.Fatal(err)
		}
		if props.Creator != "ccselect" || !strings.Contains(props.Title, ev.Name) || props.Created != "2026-12-01T09:30:00Z" || props.Subject == "" {
			t.Errorf("%s: doc props %+v", lang, props)
		}
	}
}

// Every live total on the Scores sheet, evaluated by excelize's formula engine, equals the
// engine's weighted sum; so does its cached value.
func TestScoresTotalsAreLiveFormulas(t *testing.T) {
	ev := sample(t)
	for _, prof := range []string{"default", "finance"} {
		f := open(t, writeBook(t, ev, WorkbookOptions{Lang: model.LangEn, Profile: prof}))
		p, err := model.NewProblem(ev, prof, model.ConsensusMean, model.WSM{})
		if err != nil {
			t.Fatal(err)
		}
		want := engineTotals(t, p)
		if prof == "default" {
			// criteria-catalog.md §4, expected results: yunqi 3.97 > huisheng 3.83 > panshi 3.81 >
			// changfeng 3.70; qinghe 2.54 excluded.
			for id, x := range map[string]float64{"yunqi": 3.97, "huisheng": 3.83, "panshi": 3.81, "changfeng": 3.70, "qinghe": 2.54} {
				if math.Abs(want[id]-x) > 0.005 {
					t.Fatalf("engine total of %s is %.4f, the catalog says %.2f", id, want[id], x)
				}
			}
		}
		sheet := msg(model.LangEn, "sheet.scores")
		for id, cell := range totalsRow(t, f, sheet, ev, model.LangEn) {
			fm, _ := f.GetCellFormula(sheet, cell)
			if !strings.HasPrefix(fm, "SUMPRODUCT(") {
				t.Errorf("%s: %s holds %q, want a SUMPRODUCT formula", prof, cell, fm)
			}
			if got := calc(t, f, sheet, cell); math.Abs(got-want[id]) > 1e-9 {
				t.Errorf("%s: %s computed %.12f, engine %.12f", prof, id, got, want[id])
			}
			raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
			if x, _ := strconv.ParseFloat(raw, 64); math.Abs(x-want[id]) > 1e-12 {
				t.Errorf("%s: %s cached %s, engine %.12f", prof, id, raw, want[id])
			}
		}
	}
}

// Editing a dimension weight and a local weight in the sheet moves the totals exactly as the
// engine moves them under those weights (normalised by their sum, as the formulas are).
func TestScoresTotalsFollowEditedWeights(t *testing.T) {
	ev := sample(t)
	lang := model.LangZh
	f := open(t, writeBook(t, ev, WorkbookOptions{Lang: lang}))
	sheet := msg(lang, "sheet.scores")
	p, err := model.NewProblem(ev, "", model.ConsensusMean, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	w := weightsOf(p)
	fw := &ev.Framework
	// Find the first dimension's subtotal row and its first criterion's row.
	rows, _ := f.GetRows(sheet)
	dimRow, critRow := 0, 0
	for r := scHead; r < len(rows); r++ {
		if len(rows[r]) > 0 && rows[r][0] == msgf(lang, "sc.subtotal", fw.Dimensions[0].Name.In(lang)) {
			dimRow, critRow = r+1, r+2
			break
		}
	}
	if dimRow == 0 {
		t.Fatal("no subtotal row for the first dimension")
	}
	// Dimension 0 weight 0.30 → 0.50; its first criterion's local weight → 0.9.
	dim := append([]float64(nil), w.dim...)
	local := append([]float64(nil), w.local...)
	dim[0] = 0.5
	c0 := fw.CriterionIndex(firstCriterionOf(fw, fw.Dimensions[0].ID))
	local[c0] = 0.9
	if err := f.SetCellValue(sheet, ref(scDimW, dimRow), 0.5); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue(sheet, ref(scLocalW, critRow), 0.9); err != nil {
		t.Fatal(err)
	}
	global := make([]float64, len(local))
	sum := 0.0
	for c := range local {
		global[c] = dim[p.CritDim[c]] * local[c]
		sum += global[c]
	}
	for c := range global {
		global[c] /= sum
	}
	p.SetGlobalWeights(global)
	want := engineTotals(t, p)
	for id, cell := range totalsRow(t, f, sheet, ev, lang) {
		if got := calc(t, f, sheet, cell); math.Abs(got-want[id]) > 1e-9 {
			t.Errorf("%s: %s after the edit computed %.12f, engine %.12f", id, cell, got, want[id])
		}
	}
}

func firstCriterionOf(f *model.Framework, dim string) string {
	for _, c := range f.Criteria {
		if c.Dimension == dim {
			return c.ID
		}
	}
	return ""
}

func TestChartsOnNamedSheets(t *testing.T) {
	ev := sample(t)
	data := writeBook(t, ev, WorkbookOptions{Lang: model.LangEn, SMAASamples: 1000})
	f := open(t, data)
	// Each chart lives in a drawing of its sheet; count the drawing's chart parts per sheet.
	want := map[string]int{"Summary": 3, "Sensitivity": 3}
	for sheet, n := range want {
		got := chartsOn(t, f, data, sheet)
		if got != n {
			t.Errorf("%s has %d charts, want %d", sheet, got, n)
		}
	}
}

func TestFormulaInjectionStaysText(t *testing.T) {
	ev := sample(t)
	evil := []string{"=HYPERLINK(\"http://x\",\"y\")", "+86 10 1234", "-1+1", "@SUM(A1)", "\tcmd", "\rx"}
	for i, s := range evil {
		ev.Vendors[i%len(ev.Vendors)].Name = model.Both(s)
	}
	ev.Scores[0].Note = "=1+1"
	data := writeBook(t, ev, WorkbookOptions{Lang: model.LangEn})
	f := open(t, data)
	found := 0
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			for c, v := range row {
				cell := ref(c+1, r+1)
				fm, _ := f.GetCellFormula(sheet, cell)
				for _, s := range append(evil[:5:5], "=1+1") {
					if v == s {
						found++
						if fm != "" {
							t.Errorf("%s!%s: %q became formula %q", sheet, cell, s, fm)
						}
						if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeInlineString {
							t.Errorf("%s!%s: %q has type %v, want an inline string", sheet, cell, s, typ)
						}
					}
				}
			}
		}
	}
	if found < 6 {
		t.Errorf("found the injected strings %d times; they should appear on several sheets", found)
	}
}

func TestEncryptedWorkbook(t *testing.T) {
	ev := sample(t)
	data := writeBook(t, ev, WorkbookOptions{Lang: model.LangEn, Password: "s3cret"})
	if !bytes.HasPrefix(data, []byte{0xd0, 0xcf, 0x11, 0xe0}) {
		t.Fatalf("encrypted workbook starts % x, want an OLE container", data[:4])
	}
	if bytes.Contains(data, []byte("s3cret")) {
		t.Error("the password appears in the file")
	}
	f := open(t, data, excelize.Options{Password: "s3cret"})
	if got := f.GetSheetList(); len(got) != 7 {
		t.Errorf("decrypted workbook has sheets %v", got)
	}
	if _, err := excelize.OpenReader(bytes.NewReader(data)); err == nil {
		t.Error("the encrypted workbook opens without the password")
	}
	if _, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{Password: "wrong"}); err == nil {
		t.Error("the encrypted workbook opens with a wrong password")
	}
}

// TOPSIS ranks the Summary, the median combines reviewers, SMAA is skipped, two profiles are
// shown: the workbook still writes, the Summary names the method and the Scores totals stay the
// weighted sum under the median consensus.
func TestWorkbookOtherMethodAndRule(t *testing.T) {
	ev := sample(t)
	f := open(t, writeBook(t, ev, WorkbookOptions{Lang: model.LangEn, Method: model.TOPSIS{}, Rule: model.ConsensusMedian,
		Profiles: []string{"default", "finance"}}))
	rows, _ := f.GetRows("Summary")
	all := ""
	for _, r := range rows {
		all += strings.Join(r, "|") + "\n"
	}
	for _, want := range []string{"TOPSIS", "median"} {
		if !strings.Contains(all, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	p, err := model.NewProblem(ev, "", model.ConsensusMedian, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	want := engineTotals(t, p)
	for id, cell := range totalsRow(t, f, "Scores", ev, model.LangEn) {
		if got := calc(t, f, "Scores", cell); math.Abs(got-want[id]) > 1e-9 {
			t.Errorf("%s: %.12f, engine WSM %.12f", id, got, want[id])
		}
	}
	w, _ := f.GetRows("Weights")
	if len(w) < 3 || !strings.Contains(strings.Join(w[2], "|"), "finance") || strings.Contains(strings.Join(w[2], "|"), "healthcare") {
		t.Errorf("weights header %v, want default and finance only", w[2])
	}
}
