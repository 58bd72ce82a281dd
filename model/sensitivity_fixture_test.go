package model_test

import (
	"testing"

	"ccselect/model"
)

// catalogSample builds the catalog's fictional sample (criteria-catalog.md §4) under the default
// preset: 5 dimensions × 3 criteria, five vendors, one reviewer, the two all-preset knock-outs.
// It is a self-contained copy so these tests do not depend on the samples package's format.
func catalogSample(t testing.TB) *model.Evaluation {
	t.Helper()
	rating := func(id, dim string) model.Criterion {
		return model.Criterion{ID: id, Dimension: dim, Name: model.Both(id), Kind: model.KindRating}
	}
	measured := func(id, dim string, dir model.Direction, param string, a ...float64) model.Criterion {
		c := model.Criterion{ID: id, Dimension: dim, Name: model.Both(id), Kind: model.KindMeasured,
			Direction: dir, AnchorParam: param}
		for i := 0; i < len(a); i += 2 {
			c.Anchors = append(c.Anchors, model.Anchor{X: a[i], Score: a[i+1]})
		}
		return c
	}
	f := model.Framework{
		Dimensions: []model.Dimension{
			{ID: "stability", Name: model.Text{Zh: "系统稳定性", En: "System stability"}},
			{ID: "concurrency", Name: model.Text{Zh: "并发承载能力", En: "Concurrency capacity"}},
			{ID: "feature_fit", Name: model.Text{Zh: "功能匹配度", En: "Feature fit"}},
			{ID: "data_security", Name: model.Text{Zh: "数据安全保障", En: "Data security"}},
			{ID: "operations", Name: model.Text{Zh: "运维服务能力", En: "Operations & service"}},
		},
		Criteria: []model.Criterion{
			rating("arch_redundancy", "stability"),
			rating("load_balancing", "stability"),
			measured("track_record", "stability", model.Benefit, "", 99.5, 1, 99.9, 3, 99.95, 4, 99.99, 5),
			measured("concurrent_channels", "concurrency", model.Benefit, model.ParamPeak, 1, 1, 1, 2, 1.25, 3, 1.5, 4, 2, 5),
			measured("elastic_scaling", "concurrency", model.Cost, "", 10, 5, 30, 4, 240, 3, 1440, 2, 4320, 1),
			rating("queue_management", "concurrency"),
			rating("core_features", "feature_fit"),
			rating("industry_extensions", "feature_fit"),
			rating("integration_openness", "feature_fit"),
			rating("transport_encryption", "data_security"),
			rating("storage_security", "data_security"),
			rating("compliance_certification", "data_security"),
			measured("sla_response", "operations", model.Cost, "", 5, 5, 15, 4, 30, 3, 60, 2, 240, 1),
			rating("training_transfer", "operations"),
			rating("continuous_improvement", "operations"),
		},
	}
	global := map[string]float64{
		"arch_redundancy": .09, "load_balancing": .06, "track_record": .09,
		"concurrent_channels": .07, "elastic_scaling": .05, "queue_management": .04,
		"core_features": .10, "industry_extensions": .06, "integration_openness": .08,
		"transport_encryption": .06, "storage_security": .08, "compliance_certification": .06,
		"sla_response": .07, "training_transfer": .04, "continuous_improvement": .05,
	}
	prof, err := model.ProfileFromGlobal("default", &f, global)
	if err != nil {
		t.Fatal(err)
	}
	e := &model.Evaluation{
		Name: "sample", Framework: f, Params: map[string]float64{model.ParamPeak: 1000},
		Vendors: []model.Vendor{
			{ID: "yunqi", Name: model.Text{Zh: "云启通讯", En: "Yunqi Telecom"}},
			{ID: "panshi", Name: model.Text{Zh: "磐石信联", En: "Panshi Xinlian"}},
			{ID: "huisheng", Name: model.Text{Zh: "汇声智能", En: "Huisheng AI"}},
			{ID: "changfeng", Name: model.Text{Zh: "长风云联", En: "Changfeng CloudLink"}},
			{ID: "qinghe", Name: model.Text{Zh: "青禾客服云", En: "Qinghe ServiceCloud"}},
		},
		Reviewers:     []model.Reviewer{{ID: "r1", Name: "王敏"}},
		Profiles:      []model.WeightProfile{prof},
		ActiveProfile: "default",
		KnockOuts: []model.KnockOut{
			{Criterion: "track_record", Op: model.OpGE, Threshold: 99.9},
			{Criterion: "concurrent_channels", Op: model.OpGE, Threshold: 1, Param: model.ParamPeak},
		},
	}
	values := map[string][5]float64{ // yunqi, panshi, huisheng, changfeng, qinghe
		"arch_redundancy":          {5, 4, 3, 5, 2},
		"load_balancing":           {5, 4, 4, 4, 3},
		"track_record":             {99.95, 99.96, 99.90, 99.99, 99.80},
		"concurrent_channels":      {3000, 1300, 2000, 5000, 800},
		"elastic_scaling":          {5, 2880, 30, 240, 10},
		"queue_management":         {4, 3, 5, 3, 3},
		"core_features":            {4, 4, 5, 3, 3},
		"industry_extensions":      {2, 5, 3, 3, 1},
		"integration_openness":     {5, 3, 5, 2, 4},
		"transport_encryption":     {3, 5, 3, 4, 2},
		"storage_security":         {3, 5, 3, 4, 2},
		"compliance_certification": {3, 5, 3, 4, 2},
		"sla_response":             {30, 30, 30, 15, 120},
		"training_transfer":        {3, 4, 4, 3, 3},
		"continuous_improvement":   {5, 2, 5, 2, 4},
	}
	for _, c := range f.Criteria {
		for v, x := range values[c.ID] {
			e.Scores = append(e.Scores, model.Score{Vendor: e.Vendors[v].ID, Criterion: c.ID, Reviewer: "r1", Value: x})
		}
	}
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	return e
}

func sampleProblem(t testing.TB) *model.Problem {
	t.Helper()
	p, err := model.NewProblem(catalogSample(t), "", model.ConsensusMean, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestCatalogSampleFixture pins the fixture to the catalog's expected default ranking, so the
// sensitivity tests below start from the right numbers.
func TestCatalogSampleFixture(t *testing.T) {
	p := sampleProblem(t)
	r := p.Rank()
	want := []struct {
		id    string
		total float64
	}{{"yunqi", 3.97}, {"huisheng", 3.83}, {"panshi", 3.81}, {"changfeng", 3.70}, {"qinghe", 2.54}}
	for i, w := range want {
		got := r.Vendors[i]
		if got.ID != w.id || abs(got.Total-w.total) > 0.005 {
			t.Fatalf("rank %d: got %s %.3f, want %s %.2f", i+1, got.ID, got.Total, w.id, w.total)
		}
	}
	if !r.Vendors[4].Excluded {
		t.Fatal("qinghe should be knocked out")
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
