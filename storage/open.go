package storage

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

var (
	// ErrNotSQLite: the file exists but is not a SQLite database. It is left untouched.
	ErrNotSQLite = errors.New("not a SQLite database")
	// ErrDamaged: the file looks like SQLite but is truncated or corrupt. It is left untouched.
	ErrDamaged = errors.New("database file is damaged")
	// ErrTooNew: the file was written by a newer ccselect. It is left untouched.
	ErrTooNew = errors.New("database schema is newer than this program")
	// ErrReadOnly: the file or its directory cannot be written, so Open refuses it (SQLite
	// would fail on the first edit, or could not keep its -wal and -shm files). OpenReadOnly
	// reads such a file; edits on a store opened that way fail with this error too.
	ErrReadOnly = errors.New("database is read-only")
)

const sqliteMagic = "SQLite format 3\x00"

// Pragmas every pooled connection gets. busy_timeout makes a writer wait for another process
// instead of failing; _txlock=immediate makes every read-write transaction take the write lock
// at BEGIN, so a transaction that reads then writes never fails with SQLITE_BUSY_SNAPSHOT (the
// busy handler cannot retry that). Read-only transactions stay deferred. synchronous=NORMAL is
// the usual WAL setting: a crash of the program loses nothing; a power cut may lose the last
// few edits but never corrupts the file.
const mainParams = "_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)" +
	"&_pragma=synchronous(NORMAL)&_txlock=immediate"

// Open opens (creating if needed) the database at path and brings its schema up to date.
//
// The directory must exist (see EnsureDir). A new file is created with mode 0600. An existing
// file is inspected before SQLite is allowed to write to it: something that is not SQLite, a
// truncated or corrupt database, or a schema newer than SchemaVersion is reported and the file
// is left byte-for-byte untouched.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("storage: empty database path")
	}
	dir := filepath.Dir(path)
	if err := checkDir(dir); err != nil {
		return nil, err
	}
	created := false
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := createFile(path); err != nil {
			return nil, err
		}
		created = true
	case err != nil:
		return nil, fmt.Errorf("open database %s: %w", path, err)
	case st.IsDir():
		return nil, fmt.Errorf("open database %s: it is a directory", path)
	default:
		if err := checkExisting(path, st.Size()); err != nil {
			return nil, err
		}
	}

	s, err := openStore(path)
	if err != nil && created {
		// Do not leave an empty or half-made file behind for the next run to trip over.
		for _, p := range []string{path, path + "-wal", path + "-shm"} {
			os.Remove(p)
		}
	}
	return s, err
}

func checkDir(dir string) error {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("open database: directory %s does not exist", dir)
	case errors.Is(err, syscall.ENOTDIR):
		return fmt.Errorf("open database: %s is not a directory", dir)
	case err != nil:
		return fmt.Errorf("open database: %w", err)
	case !st.IsDir():
		return fmt.Errorf("open database: %s is not a directory", dir)
	}
	return nil
}

// createFile makes the empty database file with mode 0600 before SQLite sees it: SQLite would
// create it 0644, and its -wal and -shm files copy the main file's mode.
func createFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return fmt.Errorf("cannot create database %s: directory is not writable", path)
		}
		return fmt.Errorf("cannot create database %s: %w", path, err)
	}
	return f.Close()
}

// checkExisting vets an existing file without letting SQLite write to it: first what it is
// (header, then SQLite's own read-only look), then whether we may write to it.
func checkExisting(path string, size int64) error {
	if size > 0 {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("open database %s: %w", path, err)
		}
		version, err := checkHeader(f, size)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w (the file was left untouched)", path, err)
		}
		if version > SchemaVersion {
			return tooNew(path, int(version))
		}
		if err := probe(path); err != nil {
			return err
		}
	} // else: SQLite treats an empty file as a new database
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return fmt.Errorf("%w: %s (no permission to write to it)", ErrReadOnly, path)
		}
		return fmt.Errorf("open database %s: %w", path, err)
	}
	f.Close()
	if err := dirWritable(filepath.Dir(path)); err != nil {
		return fmt.Errorf("%w: %s: its directory is not writable (SQLite needs to create the -wal and -shm files there): %v",
			ErrReadOnly, path, err)
	}
	return nil
}

