package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"ccselect/model"
)

// Columns of the Scores sheet.
const (
	scItem   = 1
	scKind   = 2
	scDimW   = 3
	scLocalW = 4
	scGlobW  = 5
	scFirstV = 6
	scHead   = 3 // header row; rows 1..3 repeat on every printed page
)

// scores is the sheet executives play with: criteria grouped by dimension × vendors (in rank
// order), the weights in their own columns, consensus scores under a colour scale. Global
// weights, dimension scores and totals are live formulas over the weight and score cells, each
// written with the engine's value. Totals divide by the sum of the global weights, so an
// executive who raises one weight sees the totals move without first rebalancing the others;
// with the profile's weights (which sum to 1) that is exactly the engine's weighted sum.
func (b *book) scores() error {
	name := b.sheetName("scores")
	s, err := newSheet(b.f, b.st, name, false)
	if err != nil {
		return err
	}
	st, lang, ev, p := b.st, b.lang, b.ev, b.p
	f := &ev.Framework
	vs := b.res.Vendors
	sc := p.Scores()
	nc := len(f.Criteria)
	s.add(s.txt(msg(lang, "sc.title")+" · "+ev.Name+" · "+b.res.Profile, st.title))
	note := msg(lang, "sc.note")
	if b.res.Method != (model.WSM{}).Name() {
		note += " " + msgf(lang, "sc.note_topsis", b.methodName())
	}
	s.add(s.txt(note, st.muted))
	head := []any{s.txt(msg(lang, "sc.item"), st.header), s.txt(msg(lang, "sc.kind"), st.header),
		s.txt(msg(lang, "sc.dimw"), st.headerWrap), s.txt(msg(lang, "sc.localw"), st.headerWrap),
		s.txt(msg(lang, "sc.globalw"), st.headerWrap)}
	for _, v := range vs {
		head = append(head, s.txt(v.Name.In(lang), st.headerWrap))
	}
	s.addTall(30, head...)
	first := scHead + 1
	lastV := scFirstV + len(vs) - 1
	var scaleRanges []string
	for d, dim := range f.Dimensions {
		var crits []int
		for c := range f.Criteria {
			if f.Criteria[c].Dimension == dim.ID {
				crits = append(crits, c)
			}
		}
		if len(crits) == 0 {
			continue // no criteria: its weight is 0 by validation and it adds nothing
		}
		sub := s.next()
		c1, c2 := sub+1, sub+len(crits)
		localRange := absRef(scLocalW, c1) + ":" + absRef(scLocalW, c2)
		localSum := 0.0
		for _, c := range crits {
			localSum += b.w.local[c]
		}
		row := []any{s.txt(fmt.Sprintf(msg(lang, "sc.subtotal"), dim.Name.In(lang)), st.subText), s.txt("", st.subText),
			num(b.w.dim[d], st.subPct1), formula("SUM("+localRange+")", localSum, st.subPct1), s.txt("", st.subText)}
		for i, v := range vs {
			vc := scFirstV + i
			scoreRange := ref(vc, c1) + ":" + ref(vc, c2)
			row = append(row, formula("SUMPRODUCT("+localRange+","+scoreRange+")/SUM("+localRange+")",
				v.DimensionScores[d]/localSum, st.subNum2))
		}
		s.add(row...)
		for _, c := range crits {
			cr := &f.Criteria[c]
			r := s.next()
			row := []any{s.txt("  "+cr.Name.In(lang), st.text), s.txt(msg(lang, "kind."+string(cr.Kind)), st.text),
				s.txt("", st.text), num(b.w.local[c], st.dim),
				formula(absRef(scDimW, sub)+"*"+ref(scLocalW, r), b.w.global[c], st.pct1)}
			for _, v := range vs {
				score := sc[v.Vendor*nc+c]
				style := st.num2
				if p.Consensus(v.Vendor, c) != p.Consensus(v.Vendor, c) { // NaN: nobody scored it, counted as 1
					style = st.warnNum
				}
				row = append(row, num(score, style))
			}
			s.add(row...)
		}
		if len(vs) > 0 {
			scaleRanges = append(scaleRanges, ref(scFirstV, c1)+":"+ref(lastV, c2))
		}
	}
	last := s.next() - 1
	total := []any{s.txt(msg(lang, "sc.total"), st.totalText), s.txt("", st.totalText), s.txt("", st.totalText),
		s.txt("", st.totalText), s.txt("", st.totalText)}
	globRange := absRef(scGlobW, first) + ":" + absRef(scGlobW, last)
	for i, v := range vs {
		col := scFirstV + i
		wsm := 0.0
		for c := 0; c < nc; c++ {
			wsm += b.w.global[c] * sc[v.Vendor*nc+c]
		}
		total = append(total, formula(fmt.Sprintf("SUMPRODUCT(%s,%s)/SUM(%s)", globRange,
			ref(col, first)+":"+ref(col, last), globRange), wsm, st.totalNum2))
	}
	totalRow := s.addTall(20, total...)
	b.scoresTotalRow = totalRow

	s.capWidth(scItem, 40)
	s.width(scKind, 8)
	s.width(scDimW, 10)
	s.width(scLocalW, 10)
	s.width(scGlobW, 10)
	for i := range vs {
		s.capWidth(scFirstV+i, 16)
	}
	s.panes = &excelize.Panes{Freeze: true, XSplit: scFirstV - 1, YSplit: scHead, TopLeftCell: ref(scFirstV, scHead+1), ActivePane: "bottomRight"}
	s.then(func() error {
		for _, r := range scaleRanges {
			if err := b.f.SetConditionalFormat(name, r, []excelize.ConditionalFormatOptions{{Type: "3_color_scale", Criteria: "=",
				MinType: "num", MinValue: "1", MinColor: "#F8696B", MidType: "num", MidValue: "3", MidColor: "#FFEB84",
				MaxType: "num", MaxValue: "5", MaxColor: "#63BE7B"}}); err != nil {
				return err
			}
		}
		return b.printSetup(name, true, scHead)
	})
	return s.write()
}
