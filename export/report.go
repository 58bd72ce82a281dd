package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"ccselect/internal/present"
	"ccselect/internal/termtext"
	"ccselect/model"
)

// RankingReport is the JSON shape of `ccselect report --format json`.
type RankingReport struct {
	Evaluation string          `json:"evaluation"`
	Profile    string          `json:"profile"`
	Method     string          `json:"method"`
	Consensus  string          `json:"consensus"` // how reviewers were combined: mean or median
	Vendors    []RankingVendor `json:"vendors"`
}

// RankingVendor is one vendor's line. Rank is null for excluded vendors; Dimensions holds the
// weighted-sum contribution of each dimension (they add up to the WSM total).
type RankingVendor struct {
	ID              string             `json:"id"`
	Name            string             `json:"name"`
	Rank            *int               `json:"rank"`
	Total           float64            `json:"total"`
	Excluded        bool               `json:"excluded"`
	FailedKnockOuts []string           `json:"failed_knockouts"`
	Incomplete      bool               `json:"incomplete"`
	Missing         []string           `json:"missing"`
	Dimensions      map[string]float64 `json:"dimensions"`
}

// BuildRankingReport turns a ranking into the report shape (names in lang). rule is the
// consensus the ranking was made with; the result does not carry it, and a reader must be able
// to tell a median ranking from a mean one.
func BuildRankingReport(e *model.Evaluation, res *model.Result, rule model.ConsensusRule, lang model.Lang) RankingReport {
	r := RankingReport{Evaluation: e.Name, Profile: res.Profile, Method: res.Method, Consensus: string(rule),
		Vendors: []RankingVendor{}}
	for _, v := range res.Vendors {
		line := RankingVendor{ID: v.ID, Name: v.Name.In(lang), Total: round(v.Total), Excluded: v.Excluded,
			Incomplete: v.Incomplete, FailedKnockOuts: []string{}, Missing: []string{},
			Dimensions: map[string]float64{}}
		if !v.Excluded {
			rank := v.Rank
			line.Rank = &rank
		}
		for _, f := range v.FailedKnockOuts {
			line.FailedKnockOuts = append(line.FailedKnockOuts, f.Rule.Criterion)
		}
		for _, c := range v.Missing {
			line.Missing = append(line.Missing, e.Framework.Criteria[c].ID)
		}
		for d, id := range res.Dimensions {
			line.Dimensions[id] = round(v.Contributions[d])
		}
		r.Vendors = append(r.Vendors, line)
	}
	return r
}

