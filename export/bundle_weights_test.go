package export_test

import (
	"bytes"
	"strings"
	"testing"

	"ccselect/docs"
	"ccselect/export"
	"ccselect/model"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sampleWS is the sample with everything issues 10 and 12 added to an evaluation: an AHP
// elicitation of the dimensions, a draft, the default scenarios and a governing one.
func sampleWS(t *testing.T) *model.Evaluation {
	t.Helper()
	ev := sample(t)
	p := &ev.Profiles[0]
	m := [][]float64{
		{1, 2, 1, 1, 2},
		{0.5, 1, 0.5, 0.5, 1},
		{1, 2, 1, 1, 2},
		{1, 2, 1, 1, 2},
		{0.5, 1, 0.5, 0.5, 1},
	}
	if err := p.ApplyElicitation(&ev.Framework, model.ElicitLevelDimensions, model.Elicitation{Method: model.ElicitAHP, Matrix: m,
		Ranks: map[string]int{"stability": 1}}); err != nil { // another method's inputs are kept too
		t.Fatal(err)
	}
	d := ev.Profiles[1].Clone()
	if err := d.SetDimension(&ev.Framework, "data_security", 0.3); err != nil {
		t.Fatal(err)
	}
	ev.Draft = &d
	ev.Scenarios = model.DefaultScenarios()
	ev.GoverningScenario = "campaign_peak"
	peak, _, err := model.PeakFromScenario(ev.Scenarios[1])
	if err != nil {
		t.Fatal(err)
	}
	ev.Params[model.ParamPeak] = peak
	if err := ev.Validate(); err != nil {
		t.Fatal(err)
	}
	return ev
}

func TestBundleRoundTripWeightsAndSizing(t *testing.T) {
	ev := sampleWS(t)
	data := encode(t, ev)
	got, err := export.DecodeBundle(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	assertSameEvaluation(t, ev, got)
	if !bytes.Equal(encode(t, got), data) {
		t.Error("encoding the decoded evaluation gives different bytes")
	}
	// The export validates against docs/bundle.schema.json.
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(docs.BundleSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("bundle.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("bundle.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(v); err != nil {
		t.Fatalf("export does not validate: %v", err)
	}
}

// Strict decoding stays strict for the new fields: a missing scenario number, an unknown
// field, a null where a number goes, a stale elicitation, an unknown governing scenario.
func TestDecodeRefusesBadWeightsAndSizing(t *testing.T) {
	data := string(encode(t, sampleWS(t)))
	for name, c := range map[string]struct{ old, new, want string }{
		"missing calls":     {`"calls": 9000,`, ``, `has no "calls"`},
		"null calls":        {`"calls": 9000,`, `"calls": null,`, `is null, not a number`},
		"unknown field":     {`"calls": 9000,`, `"calls": 9000, "callz": 1,`, `unknown field "callz"`},
		"zero interval":     {`"interval_s": 1800,`, `"interval_s": 0,`, `interval`},
		"unknown governing": {`"governing_scenario": "campaign_peak"`, `"governing_scenario": "black_friday"`, `governing scenario "black_friday" does not exist`},
		"duplicate id":      {`"id": "daily_peak"`, `"id": "campaign_peak"`, `duplicate scenario id`},
		"stale elicitation": {`"method": "ahp"`, `"method": "rr"`, `elicitation`},
		"bad method":        {`"method": "ahp"`, `"method": "vibes"`, `unknown method`},
		"draft weights":     {`"draft": {`, `"draft": {"locked": ["nope"],`, `weight draft`},
	} {
		bad := strings.Replace(data, c.old, c.new, 1)
		if bad == data {
			t.Fatalf("%s: %q not found in the bundle", name, c.old)
		}
		_, err := export.DecodeBundle(strings.NewReader(bad))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error mentioning %q", name, err, c.want)
		}
	}
}
