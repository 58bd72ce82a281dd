package samples_test

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"ccselect/model"
	"ccselect/samples"
)

var rules = []model.ConsensusRule{model.ConsensusMean, model.ConsensusMedian}

func mustSample(t *testing.T) *model.Evaluation {
	t.Helper()
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

func mustProblem(t *testing.T, ev *model.Evaluation, profile string, rule model.ConsensusRule) *model.Problem {
	t.Helper()
	p, err := model.NewProblem(ev, profile, rule, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSampleShape(t *testing.T) {
	ev := mustSample(t)
	if err := ev.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := len(ev.Framework.Criteria); got != 23 {
		t.Errorf("criteria = %d, want 23", got)
	}
	var ids []string
	for _, v := range ev.Vendors {
		ids = append(ids, v.ID)
	}
	if want := []string{"yunqi", "panshi", "huisheng", "changfeng", "qinghe"}; !slices.Equal(ids, want) {
		t.Errorf("vendors = %v, want %v", ids, want)
	}
	prices := map[string]float64{"yunqi": 260, "panshi": 420, "huisheng": 300, "changfeng": 240, "qinghe": 110}
	for _, v := range ev.Vendors {
		if v.Price != prices[v.ID] || v.Name.Zh == "" || v.Name.En == "" || v.Notes == "" {
			t.Errorf("vendor %s: price %g, name %+v, notes %q", v.ID, v.Price, v.Name, v.Notes)
		}
	}
	if len(ev.Reviewers) != 3 {
		t.Errorf("reviewers = %d, want 3", len(ev.Reviewers))
	}
	if got, want := len(ev.Scores), 5*23*3; got != want {
		t.Errorf("scores = %d, want %d (every vendor × criterion × reviewer)", got, want)
	}
	for _, s := range ev.Scores {
		if !strings.Contains(s.Evidence, "fictional") {
			t.Errorf("score %s/%s/%s: evidence %q is not marked fictional", s.Vendor, s.Criterion, s.Reviewer, s.Evidence)
			break
		}
	}
	if ev.ActiveProfile != "default" || ev.Params[model.ParamPeak] != 1000 || ev.Industry != "default" {
		t.Errorf("active %q, P %g, industry %q", ev.ActiveProfile, ev.Params[model.ParamPeak], ev.Industry)
	}
	if ev.Created.IsZero() || !ev.Updated.After(ev.Created) {
		t.Errorf("created %v, updated %v: want fixed times, updated after created", ev.Created, ev.Updated)
	}
	var names []string
	for _, p := range ev.Profiles {
		names = append(names, p.Name)
	}
	if want := samples.TemplateNames(); !slices.Equal(names, want) {
		t.Errorf("profiles = %v, want %v", names, want)
	}
}

// Each sample profile must weigh exactly the criteria of its template, with the same weights.
func TestSampleProfilesMatchTemplates(t *testing.T) {
	ev := mustSample(t)
	for _, name := range samples.TemplateNames() {
		tpl, err := samples.Template(name, "x", "", 1000)
		if err != nil {
			t.Fatal(err)
		}
		prof, err := ev.Profile(name)
		if err != nil {
			t.Fatal(err)
		}
		tp := &tpl.Profiles[0]
		for _, c := range ev.Framework.Criteria {
			got := prof.Global(&ev.Framework, c.ID)
			want := tp.Global(&tpl.Framework, c.ID) // 0 when the template lacks the criterion
			if math.Abs(got-want) > 1e-9 {
				t.Errorf("%s/%s: sample weight %g, template weight %g", name, c.ID, got, want)
			}
		}
	}
}

func TestSampleIsAFreshCopy(t *testing.T) {
	a := mustSample(t)
	a.Vendors[0].Name.Zh = "changed"
	a.Scores[0].Value = 1
	a.Profiles[0].Dimensions["stability"] = 0
	a.Framework.Criteria[2].Anchors[0].X = 0
	b := mustSample(t)
	if b.Vendors[0].Name.Zh == "changed" || b.Scores[0].Value == 1 || b.Profiles[0].Dimensions["stability"] == 0 ||
		b.Framework.Criteria[2].Anchors[0].X == 0 {
		t.Fatal("Sample returned shared data: an edit to one copy shows in the next")
	}
}

// Reviewers disagree on some rating cells, never on measured ones, and the mean and the median
// of every cell are the catalog value (wang's score; the mean of three equal measured values
// such as 99.9 may differ in the last bit).
func TestSampleReviewers(t *testing.T) {
	ev := mustSample(t)
	mean := mustProblem(t, ev, "default", model.ConsensusMean)
	median := mustProblem(t, ev, "default", model.ConsensusMedian)
	spread := 0
	for v := range ev.Vendors {
		for c, cr := range ev.Framework.Criteria {
			st := mean.Cell(v, c)
			if st.N != 3 {
				t.Fatalf("%s/%s scored by %d reviewers, want 3", ev.Vendors[v].ID, cr.ID, st.N)
			}
			wang := st.Values[0]
			if math.Abs(st.Consensus-wang) > 1e-9 || median.Consensus(v, c) != wang {
				t.Errorf("%s/%s: mean %g, median %g, want both %g", ev.Vendors[v].ID, cr.ID, st.Consensus, median.Consensus(v, c), wang)
			}
			if st.Spread() > 0 {
				spread++
				if cr.Kind == model.KindMeasured {
					t.Errorf("%s/%s: measured values differ between reviewers: %v", ev.Vendors[v].ID, cr.ID, st.Values)
				}
				if st.Spread() > 2 {
					t.Errorf("%s/%s: spread %g is more than a little", ev.Vendors[v].ID, cr.ID, st.Spread())
				}
			}
		}
	}
	if spread < 10 {
		t.Errorf("only %d cells show reviewer disagreement; the sample should show some", spread)
	}
}

type expectLine struct {
	id     string
	total  float64
	rank   int      // 0 = excluded
	failed []string // criteria of the failed knock-outs, sorted
}

// Catalog "Expected results for engine tests", with the knock-outs worked out from the §4 table.
var presetExpectations = map[string][]expectLine{
	"default": {
		{"yunqi", 3.97, 1, nil},
		{"huisheng", 3.83, 2, nil},
		{"panshi", 3.81, 3, nil},
		{"changfeng", 3.70, 4, nil},
		{"qinghe", 2.54, 0, []string{"concurrent_channels", "track_record"}},
	},
	"finance": {
		{"panshi", 4.12, 1, nil},
		{"changfeng", 3.77, 2, nil},
		{"yunqi", 3.53, 0, []string{"fin_traceable_recording", "transport_encryption"}},
		{"huisheng", 3.44, 0, []string{"transport_encryption"}},
		{"qinghe", 2.24, 0, []string{"arch_redundancy", "concurrent_channels", "fin_traceable_recording",
			"sla_response", "storage_security", "track_record", "transport_encryption"}},
	},
	"healthcare": {
		{"huisheng", 3.84, 1, nil},
		{"yunqi", 3.77, 2, nil},
		{"changfeng", 3.73, 3, nil},
		{"panshi", 3.67, 4, nil},
		{"qinghe", 2.415, 0, []string{"concurrent_channels", "hc_sensitive_pi", "sla_response", "storage_security", "track_record"}},
	},
	"government": {
		{"changfeng", 4.00, 1, nil},
		{"panshi", 3.73, 2, nil},
		{"yunqi", 3.74, 0, []string{"gov_xinchuang", "transport_encryption"}},
		{"huisheng", 3.58, 0, []string{"gov_xinchuang", "transport_encryption"}},
		{"qinghe", 2.335, 0, []string{"arch_redundancy", "concurrent_channels", "gov_xinchuang",
			"sla_response", "storage_security", "track_record", "transport_encryption"}},
	},
}

// tolerance: the catalog rounds to 2 decimals, except the two qinghe totals given to 3.
func tolerance(want float64) float64 {
	if math.Round(want*100) != want*100 {
		return 0.006
	}
	return 0.01
}

func TestPresetRankings(t *testing.T) {
	ev := mustSample(t)
	for _, rule := range rules {
		for _, preset := range samples.TemplateNames() {
			want := presetExpectations[preset]
			t.Run(string(rule)+"/"+preset, func(t *testing.T) {
				res := mustProblem(t, ev, preset, rule).Rank()
				if len(res.Vendors) != len(want) {
					t.Fatalf("%d vendors in the result, want %d", len(res.Vendors), len(want))
				}
				for i, w := range want {
					got := res.Vendors[i]
					if got.ID != w.id {
						t.Errorf("position %d: %s, want %s", i+1, got.ID, w.id)
						continue
					}
					if math.Abs(got.Total-w.total) > tolerance(w.total) {
						t.Errorf("%s total %.4f, want %.3f ± %g", w.id, got.Total, w.total, tolerance(w.total))
					}
					if got.Rank != w.rank || got.Excluded != (w.rank == 0) {
						t.Errorf("%s rank %d excluded %v, want rank %d", w.id, got.Rank, got.Excluded, w.rank)
					}
					var failed []string
					for _, f := range got.FailedKnockOuts {
						if f.Missing {
							t.Errorf("%s: knock-out %s failed on a missing value", w.id, f.Rule.Criterion)
						}
						failed = append(failed, f.Rule.Criterion)
					}
					slices.Sort(failed)
					if !slices.Equal(failed, w.failed) {
						t.Errorf("%s failed knock-outs %v, want %v", w.id, failed, w.failed)
					}
					if got.Incomplete {
						t.Errorf("%s is incomplete: missing %v", w.id, got.Missing)
					}
				}
			})
		}
	}
}

// The measured criteria through their value functions (catalog: panshi track 4.25, channels
// 3.20, scaling 1.50; qinghe track 2.50, SLA 1.67; all others land on anchors).
func TestValueFunctionScores(t *testing.T) {
	want := map[string]map[string]float64{
		"yunqi":     {"track_record": 4, "concurrent_channels": 5, "elastic_scaling": 5, "sla_response": 3},
		"panshi":    {"track_record": 4.25, "concurrent_channels": 3.2, "elastic_scaling": 1.5, "sla_response": 3},
		"huisheng":  {"track_record": 3, "concurrent_channels": 5, "elastic_scaling": 4, "sla_response": 3},
		"changfeng": {"track_record": 5, "concurrent_channels": 5, "elastic_scaling": 3, "sla_response": 4},
		"qinghe":    {"track_record": 2.5, "concurrent_channels": 1, "elastic_scaling": 5, "sla_response": 5.0 / 3},
	}
	ev := mustSample(t)
	for _, rule := range rules {
		p := mustProblem(t, ev, "default", rule)
		scores := p.Scores()
		for v, vendor := range ev.Vendors {
			for crit, w := range want[vendor.ID] {
				c := ev.Framework.CriterionIndex(crit)
				if got := scores[v*p.NC+c]; math.Abs(got-w) > 1e-9 {
					t.Errorf("%s: %s/%s score %.4f, want %.4f", rule, vendor.ID, crit, got, w)
				}
			}
		}
	}
}

// leaderAt ranks the default preset with one dimension weight set (the others rescaled
// proportionally) and returns the first-ranked vendor.
func leaderAt(t *testing.T, ev *model.Evaluation, p *model.Problem, base *model.WeightProfile, dim string, w float64) *model.VendorResult {
	t.Helper()
	prof := base.Clone()
	if err := prof.SetDimension(&ev.Framework, dim, w); err != nil {
		t.Fatal(err)
	}
	dims := make([]float64, len(ev.Framework.Dimensions))
	for i, d := range ev.Framework.Dimensions {
		dims[i] = prof.Dimensions[d.ID]
	}
	local := make([]float64, len(ev.Framework.Criteria))
	for i, c := range ev.Framework.Criteria {
		local[i] = prof.Criteria[c.ID]
	}
	p.SetWeights(dims, local)
	res := p.Rank()
	l, ok := res.Leader()
	if !ok {
		t.Fatalf("%s = %.2f: nobody ranked", dim, w)
	}
	return l
}

// Catalog sensitivity on the default preset: the leader just below and just above each
// crossover (worked out: data_security 0.259, concurrency 0.093, stability 0.154, feature_fit
// 0.372, operations 0.462).
func TestDefaultCrossovers(t *testing.T) {
	cases := []struct {
		dim          string
		below, above float64
		lo, hi       string // leader at below, at above
	}{
		{"data_security", 0.25, 0.27, "yunqi", "panshi"},
		{"concurrency", 0.08, 0.10, "panshi", "yunqi"},
		{"stability", 0.14, 0.16, "huisheng", "yunqi"},
		{"feature_fit", 0.36, 0.38, "yunqi", "huisheng"},
		{"operations", 0.45, 0.47, "yunqi", "huisheng"},
	}
	ev := mustSample(t)
	base, err := ev.Profile("default")
	if err != nil {
		t.Fatal(err)
	}
	for _, rule := range rules {
		p := mustProblem(t, ev, "default", rule)
		for _, c := range cases {
			if got := leaderAt(t, ev, p, base, c.dim, c.below).ID; got != c.lo {
				t.Errorf("%s: %s = %.2f: leader %s, want %s", rule, c.dim, c.below, got, c.lo)
			}
			if got := leaderAt(t, ev, p, base, c.dim, c.above).ID; got != c.hi {
				t.Errorf("%s: %s = %.2f: leader %s, want %s", rule, c.dim, c.above, got, c.hi)
			}
		}
		// At data_security 0.30: panshi 3.96 vs yunqi 3.85.
		leaderAt(t, ev, p, base, "data_security", 0.30)
		res := p.Rank()
		for id, want := range map[string]float64{"panshi": 3.96, "yunqi": 3.85} {
			l, _ := res.ByID(id)
			if math.Abs(l.Total-want) > 0.01 {
				t.Errorf("%s: data_security 0.30: %s %.4f, want %.2f", rule, id, l.Total, want)
			}
		}
	}
}

// Catalog §3 table, transcribed independently of presets.json: default finance healthcare
// government ("-" = not in the preset).
const weightTable = `
arch_redundancy          .09 .10 .08 .09
load_balancing           .06 .04 .05 .06
track_record             .09 .10 .09 .09
concurrent_channels      .07 .04 .05 .06
elastic_scaling          .05 .03 .04 .04
queue_management         .04 .03 .03 .04
core_features            .10 .06 .08 .06
industry_extensions      .06 .03 .03 .03
integration_openness     .08 .04 .05 .04
fin_traceable_recording  -   .05 -   -
hc_his_integration       -   -   .08 -
hc_triage_escalation     -   -   .04 -
gov_accessibility        -   -   -   .04
gov_ticket_dispatch      -   -   -   .05
transport_encryption     .06 .07 .06 .06
storage_security         .08 .10 .08 .07
compliance_certification .06 .09 .06 .05
fin_crypto_evaluation    -   .08 -   -
hc_sensitive_pi          -   -   .06 -
gov_xinchuang            -   -   -   .08
sla_response             .07 .07 .06 .06
training_transfer        .04 .03 .03 .04
continuous_improvement   .05 .04 .03 .04
`

func parseWeightTable(t *testing.T) (order []string, w map[string]map[string]float64) {
	t.Helper()
	presets := []string{"default", "finance", "healthcare", "government"}
	w = map[string]map[string]float64{}
	for _, p := range presets {
		w[p] = map[string]float64{}
	}
	for _, line := range strings.Split(strings.TrimSpace(weightTable), "\n") {
		f := strings.Fields(line)
		order = append(order, f[0])
		for i, p := range presets {
			if f[i+1] == "-" {
				continue
			}
			var x float64
			for _, ch := range strings.TrimPrefix(f[i+1], ".") {
				x = x*10 + float64(ch-'0')
			}
			w[p][f[0]] = x / 100
		}
	}
	return order, w
}

func TestTemplates(t *testing.T) {
	if got, want := samples.TemplateNames(), []string{"default", "finance", "healthcare", "government"}; !slices.Equal(got, want) {
		t.Fatalf("TemplateNames = %v, want %v", got, want)
	}
	order, table := parseWeightTable(t)
	dimTotals := map[string][5]float64{ // stability concurrency feature_fit data_security operations
		"default":    {.24, .16, .24, .20, .16},
		"finance":    {.24, .10, .18, .34, .14},
		"healthcare": {.22, .12, .28, .26, .12},
		"government": {.24, .14, .22, .26, .14},
	}
	kos := map[string][]string{
		"default": {"track_record >= 99.9", "concurrent_channels >= 1×P"},
		"finance": {"track_record >= 99.9", "concurrent_channels >= 1×P", "arch_redundancy >= 3", "transport_encryption >= 4",
			"storage_security >= 3", "sla_response <= 60", "fin_traceable_recording >= 3"},
		"healthcare": {"track_record >= 99.9", "concurrent_channels >= 1×P", "storage_security >= 3", "sla_response <= 60",
			"hc_sensitive_pi >= 3"},
		"government": {"track_record >= 99.9", "concurrent_channels >= 1×P", "arch_redundancy >= 3", "transport_encryption >= 4",
			"storage_security >= 3", "sla_response <= 60", "gov_xinchuang >= 4"},
	}
	counts := map[string]int{"default": 15, "finance": 17, "healthcare": 18, "government": 18}
	for _, name := range samples.TemplateNames() {
		t.Run(name, func(t *testing.T) {
			ev, err := samples.Template(name, "项目 Project", "客户 Client", 1200)
			if err != nil {
				t.Fatal(err)
			}
			if err := ev.Validate(); err != nil {
				t.Fatal(err)
			}
			if ev.Name != "项目 Project" || ev.Client != "客户 Client" || ev.Industry != name || ev.Params[model.ParamPeak] != 1200 {
				t.Errorf("name %q client %q industry %q P %g", ev.Name, ev.Client, ev.Industry, ev.Params[model.ParamPeak])
			}
			if len(ev.Vendors)+len(ev.Reviewers)+len(ev.Scores) != 0 || !ev.Created.IsZero() || !ev.Updated.IsZero() {
				t.Errorf("template is not empty: %d vendors, %d reviewers, %d scores, created %v",
					len(ev.Vendors), len(ev.Reviewers), len(ev.Scores), ev.Created)
			}
			var ids []string
			for _, c := range ev.Framework.Criteria {
				ids = append(ids, c.ID)
			}
			var wantIDs []string
			for _, id := range order {
				if _, ok := table[name][id]; ok {
					wantIDs = append(wantIDs, id)
				}
			}
			if len(ids) != counts[name] || !slices.Equal(ids, wantIDs) {
				t.Errorf("criteria (%d) = %v, want (%d) %v", len(ids), ids, counts[name], wantIDs)
			}
			if len(ev.Profiles) != 1 || ev.Profiles[0].Name != name || ev.ActiveProfile != name {
				t.Fatalf("profiles %d, active %q: want one profile named %s", len(ev.Profiles), ev.ActiveProfile, name)
			}
			prof := &ev.Profiles[0]
			for i, d := range ev.Framework.Dimensions {
				if got := prof.Dimensions[d.ID]; math.Abs(got-dimTotals[name][i]) > 1e-9 {
					t.Errorf("dimension %s = %g, want %g", d.ID, got, dimTotals[name][i])
				}
			}
			for id, w := range table[name] {
				if got := prof.Global(&ev.Framework, id); math.Abs(got-w) > 1e-9 {
					t.Errorf("global weight of %s = %g, want %g", id, got, w)
				}
			}
			var gotKOs []string
			for _, k := range ev.KnockOuts {
				s := k.Criterion + " " + string(k.Op) + " " + strconv.FormatFloat(k.Threshold, 'g', -1, 64)
				if k.Param != "" {
					s += "×" + k.Param
					if lim := k.Limit(ev.Params); lim != 1200 {
						t.Errorf("%s limit %g, want the peak given to Template (1200)", k.Criterion, lim)
					}
				}
				if k.Profile != "" {
					t.Errorf("template knock-out %s is scoped to profile %q", k.Criterion, k.Profile)
				}
				gotKOs = append(gotKOs, s)
			}
			if !slices.Equal(gotKOs, kos[name]) {
				t.Errorf("knock-outs %v, want %v", gotKOs, kos[name])
			}
			// The engine accepts the empty template.
			p, err := model.NewProblem(ev, "", model.ConsensusMean, model.WSM{})
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Rank().Vendors) != 0 {
				t.Error("an empty template ranks vendors")
			}
		})
	}
}

func TestTemplateErrors(t *testing.T) {
	cases := []struct {
		name, evalName string
		peak           float64
		want           string
	}{
		{"", "x", 1000, "default, finance, healthcare, government"},
		{"retail", "x", 1000, `unknown template "retail" (valid: default, finance, healthcare, government)`},
		{"finance", "x", 0, "positive"},
		{"finance", "x", -5, "positive"},
		{"finance", "x", math.NaN(), "positive"},
		{"finance", "x", math.Inf(1), "positive"},
		{"finance", "", 1000, "name"},
	}
	for _, c := range cases {
		ev, err := samples.Template(c.name, c.evalName, "", c.peak)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Template(%q, %q, %g) = %v, %v; want an error containing %q", c.name, c.evalName, c.peak, ev != nil, err, c.want)
		}
	}
}

func TestTemplateIsAFreshCopy(t *testing.T) {
	a, err := samples.Template("default", "a", "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := a.Framework.Criterion("track_record")
	c.Anchors[0].X = 0
	a.Framework.Dimensions[0].Name.En = "changed"
	b, err := samples.Template("default", "b", "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := b.Framework.Criterion("track_record"); c.Anchors[0].X == 0 || b.Framework.Dimensions[0].Name.En == "changed" {
		t.Fatal("Template returned shared data")
	}
}

// The framework texts: bilingual everywhere, three distinct rubric levels, value functions on
// the measured criteria only, and catalog wording kept verbatim (spot checks).
func TestFrameworkTexts(t *testing.T) {
	ev := mustSample(t)
	f := &ev.Framework
	var dims []string
	for _, d := range f.Dimensions {
		dims = append(dims, d.ID+" "+d.Name.Zh+" "+d.Name.En)
	}
	wantDims := []string{"stability 系统稳定性 System stability", "concurrency 并发承载能力 Concurrency capacity",
		"feature_fit 功能匹配度 Feature fit", "data_security 数据安全保障 Data security", "operations 运维服务能力 Operations & service"}
	if !slices.Equal(dims, wantDims) {
		t.Errorf("dimensions %q, want %q", dims, wantDims)
	}
	measured := map[string]string{"track_record": "benefit %", "concurrent_channels": "benefit channels",
		"elastic_scaling": "cost minutes", "sla_response": "cost minutes"}
	for _, c := range f.Criteria {
		texts := []model.Text{c.Name, c.Description, c.Rubric[0], c.Rubric[1], c.Rubric[2]}
		for i, x := range texts {
			if x.Zh == "" || x.En == "" {
				t.Errorf("%s: text %d is not bilingual: %+v", c.ID, i, x)
			}
		}
		if c.Rubric[0] == c.Rubric[1] || c.Rubric[1] == c.Rubric[2] {
			t.Errorf("%s: rubric levels repeat", c.ID)
		}
		if m, ok := measured[c.ID]; ok {
			if got := string(c.Direction) + " " + c.Unit; c.Kind != model.KindMeasured || got != m {
				t.Errorf("%s: kind %s, %q, want measured %q", c.ID, c.Kind, got, m)
			}
		} else if c.Kind != model.KindRating || len(c.Anchors) != 0 {
			t.Errorf("%s: kind %s with %d anchors, want a rating", c.ID, c.Kind, len(c.Anchors))
		}
	}
	spot := []struct{ id, got, want string }{
		{"track_record", text(f, "track_record", 2).Zh, "≥99.99%，有独立监测或公开状态页历史，持ISO/IEC 20000-1，重大故障限期发布复盘。"},
		{"transport_encryption", text(f, "transport_encryption", 2).En,
			"SM and international suites on signalling and media, certified crypto modules. (4 = SM on signalling/APIs only.)"},
		{"queue_management", text(f, "queue_management", 0).En, "Single FIFO queue, fixed prompts."},
		{"fin_traceable_recording", text(f, "fin_traceable_recording", 0).En, "Audio only, unsealed."},
		{"gov_ticket_dispatch", text(f, "gov_ticket_dispatch", 2).En,
			"12345-style loop: intake, assignment to departments, deadlines, supervision, callback, satisfaction rating."},
	}
	for _, s := range spot {
		if s.got != s.want {
			t.Errorf("%s: %q, want the catalog's %q", s.id, s.got, s.want)
		}
	}
	ch, _ := f.Criterion("concurrent_channels")
	if ch.AnchorParam != model.ParamPeak {
		t.Errorf("concurrent_channels anchor param %q, want P", ch.AnchorParam)
	}
}

func text(f *model.Framework, id string, level int) model.Text {
	c, ok := f.Criterion(id)
	if !ok {
		return model.Text{}
	}
	return c.Rubric[level]
}
