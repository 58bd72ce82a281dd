package samples

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"ccselect/model"
)

// GenOptions sizes a generated evaluation (ccselect generate, and the large-evaluation
// benchmarks in storage/, ui/ and internal/cli/, which all build their inputs with Generate).
type GenOptions struct {
	Vendors, Criteria, Reviewers int
	Seed                         uint64
}

// genCriteriaPerDimension groups generated criteria ten to a dimension, like the catalogue's.
const genCriteriaPerDimension = 10

// Generate builds a synthetic evaluation of the given size: every vendor scored by every reviewer
// on every criterion (vendors × criteria × reviewers scores), one criterion in five measured (a
// benefit value function over 0–100) and the rest rated in half points, one equal-weight
// profile. The same options give the same evaluation, byte for byte once exported: the draw is a
// PCG stream seeded by Seed and the stamps are fixed. Sizes beyond model's limits are refused by
// Validate, like any other evaluation.
func Generate(o GenOptions) (*model.Evaluation, error) {
	if o.Vendors < 1 || o.Criteria < 1 || o.Reviewers < 1 {
		return nil, fmt.Errorf("generate: vendors, criteria and reviewers must each be at least 1")
	}
	if o.Vendors > model.MaxVendors || o.Criteria > model.MaxCriteria || o.Reviewers > model.MaxReviewers ||
		o.Vendors*o.Criteria*o.Reviewers > model.MaxScores {
		return nil, fmt.Errorf("generate: %d × %d × %d is over the limits (at most %d vendors, %d criteria, %d reviewers, %d scores)",
			o.Vendors, o.Criteria, o.Reviewers, model.MaxVendors, model.MaxCriteria, model.MaxReviewers, model.MaxScores)
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x63637365_6c656374)) // "ccselect"
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ev := &model.Evaluation{
		Name:     fmt.Sprintf("generated %d×%d×%d seed %d", o.Vendors, o.Criteria, o.Reviewers, o.Seed),
		Client:   "Generated",
		Industry: "generated",
		Created:  stamp, Updated: stamp,
	}
	nd := (o.Criteria + genCriteriaPerDimension - 1) / genCriteriaPerDimension
	prof := model.WeightProfile{Name: "default", Dimensions: map[string]float64{}, Criteria: map[string]float64{}}
	for d := 0; d < nd; d++ {
		id := fmt.Sprintf("d%03d", d+1)
		ev.Framework.Dimensions = append(ev.Framework.Dimensions,
			model.Dimension{ID: id, Name: model.Text{Zh: fmt.Sprintf("维度 %d", d+1), En: fmt.Sprintf("Dimension %d", d+1)}})
		prof.Dimensions[id] = 1 / float64(nd)
	}
	for c := 0; c < o.Criteria; c++ {
		d := c / genCriteriaPerDimension
		cr := model.Criterion{
			ID:        fmt.Sprintf("c%03d", c+1),
			Dimension: ev.Framework.Dimensions[d].ID,
			Name:      model.Text{Zh: fmt.Sprintf("准则 %d", c+1), En: fmt.Sprintf("Criterion %d", c+1)},
			Rubric:    [3]model.Text{{Zh: "差", En: "poor"}, {Zh: "中", En: "fair"}, {Zh: "优", En: "excellent"}},
			Kind:      model.KindRating,
		}
		if c%5 == 4 {
			cr.Kind, cr.Unit, cr.Direction = model.KindMeasured, "%", model.Benefit
			cr.Anchors = []model.Anchor{{X: 0, Score: 1}, {X: 50, Score: 3}, {X: 100, Score: 5}}
		}
		ev.Framework.Criteria = append(ev.Framework.Criteria, cr)
		inDim := min(genCriteriaPerDimension, o.Criteria-d*genCriteriaPerDimension)
		prof.Criteria[cr.ID] = 1 / float64(inDim)
	}
	ev.Profiles = []model.WeightProfile{prof}
	ev.ActiveProfile = prof.Name
	for v := 0; v < o.Vendors; v++ {
		ev.Vendors = append(ev.Vendors, model.Vendor{
			ID:    fmt.Sprintf("v%03d", v+1),
			Name:  model.Text{Zh: fmt.Sprintf("厂商 %d", v+1), En: fmt.Sprintf("Vendor %d", v+1)},
			Price: float64(80 + rng.IntN(120)),
		})
	}
	for r := 0; r < o.Reviewers; r++ {
		ev.Reviewers = append(ev.Reviewers, model.Reviewer{ID: fmt.Sprintf("r%02d", r+1), Name: fmt.Sprintf("Reviewer %d", r+1)})
	}
	// Grid order (criterion, vendor, reviewer), the order Load returns and bundles list.
	ev.Scores = make([]model.Score, 0, o.Vendors*o.Criteria*o.Reviewers)
	for c := range ev.Framework.Criteria {
		cr := &ev.Framework.Criteria[c]
		for v := range ev.Vendors {
			// Each vendor has a level per criterion and reviewers scatter around it, so the
			// ranking is neither a tie nor noise.
			level := rng.Float64()
			for r := range ev.Reviewers {
				x := min(1, max(0, level+(rng.Float64()-0.5)*0.3))
				var value float64
				if cr.Kind == model.KindRating {
					value = math.Round((1+4*x)*2) / 2
				} else {
					value = math.Round(x*1000) / 10
				}
				ev.Scores = append(ev.Scores, model.Score{Vendor: ev.Vendors[v].ID, Criterion: cr.ID,
					Reviewer: ev.Reviewers[r].ID, Value: value})
			}
		}
	}
	if err := ev.Validate(); err != nil {
		return nil, fmt.Errorf("generate: %w", err)
	}
	return ev, nil
}
