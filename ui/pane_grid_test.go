package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"ccselect/model"
	"ccselect/samples"
)

// paneEnv is the environment a pane needs, without a Root: writes are recorded, not run.
type paneEnv struct {
	env
	writes int
	last   string
	kind   statusKind // of the last status
}

func newPaneEnv(lang model.Lang) *paneEnv {
	st := NewStyles(true, true)
	pe := &paneEnv{}
	pe.env = env{styles: &st, t: tr{lang}, now: func() time.Time { return fixedNow }}
	pe.do = func(storeOp) tea.Cmd { pe.writes++; return nil }
	pe.open = func(dialog) {}
	pe.status = func(kind statusKind, text string) { pe.kind, pe.last = kind, text }
	return pe
}

// The grid pane on its own: a rating typed at the cursor changes the session (ranking and
// revision), queues one write, advances the cursor, and the pane's View shows the value — no
// Root involved.
func TestGridPaneAlone(t *testing.T) {
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	s, err := newWorkbench(1, ev, "")
	if err != nil {
		t.Fatal(err)
	}
	pe := newPaneEnv(model.LangEn)
	keys := newKeyMap(pe.t)
	g := newGridPane(&pe.env, &keys, s)
	for d, dim := range ev.Framework.Dimensions {
		if dim.ID == "data_security" {
			g.dim = d
		}
	}
	g.SetSize(100, 20)
	rev := s.Revision()
	v, c, _ := g.cursor()
	g.Update(keyMsg("5"))
	g.SetSize(100, 20)
	if got := s.prob.Raw(v, c, s.reviewer); got != 5 || s.Revision() != rev+1 || pe.writes != 1 {
		t.Fatalf("after 5: raw %v, revision %d→%d, %d writes", got, rev, s.Revision(), pe.writes)
	}
	if g.col != v+1 {
		t.Fatalf("cursor at vendor %d, want %d (advance after a rating)", g.col, v+1)
	}
	name := ev.Framework.Criteria[c].Name.In(model.LangEn)
	var row string
	for _, l := range strings.Split(ansi.Strip(g.View(100, 20)), "\n") {
		if strings.Contains(l, name) {
			row = l
		}
	}
	if fields := strings.Fields(strings.SplitN(row, "│", 2)[0]); len(fields) < 3 || !strings.Contains(row, " 5 ") {
		t.Fatalf("the rated row does not show 5: %q", row)
	}
}
