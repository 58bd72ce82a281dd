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
	all := make([][]string, 0, 1+len(t.Rows))
	for _, row := range append([][]string{t.Header}, t.Rows...) {
		clean := make([]string, len(row))
		for i, c := range row {
			clean[i] = termtext.Clean(c)
		}
		all = append(all, clean)
	}
	var natural []int
	for _, row := range all {
		natural = growWidths(natural, row)
	}
	widths := fitWidths(natural, t.Right, t.Width)
	var b strings.Builder
	for _, row := range all {
		writeRow(&b, row, widths, t.Right)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// growWidths widens natural to hold every (already cleaned) cell of row.
func growWidths(natural []int, row []string) []int {
	for i, c := range row {
		if i >= len(natural) {
			natural = append(natural, 0)
		}
		natural[i] = max(natural[i], ansi.StringWidth(c))
	}
	return natural
}

// fitWidths narrows the text (left-aligned) columns until a line fits width: always the widest
// one by a cell, so that long columns give way before short ones, and none below minCell (or its
// natural width). Numbers keep their width; a table that still does not fit is printed wider.
func fitWidths(natural []int, right map[int]bool, width int) []int {
	widths := append([]int(nil), natural...)
	if width <= 0 || len(widths) == 0 {
		return widths
	}
	total := 2 * (len(widths) - 1)
	for _, x := range widths {
		total += x
	}
	for total > width {
		widest := -1
		for i, x := range widths {
			if !right[i] && x > minCell && (widest < 0 || x > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			break
		}
		widths[widest]--
		total--
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
