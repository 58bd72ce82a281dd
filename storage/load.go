package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"ccselect/model"
)

// querier is what *sql.DB and *sql.Tx have in common, so readers work inside an edit too.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Summary is one line of the evaluation list.
type Summary struct {
	ID                           int64
	Name, Client, Industry       string
	Vendors, Criteria, Reviewers int
	Created, Updated             time.Time
}

// List returns every evaluation, most recently edited first.
func (s *Store) List() ([]Summary, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT e.id, e.name, e.client, e.industry, e.created, e.updated,
		       (SELECT count(*) FROM vendors v WHERE v.eval_id = e.id),
		       (SELECT count(*) FROM criteria c WHERE c.eval_id = e.id),
		       (SELECT count(*) FROM reviewers r WHERE r.eval_id = e.id)
		FROM evaluations e ORDER BY e.updated DESC, e.id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list evaluations: %w", err)
	}
	defer rows.Close()
	var out []Summary
	for rows.Next() {
		var m Summary
		var created, updated int64
		if err := rows.Scan(&m.ID, &m.Name, &m.Client, &m.Industry, &created, &updated,
			&m.Vendors, &m.Criteria, &m.Reviewers); err != nil {
			return nil, fmt.Errorf("list evaluations: %w", err)
		}
		m.Created, m.Updated = unstamp(created), unstamp(updated)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list evaluations: %w", err)
	}
	return out, nil
}

