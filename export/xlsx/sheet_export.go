package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"ccselect/model"
)

// Layout of a reviewer scoring sheet. The import reads the ids in the hidden columns and the
// identification sheet, never names or row positions, so reviewers may sort and relabel.
const (
	ssVendor   = 1  // A
	ssDim      = 2  // B
	ssCrit     = 3  // C
	ssRating   = 4  // D: input for rating criteria
	ssMeasured = 5  // E: input for measured criteria
	ssUnit     = 6  // F
	ssR1       = 7  // G..I: rubric for 1, 3, 5
	ssNote     = 10 // J: input
	ssEvidence = 11 // K: input
	ssVID      = 12 // L: hidden vendor id
	ssCID      = 13 // M: hidden criterion id
	ssHead     = 3  // header row
	ssFirst    = 4  // first data row

	metaSheet  = "_ccselect"
	metaFormat = "ccselect-scoring-sheet/1"
)

// Keys of the identification sheet (column A; values in column B).
const (
	metaKeyFormat    = "format"
	metaKeyEvalID    = "evaluation_id"
	metaKeyEvalName  = "evaluation_name"
	metaKeyCreated   = "evaluation_created"
	metaKeyReviewer  = "reviewer"
	metaKeyLang      = "lang"
	metaKeyDataSheet = "data_sheet"
)

// WriteScoringSheet writes the offline scoring sheet of one reviewer: every vendor × criterion
// as a row, with the rubric beside it, the reviewer's existing scores, notes and evidence
// filled in, validation on the inputs (ratings 1–5, measured values ≥ 0), and every other
// cell locked. The reviewer must exist in ev (the caller adds a new reviewer first).
func WriteScoringSheet(w io.Writer, ev *model.Evaluation, reviewerID string, lang model.Lang) error {
	if lang == "" {
		lang = model.LangEn
	}
	ri := ev.ReviewerIndex(reviewerID)
	if ri < 0 {
		return fmt.Errorf("%s", msgf(lang, "imp.no_reviewer", reviewerID))
	}
	reviewer := ev.Reviewers[ri]
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f, lang)
	if err != nil {
		return err
	}
	// Every sheet exists, the identification sheet is hidden and the data sheet active before
	// anything is streamed: afterwards excelize would decode the streamed sheets again to
	// update their selection flags, which costs seconds on a large sheet.
	dataName := msg(lang, "sheet.rating")
	ins, err := newSheet(f, st, msg(lang, "sheet.instructions"), true)
	if err != nil {
		return err
	}
	if _, err := f.NewSheet(dataName); err != nil {
		return err
	}
	if err := writeMeta(f, ev, reviewer.ID, lang, dataName); err != nil {
		return err
	}
	f.SetActiveSheet(1)
	if err := writeInstructions(ins, ev, reviewer, lang); err != nil {
		return err
	}
	if err := writeRatingSheet(f, st, ev, reviewer, lang, dataName); err != nil {
		return err
	}
	if err := f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true}); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: msgf(lang, "doc.sheet", ev.Name, reviewer.Name),
		Creator: "ccselect", Created: time.Now().UTC().Format("2006-01-02T15:04:05Z")}); err != nil {
		return err
	}
	return f.Write(w)
}

// WriteScoringSheetFile writes the sheet to path atomically with mode 0600, refusing an
// existing file unless force is set.
func WriteScoringSheetFile(path string, force bool, ev *model.Evaluation, reviewerID string, lang model.Lang) error {
	return writeFile(path, force, func(w io.Writer) error { return WriteScoringSheet(w, ev, reviewerID, lang) })
}

func writeInstructions(s *sheet, ev *model.Evaluation, r model.Reviewer, lang model.Lang) error {
	f, st := s.f, s.st
	s.add(s.txt(msg(lang, "ss.title"), st.title))
	s.add(s.txt(msgf(lang, "ss.head", ev.Name, r.Name), st.bold))
	s.skip(1)
	for _, line := range strings.Split(msg(lang, "ss.instr"), "\n") {
		s.addTall(32, s.txt(line, st.wrap))
	}
	s.width(1, 80) // fits a portrait A4 page; the lines wrap
	s.then(func() error { return printSetup(f, s.name, false, 0) })
	return s.write()
}

