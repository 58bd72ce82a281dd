package export_test

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"ccselect/export"
	"ccselect/model"
)

// scoreBundle is the sample bundle, compact, split around one score object (wang's score of
// yunqi on track_record, a measured criterion, so that 0 and -0 are valid values).
func scoreBundle(t *testing.T) (before, after string) {
	t.Helper()
	data := string(compact(t, encode(t, sample(t))))
	at := strings.Index(data, `{"vendor":"yunqi","criterion":"track_record","reviewer":"wang",`)
	if at < 0 {
		t.Fatal("the sample bundle lacks wang's track_record score of yunqi")
	}
	end := at + strings.IndexByte(data[at:], '}') + 1
	return data[:at], data[end:]
}

// The scores are decoded by decodeScores on the fast path (bundle_fast_scores.go): every way of
// writing a score that it accepts must take the fast path and decode as the careful path does.
func TestDecodeFastScores(t *testing.T) {
	before, after := scoreBundle(t)
	id := `"vendor":"yunqi","criterion":"track_record","reviewer":"wang"`
	base := model.Score{Vendor: "yunqi", Criterion: "track_record", Reviewer: "wang", Value: 99.95}
	with := func(f func(s *model.Score)) model.Score { s := base; f(&s); return s }
	cases := []struct {
		name, score string
		want        model.Score
	}{
		{"plain", `{` + id + `,"value":99.95}`, base},
		{"note and evidence", `{` + id + `,"value":99.95,"note":"n","evidence":"e"}`,
			with(func(s *model.Score) { s.Note, s.Evidence = "n", "e" })},
		{"empty note", `{` + id + `,"value":99.95,"note":""}`, base},
		{"only evidence", `{` + id + `,"value":99.95,"evidence":"e"}`, with(func(s *model.Score) { s.Evidence = "e" })},
		{"raw CJK and emoji", `{` + id + `,"value":99.95,"note":"中文 😀"}`, with(func(s *model.Score) { s.Note = "中文 😀" })},
		{"escapes", `{` + id + `,"value":99.95,"note":"say \"hi\" \\ \/\n\tend","evidence":"\u4e2d\ud83d\ude00"}`,
			with(func(s *model.Score) { s.Note, s.Evidence = "say \"hi\" \\ /\n\tend", "中😀" })},
		{"escaped id", `{"vendor":"yun\u0071i","criterion":"track_record","reviewer":"w\u0061ng","value":99.95}`, base},
		{"value first", `{"value":99.95,"reviewer":"wang","criterion":"track_record","vendor":"yunqi"}`, base},
		{"note first", `{"note":"n","value":99.95,` + id + `}`, with(func(s *model.Score) { s.Note = "n" })},
		{"exponent", `{` + id + `,"value":1e0}`, with(func(s *model.Score) { s.Value = 1 })},
		{"negative exponent", `{` + id + `,"value":2.5E-1}`, with(func(s *model.Score) { s.Value = 0.25 })},
		{"plus exponent", `{` + id + `,"value":1E+2}`, with(func(s *model.Score) { s.Value = 100 })},
		{"fraction and exponent", `{` + id + `,"value":0.5e1}`, with(func(s *model.Score) { s.Value = 5 })},
		{"zero", `{` + id + `,"value":0}`, with(func(s *model.Score) { s.Value = 0 })},
		{"negative zero", `{` + id + `,"value":-0}`, with(func(s *model.Score) { s.Value = math.Copysign(0, -1) })},
		{"negative zero fraction", `{` + id + `,"value":-0.0e0}`, with(func(s *model.Score) { s.Value = math.Copysign(0, -1) })},
		{"trailing zeros", `{` + id + `,"value":12.50}`, with(func(s *model.Score) { s.Value = 12.5 })},
		{"long mantissa", `{` + id + `,"value":99.9500000000000000000000000001}`, base},
		{"tiny", `{` + id + `,"value":1e-400}`, with(func(s *model.Score) { s.Value = 0 })},
		{"whitespace", "{ \"vendor\" : \"yunqi\" ,\n\t\"criterion\":\r\n\"track_record\",\"reviewer\"\t:\"wang\" , \"value\" :99.95 \n}", base},
		{"space before", " \n{" + id + `,"value":99.95}` + "\t", base},
	}
	for _, c := range cases {
		data := []byte(before + c.score + after)
		if !export.FastPathTaken(data) {
			t.Errorf("%s: the fast path was not taken", c.name)
		}
		assertSameDecode(t, c.name, data)
		ev, err := export.DecodeBundleBytes(data)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got, ok := ev.ScoreOf("yunqi", "track_record", "wang")
		if !ok {
			t.Fatalf("%s: the score is missing", c.name)
		}
		if *got != c.want || math.Signbit(got.Value) != math.Signbit(c.want.Value) {
			t.Errorf("%s: got %+v (sign %v), want %+v", c.name, *got, math.Signbit(got.Value), c.want)
		}
		careful, err := export.DecodeCarefully(data)
		if err != nil {
			t.Fatal(err)
		}
		assertSameValueBits(t, c.name, careful, ev)
	}
}

// assertSameValueBits compares the values bit for bit (reflect.DeepEqual holds 0 equal to -0).
func assertSameValueBits(t *testing.T, name string, want, got *model.Evaluation) {
	t.Helper()
	if len(want.Scores) != len(got.Scores) {
		t.Fatalf("%s: %d scores, want %d", name, len(got.Scores), len(want.Scores))
	}
	for i := range want.Scores {
		if math.Float64bits(want.Scores[i].Value) != math.Float64bits(got.Scores[i].Value) {
			t.Errorf("%s: score %d is %g, want %g", name, i, got.Scores[i].Value, want.Scores[i].Value)
		}
	}
}

