package storage

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

const sqliteMagic = "SQLite format 3\x00"

// header is what the file system and the first 100 bytes say about a path, before SQLite is
// involved. It is read without any lock, so it only supports refusals that no concurrent writer
// can make wrong: not SQLite at all, another program's application_id, a newer ccselect. Whether
// the file is ours, fresh or damaged is judged by SQLite under its normal locks (classify), since
// the header in the main file lags behind pages still in the -wal and a writer may be growing it.
type header struct {
	exists   bool
	size     int64
	walPages bool // a -wal file with content is next to it
	shm      bool // a -shm file is next to it
	sqlite   bool
	appID    uint32
	version  uint32
	problem  error // not SQLite, damaged header
}

// inspect reads path's header. A path that is not a regular file (a directory, a FIFO, a
// device) is refused here: it is opened non-blocking, so a FIFO cannot hang the program.
func inspect(path string) (header, error) {
	var h header
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return h, nil
	case err != nil:
		return h, fmt.Errorf("open database %s: %w", path, err)
	case st.IsDir():
		return h, fmt.Errorf("open database %s: it is a directory", path)
	case !st.Mode().IsRegular():
		return h, fmt.Errorf("open database %s: not a regular file", path)
	}
	h.exists = true
	if w, err := os.Stat(path + "-wal"); err == nil && w.Size() > 0 {
		h.walPages = true
	}
	if _, err := os.Stat(path + "-shm"); err == nil {
		h.shm = true
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return h, fmt.Errorf("open database %s: %w", path, err)
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return h, fmt.Errorf("open database %s: %w", path, err)
	}
	if !st.Mode().IsRegular() { // replaced between the two looks
		return h, fmt.Errorf("open database %s: not a regular file", path)
	}
	h.size = st.Size()
	if h.size == 0 {
		return h, nil
	}
	var b [100]byte
	n, err := f.ReadAt(b[:], 0)
	if err != nil && err != io.EOF {
		return h, fmt.Errorf("open database %s: %w", path, err)
	}
	if n < len(sqliteMagic) || string(b[:len(sqliteMagic)]) != sqliteMagic {
		h.problem = ErrNotSQLite
		return h, nil
	}
	if n < len(b) {
		h.problem = fmt.Errorf("%w: truncated header", ErrDamaged)
		return h, nil
	}
	h.sqlite = true
	pageSize := int(binary.BigEndian.Uint16(b[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize > 65536 || pageSize&(pageSize-1) != 0 {
		h.problem = fmt.Errorf("%w: invalid page size %d", ErrDamaged, pageSize)
	}
	if h.problem == nil && quiet(path) {
		h.problem = truncation(b[:], h.size, int64(pageSize))
		if !quiet(path) { // a writer started meanwhile: what was read may be mid-change
			h.problem = nil
		}
	}
	h.version = binary.BigEndian.Uint32(b[60:64])
	h.appID = binary.BigEndian.Uint32(b[68:72])
	return h, nil
}

// quiet reports that no connection has the database open: there is no -wal, -shm or -journal
// next to it (SQLite keeps the -shm while a WAL connection is open, and the -journal while a
// rollback-mode write is under way). Only then may the size be compared with the header: a
// checkpoint or a commit grows the file, and reading the header without a lock races it.
func quiet(path string) bool {
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Lstat(path + suffix); !errors.Is(err, fs.ErrNotExist) {
			return false
		}
	}
	return true
}

// truncation compares the file's size with the page count in its header (trustworthy only when
// the two change counters agree, https://sqlite.org/fileformat.html#in_header_database_size).
// SQLite would read the missing pages as zeros and may not notice.
func truncation(b []byte, size, pageSize int64) error {
	if size%pageSize != 0 {
		return fmt.Errorf("%w: size %d is not a whole number of %d-byte pages (truncated?)", ErrDamaged, size, pageSize)
	}
	pages := int64(binary.BigEndian.Uint32(b[28:32]))
	if binary.BigEndian.Uint32(b[24:28]) == binary.BigEndian.Uint32(b[92:96]) && pages*pageSize > size {
		return fmt.Errorf("%w: header says %d pages, the file holds %d (truncated)", ErrDamaged, pages, size/pageSize)
	}
	return nil
}

// refuse is the header's verdict: an error for a file no open may touch.
func (h header) refuse(path string) error {
	switch {
	case h.problem != nil:
		return fmt.Errorf("%s: %w (the file was left untouched)", path, h.problem)
	case !h.sqlite:
		return nil // empty
	case h.appID != 0 && h.appID != ApplicationID:
		return foreign(path)
	case h.appID == 0 && h.version > legacyVersion:
		// ccselect before the marker only ever wrote user_version 1.
		return foreign(path)
	case h.appID == ApplicationID && h.version > SchemaVersion:
		return tooNew(path, int(h.version))
	}
	return nil
}

type fileKind int

const (
	kindOurs    fileKind = iota // ccselect's marker
	kindLegacy                  // ccselect before the marker: user_version 1 and ccselect's tables
	kindFresh                   // no schema at all: a new database
	kindForeign                 // anything else
	kindTooNew                  // ours, newer schema
)

type verdict struct {
	kind    fileKind
	version int
}

// legacyVersion is the user_version of every file written before ccselect set application_id.
const legacyVersion = 1

// legacyTables must all exist for an unmarked file to count as an older ccselect database.
var legacyTables = []string{"evaluations", "dimensions", "criteria", "vendors", "reviewers", "scores", "profiles", "audit"}

// classify asks SQLite (under its locks, through the -wal) what the file is.
func classify(q querier) (verdict, error) {
	var appID, version int64
	if err := q.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return verdict{}, err
	}
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return verdict{}, err
	}
	v := verdict{version: int(version)}
	tables := map[string]bool{}
	objects := 0
	err := each(q, func(r *sql.Rows) error {
		var typ, name string
		if err := r.Scan(&typ, &name); err != nil {
			return err
		}
		objects++
		if typ == "table" {
			tables[name] = true
		}
		return nil
	}, `SELECT type, name FROM sqlite_master`)
	if err != nil {
		return v, err
	}
	switch {
	case uint32(appID) == ApplicationID && version > SchemaVersion:
		v.kind = kindTooNew
	case uint32(appID) == ApplicationID:
		v.kind = kindOurs
	case appID != 0:
		v.kind = kindForeign
	case version == 0 && objects == 0:
		v.kind = kindFresh
	case version == legacyVersion:
		v.kind = kindLegacy
		for _, t := range legacyTables {
			if !tables[t] {
				v.kind = kindForeign
			}
		}
	default:
		v.kind = kindForeign
	}
	return v, nil
}
