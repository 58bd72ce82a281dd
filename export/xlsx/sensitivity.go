package xlsx

import (
	"strconv"

	"ccselect/internal/present"
	"ccselect/model"
)

// chartRows is how many rows a chart takes below its table: chartH pixels at the 17 px of a
// LibreOffice default row (Excel's are 20), with room to spare so charts never overlap.
const chartRows = 20

// sensitivity shows the exact weight analyses of the engine (break-even weights, tornado, the
// sweep of the most sensitive weight) and, when run, the SMAA-2 rank acceptabilities, each as
// a table with a chart under it.
func (b *book) sensitivity() error {
	name := b.sheetName("sensitivity")
	s, err := newSheet(b.f, b.st, name, false)
	if err != nil {
		return err
	}
	st, lang, ev := b.st, b.lang, b.ev
	f := &ev.Framework
	s.add(s.txt(msg(lang, "s.title")+" · "+ev.Name+" · "+b.res.Profile, st.title))
	if b.be.Leader < 0 {
		s.add(s.txt(msg(lang, "s.no_leader"), st.text))
		s.then(func() error { return b.printSetup(name, false, 0) })
		return s.write()
	}
	s.add(s.txt(present.Robustness(b.p, b.be, b.smaa).In(lang), st.muted))
	paramName := func(w model.WeightParam) string {
		if w.Kind == model.ParamDimension {
			return f.Dimensions[w.Index].Name.In(lang)
		}
		return f.Criteria[w.Index].Name.In(lang)
	}

	// Break-even weights.
	s.skip(1)
	s.add(s.txt(msg(lang, "s.be"), st.subtitle))
	s.add(s.txt(msg(lang, "s.param"), st.header), s.txt(msg(lang, "s.level"), st.header), s.txt(msg(lang, "s.current"), st.header),
		s.txt(msg(lang, "s.below"), st.header), s.txt(msg(lang, "s.below_l"), st.header),
		s.txt(msg(lang, "s.above"), st.header), s.txt(msg(lang, "s.above_l"), st.header))
	for _, be := range b.be.BreakEvens {
		level, style := msg(lang, "w.crit"), st.text
		if be.Param.Kind == model.ParamDimension {
			level, style = msg(lang, "w.dim"), st.subText
		}
		row := []any{s.txt(paramName(be.Param), style), s.txt(level, style), num(be.Param.Current, st.pct1)}
		row = append(row, b.changeCells(s, be.Below)...)
		row = append(row, b.changeCells(s, be.Above)...)
		s.add(row...)
	}

	// Tornado.
	if len(b.tor.Bars) > 0 {
		s.skip(1)
		s.add(s.txt(msg(lang, "s.tornado"), st.subtitle))
		th := s.add(s.txt(msg(lang, "sum.dimension"), st.header), s.txt(msg(lang, "s.loww"), st.header),
			s.txt(msg(lang, "s.highw"), st.header), s.txt(msg(lang, "s.low"), st.header), s.txt(msg(lang, "s.high"), st.header),
			s.txt(msg(lang, "s.swing"), st.header))
		for _, bar := range b.tor.Bars {
			s.add(s.txt(paramName(bar.Param), st.text), num(bar.LowWeight, st.pct1), num(bar.HighWeight, st.pct1),
				num(bar.Low, st.num3), num(bar.High, st.num3), num(bar.Swing, st.num3))
		}
		tl := th + len(b.tor.Bars)
		at := s.next()
		s.skip(chartRows)
		s.then(func() error {
			cats := rangeRef(name, 1, th+1, 1, tl)
			return b.f.AddChart(name, ref(1, at), tornadoChart(msg(lang, "s.chart_tor"), lang, []series{
				{name: quoteSheet(name) + "!" + absRef(4, th), cats: cats, vals: rangeRef(name, 4, th+1, 4, tl)},
				{name: quoteSheet(name) + "!" + absRef(5, th), cats: cats, vals: rangeRef(name, 5, th+1, 5, tl)},
			}))
		})
	}

	// SMAA-2.
	s.skip(1)
	if b.smaa == nil {
		s.add(s.txt(msg(lang, "s.no_smaa"), st.text))
	} else {
		sm := b.smaa
		s.add(s.txt(msgf(lang, "s.smaa", present.Count(sm.Samples), sm.Seed), st.subtitle))
		head := []any{s.txt(msg(lang, "sum.vendor"), st.header)}
		for r := range sm.Vendors {
			head = append(head, s.txt(msgf(lang, "s.rank_n", r+1), st.header))
		}
		head = append(head, s.txt(msg(lang, "s.confidence"), st.header))
		sh := s.add(head...)
		// Vendors in ranking order, as on the Summary.
		n := 0
		for _, v := range b.res.Vendors {
			i := sm.Index(v.ID)
			if i < 0 {
				continue
			}
			row := []any{s.txt(v.Name.In(lang), st.text)}
			for _, x := range sm.Acceptability[i] {
				row = append(row, num(x, st.pct1))
			}
			row = append(row, num(sm.Confidence[i], st.pct1))
			s.add(row...)
			n++
		}
		sl := sh + n
		at := s.next()
		s.skip(chartRows)
		s.then(func() error {
			return b.f.AddChart(name, ref(1, at), percentStackedChart(msg(lang, "s.chart_smaa"), lang, columnSeries(name, sh, sl, len(sm.Vendors))))
		})
	}

	// Sweep of the most sensitive weight: the dimension with the largest tornado swing.
	var param *model.WeightParam
	if len(b.tor.Bars) > 0 {
		param = &b.tor.Bars[0].Param
	} else if ps := model.WeightParams(b.p); len(ps) > 0 {
		param = &ps[0]
	}
	if param != nil {
		sweep := model.SweepWeight(b.p, *param)
		const steps = 20
		pts := sweep.Sample(steps)
		s.skip(1)
		s.add(s.txt(msgf(lang, "s.sweep", paramName(*param), param.Current*100), st.subtitle))
		head := []any{s.txt(msg(lang, "s.weight"), st.header)}
		for _, v := range sweep.Vendors {
			head = append(head, s.txt(b.vendorName(v), st.header))
		}
		wh := s.add(head...)
		for k, row := range pts {
			// Text labels: chart category axes ignore the cells' percent format.
			cells := []any{s.txt(strconv.Itoa(k*100/steps)+"%", st.text)}
			for _, x := range row {
				cells = append(cells, num(x, st.num3))
			}
			s.add(cells...)
		}
		wl := wh + len(pts)
		at := s.next()
		s.skip(chartRows)
		s.then(func() error {
			return b.f.AddChart(name, ref(1, at), lineChart(msg(lang, "s.chart_sweep"), lang, columnSeries(name, wh, wl, len(sweep.Vendors))))
		})
	}
	s.capWidth(1, 36)
	s.then(func() error { return b.printSetup(name, false, 0) })
	return s.write()
}

// columnSeries are the chart series of a table on sheet name whose header is row head and whose
// data rows run to row last: column 1 holds the categories, columns 2 … n+1 one vendor each,
// named by its header cell.
func columnSeries(name string, head, last, n int) []series {
	ss := make([]series, n)
	for i := range ss {
		ss[i] = series{name: quoteSheet(name) + "!" + absRef(2+i, head), cats: rangeRef(name, 1, head+1, 1, last),
			vals: rangeRef(name, 2+i, head+1, 2+i, last)}
	}
	return ss
}
