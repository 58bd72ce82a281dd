package ui

import (
	"strings"
	"testing"

	"ccselect/model"
)

// The sample's sentence at 80×24 (issue 8 defect 6): the Overview band has two lines, and the
// sentence used to end "越过最近的临界点…", losing who takes over. Shortened, it keeps the
// leader and the conclusion (磐石信联 leads past the limit; model's TestBreakEvenEmbeddedSample
// has the same crossover).
func TestRobustnessSentenceKeepsConclusion(t *testing.T) {
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		st, id := sampleStore(t)
		r := start(newTestRoot(st, lang, id, 80, 24))
		press(r, "0")
		scr := screen(r)
		ls := lines(scr)
		band := strings.Join(ls[len(ls)-4:len(ls)-2], "")
		next, leader := "磐石信联", "云启通讯"
		if lang == model.LangEn {
			next, leader = "Panshi Xinlian", "Yunqi Telecom"
		}
		if !strings.Contains(band, next) || !strings.Contains(band, leader) {
			t.Errorf("%s: the robustness band lost its conclusion:\n%s", lang, scr)
		}
	}
}

func TestFitConclusion(t *testing.T) {
	id := func(s string) string { return s }
	s := "Alpha is first; it stays first while x ≤ 10% and y ≥ 20%; past the nearest limit Beta leads."
	if got := fitConclusion(s, id, 100, 1); len(got) != 1 || got[0] != s {
		t.Fatalf("a sentence that fits was changed: %q", got)
	}
	got := strings.Join(fitConclusion(s, id, 40, 2), " ")
	if want := "Alpha is first; …; past the nearest limit Beta leads."; got != want {
		t.Fatalf("middle clause: %q, want %q", got, want)
	}
	got = strings.Join(fitConclusion(s, id, 40, 1), " ")
	if want := "…past the nearest limit Beta leads."; got != want {
		t.Fatalf("one line: %q, want %q", got, want)
	}
	zh := "甲排名第一；数据安全权重 ≤ 26.1% 时保持第一；越过最近的临界点后乙领先。"
	if got := strings.Join(fitConclusion(zh, id, 24, 2), ""); got != "甲排名第一；…；越过最近的临界点后乙领先。" {
		t.Fatalf("zh: %q", got)
	}
}
