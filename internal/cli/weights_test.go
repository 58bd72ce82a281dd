package cli

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"ccselect/storage"
)

// keysOf returns the sorted keys of a JSON object.
func keysOf(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("not an object: %s", raw)
	}
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.6f, want %.6f", what, got, want)
	}
}

// weights show --format json has exactly the shape, with the sample's default weights
// (samples/presets.json: stability 24%, data security 20%; global = dimension × local).
func TestWeightsShowJSON(t *testing.T) {
	out := mustCLI(t, "weights", "show", "--sample", "--format", "json")
	var top map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &top); err != nil {
		t.Fatal(err)
	}
	if got := keysOf(t, json.RawMessage(out)); !reflect.DeepEqual(got, []string{"dimensions", "method", "profile"}) {
		t.Fatalf("keys %v", got)
	}
	var v weightsView
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.Profile != "default" || v.Method != "direct" || len(v.Dimensions) != 5 {
		t.Fatalf("%+v", v)
	}
	var dims []json.RawMessage
	json.Unmarshal(top["dimensions"], &dims)
	if got := keysOf(t, dims[0]); !reflect.DeepEqual(got, []string{"criteria", "id", "locked", "weight"}) {
		t.Fatalf("dimension keys %v", got)
	}
	var crits []json.RawMessage
	var d0 map[string]json.RawMessage
	json.Unmarshal(dims[0], &d0)
	json.Unmarshal(d0["criteria"], &crits)
	if got := keysOf(t, crits[0]); !reflect.DeepEqual(got, []string{"global", "id", "local"}) {
		t.Fatalf("criterion keys %v", got)
	}
	sum := 0.0
	for _, d := range v.Dimensions {
		sum += d.Weight
		for _, c := range d.Criteria {
			near(t, c.ID+" global", c.Global, d.Weight*c.Local, 1e-12)
		}
	}
	near(t, "Σ dimensions", sum, 1, 1e-9)
	near(t, "stability", v.Dimensions[0].Weight, 0.24, 1e-9)
	near(t, "data_security", v.Dimensions[3].Weight, 0.20, 1e-9)
}

// What would it take for panshi (second on the sample) to tie yunqi: at dimension level,
// move 3.84 points from concurrency to data security (the model's what-if test checks the same
// answer against a grid search over the simplex).
func TestWhatIfSample(t *testing.T) {
	out := mustCLI(t, "whatif", "--vendor", "panshi", "--sample", "--format", "json")
	for _, k := range []string{"vendor", "possible", "shift", "weights", "leader_before"} {
		if !strings.Contains(out, `"`+k+`"`) {
			t.Fatalf("whatif JSON lacks %q: %s", k, out)
		}
	}
	var v whatIfView
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.Vendor != "panshi" || !v.Possible || v.LeaderBefore != "yunqi" || len(v.Weights) != 5 {
		t.Fatalf("%+v", v)
	}
	near(t, "shift", v.Shift, 0.0384, 5e-5)
	near(t, "data_security", v.Weights["data_security"], 0.2384, 5e-5)
	table := mustCLI(t, "whatif", "--vendor", "panshi", "--sample")
	if !strings.HasPrefix(table, "move 3.8 points: Data security +3.8, Concurrency capacity −3.8") {
		t.Fatalf("table: %q", table)
	}
	if zh := mustCLI(t, "whatif", "--vendor", "panshi", "--sample", "--lang", "zh"); !strings.HasPrefix(zh, "需调整 3.8 个百分点：数据安全保障 +3.8，并发承载能力 −3.8") {
		t.Fatalf("zh: %q", zh)
	}
	if out := mustCLI(t, "whatif", "--vendor", "qinghe", "--sample"); !strings.Contains(out, "fails a knock-out rule") {
		t.Fatalf("knocked out: %q", out)
	}
	if out := mustCLI(t, "whatif", "--vendor", "yunqi", "--sample"); !strings.Contains(out, "already leads") {
		t.Fatalf("leader: %q", out)
	}
	expectExit(t, 2, "whatif", "--sample")
	expectExit(t, 2, "whatif", "--vendor", "panshi", "--sample", "--level", "global")
	expectExit(t, 1, "whatif", "--vendor", "nobody", "--sample")
}

