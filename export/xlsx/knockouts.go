package xlsx

import (
	"fmt"

	"ccselect/internal/present"

	"github.com/xuri/excelize/v2"
)

// knockouts is the rules × vendors grid: for each rule of the profile, each vendor's consensus
// value and whether it passes.
func (b *book) knockouts() error {
	name := b.sheetName("knockouts")
	s, err := newSheet(b.f, b.st, name, false)
	if err != nil {
		return err
	}
	st, lang, ev, p := b.st, b.lang, b.ev, b.p
	f := &ev.Framework
	s.add(s.txt(msg(lang, "k.title")+" · "+ev.Name+" · "+b.res.Profile, st.title))
	head := []any{s.txt(msg(lang, "k.rule"), st.header), s.txt(msg(lang, "k.scope"), st.header)}
	for _, v := range b.res.Vendors {
		head = append(head, s.txt(v.Name.In(lang), st.headerWrap))
	}
	hr := s.addTall(30, head...)
	n := 0
	for _, k := range ev.KnockOuts {
		if !k.AppliesTo(b.res.Profile) {
			continue
		}
		c := f.CriterionIndex(k.Criterion)
		if c < 0 {
			continue
		}
		n++
		limit := k.Limit(ev.Params)
		unit := f.Criteria[c].Unit
		rule := fmt.Sprintf("%s %s %s %s", f.Criteria[c].Name.In(lang), k.Op.Symbol(), trim(limit), unit)
		scope := msg(lang, "k.all")
		if k.Profile != "" {
			scope = k.Profile
		}
		row := []any{s.txt(rule, st.text), s.txt(scope, st.text)}
		for _, v := range b.res.Vendors {
			x := p.Consensus(v.Vendor, c)
			switch {
			case x != x:
				row = append(row, s.txt(msg(lang, "k.missing"), st.bad))
			case k.Op.Holds(x, limit):
				row = append(row, s.txt(fmt.Sprintf(msg(lang, "k.pass"), trim(x)), st.good))
			default:
				row = append(row, s.txt(fmt.Sprintf(msg(lang, "k.fail"), present.KnockOutComparison(x, k.Op, limit)), st.bad))
			}
		}
		s.add(row...)
	}
	if n == 0 {
		s.add(s.txt(msg(lang, "k.none"), st.text))
	}
	s.capWidth(1, 44)
	for i := range b.res.Vendors {
		s.capWidth(3+i, 22)
	}
	s.panes = &excelize.Panes{Freeze: true, XSplit: 2, YSplit: hr, TopLeftCell: ref(3, hr+1), ActivePane: "bottomRight"}
	s.then(func() error { return b.printSetup(name, len(b.res.Vendors) > 4, hr) })
	return s.write()
}
