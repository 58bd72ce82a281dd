package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"ccselect/model"
)

// hostileEval is the synthetic evaluation with control characters and escape sequences in
// every kind of name and note, as an imported JSON file could hold them.
func hostileEval() *model.Evaluation {
	ev := synthEval(4, 10, 3)
	ev.Name = "Eval\x1b]0;pwned\x07\ttitle\nline2"
	ev.Client = "Client\r\nSecond\x1b[2J"
	for i := range ev.Vendors {
		ev.Vendors[i].Notes = "note\nwith\tcontrols\x1b[5m\u0085"
	}
	ev.Vendors[0].Name = model.Text{Zh: "Evil\x1b[31mRed\nCo", En: "Evil\x1b[31mRed\nCo"}
	ev.Vendors[1].Name.En = "Tab\tVendor\x07"
	ev.Reviewers[0].Name = "Rev\x1b[31m\niewer"
	ev.Framework.Criteria[0].Name = model.Text{Zh: "架构\n冗余\x1b[31m", En: "Arch\nredundancy\x1b[31m"}
	// A dimension of its own (the catalogue has no short label for it), so its name is shown.
	const dim = "custom\ndim"
	old := ev.Framework.Dimensions[0].ID
	ev.Framework.Dimensions[0] = model.Dimension{ID: dim, Name: model.Text{Zh: "稳定\x1b[31m性\n", En: "Stab\x1b[31mility\n"}}
	for i := range ev.Framework.Criteria {
		if ev.Framework.Criteria[i].Dimension == old {
			ev.Framework.Criteria[i].Dimension = dim
		}
	}
	for i := range ev.Profiles {
		p := &ev.Profiles[i]
		p.Dimensions[dim] = p.Dimensions[old]
		delete(p.Dimensions, old)
	}
	for i := range ev.Scores {
		if ev.Scores[i].Vendor == ev.Vendors[0].ID {
			ev.Scores[i].Note = "first\nsecond\x1b[31m\tthird"
			ev.Scores[i].Evidence = "ev\x1b]8;;http://x\x07link"
		}
	}
	return ev
}

// safeSGR matches the escape sequences the styles themselves write with NO_COLOR (bold, faint,
// reverse, resets): no colours.
var safeSGR = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// checkFrame fails unless the frame has exactly h lines of exactly w cells, and no escape
// sequence or control character other than the styles' colourless SGR sequences and the line
// breaks between rows.
func checkFrame(t *testing.T, name, frame string, w, h int) {
	t.Helper()
	ls := lines(frame)
	if len(ls) != h {
		t.Fatalf("%s: %d lines, want %d:\n%s", name, len(ls), h, ansi.Strip(frame))
	}
	for i, l := range ls {
		if got := ansi.StringWidth(l); got != w {
			t.Fatalf("%s: line %d is %d cells wide, want %d:\n%s", name, i, got, w, ansi.Strip(frame))
		}
		for _, sgr := range safeSGR.FindAllString(l, -1) {
			for _, p := range strings.Split(sgr[2:len(sgr)-1], ";") {
				if p == "31" || p == "5" || p == "2J" {
					t.Fatalf("%s: line %d holds the name's sequence %q", name, i, sgr)
				}
			}
		}
		rest := safeSGR.ReplaceAllString(l, "")
		for _, r := range rest {
			if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f {
				t.Fatalf("%s: line %d holds control %U: %q", name, i, r, l)
			}
		}
	}
}

// Every tab, the home screen, the help and the vendor, reviewer and score dialogs render an
// evaluation with hostile names as full rows of exactly the terminal's width, with no escape
// sequence or control character from the data; the window title is clean too.
func TestControlCharactersNeverReachTheTerminal(t *testing.T) {
	ev := hostileEval()
	st := newMemStore(ev)
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		for _, size := range [][2]int{{80, 24}, {120, 40}, {61, 16}} {
			w, h := size[0], size[1]
			r := start(newTestRoot(st, lang, 1, w, h))
			if r.wb == nil {
				t.Fatalf("the evaluation did not open:\n%s", screen(r))
			}
			for tab := range r.tabs {
				r.tab = tab
				checkFrame(t, fmt.Sprintf("%s %dx%d tab %d", lang, w, h, tab), r.render(), w, h)
			}
			if title := r.View().WindowTitle; title != clean(title) || strings.Contains(title, "pwned") {
				t.Fatalf("window title %q", title)
			}
			// Dialogs that show names: edit the first vendor, delete it, rename the reviewer,
			// edit a score with its note; and the help.
			for _, d := range []struct {
				name string
				keys []string
				tab  tabKind
			}{
				{"vendor edit", []string{"e"}, tabVendors},
				{"vendor delete", []string{"x"}, tabVendors},
				{"reviewer edit", []string{"e"}, tabReviewers},
				{"score edit", []string{"enter"}, tabDimension},
				{"help", []string{"?"}, tabOverview},
			} {
				r.tab = tabOfKind(r, d.tab)
				press(r, d.keys...)
				if r.dialog() == nil && !r.help {
					t.Fatalf("%s: nothing opened:\n%s", d.name, screen(r))
				}
				checkFrame(t, fmt.Sprintf("%s %dx%d %s", lang, w, h, d.name), r.render(), w, h)
				press(r, "esc")
			}
			press(r, "H") // home: the list shows the evaluation's name and client
			checkFrame(t, fmt.Sprintf("%s %dx%d home", lang, w, h), r.render(), w, h)
		}
	}
}

func tabOfKind(r *Root, k tabKind) int {
	for i, tb := range r.tabs {
		if tb.kind == k {
			return i
		}
	}
	return 0
}
