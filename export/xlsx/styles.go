package xlsx

import (
	"github.com/xuri/excelize/v2"

	"ccselect/model"
)

// styles is the one style sheet every sheet of a workbook shares: a few roles (title, header,
// number formats, highlights) instead of ad-hoc styles per cell, so sheets look alike.
type styles struct {
	f                                          *excelize.File
	title, subtitle, header, headerWrap        int
	headerRight, para, center, rank, badCenter int
	text, wrap, bold, muted, fact              int
	num2, num3, pct1, int0, price              int
	subText, subNum2, subPct1, totalText       int
	totalNum2                                  int
	good, bad, warn, warnNum                   int
	input, inputNum, locked, lockedGrey, dim   int
	quoted                                     map[int]int
}

const (
	colHeader = "1F4E79" // dark blue header band
	colSub    = "DDEBF7" // light blue subtotal rows
	colTotal  = "BDD7EE"
	colGood   = "E2EFDA"
	colBad    = "F8CBAD"
	colWarn   = "FFE699"
	colGrey   = "EDEDED"
)

// fontName picks a face that Excel and WPS have on a Chinese or a Western desktop; LibreOffice
// substitutes through fontconfig (Noto CJK for Han characters).
func fontName(lang model.Lang) string {
	if lang == model.LangZh {
		return "DengXian"
	}
	return "Calibri"
}

