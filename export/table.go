package export

import (
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"ccselect/internal/termtext"
)

// DefaultWidth is the width tables are fitted to when the output is not a terminal (a pipe or a
// file): wide enough for the ranking of the sample, narrow enough for an e-mail or a chat.
const DefaultWidth = 100

// minCell is the narrowest a text column is squeezed to: narrower, a wrapped name becomes a
// column of single characters.
const minCell = 8

// TextTable writes aligned plain-text tables. Widths are measured in terminal cells, so a
// column of Chinese vendor names lines up with a column of Latin ones.
type TextTable struct {
	Header []string
	Rows   [][]string
	// Right marks columns aligned to the right (numbers). They are never wrapped.
	Right map[int]bool
	// Width, when above zero, is the most cells a line may take: the text columns are narrowed,
	// widest first, and their cells wrap onto more lines. Zero prints every cell on one line.
	Width int
}

// Add appends a row.
func (t *TextTable) Add(cells ...string) { t.Rows = append(t.Rows, cells) }

// Write renders the table with two spaces between columns and no trailing spaces. Control
// characters in cells are printed as spaces (see termtext.Clean).
func (t *TextTable) Write(w io.Writer) error {
	all := t.cleanRows()
	var cs colStats
	for k, row := range all {
		cs.add(row, k == 0)
	}
	widths := cs.fit(t.Right, t.Width)
	// A column narrowed below its widest cell wraps at words and seldom fills its width: make it
	// as wide as its widest wrapped line, so the slack does not show as a gap.
	for i := range widths {
		if widths[i] >= cs.natural[i] {
			continue
		}
		used := 1
		for _, row := range all {
			if i < len(row) {
				for _, l := range strings.Split(ansi.Wrap(row[i], widths[i], ""), "\n") {
					used = max(used, ansi.StringWidth(strings.TrimRight(l, " ")))
				}
			}
		}
		widths[i] = min(widths[i], used)
	}
	// The slack this frees goes back to narrowed columns that it lets fit on one line, the
	// nearest to fitting first.
	if t.Width > 0 {
		slack := t.Width - 2*max(0, len(widths)-1)
		for _, x := range widths {
			slack -= x
		}
		for slack > 0 {
			best := -1
			for i := range widths {
				if d := cs.natural[i] - widths[i]; d > 0 && d <= slack && (best < 0 || d < cs.natural[best]-widths[best]) {
					best = i
				}
			}
			if best < 0 {
				break
			}
			slack -= cs.natural[best] - widths[best]
			widths[best] = cs.natural[best]
		}
	}
	var b strings.Builder
	for _, row := range all {
		writeRow(&b, row, widths, t.Right)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cleanRows is the header and the rows with control characters made spaces.
func (t *TextTable) cleanRows() [][]string {
	all := make([][]string, 0, 1+len(t.Rows))
	for _, row := range append([][]string{t.Header}, t.Rows...) {
		clean := make([]string, len(row))
		for i, c := range row {
			clean[i] = termtext.Clean(c)
		}
		all = append(all, clean)
	}
	return all
}

// colStats measures a table's columns, in terminal cells: the widest cell, the widest data
// (non-header) cell and the longest word. Rows can be added one at a time, so a streamed table
// is measured without being held.
type colStats struct {
	natural, data, word []int
}

func (s *colStats) add(row []string, header bool) {
	for len(s.natural) < len(row) {
		s.natural, s.data, s.word = append(s.natural, 0), append(s.data, 0), append(s.word, 0)
	}
	for i, c := range row {
		cw := ansi.StringWidth(c)
		s.natural[i] = max(s.natural[i], cw)
		if !header {
			s.data[i] = max(s.data[i], cw)
		}
		for _, word := range strings.Fields(c) {
			s.word[i] = max(s.word[i], ansi.StringWidth(word))
		}
	}
}

// width is the table's width printed without fitting.
func (s *colStats) width() int {
	total := 2 * max(0, len(s.natural)-1)
	for _, x := range s.natural {
		total += x
	}
	return total
}

// FitsUnbroken reports whether t fits width with no word broken across lines (see fit).
func (t *TextTable) FitsUnbroken(width int) bool {
	var cs colStats
	for k, row := range t.cleanRows() {
		cs.add(row, k == 0)
	}
	soft, _ := cs.floors(t.Right)
	total := 2 * max(0, len(soft)-1)
	for _, x := range soft {
		total += x
	}
	return total <= width
}

// floors are the narrowest each column may be made without breaking a word (soft) and at all
// (hard).
func (s *colStats) floors(right map[int]bool) (soft, hard []int) {
	soft = make([]int, len(s.natural))
	hard = make([]int, len(s.natural))
	for i, n := range s.natural {
		if right[i] {
			hard[i] = max(1, s.data[i])
			soft[i] = max(hard[i], s.word[i])
		} else {
			hard[i] = min(n, minCell)
			soft[i] = min(n, max(minCell, s.word[i]))
		}
	}
	return soft, hard
}

// fit narrows columns until a line fits width, always the widest narrowable column by a cell,
// so long columns give way before short ones. First no word is broken: a text column keeps
// its longest word (and at least minCell), a number column its widest number and the longest
// word of its header. If that is not enough, words break: text columns down to minCell, number
// columns down to their widest number (the header wraps). A table that still does not fit is
// printed wider than width.
func (s *colStats) fit(right map[int]bool, width int) []int {
	widths := append([]int(nil), s.natural...)
	if width <= 0 || len(widths) == 0 {
		return widths
	}
	total := s.width()
	soft, hard := s.floors(right)
	for _, floor := range [][]int{soft, hard} {
		for total > width {
			widest := -1
			for i, x := range widths {
				if x > floor[i] && (widest < 0 || x > widths[widest]) {
					widest = i
				}
			}
			if widest < 0 {
				break
			}
			widths[widest]--
			total--
		}
	}
	return widths
}

// writeRow writes one row, each cell wrapped within its column's width (a cell wider than its
// column takes more lines), padded in cells, without trailing spaces.
func writeRow(b *strings.Builder, row []string, widths []int, right map[int]bool) {
	lines := make([][]string, len(row))
	height := 1
	for i, c := range row {
		if i < len(widths) && ansi.StringWidth(c) > widths[i] {
			lines[i] = strings.Split(ansi.Wrap(c, widths[i], ""), "\n")
		} else {
			lines[i] = []string{c}
		}
		height = max(height, len(lines[i]))
	}
	for k := range height {
		var line strings.Builder
		for i := range row {
			if i > 0 {
				line.WriteString("  ")
			}
			c := ""
			if k < len(lines[i]) {
				c = strings.TrimRight(lines[i][k], " ")
			}
			pad := strings.Repeat(" ", max(0, widths[i]-ansi.StringWidth(c)))
			if right[i] {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
}

// Ellipsize shortens s to at most width terminal cells, ending it with "…" when cut (CJK
// characters count two cells). A width of zero or less leaves s as it is.
func Ellipsize(s string, width int) string {
	if width <= 0 || ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}
