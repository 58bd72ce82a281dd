package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
	"time"

	"ccselect/model"
)

// synthetic builds a seeded evaluation: nv vendors, nc criteria over 5 dimensions (every fifth
// criterion measured, 0–100 with three anchors), nr reviewers who all score every cell, one
// equal-weight profile and one knock-out.
func synthetic(nv, nc, nr int, seed uint64) *model.Evaluation {
	rng := rand.New(rand.NewPCG(seed, 1))
	ev := &model.Evaluation{Name: fmt.Sprintf("synthetic %d×%d×%d", nv, nc, nr), Client: "bench",
		Created: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	const nd = 5
	prof := model.WeightProfile{Name: "equal", Dimensions: map[string]float64{}, Criteria: map[string]float64{}}
	for d := 0; d < nd; d++ {
		id := fmt.Sprintf("d%d", d)
		ev.Framework.Dimensions = append(ev.Framework.Dimensions, model.Dimension{ID: id, Name: model.Text{Zh: fmt.Sprintf("维度%d", d), En: fmt.Sprintf("Dimension %d", d)}})
		prof.Dimensions[id] = 1.0 / nd
	}
	perDim := make([]int, nd)
	for c := 0; c < nc; c++ {
		perDim[c*nd/nc]++
	}
	for c := 0; c < nc; c++ {
		d := c * nd / nc
		cr := model.Criterion{ID: fmt.Sprintf("c%03d", c), Dimension: fmt.Sprintf("d%d", d),
			Name: model.Text{Zh: fmt.Sprintf("准则%03d", c), En: fmt.Sprintf("Criterion %03d", c)}, Kind: model.KindRating,
			Rubric: [3]model.Text{model.Both("poor"), model.Both("fair"), model.Both("excellent")}}
		if c%5 == 4 {
			cr.Kind, cr.Unit, cr.Direction = model.KindMeasured, "%", model.Benefit
			cr.Anchors = []model.Anchor{{X: 0, Score: 1}, {X: 50, Score: 3}, {X: 100, Score: 5}}
		}
		ev.Framework.Criteria = append(ev.Framework.Criteria, cr)
		prof.Criteria[cr.ID] = 1.0 / float64(perDim[d])
	}
	for v := 0; v < nv; v++ {
		ev.Vendors = append(ev.Vendors, model.Vendor{ID: fmt.Sprintf("v%03d", v), Name: model.Text{Zh: fmt.Sprintf("厂商%03d", v), En: fmt.Sprintf("Vendor %03d", v)}, Price: float64(100 + v)})
	}
	for r := 0; r < nr; r++ {
		ev.Reviewers = append(ev.Reviewers, model.Reviewer{ID: fmt.Sprintf("r%02d", r), Name: fmt.Sprintf("评审%02d", r)})
	}
	ev.Scores = make([]model.Score, 0, nv*nc*nr)
	for _, v := range ev.Vendors {
		for _, c := range ev.Framework.Criteria {
			for _, r := range ev.Reviewers {
				x := float64(2+rng.IntN(9)) / 2 // 1–5 in half points
				if c.Kind == model.KindMeasured {
					x = float64(rng.IntN(1001)) / 10
				}
				ev.Scores = append(ev.Scores, model.Score{Vendor: v.ID, Criterion: c.ID, Reviewer: r.ID, Value: x,
					Note: "note", Evidence: "doc p." + c.ID})
			}
		}
	}
	ev.Profiles = []model.WeightProfile{prof}
	ev.KnockOuts = []model.KnockOut{{Criterion: "c004", Op: model.OpGE, Threshold: 5}}
	return ev
}

// The sample with 100,000 SMAA draws (budget: 300 ms).
func BenchmarkWorkbookSampleSMAA100k(b *testing.B) {
	ev := sample(b)
	opt := WorkbookOptions{Lang: model.LangZh, SMAASamples: 100_000, SMAASeed: 1, Generated: fixedTime}
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteWorkbook(io.Discard, ev, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// 200 vendors × 100 criteria × 10 reviewers (budget: 3 s, 300 MB peak; the peak is measured
// with /usr/bin/time -v on the test binary, see the report).
func BenchmarkWorkbookLarge(b *testing.B) {
	ev := synthetic(200, 100, 10, 42)
	opt := WorkbookOptions{Lang: model.LangEn, Generated: fixedTime}
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteWorkbook(io.Discard, ev, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// Import of a filled scoring sheet of 50 vendors × 300 criteria (budget: 1 s).
func BenchmarkScoringSheetImport50x300(b *testing.B) {
	ev := synthetic(50, 300, 1, 7)
	var buf bytes.Buffer
	if err := WriteScoringSheet(&buf, ev, "r00", model.LangZh); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.ReportAllocs()
	for b.Loop() {
		imp, err := ReadScoringSheet(bytes.NewReader(data), ev, model.LangZh)
		if err != nil {
			b.Fatal(err)
		}
		if len(imp.Scores) != 50*300 {
			b.Fatalf("%d scores", len(imp.Scores))
		}
	}
}
