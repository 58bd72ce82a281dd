package cli

import (
	"strings"
	"testing"

	"ccselect/model"
	"ccselect/samples"
)

// A misspelled id lists the nearest valid ones (Levenshtein distance, closest first) and nothing
// when the word is too far from any of them to be a typo.
func TestNearest(t *testing.T) {
	ids := []string{"arch_redundancy", "load_balancing", "track_record", "concurrent_channels", "elastic_scaling"}
	for _, c := range []struct{ ref, want string }{
		{"arch_redundncy", "arch_redundancy"},
		{"load_balancng", "load_balancing"},
		{"track", "track_record"},
		{"Track_Record", "track_record"},
		{"pricing", ""},
	} {
		if got := strings.Join(nearest(c.ref, ids, 3), ","); got != c.want {
			t.Errorf("nearest(%q) = %q, want %q", c.ref, got, c.want)
		}
	}
	if d := editDistance("云启通讯", "云启通信"); d != 1 {
		t.Errorf("editDistance counts runes: %d, want 1", d)
	}
}

func TestParseKnockout(t *testing.T) {
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		in   string
		want model.KnockOut
	}{
		{"track_record >= 99.9", model.KnockOut{Criterion: "track_record", Op: model.OpGE, Threshold: 99.9}},
		{"track_record≥99.9", model.KnockOut{Criterion: "track_record", Op: model.OpGE, Threshold: 99.9}},
		{"sla_response <= 30", model.KnockOut{Criterion: "sla_response", Op: model.OpLE, Threshold: 30}},
		{"concurrent_channels >= 1*P", model.KnockOut{Criterion: "concurrent_channels", Op: model.OpGE, Threshold: 1, Param: "P"}},
		{"concurrent_channels >= 1.5 × peak", model.KnockOut{Criterion: "concurrent_channels", Op: model.OpGE, Threshold: 1.5, Param: "P"}},
		{"Concurrent channels > 2P", model.KnockOut{Criterion: "concurrent_channels", Op: model.OpGT, Threshold: 2, Param: "P"}},
		{"arch_redundancy = 5", model.KnockOut{Criterion: "arch_redundancy", Op: model.OpEQ, Threshold: 5}},
	} {
		got, err := parseKnockout(ev, c.in, "")
		if err != nil || got != c.want {
			t.Errorf("parseKnockout(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
		if back, err := parseKnockout(ev, knockoutText(got), ""); err != nil || back != got {
			t.Errorf("knockoutText(%+v) = %q does not read back: %+v, %v", got, knockoutText(got), back, err)
		}
	}
	for _, bad := range []string{"track_record", ">= 3", "track_record >= many", "nope >= 3"} {
		if _, err := parseKnockout(ev, bad, ""); err == nil {
			t.Errorf("parseKnockout(%q) accepted", bad)
		}
	}
}
