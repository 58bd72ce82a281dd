package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ccselect/export"
	"ccselect/internal/testpriv"
	"ccselect/samples"
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
	Evaluation, Profile, Method, Consensus string
	Vendors                                []struct {
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
	if r := report(t, "--sample"); r.Consensus != "mean" {
		t.Fatalf("default consensus = %q", r.Consensus)
	}
	if r := report(t, "--sample", "--consensus", "median"); r.Consensus != "median" || r.Vendors[0].ID != "yunqi" {
		t.Fatalf("median report = %q, leader %s", r.Consensus, r.Vendors[0].ID)
	}
	if table := mustCLI(t, "report", "--sample", "--consensus", "median", "--lang", "en"); !strings.Contains(table, "Consensus: median") {
		t.Errorf("median table does not say so:\n%s", table)
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
	if lines := strings.Split(strings.TrimSpace(csv), "\n"); len(lines) != 6 || lines[0][:len("\ufeffrank,")] != "\ufeffrank," || !strings.HasPrefix(lines[1], "1,yunqi,") {
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
		{"gbk.json", replace("示例银行", "\xd4\xc6\xc6\xf4银行"), "not valid UTF-8"},
		{"duplicate-key.json", replace(`"value": 99.95,`, `"value": 99.95, "value": 1,`), `duplicate key "value"`},
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

// sampleBundle writes the embedded sample as a bundle file in dir and returns its path.
func sampleBundle(t *testing.T, dir string) string {
	t.Helper()
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "sample.json")
	if err := export.WriteBundleFile(path, ev); err != nil {
		t.Fatal(err)
	}
	return path
}

// listing names what dir holds, so a test can prove a command created nothing there.
func listing(t *testing.T, dir string) string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return strings.Join(names, ",")
}

func expectExit(t *testing.T, want int, args ...string) (string, string) {
	t.Helper()
	code, out, errs := cli(t, args...)
	if code != want {
		t.Fatalf("ccselect %s: exit %d, want %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, want, out, errs)
	}
	return out, errs
}

// A command that only reads never creates the database it was pointed at: a typo in --db must
// not leave an empty database file behind (nor report "ok" on it).
func TestReadCommandsDoNotCreateADatabase(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "ccselcet.db")
	out := filepath.Join(dir, "out.json")
	for _, args := range [][]string{
		{"list", "--db", typo},
		{"report", "--db", typo},
		{"sensitivity", "--db", typo, "--samples", "0"},
		{"export", "--db", typo, "--out", out},
		{"check", "--db", typo},
	} {
		_, errs := expectExit(t, 1, args...)
		if !strings.Contains(errs, "no database at "+typo) {
			t.Errorf("ccselect %s: stderr %q should say there is no database at the path", args[0], errs)
		}
		if got := listing(t, dir); got != "" {
			t.Fatalf("ccselect %s created %s", args[0], got)
		}
	}
}

// Commands that write refuse a database path in a missing directory and do not create it.
func TestWriteCommandsMissingDirectory(t *testing.T) {
	dir := t.TempDir()
	bundle := sampleBundle(t, dir)
	db := filepath.Join(dir, "no", "such", "x.db")
	for _, args := range [][]string{
		{"new", "--db", db, "--template", "default", "--name", "x"},
		{"import", bundle, "--db", db},
	} {
		_, errs := expectExit(t, 1, args...)
		if !strings.Contains(errs, "does not exist") {
			t.Errorf("ccselect %s: stderr %q", args[0], errs)
		}
	}
	if got := listing(t, dir); got != "sample.json" {
		t.Fatalf("directory now holds %s", got)
	}
}

// Unknown evaluations and profiles are reported; a failed export writes no file.
func TestUnknownEvaluationAndProfile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--db", db)
	before := snapshot(t, db)
	out := filepath.Join(dir, "out.json")
	failCLI(t, `evaluation "nope": not found`, "report", "--db", db, "--eval", "nope")
	failCLI(t, `evaluation "42": not found`, "export", "--db", db, "--eval", "42", "--out", out)
	failCLI(t, `"nope"`, "sensitivity", "--db", db, "--profile", "nope", "--samples", "0")
	failCLI(t, `"nope"`, "report", "--db", db, "--profile", "nope")
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("a failed export created its output file")
	}
	if snapshot(t, db) != before {
		t.Fatal("the database changed")
	}
}

