package ui

import (
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"ccselect/model"
)

// Every tab of the registry has a direct key of its own, for any framework up to nine
// dimensions: the digits in tab order, then the spare keys (defect 11).
func TestRegistryDirectKeys(t *testing.T) {
	for n := 1; n <= 9; n++ {
		seen := map[string]int{}
		for i, tb := range buildTabs(n) {
			if tb.directKey() == "" {
				t.Errorf("%d dimensions: tab %d (kind %d) has no direct key", n, i, tb.kind)
			}
			for _, k := range tb.direct.Keys() {
				if j, ok := seen[k]; ok {
					t.Errorf("%d dimensions: key %q is tab %d's and tab %d's", n, k, j, i)
				}
				seen[k] = i
			}
		}
	}
	tabs := buildTabs(5)
	var got []string
	for _, tb := range tabs {
		got = append(got, tb.directKey())
	}
	if want := "0 1 2 3 4 5 6 7 8 9 @"; strings.Join(got, " ") != want {
		t.Errorf("keys with five dimensions %q, want %q", strings.Join(got, " "), want)
	}
	if tabs[10].kind != tabReviewers || !key.Matches(keyMsg("＠"), tabs[10].direct) {
		t.Error("the full-width ＠ of a Chinese input method does not reach Reviewers")
	}
}

// No binding of any pane or dialog uses a direct key (it would never reach the pane, or the
// tab could not be reached from it), but for the grid's rating digits, which the grid captures
// (and its help leaves out: TestDirectKeysFromEveryPane).
func TestDirectKeysCollideWithNoBinding(t *testing.T) {
	direct := map[string]bool{}
	for n := 1; n <= 9; n++ {
		for _, tb := range buildTabs(n) {
			for _, k := range tb.direct.Keys() {
				direct[k] = true
			}
		}
	}
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		km := newKeyMap(tr{lang: lang})
		var walk func(v reflect.Value, path string)
		walk = func(v reflect.Value, path string) {
			for i := 0; i < v.NumField(); i++ {
				f, name := v.Field(i), path+v.Type().Field(i).Name
				if b, ok := f.Interface().(key.Binding); ok {
					if name == "Rate" || name == "Tabs" {
						continue
					}
					for _, k := range b.Keys() {
						if direct[k] {
							t.Errorf("%s binds %q, a direct tab key", name, k)
						}
					}
					continue
				}
				if f.Kind() == reflect.Struct {
					walk(f, name+".")
				}
			}
		}
		walk(reflect.ValueOf(km), "")
	}
}

// From every pane, every tab's direct key opens that tab, but where the pane captures the key
// (a grid's 1–5 rate); the help of that pane then does not offer it, and the tab row shows each
// tab's key at the start of its cell.
func TestDirectKeysFromEveryPane(t *testing.T) {
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		st, id := sampleStore(t)
		r := start(newTestRoot(st, lang, id, 120, 40))
		if len(r.tabs) != 11 {
			t.Fatalf("%d tabs", len(r.tabs))
		}
		for from := range r.tabs {
			for to, tb := range r.tabs {
				r.tab = from
				p := r.paneFor(r.tabs[from])
				k := tb.directKey()
				captured := false
				if c, ok := p.(capturer); ok {
					captured = c.Captures(keyMsg(k))
				}
				press(r, k)
				for r.dlgs.top() != nil {
					press(r, "esc") // a digit on a measured cell opens its value entry
				}
				switch {
				case captured:
					if r.tabs[from].kind != tabDimension || !key.Matches(keyMsg(k), r.keys.Rate) {
						t.Errorf("%s: tab %d captures %q", lang, from, k)
					}
					if r.tab != from {
						t.Errorf("%s: %q in tab %d left it", lang, k, from)
					}
					if strings.Contains(" "+r.tabsBinding(p).Help().Key+" ", " "+k+" ") {
						t.Errorf("%s: tab %d's help offers %q", lang, from, k)
					}
				case r.tab != to:
					t.Errorf("%s: %q from tab %d opened tab %d, want %d", lang, k, from, r.tab, to)
				}
			}
		}
		for _, w := range []int{60, 80, 120} {
			r.Update(tea.WindowSizeMsg{Width: w, Height: 40})
			row := lines(screen(r))[1]
			_, spans := r.tabSpans(w)
			for i, tb := range r.tabs {
				if cell := ansi.Cut(row, spans[i].x0, spans[i].x1); !strings.HasPrefix(cell, tb.directKey()) {
					t.Errorf("%s at %d: tab %d's cell %q does not show %q", lang, w, i, cell, tb.directKey())
				}
			}
		}
	}
}

// The hint and help say which keys switch tabs, in either language and after switching.
func TestDirectKeysInHelpAndHints(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangZh, id, 120, 40))
	if hint := lines(screen(r))[39]; !strings.Contains(hint, "0-9 @ 切换标签") {
		t.Fatalf("overview hint %q", hint)
	}
	press(r, "L")
	if hint := lines(screen(r))[39]; !strings.Contains(hint, "0-9 @ go to tab") {
		t.Fatalf("overview hint after L %q", hint)
	}
	press(r, "1", "?")
	if s := screen(r); !strings.Contains(s, "0 6-9 @") || !strings.Contains(s, "go to tab") {
		t.Fatalf("grid help:\n%s", s)
	}
}
