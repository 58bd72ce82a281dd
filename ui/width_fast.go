package ui

import "unicode/utf8"

// fastWidth measures s without grapheme segmentation when every character in it is one whose
// width is fixed and which never joins a cluster: printable ASCII (1 cell), box drawing, block
// elements and the middle dot (1), CJK ideographs, CJK punctuation and fullwidth forms (2);
// colour sequences (SGR) are zero cells wide.
// The screen is made of such text almost entirely, and width runs thousands of times a frame
// (BenchmarkGridKeystroke); anything else — an escape sequence, a combining mark, an emoji —
// returns ok false and is measured by the full rule (termtext.Width). TestFastWidthAgrees pins
// each range to the full rule.
func fastWidth(s string) (n int, ok bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b {
			// A colour or attribute (SGR: ESC [ digits and ; then m) is zero cells wide;
			// any other sequence goes to the full rule.
			j := i + 1
			if j >= len(s) || s[j] != '[' {
				return 0, false
			}
			for j++; j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';'); j++ {
			}
			if j >= len(s) || s[j] != 'm' {
				return 0, false
			}
			i = j + 1
			continue
		}
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return 0, false
			}
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch w := fixedWidth(r); w {
		case 0:
			return 0, false
		default:
			// A following combining mark or variation selector would join this character:
			// leave such text to the full rule.
			if next := i + size; next < len(s) && s[next] >= utf8.RuneSelf {
				if nr, _ := utf8.DecodeRuneInString(s[next:]); fixedWidth(nr) == 0 {
					return 0, false
				}
			}
			n += w
		}
		i += size
	}
	return n, true
}

// fixedWidth is the width of r when it is in one of fastWidth's ranges, else 0.
func fixedWidth(r rune) int {
	switch {
	case r == 0xB7: // · middle dot
		return 1
	case r >= 0x2500 && r <= 0x25FC: // box drawing, block elements, geometric shapes (▸ ▲ ▼)
		return 1
	case r >= 0x2190 && r <= 0x21FF, r == 0x2026, r == 0x2264, r == 0x2265, r == 0x2713, r == 0x2717,
		r == 0x2039, r == 0x203A, r == 0x232B:
		return 1 // arrows, … ≤ ≥ ✓ ✗ ‹ › ⌫
	case r >= 0x2800 && r <= 0x28FF: // braille (the charts)
		return 1
	case r >= 0x4E00 && r <= 0x9FFF: // CJK unified ideographs
		return 2
	case r >= 0x3001 && r <= 0x3003, r >= 0x3008 && r <= 0x3011: // 、。〃 〈〉《》「」『』【】
		return 2
	case r >= 0xFF01 && r <= 0xFF5E: // fullwidth ASCII forms: （），：
		return 2
	}
	return 0
}
