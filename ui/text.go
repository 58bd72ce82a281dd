package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"ccselect/internal/termtext"
)

// Everything on screen is measured in terminal cells, never in bytes or runes: a CJK character
// is two cells wide, and cutting one in half would shift every column after it. These helpers
// are the only place where text is truncated or padded.
//
// They are also where user and domain text becomes safe to show: fit, fitRight, fitCenter,
// truncate and wrap take plain text (never styled text: style what they return) and pass it
// through termtext.Clean, so a newline in a vendor's name cannot break a row and an escape
// sequence in it never reaches the terminal. Text that reaches the screen without one of them
// must go through clean.

const ellipsis = "…"

// width is the display width of s in cells: of plain text as the helpers below show it
// (cleaned), of styled text without its ANSI sequences.
func width(s string) int {
	if n, ok := fastWidth(s); ok {
		return n
	}
	return termtext.Width(s)
}

// clean makes plain text one line of printable characters (see termtext.Clean).
func clean(s string) string { return termtext.Clean(s) }

// fit returns s truncated (with an ellipsis, never splitting a wide character) and right-padded
// to exactly w cells.
func fit(s string, w int) string { return fitAlign(s, w, false) }

// fitRight is fit with the text aligned to the right edge (numbers).
func fitRight(s string, w int) string { return fitAlign(s, w, true) }

func fitAlign(s string, w int, right bool) string {
	if w <= 0 {
		return ""
	}
	s = cleanFit(s, w)
	sw := width(s)
	if sw > w {
		s = cut(s, w)
		sw = width(s)
	}
	if sw < w {
		if right {
			return strings.Repeat(" ", w-sw) + s
		}
		return s + strings.Repeat(" ", w-sw)
	}
	return s
}

// fitCenter centres s in w cells.
func fitCenter(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = cleanFit(s, w)
	sw := width(s)
	if sw >= w {
		return fit(s, w)
	}
	left := (w - sw) / 2
	return strings.Repeat(" ", left) + s + strings.Repeat(" ", w-sw-left)
}

// truncate shortens s to at most w cells with an ellipsis, without padding.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = cleanFit(s, w)
	if width(s) <= w {
		return s
	}
	return cut(s, w)
}

// cellsPrefix is the longest prefix of plain text s that is at most n cells wide (never
// splitting a grapheme), and its width. It walks only the prefix.
func cellsPrefix(s string, n int) (string, int) {
	i, used := 0, 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f && (i+1 == len(s) || s[i+1] < 0x80) {
			if used+1 > n {
				break
			}
			used++
			i++
			continue
		}
		cl, cw := ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth)
		if cl == "" || used+cw > n {
			break
		}
		used += cw
		i += len(cl)
	}
	return s[:i], used
}

// clipLimit is how many bytes of a text are enough to show n cells of it: every character of
// the screen's text is at least one cell per four bytes, except zero-width ones.
func clipLimit(n int) int { return 4*n + 64 }

// clip shortens s, before any cleaning or measuring, to a prefix that holds more than n
// cells, so that fitting a 1 MB name into a column costs the column, not the megabyte
// (issue 7 defect 9). more reports that text was left off.
func clip(s string, n int) (prefix string, more bool) {
	lim := clipLimit(n)
	if len(s) <= lim {
		return s, false
	}
	for lim > 0 && !utf8.RuneStart(s[lim]) {
		lim--
	}
	return s[:lim], true
}

// widthUpTo is width(s) when s is at most n cells wide, else some number above n, found
// without measuring all of s (column sizing asks how wide a name is, up to the widest column).
func widthUpTo(s string, n int) int {
	p, more := clip(s, n)
	w := width(p)
	if more {
		w = max(w, n+1)
	}
	return w
}

// cleanFit is s clipped and cleaned for showing in at most w cells, with an ellipsis
// guaranteed when text was left off.
func cleanFit(s string, w int) string {
	p, more := clip(s, w)
	p = clean(p)
	if more && width(p) <= w {
		// Mostly zero-width text: what fits, and the ellipsis that says there is more.
		head, _ := cellsPrefix(p, w-1)
		return head + ellipsis
	}
	return p
}

