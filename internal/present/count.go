package present

import "strconv"

// Count writes a whole number with thousands separators, 100000 as "100,000" (the comma in zh
// too: it is how Chinese business documents group digits), -1234 as "-1,234".
func Count(n int) string {
	s := strconv.Itoa(n)
	digits := len(s)
	if n < 0 {
		digits--
	}
	out := make([]byte, 0, len(s)+digits/3)
	for i := range len(s) {
		if rest := len(s) - i; i > len(s)-digits && rest%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
