package ui

import (
	"fmt"
	"math"

	"ccselect/model"
)

// memStore is an in-memory Store for tests that need no SQLite (benchmarks, error injection):
// it holds evaluations by id, applies edits to them, and counts calls.
type memStore struct {
	evals   map[int64]*model.Evaluation
	version int64
	calls   []string
	failOn  string // a method name that returns errFail
}

var errFail = fmt.Errorf("disk on fire")

func newMemStore(evs ...*model.Evaluation) *memStore {
	m := &memStore{evals: map[int64]*model.Evaluation{}}
	for i, ev := range evs {
		ev.ID = int64(i + 1)
		m.evals[ev.ID] = ev
	}
	return m
}

func (m *memStore) ReadOnly() bool { return false }

func (m *memStore) call(name string) error {
	m.calls = append(m.calls, name)
	if m.failOn == name {
		return errFail
	}
	m.version++
	return nil
}

func (m *memStore) List() ([]Summary, error) {
	var out []Summary
	for id := int64(1); id <= int64(len(m.evals)); id++ {
		if ev, ok := m.evals[id]; ok {
			out = append(out, Summary{ID: id, Name: ev.Name, Client: ev.Client, Industry: ev.Industry, Vendors: len(ev.Vendors)})
		}
	}
	return out, nil
}

// Load returns a deep enough copy that the UI's optimistic edits never touch the stored one.
func (m *memStore) Load(id int64) (*model.Evaluation, error) {
	ev, ok := m.evals[id]
	if !ok {
		return nil, fmt.Errorf("evaluation %d: %w", id, errNotFoundForTest)
	}
	c := *ev
	c.Vendors = append([]model.Vendor(nil), ev.Vendors...)
	c.Reviewers = append([]model.Reviewer(nil), ev.Reviewers...)
	c.Scores = append([]model.Score(nil), ev.Scores...)
	return &c, nil
}

func (m *memStore) Create(ev *model.Evaluation, actor string) (int64, error) {
	if err := m.call("Create"); err != nil {
		return 0, err
	}
	id := int64(len(m.evals) + 1)
	m.evals[id] = ev
	return id, nil
}
func (m *memStore) Rename(id int64, name, actor string) error { return m.call("Rename") }
func (m *memStore) Duplicate(id int64, newName, actor string) (int64, error) {
	return 0, m.call("Duplicate")
}
func (m *memStore) Delete(id int64, actor string) error { return m.call("Delete") }
func (m *memStore) SetScore(id int64, sc model.Score, actor string) error {
	if err := m.call("SetScore"); err != nil {
		return err
	}
	ev := m.evals[id]
	if s, ok := ev.ScoreOf(sc.Vendor, sc.Criterion, sc.Reviewer); ok {
		*s = sc
	} else {
		ev.Scores = append(ev.Scores, sc)
	}
	return nil
}
func (m *memStore) ClearScore(id int64, vendor, criterion, reviewer, actor string) error {
	return m.call("ClearScore")
}
func (m *memStore) SaveVendor(id int64, v model.Vendor, actor string) error {
	return m.call("SaveVendor")
}
func (m *memStore) DeleteVendor(id int64, vendorID, actor string) error {
	return m.call("DeleteVendor")
}
func (m *memStore) SaveReviewer(id int64, r model.Reviewer, actor string) error {
	return m.call("SaveReviewer")
}
func (m *memStore) DeleteReviewer(id int64, reviewerID, actor string) error {
	return m.call("DeleteReviewer")
}
func (m *memStore) SaveProfile(id int64, p model.WeightProfile, actor string) error {
	return m.call("SaveProfile")
}
func (m *memStore) SetActiveProfile(id int64, name, actor string) error {
	return m.call("SetActiveProfile")
}
func (m *memStore) Undo(id int64, actor string) (Change, error) { return Change{}, m.call("Undo") }
func (m *memStore) Redo(id int64, actor string) (Change, error) { return Change{}, m.call("Redo") }
func (m *memStore) DataVersion() (int64, error)                 { return m.version, nil }

