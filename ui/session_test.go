package ui

import (
	"math"
	"strings"
	"testing"

	"ccselect/model"
	"ccselect/samples"
)

func sampleSession(t *testing.T) *session {
	t.Helper()
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	s, err := newWorkbench(1, ev, "")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The analysis is computed once per revision and every change bumps the revision.
func TestSessionAnalysisCachedByRevision(t *testing.T) {
	s := sampleSession(t)
	a := s.Analysis()
	be := a.be
	if s.Analysis().be != be {
		t.Fatal("a second read recomputed the analysis")
	}
	rev := s.Revision()
	s.setScore(0, 0, 1, "", "")
	if s.Revision() != rev+1 {
		t.Fatalf("revision %d after a score edit, want %d", s.Revision(), rev+1)
	}
	if a2 := s.Analysis(); a2.be == be || a2.rev != s.Revision() {
		t.Fatal("the analysis did not follow the edit")
	}
	// The sample's catalogue crossover (model's TestBreakEvenEmbeddedSample): data security
	// above 26% hands the lead to panshi; the session's fast analysis agrees with BreakEvens.
	s = sampleSession(t)
	full := model.BreakEvens(s.prob)
	for i, b := range s.Analysis().be.BreakEvens {
		w := full.BreakEvens[i]
		if (b.Above == nil) != (w.Above == nil) || b.Above != nil && (b.Above.ID != w.Above.ID || b.Above.Weight != w.Above.Weight) {
			t.Errorf("%s: above %+v, want %+v", b.Param.ID, b.Above, w.Above)
		}
	}
}

// Draft weights re-rank, are recorded in Evaluation.Draft and can be discarded; bad weights
// change nothing.
func TestSessionDraftWeights(t *testing.T) {
	s := sampleSession(t)
	dim := append([]float64(nil), s.prob.DimWeights()...)
	local := append([]float64(nil), s.prob.Local()...)
	leader := s.Analysis().be.Leader
	rev := s.Revision()
	bad := append([]float64(nil), dim...)
	bad[0] = math.NaN()
	if err := s.SetDraftWeights(bad, local); err == nil || s.Revision() != rev || s.Draft() != nil {
		t.Fatalf("NaN weight: err %v, revision %d→%d, draft %v", err, rev, s.Revision(), s.Draft())
	}
	// All the weight on data security (index of "data_security"): past its 26% break-even.
	moved := make([]float64, len(dim))
	for d, x := range s.ev.Framework.Dimensions {
		if x.ID == "data_security" {
			moved[d] = 1
		}
	}
	if err := s.SetDraftWeights(moved, local); err != nil {
		t.Fatal(err)
	}
	if s.Revision() != rev+1 || s.Draft() == nil || s.Draft().Dimensions["data_security"] != 1 || s.Draft().Name != s.prob.Profile {
		t.Fatalf("draft %+v at revision %d", s.Draft(), s.Revision())
	}
	if got := s.ev.Vendors[s.Analysis().be.Leader].ID; got != "panshi" {
		t.Fatalf("leader with all weight on data security: %s, want panshi", got)
	}
	if err := s.DiscardDraft(); err != nil {
		t.Fatal(err)
	}
	if s.Draft() != nil || s.Analysis().be.Leader != leader {
		t.Fatalf("after discard: draft %v, leader %d, want %d", s.Draft(), s.Analysis().be.Leader, leader)
	}
	for d := range dim {
		if s.prob.DimWeights()[d] != dim[d] {
			t.Fatalf("dimension %d weight %v after discard, want %v", d, s.prob.DimWeights()[d], dim[d])
		}
	}
}

// The robustness sentence quotes an SMAA result only while it describes the data.
func TestSessionRobustnessQuotesCurrentSMAA(t *testing.T) {
	s := sampleSession(t)
	if strings.Contains(s.Robustness().En, "weight scenarios") {
		t.Fatalf("before any run: %s", s.Robustness().En)
	}
	l := s.Analysis().be.Leader
	res := &model.SMAAResult{Vendors: []int{l}, IDs: []string{s.ev.Vendors[l].ID}, Acceptability: [][]float64{{0.63}}}
	s.keepSMAA(res, s.Analysis().print, s.Revision())
	if got := s.Robustness().En; !strings.Contains(got, "first in 63% of weight scenarios") {
		t.Fatalf("with a current run: %s", got)
	}
	old := s.prob.Raw(0, 0, 0)
	s.setScore(0, 0, 1, "", "")
	if s.SMAA() != nil || !s.SMAAStale() || strings.Contains(s.Robustness().En, "weight scenarios") {
		t.Fatalf("after an edit the run is still quoted: %s", s.Robustness().En)
	}
	s.setScore(0, 0, old, "", "")
	if s.SMAA() != res {
		t.Fatal("undoing the edit by hand did not make the run current again")
	}
}

// The Sensitivity picker keeps the weight it shows when an edit brings a new analysis (the
// previous analysis is kept apart, so the old selection can be found in the new list).
func TestSensKeepsParamAcrossRevisions(t *testing.T) {
	f := newPaneFixture(t, nil, model.LangEn, 120, 35)
	p := f.sens()
	paneParam(t, f, p, "operations")
	rev := f.wb.Revision()
	f.wb.setScore(0, 0, 1, "", "")
	f.press(p, "v") // any key: the pane follows the new revision
	if f.wb.Revision() == rev || p.c.rev != f.wb.Revision() {
		t.Fatalf("the pane shows revision %d, the session is at %d (was %d)", p.c.rev, f.wb.Revision(), rev)
	}
	if w, ok := p.current(); !ok || w.ID != "operations" {
		t.Fatalf("after an edit the picker shows %q, want operations", w.ID)
	}
}
