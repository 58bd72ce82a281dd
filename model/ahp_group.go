package model

import (
	"fmt"
	"math"
)

// Group AHP by aggregation of individual judgements (AIJ): the group matrix is the element-wise
// geometric mean of the reviewers' matrices, and the group priorities are its eigenvector.
// Forman & Peniwati, "Aggregating individual judgments and priorities with the analytic
// hierarchy process", European Journal of Operational Research 108 (1998) 165–169, show the
// geometric mean is the aggregation that keeps the group matrix reciprocal (and Aczél & Saaty
// 1983 that it is the only one satisfying the unanimity and homogeneity conditions); the
// arithmetic mean would not. The geometric mean of values on 1/9..9 stays on 1/9..9.

// ReviewerAHP is one reviewer's own analysis beside the group's.
type ReviewerAHP struct {
	Reviewer string `json:"reviewer"`
	AHPResult
}

// GroupAHPResult is the AIJ aggregate and each reviewer's own priorities and CR.
type GroupAHPResult struct {
	Matrix    [][]float64   `json:"matrix"` // the aggregated judgements
	Group     AHPResult     `json:"group"`
	Reviewers []ReviewerAHP `json:"reviewers"`
}

// GroupAHPError says which reviewer's matrix was refused (Err is an *AHPError) or that the
// matrices do not fit together.
type GroupAHPError struct {
	Reviewer string
	Err      error
}

// Unwrap gives the *AHPError of the reviewer's matrix.
func (e *GroupAHPError) Unwrap() error { return e.Err }

// Error is the English sentence; present.ModelError words it in the user's language.
func (e *GroupAHPError) Error() string {
	return fmt.Sprintf("reviewer %s's matrix: %s", e.Reviewer, e.Err.Error())
}

// GroupAHP aggregates the reviewers' matrices (same items, same order; reviewers[k] names
// matrices[k]) by the element-wise geometric mean and analyses the group and every reviewer.
func GroupAHP(reviewers []string, matrices [][][]float64) (GroupAHPResult, error) {
	var g GroupAHPResult
	if len(reviewers) != len(matrices) {
		return g, fmt.Errorf("group AHP: %d reviewer names for %d matrices", len(reviewers), len(matrices))
	}
	if len(matrices) == 0 {
		return g, &GroupAHPError{Reviewer: "-", Err: &AHPError{Kind: AHPEmpty}}
	}
	n := len(matrices[0])
	for k, m := range matrices {
		r, err := AHP(m)
		if err != nil {
			return GroupAHPResult{}, &GroupAHPError{Reviewer: reviewers[k], Err: err}
		}
		if len(m) != n {
			return GroupAHPResult{}, &GroupAHPError{Reviewer: reviewers[k],
				Err: &AHPError{Kind: AHPItems, Text: fmt.Sprintf("%d items where the first reviewer has %d", len(m), n)}}
		}
		g.Reviewers = append(g.Reviewers, ReviewerAHP{Reviewer: reviewers[k], AHPResult: r})
	}
	g.Matrix = make([][]float64, n)
	inv := 1 / float64(len(matrices))
	for i := range g.Matrix {
		g.Matrix[i] = make([]float64, n)
		for j := range g.Matrix[i] {
			if i == j {
				g.Matrix[i][j] = 1
				continue
			}
			lg := 0.0
			for _, m := range matrices {
				lg += math.Log(m[i][j])
			}
			g.Matrix[i][j] = math.Exp(lg * inv)
		}
	}
	var err error
	g.Group, err = AHP(g.Matrix)
	return g, err
}
