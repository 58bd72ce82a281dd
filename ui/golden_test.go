package ui

import (
	"fmt"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"ccselect/model"
)

// Golden screens: every pane at 80×24 and 120×40, in Chinese and English, compared as plain
// text (ANSI stripped) so the files are readable and independent of terminal queries. Update
// with: go test ./ui -run TestGolden -update

var goldenSizes = [][2]int{{80, 24}, {120, 40}}

func forEachSizeLang(t *testing.T, fn func(t *testing.T, lang model.Lang, w, h int)) {
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		for _, sz := range goldenSizes {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1]), func(t *testing.T) { fn(t, lang, sz[0], sz[1]) })
		}
	}
}

func TestGoldenWorkbench(t *testing.T) {
	st, id := sampleStore(t)
	tabs := []struct {
		name string
		keys []string
	}{
		{"overview", nil},
		{"security", []string{"4", "down", "right", "right"}},
		{"concurrency", []string{"2"}},
		{"vendors", []string{"shift+tab", "shift+tab"}},
		{"reviewers", []string{"shift+tab"}},
		{"help", []string{"4", "?"}},
	}
	for _, tb := range tabs {
		t.Run(tb.name, func(t *testing.T) {
			forEachSizeLang(t, func(t *testing.T, lang model.Lang, w, h int) {
				r := start(newTestRoot(st, lang, id, w, h))
				press(r, tb.keys...)
				golden.RequireEqual(t, screen(r))
			})
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

func TestGoldenHome(t *testing.T) {
	forEachSizeLang(t, func(t *testing.T, lang model.Lang, w, h int) {
		r := start(newTestRoot(listStore{list: homeList()}, lang, 0, w, h))
		golden.RequireEqual(t, screen(r))
	})
}

func TestGoldenHomeEmpty(t *testing.T) {
	forEachSizeLang(t, func(t *testing.T, lang model.Lang, w, h int) {
		r := start(newTestRoot(listStore{}, lang, 0, w, h))
		golden.RequireEqual(t, screen(r))
	})
}

func TestGoldenNewForm(t *testing.T) {
	forEachSizeLang(t, func(t *testing.T, lang model.Lang, w, h int) {
		r := start(newTestRoot(listStore{list: homeList()}, lang, 0, w, h))
		press(r, "n")
		golden.RequireEqual(t, screen(r))
	})
}

func TestGoldenTooSmall(t *testing.T) {
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		t.Run(string(lang), func(t *testing.T) {
			r := start(newTestRoot(listStore{list: homeList()}, lang, 0, 59, 20))
			golden.RequireEqual(t, screen(r))
		})
	}
}
