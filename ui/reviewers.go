package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// reviewersPane lists the reviewers, how much each has scored, and which one is current
// (the one whose scores typing sets). R anywhere cycles; space here picks.
type reviewersPane struct {
	e    *env
	keys *keyMap
	wb   *workbench
	list listCursor
	rows int
}

func (p *reviewersPane) Update(msg tea.Msg) tea.Cmd {
	n := len(p.wb.ev.Reviewers)
	if k, other := p.list.update(p.keys, msg, n, p.rows, p.form, p.confirmDelete); other && key.Matches(k, p.keys.Choose) && n > 0 {
		p.wb.reviewer = p.list.cur
		p.e.status(statusOK, p.e.t.f("reviewer.now", p.wb.ev.Reviewers[p.list.cur].Name))
	}
	return nil
}

func (p *reviewersPane) form(idx int) {
	t := p.e.t
	var r model.Reviewer
	title := t.s("reviewer.add")
	if idx >= 0 {
		r = p.wb.ev.Reviewers[idx]
		title = t.f("reviewer.rename", r.Name)
	}
	f := newForm(p.e, p.keys, title)
	f.text(t.s("reviewer.name"), r.Name)
	id, actor := p.wb.id, p.e.actor
	f.submit = func(f *formDialog) (tea.Cmd, error) {
		nr := r
		nr.Name = f.values()[0]
		if nr.Name == "" {
			return nil, errorf(t.s("reviewer.needname"))
		}
		if nr.ID == "" {
			nr.ID = model.NewID(nr.Name, "reviewer", func(s string) bool { return p.wb.ev.ReviewerIndex(s) >= 0 })
		}
		return p.e.write(t.f("reviewer.what", nr.Name), f, true,
			func(s Store) error { return s.SaveReviewer(id, nr, actor) }), nil
	}
	p.e.open(f)
}

func (p *reviewersPane) confirmDelete(idx int) {
	t := p.e.t
	r := p.wb.ev.Reviewers[idx]
	n := p.scored(r.ID)
	id, actor := p.wb.id, p.e.actor
	p.e.open(&confirmDialog{e: p.e, keys: p.keys,
		text: func(t tr) (string, string) { return t.s("reviewer.deletetitle"), t.f("reviewer.deletebody", r.Name, n) },
		yes: func() tea.Cmd {
			return p.e.write(t.f("reviewer.whatdelete", r.Name), nil, true,
				func(s Store) error { return s.DeleteReviewer(id, r.ID, actor) })
		}})
}

// scored counts the scores a reviewer has given.
func (p *reviewersPane) scored(id string) int {
	n := 0
	for i := range p.wb.ev.Scores {
		if p.wb.ev.Scores[i].Reviewer == id {
			n++
		}
	}
	return n
}

func (p *reviewersPane) View(w, h int) string {
	st, t := p.e.styles, p.e.t
	ev := p.wb.ev
	p.rows = max(h-3, 1)
	if len(ev.Reviewers) == 0 {
		return emptyState(st, w, h, t.s("empty.reviewers"))
	}
	nameW := 8
	for _, r := range ev.Reviewers {
		nameW = max(nameW, width(r.Name))
	}
	nameW = min(nameW, w/3)
	total := len(ev.Vendors) * len(ev.Framework.Criteria)
	lines := []string{
		st.Faint.Render(truncate(" "+t.s("reviewer.info"), w)),
		st.TableHead.Render("  " + fit(t.s("reviewer.name"), nameW) + "  " + fit(t.s("reviewer.scored"), 12) + "  " + t.s("reviewer.current")),
	}
	lines = p.list.render(st, lines, len(ev.Reviewers), p.rows, func(i int) (string, string) {
		r := &ev.Reviewers[i]
		rest := "  " + fit(itoa(p.scored(r.ID))+"/"+itoa(total), 12) + "  "
		if i == p.wb.reviewer {
			rest += st.OK.Render("● " + t.s("reviewer.iscurrent"))
		}
		return fit(r.Name, nameW), rest
	})
	return block(lines, w, h)
}

func (p *reviewersPane) ShortHelp() []key.Binding {
	k := p.keys
	if len(p.wb.ev.Reviewers) == 0 {
		return []key.Binding{k.Add, k.Help, k.Quit}
	}
	return []key.Binding{k.Add, k.RenameItem, k.DeleteItem, k.Choose, k.Reviewer, k.Help, k.Quit}
}

func (p *reviewersPane) FullHelp() [][]key.Binding {
	k := p.keys
	return [][]key.Binding{k.listMoves(), {k.Add, k.RenameItem, k.DeleteItem, k.Choose}}
}
