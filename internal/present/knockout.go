package present

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"ccselect/model"
)

// Number is how a value compared against a knock-out gate is written on every surface: rounded
// to four decimals, without trailing zeros (99.8, not 99.80; 1000, not 1000.00), so a reason
// reads the same in the workbench, the report, the workbook and the CLI and never shows float
// noise such as 99.80000000000001.
func Number(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return strconv.FormatFloat(math.Round(x*1e4)/1e4, 'f', -1, 64)
}

var noScore = pair{"无评分", "no score"}

// KnockOutReason is one failed gate in l: "并发通道数 800 < 1000" / "Concurrent channels 800 <
// 1000" (name, the consensus value, the operator that failed, the limit under the evaluation's
// parameters), or for a gate nobody scored "Concurrent channels no score (≥ 1000)" (the rule
// that would have to hold).
func KnockOutReason(e *model.Evaluation, f model.KnockOutFailure, l model.Lang) string {
	name := f.Rule.Criterion
	if c, ok := e.Framework.Criterion(f.Rule.Criterion); ok {
		name = c.Name.In(l)
	}
	limit := f.Rule.Limit(e.Params)
	if f.Missing {
		return fmt.Sprintf("%s %s (%s %s)", name, noScore.in(l), f.Rule.Op.Symbol(), Number(limit))
	}
	return name + " " + KnockOutComparison(f.Value, f.Rule.Op, limit)
}

// KnockOutComparison is the failed comparison alone ("800 < 1000"), for a cell whose row
// already names the criterion.
func KnockOutComparison(value float64, op model.Op, limit float64) string {
	return fmt.Sprintf("%s %s %s", Number(value), op.Negated(), Number(limit))
}

// KnockOutReasons joins a vendor's failed gates with " · ", the separator every surface uses.
func KnockOutReasons(e *model.Evaluation, fails []model.KnockOutFailure, l model.Lang) string {
	parts := make([]string, len(fails))
	for i, f := range fails {
		parts[i] = KnockOutReason(e, f, l)
	}
	return strings.Join(parts, " · ")
}
