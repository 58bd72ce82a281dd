package chart

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// sweep is the sample's data-security sweep (others rescaled): four straight lines.
func sweep(names ...string) []Series {
	ends := [][2]float64{{3.87, 3.0}, {3.51, 5.0}, {4.04, 3.0}, {3.62, 4.0}}
	var out []Series
	for i, n := range names {
		out = append(out, Series{Name: n, Points: []Point{{X: 0, Y: ends[i][0]}, {X: 1, Y: ends[i][1]}}})
	}
	return out
}

var (
	cjkNames   = []string{"云启通讯", "磐石信联", "汇声智能", "长风云联"}
	latinNames = []string{"Yunqi", "Panshi", "Huisheng", "Changfeng"}
	cross      = []Point{{X: 0.259, Y: 3.85, Label: "25.9%"}}
)

// cellOf returns the terminal cell at which glyph first appears in line, or -1.
func cellOf(line, glyph string) int {
	i := strings.Index(line, glyph)
	if i < 0 {
		return -1
	}
	return ansi.StringWidth(line[:i])
}

func TestLineChartFitsAndKeepsTheAxisStill(t *testing.T) {
	for _, width := range []int{24, 31, 40, 57, 80, 100, 120} {
		for _, height := range []int{7, 10, 16, 24} {
			for _, names := range [][]string{cjkNames, latinNames, {"一个非常非常非常非常非常长的厂商名称", "b", "c", "d"}} {
				out := LineChart(sweep(names...), 0.2, cross, width, height, WithMarkLabel("当前"))
				if out == "" {
					t.Fatalf("%d×%d: empty chart", width, height)
				}
				lines := strings.Split(out, "\n")
				if len(lines) > height {
					t.Fatalf("%d×%d: %d lines", width, height, len(lines))
				}
				axis := -1
				for i, l := range lines {
					if w := ansi.StringWidth(l); w > width {
						t.Fatalf("%d×%d: line %d is %d cells:\n%s", width, height, i, w, out)
					}
					if c := cellOf(l, "└"); c >= 0 {
						axis = c
						for j, pl := range lines[:i] {
							c := max(cellOf(pl, "┤"), cellOf(pl, "│"))
							if c != axis {
								t.Fatalf("%d×%d: row %d has its axis at cell %d, the x axis starts at %d:\n%s", width, height, j, c, axis, out)
							}
						}
					}
				}
				if axis < 0 {
					t.Fatalf("%d×%d: no x axis:\n%s", width, height, out)
				}
			}
		}
	}
}

// Names only reach the legend: the plot of CJK-named series is the plot of Latin-named ones.
func TestLineChartNamesNeverMoveThePlot(t *testing.T) {
	a := strings.Split(LineChart(sweep(cjkNames...), 0.2, cross, 70, 16), "\n")
	b := strings.Split(LineChart(sweep(latinNames...), 0.2, cross, 70, 16), "\n")
	if len(a) != len(b) {
		t.Fatalf("%d vs %d lines", len(a), len(b))
	}
	for i := range a[:len(a)-1] { // all but the legend
		if a[i] != b[i] {
			t.Fatalf("line %d differs:\n%s\n%s", i, a[i], b[i])
		}
	}
	if !strings.Contains(a[len(a)-1], "■ 云启通讯") {
		t.Errorf("legend %q", a[len(a)-1])
	}
}

func TestLineChartMarksAndLabels(t *testing.T) {
	out := LineChart(sweep(latinNames...), 0.2, cross, 60, 14, WithMarkLabel("current"))
	lines := strings.Split(out, "\n")
	var dotted, arrow = -1, -1
	for _, l := range lines {
		if c := cellOf(l, "┊"); c >= 0 && dotted < 0 {
			dotted = c
		}
		if c := cellOf(l, "▲"); c >= 0 {
			arrow = c
			if !strings.Contains(l, "▲20% current") {
				t.Errorf("marker line %q", l)
			}
		}
	}
	if dotted < 0 || dotted != arrow {
		t.Errorf("current weight: dotted line at cell %d, arrow at %d:\n%s", dotted, arrow, out)
	}
	if !strings.Contains(out, "×") || !strings.Contains(out, "25.9%") {
		t.Errorf("crossover marker or label missing:\n%s", out)
	}
	for _, tick := range []string{"0%", "25%", "50%", "75%", "100%"} {
		if !strings.Contains(lines[len(lines)-3], tick) {
			t.Errorf("x labels %q lack %s", lines[len(lines)-3], tick)
		}
	}
}

