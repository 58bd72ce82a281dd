package cli

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"ccselect/model"
	"ccselect/storage"
)

// paramAliases maps the words people type to stored parameter names.
var paramAliases = map[string]string{"peak": model.ParamPeak, "p": model.ParamPeak}

func paramName(s string) string {
	if n, ok := paramAliases[strings.ToLower(strings.TrimSpace(s))]; ok {
		return n
	}
	return strings.TrimSpace(s)
}

// paramLabel is how a stored parameter is shown.
func paramLabel(name string) string {
	if name == model.ParamPeak {
		return "peak (P, required peak concurrent channels)"
	}
	return name
}

func newParamCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "param",
		Short: "Set or list the evaluation's parameters",
		Long: `Parameters the criteria refer to. peak (P) is the required peak of concurrent
channels: the channels criterion and its knock-out are measured against it.`,
		Example: "  ccselect param set peak 2000 --eval W\n  ccselect param list --eval W",
		Args:    noArgs,
	}
	set := &cobra.Command{
		Use:               "set NAME VALUE",
		Short:             "Set a parameter",
		Long:              "Set a parameter (peak is a positive whole number of channels; others a positive number).",
		Example:           "  ccselect param set peak 2000 --eval W",
		Args:              exactArgs(2, "NAME and VALUE"),
		ValidArgsFunction: cobra.FixedCompletions([]string{"peak"}, cobra.ShellCompDirectiveNoFileComp),
		RunE: func(c *cobra.Command, args []string) error {
			name := paramName(args[0])
			var v float64
			var err error
			if name == model.ParamPeak {
				if v, err = parsePeak(args[1]); err != nil {
					return usagef("peak must be a positive whole number of channels, got %q", args[1])
				}
			} else if v, err = strconv.ParseFloat(args[1], 64); err != nil || !(v > 0) || v > 1e15 {
				return usagef("parameter %s must be a positive number, got %q", name, args[1])
			}
			return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
				if _, ok := ev.Params[name]; !ok && name != model.ParamPeak {
					known := make([]string, 0, len(ev.Params))
					for k := range ev.Params {
						known = append(known, k)
					}
					sort.Strings(known)
					return usagef("unknown parameter %q (parameters: peak%s)", args[0], otherParams(known))
				}
				if err := st.SetParam(ev.ID, name, v, actor(c)); err != nil {
					return err
				}
				return done(c, fmt.Sprintf("%s = %g in %q", args[0], v, ev.Name), orderedJSON{{"name", name}, {"value", v}})
			})
		},
	}
	list := &cobra.Command{
		Use:     "list",
		Short:   "List the parameters",
		Long:    "List the evaluation's parameters and their values.",
		Example: "  ccselect param list --eval W --format json",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return showEval(c, func(ev *model.Evaluation, f string) error {
				p := ev.Params
				if p == nil {
					p = map[string]float64{}
				}
				if f == "json" {
					return writeJSON(c.OutOrStdout(), p)
				}
				keys := make([]string, 0, len(p))
				for k := range p {
					keys = append(keys, k)
				}
				sort.Strings(keys)
				for _, k := range keys {
					fmt.Fprintf(c.OutOrStdout(), "%s = %g\n", paramLabel(k), p[k])
				}
				return nil
			})
		},
	}
	addFormat(list, "table", "json")
	for _, s := range []*cobra.Command{set, list} {
		addEval(s)
	}
	addAs(set)
	addFormat(set, "text", "json")
	c.AddCommand(set, list)
	return c
}

func otherParams(names []string) string {
	var out []string
	for _, n := range names {
		if n != model.ParamPeak {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return ""
	}
	return ", " + strings.Join(out, ", ")
}