// The default database: $CCSELECT_DB, else $XDG_DATA_HOME/ccselect (an absolute path only, as
// the XDG spec says), else ~/.local/share/ccselect; created on first use (directory 0700, file
// 0600) with the sample in it, and seeded only once.
func TestDefaultDatabase(t *testing.T) {
	root := t.TempDir()
	home, xdg := filepath.Join(root, "home"), filepath.Join(root, "xdg")
	if err := os.Mkdir(home, 0o700); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		t.Helper()
		var rows []struct{ Name string }
		if err := json.Unmarshal([]byte(mustCLI(t, "list", "--format", "json")), &rows); err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}
	expectSeeded := func(path string) {
		t.Helper()
		if n := count(); n != 1 {
			t.Fatalf("%d evaluations in the new default database, want the sample", n)
		}
		st, err := os.Stat(path)
		if err != nil {
			t.Fatalf("default database not at %s: %v", path, err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", path, st.Mode().Perm())
		}
		if st, err := os.Stat(filepath.Dir(path)); err != nil || st.Mode().Perm() != 0o700 {
			t.Errorf("directory of %s: %v %v, want 0700", path, st.Mode(), err)
		}
		if r := report(t); r.Vendors[0].ID != "yunqi" {
			t.Fatalf("seeded sample ranks %s first", r.Vendors[0].ID)
		}
		if n := count(); n != 1 {
			t.Fatalf("seeded again: %d evaluations", n)
		}
	}
	t.Setenv("CCSELECT_DB", "")
	t.Setenv("HOME", home)
	t.Setenv("XDG_DATA_HOME", xdg)
	expectSeeded(filepath.Join(xdg, "ccselect", "ccselect.db"))

	t.Setenv("XDG_DATA_HOME", "relative/dir")
	expectSeeded(filepath.Join(home, ".local", "share", "ccselect", "ccselect.db"))
	if _, err := os.Stat("relative"); !os.IsNotExist(err) {
		t.Fatal("a relative XDG_DATA_HOME was used")
	}

	own := filepath.Join(root, "own", "mine.db")
	t.Setenv("CCSELECT_DB", own)
	expectSeeded(own)
	// --db beats them all, and an explicit path is not seeded.
	explicit := filepath.Join(root, "explicit.db")
	mustCLI(t, "new", "--db", explicit, "--template", "default", "--name", "only")
	if out := mustCLI(t, "list", "--db", explicit); strings.Count(out, "\n") != 2 {
		t.Fatalf("explicit database holds:\n%s", out)
	}

	t.Setenv("CCSELECT_DB", "")
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "")
	failCLI(t, "CCSELECT_DB", "list")
}