// cut shortens s to at most w cells with an ellipsis, never splitting a wide character, and
// never leaving a space before the ellipsis ("Panshi…", not "Panshi …").
func cut(s string, w int) string {
	t := ansi.Truncate(s, w, ellipsis)
	if body, ok := strings.CutSuffix(t, ellipsis); ok && strings.HasSuffix(body, " ") {
		return strings.TrimRight(body, " ") + ellipsis
	}
	return t
}

// padLine right-pads an already styled line to w cells, or truncates it when it is wider.
func padLine(s string, w int) string {
	sw := width(s)
	switch {
	case sw > w:
		s = ansi.Truncate(s, w, "")
		if d := w - width(s); d > 0 { // a wide character straddled the edge
			s += strings.Repeat(" ", d)
		}
		return s
	case sw < w:
		return s + strings.Repeat(" ", w-sw)
	}
	return s
}

// block makes lines into exactly h lines of exactly w cells: the shape every pane returns, so
// panes can be placed side by side and overlaid without measuring again.
func block(lines []string, w, h int) string {
	var b strings.Builder
	blank := strings.Repeat(" ", max(w, 0))
	for i := 0; i < h; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(lines) {
			b.WriteString(padLine(lines[i], w))
		} else {
			b.WriteString(blank)
		}
	}
	return b.String()
}

// wrap breaks plain text into lines of at most w cells. A newline starts a new line (a note
// keeps its paragraphs); other controls are cleaned. Breaks may fall at spaces and on either
// side of a wide (CJK) character, as Chinese text has no spaces; a Latin word longer than a
// line is cut. Closing punctuation (，。；) is kept off the start of a line.
func wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapPara(clean(para), w)...)
	}
	return out
}

