package cli

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"ccselect/export"
	"ccselect/internal/ops"
	"ccselect/internal/present"
	"ccselect/internal/termtext"
	"ccselect/samples"
	"ccselect/storage"
)

func newListCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "list",
		Short: "List the evaluations in the database",
		Long: `List the evaluations in the database, most recently edited first, with their counts of vendors, criteria and reviewers.

The table fits the terminal's width (100 columns when not a terminal; --width N, or --wide
for one line per evaluation): long names wrap within their cells and are shortened with "…"
past two lines, clients past 12 cells; --format json always has them in full.`,
		Example: "  ccselect list\n  ccselect list --db w.db --format json",
		Args:    noArgs,
		RunE:    runList,
	}
	addFormat(c, "table", "json")
	addWidthFlags(c)
	return c
}

func runList(c *cobra.Command, _ []string) error {
	f, err := format(c, "table", "json")
	if err != nil {
		return err
	}
	width, err := tableWidth(c)
	if err != nil {
		return err
	}
	var list []storage.Summary
	if err := withStore(c, false, func(st *storage.Store) (err error) {
		list, err = st.List()
		return err
	}); err != nil {
		return err
	}
	out := c.OutOrStdout()
	if f == "json" {
		type row struct {
			ID        int64  `json:"id"`
			Name      string `json:"name"`
			Client    string `json:"client"`
			Industry  string `json:"industry"`
			Vendors   int    `json:"vendors"`
			Criteria  int    `json:"criteria"`
			Reviewers int    `json:"reviewers"`
			Updated   string `json:"updated"`
		}
		rows := []row{}
		for _, s := range list {
			rows = append(rows, row{s.ID, s.Name, s.Client, s.Industry, s.Vendors, s.Criteria, s.Reviewers, s.Updated.UTC().Format(time.RFC3339)})
		}
		return writeJSON(out, rows)
	}
	t := export.TextTable{Header: []string{"id", "name", "client", "industry", "vendors", "criteria", "reviewers", "updated"},
		Right: map[int]bool{0: true, 4: true, 5: true, 6: true}, Width: width}
	nameW, clientW := listNameWidths(width)
	for _, s := range list {
		t.Add(fmt.Sprint(s.ID), export.Ellipsize(termtext.Clean(s.Name), nameW), export.Ellipsize(termtext.Clean(s.Client), clientW),
			present.TemplateName(s.Industry, lang(c)), fmt.Sprint(s.Vendors), fmt.Sprint(s.Criteria),
			fmt.Sprint(s.Reviewers), s.Updated.Local().Format("2006-01-02 15:04"))
	}
	return t.Write(out)
}

// listNameWidths are the most cells a name and a client take in list's table at width (0: no
// limit). The other columns and the gaps take 64 cells (id, industry, three counts under their
// headers, a date); a client is shortened to 12 cells and the name gets the rest, over at most
// two lines — the table wraps it within its cell — so a long name is shortened with "…" only
// past two lines and the sample's name still shows whole.
func listNameWidths(width int) (name, client int) {
	if width <= 0 {
		return 0, 0
	}
	const others, clientCells = 64, 12
	return 2 * max(16, width-others-clientCells), clientCells
}

func newNewCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "new",
		Short: "Create an evaluation from a template",
		Long: `Create an evaluation from a template: the criteria framework with its rubrics and
value functions, the industry weight profiles and knock-out rules. Vendors,
reviewers and scores are added next (vendor add, reviewer add, score import).

A database named by --db that does not exist yet is created.`,
		Example: `  ccselect new --template finance --name "Bank 2026" --client "First Bank" --peak 2000 --db w.db
  ccselect new --template default --name W`,
		Args: noArgs,
		RunE: runNew,
	}
	c.Flags().StringP("template", "t", "", "default, finance, healthcare or government")
	// The names are read when a shell asks, not while every command is built: start-up pays nothing.
	_ = c.RegisterFlagCompletionFunc("template", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return samples.TemplateNames(), cobra.ShellCompDirectiveNoFileComp
	})
	c.Flags().StringP("name", "n", "", "evaluation name")
	c.Flags().String("client", "", "client name")
	c.Flags().String("peak", "1000", "required peak concurrent channels P (a positive whole number)")
	addAs(c)
	addFormat(c, "text", "json")
	return c
}

