package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"ccselect/export/xlsx"
	"ccselect/internal/ops"
	"ccselect/model"
	"ccselect/storage"
)

// sheetOrigin marks the audit rows of a scoring-sheet import, so the log tells a score typed in
// the CLI from one that came back in a reviewer's spreadsheet.
const sheetOrigin = "sheet"

func newSheetCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "sheet",
		Short: "Send reviewers a scoring spreadsheet and import it back",
		Long: `Reviewers who cannot attend score offline in an Excel sheet: sheet export writes one
for a reviewer (every vendor × criterion, with the rubric, validation on the inputs
and their existing scores filled in); sheet import reads it back, checks every cell
first and imports all of it in one transaction, or nothing.`,
		Example: `  ccselect sheet export --reviewer 王敏 --out wangmin.xlsx --lang zh
  ccselect sheet import wangmin.xlsx --dry-run
  ccselect sheet import wangmin.xlsx`,
		Args: noArgs,
	}
	exp := &cobra.Command{
		Use:   "export",
		Short: "Write a reviewer's scoring sheet",
		Long: `Write the scoring sheet of one reviewer: vendors × criteria to fill offline, the
rubric beside each criterion, note and evidence columns, an instructions sheet.
Ratings are validated as 1–5 in half points, measured values as numbers. Only the
input cells are editable; hidden ids let the reviewer sort or relabel rows.

A --reviewer that is not in the evaluation is added (recorded in the audit log).
An existing file is replaced only with --force; the file has mode 0600.`,
		Example: `  ccselect sheet export --reviewer 王敏 --out wangmin.xlsx --eval "Bank 2026" --lang zh
  ccselect sheet export --reviewer wm --out wm.xlsx --force`,
		Args: noArgs,
		RunE: runSheetExport,
	}
	addEval(exp)
	addAs(exp)
	exp.Flags().String("reviewer", "", "reviewer id or name (a new name adds that reviewer)")
	_ = exp.RegisterFlagCompletionFunc("reviewer", completeReviewers)
	exp.Flags().StringP("out", "o", "", "file to write (.xlsx)")
	exp.Flags().Bool("force", false, "replace the file if it exists")
	addFormat(exp, "text", "json")
	imp := &cobra.Command{
		Use:   "import FILE.xlsx",
		Short: "Import a filled scoring sheet",
		Long: `Import a scoring sheet that sheet export wrote and a reviewer filled in. Every cell
is checked first; any problem is listed with its cell (Scores!D7: 6 is outside
1–5) and nothing is imported. A sheet of another evaluation, a workbook that is
not a scoring sheet, a damaged or truncated file are refused. Otherwise the
changed cells are written in one transaction, each with its audit row (origin
"sheet"); blank cells leave existing scores alone, and importing the same file
again changes nothing. --dry-run checks and lists the changes without writing.`,
		Example: `  ccselect sheet import wangmin.xlsx --dry-run
  ccselect sheet import wangmin.xlsx --eval "Bank 2026"`,
		Args: exactArgs(1, "FILE.xlsx"),
		RunE: runSheetImport,
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"xlsx"}, cobra.ShellCompDirectiveFilterFileExt
		},
	}
	addEval(imp)
	addAs(imp)
	imp.Flags().Bool("dry-run", false, "check the sheet and list the changes; write nothing")
	addFormat(imp, "text", "json")
	c.AddCommand(exp, imp)
	return c
}

