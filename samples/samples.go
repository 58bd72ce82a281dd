// Package samples embeds ccselect's evaluation framework, the four industry templates and the
// fictional sample evaluation of shared/domain/criteria-catalog.md.
//
// The data has one source per kind:
//   - framework.json: the 5 dimensions and all 23 criteria (15 core + 8 industry extras) with
//     rubrics and value-function anchors;
//   - presets.json: each preset's global weights (which also say which criteria it uses), the
//     parameter P and the knock-out rules with the presets they apply to;
//   - sample.json: the sample evaluation as an export bundle. It is generated from the two files
//     above plus the vendor table in sample_gen_test.go (go test ./samples -run
//     TestSampleJSONIsGenerated -update), and that test fails when the committed file drifts.
//
// Templates are built in Go from framework.json and presets.json on every call.
//
// Reviewers in the sample: the catalog gives one value per vendor and criterion, but a sample
// with three identical reviewers would show no disagreement. So wang always scores the catalog
// value and, on some rating cells, li and chen deviate symmetrically around it — (v+0.5, v−0.5)
// or (v+1, v−1), chosen by a fixed rule and only where both stay inside 1–5 — so the mean AND
// the median consensus of every cell equal the catalog value exactly (the three values are
// half points summing to exactly 3v). Measured values are contract facts and identical for all
// three reviewers.
package samples

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"ccselect/export"
	"ccselect/model"
)

//go:embed framework.json presets.json sample.json
var files embed.FS

// frameworkFile is framework.json: a model.Framework plus a comment on where the text comes from.
type frameworkFile struct {
	Comment string `json:"comment"`
	model.Framework
}

// presetsFile is presets.json.
type presetsFile struct {
	Comment   string             `json:"comment"`
	Params    map[string]float64 `json:"parameters"`
	Presets   []preset           `json:"presets"`
	KnockOuts []presetKnockOut   `json:"knockouts"`
}

// preset is one weight preset: global criterion weights as the catalog's §3 table writes them.
// The criteria it weighs are the criteria a template of this preset contains.
type preset struct {
	Name    string             `json:"name"`
	Weights map[string]float64 `json:"weights"`
}

// presetKnockOut is a knock-out rule and the presets it belongs to (none = every preset).
type presetKnockOut struct {
	Criterion string   `json:"criterion"`
	Op        model.Op `json:"op"`
	Threshold float64  `json:"threshold"`
	Param     string   `json:"param,omitempty"`
	Presets   []string `json:"presets,omitempty"`
	Note      string   `json:"note,omitempty"` // why the rule is as it is (e.g. the 7×24 phone half of the SLA rule)
}

func (k presetKnockOut) appliesTo(preset string) bool {
	if len(k.Presets) == 0 {
		return true
	}
	for _, p := range k.Presets {
		if p == preset {
			return true
		}
	}
	return false
}

// rule is the knock-out as the engine sees it, limited to one weight profile ("" = all).
func (k presetKnockOut) rule(profile string) model.KnockOut {
	return model.KnockOut{Criterion: k.Criterion, Op: k.Op, Threshold: k.Threshold, Param: k.Param, Profile: profile}
}

// catalog is the parsed framework and presets.
type catalog struct {
	framework model.Framework
	presets   presetsFile
}

// loadCatalog parses the embedded files strictly; a mistake in them is a bug caught by the tests.
func loadCatalog() (*catalog, error) {
	var fw frameworkFile
	if err := decodeStrict("framework.json", &fw); err != nil {
		return nil, err
	}
	if err := fw.Framework.Validate(); err != nil {
		return nil, fmt.Errorf("samples: framework.json: %w", err)
	}
	c := &catalog{framework: fw.Framework}
	if err := decodeStrict("presets.json", &c.presets); err != nil {
		return nil, err
	}
	return c, nil
}

