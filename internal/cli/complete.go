package cli

import (
	"strconv"

	"github.com/spf13/cobra"

	"ccselect/internal/ops"
	"ccselect/model"
)

// Dynamic completion reads the database the command line names (--db, $CCSELECT_DB, the
// default) read-only; any problem completes nothing rather than printing an error into the shell.

func completionEval(c *cobra.Command) (*model.Evaluation, bool) {
	l, err := location(c)
	if err != nil || !l.Exists() {
		return nil, false
	}
	st, err := ops.OpenRead(l)
	if err != nil {
		return nil, false
	}
	defer st.Close()
	ev, err := loadEvaluation(st, str(c, "eval"))
	return ev, err == nil
}

func completeEvals(c *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	l, err := location(c)
	if err != nil || !l.Exists() {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	st, err := ops.OpenRead(l)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	defer st.Close()
	list, err := st.List()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, s := range list {
		out = append(out, s.Name+"\t"+strconv.FormatInt(s.ID, 10))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func completeProfiles(c *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	ev, ok := completionEval(c)
	if !ok {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, p := range ev.Profiles {
		out = append(out, p.Name)
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func completeVendors(c *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	ev, ok := completionEval(c)
	if !ok {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, v := range ev.Vendors {
		out = append(out, v.ID+"\t"+v.Name.In(lang(c)))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func completeReviewers(c *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	ev, ok := completionEval(c)
	if !ok {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, r := range ev.Reviewers {
		out = append(out, r.ID+"\t"+r.Name)
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func completeCriteria(c *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	ev, ok := completionEval(c)
	if !ok {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, cr := range ev.Framework.Criteria {
		out = append(out, cr.ID+"\t"+cr.Name.In(lang(c)))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeVendorArg completes the first positional argument with vendor ids.
func completeVendorArg(c *cobra.Command, args []string, s string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return completeVendors(c, args, s)
}

func completeReviewerArg(c *cobra.Command, args []string, s string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return completeReviewers(c, args, s)
}
