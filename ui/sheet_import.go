package ui

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"ccselect/export/xlsx"
	"ccselect/model"
)

// The sheet import (issue 11, i in the workbench): a path form; the sheet is read and every
// cell validated off the update loop (xlsx.ReadScoringSheetFile). Any problem lists every bad
// cell with its reference and imports nothing; a good sheet's changed cells are written in one
// transaction (Store.SetScores, audit origin "sheet") and listed.

type importPhase int

const (
	importEditing importPhase = iota
	importReading
	importSaving
	importProblems // the sheet was refused: lines are the problems
	importDone     // imported (or nothing to change): lines are the changed cells
)

type importDialog struct {
	e    *env
	keys *keyMap
	wb   *workbench
	ev   *model.Evaluation // as when the dialog opened (see exportDialog.ev)
	dir  string

	form      *formDialog
	submitted bool
	phase     importPhase
	target    string

	title  string
	lines  []string
	scroll int
	rows   int // lines shown at the last View
}

// sheetReadMsg: the sheet was read and validated (changes against the evaluation) or refused.
type sheetReadMsg struct {
	d       *importDialog
	imp     xlsx.SheetImport
	changes []xlsx.ScoreChange
	err     error
}

// sheetImportedMsg: the store wrote the changes (through the queue; see Root.sheetImported).
type sheetImportedMsg struct {
	d       *importDialog
	changes []xlsx.ScoreChange
	n       int
	err     error
}

func (r *Root) openImport() tea.Cmd {
	if r.readOnly() {
		r.setStatus(statusWarn, r.e.t.s("ro.refused"))
		return nil
	}
	dir, err := os.Getwd()
	if err != nil {
		dir = "."
	}
	r.dlgs.push(newImportDialog(&r.e, &r.keys, r.wb, dir))
	return nil
}

func newImportDialog(e *env, keys *keyMap, wb *workbench, dir string) *importDialog {
	t := e.t
	d := &importDialog{e: e, keys: keys, wb: wb, ev: wb.ev, dir: dir}
	f := newForm(e, keys, t.s("import.title"))
	f.info = []string{t.s("import.info")}
	f.text(t.s("import.path"), "")
	f.submit = func(f *formDialog) (tea.Cmd, error) {
		p := f.values()[0]
		if p == "" {
			return nil, errorf(t.s("export.needpath"))
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(d.dir, p)
		}
		d.target, d.submitted = filepath.Clean(p), true
		return d.read(), nil
	}
	d.form = f
	return d
}

// read validates the sheet off the update loop.
func (d *importDialog) read() tea.Cmd {
	ev, path, lang := d.ev, d.target, d.e.t.lang
	nofile := d.e.t.f("import.nofile", path)
	return func() tea.Msg {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return sheetReadMsg{d: d, err: errors.New(nofile)}
		}
		imp, err := xlsx.ReadScoringSheetFile(path, ev, lang)
		if err != nil {
			return sheetReadMsg{d: d, err: err}
		}
		return sheetReadMsg{d: d, imp: imp, changes: xlsx.Changes(ev, imp)}
	}
}

func (d *importDialog) Update(msg tea.Msg) (tea.Cmd, bool) {
	t := d.e.t
	switch msg := msg.(type) {
	case sheetReadMsg:
		if msg.d != d {
			return nil, false
		}
		if msg.err != nil {
			d.refused(msg.err)
			return nil, false
		}
		if len(msg.changes) == 0 {
			d.phase, d.title, d.lines = importDone, t.f("import.nothing", len(msg.imp.Scores)), nil
			return nil, false
		}
		d.phase = importSaving
		id, actor, scores, changes := d.wb.id, d.e.actor, msg.imp.Scores, msg.changes
		return d.e.do(storeOp{write: true, run: func(s Store) tea.Msg {
			n, err := s.SetScores(id, scores, actor)
			return sheetImportedMsg{d: d, changes: changes, n: n, err: err}
		}}), false
	case tea.KeyPressMsg:
		switch d.phase {
		case importReading, importSaving:
			return nil, false
		case importProblems, importDone:
			switch {
			case key.Matches(msg, d.keys.Up):
				d.scroll--
			case key.Matches(msg, d.keys.Down):
				d.scroll++
			case key.Matches(msg, d.keys.PageUp):
				d.scroll -= d.shown()
			case key.Matches(msg, d.keys.PageDown):
				d.scroll += d.shown()
			case key.Matches(msg, d.keys.Confirm), key.Matches(msg, d.keys.Deny):
				return nil, true
			}
			d.scroll = clampOffset(d.scroll, d.shown(), len(d.lines))
			return nil, false
		}
	}
	if d.phase != importEditing {
		return nil, false
	}
	d.submitted = false
	cmd, done := d.form.Update(msg)
	if d.submitted {
		d.phase = importReading
		return cmd, false
	}
	return cmd, done
}

