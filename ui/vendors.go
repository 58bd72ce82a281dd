package ui

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// listCursor is the cursor and scroll offset of a one-column list.
type listCursor struct {
	cur, off int
	follow   bool
}

// move handles the list movement keys; ok is false for other keys.
func (l *listCursor) move(k *keyMap, msg tea.KeyPressMsg, n, page int) bool {
	switch {
	case key.Matches(msg, k.Up):
		l.cur--
	case key.Matches(msg, k.Down):
		l.cur++
	case key.Matches(msg, k.PageUp):
		l.cur -= max(page, 1)
	case key.Matches(msg, k.PageDown):
		l.cur += max(page, 1)
	case key.Matches(msg, k.Top):
		l.cur = 0
	case key.Matches(msg, k.Bottom):
		l.cur = n - 1
	default:
		return false
	}
	l.cur = min(max(l.cur, 0), max(n-1, 0))
	l.follow = true
	return true
}

// mouse handles a click on row y (of the list area starting at top) and the wheel.
func (l *listCursor) mouse(m paneMouse, top, rows, n int) {
	if m.WheelY != 0 {
		l.off = clampOffset(l.off+m.WheelY, rows, n)
		l.follow = false
		return
	}
	if m.Click && m.Y >= top {
		if i := m.Y - top + l.off; i < n && m.Y-top < rows {
			l.cur = i
			l.follow = true
		}
	}
}

// window returns the first row to show for rows visible lines.
func (l *listCursor) window(rows, n int) int {
	l.cur = min(max(l.cur, 0), max(n-1, 0))
	if l.follow {
		l.off = scrollTo(l.off, l.cur, rows, n)
	}
	l.off = clampOffset(l.off, rows, n)
	return l.off
}

// vendorsPane lists the vendors with their names, indicative price (shown, never scored) and
// notes; vendors are added, edited and deleted here.
type vendorsPane struct {
	e    *env
	keys *keyMap
	wb   *workbench
	list listCursor
	rows int
}

func (p *vendorsPane) Update(msg tea.Msg) tea.Cmd {
	n := len(p.wb.ev.Vendors)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if p.list.move(p.keys, msg, n, p.rows) {
			return nil
		}
		switch {
		case key.Matches(msg, p.keys.Add):
			p.form(-1, 0)
		case key.Matches(msg, p.keys.EditItem):
			if n > 0 {
				p.form(p.list.cur, 0)
			}
		case key.Matches(msg, p.keys.RenameItem):
			if n > 0 {
				p.form(p.list.cur, 0)
			}
		case key.Matches(msg, p.keys.DeleteItem):
			if n > 0 {
				p.confirmDelete(p.list.cur)
			}
		}
	case paneMouse:
		p.list.mouse(msg, 2, p.rows, n)
	}
	return nil
}

// form opens the vendor form: names in both languages, indicative price and notes. idx −1 adds.
func (p *vendorsPane) form(idx, focus int) {
	t := p.e.t
	var v model.Vendor
	title := t.s("vendor.add")
	if idx >= 0 {
		v = p.wb.ev.Vendors[idx]
		title = t.f("vendor.edit", v.Name.In(t.lang))
	}
	f := newForm(p.e, p.keys, title)
	f.info = []string{t.s("vendor.priceinfo")}
	f.text(t.s("vendor.namezh"), v.Name.Zh)
	f.text(t.s("vendor.nameen"), v.Name.En)
	price := ""
	if v.Price > 0 {
		price = num(v.Price)
	}
	f.text(t.s("vendor.price"), price)
	f.text(t.s("vendor.notes"), v.Notes)
	for focus > 0 {
		f.move(1)
		focus--
	}
	id, actor := p.wb.id, p.e.actor
	f.submit = func(f *formDialog) (tea.Cmd, error) {
		vals := f.values()
		nv := v
		nv.Name = model.Text{Zh: vals[0], En: vals[1]}
		if nv.Name.IsEmpty() {
			return nil, errorf(t.s("vendor.needname"))
		}
		nv.Price = 0
		if vals[2] != "" {
			x, err := parseValue(vals[2])
			if err != nil || x < 0 || math.IsInf(x, 0) {
				return nil, errorf(t.s("vendor.badprice"))
			}
			nv.Price = x
		}
		nv.Notes = vals[3]
		if nv.ID == "" {
			nv.ID = newID(nv.Name.En, "vendor", func(s string) bool { return p.wb.ev.VendorIndex(s) >= 0 })
		}
		what := t.f("vendor.what", nv.Name.In(t.lang))
		return p.e.do(storeOp{write: true, run: func(s Store) tea.Msg {
			return writeDoneMsg{what: what, err: s.SaveVendor(id, nv, actor), retry: f, reload: true}
		}}), nil
	}
	p.e.open(f)
}

