package xlsx

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ccselect/model"
)

// summaryRows are the Summary sheet's rows, raw values (not number formats).
func summaryRows(t *testing.T, ev *model.Evaluation, lang model.Lang) [][]string {
	t.Helper()
	f := open(t, writeBook(t, ev, WorkbookOptions{Lang: lang}))
	rows, err := f.GetRows(msg(lang, "sheet.summary"), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// rowAfter finds the row whose first cell is label and returns its cells.
func rowWith(rows [][]string, col int, label string) []string {
	for _, r := range rows {
		if len(r) > col && r[col] == label {
			return r
		}
	}
	return nil
}

// Issue 12 on the Summary sheet: with the campaign peak governing, P and that scenario's
// inputs and results are there, in both languages. The campaign peak is 9,000 calls of 200 s
// in 30 min: A = 9000·200/1800 = 1000 Erlangs, and Erlang B at 1% needs 1029 channels (the
// model's recursion; model/erlang_test.go checks it against published tables).
func TestSummarySizingGoverning(t *testing.T) {
	ev := sample(t)
	ev.Scenarios = model.DefaultScenarios()
	ev.GoverningScenario = "campaign_peak"
	ev.Params[model.ParamPeak] = 1029
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		rows := summaryRows(t, ev, lang)
		if rowWith(rows, 0, msg(lang, "sum.sizing")) == nil {
			t.Fatalf("%s: no sizing block", lang)
		}
		p := rowWith(rows, 0, msg(lang, "sz.peak"))
		if p == nil || p[1] != "1029" || !strings.Contains(p[2], ev.Scenarios[1].Name.In(lang)) {
			t.Errorf("%s: P row %q", lang, p)
		}
		for label, want := range map[string]string{"sz.calls": "9000", "sz.interval_min": "30", "sz.talk_hold_s": "200", "sz.acw_s": "30",
			"sz.sl_target": "0.8", "sz.sl_seconds": "20", "sz.blocking": "0.01", "sz.shrinkage": "0"} {
			if r := rowWith(rows, 0, msg(lang, label)); r == nil || r[1] != want {
				t.Errorf("%s: input %s = %q, want %s", lang, label, r, want)
			}
		}
		for label, want := range map[string]string{"sz.traffic": "1000", "sz.channels": "1029"} {
			if r := rowWith(rows, 0, msg(lang, label)); r == nil || r[1] != want {
				t.Errorf("%s: result %s = %q, want %s", lang, label, r, want)
			}
		}
	}
}

// Without a governing scenario the Summary says P was typed, and shows no scenario table.
func TestSummarySizingTyped(t *testing.T) {
	ev := sample(t)
	ev.Scenarios = model.DefaultScenarios()
	rows := summaryRows(t, ev, model.LangEn)
	p := rowWith(rows, 0, msg(model.LangEn, "sz.peak"))
	if p == nil || p[1] != "1000" || p[2] != msg(model.LangEn, "sz.typed") {
		t.Errorf("P row %q", p)
	}
	if rowWith(rows, 0, msg(model.LangEn, "sz.calls")) != nil {
		t.Error("a scenario table without a governing scenario")
	}
}
