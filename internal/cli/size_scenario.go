package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"ccselect/model"
	"ccselect/storage"
)

// size --save ID / --delete ID: the evaluation's scenarios from the command line.

func runSizeSave(c *cobra.Command) error {
	if _, err := format(c, "table", "json"); err != nil {
		return err
	}
	save, del := strings.TrimSpace(str(c, "save")), strings.TrimSpace(str(c, "delete"))
	switch {
	case save != "" && del != "":
		return usagef("--save and --delete cannot be combined")
	case boolFlag(c, "list") || str(c, "scenario") != "" || boolFlag(c, "apply"):
		return usagef("--save and --delete cannot be combined with --list, --scenario or --apply")
	case c.Flags().Changed("traffic"):
		return usagef("a scenario is calls in an interval: use --calls and --interval, not --traffic")
	case c.Flags().Changed("agents"):
		return usagef("--agents is for the calculator; a scenario sizes its agents")
	}
	if del != "" {
		for _, n := range append(calculatorFlags, "name", "shrinkage") {
			if c.Flags().Changed(n) {
				return usagef("--delete takes no --%s", n)
			}
		}
		return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
			if err := st.DeleteScenario(ev.ID, del, actor(c)); err != nil {
				return err
			}
			return done(c, fmt.Sprintf("deleted scenario %s of %q", del, ev.Name), orderedJSON{{"scenario", del}, {"deleted", true}})
		})
	}
	if err := model.CheckName("scenario id", save); err != nil {
		return asUsage(err)
	}
	return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
		sc := model.Scenario{ID: save, Name: model.Both(save), SLTarget: 0.8, SLSeconds: 20, Blocking: model.DefaultBlocking}
		old := ev.Scenario(save)
		if old != nil {
			sc = *old
		} else {
			for _, n := range []string{"calls", "interval", "aht"} {
				if !c.Flags().Changed(n) {
					return usagef("a new scenario needs --calls, --interval and --aht (missing --%s)", n)
				}
			}
		}
		if err := scenarioFromFlags(c, &sc); err != nil {
			return err
		}
		if err := model.ValidateScenario(sc); err != nil {
			return asUsage(fmt.Errorf("%s", sizingMessage(err, lang(c))))
		}
		if err := st.SaveScenario(ev.ID, sc, actor(c)); err != nil {
			return err
		}
		r, _ := model.Size(sc)
		text := fmt.Sprintf("saved scenario %s of %q: %d channels, %d agents", sc.ID, ev.Name, r.Channels, r.Agents)
		if ev.GoverningScenario == sc.ID {
			text += fmt.Sprintf("; it governs P, now %d", r.Channels)
		}
		return done(c, text, orderedJSON{{"scenario", sc}, {"result", r}, {"governing", ev.GoverningScenario == sc.ID}})
	})
}

// scenarioFromFlags overrides the inputs the command line gives.
func scenarioFromFlags(c *cobra.Command, sc *model.Scenario) error {
	var err error
	changed := c.Flags().Changed
	if changed("name") {
		n := strings.TrimSpace(str(c, "name"))
		if err := model.CheckName("scenario name", n); err != nil {
			return asUsage(err)
		}
		sc.Name = model.Both(n)
	}
	if changed("calls") {
		if sc.Calls, err = parseNumber("--calls", str(c, "calls")); err != nil {
			return err
		}
	}
	if changed("interval") {
		if sc.IntervalS, err = parseDuration("--interval", str(c, "interval")); err != nil {
			return err
		}
	}
	if changed("aht") {
		if sc.TalkHoldS, err = parseDuration("--aht", str(c, "aht")); err != nil {
			return err
		}
	}
	if changed("acw") {
		if sc.ACWS, err = parseDuration("--acw", str(c, "acw")); err != nil {
			return err
		}
	}
	if changed("sl") {
		if sc.SLTarget, sc.SLSeconds, err = parseSL(str(c, "sl")); err != nil {
			return err
		}
	}
	if changed("blocking") {
		if sc.Blocking, err = parseFraction("--blocking", str(c, "blocking")); err != nil {
			return err
		}
	}
	if changed("shrinkage") {
		v := strings.TrimSpace(str(c, "shrinkage"))
		if v == "0" || v == "0%" {
			sc.Shrinkage = 0
		} else if sc.Shrinkage, err = parseFraction("--shrinkage", v); err != nil {
			return err
		}
	}
	return nil
}
