package ui

import (
	"testing"

	"ccselect/samples"
)

func TestAnchorsLine(t *testing.T) {
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"track_record":        "≤99.5→1 · 99.9→3 · 99.95→4 · ≥99.99→5",
		"elastic_scaling":     "≤10→5 · 30→4 · 240→3 · 1440→2 · ≥4320→1", // cost: fast is good
		"concurrent_channels": "<1000→1 · 1000→2 · 1250→3 · 1500→4 · ≥2000→5",
	}
	for id, w := range want {
		c, _ := ev.Framework.Criterion(id)
		scale := 1.0
		if c.AnchorParam != "" {
			scale = ev.Params[c.AnchorParam]
		}
		if got := anchorsLine(c, scale); got != w {
			t.Errorf("%s: %q, want %q", id, got, w)
		}
	}
}

func TestPctColumnSharesDecimals(t *testing.T) {
	f := pctColumn(0.16, 0.4375, 0.25)
	if got := f(0.25) + " " + f(0.4375); got != "25.0% 43.8%" {
		t.Fatalf("mixed column = %q", got)
	}
	if g := pctColumn(0.2, 0.3, 0.5); g(0.3) != "30%" {
		t.Fatalf("whole percentages = %q", g(0.3))
	}
}

func TestCutNeverLeavesASpaceBeforeTheEllipsis(t *testing.T) {
	if got := truncate("Panshi Xinlian", 8); got != "Panshi…" {
		t.Errorf("got %q", got)
	}
	if got := truncate("云启通讯云启通讯", 7); got != "云启通…" {
		t.Errorf("wide: got %q", got)
	}
}

// Kinsoku: no line starts with closing punctuation or ends with opening punctuation, at any width.
func TestWrapKeepsChinesePunctuationInPlace(t *testing.T) {
	s := "三级之上提供专属/私有云存储、客户自管密钥（HSM/KMS）、录音导出双人审批、年度渗透测试。"
	for w := 14; w <= 40; w++ { // below 14 the unbreakable "（HSM/KMS）、" itself does not fit
		for i, l := range wrap(s, w) {
			r := []rune(l)
			if width(l) > w {
				t.Fatalf("width %d: line %q is %d cells", w, l, width(l))
			}
			if i > 0 && isClosingPunct(string(r[0])) {
				t.Fatalf("width %d: line %d starts with %q: %q", w, i, string(r[0]), wrap(s, w))
			}
			if isOpeningPunct(string(r[len(r)-1])) {
				t.Fatalf("width %d: line %d ends with %q: %q", w, i, string(r[len(r)-1]), wrap(s, w))
			}
		}
	}
}
