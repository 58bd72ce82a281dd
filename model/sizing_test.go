package model_test

import (
	"errors"
	"maps"
	"math"
	"testing"

	"ccselect/model"
	"ccselect/samples"
)

// The classic 360-calls example as a scenario (see TestErlangCClassicExample): channels are
// Erlang B on the 48 Erlangs of talk (62 at 1%: B(62) = 0.80%, B(61) above 1%), agents Erlang C
// at 80/20 (54), then shrinkage 30%: 54 / 0.7 = 77.1 → 78 rostered. Trunks carry the queue too:
// 360 × (240 + ASA 12.05 s) / 1800 = 50.41 Erlangs.
func TestSizeClassicScenario(t *testing.T) {
	s := model.Scenario{Name: model.Both("classic"), Calls: 360, IntervalS: 1800, TalkHoldS: 240,
		SLTarget: 0.8, SLSeconds: 20, Shrinkage: 0.3}
	r, err := model.Size(s)
	if err != nil {
		t.Fatal(err)
	}
	if r.Traffic != 48 || r.Workload != 48 {
		t.Errorf("traffic %g workload %g", r.Traffic, r.Workload)
	}
	b61, _ := model.ErlangB(61, 48)
	if r.Channels != 62 || r.BlockingAtChannels > 0.01 || b61 <= 0.01 {
		t.Errorf("channels %d (B %.4f), B(61) %.4f", r.Channels, r.BlockingAtChannels, b61)
	}
	if r.Queue.Agents != 54 || r.Agents != 78 {
		t.Errorf("agents %d rostered %d, want 54 and 78", r.Queue.Agents, r.Agents)
	}
	if math.Abs(r.Queue.ASA-12.052) > 0.001 || math.Abs(r.TrunkTraffic-(360*(240+r.Queue.ASA)/1800)) > 1e-9 {
		t.Errorf("ASA %.4f trunk traffic %.4f", r.Queue.ASA, r.TrunkTraffic)
	}
	if want, _, _ := model.ChannelsFor(r.TrunkTraffic, 0.01); r.Trunks != want || r.Trunks <= r.Channels {
		t.Errorf("trunks %d want %d", r.Trunks, want)
	}
}

// After-call work loads agents, not channels: adding it leaves the channels alone and raises
// the agents.
func TestSizeACWIsAgentTimeOnly(t *testing.T) {
	s := model.Scenario{Calls: 360, IntervalS: 1800, TalkHoldS: 240, SLTarget: 0.8, SLSeconds: 20}
	base, _ := model.Size(s)
	s.ACWS = 60
	with, err := model.Size(s)
	if err != nil {
		t.Fatal(err)
	}
	if with.Channels != base.Channels || with.Workload != 60 || with.Queue.Agents <= base.Queue.Agents {
		t.Errorf("with ACW %+v, base %+v", with, base)
	}
	want, _ := model.AgentsFor(60, 300, 0.8, 20)
	if with.Queue.Agents != want.Agents {
		t.Errorf("agents %d, Erlang C on 60 E at AHT 300 s gives %d", with.Queue.Agents, want.Agents)
	}
}

func TestDefaultScenarios(t *testing.T) {
	ss := model.DefaultScenarios()
	if len(ss) != 2 || ss[0].Name.In(model.LangZh) != "日常高峰" || ss[1].Name.In(model.LangZh) != "大促/活动高峰" {
		t.Fatalf("scenarios %+v", ss)
	}
	var prev model.SizingResult
	for i, s := range ss {
		r, err := model.Size(s)
		if err != nil {
			t.Fatal(err)
		}
		if r.Channels <= int(r.Traffic) || r.Agents < r.Queue.Agents || r.Queue.ServiceLevel < s.SLTarget {
			t.Errorf("%s: %+v", s.ID, r)
		}
		if i > 0 && r.Channels <= prev.Channels {
			t.Errorf("campaign peak needs no more channels than the daily peak")
		}
		prev = r
	}
}

func TestScenarioRefusesNonsense(t *testing.T) {
	ok := model.Scenario{Calls: 100, IntervalS: 1800, TalkHoldS: 180, SLTarget: 0.8, SLSeconds: 20}
	if _, err := model.Size(ok); err != nil {
		t.Fatal(err)
	}
	cases := map[string]func(*model.Scenario){
		"calls":     func(s *model.Scenario) { s.Calls = 0 },
		"interval":  func(s *model.Scenario) { s.IntervalS = 0 },
		"talk_hold": func(s *model.Scenario) { s.TalkHoldS = -1 },
		"acw":       func(s *model.Scenario) { s.ACWS = -1 },
		"sl_target": func(s *model.Scenario) { s.SLTarget = 1.2 },
		"blocking":  func(s *model.Scenario) { s.Blocking = 1 },
		"shrinkage": func(s *model.Scenario) { s.Shrinkage = 1 },
	}
	for field, spoil := range cases {
		s := ok
		spoil(&s)
		_, err := model.Size(s)
		var se *model.SizingError
		if !errors.As(err, &se) || se.Field != field {
			t.Errorf("%s: got %v", field, err)
		}
	}
}

// BenchmarkSize10000: one scenario at 10,000 Erlangs of talk (issue 12: ≤ 1 ms).
func BenchmarkSize10000(b *testing.B) {
	s := model.Scenario{Calls: 100000, IntervalS: 1800, TalkHoldS: 180, ACWS: 20, SLTarget: 0.8, SLSeconds: 20}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := model.Size(s); err != nil {
			b.Fatal(err)
		}
	}
}

// Issue 12: P set from a scenario moves the concurrency scores exactly as the value function
// says. The sample's P is 1,000; the campaign peak sizes it to its channels, and every vendor's
// concurrent_channels score is then ValueScore(anchors, new P, committed channels).
func TestSizedPDrivesConcurrencyScores(t *testing.T) {
	e, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	r, err := model.Size(model.DefaultScenarios()[1])
	if err != nil {
		t.Fatal(err)
	}
	e2 := *e
	e2.Params = maps.Clone(e.Params)
	e2.Params["P"] = float64(r.Channels)
	p, err := model.NewProblem(&e2, "", model.ConsensusMean, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	c := e2.Framework.CriterionIndex("concurrent_channels")
	cr := e2.Framework.Criteria[c]
	if cr.AnchorParam != "P" {
		t.Fatalf("concurrent_channels scales with %q", cr.AnchorParam)
	}
	old, err := model.NewProblem(e, "", model.ConsensusMean, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	moved := 0
	for v := range e2.Vendors {
		raw := p.Consensus(v, c)
		got := p.Scores()[v*p.NC+c]
		if want := model.ValueScore(cr.Anchors, float64(r.Channels), raw); math.Abs(got-want) > 1e-12 {
			t.Errorf("%s: score %.6f, value function at P=%d gives %.6f", e2.Vendors[v].ID, got, r.Channels, want)
		}
		if math.Abs(got-old.Scores()[v*old.NC+c]) > 1e-9 {
			moved++
		}
	}
	if moved == 0 {
		t.Errorf("P %d → %d moved no score", 1000, r.Channels)
	}
}
