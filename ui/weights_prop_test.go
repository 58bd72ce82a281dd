package ui

import (
	"math"
	"math/rand/v2"
	"testing"

	"ccselect/model"
)

// A seeded random walk over the Weights tab's keys on the sample (the property test,
// at the interface): after every key each level sums to 1 within 1e-9, a weight locked before
// the key has not moved, and a key that was refused (a warning on the status line) changed
// nothing.
func TestWeightsKeysProperty(t *testing.T) {
	fx, p := weightsAlone(t, model.LangEn)
	keys := []string{"left", "right", "shift+left", "shift+right", "space", "up", "down", "enter", "e", "right", "right"}
	rng := rand.New(rand.NewPCG(10, 2026))
	wb := fx.wb
	f := &wb.ev.Framework
	refused, lockedSteps := 0, 0
	for step := 0; step < 1500; step++ {
		before := wb.weightsBase().Clone()
		k := keys[rng.IntN(len(keys))]
		fx.last, fx.kind = "", statusInfo
		fx.press(p, k)
		after := wb.weightsBase()
		if len(before.Locked) > 0 {
			lockedSteps++
		}
		if fx.kind == statusWarn {
			refused++
			for id, w := range before.Dimensions {
				if after.Dimensions[id] != w {
					t.Fatalf("step %d (%s): refused (%q) but %s moved", step, k, fx.last, id)
				}
			}
			for id, w := range before.Criteria {
				if after.Criteria[id] != w {
					t.Fatalf("step %d (%s): refused (%q) but %s moved", step, k, fx.last, id)
				}
			}
		}
		for _, id := range before.Locked {
			if !after.IsLocked(id) {
				continue // this key unlocked it
			}
			w0, w1 := before.Dimensions[id], after.Dimensions[id]
			if f.DimensionIndex(id) < 0 {
				w0, w1 = before.Criteria[id], after.Criteria[id]
			}
			if math.Abs(w0-w1) > 1e-12 {
				t.Fatalf("step %d (%s): locked %s moved %v → %v", step, k, id, w0, w1)
			}
		}
		sum := 0.0
		for _, d := range f.Dimensions {
			sum += after.Dimensions[d.ID]
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Fatalf("step %d (%s): dimensions sum to %v", step, k, sum)
		}
		for d, cs := range wb.dimCrit {
			s := 0.0
			for _, c := range cs {
				s += after.Criteria[f.Criteria[c].ID]
			}
			if len(cs) > 0 && math.Abs(s-1) > 1e-9 {
				t.Fatalf("step %d (%s): criteria of dimension %d sum to %v", step, k, d, s)
			}
		}
	}
	if refused == 0 || lockedSteps == 0 {
		t.Fatalf("the walk never met a refusal (%d) or a lock (%d)", refused, lockedSteps)
	}
	t.Logf("%d refusals, %d steps with locks", refused, lockedSteps)
}