func runSheetExport(c *cobra.Command, _ []string) error {
	if _, err := format(c, "text", "json"); err != nil {
		return err
	}
	ref := strings.TrimSpace(str(c, "reviewer"))
	if ref == "" {
		return usagef("--reviewer NAME is required (an id, a name, or a new name to add)")
	}
	path := str(c, "out")
	switch path {
	case "":
		return usagef("--out FILE.xlsx is required")
	case "-":
		return usagef("--out - is not possible: a scoring sheet needs --out FILE.xlsx")
	}
	force := boolFlag(c, "force")
	if err := refuseExisting(path, force); err != nil {
		return err
	}
	l := lang(c)
	return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
		id, added, err := sheetReviewer(ev, ref)
		if err != nil {
			return err
		}
		// The file is written first, with the new reviewer only in memory: a write that fails
		// (no space, no directory) then leaves the database as it was.
		existed := fileExists(path)
		if err := xlsx.WriteScoringSheetFile(path, force, ev, id, l); err != nil {
			return unrepeat(err, path)
		}
		if added != nil {
			if err := st.SaveReviewer(ev.ID, *added, actor(c)); err != nil {
				if !existed {
					os.Remove(path)
				}
				return err
			}
		}
		text := fmt.Sprintf("wrote %s (scoring sheet of %s for %q)", fullPath(path), id, ev.Name)
		if added != nil {
			text = fmt.Sprintf("added reviewer %s %q to %q\n%s", id, added.Name, ev.Name, text)
		}
		return done(c, text, orderedJSON{{"path", fullPath(path)}, {"reviewer", id}, {"added", added != nil}})
	})
}

// sheetReviewer finds --reviewer by id or name, or makes the new reviewer it names (added to ev
// in memory only; the caller stores it once the sheet is written).
func sheetReviewer(ev *model.Evaluation, ref string) (string, *model.Reviewer, error) {
	if id, err := resolveReviewer(ev, ref); err == nil {
		return id, nil, nil
	}
	name, err := ops.CheckName("reviewer", ref)
	if err != nil {
		return "", nil, asUsage(err)
	}
	r := model.Reviewer{ID: model.NewID(name, "reviewer", func(s string) bool { return ev.ReviewerIndex(s) >= 0 }), Name: name}
	ev.Reviewers = append(ev.Reviewers, r)
	return r.ID, &r, nil
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

func runSheetImport(c *cobra.Command, args []string) error {
	if _, err := format(c, "text", "json"); err != nil {
		return err
	}
	path := args[0]
	if fi, err := os.Stat(path); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("read %s: %w", path, err)
	} else if fi.IsDir() {
		return fmt.Errorf("read %s: it is a directory", path)
	}
	dry := boolFlag(c, "dry-run")
	l := lang(c)
	return withEval(c, !dry, func(st *storage.Store, ev *model.Evaluation) error {
		imp, err := xlsx.ReadScoringSheetFile(path, ev, l)
		if err != nil {
			return withEvalHint(err, l)
		}
		changes := xlsx.Changes(ev, imp)
		n := len(changes)
		if !dry && n > 0 {
			st.SetOrigin(sheetOrigin)
			if n, err = st.SetScores(ev.ID, imp.Scores, actor(c)); err != nil {
				return err
			}
		}
		if str(c, "format") == "json" {
			cells := make([]string, len(changes))
			for i, ch := range changes {
				cells[i] = ch.String()
			}
			return writeJSON(c.OutOrStdout(), orderedJSON{{"reviewer", imp.Reviewer}, {"dry_run", dry},
				{"cells", len(imp.Scores)}, {"changed", n}, {"changes", cells}})
		}
		return sheetSummary(c.OutOrStdout(), ev, imp, changes, n, dry)
	})
}

// sheetSummary says what an import changed (or would change), cell by cell.
func sheetSummary(w io.Writer, ev *model.Evaluation, imp xlsx.SheetImport, changes []xlsx.ScoreChange, n int, dry bool) error {
	verb := "changed"
	if dry {
		verb = "would change (dry run, nothing written)"
	}
	fmt.Fprintf(w, "scoring sheet of %s for %q: %s filled, %s %s\n", imp.Reviewer, ev.Name,
		count(len(imp.Scores), "cell", "cells"), count(n, "cell", "cells"), verb)
	for _, ch := range changes {
		fmt.Fprintf(w, "  %s\n", ch)
	}
	return nil
}

// withEvalHint adds to "this sheet belongs to another evaluation" how to import it into that
// one: the command picks the most recently edited evaluation unless told otherwise.
func withEvalHint(err error, l model.Lang) error {
	var re *xlsx.RefusedError
	if !errors.As(err, &re) || re.Kind != xlsx.RefusedOtherEvaluation {
		return err
	}
	if l == model.LangZh {
		return fmt.Errorf("%w（用 --eval 指定该评估）", err)
	}
	return fmt.Errorf("%w (name that evaluation with --eval)", err)
}
