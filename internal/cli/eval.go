package cli

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"ccselect/internal/ops"
	"ccselect/internal/termtext"
	"ccselect/model"
	"ccselect/storage"
)

func newEvalCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "eval",
		Short: "Show, rename, duplicate or delete an evaluation",
		Long: `Work on whole evaluations: list them, show one (framework, parameters, profiles,
knock-outs, reviewers' progress), rename, duplicate or delete one.`,
		Example: `  ccselect eval list
  ccselect eval show --eval "Bank 2026"
  ccselect eval rename --eval "Bank 2026" "Bank 2026 final"
  ccselect eval duplicate --eval "Bank 2026" "Bank 2026 what-if"
  ccselect eval delete --eval "Bank 2026 what-if" --yes`,
		Args: noArgs,
	}
	list := newListCmd()
	list.Example = "  ccselect eval list\n  ccselect eval list --format json"
	show := &cobra.Command{
		Use:   "show",
		Short: "Show an evaluation's framework, parameters, profiles, knock-outs and progress",
		Long: `Show an evaluation: its criteria (id, kind, unit) by dimension, the parameters,
the weight profiles (the active one marked), the knock-out rules, the vendors, and
how many cells each reviewer has scored.`,
		Example: "  ccselect eval show --eval W\n  ccselect eval show --eval W --format json",
		Args:    noArgs,
		RunE:    runEvalShow,
	}
	addEval(show)
	addFormat(show, "table", "json")
	rename := &cobra.Command{
		Use:     "rename NEW-NAME",
		Short:   "Rename an evaluation",
		Long:    "Rename an evaluation. Names are unique in a database and may not be another evaluation's id.",
		Example: `  ccselect eval rename --eval W "Workshop 2026"`,
		Args:    exactArgs(1, "the new name"),
		RunE: func(c *cobra.Command, args []string) error {
			return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
				name, err := ops.CheckEvalName(st, args[0], ev.ID)
				if err != nil {
					return err
				}
				if err := st.Rename(ev.ID, name, actor(c)); err != nil {
					return err
				}
				return done(c, fmt.Sprintf("renamed evaluation %d %q to %q", ev.ID, ev.Name, name), orderedJSON{{"id", ev.ID}, {"name", name}})
			})
		},
	}
	addEval(rename)
	addAs(rename)
	dup := &cobra.Command{
		Use:     "duplicate [NEW-NAME]",
		Short:   "Copy an evaluation under a new name",
		Long:    `Copy an evaluation — framework, vendors, reviewers, scores, profiles, knock-outs, not its history — under a new name (default "<name> (copy)").`,
		Example: `  ccselect eval duplicate --eval W "W what-if"`,
		Args:    cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
				name := ev.Name + " (copy)"
				if len(args) == 1 {
					name = args[0]
				}
				name, err := ops.CheckEvalName(st, name, 0)
				if err != nil {
					return err
				}
				id, err := st.Duplicate(ev.ID, name, actor(c))
				if err != nil {
					return err
				}
				return done(c, fmt.Sprintf("duplicated evaluation %d %q as %d %q", ev.ID, ev.Name, id, name), orderedJSON{{"id", id}, {"name", name}})
			})
		},
	}
	addEval(dup)
	addAs(dup)
	del := &cobra.Command{
		Use:   "delete",
		Short: "Delete an evaluation",
		Long: `Delete an evaluation and everything in it. It asks first unless --yes is given; the
audit log keeps a copy of what was deleted.`,
		Example: "  ccselect eval delete --eval \"W what-if\"\n  ccselect eval delete --eval 3 --yes",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if str(c, "eval") == "" {
				return usagef("--eval is required: say which evaluation to delete")
			}
			return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
				if !boolFlag(c, "yes") {
					fmt.Fprintf(c.ErrOrStderr(), "Delete evaluation %d %q with its %s and %s? [y/N] ", ev.ID, ev.Name,
						count(len(ev.Vendors), "vendor", "vendors"), count(len(ev.Scores), "score", "scores"))
					if !confirmed(c.InOrStdin()) {
						return fmt.Errorf("not deleted (answer y, or pass --yes)")
					}
				}
				if err := st.Delete(ev.ID, actor(c)); err != nil {
					return err
				}
				return done(c, fmt.Sprintf("deleted evaluation %d %q", ev.ID, ev.Name), orderedJSON{{"id", ev.ID}, {"deleted", true}})
			})
		},
	}
	addEval(del)
	addAs(del)
	del.Flags().BoolP("yes", "y", false, "do not ask for confirmation")
	for _, s := range []*cobra.Command{rename, dup, del} {
		addFormat(s, "text", "json")
	}
	c.AddCommand(list, show, rename, dup, del)
	return c
}

// confirmed reads one answer line: y or yes (any case) confirms.
func confirmed(r io.Reader) bool {
	line, _ := bufio.NewReader(r).ReadString('\n')
	a := strings.ToLower(strings.TrimSpace(line))
	return a == "y" || a == "yes" || a == "是"
}

// done prints the outcome of a write: a sentence, or with --format json an object.
func done(c *cobra.Command, text string, obj orderedJSON) error {
	if c.Flags().Lookup("format") != nil && str(c, "format") == "json" {
		return writeJSON(c.OutOrStdout(), obj)
	}
	_, err := fmt.Fprintln(c.OutOrStdout(), text)
	return err
}