// Scores decodeScores is not sure of go to the careful path, which accepts or refuses them and
// words the refusal.
func TestDecodeFastScoresDefer(t *testing.T) {
	before, after := scoreBundle(t)
	id := `"vendor":"yunqi","criterion":"track_record","reviewer":"wang"`
	for name, score := range map[string]string{
		"duplicate vendor":      `{` + id + `,"vendor":"yunqi","value":99.95}`,
		"duplicate note":        `{` + id + `,"value":99.95,"note":"a","note":"b"}`,
		"duplicate value":       `{` + id + `,"value":99.95,"value":1}`,
		"case-folded duplicate": `{` + id + `,"value":99.95,"Value":1}`,
		"case-folded key":       `{` + id + `,"Value":99.95}`,
		"escaped key":           `{` + id + `,"v\u0061lue":99.95}`,
		"unknown key":           `{` + id + `,"value":99.95,"grade":1}`,
		"missing value":         `{` + id + `}`,
		"null value":            `{` + id + `,"value":null}`,
		"null note":             `{` + id + `,"value":99.95,"note":null}`,
		"string value":          `{` + id + `,"value":"99.95"}`,
		"number vendor":         `{"vendor":1,"criterion":"track_record","reviewer":"wang","value":99.95}`,
		"object note":           `{` + id + `,"value":99.95,"note":{}}`,
		"null score":            `null`,
		"array score":           `[]`,
		"leading zero":          `{` + id + `,"value":01}`,
		"bare point":            `{` + id + `,"value":1.}`,
		"leading point":         `{` + id + `,"value":.5}`,
		"plus sign":             `{` + id + `,"value":+1}`,
		"bare exponent":         `{` + id + `,"value":1e}`,
		"bare minus":            `{` + id + `,"value":-}`,
		"hex":                   `{` + id + `,"value":0x10}`,
		"underscore":            `{` + id + `,"value":1_0}`,
		"out of range":          `{` + id + `,"value":1e400}`,
		"NaN":                   `{` + id + `,"value":NaN}`,
		"Infinity":              `{` + id + `,"value":Infinity}`,
		"raw tab in note":       `{` + id + `,"value":99.95,"note":"a` + "\t" + `b"}`,
		"bad escape":            `{` + id + `,"value":99.95,"note":"a\x"}`,
		"backspace escape":      `{` + id + `,"value":99.95,"note":"a\bb"}`,
		"trailing comma":        `{` + id + `,"value":99.95,}`,
		"missing comma":         `{` + id + `,"value":99.95 "note":"n"}`,
		"missing colon":         `{` + id + `,"value" 99.95}`,
		"trailing array comma":  `{` + id + `,"value":99.95},`,
		"unknown vendor":        `{"vendor":"nobody","criterion":"track_record","reviewer":"wang","value":99.95}`,
		"negative value":        `{` + id + `,"value":-1}`,
	} {
		data := []byte(before + score + after)
		assertSameDecode(t, name, data)
	}
}

// The whole scores array: empty, null, one score, spaced out, and where the key stands.
func TestDecodeFastScoresArray(t *testing.T) {
	data := compact(t, encode(t, sample(t)))
	key := []byte(`"scores":`)
	at := bytes.Index(data, key) + len(key)
	dec := json.NewDecoder(bytes.NewReader(data[at:]))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		t.Fatal(err)
	}
	before, array, after := string(data[:at]), string(raw), string(data[at+int(dec.InputOffset()):])
	one := array[:strings.Index(array, "},{")+1] + "]"
	var indented bytes.Buffer
	if err := json.Indent(&indented, raw, "\r", " \t"); err != nil {
		t.Fatal(err)
	}
	spaced := indented.String()
	for name, c := range map[string]struct {
		scores string
		fast   bool
	}{
		"empty":       {"[]", true},
		"spaced":      {" [ \n ] ", true},
		"null":        {"null", true},
		"one":         {one, true},
		"one spaced":  {" [ " + one[1:len(one)-1] + " ] ", true},
		"all":         {array, true},
		"all spaced":  {spaced, true},
		"not closed":  {array[:len(array)-1], false},
		"not array":   {`{}`, false},
		"bare string": {`"x"`, false},
	} {
		b := []byte(before + c.scores + after)
		if export.FastPathTaken(b) != c.fast {
			t.Errorf("%s: fast path taken = %v, want %v", name, !c.fast, c.fast)
		}
		assertSameDecode(t, name, b)
	}
	// The scores key first and last in the evaluation object.
	ev := string(data)
	body := `"scores":` + array
	without := strings.Replace(ev, body+",", "", 1)
	evAt := strings.Index(without, `"evaluation":{`) + len(`"evaluation":{`)
	first := without[:evAt] + body + "," + without[evAt:]
	last := strings.TrimSuffix(strings.TrimSuffix(without, "}"), "}") + "," + body + "}}"
	for name, b := range map[string]string{"scores first": first, "scores last": last} {
		if !export.FastPathTaken([]byte(b)) {
			t.Errorf("%s: the fast path was not taken", name)
		}
		assertSameDecode(t, name, []byte(b))
	}
}
