package cli

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"ccselect/model"
	"ccselect/storage"
)

// scoreColumns are the columns of a score CSV, in the order score list --format csv writes them.
var scoreColumns = []string{"vendor", "criterion", "reviewer", "value", "note", "evidence"}

// maxCSVProblems caps the problems listed for one file: past that, the file is the problem.
const maxCSVProblems = 50

func newScoreImportCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE.csv|-",
		Short: "Import scores from a CSV file",
		Long: `Import scores from a CSV file with the header
  vendor,criterion,reviewer,value,note,evidence
(note and evidence may be left out; columns in any order). Vendors, criteria and
reviewers are ids or exact names; an empty reviewer means --as or the only one.
The file is UTF-8, with or without a byte-order mark.

The whole file is checked first and every problem is listed with its line; then
all of it is written in one transaction. Importing the same file again changes
nothing. "-" reads stdin.`,
		Example: `  ccselect score import scores.csv --eval W
  ccselect score list --format csv --eval W > scores.csv   # edit, then
  ccselect score import scores.csv --eval W --as 王敏`,
		Args: exactArgs(1, "FILE.csv (or - for stdin)"),
		RunE: runScoreImport,
	}
}

func runScoreImport(c *cobra.Command, args []string) error {
	if _, err := format(c, "text", "json"); err != nil {
		return err
	}
	path := args[0]
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(c.InOrStdin())
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("read %s: %w", path, err)
	}
	return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
		scores, err := parseScoresCSV(c, ev, path, data)
		if err != nil {
			return err
		}
		n, err := st.SetScores(ev.ID, scores, actor(c))
		if err != nil {
			return err
		}
		return done(c, fmt.Sprintf("imported %s into %q: %d changed, %d unchanged", count(len(scores), "score", "scores"), ev.Name, n, len(scores)-n),
			orderedJSON{{"rows", len(scores)}, {"changed", n}, {"unchanged", len(scores) - n}})
	})
}

// csvProblems lists every problem of a file, each with its line.
type csvProblems struct {
	path  string
	lines []string
	more  int
}

func (p *csvProblems) add(line int, format string, args ...any) {
	if len(p.lines) >= maxCSVProblems {
		p.more++
		return
	}
	p.lines = append(p.lines, fmt.Sprintf("%s:%d: %s", p.path, line, fmt.Sprintf(format, args...)))
}

func (p *csvProblems) Error() string {
	msg := fmt.Sprintf("%s: %s, nothing imported:\n  %s", p.path, count(len(p.lines)+p.more, "problem", "problems"), strings.Join(p.lines, "\n  "))
	if p.more > 0 {
		msg += fmt.Sprintf("\n  … and %d more", p.more)
	}
	return msg
}

// parseScoresCSV reads and checks the whole file against ev.
func parseScoresCSV(c *cobra.Command, ev *model.Evaluation, path string, data []byte) ([]model.Score, error) {
	probs := &csvProblems{path: path}
	if path == "-" {
		probs.path = "stdin"
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:invalidAt(data)], []byte("\n"))
		probs.add(line, "not valid UTF-8 (saved as GBK? save the file as CSV UTF-8)")
		return nil, probs
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err == io.EOF {
		probs.add(1, "the file is empty; the first line is the header %s", strings.Join(scoreColumns, ","))
		return nil, probs
	}
	if err != nil {
		return nil, csvSyntax(probs, err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if h == "" {
			continue
		}
		known := false
		for _, k := range scoreColumns {
			known = known || h == k
		}
		if !known {
			probs.add(1, "unknown column %q (columns: %s)", h, strings.Join(scoreColumns, ", "))
			continue
		}
		col[h] = i
	}
	for _, k := range scoreColumns[:4] {
		if _, ok := col[k]; !ok {
			probs.add(1, "no %q column (the header is %s)", k, strings.Join(scoreColumns, ","))
		}
	}
	if len(probs.lines) > 0 {
		return nil, probs
	}
	field := func(rec []string, k string) string {
		if i, ok := col[k]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var scores []model.Score
	seen := map[string]int{}
	var defReviewer string
	var defErr error
	defDone := false
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			return nil, csvSyntax(probs, err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		sc := model.Score{Note: field(rec, "note"), Evidence: field(rec, "evidence")}
		ok := true
		if sc.Vendor, err = resolveVendor(ev, field(rec, "vendor")); err != nil {
			probs.add(line, "%v", err)
			ok = false
		}
		cr, err := resolveCriterion(ev, field(rec, "criterion"))
		if err != nil {
			probs.add(line, "%v", err)
			ok = false
		}
		if rv := field(rec, "reviewer"); rv != "" {
			if sc.Reviewer, err = resolveReviewer(ev, rv); err != nil {
				probs.add(line, "%v", err)
				ok = false
			}
		} else {
			if !defDone {
				defReviewer, defErr = defaultReviewer(c, ev)
				defDone = true
			}
			if defErr != nil {
				probs.add(line, "no reviewer: %v", defErr)
				ok = false
			}
			sc.Reviewer = defReviewer
		}
		raw := field(rec, "value")
		if raw == "" {
			probs.add(line, "no value")
			ok = false
		} else if v, err := strconv.ParseFloat(raw, 64); err != nil {
			probs.add(line, "value %q is not a number", raw)
			ok = false
		} else if cr != nil {
			sc.Value = v
			if err := model.CheckValue(cr, v); err != nil {
				probs.add(line, "%v", err)
				ok = false
			}
		}
		for _, t := range []string{sc.Note, sc.Evidence} {
			if _, err := checkNote(t); err != nil {
				probs.add(line, "a note or evidence contains a control character")
				ok = false
			}
		}
		if !ok {
			continue
		}
		sc.Criterion = cr.ID
		key := sc.Vendor + "/" + sc.Criterion + "/" + sc.Reviewer
		if first, dup := seen[key]; dup {
			probs.add(line, "%s is already scored on line %d", key, first)
			continue
		}
		seen[key] = line
		scores = append(scores, sc)
	}
	if len(probs.lines) > 0 {
		return nil, probs
	}
	return scores, nil
}

// csvSyntax reports a CSV syntax error (an unclosed quote…) at its line.
func csvSyntax(p *csvProblems, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		p.add(pe.Line, "%v", pe.Err)
		return p
	}
	return err
}

// invalidAt is the offset of the first byte that is not UTF-8.
func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// writeScoresCSV writes scores in the columns score import reads.
func writeScoresCSV(w io.Writer, rows []model.Score) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(scoreColumns)
	for _, s := range rows {
		_ = cw.Write([]string{s.Vendor, s.Criterion, s.Reviewer, strconv.FormatFloat(s.Value, 'f', -1, 64), s.Note, s.Evidence})
	}
	cw.Flush()
	return cw.Error()
}
