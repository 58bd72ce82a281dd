// Package cli is ccselect's command line: one cobra command tree styled by fang, one file per
// command group. Run is the whole program; main only calls it.
package cli

import (
	"ccselect/model"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"charm.land/fang/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
)

// Version is set at build time with -ldflags "-X ccselect/internal/cli.Version=...".
var Version = "0.1.0-dev"

// Exit statuses: a mistake in the command line, a problem with data or files, Ctrl+C.
const (
	ExitOK        = 0
	ExitData      = 1
	ExitUsage     = 2
	ExitInterrupt = 130
)

// stdin is where `import -` reads; tests replace it.
var stdin io.Reader = os.Stdin

// Main runs the command line on the process's arguments and streams and exits.
func Main() {
	os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr))
}

// Run runs the command line and returns the exit status. Errors are printed to stderr: plain
// "ccselect: message" lines when stderr is not a terminal (scripts and tests), fang's styled
// block when it is.
func Run(args []string, stdout, stderr io.Writer) int {
	root := newRoot()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetIn(stdin)
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	defer stop()
	ended := &workbenchEnd{}
	ctx = context.WithValue(ctx, workbenchEndKey{}, ended)
	err := fang.Execute(ctx, root,
		fang.WithVersion(Version),
		fang.WithErrorHandler(func(w io.Writer, styles fang.Styles, err error) {
			printError(stderr, w, styles, userError(err, rootLang(root)))
		}))
	return finish(stderr, rootLang(root), err, ended)
}

// finish is the exit status of a run whose command returned err through fang (already printed)
// and whose workbench, if one ran, ended with ended.err (printed here, as one plain line; a
// signal's end is not printed: the exit status says so).
func finish(stderr io.Writer, l model.Lang, err error, ended *workbenchEnd) int {
	if err != nil || ended.err == nil {
		return exitCode(err)
	}
	var se *signalExit
	if !errors.As(ended.err, &se) {
		fmt.Fprintf(stderr, "ccselect: %v\n", userError(ended.err, l))
	}
	return exitCode(ended.err)
}

// workbenchEnd carries how the workbench ended past fang. Fang's error path first asks the
// terminal for its background colour and waits up to 2 s for the answer; right after the
// workbench, whose input reader is still winding down, the answer could be swallowed, and a
// SIGTERM or a refused last save took 2 s to give the shell back. So the workbench's command
// returns nil and its error comes here, to be printed as one plain line.
type workbenchEnd struct{ err error }

type workbenchEndKey struct{}

// endWorkbench hands the workbench's error to Run past fang (nil when there is no Run around
// the command, as in tests that execute it directly: then err is returned as it is).
func endWorkbench(ctx context.Context, err error) error {
	if e, ok := ctx.Value(workbenchEndKey{}).(*workbenchEnd); ok && err != nil {
		e.err = err
		return nil
	}
	return err
}

// printError prints err for a person (styled, on a terminal) or a script (one plain line).
func printError(stderr, styled io.Writer, styles fang.Styles, err error) {
	var ue *usageError
	var se *signalExit
	if errors.As(err, &se) {
		return // stopped on purpose (SIGTERM, SIGHUP): the exit status says so
	}
	if f, ok := stderr.(term.File); ok && term.IsTerminal(f.Fd()) {
		fang.DefaultErrorHandler(styled, styles, err)
		return
	}
	fmt.Fprintf(stderr, "ccselect: %v\n", err)
	if errors.As(err, &ue) || isCobraUsage(err) {
		fmt.Fprintln(stderr, "Run 'ccselect help' or 'ccselect COMMAND --help' for usage.")
	}
}

// exitCode maps an error to the exit status: usage 2, interrupt 130, anything else 1.
func exitCode(err error) int {
	var ue *usageError
	var se *signalExit
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &se):
		return 128 + int(se.sig)
	case errors.Is(err, errInterrupted) || errors.Is(err, context.Canceled):
		return ExitInterrupt
	case errors.As(err, &ue) || isCobraUsage(err):
		return ExitUsage
	}
	return ExitData
}

// isCobraUsage recognises the errors cobra makes itself for a bad command line (it has no
// error type for them).
func isCobraUsage(err error) bool {
	s := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument",
		"invalid argument", "required flag", "accepts ", "requires at least", "bad flag syntax", "if any flags in the group"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// newRoot builds the command tree. With no command, ccselect opens the workbench.
func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "ccselect",
		Short: "Choose a cloud call-center vendor / 云呼叫中心选型评估工作台",
		Long: `ccselect is a decision workbench for choosing a cloud call-center (CCaaS) vendor.

With no command it opens the terminal workbench on the database. The commands below
script every step of a workshop: create an evaluation, add vendors and reviewers,
import scores from a CSV file, rank, test how robust the ranking is, export it.

Database: --db, else $CCSELECT_DB, else $XDG_DATA_HOME/ccselect/ccselect.db, else
~/.local/share/ccselect/ccselect.db. Only that default location is created on first
use (seeded with the sample evaluation); a database named by --db or $CCSELECT_DB
must exist, except for new and import, which create it.`,
		Example: `  # open the workbench on the default database
  ccselect
  # rank the embedded sample evaluation
  ccselect report --sample
  # the workbench on a throwaway copy of the sample
  ccselect demo`,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE:          runWorkbench,
		Args:          nil, // cobra then reports an unknown command, with suggestions
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{msg: err.Error()}
	})
	root.SuggestionsMinimumDistance = 2
	addDB(root)
	root.PersistentFlags().String("lang", "", "interface language: zh or en (default from LC_ALL/LANG)")
	root.PersistentPreRunE = func(c *cobra.Command, _ []string) error {
		lang, _ := c.Flags().GetString("lang")
		_, err := resolveLang(lang)
		return err
	}
	// Commands are listed in the order of a workshop, not alphabetically.
	cobra.EnableCommandSorting = false
	root.AddGroup(&cobra.Group{ID: "eval", Title: "Evaluations"},
		&cobra.Group{ID: "edit", Title: "Workshop steps"},
		&cobra.Group{ID: "analyse", Title: "Results"})
	add := func(group string, cmds ...*cobra.Command) {
		for _, c := range cmds {
			c.GroupID = group
			root.AddCommand(c)
		}
	}
	add("eval", newNewCmd(), newListCmd(), newEvalCmd(), newImportCmd(), newExportCmd(), newCheckCmd(), newDemoCmd())
	add("edit", newVendorCmd(), newReviewerCmd(), newParamCmd(), newKnockoutCmd(), newScoreCmd(), newSheetCmd())
	add("analyse", newReportCmd(), newSensitivityCmd())
	add("edit", newWeightsCmd(), newProfileCmd())             // weights.go, profile.go
	add("analyse", newWhatIfCmd(), newSizeCmd(), newAHPCmd()) // whatif.go, size.go, ahp.go
	add("eval", newGenerateCmd())                             // generate.go
	root.AddCommand(newVersionCmd(), newSchemaCmd())
	return root
}

func newVersionCmd() *cobra.Command {
	c := &cobra.Command{
		Use:     "version",
		Short:   "Print the version",
		Long:    "Print ccselect's version (the same as --version).",
		Example: "  ccselect version",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			f, err := format(c, "text", "json")
			if err != nil {
				return err
			}
			if f == "json" {
				return writeJSON(c.OutOrStdout(), orderedJSON{{"version", Version}})
			}
			fmt.Fprintf(c.OutOrStdout(), "ccselect %s\n", Version)
			return nil
		},
	}
	addFormat(c, "text", "json")
	return c
}
