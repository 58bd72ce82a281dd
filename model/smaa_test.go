package model_test

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"reflect"
	"testing"

	"ccselect/model"
)

func runSMAA(t testing.TB, p *model.Problem, opt model.SMAAOptions) *model.SMAAResult {
	t.Helper()
	r, err := model.RunSMAA(context.Background(), p, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.4f, want %.4f ± %g", what, got, want, tol)
	}
}

func checkAcceptability(t *testing.T, r *model.SMAAResult, want map[string][]float64, tol float64) {
	t.Helper()
	for id, ranks := range want {
		i := r.Index(id)
		if i < 0 {
			t.Fatalf("vendor %s missing from %v", id, r.IDs)
		}
		for k, w := range ranks {
			near(t, fmt.Sprintf("b_%s^%d", id, k+1), r.Acceptability[i][k], w, tol)
		}
	}
}

// Uniform weights on two criteria: the weight w of the first is uniform on [0,1], and the
// acceptabilities are lengths on that line (see handCase): b leads below 0.375, c between
// 0.375 and 0.625, a above; a and b swap at 0.5.
func TestSMAAHandCaseUniform(t *testing.T) {
	for _, twoDims := range []bool{true, false} {
		level := model.LevelCriteria
		if twoDims {
			level = model.LevelDimensions
		}
		t.Run(level.String(), func(t *testing.T) {
			p := mustProblem(t, handCase(t, twoDims, 0.3, handScores))
			r := runSMAA(t, p, model.SMAAOptions{Samples: 200_000, Seed: 42, Level: level})
			checkAcceptability(t, r, map[string][]float64{
				"a": {0.375, 0.125, 0.5},
				"b": {0.375, 0.125, 0.5},
				"c": {0.25, 0.75, 0},
			}, 0.005)
			a, b, c := r.Index("a"), r.Index("b"), r.Index("c")
			// Central weights: the midpoints of each vendor's first-place interval.
			near(t, "w_a^c[0]", r.CentralWeights[a][0], 0.8125, 0.005)
			near(t, "w_b^c[0]", r.CentralWeights[b][0], 0.1875, 0.005)
			near(t, "w_c^c[0]", r.CentralWeights[c][0], 0.5, 0.005)
			for i := range r.IDs {
				near(t, "w^c sum", r.CentralWeights[i][0]+r.CentralWeights[i][1], 1, 1e-12)
				// Without score uncertainty the confidence factor is 0 or 1; each central
				// weight lies inside its own (convex) first-place interval.
				if r.Confidence[i] != 1 {
					t.Errorf("confidence of %s = %v, want 1", r.IDs[i], r.Confidence[i])
				}
			}
			near(t, "P(a>b)", r.Winning[a][b], 0.5, 0.005)
			near(t, "P(b>a)", r.Winning[b][a], 0.5, 0.005)
			near(t, "P(a>c)", r.Winning[a][c], 0.375, 0.005)
			near(t, "P(c>a)", r.Winning[c][a], 0.625, 0.005)
			near(t, "P(b>c)", r.Winning[b][c], 0.375, 0.005)
			if r.Winning[a][a] != 0 {
				t.Error("a vendor cannot beat itself")
			}
			wantParams := []string{"c1", "c2"}
			if twoDims {
				wantParams = []string{"d1", "d2"}
			}
			if !reflect.DeepEqual(r.Params, wantParams) {
				t.Errorf("params %v, want %v", r.Params, wantParams)
			}
		})
	}
}

// Ordinal weights keep the current order (0.3 < 0.7), so the first weight is uniform on
// [0, 0.5]: b leads on [0, 0.375) (75%), c on (0.375, 0.5] (25%), a is always last.
func TestSMAAHandCaseOrdinal(t *testing.T) {
	p := mustProblem(t, handCase(t, false, 0.3, handScores))
	r := runSMAA(t, p, model.SMAAOptions{Samples: 200_000, Seed: 7, Level: model.LevelCriteria, Weights: model.WeightsOrdinal})
	checkAcceptability(t, r, map[string][]float64{
		"a": {0, 0, 1},
		"b": {0.75, 0.25, 0},
		"c": {0.25, 0.75, 0},
	}, 0.005)
	near(t, "w_b^c[0]", r.CentralWeights[r.Index("b")][0], 0.1875, 0.005)
	near(t, "w_c^c[0]", r.CentralWeights[r.Index("c")][0], 0.4375, 0.005)
	if r.CentralWeights[r.Index("a")] != nil {
		t.Error("a is never first and must have no central weights")
	}
	if r.Confidence[r.Index("a")] != 0 {
		t.Error("a vendor never first has confidence 0")
	}
}

