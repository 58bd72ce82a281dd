package export

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sync"

	"ccselect/model"
)

// The fast path of DecodeBundle (issue 13). The careful path makes three passes over the input
// with encoding/json besides the decode itself: the envelope check, and checkNulls, which walks
// the input token by token and built a JSON path string for every value; at 200k scores those
// were three quarters of the decode. The fast path checks the rules of checkEnvelope and
// checkNulls, and that every key names a field, with one allocation-free walk over the bytes,
// then decodes them once. The walk is conservative: it answers only "certainly fine" or "not
// sure", and whenever the decode fails or the walk is not sure, DecodeBundle runs the careful
// path, which finds and words the error (or, for what the walk merely could not vouch for, such
// as an escaped key, accepts the bundle). So every bundle is accepted or refused, and every
// error worded, exactly as by the careful path.

// decodeFast returns the evaluation of data, or ok false when the careful path must decide.
// data has passed checkUTF8 and scanLimits.
//
// The walk comes first and is safe on any input (it ends and never reads out of range; what it
// vouches for may still fail to decode, and then goes to the careful path). When it vouches,
// every object key in the input names a field of its struct exactly, so the decode needs no
// DisallowUnknownFields: json.Unmarshal decodes the bytes where they are (or a copy without the
// scores, see below), where a json.Decoder would copy them into buffers it grows step by step
// (64 MB of fresh memory for a 24 MB bundle). That holds only if the walk's fields are
// encoding/json's fields, as they are for structs without embedded fields or repeated names
// (plainShapes); otherwise the strict decoder is used.
//
// The scores array is most of a large bundle, and encoding/json spent most of the decode on it
// (a string per id per score, three allocations a score). When the walk has found exactly one,
// non-empty, scores array, json.Unmarshal decodes a copy of the rest of the bundle with that
// array cut out (replaced by []; the copy is a few percent of a large bundle), and
// decodeScores (bundle_fast_scores.go) decodes the array. That is the same decode: a struct's
// fields decode independently, and the cut-out bytes are a JSON value that decodeScores has
// checked itself, grammar and all, as no other parser sees them. Whatever it is not sure of
// goes to the careful path like everything else.
func decodeFast(data []byte) (b bundle, ok bool) {
	root := shapeOf(reflect.TypeFor[bundle]())
	w := walker{data: data, scoresOf: shapeOf(reflect.TypeFor[*model.Evaluation]())}
	w.i = skipSpace(data, 0)
	if w.i >= len(data) || data[w.i] != '{' || !w.value(root) || skipSpace(data, w.i) != len(data) {
		return b, false
	}
	if plainShapes() {
		sc := w.scores
		if w.scoresFound != 1 || sc.n == 0 {
			sc = span{}
		}
		if err := json.Unmarshal(cutOut(data, sc), &b); err != nil {
			return b, false
		}
		if sc.n > 0 {
			if b.Evaluation == nil {
				return b, false
			}
			scores, ok := decodeScores(data[sc.start:sc.end], sc.n, b.Evaluation)
			if !ok {
				return b, false
			}
			b.Evaluation.Scores = scores
		}
	} else {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&b); err != nil || skipSpace(data, int(dec.InputOffset())) != len(data) {
			return b, false
		}
	}
	// checkEnvelope: the exact format and a version this code reads. (An absent "format"
	// decodes as "", an absent "version" as 0; the walk has made sure both keys are spelt
	// exactly, as checkEnvelope looks them up, and that nothing follows the bundle.)
	if b.Format != BundleFormat || b.Version < 1 || b.Version > BundleVersion || b.Evaluation == nil {
		return b, false
	}
	return b, true
}

// span is where the walk found the scores array: data[start:end], n elements.
type span struct{ start, end, n int }

// cutOut returns data with the array at sp replaced by [] (data itself when sp is empty): a
// copy of what is not scores, so that json.Unmarshal neither checks nor decodes them.
func cutOut(data []byte, sp span) []byte {
	if sp.end == 0 {
		return data
	}
	out := make([]byte, 0, len(data)-(sp.end-sp.start)+2)
	out = append(out, data[:sp.start]...)
	out = append(out, "[]"...)
	return append(out, data[sp.end:]...)
}

var (
	plainOnce sync.Once
	plain     bool
)

