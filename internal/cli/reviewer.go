package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"ccselect/export"
	"ccselect/internal/ops"
	"ccselect/internal/termtext"
	"ccselect/model"
	"ccselect/storage"
)

func newReviewerCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "reviewer",
		Short: "Add, list, rename or remove the reviewers",
		Long:  "The people who score independently. Their scores combine by --consensus (mean or median) in report and sensitivity.",
		Example: `  ccselect reviewer add 王敏 --id wm --eval W
  ccselect reviewer list --eval W
  ccselect reviewer rename wm "Wang Min"
  ccselect reviewer rm wm`,
		Args: noArgs,
	}
	add := &cobra.Command{
		Use:     "add NAME",
		Short:   "Add a reviewer",
		Long:    "Add a reviewer. Without --id the id is derived from the name (a Chinese name gives reviewer-N).",
		Example: "  ccselect reviewer add 王敏 --id wm --eval W",
		Args:    exactArgs(1, "the reviewer's NAME"),
		RunE: func(c *cobra.Command, args []string) error {
			name, err := ops.CheckName("reviewer", args[0])
			if err != nil {
				return asUsage(err)
			}
			id := strings.TrimSpace(str(c, "id"))
			if id != "" {
				if err := checkID("reviewer", id); err != nil {
					return err
				}
			}
			return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
				if id == "" {
					id = model.NewID(name, "reviewer", func(s string) bool { return ev.ReviewerIndex(s) >= 0 })
				} else if ev.ReviewerIndex(id) >= 0 {
					return fmt.Errorf("reviewer %s already exists in %q (ccselect reviewer rename changes the name)", id, ev.Name)
				}
				if err := st.SaveReviewer(ev.ID, model.Reviewer{ID: id, Name: name}, actor(c)); err != nil {
					return err
				}
				return done(c, fmt.Sprintf("added reviewer %s %q to %q", id, name, ev.Name), orderedJSON{{"id", id}, {"name", name}})
			})
		},
	}
	add.Flags().String("id", "", "reviewer id (default: derived from the name)")
	list := &cobra.Command{
		Use:     "list",
		Short:   "List the reviewers and how much each has scored",
		Long:    "List the reviewers with the number of cells (vendor × criterion) each has scored.",
		Example: "  ccselect reviewer list --eval W\n  ccselect reviewer list --format json",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return showEval(c, func(ev *model.Evaluation, f string) error {
				v := viewOf(ev)
				if f == "json" {
					return writeJSON(c.OutOrStdout(), v.Reviewers)
				}
				t := export.TextTable{Header: []string{"id", "name", "scored"}, Right: map[int]bool{2: true}}
				for _, r := range v.Reviewers {
					t.Add(r.ID, termtext.Clean(r.Name), fmt.Sprintf("%d/%d", r.Scored, r.Cells))
				}
				return t.Write(c.OutOrStdout())
			})
		},
	}
	addFormat(list, "table", "json")
	rename := &cobra.Command{
		Use:               "rename REVIEWER NEW-NAME",
		Short:             "Rename a reviewer",
		Long:              "Rename a reviewer; the id and the scores stay.",
		Example:           `  ccselect reviewer rename wm "Wang Min"`,
		Args:              exactArgs(2, "REVIEWER and NEW-NAME"),
		ValidArgsFunction: completeReviewerArg,
		RunE: func(c *cobra.Command, args []string) error {
			name, err := ops.CheckName("reviewer", args[1])
			if err != nil {
				return asUsage(err)
			}
			return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
				id, err := resolveReviewer(ev, args[0])
				if err != nil {
					return err
				}
				if err := st.SaveReviewer(ev.ID, model.Reviewer{ID: id, Name: name}, actor(c)); err != nil {
					return err
				}
				return done(c, fmt.Sprintf("renamed reviewer %s to %q", id, name), orderedJSON{{"id", id}, {"name", name}})
			})
		},
	}
	rm := &cobra.Command{
		Use:               "rm REVIEWER",
		Aliases:           []string{"remove", "delete"},
		Short:             "Remove a reviewer and their scores",
		Long:              "Remove a reviewer and every score they gave (undo in the workbench brings both back).",
		Example:           "  ccselect reviewer rm wm --eval W",
		Args:              exactArgs(1, "REVIEWER"),
		ValidArgsFunction: completeReviewerArg,
		RunE: func(c *cobra.Command, args []string) error {
			return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
				id, err := resolveReviewer(ev, args[0])
				if err != nil {
					return err
				}
				if err := st.DeleteReviewer(ev.ID, id, actor(c)); err != nil {
					return err
				}
				return done(c, fmt.Sprintf("removed reviewer %s from %q", id, ev.Name), orderedJSON{{"id", id}, {"removed", true}})
			})
		},
	}
	for _, s := range []*cobra.Command{add, list, rename, rm} {
		addEval(s)
		if s != list {
			addAs(s)
			addFormat(s, "text", "json")
		}
	}
	c.AddCommand(add, list, rename, rm)
	return c
}
