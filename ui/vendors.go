package ui

import (
	"math"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

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
	p.list.update(p.keys, msg, len(p.wb.ev.Vendors), p.rows, p.form, p.confirmDelete)
	return nil
}

// form opens the vendor form: names in both languages, indicative price and notes. idx −1 adds.
func (p *vendorsPane) form(idx int) {
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
			nv.ID = model.NewID(nv.Name.En, "vendor", func(s string) bool { return p.wb.ev.VendorIndex(s) >= 0 })
		}
		return p.e.write(t.f("vendor.what", nv.Name.In(t.lang)), f, true,
			func(s Store) error { return s.SaveVendor(id, nv, actor) }), nil
	}
	p.e.open(f)
}

func (p *vendorsPane) confirmDelete(idx int) {
	t := p.e.t
	v := p.wb.ev.Vendors[idx]
	id, actor := p.wb.id, p.e.actor
	name := v.Name.In(t.lang)
	p.e.open(&confirmDialog{e: p.e, keys: p.keys,
		text: func(t tr) (string, string) {
			return t.s("vendor.deletetitle"), t.f("vendor.deletebody", v.Name.In(t.lang))
		},
		yes: func() tea.Cmd {
			return p.e.write(t.f("vendor.whatdelete", name), nil, true,
				func(s Store) error { return s.DeleteVendor(id, v.ID, actor) })
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
	// The other language's column is sized by its own names (not the current ones), so a
	// short English name does not cut the Chinese one beside it.
	otherW := width(t.other().s("vendor.name"))
	for _, v := range ev.Vendors {
		otherW = max(otherW, width(v.Name.In(t.other().lang)))
	}
	otherW = min(otherW, max(w/4, 6))
	const priceW = 9
	notesW := max(w-(2+nameW+1+otherW+1+priceW+2), 0)
	lines := []string{
		st.Faint.Render(truncate(" "+t.s("vendor.priceinfo"), w)),
		st.TableHead.Render("  " + fit(t.s("vendor.name"), nameW) + " " + fit(t.other().s("vendor.name"), otherW) + " " +
			fitRight(t.s("vendor.pricecol"), priceW) + "  " + fit(t.s("vendor.notes"), notesW)),
	}
	lines = p.list.render(st, lines, len(ev.Vendors), p.rows, func(i int) (string, string) {
		v := &ev.Vendors[i]
		price := "–"
		if v.Price > 0 {
			price = "¥" + num(v.Price)
		}
		other := v.Name.In(t.other().lang)
		if other == v.Name.In(t.lang) {
			other = ""
		}
		return fit(v.Name.In(t.lang), nameW), " " + st.Faint.Render(fit(other, otherW)) + " " + fitRight(price, priceW) + "  " +
			st.Faint.Render(fit(v.Notes, notesW)) // fit makes a multi-line note one line
	})
	return block(lines, w, h)
}

func (p *vendorsPane) ShortHelp() []key.Binding {
	k := p.keys
	if len(p.wb.ev.Vendors) == 0 {
		return []key.Binding{k.Add, k.Undo, k.NextTab, k.Help, k.Quit}
	}
	return []key.Binding{k.Add, k.EditItem, k.RenameItem, k.DeleteItem, k.Undo, k.NextTab, k.Help, k.Quit}
}

func (p *vendorsPane) FullHelp() [][]key.Binding {
	k := p.keys
	return [][]key.Binding{k.listMoves(), {k.Add, k.EditItem, k.RenameItem, k.DeleteItem}}
}
