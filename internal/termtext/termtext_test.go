package termtext

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestClean(t *testing.T) {
	cases := []struct{ in, want string }{
		{"云启通讯 Yunqi", "云启通讯 Yunqi"},
		{"Evil\x1b[31mRed\nCo", "EvilRed Co"},
		{"a\tb\nc\r\nd\re\vf\fg", "a b c d e f g"},
		{"bell\a del\x7f nul\x00 end", "bell del nul end"},
		{"c1\u0085next\u009b31mred", "c1next31mred"}, // C1 NEL and 8-bit CSI: dropped
		{"title\x1b]0;pwned\x07 after", "title after"},
		{"unterminated\x1b]0;rest", "unterminated"},
		{"lone esc\x1b", "lone esc"},
		{"é ü ÿ", "é ü ÿ"}, // 0xC3-led Latin-1 letters are not C1 controls
		{"", ""},
	}
	for _, c := range cases {
		got := Clean(c.in)
		if got != c.want {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
		}
		for _, r := range got {
			if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f {
				t.Errorf("Clean(%q) kept control %U", c.in, r)
			}
		}
	}
}

// Clean text that needs no cleaning is the same string, not a copy.
func TestCleanKeepsCleanText(t *testing.T) {
	s := strings.Repeat("汇声智能 Huisheng ", 4)
	if allocs := testing.AllocsPerRun(100, func() { _ = Clean(s) }); allocs != 0 {
		t.Fatalf("Clean of clean text allocates %v times", allocs)
	}
}

// Width of raw text is the width of what Clean makes of it, and the visible width of styled
// text.
func TestWidth(t *testing.T) {
	for _, s := range []string{"Evil\x1b[31mRed\nCo", "a\tb\r\nc", "云启\n通讯", "x\u0085y", "t\x1b]0;x\x07u", "plain"} {
		if got, want := Width(s), ansi.StringWidth(Clean(s)); got != want {
			t.Errorf("Width(%q) = %d, cleaned text is %d cells", s, got, want)
		}
	}
	if got := Width("\x1b[1m云启\x1b[m ok"); got != 7 {
		t.Errorf("styled width %d, want 7", got)
	}
}
