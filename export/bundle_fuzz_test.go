package export_test

import (
	"bytes"
	"strings"
	"testing"

	"ccselect/export"
	"ccselect/samples"
)

// FuzzDecodeBundle: whatever the bytes, DecodeBundle returns an evaluation or an error, never
// panics; an accepted bundle encodes and decodes back to the same evaluation, and encoding that
// again gives the same bytes (the bundle is a faithful, stable format).
func FuzzDecodeBundle(f *testing.F) {
	f.Add(sampleBundle(f))
	small := small(f)
	f.Add(small)
	f.Add(bytes.Replace(small, []byte(`"value": 4`), []byte(`"value": NaN`), 1))
	f.Add([]byte(`{"format":"ccselect-evaluation","version":1,"evaluation":{"name":"\ud800"}}`))
	f.Add([]byte(strings.Repeat("[", 100)))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		ev, err := export.DecodeBundle(bytes.NewReader(data))
		if err != nil {
			return
		}
		var once bytes.Buffer
		if err := export.EncodeBundle(&once, ev); err != nil {
			t.Fatalf("an accepted bundle does not encode: %v", err)
		}
		back, err := export.DecodeBundle(bytes.NewReader(once.Bytes()))
		if err != nil {
			t.Fatalf("an encoded bundle does not decode: %v", err)
		}
		var twice bytes.Buffer
		if err := export.EncodeBundle(&twice, back); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(once.Bytes(), twice.Bytes()) {
			t.Fatal("encode → decode → encode changed the bundle")
		}
	})
}

// sampleBundle is the embedded sample evaluation as a bundle: the richest seed there is.
func sampleBundle(f *testing.F) []byte {
	ev, err := samples.Sample()
	if err != nil {
		f.Fatal(err)
	}
	var sample bytes.Buffer
	if err := export.EncodeBundle(&sample, ev); err != nil {
		f.Fatal(err)
	}
	return sample.Bytes()
}

// small is a minimal valid bundle, so the fuzzer mutates something short.
func small(f *testing.F) []byte {
	ev, err := samples.Sample()
	if err != nil {
		f.Fatal(err)
	}
	ev.Framework.Criteria = ev.Framework.Criteria[:1]
	crit := ev.Framework.Criteria[0]
	ev.Framework.Dimensions = ev.Framework.Dimensions[:1]
	ev.Framework.Criteria[0].Dimension = ev.Framework.Dimensions[0].ID
	ev.Vendors, ev.Reviewers = ev.Vendors[:1], ev.Reviewers[:1]
	all := ev.Scores
	ev.Scores = nil
	for _, s := range all {
		if s.Criterion == crit.ID && s.Vendor == ev.Vendors[0].ID && s.Reviewer == ev.Reviewers[0].ID {
			ev.Scores = append(ev.Scores, s)
		}
	}
	ev.KnockOuts = nil
	p := ev.Profiles[0]
	p.Dimensions = map[string]float64{ev.Framework.Dimensions[0].ID: 1}
	p.Criteria = map[string]float64{crit.ID: 1}
	p.Locked = nil
	ev.Profiles, ev.ActiveProfile = ev.Profiles[:1], p.Name
	ev.Profiles[0] = p
	var b bytes.Buffer
	if err := export.EncodeBundle(&b, ev); err != nil {
		f.Fatal(err)
	}
	return b.Bytes()
}
