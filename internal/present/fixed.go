package present

import (
	"math"
	"strconv"
)

// Fixed2 prints x with two decimals rounding halves away from zero, as Excel's ROUND and a
// hand calculation do. Plain %.2f rounds the binary value, so a total of exactly 2.415 on paper
// (stored as 2.41499999…) would print 2.41 on screen and 2.42 in the client's spreadsheet.
// The nudge (1e-9 relative) is far below any score's precision and only decides true halves.
func Fixed2(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'f', 2, 64)
	}
	r := math.Round(x*100*(1+1e-9)) / 100
	if r == 0 {
		r = 0 // no "-0.00"
	}
	return strconv.FormatFloat(r, 'f', 2, 64)
}