// y = x on a fixed 0..1 range: dots start in the bottom-left cell and end in the top-right.
func TestLineChartDiagonal(t *testing.T) {
	s := []Series{{Name: "d", Points: []Point{{X: 0, Y: 0}, {X: 1, Y: 1}}}}
	out := LineChart(s, -1, nil, 24, 10, WithYRange(0, 1), WithoutLegend())
	lines := strings.Split(out, "\n")
	plot := lines[:len(lines)-2]
	first, last := []rune(plot[0]), []rune(plot[len(plot)-1])
	isBraille := func(r rune) bool { return r > 0x2800 && r <= 0x28ff }
	if !isBraille(first[len(first)-1]) {
		t.Errorf("top row does not end with dots: %q", plot[0])
	}
	lastCell := last[cellOf(plot[len(plot)-1], "┤")+1]
	if !isBraille(lastCell) {
		t.Errorf("bottom row does not start with dots: %q", plot[len(plot)-1])
	}
	for _, l := range plot {
		if n := strings.Count(l, "┊"); n != 0 {
			t.Errorf("no marker requested, got %q", l)
		}
	}
}

// Colour codes do not count as cells, and stripping them gives the plain chart.
func TestLineChartStyles(t *testing.T) {
	red := func(s string) string { return "\x1b[31m" + s + "\x1b[0m" }
	styled := sweep(cjkNames...)
	for i := range styled {
		styled[i].Style = red
	}
	out := LineChart(styled, 0.2, cross, 50, 14, WithAxisStyle(red), WithMarkStyle(red))
	plain := LineChart(sweep(cjkNames...), 0.2, cross, 50, 14)
	if ansi.Strip(out) != plain {
		t.Errorf("stripped styled chart differs from the plain one:\n%s\n---\n%s", ansi.Strip(out), plain)
	}
	for _, l := range strings.Split(out, "\n") {
		if ansi.StringWidth(l) > 50 {
			t.Fatalf("styled line %d cells wide", ansi.StringWidth(l))
		}
	}
}

func TestLineChartTooSmall(t *testing.T) {
	if out := LineChart(sweep(latinNames...), 0.2, nil, 6, 10); out != "" {
		t.Errorf("6 cells wide: %q", out)
	}
	if out := LineChart(sweep(latinNames...), 0.2, nil, 40, 4); out != "" {
		t.Errorf("4 lines high: %q", out)
	}
	// Too low for the legend: the plot keeps its two rows and the legend goes.
	out := LineChart(sweep(latinNames...), -1, nil, 40, 4)
	if lines := strings.Split(out, "\n"); len(lines) != 4 || strings.Contains(out, "■") {
		t.Errorf("4 lines high without a marker:\n%s", out)
	}
}

// Series with a glyph are drawn with it instead of braille, and the legend shows the glyph.
func TestLineChartGlyphs(t *testing.T) {
	series := sweep(latinNames...)
	glyphs := []string{"*", "o", "+", "#"}
	for i := range series {
		series[i].Glyph = glyphs[i]
	}
	out := LineChart(series, 0.2, cross, 60, 14, WithMarkLabel("current"))
	lines := strings.Split(out, "\n")
	plot := strings.Join(lines[:len(lines)-4], "\n") // above the axis, the labels, the marker and the legend
	for _, r := range plot {
		if r >= 0x2800 && r <= 0x28ff {
			t.Fatalf("braille dot %q in a chart of glyphs:\n%s", r, out)
		}
	}
	for _, g := range glyphs {
		if !strings.Contains(plot, g) {
			t.Errorf("no %q line in the plot:\n%s", g, out)
		}
	}
	if legend := lines[len(lines)-1]; legend != "* Yunqi  o Panshi  + Huisheng  # Changfeng" {
		t.Errorf("legend %q", legend)
	}
	// Glyphs change the cells drawn, not where: the axis and the marker stay put.
	plain := strings.Split(LineChart(sweep(latinNames...), 0.2, cross, 60, 14, WithMarkLabel("current")), "\n")
	if len(plain) != len(lines) || plain[len(plain)-2] != lines[len(lines)-2] {
		t.Errorf("marker line moved:\n%s\n%s", plain[len(plain)-2], lines[len(lines)-2])
	}

	// A glyph wider than a cell would break the rows: ignored, braille and ■ instead.
	wide := sweep(cjkNames...)
	wide[0].Glyph = "云"
	if out := LineChart(wide, 0.2, nil, 50, 12); !strings.Contains(out, "■ 云启通讯") || !strings.ContainsAny(out, "⠁⠂⠄⡀⣀⠉⠒⠤") {
		t.Errorf("wide glyph:\n%s", out)
	}
}

