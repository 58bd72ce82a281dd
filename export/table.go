package export

import (
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"ccselect/internal/termtext"
)

// TextTable writes aligned plain-text tables. Widths are measured in terminal cells, so a
// column of Chinese vendor names lines up with a column of Latin ones.
type TextTable struct {
	Header []string
	Rows   [][]string
	// Right marks columns aligned to the right (numbers).
	Right map[int]bool
}

// Add appends a row.
func (t *TextTable) Add(cells ...string) { t.Rows = append(t.Rows, cells) }

// Write renders the table with two spaces between columns and no trailing spaces. Control
// characters in cells are printed as spaces (see termtext.Clean).
func (t *TextTable) Write(w io.Writer) error {
	widths := make([]int, len(t.Header))
	all := make([][]string, 0, 1+len(t.Rows))
	for _, row := range append([][]string{t.Header}, t.Rows...) {
		clean := make([]string, len(row))
		for i, c := range row {
			clean[i] = termtext.Clean(c)
		}
		all = append(all, clean)
	}
	for _, row := range all {
		for i, c := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	var b strings.Builder
	for _, row := range all {
		var line strings.Builder
		for i, c := range row {
			if i > 0 {
				line.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-ansi.StringWidth(c))
			if t.Right[i] {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
