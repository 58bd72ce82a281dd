package present

import (
	"fmt"

	"ccselect/model"
)

// levels are the words for what an unknown id was taken to be (model.WeightError.Level).
var levels = map[string]pair{
	"dimension": {"维度", "dimension"},
	"criterion": {"准则", "criterion"},
	"lock":      {"维度或准则", "dimension or criterion"},
}

// WeightMessage is a refused weight edit or an invalid profile in l, naming the weight as name
// (a display name such as "数据安全", or the id when the caller has none). Percentages are
// written with one decimal, as the English sentence (model.WeightError.Error) has always had
// them. English is the model's own sentence with name in place of the id.
func WeightMessage(e *model.WeightError, name string, l model.Lang) string {
	if name == "" || e.ID == "" { // a level's sum over the dimensions names no weight
		name = e.ID
	}
	if l != model.LangZh {
		c := *e
		c.ID = name
		return c.Error()
	}
	var s string
	switch e.Kind {
	case model.WeightRange:
		if e.Profile != "" {
			s = fmt.Sprintf("%s 的权重须是 0 到 1 之间的数，实际为 %g", name, e.Value)
		} else {
			s = fmt.Sprintf("权重须在 0%% 到 100%% 之间，实际为 %.1f%%", e.Value*100)
		}
	case model.WeightLocked:
		s = fmt.Sprintf("%s 已锁定：解锁后才能修改其权重", name)
	case model.WeightNoRoom:
		s = fmt.Sprintf("权重 %.1f%% 超过了锁定权重剩下的 %.1f%%", e.Value*100, e.Max*100)
	case model.WeightAllLocked:
		s = fmt.Sprintf("无法调整 %s：同一层其他权重都已锁定", name)
	case model.WeightUnknownID:
		s = fmt.Sprintf("没有%s %q", levels[e.Level].in(l), name)
	case model.WeightSum:
		if e.ID == "" {
			s = fmt.Sprintf("维度权重之和为 %.4f，不是 1", e.Value)
		} else {
			s = fmt.Sprintf("%s 的准则权重之和为 %.4f，不是 1", name, e.Value)
		}
	case model.WeightTwice:
		s = fmt.Sprintf("%q 被锁定了两次", name)
	case model.WeightNoItems:
		s = fmt.Sprintf("维度 %s 有权重却没有准则", name)
	default:
		return e.Error()
	}
	if e.Profile != "" {
		return fmt.Sprintf("权重配置 %q：%s", e.Profile, s)
	}
	return s
}
