package storage

import (
	"fmt"
	"testing"

	"ccselect/model"
	"ccselect/samples"
)

// Large-evaluation benchmarks (issue 13): generated evaluations of the three shapes of the
// README's table. Each shape is built once per benchmark (building 750k scores takes seconds).
var largeShapes = []samples.GenOptions{
	{Vendors: 200, Criteria: 100, Reviewers: 10, Seed: 1}, // 200k scores
	{Vendors: 500, Criteria: 100, Reviewers: 10, Seed: 1}, // 500k
	{Vendors: 50, Criteria: 300, Reviewers: 50, Seed: 1},  // 750k
}

func shapeName(o samples.GenOptions) string {
	return fmt.Sprintf("%dx%dx%d", o.Vendors, o.Criteria, o.Reviewers)
}

func largeStore(b *testing.B, o samples.GenOptions) (*Store, int64, *model.Evaluation) {
	b.Helper()
	ev, err := samples.Generate(o)
	if err != nil {
		b.Fatal(err)
	}
	s := newStore(b)
	id, err := s.Create(ev, "bench")
	if err != nil {
		b.Fatal(err)
	}
	return s, id, ev
}

// BenchmarkLargeLoad reads a whole generated evaluation (what report, sensitivity and the TUI's
// open start with).
func BenchmarkLargeLoad(b *testing.B) {
	for _, o := range largeShapes {
		b.Run(shapeName(o), func(b *testing.B) {
			s, id, _ := largeStore(b, o)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := s.Load(id); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLargeCreate is import's storage half: Validate plus the bulk insert in one transaction.
func BenchmarkLargeCreate(b *testing.B) {
	for _, o := range largeShapes {
		b.Run(shapeName(o), func(b *testing.B) {
			ev, err := samples.Generate(o)
			if err != nil {
				b.Fatal(err)
			}
			s := newStore(b)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				ev.Name = fmt.Sprintf("bench %d", i)
				ev.ID = 0
				if _, err := s.Create(ev, "bench"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLargeSetScore is the grid's keystroke on a large evaluation.
func BenchmarkLargeSetScore(b *testing.B) {
	for _, o := range largeShapes {
		b.Run(shapeName(o), func(b *testing.B) {
			s, id, ev := largeStore(b, o)
			sc := ev.Scores[len(ev.Scores)/2]
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				sc.Value = float64(i%5 + 1)
				if ev.Framework.Criteria[ev.Framework.CriterionIndex(sc.Criterion)].Kind == model.KindMeasured {
					sc.Value *= 10
				}
				if err := s.SetScore(id, sc, "bench"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLargeSaveVendor is one vendor edit (its notes change every time, so each one writes).
func BenchmarkLargeSaveVendor(b *testing.B) {
	for _, o := range largeShapes {
		b.Run(shapeName(o), func(b *testing.B) {
			s, id, ev := largeStore(b, o)
			v := ev.Vendors[len(ev.Vendors)/2]
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				v.Notes = fmt.Sprintf("edit %d", i)
				if err := s.SaveVendor(id, v, "bench"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