// Around ±50%: w1 ~ U[0.15, 0.45], w2 ~ U[0.35, 1.05], w = w1/(w1+w2) ∈ [0.125, 0.5625].
// c leads when w > 0.375, i.e. w1 > 0.6·w2: ∫_{0.35}^{0.75} (0.45 − 0.6·w2)/0.3 dw2 / 0.7
// = 0.048/0.21 = 8/35; b leads otherwise (w > 0.625 is impossible). a passes b when w > 0.5,
// i.e. w1 > w2: ∫_{0.35}^{0.45} (0.45 − w2)/0.3 dw2 / 0.7 = 1/42.
func TestSMAAHandCaseAround(t *testing.T) {
	p := mustProblem(t, handCase(t, true, 0.3, handScores))
	r := runSMAA(t, p, model.SMAAOptions{Samples: 200_000, Seed: 3, Weights: model.WeightsAround, AroundPct: 50})
	checkAcceptability(t, r, map[string][]float64{
		"a": {0, 1.0 / 42, 41.0 / 42},
		"b": {27.0 / 35, 8.0/35 - 1.0/42, 1.0 / 42},
		"c": {8.0 / 35, 27.0 / 35, 0},
	}, 0.005)
}

// Identical vendors tie on every draw: they share the rank, neither beats the other.
func TestSMAATies(t *testing.T) {
	p := mustProblem(t, handCase(t, false, 0.5, [3][2]float64{{5, 1}, {1, 5}, {5, 1}}))
	r := runSMAA(t, p, model.SMAAOptions{Samples: 100_000, Seed: 1, Level: model.LevelCriteria})
	// a and c: first (shared) when w > 0.5, else second (shared); b first or third.
	checkAcceptability(t, r, map[string][]float64{
		"a": {0.5, 0.5, 0},
		"c": {0.5, 0.5, 0},
		"b": {0.5, 0, 0.5},
	}, 0.005)
	a, c := r.Index("a"), r.Index("c")
	if r.Winning[a][c] != 0 || r.Winning[c][a] != 0 {
		t.Errorf("identical vendors beat each other: %v %v", r.Winning[a][c], r.Winning[c][a])
	}
	if r.Acceptability[a][0] != r.Acceptability[c][0] {
		t.Error("tied vendors must be counted first together")
	}
}

// reviewersCase: one criterion, two vendors; reviewers of x disagree (so its consensus is drawn
// between their values), reviewers of y agree.
func reviewersCase(t *testing.T, c model.Criterion, x, y [2]float64) *model.Problem {
	t.Helper()
	e := &model.Evaluation{Name: "rev",
		Framework: model.Framework{Dimensions: []model.Dimension{{ID: "d", Name: model.Both("d")}}, Criteria: []model.Criterion{c}},
		Vendors:   []model.Vendor{{ID: "x", Name: model.Both("X")}, {ID: "y", Name: model.Both("Y")}},
		Reviewers: []model.Reviewer{{ID: "r1", Name: "r1"}, {ID: "r2", Name: "r2"}},
		Profiles:  []model.WeightProfile{{Name: "p", Dimensions: map[string]float64{"d": 1}, Criteria: map[string]float64{c.ID: 1}}},
	}
	for i, v := range [][2]float64{x, y} {
		for r := range 2 {
			e.Scores = append(e.Scores, model.Score{Vendor: e.Vendors[i].ID, Criterion: c.ID, Reviewer: e.Reviewers[r].ID, Value: v[r]})
		}
	}
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	return mustProblem(t, e)
}

