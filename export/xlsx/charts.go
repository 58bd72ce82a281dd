package xlsx

import (
	"github.com/xuri/excelize/v2"

	"ccselect/model"
)

// series is one chart series: its name cell and its category and value ranges.
type series struct{ name, cats, vals string }

const chartW, chartH = 640, 340 // pixels: about 17 rows of default height

func chartBase(t excelize.ChartType, title string, lang model.Lang, ss []series) *excelize.Chart {
	c := &excelize.Chart{
		Type:      t,
		Dimension: excelize.ChartDimension{Width: chartW, Height: chartH},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Family: fontName(lang), Size: 12, Bold: true}}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Format:    excelize.GraphicOptions{OffsetX: 4, OffsetY: 4},
		XAxis:     excelize.ChartAxis{Font: excelize.Font{Family: fontName(lang), Size: 9, Color: "404040"}},
		YAxis:     excelize.ChartAxis{Font: excelize.Font{Family: fontName(lang), Size: 9, Color: "404040"}, MajorGridLines: true},
	}
	for _, s := range ss {
		c.Series = append(c.Series, excelize.ChartSeries{Name: s.name, Categories: s.cats, Values: s.vals})
	}
	return c
}

// barChart is a clustered column chart (one column per category and series).
func barChart(title string, lang model.Lang, ss []series) *excelize.Chart {
	c := chartBase(excelize.Col, title, lang, ss)
	if len(ss) == 1 {
		c.Legend.Position = "none"
		c.PlotArea.ShowVal = true
	}
	min, max := 1.0, 5.0 // totals are on the 1–5 scale
	c.YAxis.Minimum, c.YAxis.Maximum = &min, &max
	return c
}

// stackedChart stacks the series (dimension contributions add up to the total).
func stackedChart(title string, lang model.Lang, ss []series) *excelize.Chart {
	return chartBase(excelize.ColStacked, title, lang, ss)
}

// percentStackedChart stacks shares to 100% (rank acceptabilities), as horizontal bars.
func percentStackedChart(title string, lang model.Lang, ss []series) *excelize.Chart {
	c := chartBase(excelize.BarPercentStacked, title, lang, ss)
	c.XAxis.ReverseOrder = true // first vendor on top, as in the table
	return c
}

func radarChart(title string, lang model.Lang, ss []series) *excelize.Chart {
	c := chartBase(excelize.Radar, title, lang, ss)
	min, max := 0.0, 5.0
	c.YAxis.Minimum, c.YAxis.Maximum = &min, &max
	return c
}

// tornadoChart is horizontal bars of the leader's margin at ×0.5 and ×1.5, largest swing on top.
func tornadoChart(title string, lang model.Lang, ss []series) *excelize.Chart {
	c := chartBase(excelize.Bar, title, lang, ss)
	c.XAxis.ReverseOrder = true
	c.XAxis.TickLabelPosition = excelize.ChartTickLabelLow // names at the edge, not across the bars at 0
	return c
}

func lineChart(title string, lang model.Lang, ss []series) *excelize.Chart {
	c := chartBase(excelize.Line, title, lang, ss)
	for i := range c.Series {
		c.Series[i].Marker = excelize.ChartMarker{Symbol: "none"}
	}
	return c
}
