package present

import (
	"errors"
	"fmt"

	"ccselect/model"
)

// ModelError words the typed errors of the decision math — a refused pairwise matrix (AHP and
// group AHP), an elicitation input, a sizing input — in l. model keeps only their English
// Error(); the zh/en wording lives here with the rest of the product's voice. ok is false for
// an error of none of these kinds.
func ModelError(err error, l model.Lang) (string, bool) {
	var ge *model.GroupAHPError
	var ae *model.AHPError
	var ee *model.ElicitError
	var se *model.SizingError
	switch {
	case errors.As(err, &ge):
		return groupAHPMessage(ge, l), true
	case errors.As(err, &ae):
		return ahpMessage(ae, l), true
	case errors.As(err, &ee):
		return elicitMessage(ee, l), true
	case errors.As(err, &se):
		return sizingMessage(se, l), true
	}
	return "", false
}

// ahpMessage words a refused pairwise matrix; rows and columns are 1-based as a user counts them.
func ahpMessage(e *model.AHPError, lang model.Lang) string {
	i, j := e.I+1, e.J+1
	zh := lang == model.LangZh
	switch e.Kind {
	case model.AHPEmpty:
		if zh {
			return "两两比较矩阵为空"
		}
		return "the pairwise matrix is empty"
	case model.AHPTooLarge:
		if zh {
			return fmt.Sprintf("两两比较最多 %d 项（Saaty 随机一致性指标表只到 %d），当前 %d 项", model.AHPMaxItems, model.AHPMaxItems, e.N)
		}
		return fmt.Sprintf("pairwise comparison takes at most %d items (Saaty's random index table ends at %d), got %d", model.AHPMaxItems, model.AHPMaxItems, e.N)
	case model.AHPNotSquare:
		if zh {
			return fmt.Sprintf("矩阵第 %d 行有 %d 个值，应为 %d 个", i, e.J, e.N)
		}
		return fmt.Sprintf("row %d of the matrix has %d entries, want %d", i, e.J, e.N)
	case model.AHPNotPositive:
		if zh {
			return fmt.Sprintf("第 %d 行第 %d 列的判断 %g 必须为正数", i, j, e.Value)
		}
		return fmt.Sprintf("judgement at row %d, column %d must be positive, got %g", i, j, e.Value)
	case model.AHPOffScale:
		if zh {
			return fmt.Sprintf("第 %d 行第 %d 列的判断 %g 超出 Saaty 1–9 标度（1/9 到 9）", i, j, e.Value)
		}
		return fmt.Sprintf("judgement at row %d, column %d is %g, outside Saaty's 1–9 scale (1/9 to 9)", i, j, e.Value)
	case model.AHPDiagonal:
		if zh {
			return fmt.Sprintf("对角线第 %d 项必须为 1，实为 %g", i, e.Value)
		}
		return fmt.Sprintf("diagonal entry %d must be 1, got %g", i, e.Value)
	case model.AHPNotReciprocal:
		if zh {
			return fmt.Sprintf("第 %d 行第 %d 列（%g）与第 %d 行第 %d 列不互为倒数", j, i, e.Value, i, j)
		}
		return fmt.Sprintf("entry at row %d, column %d (%g) is not the reciprocal of row %d, column %d", j, i, e.Value, i, j)
	case model.AHPBadEntry:
		if zh {
			return fmt.Sprintf("第 %d 行第 %d 列 %q 不是数字或 \"a/b\" 分数", i, j, e.Text)
		}
		return fmt.Sprintf("entry at row %d, column %d is %q, not a number or an \"a/b\" fraction", i, j, e.Text)
	case model.AHPItems:
		if zh {
			return "比较项：" + e.Text
		}
		return "items: " + e.Text
	}
	return string(e.Kind)
}

// groupAHPMessage words a refused reviewer matrix of a group AHP.
func groupAHPMessage(e *model.GroupAHPError, lang model.Lang) string {
	inner := e.Err.Error()
	if ae, ok := e.Err.(*model.AHPError); ok {
		inner = ahpMessage(ae, lang)
	}
	if lang == model.LangZh {
		return fmt.Sprintf("评审人 %s 的判断矩阵：%s", e.Reviewer, inner)
	}
	return fmt.Sprintf("reviewer %s's matrix: %s", e.Reviewer, inner)
}

var elicitReasonZh = map[string]string{
	model.ElicitReasonNoItems:     "没有需要赋权的项",
	model.ElicitReasonDupItem:     "项为空或重复",
	model.ElicitReasonUnknownItem: "不是本层级的项",
	model.ElicitReasonBadValue:    "必须是有限且非负的数",
	model.ElicitReasonAllZero:     "至少要有一个权重大于 0",
	model.ElicitReasonNoRank:      "没有排序",
	model.ElicitReasonBadRank:     "排序必须从 1 开始",
	model.ElicitReasonSwingRange:  "摆动分值必须在 0 到 100 之间",
	model.ElicitReasonNoMatrix:    "矩阵大小与比较项数量不符",
	model.ElicitReasonUnknown:     "未知的赋权方法",
	model.ElicitReasonNoReviewers: "还没有评审人填写判断矩阵",
}

// elicitMessage words a refused elicitation input.
func elicitMessage(e *model.ElicitError, lang model.Lang) string {
	reason := e.Reason
	if lang == model.LangZh {
		if zh, ok := elicitReasonZh[e.Reason]; ok {
			reason = zh
		}
		if e.Item != "" {
			return fmt.Sprintf("赋权方法 %s：%s %s", e.Method, e.Item, reason)
		}
		return fmt.Sprintf("赋权方法 %s：%s", e.Method, reason)
	}
	if e.Item != "" {
		return fmt.Sprintf("weights by %s: %s %s", e.Method, e.Item, reason)
	}
	return fmt.Sprintf("weights by %s: %s", e.Method, reason)
}

var sizingFieldZh = map[string]string{
	"calls": "呼叫量", "interval": "统计时段", "traffic": "话务量", "aht": "平均处理时长",
	"talk_hold": "通话+保持时长", "acw": "话后处理时长", "sl_target": "服务水平目标",
	"sl_seconds": "服务水平应答时限", "blocking": "呼损率目标", "shrinkage": "缺勤/损耗率",
	"channels": "线路数", "agents": "坐席数",
}

var sizingReasonZh = map[string]string{
	model.SizingReasonPositive:    "必须大于 0",
	model.SizingReasonNonNeg:      "不能为负数",
	model.SizingReasonFraction:    "必须在 0 与 1 之间（不含两端）",
	model.SizingReasonShrinkage:   "必须在 0（含）与 1（不含）之间",
	model.SizingReasonTooLarge:    fmt.Sprintf("超过 %d 爱尔兰的上限", model.MaxErlangs),
	model.SizingReasonNotNumber:   "不是有效数字",
	model.SizingReasonUnreachable: "在允许的规模内达不到该目标",
}

// sizingMessage words a refused sizing input.
func sizingMessage(e *model.SizingError, lang model.Lang) string {
	if lang == model.LangZh {
		f, ok := sizingFieldZh[e.Field]
		if !ok {
			f = e.Field
		}
		r, ok := sizingReasonZh[e.Reason]
		if !ok {
			r = e.Reason
		}
		return fmt.Sprintf("容量测算：%s %g %s", f, e.Value, r)
	}
	return e.Error()
}
