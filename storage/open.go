package storage

import (
	"database/sql"
	"errors"
	"fmt"
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
	// ErrForeign: the file is a SQLite database of another program (it lacks ccselect's
	// application_id and ccselect's tables). Every open refuses it and leaves it untouched.
	ErrForeign = errors.New("a SQLite database of another program, not a ccselect database")
	// ErrDamaged: the file looks like SQLite but is truncated or corrupt. It is left untouched.
	ErrDamaged = errors.New("database file is damaged")
	// ErrTooNew: the file was written by a newer ccselect. It is left untouched.
	ErrTooNew = errors.New("database schema is newer than this program")
	// ErrReadOnly: the file or its directory cannot be written, so Open refuses it (SQLite
	// would fail on the first edit, or could not keep its -wal and -shm files). OpenReadOnly
	// reads such a file; edits on a store opened that way fail with this error too.
	ErrReadOnly = errors.New("database is read-only")
	// ErrNoDatabase: OpenReadOnly found no database at the path (absent, or an empty file that
	// no ccselect ever wrote a schema into). Nothing was created.
	ErrNoDatabase = errors.New("no ccselect database")
)

// ApplicationID is the marker ccselect writes into the SQLite header (PRAGMA application_id,
// https://sqlite.org/fileformat.html#application_id): "ccse" in ASCII. A SQLite file without it is
// some other program's, unless it is an older ccselect file recognised by its schema.
const ApplicationID = 0x63637365

// Pragmas every pooled read-write connection gets. busy_timeout makes a writer wait for another
// process instead of failing; _txlock=immediate makes every read-write transaction take the write
// lock at BEGIN, so a transaction that reads then writes never fails with SQLITE_BUSY_SNAPSHOT
// (the busy handler cannot retry that). synchronous=NORMAL is the usual WAL setting: a crash of
// the program loses nothing; a power cut may lose the last few edits but never corrupts the file.
// secure_delete zeroes what a delete frees, so a purged evaluation leaves no bytes behind.
// temp_store=MEMORY keeps statement journals in memory: a multi-row INSERT journals the pages it
// is about to change, so that a failing row undoes the statement alone, and SQLite writes that
// journal to a temporary file once it passes 64 KiB; at 200k scores those writes were a fifth of
// an import (issue 13). In memory it holds one statement's pages and is freed when the statement
// ends. It is a connection setting and writes nothing to the file. The
// journal mode is not here: a pragma in the DSN runs on connect, before the file has been judged
// to be ours, and switching to WAL writes to the file.
const mainParams = "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)" +
	"&_pragma=secure_delete(1)&_pragma=temp_store(2)&_txlock=immediate"

// readParams is a read-only connection: SQLite's normal locking (so a live writer is seen
// consistently), nothing migrated, no journal mode changed. In WAL mode a reader never waits for
// a writer; the busy timeout covers the short exclusive moments of a rollback-journal commit.
// A reader reads each page about once (Load scans the tables, quick_check walks them), so a
// 512 KiB page cache serves it as well as the default 2 MiB; and what a cache allocated is
// handed back to the system page by page when the connection closes, which took 30–80 ms of a
// 200k-score report (issue 13).
const readParams = "mode=ro&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=cache_size(-512)"

// Open opens (creating if needed) the database at path and brings its schema up to date.
//
// Only an absent path is created (mode 0600; the directory must exist, see EnsureDir); an
// existing empty file is refused (ErrNoDatabase) and left alone. An existing file is judged before anything is
// written to it: something that is not SQLite, another program's SQLite file, a damaged file or a
// schema newer than SchemaVersion is refused and left byte-for-byte untouched.
func Open(path string) (*Store, error) { return openRW(path, false) }

