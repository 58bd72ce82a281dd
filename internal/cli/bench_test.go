package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ccselect/export"
	"ccselect/model"
	"ccselect/samples"
)

// BenchmarkScoreImport10k imports a 10,000-row score CSV (435 vendors × 23 criteria, one
// reviewer) into a fresh copy of the database each time: parse, check, one transaction.
// The budget is 1 s for the whole process.
func BenchmarkScoreImport10k(b *testing.B) {
	dir := b.TempDir()
	ev, err := samples.Sample()
	if err != nil {
		b.Fatal(err)
	}
	crits := ev.Framework.Criteria
	nv := 10000/len(crits) + 1
	ev.Name, ev.Scores = "big", nil
	ev.Vendors = ev.Vendors[:0]
	ev.Reviewers = ev.Reviewers[:1]
	var csv strings.Builder
	csv.WriteString("vendor,criterion,reviewer,value,note,evidence\n")
	n := 0
	for v := 0; v < nv; v++ {
		id := fmt.Sprintf("v%d", v)
		ev.Vendors = append(ev.Vendors, model.Vendor{ID: id, Name: model.Both("Vendor " + id)})
		for _, c := range crits {
			if n == 10000 {
				break
			}
			val := fmt.Sprint(1 + v%5)
			if c.Kind == "measured" {
				val = "99.9"
			}
			fmt.Fprintf(&csv, "%s,%s,%s,%s,note %d,\n", id, c.ID, ev.Reviewers[0].ID, val, n)
			n++
		}
	}
	bundle := filepath.Join(dir, "big.json")
	if err := export.WriteBundleFile(bundle, ev); err != nil {
		b.Fatal(err)
	}
	base := filepath.Join(dir, "base.db")
	if code := Run([]string{"import", bundle, "--db", base}, io.Discard, io.Discard); code != 0 {
		b.Fatal("import failed")
	}
	file := filepath.Join(dir, "scores.csv")
	os.WriteFile(file, []byte(csv.String()), 0o600)
	data, _ := os.ReadFile(base)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := filepath.Join(dir, fmt.Sprintf("t%d.db", i))
		os.WriteFile(db, data, 0o600)
		b.StartTimer()
		var errb bytes.Buffer
		if code := Run([]string{"score", "import", file, "--db", db}, io.Discard, &errb); code != 0 {
			b.Fatal(errb.String())
		}
	}
}

// BenchmarkReportSample is `ccselect report --sample` in-process (the budget: 30 ms for
// the whole process, start-up included).
func BenchmarkReportSample(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if code := Run([]string{"report", "--sample"}, io.Discard, io.Discard); code != 0 {
			b.Fatal("report failed")
		}
	}
}

// BenchmarkVersion is `ccselect version` in-process: building the command tree and running
// it, without the process start-up the 10 ms budget also covers.
func BenchmarkVersion(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if code := Run([]string{"version"}, io.Discard, io.Discard); code != 0 {
			b.Fatal("version failed")
		}
	}
}
