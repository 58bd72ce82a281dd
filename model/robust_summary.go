package model

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// RobustnessSummary says in one sentence (zh and en) how firmly the current leader leads, e.g.
// "Yunqi Telecom is first in 63% of weight scenarios; it stays first while data security ≤ 26.1%
// and concurrency ≥ 9.3%; past the nearest limit Panshi Xinlian leads." The limits are the two
// dimension break-even weights nearest to the current weights. be may be nil (it is then
// computed); smaa may be nil (the SMAA clause is then left out). Two limits on the same dimension
// read as a range; with only two dimensions, whose limits mirror each other, one is stated.
func RobustnessSummary(p *Problem, be *BreakEvenReport, smaa *SMAAResult) Text {
	if be == nil {
		be = BreakEvens(p)
	}
	if p.NV == 0 {
		return Text{Zh: "还没有厂商：请先添加厂商。", En: "No vendors yet: add vendors first."}
	}
	if be.Leader < 0 {
		return Text{Zh: "没有厂商通过一票否决。", En: "No vendor passes the knock-outs."}
	}
	leader := p.Eval.Vendors[be.Leader].Name
	var zh, en strings.Builder
	share := -1.0
	if smaa != nil {
		if i := smaa.Index(p.Eval.Vendors[be.Leader].ID); i >= 0 {
			share = smaa.Acceptability[i][0]
		}
	}
	if share >= 0 {
		pct := sharePercent(share)
		fmt.Fprintf(&zh, "%s在 %s 的权重情形中排名第一", leader.In(LangZh), pct)
		fmt.Fprintf(&en, "%s is first in %s of weight scenarios", leader.In(LangEn), pct)
	} else {
		fmt.Fprintf(&zh, "%s在当前权重下排名第一", leader.In(LangZh))
		fmt.Fprintf(&en, "%s is first at the current weights", leader.In(LangEn))
	}

	type limit struct {
		dim      int
		above    bool // the limit is above the current weight: "≤ limit"
		weight   float64
		distance float64
		next     int // who leads beyond it
	}
	var limits []limit
	for _, b := range be.BreakEvens {
		if b.Param.Kind != ParamDimension {
			continue
		}
		if len(p.Eval.Framework.Dimensions) == 2 && b.Param.Index == 1 {
			continue // with two dimensions the second moves exactly against the first: same limits
		}
		if b.Above != nil {
			limits = append(limits, limit{b.Param.Index, true, b.Above.Weight, b.Above.Weight - b.Param.Current, b.Above.Leader})
		}
		if b.Below != nil {
			limits = append(limits, limit{b.Param.Index, false, b.Below.Weight, b.Param.Current - b.Below.Weight, b.Below.Leader})
		}
	}
	slices.SortStableFunc(limits, func(x, y limit) int { return cmp.Compare(x.distance, y.distance) })
	if len(limits) == 0 {
		zh.WriteString("；单独调整任何一个维度的权重都不会改变第一名。")
		en.WriteString("; no single dimension weight changes the leader.")
		return Text{Zh: zh.String(), En: en.String()}
	}
	limits = limits[:min(2, len(limits))]
	dims := p.Eval.Framework.Dimensions
	var zhCond, enCond string
	if len(limits) == 2 && limits[0].dim == limits[1].dim {
		// Both sides of one dimension: say it as a range, not as the same name twice.
		lo, hi := limits[0].weight, limits[1].weight
		if limits[0].above {
			lo, hi = hi, lo
		}
		name := dims[limits[0].dim].Name
		zhCond = fmt.Sprintf("%s权重在 %.1f%% 到 %.1f%% 之间", name.In(LangZh), lo*100, hi*100)
		enCond = fmt.Sprintf("%s is between %.1f%% and %.1f%%", lowerFirst(name.In(LangEn)), lo*100, hi*100)
	} else {
		var zhParts, enParts []string
		for _, l := range limits {
			op := "≥"
			if l.above {
				op = "≤"
			}
			name := dims[l.dim].Name
			zhParts = append(zhParts, fmt.Sprintf("%s权重 %s %.1f%%", name.In(LangZh), op, l.weight*100))
			enParts = append(enParts, fmt.Sprintf("%s %s %.1f%%", lowerFirst(name.In(LangEn)), op, l.weight*100))
		}
		// A space after the closing "%", as between the parts: "… ≥ 9.3% 时保持第一".
		zhCond, enCond = strings.Join(zhParts, " 且")+" ", strings.Join(enParts, " and ")
	}
	zhPast, enPast := "越过最近的临界点后", "past the nearest limit"
	if len(limits) == 1 {
		zhPast, enPast = "越过该临界点后", "past this limit"
	}
	next := p.Eval.Vendors[limits[0].next].Name
	fmt.Fprintf(&zh, "；%s时保持第一；%s%s领先。", zhCond, zhPast, next.In(LangZh))
	fmt.Fprintf(&en, "; it stays first while %s; %s %s leads.", enCond, enPast, next.In(LangEn))
	return Text{Zh: zh.String(), En: en.String()}
}

// sharePercent rounds a share to a whole percent, but never claims 0% or 100% for a share that
// is not exactly that.
func sharePercent(x float64) string {
	p := math.Round(x * 100)
	switch {
	case p == 100 && x < 1:
		return ">99%"
	case p == 0 && x > 0:
		return "<1%"
	}
	return fmt.Sprintf("%.0f%%", p)
}

// lowerFirst lowercases a leading capital for use inside a sentence, but leaves acronyms
// ("SLA response") alone.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsUpper(r) {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
