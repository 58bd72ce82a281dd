package ops

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"ccselect/export"
	"ccselect/internal/hugemem"
	"ccselect/model"
	"ccselect/storage"
)

// CreateIn stores a new evaluation in st under a checked, unique name.
func CreateIn(st *storage.Store, ev *model.Evaluation, actor string) (int64, error) {
	name, err := CheckEvalName(st, ev.Name, 0)
	if err != nil {
		return 0, err
	}
	ev.Name = name
	return st.Create(ev, actor)
}

// Create stores ev in the database at l. A database file this call created is removed again
// if the evaluation cannot be stored: a failed new or import leaves nothing behind.
func Create(l Location, ev *model.Evaluation, actor string) (int64, error) {
	fresh := l.Explicit && !l.Exists()
	st, err := OpenCreate(l)
	if err != nil {
		return 0, err
	}
	id, err := CreateIn(st, ev, actor)
	if cerr := st.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil && fresh {
		RemoveDatabase(l.Path)
	}
	return id, err
}

// readAll reads r up to limit bytes. A regular file is read into a buffer of its size at once:
// io.ReadAll grows its buffer step by step, copying a 24 MB bundle over and over (issue 13).
func readAll(r io.Reader, limit int64) ([]byte, error) {
	b := new(bytes.Buffer)
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() < limit {
			// Room for the whole file and the read that finds its end, in huge pages where the
			// OS gives them (a 24 MB bundle was 6,000 page faults).
			buf := make([]byte, 0, int(st.Size())+bytes.MinRead)
			hugemem.Advise(buf)
			b = bytes.NewBuffer(buf)
		}
	}
	_, err := b.ReadFrom(io.LimitReader(r, limit))
	return b.Bytes(), err
}

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// ReadBundle reads a bundle from path ("-": r). A SQLite file is named for what it is, with the
// flag that opens it, instead of failing as text that is not UTF-8.
// rename, when given, replaces the bundle's name, so a bundle whose name is empty imports.
func ReadBundle(path string, r io.Reader, rename string) (*model.Evaluation, error) {
	where := path
	if path == "-" {
		where = "stdin"
	} else {
		f, err := export.OpenInput(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := readAll(r, maxBundleBytes+1)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", where, err)
	}
	if bytes.HasPrefix(data, []byte(sqliteMagic)) {
		return nil, fmt.Errorf("%s is a ccselect database, not a bundle: open it with --db %s (ccselect list --db %s)", where, path, path)
	}
	ev, err := export.DecodeBundleBytes(data)
	if err != nil && rename != "" {
		if patched, ok := withName(data, rename); ok {
			if ev2, err2 := export.DecodeBundleBytes(patched); err2 == nil {
				return ev2, nil
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", where, err)
	}
	return ev, nil
}

// maxBundleBytes matches export's limit; DecodeBundle enforces it again.
const maxBundleBytes = model.MaxBundleBytes

// withName returns the bundle with evaluation.name replaced (only used when the bundle as given
// fails: its own error, with positions in the user's file, is what is reported otherwise).
func withName(data []byte, name string) ([]byte, bool) {
	var b map[string]json.RawMessage
	if json.Unmarshal(bytes.TrimPrefix(data, []byte("\ufeff")), &b) != nil {
		return nil, false
	}
	var ev map[string]json.RawMessage
	if json.Unmarshal(b["evaluation"], &ev) != nil || ev == nil {
		return nil, false
	}
	n, _ := json.Marshal(name)
	ev["name"] = n
	raw, err := json.Marshal(ev)
	if err != nil {
		return nil, false
	}
	b["evaluation"] = raw
	out, err := json.Marshal(b)
	return out, err == nil
}

// Import stores a bundle's evaluation, under rename when given (a bundle with an empty name
// imports when a name is given).
func Import(l Location, ev *model.Evaluation, rename, actor string) (int64, error) {
	if rename != "" {
		ev.Name = rename
	}
	return Create(l, ev, actor)
}

// ForExport returns ev unchanged: export.EncodeBundle now writes empty lists as [] itself.
//
// Deprecated: call export.EncodeBundle directly; kept only until its last caller
// (internal/cli/sheet_test.go) drops it.
func ForExport(ev *model.Evaluation) *model.Evaluation { return ev }