// Without room for the whole legend, one line keeps every glyph beside its (cut) name, as long
// as the plot keeps two rows and every name keeps a character; otherwise the legend goes.
func TestLineChartCompactLegend(t *testing.T) {
	series := sweep(latinNames...)
	for i, g := range []string{"*", "o", "+", "#"} {
		series[i].Glyph = g
	}
	cases := []struct {
		width, height int
		legend        string // "" = none
	}{
		{60, 14, "* Yunqi  o Panshi  + Huisheng  # Changfeng"}, // room for everything
		{40, 5, "* Yunqi  o Panshi  + Huishe…  # Changf…"},     // two lines would leave one plot row
		{30, 5, "* Yun…  o Pan…  + Hui…  # Cha…"},
		{20, 5, "* Y… o P… + H… # C…"}, // one space between entries
		{18, 5, ""},                    // every name would be "…"
		{40, 4, ""},                    // the plot needs both rows left
	}
	for _, c := range cases {
		out := LineChart(series, -1, nil, c.width, c.height)
		lines := strings.Split(out, "\n")
		if len(lines) != c.height {
			t.Fatalf("%d×%d: %d lines:\n%s", c.width, c.height, len(lines), out)
		}
		last := lines[len(lines)-1]
		got := ""
		if strings.HasPrefix(last, "*") {
			got = last
		}
		if got != c.legend {
			t.Errorf("%d×%d: legend %q, want %q:\n%s", c.width, c.height, got, c.legend, out)
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > c.width {
				t.Errorf("%d×%d: line %q is %d cells", c.width, c.height, l, w)
			}
		}
	}
}

// Names and labels are cleaned: a newline or escape sequence in a name does not break the
// legend's row or reach the terminal.
func TestLineChartCleansNames(t *testing.T) {
	series := sweep("Evil\x1b[31mRed\nCo", "Tab\tbed", "c", "d")
	out := LineChart(series, 0.2, []Point{{X: 0.259, Y: 3.85, Label: "x\ny"}}, 60, 14, WithMarkLabel("cur\x1b]0;t\x07"))
	if strings.ContainsAny(out, "\x1b\t\a") || !strings.Contains(out, "■ EvilRed Co  ■ Tab bed") {
		t.Errorf("chart:\n%q", out)
	}
	if n := strings.Count(out, "\n"); n != 13 {
		t.Errorf("%d lines, want 14:\n%s", n+1, out)
	}
	tor := Tornado([]Bar{{"a\nb\x1b[31m", 0.1, 0.2}}, 0.1, 40, TornadoStyles{})
	if strings.ContainsAny(tor, "\x1b") || strings.Count(tor, "\n") != 1 {
		t.Errorf("tornado %q", tor)
	}
}

// Golden render; refresh with `go test ./ui/chart -update`.
func TestLineChartGolden(t *testing.T) {
	golden.RequireEqual(t, []byte(LineChart(sweep(cjkNames...), 0.2, cross, 64, 16, WithMarkLabel("当前"))+"\n"))
}

func TestTornado(t *testing.T) {
	bars := []Bar{{"数据安全保障", 0.158, -0.111}, {"系统稳定性", -0.055, 0.208}, {"Operations & service", 0.108, 0.103}}
	for _, width := range []int{12, 20, 40, 60, 100} {
		out := Tornado(bars, 0.14, width, TornadoStyles{})
		lines := strings.Split(out, "\n")
		if len(lines) != len(bars)+1 {
			t.Fatalf("width %d: %d lines", width, len(lines))
		}
		base := -1
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > width {
				t.Fatalf("width %d: line %d is %d cells:\n%s", width, i, w, out)
			}
			if i < len(bars) {
				c := cellOf(l, "│")
				if base < 0 {
					base = c
				}
				if c != base || c < 0 {
					t.Fatalf("width %d: base line at cells %d and %d:\n%s", width, base, c, out)
				}
			}
		}
	}
	out := Tornado(bars, 0.14, 60, TornadoStyles{})
	lines := strings.Split(out, "\n")
	// Data security: the high side (×1.5, margin −0.11) runs left of the base, past zero.
	if b, z := cellOf(lines[0], "│"), strings.LastIndex(lines[0], "█"); z < 0 || cellOf(lines[0], "█") > b {
		t.Errorf("data security bar: %q", lines[0])
	}
	if !strings.Contains(lines[0], "+0.16 / −0.11") || !strings.HasPrefix(lines[1], "系统稳定性") {
		t.Errorf("rows:\n%s", out)
	}
	if Tornado(nil, 0, 60, TornadoStyles{}) != "" {
		t.Error("no bars should render nothing")
	}
}

