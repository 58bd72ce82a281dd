package storage

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"ccselect/model"
)

// fixture is a small evaluation that exercises every column: CJK names, both criterion kinds
// (one with an anchor parameter and a step), two reviewers, a second profile with locks,
// knock-outs with a parameter and a profile scope, and times in UTC as Load returns them.
func fixture() *model.Evaluation {
	rubric := func(s string) [3]model.Text {
		return [3]model.Text{{Zh: s + "·差", En: s + " poor"}, {Zh: s + "·中", En: s + " fair"}, {Zh: s + "·优", En: s + " good"}}
	}
	return &model.Evaluation{
		Name:     "某银行呼叫中心选型",
		Client:   "示例银行",
		Industry: "finance",
		Created:  time.Date(2026, 3, 1, 9, 30, 0, 123456789, time.UTC),
		Updated:  time.Date(2026, 3, 2, 17, 5, 0, 0, time.UTC),
		Framework: model.Framework{
			Dimensions: []model.Dimension{
				{ID: "stability", Name: model.Text{Zh: "系统稳定性", En: "System stability"}},
				{ID: "concurrency", Name: model.Text{Zh: "并发承载能力", En: "Concurrency capacity"}},
			},
			Criteria: []model.Criterion{
				{ID: "arch_redundancy", Dimension: "stability", Name: model.Text{Zh: "架构冗余设计", En: "Architecture redundancy"},
					Description: model.Text{Zh: "多节点、跨可用区部署", En: "Multi-node, multi-zone"},
					Rubric:      rubric("冗余"), Kind: model.KindRating},
				{ID: "track_record", Dimension: "stability", Name: model.Text{Zh: "历史运行记录", En: "Operational track record"},
					Rubric: rubric("可用性"), Kind: model.KindMeasured, Unit: "%", Direction: model.Benefit,
					Anchors: []model.Anchor{{X: 99.5, Score: 1}, {X: 99.9, Score: 3}, {X: 99.95, Score: 4}, {X: 99.99, Score: 5}}},
				{ID: "concurrent_channels", Dimension: "concurrency", Name: model.Text{Zh: "并发通道数", En: "Concurrent channels"},
					Rubric: rubric("通道"), Kind: model.KindMeasured, Unit: "channels", Direction: model.Benefit,
					Anchors:     []model.Anchor{{X: 1, Score: 1}, {X: 1, Score: 2}, {X: 1.25, Score: 3}, {X: 1.5, Score: 4}, {X: 2, Score: 5}},
					AnchorParam: model.ParamPeak},
				{ID: "elastic_scaling", Dimension: "concurrency", Name: model.Text{En: "Elastic scaling"},
					Rubric: rubric("弹性"), Kind: model.KindMeasured, Unit: "minutes", Direction: model.Cost,
					Anchors: []model.Anchor{{X: 10, Score: 5}, {X: 30, Score: 4}, {X: 240, Score: 3}, {X: 1440, Score: 2}, {X: 4320, Score: 1}}},
			},
		},
		Params: map[string]float64{model.ParamPeak: 1000},
		Vendors: []model.Vendor{
			{ID: "yunqi", Name: model.Text{Zh: "云启通讯", En: "Yunqi Telecom"}, Notes: "云原生 SaaS", Price: 260},
			{ID: "panshi", Name: model.Text{Zh: "磐石信联"}, Price: 420},
			{ID: "qinghe", Name: model.Text{Zh: "青禾客服云", En: "Qinghe ServiceCloud"}, Notes: "低价"},
		},
		Reviewers: []model.Reviewer{{ID: "wang", Name: "王敏"}, {ID: "li", Name: "李强"}},
		// Grid order (criterion, vendor, reviewer), which is the order Load returns.
		Scores: []model.Score{
			{Vendor: "yunqi", Criterion: "arch_redundancy", Reviewer: "wang", Value: 5, Note: "3-AZ 双活", Evidence: "演练报告 2026-01"},
			{Vendor: "yunqi", Criterion: "arch_redundancy", Reviewer: "li", Value: 4.5},
			{Vendor: "panshi", Criterion: "arch_redundancy", Reviewer: "li", Value: 4},
			{Vendor: "yunqi", Criterion: "track_record", Reviewer: "wang", Value: 99.95},
			{Vendor: "panshi", Criterion: "track_record", Reviewer: "wang", Value: 99.96, Note: "审计报告"},
			{Vendor: "yunqi", Criterion: "concurrent_channels", Reviewer: "wang", Value: 3000},
			{Vendor: "qinghe", Criterion: "concurrent_channels", Reviewer: "wang", Value: 800, Evidence: "含振铃与排队"},
			{Vendor: "qinghe", Criterion: "concurrent_channels", Reviewer: "li", Value: 800},
			{Vendor: "yunqi", Criterion: "elastic_scaling", Reviewer: "li", Value: 5},
		},
		Profiles: []model.WeightProfile{
			{Name: "default",
				Dimensions: map[string]float64{"stability": 0.6, "concurrency": 0.4},
				Criteria:   map[string]float64{"arch_redundancy": 0.5, "track_record": 0.5, "concurrent_channels": 0.75, "elastic_scaling": 0.25}},
			{Name: "金融",
				Dimensions: map[string]float64{"stability": 0.7, "concurrency": 0.3},
				Criteria:   map[string]float64{"arch_redundancy": 0.4, "track_record": 0.6, "concurrent_channels": 1, "elastic_scaling": 0},
				Locked:     []string{"track_record", "stability"}},
		},
		ActiveProfile: "金融",
		KnockOuts: []model.KnockOut{
			{Criterion: "track_record", Op: model.OpGE, Threshold: 99.9},
			{Criterion: "concurrent_channels", Op: model.OpGE, Threshold: 1, Param: model.ParamPeak},
			{Criterion: "arch_redundancy", Op: model.OpGE, Threshold: 3, Profile: "金融"},
			{Criterion: "elastic_scaling", Op: model.OpLE, Threshold: 1440, Profile: "default"},
		},
	}
}