// plainShapes reports whether no struct a bundle decodes into has an embedded field or two
// fields of one JSON name: then the fields jsonFields lists are exactly the ones encoding/json
// matches keys against.
func plainShapes() bool {
	plainOnce.Do(func() {
		seen := map[reflect.Type]bool{}
		var ok func(t reflect.Type) bool
		ok = func(t reflect.Type) bool {
			for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
				t = t.Elem()
			}
			if t.Kind() != reflect.Struct || seen[t] {
				return true
			}
			seen[t] = true
			names := map[string]bool{}
			for i := 0; i < t.NumField(); i++ {
				if t.Field(i).Anonymous {
					return false
				}
			}
			for _, f := range jsonFields(t) {
				if names[f.name] || !ok(f.typ) {
					return false
				}
				names[f.name] = true
			}
			return true
		}
		plain = ok(reflect.TypeFor[bundle]())
	})
	return plain
}

// shape is what the walk needs to know of a Go type a JSON value decodes into.
type shape struct {
	kind     reflect.Kind // after pointers
	nullable bool         // a pointer, slice, map or interface: null is allowed
	custom   bool         // decodes itself (json or text unmarshaler): not walked into
	fields   []shapeField // structs, in jsonFields order
	required uint64       // bit i: fields[i] is a required number
	elem     *shape       // slices, arrays and maps
}

type shapeField struct {
	name  string
	shape *shape
}

var (
	shapesMu sync.Mutex
	shapes   = map[reflect.Type]*shape{}
)

// shapeOf describes t (built once per type and then only read; recursive types share their
// shape).
func shapeOf(t reflect.Type) *shape {
	shapesMu.Lock()
	defer shapesMu.Unlock()
	return shapeLocked(t)
}

func shapeLocked(t reflect.Type) *shape {
	if s := shapes[t]; s != nil {
		return s
	}
	s := &shape{nullable: nullable(t)}
	shapes[t] = s // before the fields, so that a recursive type ends
	e := t
	for e.Kind() == reflect.Pointer {
		e = e.Elem()
	}
	s.kind = e.Kind()
	s.custom = e.Implements(jsonUnmarshaler) || reflect.PointerTo(e).Implements(jsonUnmarshaler) ||
		e.Implements(textUnmarshaler) || reflect.PointerTo(e).Implements(textUnmarshaler)
	switch s.kind {
	case reflect.Struct:
		fs := jsonFields(e)
		if len(fs) > 64 {
			s.custom = true // never so in a bundle; skipped here, so the careful path decides
			break
		}
		for i, f := range fs {
			s.fields = append(s.fields, shapeField{name: f.name, shape: shapeLocked(f.typ)})
			if f.required {
				s.required |= 1 << i
			}
		}
	case reflect.Slice, reflect.Array, reflect.Map:
		s.elem = shapeLocked(e.Elem())
	}
	return s
}

// walker walks a bundle's bytes against its shape. It runs before any decoder has looked at
// them, so it must end and never index out of range on any input; on anything but JSON of the
// expected shape it says "not sure" (false) or, at worst, vouches for text that then fails to
// decode (and goes to the careful path).
type walker struct {
	data []byte
	i    int

	// scoresOf is the shape whose "scores" array the walk records in scores (and counts in
	// scoresFound: the fast decode of the scores is used only when there is exactly one).
	scoresOf    *shape
	scores      span
	scoresFound int
}

func (w *walker) space() { w.i = skipSpace(w.data, w.i) }

// value walks one value decoded into a type of shape s; false: not sure it is fine.
func (w *walker) value(s *shape) bool {
	w.space()
	if w.i >= len(w.data) {
		return false
	}
	switch w.data[w.i] {
	case 'n':
		if !s.nullable {
			return false
		}
		w.i += len("null")
		return true
	case '{':
		switch {
		case s.kind == reflect.Struct && !s.custom:
			return w.object(s)
		case s.kind == reflect.Map:
			return w.dict(s)
		}
		return w.skip()
	case '[':
		if s.kind == reflect.Slice || s.kind == reflect.Array {
			_, ok := w.array(s)
			return ok
		}
		return w.skip()
	}
	return w.skip()
}

// array walks the array at w.i, decoded into a slice or array of shape s, and counts its
// elements.
func (w *walker) array(s *shape) (n int, ok bool) {
	w.i++ // '['
	w.space()
	if w.i < len(w.data) && w.data[w.i] == ']' {
		w.i++
		return 0, true
	}
	for {
		if !w.value(s.elem) {
			return n, false
		}
		n++
		if more, ok := w.separator(']'); !ok || !more {
			return n, ok
		}
	}
}

