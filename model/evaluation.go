package model

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Vendor is a candidate supplier. Price is recorded for comparison after ranking, never scored.
type Vendor struct {
	ID    string  `json:"id"`
	Name  Text    `json:"name"`
	Notes string  `json:"notes,omitempty"`
	Price float64 `json:"price,omitempty"` // indicative ¥ per seat per month; 0 = not given
}

// Reviewer is one person scoring independently.
type Reviewer struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Score is one reviewer's value for one vendor on one criterion: a rating (1–5, half points) or a
// raw measured value, with the note and the evidence that justify it.
type Score struct {
	Vendor    string  `json:"vendor"`
	Criterion string  `json:"criterion"`
	Reviewer  string  `json:"reviewer"`
	Value     float64 `json:"value"`
	Note      string  `json:"note,omitempty"`
	Evidence  string  `json:"evidence,omitempty"`
}

// Evaluation is one vendor-selection project: its own copy of the framework, the vendors, the
// reviewers and their scores, the weight profiles and the knock-out rules.
type Evaluation struct {
	ID            int64              `json:"-"`
	Name          string             `json:"name"`
	Client        string             `json:"client,omitempty"`
	Industry      string             `json:"industry,omitempty"` // template it started from
	Created       time.Time          `json:"created"`
	Updated       time.Time          `json:"updated"`
	Framework     Framework          `json:"framework"`
	Params        map[string]float64 `json:"parameters,omitempty"` // e.g. "P": required peak channels
	Vendors       []Vendor           `json:"vendors"`
	Reviewers     []Reviewer         `json:"reviewers"`
	Scores        []Score            `json:"scores"`
	Profiles      []WeightProfile    `json:"profiles"`
	ActiveProfile string             `json:"active_profile"`
	KnockOuts     []KnockOut         `json:"knockouts,omitempty"`
	// Draft is the weight edit in progress, not yet saved as a profile; Draft.Name is the
	// profile it started from. See sizing_eval.go for these three fields.
	Draft *WeightProfile `json:"draft,omitempty"`
	// Scenarios are the named peaks P is sized from; GoverningScenario is the id of the one
	// that sets P ("" : none, P was typed).
	Scenarios         []Scenario `json:"scenarios,omitempty"`
	GoverningScenario string     `json:"governing_scenario,omitempty"`
}

// ParamPeak is the parameter holding the required peak concurrent channels (P in the catalog).
const ParamPeak = "P"

// VendorIndex returns the position of vendor id, or -1.
func (e *Evaluation) VendorIndex(id string) int {
	for i := range e.Vendors {
		if e.Vendors[i].ID == id {
			return i
		}
	}
	return -1
}

// ReviewerIndex returns the position of reviewer id, or -1.
func (e *Evaluation) ReviewerIndex(id string) int {
	for i := range e.Reviewers {
		if e.Reviewers[i].ID == id {
			return i
		}
	}
	return -1
}

// Profile returns the weight profile with the given name.
func (e *Evaluation) Profile(name string) (*WeightProfile, error) {
	for i := range e.Profiles {
		if e.Profiles[i].Name == name {
			return &e.Profiles[i], nil
		}
	}
	names := make([]string, len(e.Profiles))
	for i := range e.Profiles {
		names[i] = e.Profiles[i].Name
	}
	return nil, fmt.Errorf("unknown weight profile %q (profiles: %s)", name, strings.Join(names, ", "))
}

// Active returns the active weight profile (the first one if none is marked).
func (e *Evaluation) Active() (*WeightProfile, error) {
	if e.ActiveProfile == "" && len(e.Profiles) > 0 {
		return &e.Profiles[0], nil
	}
	return e.Profile(e.ActiveProfile)
}

// ScoreOf returns the score of one reviewer for one cell, if any.
func (e *Evaluation) ScoreOf(vendor, criterion, reviewer string) (*Score, bool) {
	for i := range e.Scores {
		s := &e.Scores[i]
		if s.Vendor == vendor && s.Criterion == criterion && s.Reviewer == reviewer {
			return s, true
		}
	}
	return nil, false
}

// Param returns a parameter value; ok is false when it is not set.
func (e *Evaluation) Param(name string) (float64, bool) {
	v, ok := e.Params[name]
	return v, ok
}

// CheckValue validates a value for a criterion: ratings are 1–5 in half points, measured values
// are finite numbers (non-negative: every measured unit in the catalog is a count, time or %).
func CheckValue(c *Criterion, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("%s: value must be a number", c.ID)
	}
	if c.Kind == KindRating {
		if v < ScaleMin || v > ScaleMax {
			return fmt.Errorf("%s: rating %g is outside 1–5", c.ID, v)
		}
		if v*2 != math.Trunc(v*2) {
			return fmt.Errorf("%s: rating %g must be a whole or half point", c.ID, v)
		}
		return nil
	}
	if v < 0 {
		return fmt.Errorf("%s: measured value %g must not be negative", c.ID, v)
	}
	return nil
}