func decodeStrict(name string, v any) error {
	data, err := files.ReadFile(name)
	if err != nil {
		return fmt.Errorf("samples: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("samples: %s: %w", name, err)
	}
	return nil
}

func (c *catalog) preset(name string) (*preset, bool) {
	for i := range c.presets.Presets {
		if c.presets.Presets[i].Name == name {
			return &c.presets.Presets[i], true
		}
	}
	return nil, false
}

func (c *catalog) names() []string {
	out := make([]string, len(c.presets.Presets))
	for i, p := range c.presets.Presets {
		out[i] = p.Name
	}
	return out
}

// frameworkFor copies the framework keeping only the criteria the preset weighs, in catalog order.
func (c *catalog) frameworkFor(p *preset) model.Framework {
	f := model.Framework{Dimensions: append([]model.Dimension(nil), c.framework.Dimensions...)}
	for _, cr := range c.framework.Criteria {
		if _, ok := p.Weights[cr.ID]; ok {
			f.Criteria = append(f.Criteria, copyCriterion(cr))
		}
	}
	return f
}

// copyCriterion detaches the anchor slice so callers can edit their copy freely.
func copyCriterion(c model.Criterion) model.Criterion {
	c.Anchors = append([]model.Anchor(nil), c.Anchors...)
	return c
}

// TemplateNames lists the templates in catalog order: default, finance, healthcare, government.
// Only the preset names are decoded, not the 27 KB framework: the CLI asks for them on every
// start-up and they were half of `ccselect version`'s own time. The tests check them against
// the fully decoded catalog.
func TemplateNames() []string {
	data, err := files.ReadFile("presets.json")
	if err != nil {
		return nil // unreachable with the embedded files; the tests load them
	}
	var names struct {
		Presets []struct {
			Name string `json:"name"`
		} `json:"presets"`
	}
	if err := json.Unmarshal(data, &names); err != nil {
		return nil // unreachable: presets.json is embedded and decoded strictly by the tests
	}
	out := make([]string, len(names.Presets))
	for i, p := range names.Presets {
		out[i] = p.Name
	}
	return out
}

// Template returns a new, empty evaluation from a template: the 15 core criteria plus the
// preset's industry extras, one weight profile named after the template (from the catalog's
// global weights), the required peak channels P = peak, and the preset's knock-outs. The
// knock-outs apply to every profile: they are the client's regulatory floor, not a matter of
// weighting. The catalog's SLA gate reads "sla_response ≤ 60 and 7×24 phone": only the minutes
// are a numeric rule; the 7×24 phone channel is left to the reviewer (see presets.json). The
// evaluation has no vendors, reviewers or scores, and zero Created/Updated times (the store
// sets them).
func Template(name, evalName, client string, peak float64) (*model.Evaluation, error) {
	c, err := loadCatalog()
	if err != nil {
		return nil, err
	}
	valid := strings.Join(c.names(), ", ")
	if name == "" {
		return nil, fmt.Errorf("no template given (valid: %s)", valid)
	}
	p, ok := c.preset(name)
	if !ok {
		return nil, fmt.Errorf("unknown template %q (valid: %s)", name, valid)
	}
	if math.IsNaN(peak) || math.IsInf(peak, 0) || peak <= 0 {
		return nil, fmt.Errorf("required peak channels must be a positive number, got %g", peak)
	}
	if evalName == "" {
		return nil, fmt.Errorf("evaluation name must not be empty")
	}
	ev := &model.Evaluation{
		Name:          evalName,
		Client:        client,
		Industry:      name,
		Framework:     c.frameworkFor(p),
		Params:        map[string]float64{model.ParamPeak: peak},
		Vendors:       []model.Vendor{},
		Reviewers:     []model.Reviewer{},
		Scores:        []model.Score{},
		ActiveProfile: name,
		// The default peaks are there to be edited; none governs, so P stays as given.
		Scenarios: model.DefaultScenarios(),
	}
	prof, err := model.ProfileFromGlobal(name, &ev.Framework, p.Weights)
	if err != nil {
		return nil, fmt.Errorf("samples: template %s: %w", name, err)
	}
	ev.Profiles = []model.WeightProfile{prof}
	for _, k := range c.presets.KnockOuts {
		if k.appliesTo(name) {
			ev.KnockOuts = append(ev.KnockOuts, k.rule(""))
		}
	}
	if err := ev.Validate(); err != nil {
		return nil, fmt.Errorf("samples: template %s: %w", name, err)
	}
	return ev, nil
}

// Sample returns the fictional sample evaluation of the catalog (5 vendors, 3 reviewers, all 23
// criteria, the four presets as weight profiles). Every call decodes a fresh copy.
func Sample() (*model.Evaluation, error) {
	data, err := files.ReadFile("sample.json")
	if err != nil {
		return nil, fmt.Errorf("samples: %w", err)
	}
	ev, err := export.DecodeBundle(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("samples: sample.json: %w", err)
	}
	return ev, nil
}
