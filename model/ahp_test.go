package model_test

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"ccselect/internal/present"
	"ccselect/model"
)

const ahpThird = 1.0 / 3

// saatyHouse is the criteria matrix of Saaty's "choosing a house" example: T. L. Saaty, "How
// to make a decision: the analytic hierarchy process", European Journal of Operational
// Research 48 (1990) 9–26, §4 Table 2 (first in Saaty, The Analytic Hierarchy Process, 1980).
// Criteria: size, transportation, neighbourhood, age, yard, modern facilities, condition,
// financing. Published: priorities .173 .054 .188 .018 .031 .036 .167 .333; λmax = 9.669,
// CI = 0.238, CR = 0.169.
var saatyHouse = [][]float64{
	{1, 5, 3, 7, 6, 6, ahpThird, 1.0 / 4},
	{1.0 / 5, 1, ahpThird, 5, 3, 3, 1.0 / 5, 1.0 / 7},
	{ahpThird, 3, 1, 6, 3, 4, 6, 1.0 / 5},
	{1.0 / 7, 1.0 / 5, 1.0 / 6, 1, ahpThird, 1.0 / 4, 1.0 / 7, 1.0 / 8},
	{1.0 / 6, ahpThird, ahpThird, 3, 1, 1.0 / 2, 1.0 / 5, 1.0 / 6},
	{1.0 / 6, ahpThird, 1.0 / 4, 4, 2, 1, 1.0 / 5, 1.0 / 6},
	{3, 5, 1.0 / 6, 7, 5, 5, 1, 1.0 / 2},
	{4, 7, 5, 8, 6, 6, 2, 1},
}

func ahpNear3(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 0.0005+1e-12 {
		t.Errorf("%s = %.4f, want %.3f", what, got, want)
	}
}

func TestAHPSaatyHouseCriteria(t *testing.T) {
	r, err := model.AHP(saatyHouse)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range []float64{.173, .054, .188, .018, .031, .036, .167, .333} {
		ahpNear3(t, "w", r.Weights[i], w)
	}
	ahpNear3(t, "λmax", r.LambdaMax, 9.669)
	ahpNear3(t, "CI", r.CI, 0.238)
	ahpNear3(t, "CR", r.CR, 0.169)
	if r.RandomIndex != 1.41 || r.Consistent {
		t.Errorf("RI %g consistent %v", r.RandomIndex, r.Consistent)
	}
	// The warning: the judgement with the largest ε_ij = a_ij·w_j/w_i is neighbourhood vs
	// condition (a_37 = 6, rows/columns 3 and 7), while the priorities of the other judgements
	// put condition about as high as neighbourhood: w_3/w_7 = .188/.167 = 1.13 → scale value 1.
	mi := r.MostInconsistent
	if mi == nil || mi.I != 2 || mi.J != 6 || mi.Value != 6 || math.Abs(mi.Suggested-r.Weights[2]/r.Weights[6]) > 1e-12 || mi.SuggestedScale != 1 {
		t.Fatalf("most inconsistent %+v", mi)
	}
	ahpNear3(t, "ε_37", mi.Deviation, 5.321) // 6 / 1.1275
}

// The "size of house" comparison of the three houses in the same paper (Saaty 1990, Table 3):
// priorities .754 .181 .065, λmax = 3.136, CI = 0.068, CR = 0.117.
func TestAHPSaatyHouseSize(t *testing.T) {
	r, err := model.AHP([][]float64{{1, 6, 8}, {1.0 / 6, 1, 4}, {1.0 / 8, 1.0 / 4, 1}})
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range []float64{.754, .181, .065} {
		ahpNear3(t, "w", r.Weights[i], w)
	}
	ahpNear3(t, "λmax", r.LambdaMax, 3.136)
	ahpNear3(t, "CI", r.CI, 0.068)
	ahpNear3(t, "CR", r.CR, 0.117)
	// In a 3×3 matrix the one cycle of inconsistency spreads equally over the three pairs
	// (|ln ε| = ln(6·4/8)/3 for each), so the first pair in row order is reported.
	if mi := r.MostInconsistent; mi.I != 0 || mi.J != 1 || math.Abs(mi.Deviation-math.Cbrt(3)) > 1e-9 {
		t.Errorf("most inconsistent %+v", mi)
	}
}

