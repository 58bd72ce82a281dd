package export

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// encoding/json silently leaves a field at its zero value when the input has null there or lacks
// the key, and keeps the last of two equal keys. For a bundle that is dangerous: `"value": null` imported a measured value of 0, and
// `"threshold": null` a knock-out gate "≥ 0" that every vendor passes, and neither fails
// Validate. checkNulls walks the (already syntax-checked) input against the Go types and refuses
//   - null where the type cannot be null (numbers, strings, booleans, objects, fixed arrays;
//     lists and maps may be null: EncodeBundle writes an empty list that way), and
//   - a missing number field that is not marked omitempty (a score's value, an anchor's x and
//     score, a knock-out's threshold): there is no sensible default for those;
//   - a key given twice in one object (for a struct, as encoding/json matches keys: ignoring
//     case).
//
// Errors give the line and column and the JSON path, e.g.
// "line 1074, column 18: evaluation.scores[30].value is null, not a number".

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

type nullChecker struct {
	data []byte
	dec  *json.Decoder
}

func checkNulls(data []byte, t reflect.Type) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	c := nullChecker{data: data, dec: dec}
	return c.value(t, "")
}

// value reads one JSON value that is to be decoded into t.
func (c *nullChecker) value(t reflect.Type, path string) error {
	tok, err := c.dec.Token()
	if err != nil {
		return jsonError(c.data, err)
	}
	end := int(c.dec.InputOffset())
	if tok == nil {
		if nullable(t) {
			return nil
		}
		return fmt.Errorf("%s: %s is null, not %s", position(c.data, end-len("null")), name(path), jsonKind(t))
	}
	delim, isDelim := tok.(json.Delim)
	if !isDelim {
		return nil // a scalar: the strict decode has checked its type
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	custom := t.Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(jsonUnmarshaler) ||
		t.Implements(textUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler)
	switch {
	case delim == '{' && !custom && t.Kind() == reflect.Struct:
		return c.object(t, path, end-1)
	case delim == '{' && t.Kind() == reflect.Map:
		seen := map[string]bool{}
		for c.dec.More() {
			key, err := c.dec.Token()
			if err != nil {
				return jsonError(c.data, err)
			}
			k, _ := key.(string)
			if seen[k] {
				return c.duplicate(k, path)
			}
			seen[k] = true
			if err := c.value(t.Elem(), fmt.Sprintf("%s[%q]", path, key)); err != nil {
				return err
			}
		}
	case delim == '[' && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array):
		for i := 0; c.dec.More(); i++ {
			if err := c.value(t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	default: // a type the strict decode accepted in its own way (or rejected already)
		return c.skipRest()
	}
	_, err = c.dec.Token() // the closing delimiter
	return err
}

// object reads the members of an object decoded into struct t; start is the offset of its '{'.
func (c *nullChecker) object(t reflect.Type, path string, start int) error {
	fields := jsonFields(t)
	seen := map[string]bool{}
	for c.dec.More() {
		tok, err := c.dec.Token()
		if err != nil {
			return jsonError(c.data, err)
		}
		key, _ := tok.(string)
		f, ok := lookupField(fields, key)
		if !ok {
			if err := c.skipValue(); err != nil {
				return err
			}
			continue
		}
		if seen[f.name] {
			return c.duplicate(key, path)
		}
		seen[f.name] = true
		if err := c.value(f.typ, join(path, f.name)); err != nil {
			return err
		}
	}
	for _, f := range fields {
		if f.required && !seen[f.name] {
			return fmt.Errorf("%s: %s has no %q (a number is required)", position(c.data, start), name(path), f.name)
		}
	}
	_, err := c.dec.Token()
	return err
}

// duplicate reports a key given twice in one object (encoding/json would keep the last value);
// the key was just read.
func (c *nullChecker) duplicate(key, path string) error {
	at := valueStart(c.data, int(c.dec.InputOffset()))
	return fmt.Errorf("%s: duplicate key %q in %s", position(c.data, at), key, name(path))
}

// skipValue reads and discards one whole value.
func (c *nullChecker) skipValue() error {
	tok, err := c.dec.Token()
	if err != nil {
		return jsonError(c.data, err)
	}
	if _, ok := tok.(json.Delim); ok {
		return c.skipRest()
	}
	return nil
}

// skipRest discards the rest of an object or array whose opening delimiter was just read.
func (c *nullChecker) skipRest() error {
	for depth := 1; depth > 0; {
		tok, err := c.dec.Token()
		if err != nil {
			return jsonError(c.data, err)
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return nil
}

type jsonField struct {
	name     string
	typ      reflect.Type
	required bool // a number without omitempty
}

// jsonFields lists the fields encoding/json maps for struct t (embedded structs flattened).
func jsonFields(t reflect.Type) []jsonField {
	var out []jsonField
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if sf.Anonymous && name == "" {
			ft := sf.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				out = append(out, jsonFields(ft)...)
				continue
			}
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		omitempty := strings.Contains(","+opts+",", ",omitempty,")
		out = append(out, jsonField{name: name, typ: sf.Type, required: isNumber(sf.Type) && !omitempty})
	}
	return out
}

// lookupField matches a key as encoding/json does: exactly, else case-insensitively.
func lookupField(fields []jsonField, key string) (jsonField, bool) {
	for _, f := range fields {
		if f.name == key {
			return f, true
		}
	}
	for _, f := range fields {
		if strings.EqualFold(f.name, key) {
			return f, true
		}
	}
	return jsonField{}, false
}

func nullable(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return true
	}
	return false
}

func isNumber(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Float32, reflect.Float64, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}

func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

func name(path string) string {
	if path == "" {
		return "the bundle"
	}
	return path
}
