package cli

import (
	"fmt"
	"strconv"

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

The input is JSON: {"items": ["a", "b", "c"], "matrix": [[1, 3, 5], ["1/3", 1, 2], ...]}
with entries as numbers or "a/b" strings — a full reciprocal matrix on the 1/9..9
scale with a unit diagonal, at most 10 items (Saaty's table stops there). Nothing is
read from or written to a database.`,
		Example: `  ccselect ahp --matrix judgements.json
  echo '{"items":["a","b"],"matrix":[[1,3],["1/3",1]]}' | ccselect ahp --matrix - --format json`,
		Args: noArgs,
		RunE: runAHP,
	}
	c.Flags().String("matrix", "", "pairwise matrix JSON file, or - for stdin (required)")
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
	if str(c, "matrix") == "" {
		return usagef("--matrix FILE (or - for stdin) is required")
	}
	data, err := readInput(str(c, "matrix"), c.InOrStdin())
	if err != nil {
		return err
	}
	items, m, err := model.ParsePairwise(data)
	if err != nil {
		return fmt.Errorf("%s", ahpMessage(err, lang(c)))
	}
	r, err := model.AHP(m)
	if err != nil {
		return fmt.Errorf("%s", ahpMessage(err, lang(c)))
	}
	out := c.OutOrStdout()
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
	verdict := "consistent (CR ≤ 0.10)"
	if !r.Consistent {
		verdict = "INCONSISTENT (CR > 0.10): " + inconsistencyNote(&r, items)
	}
	_, err = fmt.Fprintf(out, "λmax %.4f  CI %.4f  RI %.2f  CR %.4f  %s\n", r.LambdaMax, r.CI, r.RandomIndex, r.CR, verdict)
	return err
}
