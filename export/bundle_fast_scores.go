package export

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"ccselect/internal/hugemem"
	"ccselect/model"
)

// decodeScores decodes a bundle's scores array, data (from '[' to ']', nothing around it), as
// encoding/json decodes it into []model.Score, or says ok false (and the careful path decides).
// json.Unmarshal spent most of a large import here, allocating a string for every id of every
// score; here the ids are interned (vendor, criterion and reviewer repeat across the whole
// array), so a score costs its slot in the slice and, if it has them, its note and evidence.
//
// The bytes are not seen by any other JSON parser on the fast path, so this one checks the
// grammar itself, and accepts only the plain case: an array of objects whose keys are the
// fields of model.Score spelt exactly (no escape), each at most once, with "value" present,
// string values for strings and numbers for the value. Anything else (null, another type, a
// duplicate or case-folded key, bad syntax) is ok false. It ends and never reads out of range
// on any input. n is the number of elements the walk counted (a capacity).
//
// ev is the evaluation the rest of the bundle decoded to: its ids seed the interning, so a
// score's ids are the very strings of its vendor, criterion and reviewer.
func decodeScores(data []byte, n int, ev *model.Evaluation) (scores []model.Score, ok bool) {
	d := scoreDecoder{data: data, ids: make(map[string]string, len(ev.Vendors)+len(ev.Framework.Criteria)+len(ev.Reviewers))}
	for i := range ev.Vendors {
		d.ids[ev.Vendors[i].ID] = ev.Vendors[i].ID
	}
	for i := range ev.Framework.Criteria {
		d.ids[ev.Framework.Criteria[i].ID] = ev.Framework.Criteria[i].ID
	}
	for i := range ev.Reviewers {
		d.ids[ev.Reviewers[i].ID] = ev.Reviewers[i].ID
	}
	if !d.next('[') {
		return nil, false
	}
	// Never more than the limits allow, whatever the walk counted: Validate refuses more.
	scores = make([]model.Score, 0, min(n, model.MaxScores+1))
	hugemem.Advise(scores) // 18 MB at 200k scores, filled once, front to back
	d.space()
	if d.i < len(d.data) && d.data[d.i] == ']' {
		d.i++
		return scores, d.i == len(d.data)
	}
	for {
		scores = append(scores, model.Score{})
		if !d.score(&scores[len(scores)-1]) {
			return nil, false
		}
		d.space()
		if d.i >= len(d.data) {
			return nil, false
		}
		switch d.data[d.i] {
		case ',':
			d.i++
		case ']':
			d.i++
			return scores, d.i == len(d.data)
		default:
			return nil, false
		}
	}
}

type scoreDecoder struct {
	data []byte
	i    int
	ids  map[string]string
	last [3]string // the last vendor, criterion and reviewer: scores come in runs
}

// The keys of a score object, as bits of the set seen so far.
const (
	keyVendor = 1 << iota
	keyCriterion
	keyReviewer
	keyValue
	keyNote
	keyEvidence
)

func (d *scoreDecoder) space() { d.i = skipSpace(d.data, d.i) }

// next skips space and then c, or says false.
func (d *scoreDecoder) next(c byte) bool {
	d.space()
	if d.i >= len(d.data) || d.data[d.i] != c {
		return false
	}
	d.i++
	return true
}

// score decodes one score object into s.
func (d *scoreDecoder) score(s *model.Score) bool {
	if !d.next('{') {
		return false
	}
	var seen int
	for {
		d.space()
		raw, plain, ok := d.str()
		if !ok || !plain || !d.next(':') {
			return false // an escaped key is left to the careful path
		}
		var key int
		switch string(raw) {
		case "vendor":
			key = keyVendor
		case "criterion":
			key = keyCriterion
		case "reviewer":
			key = keyReviewer
		case "value":
			key = keyValue
		case "note":
			key = keyNote
		case "evidence":
			key = keyEvidence
		default:
			return false
		}
		if seen&key != 0 {
			return false // the careful path refuses a duplicate key, and words it
		}
		seen |= key
		d.space()
		switch key {
		case keyVendor:
			ok = d.stringInto(&s.Vendor, 0)
		case keyCriterion:
			ok = d.stringInto(&s.Criterion, 1)
		case keyReviewer:
			ok = d.stringInto(&s.Reviewer, 2)
		case keyValue:
			ok = d.number(&s.Value)
		case keyNote:
			ok = d.stringInto(&s.Note, noteSlot)
		case keyEvidence:
			ok = d.stringInto(&s.Evidence, noteSlot)
		}
		if !ok {
			return false
		}
		d.space()
		if d.i >= len(d.data) {
			return false
		}
		switch d.data[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			return seen&keyValue != 0 // a missing value is refused by the careful path
		default:
			return false
		}
	}
}

