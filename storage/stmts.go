package storage

import "database/sql"

// Prepared statements for the statements every edit runs (the audit row, the updated stamp, the
// redo discard) and for SetScore, which runs on every keystroke: without them SQLite spends
// about as long parsing the SQL as executing it. They are prepared on first use and live as long
// as the store; database/sql re-prepares each one once per pooled connection.

func (s *Store) prepared(tx *sql.Tx, query string) (*sql.Stmt, error) {
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	st := s.stmts[query]
	if st == nil {
		var err error
		if st, err = s.db.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
		if s.stmts == nil {
			s.stmts = map[string]*sql.Stmt{}
		}
		s.stmts[query] = st
	}
	return tx.StmtContext(ctx, st), nil
}

// exec runs a cached statement inside tx.
func (s *Store) exec(tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	st, err := s.prepared(tx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// queryRow runs a cached single-row query inside tx.
func (s *Store) queryRow(tx *sql.Tx, query string, args ...any) *sql.Row {
	st, err := s.prepared(tx, query)
	if err != nil {
		// A *sql.Row cannot carry our error; run it unprepared and let it report.
		return tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

func (s *Store) closeStmts() {
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
}
