package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

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

// WriteRankingCSV prints one row per vendor with the dimension contributions as columns.
func WriteRankingCSV(w io.Writer, e *model.Evaluation, res *model.Result, lang model.Lang) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	header := []string{"rank", "id", "name", "total", "excluded", "failed_knockouts", "incomplete", "missing"}
	for _, d := range res.Dimensions {
		header = append(header, csvText(d))
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	rep := BuildRankingReport(e, res, "", lang)
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
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
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

// WriteRankingTable prints the ranking for people: rank, vendor, total, lead over the next
// vendor, one column per dimension contribution, and the reasons for exclusions and gaps.
func WriteRankingTable(w io.Writer, e *model.Evaluation, res *model.Result, rule model.ConsensusRule, lang model.Lang) error {
	f := &e.Framework
	fmt.Fprintf(w, "%s: %s · %s: %s · %s: %s · %s: %s\n\n", label(lang, "evaluation"), termtext.Clean(e.Name),
		label(lang, "profile"), termtext.Clean(res.Profile), label(lang, "method"), res.Method,
		label(lang, "consensus"), label(lang, string(rule)))
	t := TextTable{Header: []string{label(lang, "rank"), label(lang, "vendor"), label(lang, "total"), label(lang, "lead")},
		Right: map[int]bool{0: true, 2: true, 3: true}}
	for i, d := range f.Dimensions {
		t.Header = append(t.Header, d.Name.In(lang))
		t.Right[4+i] = true
	}
	if len(res.Vendors) == 0 {
		_, err := fmt.Fprintln(w, label(lang, "no_vendors"))
		return err
	}
	t.Header = append(t.Header, label(lang, "status"))
	for i, v := range res.Vendors {
		rank, lead := "✗", ""
		if !v.Excluded {
			rank = strconv.Itoa(v.Rank)
			if i+1 < len(res.Vendors) && !res.Vendors[i+1].Excluded {
				lead = "+" + model.Fixed2(v.Total-res.Vendors[i+1].Total)
			}
		}
		row := []string{rank, v.Name.In(lang), model.Fixed2(v.Total), lead}
		for d := range f.Dimensions {
			row = append(row, model.Fixed2(v.Contributions[d]))
		}
		row = append(row, statusText(e, &v, lang))
		t.Add(row...)
	}
	if err := t.Write(w); err != nil {
		return err
	}
	if res.Method != (model.WSM{}).Name() {
		// Only the weighted sum is explained by contributions; say what the columns are.
		_, err := fmt.Fprintf(w, "\n%s\n", label(lang, "contrib_note"))
		return err
	}
	return nil
}

// statusText explains an exclusion or a gap in one line, e.g.
// "excluded: Concurrent channels 800 < 1000 · Operational track record 99.8 < 99.9".
func statusText(e *model.Evaluation, v *model.VendorResult, lang model.Lang) string {
	var parts []string
	if v.Excluded {
		var reasons []string
		for _, k := range v.FailedKnockOuts {
			reasons = append(reasons, knockOutReason(e, k, lang))
		}
		parts = append(parts, label(lang, "excluded")+": "+strings.Join(reasons, " · "))
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

// knockOutReason describes one failed gate as "name value op-negated limit".
func knockOutReason(e *model.Evaluation, k model.KnockOutFailure, lang model.Lang) string {
	name := k.Rule.Criterion
	if c, ok := e.Framework.Criterion(k.Rule.Criterion); ok {
		name = c.Name.In(lang)
	}
	limit := k.Rule.Limit(e.Params)
	if k.Missing {
		return fmt.Sprintf("%s %s (%s %s)", name, label(lang, "no_value"), k.Rule.Op.Symbol(), trim(limit))
	}
	return fmt.Sprintf("%s %s %s %s", name, trim(k.Value), k.Rule.Op.Negated(), trim(limit))
}

// trim prints a number without trailing zeros (99.8, 1000, 4.5).
func trim(x float64) string { return strconv.FormatFloat(math.Round(x*1e4)/1e4, 'f', -1, 64) }