// evalView is the JSON of eval show.
type evalView struct {
	ID            int64              `json:"id"`
	Name          string             `json:"name"`
	Client        string             `json:"client"`
	Industry      string             `json:"industry"`
	Framework     frameworkView      `json:"framework"`
	Parameters    map[string]float64 `json:"parameters"`
	Profiles      []profileView      `json:"profiles"`
	ActiveProfile string             `json:"active_profile"`
	KnockOuts     []model.KnockOut   `json:"knockouts"`
	Vendors       []model.Vendor     `json:"vendors"`
	Reviewers     []reviewerView     `json:"reviewers"`
}

type frameworkView struct {
	Dimensions []model.Dimension `json:"dimensions"`
	Criteria   []criterionView   `json:"criteria"`
}

type criterionView struct {
	ID        string          `json:"id"`
	Dimension string          `json:"dimension"`
	Name      model.Text      `json:"name"`
	Kind      model.Kind      `json:"kind"`
	Unit      string          `json:"unit,omitempty"`
	Direction model.Direction `json:"direction,omitempty"`
}

type profileView struct {
	Name       string             `json:"name"`
	Active     bool               `json:"active"`
	Dimensions map[string]float64 `json:"dimensions"`
}

type reviewerView struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Scored int    `json:"scored"`
	Cells  int    `json:"cells"` // vendors × criteria
}

func viewOf(ev *model.Evaluation) evalView {
	v := evalView{ID: ev.ID, Name: ev.Name, Client: ev.Client, Industry: ev.Industry, Parameters: ev.Params,
		ActiveProfile: ev.ActiveProfile, KnockOuts: ev.KnockOuts, Vendors: ev.Vendors,
		Framework: frameworkView{Dimensions: ev.Framework.Dimensions, Criteria: []criterionView{}},
		Profiles:  []profileView{}, Reviewers: []reviewerView{}}
	if v.Parameters == nil {
		v.Parameters = map[string]float64{}
	}
	if v.KnockOuts == nil {
		v.KnockOuts = []model.KnockOut{}
	}
	if v.Vendors == nil {
		v.Vendors = []model.Vendor{}
	}
	if v.Framework.Dimensions == nil {
		v.Framework.Dimensions = []model.Dimension{}
	}
	for _, c := range ev.Framework.Criteria {
		v.Framework.Criteria = append(v.Framework.Criteria, criterionView{c.ID, c.Dimension, c.Name, c.Kind, c.Unit, c.Direction})
	}
	active, _ := ev.Active()
	for _, p := range ev.Profiles {
		v.Profiles = append(v.Profiles, profileView{p.Name, active != nil && active.Name == p.Name, p.Dimensions})
	}
	scored := map[string]int{}
	for _, s := range ev.Scores {
		scored[s.Reviewer]++
	}
	for _, r := range ev.Reviewers {
		v.Reviewers = append(v.Reviewers, reviewerView{r.ID, r.Name, scored[r.ID], len(ev.Vendors) * len(ev.Framework.Criteria)})
	}
	return v
}

func runEvalShow(c *cobra.Command, _ []string) error {
	return showEval(c, func(ev *model.Evaluation, f string) error {
		v := viewOf(ev)
		out := c.OutOrStdout()
		if f == "json" {
			return writeJSON(out, v)
		}
		l := lang(c)
		w := &strings.Builder{}
		fmt.Fprintf(w, "Evaluation %d %q", v.ID, termtext.Clean(v.Name))
		if v.Client != "" {
			fmt.Fprintf(w, " · client %s", termtext.Clean(v.Client))
		}
		if v.Industry != "" {
			fmt.Fprintf(w, " · template %s", v.Industry)
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, "\nCriteria:")
		for _, d := range ev.Framework.Dimensions {
			fmt.Fprintf(w, "  %s (%s)\n", d.Name.In(l), d.ID)
			for _, cr := range v.Framework.Criteria {
				if cr.Dimension != d.ID {
					continue
				}
				kind := string(cr.Kind)
				if cr.Unit != "" {
					kind += ", " + cr.Unit
				}
				fmt.Fprintf(w, "    %-26s %s [%s]\n", cr.ID, cr.Name.In(l), kind)
			}
		}
		fmt.Fprintln(w, "\nParameters:")
		keys := make([]string, 0, len(v.Parameters))
		for k := range v.Parameters {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(w, "  %s = %g\n", paramLabel(k), v.Parameters[k])
		}
		if len(keys) == 0 {
			fmt.Fprintln(w, "  none")
		}
		fmt.Fprintln(w, "\nProfiles:")
		for _, p := range v.Profiles {
			mark := " "
			if p.Active {
				mark = "*"
			}
			fmt.Fprintf(w, "  %s %s\n", mark, termtext.Clean(p.Name))
		}
		fmt.Fprintln(w, "\nKnock-outs:")
		for _, k := range v.KnockOuts {
			fmt.Fprintf(w, "  %s\n", knockoutText(k))
		}
		if len(v.KnockOuts) == 0 {
			fmt.Fprintln(w, "  none")
		}
		fmt.Fprintf(w, "\nVendors (%d):\n", len(v.Vendors))
		for _, vd := range v.Vendors {
			fmt.Fprintf(w, "  %-16s %s\n", vd.ID, termtext.Clean(vd.Name.In(l)))
		}
		fmt.Fprintln(w, "\nReviewers (cells scored):")
		for _, r := range v.Reviewers {
			fmt.Fprintf(w, "  %-16s %-12s %d/%d\n", r.ID, termtext.Clean(r.Name), r.Scored, r.Cells)
		}
		if len(v.Reviewers) == 0 {
			fmt.Fprintln(w, "  none")
		}
		_, err := io.WriteString(out, w.String())
		return err
	})
}