func TestSMAAReviewerUncertainty(t *testing.T) {
	t.Run("rating", func(t *testing.T) {
		// x's rating is uniform on [2,4], y is 3.5: x first with probability 1/4.
		p := reviewersCase(t, model.Criterion{ID: "c", Dimension: "d", Name: model.Both("c"), Kind: model.KindRating}, [2]float64{2, 4}, [2]float64{3.5, 3.5})
		r := runSMAA(t, p, model.SMAAOptions{Samples: 200_000, Seed: 5, Uncertainty: model.UncertaintyReviewers})
		checkAcceptability(t, r, map[string][]float64{"x": {0.25, 0.75}, "y": {0.75, 0.25}}, 0.005)
		near(t, "p_x^c", r.Confidence[r.Index("x")], 0.25, 0.005)
		near(t, "p_y^c", r.Confidence[r.Index("y")], 0.75, 0.005)
		// Without uncertainty x (consensus 3) always loses to y (3.5).
		r0 := runSMAA(t, p, model.SMAAOptions{Samples: 10_000, Seed: 5})
		checkAcceptability(t, r0, map[string][]float64{"x": {0, 1}, "y": {1, 0}}, 0)
		if r0.Confidence[r0.Index("y")] != 1 || r0.Confidence[r0.Index("x")] != 0 {
			t.Errorf("deterministic confidence %v", r0.Confidence)
		}
	})
	t.Run("measured", func(t *testing.T) {
		// Raw availability uniform on [99.90, 99.99] goes through the value function (99.95 → 4);
		// y scores exactly 4, so x leads when its raw value exceeds 99.95: 0.04/0.09 = 4/9.
		c := model.Criterion{ID: "track", Dimension: "d", Name: model.Both("track"), Kind: model.KindMeasured, Direction: model.Benefit,
			Anchors: []model.Anchor{{X: 99.5, Score: 1}, {X: 99.9, Score: 3}, {X: 99.95, Score: 4}, {X: 99.99, Score: 5}}}
		p := reviewersCase(t, c, [2]float64{99.90, 99.99}, [2]float64{99.95, 99.95})
		r := runSMAA(t, p, model.SMAAOptions{Samples: 200_000, Seed: 9, Uncertainty: model.UncertaintyReviewers})
		near(t, "b_x^1", r.Acceptability[r.Index("x")][0], 4.0/9, 0.005)
	})
}

// The result is bit-identical whatever the number of workers.
// The second problem takes the large-problem paths: exponential spacings (40 weights) and the
// two-halves rank network (40 vendors).
func TestSMAADeterministicAcrossWorkers(t *testing.T) {
	small, large := syntheticProblem(t, 12, 10, 3), syntheticProblem(t, 40, 40, 2)
	for _, c := range []struct {
		p   *model.Problem
		opt model.SMAAOptions
	}{
		{small, model.SMAAOptions{Samples: 100_000, Seed: 11, Level: model.LevelCriteria}},
		{small, model.SMAAOptions{Samples: 50_000, Seed: 12, Level: model.LevelDimensions, Weights: model.WeightsAround, AroundPct: 30, Uncertainty: model.UncertaintyReviewers}},
		{small, model.SMAAOptions{Samples: 70_001, Seed: 13, Level: model.LevelCriteria, Weights: model.WeightsOrdinal}},
		{large, model.SMAAOptions{Samples: 40_001, Seed: 14, Level: model.LevelCriteria}},
	} {
		p, opt := c.p, c.opt
		var first *model.SMAAResult
		for _, workers := range []int{1, 2, 8} {
			opt.Workers = workers
			r := runSMAA(t, p, opt)
			if first == nil {
				first = r
				continue
			}
			if !reflect.DeepEqual(first, r) {
				t.Errorf("%v/%v: %d workers differ from 1 worker", opt.Weights, opt.Uncertainty, workers)
			}
		}
		opt.Seed++
		if other := runSMAA(t, p, opt); reflect.DeepEqual(first.Acceptability, other.Acceptability) {
			t.Error("a different seed gave the same acceptabilities")
		}
	}
}

// Sampler v2 changed the stream only beyond 33 weights: up to there it draws what v1 drew, bit for
// bit (the fingerprint was taken with the v1 kernel, commit a2324fa), so figures published from
// v1 runs of ordinary workshops still reproduce.
func TestSMAASamplerKeepsV1Stream(t *testing.T) {
	p := syntheticProblem(t, 5, 15, 2)
	for u, want := range map[model.SMAAUncertainty]uint64{
		model.UncertaintyNone:      0x148d3dc6f7e707d7,
		model.UncertaintyReviewers: 0x917aa49a709457fe,
	} {
		r := runSMAA(t, p, model.SMAAOptions{Samples: 50_000, Seed: 3, Level: model.LevelCriteria, Uncertainty: u})
		h := fnv.New64()
		fmt.Fprint(h, r.Acceptability, r.Winning, r.CentralWeights, r.Confidence)
		if got := h.Sum64(); got != want {
			t.Errorf("%v: fingerprint %#x, want v1's %#x", u, got, want)
		}
	}
}

