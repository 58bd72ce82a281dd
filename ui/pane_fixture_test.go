package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"ccselect/model"
	"ccselect/samples"
)

// paneFixture runs one pane on its own over a session, the way the root would run the focused
// pane — sized before every message, its commands' messages fed back to it — but with no Root:
// writes are counted and statuses recorded (paneEnv), and the dialogs the pane opens stack up
// and take the keys, as the root's overlays do.
type paneFixture struct {
	*paneEnv
	keys keyMap
	wb   *workbench
	w, h int
	dlgs overlays
}

// newPaneFixture is a session over ev (the sample when nil) in lang, for a pane of w × h.
func newPaneFixture(t testing.TB, ev *model.Evaluation, lang model.Lang, w, h int) *paneFixture {
	t.Helper()
	if ev == nil {
		var err error
		if ev, err = samples.Sample(); err != nil {
			t.Fatal(err)
		}
	}
	wb, err := newWorkbench(1, ev, "test")
	if err != nil {
		t.Fatal(err)
	}
	f := &paneFixture{paneEnv: newPaneEnv(lang), wb: wb, w: w, h: h}
	f.keys = newKeyMap(f.t)
	f.open = f.dlgs.push
	return f
}

// update hands msg to p (sized first) and drives what follows, as the root would.
func (f *paneFixture) update(p pane, msg tea.Msg) {
	runCmds(f.send(p, msg), func(m tea.Msg) tea.Cmd {
		if pm, ok := m.(paneMsg); ok {
			return f.send(p, pm.msg)
		}
		return f.send(p, m)
	})
	f.size(p)
}

func (f *paneFixture) send(p pane, msg tea.Msg) tea.Cmd {
	if b, ok := msg.(tea.BatchMsg); ok {
		return func() tea.Msg { return b }
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && f.dlgs.top() != nil {
		return f.dlgs.update(k)
	}
	f.size(p)
	return p.Update(msg)
}

func (f *paneFixture) size(p pane) {
	if s, ok := p.(sizer); ok {
		s.SetSize(f.w, f.h)
	}
}

// press sends keys (as the test helper press names them) to p.
func (f *paneFixture) press(p pane, keys ...string) {
	for _, k := range keys {
		f.update(p, keyMsg(k))
	}
}

// view is p drawn at the fixture's size, without ANSI sequences.
func (f *paneFixture) view(p pane) string {
	f.size(p)
	return ansi.Strip(p.View(f.w, f.h))
}

// dialog is the open dialog that takes the keys (nil when none).
func (f *paneFixture) dialog() dialog { return f.dlgs.top() }

// dialogView is the open dialog drawn as the root would at the fixture's width, without ANSI
// sequences ("" when none is open).
func (f *paneFixture) dialogView() string {
	if d := f.dlgs.top(); d != nil {
		return ansi.Strip(d.View(f.w))
	}
	return ""
}

// typeText types s character by character (into the open dialog).
func (f *paneFixture) typeText(p pane, s string) {
	for _, c := range s {
		f.update(p, tea.KeyPressMsg{Code: c, Text: string(c)})
	}
}

func (f *paneFixture) grid(dimID string) *gridPane {
	g := newGridPane(&f.env, &f.keys, f.wb)
	for d, dim := range f.wb.ev.Framework.Dimensions {
		if dim.ID == dimID {
			g.dim = d
		}
	}
	f.size(g)
	return g
}

func (f *paneFixture) overview() *overviewPane {
	p := &overviewPane{e: &f.env, keys: &f.keys, wb: f.wb}
	f.size(p)
	return p
}

func (f *paneFixture) sens() *sensPane {
	p := newSensPane(&f.env, &f.keys, f.wb, nil)
	f.size(p)
	return p
}

func (f *paneFixture) weights() *weightsPane {
	p := newWeightsPaneOf(&f.env, &f.keys, f.wb)
	f.size(p)
	return p
}
