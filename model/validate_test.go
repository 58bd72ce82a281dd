package model

import (
	"math"
	"strings"
	"testing"
)

func TestValidateBadInput(t *testing.T) {
	cases := []struct {
		name string
		edit func(e *Evaluation)
		want string
	}{
		{"empty name", func(e *Evaluation) { e.Name = "" }, "name must not be empty"},
		{"unknown dimension", func(e *Evaluation) { e.Framework.Criteria[0].Dimension = "zz" }, `unknown dimension "zz"`},
		{"duplicate criterion", func(e *Evaluation) { e.Framework.Criteria[1].ID = "r1" }, "duplicate criterion"},
		{"duplicate vendor", func(e *Evaluation) { e.Vendors[1].ID = "x" }, "duplicate vendor"},
		{"empty vendor name", func(e *Evaluation) { e.Vendors[1].Name = Text{} }, "empty name"},
		{"rating above 5", func(e *Evaluation) { e.Scores[0].Value = 7 }, "outside 1–5"},
		{"rating not a half point", func(e *Evaluation) { e.Scores[0].Value = 3.3 }, "half point"},
		{"rating NaN", func(e *Evaluation) { e.Scores[0].Value = math.NaN() }, "must be a number"},
		{"measured infinite", func(e *Evaluation) { e.Scores[2].Value = math.Inf(1) }, "must be a number"},
		{"unknown vendor in score", func(e *Evaluation) { e.Scores[0].Vendor = "nope" }, `unknown vendor "nope"`},
		{"unknown reviewer in score", func(e *Evaluation) { e.Scores[0].Reviewer = "nope" }, `unknown reviewer "nope"`},
		{"duplicate score", func(e *Evaluation) { e.Scores[1].Reviewer = e.Scores[0].Reviewer }, "duplicate score"},
		{"weights do not sum", func(e *Evaluation) { e.Profiles[0].Dimensions["a"] = 0.9 }, "sum to"},
		{"unknown active profile", func(e *Evaluation) { e.ActiveProfile = "q" }, "active profile"},
		{"knock-out op", func(e *Evaluation) { e.KnockOuts[0].Op = "~" }, "unknown operator"},
		{"knock-out criterion", func(e *Evaluation) { e.KnockOuts[0].Criterion = "zz" }, "unknown criterion"},
		{"missing parameter", func(e *Evaluation) { delete(e.Params, "P") }, `parameter "P"`},
		{"unsorted anchors", func(e *Evaluation) { e.Framework.Criteria[1].Anchors[2].X = 0.5 }, "sorted"},
		{"anchors against direction", func(e *Evaluation) { e.Framework.Criteria[1].Direction = Cost }, "contradict"},
		{"unknown kind", func(e *Evaluation) { e.Framework.Criteria[0].Kind = "vibes" }, "unknown kind"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := tiny()
			c.edit(e)
			err := e.Validate()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to mention %q", err, c.want)
			}
		})
	}
}

func TestParseHelpers(t *testing.T) {
	for in, want := range map[string]Op{"≥": OpGE, ">=": OpGE, "≤": OpLE, "<": OpLT, "=": OpEQ} {
		if got, err := ParseOp(in); err != nil || got != want {
			t.Errorf("ParseOp(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseMethod("ahp"); err == nil {
		t.Error("unknown method accepted")
	}
	if _, err := ParseConsensus("mode"); err == nil {
		t.Error("unknown consensus accepted")
	}
	for in, want := range map[string]Lang{"zh_CN.UTF-8": LangZh, "en_US": LangEn, "zh": LangZh} {
		if got, ok := ParseLang(in); !ok || got != want {
			t.Errorf("ParseLang(%q) = %v", in, got)
		}
	}
	if _, ok := ParseLang("fr"); ok {
		t.Error("fr accepted")
	}
	if (Text{Zh: "云"}).In(LangEn) != "云" || (Text{Zh: "云", En: "Yun"}).In(LangEn) != "Yun" {
		t.Error("Text fallback")
	}
}

func TestLangFromEnv(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{}, LangEn},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, LangZh},
		{map[string]string{"LANG": "en_US.UTF-8"}, LangEn},
		{map[string]string{"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, LangZh},
		{map[string]string{"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, LangEn},
		{map[string]string{"LC_MESSAGES": "zh_CN", "LANG": "en_GB"}, LangZh},
	}
	for _, c := range cases {
		if got := LangFromEnv(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: got %s, want %s", c.env, got, c.want)
		}
	}
}