// scoresValue walks the value of the "scores" field of shape s, recording where the array is.
func (w *walker) scoresValue(s *shape) bool {
	w.space()
	if w.i >= len(w.data) || w.data[w.i] != '[' || (s.kind != reflect.Slice && s.kind != reflect.Array) {
		return w.value(s)
	}
	start := w.i
	n, ok := w.array(s)
	if ok {
		w.scores = span{start: start, end: w.i, n: n}
		w.scoresFound++
	}
	return ok
}

// key reads an object key and the colon after it. Keys with escapes are left to the careful
// path (ok false), so the raw bytes are the key.
func (w *walker) key() (k []byte, ok bool) {
	w.space()
	if w.i >= len(w.data) || w.data[w.i] != '"' {
		return nil, false
	}
	start := w.i + 1
	end := bytes.IndexByte(w.data[start:], '"')
	if end < 0 {
		return nil, false
	}
	k = w.data[start : start+end]
	if bytes.IndexByte(k, '\\') >= 0 {
		return nil, false
	}
	w.i = start + end + 1
	w.space()
	if w.i >= len(w.data) || w.data[w.i] != ':' {
		return nil, false
	}
	w.i++
	return k, true
}

// members walks the members of the object at w.i, calling member for each key (which must walk
// the value).
func (w *walker) members(member func(k []byte) bool) bool {
	w.i++ // '{'
	w.space()
	if w.i < len(w.data) && w.data[w.i] == '}' {
		w.i++
		return true
	}
	for {
		k, ok := w.key()
		if !ok || !member(k) {
			return false
		}
		if more, ok := w.separator('}'); !ok || !more {
			return ok
		}
	}
}

// separator reads what follows an element or a member: a comma (more follows) or closer (the
// array or object ends); anything else is not JSON this walk vouches for (ok false).
func (w *walker) separator(closer byte) (more, ok bool) {
	w.space()
	if w.i >= len(w.data) {
		return false, false
	}
	switch w.data[w.i] {
	case ',':
		w.i++
		return true, true
	case closer:
		w.i++
		return false, true
	}
	return false, false
}

// object walks an object decoded into a struct: every key spelt exactly as a field (a key that
// matched only ignoring case is left to the careful path), none twice, no required number
// missing.
func (w *walker) object(s *shape) bool {
	var seen uint64
	ok := w.members(func(k []byte) bool {
		for i := range s.fields {
			f := &s.fields[i]
			if f.name == string(k) {
				if seen&(1<<i) != 0 {
					return false
				}
				seen |= 1 << i
				if s == w.scoresOf && f.name == "scores" {
					return w.scoresValue(f.shape)
				}
				return w.value(f.shape)
			}
		}
		return false
	})
	return ok && seen&s.required == s.required
}

// dict walks an object decoded into a map: no key twice.
func (w *walker) dict(s *shape) bool {
	var keys [][]byte
	var set map[string]bool // once there are many keys
	return w.members(func(k []byte) bool {
		switch {
		case set != nil:
			if set[string(k)] {
				return false
			}
			set[string(k)] = true
		case len(keys) < 16:
			for _, seen := range keys {
				if bytes.Equal(seen, k) {
					return false
				}
			}
			keys = append(keys, k)
		default:
			set = map[string]bool{string(k): true}
			for _, seen := range keys {
				if set[string(seen)] {
					return false
				}
				set[string(seen)] = true
			}
		}
		return w.value(s.elem)
	})
}

// skip passes over one value of any kind.
func (w *walker) skip() bool {
	w.space()
	if w.i >= len(w.data) {
		return false
	}
	switch c := w.data[w.i]; c {
	case '"':
		end, err := scanString(w.data, w.i)
		if err != nil || end >= len(w.data) {
			return false
		}
		w.i = end + 1
		return true
	case '{', '[':
		depth := 0
		for w.i < len(w.data) {
			switch w.data[w.i] {
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					w.i++
					return true
				}
			case '"':
				end, err := scanString(w.data, w.i)
				if err != nil || end >= len(w.data) {
					return false
				}
				w.i = end
			}
			w.i++
		}
		return false
	}
	// A number, true, false or null: up to the next delimiter.
	start := w.i
	for w.i < len(w.data) {
		switch w.data[w.i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return w.i > start
		}
		w.i++
	}
	return w.i > start
}
