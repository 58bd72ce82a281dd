package export_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"ccselect/export"
	"ccselect/samples"
)

// The fast path of DecodeBundle (bundle_fast.go) must accept exactly what the careful path
// accepts, decode it to the same evaluation, and leave every refusal and its wording to the
// careful path. assertSameDecode checks that for one input.
func assertSameDecode(t *testing.T, name string, data []byte) {
	t.Helper()
	fast, errFast := export.DecodeBundleBytes(data)
	careful, errCareful := export.DecodeCarefully(data)
	switch {
	case (errFast == nil) != (errCareful == nil):
		t.Fatalf("%s: DecodeBundle says %v, the careful path %v", name, errFast, errCareful)
	case errFast != nil:
		if errFast.Error() != errCareful.Error() {
			t.Fatalf("%s: DecodeBundle says %q, the careful path %q", name, errFast, errCareful)
		}
	default:
		assertSameEvaluation(t, careful, fast)
	}
}

// What ccselect writes takes the fast path, and decodes as the careful path decodes it.
func TestDecodeFastPathTaken(t *testing.T) {
	gen, err := samples.Generate(samples.GenOptions{Vendors: 12, Criteria: 9, Reviewers: 3, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"sample":    encode(t, sample(t)),
		"generated": encode(t, gen),
		"with BOM":  append([]byte("\ufeff"), encode(t, sample(t))...),
		"compact":   compact(t, encode(t, sample(t))),
	} {
		if !export.FastPathTaken(data) {
			t.Errorf("%s: the fast path was not taken", name)
		}
		if !export.PlainShapes() {
			t.Errorf("a bundle type has an embedded field or a repeated name: the fast path decodes with the strict decoder")
		}
		assertSameDecode(t, name, data)
	}
}

func compact(t *testing.T, data []byte) []byte {
	var b bytes.Buffer
	if err := json.Compact(&b, data); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Each of these is refused, or only worded, by the careful path; the fast path must not vouch
// for any of them, and DecodeBundle must answer exactly as the careful path.
func TestDecodeFastPathDefers(t *testing.T) {
	valid := string(encode(t, sample(t)))
	cases := []struct {
		name, old, new string
		accepted       bool // the careful path accepts it (the fast path only cannot vouch for it)
	}{
		{"null value", `"value": 99.95,`, `"value": null,`, false},
		{"missing value", `"value": 99.95,`, ``, false},
		{"duplicate value", `"value": 99.95,`, `"value": 99.95, "value": 12,`, false},
		{"case-folded duplicate", `"value": 99.95,`, `"value": 99.95, "Value": 12,`, false},
		{"case-folded key", `"value": 99.95,`, `"VALUE": 99.95,`, true},
		{"escaped key", `"value": 99.95,`, `"v\u0061lue": 99.95,`, true},
		{"duplicate weight", `"stability": 0.24`, `"stability": 0.24, "stability": 0.5`, false},
		{"null weight", `"stability": 0.24`, `"stability": null`, false},
		{"duplicate envelope key", `"version": 1,`, `"version": 1, "version": 1,`, false},
		{"case-folded format", `"format": "ccselect-evaluation"`, `"Format": "ccselect-evaluation"`, false},
		{"escaped format", `"format": "ccselect-evaluation"`, `"form\u0061t": "ccselect-evaluation"`, true},
		{"no format", `"format": "ccselect-evaluation",`, ``, false},
		{"wrong format", `"format": "ccselect-evaluation"`, `"format": "something else"`, false},
		{"no version", `"version": 1,`, ``, false},
		{"version 2", `"version": 1,`, `"version": 2,`, false},
		{"version 0", `"version": 1,`, `"version": 0,`, false},
		{"version 1.0", `"version": 1,`, `"version": 1.0,`, false},
		{"null evaluation", `"evaluation": {`, `"evaluation": null, "x": {`, false},
		{"unknown field", `"value": 99.95,`, `"vlaue": 99.95,`, false},
		{"string for number", `"value": 99.95,`, `"value": "99.95",`, false},
		{"null name", `"name": "default"`, `"name": null`, false},
		{"null list", `"anchors": [`, `"anchors": null, "x": [`, false},
	}
	for _, c := range cases {
		if !strings.Contains(valid, c.old) {
			t.Fatalf("%s: the sample bundle lacks %q", c.name, c.old)
		}
		data := []byte(strings.Replace(valid, c.old, c.new, 1))
		if export.FastPathTaken(data) {
			t.Errorf("%s: the fast path vouched for it", c.name)
		}
		assertSameDecode(t, c.name, data)
		if _, err := export.DecodeBundleBytes(data); (err == nil) != c.accepted {
			t.Errorf("%s: accepted = %v, want %v (%v)", c.name, err == nil, c.accepted, err)
		}
	}
	for name, data := range map[string]string{
		"trailing data":  valid + " {}",
		"trailing comma": valid + ",",
		"top-level null": "null",
		"array":          "[" + valid + "]",
		"empty":          "",
		"truncated":      valid[:len(valid)/2],
	} {
		if export.FastPathTaken([]byte(data)) {
			t.Errorf("%s: the fast path vouched for it", name)
		}
		assertSameDecode(t, name, []byte(data))
	}
}

// FuzzDecodeFastPath: on any input, DecodeBundle answers as the careful path.
func FuzzDecodeFastPath(f *testing.F) {
	f.Add(sampleBundle(f))
	sm := small(f)
	f.Add(sm)
	f.Add(bytes.Replace(sm, []byte(`"value": 4`), []byte(`"value": null`), 1))
	f.Add(bytes.Replace(sm, []byte(`"value": 4`), []byte(`"value": 4, "Value": 4`), 1))
	f.Add(bytes.Replace(sm, []byte(`"format"`), []byte(`"f\u006frmat"`), 1))
	// Scores as decodeScores reads them (bundle_fast_scores.go).
	f.Add(bytes.Replace(sm, []byte(`"value": 4`), []byte(`"value": 40E-1, "note": "\u4e2d\"x\ud83d\ude00"`), 1))
	f.Add(bytes.Replace(sm, []byte(`"value": 4`), []byte(`"value": 4, "note": "a", "note": "b"`), 1))
	f.Add(bytes.Replace(sm, []byte(`"value": 4`), []byte(`"value": 04`), 1))
	f.Fuzz(func(t *testing.T, data []byte) {
		assertSameDecode(t, "fuzz input", data)
	})
}
