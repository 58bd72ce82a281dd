package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs the command line in-process and returns exit code, stdout and stderr.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func mustCLI(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := cli(t, args...)
	if code != 0 {
		t.Fatalf("ccselect %s: exit %d: %s", strings.Join(args, " "), code, errs)
	}
	return out
}

func failCLI(t *testing.T, want string, args ...string) {
	t.Helper()
	code, _, errs := cli(t, args...)
	if code == 0 {
		t.Fatalf("ccselect %s succeeded, want an error mentioning %q", strings.Join(args, " "), want)
	}
	if !strings.Contains(errs, want) {
		t.Fatalf("ccselect %s: stderr %q does not mention %q", strings.Join(args, " "), errs, want)
	}
}

type reportJSON struct {
	Evaluation, Profile, Method string
	Vendors                     []struct {
		ID              string
		Name            string
		Rank            *int
		Total           float64
		Excluded        bool
		FailedKnockOuts []string `json:"failed_knockouts"`
		Incomplete      bool
		Dimensions      map[string]float64
	}
}

func report(t *testing.T, args ...string) reportJSON {
	t.Helper()
	var r reportJSON
	if err := json.Unmarshal([]byte(mustCLI(t, append([]string{"report", "--format", "json"}, args...)...)), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestReportSampleDefault(t *testing.T) {
	r := report(t, "--sample")
	if r.Profile != "default" || r.Method != "wsm" {
		t.Fatalf("profile/method = %s/%s", r.Profile, r.Method)
	}
	want := []struct {
		id    string
		rank  int
		total float64
	}{{"yunqi", 1, 3.97}, {"huisheng", 2, 3.83}, {"panshi", 3, 3.81}, {"changfeng", 4, 3.70}, {"qinghe", 0, 2.54}}
	for i, w := range want {
		v := r.Vendors[i]
		if v.ID != w.id || (w.rank == 0) != (v.Rank == nil) || (v.Rank != nil && *v.Rank != w.rank) {
			t.Fatalf("line %d = %+v, want %+v", i, v, w)
		}
		if d := v.Total - w.total; d > 0.01 || d < -0.01 {
			t.Fatalf("%s total %.4f, want %.2f", v.ID, v.Total, w.total)
		}
		sum := 0.0
		for _, c := range v.Dimensions {
			sum += c
		}
		if d := sum - v.Total; d > 1e-5 || d < -1e-5 {
			t.Fatalf("%s contributions sum to %.6f, total %.6f", v.ID, sum, v.Total)
		}
	}
	q := r.Vendors[4]
	if !q.Excluded || strings.Join(q.FailedKnockOuts, ",") != "track_record,concurrent_channels" &&
		strings.Join(q.FailedKnockOuts, ",") != "concurrent_channels,track_record" {
		t.Fatalf("qinghe = %+v", q)
	}
}

func TestReportProfilesMethodsAndLanguages(t *testing.T) {
	if r := report(t, "--sample", "--profile", "finance"); r.Vendors[0].ID != "panshi" || r.Vendors[1].ID != "changfeng" || !r.Vendors[2].Excluded {
		t.Fatalf("finance ranking = %+v", r.Vendors)
	}
	if r := report(t, "--sample", "--profile", "government"); r.Vendors[0].ID != "changfeng" {
		t.Fatalf("government leader = %s", r.Vendors[0].ID)
	}
	if r := report(t, "--sample", "--method", "topsis"); r.Method != "topsis" || r.Vendors[0].Total <= 0 || r.Vendors[0].Total > 1 {
		t.Fatalf("topsis = %+v", r.Vendors[0])
	}
	if r := report(t, "--sample", "--lang", "zh"); r.Vendors[0].Name != "云启通讯" {
		t.Fatalf("zh name = %q", r.Vendors[0].Name)
	}
	table := mustCLI(t, "report", "--sample", "--lang", "en")
	for _, want := range []string{"Yunqi", "3.97", "+0.14", "excluded", "Concurrent channels 800 < 1000"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	csv := mustCLI(t, "report", "--sample", "--format", "csv")
	if lines := strings.Split(strings.TrimSpace(csv), "\n"); len(lines) != 6 || !strings.HasPrefix(lines[1], "1,yunqi,") {
		t.Fatalf("csv = %q", csv)
	}
}

func TestReportBadInput(t *testing.T) {
	failCLI(t, `"nope"`, "report", "--sample", "--profile", "nope")
	failCLI(t, "unknown method", "report", "--sample", "--method", "ahp")
	failCLI(t, "--format", "report", "--sample", "--format", "xml")
	failCLI(t, "--lang", "report", "--sample", "--lang", "fr")
	failCLI(t, "cannot be combined", "report", "--sample", "--eval", "x")
	if code, _, _ := cli(t, "report", "--bogus"); code != 2 {
		t.Fatalf("unknown flag exit = %d, want 2", code)
	}
	if code, _, _ := cli(t, "frobnicate"); code != 2 {
		t.Fatalf("unknown command exit = %d, want 2", code)
	}
}

// snapshot captures what a user would see of a database: its list and every evaluation's bundle.
func snapshot(t *testing.T, db string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(mustCLI(t, "list", "--db", db, "--format", "json"))
	var rows []struct{ ID int64 }
	if err := json.Unmarshal([]byte(b.String()), &rows); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		out := filepath.Join(t.TempDir(), "snap.json")
		mustCLI(t, "export", "--db", db, "--eval", jsonID(r.ID), "--out", out)
		data, _ := os.ReadFile(out)
		b.Write(data)
	}
	return b.String()
}

func jsonID(id int64) string { b, _ := json.Marshal(id); return string(b) }

func TestNewListExportImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "new", "--db", db, "--template", "finance", "--name", "某银行呼叫中心选型", "--client", "示例银行")
	var rows []struct {
		ID                           int64
		Name, Client                 string
		Vendors, Criteria, Reviewers int
		Updated                      string
	}
	if err := json.Unmarshal([]byte(mustCLI(t, "list", "--db", db, "--format", "json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Name != "某银行呼叫中心选型" || rows[0].Criteria != 17 || rows[0].Vendors != 0 {
		t.Fatalf("list = %+v", rows)
	}
	failCLI(t, "already exists", "new", "--db", db, "--template", "default", "--name", "某银行呼叫中心选型")
	failCLI(t, "unknown template", "new", "--db", db, "--template", "retail", "--name", "x")
	failCLI(t, "--template is required", "new", "--db", db, "--name", "x")

	sample := filepath.Join(dir, "sample.json")
	seeded := filepath.Join(dir, "seeded.db")
	t.Setenv("CCSELECT_DB", seeded)
	mustCLI(t, "export", "--out", sample) // default database: created and seeded on first use
	mustCLI(t, "import", sample, "--db", db)
	failCLI(t, "already exists", "import", sample, "--db", db)
	mustCLI(t, "import", "--db", db, "--name", "copy", sample)
	again := filepath.Join(dir, "again.json")
	mustCLI(t, "export", "--db", db, "--eval", "copy", "--out", again)
	a, _ := os.ReadFile(sample)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(bytes.Replace(a, []byte(`"name": "示例：云呼叫中心选型 / Sample CCaaS selection"`), []byte(`"name": "copy"`), 1), b) {
		t.Fatalf("export → import → export differs")
	}
	if r := report(t, "--db", db, "--eval", "copy"); r.Vendors[0].ID != "yunqi" {
		t.Fatalf("imported copy ranks %s first", r.Vendors[0].ID)
	}
	mustCLI(t, "check", "--db", db)
}

func TestImportBadFilesChangeNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "new", "--db", db, "--template", "default", "--name", "keep")
	sample := filepath.Join(dir, "sample.json")
	mustCLI(t, "export", "--db", db, "--out", filepath.Join(dir, "keep.json"))
	t.Setenv("CCSELECT_DB", filepath.Join(dir, "seeded.db"))
	mustCLI(t, "export", "--out", sample)
	good, _ := os.ReadFile(sample)
	before := snapshot(t, db)

	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	replace := func(old, new string) string {
		s := string(good)
		if !strings.Contains(s, old) {
			t.Fatalf("sample bundle has no %q", old)
		}
		return strings.Replace(s, old, new, 1)
	}
	cases := []struct{ name, content, want string }{
		{"malformed.json", "{not json", "malformed.json"},
		{"truncated.json", string(good[:len(good)/2]), "truncated.json"},
		{"unknown-dimension.json", replace(`"dimension": "stability"`, `"dimension": "vibes"`), `unknown dimension "vibes"`},
		{"rating.json", replace(`"value": 5,`, `"value": 7,`), "outside 1–5"},
		{"duplicate.json", replace(`"id": "panshi"`, `"id": "yunqi"`), "duplicate vendor"},
		{"duplicate-reviewer.json", replace(`"id": "li"`, `"id": "wang"`), "duplicate reviewer"},
		{"duplicate-criterion.json", replace(`"id": "load_balancing"`, `"id": "arch_redundancy"`), "arch_redundancy"},
		{"unknown-vendor.json", replace(`"vendor": "yunqi"`, `"vendor": "ghost"`), `unknown vendor "ghost"`},
		{"unknown-criterion.json", replace(`"criterion": "track_record",`, `"criterion": "uptime",`), `unknown criterion "uptime"`},
		{"unknown-reviewer.json", replace(`"reviewer": "wang"`, `"reviewer": "zhao"`), `unknown reviewer "zhao"`},
		{"nan.json", replace(`"value": 99.95,`, `"value": NaN,`), "invalid character 'N'"},
		{"text-value.json", replace(`"value": 99.95,`, `"value": "99.95%",`), "expected a number"},
		{"null-value.json", replace(`"value": 99.95,`, `"value": null,`), "not a number"},
		{"no-value.json", replace(`"value": 99.95,`, ``), `no "value"`},
		{"negative.json", replace(`"value": 99.95,`, `"value": -1,`), "negative"},
		{"half-rating.json", replace(`"value": 5,`, `"value": 4.2,`), "half point"},
		{"weights.json", replace(`"stability": 0.24`, `"stability": 0.5`), "sum to"},
		{"null-weight.json", replace(`"stability": 0.24`, `"stability": null`), "not a number"},
		{"null-threshold.json", replace(`"threshold": 99.9`, `"threshold": null`), "not a number"},
		{"empty.json", "", "empty"},
		{"array.json", "[]", "not an object"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			failCLI(t, c.want, "import", write(c.name, c.content), "--db", db, "--name", "bad")
		})
	}
	failCLI(t, "no such file", "import", filepath.Join(dir, "missing.json"), "--db", db)
	if after := snapshot(t, db); after != before {
		t.Fatal("a failed import changed the database")
	}
}

