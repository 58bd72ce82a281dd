package ui

import (
	"math"
	"strconv"
	"strings"
	"time"

	"ccselect/internal/present"
	"ccselect/model"
)

// num prints a value without trailing zeros: 4, 4.5, 99.95, 2880.
func num(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// num2 prints a score or total with two decimals.
func num2(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return present.Fixed2(v)
}

// short prints a value in at most a few characters for a grid cell: ratings as typed, other
// values with at most two decimals (3.67), large ones without decimals.
func short(v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case v == math.Trunc(v) || math.Abs(v) >= 1000:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case math.Abs(v) >= 100:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// pct prints a weight as a percentage: 20%, 12.5%.
func pct(w float64) string {
	p := w * 100
	if math.Abs(p-math.Round(p)) < 0.05 {
		return strconv.FormatFloat(math.Round(p), 'f', 0, 64) + "%"
	}
	return strconv.FormatFloat(p, 'f', 1, 64) + "%"
}

// pctColumn returns a formatter that prints every weight of one column with the same number of
// decimals (25.0% above 43.8%, not 25%), so a right-aligned column lines up on the decimal point.
func pctColumn(ws ...float64) func(float64) string {
	decimals := 0
	for _, w := range ws {
		if p := w * 100; math.Abs(p-math.Round(p)) >= 0.05 {
			decimals = 1
			break
		}
	}
	return func(w float64) string { return strconv.FormatFloat(w*100, 'f', decimals, 64) + "%" }
}

// lastEdit prints a time relative to now: "today 14:02", "yesterday 09:15", "11-20", "2024-11-20".
func lastEdit(t tr, at, now time.Time) string {
	if at.IsZero() {
		return "–"
	}
	at = at.In(now.Location())
	y1, m1, d1 := at.Date()
	y2, m2, d2 := now.Date()
	switch {
	case y1 == y2 && m1 == m2 && d1 == d2:
		return t.f("time.today", at.Format("15:04"))
	case y1 == y2 && m1 == m2 && d1 == d2-1,
		now.AddDate(0, 0, -1).Format("2006-01-02") == at.Format("2006-01-02"):
		return t.f("time.yesterday", at.Format("15:04"))
	case y1 == y2:
		return at.Format("01-02")
	}
	return at.Format("2006-01-02")
}

// koReason explains one failed knock-out in the words every surface uses
// (present.KnockOutReason): "并发通道数 800 < 1000" or "并发通道数 无评分 (≥ 1000)".
func koReason(t tr, ev *model.Evaluation, f model.KnockOutFailure) string {
	return present.KnockOutReason(ev, f, t.lang)
}
