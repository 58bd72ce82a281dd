package cli

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/charmbracelet/x/term"

	"github.com/spf13/cobra"

	"ccselect/internal/ops"
	"ccselect/internal/tuistore"
	"ccselect/storage"
	"ccselect/ui"
)

// runWorkbench opens the workbench on the database (ccselect with no command).
func runWorkbench(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("unknown command %q", args[0])
	}
	if err := needTerminal(); err != nil {
		return err // before the database is opened (or created)
	}
	l, err := location(c)
	if err != nil {
		return err
	}
	// --db NEW.db starts a new, empty database (as it always has); $CCSELECT_DB pointing
	// nowhere is a typo, as for every other command.
	open := ops.OpenCreate
	if l.Source == "CCSELECT_DB" {
		open = ops.OpenWrite
	}
	st, err := open(l)
	if errors.Is(err, storage.ErrReadOnly) && l.Exists() {
		// A database this user cannot write opens view-only (the header says so) instead of
		// being refused (issue 8 defect 4).
		st, err = ops.OpenRead(l)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	return runUI(c, st, 0)
}

func newDemoCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "Open the workbench on a throwaway copy of the sample",
		Long: `Open the workbench on a temporary copy of the sample evaluation: nothing touches
your database, and the copy is removed when you quit.`,
		Example: "  ccselect demo\n  ccselect demo --lang zh",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := needTerminal(); err != nil {
				return err
			}
			dir, err := os.MkdirTemp("", "ccselect-demo-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			st, err := storage.Open(filepath.Join(dir, "demo.db"))
			if err != nil {
				return err
			}
			defer st.Close()
			if err := ops.SeedSample(st, actor(c)); err != nil {
				return err
			}
			list, err := st.List()
			if err != nil || len(list) == 0 {
				return fmt.Errorf("demo: could not seed the sample: %v", err)
			}
			return runUI(c, st, list[0].ID)
		},
	}
}

// runUI starts the workbench on the home list, or — for the demo — straight on demoEval.
func runUI(c *cobra.Command, st *storage.Store, demoEval int64) error {
	opt := ui.Options{Lang: lang(c), Demo: demoEval != 0, OpenEval: demoEval, NoColor: os.Getenv("NO_COLOR") != "", Actor: actor(c)}
	// The signal that stops the workbench decides the exit status (143 for SIGTERM), so it is
	// watched on a channel of its own beside the context that stops the program.
	got := make(chan os.Signal, 1)
	signal.Notify(got, stopSignals...)
	defer signal.Stop(got)
	err := ui.Run(c.Context(), tuistore.New(st), opt)
	select {
	case s := <-got:
		if sig, ok := s.(syscall.Signal); ok {
			err = &signalExit{sig: sig}
		}
	default:
	}
	return endWorkbench(c.Context(), err)
}

// signalExit is the end of a workbench stopped by a signal. Its exit status follows the shell
// convention, 128 + the signal's number (SIGTERM: 143), so a supervisor sees it was stopped.
type signalExit struct{ sig syscall.Signal }

func (e *signalExit) Error() string { return "stopped by " + e.sig.String() }

// needTerminal refuses to start the workbench without a terminal on stdin and stdout, with
// what to run instead, rather than Bubble Tea's raw TTY error (or drawing on /dev/tty while the
// output goes to a file).
func needTerminal() error {
	if term.IsTerminal(os.Stdin.Fd()) && term.IsTerminal(os.Stdout.Fd()) {
		return nil
	}
	return errors.New("the workbench needs a terminal (stdin and stdout are not one).\n" +
		"Without a terminal, use the commands: list, report, export, import, new, eval, vendor, reviewer,\n" +
		"score, param, knockout, check, sensitivity, schema, version (run 'ccselect help' for their flags)")
}
