package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// A database the user cannot write opens view-only (issue 8 defect 4): the header says so,
// the editing keys do nothing but say why, and the hint bar shows the reason instead of them.

// readOnly reports that the store cannot be written.
func (r *Root) readOnly() bool { return r.st != nil && r.st.ReadOnly() }

// editKeys are the bindings that change the database on the focused screen.
func (r *Root) editKeys() []key.Binding {
	k := &r.keys
	if r.screen != screenWorkbench || r.wb == nil {
		return []key.Binding{k.New, k.Duplicate, k.Rename, k.Delete}
	}
	edits := []key.Binding{k.Undo, k.Redo, k.Retry}
	switch r.focused().(type) {
	case *gridPane:
		edits = append(edits, k.Rate, k.Half, k.Edit, k.Clear)
	case *vendorsPane, *reviewersPane:
		edits = append(edits, k.Add, k.EditItem, k.RenameItem, k.DeleteItem, k.Choose)
	case *weightsPane:
		w := &k.W
		edits = append(edits, w.Dec, w.Inc, w.Dec5, w.Inc5, w.Step, w.Lock, w.Exact, w.Equal, w.Save, w.Discard, w.Profiles, w.Elicit, w.KnockOuts)
	}
	return edits
}

// refuseEdit swallows an editing key on a view-only database and says why.
func (r *Root) refuseEdit(msg tea.KeyPressMsg) bool {
	if !r.readOnly() || r.dialog() != nil || r.help {
		return false
	}
	for _, b := range r.editKeys() {
		if key.Matches(msg, b) {
			r.setStatus(statusWarn, r.e.t.s("ro.refused"))
			return true
		}
	}
	return false
}

// withoutEdits drops the editing keys from a hint list and puts the reason first.
func (r *Root) withoutEdits(bs []key.Binding) []key.Binding {
	edits := r.editKeys()
	out := []key.Binding{key.NewBinding(key.WithKeys(), key.WithHelp(r.e.t.s("ro.hintkey"), r.e.t.s("ro.hint")))}
	for _, b := range bs {
		drop := false
		for _, e := range edits {
			if b.Help().Key == e.Help().Key {
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, b)
		}
	}
	return out
}
