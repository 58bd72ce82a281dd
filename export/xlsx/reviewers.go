package xlsx

import (
	"github.com/xuri/excelize/v2"
)

// disagreement is the spread (max − min of the reviewers' values) from which a cell is
// highlighted: two points on a 1–5 rubric is a different reading of the evidence, not noise.
const disagreement = 2.0

// reviewers lists every scored cell with each reviewer's value, the consensus and the spread.
// The spread is of raw values: for measured criteria it is in the criterion's unit, and only
// rating cells are judged against the 2-point threshold.
func (b *book) reviewers() error {
	name := b.sheetName("reviewers")
	s, err := newSheet(b.f, b.st, name, false)
	if err != nil {
		return err
	}
	st, lang, ev, p := b.st, b.lang, b.ev, b.p
	f := &ev.Framework
	s.add(s.txt(msg(lang, "r.title")+" · "+ev.Name, st.title))
	head := []any{s.txt(msg(lang, "r.vendor"), st.header), s.txt(msg(lang, "r.criterion"), st.header)}
	for _, r := range ev.Reviewers {
		head = append(head, s.txt(r.Name, st.headerRight))
	}
	head = append(head, s.txt(msg(lang, "r.consensus"), st.headerRight), s.txt(msg(lang, "r.spread"), st.headerRight))
	hr := s.add(head...)
	for _, v := range b.res.Vendors {
		for c := range f.Criteria {
			cs := p.Cell(v.Vendor, c)
			if cs.N == 0 {
				continue
			}
			hot := f.Criteria[c].Kind == "rating" && cs.Spread() >= disagreement
			valStyle, txtStyle := st.num2, st.text
			if hot {
				valStyle, txtStyle = st.warnNum, st.warn
			}
			row := make([]any, 0, 4+len(cs.Values))
			row = append(row, s.txt(v.Name.In(lang), txtStyle), s.txt(f.Criteria[c].Name.In(lang), txtStyle))
			for _, x := range cs.Values {
				row = append(row, num(x, valStyle))
			}
			row = append(row, num(cs.Consensus, valStyle), num(cs.Spread(), valStyle))
			s.add(row...)
		}
	}
	s.capWidth(1, 24)
	s.capWidth(2, 36)
	s.panes = &excelize.Panes{Freeze: true, XSplit: 2, YSplit: hr, TopLeftCell: ref(3, hr+1), ActivePane: "bottomRight"}
	s.then(func() error { return b.printSetup(name, len(ev.Reviewers) > 5, hr) })
	return s.write()
}
