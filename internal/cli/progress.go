package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"ccselect/internal/present"
	"ccselect/model"
)

// A long SMAA run (millions of samples, or --uncertainty reviewers on a large evaluation: over a
// minute) must not look like a hang. On a terminal, stderr shows how far it is and that Ctrl+C
// stops it, redrawn in place at most ten times a second and erased before anything is printed;
// a short run, a pipe or a file sees nothing.
const (
	progressDelay = 300 * time.Millisecond // runs shorter than this never show a line
	progressEvery = 100 * time.Millisecond
)

// smaaProgress returns the SMAAOptions.Progress callback for c (nil when stderr is not a
// terminal) and the function that erases the line once the run is over.
func smaaProgress(c *cobra.Command, l model.Lang, samples int) (func(done, total int), func()) {
	f, ok := c.ErrOrStderr().(term.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return nil, func() {}
	}
	p := &progressLine{w: f, lang: l, samples: samples, now: time.Now}
	if w, _, err := term.GetSize(f.Fd()); err == nil {
		p.cols = w
	}
	p.start = p.now()
	return p.update, p.clear
}

// progressLine draws "SMAA 37% of 100,000 samples · Ctrl+C stops" on one line. The share is
// of all the work (RunSMAA's total also counts the confidence passes); the count is the samples
// asked for, the number the user typed.
type progressLine struct {
	w           io.Writer
	lang        model.Lang
	samples     int
	cols        int // the terminal's width in cells; 0 = unknown
	now         func() time.Time
	start, last time.Time
	shown       bool
}

func (p *progressLine) update(done, total int) {
	t := p.now()
	if t.Sub(p.start) < progressDelay || (p.shown && t.Sub(p.last) < progressEvery) || total <= 0 {
		return
	}
	p.last, p.shown = t, true
	line := present.SMAAProgress(100*done/total, p.samples, p.lang)
	if p.cols > 1 {
		// One cell short of the edge: a line that wrapped could not be redrawn in place by \r.
		line = ansi.Truncate(line, p.cols-1, "…")
	}
	fmt.Fprint(p.w, "\r\x1b[2K"+line)
}

func (p *progressLine) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[2K")
		p.shown = false
	}
}