// weights set data_security=0.26 makes panshi lead (the sample's crossover is near 25.9%);
// an impossible change is refused and the database stays byte for byte as it was.
func TestWeightsSetAndRefusal(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--db", db)
	before := fileBytes(t, db)
	out, errs := expectExit(t, 1, "weights", "set", "stability=0.9", "--lock", "data_security,feature_fit,operations", "--db", db)
	if out != "" || !strings.Contains(errs, "more than the 40.0% left by locked weights") {
		t.Fatalf("refusal: %q %q", out, errs)
	}
	// The same refusal in Chinese: the model's typed error worded by present.
	_, errs = expectExit(t, 1, "weights", "set", "stability=0.9", "--lock", "data_security,feature_fit,operations", "--db", db, "--lang", "zh")
	if !strings.Contains(errs, "无法把 stability 设为 90.0%：权重 90.0% 超过了锁定权重剩下的 40.0%（未做任何修改）") {
		t.Fatalf("zh refusal: %q", errs)
	}
	expectExit(t, 2, "weights", "set", "stability", "--db", db)
	expectExit(t, 1, "weights", "set", "stabilty=0.3", "--db", db)
	if string(before) != string(fileBytes(t, db)) {
		t.Fatal("a refused weights set changed the database")
	}

	out = mustCLI(t, "weights", "set", "data_security=0.26", "--db", db, "--format", "json")
	var r struct {
		Profile, Leader, LeaderBefore string `json:"-"`
		Weights                       map[string]float64
	}
	var m map[string]any
	json.Unmarshal([]byte(out), &m)
	json.Unmarshal([]byte(out), &r)
	if m["profile"] != "default" || m["leader"] != "panshi" || m["leader_before"] != "yunqi" {
		t.Fatalf("set: %s", out)
	}
	// The siblings rescaled in proportion: 0.24 × 0.74/0.80.
	near(t, "stability", r.Weights["stability"], 0.24*0.74/0.80, 1e-12)
	show := mustCLI(t, "weights", "show", "--db", db, "--format", "json")
	if !strings.Contains(show, `"weight": 0.26`) {
		t.Fatalf("not stored: %s", show)
	}
	// Under finance, yunqi and huisheng fail its knock-outs; the edited profile is ranked with
	// them, so the leader stays one of the vendors that pass.
	out = mustCLI(t, "weights", "set", "operations=0.3", "--profile", "finance", "--db", db, "--format", "json")
	json.Unmarshal([]byte(out), &m)
	if m["leader_before"] != "panshi" || m["leader"] == "yunqi" || m["leader"] == "huisheng" {
		t.Fatalf("finance: %s", out)
	}
	// --save-as leaves the original alone; a taken name is refused.
	mustCLI(t, "weights", "set", "feature_fit=30%", "--save-as", "fit", "--db", db)
	expectExit(t, 1, "weights", "set", "feature_fit=30%", "--save-as", "fit", "--db", db)
	if out := mustCLI(t, "weights", "show", "--db", db, "--profile", "fit", "--format", "json"); !strings.Contains(out, `"weight": 0.3`) {
		t.Fatalf("fit: %s", out)
	}
}

