package ui

import "ccselect/ui/store"

// describeSizing words an undone or redone sizing edit with the scenario's name in the
// interface language; ok is false for other edits. A scenario the loaded evaluation no longer
// has (an undone addition) is named by its id.
func (r *Root) describeSizing(c Change) (string, bool) {
	t := r.e.t
	name := c.Scenario
	if r.wb != nil {
		if sc := r.wb.ev.Scenario(c.Scenario); sc != nil {
			name = sc.Name.In(t.lang)
		}
	}
	switch c.Action {
	case store.ActionScenarioSave:
		return t.f("undo.scenario", name), true
	case store.ActionScenarioDelete:
		return t.f("undo.scenariodelete", name), true
	case store.ActionGoverning:
		if c.Scenario == "" {
			return t.s("undo.nogoverning"), true
		}
		return t.f("undo.governing", name), true
	}
	return "", false
}