// openRW is Open; allowEmpty also initialises an existing empty file (OpenDefault: at the default
// location an empty file is what a first run killed before its first commit leaves).
func openRW(path string, allowEmpty bool) (*Store, error) {
	if path == "" {
		return nil, errors.New("storage: empty database path")
	}
	if err := checkDir(filepath.Dir(path)); err != nil {
		return nil, err
	}
	h, err := inspect(path)
	if err != nil {
		return nil, err
	}
	created := false
	if !h.exists {
		if err := createFile(path); err != nil && !errors.Is(err, fs.ErrExist) {
			return nil, err
		} else if err == nil {
			created = true
		}
	} else {
		if err := h.refuse(path); err != nil {
			return nil, err
		}
		if h.size == 0 && !h.walPages && !allowEmpty {
			return nil, fmt.Errorf("%w at %s: the file is empty; ccselect creates a database only where no file exists "+
				"(remove the empty file to start one there)", ErrNoDatabase, path)
		}
		if err := checkWritable(path); err != nil {
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

// createFile makes the database at path complete or not at all: the schema is written into a
// private temporary file next to it (mode 0600: SQLite would create it 0644, and its -wal and -shm
// copy the main file's mode), which is then hard-linked to path. link(2) never replaces, so when
// another process creates path first this returns fs.ErrExist and the caller opens theirs; and no
// other process ever sees an empty or half-made database at path. A crash leaves at most the
// temporary file, which the next creation in that directory removes. Where the file system has no
// hard links, the empty file is created with O_EXCL instead and initialised in place.
func createFile(path string) error {
	dir := filepath.Dir(path)
	cleanStaleNew(dir)
	f, err := os.CreateTemp(dir, newPrefix+"*.db")
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return fmt.Errorf("cannot create database %s: directory is not writable", path)
		}
		return fmt.Errorf("cannot create database %s: %w", path, err)
	}
	tmp := f.Name()
	f.Close()
	defer os.Remove(tmp)
	db, err := sql.Open("sqlite", uri(tmp, "_pragma=busy_timeout(1000)&_txlock=immediate"))
	if err != nil {
		return fmt.Errorf("cannot create database %s: %w", path, err)
	}
	err = migrate(db, tmp)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("cannot create database %s: %w", path, err)
	}
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return err
		}
		return createEmpty(path)
	}
	syncDir(dir)
	return nil
}

// newPrefix names the temporary files createFile works in.
const newPrefix = ".ccselect-new-"

// cleanStaleNew removes what a creation killed midway left in dir: our temporary files not
// touched for a minute (a creation takes milliseconds).
func cleanStaleNew(dir string) {
	matches, _ := filepath.Glob(filepath.Join(dir, newPrefix+"*.db*"))
	for _, m := range matches {
		if fi, err := os.Lstat(m); err == nil && fi.Mode().IsRegular() && time.Since(fi.ModTime()) > time.Minute {
			os.Remove(m)
		}
	}
}

// createEmpty is createFile without hard links: an empty 0600 file, initialised by the open.
func createEmpty(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return err
		}
		return fmt.Errorf("cannot create database %s: %w", path, err)
	}
	return f.Close()
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// checkWritable says why an existing database cannot be opened for writing, if it cannot.
func checkWritable(path string) error {
	if why := readOnlyReason(path); why != "" {
		return fmt.Errorf("%w: %s (%s)", ErrReadOnly, path, why)
	}
	return nil
}

// readOnlyReason is why path cannot be written ("" when it can).
func readOnlyReason(path string) string {
	f, err := os.OpenFile(path, os.O_RDWR|syscall.O_NONBLOCK, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return "no permission to write to it"
		}
		return err.Error()
	}
	f.Close()
	if err := dirWritable(filepath.Dir(path)); err != nil {
		return "its directory is not writable, and SQLite needs to create the -wal and -shm files there"
	}
	return ""
}

// OpenReadOnly opens an existing database for reading only, for commands that only look (report,
// list, export, check). It never writes to the file: the connection is mode=ro, nothing is
// migrated and the journal mode is left alone, and it reads under SQLite's normal locks, so it
// works (without waiting) while another process holds the write lock. An absent path or an empty
// file is ErrNoDatabase; the refusals of Open apply too. Edits fail with ErrReadOnly.
//
// A database in a directory this user cannot write, whose -wal still holds committed pages and
// has no -shm, cannot be read in place (SQLite needs the -shm to read the -wal); it is read from
// a private copy instead, which Close removes. ReadOnlyReason says why such a store is read-only.
func OpenReadOnly(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("storage: empty database path")
	}
	h, err := inspect(path)
	if err != nil {
		return nil, err
	}
	if !h.exists {
		return nil, fmt.Errorf("%w at %s: %w", ErrNoDatabase, path, fs.ErrNotExist)
	}
	if h.size == 0 && !h.walPages {
		return nil, fmt.Errorf("%w at %s: the file is empty", ErrNoDatabase, path)
	}
	if err := h.refuse(path); err != nil {
		return nil, err
	}
	var s *Store
	switch {
	case h.shm || dirWritable(filepath.Dir(path)) == nil:
		// The usual case: SQLite reads under its locks, through the -wal.
		s, err = openReader(path, path, readParams)
	case h.walPages:
		// No -shm and a read-only directory: SQLite cannot read the -wal in place, and no
		// writer can be at work (every writer keeps a -shm).
		s, err = openSnapshot(path)
	default:
		// No -shm, no -wal pages, read-only directory: for the same reason nobody is writing,
		// and the file alone is the whole database, so it can be read without locks.
		s, err = openReader(path, path, "mode=ro&immutable=1&_pragma=foreign_keys(1)&_pragma=cache_size(-512)")
	}
	if err != nil {
		removeCreated(path, h)
		return nil, err
	}
	if s.readOnlyWhy = readOnlyReason(path); s.readOnlyWhy == "" {
		s.readOnlyWhy = "opened for reading only"
	}
	return s, nil
}