// refused lists why nothing was imported: every bad cell with its reference, or the reason a
// whole file was refused.
func (d *importDialog) refused(err error) {
	t := d.e.t
	d.phase, d.scroll = importProblems, 0
	var pe *xlsx.ProblemsError
	var re *xlsx.RefusedError
	switch {
	case errors.As(err, &pe):
		d.title = t.f("import.problems", len(pe.Problems))
		d.lines = make([]string, len(pe.Problems))
		for i, p := range pe.Problems {
			d.lines[i] = p.String()
		}
	case errors.As(err, &re):
		d.title, d.lines = t.s("import.refused"), []string{re.Error()}
	default:
		d.title, d.lines = t.s("import.refused"), []string{err.Error()}
	}
}

// finished shows what the import changed (or why it was not saved).
func (d *importDialog) finished(m sheetImportedMsg) {
	t := d.e.t
	d.scroll = 0
	if m.err != nil {
		d.phase, d.title, d.lines = importProblems, t.s("import.notsaved"), []string{m.err.Error()}
		return
	}
	d.phase, d.title = importDone, t.f("import.changed", m.n)
	d.lines = make([]string, len(m.changes))
	for i, c := range m.changes {
		d.lines[i] = d.changeText(c)
	}
}

// changeText names a changed cell in the interface language: vendor / criterion: old → new.
func (d *importDialog) changeText(c xlsx.ScoreChange) string {
	t := d.e.t
	ev := d.ev
	vendor, crit := c.New.Vendor, c.New.Criterion
	if i := ev.VendorIndex(vendor); i >= 0 {
		vendor = ev.Vendors[i].Name.In(t.lang)
	}
	if cr, ok := ev.Framework.Criterion(crit); ok {
		crit = cr.Name.In(t.lang)
	}
	if c.Old == nil {
		return vendor + " / " + crit + ": " + num(c.New.Value)
	}
	return vendor + " / " + crit + ": " + num(c.Old.Value) + " → " + num(c.New.Value)
}

// sheetImported is the root's side of a finished import: the write's outcome goes through the
// usual save handling (status line, reload), then to the dialog if it is still open.
func (r *Root) sheetImported(m sheetImportedMsg) tea.Cmd {
	t := r.e.t
	cmd := r.result(writeDoneMsg{what: t.f("import.what", filepath.Base(m.d.target)), err: m.err, reload: true})
	m.d.finished(m)
	return cmd
}

func (d *importDialog) View(maxW int) string {
	st, t := d.e.styles, d.e.t
	w := min(maxW, 76)
	inner := w - st.Box.GetHorizontalFrameSize()
	switch d.phase {
	case importEditing:
		return d.form.View(maxW)
	case importReading, importSaving:
		return frame(st, t.s("import.title"), wrap(t.f("import.reading", d.target), inner), t.s("export.wait"), w)
	}
	var body []string
	body = append(body, wrap(d.target, inner)...)
	if len(d.lines) == 0 {
		d.rows = 0
	} else {
		body = append(body, "")
		// Room for the frame, the title, the path and the hint: the rest scrolls.
		d.rows = d.shown()
		d.scroll = clampOffset(d.scroll, d.shown(), len(d.lines))
		for _, l := range d.lines[d.scroll:min(d.scroll+d.rows, len(d.lines))] {
			l = truncate(l, inner)
			if d.phase == importProblems {
				l = st.Err.Render(l)
			}
			body = append(body, l)
		}
		if len(d.lines) > d.rows {
			body = append(body, st.Faint.Render(t.f("import.more", d.scroll+1, min(d.scroll+d.rows, len(d.lines)), len(d.lines))))
		}
	}
	return frame(st, d.title, body, hintText(d.Help()), w)
}

func (d *importDialog) Help() []key.Binding {
	switch d.phase {
	case importEditing:
		return d.form.Help()
	case importReading, importSaving:
		return nil
	}
	close := key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter/esc", d.e.t.s("key.close")))
	if len(d.lines) > d.shown() {
		return []key.Binding{d.keys.Up, d.keys.Down, close}
	}
	return []key.Binding{close}
}

// shown is how many result lines the box shows at once (the rest scroll): room for the frame,
// the title, the path and the hint at 80×24.
func (d *importDialog) shown() int { return max(min(len(d.lines), 10), 1) }
