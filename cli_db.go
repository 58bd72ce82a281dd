package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"ccselect/model"
	"ccselect/samples"
	"ccselect/storage"
)

// dbFlag adds --db.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "database file (default $CCSELECT_DB or the XDG data dir)")
}

// openStore opens the database for a command that writes (new, import, the workbench): the one
// named by --db, or the default one. The default database is created on first use, with its
// directory, and seeded with the sample evaluation so a first run shows something; an explicit
// --db that does not exist yet starts empty.
func openStore(dbPath string) (*storage.Store, error) { return open(dbPath, false) }

// openForRead opens the database for a command that only reads (report, list, export, check,
// sensitivity). An explicit --db must exist: a typo must not leave an empty database behind. A
// database this user may not write is opened read-only.
func openForRead(dbPath string) (*storage.Store, error) { return open(dbPath, true) }

func open(dbPath string, readOnly bool) (*storage.Store, error) {
	path, isDefault := dbPath, dbPath == ""
	if isDefault {
		var err error
		if path, err = storage.DefaultPath(); err != nil {
			return nil, err
		}
	}
	_, statErr := os.Stat(path)
	fresh := errors.Is(statErr, os.ErrNotExist)
	switch {
	case isDefault && (fresh || !readOnly):
		// The default database is created and seeded on first use (seeding is retried until it
		// has happened once).
		return storage.OpenDefault(path, samples.Sample, actor())
	case readOnly && fresh:
		return nil, fmt.Errorf("no database at %s (ccselect new --db or ccselect import --db creates one)", path)
	case readOnly:
		// Read-only commands never write: no migration, no journal-mode change, no lock wait.
		return storage.OpenReadOnly(path)
	}
	return storage.Open(path)
}

// removeDatabase deletes a database file this command created, with its -wal and -shm files.
func removeDatabase(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}

// loadEvaluation picks the evaluation named by ref (name or id), or — with no ref — the most
// recently edited one.
func loadEvaluation(st *storage.Store, ref string) (*model.Evaluation, error) {
	if ref == "" {
		list, err := st.List()
		if err != nil {
			return nil, err
		}
		if len(list) == 0 {
			return nil, fmt.Errorf("the database %s has no evaluation yet (create one with ccselect new)", st.Path())
		}
		return st.Load(list[0].ID)
	}
	id, err := st.Find(ref)
	if errors.Is(err, storage.ErrNotFound) {
		return nil, fmt.Errorf("%w (ccselect list --db %s shows them)", err, st.Path())
	}
	if err != nil {
		return nil, err
	}
	return st.Load(id)
}

// source is where a read-only command takes its evaluation from: --sample or a database.
type source struct {
	db, eval *string
	sample   *bool
}

func sourceFlags(fs *flag.FlagSet) source {
	return source{
		db:     dbFlag(fs),
		eval:   fs.String("eval", "", "evaluation name or id (default: the most recently edited)"),
		sample: fs.Bool("sample", false, "use the embedded sample evaluation instead of a database"),
	}
}

func (s source) load() (*model.Evaluation, error) {
	if *s.sample {
		if *s.db != "" || *s.eval != "" {
			return nil, usagef("--sample cannot be combined with --db or --eval")
		}
		return samples.Sample()
	}
	st, err := openForRead(*s.db)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return loadEvaluation(st, *s.eval)
}

// actor names who made an edit in the audit log.
func actor() string {
	for _, env := range []string{"CCSELECT_USER", "USER", "USERNAME"} {
		if v := os.Getenv(env); v != "" {
			return v
		}
	}
	return "ccselect"
}

// problemFlags are the flags of every command that ranks: where the evaluation comes from, the
// weight profile and how reviewers combine.
type problemFlags struct {
	src       source
	profile   *string
	consensus *string
}

func addProblemFlags(fs *flag.FlagSet) problemFlags {
	return problemFlags{
		src:       sourceFlags(fs),
		profile:   fs.String("profile", "", "weight profile (default: the evaluation's active one)"),
		consensus: fs.String("consensus", "mean", "how reviewers combine: mean or median"),
	}
}

// rule checks --consensus before anything is loaded, so a typo is a usage error.
func (f problemFlags) rule() (model.ConsensusRule, error) {
	r, err := model.ParseConsensus(*f.consensus)
	return r, asUsage(err)
}

// compile loads the evaluation and compiles it under the chosen profile and method.
func (f problemFlags) compile(rule model.ConsensusRule, m model.Method) (*model.Evaluation, *model.Problem, error) {
	ev, err := f.src.load()
	if err != nil {
		return nil, nil, err
	}
	p, err := model.NewProblem(ev, *f.profile, rule, m)
	return ev, p, err
}

// seedSample stores the sample evaluation (the demo's throwaway database).
func seedSample(st *storage.Store) error {
	ev, err := samples.Sample()
	if err != nil {
		return err
	}
	_, err = st.Create(ev, actor())
	return err
}
