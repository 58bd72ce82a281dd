package ui

import (
	"image/color"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

var colourSeq = regexp.MustCompile(`\x1b\[[0-9;]*(38|48);[25];`)

// NO_COLOR: no colour sequences at all, yet the cursor and the active tab stay visible by
// reverse video.
func TestNoColor(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30)) // newTestRoot sets NoColor
	press(r, "4")
	out := r.render()
	if colourSeq.MatchString(out) {
		t.Fatal("colour sequence with NO_COLOR")
	}
	if !strings.Contains(out, "\x1b[1;7m") && !strings.Contains(out, "\x1b[7;1m") && !strings.Contains(out, "\x1b[7m") {
		t.Fatal("no reverse video for the cursor")
	}

	c := New(st, Options{Lang: model.LangEn, OpenEval: id})
	c.poll = 0
	c.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	drive(c, c.Init())
	if !colourSeq.MatchString(c.render()) {
		t.Fatal("no colours without NO_COLOR")
	}
}

// The terminal's background colour picks the light or dark palette.
func TestLightAndDarkBackground(t *testing.T) {
	r := New(listStore{}, Options{Lang: model.LangEn})
	dark := r.styles.Dim[0].GetForeground()
	r.Update(tea.BackgroundColorMsg{Color: color.White})
	if r.dark {
		t.Fatal("white background taken for dark")
	}
	light := r.styles.Dim[0].GetForeground()
	if light == dark {
		t.Fatal("the same dimension colour on light and dark backgrounds")
	}
	r.Update(tea.BackgroundColorMsg{Color: color.Black})
	if !r.dark || r.styles.Dim[0].GetForeground() != dark {
		t.Fatal("black background not dark")
	}
}

// With more vendors than fit, the columns scroll to keep the cursor in view, marked ‹ ›.
func TestGridScrollsColumns(t *testing.T) {
	f := newPaneFixture(t, synthEval(20, 10, 1), model.LangEn, 80, 18)
	g := f.grid("stability")
	if scr := f.view(g); !strings.Contains(scr, "›") || strings.Contains(scr, "‹") {
		t.Fatalf("scroll marks at the start:\n%s", scr)
	}
	for i := 0; i < 19; i++ {
		f.press(g, "right")
	}
	scr := f.view(g)
	if g.colOff == 0 || !strings.Contains(scr, "‹") || !strings.Contains(scr, "Vendor 19") && !strings.Contains(scr, "Vendo…") {
		t.Fatalf("did not scroll to the last vendor (offset %d):\n%s", g.colOff, scr)
	}
	geo := g.geom(f.w, f.h)
	if g.col < geo.colOff || g.col >= geo.colOff+geo.nVis {
		t.Fatalf("cursor column %d outside the window %d+%d", g.col, geo.colOff, geo.nVis)
	}
	// The wheel scrolls columns back without moving the cursor.
	f.update(g, paneMouse{X: 5, Y: 5, W: f.w, H: f.h, WheelY: -1})
	if g.colOff != geo.colOff-1 || g.col != 19 {
		t.Fatalf("wheel: offset %d cursor %d", g.colOff, g.col)
	}
}

// A vendor with missing scores is marked incomplete with what is missing; a missing value under
// a knock-out rule excludes it, saying why.
func TestIncompleteAndKnockOutBadges(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 120, 30))
	press(r, "2", "backspace") // clear wang's channels for yunqi: li and chen still score it
	press(r, "R", "backspace", "R", "backspace", "0")
	scr := screen(r)
	if !strings.Contains(scr, "⚠") || !strings.Contains(scr, "1 unscored: Concurrent channels") {
		t.Fatalf("no incomplete badge:\n%s", scr)
	}
	if !strings.Contains(scr, "Knocked out: Concurrent channels no score (≥ 1000)") {
		t.Fatalf("no knock-out reason for the missing value:\n%s", scr)
	}
}