// A consistent matrix a_ij = w_i/w_j returns w exactly, λmax = n and CR = 0 (random w, seeded).
func TestAHPConsistentRecoversWeights(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 50; trial++ {
		n := 1 + rng.IntN(model.AHPMaxItems)
		w := make([]float64, n)
		s := 0.0
		for i := range w {
			w[i] = 1 + rng.Float64()*2 // ratios stay inside 1/9..9
			s += w[i]
		}
		m := make([][]float64, n)
		for i := range m {
			m[i] = make([]float64, n)
			for j := range m[i] {
				m[i][j] = w[i] / w[j]
			}
		}
		r, err := model.AHP(m)
		if err != nil {
			t.Fatal(err)
		}
		for i := range w {
			if math.Abs(r.Weights[i]-w[i]/s) > 1e-9 {
				t.Fatalf("n=%d: w%d = %g, want %g", n, i, r.Weights[i], w[i]/s)
			}
		}
		if math.Abs(r.LambdaMax-float64(n)) > 1e-9 || r.CR > 1e-9 || !r.Consistent {
			t.Fatalf("n=%d: λ %g CR %g", n, r.LambdaMax, r.CR)
		}
	}
}

// 2×2 is exact: a_12 = 3 gives (0.75, 0.25).
func TestAHPTwoItems(t *testing.T) {
	r, err := model.AHP([][]float64{{1, 3}, {ahpThird, 1}})
	if err != nil || r.Weights[0] != 0.75 || r.Weights[1] != 0.25 || r.CR != 0 || r.MostInconsistent != nil {
		t.Fatalf("%+v %v", r, err)
	}
}

func TestAHPRefusesBadMatrices(t *testing.T) {
	big := make([][]float64, 11)
	for i := range big {
		big[i] = make([]float64, 11)
		for j := range big[i] {
			big[i][j] = 1
		}
	}
	cases := []struct {
		name string
		m    [][]float64
		kind model.AHPErrorKind
		i, j int
	}{
		{"empty", nil, model.AHPEmpty, 0, 0},
		{"eleven", big, model.AHPTooLarge, 0, 0},
		{"ragged", [][]float64{{1, 2}, {0.5}}, model.AHPNotSquare, 1, 1},
		{"zero", [][]float64{{1, 0}, {1, 1}}, model.AHPNotPositive, 0, 1},
		{"negative", [][]float64{{1, -2}, {-0.5, 1}}, model.AHPNotPositive, 0, 1},
		{"off scale", [][]float64{{1, 12}, {1.0 / 12, 1}}, model.AHPOffScale, 0, 1},
		{"diagonal", [][]float64{{2, 2}, {0.5, 1}}, model.AHPDiagonal, 0, 0},
		{"not reciprocal", [][]float64{{1, 3}, {3, 1}}, model.AHPNotReciprocal, 0, 1},
	}
	for _, c := range cases {
		_, err := model.AHP(c.m)
		var ae *model.AHPError
		if !errors.As(err, &ae) || ae.Kind != c.kind || ae.I != c.i || ae.J != c.j {
			t.Errorf("%s: %v (%+v)", c.name, err, ae)
			continue
		}
		if zh, _ := present.ModelError(ae, model.LangZh); zh == "" || zh == ae.Error() {
			t.Errorf("%s: no Chinese message", c.name)
		}
	}
	// 0.333 is accepted as the reciprocal of 3 (typed to three decimals).
	if _, err := model.AHP([][]float64{{1, 3}, {0.333, 1}}); err != nil {
		t.Errorf("0.333 vs 3: %v", err)
	}
}

