package ui

import (
	"bytes"
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"ccselect/model"
)

// probe wraps the root so a test can read the screen from inside the program's own goroutine
// (no data race): a snapMsg is answered with the rendered, ANSI-stripped screen.
type probe struct{ *Root }

type snapMsg struct{ ch chan string }

func (p probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m, ok := msg.(snapMsg); ok {
		m.ch <- ansi.Strip(p.Root.render())
		return p, nil
	}
	_, cmd := p.Root.Update(msg)
	return p, cmd
}

// waitScreen asks for the screen until cond holds (edits are saved asynchronously).
func waitScreen(t *testing.T, tm *teatest.TestModel, what string, cond func(string) bool) string {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	var last string
	for time.Now().Before(deadline) {
		ch := make(chan string, 1)
		tm.Send(snapMsg{ch})
		select {
		case last = <-ch:
			if cond(last) {
				return last
			}
		case <-time.After(time.Second):
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("waiting for %s; screen:\n%s", what, last)
	return ""
}

func contains(s string) func(string) bool {
	return func(x string) bool { return strings.Contains(x, s) }
}

func send(tm *teatest.TestModel, keys ...string) {
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
}

// The flow through the real program: open the demo evaluation, move to data security,
// set a rating and see the ranking change, undo it, toggle the language, open the help, quit.
// Fixed terminal size, ASCII colour profile.
func TestFlowDemo(t *testing.T) {
	st, id := sampleStore(t)
	root := New(st, Options{Lang: model.LangEn, Actor: "test", OpenEval: id, Demo: true})
	root.e.now = func() time.Time { return fixedNow }
	tm := teatest.NewTestModel(t, probe{root}, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))

	// The terminal output shows the overview once the evaluation is loaded.
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Yunqi Telecom")) },
		teatest.WithDuration(3*time.Second))
	waitScreen(t, tm, "the ranking", contains("1 Yunqi Telecom"))

	send(tm, "4")
	waitScreen(t, tm, "the data security grid", contains("Data security · weight 20%"))
	send(tm, "down", "right", "right", "1")
	scr := waitScreen(t, tm, "the ranking to change", contains("3.81▲1"))
	if !strings.Contains(scr, "3 Huisheng") || !strings.Contains(scr, "3.78▼1") || !strings.Contains(scr, "2 Panshi") {
		t.Fatalf("huisheng did not drop:\n%s", scr)
	}
	waitScreen(t, tm, "the save", contains("not kept")) // the demo keeps nothing: no "✓ saved"

	send(tm, "u")
	waitScreen(t, tm, "undo to restore the ranking", func(s string) bool {
		return strings.Contains(s, "Undone:") && strings.Contains(s, "2 Huisheng AI 3.83")
	})

	send(tm, "L")
	waitScreen(t, tm, "Chinese", contains("数据安全保障 · 权重 20%"))
	send(tm, "?")
	waitScreen(t, tm, "the help overlay", contains("按键 · 安全"))
	send(tm, "esc")
	waitScreen(t, tm, "the help to close", func(s string) bool { return !strings.Contains(s, "按键 · 安全") })

	send(tm, "q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
	final := tm.FinalModel(t).(probe)
	if v, _ := storedValue(t, st, id, "huisheng", "storage_security", "wang"); v != 3 {
		t.Fatalf("database holds %v after undo", v)
	}
	if final.e.t.lang != model.LangZh {
		t.Fatal("final model not in Chinese")
	}
}

// Home flow through the real program: create an evaluation from a template, add a vendor and a
// reviewer, rate, and quit.
func TestFlowNewEvaluation(t *testing.T) {
	st, _ := sampleStore(t)
	root := New(st, Options{Lang: model.LangZh, Actor: "test"})
	root.e.now = func() time.Time { return fixedNow }
	tm := teatest.NewTestModel(t, probe{root}, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitScreen(t, tm, "the list", contains("示例：云呼叫中心选型"))
	send(tm, "n")
	waitScreen(t, tm, "the form", contains("新建评估"))
	tm.Type("政务热线")
	send(tm, "tab")
	tm.Type("某市")
	send(tm, "tab", "left", "ctrl+s") // template: default ← government (wraps)
	scr := waitScreen(t, tm, "the new workbench", contains("权重: government"))
	if !strings.Contains(scr, "还没有厂商可排名") {
		t.Fatalf("no empty state:\n%s", scr)
	}
	send(tm, "shift+tab", "shift+tab", "a")
	waitScreen(t, tm, "the vendor form", contains("添加厂商"))
	tm.Type("甲厂商")
	send(tm, "ctrl+s")
	waitScreen(t, tm, "the vendor", contains("甲厂商"))
	send(tm, "tab", "a")
	waitScreen(t, tm, "the reviewer form", contains("添加评审人"))
	tm.Type("周敏")
	send(tm, "enter")
	waitScreen(t, tm, "the reviewer", contains("评审: 周敏"))
	send(tm, "1", "4")
	scr = waitScreen(t, tm, "the rating", contains("周敏 4"))
	if !strings.Contains(scr, "▸架构冗余设计") || !strings.Contains(scr, "均值 4 → 得分 4.00") {
		t.Fatalf("rating not shown:\n%s", scr)
	}
	send(tm, "ctrl+c")
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
}

// The sensitivity flow through the real program: open the demo, go to the Sensitivity tab,
// pick data security and read its break-even (25.9%: the catalogue's "≈26%"), start SMAA,
// switch tabs while it runs (the key is handled at once), come back, cancel it with esc (the
// tab says so and the evaluation stays open), and run it again to the end. The first run is
// held after its first chunk until it is cancelled, so "while it runs" is certain, not a race.
func TestFlowSensitivity(t *testing.T) {
	st, id := sampleStore(t)
	var calls atomic.Int32
	root := New(st, Options{Lang: model.LangEn, Actor: "test", OpenEval: id, Demo: true})
	root.e.now = func() time.Time { return fixedNow }
	root.smaaRun = func(ctx context.Context, p *model.Problem, opt model.SMAAOptions) (*model.SMAAResult, error) {
		if calls.Add(1) == 1 {
			report := opt.Progress
			opt.Progress = func(done, total int) {
				report(done, total)
				<-ctx.Done()
			}
		}
		return model.RunSMAA(ctx, p, opt)
	}
	tm := teatest.NewTestModel(t, probe{root}, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitScreen(t, tm, "the ranking", contains("1 Yunqi Telecom"))

	send(tm, "0", "shift+tab", "shift+tab", "shift+tab", "shift+tab")
	waitScreen(t, tm, "the sensitivity tab", contains("‹ System stability › dimension weight 24%"))
	send(tm, "]", "]", "]")
	waitScreen(t, tm, "data security", contains("‹ Data security › dimension weight 20%"))
	send(tm, "v")
	waitScreen(t, tm, "the break-even table", contains("▸Security      20%  —                            25.9% → Panshi Xinlian"))

	send(tm, "s")
	waitScreen(t, tm, "the run in progress", contains("running · esc cancels"))
	send(tm, "tab")
	scr := waitScreen(t, tm, "the vendors tab during the run", contains("a add"))
	if strings.Contains(scr, "esc cancels") {
		t.Fatalf("still on the sensitivity tab:\n%s", scr)
	}
	send(tm, "shift+tab")
	waitScreen(t, tm, "the run still in progress", contains("running · esc cancels"))
	send(tm, "esc")
	scr = waitScreen(t, tm, "the cancellation", contains("cancelled · press s to run again"))
	if !strings.Contains(scr, "‹ Data security ›") {
		t.Fatalf("esc left the evaluation:\n%s", scr)
	}

	send(tm, "s")
	scr = waitScreen(t, tm, "the result", contains("Rank acceptability"))
	if !strings.Contains(scr, "Robustness: Yunqi Telecom is first in 41% of weight scenarios") {
		t.Fatalf("summary without the SMAA share:\n%s", scr)
	}
	if calls.Load() != 2 {
		t.Fatalf("%d runs", calls.Load())
	}
	send(tm, "q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
}
