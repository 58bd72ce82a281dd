package export

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"ccselect/model"
)

// decodeScores is tested on its own as well: on the fast path the walk already refuses some of
// what it refuses (duplicate keys, a missing value), so only here can its own checks fail.

// assertScoresAsJSON: if decodeScores accepts data, encoding/json decodes it to the same
// scores, bit for bit.
func assertScoresAsJSON(t *testing.T, data []byte) (ok bool) {
	t.Helper()
	got, ok := decodeScores(data, 1, &model.Evaluation{})
	if !ok {
		return false
	}
	var want []model.Score
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatalf("%s: decodeScores accepts what encoding/json refuses: %v", data, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: decodeScores gives %+v, encoding/json %+v", data, got, want)
	}
	for i := range want {
		if math.Float64bits(got[i].Value) != math.Float64bits(want[i].Value) {
			t.Fatalf("%s: value %d is %g, encoding/json says %g", data, i, got[i].Value, want[i].Value)
		}
	}
	return true
}

func TestDecodeScores(t *testing.T) {
	for _, c := range []struct {
		data string
		ok   bool
	}{
		{`[]`, true},
		{` [ ] `, false}, // the walk's span starts at '[' and ends at ']'
		{`[{"value":1}]`, true},
		{`[{"vendor":"v","criterion":"c","reviewer":"r","value":4.5,"note":"n","evidence":"e"}]`, true},
		{"[{\"value\" : -0 , \"vendor\":\"v\"}\n,\t{\"value\":2.5E-1,\"vendor\":\"v\"}\r]", true},
		{`[{"value":1e0,"note":"\"\\\/\b\f\n\r\t\u4e2d\ud83d\ude00"}]`, true},
		{`[{"value":1,"vendor":"\ud800"}]`, true}, // encoding/json's U+FFFD (scanLimits refuses it first)
		{"[{\"value\":1,\"note\":\"\xff\"}]", true},
		{`[{"value":1,"value":2}]`, false},
		{`[{"value":1,"vendor":"a","vendor":"a"}]`, false},
		{`[{"value":1,"note":"a","note":"a"}]`, false},
		{`[{"vendor":"v"}]`, false},
		{`[{}]`, false},
		{`[{"value":1,"Vendor":"v"}]`, false},
		{`[{"value":1,"v\u0065ndor":"v"}]`, false},
		{`[{"value":1,"x":1}]`, false},
		{`[{"value":null}]`, false},
		{`[{"value":1,"note":null}]`, false},
		{`[{"value":"1"}]`, false},
		{`[{"value":1,"vendor":1}]`, false},
		{`[null]`, false},
		{`[{"value":01}]`, false},
		{`[{"value":1.}]`, false},
		{`[{"value":.1}]`, false},
		{`[{"value":+1}]`, false},
		{`[{"value":1e}]`, false},
		{`[{"value":1e+}]`, false},
		{`[{"value":-}]`, false},
		{`[{"value":1e400}]`, false},
		{`[{"value":-1e400}]`, false},
		{`[{"value":1,"note":"a` + "\x01" + `"}]`, false},
		{`[{"value":1,"note":"\x"}]`, false},
		{`[{"value":1,"note":"\u12"}]`, false},
		{`[{"value":1,"note":"abc`, false},
		{`[{"value":1,"note":"abc\`, false},
		{`[{"value":1,}]`, false},
		{`[{"value":1},]`, false},
		{`[{"value":1}`, false},
		{`[{"value":1}] `, false},
		{`[{"value":1}]]`, false},
		{`[{"value" 1}]`, false},
		{`[{"value":1 "note":""}]`, false},
		{`[`, false},
		{``, false},
	} {
		if ok := assertScoresAsJSON(t, []byte(c.data)); ok != c.ok {
			t.Errorf("%s: ok = %v, want %v", c.data, ok, c.ok)
		}
	}
}

// Ids are interned: one string per distinct id, and the evaluation's own id strings.
func TestDecodeScoresInterns(t *testing.T) {
	ev := &model.Evaluation{Vendors: []model.Vendor{{ID: "v1"}}}
	got, ok := decodeScores([]byte(`[{"vendor":"v1","criterion":"c","value":1},{"vendor":"v2","criterion":"c","value":1},`+
		`{"vendor":"v1","criterion":"c","value":1},{"vendor":"v2","criterion":"c","value":1}]`), 4, ev)
	if !ok {
		t.Fatal("refused")
	}
	same := func(a, b string) bool { return a == b && unsafe.StringData(a) == unsafe.StringData(b) }
	if !same(got[0].Vendor, ev.Vendors[0].ID) || !same(got[2].Vendor, ev.Vendors[0].ID) ||
		!same(got[1].Vendor, got[3].Vendor) || !same(got[0].Criterion, got[3].Criterion) {
		t.Error("the ids are not interned")
	}
	// A score allocates nothing but its slot (the slice is made once, to the walk's count).
	allocs := func(n int) float64 {
		data := []byte("[" + strings.Repeat(`{"vendor":"v1","criterion":"c","reviewer":"r","value":1.5},`, n-1) +
			`{"vendor":"v1","criterion":"c","reviewer":"r","value":2e0}]`)
		return testing.AllocsPerRun(10, func() { decodeScores(data, n, ev) })
	}
	if one, many := allocs(1), allocs(100); one != many {
		t.Errorf("%v allocations for one score, %v for a hundred of the same ids", one, many)
	}
}

// FuzzDecodeScores: whatever decodeScores accepts, encoding/json decodes to the same scores.
func FuzzDecodeScores(f *testing.F) {
	f.Add([]byte(`[{"vendor":"v","criterion":"c","reviewer":"r","value":4.5,"note":"n\u4e2d","evidence":"e"}]`))
	f.Add([]byte(`[{"value":-0.5e-3},{"value":1,"note":"a\"b"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		assertScoresAsJSON(t, data)
	})
}
