package storage

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
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

// loadScores reads the scores table alone (no JOIN, no ORDER BY: at 750k scores those were
// most of a report's time, issue 13) and puts the rows in grid order itself. Per row it reads
// the three ids joined into one key, because with this driver each column costs about as much
// as the row's b-tree step, and the value; notes and evidence come from a second pass that
// returns only the cells that have them. The ids are resolved to positions
// through maps built from the vendors, criteria and reviewers already loaded, and each Score
// takes the id strings of those lists, so nothing is kept per row but its value, note and
// evidence. A row whose vendor, criterion or reviewer is missing (only possible with foreign
// keys off) is skipped, as the JOIN skipped it.
func loadScores(q querier, ev *model.Evaluation) error {
	nv, nc, nr := len(ev.Vendors), len(ev.Framework.Criteria), len(ev.Reviewers)
	if nv == 0 || nc == 0 || nr == 0 {
		return nil
	}
	vendors := make(map[string]int, nv)
	for i := range ev.Vendors {
		vendors[ev.Vendors[i].ID] = i
	}
	crits := make(map[string]int, nc)
	for i := range ev.Framework.Criteria {
		crits[ev.Framework.Criteria[i].ID] = i
	}
	reviewers := make(map[string]int, nr)
	for i := range ev.Reviewers {
		reviewers[ev.Reviewers[i].ID] = i
	}
	// cell is a score's grid position: (criterion × nv + vendor) × nr + reviewer.
	cell := func(vendor, crit, reviewer []byte) (int, bool) {
		v, okV := vendors[string(vendor)]
		c, okC := crits[string(crit)]
		r, okR := reviewers[string(reviewer)]
		return (c*nv+v)*nr + r, okV && okC && okR
	}
	type row struct {
		key   int
		value float64
	}
	// Room for every cell, up to the limit: no count(*) pass over the table first.
	rows := make([]row, 0, min(nv*nc*nr, model.MaxScores))
	var key sql.RawBytes
	var rw row
	// Ids are single lines (model.CheckLine refuses control characters), so the unit separator
	// cannot occur in one; a key that does not split in three is an error, not a guess.
	split := func(key []byte) (int, bool, error) {
		i := bytes.IndexByte(key, 0x1f)
		j := bytes.LastIndexByte(key, 0x1f)
		if i < 0 || i == j || bytes.IndexByte(key[i+1:j], 0x1f) >= 0 {
			return 0, false, fmt.Errorf("score key %q does not split into vendor, criterion and reviewer", key)
		}
		c, ok := cell(key[:i], key[i+1:j], key[j+1:])
		return c, ok, nil
	}
	const keySQL = `vendor || char(31) || criterion || char(31) || reviewer`
	err := each(q, func(r *sql.Rows) error {
		if err := r.Scan(&key, &rw.value); err != nil {
			return err
		}
		var ok bool
		var err error
		if rw.key, ok, err = split(key); ok {
			rows = append(rows, rw)
		}
		return err
	}, `SELECT `+keySQL+`, value FROM scores WHERE eval_id = ?`, ev.ID)
	if err != nil {
		return err
	}
	// Notes and evidence in a second pass over the same snapshot, for the few cells that have
	// any: every column a row returns costs about as much as its b-tree step, and most cells
	// have neither. The partial index scores_annotated (migration 5) holds just those cells; a
	// read-only open of an older file scans instead, with the same result.
	type annotation struct{ note, evidence string }
	var notes map[int]annotation
	err = each(q, func(r *sql.Rows) error {
		var a annotation
		if err := r.Scan(&key, &a.note, &a.evidence); err != nil {
			return err
		}
		c, ok, err := split(key)
		if ok {
			if notes == nil {
				notes = map[int]annotation{}
			}
			notes[c] = a
		}
		return err
	}, `SELECT `+keySQL+`, note, evidence FROM scores`+annotatedIndex(q)+` WHERE eval_id = ? AND `+annotatedSQL, ev.ID)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	// Grid order. Every key is distinct (the primary key), so when the grid is not much larger
	// than the rows a direct placement is a linear sort; otherwise sort the keys.
	order := make([]int32, 0, len(rows))
	if cells := nv * nc * nr; cells <= 4*len(rows) {
		slot := make([]int32, cells)
		for i := range rows {
			slot[rows[i].key] = int32(i) + 1
		}
		for _, i := range slot {
			if i != 0 {
				order = append(order, i-1)
			}
		}
	} else {
		for i := range rows {
			order = append(order, int32(i))
		}
		slices.SortFunc(order, func(a, b int32) int { return rows[a].key - rows[b].key })
	}
	ev.Scores = make([]model.Score, len(order))
	for j, i := range order {
		rw := &rows[i]
		r := rw.key % nr
		v := rw.key / nr % nv
		c := rw.key / nr / nv
		a := notes[rw.key]
		ev.Scores[j] = model.Score{Vendor: ev.Vendors[v].ID, Criterion: ev.Framework.Criteria[c].ID,
			Reviewer: ev.Reviewers[r].ID, Value: rw.value, Note: a.note, Evidence: a.evidence}
	}
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

// annotatedIndex names the partial index for the notes query when the file has it: without
// statistics SQLite's planner prefers the primary key (eval_id, …) and would step through every
// score. A read-only open of a file older than migration 5 has no such index and scans.
func annotatedIndex(q querier) string {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'scores_annotated'`).Scan(&n); err != nil || n == 0 {
		return ""
	}
	return " INDEXED BY scores_annotated"
}

// annotatedSQL selects the scores with a note or evidence. It is, word for word, the WHERE of the
// partial index scores_annotated (migrations/0005): SQLite uses a partial index only for a query
// whose terms imply the index's, and TestAnnotatedQueryUsesIndex holds the two together.
const annotatedSQL = `(note <> '' OR evidence <> '')`
