package data

import (
	"context"
	"database/sql"
	"sync"
)

// statements is where reads go outside a batch: each query text is
// prepared once and its statement kept, which database/sql then prepares
// once per connection. SQLite's parsing and planning was a quarter of a
// short search, and the program asks the same few hundred reads again and
// again.
type statements struct {
	db *sql.DB
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// maxStatements bounds what is kept: a read built with a varying number of
// arguments (the audit's names, a ledger's filters) beyond it is prepared
// each time, as every read was before.
const maxStatements = 400

func newStatements(db *sql.DB) *statements {
	return &statements{db: db, m: map[string]*sql.Stmt{}}
}

// prepared is query's kept statement, prepared now if need be; nil when
// too many are kept. The lock is not held while preparing, which may wait
// for a connection.
func (s *statements) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	s.mu.Lock()
	st, ok := s.m[query]
	full := len(s.m) >= maxStatements
	s.mu.Unlock()
	if ok || full {
		return st, nil
	}
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if kept, ok := s.m[query]; ok {
		st.Close()
		return kept, nil
	}
	s.m[query] = st
	return st, nil
}

func (s *statements) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := s.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return s.db.QueryContext(ctx, query, args...)
	}
	return st.QueryContext(ctx, args...)
}

func (s *statements) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := s.prepared(ctx, query)
	if err != nil || st == nil {
		// A statement that does not prepare fails again here, through the
		// Row, as every read's error is met.
		return s.db.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// close lets go of every kept statement.
func (s *statements) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for q, st := range s.m {
		st.Close()
		delete(s.m, q)
	}
}
