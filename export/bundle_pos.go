package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"ccselect/model"
)

// unknownFieldRe matches encoding/json's message for a field the bundle does not have.
var unknownFieldRe = regexp.MustCompile(`unknown field "([^"]*)"`)

// withPosition adds the line, column and JSON path of an unknown field to a decode error, so
// "unknown field \"vendros\"" says where to look in a 5,000-line file. encoding/json reports
// neither for this error; DecodeBundle applies it so every reader (CLI and TUI) gets it.
func withPosition(data []byte, err error) error {
	m := unknownFieldRe.FindStringSubmatch(err.Error())
	if m == nil || strings.Contains(err.Error(), "line ") {
		return err
	}
	line, col, path, ok := locateKey(data, m[1])
	if !ok {
		return err
	}
	return fmt.Errorf("%w (line %d, column %d, at %s)", err, line, col, path)
}

// locateKey finds the first object key named key and returns its line and column (1-based;
// columns count characters, as editors do, not bytes) and its JSON path ($.evaluation.vendros).
func locateKey(data []byte, key string) (line, col int, path string, ok bool) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		object  bool
		wantKey bool
		name    string
		index   int
	}
	var stack []frame
	render := func() string {
		var b strings.Builder
		b.WriteString("$")
		for _, f := range stack {
			if f.object {
				b.WriteString("." + f.name)
			} else {
				b.WriteString("[" + strconv.Itoa(f.index) + "]")
			}
		}
		return b.String()
	}
	// afterValue advances the enclosing container past one value.
	afterValue := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].object {
				stack[n-1].wantKey = true
			} else {
				stack[n-1].index++
			}
		}
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, 0, "", false
		}
		top := len(stack) - 1
		if top >= 0 && stack[top].object && stack[top].wantKey {
			if d, isDelim := tok.(json.Delim); isDelim && d == '}' {
				stack = stack[:top]
				afterValue()
				continue
			}
			k, _ := tok.(string)
			stack[top].name, stack[top].wantKey = k, false
			if k == key {
				end := int(dec.InputOffset())
				start := bytes.LastIndexByte(data[:end], '"')
				start = bytes.LastIndexByte(data[:start], '"')
				if start < 0 {
					start = 0
				}
				line = 1 + bytes.Count(data[:start], []byte("\n"))
				lineStart := bytes.LastIndexByte(data[:start], '\n') + 1
				col = 1 + len([]rune(string(data[lineStart:start])))
				return line, col, render(), true
			}
			continue
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, frame{object: true, wantKey: true})
			case '[':
				stack = append(stack, frame{})
			case '}', ']':
				stack = stack[:top]
				afterValue()
			}
		default:
			afterValue()
		}
	}
}

// withEmptyLists returns ev with every empty list as [] rather than null, as
// docs/bundle.schema.json requires (storage loads empty lists as nil). ev itself is not changed.
func withEmptyLists(ev *model.Evaluation) *model.Evaluation {
	e := *ev
	if e.Vendors == nil {
		e.Vendors = []model.Vendor{}
	}
	if e.Reviewers == nil {
		e.Reviewers = []model.Reviewer{}
	}
	if e.Scores == nil {
		e.Scores = []model.Score{}
	}
	if e.Profiles == nil {
		e.Profiles = []model.WeightProfile{}
	}
	return &e
}
