package ui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"ccselect/model"
)

// Golden screens of the Weights tab at 80×24 and 120×40 in zh and en (go test ./ui -run
// TestGoldenWeights -update): the screens.md sketch (data security raised from 20% to 26%,
// Panshi takes the lead), the criteria level with a lock, and the dialogs.
func TestGoldenWeights(t *testing.T) {
	raise := []string{"6", "down", "down", "down", "right", "right", "right", "right", "right", "right"}
	cases := []struct {
		name string
		keys []string
	}{
		{"dimensions", raise},
		{"criteria", append(append([]string{}, raise...), "enter", "down", "space", "down", "shift+right")},
		{"whatif", []string{"6", "w", "down"}},
		{"profiles", []string{"6", "p"}},
		{"compare", []string{"6", "c"}},
		{"help", []string{"6", "?"}},
		{"ahp", []string{"6", "m", "tab", "tab", "tab", "tab", "tab", "+", "+", "+", "+", "right", "-", "-", "-", "-", "-"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			forEachSizeLang(t, func(t *testing.T, lang model.Lang, w, h int) {
				st, id := sampleStore(t)
				r := start(newTestRoot(st, lang, id, w, h))
				press(r, tc.keys...)
				golden.RequireEqual(t, screen(r))
			})
		})
	}
}

// forEachSizeLang runs fn in zh and en at the design size and the large size (the Weights tab's
// screens are judged whole: the live ranking beside the weights is part of the picture).
func forEachSizeLang(t *testing.T, fn func(t *testing.T, lang model.Lang, w, h int)) {
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1]), func(t *testing.T) { fn(t, lang, sz[0], sz[1]) })
		}
	}
}
