package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/spf13/cobra"
)

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
	// --wide keeps a reason on one line; by default (not a terminal) the table fits 100 columns.
	table := mustCLI(t, "report", "--sample", "--lang", "en", "--wide")
	for _, want := range []string{"Yunqi", "3.97", "+0.14", "excluded", "Concurrent channels 800 < 1000"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	for _, args := range [][]string{{}, {"--width", "80"}, {"--lang", "zh", "--width", "60"}} {
		out := mustCLI(t, append([]string{"report", "--sample", "--profile", "finance"}, args...)...)
		limit := 100
		if len(args) > 0 {
			limit, _ = strconv.Atoi(args[len(args)-1])
		}
		for _, l := range strings.Split(out, "\n") {
			if ansi.StringWidth(l) > limit {
				t.Errorf("report %v: line of %d columns:\n%s", args, ansi.StringWidth(l), out)
				break
			}
		}
	}
	if code, _, _ := cli(t, "report", "--sample", "--wide", "--width", "90"); code != 2 {
		t.Errorf("--wide with --width: exit %d, want 2 (usage)", code)
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

// Every command a user can reach has a one-line summary, a description and an example: help is
// where a newcomer looks, and a command without an example is a command nobody dares to run.
func TestEveryCommandHasSummaryDescriptionExample(t *testing.T) {
	var walk func(c *cobra.Command)
	n := 0
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" || c.Name() == "completion" {
			return
		}
		n++
		if c.Short == "" || c.Long == "" || c.Example == "" {
			t.Errorf("%q: summary %q, description %d bytes, example %q", c.CommandPath(), c.Short, len(c.Long), c.Example)
		}
		if strings.HasSuffix(c.Short, ".") {
			t.Errorf("%q: a one-line summary ends without a full stop: %q", c.CommandPath(), c.Short)
		}
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(newRoot())
	if n < 30 {
		t.Fatalf("only %d commands found", n)
	}
}

// Ctrl+C during a long SMAA run ends it with a sentence, not Go's "context canceled", and
// exit status 130 (128 + SIGINT, what shells report for an interrupted command).
func TestSensitivityInterruptedSaysSo(t *testing.T) {
	old := signalContext
	t.Cleanup(func() { signalContext = old })
	signalContext = func(context.Context) (context.Context, context.CancelFunc) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // as if the user pressed Ctrl+C at once
		return ctx, cancel
	}
	code, out, errs := cli(t, "sensitivity", "--sample", "--samples", "1000000")
	if code != ExitInterrupt || out != "" || !strings.Contains(errs, "interrupted: SMAA stopped") || strings.Contains(errs, "context canceled") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
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

// The sensitivity output says what produced it, lists only reversals that happen (the leader's
// by default, every pair with --all-reversals) and stays short for the sample (issue 9, defect 7).
func TestSensitivityCLIOutput(t *testing.T) {
	var r struct {
		Evaluation, Profile, Method, Consensus string
		AllReversals                           bool `json:"all_reversals"`
		Reversals                              []struct {
			A, B   string
			Weight *float64
		}
	}
	out := mustCLI(t, "sensitivity", "--sample", "--samples", "0", "--format", "json", "--profile", "finance", "--consensus", "median")
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Profile != "finance" || r.Method != "wsm" || r.Consensus != "median" || r.Evaluation == "" || r.AllReversals {
		t.Errorf("produced by %q/%q/%q/%q all=%v", r.Evaluation, r.Profile, r.Method, r.Consensus, r.AllReversals)
	}
	for _, x := range r.Reversals {
		if x.Weight == nil {
			t.Errorf("reversal %s/%s without a weight", x.A, x.B)
		}
	}
	// Under the default profile four vendors pass the knock-outs: pairs without the leader exist.
	out = mustCLI(t, "sensitivity", "--sample", "--samples", "0", "--format", "json")
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	leaderOnly := len(r.Reversals)
	out = mustCLI(t, "sensitivity", "--sample", "--samples", "0", "--format", "json", "--all-reversals")
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if !r.AllReversals || len(r.Reversals) <= leaderOnly {
		t.Errorf("--all-reversals: %d reversals, %d with the leader", len(r.Reversals), leaderOnly)
	}
	table := mustCLI(t, "sensitivity", "--sample", "--lang", "en", "--samples", "2000")
	if n := strings.Count(table, "\n"); n >= 120 || strings.Contains(table, "none in [0,1]") {
		t.Errorf("table of %d lines:\n%s", n, table)
	}
	for _, want := range []string{"Profile: default · Method: weighted sum (WSM) · Consensus: mean", "Winning indices", "sampler v2"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
}
