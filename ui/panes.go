package ui

// The workbench's panes live in one map keyed by their registry kind, each made by its
// registry entry the first time it is needed and dropped when another evaluation opens, so
// a new pane needs no field on Root.

// paneOf is the open workbench's pane of kind k, made on first use. With no workbench open it
// is only an existing pane (or nil): a late message must not build a pane for nothing.
func (r *Root) paneOf(k tabKind) pane {
	if p, ok := r.panes[k]; ok {
		return p
	}
	d := defOf(k)
	if r.wb == nil || d.newPane == nil {
		return nil
	}
	if r.panes == nil {
		r.panes = map[tabKind]pane{}
	}
	p := d.newPane(r)
	r.panes[k] = p
	return p
}

// paneFor is the pane that shows tab tb.
func (r *Root) paneFor(tb tab) pane {
	if d := defOf(tb.kind); d.pane != nil {
		return d.pane(r, tb)
	}
	return r.paneOf(tb.kind)
}

// paneAs is the pane of kind k as its concrete type, for the few places that need more than
// the pane interface (the grid's dimension, the sensitivity pane's SMAA runs); the zero
// value (nil) when there is none.
func paneAs[T pane](r *Root, k tabKind) T {
	p, _ := r.paneOf(k).(T)
	return p
}
