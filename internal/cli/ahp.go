package cli

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"ccselect/export"
	"ccselect/model"
)

func newAHPCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "ahp --matrix FILE|-",
		Short: "Priorities and consistency of a pairwise matrix (AHP)",
		Long: `Analyse any pairwise comparison matrix by Saaty's Analytic Hierarchy Process: the
priorities (principal eigenvector), λmax, the consistency index CI = (λmax − n)/(n − 1),
Saaty's random index RI and the consistency ratio CR = CI/RI. CR above 0.10 is a
warning; the judgement that departs most from the others is named with the value
w_i/w_j that would fit them.

Group AHP: give --matrix once per reviewer (NAME=FILE, or FILE named after the file);
the judgements are aggregated by the element-wise geometric mean (AIJ, Forman &
Peniwati 1998) and every reviewer's priorities and CR are shown beside the group's.

The input is JSON: {"items": ["a", "b", "c"], "matrix": [[1, 3, 5], ["1/3", 1, 2], ...]}
with entries as numbers or "a/b" strings — a full reciprocal matrix on the 1/9..9
scale with a unit diagonal, at most 10 items (Saaty's table stops there). Nothing is
read from or written to a database.`,
		Example: `  ccselect ahp --matrix judgements.json
  echo '{"items":["a","b"],"matrix":[[1,3],["1/3",1]]}' | ccselect ahp --matrix - --format json
  ccselect ahp --matrix wang=wang.json --matrix li=li.json --matrix chen=chen.json`,
		Args: noArgs,
		RunE: runAHP,
	}
	c.Flags().StringArray("matrix", nil, "pairwise matrix JSON file, or - for stdin (required; repeat as NAME=FILE for group AHP)")
	addFormat(c, "table", "json")
	return c
}

// ahpView is the JSON of ahp: model.AHPResult with the items beside it.
type ahpView struct {
	Items []string `json:"items"`
	model.AHPResult
}

func runAHP(c *cobra.Command, _ []string) error {
	f, err := format(c, "table", "json")
	if err != nil {
		return err
	}
	names, items, ms, err := readMatrices(c)
	if err != nil {
		return err
	}
	out := c.OutOrStdout()
	if len(ms) > 1 {
		return writeGroupAHP(c, names, items, ms, f)
	}
	r, err := model.AHP(ms[0])
	if err != nil {
		return fmt.Errorf("%s", ahpMessage(err, lang(c)))
	}
	if f == "json" {
		return writeJSON(out, ahpView{Items: items, AHPResult: r})
	}
	t := export.TextTable{Header: []string{"item", "priority"}, Right: map[int]bool{1: true}}
	for i, id := range items {
		t.Add(id, strconv.FormatFloat(r.Weights[i], 'f', 4, 64))
	}
	if err := t.Write(out); err != nil {
		return err
	}
	_, err = fmt.Fprintf(out, "λmax %.4f  CI %.4f  RI %.2f  CR %.4f  %s\n", r.LambdaMax, r.CI, r.RandomIndex, r.CR, verdict(&r, items))
	return err
}

func verdict(r *model.AHPResult, items []string) string {
	if r.Consistent {
		return "consistent (CR ≤ 0.10)"
	}
	return "INCONSISTENT (CR > 0.10): " + inconsistencyNote(r, items)
}

// readMatrices reads every --matrix: FILE, - (stdin) or NAME=FILE. With several, they must
// compare the same items in the same order; names default to the file's base name.
func readMatrices(c *cobra.Command) (names, items []string, ms [][][]float64, err error) {
	args, _ := c.Flags().GetStringArray("matrix")
	if len(args) == 0 {
		return nil, nil, nil, usagef("--matrix FILE (or - for stdin) is required")
	}
	seen := map[string]bool{}
	for _, a := range args {
		name, file, ok := strings.Cut(a, "=")
		if !ok {
			file = a
			name = strings.TrimSuffix(filepath.Base(a), filepath.Ext(a))
		}
		if name == "" || seen[name] {
			return nil, nil, nil, usagef("--matrix %s: give each reviewer's matrix as NAME=FILE with a distinct NAME", a)
		}
		seen[name] = true
		data, err := readInput(file, c.InOrStdin())
		if err != nil {
			return nil, nil, nil, err
		}
		its, m, err := model.ParsePairwise(data)
		if err != nil {
			if len(args) > 1 {
				return nil, nil, nil, fmt.Errorf("%s: %s", name, ahpMessage(err, lang(c)))
			}
			return nil, nil, nil, fmt.Errorf("%s", ahpMessage(err, lang(c)))
		}
		if items != nil && !slices.Equal(items, its) {
			return nil, nil, nil, fmt.Errorf("%s compares %v, the first matrix %v: every reviewer must compare the same items in the same order", name, its, items)
		}
		items = its
		names = append(names, name)
		ms = append(ms, m)
	}
	return names, items, ms, nil
}

func writeGroupAHP(c *cobra.Command, names, items []string, ms [][][]float64, f string) error {
	g, err := model.GroupAHP(names, ms)
	if err != nil {
		return fmt.Errorf("%s", ahpMessage(err, lang(c)))
	}
	out := c.OutOrStdout()
	if f == "json" {
		return writeJSON(out, orderedJSON{{"items", items}, {"group", g.Group}, {"reviewers", g.Reviewers}, {"matrix", g.Matrix}})
	}
	header := []string{"item", "group"}
	right := map[int]bool{1: true}
	for i, r := range g.Reviewers {
		header = append(header, r.Reviewer)
		right[i+2] = true
	}
	t := export.TextTable{Header: header, Right: right}
	for i, id := range items {
		row := []string{id, strconv.FormatFloat(g.Group.Weights[i], 'f', 4, 64)}
		for _, r := range g.Reviewers {
			row = append(row, strconv.FormatFloat(r.Weights[i], 'f', 4, 64))
		}
		t.Add(row...)
	}
	cr := []string{"CR", strconv.FormatFloat(g.Group.CR, 'f', 4, 64)}
	for _, r := range g.Reviewers {
		cr = append(cr, strconv.FormatFloat(r.CR, 'f', 4, 64))
	}
	t.Add(cr...)
	if err := t.Write(out); err != nil {
		return err
	}
	_, err = fmt.Fprintf(out, "group (geometric mean of %d reviewers): %s\n", len(names), verdict(&g.Group, items))
	return err
}
