package export_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"ccselect/export"
	"ccselect/model"
	"ccselect/samples"
)

func sample(t *testing.T) *model.Evaluation {
	t.Helper()
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

// assertSameEvaluation compares two evaluations field by field; times are compared with Equal
// (a decoded time has its own location value and no monotonic reading).
func assertSameEvaluation(t *testing.T, want, got *model.Evaluation) {
	t.Helper()
	if !want.Created.Equal(got.Created) || !want.Updated.Equal(got.Updated) {
		t.Errorf("times: want %v / %v, got %v / %v", want.Created, want.Updated, got.Created, got.Updated)
	}
	w, g := *want, *got
	w.Created, w.Updated, g.Created, g.Updated = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if reflect.DeepEqual(w, g) {
		return
	}
	wv, gv := reflect.ValueOf(w), reflect.ValueOf(g)
	for i := range wv.NumField() {
		if !reflect.DeepEqual(wv.Field(i).Interface(), gv.Field(i).Interface()) {
			t.Errorf("field %s differs after the round trip", wv.Type().Field(i).Name)
		}
	}
}

func encode(t *testing.T, ev *model.Evaluation) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := export.EncodeBundle(&buf, ev); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestBundleRoundTrip(t *testing.T) {
	ev := sample(t)
	// A zone other than UTC and a monotonic clock reading must survive as the same instant.
	ev.Created = time.Now()
	ev.Updated = time.Date(2025, 3, 14, 16, 30, 0, 123456789, time.FixedZone("CST", 8*3600))
	data := encode(t, ev)
	got, err := export.DecodeBundle(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	assertSameEvaluation(t, ev, got)
	if again := encode(t, got); !bytes.Equal(again, data) {
		t.Error("encoding the decoded evaluation gives different bytes")
	}
}

func TestBundleRoundTripTemplates(t *testing.T) {
	for _, name := range samples.TemplateNames() {
		ev, err := samples.Template(name, "模板 "+name, "", 800)
		if err != nil {
			t.Fatal(err)
		}
		got, err := export.DecodeBundle(bytes.NewReader(encode(t, ev)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		assertSameEvaluation(t, ev, got)
	}
}

func TestBundleFormat(t *testing.T) {
	data := encode(t, sample(t))
	head := "{\n  \"format\": \"ccselect-evaluation\",\n  \"version\": 1,\n  \"evaluation\": {\n    \"name\": \"示例：云呼叫中心选型 / Sample CCaaS selection\",\n"
	if !bytes.HasPrefix(data, []byte(head)) {
		t.Errorf("bundle starts\n%s\nwant\n%s", data[:min(len(data), 200)], head)
	}
	for _, s := range []string{`"zh": "云启通讯"`, `"en": "Operations & service"`} {
		if !bytes.Contains(data, []byte(s)) {
			t.Errorf("bundle lacks %s (CJK and & must not be escaped)", s)
		}
	}
	if bytes.Contains(data, []byte(`\u`)) {
		t.Error("bundle contains \\u escapes")
	}
}

func TestEncodeRefusesInvalidEvaluation(t *testing.T) {
	ev := sample(t)
	ev.Scores[0].Value = 9
	var buf bytes.Buffer
	err := export.EncodeBundle(&buf, ev)
	if err == nil || !strings.Contains(err.Error(), "outside 1–5") {
		t.Fatalf("err = %v, want the validation error", err)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written despite the error", buf.Len())
	}
}

// rawBundle marshals an envelope around ev without validating it, to feed DecodeBundle bad data.
func rawBundle(t *testing.T, ev *model.Evaluation) string {
	t.Helper()
	data, err := json.MarshalIndent(map[string]any{"format": export.BundleFormat, "version": export.BundleVersion, "evaluation": ev}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func decodeString(s string) error {
	ev, err := export.DecodeBundle(strings.NewReader(s))
	if err == nil {
		return nil
	}
	if ev != nil {
		return errors.New("DecodeBundle returned an evaluation together with an error")
	}
	return err
}

func TestDecodeRejectsBadEnvelopes(t *testing.T) {
	valid := string(encode(t, sample(t)))
	replace := func(old, new string) string {
		if !strings.Contains(valid, old) {
			t.Fatalf("sample bundle lacks %q", old)
		}
		return strings.Replace(valid, old, new, 1)
	}
	cases := []struct{ name, in, want string }{
		{"empty", "", "empty input"},
		{"blank", " \n\t", "empty input"},
		{"array", "[1, 2]", "top level is a JSON array"},
		{"null", "null", "top level is null"},
		{"string", `"hello"`, "top level is a JSON string"},
		{"no format", replace(`"format": "ccselect-evaluation",`, ""), `no "format" field`},
		{"other format", replace(`"format": "ccselect-evaluation"`, `"format": "other-tool"`), `format is "other-tool", want "ccselect-evaluation"`},
		{"format not a string", replace(`"format": "ccselect-evaluation"`, `"format": 7`), `format is 7`},
		{"no version", replace(`"version": 1,`, ""), `no "version" field`},
		{"newer version", replace(`"version": 1,`, `"version": 2,`), "bundle version 2 is newer than this ccselect understands (1)"},
		{"version 0", replace(`"version": 1,`, `"version": 0,`), "bundle version 0 is not valid"},
		{"version string", replace(`"version": 1,`, `"version": "1",`), `bundle version "1" is not valid`},
		{"version fraction", replace(`"version": 1,`, `"version": 1.5,`), "bundle version 1.5 is not valid"},
		{"no evaluation", `{"format": "ccselect-evaluation", "version": 1}`, `no "evaluation"`},
		{"null evaluation", `{"format": "ccselect-evaluation", "version": 1, "evaluation": null}`, `no "evaluation"`},
		{"unknown top-level field", replace(`"version": 1,`, `"version": 1, "extra": true,`), `unknown field "extra"`},
		{"unknown nested field", replace(`"price": 260`, `"price": 260, "colour": "red"`), `unknown field "colour"`},
		{"trailing garbage", valid + "{}", "unexpected data after the end of the bundle"},
		{"trailing text", valid + "\nxyz", "unexpected data after the end of the bundle"},
		{"NaN", replace(`"price": 260`, `"price": NaN`), "invalid character 'N'"},
		{"huge number", replace(`"price": 260`, `"price": 1e400`), "evaluation.vendors.price: number 1e400 is out of range"},
		{"wrong type", replace(`"price": 260`, `"price": "260"`), "evaluation.vendors.price: expected a number, found string"},
		{"object for array", replace(`"vendors": [`, `"vendors": {"a": [`), "expected"},
	}
	for _, c := range cases {
		err := decodeString(c.in)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to mention %q", c.name, err, c.want)
		}
	}
}

// Errors in the JSON text say where they are: line and column in characters, CJK included.
func TestDecodeErrorPositions(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"syntax", "{\n  \"format\": \"ccselect-evaluation\",\n  \"version\": 1,\n  \"evaluation\": {\"name\": }\n}",
			"line 4, column 26: invalid character '}' looking for beginning of value"},
		{"after CJK", "{\"evaluation\": {\"name\": \"云呼叫中心\", \"client\": x}}",
			"line 1, column 44: invalid character 'x'"},
		{"truncated", "{\n  \"format\": \"ccselect-evaluation\",\n  \"evaluation\": {\"name\": \"云",
			"line 3, column 28: unexpected end of input (the file is truncated)"},
		{"type", "{\n  \"format\": \"ccselect-evaluation\",\n  \"version\": 1,\n  \"evaluation\": {\n    \"name\": \"x\",\n    \"vendors\": [{\"id\": \"a\", \"price\": \"cheap \\\" one\"}]\n  }\n}",
			"line 6, column 38: evaluation.vendors.price: expected a number, found string"},
		{"type object", "{\"format\": \"ccselect-evaluation\", \"version\": 1,\n\"evaluation\": {\"vendors\": {}}}",
			"line 2, column 27: evaluation.vendors: expected an array, found object"},
		{"trailing", "{\"format\": \"ccselect-evaluation\", \"version\": 1, \"evaluation\": {}}\n\n  oops",
			"line 3, column 3: unexpected data after the end of the bundle"},
	}
	for _, c := range cases {
		err := decodeString(c.in)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to contain %q", c.name, err, c.want)
		}
	}
}

func TestDecodeTruncatedSample(t *testing.T) {
	data := encode(t, sample(t))
	for _, n := range []int{1, len(data) / 3, len(data) / 2, len(data) - 3} {
		err := decodeString(string(data[:n]))
		if err == nil || !strings.Contains(err.Error(), "truncated") {
			t.Errorf("cut at %d of %d bytes: err = %v, want a truncation error", n, len(data), err)
		}
	}
}

// Every evaluation that Validate refuses is refused by DecodeBundle, with Validate's reason.
func TestDecodeValidates(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(ev *model.Evaluation)
		want   string
	}{
		{"unknown dimension", func(ev *model.Evaluation) { ev.Framework.Criteria[0].Dimension = "nope" },
			`criterion "arch_redundancy" references unknown dimension "nope"`},
		{"duplicate criterion", func(ev *model.Evaluation) { ev.Framework.Criteria[1].ID = "arch_redundancy" },
			`duplicate criterion id "arch_redundancy"`},
		{"duplicate vendor", func(ev *model.Evaluation) { ev.Vendors[1].ID = "yunqi" }, `duplicate vendor id "yunqi"`},
		{"duplicate reviewer", func(ev *model.Evaluation) { ev.Reviewers[2].ID = "wang" }, `duplicate reviewer id "wang"`},
		{"rating above 5", func(ev *model.Evaluation) { setScore(ev, "panshi", "core_features", 6) }, "rating 6 is outside 1–5"},
		{"rating below 1", func(ev *model.Evaluation) { setScore(ev, "panshi", "core_features", 0) }, "rating 0 is outside 1–5"},
		{"rating not a half point", func(ev *model.Evaluation) { setScore(ev, "panshi", "core_features", 3.3) },
			"rating 3.3 must be a whole or half point"},
		{"negative measurement", func(ev *model.Evaluation) { setScore(ev, "panshi", "sla_response", -1) }, "must not be negative"},
		{"unknown vendor in score", func(ev *model.Evaluation) { ev.Scores[0].Vendor = "ghost" }, `unknown vendor "ghost"`},
		{"unknown criterion in score", func(ev *model.Evaluation) { ev.Scores[0].Criterion = "ghost" }, `unknown criterion "ghost"`},
		{"unknown reviewer in score", func(ev *model.Evaluation) { ev.Scores[0].Reviewer = "ghost" }, `unknown reviewer "ghost"`},
		{"duplicate score", func(ev *model.Evaluation) { ev.Scores[1].Reviewer = ev.Scores[0].Reviewer }, "duplicate score"},
		{"dimension weights", func(ev *model.Evaluation) { ev.Profiles[0].Dimensions["stability"] = 0.5 }, "dimension weights sum to 1.2600, not 1"},
		{"local weights", func(ev *model.Evaluation) { ev.Profiles[1].Criteria["load_balancing"] = 0.9 }, "criterion weights of stability sum to"},
		{"unknown weight", func(ev *model.Evaluation) { ev.Profiles[0].Criteria["ghost"] = 0 }, `unknown criterion "ghost"`},
		{"no profiles", func(ev *model.Evaluation) { ev.Profiles = nil; ev.KnockOuts = nil }, "no weight profile"},
		{"active profile", func(ev *model.Evaluation) { ev.ActiveProfile = "ghost" }, `active profile "ghost" does not exist`},
		{"parameter", func(ev *model.Evaluation) { ev.Params["P"] = 0 }, "parameter P must be a positive number"},
		{"knock-out criterion", func(ev *model.Evaluation) { ev.KnockOuts[0].Criterion = "ghost" }, `knock-out references unknown criterion "ghost"`},
		{"knock-out operator", func(ev *model.Evaluation) { ev.KnockOuts[0].Op = "~" }, `unknown operator "~"`},
		{"knock-out profile", func(ev *model.Evaluation) { ev.KnockOuts[2].Profile = "retail" }, `unknown profile "retail"`},
		{"anchor order", func(ev *model.Evaluation) {
			c, _ := ev.Framework.Criterion("sla_response")
			c.Anchors[0].X = 1000
		}, "anchors must be sorted"},
		{"empty name", func(ev *model.Evaluation) { ev.Name = "" }, "evaluation name must not be empty"},
	}
	for _, c := range cases {
		ev := sample(t)
		c.mutate(ev)
		err := decodeString(rawBundle(t, ev))
		if err == nil || !strings.Contains(err.Error(), "invalid evaluation: ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}

func setScore(ev *model.Evaluation, vendor, criterion string, v float64) {
	for i := range ev.Scores {
		if ev.Scores[i].Vendor == vendor && ev.Scores[i].Criterion == criterion {
			ev.Scores[i].Value = v
			return
		}
	}
	panic("no score " + vendor + "/" + criterion)
}

func TestWriteAndReadBundleFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "评估.json")
	ev := sample(t)
	if err := export.WriteBundleFile(path, ev); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 (exports are private)", fi.Mode().Perm())
	}
	got, err := export.ReadBundleFile(path)
	if err != nil {
		t.Fatal(err)
	}
	assertSameEvaluation(t, ev, got)
	onlyFiles(t, dir, "评估.json")
}

// onlyFiles fails when dir holds anything but names (a leftover temporary file, for example).
func onlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if !reflect.DeepEqual(got, names) {
		t.Errorf("directory holds %v, want %v", got, names)
	}
}

