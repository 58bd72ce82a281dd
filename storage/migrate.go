package storage

import (
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// SchemaVersion is the highest migration this binary knows.
const SchemaVersion = 6

//go:embed migrations/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in order. File names are NNNN_what.sql and the
// numbers must run 1, 2, 3, … without gaps up to SchemaVersion.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive number and _", e.Name())
		}
		b, err := migrationFS.ReadFile(path.Join("migrations", e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d (no gaps or duplicates)", m.name, i+1)
		}
	}
	if len(out) != SchemaVersion {
		return nil, fmt.Errorf("storage: %d migrations embedded but SchemaVersion is %d", len(out), SchemaVersion)
	}
	return out, nil
}

// migrate judges the file under the write lock and applies every migration newer than its
// user_version in one transaction, so a failure leaves the schema as it was; user_version and
// application_id are transactional, so they commit with the migrations. The judging is repeated
// here, under the lock, because another process may have initialised the file meanwhile.
func migrate(db *sql.DB, path string) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return sqliteError(path, err)
	}
	defer tx.Rollback()
	v, err := classify(tx)
	if err != nil {
		return sqliteError(path, err)
	}
	current := v.version
	switch v.kind {
	case kindForeign:
		return foreign(path)
	case kindTooNew:
		return tooNew(path, v.version)
	case kindOurs:
		if current == SchemaVersion {
			return nil
		}
	}
	for _, m := range ms[current:] {
		if _, err := tx.Exec(m.sql); err != nil {
			return fmt.Errorf("open database %s: migration %s: %w", path, m.name, err)
		}
		if step := migrationSteps[m.version]; step != nil {
			if err := step(tx); err != nil {
				return fmt.Errorf("open database %s: migration %s: %w", path, m.name, err)
			}
		}
	}
	if v.kind == kindLegacy {
		// An older ccselect's file was in use, so it was seeded (or deliberately emptied) then.
		if err := markSeeded(tx); err != nil {
			return err
		}
	}
	// PRAGMA takes no bound parameters; the values are our own integers.
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion)); err != nil {
		return err
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if current > 0 && current < packedVersion {
		// Packing the scores freed most of the file's pages (zeroed by secure_delete, so no
		// data lingers). Giving them back shrinks a 200k-score file from 13 MB to 2.3 MB; it is
		// best effort: a reader elsewhere makes VACUUM fail, and the free pages are then reused.
		db.Exec("VACUUM")
	}
	return nil
}

// packedVersion is the migration that stores scores packed (storage/packed.go).
const packedVersion = 6