func TestParsePairwise(t *testing.T) {
	items, m, err := model.ParsePairwise([]byte(`{"items": ["cost", "safety", "style"],
		"matrix": [[1, "3", "1/5"], ["1/3", 1, " 1 / 7 "], [5, "7", 1]]}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 || m[0][2] != 0.2 || m[1][2] != 1.0/7 || m[2][1] != 7 {
		t.Fatalf("%v %v", items, m)
	}
	bad := map[string]model.AHPErrorKind{
		`{"items": ["a", "b"], "matrix": [[1, "x"], [1, 1]]}`:   model.AHPBadEntry,
		`{"items": ["a", "b"], "matrix": [[1, "1/0"], [1, 1]]}`: model.AHPBadEntry,
		`{"items": ["a", "a"], "matrix": [[1, 1], [1, 1]]}`:     model.AHPItems,
		`{"items": ["a"], "matrix": [[1, 1], [1, 1]]}`:          model.AHPItems,
		`{"items": ["a", "b"], "matrix": [[1, "2"], ["2", 1]]}`: model.AHPNotReciprocal,
		`{"items": ["a", "b"], "matrix": [[1, true], [1, 1]]}`:  model.AHPBadEntry,
		`[1, 2]`: model.AHPItems,
	}
	for in, kind := range bad {
		_, _, err := model.ParsePairwise([]byte(in))
		var ae *model.AHPError
		if !errors.As(err, &ae) || ae.Kind != kind {
			t.Errorf("%s: %v, want %s", in, err, kind)
		}
	}
}

func TestReciprocalFillAndSnap(t *testing.T) {
	m := model.ReciprocalFill([][]float64{{0, 3, 5}, {0, 0, 2}, {}})
	if m[1][0] != ahpThird || m[2][0] != 0.2 || m[2][1] != 0.5 || m[2][2] != 1 {
		t.Fatalf("%v", m)
	}
	for x, want := range map[float64]float64{1.13: 1, 2.4: 2, 2.5: 3, 8.7: 9, 20: 9, 0.45: 0.5, 1.0 / 2.5: 1.0 / 3, 0.01: 1.0 / 9} {
		if got := model.SnapToSaaty(x); math.Abs(got-want) > 1e-12 {
			t.Errorf("snap %g = %g, want %g", x, got, want)
		}
	}
}

// BenchmarkAHP10: a random 10×10 reciprocal matrix on the 1–9 scale (issue 10: ≤ 20 µs).
func BenchmarkAHP10(b *testing.B) {
	rng := rand.New(rand.NewPCG(7, 8))
	upper := make([][]float64, 10)
	for i := range upper {
		upper[i] = make([]float64, 10)
		for j := i + 1; j < 10; j++ {
			x := float64(1 + rng.IntN(9))
			if rng.IntN(2) == 0 {
				x = 1 / x
			}
			upper[i][j] = x
		}
	}
	m := model.ReciprocalFill(upper)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := model.AHP(m); err != nil {
			b.Fatal(err)
		}
	}
}

// The CLI prints AHPResult as JSON (issue 10's `ccselect ahp` shape).
func TestAHPResultJSON(t *testing.T) {
	r, err := model.AHP(saatyHouse)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"weights", "lambda_max", "ci", "cr", "random_index", "consistent", "most_inconsistent"} {
		if _, ok := got[k]; !ok {
			t.Errorf("no %q in %s", k, data)
		}
	}
	mi := got["most_inconsistent"].(map[string]any)
	if mi["i"] != 2.0 || mi["j"] != 6.0 || mi["suggested"] == nil {
		t.Errorf("most_inconsistent %v", mi)
	}
}

// BenchmarkAHPSaatyHouse: the published 8×8 (a realistic, moderately inconsistent matrix; the
// random 10×10 above, CR ≈ 0.8, is the slow worst case for power iteration).
func BenchmarkAHPSaatyHouse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := model.AHP(saatyHouse); err != nil {
			b.Fatal(err)
		}
	}
}
