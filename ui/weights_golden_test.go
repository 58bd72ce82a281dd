package ui

import (
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
