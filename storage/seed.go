package storage

import (
	"database/sql"
	"errors"
	"fmt"

	"ccselect/model"
)

// metaSeeded records in the meta table that the file was seeded (or needed no seed).
const metaSeeded = "seeded"

func markSeeded(tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, '1')
		ON CONFLICT (key) DO NOTHING`, metaSeeded)
	return err
}

// OpenDefault opens the default database at path for a program's first and later runs: it
// creates the directory and the file when absent (an empty file there is initialised too), then
// seeds it (SeedIfNeverSeeded). A first run
// killed while seeding leaves either nothing or a complete sample, and the next run seeds again.
func OpenDefault(path string, seed func() (*model.Evaluation, error), actor string) (*Store, error) {
	if err := EnsureDir(path); err != nil {
		return nil, err
	}
	s, err := openRW(path, true)
	if err != nil {
		return nil, err
	}
	if _, err := s.SeedIfNeverSeeded(seed, actor); err != nil {
		s.Close()
		return nil, fmt.Errorf("seed the database %s with the sample: %w", path, err)
	}
	return s, nil
}

// SeedIfNeverSeeded stores seed()'s evaluation when the database was never seeded and holds no
// evaluation, and records that it was seeded, in one transaction: it happens once, completely,
// even when two first runs race. A database that already holds evaluations is only marked. It
// reports whether it seeded.
func (s *Store) SeedIfNeverSeeded(seed func() (*model.Evaluation, error), actor string) (bool, error) {
	tx, done, err := s.beginWrite()
	if err != nil {
		return false, err
	}
	defer done()
	var one, n int
	err = tx.QueryRowContext(ctx, `SELECT 1 FROM meta WHERE key = ?`, metaSeeded).Scan(&one)
	if err == nil {
		return false, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM evaluations`).Scan(&n); err != nil {
		return false, err
	}
	seeded := false
	if n == 0 {
		ev, err := seed()
		if err != nil {
			return false, err
		}
		if _, err := s.createIn(tx, ev, actor); err != nil {
			return false, err
		}
		seeded = true
	}
	if err := markSeeded(tx); err != nil {
		return false, err
	}
	return seeded, tx.Commit()
}
