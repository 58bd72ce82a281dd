package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"ccselect/internal/tuistore"
	"ccselect/model"
	"ccselect/samples"
	"ccselect/storage"
)

// sqlStore is the real database behind the workbench's store interface, as the program runs it
// (through the adapter), with the raw store at hand for tests that edit it from "another window".
type sqlStore struct {
	*tuistore.Adapter
	raw *storage.Store
}

func (s *sqlStore) Path() string { return s.raw.Path() }

// fixedNow is the clock of every test: "last edit" is rendered relative to it.
var fixedNow = time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)

// sampleStore opens a fresh database in a temporary directory holding the sample evaluation.
func sampleStore(t testing.TB) (*sqlStore, int64) {
	t.Helper()
	st, err := storage.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	ev.Created = fixedNow.Add(-26 * time.Hour)
	ev.Updated = fixedNow.Add(-time.Hour)
	id, err := st.Create(ev, "test")
	if err != nil {
		t.Fatal(err)
	}
	return &sqlStore{Adapter: tuistore.New(st), raw: st}, id
}

// newTestRoot is a root with a fixed clock and size, colourless styles and no polling.
func newTestRoot(st Store, lang model.Lang, open int64, w, h int) *Root {
	r := New(st, Options{Lang: lang, Actor: "test", OpenEval: open, NoColor: true})
	r.e.now = func() time.Time { return fixedNow }
	r.poll = 0
	r.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return r
}

// runCmds runs cmd and every command that follows from it synchronously (batches expanded),
// handing each message to handle and running what it returns, the way the Bubble Tea loop
// would (without the timers).
func runCmds(cmd tea.Cmd, handle func(tea.Msg) tea.Cmd) {
	cmds := []tea.Cmd{cmd}
	for len(cmds) > 0 {
		c := cmds[0]
		cmds = cmds[1:]
		if c == nil {
			continue
		}
		switch m := c().(type) {
		case nil:
		case tea.BatchMsg:
			cmds = append(cmds, m...)
		default:
			cmds = append(cmds, handle(m))
		}
	}
}

// drive runs cmd and every command that follows from it, feeding each message back into the
// root (polls are dropped: tests drive reloads by hand).
func drive(r *Root, cmd tea.Cmd) {
	runCmds(cmd, func(m tea.Msg) tea.Cmd {
		if _, ok := m.(pollMsg); ok {
			return nil
		}
		_, next := r.Update(m)
		return next
	})
}

// start runs Init to completion.
func start(r *Root) *Root {
	drive(r, r.Init())
	return r
}

// press sends keys ("down", "4", "ctrl+r", or a plain character) and runs what follows.
func press(r *Root, keys ...string) {
	for _, k := range keys {
		_, cmd := r.Update(keyMsg(k))
		drive(r, cmd)
	}
}

// typeText types s character by character (into a dialog).
func typeText(r *Root, s string) {
	for _, c := range s {
		_, cmd := r.Update(tea.KeyPressMsg{Code: c, Text: string(c)})
		drive(r, cmd)
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "shift+left":
		return tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModShift}
	case "shift+right":
		return tea.KeyPressMsg{Code: tea.KeyRight, Mod: tea.ModShift}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	if strings.HasPrefix(k, "ctrl+") && len(k) == 6 {
		return tea.KeyPressMsg{Code: rune(k[5]), Mod: tea.ModCtrl}
	}
	r := []rune(k)
	if len(r) != 1 {
		panic("unknown key " + k)
	}
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// screen is the rendered screen without ANSI sequences.
func screen(r *Root) string { return ansi.Strip(r.render()) }

// lines splits a screen into lines.
func lines(s string) []string { return strings.Split(s, "\n") }