// weights method records the method with the profile: ROC for five dimensions gives
// (1/5)(1 + 1/2 + 1/3 + 1/4 + 1/5) = 0.4567 to the first (Barron & Barrett 1996).
func TestWeightsMethod(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--db", db)
	mustCLI(t, "weights", "method", "roc", "--order", "data_security,stability,concurrency,feature_fit,operations", "--db", db)
	var v weightsView
	json.Unmarshal([]byte(mustCLI(t, "weights", "show", "--db", db, "--format", "json")), &v)
	if v.Method != "roc" {
		t.Fatalf("method %q", v.Method)
	}
	near(t, "ROC w1", v.Dimensions[3].Weight, (1+1.0/2+1.0/3+1.0/4+1.0/5)/5, 1e-12)
	near(t, "ROC w5", v.Dimensions[4].Weight, 1.0/25, 1e-12)
	// Typing a weight afterwards makes the level direct again.
	mustCLI(t, "weights", "set", "operations=0.1", "--db", db)
	json.Unmarshal([]byte(mustCLI(t, "weights", "show", "--db", db, "--format", "json")), &v)
	if v.Method != "direct" {
		t.Fatalf("after a typed weight: %q", v.Method)
	}
	// Swing on the criteria of one dimension, then AHP from Saaty's house-size matrix.
	mustCLI(t, "weights", "method", "swing", "--level", "stability", "arch_redundancy=100", "load_balancing=50", "track_record=50", "--db", db)
	json.Unmarshal([]byte(mustCLI(t, "weights", "show", "--db", db, "--format", "json")), &v)
	near(t, "swing", v.Dimensions[0].Criteria[0].Local, 0.5, 1e-12)
	m := filepath.Join(dir, "m.json")
	os.WriteFile(m, []byte(`{"items":["arch_redundancy","load_balancing","track_record"],"matrix":[[1,6,8],["1/6",1,4],["1/8","1/4",1]]}`), 0o600)
	out := mustCLI(t, "weights", "method", "ahp", "--level", "stability", "--matrix", m, "--db", db)
	if !strings.Contains(out, "CR 0.117 > 0.10") {
		t.Fatalf("ahp method: %q", out)
	}
	json.Unmarshal([]byte(mustCLI(t, "weights", "show", "--db", db, "--format", "json")), &v)
	near(t, "ahp", v.Dimensions[0].Criteria[0].Local, 0.754, 5e-4)
	// Bad input: usage errors exit 2, refused inputs 1, nothing written.
	before := fileBytes(t, db)
	expectExit(t, 2, "weights", "method", "magic", "--db", db)
	expectExit(t, 2, "weights", "method", "roc", "--db", db)
	expectExit(t, 1, "weights", "method", "roc", "--order", "data_security,stability", "--db", db)
	expectExit(t, 1, "weights", "method", "swing", "data_security=120", "--db", db)
	expectExit(t, 1, "weights", "method", "ahp", "--matrix", m, "--db", db) // items are not the dimensions
	if string(before) != string(fileBytes(t, db)) {
		t.Fatal("a refused weights method changed the database")
	}
}