// testClock is a deterministic clock: each reading is one millisecond after the last.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Millisecond)
	return c.t
}

var clockStart = time.Date(2026, 4, 1, 8, 0, 0, 0, time.UTC)

// openAt opens path with a deterministic clock and closes it when the test ends.
func openAt(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	c := &testClock{t: clockStart}
	s.now = c.now
	t.Cleanup(func() { s.Close() })
	return s
}

func newStore(t testing.TB) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "test.db"))
}

// withFixture returns a store holding the fixture and its id.
func withFixture(t testing.TB) (*Store, int64) {
	t.Helper()
	s := newStore(t)
	id, err := s.Create(fixture(), "tester")
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	return s, id
}

func mustLoad(t testing.TB, s *Store, id int64) *model.Evaluation {
	t.Helper()
	ev, err := s.Load(id)
	if err != nil {
		t.Fatalf("Load(%d): %v", id, err)
	}
	return ev
}

// sameEval fails unless the evaluations are deeply equal; with ignoreUpdated the Updated stamps
// (which every edit, undo and redo moves) are left out.
func sameEval(t testing.TB, what string, want, got *model.Evaluation, ignoreUpdated bool) {
	t.Helper()
	w, g := *want, *got
	if ignoreUpdated {
		w.Updated, g.Updated = time.Time{}, time.Time{}
	}
	if !reflect.DeepEqual(&w, &g) {
		wj, _ := json.MarshalIndent(&w, "", " ")
		gj, _ := json.MarshalIndent(&g, "", " ")
		t.Fatalf("%s: evaluations differ (ids %d/%d)\nwant %s\ngot  %s", what, w.ID, g.ID, wj, gj)
	}
}

func mustAudit(t testing.TB, s *Store, id int64, limit int) []AuditEntry {
	t.Helper()
	a, err := s.Audit(id, limit)
	if err != nil {
		t.Fatalf("Audit(%d): %v", id, err)
	}
	return a
}