func writeRatingSheet(f *excelize.File, st *styles, ev *model.Evaluation, r model.Reviewer, lang model.Lang, name string) error {
	s, err := newSheet(f, st, name, false)
	if err != nil {
		return err
	}
	fw := &ev.Framework
	s.add(s.txt(msg(lang, "ss.title"), st.title))
	s.add(s.txt(msgf(lang, "ss.head", ev.Name, r.Name), st.bold))
	s.addTall(30, s.txt(msg(lang, "ss.vendor"), st.header), s.txt(msg(lang, "ss.dimension"), st.header),
		s.txt(msg(lang, "ss.criterion"), st.header), s.txt(msg(lang, "ss.rating"), st.headerWrap),
		s.txt(msg(lang, "ss.measured"), st.headerWrap), s.txt(msg(lang, "ss.unit"), st.headerWrap),
		s.txt(msg(lang, "ss.r1"), st.header), s.txt(msg(lang, "ss.r3"), st.header), s.txt(msg(lang, "ss.r5"), st.header),
		s.txt(msg(lang, "ss.note"), st.header), s.txt(msg(lang, "ss.evidence"), st.header),
		s.txt(msg(lang, "ss.vid"), st.header), s.txt(msg(lang, "ss.cid"), st.header))
	mine := make(map[[2]string]*model.Score)
	for i := range ev.Scores {
		if sc := &ev.Scores[i]; sc.Reviewer == r.ID {
			mine[[2]string{sc.Vendor, sc.Criterion}] = sc
		}
	}
	var ratingRows, measuredRows []int
	for _, v := range ev.Vendors {
		for c := range fw.Criteria {
			cr := &fw.Criteria[c]
			dim := cr.Dimension
			if d := fw.DimensionIndex(dim); d >= 0 {
				dim = fw.Dimensions[d].Name.In(lang)
			}
			rating, measured := s.txt("", st.lockedGrey), s.txt("", st.lockedGrey)
			note, evidence := s.txt("", st.input), s.txt("", st.input)
			var value any = nil
			if sc := mine[[2]string{v.ID, cr.ID}]; sc != nil {
				value = sc.Value
				note, evidence = s.txt(sc.Note, st.input), s.txt(sc.Evidence, st.input)
			}
			unit := cr.Unit
			if cr.Kind == model.KindRating {
				rating = excelize.Cell{Value: value, StyleID: st.inputNum}
				unit = "1–5"
			} else {
				measured = excelize.Cell{Value: value, StyleID: st.inputNum}
			}
			// Three lines: the rubric wraps, and streamed rows are not auto-fitted.
			row := s.addTall(40, s.txt(v.Name.In(lang), st.locked), s.txt(dim, st.locked), s.txt(cr.Name.In(lang), st.locked),
				rating, measured, s.txt(unit, st.locked),
				s.txt(cr.Rubric[0].In(lang), st.locked), s.txt(cr.Rubric[1].In(lang), st.locked), s.txt(cr.Rubric[2].In(lang), st.locked),
				note, evidence, s.txt(v.ID, st.locked), s.txt(cr.ID, st.locked))
			if cr.Kind == model.KindRating {
				ratingRows = append(ratingRows, row)
			} else {
				measuredRows = append(measuredRows, row)
			}
		}
	}
	s.capWidth(ssVendor, 20)
	s.capWidth(ssDim, 14)
	s.capWidth(ssCrit, 28)
	s.width(ssRating, 12)
	s.width(ssMeasured, 12)
	s.width(ssUnit, 10)
	for c := ssR1; c < ssR1+3; c++ {
		s.width(c, 30)
	}
	s.width(ssNote, 30)
	s.width(ssEvidence, 30)
	s.hidden = []int{ssVID, ssCID}
	s.panes = &excelize.Panes{Freeze: true, XSplit: ssCrit, YSplit: ssHead, TopLeftCell: ref(ssRating, ssFirst), ActivePane: "bottomRight"}
	s.then(func() error {
		if len(ratingRows) > 0 {
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(sqref(ssRating, ratingRows))
			if err := dv.SetRange(1, 5, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
				return err
			}
			dv.SetInput(msg(lang, "ss.dv_title"), msg(lang, "ss.dv_rating"))
			dv.SetError(excelize.DataValidationErrorStyleStop, msg(lang, "ss.dv_err"), msg(lang, "ss.dv_rating"))
			if err := f.AddDataValidation(name, dv); err != nil {
				return err
			}
		}
		if len(measuredRows) > 0 {
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(sqref(ssMeasured, measuredRows))
			if err := dv.SetRange(0, 0, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorGreaterThanOrEqual); err != nil {
				return err
			}
			dv.Formula2 = ""
			dv.SetInput(msg(lang, "ss.measured"), msg(lang, "ss.dv_measured"))
			dv.SetError(excelize.DataValidationErrorStyleStop, msg(lang, "ss.dv_err"), msg(lang, "ss.dv_measured"))
			if err := f.AddDataValidation(name, dv); err != nil {
				return err
			}
		}
		// Structure protected, no password: it guards against slips (a typed-over rubric, a
		// deleted id column), it is not security. Sorting and resizing stay allowed.
		if err := f.ProtectSheet(name, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
			FormatColumns: true, FormatRows: true, Sort: true, AutoFilter: true}); err != nil {
			return err
		}
		return printSetup(f, name, true, ssHead)
	})
	return s.write()
}

// sqref joins rows of one column into ranges of consecutive rows: "D4:D8 D10:D12".
func sqref(col int, rows []int) string {
	var parts []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		if i == j {
			parts = append(parts, ref(col, rows[i]))
		} else {
			parts = append(parts, ref(col, rows[i])+":"+ref(col, rows[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, " ")
}

// writeMeta writes the very hidden identification sheet the import checks first.
func writeMeta(f *excelize.File, ev *model.Evaluation, reviewer string, lang model.Lang, data string) error {
	if _, err := f.NewSheet(metaSheet); err != nil {
		return err
	}
	kv := [][2]string{
		{metaKeyFormat, metaFormat},
		{metaKeyEvalID, strconv.FormatInt(ev.ID, 10)},
		{metaKeyEvalName, ev.Name},
		{metaKeyCreated, ev.Created.UTC().Format(time.RFC3339Nano)},
		{metaKeyReviewer, reviewer},
		{metaKeyLang, string(lang)},
		{metaKeyDataSheet, data},
	}
	for i, p := range kv {
		// Explicit string cells: an evaluation named "=1+1" must stay a name.
		if err := f.SetCellStr(metaSheet, ref(1, i+1), p[0]); err != nil {
			return err
		}
		if err := f.SetCellStr(metaSheet, ref(2, i+1), p[1]); err != nil {
			return err
		}
	}
	return f.SetSheetVisible(metaSheet, false, true)
}
