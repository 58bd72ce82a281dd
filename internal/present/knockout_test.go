package present

import (
	"testing"

	"ccselect/model"
)

// One failed gate is worded the same everywhere: the catalogue's "concurrent channels ≥ 1.0 × P"
// with P = 1000 (shared/domain/criteria-catalog.md) fails at 800 as "800 < 1000"; a track
// record of 99.8 under "≥ 99.9" reads 99.8, never 99.80 or float noise.
func TestKnockOutReason(t *testing.T) {
	ev := &model.Evaluation{Params: map[string]float64{"P": 1000}}
	ev.Framework.Criteria = []model.Criterion{
		{ID: "concurrent_channels", Name: model.Text{Zh: "并发通道数", En: "Concurrent channels"}},
		{ID: "track_record", Name: model.Text{Zh: "运营记录", En: "Operational track record"}},
	}
	ch := model.KnockOutFailure{Rule: model.KnockOut{Criterion: "concurrent_channels", Op: model.OpGE, Threshold: 1, Param: "P"}, Value: 800}
	tr := model.KnockOutFailure{Rule: model.KnockOut{Criterion: "track_record", Op: model.OpGE, Threshold: 99.9}, Value: 99.80000000000001}
	miss := ch
	miss.Missing = true
	cases := []struct {
		f      model.KnockOutFailure
		zh, en string
	}{
		{ch, "并发通道数 800 < 1000", "Concurrent channels 800 < 1000"},
		{tr, "运营记录 99.8 < 99.9", "Operational track record 99.8 < 99.9"},
		{miss, "并发通道数 无评分 (≥ 1000)", "Concurrent channels no score (≥ 1000)"},
	}
	for _, c := range cases {
		if got := KnockOutReason(ev, c.f, model.LangZh); got != c.zh {
			t.Errorf("zh %q, want %q", got, c.zh)
		}
		if got := KnockOutReason(ev, c.f, model.LangEn); got != c.en {
			t.Errorf("en %q, want %q", got, c.en)
		}
	}
	if got := KnockOutReasons(ev, []model.KnockOutFailure{tr, ch}, model.LangEn); got != "Operational track record 99.8 < 99.9 · Concurrent channels 800 < 1000" {
		t.Errorf("joined %q", got)
	}
	if got := KnockOutComparison(4.5, model.OpLE, 4); got != "4.5 > 4" {
		t.Errorf("comparison %q", got)
	}
}

func TestNumber(t *testing.T) {
	for x, want := range map[float64]string{99.8: "99.8", 1000: "1000", 4.56789: "4.5679", 0.1 + 0.2: "0.3"} {
		if got := Number(x); got != want {
			t.Errorf("Number(%v) = %q, want %q", x, got, want)
		}
	}
}