// Exit status 2 and a message on stderr for mistakes in the command line itself; 1 for problems
// with data or files; help on request goes to stdout with status 0.
func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "new", "--db", db, "--template", "default", "--name", "x")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"report", "--bogus"}, "-bogus"},
		{[]string{"report", "--sample", "extra"}, `unexpected argument "extra"`},
		{[]string{"list", "--db", db, "--format", "xml"}, "--format"},
		{[]string{"report", "--sample", "--format", "xml"}, "--format"},
		{[]string{"report", "--sample", "--method", "ahp"}, "unknown method"},
		{[]string{"report", "--sample", "--consensus", "mode"}, "mode"},
		{[]string{"report", "--sample", "--lang", "fr"}, "--lang"},
		{[]string{"report", "--sample", "--eval", "x"}, "cannot be combined"},
		{[]string{"sensitivity", "--sample", "--samples", "-5"}, "--samples"},
		{[]string{"sensitivity", "--sample", "--samples", "many"}, "many"},
		{[]string{"sensitivity", "--sample", "--level", "vendors"}, "unknown SMAA level"},
		{[]string{"new", "--db", db, "--name", "y"}, "--template is required"},
		{[]string{"new", "--db", db, "--template", "retail", "--name", "y"}, "unknown template"},
		{[]string{"new", "--db", db, "--template", "default"}, "name"},
		{[]string{"new", "--db", db, "--template", "default", "--name", "y", "--peak", "0"}, "peak"},
		{[]string{"import", "--db", db}, "FILE.json"},
		{[]string{"export", "--db", db}, "--out"},
		{[]string{"export", "--db", db, "--out", filepath.Join(dir, "x.csv"), "--format", "csv"}, "--format"},
		{[]string{"version", "extra"}, `unexpected argument "extra"`},
	} {
		out, errs := expectExit(t, 2, c.args...)
		if !strings.Contains(errs, c.want) || out != "" {
			t.Errorf("ccselect %s: stderr %q should mention %q (stdout %q)", strings.Join(c.args, " "), errs, c.want, out)
		}
	}
	if got := listing(t, dir); got != "a.db" {
		t.Fatalf("usage errors left files: %s", got)
	}
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}, {"report", "-h"}} {
		out, errs := expectExit(t, 0, args...)
		if !strings.Contains(out, "ccselect") || errs != "" {
			t.Errorf("ccselect %s: stdout %q, stderr %q", strings.Join(args, " "), out, errs)
		}
	}
	if out, _ := expectExit(t, 0, "report", "--help"); !strings.Contains(out, "-profile") {
		t.Errorf("report --help does not list its flags:\n%s", out)
	}
}

// A database this user may only read: the commands that read work (through a read-only open
// that creates no -wal/-shm files), the ones that write fail with a clear message, and nothing
// changes on disk. Both a read-only file and a file in a read-only directory.
func TestReadOnlyDatabase(t *testing.T) {
	if !testpriv.Unprivileged(t) {
		return
	}
	for _, c := range []struct {
		name   string
		lock   func(db string) error
		unlock func(db string)
		want   string
	}{
		{"file", func(db string) error { return os.Chmod(db, 0o444) }, func(string) {}, "read-only"},
		{"directory", func(db string) error { return os.Chmod(filepath.Dir(db), 0o555) },
			func(db string) { os.Chmod(filepath.Dir(db), 0o700) }, "not writable"},
	} {
		t.Run(c.name, func(t *testing.T) {
			work, data := t.TempDir(), t.TempDir()
			bundle := sampleBundle(t, work)
			db := filepath.Join(data, "team.db")
			mustCLI(t, "import", bundle, "--db", db)
			if err := c.lock(db); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { c.unlock(db) })
			before, names := fileBytes(t, db), listing(t, data)

			if r := report(t, "--db", db); r.Vendors[0].ID != "yunqi" {
				t.Fatalf("report ranks %s first", r.Vendors[0].ID)
			}
			mustCLI(t, "list", "--db", db)
			mustCLI(t, "check", "--db", db)
			mustCLI(t, "sensitivity", "--db", db, "--samples", "0")
			out := filepath.Join(work, "out.json")
			mustCLI(t, "export", "--db", db, "--out", out)
			if a, b := fileBytes(t, out), fileBytes(t, bundle); !bytes.Equal(a, b) {
				t.Fatal("export of the read-only database differs from what was imported")
			}
			for _, args := range [][]string{
				{"import", bundle, "--db", db, "--name", "again"},
				{"new", "--db", db, "--template", "default", "--name", "y"},
			} {
				_, errs := expectExit(t, 1, args...)
				if !strings.Contains(errs, c.want) || !strings.Contains(errs, db) {
					t.Errorf("ccselect %s: stderr %q should say the database is %s", args[0], errs, c.want)
				}
			}
			if c.name == "directory" { // nor can a new database be made there
				other := filepath.Join(data, "other.db")
				if _, errs := expectExit(t, 1, "new", "--db", other, "--template", "default", "--name", "y"); !strings.Contains(errs, "not writable") {
					t.Errorf("new database in a read-only directory: %q", errs)
				}
			}
			// A WAL reader may leave SQLite's empty -shm and -wal beside a file it cannot write.
			if l := strings.ReplaceAll(listing(t, data), ",team.db-shm,team.db-wal", ""); !bytes.Equal(fileBytes(t, db), before) || l != names {
				t.Fatalf("the database or its directory changed: %s → %s", names, listing(t, data))
			}
		})
	}
}

