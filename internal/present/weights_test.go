package present

import (
	"fmt"
	"testing"

	"ccselect/model"
)

// Every kind of refused weight edit or invalid profile has a sentence in both languages; the
// English is the model's own (scripts match it), the Chinese names the same numbers.
func TestWeightMessages(t *testing.T) {
	cases := []struct {
		e      model.WeightError
		en, zh string
	}{
		{model.WeightError{Kind: model.WeightRange, ID: "d0", Value: 1.5},
			"weight must be between 0 and 1, got 1.5", "权重须在 0% 到 100% 之间，实际为 150.0%"},
		{model.WeightError{Kind: model.WeightLocked, ID: "data_security"},
			"Data security is locked; unlock it to change its weight", "Data security 已锁定：解锁后才能修改其权重"},
		{model.WeightError{Kind: model.WeightNoRoom, ID: "stability", Value: 0.9, Max: 0.4},
			"weight 90.0% is more than the 40.0% left by locked weights", "权重 90.0% 超过了锁定权重剩下的 40.0%"},
		{model.WeightError{Kind: model.WeightAllLocked, ID: "data_security"},
			"cannot change this weight: every other weight at this level is locked", "无法调整 Data security：同一层其他权重都已锁定"},
		{model.WeightError{Kind: model.WeightUnknownID, ID: "zz", Level: "dimension"},
			`unknown dimension "Data security"`, `没有维度 "Data security"`},
		{model.WeightError{Kind: model.WeightSum, Profile: "p", Value: 0.9},
			`profile "p": dimension weights sum to 0.9000, not 1`, `权重配置 "p"：维度权重之和为 0.9000，不是 1`},
		{model.WeightError{Kind: model.WeightSum, Profile: "p", ID: "d0", Value: 1.1},
			`profile "p": criterion weights of Data security sum to 1.1000, not 1`, `权重配置 "p"：Data security 的准则权重之和为 1.1000，不是 1`},
		{model.WeightError{Kind: model.WeightRange, Profile: "p", ID: "d0", Value: -1},
			`profile "p": weight of Data security must be a number in [0,1], got -1`, `权重配置 "p"：Data security 的权重须是 0 到 1 之间的数，实际为 -1`},
		{model.WeightError{Kind: model.WeightTwice, Profile: "p", ID: "d0"},
			`profile "p": "Data security" is locked twice`, `权重配置 "p"："Data security" 被锁定了两次`},
		{model.WeightError{Kind: model.WeightNoItems, Profile: "p", ID: "d0"},
			`profile "p": dimension Data security has a weight but no criteria`, `权重配置 "p"：维度 Data security 有权重却没有准则`},
	}
	for _, c := range cases {
		if got := WeightMessage(&c.e, "Data security", model.LangEn); got != c.en {
			t.Errorf("%s en %q, want %q", c.e.Kind, got, c.en)
		}
		if got := WeightMessage(&c.e, "Data security", model.LangZh); got != c.zh {
			t.Errorf("%s zh %q, want %q", c.e.Kind, got, c.zh)
		}
	}
}

// Sentence finds a WeightError inside a wrapper, keeps the wrapper's words and names the id.
func TestSentenceOfWeightError(t *testing.T) {
	err := fmt.Errorf("cannot set x: %w", &model.WeightError{Kind: model.WeightLocked, ID: "x"})
	if got := Sentence(err, model.LangZh); got != "cannot set x: x 已锁定：解锁后才能修改其权重" {
		t.Errorf("zh %q", got)
	}
	if got := Sentence(err, model.LangEn); got != err.Error() {
		t.Errorf("en %q", got)
	}
}
