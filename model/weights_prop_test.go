package model_test

import (
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"ccselect/model"
	"ccselect/samples"
)

// levelSums returns the sum of the dimension weights and of each dimension's local weights.
func levelSums(f *model.Framework, p *model.WeightProfile) map[string]float64 {
	sums := map[string]float64{}
	for _, d := range f.Dimensions {
		sums[""] += p.Dimensions[d.ID]
	}
	for _, c := range f.Criteria {
		sums[c.Dimension] += p.Criteria[c.ID]
	}
	return sums
}

// Rescaling with locks as a property (issue 10), over seeded random sequences of edits on the
// sample's profiles: random locks, then SetDimension / SetCriterion with values that are
// sometimes impossible (negative, above 1, above what the locks leave, on a locked weight).
// After every accepted edit each level sums to 1 within 1e-9 and no locked weight has moved;
// a refused edit changes nothing at all.
func TestRescaleWithLocksProperty(t *testing.T) {
	e, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	f := &e.Framework
	var ids []string // every dimension and criterion id
	for _, d := range f.Dimensions {
		ids = append(ids, d.ID)
	}
	for _, c := range f.Criteria {
		ids = append(ids, c.ID)
	}
	rng := rand.New(rand.NewPCG(10, 2026))
	accepted, refused := 0, 0
	for _, start := range e.Profiles {
		for seq := 0; seq < 40; seq++ {
			p := start.Clone()
			p.Locked = nil
			for _, id := range ids {
				if rng.IntN(4) == 0 {
					p.ToggleLock(id)
				}
			}
			for step := 0; step < 30; step++ {
				id := ids[rng.IntN(len(ids))]
				var w float64
				switch rng.IntN(6) {
				case 0:
					w = -rng.Float64() // impossible
				case 1:
					w = 1 + rng.Float64() // impossible
				case 2:
					w = 1 // often more than the locks leave
				case 3:
					w = 0
				default:
					w = rng.Float64()
				}
				before := p.Clone()
				isDim := f.DimensionIndex(id) >= 0
				if isDim {
					err = p.SetDimension(f, id, w)
				} else {
					err = p.SetCriterion(f, id, w)
				}
				if err != nil {
					refused++
					if !maps.Equal(p.Dimensions, before.Dimensions) || !maps.Equal(p.Criteria, before.Criteria) ||
						!slices.Equal(p.Locked, before.Locked) {
						t.Fatalf("refused %s=%g (%v) changed the profile", id, w, err)
					}
					continue
				}
				accepted++
				for level, s := range levelSums(f, &p) {
					if math.Abs(s-1) > 1e-9 {
						t.Fatalf("after %s=%g level %q sums to %.12f", id, w, level, s)
					}
				}
				for _, l := range p.Locked {
					if p.Dimensions[l] != before.Dimensions[l] || p.Criteria[l] != before.Criteria[l] {
						t.Fatalf("after %s=%g locked %s moved", id, w, l)
					}
				}
				if err := p.Validate(f); err != nil {
					t.Fatalf("after %s=%g: %v", id, w, err)
				}
			}
		}
	}
	if accepted < 500 || refused < 500 {
		t.Fatalf("only %d accepted and %d refused edits", accepted, refused)
	}
}
