// Package termtext makes user and domain text safe to put on a terminal line. Names and notes
// come from databases and imported files and may hold newlines, tabs or escape sequences: a
// newline would break a row of a table, and an escape sequence reaching the terminal could
// recolour the screen, move the cursor or set the window title. Clean is the one place where
// such text is neutralised; ui's text-fitting helpers, ui/chart's text writers and export's
// printed tables call it.
package termtext

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Clean returns s as one line of printable text: a newline, tab, vertical tab, form feed or
// carriage return (CR LF counting as one) becomes a space; an escape sequence (CSI, OSC, …) is
// dropped whole, as is any other C0 or C1 control character and DEL. Text without any of
// these is returned as it is, without allocating.
func Clean(s string) string {
	if !needsCleaning(s) {
		return s
	}
	if strings.IndexByte(s, 0x1b) >= 0 {
		s = ansi.Strip(s) // whole sequences, parameters included: "\x1b[31m" leaves no "[31m"
	}
	var b strings.Builder
	b.Grow(len(s))
	prevCR := false
	for _, r := range s {
		cr := r == '\r'
		switch {
		case r == '\n' && prevCR: // CR LF: the CR already gave the space
		case r == '\t' || r == '\n' || r == '\v' || r == '\f' || cr:
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		default:
			b.WriteRune(r)
		}
		prevCR = cr
	}
	return b.String()
}

// needsCleaning reports whether s holds a C0 control, DEL or a C1 control (U+0080–U+009F,
// encoded as 0xC2 0x80–0x9F in UTF-8).
func needsCleaning(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f {
			return true
		}
	}
	return false
}

// Width is the width in terminal cells of s as it shows once cleaned; for text that is already
// styled (which holds escape sequences but never a line break or tab) it is the width of the
// visible text. Escape sequences and other controls are zero cells wide either way; only the
// controls that Clean turns into spaces need the cleaned text measured.
func Width(s string) int {
	if strings.ContainsAny(s, "\t\n\v\f\r") {
		s = Clean(s)
	}
	return ansi.StringWidth(s)
}
