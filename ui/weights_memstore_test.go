package ui

import "ccselect/model"

// The Weights tab's store calls on the synthetic store of synth_test.go.

func (m *memStore) SaveDraft(id int64, d *model.WeightProfile) error { return m.call("SaveDraft") }
func (m *memStore) RenameProfile(id int64, old, new, actor string) error {
	return m.call("RenameProfile")
}
func (m *memStore) DeleteProfile(id int64, name, actor string) error {
	return m.call("DeleteProfile")
}
func (m *memStore) SaveKnockOuts(id int64, kos []model.KnockOut, actor string) error {
	return m.call("SaveKnockOuts")
}
