package xlsx

import (
	"github.com/xuri/excelize/v2"

	"ccselect/model"
)

// elicitation names how a profile's weights were obtained. Profiles carry no method yet: every
// weight today is typed in directly. When profiles learn AHP (matrix and consistency ratio),
// this is the hook that reports it, and the sheet gains the matrix below the table.
func elicitation(lang model.Lang, _ *model.WeightProfile) string { return msg(lang, "w.direct") }

// weights shows every profile (or the ones asked for) side by side: the dimension weight on
// dimension rows, the local and global weight on criterion rows.
func (b *book) weights() error {
	name := b.sheetName("weights")
	s, err := newSheet(b.f, b.st, name, false)
	if err != nil {
		return err
	}
	st, lang, ev := b.st, b.lang, b.ev
	f := &ev.Framework
	var profs []*model.WeightProfile
	if b.opt.Profiles == nil {
		for i := range ev.Profiles {
			profs = append(profs, &ev.Profiles[i])
		}
	} else {
		for _, n := range b.opt.Profiles {
			p, err := ev.Profile(n)
			if err != nil {
				return err
			}
			profs = append(profs, p)
		}
	}
	s.add(s.txt(msg(lang, "w.title")+" · "+ev.Name, st.title))
	s.add(s.txt(msg(lang, "w.note"), st.muted))
	// Two header rows: the profile's name over its two columns, then what each column holds.
	top := []any{s.txt(msg(lang, "w.item"), st.header), s.txt(msg(lang, "w.level"), st.header)}
	head := []any{s.txt("", st.header), s.txt("", st.header)}
	for _, p := range profs {
		label := p.Name
		if p.Name == b.res.Profile {
			label += msg(lang, "w.active")
		}
		top = append(top, s.txt(label, st.header), s.txt("", st.header))
		head = append(head, s.txt(msg(lang, "w.local"), st.headerRight), s.txt(msg(lang, "w.global"), st.headerRight))
	}
	tr := s.add(top...)
	for i := range profs {
		s.merge(ref(3+2*i, tr), ref(4+2*i, tr))
	}
	hr := s.add(head...)
	method := []any{s.txt(msg(lang, "w.method"), st.bold), s.txt("", st.text)}
	for _, p := range profs {
		method = append(method, s.txt(elicitation(lang, p), st.text), s.txt("", st.text))
	}
	s.add(method...)
	for _, d := range f.Dimensions {
		row := []any{s.txt(d.Name.In(lang), st.subText), s.txt(msg(lang, "w.dim"), st.subText)}
		for _, p := range profs {
			row = append(row, num(p.Dimensions[d.ID], st.subPct1), num(p.Dimensions[d.ID], st.subPct1))
		}
		s.add(row...)
		for _, c := range f.Criteria {
			if c.Dimension != d.ID {
				continue
			}
			row := []any{s.txt("  "+c.Name.In(lang), st.text), s.txt(msg(lang, "w.crit"), st.text)}
			for _, p := range profs {
				row = append(row, num(p.Criteria[c.ID], st.pct1), num(p.Global(f, c.ID), st.pct1))
			}
			s.add(row...)
		}
	}
	s.capWidth(1, 40)
	for i := range profs {
		s.width(3+2*i, 12)
		s.width(4+2*i, 12)
	}
	s.panes = &excelize.Panes{Freeze: true, XSplit: 2, YSplit: hr, TopLeftCell: ref(3, hr+1), ActivePane: "bottomRight"}
	s.then(func() error { return b.printSetup(name, len(profs) > 2, hr) })
	return s.write()
}
