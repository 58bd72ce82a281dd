package model

import "strconv"

// maxIDLength keeps derived ids short enough to read in audit logs and JSON bundles.
const maxIDLength = 24

// NewID derives a stable id from a name: its lower-case ASCII letters and digits, runs of
// anything else turned into one "-" ("Yunqi Telecom" → "yunqi-telecom"), at most 24 characters.
// A name with none of those (a Chinese name) gives prefix-N. taken reports ids already in use;
// a taken id gets "-2", "-3", … appended. The TUI and the store both create vendors and
// reviewers, so both derive ids here.
func NewID(name, prefix string, taken func(string) bool) string {
	b := make([]byte, 0, len(name))
	dash := false
	for _, r := range name {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && len(b) > 0 {
				b = append(b, '-')
			}
			b = append(b, byte(r))
			dash = false
		} else {
			dash = true
		}
		if len(b) >= maxIDLength {
			break
		}
	}
	base := string(b)
	if base == "" {
		for n := 1; ; n++ {
			if id := prefix + "-" + strconv.Itoa(n); !taken(id) {
				return id
			}
		}
	}
	if !taken(base) {
		return base
	}
	for n := 2; ; n++ {
		if id := base + "-" + strconv.Itoa(n); !taken(id) {
			return id
		}
	}
}
