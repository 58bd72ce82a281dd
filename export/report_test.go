package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"ccselect/export"
	"ccselect/model"
	"ccselect/samples"
)

func sampleRanking(t *testing.T, profile string) (*model.Evaluation, *model.Result) {
	t.Helper()
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	p, err := model.NewProblem(ev, profile, model.ConsensusMean, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	return ev, p.Rank()
}

// The printed ranking is golden-tested in both languages; refresh with `go test ./export -update`.
func TestRankingTableGolden(t *testing.T) {
	for _, lang := range []model.Lang{model.LangEn, model.LangZh} {
		t.Run(string(lang), func(t *testing.T) {
			ev, res := sampleRanking(t, "default")
			var b bytes.Buffer
			if err := export.WriteRankingTable(&b, ev, res, model.ConsensusMean, lang, 0); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}

// Every column starts at the same terminal cell on every row, whatever the script of the names.
func TestRankingTableAlignsCJK(t *testing.T) {
	ev, res := sampleRanking(t, "default")
	var b bytes.Buffer
	if err := export.WriteRankingTable(&b, ev, res, model.ConsensusMean, model.LangZh, 0); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")[2:] // skip the title line and blank
	// The total column is right-aligned: its last digit ends at the same cell on every row.
	var ends []int
	for _, l := range lines[1:] {
		i := strings.Index(l, ".")
		ends = append(ends, ansi.StringWidth(l[:i+3]))
	}
	for _, e := range ends[1:] {
		if e != ends[0] {
			t.Fatalf("totals end at cells %v, want one column:\n%s", ends, b.String())
		}
	}
}

func TestRankingJSONShape(t *testing.T) {
	ev, res := sampleRanking(t, "finance")
	var b bytes.Buffer
	if err := export.WriteRankingJSON(&b, export.BuildRankingReport(ev, res, model.ConsensusMean, model.LangEn)); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got["profile"] != "finance" || got["method"] != "wsm" || got["consensus"] != "mean" || got["evaluation"] != ev.Name {
		t.Fatalf("header = %v", got)
	}
	vendors := got["vendors"].([]any)
	first := vendors[0].(map[string]any)
	if first["id"] != "panshi" || first["rank"].(float64) != 1 || first["excluded"] != false {
		t.Fatalf("first = %v", first)
	}
	dims := first["dimensions"].(map[string]any)
	if len(dims) != 5 || dims["data_security"] == nil {
		t.Fatalf("dimensions = %v", dims)
	}
	last := vendors[len(vendors)-1].(map[string]any)
	if last["rank"] != nil || last["excluded"] != true || len(last["failed_knockouts"].([]any)) == 0 {
		t.Fatalf("excluded vendor = %v", last)
	}
}

func TestRankingCSV(t *testing.T) {
	ev, res := sampleRanking(t, "default")
	var b bytes.Buffer
	if err := export.WriteRankingCSV(&b, ev, res, model.ConsensusMean, model.LangZh); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || len(rows[0]) != 17 {
		t.Fatalf("csv shape %d×%d", len(rows), len(rows[0]))
	}
	if rows[1][0] != "1" || rows[1][2] != "云启通讯" || rows[1][3] != "3.9700" {
		t.Fatalf("first row = %v", rows[1])
	}
	if rows[5][0] != "" || rows[5][4] != "true" {
		t.Fatalf("excluded row = %v", rows[5])
	}
}

func TestTextTablePadsByCells(t *testing.T) {
	tb := export.TextTable{Header: []string{"name", "n"}, Right: map[int]bool{1: true}}
	tb.Add("云启通讯", "1")
	tb.Add("Yunqi", "10")
	var b bytes.Buffer
	tb.Write(&b)
	want := "name       n\n云启通讯   1\nYunqi     10\n"
	if b.String() != want {
		t.Fatalf("got\n%q\nwant\n%q", b.String(), want)
	}
}

// Names come from imported files: a newline, a tab or an escape sequence in one must not break
// a table's rows or columns, nor reach the terminal as a control sequence.
func TestTextTableControlCharacters(t *testing.T) {
	tb := export.TextTable{Header: []string{"name", "n"}, Right: map[int]bool{1: true}}
	tb.Add("two\nlines", "1")
	tb.Add("tab\there", "2")
	tb.Add("\x1b[31mred\x1b[0m 云启", "3")
	tb.Add("bell\a\r\u0085end", "4")
	var b bytes.Buffer
	if err := tb.Write(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines for 4 rows:\n%s", len(lines), out)
	}
	for _, r := range out {
		if r != '\n' && (r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0)) {
			t.Fatalf("control character %U in the output:\n%q", r, out)
		}
	}
	if strings.Contains(out, "[31m") || strings.Contains(out, "[0m") {
		t.Fatalf("an escape sequence left its parameters behind:\n%q", out)
	}
	for _, l := range lines {
		if w := ansi.StringWidth(l); w != ansi.StringWidth(lines[0]) {
			t.Errorf("row %q is %d cells wide, header %d", l, w, ansi.StringWidth(lines[0]))
		}
	}
}

// The printed reports keep one line per vendor and a one-line title whatever the names hold;
// CSV keeps the names exactly (commas, quotes, newlines, CJK) through encoding/csv quoting.
func TestReportsWithHostileNames(t *testing.T) {
	ev, _ := sampleRanking(t, "default")
	ev.Name = "评估\n第二行"
	ev.Vendors[0].Name = model.Text{Zh: "云启, \"通讯\"\n有限公司", En: "Yunqi, \"Telecom\"\r\nLtd\t\x1b[2J"}
	p, err := model.NewProblem(ev, "default", model.ConsensusMean, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	res := p.Rank()
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		var b bytes.Buffer
		if err := export.WriteRankingTable(&b, ev, res, model.ConsensusMean, lang, 0); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(b.String(), "\n"); n != 2+1+len(ev.Vendors) || strings.ContainsRune(b.String(), 0x1b) {
			t.Errorf("%s table has %d lines (want title, blank, header and %d rows):\n%s", lang, n, len(ev.Vendors), b.String())
		}

		b.Reset()
		if err := export.WriteRankingCSV(&b, ev, res, model.ConsensusMean, lang); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1+len(ev.Vendors) || rows[1][1] != "yunqi" || rows[1][2] != strings.ReplaceAll(ev.Vendors[0].Name.In(lang), "\r\n", "\n") { // csv.Reader reads a quoted CRLF as LF
			t.Errorf("%s csv: %d rows, first %q", lang, len(rows), rows[1])
		}
	}
	var b bytes.Buffer
	rep := export.BuildSensitivityReport(p, nil)
	if err := export.WriteSensitivityTable(&b, ev, rep, model.LangEn, 0); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(b.String(), 0x1b) || strings.Contains(b.String(), "评估\n") || strings.Contains(b.String(), "\"Telecom\"\r") {
		t.Errorf("sensitivity table passes names through raw:\n%s", b.String())
	}
}

func TestRankingCSVDefusesFormulas(t *testing.T) {
	ev, _ := sampleRanking(t, "default")
	ev.Vendors[0].Name = model.Text{En: "=HYPERLINK(\"http://x\")"}
	ev.Vendors[1].Name = model.Text{En: "-Huisheng"}
	p, err := model.NewProblem(ev, "default", model.ConsensusMean, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := export.WriteRankingCSV(&b, ev, p.Rank(), model.ConsensusMean, model.LangEn); err != nil {
		t.Fatal(err)
	}
	rows, _ := csv.NewReader(&b).ReadAll()
	names := map[string]bool{}
	for _, r := range rows[1:] {
		names[r[2]] = true
		if strings.HasPrefix(r[3], "'") {
			t.Fatalf("a number was quoted as text: %v", r)
		}
	}
	if !names[`'=HYPERLINK("http://x")`] || !names["'-Huisheng"] || !names["Huisheng AI"] {
		t.Fatalf("names = %v", names)
	}
}

// A spreadsheet opened on a Chinese Windows reads a CSV without a byte-order mark in the local
// code page (GBK) and shows the vendor names as mojibake; the UTF-8 BOM makes Excel, Numbers and
// LibreOffice read UTF-8. Names with commas and quotes stay one quoted cell.
func TestRankingCSVForSpreadsheets(t *testing.T) {
	ev, _ := sampleRanking(t, "default")
	ev.Vendors[0].Name.Zh = `云启,"通讯"`
	p, err := model.NewProblem(ev, "default", model.ConsensusMean, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := export.WriteRankingCSV(&b, ev, p.Rank(), model.ConsensusMean, model.LangZh); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "\ufeffrank,id,name,") {
		t.Fatalf("csv does not start with a UTF-8 byte-order mark and the header: %q", out[:min(len(out), 20)])
	}
	if !strings.Contains(out, "\n1,yunqi,\"云启,\"\"通讯\"\"\",3.9700,") {
		t.Fatalf("first row not quoted as one cell:\n%s", out)
	}
	if strings.Count(out, "\ufeff") != 1 {
		t.Fatalf("byte-order mark repeated:\n%q", out)
	}
}

// The report says how reviewers were combined: a median ranking must not read as a mean one.
func TestRankingReportNamesConsensus(t *testing.T) {
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	p, err := model.NewProblem(ev, "default", model.ConsensusMedian, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	res := p.Rank()
	var b bytes.Buffer
	if err := export.WriteRankingJSON(&b, export.BuildRankingReport(ev, res, model.ConsensusMedian, model.LangEn)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"consensus": "median"`) {
		t.Errorf("json has no consensus:\n%s", b.String())
	}
	for lang, want := range map[model.Lang]string{model.LangEn: "Consensus: median", model.LangZh: "评审汇总: 中位数"} {
		b.Reset()
		if err := export.WriteRankingTable(&b, ev, res, model.ConsensusMedian, lang, 0); err != nil {
			t.Fatal(err)
		}
		if title, _, _ := strings.Cut(b.String(), "\n"); !strings.Contains(title, want) {
			t.Errorf("%s title %q lacks %q", lang, title, want)
		}
	}
}

// A ranking of an evaluation without vendors says what to do instead of printing a bare header.
func TestRankingTableNoVendors(t *testing.T) {
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	ev.Vendors, ev.Scores = nil, nil
	p, err := model.NewProblem(ev, "default", model.ConsensusMean, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[model.Lang]string{model.LangEn: "No vendors yet", model.LangZh: "还没有厂商"} {
		var b bytes.Buffer
		if err := export.WriteRankingTable(&b, ev, p.Rank(), model.ConsensusMean, lang, 0); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want) || strings.Contains(b.String(), label0(lang)) {
			t.Errorf("%s:\n%s", lang, b.String())
		}
	}
}

// label0 is the first column header of the ranking table, which an empty ranking leaves out.
func label0(lang model.Lang) string {
	if lang == model.LangZh {
		return "排名"
	}
	return "Rank  "
}

// Under TOPSIS the total is a closeness in [0,1] while the dimension columns stay weighted-sum
// contributions (adding up to about 4, not to the total): the table says so.
func TestRankingTableTOPSISExplainsColumns(t *testing.T) {
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []model.Method{model.WSM{}, model.TOPSIS{}} {
		p, err := model.NewProblem(ev, "default", model.ConsensusMean, m)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := export.WriteRankingTable(&b, ev, p.Rank(), model.ConsensusMean, model.LangEn, 0); err != nil {
			t.Fatal(err)
		}
		note := strings.Contains(b.String(), "weighted-sum contributions")
		if note != (p.Method.Name() == "topsis") {
			t.Errorf("%s: note shown = %v:\n%s", p.Method.Name(), note, b.String())
		}
	}
}

// Ids come from imported bundles too: a criterion or dimension id that starts like a formula
// must not run in a spreadsheet, whether it heads a column or sits in a list cell.
func TestRankingCSVDefusesIDs(t *testing.T) {
	ev, _ := sampleRanking(t, "default")
	var b bytes.Buffer
	if err := export.EncodeBundle(&b, ev); err != nil {
		t.Fatal(err)
	}
	// Rename one knock-out criterion, one criterion nobody scored for yunqi and one dimension.
	s := strings.ReplaceAll(b.String(), `"track_record"`, `"=1+1"`)
	s = strings.ReplaceAll(s, `"operations"`, `"@ops"`)
	hostile, err := export.DecodeBundle(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	kept := hostile.Scores[:0]
	for _, sc := range hostile.Scores {
		if sc.Vendor != "yunqi" || sc.Criterion != "=1+1" {
			kept = append(kept, sc)
		}
	}
	hostile.Scores = kept
	p, err := model.NewProblem(hostile, "default", model.ConsensusMean, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := export.WriteRankingCSV(&b, hostile, p.Rank(), model.ConsensusMean, model.LangEn); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		for i, cell := range r {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("cell %d of %v starts like a formula: %q", i, r, cell)
			}
		}
	}
	// The last dimension column, before evaluation, profile, method and consensus.
	if h := rows[0][len(rows[0])-5]; h != "'@ops" {
		t.Errorf("last dimension header = %q, want '@ops", h)
	}
}
