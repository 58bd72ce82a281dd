package model_test

import (
	"math"
	"strings"
	"testing"

	"ccselect/model"
)

func twoDimFramework() *model.Framework {
	return &model.Framework{
		Dimensions: []model.Dimension{{ID: "a", Name: model.Both("A")}, {ID: "b", Name: model.Both("B")}, {ID: "c", Name: model.Both("C")}},
		Criteria: []model.Criterion{
			{ID: "a1", Dimension: "a", Name: model.Both("a1"), Kind: model.KindRating},
			{ID: "a2", Dimension: "a", Name: model.Both("a2"), Kind: model.KindRating},
			{ID: "b1", Dimension: "b", Name: model.Both("b1"), Kind: model.KindRating},
			{ID: "c1", Dimension: "c", Name: model.Both("c1"), Kind: model.KindRating},
		},
	}
}

func equalProfile() model.WeightProfile {
	return model.WeightProfile{Name: "p",
		Dimensions: map[string]float64{"a": 1.0 / 3, "b": 1.0 / 3, "c": 1.0 / 3},
		Criteria:   map[string]float64{"a1": 0.5, "a2": 0.5, "b1": 1, "c1": 1}}
}

// Rank-sum weights for three items are 3/6, 2/6, 1/6 (w_i = 2(n+1−i)/(n(n+1))); the profile
// takes them, records the method, validates, and forgets it when a weight is typed.
func TestApplyElicitationRecordsAndValidates(t *testing.T) {
	f := twoDimFramework()
	p := equalProfile()
	p.Locked = []string{"a"} // a method re-derives the whole level, locks included
	if err := p.ApplyElicitation(f, model.ElicitLevelDimensions, model.Elicitation{Method: model.ElicitRS,
		Ranks: map[string]int{"b": 1, "a": 2, "c": 3}}); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]float64{"b": 3.0 / 6, "a": 2.0 / 6, "c": 1.0 / 6} {
		if math.Abs(p.Dimensions[id]-want) > 1e-15 {
			t.Errorf("%s = %g, want %g", id, p.Dimensions[id], want)
		}
	}
	if p.ElicitationOf(model.ElicitLevelDimensions) != model.ElicitRS || p.ElicitationOf("a") != model.ElicitDirect {
		t.Fatal("method not recorded per level")
	}
	if err := p.Validate(f); err != nil {
		t.Fatal(err)
	}
	c := p.Clone()
	c.Elicitation[model.ElicitLevelDimensions].Ranks["b"] = 9 // a deep copy
	if p.Elicitation[model.ElicitLevelDimensions].Ranks["b"] != 1 {
		t.Fatal("Clone shares the elicitation")
	}
	// Stale: the weights no longer match what the method gives.
	stale := p.Clone()
	stale.Dimensions["a"], stale.Dimensions["b"] = stale.Dimensions["b"], stale.Dimensions["a"]
	if err := stale.Validate(f); err == nil || !strings.Contains(err.Error(), "elicitation gives") {
		t.Fatalf("stale elicitation: %v", err)
	}
	// Typing a weight drops the record of its level only.
	if err := p.ApplyElicitation(f, "a", model.Elicitation{Method: model.ElicitSwing, Swing: map[string]float64{"a1": 100, "a2": 25}}); err != nil {
		t.Fatal(err)
	}
	if math.Abs(p.Criteria["a1"]-0.8) > 1e-15 {
		t.Fatalf("swing a1 = %g, want 0.8", p.Criteria["a1"])
	}
	p.Locked = nil
	if err := p.SetDimension(f, "c", 0.2); err != nil {
		t.Fatal(err)
	}
	if p.ElicitationOf(model.ElicitLevelDimensions) != model.ElicitDirect || p.ElicitationOf("a") != model.ElicitSwing {
		t.Fatal("SetDimension should drop only the dimension level's record")
	}
	if err := p.Validate(f); err != nil {
		t.Fatal(err)
	}
}

func TestApplyElicitationRefusals(t *testing.T) {
	f := twoDimFramework()
	for name, c := range map[string]struct {
		level string
		e     model.Elicitation
		want  string
	}{
		"unknown level":  {"zz", model.Elicitation{Method: model.ElicitROC}, "unknown weight level"},
		"wrong items":    {"a", model.Elicitation{Method: model.ElicitDirect, Items: []string{"a1", "b1"}, Direct: map[string]float64{"a1": 1}}, "must be the level's ids"},
		"missing rank":   {model.ElicitLevelDimensions, model.Elicitation{Method: model.ElicitROC, Ranks: map[string]int{"a": 1}}, "has no rank"},
		"swing over 100": {"a", model.Elicitation{Method: model.ElicitSwing, Swing: map[string]float64{"a1": 120}}, "between 0 and 100"},
		"bad matrix":     {model.ElicitLevelDimensions, model.Elicitation{Method: model.ElicitAHP, Matrix: [][]float64{{1, 3, 1}, {3, 1, 1}, {1, 1, 1}}}, ""},
	} {
		p := equalProfile()
		before := p.Clone()
		err := p.ApplyElicitation(f, c.level, c.e)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error mentioning %q", name, err, c.want)
		}
		if p.Dimensions["a"] != before.Dimensions["a"] || p.Criteria["a1"] != before.Criteria["a1"] || p.Elicitation != nil {
			t.Errorf("%s: a refused elicitation changed the profile", name)
		}
	}
}

func TestValidateDraftAndScenarios(t *testing.T) {
	ev := &model.Evaluation{Name: "e", Framework: *twoDimFramework(), Profiles: []model.WeightProfile{equalProfile()},
		Params: map[string]float64{model.ParamPeak: 100}}
	if err := ev.Validate(); err != nil {
		t.Fatal(err)
	}
	ev.Scenarios = model.DefaultScenarios()
	ev.GoverningScenario = "campaign_peak"
	d := equalProfile()
	d.Name = "deleted since" // a draft may outlive the profile it started from
	ev.Draft = &d
	if err := ev.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, mut := range map[string]func(e *model.Evaluation){
		"unknown governing": func(e *model.Evaluation) { e.GoverningScenario = "x" },
		"duplicate id":      func(e *model.Evaluation) { e.Scenarios[1].ID = "daily_peak" },
		"empty name":        func(e *model.Evaluation) { e.Scenarios[0].Name = model.Text{} },
		"NaN calls":         func(e *model.Evaluation) { e.Scenarios[0].Calls = math.NaN() },
		"huge calls":        func(e *model.Evaluation) { e.Scenarios[0].Calls = 1e12 },
		"SL of 1":           func(e *model.Evaluation) { e.Scenarios[0].SLTarget = 1 },
		"draft sum":         func(e *model.Evaluation) { e.Draft.Dimensions["a"] = 0.9 },
		"draft name":        func(e *model.Evaluation) { e.Draft.Name = " " },
	} {
		e := *ev
		e.Scenarios = model.DefaultScenarios()
		dd := d.Clone()
		e.Draft = &dd
		mut(&e)
		if err := e.Validate(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