func TestReadBundleFileErrorsNameThePath(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.json")
	_, err := export.ReadBundleFile(missing)
	if !errors.Is(err, fs.ErrNotExist) || !strings.HasPrefix(err.Error(), "read "+missing+": ") || strings.Count(err.Error(), missing) != 1 {
		t.Errorf("missing file: err = %v, want not-exist naming the path once", err)
	}
	bad := filepath.Join(dir, "x.json")
	if err := os.WriteFile(bad, []byte("{\n  \"format\": \"ccselect-evaluation\",\n    ]"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = export.ReadBundleFile(bad)
	if want := "read " + bad + ": line 3, column 5: "; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("bad file: err = %v, want prefix %q", err, want)
	}
}

// A failed write never damages the file it would have replaced, and leaves no temporary file.
func TestFailedWritesKeepTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "eval.json")
	ev := sample(t)
	if err := export.WriteBundleFile(path, ev); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)

	bad := sample(t)
	bad.Scores[0].Value = 7
	if err := export.WriteBundleFile(path, bad); err == nil || !strings.Contains(err.Error(), "write "+path+": ") ||
		!strings.Contains(err.Error(), "outside 1–5") {
		t.Errorf("invalid evaluation: err = %v", err)
	}
	boom := errors.New("disk full")
	err := export.WriteFileAtomic(path, func(w io.Writer) error {
		if _, err := w.Write(bytes.Repeat([]byte("x"), 100_000)); err != nil { // past the buffer: bytes reach the temp file
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), path) {
		t.Errorf("failing writer: err = %v, want it to wrap %v and name the path", err, boom)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("the existing file changed after failed writes")
	}
	onlyFiles(t, dir, "eval.json")

	nodir := filepath.Join(dir, "no", "such", "eval.json")
	if err := export.WriteBundleFile(nodir, ev); err == nil || !strings.Contains(err.Error(), "directory "+filepath.Join(dir, "no", "such")+" does not exist") {
		t.Errorf("missing directory: err = %v", err)
	}
	if err := export.WriteBundleFile(dir, ev); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("directory as target: err = %v", err)
	}
	onlyFiles(t, dir, "eval.json")
}

func TestWriteFileAtomicReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	for _, content := range []string{"first\n", "second, longer content\n", "3\n"} {
		err := export.WriteFileAtomic(path, func(w io.Writer) error {
			_, err := io.WriteString(w, content)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(path); string(got) != content {
			t.Errorf("file holds %q, want %q", got, content)
		}
	}
	onlyFiles(t, dir, "out.csv")
}

// encoding/json turns null (and a missing key) into a zero value without complaint; a bundle must
// not: `"threshold": null` would become a knock-out gate "≥ 0" that every vendor passes. Null
// stays fine where a list or map may be empty, which is how an empty evaluation is written.
func TestDecodeRefusesNullsAndMissingNumbers(t *testing.T) {
	valid := string(encode(t, sample(t)))
	replace := func(old, new string) string {
		t.Helper()
		if !strings.Contains(valid, old) {
			t.Fatalf("sample bundle lacks %q", old)
		}
		return strings.Replace(valid, old, new, 1)
	}
	cases := []struct{ name, in, want string }{
		{"score value", replace(`"value": 99.95,`, `"value": null,`), ": evaluation.scores[30].value is null, not a number"},
		{"score without value", replace(`"value": 99.95,`, ``), `: evaluation.scores[30] has no "value" (a number is required)`},
		{"threshold", replace(`"threshold": 99.9`, `"threshold": null`), "evaluation.knockouts[0].threshold is null, not a number"},
		{"knock-out without threshold", replace(`"op": ">=",
        "threshold": 99.9`, `"op": ">="`), `evaluation.knockouts[0] has no "threshold"`},
		{"weight", replace(`"stability": 0.24`, `"stability": null`), `evaluation.profiles[0].dimensions["stability"] is null, not a number`},
		{"parameter", replace(`"P": 1000`, `"P": null`), `evaluation.parameters["P"] is null`},
		{"anchor", replace(`"x": 99.5,`, `"x": null,`), "evaluation.framework.criteria[2].anchors[0].x is null"},
		{"price", replace(`"price": 260`, `"price": null`), "evaluation.vendors[0].price is null"},
		{"name", replace(`"name": "default"`, `"name": null`), "evaluation.profiles[0].name is null, not a string"},
		{"created", replace(`"created": "2025-03-03T01:00:00Z"`, `"created": null`), "evaluation.created is null, not a time"},
		{"case-insensitive key", replace(`"value": 99.95,`, `"VALUE": null,`), "evaluation.scores[30].value is null"},
	}
	for _, c := range cases {
		err := decodeString(c.in)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "line ") {
			t.Errorf("%s: err = %v, want it to start with a position and contain %q", c.name, err, c.want)
		}
	}
	// The position points at the null.
	err := decodeString(replace(`"value": 99.95,`, `"value": null,`))
	lines := strings.Split(valid, "\n")
	for i, l := range lines {
		if strings.Contains(l, `"value": 99.95,`) {
			col := strings.Index(l, "99.95") + 1
			if want := fmt.Sprintf("line %d, column %d:", i+1, col); err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("null value: err = %v, want prefix %q", err, want)
			}
			break
		}
	}

	// An evaluation with nothing in it yet is written with [] lists (TestEncodeWritesEmptyLists);
	// a bundle with null lists (older ccselect wrote them, people write them) still reads back.
	empty, err := samples.Template("finance", "空的评估", "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	empty.Vendors, empty.Reviewers, empty.Scores = nil, nil, nil
	data := bytes.Replace(encode(t, empty), []byte(`"vendors": []`), []byte(`"vendors": null`), 1)
	if !bytes.Contains(data, []byte(`"vendors": null`)) {
		t.Fatalf("test needs a bundle with a null list:\n%s", data[:200])
	}
	if _, err := export.DecodeBundle(bytes.NewReader(data)); err != nil {
		t.Fatalf("empty evaluation: %v", err)
	}
}