func TestSMAACancel(t *testing.T) {
	p := syntheticProblem(t, 20, 15, 1)
	ctx, cancel := context.WithCancel(context.Background())
	calls, last := 0, 0
	_, err := model.RunSMAA(ctx, p, model.SMAAOptions{Samples: 1 << 30, Seed: 1, Level: model.LevelCriteria,
		Progress: func(done, total int) {
			calls++
			last = done
			if total != 1<<30 {
				t.Errorf("total %d", total)
			}
			cancel()
		}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if calls == 0 || last >= 1<<30 {
		t.Errorf("progress calls %d, last %d", calls, last)
	}
	// An already cancelled context does no work at all.
	if _, err := model.RunSMAA(ctx, p, model.SMAAOptions{Samples: 10, Seed: 1}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

func TestSMAAProgress(t *testing.T) {
	p := syntheticProblem(t, 6, 6, 2)
	var seen []int
	total := 0
	runSMAA(t, p, model.SMAAOptions{Samples: 40_000, Seed: 1, Uncertainty: model.UncertaintyReviewers, Workers: 2,
		Progress: func(done, tot int) { seen = append(seen, done); total = tot }})
	if total != 80_000 { // the confidence pass is simulated too
		t.Fatalf("total %d, want 80000", total)
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] <= seen[i-1] {
			t.Fatalf("progress not increasing: %v", seen)
		}
	}
	if seen[len(seen)-1] != total {
		t.Fatalf("progress ends at %d of %d", seen[len(seen)-1], total)
	}
}

// Knocked-out vendors take no part; acceptabilities of each vendor sum to 1.
func TestSMAACatalogSample(t *testing.T) {
	p := sampleProblem(t)
	r := runSMAA(t, p, model.SMAAOptions{Samples: 50_000, Seed: 1})
	if r.Index("qinghe") >= 0 || len(r.IDs) != 4 {
		t.Fatalf("ranked vendors %v", r.IDs)
	}
	if !reflect.DeepEqual(r.Params, []string{"stability", "concurrency", "feature_fit", "data_security", "operations"}) {
		t.Errorf("params %v", r.Params)
	}
	firsts := 0.0
	for i, row := range r.Acceptability {
		s := 0.0
		for _, b := range row {
			s += b
		}
		near(t, "Σ_r b_"+r.IDs[i], s, 1, 1e-12)
		firsts += row[0]
	}
	near(t, "Σ_i b_i^1", firsts, 1, 1e-12)
}

func TestSMAAOptionErrors(t *testing.T) {
	p := sampleProblem(t)
	for _, opt := range []model.SMAAOptions{
		{Samples: 0},
		{Samples: 10, Weights: model.WeightsAround},
		{Samples: 10, Weights: model.WeightsAround, AroundPct: 150},
		{Samples: 10, Workers: -1},
		{Samples: 10, Level: 7},
	} {
		if _, err := model.RunSMAA(context.Background(), p, opt); err == nil {
			t.Errorf("%+v: no error", opt)
		}
	}
	for _, s := range []string{"around", "around:", "around:0", "around:x", "simplex"} {
		if _, _, err := model.ParseSMAAWeights(s); err == nil {
			t.Errorf("ParseSMAAWeights(%q): no error", s)
		}
	}
	if m, pct, err := model.ParseSMAAWeights("around:20%"); err != nil || m != model.WeightsAround || pct != 20 {
		t.Errorf("around:20%% → %v %v %v", m, pct, err)
	}
	if _, err := model.ParseSMAALevel("criterion"); err == nil {
		t.Error("ParseSMAALevel accepted a typo")
	}
	if _, err := model.ParseSMAAUncertainty("all"); err == nil {
		t.Error("ParseSMAAUncertainty accepted a typo")
	}
}
