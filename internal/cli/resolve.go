package cli

import (
	"fmt"
	"sort"
	"strings"

	"ccselect/internal/present"
	"ccselect/model"
)

// resolveVendor finds a vendor by id or exact name (either language). The list of ids for the
// message is built only on a miss: a 10,000-row CSV resolves every row.
func resolveVendor(ev *model.Evaluation, ref string) (string, error) {
	if i := ev.VendorIndex(ref); i >= 0 {
		return ref, nil
	}
	ids := make([]string, len(ev.Vendors))
	for i, v := range ev.Vendors {
		if v.Name.Zh == ref || v.Name.En == ref {
			return v.ID, nil
		}
		ids[i] = v.ID
	}
	return "", unknown("vendor", ref, ids, "ccselect vendor list")
}

// resolveReviewer finds a reviewer by id or exact name.
func resolveReviewer(ev *model.Evaluation, ref string) (string, error) {
	if i := ev.ReviewerIndex(ref); i >= 0 {
		return ref, nil
	}
	ids := make([]string, len(ev.Reviewers))
	for i, r := range ev.Reviewers {
		if r.Name == ref {
			return r.ID, nil
		}
		ids[i] = r.ID
	}
	return "", unknown("reviewer", ref, ids, "ccselect reviewer list")
}

// resolveCriterion finds a criterion by id or exact name (either language).
func resolveCriterion(ev *model.Evaluation, ref string) (*model.Criterion, error) {
	f := &ev.Framework
	if c, ok := f.Criterion(ref); ok {
		return c, nil
	}
	ids := make([]string, len(f.Criteria))
	for i := range f.Criteria {
		if n := f.Criteria[i].Name; n.Zh == ref || n.En == ref {
			return &f.Criteria[i], nil
		}
		ids[i] = f.Criteria[i].ID
	}
	return nil, unknown("criterion", ref, ids, "ccselect eval show")
}

// unknown says a reference is not there and lists the nearest valid ids (or all, when few).
func unknown(what, ref string, ids []string, listCmd string) error {
	if len(ids) == 0 {
		return fmt.Errorf("unknown %s %q: the evaluation has none yet", what, ref)
	}
	near := nearest(ref, ids, 3)
	// The kinds present words read in the user's language (userError); others stay English.
	kinds := map[string]present.ErrorKind{"vendor": present.UnknownVendor, "reviewer": present.UnknownReviewer, "criterion": present.UnknownCriterion}
	if k, ok := kinds[what]; ok {
		return &present.Error{Kind: k, Subject: ref, Choices: near, Hint: listCmd}
	}
	if len(near) == 0 {
		return fmt.Errorf("unknown %s %q (%s lists them)", what, ref, listCmd)
	}
	return fmt.Errorf("unknown %s %q; did you mean %s? (%s lists them)", what, ref, strings.Join(near, ", "), listCmd)
}

// nearest returns up to n ids closest to ref by edit distance (and those containing it), closest
// first; ids too far to be a typo are left out.
func nearest(ref string, ids []string, n int) []string {
	type cand struct {
		id string
		d  int
	}
	var cs []cand
	low := strings.ToLower(ref)
	for _, id := range ids {
		d := editDistance(low, strings.ToLower(id))
		if strings.Contains(id, low) || strings.Contains(low, id) {
			d = min(d, 2)
		}
		if d <= max(2, len([]rune(ref))/3) {
			cs = append(cs, cand{id, d})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
	var out []string
	for i := 0; i < len(cs) && i < n; i++ {
		out = append(out, cs[i].id)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, by rune.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
