package export

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"ccselect/internal/present"
	"ccselect/internal/termtext"
	"ccselect/model"
)

// names resolves ids to names in lang.
type names struct {
	e    *model.Evaluation
	lang model.Lang
}

func (n names) vendor(id string) string {
	if i := n.e.VendorIndex(id); i >= 0 {
		return termtext.Clean(n.e.Vendors[i].Name.In(n.lang))
	}
	return termtext.Clean(id)
}

func (n names) param(id string) string {
	f := &n.e.Framework
	if d := f.DimensionIndex(id); d >= 0 {
		return termtext.Clean(f.Dimensions[d].Name.In(n.lang))
	}
	if c, ok := f.Criterion(id); ok {
		return termtext.Clean(c.Name.In(n.lang))
	}
	return termtext.Clean(id)
}

func pct(x float64) string { return fmt.Sprintf("%.1f%%", x*100) }

// wrapText wraps a sentence to width cells (at spaces where it can; CJK anywhere); width 0
// leaves it on one line.
func wrapText(s string, width int) string {
	s = termtext.Clean(s)
	if width <= 0 || ansi.StringWidth(s) <= width {
		return s
	}
	lines := strings.Split(ansi.Wrap(s, width, ""), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// producedBy is the line that says what a report was computed from, e.g.
// "Profile: finance · Method: weighted sum (WSM) · Consensus: median".
func producedBy(lang model.Lang, profile, method, consensus string) string {
	return fmt.Sprintf("%s: %s · %s: %s · %s: %s", label(lang, "profile"), termtext.Clean(profile),
		label(lang, "method"), present.MethodName(method, lang),
		label(lang, "consensus"), present.ConsensusName(model.ConsensusRule(consensus), lang))
}

// WriteSensitivityTable prints the report for people, in aligned plain-text tables (widths in
// terminal cells, so Chinese names align), fitted to width cells (0: every cell on one line).
// The reversals are computed and written one by one: their number does not change the memory.
func WriteSensitivityTable(w io.Writer, e *model.Evaluation, r SensitivityReport, lang model.Lang, width int) error {
	bw := bufio.NewWriter(w)
	err := writeSensitivityTable(bw, e, r, lang, width)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	return err
}

func writeSensitivityTable(b *bufio.Writer, e *model.Evaluation, r SensitivityReport, lang model.Lang, width int) error {
	n := names{e, lang}
	line := func(s string) { b.WriteString(wrapText(s, width) + "\n") }
	line(sl(lang, "title") + " · " + e.Name)
	if r.Leader == nil {
		// One sentence: the summary would only repeat it.
		if len(e.Vendors) == 0 {
			line(sl(lang, "no_vendors"))
		} else {
			line(sl(lang, "no_leader"))
		}
		return nil
	}
	line(producedBy(lang, r.Profile, r.Method, r.Consensus))
	line(r.Summary.In(lang))
	section := func(title string, t *TextTable) error {
		b.WriteString("\n")
		line(title)
		if len(t.Rows) == 0 { // a lone vendor has no runner-up
			line(sl(lang, "none_listed"))
			return nil
		}
		t.Width = width
		return t.Write(b)
	}
	change := func(c *LeaderChange) string {
		if c == nil {
			return "—"
		}
		return pct(c.Weight) + " → " + n.vendor(c.Leader)
	}

	t := TextTable{Header: []string{sl(lang, "parameter"), sl(lang, "kind"), sl(lang, "current"), sl(lang, "below"), sl(lang, "above")},
		Right: map[int]bool{2: true}}
	for _, be := range r.BreakEven {
		t.Add(n.param(be.Parameter), sl(lang, be.Kind), pct(be.Current), change(be.Below), change(be.Above))
	}
	if err := section(sl(lang, "break_even"), &t); err != nil {
		return err
	}

	writeReversals(b, r, n, width)

	t = TextTable{Header: []string{sl(lang, "dim_header"), sl(lang, "low"), sl(lang, "high"), sl(lang, "swing")},
		Right: map[int]bool{1: true, 2: true, 3: true}}
	for _, bar := range r.Tornado {
		t.Add(n.param(bar.Parameter), fmt.Sprintf("%+.3f", bar.Low), fmt.Sprintf("%+.3f", bar.High), fmt.Sprintf("%.3f", bar.Swing))
	}
	if err := section(sl(lang, "tornado"), &t); err != nil {
		return err
	}

	b.WriteString("\n")
	line(sl(lang, "scores"))
	if s := r.ScoreRobustness.Smallest; s != nil {
		line(fmt.Sprintf(sl(lang, "smallest_fmt"), sl(lang, "smallest"), n.vendor(s.Vendor), n.param(s.Criterion),
			trim(s.Score), trim(s.Score+s.Change), s.Change, n.vendor(s.NewLeader)))
	} else {
		line(sl(lang, "no_flip"))
	}
	line(sl(lang, "one_point"))
	if len(r.ScoreRobustness.WithinOnePoint) == 0 {
		line(sl(lang, "none_listed"))
	} else {
		t = TextTable{Header: []string{sl(lang, "vendor"), sl(lang, "crit"), sl(lang, "score"), sl(lang, "change"), sl(lang, "new_leader")},
			Right: map[int]bool{2: true, 3: true}, Width: width}
		for _, f := range r.ScoreRobustness.WithinOnePoint {
			t.Add(n.vendor(f.Vendor), n.param(f.Criterion), trim(f.Score), fmt.Sprintf("%+.2f", f.Change), n.vendor(f.NewLeader))
		}
		if err := t.Write(b); err != nil {
			return err
		}
	}
	return writeSMAATable(b, r.SMAA, n, width)
}

// writeReversals prints the reversals in two passes over the stream — one for the column
// widths, one for the rows — so that no list of them is ever held.
func writeReversals(b *bufio.Writer, r SensitivityReport, n names, width int) {
	lang := n.lang
	title := sl(lang, "reversals_leader")
	if r.AllReversals {
		title = sl(lang, "reversals_all")
	}
	b.WriteString("\n" + wrapText(title, width) + "\n")
	row := func(rev ReversalEntry) []string {
		return []string{n.param(rev.Parameter), n.vendor(rev.A) + " / " + n.vendor(rev.B), pct(rev.Weight)}
	}
	header := []string{sl(lang, "parameter"), sl(lang, "pair"), sl(lang, "weight")}
	right := map[int]bool{2: true}
	var cs colStats
	cs.add(header, true)
	count := 0
	for rev := range r.EachReversal() {
		cs.add(row(rev), false)
		count++
	}
	if count == 0 {
		b.WriteString(wrapText(sl(lang, "no_reversal"), width) + "\n")
		return
	}
	widths := cs.fit(right, width)
	var sb strings.Builder
	writeRow(&sb, header, widths, right)
	b.WriteString(sb.String())
	for rev := range r.EachReversal() {
		sb.Reset()
		writeRow(&sb, row(rev), widths, right)
		b.WriteString(sb.String())
	}
}

func writeSMAATable(b *bufio.Writer, s *SMAASection, n names, width int) error {
	lang := n.lang
	line := func(s string) { b.WriteString(wrapText(s, width) + "\n") }
	b.WriteString("\n")
	line(sl(lang, "smaa"))
	if s == nil {
		line(sl(lang, "no_smaa"))
		return nil
	}
	mode := sl(lang, s.Weights)
	if pctStr, ok := strings.CutPrefix(s.Weights, "around:"); ok {
		mode = fmt.Sprintf(sl(lang, "around"), pctStr)
	}
	unc := sl(lang, "unc_none")
	if s.Uncertainty == "reviewers" {
		unc = sl(lang, "unc_reviewer")
	}
	line(fmt.Sprintf("%s %s · %s %d · %s %s · %s · %s · %s", present.Count(s.Samples), sl(lang, "samples"), sl(lang, "seed"), s.Seed,
		sl(lang, "sampler"), s.Sampler, sl(lang, s.Level), mode, unc))
	// Vendors in the order of their first-rank acceptability, best first (ties by id).
	ids := make([]string, 0, len(s.RankAcceptability))
	for id := range s.RankAcceptability {
		ids = append(ids, id)
	}
	sortByAcceptability(ids, s.RankAcceptability)
	// As many rank columns as fit; the ranks beyond are summed into one "rank k+ " column.
	// The table only widens with each rank column (a column is wider than what summing it into
	// the rest column saves), so the count that fits can be bisected.
	ranks := len(ids)
	fits := func(k int) bool { t := acceptabilityTable(s, ids, n, k); return tableWidth(&t) <= width }
	if width > 0 {
		ranks = mostThatFit(3, ranks, fits)
	}
	t := acceptabilityTable(s, ids, n, ranks)
	t.Width = width
	if err := t.Write(b); err != nil {
		return err
	}
	if err := writeWinning(b, s, ids, n, width); err != nil {
		return err
	}
	var params []string
	for _, id := range ids {
		if cw, ok := s.CentralWeights[id]; ok && params == nil {
			params = paramOrder(n.e, cw)
		}
	}
	if params == nil {
		return nil
	}
	// One row per weight, one column per vendor that is ever first: there are usually more
	// weights than vendors, and rows do not run off the screen.
	b.WriteString("\n")
	line(sl(lang, "central"))
	t = TextTable{Header: []string{sl(lang, "parameter")}, Right: map[int]bool{}, Width: width}
	var firsts []string
	for _, id := range ids {
		if _, ok := s.CentralWeights[id]; ok {
			firsts = append(firsts, id)
			t.Header = append(t.Header, n.vendor(id))
			t.Right[len(firsts)] = true
		}
	}
	for _, p := range params {
		row := []string{n.param(p)}
		for _, id := range firsts {
			row = append(row, pct(s.CentralWeights[id][p]))
		}
		t.Add(row...)
	}
	return t.Write(b)
}

// acceptabilityTable is the rank acceptability of every vendor with ranks columns: ranks 1 to
// ranks−1 and, when there are more ranks than that, one column for the rest.
func acceptabilityTable(s *SMAASection, ids []string, n names, ranks int) TextTable {
	lang := n.lang
	t := TextTable{Header: []string{sl(lang, "vendor")}, Right: map[int]bool{}}
	cut := ranks < len(ids)
	shown := ranks
	if cut {
		shown = ranks - 1
	}
	for r := range shown {
		t.Header = append(t.Header, fmt.Sprintf(sl(lang, "rank_n"), r+1))
		t.Right[r+1] = true
	}
	if cut {
		t.Header = append(t.Header, fmt.Sprintf(sl(lang, "rank_rest"), shown+1))
		t.Right[shown+1] = true
	}
	t.Header = append(t.Header, sl(lang, "confidence"))
	t.Right[len(t.Header)-1] = true
	for _, id := range ids {
		row := []string{n.vendor(id)}
		acc := s.RankAcceptability[id]
		rest := 0.0
		for r, x := range acc {
			if r < shown {
				row = append(row, pct(x))
			} else {
				rest += x
			}
		}
		if cut {
			row = append(row, pct(rest))
		}
		conf := "—" // never first: there are no central weights whose confidence could be measured
		if c := s.Confidence[id]; c != nil {
			conf = pct(*c)
		}
		t.Add(append(row, conf)...)
	}
	return t
}

// writeWinning prints the winning indices — the share of draws in which the row's vendor is
// ahead of the column's — for the vendors best by first-rank acceptability, as many as fit.
func writeWinning(b *bufio.Writer, s *SMAASection, ids []string, n names, width int) error {
	lang := n.lang
	all := len(ids)
	// Beyond model.SMAAWinningVendors only the contenders have winning indices.
	ids = slices.DeleteFunc(slices.Clone(ids), func(id string) bool { _, ok := s.Winning[id]; return !ok })
	if len(ids) < 2 {
		return nil
	}
	const nameCells = 12 // column headers are vendor names, shortened to this
	top := len(ids)
	build := func(k int) TextTable {
		t := TextTable{Header: []string{sl(lang, "vendor")}, Right: map[int]bool{}}
		for c := range k {
			t.Header = append(t.Header, Ellipsize(n.vendor(ids[c]), nameCells))
			t.Right[c+1] = true
		}
		for _, a := range ids[:k] {
			row := []string{n.vendor(a)}
			for _, c := range ids[:k] {
				if a == c {
					row = append(row, "—")
				} else {
					row = append(row, pct(s.Winning[a][c]))
				}
			}
			t.Add(row...)
		}
		return t
	}
	// Each vendor more adds a row and a column, so the most that fit are found by bisection.
	fits := func(k int) bool { t := build(k); return tableWidth(&t) <= width }
	if width > 0 {
		top = mostThatFit(2, top, fits)
	}
	t := build(top)
	title := sl(lang, "winning")
	if top < all {
		title += " " + fmt.Sprintf(sl(lang, "winning_top"), top, all)
	}
	b.WriteString("\n" + wrapText(title, width) + "\n")
	t.Width = width
	return t.Write(b)
}

// tableWidth is the width of t printed without fitting.
func tableWidth(t *TextTable) int {
	var cs colStats
	for k, row := range t.cleanRows() {
		cs.add(row, k == 0)
	}
	return cs.width()
}

// paramOrder lists the keys of a central-weight map in framework order.
func paramOrder(e *model.Evaluation, cw map[string]float64) []string {
	var out []string
	for _, d := range e.Framework.Dimensions {
		if _, ok := cw[d.ID]; ok {
			out = append(out, d.ID)
		}
	}
	for _, c := range e.Framework.Criteria {
		if _, ok := cw[c.ID]; ok {
			out = append(out, c.ID)
		}
	}
	return out
}

func sortByAcceptability(ids []string, acc map[string][]float64) {
	better := func(a, b string) bool {
		ra, rb := acc[a], acc[b]
		for r := range ra {
			if ra[r] != rb[r] {
				return ra[r] > rb[r]
			}
		}
		return a < b
	}
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && better(ids[j], ids[j-1]); j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
}

// mostThatFit is the largest k in [least, most] with fits(k), or least when none fits; fits
// must be monotone (true up to some k, false above), as a table that only widens with k is.
// Bisection: at 200 vendors trying every count measured 200 tables of 200 rows.
func mostThatFit(least, most int, fits func(int) bool) int {
	if most <= least || fits(most) {
		return most
	}
	lo, hi := least, most // the answer is in [lo, hi): lo fits or is the minimum, hi does not fit
	for hi-lo > 1 {
		if mid := (lo + hi) / 2; fits(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}