// ahp on Saaty's "size of house" matrix (T. L. Saaty, "How to make a decision", EJOR 48 (1990)
// 9–26, Table 3): priorities .754 .181 .065, λmax 3.136, CI .068, CR .117 (> 0.10).
func TestAHPCommand(t *testing.T) {
	dir := t.TempDir()
	m := filepath.Join(dir, "m.json")
	os.WriteFile(m, []byte(`{"items":["A","B","C"],"matrix":[[1,6,8],["1/6",1,4],["1/8","1/4",1]]}`), 0o600)
	out := mustCLI(t, "ahp", "--matrix", m, "--format", "json")
	for _, k := range []string{"weights", "lambda_max", "ci", "cr", "random_index", "consistent", "most_inconsistent"} {
		if !strings.Contains(out, `"`+k+`"`) {
			t.Fatalf("ahp JSON lacks %q: %s", k, out)
		}
	}
	var r struct {
		Weights          []float64
		LambdaMax        float64 `json:"lambda_max"`
		CI, CR           float64
		RandomIndex      float64 `json:"random_index"`
		Consistent       bool
		MostInconsistent struct {
			I, J      int
			Suggested float64
		} `json:"most_inconsistent"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	for i, w := range []float64{.754, .181, .065} {
		near(t, "w", r.Weights[i], w, 5e-4)
	}
	near(t, "λmax", r.LambdaMax, 3.136, 5e-4)
	near(t, "CI", r.CI, 0.068, 5e-4)
	near(t, "CR", r.CR, 0.117, 5e-4)
	near(t, "RI", r.RandomIndex, 0.58, 0)
	if r.Consistent {
		t.Fatal("CR .117 reported consistent")
	}
	table := mustCLI(t, "ahp", "--matrix", m)
	if !strings.Contains(table, "INCONSISTENT (CR > 0.10): the judgement") {
		t.Fatalf("table: %s", table)
	}
	// Not reciprocal, not JSON, missing flag.
	os.WriteFile(m, []byte(`{"items":["A","B"],"matrix":[[1,3],[3,1]]}`), 0o600)
	expectExit(t, 1, "ahp", "--matrix", m)
	os.WriteFile(m, []byte(`nope`), 0o600)
	expectExit(t, 1, "ahp", "--matrix", m)
	expectExit(t, 2, "ahp")
}

func TestProfileCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--db", db)
	out := mustCLI(t, "profile", "list", "--db", db, "--format", "json")
	if !strings.Contains(out, `"name": "default",`+"\n    \"active\": true") {
		t.Fatalf("list: %s", out)
	}
	mustCLI(t, "profile", "use", "finance", "--db", db)
	mustCLI(t, "profile", "rename", "finance", "bank", "--db", db)
	if out := mustCLI(t, "profile", "list", "--db", db); !strings.Contains(out, "*  bank") {
		t.Fatalf("active did not follow the rename: %s", out)
	}
	before := fileBytes(t, db)
	expectExit(t, 1, "profile", "rename", "bank", "default", "--db", db) // taken
	expectExit(t, 1, "profile", "rm", "bank", "--db", db, "--yes")       // active
	expectExit(t, 1, "profile", "rm", "healthcare", "--db", db)          // not confirmed (empty stdin)
	expectExit(t, 1, "profile", "use", "nope", "--db", db)
	if string(before) != string(fileBytes(t, db)) {
		t.Fatal("a refused profile command changed the database")
	}
	mustCLI(t, "profile", "rm", "healthcare", "--db", db, "--yes")
	if out := mustCLI(t, "profile", "list", "--db", db); strings.Contains(out, "healthcare") {
		t.Fatalf("not removed: %s", out)
	}
}

// weights show --draft shows what the workbench stored as an unsaved draft.
func TestWeightsShowDraft(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--db", db)
	expectExit(t, 1, "weights", "show", "--draft", "--db", db)
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := st.Load(1)
	if err != nil {
		t.Fatal(err)
	}
	d := ev.Profiles[0].Clone()
	if err := d.SetDimension(&ev.Framework, "data_security", 0.3); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveDraft(ev.ID, &d); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out := mustCLI(t, "weights", "show", "--draft", "--db", db)
	if !strings.HasPrefix(out, "profile default* (unsaved draft)") || !strings.Contains(out, "30.0%") {
		t.Fatalf("draft table: %s", out)
	}
	if out := mustCLI(t, "weights", "show", "--draft", "--db", db, "--format", "json"); !strings.Contains(out, `"draft": true`) {
		t.Fatalf("draft JSON: %s", out)
	}
	if out := mustCLI(t, "profile", "list", "--db", db); !strings.Contains(out, "unsaved draft") {
		t.Fatalf("profile list: %s", out)
	}
	expectExit(t, 2, "weights", "show", "--draft", "--profile", "finance", "--db", db)
}

// Group AHP, hand-worked: three reviewers judge a over b as 2, 8 and 4; the element-wise
// geometric mean (AIJ, Forman & Peniwati 1998) is (2·8·4)^(1/3) = 4, so the group gives
// a 4/5 = 0.8 and each reviewer 2/3, 8/9 and 4/5.
func TestGroupAHP(t *testing.T) {
	dir := t.TempDir()
	write := func(name, a string) string {
		p := filepath.Join(dir, name+".json")
		os.WriteFile(p, []byte(`{"items":["a","b"],"matrix":[[1,`+a+`],["1/`+a+`",1]]}`), 0o600)
		return p
	}
	w, l, c := write("wang", "2"), write("li", "8"), write("chen", "4")
	out := mustCLI(t, "ahp", "--matrix", w, "--matrix", "lee="+l, "--matrix", c, "--format", "json")
	var g struct {
		Group     struct{ Weights []float64 }
		Reviewers []struct {
			Reviewer string
			Weights  []float64
		}
	}
	if err := json.Unmarshal([]byte(out), &g); err != nil {
		t.Fatal(err)
	}
	near(t, "group a", g.Group.Weights[0], 0.8, 1e-12)
	want := map[string]float64{"wang": 2.0 / 3, "lee": 8.0 / 9, "chen": 0.8}
	if len(g.Reviewers) != 3 {
		t.Fatalf("reviewers: %s", out)
	}
	for _, r := range g.Reviewers {
		near(t, r.Reviewer, r.Weights[0], want[r.Reviewer], 1e-12)
	}
	if table := mustCLI(t, "ahp", "--matrix", w, "--matrix", l); !strings.Contains(table, "group (geometric mean of 2 reviewers)") {
		t.Fatalf("table: %s", table)
	}
	expectExit(t, 2, "ahp", "--matrix", "x="+w, "--matrix", "x="+l)
	other := filepath.Join(dir, "other.json")
	os.WriteFile(other, []byte(`{"items":["b","a"],"matrix":[[1,2],["1/2",1]]}`), 0o600)
	expectExit(t, 1, "ahp", "--matrix", w, "--matrix", other)

	// The same as a stored method, on the sample's three stability criteria.
	db := filepath.Join(dir, "a.db")
	mustCLI(t, "import", sampleBundle(t, dir), "--db", db)
	m3 := func(name, x string) string {
		p := filepath.Join(dir, name+"3.json")
		os.WriteFile(p, []byte(`{"items":["arch_redundancy","load_balancing","track_record"],"matrix":[[1,`+x+`,1],["1/`+x+`",1,"1/`+x+`"],[1,`+x+`,1]]}`), 0o600)
		return p
	}
	mustCLI(t, "weights", "method", "group_ahp", "--level", "stability", "--matrix", "wang="+m3("w", "2"), "--matrix", "li="+m3("l", "8"), "--db", db)
	var v weightsView
	json.Unmarshal([]byte(mustCLI(t, "weights", "show", "--db", db, "--format", "json")), &v)
	// Geometric mean of 2 and 8 is 4: weights 4/9, 1/9, 4/9 (a consistent matrix).
	near(t, "arch_redundancy", v.Dimensions[0].Criteria[0].Local, 4.0/9, 1e-9)
	near(t, "load_balancing", v.Dimensions[0].Criteria[1].Local, 1.0/9, 1e-9)
	if out := mustCLI(t, "weights", "show", "--db", db); !strings.Contains(out, "group_ahp") {
		t.Fatalf("method not shown: %s", out)
	}
}

// report --compare on the sample: under finance its knock-outs exclude yunqi and huisheng and
// panshi wins, so finance is marked; JSON names the winners.
func TestReportCompare(t *testing.T) {
	out := mustCLI(t, "report", "--sample", "--compare", "default,finance", "--format", "json")
	var v struct {
		Profiles      []string
		Winners       map[string]string
		WinnerDiffers []string `json:"winner_differs"`
		Vendors       []struct {
			ID     string
			Ranks  map[string]int
			Totals map[string]float64
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.Winners["default"] != "yunqi" || v.Winners["finance"] != "panshi" || !reflect.DeepEqual(v.WinnerDiffers, []string{"finance"}) {
		t.Fatalf("%s", out)
	}
	if v.Vendors[0].ID != "yunqi" || v.Vendors[0].Ranks["default"] != 1 || v.Vendors[0].Ranks["finance"] != 0 {
		t.Fatalf("yunqi: %+v", v.Vendors[0])
	}
	zh := mustCLI(t, "report", "--sample", "--compare", "default,finance", "--lang", "zh")
	if !strings.Contains(zh, "finance *") || !strings.Contains(zh, "已否决") || !strings.Contains(zh, "第一名与 default（yunqi）不同的配置：finance (panshi)") {
		t.Fatalf("zh: %s", zh)
	}
	expectExit(t, 2, "report", "--sample", "--compare", "default")
	expectExit(t, 2, "report", "--sample", "--compare", "default,finance", "--profile", "finance")
	expectExit(t, 1, "report", "--sample", "--compare", "default,nope")
}
