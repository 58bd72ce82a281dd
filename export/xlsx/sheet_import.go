package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"ccselect/model"
)

// SheetImport is a validated scoring sheet: whose it is and the scores it holds (one per
// filled input row, with its note and evidence). Blank rows are not in it: a blank cell leaves
// an existing score as it is.
type SheetImport struct {
	Evaluation string
	Reviewer   string
	Scores     []model.Score
}

// Problem is one bad cell of a scoring sheet.
type Problem struct {
	Cell    string // 'Sheet!D7'
	Message string
}

func (p Problem) String() string { return p.Cell + ": " + p.Message }

// ProblemsError lists every bad cell of a sheet; when it is returned nothing may be imported.
type ProblemsError struct {
	Problems []Problem
	lang     model.Lang
}

func (e *ProblemsError) Error() string {
	var b strings.Builder
	b.WriteString(msgf(e.lang, "imp.problems", len(e.Problems)))
	for _, p := range e.Problems {
		b.WriteString("\n  " + p.String())
	}
	return b.String()
}

// RefusalKind says why a whole file was refused.
type RefusalKind int

const (
	RefusedNotXLSX RefusalKind = iota + 1
	RefusedEncrypted
	RefusedTruncated
	RefusedForeign
	RefusedOtherEvaluation
	RefusedUnknownReviewer
	RefusedVersion
)

// RefusedError is a file that is not a scoring sheet of this evaluation at all.
type RefusedError struct {
	Kind RefusalKind
	msg  string
}

func (e *RefusedError) Error() string { return e.msg }

func refuse(kind RefusalKind, lang model.Lang, id string, args ...any) error {
	return &RefusedError{Kind: kind, msg: msgf(lang, id, args...)}
}

// ReadScoringSheetFile reads a scoring sheet from path (messages name the file).
func ReadScoringSheetFile(path string, ev *model.Evaluation, lang model.Lang) (SheetImport, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return SheetImport{}, err
	}
	return readScoringSheet(data, path, ev, lang)
}

// ReadScoringSheet reads and validates a scoring sheet of ev. On any bad cell it returns a
// *ProblemsError listing them all (and no scores); a file that is not a scoring sheet of ev
// gives a *RefusedError. It never changes ev.
func ReadScoringSheet(r io.Reader, ev *model.Evaluation, lang model.Lang) (SheetImport, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return SheetImport{}, err
	}
	return readScoringSheet(data, msg(lang, "imp.the_file"), ev, lang)
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0}
)

func readScoringSheet(data []byte, file string, ev *model.Evaluation, lang model.Lang) (SheetImport, error) {
	if lang == "" {
		lang = model.LangEn
	}
	switch {
	case bytes.HasPrefix(data, oleMagic):
		return SheetImport{}, refuse(RefusedEncrypted, lang, "imp.encrypted", file)
	case !bytes.HasPrefix(data, zipMagic):
		return SheetImport{}, refuse(RefusedNotXLSX, lang, "imp.not_xlsx", file)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return SheetImport{}, refuse(RefusedTruncated, lang, "imp.truncated", file)
	}
	defer f.Close()
	meta, ok := readMeta(f)
	if !ok {
		return SheetImport{}, refuse(RefusedForeign, lang, "imp.foreign", file)
	}
	if meta[metaKeyFormat] != metaFormat {
		return SheetImport{}, refuse(RefusedVersion, lang, "imp.version", file, meta[metaKeyFormat])
	}
	if !sameEvaluation(meta, ev) {
		return SheetImport{}, refuse(RefusedOtherEvaluation, lang, "imp.other_eval", file, meta[metaKeyEvalName], ev.Name)
	}
	reviewer := meta[metaKeyReviewer]
	if ev.ReviewerIndex(reviewer) < 0 {
		return SheetImport{}, refuse(RefusedUnknownReviewer, lang, "imp.reviewer", reviewer, ev.Name)
	}
	dataSheet := meta[metaKeyDataSheet]
	if idx, err := f.GetSheetIndex(dataSheet); err != nil || idx < 0 {
		return SheetImport{}, refuse(RefusedForeign, lang, "imp.no_sheet", file, dataSheet)
	}
	rows, err := f.GetRows(dataSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return SheetImport{}, refuse(RefusedTruncated, lang, "imp.truncated", file)
	}
	return parseRows(rows, dataSheet, ev, reviewer, lang)
}

// sameEvaluation matches by database id when both sides have one (a renamed evaluation is
// still itself), otherwise by name.
func sameEvaluation(meta map[string]string, ev *model.Evaluation) bool {
	if id, err := strconv.ParseInt(meta[metaKeyEvalID], 10, 64); err == nil && id != 0 && ev.ID != 0 {
		return id == ev.ID
	}
	return meta[metaKeyEvalName] == ev.Name
}

func readMeta(f *excelize.File) (map[string]string, bool) {
	if idx, err := f.GetSheetIndex(metaSheet); err != nil || idx < 0 {
		return nil, false
	}
	rows, err := f.GetRows(metaSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, false
	}
	m := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 {
			m[r[0]] = r[1]
		}
	}
	_, ok := m[metaKeyFormat]
	return m, ok
}

