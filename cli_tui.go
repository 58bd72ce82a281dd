package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"

	"ccselect/internal/tuistore"
	"ccselect/storage"
	"ccselect/ui"
)

func cmdWorkbench(args []string, out io.Writer) error {
	fs := newFlags("")
	db := dbFlag(fs)
	lang := langFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	return runUI(st, *lang, 0)
}

// cmdDemo opens the workbench on a throwaway copy of the sample: nothing touches the user's
// database, and the temporary directory is removed on exit.
func cmdDemo(args []string, out io.Writer) error {
	fs := newFlags("demo")
	lang := langFlag(fs)
	if err := parse(fs, args); err != nil {
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
func runUI(st *storage.Store, langFlag string, demoEval int64) error {
	l, err := resolveLang(langFlag)
	if err != nil {
		return err
	}
	opt := ui.Options{Lang: l, Demo: demoEval != 0, OpenEval: demoEval, NoColor: os.Getenv("NO_COLOR") != "", Actor: actor()}
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	defer stop()
	return ui.Run(ctx, tuistore.New(st), opt)
}
