package model_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"ccselect/internal/present"
	"ccselect/model"
)

var elicitItems = []string{"security", "concurrency", "stability", "features", "operations"}

func weightsOf(t *testing.T, e model.Elicitation) []float64 {
	t.Helper()
	w, err := e.Weights()
	if err != nil {
		t.Fatalf("%s: %v", e.Method, err)
	}
	s := 0.0
	for _, x := range w {
		s += x
	}
	if math.Abs(s-1) > 1e-12 {
		t.Fatalf("%s: weights sum to %.15f", e.Method, s)
	}
	return w
}

func sameWeights(t *testing.T, what string, got, want []float64) {
	t.Helper()
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Fatalf("%s: %v, want %v", what, got, want)
		}
	}
}

// Strict ranks give exactly the existing ROC / RS / RR weights, in rank order.
func TestElicitRanks(t *testing.T) {
	ranks := map[string]int{"security": 2, "concurrency": 5, "stability": 1, "features": 3, "operations": 4}
	for _, c := range []struct {
		m   model.ElicitMethod
		pos []float64
	}{{model.ElicitROC, model.RankOrderCentroid(5)}, {model.ElicitRS, model.RankSum(5)}, {model.ElicitRR, model.RankReciprocal(5)}} {
		w := weightsOf(t, model.Elicitation{Method: c.m, Items: elicitItems, Ranks: ranks})
		want := make([]float64, 5)
		for i, id := range elicitItems {
			want[i] = c.pos[ranks[id]-1]
		}
		sameWeights(t, string(c.m), w, want)
	}
}

// Ties share the weights of the positions they occupy: ROC for n = 3 is (11/18, 5/18, 2/18);
// ranks 1, 1, 3 give the first two 8/18 each and the third 2/18.
func TestElicitRankTies(t *testing.T) {
	w := weightsOf(t, model.Elicitation{Method: model.ElicitROC, Items: []string{"a", "b", "c"},
		Ranks: map[string]int{"a": 1, "b": 1, "c": 3}})
	sameWeights(t, "roc ties", w, []float64{8.0 / 18, 8.0 / 18, 2.0 / 18})
	// All tied: equal weights under every method.
	for _, m := range []model.ElicitMethod{model.ElicitROC, model.ElicitRS, model.ElicitRR} {
		w := weightsOf(t, model.Elicitation{Method: m, Items: []string{"a", "b"}, Ranks: map[string]int{"a": 7, "b": 7}})
		sameWeights(t, string(m), w, []float64{0.5, 0.5})
	}
}

// Swing: 100 to the top swing, the others relative; weights = points / Σ points. The example
// 100, 60, 40, 0 (left out), 50 sums to 250.
func TestElicitSwing(t *testing.T) {
	w := weightsOf(t, model.Elicitation{Method: model.ElicitSwing, Items: elicitItems,
		Swing: map[string]float64{"security": 100, "concurrency": 60, "stability": 40, "operations": 50}})
	sameWeights(t, "swing", w, []float64{0.4, 0.24, 0.16, 0, 0.2})
}

func TestElicitDirectAndAHP(t *testing.T) {
	w := weightsOf(t, model.Elicitation{Method: model.ElicitDirect, Items: []string{"a", "b"}, Direct: map[string]float64{"a": 30, "b": 10}})
	sameWeights(t, "direct", w, []float64{0.75, 0.25})
	w = weightsOf(t, model.Elicitation{Method: model.ElicitAHP, Items: []string{"a", "b", "c"}, Matrix: ahpUpper3(2, 4, 2)})
	sameWeights(t, "ahp", w, []float64{4.0 / 7, 2.0 / 7, 1.0 / 7})
	g := model.Elicitation{Method: model.ElicitGroupAHP, Items: []string{"a", "b", "c"},
		Reviewers: map[string][][]float64{"wang": ahpUpper3(2, 4, 2), "li": ahpUpper3(4, 8, 2), "chen": ahpUpper3(1, 2, 2)}}
	w = weightsOf(t, g)
	sameWeights(t, "group ahp", w, []float64{4.0 / 7, 2.0 / 7, 1.0 / 7})
	res, _ := g.GroupAHP()
	if res.Reviewers[0].Reviewer != "chen" { // id order, deterministic
		t.Errorf("reviewers in order %s…", res.Reviewers[0].Reviewer)
	}
}

// The elicitation survives a JSON round trip (it is stored with the profile) unchanged in its
// weights.
func TestElicitJSONRoundTrip(t *testing.T) {
	e := model.Elicitation{Method: model.ElicitGroupAHP, Items: []string{"a", "b", "c"},
		Ranks:     map[string]int{"a": 1, "b": 2, "c": 2},
		Reviewers: map[string][][]float64{"wang": ahpUpper3(2, 4, 2), "li": ahpUpper3(1.0/3, 5, 2)}}
	data, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var back model.Elicitation
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	sameWeights(t, "round trip", weightsOf(t, back), weightsOf(t, e))
	back.Method = model.ElicitRS
	sameWeights(t, "other method kept", weightsOf(t, back), []float64{0.5, 0.25, 0.25})
}

func TestElicitRefuses(t *testing.T) {
	two := []string{"a", "b"}
	cases := map[string]model.Elicitation{
		"no items":       {Method: model.ElicitDirect},
		"duplicate item": {Method: model.ElicitDirect, Items: []string{"a", "a"}},
		"unknown direct": {Method: model.ElicitDirect, Items: two, Direct: map[string]float64{"z": 1}},
		"negative":       {Method: model.ElicitDirect, Items: two, Direct: map[string]float64{"a": -1, "b": 2}},
		"all zero":       {Method: model.ElicitDirect, Items: two, Direct: map[string]float64{"a": 0}},
		"swing > 100":    {Method: model.ElicitSwing, Items: two, Swing: map[string]float64{"a": 100, "b": 120}},
		"swing none":     {Method: model.ElicitSwing, Items: two},
		"swing NaN":      {Method: model.ElicitSwing, Items: two, Swing: map[string]float64{"a": math.NaN()}},
		"missing rank":   {Method: model.ElicitROC, Items: two, Ranks: map[string]int{"a": 1}},
		"zero rank":      {Method: model.ElicitRR, Items: two, Ranks: map[string]int{"a": 1, "b": 0}},
		"unknown rank":   {Method: model.ElicitRS, Items: two, Ranks: map[string]int{"a": 1, "b": 2, "c": 3}},
		"matrix size":    {Method: model.ElicitAHP, Items: two, Matrix: ahpUpper3(2, 4, 2)},
		"no reviewers":   {Method: model.ElicitGroupAHP, Items: two},
		"method":         {Method: "magic", Items: two},
	}
	for name, e := range cases {
		_, err := e.Weights()
		var ee *model.ElicitError
		if !errors.As(err, &ee) {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if zh, _ := present.ModelError(ee, model.LangZh); zh == "" || zh == ee.Error() {
			t.Errorf("%s: no Chinese message", name)
		}
	}
	_, err := model.Elicitation{Method: model.ElicitAHP, Items: two, Matrix: [][]float64{{1, 3}, {3, 1}}}.Weights()
	var ae *model.AHPError
	if !errors.As(err, &ae) {
		t.Errorf("bad matrix: %v", err)
	}
}
