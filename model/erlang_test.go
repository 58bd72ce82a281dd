package model_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"ccselect/internal/present"
	"ccselect/model"
)

// Erlang B loss table (any published table, e.g. the ITU-T Teletraffic Engineering Handbook,
// Iversen, Table of Erlang's B-formula; the same values are on every "Erlang B table" page):
// the traffic N channels carry at 1% and 2% blocking.
var erlangBTable = []struct {
	n        int
	at1, at2 float64
}{
	{10, 4.46, 5.08},
	{20, 12.03, 13.18},
	{50, 37.90, 40.26},
	{100, 84.06, 87.97},
}

func TestErlangBTablePoints(t *testing.T) {
	for _, c := range erlangBTable {
		// The table rounds A to two decimals, so blocking there is the target to ±0.0001.
		for _, tc := range []struct{ a, want float64 }{{c.at1, 0.01}, {c.at2, 0.02}} {
			b, err := model.ErlangB(c.n, tc.a)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(b-tc.want) > 1e-4 {
				t.Errorf("B(%d, %.2f) = %.5f, want %.2f", c.n, tc.a, b, tc.want)
			}
			// ... and the channels for that target at that traffic are exactly N.
			n, at, err := model.ChannelsFor(tc.a, tc.want+5e-5)
			if err != nil || n != c.n || at > tc.want+5e-5 {
				t.Errorf("ChannelsFor(%.2f, %.4f) = %d (%.5f) %v, want %d", tc.a, tc.want, n, at, err, c.n)
			}
		}
	}
}

// A = 10 Erlangs needs 18 channels at 1% (B = 0.71%, 17 give 1.29%) and 17 at 2% — the
// 10-Erlang row of the same tables.
func TestChannelsForTenErlangs(t *testing.T) {
	for _, c := range []struct {
		target float64
		n      int
	}{{0.01, 18}, {0.02, 17}} {
		n, b, err := model.ChannelsFor(10, c.target)
		if err != nil || n != c.n {
			t.Fatalf("ChannelsFor(10, %.2f) = %d, %v; want %d", c.target, n, err, c.n)
		}
		prev, _ := model.ErlangB(n-1, 10)
		if b > c.target || prev <= c.target {
			t.Errorf("target %.2f: B(%d)=%.5f B(%d)=%.5f do not bracket it", c.target, n, b, n-1, prev)
		}
	}
	b, _ := model.ErlangB(18, 10)
	if math.Abs(b-0.00714) > 5e-6 {
		t.Errorf("B(18,10) = %.6f, want 0.00714", b)
	}
}

// The classic Erlang C example (Westbay Engineers, "The Erlang-C formula",
// erlang.com/calculator/erlc — also Call Centre Helper's "Erlang C formula made simple"):
// 360 calls per half hour, 4-minute calls → A = 48 Erlangs; with 55 agents the probability of
// waiting is 23.87%, the occupancy 87.3%, the ASA 8.2 s, and the service level 86.7% in 20 s
// (84.6% in the page's 15 s).
func TestErlangCClassicExample(t *testing.T) {
	a, err := model.Traffic(360, 240, 1800)
	if err != nil || a != 48 {
		t.Fatalf("traffic %g %v, want 48", a, err)
	}
	q, err := model.ErlangC(55, a, 240, 20)
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, got, want, tol float64) {
		t.Helper()
		if math.Abs(got-want) > tol {
			t.Errorf("%s = %.5f, want %.5f", name, got, want)
		}
	}
	check("P(wait)", q.PWait, 0.2387, 5e-5)
	check("occupancy", q.Occupancy, 0.8727, 5e-5)
	check("ASA", q.ASA, 8.18, 0.005)
	check("SL(20s)", q.ServiceLevel, 0.8668, 5e-5)
	q15, _ := model.ErlangC(55, a, 240, 15)
	check("SL(15s)", q15.ServiceLevel, 0.8459, 5e-5)

	// 80% in 20 s: 54 agents give 81.7%, 53 only 75.2%; so 54 are required.
	need, err := model.AgentsFor(a, 240, 0.8, 20)
	if err != nil || need.Agents != 54 {
		t.Fatalf("AgentsFor 80/20 = %d %v, want 54", need.Agents, err)
	}
	check("SL at 54", need.ServiceLevel, 0.8172, 5e-5)
	q53, _ := model.ErlangC(53, a, 240, 20)
	check("SL at 53", q53.ServiceLevel, 0.7518, 5e-5)
}

// With n ≤ A the queue grows without bound: every call waits, nobody is answered in time.
func TestErlangCOverloaded(t *testing.T) {
	q, err := model.ErlangC(48, 48, 240, 20)
	if err != nil {
		t.Fatal(err)
	}
	if q.PWait != 1 || q.ServiceLevel != 0 || !math.IsInf(q.ASA, 1) || q.Occupancy != 1 {
		t.Errorf("overloaded queue %+v", q)
	}
}

