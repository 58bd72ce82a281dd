package model_test

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"

	"ccselect/internal/present"
	"ccselect/model"
)

// Hand case (two dimensions, weights 0.3/0.7): a 2.2, b 3.8, c 3.5 — b leads by 0.3.
func TestScoreRobustnessHandCase(t *testing.T) {
	p := mustProblem(t, handCase(t, true, 0.3, handScores))
	r := model.ScoreRobustness(p)
	if vid(p, r.Leader) != "b" {
		t.Fatalf("leader %s", vid(p, r.Leader))
	}
	str := func(f model.CellFlip) string {
		return fmt.Sprintf("%s/%s %+.4f→%s %v", vid(p, f.Vendor), p.Eval.Framework.Criteria[f.Criterion].ID, f.Delta, vid(p, f.NewLeader), f.Feasible)
	}
	var all []string
	for _, f := range r.All {
		all = append(all, str(f))
	}
	want := []string{
		"b/c2 -0.4286→c true",  // 0.3 / 0.7
		"c/c2 +0.4286→c true",  // 0.3 / 0.7
		"b/c1 -1.0000→c false", // 1 − 1 < 1: off the scale
		"c/c1 +1.0000→c true",  // 3.5 + 1 = 4.5
		"a/c2 +2.2857→a true",  // 1.6 / 0.7
		"a/c1 +5.3333→a false", // 5 + 5.33 > 5
	}
	if strings.Join(all, "\n") != strings.Join(want, "\n") {
		t.Errorf("flips:\n%s\nwant:\n%s", strings.Join(all, "\n"), strings.Join(want, "\n"))
	}
	if r.Smallest == nil || str(*r.Smallest) != want[0] {
		t.Errorf("smallest %v", r.Smallest)
	}
	if len(r.WithinOnePoint) != 3 {
		t.Errorf("within one point: %d, want 3 (b/c2, c/c2, c/c1)", len(r.WithinOnePoint))
	}
}

// A flip is exact: just beyond Delta the new leader leads, just short of it the old one does.
func TestScoreRobustnessIsExactByRerank(t *testing.T) {
	e := catalogSample(t)
	p := mustProblem(t, e)
	r := model.ScoreRobustness(p)
	if r.Smallest == nil {
		t.Fatal("the sample's close race must have a feasible flip")
	}
	f := *r.Smallest
	crit := e.Framework.Criteria[f.Criterion]
	if crit.Kind != model.KindRating {
		t.Skipf("smallest flip is on measured %s; rerank check needs a rating cell", crit.ID)
	}
	leaderAfter := func(delta float64) string {
		e2 := *e
		e2.Scores = append([]model.Score(nil), e.Scores...)
		for i := range e2.Scores {
			s := &e2.Scores[i]
			if s.Vendor == vid(p, f.Vendor) && s.Criterion == crit.ID {
				s.Value += delta
			}
		}
		res, err := model.Rank(&e2, "")
		if err != nil {
			t.Fatal(err)
		}
		return res.Vendors[0].ID
	}
	sign := math.Copysign(1, f.Delta)
	if got := leaderAfter(f.Delta - sign*1e-6); got != vid(p, r.Leader) {
		t.Errorf("just short of %+.4f on %s/%s: %s leads", f.Delta, vid(p, f.Vendor), crit.ID, got)
	}
	if got := leaderAfter(f.Delta + sign*1e-6); got != vid(p, f.NewLeader) {
		t.Errorf("just beyond %+.4f on %s/%s: %s leads, want %s", f.Delta, vid(p, f.Vendor), crit.ID, got, vid(p, f.NewLeader))
	}
}

func TestRobustnessSummary(t *testing.T) {
	p := sampleProblem(t)
	s := present.Robustness(p, nil, nil)
	en := regexp.MustCompile(`^Yunqi Telecom is first at the current weights; it stays first while data security ≤ 2[56]\.\d% and concurrency capacity ≥ 9\.\d%; past the nearest limit Panshi Xinlian leads\.$`)
	if !en.MatchString(s.En) {
		t.Errorf("en: %s", s.En)
	}
	zh := regexp.MustCompile(`^云启通讯在当前权重下排名第一；数据安全保障权重 ≤ 2[56]\.\d% 且并发承载能力权重 ≥ 9\.\d% 时保持第一；越过最近的临界点后磐石信联领先。$`)
	if !zh.MatchString(s.Zh) {
		t.Errorf("zh: %s", s.Zh)
	}
	smaa := runSMAA(t, p, model.SMAAOptions{Samples: 20_000, Seed: 1})
	pct := fmt.Sprintf("%.0f%%", math.Round(smaa.Acceptability[smaa.Index("yunqi")][0]*100))
	s = present.Robustness(p, model.BreakEvens(p), smaa)
	if !strings.HasPrefix(s.En, "Yunqi Telecom is first in "+pct+" of weight scenarios; it stays first while data security") {
		t.Errorf("en with SMAA: %s", s.En)
	}
	if !strings.HasPrefix(s.Zh, "云启通讯在 "+pct+" 的权重情形中排名第一；") {
		t.Errorf("zh with SMAA: %s", s.Zh)
	}
}

func TestRobustnessSummaryRounding(t *testing.T) {
	p := sampleProblem(t)
	// Around ±20%, Yunqi is first in nearly every draw but not in all of them.
	smaa := runSMAA(t, p, model.SMAAOptions{Samples: 20_000, Seed: 1, Weights: model.WeightsAround, AroundPct: 20})
	share := smaa.Acceptability[smaa.Index("yunqi")][0]
	if !(share > 0.995 && share < 1) {
		t.Skipf("share %.4f does not exercise the rounding", share)
	}
	if s := present.Robustness(p, nil, smaa); !strings.HasPrefix(s.En, "Yunqi Telecom is first in >99% of weight scenarios") {
		t.Errorf("en: %s", s.En)
	}
}

func TestRobustnessSummaryNoLimit(t *testing.T) {
	// a dominates everywhere: no weight changes the leader.
	p := mustProblem(t, handCase(t, true, 0.5, [3][2]float64{{5, 4}, {1, 1}, {4, 3}}))
	s := present.Robustness(p, nil, nil)
	if s.En != "Alpha is first at the current weights; no single dimension weight changes the leader." {
		t.Errorf("en: %s", s.En)
	}
	if s.Zh != "甲在当前权重下排名第一；单独调整任何一个维度的权重都不会改变第一名。" {
		t.Errorf("zh: %s", s.Zh)
	}
}
