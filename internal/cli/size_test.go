package cli

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"ccselect/model"
	"ccselect/samples"
)

// The calculator against published figures: the Erlang B table's 10-Erlang row (ITU-T
// Teletraffic Engineering Handbook, Iversen, Table of Erlang's B-formula: 18 channels at 1%,
// B(18, 10) = 0.00714), and the classic Erlang C example (Westbay Engineers, "The Erlang-C
// formula"): 360 calls per half hour of 240 s → 48 Erlangs; 55 agents wait 23.87% of calls,
// ASA 8.2 s, occupancy 87.3%, 86.7% answered in 20 s; 80/20 needs 54 agents.
func TestSizeCalculator(t *testing.T) {
	out := mustCLI(t, "size", "--traffic", "10", "--blocking", "1%", "--format", "json")
	if got := keysOf(t, json.RawMessage(out)); !reflect.DeepEqual(got, []string{"blocking_at_channels", "channels", "traffic_erlangs"}) {
		t.Fatalf("without --aht: keys %v", got)
	}
	var v struct {
		Traffic      float64 `json:"traffic_erlangs"`
		Channels     int
		Blocking     float64 `json:"blocking_at_channels"`
		Agents       int
		ServiceLevel float64 `json:"service_level"`
		PWait        float64 `json:"p_wait"`
		ASA          float64 `json:"asa_s"`
		Occupancy    float64
	}
	json.Unmarshal([]byte(out), &v)
	if v.Channels != 18 {
		t.Fatalf("channels %d, want 18", v.Channels)
	}
	near(t, "B(18,10)", v.Blocking, 0.00714, 5e-6)

	out = mustCLI(t, "size", "--calls", "360", "--interval", "30m", "--aht", "4m", "--agents", "55", "--format", "json")
	for _, k := range []string{"traffic_erlangs", "channels", "blocking_at_channels", "agents", "service_level", "p_wait", "asa_s", "occupancy"} {
		if !strings.Contains(out, `"`+k+`"`) {
			t.Fatalf("JSON lacks %q: %s", k, out)
		}
	}
	json.Unmarshal([]byte(out), &v)
	near(t, "traffic", v.Traffic, 48, 1e-12)
	near(t, "P(wait)", v.PWait, 0.2387, 5e-5)
	near(t, "ASA", v.ASA, 8.18, 0.005)
	near(t, "occupancy", v.Occupancy, 0.8727, 5e-5)
	near(t, "SL", v.ServiceLevel, 0.8668, 5e-5)
	if v.Agents != 55 {
		t.Fatalf("agents %d", v.Agents)
	}
	out = mustCLI(t, "size", "--calls", "360", "--interval", "1800", "--aht", "240", "--sl", "80/20", "--format", "json")
	json.Unmarshal([]byte(out), &v)
	if v.Agents != 54 {
		t.Fatalf("80/20 agents %d, want 54", v.Agents)
	}
	table := mustCLI(t, "size", "--calls", "360", "--interval", "30m", "--aht", "4m")
	if !strings.Contains(table, "agents    54") || !strings.Contains(table, "traffic   48.00 Erlangs") {
		t.Fatalf("table: %s", table)
	}
	if zh := mustCLI(t, "size", "--calls", "360", "--interval", "30m", "--aht", "4m", "--lang", "zh"); !strings.Contains(zh, "坐席数    54") {
		t.Fatalf("zh table: %s", zh)
	}
	if _, errs := expectExit(t, 2, "size", "--calls", "10", "--interval", "0", "--aht", "10", "--lang", "zh"); !strings.Contains(errs, "统计时段 0 必须大于 0") {
		t.Fatalf("zh error: %s", errs)
	}
	// Usage errors exit 2.
	for _, args := range [][]string{
		{"size"},
		{"size", "--calls", "10", "--interval", "30m"},
		{"size", "--traffic", "10", "--calls", "5"},
		{"size", "--traffic", "-1"},
		{"size", "--calls", "10", "--interval", "0", "--aht", "10"},
		{"size", "--calls", "10", "--interval", "1x", "--aht", "10"},
		{"size", "--traffic", "10", "--sl", "80"},
		{"size", "--traffic", "10", "--blocking", "100%"},
		{"size", "--traffic", "10", "--agents", "5"},
		{"size", "--traffic", "30000"},
		{"size", "--list", "--traffic", "10"},
		{"size", "--apply"},
	} {
		expectExit(t, 2, args...)
	}
}