// The recursion stays finite and exact far beyond what factorials allow. At 20,000 Erlangs a
// trunk group is so large that 1% blocking needs slightly fewer channels than A (B(A, A) is
// about √(2/(πA)) ≈ 0.56% there): the answer lies within √A of A and is the first N below 1%.
func TestErlangLargeTraffic(t *testing.T) {
	n, b, err := model.ChannelsFor(20000, 0.01)
	if err != nil {
		t.Fatal(err)
	}
	prev, _ := model.ErlangB(n-1, 20000)
	if math.Abs(float64(n)-20000) > math.Sqrt(20000) || b > 0.01 || prev <= 0.01 || math.IsNaN(b) {
		t.Errorf("20,000 E at 1%%: %d channels, B %.5f, B(n-1) %.5f", n, b, prev)
	}
	q, err := model.AgentsFor(20000, 180, 0.8, 20)
	if err != nil || q.Agents <= 20000 || q.ServiceLevel < 0.8 || math.IsNaN(q.PWait) {
		t.Errorf("20,000 E agents: %+v %v", q, err)
	}
	before, _ := model.ErlangC(q.Agents-1, 20000, 180, 20)
	if before.ServiceLevel >= 0.8 {
		t.Errorf("%d agents already meet 80/20", q.Agents-1)
	}
}

func TestErlangRefusesNonsense(t *testing.T) {
	cases := []struct {
		name  string
		field string
		err   error
	}{
		{"zero calls", "calls", errOf2(model.Traffic(0, 180, 1800))},
		{"zero aht", "aht", errOf2(model.Traffic(100, 0, 1800))},
		{"negative aht", "aht", errOf2(model.Traffic(100, -5, 1800))},
		{"zero interval", "interval", errOf2(model.Traffic(100, 180, 0))},
		{"blocking 0", "blocking", errOf3(model.ChannelsFor(10, 0))},
		{"blocking 1", "blocking", errOf3(model.ChannelsFor(10, 1))},
		{"too much traffic", "traffic", errOf3(model.ChannelsFor(20001, 0.01))},
		{"sl 1", "sl_target", errOf2(model.AgentsFor(10, 180, 1, 20))},
		{"sl NaN", "sl_target", errOf2(model.AgentsFor(10, 180, math.NaN(), 20))},
		{"negative threshold", "sl_seconds", errOf2(model.AgentsFor(10, 180, 0.8, -1))},
		{"zero agents", "agents", errOf2(model.ErlangC(0, 10, 180, 20))},
	}
	for _, c := range cases {
		var se *model.SizingError
		if !errors.As(c.err, &se) || se.Field != c.field {
			t.Errorf("%s: error %v, want a SizingError on %s", c.name, c.err, c.field)
			continue
		}
		if zh, _ := present.ModelError(se, model.LangZh); zh == "" || zh == se.Error() {
			t.Errorf("%s: no Chinese message: %s", c.name, zh)
		}
	}
}

func errOf2[T any](_ T, err error) error         { return err }
func errOf3[T, U any](_ T, _ U, err error) error { return err }

// More calls never need fewer channels or agents, and a stricter target never fewer channels
// (seeded random scenarios). Trunks are not monotone in calls — more calls can buy enough extra
// agents to cut the queue time they include — but never fall below the channels.
func TestSizingMonotone(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 34))
	for i := 0; i < 300; i++ {
		s := model.Scenario{Calls: 1 + rng.Float64()*5000, IntervalS: 1800, TalkHoldS: 30 + rng.Float64()*400,
			ACWS: rng.Float64() * 60, SLTarget: 0.5 + rng.Float64()*0.45, SLSeconds: rng.Float64() * 60,
			Blocking: 0.001 + rng.Float64()*0.1}
		more := s
		more.Calls *= 1 + rng.Float64()*0.5
		stricter := s
		stricter.Blocking /= 2
		r1, err1 := model.Size(s)
		r2, err2 := model.Size(more)
		r3, err3 := model.Size(stricter)
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatal(err1, err2, err3)
		}
		if r2.Channels < r1.Channels || r2.Queue.Agents < r1.Queue.Agents {
			t.Fatalf("%+v: more calls need fewer: %+v vs %+v", s, r2, r1)
		}
		if r3.Channels < r1.Channels {
			t.Fatalf("%+v: stricter blocking needs fewer channels", s)
		}
		if r1.Trunks < r1.Channels {
			t.Fatalf("%+v: trunks %d below channels %d", s, r1.Trunks, r1.Channels)
		}
	}
}