var errNotFoundForTest = fmt.Errorf("not found")

// synthEval builds an evaluation of nv vendors × nc criteria (spread over five dimensions) ×
// nr reviewers with every cell scored, CJK names of varying widths, and one measured criterion.
func synthEval(nv, nc, nr int) *model.Evaluation {
	dims := []string{"stability", "concurrency", "feature_fit", "data_security", "operations"}
	dimNames := []model.Text{{Zh: "系统稳定性", En: "System stability"}, {Zh: "并发承载能力", En: "Concurrency"},
		{Zh: "功能匹配度", En: "Feature fit"}, {Zh: "数据安全保障", En: "Data security"}, {Zh: "运维服务能力", En: "Operations"}}
	ev := &model.Evaluation{Name: "合成评估 synthetic", Client: "测试客户", Industry: "default",
		Params: map[string]float64{model.ParamPeak: 1000}}
	prof := model.WeightProfile{Name: "default", Dimensions: map[string]float64{}, Criteria: map[string]float64{}}
	for d, id := range dims {
		ev.Framework.Dimensions = append(ev.Framework.Dimensions, model.Dimension{ID: id, Name: dimNames[d]})
		prof.Dimensions[id] = 0.2
	}
	perDim := make([]int, len(dims))
	for c := 0; c < nc; c++ {
		perDim[c%len(dims)]++
	}
	for c := 0; c < nc; c++ {
		d := c % len(dims)
		cr := model.Criterion{
			ID: fmt.Sprintf("c%02d", c), Dimension: dims[d],
			Name:   model.Text{Zh: fmt.Sprintf("准则%s%d", string([]rune("一二三四五六七八九十")[c%10]), c), En: fmt.Sprintf("Criterion %d", c)},
			Rubric: [3]model.Text{{Zh: "差", En: "poor"}, {Zh: "一般", En: "fair"}, {Zh: "优秀", En: "excellent"}},
			Kind:   model.KindRating,
		}
		if c == 1 {
			cr.Kind, cr.Unit, cr.Direction = model.KindMeasured, "channels", model.Benefit
			cr.Anchors = []model.Anchor{{X: 1, Score: 1}, {X: 2, Score: 5}}
			cr.AnchorParam = model.ParamPeak
		}
		ev.Framework.Criteria = append(ev.Framework.Criteria, cr)
		prof.Criteria[cr.ID] = 1 / float64(perDim[d])
	}
	ev.Profiles = []model.WeightProfile{prof}
	ev.ActiveProfile = "default"
	for r := 0; r < nr; r++ {
		ev.Reviewers = append(ev.Reviewers, model.Reviewer{ID: fmt.Sprintf("r%d", r), Name: fmt.Sprintf("评审%d", r+1)})
	}
	names := []string{"云启通讯", "磐石信联有限公司", "汇声", "长风云联科技集团股份", "青禾"}
	for v := 0; v < nv; v++ {
		ev.Vendors = append(ev.Vendors, model.Vendor{ID: fmt.Sprintf("v%02d", v),
			Name: model.Text{Zh: fmt.Sprintf("%s%d", names[v%len(names)], v), En: fmt.Sprintf("Vendor %d", v)}, Price: float64(100 + v)})
		for c := 0; c < nc; c++ {
			for r := 0; r < nr; r++ {
				x := float64(1+(v*7+c*3+r)%9) / 2
				x = math.Max(1, math.Min(5, x))
				if c == 1 {
					x = float64(800 + 100*((v+r)%15))
				}
				ev.Scores = append(ev.Scores, model.Score{Vendor: ev.Vendors[v].ID, Criterion: ev.Framework.Criteria[c].ID,
					Reviewer: ev.Reviewers[r].ID, Value: x})
			}
		}
	}
	return ev
}
