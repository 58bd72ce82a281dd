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
// once the test opens gate, after the first frame (and the alternate screen) is on the terminal.
type brokenStore struct {
	listStore
	gate chan struct{}
}

func (b brokenStore) Load(int64) (*model.Evaluation, error) {
	<-b.gate
	return nil, nil
}

// panickyStore panics inside a command (off the update loop), once gate opens.
type panickyStore struct {
	listStore
	gate chan struct{}
}

func (p panickyStore) List() ([]Summary, error) {
	<-p.gate
	panic("list exploded")
}

// syncBuffer is the fake terminal: writes are safe from the program's goroutines, and each
// one signals changed so a test waits on output instead of sleeping.
type syncBuffer struct {
	mu      sync.Mutex
	b       bytes.Buffer
	changed chan struct{} // capacity 1: "something was written since you last looked"
}

func newSyncBuffer() *syncBuffer { return &syncBuffer{changed: make(chan struct{}, 1)} }

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, err := s.b.Write(p)
	select {
	case s.changed <- struct{}{}:
	default:
	}
	return n, err
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// step is one move in a scripted session: wait until the terminal shows wait (if set), then
// run do and send key (each if set).
type step struct {
	wait string
	do   func()
	key  tea.Msg
}

// runProgram runs the whole program (Run) against a fake terminal, plays the steps, and returns
// Run's error and everything written to the terminal.
func runProgram(t *testing.T, st Store, opt Options, steps ...step) (error, string) {
	t.Helper()
	in, inW := io.Pipe()
	defer inW.Close()
	out := newSyncBuffer()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	errc := make(chan error, 1)
	var p *tea.Program
	ready := make(chan struct{})
	go func() {
		errc <- Run(ctx, st, opt, tea.WithInput(in), tea.WithOutput(out), tea.WithWindowSize(80, 24),
			func(prog *tea.Program) { p = prog; close(ready) })
	}()
	<-ready
	for _, s := range steps {
		if s.wait != "" {
			// A generous bound only for a hung program; the wait itself ends on output.
			timeout := time.After(5 * time.Second)
			for !strings.Contains(out.String(), s.wait) {
				select {
				case <-out.changed:
				case <-timeout:
					t.Fatalf("the terminal never showed %q", s.wait)
				}
			}
		}
		if s.do != nil {
			s.do()
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
	gate := make(chan struct{})
	err, out := runProgram(t, brokenStore{gate: gate}, Options{Lang: model.LangEn, OpenEval: 7},
		step{wait: "\x1b[?1049h", do: func() { close(gate) }})
	if !errors.Is(err, tea.ErrProgramPanic) {
		t.Fatalf("Run returned %v, want an error wrapping ErrProgramPanic", err)
	}
	if !strings.Contains(err.Error(), "terminal was restored") {
		t.Fatalf("error does not say the terminal is fine: %v", err)
	}
	checkRestored(t, out)
}

func TestPanicInCommandRestoresTerminal(t *testing.T) {
	gate := make(chan struct{})
	err, out := runProgram(t, panickyStore{gate: gate}, Options{Lang: model.LangEn},
		step{wait: "\x1b[?1049h", do: func() { close(gate) }})
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