// removeCreated removes the -wal and -shm files SQLite created next to a file this read then
// refused (damaged, foreign), so a refused file's directory is left as it was. Only what was
// absent before and whose -wal is still empty goes: nobody works in a file that was refused.
func removeCreated(path string, before header) {
	if before.walPages || before.shm {
		return
	}
	if st, err := os.Stat(path + "-wal"); err == nil && st.Size() != 0 {
		return
	}
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
}

// openReader opens file (path, or a private copy of it) read-only and judges what it is.
func openReader(path, file, params string) (*Store, error) {
	db, err := sql.Open("sqlite", uri(file, params))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s := &Store{path: path, db: db, now: time.Now, readOnly: true}
	fail := func(err error) (*Store, error) {
		s.Close()
		return nil, err
	}
	k, err := classify(db)
	if err != nil {
		return fail(sqliteError(path, err))
	}
	switch k.kind {
	case kindFresh:
		return fail(fmt.Errorf("%w at %s: the file holds no ccselect schema yet", ErrNoDatabase, path))
	case kindForeign:
		return fail(foreign(path))
	case kindTooNew:
		return fail(tooNew(path, k.version))
	}
	if err := quickCheck(db, path); err != nil {
		return fail(err)
	}
	if s.conn, err = db.Conn(ctx); err != nil {
		return fail(fmt.Errorf("open database %s: %w", path, err))
	}
	return s, nil
}

// openSnapshot copies a database and its -wal into a private directory and reads the copy.
// Used only when nobody can be writing the original: its directory is read-only and there is no
// -shm, which every writer keeps.
func openSnapshot(path string) (*Store, error) {
	dir, err := os.MkdirTemp("", "ccselect-ro-*")
	if err != nil {
		return nil, fmt.Errorf("open database %s read-only: %w", path, err)
	}
	copyTo := filepath.Join(dir, "snapshot.db")
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(path+suffix, copyTo+suffix); err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("open database %s read-only: %w", path, err)
		}
	}
	// A read-write connection on the copy replays the -wal; the copy is ours to change.
	if db, err := sql.Open("sqlite", uri(copyTo, "_pragma=busy_timeout(1000)")); err == nil {
		db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		db.Close()
	}
	s, err := openReader(path, copyTo, readParams)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	s.cleanup = func() { os.RemoveAll(dir) }
	return s, nil
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o600)
}

func tooNew(path string, version int) error {
	return fmt.Errorf("%s: %w: schema version %d, this program knows up to %d; upgrade ccselect (the file was left untouched)",
		path, ErrTooNew, version, SchemaVersion)
}

func foreign(path string) error {
	return fmt.Errorf("%s: %w; ccselect refuses to read or change it (the file was left untouched)", path, ErrForeign)
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

// quickCheck runs SQLite's quick_check under normal locking (it sees pages still in the -wal).
func quickCheck(q querier, path string) error {
	problems, err := integrity(q, "quick_check")
	if err != nil {
		return sqliteError(path, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: %w: %s (the file was left untouched)", path, ErrDamaged, strings.Join(problems, "; "))
	}
	return nil
}

// sqliteError turns what SQLite said while judging a file into a refusal: busy stays busy (the
// file is fine, someone holds it), anything else means SQLite cannot make sense of the file.
func sqliteError(path string, err error) error {
	msg := err.Error()
	if strings.Contains(msg, "(5)") || strings.Contains(msg, "(6)") || strings.Contains(msg, "locked") {
		return fmt.Errorf("open database %s: another program holds it: %w", path, err)
	}
	if strings.Contains(msg, "(26)") || strings.Contains(msg, "not a database") {
		return fmt.Errorf("%s: %w (the file was left untouched)", path, ErrNotSQLite)
	}
	return fmt.Errorf("%s: %w: %v (the file was left untouched)", path, ErrDamaged, err)
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
		return nil, err
	}
	return s, nil
}

func (s *Store) init() error {
	if err := quickCheck(s.db, s.path); err != nil {
		return err
	}
	if err := migrate(s.db, s.path); err != nil {
		return err
	}
	// WAL lets readers run beside a writer. It is set once the file is known to be ours, and
	// it persists in the file, so later opens only read it.
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		return fmt.Errorf("open database %s: %w", s.path, err)
	}
	if !strings.EqualFold(mode, "wal") {
		if err := s.db.QueryRow("PRAGMA journal_mode=WAL").Scan(&mode); err != nil {
			return fmt.Errorf("open database %s: set WAL mode: %w", s.path, err)
		}
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("open database %s: %w", s.path, err)
	}
	s.conn = conn
	return nil
}
