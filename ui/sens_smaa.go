package ui

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// SMAA runs off the update loop. startSMAA clones the problem (RunSMAA may not share it with
// the editor) and returns a command that starts the run on its own goroutine and waits for
// its first message. The run reports through a channel: a tick when a chunk of samples is
// done (the counts are read from atomics, so ticks can be dropped when the loop is busy) and
// a final done message. Each tick re-arms the wait, so the keys keep working between ticks;
// esc cancels the run's context, and RunSMAA returns within a chunk.

// smaaRunner is model.RunSMAA; tests substitute a gated one to hold a run in progress.
type smaaRunner func(ctx context.Context, p *model.Problem, opt model.SMAAOptions) (*model.SMAAResult, error)

// smaaSeed is fixed, so running the same settings on the same data gives the same numbers.
const smaaSeed = 20260101

// smaaSampleSteps are the sample counts + and − step through; the default is 100,000.
var smaaSampleSteps = []int{10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000}

const smaaDefaultStep = 3

// Weight modes, cycled by m.
const (
	smaaUniform = iota
	smaaOrdinal
	smaaAround
	smaaModes
)

// smaaAroundPct is the half-width of the "around the current weights" mode.
const smaaAroundPct = 20

// smaaChoice is what the next run uses.
type smaaChoice struct {
	samples int // index into smaaSampleSteps
	mode    int // smaaUniform, smaaOrdinal, smaaAround
	level   int // 0 dimensions, 1 criteria
	unc     int // 0 none, 1 reviewers
}

func defaultSMAAChoice() smaaChoice { return smaaChoice{samples: smaaDefaultStep} }

func (c smaaChoice) options() model.SMAAOptions {
	o := model.SMAAOptions{Samples: smaaSampleSteps[c.samples], Seed: smaaSeed}
	switch c.mode {
	case smaaOrdinal:
		o.Weights = model.WeightsOrdinal
	case smaaAround:
		o.Weights, o.AroundPct = model.WeightsAround, smaaAroundPct
	}
	if c.level == 1 {
		o.Level = model.LevelCriteria
	}
	if c.unc == 1 {
		o.Uncertainty = model.UncertaintyReviewers
	}
	// Leave a core to the interface on small machines; the numbers do not depend on it.
	o.Workers = max(1, runtime.GOMAXPROCS(0)-1)
	return o
}

// smaaRun is one run in progress. done and total are written by the run's goroutine.
type smaaRun struct {
	cancel     context.CancelFunc
	print      uint64 // fingerprint of the data it was started on
	rev        int    // the session's revision then
	done       atomic.Int64
	total      atomic.Int64
	cancelling bool
}

type smaaPhase int

const (
	smaaIdle smaaPhase = iota
	smaaRunning
	smaaCancelled
	smaaFailed
	smaaFinished
)

// smaaState is the SMAA panel: the choices and the run in progress. The last result is the
// session's (session.keepSMAA), so the Overview's sentence can quote it.
type smaaState struct {
	choice  smaaChoice
	run     smaaRunner
	running *smaaRun
	phase   smaaPhase
	err     error
}

// smaaTickMsg says a run made progress; smaaDoneMsg that it ended. Both name their run, so a
// message of a cancelled or replaced run is recognised and dropped.
type smaaTickMsg struct {
	run *smaaRun
	ch  chan tea.Msg
}

type smaaDoneMsg struct {
	run *smaaRun
	res *model.SMAAResult
	err error
}

// waitSMAA waits for the next message of a run.
func waitSMAA(ch chan tea.Msg) tea.Cmd { return func() tea.Msg { return <-ch } }

// startSMAA starts a run with the current choices and shows the SMAA section.
func (p *sensPane) startSMAA() tea.Cmd {
	t := p.e.t
	s := &p.smaa
	if s.running != nil {
		p.e.status(statusInfo, t.s("smaa.busy"))
		return nil
	}
	p.refresh()
	if p.c.an.be.Leader < 0 {
		p.e.status(statusWarn, t.s("sens.noranked"))
		return nil
	}
	// RunSMAA reads the problem on its own goroutine: give it a copy the editor will not touch.
	q := p.wb.prob.Clone()
	ev := *q.Eval
	ev.Vendors = slices.Clone(ev.Vendors)
	q.Eval = &ev

	ctx, cancel := context.WithCancel(context.Background())
	run := &smaaRun{cancel: cancel, print: p.c.an.print, rev: p.wb.Revision()}
	opt := s.choice.options()
	run.total.Store(int64(opt.Samples))
	ch := make(chan tea.Msg, 1)
	opt.Progress = func(done, total int) {
		run.done.Store(int64(done))
		run.total.Store(int64(total))
		select {
		case ch <- smaaTickMsg{run: run, ch: ch}:
		default: // a tick is already waiting; it will read the latest counts
		}
	}
	s.running, s.phase, s.err = run, smaaRunning, nil
	p.showSection(2)
	runner := s.run
	return func() tea.Msg {
		go func() {
			res, err := runner(ctx, q, opt)
			ch <- smaaDoneMsg{run: run, res: res, err: err}
		}()
		return <-ch
	}
}

// cancelSMAA cancels the run in progress; the done message confirms it.
func (p *sensPane) cancelSMAA() {
	if r := p.smaa.running; r != nil && !r.cancelling {
		r.cancelling = true
		r.cancel()
	}
}

// finishSMAA takes the outcome of a run.
func (p *sensPane) finishSMAA(msg smaaDoneMsg) {
	msg.run.cancel() // release the context
	s := &p.smaa
	if msg.run != s.running {
		return
	}
	s.running = nil
	switch {
	case msg.run.cancelling:
		// Cancelled, even if the last chunks finished before the run noticed: esc means the
		// user does not want these numbers.
		s.phase = smaaCancelled
	case msg.err == nil:
		p.wb.keepSMAA(msg.res, msg.run.print, msg.run.rev)
		s.phase = smaaFinished
		// Scroll to the section again: while it was short (no table yet) the scroll was
		// clamped above it, which would leave the new table below the fold.
		p.showSection(2)
	case errors.Is(msg.err, context.Canceled):
		s.phase = smaaCancelled
	default:
		s.phase, s.err = smaaFailed, msg.err
	}
}

// smaaMsg routes the messages of SMAA runs (whichever pane started them): a tick re-arms the
// wait for the next message even when its run is no longer wanted, so the run's goroutine can
// always deliver its last message and end.
func (r *Root) smaaMsg(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case smaaTickMsg:
		return waitSMAA(msg.ch)
	case smaaDoneMsg:
		// Only the sensitivity pane starts runs, so a run without that pane is not wanted.
		if s, ok := r.panes[tabSensitivity].(*sensPane); ok {
			s.finishSMAA(msg)
		} else {
			msg.run.cancel()
		}
	}
	return nil
}
