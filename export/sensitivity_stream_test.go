package export_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"ccselect/export"
	"ccselect/model"
)

// syntheticProblem is nv vendors on nc rating criteria in 5 dimensions, scored 1–5 at random
// (seeded) by one reviewer: the size of issue 9's measurement (200 vendors × 15 criteria).
func syntheticProblem(tb testing.TB, nv, nc int) *model.Problem {
	tb.Helper()
	rng := rand.New(rand.NewPCG(9, 7))
	e := &model.Evaluation{Name: "synthetic", ActiveProfile: "w"}
	prof := model.WeightProfile{Name: "w", Dimensions: map[string]float64{}, Criteria: map[string]float64{}}
	const nd = 5
	for d := range nd {
		id := fmt.Sprintf("d%d", d)
		e.Framework.Dimensions = append(e.Framework.Dimensions, model.Dimension{ID: id, Name: model.Both(id)})
		prof.Dimensions[id] = 1.0 / nd
	}
	for c := range nc {
		cr := model.Criterion{ID: fmt.Sprintf("c%02d", c), Name: model.Both(fmt.Sprintf("criterion %d", c)), Dimension: fmt.Sprintf("d%d", c%nd), Kind: model.KindRating}
		e.Framework.Criteria = append(e.Framework.Criteria, cr)
		prof.Criteria[cr.ID] = float64(nd) / float64(nc)
	}
	e.Profiles = []model.WeightProfile{prof}
	e.Reviewers = []model.Reviewer{{ID: "r", Name: "R"}}
	for v := range nv {
		id := fmt.Sprintf("v%03d", v)
		e.Vendors = append(e.Vendors, model.Vendor{ID: id, Name: model.Both("Vendor " + id)})
		for _, cr := range e.Framework.Criteria {
			e.Scores = append(e.Scores, model.Score{Vendor: id, Criterion: cr.ID, Reviewer: "r", Value: float64(2+rng.IntN(9)) / 2})
		}
	}
	p, err := model.NewProblem(e, "w", model.ConsensusMean, model.WSM{})
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// countingWriter counts what passes through it, keeping none of it.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(b []byte) (int, error) { w.n += int64(len(b)); return len(b), nil }

// peakWriter discards what is written and samples the live heap every 64 writes.
type peakWriter struct {
	n, calls int64
	peak     uint64
}

func (w *peakWriter) Write(b []byte) (int, error) {
	w.n += int64(len(b))
	if w.calls++; w.calls%64 == 0 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		w.peak = max(w.peak, m.HeapAlloc)
	}
	return len(b), nil
}

// Writing every reversal of 200 vendors × 15 criteria (≈ 120,000 of them) takes no more memory
// than writing the leader's few hundred: the peak heap (sampled while writing, with the
// collector made eager so garbage does not hide the live heap) differs by less than a list of
// them would take — ReversalEntry is 56 bytes, so 120,000 of them are ≥ 6.7 MB.
func TestSensitivityReversalsStreamed(t *testing.T) {
	if testing.Short() {
		t.Skip("200 vendors")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(5))
	p := syntheticProblem(t, 200, 15)
	peak := func(all bool, write func(io.Writer, export.SensitivityReport) error) (uint64, int, int64) {
		rep := export.BuildSensitivityReport(p, nil)
		rep.AllReversals = all
		n := 0
		for range rep.EachReversal() {
			n++
		}
		runtime.GC()
		w := &peakWriter{}
		if err := write(w, rep); err != nil {
			t.Fatal(err)
		}
		return w.peak, n, w.n
	}
	table := func(w io.Writer, rep export.SensitivityReport) error {
		return export.WriteSensitivityTable(w, p.Eval, rep, model.LangEn, 100)
	}
	for name, write := range map[string]func(io.Writer, export.SensitivityReport) error{"json": export.WriteSensitivityJSON, "table": table} {
		few, nFew, _ := peak(false, write)
		all, nAll, bytesAll := peak(true, write)
		if nAll < 100_000 || nFew >= nAll/10 {
			t.Fatalf("fixture: %d reversals in all, %d with the leader", nAll, nFew)
		}
		t.Logf("%s: %d reversals (%d bytes) peak heap %d; %d with the leader, peak %d", name, nAll, bytesAll, all, nFew, few)
		if all > few+uint64(nAll)*56/2 {
			t.Errorf("%s: peak heap %d bytes for %d reversals, %d for %d", name, all, nAll, few, nFew)
		}
	}
}

func benchSensitivity(b *testing.B, all bool, write func(io.Writer, export.SensitivityReport) error) {
	p := syntheticProblem(b, 200, 15)
	rep := export.BuildSensitivityReport(p, nil)
	rep.AllReversals = all
	b.ReportAllocs()
	for b.Loop() {
		var w countingWriter
		if err := write(&w, rep); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(w.n), "out-bytes")
	}
}

// go test ./export -run '^$' -bench Sensitivity200 -benchmem: B/op of writing the sensitivity
// report of 200 vendors × 15 criteria, every reversal or only the leader's.
func BenchmarkSensitivity200JSONAll(b *testing.B) {
	benchSensitivity(b, true, export.WriteSensitivityJSON)
}
func BenchmarkSensitivity200JSONLeader(b *testing.B) {
	benchSensitivity(b, false, export.WriteSensitivityJSON)
}
func BenchmarkSensitivity200TableAll(b *testing.B) { benchSensitivity(b, true, tableOf(b)) }

func tableOf(b *testing.B) func(io.Writer, export.SensitivityReport) error {
	p := syntheticProblem(b, 200, 15)
	return func(w io.Writer, rep export.SensitivityReport) error {
		return export.WriteSensitivityTable(w, p.Eval, rep, model.LangEn, 100)
	}
}

// The sample's printed report is short enough to read (issue 9: 168 reversal rows for 5
// vendors, most "none in [0,1]"): under 120 lines, no reversal that does not happen.
func TestSensitivitySampleIsShort(t *testing.T) {
	p := sampleProblem(t)
	for _, lang := range []model.Lang{model.LangEn, model.LangZh} {
		var b bytes.Buffer
		if err := export.WriteSensitivityTable(&b, p.Eval, export.BuildSensitivityReport(p, nil), lang, 100); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if lines := strings.Count(out, "\n"); lines >= 120 {
			t.Errorf("%s: %d lines", lang, lines)
		}
		if strings.Contains(out, "none in [0,1]") || strings.Contains(out, "[0,1] 内无") {
			t.Errorf("%s: lists reversals that do not happen", lang)
		}
	}
}
