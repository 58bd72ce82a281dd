package ui

import (
	"strings"
	"testing"

	"ccselect/model"
)

// hugeEval is a small evaluation whose first vendor is named with n bytes (issue 7 defect 9:
// a 1 MB name froze the workbench: wrapping and truncation were quadratic).
func hugeEval(n int) *model.Evaluation {
	ev := synthEval(4, 5, 2)
	name := strings.Repeat("云启x", n/4)
	ev.Vendors[0].Name = model.Text{Zh: name, En: name}
	return ev
}

// Every tab draws with a 1 MB vendor name, each frame exactly the window's size, and q still
// quits. (A quadratic path makes this test run for minutes: the package's timeout catches it.)
func TestHugeNameRenders(t *testing.T) {
	r := start(newTestRoot(newMemStore(hugeEval(1<<20)), model.LangZh, 1, 120, 40))
	for i := range r.tabs {
		press(r, string(rune('0'+i)))
		ls := lines(screen(r))
		if len(ls) != 40 {
			t.Fatalf("tab %d: %d lines", i, len(ls))
		}
		for _, l := range ls {
			if width(l) != 120 {
				t.Fatalf("tab %d: a line of %d cells", i, width(l))
			}
		}
	}
	press(r, "1", "enter") // the rating dialog names the vendor
	if !strings.Contains(screen(r), "…") {
		t.Fatal("the huge name is not cut anywhere")
	}
	if _, cmd := r.Update(keyMsg("ctrl+c")); !isQuit(cmd) {
		t.Fatal("ctrl+c did not quit")
	}
}

// wrap and truncate cost one pass over their text.
func TestWrapLongWordLinear(t *testing.T) {
	word := strings.Repeat("x", 1<<20)
	ls := wrap(word, 50)
	if len(ls) != (1<<20)/50+1 || ls[0] != word[:50] || ls[len(ls)-1] != word[:(1<<20)%50] {
		t.Fatalf("%d lines", len(ls))
	}
	if got := truncate(word, 10); got != "xxxxxxxxx…" {
		t.Fatalf("truncate %q", got)
	}
	if got := fit("云启通讯"+word, 7); got != "云启通…" {
		t.Fatalf("fit %q", got)
	}
	zero := "a" + strings.Repeat("\u0301", 1<<16) // one cluster of combining marks
	if w := width(truncate(zero, 5)); w > 5 {
		t.Fatalf("zero-width text truncated to %d cells", w)
	}
}

func BenchmarkHugeNameFrame(b *testing.B) {
	r := start(newTestRoot(newMemStore(hugeEval(1<<20)), model.LangZh, 1, 120, 40))
	press(r, "1")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Update(keyMsg("right"))
		_ = r.View()
	}
}

// Issue 8 defect 6: a comparison or a percentage never breaks across lines.
func TestWrapKeepsComparisons(t *testing.T) {
	cases := []struct {
		s    string
		w    int
		keep string
	}{
		{"淘汰: 并发通道数 800 < 1000 · 历史运行记录 99.80 < 99.9", 16, "800 < 1000"},
		{"淘汰: 并发通道数 800 < 1000 · 历史运行记录 99.80 < 99.9", 20, "99.80 < 99.9"},
		{"数据安全保障权重 ≥ 30.5% 时磐石信联领先", 10, "≥ 30.5%"},
		{"stays first while data security ≤ 25.9% and concurrency ≥ 9.3%", 12, "≤ 25.9%"},
	}
	for _, c := range cases {
		ls := wrap(c.s, c.w)
		found := false
		for _, l := range ls {
			if width(l) > c.w && !strings.Contains(l, c.keep) {
				t.Fatalf("%q at %d: line %q is too wide", c.s, c.w, l)
			}
			if strings.Contains(l, c.keep) {
				found = true
			}
		}
		if !found {
			t.Fatalf("%q at %d: %q was split: %q", c.s, c.w, c.keep, ls)
		}
	}
}