// size --scenario --apply sets P from a stored scenario in one audited edit, and the
// concurrency scores follow P exactly as the value function says.
func TestSizeApplyScenario(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "new", "--template", "default", "--name", "W", "--db", db)
	list := mustCLI(t, "size", "--eval", "W", "--list", "--db", db)
	if !strings.Contains(list, "campaign_peak") || !strings.Contains(list, "P = 1000, typed") {
		t.Fatalf("list: %s", list)
	}
	r, err := model.Size(model.DefaultScenarios()[1])
	if err != nil {
		t.Fatal(err)
	}
	before := fileBytes(t, db)
	expectExit(t, 1, "size", "--eval", "W", "--scenario", "nope", "--apply", "--db", db)
	if string(before) != string(fileBytes(t, db)) {
		t.Fatal("a refused apply changed the database")
	}
	out := mustCLI(t, "size", "--eval", "W", "--scenario", "Campaign peak", "--apply", "--db", db, "--format", "json")
	var a struct {
		Scenario   string
		Peak       float64
		PeakBefore float64 `json:"peak_before"`
	}
	json.Unmarshal([]byte(out), &a)
	if a.Scenario != "campaign_peak" || a.Peak != float64(r.Channels) || a.PeakBefore != 1000 {
		t.Fatalf("apply: %s", out)
	}
	if out := mustCLI(t, "param", "list", "--eval", "W", "--db", db, "--format", "json"); !strings.Contains(out, `"P": 1029`) {
		t.Fatalf("P after apply: %s", out)
	}
	if out := mustCLI(t, "size", "--eval", "W", "--list", "--db", db); !strings.Contains(out, "P = 1029, set by scenario campaign_peak") {
		t.Fatalf("list after apply: %s", out)
	}
	if out := mustCLI(t, "size", "--eval", "W", "--list", "--db", db, "--lang", "zh"); !strings.Contains(out, "P = 1029，由场景 campaign_peak 决定") ||
		!strings.Contains(out, "大促/活动高峰") {
		t.Fatalf("zh list: %s", out)
	}

	// The sample's concurrency scores at the new P: the channels value function's anchors are
	// multiples of P, so every vendor's score is ValueScore(anchors, P, channels) at P = 1029,
	// and at least one moves from its score at P = 1000.
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	at := func(peak float64) *model.Problem {
		ev.Params[model.ParamPeak] = peak
		p, err := model.NewProblem(ev, "", model.ConsensusMean, model.WSM{})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	p0, p1 := at(1000), at(float64(r.Channels))
	c := ev.Framework.CriterionIndex("concurrent_channels")
	cr := &ev.Framework.Criteria[c]
	moved := false
	for v := range ev.Vendors {
		raw := p1.Consensus(v, c)
		want := model.ValueScore(cr.Anchors, float64(r.Channels), raw)
		got := p1.Scores()[v*p1.NC+c]
		if got != want {
			t.Errorf("%s: score %g, want ValueScore(%g channels at P=%d) = %g", ev.Vendors[v].ID, got, raw, r.Channels, want)
		}
		moved = moved || got != p0.Scores()[v*p0.NC+c]
	}
	if !moved {
		t.Error("no concurrency score moved with P")
	}
}

// size --save / --delete manage an evaluation's scenarios; saving the governing scenario moves
// P in the same edit (12,000 calls of 200 s per half hour = 1,333.3 Erlangs → 1,363 channels
// at 1%, the same Erlang B search the model's tests check against the tables).
func TestSizeSaveDelete(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--db", db)
	before := fileBytes(t, db)
	for _, args := range [][]string{
		{"size", "--save", "x", "--calls", "10", "--db", db},                                  // a new one needs all three
		{"size", "--save", "x", "--traffic", "10", "--db", db},                                // not a scenario input
		{"size", "--save", "x", "--delete", "y", "--db", db},                                  // both
		{"size", "--save", "x", "--calls", "1", "--interval", "0", "--aht", "10", "--db", db}, // refused input
		{"size", "--delete", "x", "--calls", "3", "--db", db},
	} {
		expectExit(t, 2, args...)
	}
	expectExit(t, 1, "size", "--delete", "nope", "--db", db)
	if string(before) != string(fileBytes(t, db)) {
		t.Fatal("a refused size --save/--delete changed the database")
	}
	mustCLI(t, "size", "--save", "campaign", "--name", "大促", "--calls", "9000", "--interval", "30m", "--aht", "200s", "--acw", "30s", "--db", db)
	mustCLI(t, "size", "--scenario", "大促", "--apply", "--db", db)
	out := mustCLI(t, "size", "--save", "campaign", "--calls", "12000", "--db", db)
	if !strings.Contains(out, "1363 channels") || !strings.Contains(out, "it governs P, now 1363") {
		t.Fatalf("save governing: %s", out)
	}
	if out := mustCLI(t, "param", "list", "--db", db, "--format", "json"); !strings.Contains(out, `"P": 1363`) {
		t.Fatalf("P: %s", out)
	}
	// The sample comes with the two default peaks; deleting them and ours leaves none.
	for _, id := range []string{"campaign", "daily_peak", "campaign_peak"} {
		mustCLI(t, "size", "--delete", id, "--db", db)
	}
	if out := mustCLI(t, "size", "--list", "--db", db); !strings.Contains(out, "has no sizing scenarios") {
		t.Fatalf("after delete: %s", out)
	}
}
