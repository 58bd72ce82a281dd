package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"ccselect/model"
)

// The Weights flow through the real program: on the sample raise data security a point
// at a time until the leader changes (the break-even is 25.9%, the catalogue's "≈26%": at 25%
// Yunqi still leads, at 26% Panshi does), save the draft as a profile, and compare it with
// default (the winner differs, so the new profile is marked).
func TestFlowWeights(t *testing.T) {
	st, id := sampleStore(t)
	root := New(st, Options{Lang: model.LangEn, Actor: "test", OpenEval: id})
	root.e.now = func() time.Time { return fixedNow }
	tm := teatest.NewTestModel(t, probe{root}, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitScreen(t, tm, "the ranking", contains("1 Yunqi Telecom"))

	send(tm, "6", "down", "down", "down")
	waitScreen(t, tm, "the weights tab", focusedAt("20%"))
	for i := 0; i < 5; i++ {
		send(tm, "right")
	}
	scr := waitScreen(t, tm, "25%", focusedAt("25%"))
	if !strings.Contains(scr, "1 Yunqi Telecom") || !strings.Contains(scr, "weights: default*") {
		t.Fatalf("at 25%% Yunqi should still lead, with the draft marked:\n%s", scr)
	}
	send(tm, "right")
	// The break-even line follows the ranking once its run (off the update loop) is in.
	scr = waitScreen(t, tm, "the new leader", func(s string) bool {
		return strings.Contains(s, "1 Panshi Xinlian") && strings.Contains(s, "Data security 25.9% → Yunqi")
	})
	if !focusedAt("26%")(scr) {
		t.Fatalf("leader change not at 26%%:\n%s", scr)
	}

	send(tm, "s")
	waitScreen(t, tm, "the save form", contains("Save weight profile"))
	for range "default" {
		send(tm, "backspace")
	}
	tm.Type("security26")
	send(tm, "enter")
	scr = waitScreen(t, tm, "the saved profile", contains("weights: security26 "))
	if strings.Contains(scr, "default*") {
		t.Fatalf("draft still marked after saving:\n%s", scr)
	}

	send(tm, "c")
	waitScreen(t, tm, "the comparison", contains("Compare profiles"))
	send(tm, "down", "space", "down", "space", "down", "space") // keep default and security26
	scr = waitScreen(t, tm, "two columns", contains("≠security26"))
	for _, want := range []string{"[x] default", "[ ] finance", "[x] security26"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("comparison lacks %q:\n%s", want, scr)
		}
	}
	// Rank and total under default, then under security26 (a tie at 3.90, Panshi first).
	if !lineWith(scr, "Yunqi Telecom", "1 3.97", "2 3.90") || !lineWith(scr, "Panshi Xinlian", "3 3.81", "1 3.90") {
		t.Fatalf("comparison rows:\n%s", scr)
	}
	send(tm, "esc", "q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
	ev, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if p, err := ev.Profile("security26"); err != nil || ev.ActiveProfile != "security26" || ev.Draft != nil || !near(p.Dimensions["data_security"], 0.26) {
		t.Fatalf("stored: %+v %v active %q draft %v", p, err, ev.ActiveProfile, ev.Draft)
	}
}

// focusedAt: the focused weights row (data security) shows weight w.
func focusedAt(w string) func(string) bool {
	return func(s string) bool { return lineWith(s, "▸ Data security", " "+w+" ") }
}

// lineWith reports whether one line of s holds every part, in order.
func lineWith(s string, parts ...string) bool {
	for _, l := range strings.Split(s, "\n") {
		rest, ok := l, true
		for _, p := range parts {
			i := strings.Index(rest, p)
			if i < 0 {
				ok = false
				break
			}
			rest = rest[i+len(p):]
		}
		if ok {
			return true
		}
	}
	return false
}
