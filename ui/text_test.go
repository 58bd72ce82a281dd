package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"ccselect/model"
)

func TestFitMeasuresCells(t *testing.T) {
	cases := []struct {
		in   string
		w    int
		want string
	}{
		{"云启通讯", 8, "云启通讯"},
		{"云启通讯", 10, "云启通讯  "},
		{"云启通讯", 7, "云启通…"}, // 6 + 1
		{"云启通讯", 6, "云启… "}, // 4 + 1 + a pad: a 3rd character would not fit beside the ellipsis
		{"abc", 2, "a…"},
		{"", 3, "   "},
		{"x", 0, ""},
	}
	for _, c := range cases {
		got := fit(c.in, c.w)
		if got != c.want {
			t.Errorf("fit(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
		if c.w > 0 && ansi.StringWidth(got) != c.w {
			t.Errorf("fit(%q, %d) is %d cells", c.in, c.w, ansi.StringWidth(got))
		}
	}
	if got := fitRight("云启", 6); got != "  云启" {
		t.Errorf("fitRight = %q", got)
	}
	if got := fitCenter("云", 5); got != " 云  " {
		t.Errorf("fitCenter = %q", got)
	}
}

func TestWrapNeverExceedsWidthNorSplitsCharacters(t *testing.T) {
	texts := []string{
		"承载系统通过等保三级测评；逻辑隔离、RBAC、审计日志、管理员MFA。",
		"Hosting system assessed at MLPS level 3; logical isolation, RBAC, audit logs, admin MFA.",
		"国密与国际算法双栈覆盖信令与媒体，使用合规密码模块。(4 = SM on signalling/APIs only.)",
		"averyveryverylongwordwithoutanyspaces云启",
	}
	for _, s := range texts {
		for w := 2; w <= 40; w++ {
			ls := wrap(s, w)
			var joined strings.Builder
			for _, l := range ls {
				if got := ansi.StringWidth(l); got > w {
					t.Fatalf("wrap(%q, %d): line %q is %d cells", s, w, l, got)
				}
				joined.WriteString(l)
			}
			// Nothing is lost: the lines hold every non-space character in order.
			strip := func(x string) string { return strings.ReplaceAll(x, " ", "") }
			if strip(joined.String()) != strip(s) {
				t.Fatalf("wrap(%q, %d) lost text: %q", s, w, ls)
			}
		}
	}
	// Closing punctuation does not start a line.
	for _, l := range wrap("一二三四五，六七", 10)[1:] {
		if strings.HasPrefix(l, "，") {
			t.Fatalf("line starts with punctuation: %q", wrap("一二三四五，六七", 10))
		}
	}
}

func TestOverlayKeepsWidth(t *testing.T) {
	base := block([]string{"云启通讯云启通讯云启通讯", "abcdefghijklmnopqrstuvwx"}, 24, 2)
	for x := 0; x < 20; x++ {
		out := overlay(base, "[xx]", x, 0)
		for i, l := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(l); w != 24 {
				t.Fatalf("overlay at %d: line %d is %d cells: %q", x, i, w, l)
			}
		}
		if !strings.Contains(out, "[xx]") {
			t.Fatalf("overlay at %d lost the box", x)
		}
	}
}

func TestFormatting(t *testing.T) {
	for in, want := range map[float64]string{4: "4", 4.5: "4.5", 99.95: "99.95", 2880: "2880", 3.6667: "3.67", 123.45: "123.5"} {
		if got := short(in); got != want {
			t.Errorf("short(%v) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[float64]string{0.2: "20%", 0.125: "12.5%", 0.4375: "43.8%", 1: "100%"} {
		if got := pct(in); got != want {
			t.Errorf("pct(%v) = %q, want %q", in, got, want)
		}
	}
	now := time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)
	zh, en := tr{model.LangZh}, tr{model.LangEn}
	cases := []struct {
		at   time.Time
		t    tr
		want string
	}{
		{now.Add(-time.Hour), zh, "今天 14:00"},
		{now.Add(-20 * time.Hour), en, "yesterday 19:00"},
		{time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC).Add(-time.Hour), en, "11-30"},
		{time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), en, "03-02"},
		{time.Date(2025, 12, 31, 9, 0, 0, 0, time.UTC), zh, "2025-12-31"},
		{time.Time{}, en, "–"},
	}
	for _, c := range cases {
		if got := lastEdit(c.t, c.at, now); got != c.want {
			t.Errorf("lastEdit(%v) = %q, want %q", c.at, got, c.want)
		}
	}
	// Yesterday across a month boundary.
	if got := lastEdit(en, time.Date(2026, 11, 30, 22, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)); got != "yesterday 22:00" {
		t.Errorf("month boundary: %q", got)
	}
}

func TestParseValue(t *testing.T) {
	for in, want := range map[string]float64{"3.5": 3.5, " 4 ": 4, "1,300": 1300, "９９.９５": 99.95, "99.9%": 99.9, "１，０００": 1000} {
		got, err := parseValue(in)
		if err != nil || got != want {
			t.Errorf("parseValue(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "abc", "3..5"} {
		if _, err := parseValue(in); err == nil {
			t.Errorf("parseValue(%q) accepted", in)
		}
	}
}

func TestKnockOutReason(t *testing.T) {
	ev := &model.Evaluation{Params: map[string]float64{"P": 1000}}
	ev.Framework.Criteria = []model.Criterion{{ID: "concurrent_channels", Name: model.Text{Zh: "并发通道数", En: "Concurrent channels"}}}
	f := model.KnockOutFailure{Rule: model.KnockOut{Criterion: "concurrent_channels", Op: model.OpGE, Threshold: 1, Param: "P"}, Value: 800}
	if got := koReason(tr{model.LangZh}, ev, f); got != "并发通道数 800 < 1000" {
		t.Errorf("got %q", got)
	}
	f.Missing = true
	if got := koReason(tr{model.LangEn}, ev, f); got != "Concurrent channels no score (≥ 1000)" { // the report's words (present.KnockOutReason)
		t.Errorf("got %q", got)
	}
	f.Rule.Op, f.Missing = model.OpLE, false
	if got := koReason(tr{model.LangEn}, ev, f); !strings.Contains(got, "800 > 1000") {
		t.Errorf("got %q", got)
	}
}
