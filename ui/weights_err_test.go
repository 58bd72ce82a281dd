package ui

import (
	"fmt"
	"testing"

	"ccselect/model"
)

// The Weights tab words the model's typed refusals (*model.WeightError) in the user's language:
// its own keys where it names the keys to press or the percent typed, present's sentence for
// the rest (here a profile whose dimensions sum to 90%).
func TestWeightErrText(t *testing.T) {
	f := &model.Framework{Dimensions: []model.Dimension{{ID: "data_security", Name: model.Text{Zh: "数据安全保障", En: "Data security"}}}}
	cases := []struct {
		e      *model.WeightError
		zh, en string
	}{
		{&model.WeightError{Kind: model.WeightLocked, ID: "data_security"},
			"数据安全保障 已锁定：按空格解锁后再改", "Data security is locked: press space to unlock it first"},
		{&model.WeightError{Kind: model.WeightAllLocked, ID: "data_security"},
			"无法调整 数据安全保障：同一层其他权重都已锁定", "cannot change Data security: every other weight at this level is locked"},
		{&model.WeightError{Kind: model.WeightRange, ID: "data_security", Value: 1.2},
			"权重须在 0 到 100 之间（百分比）", "a weight must be between 0 and 100 (percent)"},
		{&model.WeightError{Kind: model.WeightNoRoom, ID: "data_security", Value: 0.7, Max: 0.6},
			"数据安全保障 最多 60%：已锁定的权重占了 40%", "Data security can be at most 60%: locked weights take 40%"},
		{&model.WeightError{Kind: model.WeightSum, Profile: "mine", Value: 0.9},
			`权重配置 "mine"：维度权重之和为 0.9000，不是 1`, `profile "mine": dimension weights sum to 0.9000, not 1`},
		{&model.WeightError{Kind: model.WeightUnknownID, ID: "zz", Level: "criterion"},
			`没有准则 "zz"`, `unknown criterion "zz"`},
	}
	for _, c := range cases {
		err := fmt.Errorf("wrapped: %w", c.e)
		if got := weightErrText(tr{model.LangZh}, f, err); got != c.zh {
			t.Errorf("%s zh %q, want %q", c.e.Kind, got, c.zh)
		}
		if got := weightErrText(tr{model.LangEn}, f, err); got != c.en {
			t.Errorf("%s en %q, want %q", c.e.Kind, got, c.en)
		}
	}
	if got := weightErrText(tr{model.LangEn}, f, nil); got != "" {
		t.Errorf("nil error %q", got)
	}
}
