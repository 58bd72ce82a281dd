package ui

import (
	"strings"
	"testing"

	"ccselect/model"
)

// The ranking beside the weights marks moves since the tab was entered: after raising data
// security to 26% Panshi shows ▲ (screens.md sketch); leaving the tab and coming back starts the
// count again from the ranking as it now stands, so no mark is left. The "left the tab" note is
// taken after Update (settle), not while drawing.
func TestWeightsMovesCountFromTheVisit(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 120, 40))
	press(r, "6", "down", "down", "down", "right", "right", "right", "right", "right", "right")
	if s := screen(r); !strings.Contains(s, "▲") {
		t.Fatalf("no rank move marked after raising data security:\n%s", s)
	}
	press(r, "0", "6")
	if s := screen(r); strings.Contains(s, "▲") || strings.Contains(s, "▼") {
		t.Fatalf("moves still marked after leaving and re-entering the tab:\n%s", s)
	}
}
