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

// largeBundle writes a generated bundle (issue 13's shapes) into dir and returns its path.
func largeBundle(b *testing.B, dir string, o samples.GenOptions) string {
	b.Helper()
	ev, err := samples.Generate(o)
	if err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(dir, "large.json")
	if err := export.WriteBundleFile(file, ev); err != nil {
		b.Fatal(err)
	}
	return file
}

var largeShapes = []samples.GenOptions{
	{Vendors: 200, Criteria: 100, Reviewers: 10, Seed: 1}, // 200k scores
	{Vendors: 500, Criteria: 300, Reviewers: 5, Seed: 1},  // 750k
}

func shapeName(o samples.GenOptions) string {
	return fmt.Sprintf("%dx%dx%d", o.Vendors, o.Criteria, o.Reviewers)
}

// BenchmarkLargeImport is `ccselect import` of a generated bundle into a new database, in-process
// (issue 13's budget for the whole process: 1 s at 200k scores, 10 s at 750k).
func BenchmarkLargeImport(b *testing.B) {
	for _, o := range largeShapes {
		b.Run(shapeName(o), func(b *testing.B) {
			dir := b.TempDir()
			file := largeBundle(b, dir, o)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				db := filepath.Join(dir, fmt.Sprintf("i%d.db", i))
				var errb bytes.Buffer
				if code := Run([]string{"import", file, "--db", db}, io.Discard, &errb); code != 0 {
					b.Fatal(errb.String())
				}
				b.StopTimer()
				for _, p := range []string{db, db + "-wal", db + "-shm"} {
					os.Remove(p)
				}
				b.StartTimer()
			}
		})
	}
}

// BenchmarkLargeReport is `ccselect report` of a generated evaluation, in-process (issue 13's
// budget for the whole process: 0.15 s at 200k scores, 1 s at 500k and 750k).
func BenchmarkLargeReport(b *testing.B) {
	for _, o := range largeShapes {
		b.Run(shapeName(o), func(b *testing.B) {
			dir := b.TempDir()
			file := largeBundle(b, dir, o)
			db := filepath.Join(dir, "r.db")
			var errb bytes.Buffer
			if code := Run([]string{"import", file, "--db", db}, io.Discard, &errb); code != 0 {
				b.Fatal(errb.String())
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if code := Run([]string{"report", "--db", db, "--eval", "1"}, io.Discard, &errb); code != 0 {
					b.Fatal(errb.String())
				}
			}
		})
	}
}
