package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"ccselect/export"
	"ccselect/samples"
)

// newGenerateCmd writes a synthetic evaluation of a chosen size (samples.Generate), so anyone can
// repeat the large-evaluation figures in the README's Performance section.
func newGenerateCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "generate",
		Short: "Write a generated evaluation of a given size (for benchmarks)",
		Long: `Write a synthetic evaluation bundle: --vendors × --criteria × --reviewers scores, every
cell scored, one criterion in five measured, one equal-weight profile. The same flags
always give the same file (--seed picks the random stream). Import it with
ccselect import FILE. Sizes are bounded by the evaluation limits (500 vendors,
300 criteria, 50 reviewers, 1,000,000 scores).

An existing file is replaced only with --force. Files are written with mode 0600.`,
		Example: `  ccselect generate --vendors 200 --criteria 100 --reviewers 10 --seed 1 --out 200k.json
  ccselect import 200k.json --db big.db
  ccselect generate --vendors 50 --criteria 300 --reviewers 50 --out 750k.json --force`,
		Args: noArgs,
		RunE: runGenerate,
	}
	c.Flags().Int("vendors", 20, "number of vendors")
	c.Flags().Int("criteria", 30, "number of criteria")
	c.Flags().Int("reviewers", 5, "number of reviewers")
	c.Flags().Uint64("seed", 1, "random seed")
	c.Flags().StringP("out", "o", "", "file to write")
	c.Flags().Bool("force", false, "replace the file if it exists")
	return c
}

func runGenerate(c *cobra.Command, _ []string) error {
	path := str(c, "out")
	if path == "" || path == "-" {
		return usagef("--out FILE is required")
	}
	var o samples.GenOptions
	o.Vendors, _ = c.Flags().GetInt("vendors")
	o.Criteria, _ = c.Flags().GetInt("criteria")
	o.Reviewers, _ = c.Flags().GetInt("reviewers")
	o.Seed, _ = c.Flags().GetUint64("seed")
	if o.Vendors < 1 || o.Criteria < 1 || o.Reviewers < 1 {
		return usagef("--vendors, --criteria and --reviewers must each be at least 1")
	}
	if err := refuseExisting(path, boolFlag(c, "force")); err != nil {
		return err
	}
	ev, err := samples.Generate(o)
	if err != nil {
		return err
	}
	if err := export.WriteBundleFile(path, ev); err != nil {
		return unrepeat(err, path)
	}
	fmt.Fprintf(c.OutOrStdout(), "wrote %s (%q: %d vendors, %d criteria, %d reviewers, %d scores)\n",
		path, ev.Name, len(ev.Vendors), len(ev.Framework.Criteria), len(ev.Reviewers), len(ev.Scores))
	return nil
}
