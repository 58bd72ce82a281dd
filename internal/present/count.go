package present

import (
	"fmt"
	"strconv"

	"ccselect/model"
)

// Count writes a whole number with thousands separators, 100000 as "100,000" (the comma in zh
// too: it is how Chinese business documents group digits), -1234 as "-1,234".
func Count(n int) string {
	s := strconv.Itoa(n)
	digits := len(s)
	if n < 0 {
		digits--
	}
	out := make([]byte, 0, len(s)+digits/3)
	for i := range len(s) {
		if rest := len(s) - i; i > len(s)-digits && rest%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// SMAAProgress is the line a long SMAA run shows while it works: the share of the work done,
// the samples asked for and how to stop it, e.g. "SMAA 37% of 1,000,000 samples · Ctrl+C stops".
func SMAAProgress(pct, samples int, l model.Lang) string {
	if l == model.LangZh {
		return fmt.Sprintf("SMAA %s 次抽样 · 已完成 %d%% · Ctrl+C 停止", Count(samples), pct)
	}
	return fmt.Sprintf("SMAA %d%% of %s samples · Ctrl+C stops", pct, Count(samples))
}
