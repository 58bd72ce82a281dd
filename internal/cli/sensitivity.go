package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"ccselect/export"
	"ccselect/model"
)

// maxSamples bounds --samples: a million draws of the sample take a few seconds; more is a typo.
const maxSamples = 10_000_000

func newSensitivityCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "sensitivity",
		Short: "Test how robust the ranking is",
		Long: `Test how robust the ranking is: the break-even weight of every dimension and
criterion (where another vendor takes the lead), rank reversals, a tornado of the
leader's margin, the single scores that would change the leader, and an SMAA-2
run that draws random weights (skipped with --samples 0).

The title and the JSON name the profile, method and consensus. Only reversals that
happen somewhere in [0,1] are listed, by default those involving the leader
(--all-reversals for every pair); they are computed as they are printed, so
memory does not grow with their number. The SMAA part shows rank acceptability,
winning indices (beyond 64 vendors, among the 64 most often first) and confidence
("—", JSON null, for a vendor never first).
Tables fit the terminal's width (100 columns when not a terminal; --width N,
or --wide for one line per row).`,
		Example: `  ccselect sensitivity --sample --samples 0
  ccselect sensitivity --db w.db --profile finance --samples 20000 --seed 7
  ccselect sensitivity --sample --weights around:20 --uncertainty reviewers --format json`,
		Args: noArgs,
		RunE: runSensitivity,
	}
	addProblemFlags(c)
	c.Flags().String("samples", strconv.Itoa(model.DefaultSMAASamples), fmt.Sprintf("SMAA samples, 0 to %d (0 skips SMAA)", maxSamples))
	c.Flags().Uint64("seed", 1, "SMAA random seed (same seed, same numbers)")
	c.Flags().String("level", "dimensions", "SMAA weights drawn for: dimensions or criteria")
	c.Flags().String("weights", "uniform", "SMAA weight distribution: uniform, ordinal or around:PCT")
	c.Flags().String("uncertainty", "none", "SMAA score uncertainty: none or reviewers")
	c.Flags().Bool("all-reversals", false, "list reversals between every pair, not only those involving the leader")
	addFormat(c, "table", "json")
	addWidthFlags(c)
	return c
}

// parseSamples reads --samples as a whole number in range; "1e12" or "-5" say what is allowed.
func parseSamples(s string) (int, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > maxSamples {
		return 0, usagef("--samples must be a whole number from 0 to %d, got %q", maxSamples, s)
	}
	return int(n), nil
}

func runSensitivity(c *cobra.Command, _ []string) error {
	l := lang(c)
	f, err := format(c, "table", "json")
	if err != nil {
		return err
	}
	samples, err := parseSamples(str(c, "samples"))
	if err != nil {
		return err
	}
	seed, _ := c.Flags().GetUint64("seed")
	opt := model.SMAAOptions{Samples: samples, Seed: seed}
	if opt.Level, err = model.ParseSMAALevel(str(c, "level")); err != nil {
		return asUsage(err)
	}
	if opt.Weights, opt.AroundPct, err = model.ParseSMAAWeights(str(c, "weights")); err != nil {
		return asUsage(err)
	}
	if opt.Uncertainty, err = model.ParseSMAAUncertainty(str(c, "uncertainty")); err != nil {
		return asUsage(err)
	}
	width, err := tableWidth(c)
	if err != nil {
		return err
	}
	r, err := rule(c)
	if err != nil {
		return err
	}
	ev, p, err := compile(c, r, model.WSM{})
	if err != nil {
		return err
	}
	var smaa *model.SMAAResult
	if samples > 0 {
		ctx, stop := signalContext(c.Context())
		defer stop()
		var clearProgress func()
		opt.Progress, clearProgress = smaaProgress(c, l, samples)
		smaa, err = model.RunSMAA(ctx, p, opt)
		clearProgress()
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return &interrupted{"interrupted: SMAA stopped, nothing printed (fewer --samples run faster, --samples 0 skips SMAA)"}
			}
			return err
		}
	}
	rep := export.BuildSensitivityReport(p, smaa)
	rep.AllReversals = boolFlag(c, "all-reversals")
	if f == "json" {
		return export.WriteSensitivityJSON(c.OutOrStdout(), rep)
	}
	return export.WriteSensitivityTable(c.OutOrStdout(), ev, rep, l, width)
}

// signalContext is the context SMAA runs under; tests replace it to simulate Ctrl+C.
var signalContext = func(parent context.Context) (context.Context, context.CancelFunc) {
	if parent == nil {
		parent = context.Background()
	}
	return context.WithCancel(parent)
}
