package present

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"ccselect/model"
)

// Robustness says in one sentence (zh and en) how firmly the current leader of p leads, e.g.
// "Yunqi Telecom is first in 63% of weight scenarios; it stays first while data security ≤ 26.1%
// and concurrency ≥ 9.3%; past the nearest limit Panshi Xinlian leads." be may be nil (it is then
// computed); smaa may be nil (the SMAA clause is then left out). See model.Robustness.
func Robustness(p *model.Problem, be *model.BreakEvenReport, smaa *model.SMAAResult) model.Text {
	return RobustnessText(p, model.Robustness(p, be, smaa))
}

// RobustnessText words s, a summary of p: the leader (with its SMAA share when there is one),
// the one or two nearest limits (two on the same dimension read as a range) and who leads past
// the nearest.
func RobustnessText(p *model.Problem, s model.RobustSummary) model.Text {
	if s.NoVendors {
		return model.Text{Zh: "还没有厂商：请先添加厂商。", En: "No vendors yet: add vendors first."}
	}
	if s.Leader < 0 {
		return model.Text{Zh: "没有厂商通过一票否决。", En: "No vendor passes the knock-outs."}
	}
	leader := p.Eval.Vendors[s.Leader].Name
	var zh, en strings.Builder
	if s.Share >= 0 {
		pct := SharePercent(s.Share)
		fmt.Fprintf(&zh, "%s在 %s 的权重情形中排名第一", leader.In(model.LangZh), pct)
		fmt.Fprintf(&en, "%s is first in %s of weight scenarios", leader.In(model.LangEn), pct)
	} else {
		fmt.Fprintf(&zh, "%s在当前权重下排名第一", leader.In(model.LangZh))
		fmt.Fprintf(&en, "%s is first at the current weights", leader.In(model.LangEn))
	}
	if len(s.Limits) == 0 {
		zh.WriteString("；单独调整任何一个维度的权重都不会改变第一名。")
		en.WriteString("; no single dimension weight changes the leader.")
		return model.Text{Zh: zh.String(), En: en.String()}
	}
	dims := p.Eval.Framework.Dimensions
	var zhCond, enCond string
	if lo, hi, ok := s.Range(); ok {
		// Both sides of one dimension: say it as a range, not as the same name twice.
		name := dims[s.Limits[0].Dim].Name
		zhCond = fmt.Sprintf("%s权重在 %.1f%% 到 %.1f%% 之间", name.In(model.LangZh), lo*100, hi*100)
		enCond = fmt.Sprintf("%s is between %.1f%% and %.1f%%", lowerFirst(name.In(model.LangEn)), lo*100, hi*100)
	} else {
		var zhParts, enParts []string
		for _, l := range s.Limits {
			op := "≥"
			if l.Above {
				op = "≤"
			}
			name := dims[l.Dim].Name
			zhParts = append(zhParts, fmt.Sprintf("%s权重 %s %.1f%%", name.In(model.LangZh), op, l.Weight*100))
			enParts = append(enParts, fmt.Sprintf("%s %s %.1f%%", lowerFirst(name.In(model.LangEn)), op, l.Weight*100))
		}
		// A space after the closing "%", as between the parts: "… ≥ 9.3% 时保持第一".
		zhCond, enCond = strings.Join(zhParts, " 且")+" ", strings.Join(enParts, " and ")
	}
	zhPast, enPast := "越过最近的临界点后", "past the nearest limit"
	if len(s.Limits) == 1 {
		zhPast, enPast = "越过该临界点后", "past this limit"
	}
	next := p.Eval.Vendors[s.Limits[0].Next].Name
	fmt.Fprintf(&zh, "；%s时保持第一；%s%s领先。", zhCond, zhPast, next.In(model.LangZh))
	fmt.Fprintf(&en, "; it stays first while %s; %s %s leads.", enCond, enPast, next.In(model.LangEn))
	return model.Text{Zh: zh.String(), En: en.String()}
}

// SharePercent rounds a share to a whole percent, but never claims 0% or 100% for a share that
// is not exactly that.
func SharePercent(x float64) string {
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
