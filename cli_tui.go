package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/charmbracelet/x/term"

	"ccselect/internal/tuistore"
	"ccselect/storage"
	"ccselect/ui"
)

func cmdWorkbench(args []string, out io.Writer) (err error) {
	defer exitOnSignal(&err) // first deferred, so it runs after every cleanup
	fs := newFlags("")
	db := dbFlag(fs)
	lang := langFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needTerminal(); err != nil {
		return err // before the database is opened (or created)
	}
	st, err := openStore(*db)
	if errors.Is(err, storage.ErrReadOnly) {
		// A database this user cannot write opens view-only (the header says so) instead of
		// being refused (issue 8 defect 4).
		st, err = openForRead(*db)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	return runUI(st, *lang, 0)
}

// cmdDemo opens the workbench on a throwaway copy of the sample: nothing touches the user's
// database, and the temporary directory is removed on exit.
func cmdDemo(args []string, out io.Writer) (err error) {
	defer exitOnSignal(&err) // first deferred, so the demo directory is removed before the exit
	fs := newFlags("demo")
	lang := langFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
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
	if err := seedSample(st); err != nil {
		return err
	}
	list, err := st.List()
	if err != nil || len(list) == 0 {
		return fmt.Errorf("demo: could not seed the sample: %v", err)
	}
	return runUI(st, *lang, list[0].ID)
}

// runUI starts the workbench on the home list, or — for the demo — straight on demoEval.
func runUI(st *storage.Store, langFlag string, demoEval int64) (err error) {
	l, err := resolveLang(langFlag)
	if err != nil {
		return err
	}
	opt := ui.Options{Lang: l, Demo: demoEval != 0, OpenEval: demoEval, NoColor: os.Getenv("NO_COLOR") != "", Actor: actor()}
	// The signal that stops the workbench decides the exit status (143 for SIGTERM), so it is
	// watched on a channel of its own beside the context that stops the program.
	got := make(chan os.Signal, 1)
	signal.Notify(got, stopSignals...)
	defer signal.Stop(got)
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	defer stop()
	err = ui.Run(ctx, tuistore.New(st), opt)
	select {
	case s := <-got:
		if sig, ok := s.(syscall.Signal); ok {
			return &signalExit{sig: sig}
		}
	default:
	}
	return err
}

// signalExit is the end of a workbench stopped by a signal. Its exit status follows the shell
// convention, 128 + the signal's number (SIGTERM: 143), so a supervisor sees it was stopped.
type signalExit struct{ sig syscall.Signal }

func (e *signalExit) Error() string { return "stopped by " + e.sig.String() }

// exitOnSignal exits with 128 + the signal's number when *err is a signalExit. It is deferred
// first by the workbench commands, so their other deferred cleanups (the demo's temporary
// directory, the store) have run.
func exitOnSignal(err *error) {
	var se *signalExit
	if errors.As(*err, &se) {
		os.Exit(128 + int(se.sig))
	}
}

// needTerminal refuses to start the workbench without a terminal on stdin and stdout, with
// what to run instead, rather than Bubble Tea's raw TTY error (or drawing on /dev/tty while the
// output goes to a file).
func needTerminal() error {
	if term.IsTerminal(os.Stdin.Fd()) && term.IsTerminal(os.Stdout.Fd()) {
		return nil
	}
	return errors.New("the workbench needs a terminal (stdin and stdout are not one).\n" +
		"Without a terminal, use the commands: list, report, export, import, new, check, sensitivity, version\n" +
		"(run 'ccselect help' for their flags)")
}