func TestDatabaseProblems(t *testing.T) {
	dir := t.TempDir()
	failCLI(t, "missing", "list", "--db", filepath.Join(dir, "missing", "x.db"))
	notDB := filepath.Join(dir, "notes.txt")
	content := []byte("these are meeting notes, not a database\n")
	os.WriteFile(notDB, content, 0o600)
	failCLI(t, "not", "check", "--db", notDB)
	if got, _ := os.ReadFile(notDB); !bytes.Equal(got, content) {
		t.Fatal("check modified a file that is not a database")
	}
	failCLI(t, "not", "report", "--db", notDB)
}

func TestVersion(t *testing.T) {
	if out := mustCLI(t, "version"); !strings.HasPrefix(out, "ccselect ") {
		t.Fatalf("version = %q", out)
	}
}

func TestSensitivityCLI(t *testing.T) {
	out := mustCLI(t, "sensitivity", "--sample", "--samples", "20000", "--seed", "7", "--format", "json")
	var r struct {
		BreakEven []struct {
			Parameter, Kind string
			Current         float64
			Below, Above    *struct {
				Weight float64
				Leader string
			}
		} `json:"break_even"`
		Reversals []struct{ Parameter, A, B string } `json:"reversals"`
		Tornado   []struct {
			Parameter        string
			Low, High, Swing float64
		}
		SMAA struct {
			Samples           int
			Seed              int
			RankAcceptability map[string][]float64          `json:"rank_acceptability"`
			CentralWeights    map[string]map[string]float64 `json:"central_weights"`
			Confidence        map[string]float64
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, b := range r.BreakEven {
		if b.Kind != "dimension" {
			continue
		}
		switch b.Parameter {
		case "data_security":
			found[b.Parameter] = b.Above != nil && b.Above.Leader == "panshi" && b.Above.Weight > 0.25 && b.Above.Weight < 0.27
		case "concurrency":
			found[b.Parameter] = b.Below != nil && b.Below.Leader == "panshi" && b.Below.Weight > 0.08 && b.Below.Weight < 0.10
		case "stability":
			found[b.Parameter] = b.Below != nil && b.Below.Leader == "huisheng" && b.Below.Weight > 0.14 && b.Below.Weight < 0.16
		}
	}
	if !found["data_security"] || !found["concurrency"] || !found["stability"] {
		t.Fatalf("catalog crossovers not found: %v\n%s", found, out)
	}
	if r.SMAA.Samples != 20000 || r.SMAA.Seed != 7 || len(r.SMAA.RankAcceptability) != 4 || len(r.Tornado) != 5 || len(r.Reversals) == 0 {
		t.Fatalf("report sections: smaa %d/%d, %d vendors, %d tornado bars, %d reversals",
			r.SMAA.Samples, r.SMAA.Seed, len(r.SMAA.RankAcceptability), len(r.Tornado), len(r.Reversals))
	}
	for id, acc := range r.SMAA.RankAcceptability {
		sum := 0.0
		for _, a := range acc {
			sum += a
		}
		if sum < 0.999 || sum > 1.001 {
			t.Fatalf("%s acceptabilities sum to %g", id, sum)
		}
	}
	if again := mustCLI(t, "sensitivity", "--sample", "--samples", "20000", "--seed", "7", "--format", "json"); again != out {
		t.Fatal("same seed gave a different report")
	}
	table := mustCLI(t, "sensitivity", "--sample", "--samples", "0", "--lang", "zh")
	if !strings.Contains(table, "数据安全保障") || !strings.Contains(table, "25.9%") {
		t.Fatalf("zh table lacks the data-security break-even:\n%s", table)
	}
	failCLI(t, "around", "sensitivity", "--sample", "--weights", "around:0")
	failCLI(t, "unknown SMAA level", "sensitivity", "--sample", "--level", "vendors")
	failCLI(t, "--samples", "sensitivity", "--sample", "--samples", "-5")
}
