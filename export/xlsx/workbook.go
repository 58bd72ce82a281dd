// Package xlsx writes ccselect's Excel files: the executive workbook (summary, scores with live
// formulas, weights, sensitivity, reviewers, evidence, knock-outs, with charts) and the reviewer
// scoring sheets that go out to reviewers and come back (WriteScoringSheet, ReadScoringSheet).
// Every number comes from the model's engine; this package only lays it out.
package xlsx

import (
	"context"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"ccselect/internal/present"
	"ccselect/model"
)

// WorkbookOptions says what the executive workbook shows.
type WorkbookOptions struct {
	Profile string              // weight profile; "" = the active one
	Lang    model.Lang          // zh or en; "" = en
	Method  model.Method        // nil = weighted sum
	Rule    model.ConsensusRule // "" = mean
	// SMAASamples is the number of SMAA-2 draws (0 = skip SMAA); SMAASeed makes them repeatable.
	SMAASamples int
	SMAASeed    uint64
	// Password, when set, encrypts the workbook (Excel's agile encryption, via excelize). It is
	// only passed to the encoder, never stored in the file or anywhere else.
	Password string
	// Generated is the time printed as the date and stored as the document's creation time;
	// zero = now. Tests inject it so the output does not depend on the clock.
	Generated time.Time
	// Profiles lists the profiles the Weights sheet shows side by side; nil = every profile.
	Profiles []string
}

// book is everything the sheets of one workbook share: the evaluation, the ranking and the
// analyses, all computed once by the engine.
type book struct {
	f    *excelize.File
	st   *styles
	ev   *model.Evaluation
	opt  WorkbookOptions
	lang model.Lang
	p    *model.Problem
	res  model.Result
	be   *model.BreakEvenReport
	tor  model.TornadoResult
	smaa *model.SMAAResult
	w    engineWeights

	scoresTotalRow int // row of the live totals on the Scores sheet (tests read it)
}

// engineWeights are the problem's weights at the time of export. Problem's weight fields are
// about to become accessor methods; this is the one place that reads them.
type engineWeights struct {
	dim, local, global []float64
}

func weightsOf(p *model.Problem) engineWeights {
	return engineWeights{
		dim:    append([]float64(nil), p.DimWeights()...),
		local:  append([]float64(nil), p.Local()...),
		global: append([]float64(nil), p.Weights()...),
	}
}

// WriteWorkbook writes the executive workbook of ev to w.
func WriteWorkbook(w io.Writer, ev *model.Evaluation, opt WorkbookOptions) error {
	b, err := newBook(ev, opt)
	if err != nil {
		return err
	}
	defer b.f.Close()
	sheets := []func() error{b.summary, b.scores, b.weights, b.sensitivity, b.reviewers, b.evidence, b.knockouts}
	for _, fn := range sheets {
		if err := fn(); err != nil {
			return err
		}
	}
	if err := b.docProps(); err != nil {
		return err
	}
	// No SetActiveSheet: the first sheet is active already, and excelize would decode every
	// streamed sheet again to clear its selection flag.
	if opt.Password != "" {
		return b.f.Write(w, excelize.Options{Password: opt.Password})
	}
	return b.f.Write(w)
}

// WriteWorkbookFile writes the workbook to path atomically (temporary file and rename, mode
// 0600: a workbook holds a client's prices and scores). An existing file is refused unless
// force is set.
func WriteWorkbookFile(path string, force bool, ev *model.Evaluation, opt WorkbookOptions) error {
	return writeFile(path, force, func(w io.Writer) error { return WriteWorkbook(w, ev, opt) })
}

func newBook(ev *model.Evaluation, opt WorkbookOptions) (*book, error) {
	if opt.Lang == "" {
		opt.Lang = model.LangEn
	}
	if opt.Rule == "" {
		opt.Rule = model.ConsensusMean
	}
	if opt.Method == nil {
		opt.Method = model.WSM{}
	}
	if opt.Generated.IsZero() {
		opt.Generated = time.Now()
	}
	p, err := model.NewProblem(ev, opt.Profile, opt.Rule, opt.Method)
	if err != nil {
		return nil, err
	}
	b := &book{ev: ev, opt: opt, lang: opt.Lang, p: p}
	b.res = p.Rank().Clone()
	b.w = weightsOf(p)
	b.be = breakEvens(p)
	b.tor = model.Tornado(p)
	if opt.SMAASamples > 0 && len(b.be.Ranked) > 0 {
		b.smaa, err = model.RunSMAA(context.Background(), p, model.SMAAOptions{Samples: opt.SMAASamples, Seed: opt.SMAASeed})
		if err != nil {
			return nil, err
		}
	}
	b.f = excelize.NewFile()
	b.st, err = newStyles(b.f, b.lang)
	if err != nil {
		b.f.Close()
		return nil, err
	}
	return b, nil
}

func (b *book) docProps() error {
	created := b.opt.Generated.UTC().Format("2006-01-02T15:04:05Z")
	return b.f.SetDocProps(&excelize.DocProperties{
		Title:    msgf(b.lang, "doc.title", b.ev.Name),
		Subject:  msg(b.lang, "doc.subject"),
		Creator:  "ccselect",
		Created:  created,
		Modified: created,
		Language: string(b.lang),
	})
}

// sheetName is a sheet's name in the workbook's language.
func (b *book) sheetName(id string) string { return msg(b.lang, "sheet."+id) }

// vendorName is a vendor's name in the workbook's language.
func (b *book) vendorName(v int) string { return b.ev.Vendors[v].Name.In(b.lang) }

// methodName is the ranking method in the workbook's language, worded as every report words it.
func (b *book) methodName() string { return present.MethodName(b.res.Method, b.lang) }
