package cli

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"ccselect/export"
	"ccselect/internal/ops"
	"ccselect/internal/present"
	"ccselect/model"
	"ccselect/samples"
	"ccselect/storage"
)

// addDB adds --db (persistent on the root, so every command has it).
func addDB(c *cobra.Command) {
	c.PersistentFlags().String("db", "", "database file (default $CCSELECT_DB or the XDG data dir)")
}

// addEval adds --eval with completion of evaluation names.
func addEval(c *cobra.Command) {
	c.Flags().String("eval", "", "evaluation name or id (default: the most recently edited)")
	_ = c.RegisterFlagCompletionFunc("eval", completeEvals)
}

// addAs adds --as, the reviewer or person a write is recorded under.
func addAs(c *cobra.Command) {
	c.Flags().String("as", "", "name recorded in the audit log for this change (default $CCSELECT_USER or $USER)")
}

// addFormat adds --format / -f with its allowed values, the first being the default.
func addFormat(c *cobra.Command, values ...string) {
	c.Flags().StringP("format", "f", values[0], "output format: "+strings.Join(values, ", "))
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

func str(c *cobra.Command, name string) string {
	v, _ := c.Flags().GetString(name)
	return v
}

func boolFlag(c *cobra.Command, name string) bool {
	v, _ := c.Flags().GetBool(name)
	return v
}

// format returns --format after checking it is one of the allowed values.
func format(c *cobra.Command, values ...string) (string, error) {
	f := str(c, "format")
	if !slices.Contains(values, f) {
		return "", usagef("--format must be %s, got %q", strings.Join(values, ", "), f)
	}
	return f, nil
}

// location resolves --db / $CCSELECT_DB / the default.
func location(c *cobra.Command) (ops.Location, error) { return ops.Locate(str(c, "db")) }

// resolveLang applies the default order: flag, LC_ALL, LC_MESSAGES, LANG, en.
func resolveLang(flagValue string) (model.Lang, error) {
	if flagValue != "" {
		l, ok := model.ParseLang(flagValue)
		if !ok || (flagValue != "zh" && flagValue != "en") {
			return "", usagef("--lang must be zh or en, got %q", flagValue)
		}
		return l, nil
	}
	return model.LangFromEnv(os.Getenv), nil
}

func lang(c *cobra.Command) model.Lang {
	l, _ := resolveLang(str(c, "lang"))
	return l
}

// actor names who made an edit in the audit log: --as, else the environment.
func actor(c *cobra.Command) string {
	if c != nil && c.Flags().Lookup("as") != nil {
		if v := strings.TrimSpace(str(c, "as")); v != "" {
			return v
		}
	}
	for _, env := range []string{"CCSELECT_USER", "USER", "USERNAME"} {
		if v := os.Getenv(env); v != "" {
			return v
		}
	}
	return "ccselect"
}

// loadEvaluation picks the evaluation named by ref (name or id), or — with no ref — the most
// recently edited one.
func loadEvaluation(st *storage.Store, ref string) (*model.Evaluation, error) {
	id, err := findEvaluation(st, ref)
	if err != nil {
		return nil, err
	}
	return st.Load(id)
}

func findEvaluation(st *storage.Store, ref string) (int64, error) {
	if ref == "" {
		list, err := st.List()
		if err != nil {
			return 0, err
		}
		if len(list) == 0 {
			return 0, &present.Error{Kind: present.NoEvaluation, Subject: st.Path(), Hint: "ccselect new --db " + st.Path()}
		}
		return list[0].ID, nil
	}
	id, err := st.Find(ref)
	if errors.Is(err, storage.ErrNotFound) {
		return 0, &present.Error{Kind: present.UnknownEvaluation, Subject: ref, Hint: "ccselect list --db " + st.Path(), Err: err}
	}
	return id, err
}

// addSource adds --eval and --sample: where a read-only command takes its evaluation from.
func addSource(c *cobra.Command) {
	addEval(c)
	c.Flags().Bool("sample", false, "use the embedded sample evaluation instead of a database")
}

// loadSource loads the evaluation of a read-only command; dbArg is the --db it was given, for
// messages that name the command to run next.
func loadSource(c *cobra.Command) (*model.Evaluation, error) {
	if boolFlag(c, "sample") {
		if str(c, "db") != "" || str(c, "eval") != "" {
			return nil, usagef("--sample cannot be combined with --db or --eval")
		}
		return samples.Sample()
	}
	var ev *model.Evaluation
	err := withStore(c, false, func(st *storage.Store) (err error) {
		ev, err = loadEvaluation(st, str(c, "eval"))
		return err
	})
	return ev, err
}

// withStore opens the database named by --db (or the default) — read-only unless write — runs
// fn and closes it.
func withStore(c *cobra.Command, write bool, fn func(st *storage.Store) error) error {
	l, err := location(c)
	if err != nil {
		return err
	}
	open := ops.OpenRead
	if write {
		open = ops.OpenWrite
	}
	st, err := open(l)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st)
}

// withEval opens the database for an edit, resolves --eval and runs fn; the store is closed
// after. Every store method fn calls is one transaction with its audit row.
func withEval(c *cobra.Command, write bool, fn func(st *storage.Store, ev *model.Evaluation) error) error {
	return withStore(c, write, func(st *storage.Store) error {
		ev, err := loadEvaluation(st, str(c, "eval"))
		if err != nil {
			return err
		}
		return fn(st, ev)
	})
}