// Validate checks the whole evaluation: framework, unique ids, every reference, every value,
// profiles and knock-outs. It is run before anything is saved or imported.
//
// It also applies the size limits, text hygiene and number ranges of limits.go, first, so that an
// oversized or hostile evaluation is refused before the rest walks it.
func (e *Evaluation) Validate() error {
	if e.Name == "" {
		return fmt.Errorf("evaluation name must not be empty")
	}
	if err := e.checkLimits(); err != nil {
		return err
	}
	if err := e.Framework.Validate(); err != nil {
		return err
	}
	for name, v := range e.Params {
		if math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 {
			return fmt.Errorf("parameter %s must be a positive number, got %g", name, v)
		}
	}
	for _, c := range e.Framework.Criteria {
		if c.AnchorParam != "" {
			if _, ok := e.Params[c.AnchorParam]; !ok {
				return fmt.Errorf("criterion %q needs parameter %q, which is not set", c.ID, c.AnchorParam)
			}
		}
	}
	if err := checkIDs("vendor", len(e.Vendors), func(i int) string { return e.Vendors[i].ID }); err != nil {
		return err
	}
	for _, v := range e.Vendors {
		if v.Name.IsEmpty() {
			return fmt.Errorf("vendor %q has an empty name", v.ID)
		}
		if math.IsNaN(v.Price) || v.Price < 0 {
			return fmt.Errorf("vendor %q: price must be a non-negative number", v.ID)
		}
	}
	if err := checkIDs("reviewer", len(e.Reviewers), func(i int) string { return e.Reviewers[i].ID }); err != nil {
		return err
	}
	for _, r := range e.Reviewers {
		if r.Name == "" {
			return fmt.Errorf("reviewer %q has an empty name", r.ID)
		}
	}
	if err := e.validateScores(); err != nil {
		return err
	}
	if len(e.Profiles) == 0 {
		return fmt.Errorf("evaluation has no weight profile")
	}
	names := map[string]bool{}
	for i := range e.Profiles {
		p := &e.Profiles[i]
		if p.Name == "" {
			return fmt.Errorf("a weight profile has an empty name")
		}
		if names[p.Name] {
			return fmt.Errorf("duplicate weight profile %q", p.Name)
		}
		names[p.Name] = true
		if err := p.Validate(&e.Framework); err != nil {
			return err
		}
	}
	if e.ActiveProfile != "" && !names[e.ActiveProfile] {
		return fmt.Errorf("active profile %q does not exist", e.ActiveProfile)
	}
	for _, k := range e.KnockOuts {
		if err := k.validate(e, names); err != nil {
			return err
		}
	}
	return e.validateDraftAndSizing()
}

// validateScores checks every score's references and value, and that no cell is scored twice.
// The ids are resolved through maps built once and each cell is marked in a dense
// vendor × criterion × reviewer bitmap, so the pass is O(scores) without a string key per score
// (a linear scan per reference took 34 s on a 100k-vendor import; see issue 13).
func (e *Evaluation) validateScores() error {
	if len(e.Scores) == 0 {
		return nil
	}
	vendors := make(map[string]int, len(e.Vendors))
	for i := range e.Vendors {
		vendors[e.Vendors[i].ID] = i
	}
	reviewers := make(map[string]int, len(e.Reviewers))
	for i := range e.Reviewers {
		reviewers[e.Reviewers[i].ID] = i
	}
	crits := make(map[string]int, len(e.Framework.Criteria))
	for i := range e.Framework.Criteria {
		crits[e.Framework.Criteria[i].ID] = i
	}
	nc, nr := len(e.Framework.Criteria), len(e.Reviewers)
	// checkLimits has bounded the three counts, so the bitmap is at most 7.5 M bits (≈ 1 MB).
	seen := make([]uint64, (len(e.Vendors)*nc*nr+63)/64)
	for i := range e.Scores {
		s := &e.Scores[i]
		v, ok := vendors[s.Vendor]
		if !ok {
			return fmt.Errorf("score references unknown vendor %q", s.Vendor)
		}
		r, ok := reviewers[s.Reviewer]
		if !ok {
			return fmt.Errorf("score references unknown reviewer %q", s.Reviewer)
		}
		c, ok := crits[s.Criterion]
		if !ok {
			return fmt.Errorf("score references unknown criterion %q", s.Criterion)
		}
		if err := CheckValue(&e.Framework.Criteria[c], s.Value); err != nil {
			return fmt.Errorf("score of %s by %s: %w", s.Vendor, s.Reviewer, err)
		}
		bit := (v*nc+c)*nr + r
		if seen[bit/64]&(1<<(bit%64)) != 0 {
			return fmt.Errorf("duplicate score for %s/%s/%s", s.Vendor, s.Criterion, s.Reviewer)
		}
		seen[bit/64] |= 1 << (bit % 64)
	}
	return nil
}

func checkIDs(what string, n int, id func(int) string) error {
	seen := make(map[string]bool, n)
	for i := 0; i < n; i++ {
		s := id(i)
		if s == "" {
			return fmt.Errorf("a %s has an empty id", what)
		}
		if seen[s] {
			return fmt.Errorf("duplicate %s id %q", what, s)
		}
		seen[s] = true
	}
	return nil
}
