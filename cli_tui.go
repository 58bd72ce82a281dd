package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"

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
	return runUI(st, *lang, false)
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
	return runUI(st, *lang, true, list[0].ID)
}

func runUI(st *storage.Store, langFlag string, demo bool, open ...int64) error {
	l, err := resolveLang(langFlag)
	if err != nil {
		return err
	}
	opt := ui.Options{Lang: l, Demo: demo, NoColor: os.Getenv("NO_COLOR") != "", Actor: actor()}
	if len(open) > 0 {
		opt.OpenEval = open[0]
	}
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	defer stop()
	return ui.Run(ctx, st, opt)
}