// A bundle saved in another encoding (GBK, the default of Chinese Windows) would have every
// Chinese name turned into U+FFFD by encoding/json without a word; it is refused, with the place
// of the first bad byte. A UTF-8 byte-order mark (Notepad adds one) is fine.
func TestDecodeEncodings(t *testing.T) {
	valid := encode(t, sample(t))
	// "云启" in GBK is D4 C6 C6 F4; D4 C6 is already not UTF-8.
	i := bytes.Index(valid, []byte("示例银行"))
	gbk := append(append(append([]byte{}, valid[:i]...), 0xD4, 0xC6, 0xC6, 0xF4), valid[i+len("示例"):]...)
	line := bytes.Count(valid[:i], []byte("\n")) + 1
	col := utf8.RuneCount(valid[bytes.LastIndexByte(valid[:i], '\n')+1:i]) + 1
	err := decodeString(string(gbk))
	if want := fmt.Sprintf("line %d, column %d: not valid UTF-8", line, col); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("GBK bytes: err = %v, want %q", err, want)
	}
	bom := append([]byte("\ufeff"), valid...)
	ev, err := export.DecodeBundle(bytes.NewReader(bom))
	if err != nil {
		t.Fatalf("bundle with a byte-order mark: %v", err)
	}
	assertSameEvaluation(t, sample(t), ev)
}

