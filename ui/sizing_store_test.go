package ui

import "ccselect/model"

// The sizing and sheet-import calls of the in-memory store (synth_test.go): recorded like
// its other edits; the data is not changed (these tests read the screen, not a reload).

func (m *memStore) SaveScenario(id int64, sc model.Scenario, actor string) error {
	return m.call("SaveScenario")
}
func (m *memStore) DeleteScenario(id int64, scID, actor string) error {
	return m.call("DeleteScenario")
}
func (m *memStore) SetGoverningScenario(id int64, scID, actor string) (float64, error) {
	return 0, m.call("SetGoverningScenario")
}
func (m *memStore) SetScores(id int64, scores []model.Score, actor string) (int, error) {
	return len(scores), m.call("SetScores")
}
