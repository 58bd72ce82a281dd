package ui

import (
	"bytes"
	"context"
	"io"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// nopStore accepts every edit instantly: the benchmarks measure the interface, not SQLite.
type nopStore struct{ *memStore }

func (nopStore) SetScore(int64, model.Score, string) error { return nil }

// BenchmarkGridKeystroke is one keystroke in a dimension grid of 50 vendors × 15 criteria
// (3 reviewers): Update with the key, then View of the whole 120×40 screen.
//   - move: the cursor moves one column (no edit);
//   - rate: a rating is typed: the evaluation, the reviewer cube and the ranking are updated,
//     the save command runs (against a store that returns at once) and the screen is drawn.
func BenchmarkGridKeystroke(b *testing.B) {
	setup := func(b *testing.B) *Root {
		ms := newMemStore(synthEval(50, 15, 3))
		r := start(newTestRoot(nopStore{ms}, model.LangZh, 1, 120, 40))
		press(r, "1", "right", "right")
		if len(r.wb.ev.Vendors) != 50 || r.wb.prob.NC != 15 {
			b.Fatal("wrong size")
		}
		return r
	}
	b.Run("move", func(b *testing.B) {
		r := setup(b)
		keys := []tea.KeyPressMsg{keyMsg("right"), keyMsg("left")}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			r.Update(keys[i&1])
			_ = r.View()
		}
	})
	b.Run("rate", func(b *testing.B) {
		r := setup(b)
		keys := []tea.KeyPressMsg{keyMsg("3"), keyMsg("4")}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			_, cmd := r.Update(keys[i&1])
			drive(r, cmd) // the save: one store call and its reply
			_ = r.View()
		}
	})
}

// BenchmarkFirstFrame is the time from nothing to the first full frame of the demo: New, the
// load of the sample from a real SQLite database (Init's command), the window size, and View.
func BenchmarkFirstFrame(b *testing.B) {
	st, id := sampleStore(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := New(st, Options{Lang: model.LangZh, OpenEval: id})
		r.poll = 0
		drive(r, r.Init())
		r.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		if r.wb == nil {
			b.Fatal("not loaded")
		}
		_ = r.View()
	}
}

// frameWatch is a terminal that reports when the ranking first appears on it.
type frameWatch struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	done chan struct{}
	once sync.Once
}

func (f *frameWatch) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.buf.Write(p)
	if bytes.Contains(f.buf.Bytes(), []byte("长风云联")) {
		f.once.Do(func() { close(f.done) })
	}
	return len(p), nil
}

// BenchmarkFirstFrameProgram runs the real program (Run: terminal setup, renderer, the first
// load) against a fake terminal and stops the clock when the ranking has been written to it.
func BenchmarkFirstFrameProgram(b *testing.B) {
	st, id := sampleStore(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		in, inW := io.Pipe()
		out := &frameWatch{done: make(chan struct{})}
		ctx, cancel := context.WithCancel(context.Background())
		errc := make(chan error, 1)
		go func() {
			errc <- Run(ctx, st, Options{Lang: model.LangZh, OpenEval: id}, tea.WithInput(in), tea.WithOutput(out), tea.WithWindowSize(100, 30))
		}()
		<-out.done
		b.StopTimer()
		cancel()
		<-errc
		inW.Close()
		b.StartTimer()
	}
}

// BenchmarkSensitivityView is the View of the whole 120×40 screen on the Sensitivity tab of the
// sample (data security selected):
//   - chart: before any SMAA run (the analysis is cached; this is the drawing);
//   - smaa: with a finished run's tables on screen;
//   - recompute: the data changed before each frame, so the break-evens, tornado, sweep,
//     fingerprint and summary are computed again (what a score edit costs this tab).
func BenchmarkSensitivityView(b *testing.B) {
	setup := func(b *testing.B) *Root {
		st, id := sampleStore(b)
		r := start(newTestRoot(st, model.LangZh, id, 120, 40))
		press(r, "0", "shift+tab", "shift+tab", "shift+tab", "]", "]", "]")
		if r.tabs[r.tab].kind != tabSensitivity {
			b.Fatal("not on the sensitivity tab")
		}
		_ = r.View()
		return r
	}
	b.Run("chart", func(b *testing.B) {
		r := setup(b)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			_ = r.View()
		}
	})
	b.Run("smaa", func(b *testing.B) {
		r := setup(b)
		press(r, "-", "-", "s")
		if r.wb.smaa.res == nil {
			b.Fatal("no result")
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			_ = r.View()
		}
	})
	b.Run("recompute", func(b *testing.B) {
		r := setup(b)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			r.wb.rev++
			_ = r.View()
		}
	})
}

// BenchmarkTabSwitch is one tab key at 50 vendors × 15 criteria, Update + View at 120×40,
// cycling through every tab (the sensitivity tab's analysis is cached by revision).
func BenchmarkTabSwitch(b *testing.B) {
	ms := newMemStore(synthEval(50, 15, 3))
	r := start(newTestRoot(nopStore{ms}, model.LangZh, 1, 120, 40))
	tabKey := keyMsg("tab")
	for range r.tabs { // every tab drawn once: caches warm, as in use
		r.Update(tabKey)
		_ = r.View()
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Update(tabKey)
		_ = r.View()
	}
}

// BenchmarkWeightChange is a weight edit at 50 vendors × 15 criteria: the session's draft
// weights change, the ranking is recomputed and the cached analysis (leader break-evens,
// tornado, fingerprint, robustness sentence) refreshed.
func BenchmarkWeightChange(b *testing.B) {
	ms := newMemStore(synthEval(50, 15, 3))
	r := start(newTestRoot(nopStore{ms}, model.LangZh, 1, 120, 40))
	press(r, "7") // the sensitivity tab
	_ = r.View()
	p := r.wb.prob
	base := append([]float64(nil), p.DimWeights()...)
	local := append([]float64(nil), p.Local()...)
	dim := make([]float64, len(base))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		copy(dim, base)
		shift := 0.01 * float64(i%5)
		dim[0], dim[1] = dim[0]+shift, dim[1]-shift
		if err := r.wb.SetDraftWeights(dim, local); err != nil {
			b.Fatal(err)
		}
		r.wb.Analysis()
		_ = r.wb.Robustness()
	}
}
