package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"ccselect/model"
)

// The progress line stays silent for a short run, then redraws in place at most every 100 ms
// with the share done, the samples asked for (grouped) and how to stop, and is erased at the end.
func TestProgressLine(t *testing.T) {
	var out bytes.Buffer
	clock := time.Unix(0, 0)
	p := &progressLine{w: &out, lang: model.LangEn, samples: 1_000_000, now: func() time.Time { return clock }}
	p.start = clock
	step := func(d time.Duration, done int) {
		clock = clock.Add(d)
		p.update(done, 1_000_000)
	}
	step(100*time.Millisecond, 100_000) // before the delay: nothing
	if out.Len() != 0 {
		t.Fatalf("a short run drew %q", out.String())
	}
	step(250*time.Millisecond, 370_000)
	if got, want := out.String(), "\r\x1b[2KSMAA 37% of 1,000,000 samples · Ctrl+C stops"; got != want {
		t.Fatalf("line %q, want %q", got, want)
	}
	step(50*time.Millisecond, 400_000) // within 100 ms of the last draw: skipped
	if strings.Count(out.String(), "\r") != 1 {
		t.Fatalf("redrew within 100 ms: %q", out.String())
	}
	step(60*time.Millisecond, 450_000)
	if !strings.HasSuffix(out.String(), "SMAA 45% of 1,000,000 samples · Ctrl+C stops") {
		t.Fatalf("second draw: %q", out.String())
	}
	p.clear()
	if !strings.HasSuffix(out.String(), "\r\x1b[2K") || p.shown {
		t.Fatalf("not erased: %q", out.String())
	}

	out.Reset()
	zh := &progressLine{w: &out, lang: model.LangZh, samples: 20_000, now: func() time.Time { return clock }, start: clock.Add(-time.Second)}
	zh.update(15_000, 60_000) // the total counts the confidence passes too
	if got, want := out.String(), "\r\x1b[2KSMAA 20,000 次抽样 · 已完成 25% · Ctrl+C 停止"; got != want {
		t.Fatalf("zh line %q, want %q", got, want)
	}
	zh.clear()
	(&progressLine{w: &out}).clear() // never shown: writes nothing more
	if strings.Count(out.String(), "\r") != 2 {
		t.Fatalf("clear of a line never shown wrote: %q", out.String())
	}
}

// On a narrow terminal the line is cut to one cell less than the width, counted in cells (a
// Chinese character takes two, and is never split), so \r can redraw it in place.
func TestProgressLineFitsTheTerminal(t *testing.T) {
	var out bytes.Buffer
	clock := time.Unix(0, 0)
	p := &progressLine{w: &out, lang: model.LangZh, samples: 100_000, cols: 20, now: func() time.Time { return clock }, start: clock.Add(-time.Second)}
	p.update(1, 2)
	line := strings.TrimPrefix(out.String(), "\r\x1b[2K")
	// 19 cells at most; 18 here, as a two-cell character does not fit in the last cell.
	if w := ansi.StringWidth(line); w != 18 || !strings.HasSuffix(line, "…") || !strings.HasPrefix(line, "SMAA 100,000 ") {
		t.Fatalf("line %q is %d cells, want 18 ending in …", line, w)
	}
}

// Output that is not a terminal (a pipe, a file, a test buffer) gets no progress at all.
func TestProgressOffWithoutTerminal(t *testing.T) {
	c := newRoot()
	c.SetErr(&bytes.Buffer{})
	if f, _ := smaaProgress(c, model.LangEn, 1000); f != nil {
		t.Fatal("progress on a buffer")
	}
}