// showEval is the prologue of every command that shows part of an evaluation: --format (table or
// json) is checked before the database is touched, then the evaluation is loaded read-only.
func showEval(c *cobra.Command, show func(ev *model.Evaluation, format string) error) error {
	f, err := format(c, "table", "json")
	if err != nil {
		return err
	}
	return withEval(c, false, func(_ *storage.Store, ev *model.Evaluation) error { return show(ev, f) })
}

// addProblemFlags adds the flags of every command that ranks.
func addProblemFlags(c *cobra.Command) {
	addSource(c)
	c.Flags().StringP("profile", "p", "", "weight profile (default: the evaluation's active one)")
	_ = c.RegisterFlagCompletionFunc("profile", completeProfiles)
	c.Flags().String("consensus", "mean", "how reviewers combine: mean or median")
	_ = c.RegisterFlagCompletionFunc("consensus", cobra.FixedCompletions([]string{"mean", "median"}, cobra.ShellCompDirectiveNoFileComp))
}

func rule(c *cobra.Command) (model.ConsensusRule, error) {
	r, err := model.ParseConsensus(str(c, "consensus"))
	return r, asUsage(err)
}

// compile loads the evaluation and compiles it under the chosen profile and method.
func compile(c *cobra.Command, rule model.ConsensusRule, m model.Method) (*model.Evaluation, *model.Problem, error) {
	ev, err := loadSource(c)
	if err != nil {
		return nil, nil, err
	}
	if name := str(c, "profile"); name != "" {
		if _, err := ev.Profile(name); err != nil {
			var names []string
			for _, p := range ev.Profiles {
				names = append(names, p.Name)
			}
			return nil, nil, &present.Error{Kind: present.UnknownProfile, Subject: name, Choices: names, Err: err}
		}
	}
	p, err := model.NewProblem(ev, str(c, "profile"), rule, m)
	return ev, p, err
}

// count writes "1 vendor" or "5 vendors".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// addWidthFlags adds --wide and --width, for the commands that print tables.
func addWidthFlags(c *cobra.Command) {
	c.Flags().Bool("wide", false, "print every cell on one line, however wide the table")
	c.Flags().Int("width", 0, fmt.Sprintf("fit tables to N columns (default: the terminal's width, %d when not a terminal)", export.DefaultWidth))
}

// tableWidth is the width tables are fitted to: 0 (no fitting) with --wide, --width N, else the
// terminal's width when stdout is one, else export.DefaultWidth (pipes and files: a width that
// reads in an e-mail and a diff).
func tableWidth(c *cobra.Command) (int, error) {
	if boolFlag(c, "wide") {
		if c.Flags().Changed("width") {
			return 0, usagef("--wide and --width cannot be combined")
		}
		return 0, nil
	}
	if n, _ := c.Flags().GetInt("width"); c.Flags().Changed("width") {
		if n < 40 || n > 1000 {
			return 0, usagef("--width must be from 40 to 1000 columns, got %d", n)
		}
		return n, nil
	}
	if f, ok := c.OutOrStdout().(term.File); ok && term.IsTerminal(f.Fd()) {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
			return w, nil
		}
	}
	return export.DefaultWidth, nil
}

// localized is an error whose sentence is in the user's language; errors.Is and errors.As still
// see the original (exit codes and the usage hint depend on it).
type localized struct {
	msg string
	err error
}

func (e *localized) Error() string { return e.msg }
func (e *localized) Unwrap() error { return e.err }

// userError words err in l for printing: an error of a kind present knows (unknown evaluation,
// profile, vendor, criterion; name taken; no database; read-only; file exists without --force)
// gets its sentence in l, and so does a refused weight edit (model.WeightError); whatever wraps
// it keeps its own words; English is the fallback.
func userError(err error, l model.Lang) error {
	if err == nil {
		return nil
	}
	var pe *present.Error
	var we *model.WeightError
	if !errors.As(err, &pe) && !errors.As(err, &we) {
		kind := present.ErrorKind("")
		switch {
		case errors.Is(err, storage.ErrNameTaken), errors.Is(err, ops.ErrNameTaken):
			kind = present.NameTaken
		case errors.Is(err, storage.ErrNoDatabase), strings.HasPrefix(err.Error(), "no database at "):
			// ops.OpenRead words a missing file so without wrapping ErrNoDatabase.
			kind = present.NoDatabase
		case errors.Is(err, storage.ErrReadOnly):
			kind = present.ReadOnly
		case strings.HasSuffix(err.Error(), "already exists; add --force to replace it"):
			// refuseExisting (export_xlsx.go) words it so; it should return a present.Error.
			kind = present.FileExists
		}
		if kind == "" {
			return err
		}
		err = &present.Error{Kind: kind, Err: err}
	}
	if l == model.LangEn {
		return err
	}
	return &localized{msg: present.Sentence(err, l), err: err}
}

// rootLang is the language of a finished command line: --lang when it was valid, else the
// environment's.
func rootLang(root *cobra.Command) model.Lang {
	v, _ := root.PersistentFlags().GetString("lang")
	l, err := resolveLang(v)
	if err != nil {
		return model.LangFromEnv(os.Getenv)
	}
	return l
}
