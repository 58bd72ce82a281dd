package chart

import (
	"fmt"
	"math"
	"strings"
)

// eighths are the left-aligned partial blocks, 0/8 … 7/8 of a cell.
var eighths = []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

// ProgressBar renders frac (clamped to [0,1]; NaN counts as 0) as exactly width cells: a bar
// in eighth-cell steps on a ░ track, followed by the percentage when width allows (≥ 8).
func ProgressBar(frac float64, width int) string {
	if width <= 0 {
		return ""
	}
	if math.IsNaN(frac) {
		frac = 0
	}
	frac = min(max(frac, 0), 1)
	bw, text := width, ""
	if width >= 8 {
		text = fmt.Sprintf(" %3.0f%%", math.Floor(frac*100))
		bw = width - len(text)
	}
	n := int(math.Floor(frac * float64(bw) * 8))
	full, part := n/8, n%8
	var b strings.Builder
	b.WriteString(strings.Repeat("█", full))
	used := full
	if part > 0 && used < bw {
		b.WriteString(eighths[part])
		used++
	}
	b.WriteString(strings.Repeat("░", bw-used))
	b.WriteString(text)
	return b.String()
}
