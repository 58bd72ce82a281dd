package ui

import (
	"testing"

	"ccselect/internal/termtext"
)

// fastWidth must agree with the full rule (termtext.Width, i.e. ansi.StringWidth) on every
// character it claims, alone and next to others, and must decline what it does not know.
func TestFastWidthAgrees(t *testing.T) {
	var claimed []rune
	for r := rune(0x20); r < 0x7f; r++ {
		claimed = append(claimed, r)
	}
	for r := rune(0x80); r <= 0xFFFF; r++ {
		if fixedWidth(r) != 0 {
			claimed = append(claimed, r)
		}
	}
	for _, r := range claimed {
		s := string(r)
		n, ok := fastWidth(s)
		if !ok || n != termtext.Width(s) {
			t.Fatalf("U+%04X: fast %d (ok %v), full %d", r, n, ok, termtext.Width(s))
		}
	}
	for _, s := range []string{"云启通讯 3.97 · 汇声", "800 < 1000", "──│▸", "（数据）：安全"} {
		if n, ok := fastWidth(s); !ok || n != termtext.Width(s) {
			t.Fatalf("%q: fast %d (ok %v), full %d", s, n, ok, termtext.Width(s))
		}
	}
	for _, s := range []string{"\x1b[1;7m 稳定性 \x1b[m 并发", "\x1b[2m·\x1b[m"} {
		if n, ok := fastWidth(s); !ok || n != termtext.Width(s) {
			t.Fatalf("%q: fast %d (ok %v), full %d", s, n, ok, termtext.Width(s))
		}
	}
	for _, s := range []string{"\x1b]0;title\x07", "\x1b[1", "e\u0301", "👍🏽", "a\tb", "中\uFE0F"} {
		if _, ok := fastWidth(s); ok {
			t.Fatalf("%q: fast path claimed it", s)
		}
	}
}

// The grid's cell affixes draw exactly what their styles render, in colour and without.
func TestCellAffixesMatchRender(t *testing.T) {
	for _, noColor := range []bool{false, true} {
		for _, dark := range []bool{false, true} {
			st := NewStyles(dark, noColor)
			check := func(name string, a affix, want func(...string) string) {
				for _, s := range []string{"3", "~4.5!", "·", "  12.5"} {
					if got := a.render(s); got != want(s) {
						t.Fatalf("%s (dark %v, noColor %v) %q: %q, want %q", name, dark, noColor, s, got, want(s))
					}
				}
			}
			for i := range st.ScoreFg {
				check("score", st.cellFg[i], st.ScoreFg[i].Render)
			}
			check("faint", st.cellFaint, st.Faint.Render)
			check("cursor", st.cellCursor, st.Cursor.Render)
		}
	}
}
