package xlsx

import (
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"ccselect/internal/termtext"
)

// sheet buffers one worksheet's rows and writes them through excelize's stream writer: that is
// the only way to store a formula together with its computed value, and it keeps memory flat for
// large evaluations. Column widths are only known once every row is in, and the stream writer
// wants them before the first row, hence the buffer. Sheet-level settings (conditional formats,
// validations, charts, protection, page setup) are applied by `before`, which runs after the
// stream writer exists and before Flush: excelize writes them into the streamed sheet then, and
// drops anything set after Flush.
type sheet struct {
	f      *excelize.File
	st     *styles
	name   string
	rows   []sheetRow
	widths []float64 // in Excel character units
	maxW   []float64 // optional caps per column
	fixedW map[int]float64
	panes  *excelize.Panes
	merges [][2]string
	hidden []int // 1-based columns to hide
	before []func() error
}

type sheetRow struct {
	n      int // 1-based row number
	cells  []any
	height float64
}

func newSheet(f *excelize.File, st *styles, name string, first bool) (*sheet, error) {
	if first {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	// The sheet properties are written when the stream starts, so fit-to-page is set here:
	// every sheet prints fitted to the page width (see printSetup).
	yes := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return nil, err
	}
	return &sheet{f: f, st: st, name: name, fixedW: map[int]float64{}}, nil
}

// next is the number of the row the next add writes.
func (s *sheet) next() int {
	if len(s.rows) == 0 {
		return 1
	}
	return s.rows[len(s.rows)-1].n + 1
}

// add appends a row at the next row number and returns that number.
func (s *sheet) add(cells ...any) int { return s.addAt(s.next(), 0, cells...) }

// skip leaves n empty rows.
func (s *sheet) skip(n int) { s.addAt(s.next()+n-1, 0) }

// addTall appends a row of the given height in points.
func (s *sheet) addTall(height float64, cells ...any) int { return s.addAt(s.next(), height, cells...) }

func (s *sheet) addAt(n int, height float64, cells ...any) int {
	s.rows = append(s.rows, sheetRow{n: n, cells: cells, height: height})
	for i, c := range cells {
		s.measure(i, c)
	}
	return n
}

// measure widens column i for a cell: text by its display width in terminal cells (a Chinese
// character is two, as in Excel's column unit, which is the width of one "0"), numbers by the
// width of their usual formatting.
func (s *sheet) measure(i int, c any) {
	for len(s.widths) <= i {
		s.widths = append(s.widths, 0)
	}
	if v, ok := c.(excelize.Cell); ok {
		if v.StyleID == s.st.title || v.StyleID == s.st.subtitle || v.StyleID == s.st.muted || v.StyleID == s.st.fact || v.StyleID == s.st.para {
			return // titles, notes and the facts beside labels run over empty neighbours; they must not widen a column
		}
		c = v.Value
	}
	w := 0.0
	switch v := c.(type) {
	case nil:
		return
	case string:
		w = textWidth(v)
	default:
		w = 9
	}
	s.widths[i] = math.Max(s.widths[i], w)
}

// textWidth is the widest line of s in display cells.
func textWidth(s string) float64 {
	w := 0
	for _, line := range strings.Split(s, "\n") {
		w = max(w, termtext.Width(line))
	}
	return float64(w)
}

// width fixes column col (1-based) to w units whatever its content.
func (s *sheet) width(col int, w float64) { s.fixedW[col] = w }

// capWidth limits how wide column col (1-based) may grow (long notes wrap instead).
func (s *sheet) capWidth(col int, w float64) {
	for len(s.maxW) < col {
		s.maxW = append(s.maxW, 0)
	}
	s.maxW[col-1] = w
}

func (s *sheet) merge(from, to string) { s.merges = append(s.merges, [2]string{from, to}) }

func (s *sheet) then(fn func() error) { s.before = append(s.before, fn) }

// write streams the buffered rows, applies the sheet settings and flushes.
func (s *sheet) write() error {
	sw, err := s.f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	for i, w := range s.widths {
		col := i + 1
		w = math.Min(math.Max(w+2, 6), 60)
		if col <= len(s.maxW) && s.maxW[col-1] > 0 {
			w = math.Min(w, s.maxW[col-1])
		}
		if fw, ok := s.fixedW[col]; ok {
			w = fw
		}
		if err := sw.SetColWidth(col, col, w); err != nil {
			return err
		}
	}
	for col, w := range s.fixedW {
		if col > len(s.widths) {
			if err := sw.SetColWidth(col, col, w); err != nil {
				return err
			}
		}
	}
	for _, c := range s.hidden {
		if err := sw.SetColVisible(c, c, false); err != nil {
			return err
		}
	}
	if s.panes != nil {
		if err := sw.SetPanes(s.panes); err != nil {
			return err
		}
	}
	for _, r := range s.rows {
		cell, _ := excelize.CoordinatesToCellName(1, r.n)
		var opts []excelize.RowOpts
		if r.height > 0 {
			opts = append(opts, excelize.RowOpts{Height: r.height})
		}
		if err := sw.SetRow(cell, r.cells, opts...); err != nil {
			return err
		}
	}
	for _, m := range s.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	for _, fn := range s.before {
		if err := fn(); err != nil {
			return err
		}
	}
	s.rows = nil // the stream holds them now
	return sw.Flush()
}

// txt is a text cell. Text that a spreadsheet would read as a formula (=, +, -, @, tab, CR at
// the start: a vendor typed as "=HYPERLINK(…)") is stored as an inline string, as all text is
// here, and gets the quote-prefix flag so that editing it in Excel keeps it text.
func (s *sheet) txt(v string, style int) excelize.Cell {
	if risky(v) {
		style = s.st.quotedOf(style)
	}
	return excelize.Cell{Value: v, StyleID: style}
}

func risky(v string) bool { return v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) }

// num is a number cell; NaN (no value) leaves the cell empty but styled.
func num(v float64, style int) excelize.Cell {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{Value: v, StyleID: style}
}

// formula is a live formula with the value the engine computed, so viewers that do not
// recalculate still show the number.
func formula(f string, cached float64, style int) excelize.Cell {
	return excelize.Cell{Formula: f, Value: cached, StyleID: style}
}

// ref is the A1 reference of (col, row), both 1-based.
func ref(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// absRef is the $A$1 reference.
func absRef(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row, true)
	return c
}

// colName is the letters of a 1-based column.
func colName(col int) string {
	c, _ := excelize.ColumnNumberToName(col)
	return c
}

// quoteSheet quotes a sheet name for use in a formula or a chart range.
func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// rangeRef is 'Sheet'!$A$1:$B$2.
func rangeRef(sheet string, c1, r1, c2, r2 int) string {
	return quoteSheet(sheet) + "!" + absRef(c1, r1) + ":" + absRef(c2, r2)
}