// Find resolves what a user typed: a decimal id, or else an exact evaluation name. An unknown
// ref wraps ErrNotFound; a name shared by several evaluations is an error listing their ids.
func (s *Store) Find(ref string) (int64, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return 0, errors.New("no evaluation given")
	}
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		var one int
		err := s.db.QueryRowContext(ctx, `SELECT 1 FROM evaluations WHERE id = ?`, id).Scan(&one)
		if err == nil {
			// An all-digit name ("2026") could mean another evaluation: say so rather than guess.
			var named int64
			switch err := s.db.QueryRowContext(ctx, `SELECT id FROM evaluations WHERE name = ? AND id <> ? LIMIT 1`, ref, id).Scan(&named); {
			case err == nil:
				return 0, fmt.Errorf("evaluation %q is ambiguous: it is the id of one evaluation and the name of another (id %d)", ref, named)
			case !errors.Is(err, sql.ErrNoRows):
				return 0, fmt.Errorf("find evaluation %q: %w", ref, err)
			}
			return id, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("find evaluation %q: %w", ref, err)
		}
		// Not an id: a name may still be all digits ("2026").
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM evaluations WHERE name = ? ORDER BY id`, ref)
	if err != nil {
		return 0, fmt.Errorf("find evaluation %q: %w", ref, err)
	}
	defer rows.Close()
	var ids []string
	var id int64
	for rows.Next() {
		if err := rows.Scan(&id); err != nil {
			return 0, fmt.Errorf("find evaluation %q: %w", ref, err)
		}
		ids = append(ids, strconv.FormatInt(id, 10))
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("find evaluation %q: %w", ref, err)
	}
	switch len(ids) {
	case 0:
		return 0, fmt.Errorf("evaluation %q: %w", ref, ErrNotFound)
	case 1:
		return id, nil
	}
	return 0, fmt.Errorf("evaluation name %q is ambiguous: ids %s; use the id", ref, strings.Join(ids, ", "))
}

func notFound(id int64) error { return fmt.Errorf("evaluation %d: %w", id, ErrNotFound) }

// Load reads a whole evaluation in one read transaction (a consistent snapshot). Order is as
// stored: framework order, vendor, reviewer, profile, lock and knock-out order. Scores come in
// grid order: by criterion (framework order), then vendor, then reviewer, as the sample and the
// bundles list them. Times are UTC; empty lists and maps are nil
// (except a profile's two weight maps, which are never nil).
func (s *Store) Load(id int64) (*model.Evaluation, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("load evaluation %d: %w", id, err)
	}
	defer tx.Rollback()
	ev, err := load(tx, id)
	if err != nil {
		return nil, err
	}
	return ev, nil
}

func load(q querier, id int64) (*model.Evaluation, error) { return loadParts(q, id, true) }

// loadLight is load without the scores: everything an edit of a vendor, a reviewer, a profile
// or the knock-outs needs to validate the evaluation, at a cost that does not grow with the
// scores (0.72 s per vendor edit at 200k scores before; issue 13). Validate on the result checks
// every rule but the scores', which such an edit cannot break: it changes no vendor, criterion
// or reviewer id that a score references, and adds no score.
func loadLight(q querier, id int64) (*model.Evaluation, error) { return loadParts(q, id, false) }

func loadParts(q querier, id int64, withScores bool) (*model.Evaluation, error) {
	ev := &model.Evaluation{ID: id}
	var created, updated int64
	err := q.QueryRowContext(ctx, `SELECT name, client, industry, created, updated, active_profile
		FROM evaluations WHERE id = ?`, id).
		Scan(&ev.Name, &ev.Client, &ev.Industry, &created, &updated, &ev.ActiveProfile)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound(id)
	}
	if err != nil {
		return nil, fmt.Errorf("load evaluation %d: %w", id, err)
	}
	ev.Created, ev.Updated = unstamp(created), unstamp(updated)
	steps := []struct {
		what string
		fn   func(querier, *model.Evaluation) error
	}{
		{"framework", loadFramework},
		{"parameters", loadParams},
		{"vendors", loadVendors},
		{"reviewers", loadReviewers},
		{"scores", loadScores},
		{"weight profiles", loadProfiles},
		{"knock-outs", loadKnockOuts},
		{"weights and sizing", loadWeightsSizing}, // profiles.go
	}
	for _, st := range steps {
		if !withScores && st.what == "scores" {
			continue
		}
		if err := st.fn(q, ev); err != nil {
			return nil, fmt.Errorf("load evaluation %d: %s: %w", id, st.what, err)
		}
	}
	return ev, nil
}

// largeCacheKiB is the page cache a connection gets before it writes a whole evaluation.
// SQLite's default (2 MiB) holds a tenth of a 200k-score evaluation: on import the rest spilled
// to the -wal a page at a time, mid-transaction (issue 13). The cache is allocated as pages are
// used, so a small evaluation costs no more; it is a ceiling, well inside the 1 GB the largest
// shapes may use. Load does not raise it: it reads each page once, and a large cache made it
// allocate every page instead of recycling the default cache's few (0.1 s a load at 200k).
const largeCacheKiB = 128 << 10

// largeCache raises the page cache of q's connection to largeCacheKiB (the setting stays with
// the connection).
func largeCache(q querier) error {
	_, err := q.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", largeCacheKiB))
	return err
}

// each runs query and calls scan for every row.
func each(q querier, scan func(*sql.Rows) error, query string, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func loadFramework(q querier, ev *model.Evaluation) error {
	err := each(q, func(r *sql.Rows) error {
		var d model.Dimension
		if err := r.Scan(&d.ID, &d.Name.Zh, &d.Name.En); err != nil {
			return err
		}
		ev.Framework.Dimensions = append(ev.Framework.Dimensions, d)
		return nil
	}, `SELECT id, name_zh, name_en FROM dimensions WHERE eval_id = ? ORDER BY pos`, ev.ID)
	if err != nil {
		return err
	}
	return each(q, func(r *sql.Rows) error {
		var c model.Criterion
		var rubric string
		var anchors sql.NullString
		if err := r.Scan(&c.ID, &c.Dimension, &c.Name.Zh, &c.Name.En, &c.Description.Zh, &c.Description.En,
			&rubric, &c.Kind, &c.Unit, &c.Direction, &anchors, &c.AnchorParam); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(rubric), &c.Rubric); err != nil {
			return fmt.Errorf("criterion %s: rubric: %w", c.ID, err)
		}
		if anchors.Valid {
			if err := json.Unmarshal([]byte(anchors.String), &c.Anchors); err != nil {
				return fmt.Errorf("criterion %s: anchors: %w", c.ID, err)
			}
		}
		ev.Framework.Criteria = append(ev.Framework.Criteria, c)
		return nil
	}, `SELECT id, dimension, name_zh, name_en, desc_zh, desc_en, rubric, kind, unit, direction, anchors, anchor_param
		FROM criteria WHERE eval_id = ? ORDER BY pos`, ev.ID)
}

func loadParams(q querier, ev *model.Evaluation) error {
	return each(q, func(r *sql.Rows) error {
		var name string
		var v float64
		if err := r.Scan(&name, &v); err != nil {
			return err
		}
		if ev.Params == nil {
			ev.Params = map[string]float64{}
		}
		ev.Params[name] = v
		return nil
	}, `SELECT name, value FROM params WHERE eval_id = ?`, ev.ID)
}

func loadVendors(q querier, ev *model.Evaluation) error {
	return each(q, func(r *sql.Rows) error {
		var v model.Vendor
		if err := r.Scan(&v.ID, &v.Name.Zh, &v.Name.En, &v.Notes, &v.Price); err != nil {
			return err
		}
		ev.Vendors = append(ev.Vendors, v)
		return nil
	}, `SELECT id, name_zh, name_en, notes, price FROM vendors WHERE eval_id = ? ORDER BY pos`, ev.ID)
}

func loadReviewers(q querier, ev *model.Evaluation) error {
	return each(q, func(r *sql.Rows) error {
		var rv model.Reviewer
		if err := r.Scan(&rv.ID, &rv.Name); err != nil {
			return err
		}
		ev.Reviewers = append(ev.Reviewers, rv)
		return nil
	}, `SELECT id, name FROM reviewers WHERE eval_id = ? ORDER BY pos`, ev.ID)
}

// loadScores reads the packed rows (packed.go): one row per vendor and reviewer, so a 200k-score
// evaluation is 2,000 rows. A read-only open of a file older than migration 6 reads the scores
// table it still has (load_legacy.go).
func loadScores(q querier, ev *model.Evaluation) error {
	if ok, err := schemaAtLeast(q, 6); err != nil {
		return err
	} else if !ok {
		return loadScoresLegacy(q, ev)
	}
	if len(ev.Vendors) == 0 || len(ev.Framework.Criteria) == 0 || len(ev.Reviewers) == 0 {
		return nil
	}
	p, err := readPacked(q, ev.ID, len(ev.Framework.Criteria), "", "")
	if err != nil {
		return err
	}
	ev.Scores = p.scores(ev)
	return nil
}

func loadProfiles(q querier, ev *model.Evaluation) error {
	byName := map[string]int{}
	err := each(q, func(r *sql.Rows) error {
		p := model.WeightProfile{Dimensions: map[string]float64{}, Criteria: map[string]float64{}}
		if err := r.Scan(&p.Name); err != nil {
			return err
		}
		byName[p.Name] = len(ev.Profiles)
		ev.Profiles = append(ev.Profiles, p)
		return nil
	}, `SELECT name FROM profiles WHERE eval_id = ? ORDER BY pos`, ev.ID)
	if err != nil {
		return err
	}
	weights := func(table, col string, pick func(*model.WeightProfile) map[string]float64) error {
		return each(q, func(r *sql.Rows) error {
			var profile, target string
			var w float64
			if err := r.Scan(&profile, &target, &w); err != nil {
				return err
			}
			pick(&ev.Profiles[byName[profile]])[target] = w
			return nil
		}, `SELECT profile, `+col+`, weight FROM `+table+` WHERE eval_id = ?`, ev.ID)
	}
	if err := weights("profile_dimension_weights", "dimension",
		func(p *model.WeightProfile) map[string]float64 { return p.Dimensions }); err != nil {
		return err
	}
	if err := weights("profile_criterion_weights", "criterion",
		func(p *model.WeightProfile) map[string]float64 { return p.Criteria }); err != nil {
		return err
	}
	return each(q, func(r *sql.Rows) error {
		var profile, target string
		if err := r.Scan(&profile, &target); err != nil {
			return err
		}
		p := &ev.Profiles[byName[profile]]
		p.Locked = append(p.Locked, target)
		return nil
	}, `SELECT profile, target FROM profile_locks WHERE eval_id = ? ORDER BY profile, pos`, ev.ID)
}

func loadKnockOuts(q querier, ev *model.Evaluation) error {
	var err error
	ev.KnockOuts, err = knockOuts(q, ev.ID)
	return err
}

func knockOuts(q querier, id int64) ([]model.KnockOut, error) {
	var out []model.KnockOut
	err := each(q, func(r *sql.Rows) error {
		var k model.KnockOut
		var profile sql.NullString
		if err := r.Scan(&k.Criterion, &k.Op, &k.Threshold, &k.Param, &profile); err != nil {
			return err
		}
		k.Profile = profile.String
		out = append(out, k)
		return nil
	}, `SELECT criterion, op, threshold, param, profile FROM knockouts WHERE eval_id = ? ORDER BY pos`, id)
	return out, err
}