func wrapPara(s string, w int) []string {
	var lines []string
	var cur []string // units of the current line
	lw := 0
	flush := func() {
		lines = append(lines, strings.TrimRight(strings.Join(cur, ""), " "))
		cur, lw = cur[:0], 0
	}
	for _, u := range glueComparisons(breakUnits(s)) {
		uw := width(u)
		if u == " " {
			if lw > 0 && lw < w {
				cur = append(cur, u)
				lw++
			}
			continue
		}
		if lw+uw > w && lw > 0 {
			// Closing punctuation may not start a line and opening punctuation may not end one
			// (the Chinese kinsoku rule): carry units down until neither happens, as long as
			// what is carried still fits on the next line.
			var carry []string
			carryW := 0
			for len(cur) > 1 {
				last := cur[len(cur)-1]
				first := u
				if len(carry) > 0 {
					first = carry[0]
				}
				if last == " " || !(isClosingPunct(first) || isOpeningPunct(last)) || carryW+width(last)+uw > w {
					break
				}
				carry = append([]string{last}, carry...)
				carryW += width(last)
				cur = cur[:len(cur)-1]
			}
			flush()
			cur = append(cur, carry...)
			lw = carryW
		}
		for uw > w-lw { // a word longer than the rest of a line
			head, headW := cellsPrefix(u, w-lw)
			if head == "" {
				if lw == 0 {
					break // a wide character in a one-cell column: let the caller clip it
				}
				flush()
				continue
			}
			cur = append(cur, head)
			flush()
			// Each piece walks only its own cells, so a 1 MB word costs one pass, not one
			// pass per line (issue 7 defect 9: the old Truncate/TruncateLeft loop was quadratic).
			u, uw = u[len(head):], uw-headW
		}
		cur = append(cur, u)
		lw += uw
	}
	if lw > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// breakUnits splits text into unbreakable pieces: a space, one wide character, or a run of
// narrow non-space characters (a Latin word or number).
func breakUnits(s string) []string {
	var units []string
	start := -1
	for i, r := range s {
		narrow := r < 0x1100 && r != ' '
		if narrow {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			units = append(units, s[start:i])
			start = -1
		}
		units = append(units, string(r))
	}
	if start >= 0 {
		units = append(units, s[start:])
	}
	return units
}

// glueComparisons joins a comparison and its operands into one unit ("800 < 1000",
// "≥ 30.5%"), so a line never ends on an operator or starts with the number it compares
// (issue 8 defect 6). The operands are the narrow runs next to the operator.
func glueComparisons(units []string) []string {
	isOp := func(u string) bool {
		switch u {
		case "<", ">", "≤", "≥", "=", "<=", ">=", "≠", "→":
			return true
		}
		return false
	}
	// operand: a number ("800", "99.9", "30.5%", "¥260"); a word next to an operator stays free
	// to break, so "security ≤ 25.9%" may still wrap before "≤".
	operand := func(u string) bool {
		if u == "" || u == " " || isOp(u) {
			return false
		}
		c := u[0]
		return c >= '0' && c <= '9' || (c == '-' || c == '+' || c == '.') && len(u) > 1
	}
	out := units[:0:0]
	for i := 0; i < len(units); i++ {
		u := units[i]
		if !isOp(u) {
			out = append(out, u)
			continue
		}
		glued := u
		// The operand before: the last unit out, through one space.
		if n := len(out); n >= 2 && out[n-1] == " " && operand(out[n-2]) {
			glued = out[n-2] + " " + glued
			out = out[:n-2]
		} else if n >= 1 && operand(out[n-1]) {
			glued = out[n-1] + glued
			out = out[:n-1]
		}
		// The operand after, through one space.
		if i+2 < len(units) && units[i+1] == " " && operand(units[i+2]) {
			glued += " " + units[i+2]
			i += 2
		} else if i+1 < len(units) && operand(units[i+1]) {
			glued += units[i+1]
			i++
		}
		out = append(out, glued)
	}
	return out
}

func isClosingPunct(u string) bool {
	return strings.Contains("，。；：、）」』】》！？,.;:)!?", u)
}

func isOpeningPunct(u string) bool {
	return u != "" && strings.Contains("（「『【《(", u)
}

// joinColumns places blocks side by side; each block must already be padded to its width
// (block does this) and have the same number of lines.
func joinColumns(blocks ...string) string {
	if len(blocks) == 1 {
		return blocks[0]
	}
	split := make([][]string, len(blocks))
	n := 0
	for i, b := range blocks {
		split[i] = strings.Split(b, "\n")
		n = max(n, len(split[i]))
	}
	var out strings.Builder
	for l := 0; l < n; l++ {
		if l > 0 {
			out.WriteByte('\n')
		}
		for _, s := range split {
			if l < len(s) {
				out.WriteString(s[l])
			}
		}
	}
	return out.String()
}

// overlay draws box over base with its top-left corner at cell (x, y). Both are multi-line
// strings; base lines are assumed to be full-width (as block makes them). A wide character cut
// by the box edge is replaced by spaces so the columns after it stay in place.
func overlay(base, box string, x, y int) string {
	lines := strings.Split(base, "\n")
	for i, bl := range strings.Split(box, "\n") {
		row := y + i
		if row < 0 || row >= len(lines) {
			continue
		}
		line := lines[row]
		total := width(line)
		bw := width(bl)
		left := ansi.Truncate(line, x, "")
		if d := x - width(left); d > 0 {
			left += strings.Repeat(" ", d)
		}
		right := ""
		if x+bw < total {
			right = ansi.TruncateLeft(line, x+bw, "")
			if want := total - x - bw; width(right) > want {
				right = " " + ansi.TruncateLeft(line, x+bw+1, "")
			}
		}
		lines[row] = left + "\x1b[m" + bl + "\x1b[m" + right
	}
	return strings.Join(lines, "\n")
}

// emptyState is what a pane shows when it has nothing to show: what to do next, the first
// paragraph plain and the others faint, wrapped to the width.
func emptyState(st *Styles, w, h int, paras ...string) string {
	lines := []string{""}
	for i, p := range paras {
		if i > 0 {
			lines = append(lines, "")
		}
		for _, l := range wrap(p, w-2) {
			if i > 0 {
				l = st.Faint.Render(l)
			}
			lines = append(lines, " "+l)
		}
	}
	return block(lines, w, h)
}

// wrapLines is a paragraph as indented lines (for panes that build lines, not blocks).
func wrapLines(w int, para string) []string {
	lines := []string{""}
	for _, l := range wrap(para, w-2) {
		lines = append(lines, " "+l)
	}
	return lines
}
