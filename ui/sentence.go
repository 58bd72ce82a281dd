package ui

import "strings"

// A robustness sentence ("X is first …; it stays first while …; past the nearest limit Y
// leads.") ends with its conclusion: who takes over. When it does not fit the lines it is
// given, cutting its tail would lose exactly that (issue 8 defect 6: "越过最近的临界点…"), so
// the middle clauses give way first, then the opening one.

// clauseSeps split a sentence into clauses, zh and en.
var clauseSeps = []string{"；", "; "}

// splitClauses cuts s after each clause separator (the separator stays with its clause).
func splitClauses(s string) []string {
	var out []string
	for len(s) > 0 {
		cut, sepLen := -1, 0
		for _, sep := range clauseSeps {
			if i := strings.Index(s, sep); i >= 0 && (cut < 0 || i < cut) {
				cut, sepLen = i, len(sep)
			}
		}
		if cut < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:cut+sepLen])
		s = s[cut+sepLen:]
	}
	return out
}

// fitConclusion wraps format(s) (s placed into its label, e.g. "稳健性: %s") in at most n
// lines of width w. If the whole does not fit, the middle clauses are replaced by "…"; if that
// still does not fit, only "…" and the last clause are kept; past that, the lines are cut.
func fitConclusion(s string, format func(string) string, w, n int) []string {
	lines := wrap(format(s), w)
	if len(lines) <= n {
		return lines
	}
	cl := splitClauses(s)
	if len(cl) >= 3 {
		short := cl[0] + ellipsis + clauseSepOf(cl[0]) + cl[len(cl)-1]
		if l := wrap(format(short), w); len(l) <= n {
			return l
		}
	}
	if len(cl) >= 2 {
		lines = wrap(format(ellipsis+cl[len(cl)-1]), w)
	}
	return limitLines(lines, n, w)
}

// clauseSepOf is the separator that ends clause c (so a shortened sentence keeps its script's).
func clauseSepOf(c string) string {
	for _, sep := range clauseSeps {
		if strings.HasSuffix(c, sep) {
			return sep
		}
	}
	return "; "
}
