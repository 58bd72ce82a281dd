package storage

import (
	"testing"

	"ccselect/model"
	"ccselect/samples"
)

func benchStore(b *testing.B) (*Store, int64) {
	b.Helper()
	s := newStore(b)
	ev, err := samples.Sample()
	if err != nil {
		b.Fatal(err)
	}
	id, err := s.Create(ev, "bench")
	if err != nil {
		b.Fatal(err)
	}
	return s, id
}

// BenchmarkSetScore is the scoring grid's keystroke: one audited upsert transaction. The value
// changes every iteration, so each one really writes (an unchanged value is a no-op).
func BenchmarkSetScore(b *testing.B) {
	s, id := benchStore(b)
	sc := model.Score{Vendor: "panshi", Criterion: "storage_security", Reviewer: "wang", Note: "等保三级"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sc.Value = float64(i%5 + 1)
		if err := s.SetScore(id, sc, "wang"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad reads the whole sample evaluation (23 criteria × 5 vendors × 3 reviewers).
func BenchmarkLoad(b *testing.B) {
	s, id := benchStore(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Load(id); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUndoRedo is one undo plus one redo of a score.
func BenchmarkUndoRedo(b *testing.B) {
	s, id := benchStore(b)
	if err := s.SetScore(id, model.Score{Vendor: "panshi", Criterion: "storage_security", Reviewer: "wang", Value: 2}, "wang"); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Undo(id, "wang"); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Redo(id, "wang"); err != nil {
			b.Fatal(err)
		}
	}
}