func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// check on a damaged database says so, exits 1 and leaves the file as it was; so do the other
// commands.
func TestCheckDamagedDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--db", db)
	if out := mustCLI(t, "check", "--db", db); !strings.Contains(out, "ok (schema version 2") {
		t.Fatalf("check on a healthy database: %q", out)
	}
	st, err := os.Stat(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(db, st.Size()-4096); err != nil {
		t.Fatal(err)
	}
	before, names := fileBytes(t, db), listing(t, dir)
	for _, args := range [][]string{{"check", "--db", db}, {"list", "--db", db}, {"import", filepath.Join(dir, "sample.json"), "--db", db, "--name", "x"}} {
		_, errs := expectExit(t, 1, args...)
		if !strings.Contains(errs, "damaged") || !strings.Contains(errs, "left untouched") {
			t.Errorf("ccselect %s: stderr %q", args[0], errs)
		}
	}
	// SQLite's empty -wal and -shm (left by an earlier reader) may come or go.
	noWAL := func(s string) string { return strings.ReplaceAll(s, ",a.db-shm,a.db-wal", "") }
	if !bytes.Equal(fileBytes(t, db), before) || noWAL(listing(t, dir)) != noWAL(names) {
		t.Fatalf("the damaged database or its directory changed: %s → %s", names, listing(t, dir))
	}
}

// Damage that Open's quick_check cannot see (an index that no longer matches its table) is
// found by check, which exits 1 naming it.
func TestCheckFindsIndexDamage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--db", db)
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"PRAGMA writable_schema = ON",
		"UPDATE sqlite_schema SET sql = 'CREATE INDEX evaluations_name ON evaluations (client)' WHERE name = 'evaluations_name'"} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	mustCLI(t, "list", "--db", db) // readable: quick_check does not look at index contents
	if _, errs := expectExit(t, 1, "check", "--db", db); !strings.Contains(errs, "1 problem") || !strings.Contains(errs, "evaluations_name") {
		t.Fatalf("check: %q", errs)
	}
}