func TestProgressBar(t *testing.T) {
	for _, w := range []int{1, 5, 7, 8, 13, 30, 81} {
		for _, f := range []float64{-1, 0, 0.001, 0.33, 0.5, 0.999, 1, 2} {
			if got := ansi.StringWidth(ProgressBar(f, w)); got != w {
				t.Fatalf("ProgressBar(%v, %d) is %d cells: %q", f, w, got, ProgressBar(f, w))
			}
		}
	}
	cases := map[string]string{
		fmt.Sprint(0.0):  "░░░░░░░░   0%",
		fmt.Sprint(0.5):  "████░░░░  50%",
		fmt.Sprint(1.0):  "████████ 100%",
		fmt.Sprint(0.53): "████▏░░░  53%",
	}
	for f, want := range cases {
		var x float64
		fmt.Sscan(f, &x)
		if got := ProgressBar(x, 13); got != want {
			t.Errorf("ProgressBar(%s, 13) = %q, want %q", f, got, want)
		}
	}
	if ProgressBar(0.999, 13) == ProgressBar(1, 13) {
		t.Error("99.9% must not look finished")
	}
	if got := ProgressBar(nan(), 13); got != cases["0"] {
		t.Errorf("NaN → %q", got)
	}
}

func nan() float64 { var z float64; return z / z }

// Issue 8 defect 8: crossover labels never cover each other, a crossing mark or the
// current-weight marker, and the x ticks are evenly spaced whatever the y labels' width.
// The case is the report's: crossings at 25.6% and 35% right of a marker at 24%, and one at
// 30.1% between them (the sample's stability sweep).
func TestLineChartLabelsKeepClear(t *testing.T) {
	series := sweep(latinNames...)
	crosses := []Point{{X: 0.256, Y: 3.9, Label: "25.6%"}, {X: 0.301, Y: 3.95, Label: "30.1%"}, {X: 0.35, Y: 3.9, Label: "35%"}}
	for _, width := range []int{40, 60, 80, 99, 100, 101, 120} {
		out := LineChart(series, 0.24, crosses, width, 16, WithYRange(2.95, 5.05))
		lines := strings.Split(out, "\n")
		axisRow, markCol := -1, -1
		for i, l := range lines {
			if cellOf(l, "└") >= 0 {
				axisRow = i
			}
			if c := cellOf(l, "┊"); c >= 0 && markCol < 0 {
				markCol = c
			}
		}
		if axisRow < 0 || markCol < 0 {
			t.Fatalf("width %d: no axis or marker:\n%s", width, out)
		}
		for i, l := range lines[:axisRow] {
			cells := []rune(ansi.Strip(l))
			if markCol < len(cells) {
				if ch := cells[markCol]; strings.ContainsRune("0123456789.%", ch) {
					t.Fatalf("width %d row %d: a label covers the marker column (%q):\n%s", width, i, ch, out)
				}
			}
		}
		// Labels never run into each other: every label that is drawn stands whole.
		drawn := strings.Join(lines[:axisRow], "\n")
		for _, p := range crosses {
			if strings.Count(drawn, p.Label) > 1 {
				t.Fatalf("width %d: %s drawn twice:\n%s", width, p.Label, out)
			}
		}
		// Even ticks: every gap between ┬ is the same.
		axis := []rune(ansi.Strip(lines[axisRow]))
		var at []int
		for i, r := range axis {
			if r == '┬' {
				at = append(at, i)
			}
		}
		for k := 2; k < len(at); k++ {
			if at[k]-at[k-1] != at[1]-at[0] {
				t.Fatalf("width %d: uneven ticks at %v:\n%s", width, at, out)
			}
		}
	}
}
