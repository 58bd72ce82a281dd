package ui

import (
	"fmt"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"ccselect/internal/tuistore"
	"ccselect/model"
	"ccselect/samples"
	"ccselect/storage"
)

// Large-evaluation benchmarks (issue 13), on evaluations from samples.Generate in the three
// shapes of the README's table: 200×100×10 (200k scores), 500×100×10 (500k), 50×300×50 (750k).
var largeUIShapes = []samples.GenOptions{
	{Vendors: 200, Criteria: 100, Reviewers: 10, Seed: 1},
	{Vendors: 500, Criteria: 100, Reviewers: 10, Seed: 1},
	{Vendors: 50, Criteria: 300, Reviewers: 50, Seed: 1},
}

func largeEval(b *testing.B, o samples.GenOptions) *model.Evaluation {
	b.Helper()
	ev, err := samples.Generate(o)
	if err != nil {
		b.Fatal(err)
	}
	return ev
}

func largeName(o samples.GenOptions) string {
	return fmt.Sprintf("%dx%dx%d", o.Vendors, o.Criteria, o.Reviewers)
}

// BenchmarkLargeFirstFrame is opening a generated evaluation in the TUI: New, the load from a
// real SQLite database (Init's command), the window size and the first View at 120×40.
func BenchmarkLargeFirstFrame(b *testing.B) {
	for _, o := range largeUIShapes {
		b.Run(largeName(o), func(b *testing.B) {
			st, err := storage.Open(filepath.Join(b.TempDir(), "large.db"))
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { st.Close() })
			id, err := st.Create(largeEval(b, o), "bench")
			if err != nil {
				b.Fatal(err)
			}
			s := &sqlStore{Adapter: tuistore.New(st), raw: st}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r := New(s, Options{Lang: model.LangZh, OpenEval: id, NoColor: true})
				r.poll = 0
				drive(r, r.Init())
				r.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
				if r.wb == nil {
					b.Fatal("not loaded")
				}
				_ = r.View()
			}
		})
	}
}

// BenchmarkLargeGridKeystroke is one keystroke in the first dimension's grid of a generated
// evaluation (Update + View at 120×40), as BenchmarkGridKeystroke: move the cursor, or type a
// rating (the cube, the ranking and the save against a store that returns at once).
func BenchmarkLargeGridKeystroke(b *testing.B) {
	for _, o := range largeUIShapes {
		setup := func(b *testing.B) *Root {
			ms := newMemStore(largeEval(b, o))
			r := start(newTestRoot(nopStore{ms}, model.LangZh, 1, 120, 40))
			press(r, "1", "right", "right")
			if r.wb == nil || len(r.wb.ev.Vendors) != o.Vendors {
				b.Fatal("not loaded")
			}
			return r
		}
		b.Run(largeName(o)+"/move", func(b *testing.B) {
			r := setup(b)
			keys := []tea.KeyPressMsg{keyMsg("right"), keyMsg("left")}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r.Update(keys[i&1])
				_ = r.View()
			}
		})
		b.Run(largeName(o)+"/rate", func(b *testing.B) {
			r := setup(b)
			keys := []tea.KeyPressMsg{keyMsg("3"), keyMsg("4")}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				_, cmd := r.Update(keys[i&1])
				drive(r, cmd)
				_ = r.View()
			}
		})
	}
}