func newStyles(f *excelize.File, lang model.Lang) (*styles, error) {
	s := &styles{f: f, quoted: map[int]int{}}
	face := fontName(lang)
	font := func(bold bool, size float64, color string) *excelize.Font {
		return &excelize.Font{Family: face, Bold: bold, Size: size, Color: color}
	}
	fill := func(c string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}
	}
	thin := []excelize.Border{{Type: "bottom", Color: "BFBFBF", Style: 1}}
	top := &excelize.Alignment{Vertical: "top"}
	wrapTop := &excelize.Alignment{Vertical: "top", WrapText: true}
	numFmt := func(f string) *string { return &f }
	unlocked := &excelize.Protection{Locked: false}
	defs := []struct {
		dst *int
		st  excelize.Style
	}{
		{&s.title, excelize.Style{Font: font(true, 14, colHeader)}},
		{&s.subtitle, excelize.Style{Font: font(true, 11, colHeader)}},
		{&s.header, excelize.Style{Font: font(true, 10, "FFFFFF"), Fill: fill(colHeader),
			Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&s.headerWrap, excelize.Style{Font: font(true, 10, "FFFFFF"), Fill: fill(colHeader),
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&s.headerRight, excelize.Style{Font: font(true, 10, "FFFFFF"), Fill: fill(colHeader),
			Alignment: &excelize.Alignment{Vertical: "center", Horizontal: "right"}}},
		{&s.para, excelize.Style{Font: font(false, 10, ""), Alignment: wrapTop}},
		{&s.center, excelize.Style{Font: font(false, 10, ""), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}, Border: thin}},
		{&s.rank, excelize.Style{Font: font(true, 10, ""), CustomNumFmt: numFmt("0"), Border: thin,
			Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}}},
		{&s.badCenter, excelize.Style{Font: font(true, 10, "9C0006"), Fill: fill(colBad), Border: thin,
			Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}}},
		{&s.text, excelize.Style{Font: font(false, 10, ""), Alignment: top, Border: thin}},
		{&s.wrap, excelize.Style{Font: font(false, 10, ""), Alignment: wrapTop, Border: thin}},
		{&s.bold, excelize.Style{Font: font(true, 10, ""), Alignment: top}},
		{&s.fact, excelize.Style{Font: font(false, 10, ""), Alignment: top}},
		{&s.muted, excelize.Style{Font: font(false, 9, "595959"), Alignment: &excelize.Alignment{Vertical: "top", WrapText: false}}},
		{&s.num2, excelize.Style{Font: font(false, 10, ""), CustomNumFmt: numFmt("0.00"), Alignment: top, Border: thin}},
		{&s.num3, excelize.Style{Font: font(false, 10, ""), CustomNumFmt: numFmt("0.000"), Alignment: top, Border: thin}},
		{&s.pct1, excelize.Style{Font: font(false, 10, ""), CustomNumFmt: numFmt("0.0%"), Alignment: top, Border: thin}},
		{&s.int0, excelize.Style{Font: font(false, 10, ""), CustomNumFmt: numFmt("0"), Alignment: top, Border: thin}},
		{&s.price, excelize.Style{Font: font(false, 10, ""), CustomNumFmt: numFmt("#,##0"), Alignment: top, Border: thin}},
		{&s.subText, excelize.Style{Font: font(true, 10, ""), Fill: fill(colSub), Border: thin}},
		{&s.subNum2, excelize.Style{Font: font(true, 10, ""), Fill: fill(colSub), CustomNumFmt: numFmt("0.00"), Border: thin}},
		{&s.subPct1, excelize.Style{Font: font(true, 10, ""), Fill: fill(colSub), CustomNumFmt: numFmt("0.0%"), Border: thin,
			Protection: unlocked}},
		{&s.totalText, excelize.Style{Font: font(true, 11, ""), Fill: fill(colTotal)}},
		{&s.totalNum2, excelize.Style{Font: font(true, 11, ""), Fill: fill(colTotal), CustomNumFmt: numFmt("0.00")}},
		{&s.good, excelize.Style{Font: font(false, 10, "375623"), Fill: fill(colGood), Alignment: top, Border: thin}},
		{&s.bad, excelize.Style{Font: font(false, 10, "9C0006"), Fill: fill(colBad), Alignment: wrapTop, Border: thin}},
		{&s.warn, excelize.Style{Font: font(false, 10, ""), Fill: fill(colWarn), Alignment: top, Border: thin}},
		{&s.warnNum, excelize.Style{Font: font(true, 10, ""), Fill: fill(colWarn), CustomNumFmt: numFmt("0.00"), Alignment: top, Border: thin}},
		{&s.input, excelize.Style{Font: font(false, 10, ""), Alignment: wrapTop, Protection: unlocked,
			Border: []excelize.Border{{Type: "left", Color: "8EA9DB", Style: 1}, {Type: "right", Color: "8EA9DB", Style: 1},
				{Type: "top", Color: "8EA9DB", Style: 1}, {Type: "bottom", Color: "8EA9DB", Style: 1}}}},
		{&s.inputNum, excelize.Style{Font: font(true, 11, ""), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"},
			Protection: unlocked, CustomNumFmt: numFmt("General"),
			Border: []excelize.Border{{Type: "left", Color: "8EA9DB", Style: 1}, {Type: "right", Color: "8EA9DB", Style: 1},
				{Type: "top", Color: "8EA9DB", Style: 1}, {Type: "bottom", Color: "8EA9DB", Style: 1}}}},
		{&s.locked, excelize.Style{Font: font(false, 10, ""), Alignment: wrapTop, Border: thin, Protection: &excelize.Protection{Locked: true}}},
		{&s.lockedGrey, excelize.Style{Font: font(false, 10, "808080"), Fill: fill(colGrey), Alignment: top, Border: thin,
			Protection: &excelize.Protection{Locked: true}}},
		{&s.dim, excelize.Style{Font: font(false, 10, ""), CustomNumFmt: numFmt("0.0%"), Alignment: top, Border: thin,
			Protection: unlocked}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.st)
		if err != nil {
			return nil, err
		}
		*d.dst = id
	}
	return s, nil
}

// quotedOf returns a copy of style id with Excel's quotePrefix set: the cell shows its text as it
// is and, when someone edits it, Excel keeps it text instead of reading "=…" as a formula.
// excelize has no option for the flag, so the cell format record is copied and flagged here; if
// the style sheet is not loaded (never, after NewStyle) the plain style is returned — the cell is
// still an inline string, never a formula.
func (s *styles) quotedOf(id int) int {
	if q, ok := s.quoted[id]; ok {
		return q
	}
	st := s.f.Styles
	if st == nil || st.CellXfs == nil || id < 0 || id >= len(st.CellXfs.Xf) {
		return id
	}
	xf := st.CellXfs.Xf[id]
	yes := true
	xf.QuotePrefix = &yes
	st.CellXfs.Xf = append(st.CellXfs.Xf, xf)
	st.CellXfs.Count = len(st.CellXfs.Xf)
	q := len(st.CellXfs.Xf) - 1
	s.quoted[id] = q
	return q
}
