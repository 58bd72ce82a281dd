package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"ccselect/export"
	"ccselect/model"
	"ccselect/storage"
)

func newProfileCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "profile",
		Short: "List, activate, rename or remove weight profiles",
		Long: `Weight profiles are named sets of weights (the industry presets, or your own). The
active profile is the one report, whatif and the workbench rank with by default.`,
		Example: `  ccselect profile list --eval W
  ccselect profile use finance --eval W
  ccselect profile rename finance bank-2026 --eval W
  ccselect profile rm old --eval W --yes`,
		Args: noArgs,
	}
	list := &cobra.Command{
		Use:     "list",
		Short:   "List the weight profiles",
		Long:    "List the weight profiles: which is active, which has an unsaved draft from the workbench, and how their dimension weights were obtained.",
		Example: "  ccselect profile list --eval W\n  ccselect profile list --sample --format json",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			f, err := format(c, "table", "json")
			if err != nil {
				return err
			}
			ev, err := loadSource(c)
			if err != nil {
				return err
			}
			active, _ := ev.Active()
			type row struct {
				Name   string `json:"name"`
				Active bool   `json:"active"`
				Draft  bool   `json:"draft"`
				Method string `json:"method"`
			}
			rows := []row{}
			for i := range ev.Profiles {
				p := &ev.Profiles[i]
				rows = append(rows, row{Name: p.Name, Active: active != nil && active.Name == p.Name,
					Draft: ev.Draft != nil && ev.Draft.Name == p.Name, Method: string(p.ElicitationOf(model.ElicitLevelDimensions))})
			}
			if f == "json" {
				return writeJSON(c.OutOrStdout(), rows)
			}
			l := lang(c)
			t := export.TextTable{Header: []string{"", tr(l, "profile", "权重配置"), tr(l, "dimensions by", "维度权重来自"), tr(l, "draft", "草稿")}}
			for _, r := range rows {
				mark, draft := "", ""
				if r.Active {
					mark = "*"
				}
				if r.Draft {
					draft = tr(l, "unsaved draft", "有未保存的草稿")
				}
				t.Add(mark, r.Name, r.Method, draft)
			}
			return t.Write(c.OutOrStdout())
		},
	}
	addSource(list)
	addFormat(list, "table", "json")

	use := &cobra.Command{
		Use:               "use NAME",
		Short:             "Make a profile the active one",
		Long:              "Make a weight profile the active one: report, whatif and the workbench rank with it by default.",
		Example:           "  ccselect profile use finance --eval W",
		Args:              exactArgs(1, "the profile NAME"),
		ValidArgsFunction: completeProfiles,
		RunE: func(c *cobra.Command, args []string) error {
			return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
				if _, err := ev.Profile(args[0]); err != nil {
					return err
				}
				if err := st.SetActiveProfile(ev.ID, args[0], actor(c)); err != nil {
					return err
				}
				return done(c, fmt.Sprintf("active profile of %q: %s", ev.Name, args[0]), orderedJSON{{"active_profile", args[0]}})
			})
		},
	}
	rename := &cobra.Command{
		Use:               "rename OLD NEW",
		Short:             "Rename a profile",
		Long:              "Rename a weight profile. The active mark, the knock-out rules limited to it and a workbench draft started from it follow the new name.",
		Example:           "  ccselect profile rename finance bank-2026 --eval W",
		Args:              exactArgs(2, "OLD and NEW names"),
		ValidArgsFunction: completeProfiles,
		RunE: func(c *cobra.Command, args []string) error {
			return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
				if err := st.RenameProfile(ev.ID, args[0], args[1], actor(c)); err != nil {
					return err
				}
				return done(c, fmt.Sprintf("renamed profile %s to %s", args[0], args[1]), orderedJSON{{"from", args[0]}, {"to", args[1]}})
			})
		},
	}
	rm := &cobra.Command{
		Use:               "rm NAME",
		Aliases:           []string{"remove", "delete"},
		Short:             "Remove a profile",
		Long:              "Remove a weight profile and the knock-out rules limited to it (asks first unless --yes). The active profile and the only profile cannot be removed.",
		Example:           "  ccselect profile rm old --eval W\n  ccselect profile rm old --eval W --yes",
		Args:              exactArgs(1, "the profile NAME"),
		ValidArgsFunction: completeProfiles,
		RunE: func(c *cobra.Command, args []string) error {
			return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
				if _, err := ev.Profile(args[0]); err != nil {
					return err
				}
				if !boolFlag(c, "yes") {
					fmt.Fprintf(c.ErrOrStderr(), "Remove weight profile %q of %q? [y/N] ", args[0], ev.Name)
					if !confirmed(c.InOrStdin()) {
						return fmt.Errorf("not removed (answer y, or pass --yes)")
					}
				}
				if err := st.DeleteProfile(ev.ID, args[0], actor(c)); err != nil {
					return err
				}
				return done(c, fmt.Sprintf("removed profile %s", args[0]), orderedJSON{{"profile", args[0]}, {"removed", true}})
			})
		},
	}
	rm.Flags().BoolP("yes", "y", false, "do not ask for confirmation")
	for _, s := range []*cobra.Command{use, rename, rm} {
		addEval(s)
		addAs(s)
		addFormat(s, "text", "json")
	}
	c.AddCommand(list, use, rename, rm)
	return c
}
