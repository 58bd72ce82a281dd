package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"ccselect/internal/ops"
	"ccselect/storage"
	"ccselect/ui"
)

// runWorkbench opens the workbench on the database (ccselect with no command).
func runWorkbench(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("unknown command %q", args[0])
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
	return ui.Run(c.Context(), st, opt)
}