// str reads the string at d.i: raw is what stands between the quotes, and plain says it has no
// escape and is valid UTF-8, so that raw is the decoded text. A control character (not allowed
// raw in a JSON string) or an unterminated string is ok false; escapes are not checked here.
func (d *scoreDecoder) str() (raw []byte, plain, ok bool) {
	if d.i >= len(d.data) || d.data[d.i] != '"' {
		return nil, false, false
	}
	start := d.i + 1
	plain = true
	ascii := true
	for i := start; i < len(d.data); i++ {
		switch c := d.data[i]; {
		case c == '"':
			d.i = i + 1
			raw = d.data[start:i]
			if !ascii && !utf8.Valid(raw) {
				plain = false // encoding/json turns bad bytes into U+FFFD
			}
			return raw, plain, true
		case c == '\\':
			plain = false
			i++ // the escaped byte cannot end the string (\u's four digits cannot either)
		case c < 0x20:
			return nil, false, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return nil, false, false
}

// unquote decodes a string that is not plain (the quoted text ends at d.i) as encoding/json
// does; such strings are rare, so it is encoding/json that decodes them.
func (d *scoreDecoder) unquote(raw []byte) (string, bool) {
	var s string
	err := json.Unmarshal(d.data[d.i-len(raw)-2:d.i], &s)
	return s, err == nil
}

// noteSlot is stringInto's slot for a note or the evidence: copied, not interned.
const noteSlot = -1

// stringInto decodes the string at d.i into dst: a note or the evidence (slot noteSlot), or a
// vendor, criterion or reviewer id (slot 0, 1, 2), interned: one string per distinct id.
func (d *scoreDecoder) stringInto(dst *string, slot int) bool {
	raw, plain, ok := d.str()
	switch {
	case !ok:
		return false
	case !plain:
		*dst, ok = d.unquote(raw)
		return ok
	case slot == noteSlot:
		*dst = string(raw)
		return true
	}
	if last := d.last[slot]; last == string(raw) {
		*dst = last
		return true
	}
	s, ok := d.ids[string(raw)]
	if !ok {
		s = string(raw)
		d.ids[s] = s
	}
	d.last[slot] = s
	*dst = s
	return true
}

// number decodes a JSON number as encoding/json decodes it into a float64: the text must follow
// the JSON grammar (-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, which is stricter than
// strconv's) and is then parsed by strconv.ParseFloat, as encoding/json parses it; out of range
// is ok false (encoding/json refuses it).
func (d *scoreDecoder) number(dst *float64) bool {
	start := d.i
	if d.i < len(d.data) && d.data[d.i] == '-' {
		d.i++
	}
	switch {
	case d.i < len(d.data) && d.data[d.i] == '0':
		d.i++
	case !d.digits():
		return false
	}
	if d.i < len(d.data) && d.data[d.i] == '.' {
		d.i++
		if !d.digits() {
			return false
		}
	}
	if d.i < len(d.data) && (d.data[d.i] == 'e' || d.data[d.i] == 'E') {
		d.i++
		if d.i < len(d.data) && (d.data[d.i] == '+' || d.data[d.i] == '-') {
			d.i++
		}
		if !d.digits() {
			return false
		}
	}
	f, err := strconv.ParseFloat(string(d.data[start:d.i]), 64)
	if err != nil {
		return false
	}
	*dst = f
	return true
}

// digits skips one or more decimal digits, or says false.
func (d *scoreDecoder) digits() bool {
	start := d.i
	for d.i < len(d.data) && d.data[d.i] >= '0' && d.data[d.i] <= '9' {
		d.i++
	}
	return d.i > start
}