func cellOf(rows [][]string, r, col int) string {
	if r < len(rows) && col-1 < len(rows[r]) {
		return strings.TrimSpace(rows[r][col-1])
	}
	return ""
}

// parseRows validates every data row and collects all problems before deciding anything.
func parseRows(rows [][]string, sheet string, ev *model.Evaluation, reviewer string, lang model.Lang) (SheetImport, error) {
	fw := &ev.Framework
	vendors := make(map[string]bool, len(ev.Vendors))
	for _, v := range ev.Vendors {
		vendors[v.ID] = true
	}
	crits := make(map[string]*model.Criterion, len(fw.Criteria))
	for i := range fw.Criteria {
		crits[fw.Criteria[i].ID] = &fw.Criteria[i]
	}
	var probs []Problem
	at := func(col, r int) string { return sheet + "!" + ref(col, r+1) }
	bad := func(col, r int, id string, args ...any) {
		probs = append(probs, Problem{Cell: at(col, r), Message: msgf(lang, id, args...)})
	}
	seen := map[[2]string]int{}
	imp := SheetImport{Evaluation: ev.Name, Reviewer: reviewer}
	for r := ssFirst - 1; r < len(rows); r++ {
		vid, cid := cellOf(rows, r, ssVID), cellOf(rows, r, ssCID)
		rating, measured := cellOf(rows, r, ssRating), cellOf(rows, r, ssMeasured)
		if vid == "" && cid == "" {
			if rating != "" || measured != "" {
				bad(ssVID, r, "imp.no_ids")
			}
			continue
		}
		if !vendors[vid] {
			bad(ssVID, r, "imp.vendor", vid)
			continue
		}
		cr, ok := crits[cid]
		if !ok {
			bad(ssCID, r, "imp.criterion", cid)
			continue
		}
		key := [2]string{vid, cid}
		if prev, dup := seen[key]; dup {
			bad(ssVID, r, "imp.duplicate", vid, cid, prev+1)
			continue
		}
		seen[key] = r
		col, raw := ssRating, rating
		if cr.Kind == model.KindMeasured {
			col, raw = ssMeasured, measured
			if rating != "" {
				bad(ssRating, r, "imp.wrong_col", cr.Name.In(lang), colName(ssMeasured))
			}
		} else if measured != "" {
			bad(ssMeasured, r, "imp.wrong_col_r", cr.Name.In(lang), colName(ssRating))
		}
		if raw == "" {
			continue
		}
		v, err := strconv.ParseFloat(raw, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			bad(col, r, "imp.nan", raw)
			continue
		}
		shown := strconv.FormatFloat(v, 'f', -1, 64)
		if cr.Kind == model.KindRating {
			if v < model.ScaleMin || v > model.ScaleMax {
				bad(col, r, "imp.outside", shown)
				continue
			}
			if v*2 != math.Trunc(v*2) {
				bad(col, r, "imp.half", shown)
				continue
			}
		} else if v < 0 {
			bad(col, r, "imp.negative", shown)
			continue
		}
		imp.Scores = append(imp.Scores, model.Score{Vendor: vid, Criterion: cid, Reviewer: reviewer, Value: v,
			Note: cellOf(rows, r, ssNote), Evidence: cellOf(rows, r, ssEvidence)})
	}
	if len(probs) > 0 {
		return SheetImport{}, &ProblemsError{Problems: probs, lang: lang}
	}
	return imp, nil
}

// ScoreChange is one score an import would write: Old is nil for a new score.
type ScoreChange struct {
	Old *model.Score
	New model.Score
}

// Changes lists the imported scores that differ from ev (value, note or evidence), in sheet
// order, so that importing the same sheet twice changes nothing the second time.
func Changes(ev *model.Evaluation, imp SheetImport) []ScoreChange {
	have := make(map[[3]string]*model.Score, len(ev.Scores))
	for i := range ev.Scores {
		s := &ev.Scores[i]
		have[[3]string{s.Vendor, s.Criterion, s.Reviewer}] = s
	}
	var out []ScoreChange
	for _, s := range imp.Scores {
		old := have[[3]string{s.Vendor, s.Criterion, s.Reviewer}]
		if old != nil && old.Value == s.Value && old.Note == s.Note && old.Evidence == s.Evidence {
			continue
		}
		out = append(out, ScoreChange{Old: old, New: s})
	}
	return out
}

// String is a one-line description of a change, e.g. "yunqi / uptime: 4 → 4.5".
func (c ScoreChange) String() string {
	if c.Old == nil {
		return fmt.Sprintf("%s / %s: %s", c.New.Vendor, c.New.Criterion, trim(c.New.Value))
	}
	return fmt.Sprintf("%s / %s: %s → %s", c.New.Vendor, c.New.Criterion, trim(c.Old.Value), trim(c.New.Value))
}
