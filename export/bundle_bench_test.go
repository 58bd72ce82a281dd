package export_test

import (
	"bytes"
	"fmt"
	"testing"

	"ccselect/export"
	"ccselect/samples"
)

// BenchmarkDecodeLargeBundle is import's reading half on generated bundles (issue 13): the strict
// decode, the null and duplicate checks and Validate.
func BenchmarkDecodeLargeBundle(b *testing.B) {
	for _, o := range []samples.GenOptions{
		{Vendors: 200, Criteria: 100, Reviewers: 10, Seed: 1}, // 200k scores
		{Vendors: 500, Criteria: 300, Reviewers: 5, Seed: 1},  // 750k
	} {
		b.Run(fmt.Sprintf("%dx%dx%d", o.Vendors, o.Criteria, o.Reviewers), func(b *testing.B) {
			ev, err := samples.Generate(o)
			if err != nil {
				b.Fatal(err)
			}
			var buf bytes.Buffer
			if err := export.EncodeBundle(&buf, ev); err != nil {
				b.Fatal(err)
			}
			data := buf.Bytes()
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := export.DecodeBundle(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
