package ui

import (
	"ccselect/internal/present"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// homePane lists the evaluations in the database; new ones start from an industry template.
type homePane struct {
	e      *env
	keys   *keyMap
	list   []Summary
	loaded bool
	cur    listCursor
	rows   int
	// selectID, when set, moves the cursor to that evaluation after the next list load.
	selectID int64
}

// setList replaces the list, keeping the cursor on the same evaluation where possible.
func (p *homePane) setList(list []Summary) {
	keep := p.selectID
	if keep == 0 && p.cur.cur < len(p.list) {
		keep = p.list[p.cur.cur].ID
	}
	p.list, p.loaded, p.selectID = list, true, 0
	for i, s := range list {
		if s.ID == keep {
			p.cur.cur = i
			p.cur.follow = true
			return
		}
	}
	p.cur.cur = min(p.cur.cur, max(len(list)-1, 0))
}

func (p *homePane) selected() (Summary, bool) {
	if p.cur.cur < 0 || p.cur.cur >= len(p.list) {
		return Summary{}, false
	}
	return p.list[p.cur.cur], true
}

func (p *homePane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if p.cur.move(p.keys, msg, len(p.list), p.rows) {
			return nil
		}
		s, ok := p.selected()
		switch {
		case key.Matches(msg, p.keys.New):
			p.newForm()
		case !ok:
		case key.Matches(msg, p.keys.Open):
			return p.e.do(loadOp(s.ID, true))
		case key.Matches(msg, p.keys.Duplicate):
			p.duplicateForm(s)
		case key.Matches(msg, p.keys.Rename):
			p.renameForm(s)
		case key.Matches(msg, p.keys.Delete):
			p.confirmDelete(s)
		}
	case paneMouse:
		before := p.cur.cur
		p.cur.mouse(msg, 1, p.rows, len(p.list))
		// A click on the row that is already selected opens it.
		if msg.Click && before == p.cur.cur && msg.Y >= 1 {
			if s, ok := p.selected(); ok && msg.Y-1+p.cur.off == p.cur.cur {
				return p.e.do(loadOp(s.ID, true))
			}
		}
	}
	return nil
}

// loadOp loads an evaluation; open says whether this opens it (from home) or refreshes it.
func loadOp(id int64, open bool) storeOp {
	return storeOp{load: !open, run: func(s Store) tea.Msg {
		ev, err := s.Load(id)
		return evalLoadedMsg{id: id, ev: ev, err: err, open: open}
	}}
}

func listOp() storeOp {
	return storeOp{run: func(s Store) tea.Msg {
		list, err := s.List()
		return listLoadedMsg{list: list, err: err}
	}}
}

// newForm asks for the name, client, industry template and required peak P.
func (p *homePane) newForm() {
	t := p.e.t
	names := templateNames()
	labels := make([]string, len(names))
	for i, n := range names {
		labels[i] = templateLabel(t, n)
	}
	f := newForm(p.e, p.keys, t.s("home.newtitle"))
	f.text(t.s("home.name"), "")
	f.text(t.s("home.client"), "")
	f.choice(t.s("home.template"), labels, names, 0)
	peak := f.text(t.s("home.peak"), "1000")
	peak.preview = func(string) string { return t.s("home.peakhint") }
	actor := p.e.actor
	f.submit = func(f *formDialog) (tea.Cmd, error) {
		v := f.values()
		if v[0] == "" {
			return nil, errorf(t.s("home.needname"))
		}
		x, err := parseValue(v[3])
		if err != nil || x <= 0 {
			return nil, errorf(t.s("home.badpeak"))
		}
		ev, err := newFromTemplate(v[2], v[0], v[1], x)
		if err != nil {
			return nil, err
		}
		return p.e.do(storeOp{write: true, run: func(s Store) tea.Msg {
			id, err := s.Create(ev, actor)
			return createdMsg{id: id, err: err, open: true, retry: f}
		}}), nil
	}
	p.e.open(f)
}

func (p *homePane) renameForm(s Summary) {
	t, actor := p.e.t, p.e.actor
	p.nameForm(t.f("home.renametitle", s.Name), s.Name, func(f *formDialog, name string) tea.Cmd {
		return p.e.write(t.f("home.whatrename", s.Name), f, true,
			func(st Store) error { return st.Rename(s.ID, name, actor) })
	})
}

