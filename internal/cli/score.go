package cli

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"ccselect/export"
	"ccselect/internal/termtext"
	"ccselect/model"
	"ccselect/storage"
)

func newScoreCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "score",
		Short: "Set, list or import the scores",
		Long: `The scores: one reviewer's value for one vendor on one criterion — a rating 1–5
(half points allowed) or, for a measured criterion, the raw value in its unit
(availability %, channels, minutes…), with a note and the evidence behind it.`,
		Example: `  ccselect score set --vendor yq --criterion arch_redundancy --reviewer wm 4 --note "two regions"
  ccselect score list --vendor yq
  ccselect score import scores.csv --eval W`,
		Args: noArgs,
	}
	set := &cobra.Command{
		Use:   "set VALUE",
		Short: "Set one score",
		Long: `Set one reviewer's score for one vendor on one criterion. --vendor, --criterion and
--reviewer take ids or exact names; without --reviewer, the reviewer named by --as,
or the only reviewer, is used.`,
		Example: "  ccselect score set --vendor yq --criterion arch_redundancy --reviewer wm 4\n" +
			"  ccselect score set --vendor yq --criterion track_record 99.95 --evidence \"SLA report 2025\"",
		Args: exactArgs(1, "the VALUE"),
		RunE: runScoreSet,
	}
	set.Flags().String("vendor", "", "vendor id or name")
	set.Flags().String("criterion", "", "criterion id or name")
	set.Flags().String("reviewer", "", "reviewer id or name (default: --as, or the only reviewer)")
	set.Flags().String("note", "", "why this score")
	set.Flags().String("evidence", "", "the evidence behind it (document, demo, reference call)")
	list := &cobra.Command{
		Use:     "list",
		Short:   "List scores",
		Long:    "List the scores, optionally only those of one vendor, reviewer or criterion.",
		Example: "  ccselect score list --vendor yq\n  ccselect score list --reviewer wm --format json",
		Args:    noArgs,
		RunE:    runScoreList,
	}
	list.Flags().String("vendor", "", "only this vendor")
	list.Flags().String("criterion", "", "only this criterion")
	list.Flags().String("reviewer", "", "only this reviewer")
	addFormat(list, "table", "json", "csv")
	imp := newScoreImportCmd()
	for _, s := range []*cobra.Command{set, list, imp} {
		addEval(s)
		if s != list {
			addAs(s)
			addFormat(s, "text", "json")
		}
		if s != imp {
			_ = s.RegisterFlagCompletionFunc("vendor", completeVendors)
			_ = s.RegisterFlagCompletionFunc("reviewer", completeReviewers)
			_ = s.RegisterFlagCompletionFunc("criterion", completeCriteria)
		}
	}
	c.AddCommand(set, list, imp)
	return c
}

// parseValue reads a score value as typed (a decimal comma is accepted: "99,95").
func parseValue(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(s), ",", "."), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("value %q is not a number", s)
	}
	return v, nil
}

// defaultReviewer is the reviewer of a score that names none: --as when it names a reviewer,
// else the only reviewer.
func defaultReviewer(c *cobra.Command, ev *model.Evaluation) (string, error) {
	if as := strings.TrimSpace(str(c, "as")); as != "" {
		return resolveReviewer(ev, as)
	}
	switch len(ev.Reviewers) {
	case 0:
		return "", fmt.Errorf("the evaluation %q has no reviewers yet (ccselect reviewer add NAME)", ev.Name)
	case 1:
		return ev.Reviewers[0].ID, nil
	}
	return "", usagef("say whose score this is: --reviewer (or --as) one of %s", strings.Join(reviewerIDs(ev), ", "))
}

func reviewerIDs(ev *model.Evaluation) []string {
	ids := make([]string, len(ev.Reviewers))
	for i, r := range ev.Reviewers {
		ids[i] = r.ID
	}
	return ids
}

func runScoreSet(c *cobra.Command, args []string) error {
	if str(c, "vendor") == "" || str(c, "criterion") == "" {
		return usagef("score set needs --vendor and --criterion")
	}
	value, err := parseValue(args[0])
	if err != nil {
		return asUsage(err)
	}
	note, err := checkNote(str(c, "note"))
	if err != nil {
		return err
	}
	evidence, err := checkNote(str(c, "evidence"))
	if err != nil {
		return err
	}
	return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
		v, err := resolveVendor(ev, str(c, "vendor"))
		if err != nil {
			return err
		}
		cr, err := resolveCriterion(ev, str(c, "criterion"))
		if err != nil {
			return err
		}
		r := str(c, "reviewer")
		if r != "" {
			r, err = resolveReviewer(ev, r)
		} else {
			r, err = defaultReviewer(c, ev)
		}
		if err != nil {
			return err
		}
		if err := model.CheckValue(cr, value); err != nil {
			return err
		}
		sc := model.Score{Vendor: v, Criterion: cr.ID, Reviewer: r, Value: value, Note: note, Evidence: evidence}
		if err := st.SetScore(ev.ID, sc, actor(c)); err != nil {
			return err
		}
		return done(c, fmt.Sprintf("%s / %s / %s = %g", v, cr.ID, r, value), orderedJSON{{"vendor", v}, {"criterion", cr.ID}, {"reviewer", r}, {"value", value}})
	})
}

func runScoreList(c *cobra.Command, _ []string) error {
	f, err := format(c, "table", "json", "csv")
	if err != nil {
		return err
	}
	return withEval(c, false, func(_ *storage.Store, ev *model.Evaluation) error {
		var vendor, criterion, reviewer string
		var err error
		if s := str(c, "vendor"); s != "" {
			if vendor, err = resolveVendor(ev, s); err != nil {
				return err
			}
		}
		if s := str(c, "criterion"); s != "" {
			cr, err := resolveCriterion(ev, s)
			if err != nil {
				return err
			}
			criterion = cr.ID
		}
		if s := str(c, "reviewer"); s != "" {
			if reviewer, err = resolveReviewer(ev, s); err != nil {
				return err
			}
		}
		rows := []model.Score{}
		for _, s := range ev.Scores {
			if (vendor == "" || s.Vendor == vendor) && (criterion == "" || s.Criterion == criterion) && (reviewer == "" || s.Reviewer == reviewer) {
				rows = append(rows, s)
			}
		}
		out := c.OutOrStdout()
		switch f {
		case "json":
			return writeJSON(out, rows)
		case "csv":
			return writeScoresCSV(out, rows)
		}
		t := export.TextTable{Header: []string{"vendor", "criterion", "reviewer", "value", "note", "evidence"}, Right: map[int]bool{3: true}}
		for _, s := range rows {
			t.Add(s.Vendor, s.Criterion, s.Reviewer, strconv.FormatFloat(s.Value, 'f', -1, 64), termtext.Clean(s.Note), termtext.Clean(s.Evidence))
		}
		return t.Write(out)
	})
}
