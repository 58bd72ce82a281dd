package cli

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"ccselect/model"
)

func newWhatIfCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "whatif --vendor V",
		Short: "The smallest weight shift that makes a vendor win",
		Long: `What would it take for a vendor to (at least) tie for first? The answer is the
smallest total shift of weight — the weight moved from some items to others, as a
fraction of the total — solved exactly as a linear programme under the weighted sum:
the level still sums to 1, no weight goes negative, locked weights stay, and the
vendor's total reaches every other ranked vendor's. "impossible (dominated)" means
no weights at all can do it.

--level dimensions (the default) moves dimension weights and keeps each dimension's
local weights; --level criteria moves the criteria's global weights. Criteria at zero
weight and the criteria of a locked dimension do not move.`,
		Example: `  ccselect whatif --vendor panshi --sample
  ccselect whatif --vendor panshi --sample --level criteria --format json
  ccselect whatif --vendor 磐石信联 --eval W --profile finance`,
		Args: noArgs,
		RunE: runWhatIf,
	}
	addSource(c)
	addProfileFlag(c, "weight profile (default: the evaluation's active one)")
	c.Flags().String("vendor", "", "the vendor (id or name) that should win (required)")
	c.Flags().String("level", "dimensions", "dimensions or criteria: which weights may move")
	addFormat(c, "table", "json")
	return c
}

// whatIfView is the JSON of whatif. Weights are the level's new weights by id (the current
// ones when impossible).
type whatIfView struct {
	Vendor       string             `json:"vendor"`
	Possible     bool               `json:"possible"`
	Shift        float64            `json:"shift"`
	Weights      map[string]float64 `json:"weights"`
	LeaderBefore string             `json:"leader_before"`
	AlreadyLeads bool               `json:"already_leads"`
	KnockedOut   bool               `json:"knocked_out"`
	Level        string             `json:"level"`
	Deltas       []whatIfDelta      `json:"deltas"`
}

type whatIfDelta struct {
	ID    string  `json:"id"`
	Delta float64 `json:"delta"`
}

func runWhatIf(c *cobra.Command, _ []string) error {
	f, err := format(c, "table", "json")
	if err != nil {
		return err
	}
	level := str(c, "level")
	var lv model.SMAALevel
	switch level {
	case "dimensions":
		lv = model.LevelDimensions
	case "criteria":
		lv = model.LevelCriteria
	default:
		return usagef("--level must be dimensions or criteria, got %q", level)
	}
	if strings.TrimSpace(str(c, "vendor")) == "" {
		return usagef("--vendor is required: which vendor should win?")
	}
	ev, p, err := compile(c, model.ConsensusMean, model.WSM{})
	if err != nil {
		return err
	}
	vid, err := resolveVendor(ev, str(c, "vendor"))
	if err != nil {
		return err
	}
	prof, err := pickProfile(ev, str(c, "profile"))
	if err != nil {
		return err
	}
	fw := &ev.Framework
	ids := make([]string, 0, len(fw.Criteria))
	var locked []bool
	if lv == model.LevelDimensions {
		for _, d := range fw.Dimensions {
			ids = append(ids, d.ID)
			locked = append(locked, prof.IsLocked(d.ID))
		}
	} else {
		for _, cr := range fw.Criteria {
			ids = append(ids, cr.ID)
			// A locked dimension fixes a sum of criteria; locking each is the safe reading.
			locked = append(locked, prof.IsLocked(cr.ID) || prof.IsLocked(cr.Dimension))
		}
	}
	r, err := model.WhatIfProblem(p, ev.VendorIndex(vid), lv, locked)
	if err != nil {
		return err
	}
	v := whatIfView{Vendor: vid, Possible: r.Possible, Shift: r.Shift, Weights: map[string]float64{},
		AlreadyLeads: r.AlreadyLeads, KnockedOut: r.KnockedOut, Level: level, Deltas: []whatIfDelta{}}
	if r.LeaderBefore >= 0 {
		v.LeaderBefore = ev.Vendors[r.LeaderBefore].ID
	}
	for i, w := range r.Weights {
		v.Weights[ids[i]] = w
	}
	for _, d := range r.Deltas {
		v.Deltas = append(v.Deltas, whatIfDelta{ID: ids[d.Item], Delta: d.Delta})
	}
	if f == "json" {
		return writeJSON(c.OutOrStdout(), v)
	}
	_, err = fmt.Fprintln(c.OutOrStdout(), whatIfSentence(ev, v, lv, lang(c)))
	return err
}

// whatIfSentence is the table form: "move 6.3 points: data security +6.3, feature fit −4.1".
func whatIfSentence(ev *model.Evaluation, v whatIfView, lv model.SMAALevel, l model.Lang) string {
	name := func(id string) string {
		if lv == model.LevelDimensions {
			if i := ev.Framework.DimensionIndex(id); i >= 0 {
				return ev.Framework.Dimensions[i].Name.In(l)
			}
		} else if cr, ok := ev.Framework.Criterion(id); ok {
			return cr.Name.In(l)
		}
		return id
	}
	switch {
	case v.KnockedOut:
		return fmt.Sprintf("impossible: %s fails a knock-out rule, and no weights change that", v.Vendor)
	case !v.Possible:
		return fmt.Sprintf("impossible (dominated): no weights at the %s level put %s first", v.Level, v.Vendor)
	case v.AlreadyLeads:
		return fmt.Sprintf("%s already leads: nothing to move", v.Vendor)
	}
	parts := make([]string, 0, len(v.Deltas))
	deltas := slices.Clone(v.Deltas)
	// Gains first, then losses, each largest first: "data security +6.3, feature fit −4.1".
	slices.SortStableFunc(deltas, func(a, b whatIfDelta) int {
		if (a.Delta > 0) != (b.Delta > 0) {
			if a.Delta > 0 {
				return -1
			}
			return 1
		}
		return cmp.Compare(math.Abs(b.Delta), math.Abs(a.Delta))
	})
	for _, d := range deltas {
		sign := "+"
		if d.Delta < 0 {
			sign = "−"
		}
		parts = append(parts, fmt.Sprintf("%s %s%.1f", name(d.ID), sign, math.Abs(d.Delta)*100))
	}
	return fmt.Sprintf("move %.1f points: %s (then %s at least ties for first; leader now %s)", v.Shift*100, strings.Join(parts, ", "), v.Vendor, orNobody(v.LeaderBefore))
}
