package model_test

import (
	"fmt"
	"testing"

	"ccselect/model"
	"ccselect/samples"
)

// BenchmarkValidateLarge is Validate on generated evaluations (issue 13: it looked every score's
// references up by linear scan; now maps and a cell bitmap, O(scores)), and NewProblem on them.
func BenchmarkValidateLarge(b *testing.B) {
	for _, o := range []samples.GenOptions{
		{Vendors: 200, Criteria: 100, Reviewers: 10, Seed: 1},
		{Vendors: 50, Criteria: 300, Reviewers: 50, Seed: 1},
	} {
		ev, err := samples.Generate(o)
		if err != nil {
			b.Fatal(err)
		}
		name := fmt.Sprintf("%dx%dx%d", o.Vendors, o.Criteria, o.Reviewers)
		b.Run(name+"/validate", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if err := ev.Validate(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/problem", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := model.NewProblem(ev, "", model.ConsensusMean, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
