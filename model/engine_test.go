package model

import (
	"math"
	"strings"
	"testing"
)

func TestTinyFixtureValidates(t *testing.T) {
	if err := tiny().Validate(); err != nil {
		t.Fatal(err)
	}
	if err := synthetic(5, 15, 3).Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestValueScore(t *testing.T) {
	track := []Anchor{{99.5, 1}, {99.9, 3}, {99.95, 4}, {99.99, 5}}
	channels := []Anchor{{1, 1}, {1, 2}, {1.25, 3}, {1.5, 4}, {2, 5}}
	scaling := []Anchor{{10, 5}, {30, 4}, {240, 3}, {1440, 2}, {4320, 1}}
	cases := []struct {
		name    string
		anchors []Anchor
		scale   float64
		x, want float64
	}{
		{"track at anchor", track, 1, 99.95, 4},
		{"track between (panshi)", track, 1, 99.96, 4.25},
		{"track between (qinghe)", track, 1, 99.80, 2.5},
		{"track below first clamps", track, 1, 98, 1},
		{"track above last clamps", track, 1, 100, 5},
		{"channels below P is a step to 1", channels, 1000, 999, 1},
		{"channels at P", channels, 1000, 1000, 2},
		{"channels 1.3P (panshi)", channels, 1000, 1300, 3.2},
		{"channels ≥ 2P", channels, 1000, 5000, 5},
		{"scaling cost 2880 min (panshi)", scaling, 1, 2880, 1.5},
		{"scaling fast", scaling, 1, 5, 5},
		{"scaling slow", scaling, 1, 10000, 1},
		{"sla 120 (qinghe)", []Anchor{{5, 5}, {15, 4}, {30, 3}, {60, 2}, {240, 1}}, 1, 120, 2 - 60.0/180},
	}
	for _, c := range cases {
		near(t, c.name, ValueScore(c.anchors, c.scale, c.x), c.want, 1e-9)
	}
}

func TestRankTinyByHand(t *testing.T) {
	e := tiny()
	res, err := Rank(e, "")
	if err != nil {
		t.Fatal(err)
	}
	// x: 0.3×4.5 + 0.3×3.5 + 0.4×3 = 3.60; y: 0.3×5 + 0.3×5 + 0.4×2 = 3.80
	// z: 0.3×5 + 0.3×1 + 0.4×5 = 3.80 but excluded (m1 = 90 < 1×P).
	want := []struct {
		id       string
		total    float64
		rank     int
		excluded bool
	}{{"y", 3.8, 1, false}, {"x", 3.6, 2, false}, {"z", 3.8, 0, true}}
	for i, w := range want {
		got := res.Vendors[i]
		if got.ID != w.id || got.Rank != w.rank || got.Excluded != w.excluded {
			t.Fatalf("line %d = %s rank %d excluded %v, want %+v", i, got.ID, got.Rank, got.Excluded, w)
		}
		near(t, w.id+" total", got.Total, w.total, 1e-12)
	}
	x, _ := res.ByID("x")
	near(t, "x contribution a", x.Contributions[0], 2.4, 1e-12)
	near(t, "x contribution b", x.Contributions[1], 1.2, 1e-12)
	near(t, "x dimension score a", x.DimensionScores[0], 4.0, 1e-12)
	z, _ := res.ByID("z")
	if len(z.FailedKnockOuts) != 1 || z.FailedKnockOuts[0].Value != 90 || z.FailedKnockOuts[0].Rule.Criterion != "m1" {
		t.Fatalf("z knock-outs = %+v", z.FailedKnockOuts)
	}
	if res.Method != "wsm" || res.Profile != "p" {
		t.Fatalf("method/profile = %s/%s", res.Method, res.Profile)
	}
}

func TestTiesShareTheBetterRankOrderedByID(t *testing.T) {
	e := tiny()
	e.KnockOuts = nil
	res, err := Rank(e, "p")
	if err != nil {
		t.Fatal(err)
	}
	// y and z both 3.80: both rank 1, y before z by id; x is third (rank 3, not 2).
	got := []string{}
	for _, v := range res.Vendors {
		got = append(got, v.ID+":"+string(rune('0'+v.Rank)))
	}
	if strings.Join(got, " ") != "y:1 z:1 x:3" {
		t.Fatalf("ranking = %v", got)
	}
}

func TestMissingScoreCountsAsMinimumAndIsListed(t *testing.T) {
	e := tiny()
	var kept []Score
	for _, s := range e.Scores {
		if !(s.Vendor == "y" && s.Criterion == "r2") {
			kept = append(kept, s)
		}
	}
	e.Scores = kept
	res, err := Rank(e, "")
	if err != nil {
		t.Fatal(err)
	}
	y, _ := res.ByID("y")
	// r2 missing → 1 instead of 2: 3.80 − 0.4 = 3.40.
	near(t, "y total", y.Total, 3.4, 1e-12)
	if !y.Incomplete || len(y.Missing) != 1 || e.Framework.Criteria[y.Missing[0]].ID != "r2" {
		t.Fatalf("y incomplete=%v missing=%v", y.Incomplete, y.Missing)
	}
	if y.Rank != 2 {
		t.Fatalf("y rank = %d, want 2 (x 3.60 now leads)", y.Rank)
	}
}

func TestMissingKnockOutValueFails(t *testing.T) {
	e := tiny()
	var kept []Score
	for _, s := range e.Scores {
		if !(s.Vendor == "x" && s.Criterion == "m1") {
			kept = append(kept, s)
		}
	}
	e.Scores = kept
	res, _ := Rank(e, "")
	x, _ := res.ByID("x")
	if !x.Excluded || !x.FailedKnockOuts[0].Missing {
		t.Fatalf("x = %+v, want excluded for a missing knock-out value", x)
	}
}

func TestMedianConsensus(t *testing.T) {
	e := tiny()
	e.Reviewers = append(e.Reviewers, Reviewer{ID: "u", Name: "U"})
	e.Scores = append(e.Scores, Score{Vendor: "x", Criterion: "r1", Reviewer: "u", Value: 1})
	mean, _ := NewProblem(e, "", ConsensusMean, nil)
	median, _ := NewProblem(e, "", ConsensusMedian, nil)
	near(t, "mean of 4,5,1", mean.Consensus(0, 0), 10.0/3, 1e-12)
	near(t, "median of 4,5,1", median.Consensus(0, 0), 4, 0)
	near(t, "median of 5,5", median.Consensus(1, 0), 5, 0)
	st := mean.Cell(0, 0)
	if st.N != 3 || st.Min != 1 || st.Max != 5 || st.Spread() != 4 {
		t.Fatalf("cell stats = %+v", st)
	}
	near(t, "std of 4,5,1", st.Std, math.Sqrt((0.4444444444+2.7777777778+5.4444444444)/3), 1e-8)
	if m := mean.Cell(0, 1); m.N != 1 || !math.IsNaN(m.Values[1]) {
		t.Fatalf("one-reviewer cell = %+v", m)
	}
}

func TestSetRawReranks(t *testing.T) {
	p, err := NewProblem(tiny(), "", ConsensusMean, nil)
	if err != nil {
		t.Fatal(err)
	}
	if l, _ := p.Rank().Leader(); l.ID != "y" {
		t.Fatalf("leader = %s", l.ID)
	}
	p.SetRaw(0, 2, 0, 5) // x r2: reviewers 5,3 → 4: x = 3.60 + 0.4 = 4.00
	p.SetRaw(0, 2, 1, 5) // x r2: 5,5 → 5: x = 4.40
	res := p.Rank()
	l, _ := res.Leader()
	near(t, "x after edits", l.Total, 4.4, 1e-12)
	if l.ID != "x" {
		t.Fatalf("leader = %s, want x", l.ID)
	}
}

func TestTOPSISByHand(t *testing.T) {
	// Two criteria with equal global weight, three vendors, no knock-outs.
	e := tiny()
	e.KnockOuts = nil
	e.Framework.Criteria = e.Framework.Criteria[:1] // r1 only in a
	e.Framework.Criteria = append(e.Framework.Criteria, Criterion{ID: "r2", Dimension: "b", Kind: KindRating})
	e.Profiles[0] = WeightProfile{Name: "p", Dimensions: map[string]float64{"a": 0.5, "b": 0.5},
		Criteria: map[string]float64{"r1": 1, "r2": 1}}
	e.Scores = nil
	for _, s := range []struct {
		v      string
		r1, r2 float64
	}{{"x", 4, 2}, {"y", 2, 4}, {"z", 3, 3}} {
		e.Scores = append(e.Scores, Score{Vendor: s.v, Criterion: "r1", Reviewer: "r", Value: s.r1},
			Score{Vendor: s.v, Criterion: "r2", Reviewer: "r", Value: s.r2})
	}
	p, err := NewProblem(e, "", ConsensusMean, TOPSIS{})
	if err != nil {
		t.Fatal(err)
	}
	res := p.Rank()
	// Column norms √29; weighted normalised: x (4,2)·0.5/√29 … ideal (4,4)·k, anti-ideal (2,2)·k with
	// k = 0.5/√29. x: d+ = 2k, d− = 2k → 0.5; y symmetric 0.5; z: d+ = √2·k, d− = √2·k → 0.5.
	for _, v := range res.Vendors {
		near(t, "closeness "+v.ID, v.Total, 0.5, 1e-12)
		if v.Rank != 1 {
			t.Fatalf("all equal closeness should share rank 1, %s has %d", v.ID, v.Rank)
		}
	}
	// Make z dominate on r2: z (3,5). Norms: r1 √29, r2 √45; ideal (4/√29, 5/√45)·½,
	// anti (2/√29, 2/√45)·½.
	p.SetRaw(2, 1, 0, 5)
	res = p.Rank()
	a, b := 1/math.Sqrt(29), 1/math.Sqrt(45)
	closeness := func(x1, x2 float64) float64 {
		dp := math.Hypot((x1-4)*a, (x2-5)*b)
		dm := math.Hypot((x1-2)*a, (x2-2)*b)
		return dm / (dp + dm)
	}
	for _, w := range []struct {
		id     string
		x1, x2 float64
	}{{"x", 4, 2}, {"y", 2, 4}, {"z", 3, 5}} {
		got, _ := res.ByID(w.id)
		near(t, "closeness "+w.id, got.Total, closeness(w.x1, w.x2), 1e-12)
	}
	if l, _ := res.Leader(); l.ID != "z" {
		t.Fatalf("TOPSIS leader = %s, want z", l.ID)
	}
}

func TestRankDoesNotAllocate(t *testing.T) {
	p, err := NewProblem(synthetic(50, 15, 5), "", ConsensusMean, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.Rank()
	allocs := testing.AllocsPerRun(100, func() { p.SetRaw(0, 0, 0, 3); p.Rank() })
	if allocs > 0 {
		t.Fatalf("Rank allocates %.0f times per call, want 0", allocs)
	}
}

func TestUnknownProfile(t *testing.T) {
	if _, err := Rank(tiny(), "nope"); err == nil || !strings.Contains(err.Error(), `"nope"`) {
		t.Fatalf("err = %v", err)
	}
}

func TestRobustnessWithoutVendors(t *testing.T) {
	e := tiny()
	e.Vendors, e.Scores = nil, nil
	p, err := NewProblem(e, "", ConsensusMean, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s := Robustness(p, nil, nil); !s.NoVendors || s.Leader != -1 || len(s.Limits) != 0 {
		t.Fatalf("summary = %+v", s)
	}
}

func TestNewID(t *testing.T) {
	taken := map[string]bool{"yunqi-telecom": true, "vendor-1": true}
	is := func(s string) bool { return taken[s] }
	for _, c := range []struct{ name, want string }{
		{"Huisheng AI", "huisheng-ai"},
		{"  Yunqi  Telecom!! ", "yunqi-telecom-2"},
		{"云启通讯", "vendor-2"},
		{"Changfeng CloudLink Enterprise Edition", "changfeng-cloudlink-ente"},
		{"磐石 Panshi 2", "panshi-2"},
	} {
		if got := NewID(c.name, "vendor", is); got != c.want {
			t.Errorf("NewID(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