// An import that fails only when the database takes it (a time the store cannot hold) leaves no
// new, empty database file behind.
func TestFailedImportLeavesNoNewDatabase(t *testing.T) {
	dir := t.TempDir()
	bundle := sampleBundle(t, dir)
	future := filepath.Join(dir, "future.json")
	data := strings.Replace(string(fileBytes(t, bundle)), `"created": "2025-03-03T01:00:00Z"`, `"created": "3000-03-03T01:00:00Z"`, 1)
	if err := os.WriteFile(future, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	failCLI(t, "out of range", "import", future, "--db", filepath.Join(dir, "new.db"))
	if got := listing(t, dir); got != "future.json,sample.json" {
		t.Fatalf("directory holds %s", got)
	}
	// An existing database keeps what it had.
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", bundle, "--db", db)
	before := snapshot(t, db)
	failCLI(t, "out of range", "import", future, "--db", db, "--name", "future")
	if snapshot(t, db) != before {
		t.Fatal("the database changed")
	}
}

// The usage text lists every flag each command accepts: `ccselect help` is where a newcomer
// looks, and a flag that only -h shows is a flag nobody finds.
func TestUsageListsEveryFlag(t *testing.T) {
	for name := range commands {
		code, out, _ := cli(t, name, "-h")
		if code != 0 {
			t.Fatalf("%s -h: exit %d", name, code)
		}
		// The command's lines in the usage text: from "ccselect NAME" to the next "  ccselect".
		_, section, ok := strings.Cut(usage, "  ccselect "+name)
		if !ok {
			t.Errorf("usage has no line for %s", name)
			continue
		}
		if i := strings.Index(section, "\n  ccselect "); i >= 0 {
			section = section[:i]
		}
		for _, line := range strings.Split(out, "\n") {
			f, ok := strings.CutPrefix(strings.TrimSpace(line), "-")
			if !ok {
				continue
			}
			f, _, _ = strings.Cut(f, " ")
			if !strings.Contains(section, "--"+f) {
				t.Errorf("usage of %s does not mention --%s:\n%s", name, f, section)
			}
		}
	}
}

// The import summary counts in words a reader would write: "1 vendor", "2 vendors".
func TestImportSummaryPlurals(t *testing.T) {
	dir := t.TempDir()
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	ev.Vendors, ev.Reviewers = ev.Vendors[:1], ev.Reviewers[:1]
	kept := ev.Scores[:0]
	for _, s := range ev.Scores {
		if s.Vendor == ev.Vendors[0].ID && s.Reviewer == ev.Reviewers[0].ID && s.Criterion == "arch_redundancy" {
			kept = append(kept, s)
		}
	}
	ev.Scores = kept
	path := filepath.Join(dir, "one.json")
	if err := export.WriteBundleFile(path, ev); err != nil {
		t.Fatal(err)
	}
	out := mustCLI(t, "import", path, "--db", filepath.Join(dir, "a.db"))
	if !strings.Contains(out, "(1 vendor, 23 criteria, 1 score)") {
		t.Errorf("import summary = %q", out)
	}
	out = mustCLI(t, "import", sampleBundle(t, dir), "--db", filepath.Join(dir, "a.db"), "--name", "full")
	if !strings.Contains(out, "(5 vendors, 23 criteria, 345 scores)") {
		t.Errorf("import summary = %q", out)
	}
}

// Ctrl+C during a long SMAA run ends it with a sentence, not Go's "context canceled".
func TestSensitivityInterruptedSaysSo(t *testing.T) {
	old := signalContext
	t.Cleanup(func() { signalContext = old })
	signalContext = func() (context.Context, context.CancelFunc) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // as if the user pressed Ctrl+C at once
		return ctx, cancel
	}
	code, out, errs := cli(t, "sensitivity", "--sample", "--samples", "1000000")
	if code != 1 || out != "" || !strings.Contains(errs, "SMAA interrupted") || strings.Contains(errs, "context canceled") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// `--out -` writes the bundle to stdout and `import -` reads one from stdin (the usual Unix
// convention), so `ccselect export --out - | ccselect import - --db other.db` copies an
// evaluation; neither leaves a file named "-" behind.
func TestExportImportDash(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--db", db)
	out := mustCLI(t, "export", "--db", db, "--out", "-")
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Fatal("export --out - wrote a file named -")
	}
	ev, err := export.DecodeBundle(strings.NewReader(out))
	if err != nil || len(ev.Vendors) != 5 {
		t.Fatalf("stdout is not the bundle: %v", err)
	}
	old := stdin
	t.Cleanup(func() { stdin = old })
	stdin = strings.NewReader(out)
	if got := mustCLI(t, "import", "-", "--db", filepath.Join(dir, "b.db")); !strings.Contains(got, "5 vendors") {
		t.Fatalf("import - = %q", got)
	}
}

// A mistyped profile or evaluation names what there is to choose from.
func TestUnknownNamesListTheChoices(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--db", db)
	failCLI(t, `unknown weight profile "financ" (profiles: default, finance, healthcare, government)`, "report", "--sample", "--profile", "financ")
	failCLI(t, `(profiles: default, finance, healthcare, government)`, "sensitivity", "--db", db, "--profile", "x", "--samples", "0")
	failCLI(t, "ccselect list --db "+db+" shows", "report", "--db", db, "--eval", "nope")
}