func (p *homePane) duplicateForm(s Summary) {
	t, actor := p.e.t, p.e.actor
	p.nameForm(t.f("home.duptitle", s.Name), t.f("home.copyof", s.Name), func(f *formDialog, name string) tea.Cmd {
		return p.e.do(storeOp{write: true, run: func(st Store) tea.Msg {
			id, err := st.Duplicate(s.ID, name, actor)
			return createdMsg{id: id, err: err, retry: f}
		}})
	})
}

// nameForm asks for an evaluation name (not empty) and hands it to save.
func (p *homePane) nameForm(title, name string, save func(f *formDialog, name string) tea.Cmd) {
	t := p.e.t
	f := newForm(p.e, p.keys, title)
	f.text(t.s("home.name"), name)
	f.submit = func(f *formDialog) (tea.Cmd, error) {
		name := f.values()[0]
		if name == "" {
			return nil, errorf(t.s("home.needname"))
		}
		return save(f, name), nil
	}
	p.e.open(f)
}

func (p *homePane) confirmDelete(s Summary) {
	t := p.e.t
	actor := p.e.actor
	p.e.open(&confirmDialog{e: p.e, keys: p.keys,
		text: func(t tr) (string, string) { return t.s("home.deletetitle"), t.f("home.deletebody", s.Name, s.Vendors) },
		yes: func() tea.Cmd {
			return p.e.do(storeOp{write: true, run: func(st Store) tea.Msg {
				return writeDoneMsg{what: t.f("home.whatdelete", s.Name), err: st.Delete(s.ID, actor), reload: true, deleted: s.ID}
			}})
		}})
}

func (p *homePane) View(w, h int) string {
	st, t := p.e.styles, p.e.t
	p.rows = max(h-1, 1)
	if !p.loaded {
		return emptyState(st, w, h, t.s("home.loading"))
	}
	if len(p.list) == 0 {
		return emptyState(st, w, h, t.s("empty.home"), t.s("empty.home2"))
	}
	now := p.e.now()
	vendorsW := max(width(t.s("home.colvendors")), 4)
	lastW := width(t.s("home.coledit"))
	for _, s := range p.list {
		lastW = max(lastW, width(lastEdit(t, s.Updated, now)))
	}
	clientW := min(max(w/6, 8), 16)
	tmplW := min(max(w/8, 6), 12)
	nameW := max(w-(2+1+clientW+1+tmplW+1+vendorsW+2+lastW), 10)
	head := "  " + fit(t.s("home.colname"), nameW) + " " + fit(t.s("home.colclient"), clientW) + " " +
		fit(t.s("home.coltemplate"), tmplW) + " " + fitRight(t.s("home.colvendors"), vendorsW) + "  " + fit(t.s("home.coledit"), lastW)
	lines := p.cur.render(st, []string{st.TableHead.Render(head)}, len(p.list), p.rows, func(i int) (string, string) {
		s := &p.list[i]
		return fit(s.Name, nameW), " " + fit(s.Client, clientW) + " " + fit(templateLabel(t, s.Industry), tmplW) + " " +
			fitRight(itoa(s.Vendors), vendorsW) + "  " + st.Faint.Render(fit(lastEdit(t, s.Updated, now), lastW))
	})
	return block(lines, w, h)
}

func (p *homePane) ShortHelp() []key.Binding {
	k := p.keys
	if len(p.list) == 0 {
		// Nothing to open, copy, rename or delete yet (issue 8 defect 9).
		return []key.Binding{k.New, k.Lang, k.Help, k.Quit}
	}
	return []key.Binding{k.New, k.Open, k.Duplicate, k.Rename, k.Delete, k.Lang, k.Help, k.Quit}
}

func (p *homePane) FullHelp() [][]key.Binding {
	k := p.keys
	return [][]key.Binding{k.listMoves(), {k.New, k.Open, k.Duplicate, k.Rename, k.Delete}}
}

// templateLabel names an industry template in the interface language ("finance" → "金融").
func templateLabel(t tr, name string) string { return present.TemplateName(name, t.lang) }
