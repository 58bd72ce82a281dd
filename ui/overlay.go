package ui

import tea "charm.land/bubbletea/v2"

// overlays is the stack of open dialogs: a confirmation can open over a form ("file exists —
// replace?" over the export form) and closing it shows the form again as it was. Keys go to
// the top dialog only; every dialog of the stack is drawn, the top one last.
type overlays struct{ stack []dialog }

// top is the dialog that receives keys, or nil.
func (o *overlays) top() dialog {
	if len(o.stack) == 0 {
		return nil
	}
	return o.stack[len(o.stack)-1]
}

func (o *overlays) push(d dialog) {
	if d != nil {
		o.stack = append(o.stack, d)
	}
}

// remove closes d wherever it is in the stack (a dialog that opened another and then finished
// leaves the new one open).
func (o *overlays) remove(d dialog) {
	for i := len(o.stack) - 1; i >= 0; i-- {
		if o.stack[i] == d {
			o.stack = append(o.stack[:i], o.stack[i+1:]...)
			return
		}
	}
}

// update gives msg to the top dialog and closes it when it says it is done.
func (o *overlays) update(msg tea.Msg) tea.Cmd {
	d := o.top()
	if d == nil {
		return nil
	}
	cmd, done := d.Update(msg)
	if done {
		o.remove(d)
	}
	return cmd
}

func (o *overlays) clear() { o.stack = nil }
