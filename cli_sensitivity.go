package main

import (
	"context"
	"errors"
	"io"
	"os/signal"

	"ccselect/export"
	"ccselect/model"
)

// cmdSensitivity prints break-even weights, rank reversals, the tornado, score robustness and
// an SMAA-2 run (skipped with --samples 0).
func cmdSensitivity(args []string, out io.Writer) error {
	fs := newFlags("sensitivity")
	pf := addProblemFlags(fs)
	samples := fs.Int("samples", model.DefaultSMAASamples, "SMAA samples (0 skips SMAA)")
	seed := fs.Uint64("seed", 1, "SMAA random seed (same seed, same numbers)")
	level := fs.String("level", "dimensions", "SMAA weights drawn for: dimensions or criteria")
	weights := fs.String("weights", "uniform", "SMAA weight distribution: uniform, ordinal or around:PCT")
	uncertainty := fs.String("uncertainty", "none", "SMAA score uncertainty: none or reviewers")
	format := fs.String("format", "table", "table or json")
	lang := langFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	l, err := resolveLang(*lang)
	if err != nil {
		return err
	}
	if *format != "table" && *format != "json" {
		return usagef("--format must be table or json, got %q", *format)
	}
	if *samples < 0 {
		return usagef("--samples must be 0 or more, got %d", *samples)
	}
	opt := model.SMAAOptions{Samples: *samples, Seed: *seed}
	if opt.Level, err = model.ParseSMAALevel(*level); err != nil {
		return asUsage(err)
	}
	if opt.Weights, opt.AroundPct, err = model.ParseSMAAWeights(*weights); err != nil {
		return asUsage(err)
	}
	if opt.Uncertainty, err = model.ParseSMAAUncertainty(*uncertainty); err != nil {
		return asUsage(err)
	}
	rule, err := pf.rule()
	if err != nil {
		return err
	}
	ev, p, err := pf.compile(rule, model.WSM{})
	if err != nil {
		return err
	}
	var smaa *model.SMAAResult
	if *samples > 0 {
		ctx, stop := signalContext()
		defer stop()
		if smaa, err = model.RunSMAA(ctx, p, opt); err != nil {
			if errors.Is(err, context.Canceled) {
				return errors.New("SMAA interrupted; nothing printed (fewer --samples run faster, --samples 0 skips SMAA)")
			}
			return err
		}
	}
	rep := export.BuildSensitivityReport(p, smaa)
	if *format == "json" {
		return export.WriteSensitivityJSON(out, rep)
	}
	return export.WriteSensitivityTable(out, ev, rep, l)
}

// signalContext is cancelled by Ctrl+C, SIGTERM or SIGHUP; tests replace it.
var signalContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), stopSignals...)
}
