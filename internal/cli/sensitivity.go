package cli

import (
	"context"
	"encoding/json"
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
run that draws random weights (skipped with --samples 0).`,
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
	return c
}

// existingReversals keeps the rank reversals that happen somewhere in [0,1] — a pair that never
// swaps is not a finding, and listing every pair grows with the square of the vendors — and by
// default only those involving the leader, the question a workshop asks.
// MERGE: export's presentation rewrite may do this itself (issue 9, defect 7).
func existingReversals(rep export.SensitivityReport, all bool) []export.ReversalEntry {
	out := []export.ReversalEntry{}
	for _, r := range rep.Reversals {
		if r.Weight == nil {
			continue
		}
		if !all && rep.Leader != nil && r.A != *rep.Leader && r.B != *rep.Leader {
			continue
		}
		out = append(out, r)
	}
	return out
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
		if smaa, err = model.RunSMAA(ctx, p, opt); err != nil {
			if errors.Is(err, context.Canceled) {
				return &interrupted{"SMAA interrupted; nothing printed (fewer --samples run faster, --samples 0 skips SMAA)"}
			}
			return err
		}
	}
	rep := export.BuildSensitivityReport(p, smaa)
	rep.Reversals = existingReversals(rep, boolFlag(c, "all-reversals"))
	if f == "json" {
		return writeSensitivityJSON(c, p, rep)
	}
	return export.WriteSensitivityTable(c.OutOrStdout(), ev, rep, l)
}

// writeSensitivityJSON adds what produced the report — profile, method, consensus — in front of
// export's keys, so a saved file says how to reproduce it.
// MERGE: drop once export's SensitivityReport carries these keys itself.
func writeSensitivityJSON(c *cobra.Command, p *model.Problem, rep export.SensitivityReport) error {
	b, err := json.Marshal(rep)
	if err != nil {
		return err
	}
	var rest map[string]json.RawMessage
	if err := json.Unmarshal(b, &rest); err != nil {
		return err
	}
	out := orderedJSON{{"evaluation", p.Eval.Name}, {"profile", p.Profile}, {"method", p.Method.Name()}, {"consensus", string(p.Rule)}}
	for _, k := range []string{"leader", "summary", "break_even", "reversals", "tornado", "score_robustness", "smaa"} {
		if v, ok := rest[k]; ok {
			out = append(out, kv{k, v})
			delete(rest, k)
		}
	}
	for k, v := range rest {
		out = append(out, kv{k, v})
	}
	return writeJSON(c.OutOrStdout(), out)
}

// signalContext is the context SMAA runs under; tests replace it to simulate Ctrl+C.
var signalContext = func(parent context.Context) (context.Context, context.CancelFunc) {
	if parent == nil {
		parent = context.Background()
	}
	return context.WithCancel(parent)
}