func (p *vendorsPane) confirmDelete(idx int) {
	t := p.e.t
	v := p.wb.ev.Vendors[idx]
	id, actor := p.wb.id, p.e.actor
	name := v.Name.In(t.lang)
	p.e.open(&confirmDialog{e: p.e, keys: p.keys, title: t.s("vendor.deletetitle"),
		body: t.f("vendor.deletebody", name),
		yes: func() tea.Cmd {
			return p.e.do(storeOp{write: true, run: func(s Store) tea.Msg {
				return writeDoneMsg{what: t.f("vendor.whatdelete", name), err: s.DeleteVendor(id, v.ID, actor), reload: true}
			}})
		}})
}

func (p *vendorsPane) View(w, h int) string {
	st, t := p.e.styles, p.e.t
	ev := p.wb.ev
	p.rows = max(h-3, 1)
	if len(ev.Vendors) == 0 {
		return emptyState(st, w, h, t.s("empty.vendors"), t.s("vendor.priceinfo"))
	}
	nameW := 8
	for _, v := range ev.Vendors {
		nameW = max(nameW, width(v.Name.In(t.lang)))
	}
	nameW = min(nameW, w/3)
	otherW := min(nameW, max(w/5, 6))
	const priceW = 9
	notesW := max(w-(2+nameW+1+otherW+1+priceW+2), 0)
	lines := []string{
		st.Faint.Render(truncate(" "+t.s("vendor.priceinfo"), w)),
		st.TableHead.Render("  " + fit(t.s("vendor.name"), nameW) + " " + fit(t.other().s("vendor.name"), otherW) + " " +
			fitRight(t.s("vendor.pricecol"), priceW) + "  " + fit(t.s("vendor.notes"), notesW)),
	}
	off := p.list.window(p.rows, len(ev.Vendors))
	for i := off; i < min(off+p.rows, len(ev.Vendors)); i++ {
		v := ev.Vendors[i]
		price := "–"
		if v.Price > 0 {
			price = "¥" + num(v.Price)
		}
		other := v.Name.In(t.other().lang)
		if other == v.Name.In(t.lang) {
			other = ""
		}
		name := fit(v.Name.In(t.lang), nameW)
		rest := " " + st.Faint.Render(fit(other, otherW)) + " " + fitRight(price, priceW) + "  " +
			st.Faint.Render(fit(v.Notes, notesW)) // fit makes a multi-line note one line
		if i == p.list.cur {
			lines = append(lines, st.Cursor.Render("▸ "+name)+rest)
		} else {
			lines = append(lines, "  "+name+rest)
		}
	}
	return block(lines, w, h)
}

func (p *vendorsPane) ShortHelp() []key.Binding {
	k := p.keys
	return []key.Binding{k.Add, k.EditItem, k.DeleteItem, k.Undo, k.NextTab, k.Help, k.Quit}
}

func (p *vendorsPane) FullHelp() [][]key.Binding {
	k := p.keys
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.Add, k.EditItem, k.RenameItem, k.DeleteItem}}
}

var idJunk = regexp.MustCompile(`[^a-z0-9]+`)

// newID makes a stable id from an English name ("Yunqi Telecom" → "yunqi-telecom"), falling
// back to prefix-N when the name has no ASCII letters; taken reports ids already in use.
func newID(name, prefix string, taken func(string) bool) string {
	base := strings.Trim(idJunk.ReplaceAllString(strings.ToLower(name), "-"), "-")
	if len(base) > 24 {
		base = strings.Trim(base[:24], "-")
	}
	if base != "" && !taken(base) {
		return base
	}
	if base == "" {
		base = prefix
	}
	for i := 2; ; i++ {
		if id := fmt.Sprintf("%s-%d", base, i); !taken(id) {
			return id
		}
	}
}
