package ui

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// brokenStore returns an evaluation that is nil: opening it panics inside Update. It answers
// after a moment so that the first frame (and the alternate screen) is drawn before.
type brokenStore struct{ listStore }

func (brokenStore) Load(int64) (*model.Evaluation, error) {
	time.Sleep(300 * time.Millisecond)
	return nil, nil
}

// panickyStore panics inside a command (off the update loop).
type panickyStore struct{ listStore }

func (panickyStore) List() ([]Summary, error) {
	time.Sleep(300 * time.Millisecond)
	panic("list exploded")
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// step is one move in a scripted session: wait until the terminal shows wait (if set), then
// send key (if set).
type step struct {
	wait string
	key  tea.Msg
}

// runProgram runs the whole program (Run) against a fake terminal, plays the steps, and returns
// Run's error and everything written to the terminal.
func runProgram(t *testing.T, st Store, opt Options, steps ...step) (error, string) {
	t.Helper()
	in, inW := io.Pipe()
	defer inW.Close()
	var out syncBuffer
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	errc := make(chan error, 1)
	var p *tea.Program
	ready := make(chan struct{})
	go func() {
		errc <- Run(ctx, st, opt, tea.WithInput(in), tea.WithOutput(&out), tea.WithWindowSize(80, 24),
			func(prog *tea.Program) { p = prog; close(ready) })
	}()
	<-ready
	for _, s := range steps {
		if s.wait != "" {
			deadline := time.Now().Add(5 * time.Second)
			for !strings.Contains(out.String(), s.wait) {
				if time.Now().After(deadline) {
					t.Fatalf("the terminal never showed %q", s.wait)
				}
				time.Sleep(10 * time.Millisecond)
			}
		}
		if s.key != nil {
			p.Send(s.key)
		}
	}
	select {
	case err := <-errc:
		return err, out.String()
	case <-time.After(8 * time.Second):
		t.Fatal("the program did not end")
	}
	return nil, ""
}

// A panic in Update ends the program with an error (not a hung raw-mode terminal), and the
// terminal is restored: the alternate screen is left and mouse reporting is switched off.
func TestPanicInUpdateRestoresTerminal(t *testing.T) {
	err, out := runProgram(t, brokenStore{}, Options{Lang: model.LangEn, OpenEval: 7})
	if !errors.Is(err, tea.ErrProgramPanic) {
		t.Fatalf("Run returned %v, want an error wrapping ErrProgramPanic", err)
	}
	if !strings.Contains(err.Error(), "terminal was restored") {
		t.Fatalf("error does not say the terminal is fine: %v", err)
	}
	checkRestored(t, out)
}

func TestPanicInCommandRestoresTerminal(t *testing.T) {
	err, out := runProgram(t, panickyStore{}, Options{Lang: model.LangEn})
	if !errors.Is(err, tea.ErrProgramPanic) {
		t.Fatalf("Run returned %v", err)
	}
	checkRestored(t, out)
}

func TestQuitLeavesTerminalClean(t *testing.T) {
	st, id := sampleStore(t)
	err, out := runProgram(t, st, Options{Lang: model.LangZh, OpenEval: id},
		step{wait: "长风云联", key: keyMsg("4")}, step{wait: "数据安全保障", key: keyMsg("q")})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	checkRestored(t, out)
}

func checkRestored(t *testing.T, out string) {
	t.Helper()
	enter, leave := strings.LastIndex(out, "\x1b[?1049h"), strings.LastIndex(out, "\x1b[?1049l")
	if enter < 0 || leave < enter {
		t.Fatalf("alternate screen not left (enter at %d, leave at %d)", enter, leave)
	}
	for _, mode := range []string{"1002", "1006", "2004"} { // mouse, SGR mouse, bracketed paste
		on, off := strings.LastIndex(out, "\x1b[?"+mode+"h"), strings.LastIndex(out, "\x1b[?"+mode+"l")
		if on < 0 || off < on {
			t.Fatalf("mode %s: set at %d, reset at %d", mode, on, off)
		}
	}
	if show := strings.LastIndex(out, "\x1b[?25h"); show < 0 {
		t.Fatal("cursor left hidden")
	}
}
