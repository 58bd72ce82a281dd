package present

import "ccselect/model"

// methods are the ranking methods (model.ParseMethod ids), worded as the workbook's Summary
// sheet words them, so a report and a workbook of the same ranking say the same thing.
var methods = map[string]pair{
	"wsm":    {"加权求和（WSM）", "weighted sum (WSM)"},
	"topsis": {"TOPSIS（与理想解的贴近度）", "TOPSIS (closeness to the ideal)"},
}

// MethodName is a ranking method's name in l ("wsm" → "加权求和（WSM）"); an unknown id is
// shown as written.
func MethodName(id string, l model.Lang) string {
	if p, ok := methods[id]; ok {
		return p.in(l)
	}
	return id
}

// consensus are the rules that combine reviewers (model.ConsensusRule).
var consensus = map[model.ConsensusRule]pair{
	model.ConsensusMean:   {"平均值", "mean"},
	model.ConsensusMedian: {"中位数", "median"},
}

// ConsensusName is how reviewers were combined, in l ("median" → "中位数"); an unknown rule
// is shown as written.
func ConsensusName(r model.ConsensusRule, l model.Lang) string {
	if p, ok := consensus[r]; ok {
		return p.in(l)
	}
	return string(r)
}
