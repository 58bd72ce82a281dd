package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"ccselect/export"
	"ccselect/model"
)

func newReportCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "report",
		Short: "Rank the vendors of an evaluation",
		Long: `Rank the vendors of an evaluation under a weight profile: the total, the lead over
the next vendor, each dimension's contribution, and why a vendor is excluded
(a failed knock-out) or incomplete (missing scores).

--format markdown prints the executive summary (the workbook's Summary sheet) as a
Markdown table and the robustness sentence, for pasting into a report or a chat.

--method topsis ranks by closeness to the ideal instead of the weighted sum;
--consensus median combines reviewers by the median instead of the mean.

The table fits the terminal's width (100 columns when not a terminal): long names
wrap within their cells, and knock-out reasons that do not fit follow the table;
--width N sets the width, --wide prints one line per vendor. --format csv ends every row with the evaluation,
profile, method and consensus that produced it; under TOPSIS its score column
is "closeness", not "total".`,
		Example: `  ccselect report --sample
  ccselect report --db w.db --eval "Bank 2026" --profile finance
  ccselect report --sample --method topsis --format json
  ccselect report --sample --format csv > ranking.csv
  ccselect report --sample --format markdown --lang zh > summary.md
  ccselect report --sample --compare default,finance,government`,
		Args: noArgs,
		RunE: runReport,
	}
	addProblemFlags(c)
	c.Flags().StringP("method", "m", "wsm", "ranking method: wsm (weighted sum) or topsis")
	_ = c.RegisterFlagCompletionFunc("method", cobra.FixedCompletions([]string{"wsm", "topsis"}, cobra.ShellCompDirectiveNoFileComp))
	addFormat(c, "table", "json", "csv", "markdown")
	c.Flags().String("compare", "", "compare profiles P1,P2,…: each vendor's rank and total under each")
	addWidthFlags(c)
	return c
}

func runReport(c *cobra.Command, _ []string) error {
	l := lang(c)
	m, err := model.ParseMethod(str(c, "method"))
	if err != nil {
		return asUsage(err)
	}
	r, err := rule(c)
	if err != nil {
		return err
	}
	f, err := format(c, "table", "json", "csv", "markdown")
	if err != nil {
		return err
	}
	width, err := tableWidth(c)
	if err != nil {
		return err
	}
	if list := str(c, "compare"); list != "" {
		return runCompare(c, list, r, m, f) // compare.go
	}
	ev, p, err := compile(c, r, m)
	if err != nil {
		return err
	}
	res := p.Rank()
	out := c.OutOrStdout()
	switch f {
	case "json":
		return export.WriteRankingJSON(out, export.BuildRankingReport(ev, res, r, l))
	case "csv":
		return export.WriteRankingCSV(out, ev, res, r, l)
	case "markdown":
		return export.WriteRankingMarkdown(out, p, r, l)
	}
	if len(ev.Vendors) == 0 {
		return noVendors(c, out, ev, l)
	}
	return export.WriteRankingTable(out, ev, res, r, l, width)
}

// noVendors says how to add vendors to this evaluation, with the flags that reach it.
func noVendors(c *cobra.Command, w io.Writer, ev *model.Evaluation, l model.Lang) error {
	where := ""
	if db := str(c, "db"); db != "" {
		where = " --db " + shellQuote(db)
	}
	add := fmt.Sprintf("ccselect vendor add NAME%s --eval %s", where, shellQuote(evalRef(ev)))
	if l == model.LangZh {
		_, err := fmt.Fprintf(w, "评估 %q 还没有厂商：用 %s 添加，或在工作台（ccselect%s）中添加。\n", ev.Name, add, where)
		return err
	}
	_, err := fmt.Fprintf(w, "Evaluation %q has no vendors yet: add them with %s, or in the workbench (ccselect%s).\n", ev.Name, add, where)
	return err
}

// evalRef is how --eval names ev: its name, or its id when the name would need explaining.
func evalRef(ev *model.Evaluation) string {
	if ev.ID != 0 && strings.TrimSpace(ev.Name) != ev.Name {
		return strconv.FormatInt(ev.ID, 10)
	}
	return ev.Name
}

// shellQuote quotes s for a POSIX shell when it needs it, so a printed command can be pasted.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