// A key given twice is a mistake (encoding/json would keep the last one silently).
func TestDecodeRefusesDuplicateKeys(t *testing.T) {
	valid := string(encode(t, sample(t)))
	for _, c := range []struct{ name, old, new, want string }{
		{"score value", `"value": 99.95,`, `"value": 99.95, "value": 12,`, `duplicate key "value" in evaluation.scores[30]`},
		{"case-folded", `"value": 99.95,`, `"value": 99.95, "Value": 12,`, `duplicate key "Value" in evaluation.scores[30]`},
		{"weight", `"stability": 0.24`, `"stability": 0.24, "stability": 0.5`, `duplicate key "stability" in evaluation.profiles[0].dimensions`},
		{"envelope", `"version": 1,`, `"version": 1, "version": 1,`, `duplicate key "version"`},
	} {
		if !strings.Contains(valid, c.old) {
			t.Fatalf("sample bundle lacks %q", c.old)
		}
		err := decodeString(strings.Replace(valid, c.old, c.new, 1))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "line ") {
			t.Errorf("%s: err = %v, want a position and %q", c.name, err, c.want)
		}
	}
}

func TestReadBundleFileDirectory(t *testing.T) {
	dir := t.TempDir()
	_, err := export.ReadBundleFile(dir)
	if err == nil || err.Error() != "read "+dir+": it is a directory" {
		t.Errorf("directory: err = %v", err)
	}
}
