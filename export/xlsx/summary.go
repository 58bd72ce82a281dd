package xlsx

import (
	"math"
	"strings"

	"ccselect/internal/present"
	"ccselect/model"
)

// summary is the first sheet: what was evaluated and how, the ranking with the knock-out
// status and the indicative price beside it (never inside the score), three charts, the
// robustness sentence and the dimension break-even weights.
func (b *book) summary() error {
	name := b.sheetName("summary")
	s, err := newSheet(b.f, b.st, name, true)
	if err != nil {
		return err
	}
	st, lang, ev := b.st, b.lang, b.ev
	dims := ev.Framework.Dimensions
	s.add(s.txt(msg(lang, "sum.title")+" · "+ev.Name, st.title))
	s.skip(1)
	facts := [][2]string{
		{msg(lang, "sum.evaluation"), ev.Name},
		{msg(lang, "sum.client"), ev.Client},
		{msg(lang, "sum.date"), b.opt.Generated.Format("2006-01-02")},
		{msg(lang, "sum.profile"), b.res.Profile},
		{msg(lang, "sum.method"), b.methodName()},
		{msg(lang, "sum.consensus"), present.ConsensusName(b.opt.Rule, lang)},
	}
	for _, kv := range facts {
		s.add(s.txt(kv[0], st.bold), s.txt(kv[1], st.fact))
	}
	s.skip(1)
	s.add(s.txt(msg(lang, "sum.ranking"), st.subtitle))
	head := []any{s.txt(msg(lang, "sum.rank"), st.header), s.txt(msg(lang, "sum.vendor"), st.header),
		s.txt(msg(lang, "sum.total"), st.header), s.txt(msg(lang, "sum.lead"), st.header)}
	for _, d := range dims {
		head = append(head, s.txt(d.Name.In(lang), st.headerWrap))
	}
	head = append(head, s.txt(msg(lang, "sum.status"), st.header), s.txt(msg(lang, "sum.price"), st.headerWrap))
	headRow := s.addTall(30, head...)
	first := headRow + 1
	vs := b.res.Vendors
	for i, v := range vs {
		rank := s.txt("✗", st.badCenter)
		lead := num(math.NaN(), st.num2)
		if !v.Excluded {
			rank = num(float64(v.Rank), st.rank)
			if i+1 < len(vs) && !vs[i+1].Excluded {
				lead = num(v.Total-vs[i+1].Total, st.num2)
			}
		}
		row := []any{rank, s.txt(v.Name.In(lang), st.text), num(v.Total, st.num2), lead}
		for d := range dims {
			row = append(row, num(v.Contributions[d], st.num2))
		}
		status, style := b.status(&v)
		row = append(row, s.txt(status, style))
		if p := ev.Vendors[v.Vendor].Price; p > 0 {
			row = append(row, num(p, st.price))
		} else {
			row = append(row, s.txt(msg(lang, "sum.no_price"), st.text))
		}
		s.add(row...)
	}
	last := first + len(vs) - 1
	statusCol := 5 + len(dims)
	s.capWidth(statusCol, 48)
	s.capWidth(statusCol+1, 16)
	for d := range dims {
		s.capWidth(5+d, 12)
	}

	s.skip(1)
	s.add(s.txt(msg(lang, "sum.robustness"), st.subtitle))
	sentence := present.Robustness(b.p, b.be, b.smaa).In(lang)
	sr := s.addTall(48, s.txt(sentence, st.para))
	s.merge(ref(1, sr), ref(statusCol+1, sr))

	s.skip(1)
	s.add(s.txt(msg(lang, "sum.keybe"), st.subtitle))
	s.add(s.txt(msg(lang, "sum.dimension"), st.header), s.txt(msg(lang, "s.current"), st.header),
		s.txt(msg(lang, "s.below"), st.header), s.txt(msg(lang, "s.below_l"), st.header),
		s.txt(msg(lang, "s.above"), st.header), s.txt(msg(lang, "s.above_l"), st.header))
	for _, be := range b.be.BreakEvens {
		if be.Param.Kind != model.ParamDimension {
			continue
		}
		row := []any{s.txt(dims[be.Param.Index].Name.In(lang), st.text), num(be.Param.Current, st.pct1)}
		row = append(row, b.changeCells(s, be.Below)...)
		row = append(row, b.changeCells(s, be.Above)...)
		s.add(row...)
	}

	b.sizing(s) // summary_sizing.go: P and the scenario that sets it

	// Dimension scores of the top vendors, the radar's data.
	var top []model.VendorResult
	for _, v := range vs {
		if !v.Excluded && len(top) < 3 {
			top = append(top, v)
		}
	}
	s.skip(1)
	s.add(s.txt(msg(lang, "sum.dimscores"), st.subtitle))
	th := []any{s.txt(msg(lang, "sum.dimension"), st.header)}
	for _, v := range top {
		th = append(th, s.txt(v.Name.In(lang), st.header))
	}
	radarHead := s.add(th...)
	for d, dim := range dims {
		row := []any{s.txt(dim.Name.In(lang), st.text)}
		for _, v := range top {
			row = append(row, num(v.DimensionScores[d], st.num2))
		}
		s.add(row...)
	}
	radarLast := radarHead + len(dims)

	s.skip(1)
	chartRow := s.next()
	s.then(func() error {
		if len(vs) == 0 {
			return nil
		}
		cats := rangeRef(name, 2, first, 2, last)
		if err := b.f.AddChart(name, ref(1, chartRow), barChart(msg(lang, "sum.chart_total"), lang, []series{
			{name: quoteSheet(name) + "!" + absRef(3, headRow), cats: cats, vals: rangeRef(name, 3, first, 3, last)},
		})); err != nil {
			return err
		}
		var contrib []series
		for d := range dims {
			contrib = append(contrib, series{name: quoteSheet(name) + "!" + absRef(5+d, headRow), cats: cats,
				vals: rangeRef(name, 5+d, first, 5+d, last)})
		}
		if err := b.f.AddChart(name, ref(1, chartRow+chartRows), stackedChart(msg(lang, "sum.chart_contr"), lang, contrib)); err != nil {
			return err
		}
		if len(top) == 0 {
			return nil
		}
		var radar []series
		for i := range top {
			radar = append(radar, series{name: quoteSheet(name) + "!" + absRef(2+i, radarHead),
				cats: rangeRef(name, 1, radarHead+1, 1, radarLast), vals: rangeRef(name, 2+i, radarHead+1, 2+i, radarLast)})
		}
		return b.f.AddChart(name, ref(1, chartRow+2*chartRows), radarChart(msg(lang, "sum.chart_radar"), lang, radar))
	})
	s.then(func() error { return b.printSetup(name, true, 0) })
	return s.write()
}

