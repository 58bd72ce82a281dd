package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// The benchmark store keeps drafts instantly too (nopStore is bench_test.go's).
func (nopStore) SaveDraft(int64, *model.WeightProfile) error { return nil }

// BenchmarkWeightsStep is one weight change on the Weights tab at 50 vendors × 15 criteria
// (3 reviewers), the issue's ≤ 1 ms: the key (draft, rescale, re-rank), the draft's save
// command against a store that returns at once, and View of the whole 120×40 screen (ranking
// with its moves). The leader's break-even runs off the update loop after the keystroke:
// "keystroke" leaves it out (the frame the user sees first), "with-breakeven" runs it too
// (when the line under the ranking has caught up).
func BenchmarkWeightsStep(b *testing.B) {
	for _, lvl := range []struct {
		name string
		keys []string
		be   bool
	}{
		{"dimension/keystroke", []string{"6", "down"}, false},
		{"criterion/keystroke", []string{"6", "down", "enter"}, false},
		{"dimension/with-breakeven", []string{"6", "down"}, true},
		{"criterion/with-breakeven", []string{"6", "down", "enter"}, true},
	} {
		b.Run(lvl.name, func(b *testing.B) {
			ms := newMemStore(synthEval(50, 15, 3))
			r := start(newTestRoot(nopStore{ms}, model.LangZh, 1, 120, 40))
			press(r, lvl.keys...)
			if _, ok := r.focused().(*weightsPane); !ok || len(r.wb.ev.Vendors) != 50 || r.wb.prob.NC != 15 {
				b.Fatal("wrong setup")
			}
			if !lvl.be {
				fixed := model.LeaderReport(r.wb.prob)
				paneAs[*weightsPane](r, tabWeights).beRun = func(*model.Problem) *model.BreakEvenReport { return fixed }
			}
			keys := []tea.KeyPressMsg{keyMsg("right"), keyMsg("left")}
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

// BenchmarkWhatIfDialog is moving the what-if dialog's cursor to another vendor, which solves
// the linear programme for it, and drawing the screen (50 vendors × 15 criteria).
func BenchmarkWhatIfDialog(b *testing.B) {
	for _, lvl := range []struct {
		name string
		keys []string
	}{{"dimension", []string{"6", "w"}}, {"criterion", []string{"6", "enter", "w"}}} {
		b.Run(lvl.name, func(b *testing.B) {
			ms := newMemStore(synthEval(50, 15, 3))
			r := start(newTestRoot(nopStore{ms}, model.LangZh, 1, 120, 40))
			press(r, lvl.keys...)
			if _, ok := r.dialog().(*whatIfDialog); !ok {
				b.Fatal("no what-if dialog")
			}
			keys := []tea.KeyPressMsg{keyMsg("down"), keyMsg("up")}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r.Update(keys[i&1])
				_ = r.View()
			}
		})
	}
}
