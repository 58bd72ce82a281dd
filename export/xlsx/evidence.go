package xlsx

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"ccselect/model"
)

// evidence is the audit trail's face: one row per scored cell (vendor × criterion) with the
// consensus raw value and its unit, the 1–5 score it maps to, and the reviewers' notes and
// evidence (distinct ones joined, so three reviewers citing one document show it once).
func (b *book) evidence() error {
	name := b.sheetName("evidence")
	s, err := newSheet(b.f, b.st, name, false)
	if err != nil {
		return err
	}
	st, lang, ev, p := b.st, b.lang, b.ev, b.p
	f := &ev.Framework
	s.add(s.txt(msg(lang, "e.title")+" · "+ev.Name, st.title))
	hr := s.add(s.txt(msg(lang, "e.vendor"), st.header), s.txt(msg(lang, "e.criterion"), st.header),
		s.txt(msg(lang, "e.raw"), st.headerRight), s.txt(msg(lang, "e.unit"), st.header), s.txt(msg(lang, "e.score"), st.headerRight),
		s.txt(msg(lang, "e.reviewers"), st.headerRight), s.txt(msg(lang, "e.note"), st.header), s.txt(msg(lang, "e.evidence"), st.header))
	// Notes and evidence per cell, gathered in one pass over the scores (not a search per cell).
	type texts struct{ notes, evidence []string }
	nc := len(f.Criteria)
	cellTexts := make(map[int]*texts)
	crit := make(map[string]int, nc)
	for c := range f.Criteria {
		crit[f.Criteria[c].ID] = c
	}
	vend := make(map[string]int, len(ev.Vendors))
	for v := range ev.Vendors {
		vend[ev.Vendors[v].ID] = v
	}
	for _, sc := range ev.Scores {
		v, ok1 := vend[sc.Vendor]
		c, ok2 := crit[sc.Criterion]
		if !ok1 || !ok2 {
			continue
		}
		t := cellTexts[v*nc+c]
		if t == nil {
			t = &texts{}
			cellTexts[v*nc+c] = t
		}
		t.notes = appendDistinct(t.notes, sc.Note)
		t.evidence = appendDistinct(t.evidence, sc.Evidence)
	}
	scores := p.Scores()
	for _, v := range b.res.Vendors {
		for c := range f.Criteria {
			cr := &f.Criteria[c]
			cs := p.Cell(v.Vendor, c)
			if cs.N == 0 {
				continue
			}
			t := cellTexts[v.Vendor*nc+c]
			if t == nil {
				t = &texts{}
			}
			unit := cr.Unit
			if cr.Kind == model.KindRating {
				unit = "1–5"
			}
			s.add(s.txt(v.Name.In(lang), st.text), s.txt(cr.Name.In(lang), st.text), num(cs.Consensus, st.num2),
				s.txt(unit, st.center), num(scores[v.Vendor*nc+c], st.num2), num(float64(cs.N), st.center),
				s.txt(strings.Join(t.notes, "; "), st.wrap), s.txt(strings.Join(t.evidence, "; "), st.wrap))
		}
	}
	s.capWidth(1, 24)
	s.capWidth(2, 36)
	s.capWidth(7, 50)
	s.capWidth(8, 50)
	s.panes = &excelize.Panes{Freeze: true, XSplit: 2, YSplit: hr, TopLeftCell: ref(3, hr+1), ActivePane: "bottomRight"}
	s.then(func() error { return b.printSetup(name, true, hr) })
	return s.write()
}

func appendDistinct(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
