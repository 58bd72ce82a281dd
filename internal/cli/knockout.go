package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"ccselect/model"
	"ccselect/storage"
)

func newKnockoutCmd() *cobra.Command {
	c := &cobra.Command{
		Use:     "knockout",
		Aliases: []string{"ko"},
		Short:   "Add, list or remove knock-out rules",
		Long: `Knock-out rules are pass/fail gates checked on the consensus value before ranking:
a vendor failing one is excluded. A rule is "CRITERION OP THRESHOLD" with OP one of
>= <= > < = (≥ ≤ too); a threshold like 1*P is a multiple of a parameter. --profile
limits a rule to one weight profile.`,
		Example: `  ccselect knockout add 'track_record >= 99.9' --eval W
  ccselect knockout add 'concurrent_channels >= 1*P' --profile finance
  ccselect knockout list
  ccselect knockout rm 'track_record >= 99.9'`,
		Args: noArgs,
	}
	add := &cobra.Command{
		Use:     "add RULE",
		Short:   "Add a knock-out rule",
		Long:    `Add a knock-out rule "CRITERION OP THRESHOLD", e.g. 'track_record >= 99.9'.`,
		Example: "  ccselect knockout add 'track_record >= 99.9' --eval W\n  ccselect knockout add 'concurrent_channels >= 1*P' --profile finance",
		Args:    exactArgs(1, `the RULE, e.g. 'track_record >= 99.9'`),
		RunE: func(c *cobra.Command, args []string) error {
			return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
				k, err := parseKnockout(ev, args[0], str(c, "profile"))
				if err != nil {
					return err
				}
				for _, o := range ev.KnockOuts {
					if o == k {
						return fmt.Errorf("the rule %s is already there", knockoutText(k))
					}
				}
				kos := append(append([]model.KnockOut{}, ev.KnockOuts...), k)
				if err := st.SaveKnockOuts(ev.ID, kos, actor(c)); err != nil {
					return err
				}
				return done(c, "added knock-out "+knockoutText(k), orderedJSON{{"knockout", k}})
			})
		},
	}
	list := &cobra.Command{
		Use:     "list",
		Short:   "List the knock-out rules",
		Long:    "List the knock-out rules, with the profile each is limited to.",
		Example: "  ccselect knockout list --eval W\n  ccselect knockout list --format json",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return showEval(c, func(ev *model.Evaluation, f string) error {
				kos := ev.KnockOuts
				if kos == nil {
					kos = []model.KnockOut{}
				}
				if f == "json" {
					return writeJSON(c.OutOrStdout(), kos)
				}
				if len(kos) == 0 {
					fmt.Fprintln(c.OutOrStdout(), "no knock-out rules")
				}
				for i, k := range kos {
					fmt.Fprintf(c.OutOrStdout(), "%d  %s\n", i+1, knockoutText(k))
				}
				return nil
			})
		},
	}
	addFormat(list, "table", "json")
	rm := &cobra.Command{
		Use:     "rm RULE|NUMBER",
		Aliases: []string{"remove", "delete"},
		Short:   "Remove a knock-out rule",
		Long:    "Remove a knock-out rule, given as written or by its number in knockout list.",
		Example: "  ccselect knockout rm 'track_record >= 99.9'\n  ccselect knockout rm 2",
		Args:    exactArgs(1, "the RULE or its NUMBER"),
		RunE: func(c *cobra.Command, args []string) error {
			return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
				at := -1
				if n, err := strconv.Atoi(strings.TrimSpace(args[0])); err == nil {
					if n < 1 || n > len(ev.KnockOuts) {
						return fmt.Errorf("there is no knock-out rule %d (the evaluation has %d; ccselect knockout list)", n, len(ev.KnockOuts))
					}
					at = n - 1
				} else {
					k, err := parseKnockout(ev, args[0], str(c, "profile"))
					if err != nil {
						return err
					}
					for i, o := range ev.KnockOuts {
						if o == k {
							at = i
						}
					}
					if at < 0 {
						return fmt.Errorf("no knock-out rule %s (ccselect knockout list shows them)", knockoutText(k))
					}
				}
				k := ev.KnockOuts[at]
				kos := append(append([]model.KnockOut{}, ev.KnockOuts[:at]...), ev.KnockOuts[at+1:]...)
				if err := st.SaveKnockOuts(ev.ID, kos, actor(c)); err != nil {
					return err
				}
				return done(c, "removed knock-out "+knockoutText(k), orderedJSON{{"knockout", k}, {"removed", true}})
			})
		},
	}
	for _, s := range []*cobra.Command{add, list, rm} {
		addEval(s)
		if s != list {
			addAs(s)
			addFormat(s, "text", "json")
			s.Flags().StringP("profile", "p", "", "limit the rule to this weight profile")
			_ = s.RegisterFlagCompletionFunc("profile", completeProfiles)
		}
	}
	c.AddCommand(add, list, rm)
	return c
}

// parseKnockout reads "criterion op threshold[*PARAM]" (spaces optional around the operator).
func parseKnockout(ev *model.Evaluation, s, profile string) (model.KnockOut, error) {
	s = strings.TrimSpace(s)
	var k model.KnockOut
	i := strings.IndexAny(s, "<>=≥≤")
	if i <= 0 {
		return k, usagef("knock-out %q: write CRITERION OP THRESHOLD, e.g. 'track_record >= 99.9'", s)
	}
	j := i + 1
	for _, tok := range []string{">=", "<=", "==", "≥", "≤"} {
		if strings.HasPrefix(s[i:], tok) {
			j = i + len(tok)
			break
		}
	}
	op, err := model.ParseOp(s[i:j])
	if err != nil {
		return k, asUsage(err)
	}
	cr, err := resolveCriterion(ev, strings.TrimSpace(s[:i]))
	if err != nil {
		return k, err
	}
	rest := strings.ReplaceAll(strings.TrimSpace(s[j:]), "×", "*")
	num, param, _ := strings.Cut(rest, "*")
	num, param = strings.TrimSpace(num), strings.TrimSpace(param)
	if param == "" && num != "" && strings.ContainsAny(num[len(num)-1:], "Pp") {
		num, param = strings.TrimSpace(num[:len(num)-1]), "P"
	}
	t, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return k, usagef("knock-out %q: the threshold %q is not a number", s, num)
	}
	k = model.KnockOut{Criterion: cr.ID, Op: op, Threshold: t}
	if param != "" {
		k.Param = paramName(param)
	}
	if profile != "" {
		if _, err := ev.Profile(profile); err != nil {
			return k, err
		}
		k.Profile = profile
	}
	return k, nil
}

// knockoutText writes a rule the way knockout add reads it.
func knockoutText(k model.KnockOut) string {
	t := strconv.FormatFloat(k.Threshold, 'f', -1, 64)
	if k.Param != "" {
		t += "*" + k.Param
	}
	s := fmt.Sprintf("%s %s %s", k.Criterion, k.Op, t)
	if k.Profile != "" {
		s += " (profile " + k.Profile + ")"
	}
	return s
}