// OpenReadOnly opens an existing database for reading only, for commands that only look
// (report, list, export) at a file this user may not write. It never writes to the file or its
// directory: with no -wal file holding pages, SQLite opens the file as immutable (no locks, no
// -wal or -shm created); otherwise it reads through the existing -wal. Edits fail with
// ErrReadOnly. The same checks as Open apply (not SQLite, damaged, too new), and since a
// read-only open cannot migrate, a file with an older schema is refused too.
//
// An immutable open does not see writes made while it is open; it is meant for short reads.
func OpenReadOnly(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("storage: empty database path")
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("open database %s: %w", path, fs.ErrNotExist)
	case err != nil:
		return nil, fmt.Errorf("open database %s: %w", path, err)
	case st.IsDir():
		return nil, fmt.Errorf("open database %s: it is a directory", path)
	case st.Size() == 0:
		return nil, fmt.Errorf("open database %s: the file is empty (no ccselect database yet)", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	version, err := checkHeader(f, st.Size())
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: %w (the file was left untouched)", path, err)
	}
	if version > SchemaVersion {
		return nil, tooNew(path, int(version))
	}
	if err := probe(path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", uri(path, readOnlyParams(path)))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s := &Store{path: path, db: db, now: time.Now, readOnly: true}
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		s.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if v < SchemaVersion {
		s.Close()
		return nil, fmt.Errorf("%w: %s has schema version %d and needs an upgrade to %d, which a read-only open cannot do",
			ErrReadOnly, path, v, SchemaVersion)
	}
	if s.conn, err = db.Conn(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return s, nil
}

// readOnlyParams opens path read-only without creating anything next to it: as immutable when
// no -wal file holds pages (SQLite would otherwise create -wal and -shm files, which a reader
// cannot remove again), else through the -wal file that is there.
func readOnlyParams(path string) string {
	if st, err := os.Stat(path + "-wal"); err != nil || st.Size() == 0 {
		return "mode=ro&immutable=1&_pragma=foreign_keys(1)"
	}
	return "mode=ro&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)"
}

func tooNew(path string, version int) error {
	return fmt.Errorf("%s: %w: schema version %d, this program knows up to %d; upgrade ccselect (the file was left untouched)",
		path, ErrTooNew, version, SchemaVersion)
}

// dirWritable tries to create (and removes) a file in dir: access(2) is not portable and says
// nothing useful for root.
func dirWritable(dir string) error {
	f, err := os.CreateTemp(dir, ".ccselect-probe-*")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

// checkHeader reads the 100-byte SQLite header (https://sqlite.org/fileformat.html#the_database_header)
// and returns the user_version it records (our schema version).
func checkHeader(f io.ReaderAt, size int64) (uint32, error) {
	var h [100]byte
	if size < int64(len(h)) {
		if _, err := f.ReadAt(h[:size], 0); err != nil && err != io.EOF {
			return 0, err
		}
		if size >= int64(len(sqliteMagic)) && string(h[:len(sqliteMagic)]) == sqliteMagic {
			return 0, fmt.Errorf("%w: truncated header", ErrDamaged)
		}
		return 0, ErrNotSQLite
	}
	if _, err := f.ReadAt(h[:], 0); err != nil {
		return 0, err
	}
	if string(h[:len(sqliteMagic)]) != sqliteMagic {
		return 0, ErrNotSQLite
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize > 65536 || pageSize&(pageSize-1) != 0 {
		return 0, fmt.Errorf("%w: invalid page size %d", ErrDamaged, pageSize)
	}
	if size%pageSize != 0 {
		return 0, fmt.Errorf("%w: size %d is not a whole number of %d-byte pages (truncated?)", ErrDamaged, size, pageSize)
	}
	// The page count in the header is trustworthy only when the two change counters agree.
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	if binary.BigEndian.Uint32(h[24:28]) == binary.BigEndian.Uint32(h[92:96]) && pages*pageSize > size {
		return 0, fmt.Errorf("%w: header says %d pages, the file holds %d (truncated)", ErrDamaged, pages, size/pageSize)
	}
	return binary.BigEndian.Uint32(h[60:64]), nil
}

// probe opens the file read-only and runs quick_check and the version check through SQLite
// itself (which also sees pages still in the -wal file), before the read-write open may switch
// the journal mode or migrate.
//
// Without a -wal file holding pages, the probe opens the file as immutable: SQLite then takes no
// locks and creates no -wal or -shm file, so a refused file's directory is left as it was too.
func probe(path string) error {
	db, err := sql.Open("sqlite", uri(path, readOnlyParams(path)))
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var version int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("%s: %w: %v (the file was left untouched)", path, ErrDamaged, err)
	}
	if version > SchemaVersion {
		return tooNew(path, version)
	}
	problems, err := integrity(db, "quick_check")
	if err != nil {
		return fmt.Errorf("%s: %w: %v (the file was left untouched)", path, ErrDamaged, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: %w: %s (the file was left untouched)", path, ErrDamaged, strings.Join(problems, "; "))
	}
	return nil
}

// uri builds a SQLite URI filename: the characters its parser treats specially are escaped, so
// any path works.
func uri(path, params string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	p := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(path))
	return "file:" + p + "?" + params
}

func openStore(path string) (*Store, error) {
	db, err := sql.Open("sqlite", uri(path, mainParams))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s := &Store{path: path, db: db, now: time.Now}
	if err := s.init(); err != nil {
		s.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return s, nil
}

func (s *Store) init() error {
	if err := migrate(s.db); err != nil {
		return err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	s.conn = conn
	return nil
}
