package model

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// The tableau simplex against gonum's lp.Simplex on the what-if programmes of seeded random
// instances (all rivals active, with and without locks, some dominated): the same feasibility
// and the same optimal objective.
func TestLPMinMatchesGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(99, 1))
	feasible, infeasible := 0, 0
	for trial := 0; trial < 300; trial++ {
		ni, nv := 2+rng.IntN(8), 2+rng.IntN(12)
		in := WhatIfInput{Scores: make([][]float64, nv), Weights: make([]float64, ni), Target: rng.IntN(nv)}
		sum := 0.0
		for i := range in.Weights {
			in.Weights[i] = rng.Float64()
			if rng.IntN(5) == 0 {
				in.Weights[i] = 0 // degenerate starts
			}
			sum += in.Weights[i]
		}
		if sum == 0 {
			in.Weights[0], sum = 1, 1
		}
		for i := range in.Weights {
			in.Weights[i] /= sum
		}
		if trial%3 == 0 {
			in.Locked = make([]bool, ni)
			in.Locked[rng.IntN(ni)] = true
		}
		for v := range in.Scores {
			in.Scores[v] = make([]float64, ni)
			for i := range in.Scores[v] {
				in.Scores[v][i] = float64(1 + rng.IntN(5)) // integer scores: many ties, degeneracy
			}
			in.Rivals = append(in.Rivals, v)
		}
		s := whatIfSolver{in: in, n: ni}
		s.prepare()
		if len(s.free) == 0 || s.rest <= whatIfTolerance || len(s.rivals) == 0 {
			continue
		}
		c, a, m, n, b, basis := s.buildLP(s.rivals)
		x, ok, err := lpMin(c, a, m, n, b, basis)
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		gf, gx, gerr := lp.Simplex(c, mat.NewDense(m, n, a), b, 1e-10, nil)
		if errors.Is(gerr, lp.ErrInfeasible) {
			if ok {
				t.Fatalf("trial %d: gonum infeasible, tableau found %v", trial, x)
			}
			infeasible++
			continue
		}
		if gerr != nil {
			continue // gonum's own numerical failure (ErrSingular/ErrBland): nothing to compare
		}
		if !ok {
			t.Fatalf("trial %d: tableau infeasible, gonum %g at %v", trial, gf, gx)
		}
		f := 0.0
		for j := range c {
			f += c[j] * x[j]
		}
		if math.Abs(f-gf) > 1e-9 {
			t.Fatalf("trial %d: objective %.12f, gonum %.12f", trial, f, gf)
		}
		// The tableau's x satisfies the rows.
		for i := 0; i < m; i++ {
			r := -b[i]
			for j := 0; j < n; j++ {
				r += a[i*n+j] * x[j]
			}
			if math.Abs(r) > 1e-9 {
				t.Fatalf("trial %d: row %d residual %g", trial, i, r)
			}
		}
		feasible++
	}
	if feasible < 100 || infeasible < 10 {
		t.Fatalf("only %d feasible and %d infeasible comparisons", feasible, infeasible)
	}
}
