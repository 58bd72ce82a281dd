package ui

import (
	"fmt"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"ccselect/model"
)

// Golden renders, compared as plain text (ANSI stripped) so the files are readable and
// independent of terminal queries. Update with: go test ./ui -run TestGolden -update
//
//   - TestGoldenPanes: each pane's own View at widths 60, 80 and 120 (the body of a 60×16,
//     80×24 and 120×40 screen), in Chinese and English;
//   - TestGoldenDialogs: the dialogs alone, at the same widths;
//   - TestGoldenFrames: four whole screens, for what only the frame shows (header, tabs,
//     strip, status and hint bar, the help overlay, the home list in its frame).

// paneSizes are the screens whose body the pane goldens draw.
var paneSizes = [][2]int{{60, 16}, {80, 24}, {120, 40}}

// forEachWidthLang runs fn for every pane size and language.
func forEachWidthLang(t *testing.T, fn func(t *testing.T, lang model.Lang, w, h int)) {
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		for _, sz := range paneSizes {
			t.Run(fmt.Sprintf("%s_%d", lang, sz[0]), func(t *testing.T) { fn(t, lang, sz[0], sz[1]) })
		}
	}
}

// paneRender is the focused pane drawn on its own at the body size of r's screen, after the
// SetSize the root gives it.
func paneRender(r *Root) string {
	l := r.layout()
	p := r.focused()
	if s, ok := p.(sizer); ok {
		s.SetSize(l.w, l.bodyH)
	}
	return ansi.Strip(p.View(l.w, l.bodyH))
}

func TestGoldenPanes(t *testing.T) {
	st, id := sampleStore(t)
	panes := []struct {
		name string
		keys []string
	}{
		{"overview", nil},
		{"security", []string{"4", "down", "right", "right"}},
		{"concurrency", []string{"2"}},
		{"sensitivity", []string{"0", "shift+tab", "shift+tab", "shift+tab", "shift+tab"}},
		{"vendors", []string{"shift+tab", "shift+tab"}},
		{"reviewers", []string{"shift+tab"}},
	}
	for _, pn := range panes {
		t.Run(pn.name, func(t *testing.T) {
			forEachWidthLang(t, func(t *testing.T, lang model.Lang, w, h int) {
				r := start(newTestRoot(st, lang, id, w, h))
				press(r, pn.keys...)
				golden.RequireEqual(t, paneRender(r))
			})
		})
	}
	t.Run("home", func(t *testing.T) {
		forEachWidthLang(t, func(t *testing.T, lang model.Lang, w, h int) {
			golden.RequireEqual(t, paneRender(start(newTestRoot(listStore{list: homeList()}, lang, 0, w, h))))
		})
	})
	t.Run("home_empty", func(t *testing.T) {
		forEachWidthLang(t, func(t *testing.T, lang model.Lang, w, h int) {
			golden.RequireEqual(t, paneRender(start(newTestRoot(listStore{}, lang, 0, w, h))))
		})
	})
}

// TestGoldenDialogs draws the new-evaluation form on its own (as placed over the screen).
func TestGoldenDialogs(t *testing.T) {
	forEachWidthLang(t, func(t *testing.T, lang model.Lang, w, h int) {
		r := start(newTestRoot(listStore{list: homeList()}, lang, 0, w, h))
		press(r, "n")
		golden.RequireEqual(t, ansi.Strip(r.dialog().View(w-4)))
	})
}

// TestGoldenFrames: the four whole screens.
func TestGoldenFrames(t *testing.T) {
	st, id := sampleStore(t)
	frames := []struct {
		name string
		lang model.Lang
		w, h int
		keys []string
	}{
		{"overview_zh_80x24", model.LangZh, 80, 24, nil},
		{"security_en_120x40", model.LangEn, 120, 40, []string{"4", "down", "right", "right"}},
		{"help_zh_80x24", model.LangZh, 80, 24, []string{"4", "?"}},
		{"too_small_en", model.LangEn, 59, 20, nil},
	}
	for _, f := range frames {
		t.Run(f.name, func(t *testing.T) {
			r := start(newTestRoot(st, f.lang, id, f.w, f.h))
			press(r, f.keys...)
			golden.RequireEqual(t, screen(r))
		})
	}
}

// listStore serves a fixed home list; anything else it is asked is a test failure (nil Store).
type listStore struct {
	Store
	list []Summary
}

func (listStore) ReadOnly() bool { return false }

func (s listStore) List() ([]Summary, error)    { return s.list, nil }
func (s listStore) DataVersion() (int64, error) { return 1, nil }

func homeList() []Summary {
	return []Summary{
		{ID: 3, Name: "某银行呼叫中心选型", Client: "示例银行", Industry: "finance", Vendors: 5, Updated: fixedNow.Add(-58 * time.Minute)},
		{ID: 2, Name: "电商大促扩容评估 — a deliberately long evaluation name", Client: "示例电商", Industry: "default", Vendors: 4, Updated: fixedNow.Add(-20 * time.Hour)},
		{ID: 1, Name: "Regional hospital contact centre", Client: "Example Health", Industry: "healthcare", Vendors: 3, Updated: time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)},
		{ID: 4, Name: "政务热线", Client: "", Industry: "government", Vendors: 0, Updated: time.Date(2025, 12, 30, 9, 30, 0, 0, time.UTC)},
	}
}
