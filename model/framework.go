package model

import (
	"fmt"
	"math"
)

// Kind says how a criterion is scored.
type Kind string

const (
	// KindRating is a 1–5 judgement against the rubric; half points are allowed.
	KindRating Kind = "rating"
	// KindMeasured is a raw value (availability %, channels, minutes) mapped to 1–5 by a value function.
	KindMeasured Kind = "measured"
)

// Direction says whether more of a measured value is better (benefit) or worse (cost).
type Direction string

const (
	Benefit Direction = "benefit"
	Cost    Direction = "cost"
)

// Score scale shared by every criterion.
const (
	ScaleMin = 1.0
	ScaleMax = 5.0
)

// Anchor is one point of a piecewise-linear value function: raw value X scores Score.
// Two anchors with the same X make a step: values below X take the first score, X itself and
// above take the second (the value function is right-continuous), e.g. channels "<P → 1, P → 2".
type Anchor struct {
	X     float64 `json:"x"`
	Score float64 `json:"score"`
}

// Dimension is one of the top-level evaluation dimensions.
type Dimension struct {
	ID   string `json:"id"`
	Name Text   `json:"name"`
}

// Criterion is a sub-criterion of a dimension.
type Criterion struct {
	ID          string    `json:"id"`
	Dimension   string    `json:"dimension"`
	Name        Text      `json:"name"`
	Description Text      `json:"description,omitempty"`
	Rubric      [3]Text   `json:"rubric"` // what earns a 1, a 3 and a 5
	Kind        Kind      `json:"kind"`
	Unit        string    `json:"unit,omitempty"`
	Direction   Direction `json:"direction,omitempty"`
	Anchors     []Anchor  `json:"anchors,omitempty"`
	// AnchorParam names an evaluation parameter that multiplies every anchor X, so that
	// concurrent_channels anchors can be written as multiples of the required peak P.
	AnchorParam string `json:"anchor_param,omitempty"`
}

// Framework is the ordered set of dimensions and criteria an evaluation scores against.
// Criteria are kept flat, in display order, each naming its dimension; criteria of one
// dimension are listed together.
type Framework struct {
	Dimensions []Dimension `json:"dimensions"`
	Criteria   []Criterion `json:"criteria"`
}

// DimensionIndex returns the position of dimension id, or -1.
func (f *Framework) DimensionIndex(id string) int {
	for i := range f.Dimensions {
		if f.Dimensions[i].ID == id {
			return i
		}
	}
	return -1
}

// CriterionIndex returns the position of criterion id, or -1.
func (f *Framework) CriterionIndex(id string) int {
	for i := range f.Criteria {
		if f.Criteria[i].ID == id {
			return i
		}
	}
	return -1
}

// Criterion returns the criterion with the given id.
func (f *Framework) Criterion(id string) (*Criterion, bool) {
	i := f.CriterionIndex(id)
	if i < 0 {
		return nil, false
	}
	return &f.Criteria[i], true
}

// CriteriaOf returns the criteria of one dimension in display order.
func (f *Framework) CriteriaOf(dimension string) []Criterion {
	var out []Criterion
	for _, c := range f.Criteria {
		if c.Dimension == dimension {
			out = append(out, c)
		}
	}
	return out
}

// Validate checks ids, references and value functions.
func (f *Framework) Validate() error {
	if len(f.Dimensions) == 0 {
		return fmt.Errorf("framework has no dimensions")
	}
	dims := map[string]bool{}
	for _, d := range f.Dimensions {
		if d.ID == "" {
			return fmt.Errorf("framework: a dimension has an empty id")
		}
		if dims[d.ID] {
			return fmt.Errorf("framework: duplicate dimension id %q", d.ID)
		}
		dims[d.ID] = true
	}
	crits := map[string]bool{}
	for i := range f.Criteria {
		c := &f.Criteria[i]
		if c.ID == "" {
			return fmt.Errorf("framework: criterion #%d has an empty id", i+1)
		}
		if crits[c.ID] {
			return fmt.Errorf("framework: duplicate criterion id %q", c.ID)
		}
		crits[c.ID] = true
		if !dims[c.Dimension] {
			return fmt.Errorf("framework: criterion %q references unknown dimension %q", c.ID, c.Dimension)
		}
		if err := c.validate(); err != nil {
			return err
		}
	}
	return nil
}

func (c *Criterion) validate() error {
	switch c.Kind {
	case KindRating:
		return nil
	case KindMeasured:
	default:
		return fmt.Errorf("criterion %q: unknown kind %q (want rating or measured)", c.ID, c.Kind)
	}
	if c.Direction != Benefit && c.Direction != Cost {
		return fmt.Errorf("criterion %q: direction must be benefit or cost, got %q", c.ID, c.Direction)
	}
	if len(c.Anchors) < 2 {
		return fmt.Errorf("criterion %q: a measured criterion needs at least two anchors", c.ID)
	}
	for i, a := range c.Anchors {
		if math.IsNaN(a.X) || math.IsInf(a.X, 0) || a.Score < ScaleMin || a.Score > ScaleMax {
			return fmt.Errorf("criterion %q: anchor %d is out of range", c.ID, i+1)
		}
		if i == 0 {
			continue
		}
		prev := c.Anchors[i-1]
		if a.X < prev.X {
			return fmt.Errorf("criterion %q: anchors must be sorted by value", c.ID)
		}
		if (c.Direction == Benefit && a.Score < prev.Score) || (c.Direction == Cost && a.Score > prev.Score) {
			return fmt.Errorf("criterion %q: anchor scores contradict direction %s", c.ID, c.Direction)
		}
	}
	return nil
}
