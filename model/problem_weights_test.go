package model_test

import (
	"errors"
	"math"
	"testing"

	"ccselect/model"
)

// The weights are read through accessors and changed only through setters, which refuse NaN,
// ±Inf and negative weights (issue 7 defect 8: SetWeights(NaN) ranked every vendor 0) and leave
// the Problem as it was; a valid change keeps global = dimension × local.
func TestWeightSettersRefuseBadValues(t *testing.T) {
	p := sampleProblem(t)
	dim0 := append([]float64(nil), p.DimWeights()...)
	local := append([]float64(nil), p.Local()...)
	global := append([]float64(nil), p.Weights()...)
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), -0.1} {
		d := append([]float64(nil), dim0...)
		d[0] = bad
		if err := p.SetWeights(d, local); !errors.Is(err, model.ErrBadWeight) {
			t.Fatalf("SetWeights(%v): %v", bad, err)
		}
		g := append([]float64(nil), global...)
		g[1] = bad
		if err := p.SetGlobalWeights(g); !errors.Is(err, model.ErrBadWeight) {
			t.Fatalf("SetGlobalWeights(%v): %v", bad, err)
		}
	}
	for c := range global {
		if p.Weights()[c] != global[c] {
			t.Fatalf("a refused change moved weight %d: %v → %v", c, global[c], p.Weights()[c])
		}
	}
	if err := p.SetWeights(dim0[:1], local); err == nil {
		t.Fatal("a short slice was accepted")
	}
	d := append([]float64(nil), dim0...)
	d[0], d[1] = d[0]+0.1, d[1]-0.1
	if err := p.SetWeights(d, local); err != nil {
		t.Fatal(err)
	}
	for c := range local {
		if want := d[p.CritDim[c]] * local[c]; math.Abs(p.Weights()[c]-want) > 1e-15 {
			t.Fatalf("criterion %d: global %v, want %v", c, p.Weights()[c], want)
		}
	}
}

// NewProblem refuses a profile with a NaN weight.
func TestNewProblemRefusesNaNWeight(t *testing.T) {
	p := sampleProblem(t)
	ev := p.Eval
	prof, err := ev.Active()
	if err != nil {
		t.Fatal(err)
	}
	for id := range prof.Criteria {
		prof.Criteria[id] = math.NaN()
		break
	}
	if _, err := model.NewProblem(ev, prof.Name, model.ConsensusMean, nil); err == nil {
		t.Fatal("a NaN weight was accepted")
	}
}
