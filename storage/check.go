package storage

import (
	"database/sql"
	"fmt"
)

// Check looks for damage: SQLite's integrity_check and foreign_key_check, the schema version,
// and model validation of every evaluation. It returns the problems found (none: healthy); the
// error is for failing to check at all.
func (s *Store) Check() ([]string, error) {
	problems, err := integrity(s.db, "integrity_check")
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	err = each(s.db, func(r *sql.Rows) error {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := r.Scan(&table, &rowid, &parent, &fk); err != nil {
			return err
		}
		row := "a row"
		if rowid.Valid {
			row = fmt.Sprintf("row %d", rowid.Int64)
		}
		problems = append(problems, fmt.Sprintf("foreign key: %s in %s points to a missing %s row", row, table, parent))
		return nil
	}, `PRAGMA foreign_key_check`)
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	v, err := s.SchemaVersion()
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	// A read-only open of an older ccselect file is fine: the next read-write open upgrades it.
	if v != SchemaVersion && !(s.readOnly && v >= legacyVersion && v < SchemaVersion) {
		problems = append(problems, fmt.Sprintf("schema version is %d, expected %d", v, SchemaVersion))
	}
	list, err := s.List()
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	for _, m := range list {
		ev, err := s.Load(m.ID)
		if err == nil {
			err = ev.Validate()
		}
		if err != nil {
			problems = append(problems, fmt.Sprintf("evaluation %d (%s): %v", m.ID, m.Name, err))
		}
	}
	return problems, nil
}

// integrity runs PRAGMA integrity_check or quick_check and returns its complaints.
func integrity(q querier, pragma string) ([]string, error) {
	var out []string
	err := each(q, func(r *sql.Rows) error {
		var line string
		if err := r.Scan(&line); err != nil {
			return err
		}
		if line != "ok" {
			out = append(out, line)
		}
		return nil
	}, `PRAGMA `+pragma)
	return out, err
}
