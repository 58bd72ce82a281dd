package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"ccselect/export"
	"ccselect/model"
	"ccselect/samples"
)

func sampleProblem(t *testing.T) *model.Problem {
	t.Helper()
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	p, err := model.NewProblem(ev, "default", model.ConsensusMean, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func sensitivityJSON(t *testing.T, p *model.Problem, smaa *model.SMAAResult) map[string]any {
	t.Helper()
	var b bytes.Buffer
	if err := export.WriteSensitivityJSON(&b, export.BuildSensitivityReport(p, smaa)); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	return m
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func sameKeys(t *testing.T, what string, m map[string]any, want ...string) {
	t.Helper()
	slices.Sort(want)
	if got := keys(m); !slices.Equal(got, want) {
		t.Errorf("%s keys %v, want %v", what, got, want)
	}
}

// The JSON carries the documented shape, with the catalog's numbers in it.
func TestSensitivityJSONShape(t *testing.T) {
	p := sampleProblem(t)
	smaa, err := model.RunSMAA(context.Background(), p, model.SMAAOptions{Samples: 20_000, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	m := sensitivityJSON(t, p, smaa)
	sameKeys(t, "report", m, "evaluation", "profile", "method", "consensus", "leader", "summary", "break_even",
		"all_reversals", "reversals", "tornado", "score_robustness", "smaa")
	if m["leader"] != "yunqi" {
		t.Errorf("leader %v", m["leader"])
	}
	if m["evaluation"] != p.Eval.Name || m["profile"] != "default" || m["method"] != "wsm" || m["consensus"] != "mean" || m["all_reversals"] != false {
		t.Errorf("produced by %v / %v / %v / %v, all_reversals %v", m["evaluation"], m["profile"], m["method"], m["consensus"], m["all_reversals"])
	}

	be := m["break_even"].([]any)
	if len(be) != 5+23 {
		t.Fatalf("%d break-even entries, want 28 (5 dimensions + 23 criteria)", len(be))
	}
	var ds map[string]any
	for _, x := range be {
		e := x.(map[string]any)
		sameKeys(t, "break_even entry", e, "parameter", "kind", "current", "below", "above")
		if e["parameter"] == "data_security" {
			ds = e
		}
		if k := e["kind"]; k != "dimension" && k != "criterion" {
			t.Errorf("kind %v", k)
		}
	}
	if ds["below"] != nil || ds["kind"] != "dimension" || ds["current"] != 0.2 {
		t.Errorf("data_security entry %v", ds)
	}
	above := ds["above"].(map[string]any)
	sameKeys(t, "above", above, "weight", "leader")
	if w := above["weight"].(float64); math.Abs(w-0.26) > 0.01 || above["leader"] != "panshi" {
		t.Errorf("data_security above %v, want ≈0.26 → panshi", above)
	}

	// Only reversals that exist, and by default only those with the leader (issue 9, defect 7).
	revs := m["reversals"].([]any)
	found := false
	for _, x := range revs {
		r := x.(map[string]any)
		sameKeys(t, "reversal", r, "parameter", "a", "b", "weight")
		if _, ok := r["weight"].(float64); !ok {
			t.Errorf("reversal without a weight: %v", r)
		}
		if r["a"] != "yunqi" && r["b"] != "yunqi" {
			t.Errorf("reversal without the leader: %v", r)
		}
		if r["parameter"] == "data_security" && r["a"] == "yunqi" && r["b"] == "panshi" {
			found = true
			if w, _ := r["weight"].(float64); math.Abs(w-0.2587) > 0.0001 {
				t.Errorf("yunqi/panshi swap on data_security at %v", r["weight"])
			}
		}
	}
	if !found || len(revs) >= 28*3 {
		t.Errorf("%d reversals (yunqi/panshi on data_security found: %v); want fewer than the 28×3 leader pairs", len(revs), found)
	}

	tor := m["tornado"].([]any)
	if len(tor) != 5 {
		t.Fatalf("%d tornado entries", len(tor))
	}
	for _, x := range tor {
		sameKeys(t, "tornado entry", x.(map[string]any), "parameter", "low", "high", "swing")
	}
	if first := tor[0].(map[string]any); first["parameter"] != "data_security" || first["high"].(float64) >= 0 {
		t.Errorf("widest tornado bar %v, want data_security with Panshi ahead at ×1.5", first)
	}

	s := m["smaa"].(map[string]any)
	sameKeys(t, "smaa", s, "samples", "seed", "sampler", "level", "weights", "uncertainty", "rank_acceptability", "central_weights", "confidence", "winning")
	if s["sampler"] != "v2" { // model.SMAASamplerVersion
		t.Errorf("sampler %v, want %s", s["sampler"], model.SMAASamplerVersion)
	}
	if s["samples"] != 20000.0 || s["seed"] != 7.0 || s["weights"] != "uniform" || s["level"] != "dimensions" {
		t.Errorf("smaa header %v %v %v %v", s["samples"], s["seed"], s["weights"], s["level"])
	}
	ra := s["rank_acceptability"].(map[string]any)
	sameKeys(t, "rank_acceptability", ra, "yunqi", "huisheng", "panshi", "changfeng")
	if row := ra["yunqi"].([]any); len(row) != 4 {
		t.Errorf("yunqi has %d ranks", len(row))
	}
	cw := s["central_weights"].(map[string]any)
	for v, x := range cw {
		sum := 0.0
		for _, w := range x.(map[string]any) {
			sum += w.(float64)
		}
		if math.Abs(sum-1) > 1e-5 {
			t.Errorf("central weights of %s sum to %v", v, sum)
		}
	}
	conf := s["confidence"].(map[string]any)
	sameKeys(t, "confidence", conf, "yunqi", "huisheng", "panshi", "changfeng")
	// A vendor never first has no central weights: its confidence is null, not 0 (defect 7).
	for v, c := range conf {
		if _, first := cw[v]; first != (c != nil) {
			t.Errorf("confidence of %s = %v, ever first: %v", v, c, first)
		}
	}
}

// Within ±10% of the sample's weights only Yunqi is ever first (20,000 draws, seed 7): the
// others have no central weights and a null confidence — "never first", not "0% confident".
func TestSensitivityJSONConfidenceNull(t *testing.T) {
	p := sampleProblem(t)
	smaa, err := model.RunSMAA(context.Background(), p, model.SMAAOptions{Samples: 20_000, Seed: 7, Weights: model.WeightsAround, AroundPct: 10})
	if err != nil {
		t.Fatal(err)
	}
	s := sensitivityJSON(t, p, smaa)["smaa"].(map[string]any)
	conf := s["confidence"].(map[string]any)
	for v, c := range conf {
		if (v == "yunqi") != (c != nil) {
			t.Errorf("confidence of %s = %v; want a number for yunqi only", v, c)
		}
	}
	if c, _ := conf["yunqi"].(float64); c != 1 {
		t.Errorf("yunqi confidence %v, want 1 (one score draw, first with its central weights)", conf["yunqi"])
	}
	var b bytes.Buffer
	if err := export.WriteSensitivityTable(&b, p.Eval, export.BuildSensitivityReport(p, smaa), model.LangEn, 0); err != nil {
		t.Fatal(err)
	}
	_, acc, _ := strings.Cut(b.String(), "Confidence\n")
	rows := strings.Split(acc, "\n")[:4]
	for _, r := range rows {
		if strings.HasSuffix(r, "—") == strings.HasPrefix(r, "Yunqi") {
			t.Errorf("confidence cell of %q", r)
		}
	}
}

func TestSensitivityJSONWithoutSMAA(t *testing.T) {
	m := sensitivityJSON(t, sampleProblem(t), nil)
	if v, ok := m["smaa"]; !ok || v != nil {
		t.Errorf("smaa = %v, want null", v)
	}
}

// The printed report is golden-tested in both languages (without SMAA, whose last digits could
// differ between platforms); refresh with `go test ./export -update`.
func TestSensitivityTableGolden(t *testing.T) {
	p := sampleProblem(t)
	rep := export.BuildSensitivityReport(p, nil)
	for _, lang := range []model.Lang{model.LangEn, model.LangZh} {
		t.Run(string(lang), func(t *testing.T) {
			var b bytes.Buffer
			if err := export.WriteSensitivityTable(&b, p.Eval, rep, lang, 0); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}

// Right-aligned percentage columns end at the same terminal cell on every row, Chinese or not.
func TestSensitivityTableAlignsCJK(t *testing.T) {
	p := sampleProblem(t)
	smaa, err := model.RunSMAA(context.Background(), p, model.SMAAOptions{Samples: 5_000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	rep := export.BuildSensitivityReport(p, smaa)
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		var b bytes.Buffer
		if err := export.WriteSensitivityTable(&b, p.Eval, rep, lang, 0); err != nil {
			t.Fatal(err)
		}
		sections := strings.Split(b.String(), "\n\n")
		for _, sec := range sections[1:] {
			lines := strings.Split(strings.TrimSpace(sec), "\n")
			if len(lines) < 3 {
				continue
			}
			// First "%" after the first column: in the break-even table it is the current
			// weight, in the SMAA tables the first rank or weight column; all right-aligned.
			var ends []int
			for _, l := range lines[2:] {
				// "—" stands where a share has no value (the winning matrix's diagonal); it is
				// as wide as "%" and right-aligned like it.
				l = strings.ReplaceAll(l, "—", "%")
				i := strings.Index(l, "%")
				if i < 0 {
					continue
				}
				ends = append(ends, ansi.StringWidth(l[:i+1]))
			}
			for _, e := range ends {
				if e != ends[0] {
					t.Fatalf("%s: column ends at cells %v:\n%s", lang, ends, sec)
				}
			}
		}
	}
}

func TestSensitivityNobodyRanked(t *testing.T) {
	p := sampleProblem(t)
	ev := *p.Eval
	ev.KnockOuts = append(ev.KnockOuts, model.KnockOut{Criterion: "track_record", Op: model.OpGE, Threshold: 100})
	q, err := model.NewProblem(&ev, "default", model.ConsensusMean, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	rep := export.BuildSensitivityReport(q, nil)
	rep.AllReversals = true
	revs := slices.Collect(rep.EachReversal())
	if rep.Leader != nil || len(revs) != 0 || len(rep.Tornado) != 0 {
		t.Errorf("leader %v, %d reversals, %d tornado bars", rep.Leader, len(revs), len(rep.Tornado))
	}
	var b bytes.Buffer
	if err := export.WriteSensitivityTable(&b, &ev, rep, model.LangEn, 0); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "No vendor passes the knock-outs") {
		t.Errorf("table:\n%s", b.String())
	}
}

// A new evaluation has no vendors yet: the report says so instead of blaming the knock-outs.
func TestSensitivityNoVendors(t *testing.T) {
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	ev.Vendors, ev.Scores = nil, nil
	p, err := model.NewProblem(ev, "default", model.ConsensusMean, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	rep := export.BuildSensitivityReport(p, nil)
	if rep.Leader != nil || !strings.Contains(rep.Summary.En, "no vendors") || !strings.Contains(rep.Summary.Zh, "还没有厂商") {
		t.Errorf("leader %v, summary %+v", rep.Leader, rep.Summary)
	}
	for _, lang := range []model.Lang{model.LangEn, model.LangZh} {
		var b bytes.Buffer
		if err := export.WriteSensitivityTable(&b, ev, rep, lang, 0); err != nil {
			t.Fatal(err)
		}
		if out := b.String(); strings.Contains(out, "knock-outs") || strings.Contains(out, "一票否决") || strings.Count(out, rep.Summary.In(lang)) != 1 {
			t.Errorf("%s table:\n%s", lang, out)
		}
	}
}

// With a single ranked vendor there is no pair to reverse and no runner-up for the tornado:
// those sections say so instead of printing a bare header.
func TestSensitivityOneVendorSectionsSayNone(t *testing.T) {
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	ev.Vendors = ev.Vendors[:1]
	kept := ev.Scores[:0]
	for _, s := range ev.Scores {
		if s.Vendor == ev.Vendors[0].ID {
			kept = append(kept, s)
		}
	}
	ev.Scores = kept
	p, err := model.NewProblem(ev, "default", model.ConsensusMean, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := export.WriteSensitivityTable(&b, ev, export.BuildSensitivityReport(p, nil), model.LangEn, 0); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for title, says := range map[string]string{"Rank reversals": "No weight moved anywhere in [0,1] swaps these places.", "Tornado": "(none)"} {
		_, after, _ := strings.Cut(out, title)
		lines := strings.SplitN(after, "\n", 3)
		if len(lines) < 2 || lines[1] != says {
			t.Errorf("%s section does not say (none):\n%s", title, out)
		}
	}
}