// status is a vendor's knock-out line: "pass", or the failed gates with the values compared, and
// the criteria nobody scored.
func (b *book) status(v *model.VendorResult) (string, int) {
	lang := b.lang
	var parts []string
	if v.Excluded {
		parts = append(parts, msg(lang, "sum.excluded")+present.KnockOutReasons(b.ev, v.FailedKnockOuts, lang))
	}
	if v.Incomplete {
		var names []string
		for _, c := range v.Missing {
			names = append(names, b.ev.Framework.Criteria[c].Name.In(lang))
		}
		parts = append(parts, msg(lang, "sum.incomplete")+strings.Join(names, ", "))
	}
	if len(parts) == 0 {
		return msg(lang, "sum.pass"), b.st.good
	}
	if v.Excluded {
		return strings.Join(parts, " | "), b.st.bad
	}
	return strings.Join(parts, " | "), b.st.warn
}

// changeCells are a break-even weight and the vendor leading beyond it, or dashes.
func (b *book) changeCells(s *sheet, c *model.LeaderChange) []any {
	if c == nil {
		return []any{s.txt(msg(b.lang, "s.none"), b.st.center), s.txt("", b.st.text)}
	}
	return []any{num(c.Weight, b.st.pct1), s.txt(b.vendorName(c.Leader), b.st.text)}
}

// trim prints a number without trailing zeros (99.8, 1000, 4.5).
func trim(x float64) string { return present.Number(x) }