// parsePeak reads --peak: a number of channels is a positive whole number.
func parsePeak(s string) (float64, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n <= 0 || n > 1e9 {
		return 0, usagef("--peak must be a positive whole number of channels, got %q", s)
	}
	return float64(n), nil
}

func runNew(c *cobra.Command, _ []string) error {
	f, err := format(c, "text", "json")
	if err != nil {
		return err
	}
	names := samples.TemplateNames()
	template := str(c, "template")
	switch {
	case template == "":
		return usagef("--template is required (%s)", strings.Join(names, ", "))
	case !slices.Contains(names, template):
		return usagef("unknown template %q (valid: %s)", template, strings.Join(names, ", "))
	case strings.TrimSpace(str(c, "name")) == "":
		return usagef("--name is required")
	}
	name, err := ops.CheckName("evaluation", str(c, "name"))
	if err != nil {
		return asUsage(err)
	}
	client := strings.TrimSpace(str(c, "client"))
	if client != "" {
		if client, err = ops.CheckName("client", client); err != nil {
			return asUsage(err)
		}
	}
	peak, err := parsePeak(str(c, "peak"))
	if err != nil {
		return err
	}
	l, err := location(c)
	if err != nil {
		return err
	}
	ev, err := samples.Template(template, name, client, peak)
	if err != nil {
		return err
	}
	id, err := ops.Create(l, ev, actor(c))
	if err != nil {
		return err
	}
	if f == "json" {
		return writeJSON(c.OutOrStdout(), orderedJSON{{"id", id}, {"name", ev.Name}, {"template", template}})
	}
	fmt.Fprintf(c.OutOrStdout(), "created evaluation %d %q from template %s\n", id, ev.Name, template)
	return nil
}

func newImportCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "import FILE.json|-",
		Short: "Import an evaluation bundle",
		Long: `Import an evaluation bundle (the JSON file export writes; its format is in
docs/bundle.md and ccselect schema) as a new evaluation. The file is checked as a
whole before anything is written. "-" reads the bundle from stdin. A database
named by --db that does not exist yet is created.`,
		Example: `  ccselect import bank.json --db w.db
  ccselect import bank.json --name "Bank 2026 (copy)"
  ccselect export --out - --db a.db | ccselect import - --db b.db`,
		Args: exactArgs(1, "FILE.json (or - for stdin)"),
		RunE: runImport,
	}
	c.Flags().StringP("name", "n", "", "import under this name instead of the file's")
	addAs(c)
	addFormat(c, "text", "json")
	return c
}

func runImport(c *cobra.Command, args []string) error {
	f, err := format(c, "text", "json")
	if err != nil {
		return err
	}
	rename := ""
	if c.Flags().Changed("name") {
		if rename, err = ops.CheckName("evaluation", str(c, "name")); err != nil {
			return asUsage(err)
		}
	}
	l, err := location(c)
	if err != nil {
		return err
	}
	ev, err := ops.ReadBundle(args[0], stdin, rename)
	if err != nil {
		return err
	}
	id, err := ops.Import(l, ev, rename, actor(c))
	if err != nil {
		return err
	}
	if f == "json" {
		return writeJSON(c.OutOrStdout(), orderedJSON{{"id", id}, {"name", ev.Name}, {"vendors", len(ev.Vendors)},
			{"criteria", len(ev.Framework.Criteria)}, {"scores", len(ev.Scores)}})
	}
	fmt.Fprintf(c.OutOrStdout(), "imported evaluation %d %q (%s, %s, %s)\n", id, ev.Name, count(len(ev.Vendors), "vendor", "vendors"),
		count(len(ev.Framework.Criteria), "criterion", "criteria"), count(len(ev.Scores), "score", "scores"))
	return nil
}

func newExportCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "export",
		Short: "Write an evaluation as a bundle file or an Excel workbook",
		Long: `Write an evaluation as a JSON bundle: framework, parameters, vendors, reviewers,
every score with its note and evidence, profiles and knock-outs (format in
docs/bundle.md; ccselect schema prints its JSON Schema). --out - writes to stdout.

--format xlsx writes the executive workbook instead: Summary (ranking and charts),
Scores (live total formulas over the weight cells), Weights, Sensitivity
(break-evens, tornado, SMAA), Reviewers, Evidence and Knock-outs, in --lang.
--password encrypts it: the password is prompted on a terminal, or read from
$CCSELECT_XLSX_PASSWORD; it is never stored or shown.

An existing file is replaced only with --force. Files are written with mode 0600.`,
		Example: `  ccselect export --eval "Bank 2026" --out bank.json
  ccselect export --out bank.json --force
  ccselect export --out - | ccselect import - --db other.db
  ccselect export --format xlsx --out bank.xlsx --profile finance --lang zh
  CCSELECT_XLSX_PASSWORD=… ccselect export --format xlsx --password --out bank.xlsx
  ccselect export --sample --format xlsx --out sample.xlsx`,
		Args: noArgs,
		RunE: runExport,
	}
	addProblemFlags(c)
	addFormat(c, "json", "xlsx")
	c.Flags().StringP("out", "o", "", "file to write (- for stdout, JSON only)")
	c.Flags().Bool("force", false, "replace the file if it exists")
	addXLSXFlags(c)
	return c
}

func runExport(c *cobra.Command, _ []string) error {
	f, err := format(c, "json", "xlsx")
	if err != nil {
		return err
	}
	if f == "xlsx" {
		return runExportXLSX(c)
	}
	if name := xlsxFlagsUsed(c); name != "" {
		return usagef("--%s is for --format xlsx", name)
	}
	path := str(c, "out")
	if path == "" {
		return usagef("--out FILE is required (- for stdout)")
	}
	if path != "-" {
		if err := refuseExisting(path, boolFlag(c, "force")); err != nil {
			return err
		}
	}
	ev, err := loadSource(c)
	if err != nil {
		return err
	}
	if path == "-" {
		return export.EncodeBundle(c.OutOrStdout(), ev)
	}
	if err := export.WriteBundleFile(path, ev); err != nil {
		return unrepeat(err, path)
	}
	fmt.Fprintf(c.OutOrStdout(), "wrote %s (%q)\n", path, ev.Name)
	return nil
}

// unrepeat drops a second copy of path from a write error ("write /dev/full: write /dev/full:
// no space left on device" reads as "write /dev/full: no space left on device").
func unrepeat(err error, path string) error {
	msg := err.Error()
	for _, verb := range []string{"write ", "open ", "sync ", "close ", "rename ", ""} {
		msg = strings.ReplaceAll(msg, path+": "+verb+path+": ", path+": ")
	}
	if msg == err.Error() {
		return err
	}
	return errors.New(msg)
}

func newCheckCmd() *cobra.Command {
	c := &cobra.Command{
		Use:     "check",
		Short:   "Check the database for damage",
		Long:    "Check the database file: SQLite's integrity check, foreign keys and the schema version. Nothing is changed.",
		Example: "  ccselect check\n  ccselect check --db w.db",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			f, err := format(c, "text", "json")
			if err != nil {
				return err
			}
			l, err := location(c)
			if err != nil {
				return err
			}
			st, err := ops.OpenRead(l)
			if err != nil {
				return err
			}
			defer st.Close()
			problems, err := st.Check()
			if err != nil {
				return err
			}
			v, err := st.SchemaVersion()
			if err != nil {
				return err
			}
			if f == "json" {
				if problems == nil {
					problems = []string{}
				}
				if err := writeJSON(c.OutOrStdout(), orderedJSON{{"path", st.Path()}, {"ok", len(problems) == 0},
					{"schema_version", v}, {"problems", problems}}); err != nil {
					return err
				}
			}
			if len(problems) > 0 {
				return fmt.Errorf("%s has %d problem(s):\n  %s", st.Path(), len(problems), strings.Join(problems, "\n  "))
			}
			if f == "text" {
				fmt.Fprintf(c.OutOrStdout(), "%s: ok (schema version %d, integrity and foreign keys checked)\n", st.Path(), v)
			}
			return nil
		},
	}
	addFormat(c, "text", "json")
	return c
}
