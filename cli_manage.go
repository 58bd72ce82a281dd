package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"time"

	"ccselect/export"
	"ccselect/model"
	"ccselect/samples"
	"ccselect/storage"
)

func cmdList(args []string, out io.Writer) error {
	fs := newFlags("list")
	db := dbFlag(fs)
	format := fs.String("format", "table", "table or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *format != "table" && *format != "json" {
		return usagef("--format must be table or json, got %q", *format)
	}
	st, err := openForRead(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.List()
	if err != nil {
		return err
	}
	if *format == "json" {
		type row struct {
			ID        int64  `json:"id"`
			Name      string `json:"name"`
			Client    string `json:"client"`
			Vendors   int    `json:"vendors"`
			Criteria  int    `json:"criteria"`
			Reviewers int    `json:"reviewers"`
			Updated   string `json:"updated"`
		}
		rows := []row{}
		for _, s := range list {
			rows = append(rows, row{s.ID, s.Name, s.Client, s.Vendors, s.Criteria, s.Reviewers, s.Updated.UTC().Format(time.RFC3339)})
		}
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	t := export.TextTable{Header: []string{"id", "name", "client", "industry", "vendors", "criteria", "reviewers", "updated"},
		Right: map[int]bool{0: true, 4: true, 5: true, 6: true}}
	for _, s := range list {
		t.Add(fmt.Sprint(s.ID), s.Name, s.Client, s.Industry, fmt.Sprint(s.Vendors), fmt.Sprint(s.Criteria),
			fmt.Sprint(s.Reviewers), s.Updated.Local().Format("2006-01-02 15:04"))
	}
	return t.Write(out)
}

func cmdNew(args []string, out io.Writer) error {
	fs := newFlags("new")
	db := dbFlag(fs)
	template := fs.String("template", "", "default, finance, healthcare or government")
	name := fs.String("name", "", "evaluation name")
	client := fs.String("client", "", "client name")
	peak := fs.Float64("peak", 1000, "required peak concurrent channels P")
	if err := parse(fs, args); err != nil {
		return err
	}
	names := samples.TemplateNames()
	switch {
	case *template == "":
		return usagef("--template is required (%s)", strings.Join(names, ", "))
	case !slices.Contains(names, *template):
		return usagef("unknown template %q (valid: %s)", *template, strings.Join(names, ", "))
	case strings.TrimSpace(*name) == "":
		return usagef("--name is required")
	case math.IsNaN(*peak) || math.IsInf(*peak, 0) || *peak <= 0:
		return usagef("--peak must be a positive number of channels, got %g", *peak)
	}
	ev, err := samples.Template(*template, strings.TrimSpace(*name), strings.TrimSpace(*client), *peak)
	if err != nil {
		return err
	}
	id, err := createUnique(*db, ev)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "created evaluation %d %q from template %s\n", id, ev.Name, *template)
	return nil
}

func cmdImport(args []string, out io.Writer) error {
	fs := newFlags("import")
	db := dbFlag(fs)
	rename := fs.String("name", "", "import under this name instead of the file's")
	pos, err := parseWithArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("import needs exactly one FILE.json, got %d arguments", len(pos))
	}
	var ev *model.Evaluation
	if pos[0] == "-" {
		if ev, err = export.DecodeBundle(stdin); err != nil {
			return fmt.Errorf("read stdin: %w", err)
		}
	} else if ev, err = export.ReadBundleFile(pos[0]); err != nil {
		return err
	}
	if *rename != "" {
		ev.Name = strings.TrimSpace(*rename)
	}
	id, err := createUnique(*db, ev)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "imported evaluation %d %q (%s, %s, %s)\n", id, ev.Name, count(len(ev.Vendors), "vendor", "vendors"),
		count(len(ev.Framework.Criteria), "criterion", "criteria"), count(len(ev.Scores), "score", "scores"))
	return nil
}

// count writes "1 vendor" or "5 vendors".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// createUnique stores a new evaluation, refusing a name already in use so that --eval NAME
// stays unambiguous. A database file that --db named and this call created is removed again if
// the evaluation cannot be stored: a failed import leaves nothing behind.
func createUnique(db string, ev *model.Evaluation) (int64, error) {
	_, statErr := os.Stat(db)
	fresh := db != "" && errors.Is(statErr, os.ErrNotExist)
	st, err := openStore(db)
	if err != nil {
		return 0, err
	}
	id, err := createIn(st, ev)
	if cerr := st.Close(); err == nil && cerr != nil {
		return 0, cerr
	}
	if err != nil && fresh {
		removeDatabase(db)
	}
	return id, err
}

func createIn(st *storage.Store, ev *model.Evaluation) (int64, error) {
	list, err := st.List()
	if err != nil {
		return 0, err
	}
	for _, s := range list {
		if s.Name == ev.Name {
			return 0, fmt.Errorf("an evaluation named %q already exists (id %d); choose another --name", ev.Name, s.ID)
		}
	}
	return st.Create(ev, actor())
}

func cmdExport(args []string, out io.Writer) error {
	fs := newFlags("export")
	db := dbFlag(fs)
	eval := fs.String("eval", "", "evaluation name or id (default: the most recently edited)")
	format := fs.String("format", "json", "json (the whole-evaluation bundle)")
	path := fs.String("out", "", "file to write (- for stdout)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *format != "json" {
		return usagef("--format must be json, got %q", *format)
	}
	if *path == "" {
		return usagef("--out FILE is required")
	}
	st, err := openForRead(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	ev, err := loadEvaluation(st, *eval)
	if err != nil {
		return err
	}
	if *path == "-" {
		return export.EncodeBundle(out, ev)
	}
	if err := export.WriteBundleFile(*path, ev); err != nil {
		return err
	}
	fmt.Fprintf(out, "wrote %s (%q)\n", *path, ev.Name)
	return nil
}

// stdin is where `import -` reads; tests replace it.
var stdin io.Reader = os.Stdin

func cmdCheck(args []string, out io.Writer) error {
	fs := newFlags("check")
	db := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openForRead(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	problems, err := st.Check()
	if err != nil {
		return err
	}
	v, err := st.SchemaVersion()
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s has %d problem(s):\n  %s", st.Path(), len(problems), strings.Join(problems, "\n  "))
	}
	fmt.Fprintf(out, "%s: ok (schema version %d, integrity and foreign keys checked)\n", st.Path(), v)
	return nil
}
