package samples

import (
	"bytes"
	"strings"
	"testing"

	"ccselect/export"
)

// The generator is what every large-evaluation figure is repeated with: it must give the same
// bundle for the same options, the size asked for, and refuse sizes over the model's limits.
func TestGenerateDeterministic(t *testing.T) {
	o := GenOptions{Vendors: 7, Criteria: 12, Reviewers: 3, Seed: 42}
	var a, b bytes.Buffer
	for _, w := range []*bytes.Buffer{&a, &b} {
		ev, err := Generate(o)
		if err != nil {
			t.Fatal(err)
		}
		if err := export.EncodeBundle(w, ev); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two runs with the same options differ")
	}
	ev, _ := Generate(o)
	if len(ev.Vendors) != 7 || len(ev.Framework.Criteria) != 12 || len(ev.Reviewers) != 3 || len(ev.Scores) != 7*12*3 {
		t.Fatalf("size %d×%d×%d, %d scores", len(ev.Vendors), len(ev.Framework.Criteria), len(ev.Reviewers), len(ev.Scores))
	}
	if len(ev.Framework.Dimensions) != 2 { // ten criteria to a dimension: 10 + 2
		t.Fatalf("%d dimensions, want 2", len(ev.Framework.Dimensions))
	}
	other, _ := Generate(GenOptions{Vendors: 7, Criteria: 12, Reviewers: 3, Seed: 43})
	if other.Scores[0] == ev.Scores[0] && other.Scores[1] == ev.Scores[1] && other.Scores[2] == ev.Scores[2] {
		t.Error("another seed gives the same scores")
	}
	// The bundle reads back and validates (DecodeBundle runs Validate).
	if _, err := export.DecodeBundle(bytes.NewReader(a.Bytes())); err != nil {
		t.Fatal(err)
	}
}

func TestGenerateRefusesOverLimits(t *testing.T) {
	for _, o := range []GenOptions{
		{Vendors: 0, Criteria: 1, Reviewers: 1},
		{Vendors: 501, Criteria: 1, Reviewers: 1},
		{Vendors: 500, Criteria: 300, Reviewers: 10}, // 1.5 M scores
	} {
		if _, err := Generate(o); err == nil || !strings.HasPrefix(err.Error(), "generate:") {
			t.Errorf("%+v: err = %v, want a generate: error", o, err)
		}
	}
}
