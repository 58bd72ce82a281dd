// Package export reads and writes ccselect's file formats: the JSON bundle of a whole
// evaluation, CSV, printed reports and Excel workbooks. It depends on model only.
package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"ccselect/model"
)

// The bundle envelope: {"format": BundleFormat, "version": BundleVersion, "evaluation": {...}}.
// The version is raised only when an older ccselect could misread a newer file.
const (
	BundleFormat  = "ccselect-evaluation"
	BundleVersion = 1
)

// maxBundleBytes bounds what DecodeBundle reads into memory (model.MaxBundleBytes, 256 MiB): the
// sample evaluation is ~150 KB and the largest evaluation the limits allow (500 vendors × 300
// criteria × 50 reviewers is more than MaxScores; a million scores with short notes) fits.
const maxBundleBytes = model.MaxBundleBytes

type bundle struct {
	Format     string            `json:"format"`
	Version    int               `json:"version"`
	Evaluation *model.Evaluation `json:"evaluation"`
}

// EncodeBundle writes ev as an indented, UTF-8 JSON bundle (CJK and <>& left unescaped so the
// file stays readable); empty lists are written as [], never null. An invalid evaluation is refused, so every bundle written can be read
// back; nothing is written to w unless encoding succeeds.
func EncodeBundle(w io.Writer, ev *model.Evaluation) error {
	if ev == nil {
		return errors.New("encode bundle: no evaluation")
	}
	if err := ev.Validate(); err != nil {
		return fmt.Errorf("encode bundle: invalid evaluation: %w", err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(bundle{Format: BundleFormat, Version: BundleVersion, Evaluation: withEmptyLists(ev)}); err != nil {
		return fmt.Errorf("encode bundle: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// DecodeBundle reads a bundle strictly and all-or-nothing: the envelope must name the format and
// a version this code understands, unknown fields and trailing data are errors, syntax errors and
// unknown fields say where (line and column; for a field also its JSON path), the text must be UTF-8 (a leading byte-order mark is skipped), null
// stands only where a list or map may be empty, required numbers must be present and no key may
// repeat (see checkNulls), and the evaluation must pass model.Evaluation.Validate.
func DecodeBundle(r io.Reader) (*model.Evaluation, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxBundleBytes+1))
	if err != nil {
		return nil, err
	}
	return DecodeBundleBytes(data)
}

// screenBundle applies the checks both decoders rely on: the size limit, UTF-8 and the limits
// scan. It returns data without a leading byte-order mark (editors on Windows start UTF-8 files
// with one; JSON has no use for it).
func screenBundle(data []byte) ([]byte, error) {
	if len(data) > maxBundleBytes {
		return nil, errBundleTooLarge()
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if err := checkUTF8(data); err != nil {
		return nil, err
	}
	if err := scanLimits(data); err != nil {
		return nil, err
	}
	return data, nil
}

// DecodeBundleBytes is DecodeBundle on a bundle already in memory (data is not changed or kept).
func DecodeBundleBytes(data []byte) (*model.Evaluation, error) {
	data, err := screenBundle(data)
	if err != nil {
		return nil, err
	}
	if b, ok := decodeFast(data); ok { // bundle_fast.go
		if err := b.Evaluation.Validate(); err != nil {
			return nil, fmt.Errorf("invalid evaluation: %w", err)
		}
		return b.Evaluation, nil
	}
	return decodeCareful(data)
}

func errBundleTooLarge() error { return fmt.Errorf("bundle is larger than %d MiB", maxBundleBytes>>20) }

// decodeCareful is DecodeBundle after the UTF-8 and limit checks, without the fast path: the
// envelope first, then the strict decode, then checkNulls, each wording what it finds.
func decodeCareful(data []byte) (*model.Evaluation, error) {
	if err := checkEnvelope(data); err != nil {
		return nil, err
	}
	// Second, strict pass over the whole input so that error offsets are absolute.
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var b bundle
	if err := dec.Decode(&b); err != nil {
		return nil, withPosition(data, jsonError(data, err))
	}
	if b.Evaluation == nil {
		return nil, errors.New(`bundle has no "evaluation"`)
	}
	if err := checkNulls(data, reflect.TypeFor[bundle]()); err != nil {
		return nil, err
	}
	if err := b.Evaluation.Validate(); err != nil {
		return nil, fmt.Errorf("invalid evaluation: %w", err)
	}
	return b.Evaluation, nil
}

// checkUTF8 refuses input that is not UTF-8. encoding/json would replace every bad byte with
// U+FFFD, so a bundle saved as GBK (the default of Chinese Windows) would import with all its
// Chinese text destroyed and no error.
func checkUTF8(data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	off := 0
	for off < len(data) {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	return fmt.Errorf("%s: not valid UTF-8: the file seems to be saved in another encoding (GBK?); save it as UTF-8",
		position(data, off))
}

// checkEnvelope checks the syntax of the whole input, that nothing follows the bundle, and the
// format and version, before the strict pass can complain about fields of a file that is not a
// ccselect bundle at all.
func checkEnvelope(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return errors.New("empty input: not a ccselect evaluation bundle")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var head map[string]json.RawMessage
	if err := dec.Decode(&head); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field == "" {
			return fmt.Errorf("not a ccselect evaluation bundle: the top level is a JSON %s, not an object", te.Value)
		}
		return jsonError(data, err)
	}
	if rest := skipSpace(data, int(dec.InputOffset())); rest < len(data) {
		return fmt.Errorf("%s: unexpected data after the end of the bundle", position(data, rest))
	}
	if head == nil {
		return errors.New("not a ccselect evaluation bundle: the top level is null, not an object")
	}
	raw, ok := head["format"]
	if !ok {
		return fmt.Errorf(`not a ccselect evaluation bundle: no "format" field (want %q)`, BundleFormat)
	}
	var format string
	if err := json.Unmarshal(raw, &format); err != nil || format != BundleFormat {
		return fmt.Errorf("not a ccselect evaluation bundle: format is %s, want %q", raw, BundleFormat)
	}
	raw, ok = head["version"]
	if !ok {
		return errors.New(`bundle has no "version" field`)
	}
	var version int
	if err := json.Unmarshal(raw, &version); err != nil || version < 1 {
		return fmt.Errorf("bundle version %s is not valid (want a whole number from 1)", raw)
	}
	if version > BundleVersion {
		return fmt.Errorf("bundle version %d is newer than this ccselect understands (%d): upgrade ccselect to read it", version, BundleVersion)
	}
	return nil
}

// jsonError turns an encoding/json error into a message that says where the problem is.
func jsonError(data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%s: unexpected end of input (the file is truncated)", position(data, len(data)))
	case errors.As(err, &se):
		// Offset counts the bytes read, the offending one included.
		return fmt.Errorf("%s: %s", position(data, int(se.Offset)-1), se.Error())
	case errors.As(err, &te):
		return fmt.Errorf("%s: %s", position(data, valueStart(data, int(te.Offset))), typeMismatch(te))
	}
	return errors.New(strings.TrimPrefix(err.Error(), "json: "))
}

// typeMismatch words a type error for people: the JSON path and what was expected.
func typeMismatch(te *json.UnmarshalTypeError) string {
	field := te.Field
	if field == "" {
		field = "value"
	}
	if strings.HasPrefix(te.Value, "number ") {
		return fmt.Sprintf("%s: %s is out of range", field, te.Value)
	}
	return fmt.Sprintf("%s: expected %s, found %s", field, jsonKind(te.Type), te.Value)
}

func jsonKind(t reflect.Type) string {
	if t == reflect.TypeFor[time.Time]() {
		return `a time such as "2026-03-01T09:30:00Z"`
	}
	switch t.Kind() {
	case reflect.Float32, reflect.Float64, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return t.String()
}

// position gives the 1-based line and column (in characters, not bytes) of byte offset off.
func position(data []byte, off int) string {
	off = max(0, min(off, len(data)))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return fmt.Sprintf("line %d, column %d", line, col)
}

// valueStart finds where the JSON value that ends at byte end begins: encoding/json reports a
// type error after reading a scalar (or just after the opening bracket of an object or array),
// but people look for the start of the value.
func valueStart(data []byte, end int) int {
	end = min(end, len(data))
	if end <= 0 {
		return 0
	}
	i := end - 1
	switch data[i] {
	case '{', '[':
		return i
	case '"':
		for i--; i >= 0; i-- {
			if data[i] != '"' {
				continue
			}
			slashes := 0
			for j := i - 1; j >= 0 && data[j] == '\\'; j-- {
				slashes++
			}
			if slashes%2 == 0 {
				return i
			}
		}
		return 0
	}
	for i > 0 && strings.IndexByte("+-.0123456789eEtruefalsn", data[i-1]) >= 0 {
		i--
	}
	return i
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// WriteBundleFile writes ev to path atomically (see WriteFileAtomic): on any error the previous
// file, if any, is untouched.
func WriteBundleFile(path string, ev *model.Evaluation) error {
	return WriteFileAtomic(path, func(w io.Writer) error { return EncodeBundle(w, ev) })
}

// OpenInput opens a file the user named for reading (a bundle, a CSV, a workbook); errors start
// with "read <path>:" and name no path twice.
//
// The file is opened non-blocking, so a FIFO nobody writes to reads as empty instead of hanging
// the program (a pipe that does have a writer, as from `import <(cmd)`, still reads normally).
func OpenInput(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is already in our prefix
		}
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		f.Close()
		return nil, fmt.Errorf("read %s: it is a directory", path)
	}
	return f, nil
}

// ReadBundleFile reads and validates a bundle file; errors start with "read <path>:".
func ReadBundleFile(path string) (*model.Evaluation, error) {
	f, err := OpenInput(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ev, err := DecodeBundle(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return ev, nil
}
