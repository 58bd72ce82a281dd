package model_test

import (
	"errors"
	"math"
	"testing"

	"ccselect/model"
)

func ahpUpper3(a12, a13, a23 float64) [][]float64 {
	return model.ReciprocalFill([][]float64{{0, a12, a13}, {0, 0, a23}, {}})
}

// Hand-worked AIJ case, three reviewers, three items:
//
//	wang  a12 = 2, a13 = 4, a23 = 2   consistent, w = (4, 2, 1)/7
//	li    a12 = 4, a13 = 8, a23 = 2   consistent, w = (8, 2, 1)/11
//	chen  a12 = 1, a13 = 2, a23 = 2   consistent, w = (2, 2, 1)/5
//
// Group (geometric means): a12 = ∛(2·4·1) = 2, a13 = ∛(4·8·2) = ∛64 = 4, a23 = ∛(2·2·2) = 2,
// a consistent matrix with w = (4, 2, 1)/7 = (.5714, .2857, .1429), CR = 0. Note it differs
// from the arithmetic mean of the reviewers' priorities, (.5662, .2892, .1446): AIJ aggregates
// judgements, not priorities.
func TestGroupAHPHandConsistent(t *testing.T) {
	g, err := model.GroupAHP([]string{"wang", "li", "chen"},
		[][][]float64{ahpUpper3(2, 4, 2), ahpUpper3(4, 8, 2), ahpUpper3(1, 2, 2)})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{1, 2, 4}, {0.5, 1, 2}, {0.25, 0.5, 1}}
	for i := range want {
		for j := range want[i] {
			if math.Abs(g.Matrix[i][j]-want[i][j]) > 1e-12 {
				t.Fatalf("group matrix %v", g.Matrix)
			}
		}
	}
	for i, w := range []float64{4.0 / 7, 2.0 / 7, 1.0 / 7} {
		if math.Abs(g.Group.Weights[i]-w) > 1e-9 {
			t.Errorf("group w%d = %.6f, want %.6f", i, g.Group.Weights[i], w)
		}
	}
	if g.Group.CR > 1e-9 || len(g.Reviewers) != 3 || g.Reviewers[1].Reviewer != "li" {
		t.Errorf("group CR %g reviewers %d", g.Group.CR, len(g.Reviewers))
	}
	if w := g.Reviewers[1].Weights; math.Abs(w[0]-8.0/11) > 1e-9 || math.Abs(w[2]-1.0/11) > 1e-9 {
		t.Errorf("li's own priorities %v, want (8,2,1)/11", w)
	}
}

// Hand-worked inconsistent case. For a 3×3 reciprocal matrix with a12 = a, a13 = b, a23 = c the
// eigenproblem has a closed form: with r = ∛(a·c/b), λmax = 1 + r + 1/r, and the priorities are
// the row geometric means.
//
//	wang  1, 1, 1   r = 1                λ = 3        CR = 0
//	li    4, 2, 8   r = ∛16 = 2.5198     λ = 3.9167   CI = .4583  CR = .7902
//	chen  2, 4, 1   r = ∛(1/2) = .7937   λ = 3.0536   CI = .0268  CR = .0462
//
// Group: a12 = ∛(1·4·2) = 2, a13 = ∛(1·2·4) = 2, a23 = ∛(1·8·1) = 2: r = ∛2, λ = 3.0536,
// CR = .0462 — the group is acceptably consistent although li is not. Row geometric means
// ∛4, 1, ∛(1/4) = 1.5874, 1, .6300 → w = (.4934, .3108, .1958).
func TestGroupAHPHandInconsistent(t *testing.T) {
	g, err := model.GroupAHP([]string{"wang", "li", "chen"},
		[][][]float64{ahpUpper3(1, 1, 1), ahpUpper3(4, 2, 8), ahpUpper3(2, 4, 1)})
	if err != nil {
		t.Fatal(err)
	}
	lam := func(a, b, c float64) float64 { r := math.Cbrt(a * c / b); return 1 + r + 1/r }
	cr := func(l float64) float64 { return (l - 3) / 2 / 0.58 }
	for k, abc := range [][3]float64{{1, 1, 1}, {4, 2, 8}, {2, 4, 1}} {
		r := g.Reviewers[k]
		l := lam(abc[0], abc[1], abc[2])
		if math.Abs(r.LambdaMax-l) > 1e-9 || math.Abs(r.CR-cr(l)) > 1e-9 {
			t.Errorf("%s: λ %.6f CR %.6f, want %.6f %.6f", r.Reviewer, r.LambdaMax, r.CR, l, cr(l))
		}
	}
	ahpNear3(t, "li CR", g.Reviewers[1].CR, 0.790)
	if g.Reviewers[1].Consistent || !g.Reviewers[2].Consistent {
		t.Errorf("li should be flagged, chen not")
	}
	ahpNear3(t, "group λ", g.Group.LambdaMax, 3.054)
	ahpNear3(t, "group CR", g.Group.CR, 0.046)
	for i, w := range []float64{.493, .311, .196} {
		ahpNear3(t, "group w", g.Group.Weights[i], w)
	}
	// The aggregate of reciprocal matrices is reciprocal.
	for i := range g.Matrix {
		for j := range g.Matrix {
			if math.Abs(g.Matrix[i][j]*g.Matrix[j][i]-1) > 1e-12 {
				t.Fatalf("group matrix not reciprocal at %d,%d", i, j)
			}
		}
	}
}

func TestGroupAHPNamesTheBadReviewer(t *testing.T) {
	_, err := model.GroupAHP([]string{"wang", "li"}, [][][]float64{ahpUpper3(2, 4, 2), {{1, 3, 1}, {3, 1, 1}, {1, 1, 1}}})
	var ge *model.GroupAHPError
	var ae *model.AHPError
	if !errors.As(err, &ge) || ge.Reviewer != "li" || !errors.As(err, &ae) || ae.Kind != model.AHPNotReciprocal {
		t.Fatalf("%v", err)
	}
	_, err = model.GroupAHP([]string{"wang", "li"}, [][][]float64{ahpUpper3(2, 4, 2), {{1, 2}, {0.5, 1}}})
	if !errors.As(err, &ge) || ge.Reviewer != "li" {
		t.Fatalf("size mismatch: %v", err)
	}
	if _, err := model.GroupAHP(nil, nil); err == nil {
		t.Fatal("no reviewers accepted")
	}
}