// round keeps reports readable and stable: six decimals are far below any rubric's precision.
func round(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// WriteRankingJSON prints the report as one indented JSON object.
func WriteRankingJSON(w io.Writer, r RankingReport) error { return writeJSON(w, r) }

// utf8BOM starts every CSV: without it Excel on a Chinese (or any non-UTF-8) Windows reads the
// file in the local code page and shows the vendor names as mojibake. Excel, Numbers and
// LibreOffice then read UTF-8, and Go's and Python's readers ("utf-8-sig") skip it.
const utf8BOM = "\ufeff"

// WriteRankingCSV prints one row per vendor with the dimension contributions as columns and,
// last, what produced the ranking: evaluation, profile, method and consensus, the same on every
// row. Repeating them keeps the file one rectangular table that every reader (Excel, pandas,
// encoding/csv) parses without options, and a row pasted elsewhere still says where it came
// from; a comment line would need a reader option and shows as a stray row in Excel. Under
// TOPSIS the score column is "closeness" (relative closeness to the ideal, 0–1), not "total".
func WriteRankingCSV(w io.Writer, e *model.Evaluation, res *model.Result, rule model.ConsensusRule, lang model.Lang) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	header := []string{"rank", "id", "name", scoreColumn(res.Method), "excluded", "failed_knockouts", "incomplete", "missing"}
	for _, d := range res.Dimensions {
		header = append(header, csvText(d))
	}
	header = append(header, "evaluation", "profile", "method", "consensus")
	if err := cw.Write(header); err != nil {
		return err
	}
	rep := BuildRankingReport(e, res, rule, lang)
	for _, v := range rep.Vendors {
		rank := ""
		if v.Rank != nil {
			rank = strconv.Itoa(*v.Rank)
		}
		row := []string{rank, csvText(v.ID), csvText(v.Name), num(v.Total), strconv.FormatBool(v.Excluded),
			csvText(strings.Join(v.FailedKnockOuts, ";")), strconv.FormatBool(v.Incomplete), csvText(strings.Join(v.Missing, ";"))}
		for _, d := range res.Dimensions {
			row = append(row, num(v.Dimensions[d]))
		}
		row = append(row, csvText(rep.Evaluation), csvText(rep.Profile), rep.Method, rep.Consensus)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// scoreColumn names the ranked score: the weighted sum's total, or TOPSIS's closeness.
func scoreColumn(method string) string {
	if method == (model.TOPSIS{}).Name() {
		return "closeness"
	}
	return "total"
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }

// csvText defuses a text cell that a spreadsheet would run as a formula (a vendor typed as
// "=HYPERLINK(...)" or "+86 ..."): a leading apostrophe makes Excel and LibreOffice show it as text.
// Ids pass through here too (headers and id lists): a bundle may name a criterion "=1+1".
// Numbers are written by num and never pass through here.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteRankingTable prints the ranking for people: rank, vendor, total (closeness under
// TOPSIS), lead over the next vendor, one column per dimension contribution, and the reasons for
// exclusions and gaps, fitted to width terminal cells (0: every cell on one line; long names
// and reasons wrap within their cells).
func WriteRankingTable(w io.Writer, e *model.Evaluation, res *model.Result, rule model.ConsensusRule, lang model.Lang, width int) error {
	f := &e.Framework
	head := label(lang, "evaluation") + ": " + termtext.Clean(e.Name) + " · " + producedBy(lang, res.Profile, res.Method, string(rule))
	fmt.Fprintf(w, "%s\n\n", wrapText(head, width))
	score := label(lang, "total")
	if scoreColumn(res.Method) == "closeness" {
		score = label(lang, "closeness")
	}
	t := TextTable{Header: []string{label(lang, "rank"), label(lang, "vendor"), score, label(lang, "lead")},
		Right: map[int]bool{0: true, 2: true, 3: true}, Width: width}
	for i, d := range f.Dimensions {
		t.Header = append(t.Header, d.Name.In(lang))
		t.Right[4+i] = true
	}
	if len(res.Vendors) == 0 {
		_, err := fmt.Fprintln(w, wrapText(label(lang, "no_vendors"), width))
		return err
	}
	t.Header = append(t.Header, label(lang, "status"))
	var notes []string // "name: status" of each vendor with one, for a table too narrow for them
	for i, v := range res.Vendors {
		rank, lead := rankCells(res, i)
		row := []string{rank, v.Name.In(lang), present.Fixed2(v.Total), lead}
		for d := range f.Dimensions {
			row = append(row, present.Fixed2(v.Contributions[d]))
		}
		status := statusText(e, &v, lang)
		if status != "" {
			notes = append(notes, v.Name.In(lang)+": "+status)
		}
		t.Add(append(row, status)...)
	}
	var legend []string
	if width > 0 && tableWidth(&t) > width {
		// Too wide: the reasons (the longest cells, up to ≈280 columns) move under the table as
		// paragraphs of the full width, and if the dimension names still do not fit unbroken
		// they become D1…Dn with a legend.
		t.Header = t.Header[:len(t.Header)-1]
		for i := range t.Rows {
			t.Rows[i] = t.Rows[i][:len(t.Rows[i])-1]
		}
		if !t.FitsUnbroken(width) {
			for i, d := range f.Dimensions {
				code := fmt.Sprintf("D%d", i+1)
				t.Header[4+i] = code
				legend = append(legend, code+" "+d.Name.In(lang))
			}
		}
	} else {
		notes = nil
	}
	if err := t.Write(w); err != nil {
		return err
	}
	if len(legend) > 0 {
		if _, err := fmt.Fprintln(w, wrapText(strings.Join(legend, " · "), width)); err != nil {
			return err
		}
	}
	if len(notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range notes {
			if _, err := fmt.Fprintln(w, hanging(n, width)); err != nil {
				return err
			}
		}
	}
	if res.Method != (model.WSM{}).Name() {
		// Only the weighted sum is explained by contributions; say what the columns are.
		_, err := fmt.Fprintf(w, "\n%s\n", wrapText(label(lang, "contrib_note"), width))
		return err
	}
	return nil
}

// hanging wraps a paragraph to width with its continuation lines indented by two cells.
func hanging(s string, width int) string {
	lines := strings.Split(wrapText(s, width-2), "\n")
	return strings.Join(lines, "\n  ")
}

// statusText explains an exclusion or a gap in one line, e.g.
// "excluded: Concurrent channels 800 < 1000 · Operational track record 99.8 < 99.9".
func statusText(e *model.Evaluation, v *model.VendorResult, lang model.Lang) string {
	var parts []string
	if v.Excluded {
		parts = append(parts, label(lang, "excluded")+": "+present.KnockOutReasons(e, v.FailedKnockOuts, lang))
	}
	if v.Incomplete {
		var names []string
		for _, c := range v.Missing {
			names = append(names, e.Framework.Criteria[c].Name.In(lang))
		}
		parts = append(parts, label(lang, "incomplete")+": "+strings.Join(names, ", "))
	}
	return strings.Join(parts, " | ")
}

// trim prints a number as every knock-out reason does (present.Number: 99.8, 1000, 4.5).
func trim(x float64) string { return present.Number(x) }

// rankCells are vendor i's rank ("✗" when knocked out) and its lead over the next ranked vendor
// ("+0.14", empty for the last one), as the text, CSV and Markdown rankings print them.
func rankCells(res *model.Result, i int) (rank, lead string) {
	v := res.Vendors[i]
	if v.Excluded {
		return "✗", ""
	}
	if i+1 < len(res.Vendors) && !res.Vendors[i+1].Excluded {
		lead = "+" + present.Fixed2(v.Total-res.Vendors[i+1].Total)
	}
	return strconv.Itoa(v.Rank), lead
}
