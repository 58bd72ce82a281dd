package storage

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"ccselect/model"
)

// fixtureWS is the fixture with everything migration 3 stores: a profile whose dimension
// weights come from a rank ordering, a draft, and the default scenarios.
func fixtureWS(t testing.TB) *model.Evaluation {
	t.Helper()
	ev := fixture()
	p := &ev.Profiles[0]
	// ROC for 2 items: w1 = (1 + 1/2)/2 = 0.75, w2 = 0.25 (Barron & Barrett 1996).
	if err := p.ApplyElicitation(&ev.Framework, model.ElicitLevelDimensions, model.Elicitation{
		Method: model.ElicitROC, Ranks: map[string]int{"stability": 1, "concurrency": 2}}); err != nil {
		t.Fatal(err)
	}
	if p.Dimensions["stability"] != 0.75 || p.Dimensions["concurrency"] != 0.25 {
		t.Fatalf("ROC weights %v", p.Dimensions)
	}
	if err := p.ApplyElicitation(&ev.Framework, "stability", model.Elicitation{
		Method: model.ElicitAHP, Items: []string{"track_record", "arch_redundancy"},
		Matrix: [][]float64{{1, 3}, {1.0 / 3, 1}}}); err != nil {
		t.Fatal(err)
	}
	d := ev.Profiles[1].Clone()
	if err := d.SetDimension(&ev.Framework, "concurrency", 0.3); err != nil {
		t.Fatal(err)
	}
	d.Locked = nil
	if err := d.SetDimension(&ev.Framework, "concurrency", 0.35); err != nil {
		t.Fatal(err)
	}
	ev.Draft = &d
	ev.Scenarios = model.DefaultScenarios()
	if err := ev.Validate(); err != nil {
		t.Fatal(err)
	}
	return ev
}

func TestWeightsSizingRoundTrip(t *testing.T) {
	s := newStore(t)
	want := fixtureWS(t)
	id, err := s.Create(fixtureWS(t), "tester")
	if err != nil {
		t.Fatal(err)
	}
	want.ID = id
	sameEval(t, "Load after Create", want, mustLoad(t, s, id), false)

	dup, err := s.Duplicate(id, "copy", "tester")
	if err != nil {
		t.Fatal(err)
	}
	got := mustLoad(t, s, dup)
	if got.Draft == nil || got.Draft.Dimensions["concurrency"] != 0.35 || len(got.Scenarios) != 2 ||
		got.Profiles[0].ElicitationOf(model.ElicitLevelDimensions) != model.ElicitROC {
		t.Fatalf("duplicate lost the draft, scenarios or elicitation: %+v", got)
	}

	// Saving the profile unchanged (elicitation included) records nothing.
	before := len(mustAudit(t, s, id, 0))
	if err := s.SaveProfile(id, want.Profiles[0], "ed"); err != nil {
		t.Fatal(err)
	}
	if n := len(mustAudit(t, s, id, 0)); n != before {
		t.Fatalf("unchanged SaveProfile wrote %d audit rows", n-before)
	}
	// Typing a weight drops the level's elicitation; undo brings it back.
	p := want.Profiles[0].Clone()
	if err := p.SetDimension(&want.Framework, "stability", 0.6); err != nil {
		t.Fatal(err)
	}
	if p.ElicitationOf(model.ElicitLevelDimensions) != model.ElicitDirect {
		t.Fatal("a typed weight kept the ROC record")
	}
	if err := s.SaveProfile(id, p, "ed"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(id, "ed"); err != nil {
		t.Fatal(err)
	}
	sameEval(t, "after undo", want, mustLoad(t, s, id), true)
}

func TestElicitationMustMatchWeights(t *testing.T) {
	s, id := withFixture(t)
	ev := fixtureWS(t)
	p := ev.Profiles[0]
	p.Dimensions["stability"], p.Dimensions["concurrency"] = 0.5, 0.5 // no longer what ROC gives
	before := mustLoad(t, s, id)
	err := s.SaveProfile(id, p, "ed")
	if err == nil || !strings.Contains(err.Error(), "elicitation gives") {
		t.Fatalf("SaveProfile with stale elicitation: %v", err)
	}
	sameEval(t, "refused save", before, mustLoad(t, s, id), false)
}

func TestRenameProfile(t *testing.T) {
	s := newStore(t)
	id, err := s.Create(fixtureWS(t), "tester")
	if err != nil {
		t.Fatal(err)
	}
	before := mustLoad(t, s, id)
	// A taken name and a bad name change nothing.
	for _, bad := range []string{"default", "  ", "a\nb"} {
		if err := s.RenameProfile(id, "金融", bad, "ed"); err == nil {
			t.Fatalf("rename to %q accepted", bad)
		}
	}
	if err := s.RenameProfile(id, "nope", "x", "ed"); err == nil {
		t.Fatal("rename of an unknown profile accepted")
	}
	sameEval(t, "refused renames", before, mustLoad(t, s, id), false)

	if err := s.RenameProfile(id, "金融", " finance ", "ed"); err != nil {
		t.Fatal(err)
	}
	ev := mustLoad(t, s, id)
	if ev.ActiveProfile != "finance" || ev.Profiles[1].Name != "finance" || ev.Draft.Name != "finance" ||
		ev.KnockOuts[2].Profile != "finance" || len(ev.KnockOuts) != 4 {
		t.Fatalf("rename did not carry active, draft, order and scoped knock-out: %+v %+v %+v", ev.ActiveProfile, ev.Draft.Name, ev.KnockOuts)
	}
	if !ev.Profiles[1].IsLocked("stability") {
		t.Fatal("rename lost the locks")
	}
	c, err := s.Undo(id, "ed")
	if err != nil || c.Action != ActionProfileRename || c.OldProfile != "金融" || c.Profile != "finance" {
		t.Fatalf("undo rename: %+v %v", c, err)
	}
	sameEval(t, "undo rename", before, mustLoad(t, s, id), true)
	if _, err := s.Redo(id, "ed"); err != nil {
		t.Fatal(err)
	}
	if ev := mustLoad(t, s, id); ev.ActiveProfile != "finance" {
		t.Fatalf("redo rename: active %q", ev.ActiveProfile)
	}
}

func TestSaveDraft(t *testing.T) {
	s, id := withFixture(t)
	ev := mustLoad(t, s, id)
	audit := len(mustAudit(t, s, id, 0))
	d := ev.Profiles[0].Clone()
	if err := d.SetDimension(&ev.Framework, "stability", 0.9); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft(id, &d); err != nil {
		t.Fatal(err)
	}
	got := mustLoad(t, s, id)
	if got.Draft == nil || got.Draft.Dimensions["stability"] != 0.9 || got.Draft.Name != "default" {
		t.Fatalf("draft after save: %+v", got.Draft)
	}
	if !got.Updated.Equal(ev.Updated) || len(mustAudit(t, s, id, 0)) != audit {
		t.Fatal("a draft is not an audited edit: updated or audit moved")
	}
	// Survives reopening (a quit or a crash after the call returned).
	path := s.Path()
	s.Close()
	s = openAt(t, path)
	if mustLoad(t, s, id).Draft == nil {
		t.Fatal("draft lost on reopen")
	}
	// An invalid draft is refused and the stored one stays.
	bad := d.Clone()
	bad.Dimensions["stability"] = 2
	if err := s.SaveDraft(id, &bad); err == nil {
		t.Fatal("invalid draft accepted")
	}
	if got := mustLoad(t, s, id).Draft; got == nil || got.Dimensions["stability"] != 0.9 {
		t.Fatalf("refused draft changed the stored one: %+v", got)
	}
	if err := s.SaveDraft(id, nil); err != nil {
		t.Fatal(err)
	}
	if mustLoad(t, s, id).Draft != nil {
		t.Fatal("nil did not clear the draft")
	}
	if err := s.SaveDraft(999, nil); !errors.Is(err, ErrNotFound) {
		t.Fatalf("draft of unknown evaluation: %v", err)
	}
}

func TestScenariosAndGoverning(t *testing.T) {
	s, id := withFixture(t)
	start := mustLoad(t, s, id)
	def := model.DefaultScenarios()
	for _, sc := range def {
		if err := s.SaveScenario(id, sc, "ed"); err != nil {
			t.Fatal(err)
		}
	}
	// Governing: P becomes the campaign peak's channels (Erlang B at 1%).
	want, err := model.Size(def[1])
	if err != nil {
		t.Fatal(err)
	}
	peak, err := s.SetGoverningScenario(id, "campaign_peak", "ed")
	if err != nil || peak != float64(want.Channels) {
		t.Fatalf("SetGoverningScenario = %g, %v; want %d", peak, err, want.Channels)
	}
	ev := mustLoad(t, s, id)
	if ev.GoverningScenario != "campaign_peak" || ev.Params[model.ParamPeak] != peak {
		t.Fatalf("governing %q P %g", ev.GoverningScenario, ev.Params[model.ParamPeak])
	}
	// Editing the governing scenario's inputs moves P in the same edit.
	sc := def[1]
	sc.Calls = 12000
	r2, _ := model.Size(sc)
	if err := s.SaveScenario(id, sc, "ed"); err != nil {
		t.Fatal(err)
	}
	if got := mustLoad(t, s, id).Params[model.ParamPeak]; got != float64(r2.Channels) || r2.Channels <= want.Channels {
		t.Fatalf("P after editing the governing scenario: %g, want %d", got, r2.Channels)
	}
	c, err := s.Undo(id, "ed")
	if err != nil || c.Action != ActionScenarioSave || c.Scenario != "campaign_peak" {
		t.Fatalf("undo: %+v %v", c, err)
	}
	if got := mustLoad(t, s, id); got.Params[model.ParamPeak] != peak || got.Scenarios[1].Calls != 9000 {
		t.Fatalf("undo did not restore P and the inputs: %g %g", got.Params[model.ParamPeak], got.Scenarios[1].Calls)
	}
	// A non-governing scenario's edit leaves P alone.
	daily := def[0]
	daily.Calls = 1600
	if err := s.SaveScenario(id, daily, "ed"); err != nil {
		t.Fatal(err)
	}
	if got := mustLoad(t, s, id).Params[model.ParamPeak]; got != peak {
		t.Fatalf("editing daily moved P to %g", got)
	}
	// Bad input: refused, nothing written.
	before := mustLoad(t, s, id)
	n := len(mustAudit(t, s, id, 0))
	bad := def[1]
	bad.IntervalS = 0
	for _, err := range []error{
		s.SaveScenario(id, bad, "ed"),
		s.SaveScenario(id, model.Scenario{ID: "", Name: model.Both("x"), Calls: 1, IntervalS: 1, TalkHoldS: 1, SLTarget: 0.8}, "ed"),
		s.DeleteScenario(id, "nope", "ed"),
		func() error { _, err := s.SetGoverningScenario(id, "nope", "ed"); return err }(),
	} {
		if err == nil {
			t.Fatal("bad sizing edit accepted")
		}
	}
	sameEval(t, "refused sizing edits", before, mustLoad(t, s, id), false)
	if len(mustAudit(t, s, id, 0)) != n {
		t.Fatal("refused sizing edits wrote audit rows")
	}
	// Setting the same governing scenario again is no edit.
	if _, err := s.SetGoverningScenario(id, "campaign_peak", "ed"); err != nil || len(mustAudit(t, s, id, 0)) != n {
		t.Fatalf("no-op governing: %v", err)
	}
	// Deleting the governing scenario clears the mark, keeps P; undo restores both.
	if err := s.DeleteScenario(id, "campaign_peak", "ed"); err != nil {
		t.Fatal(err)
	}
	if got := mustLoad(t, s, id); got.GoverningScenario != "" || got.Params[model.ParamPeak] != peak || len(got.Scenarios) != 1 {
		t.Fatalf("after delete: %q %g %d", got.GoverningScenario, got.Params[model.ParamPeak], len(got.Scenarios))
	}
	if _, err := s.Undo(id, "ed"); err != nil {
		t.Fatal(err)
	}
	sameEval(t, "undo delete", before, mustLoad(t, s, id), true)
	// Undo all the way back: the governing edit restores P = 1000 and no mark.
	for {
		if _, err := s.Undo(id, "ed"); errors.Is(err, ErrNothingToUndo) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
	}
	sameEval(t, "undo everything", start, mustLoad(t, s, id), true)
	// Clearing the mark keeps P.
	for {
		if _, err := s.Redo(id, "ed"); errors.Is(err, ErrNothingToRedo) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
	}
	if p, err := s.SetGoverningScenario(id, "", "ed"); err != nil || p != peak || mustLoad(t, s, id).GoverningScenario != "" {
		t.Fatalf("clear governing: %g %v", p, err)
	}
}

// A version-2 file (before migration 3) is read by a read-only open without the new columns,
// and upgraded by a read-write open with its data intact.
func TestSchema2FileReadAndUpgraded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v2.db")
	s := openAt(t, path)
	id, err := s.Create(fixture(), "tester")
	if err != nil {
		t.Fatal(err)
	}
	want := mustLoad(t, s, id)
	s.Close()
	asSchema5(t, path)
	rawExec(t, path,
		"DROP INDEX scores_annotated",
		"DROP TABLE scenarios",
		"ALTER TABLE profiles DROP COLUMN elicitation",
		"ALTER TABLE evaluations DROP COLUMN draft",
		"ALTER TABLE evaluations DROP COLUMN governing_scenario",
		"PRAGMA user_version = 2")
	rw := readThenUpgrade(t, path, id, want, 2, "", nil)
	if err := rw.SaveScenario(id, model.DefaultScenarios()[0], "ed"); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkSaveDraft is one keystroke of the weights tab: the draft written in its own
// transaction (validated against the framework).
func BenchmarkSaveDraft(b *testing.B) {
	s := newStore(b)
	ev := fixture()
	id, err := s.Create(ev, "tester")
	if err != nil {
		b.Fatal(err)
	}
	d := ev.Profiles[0].Clone()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		d.Dimensions["stability"] = 0.5 + float64(i%10)/100
		d.Dimensions["concurrency"] = 1 - d.Dimensions["stability"]
		if err := s.SaveDraft(id, &d); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCommitDraft(t *testing.T) {
	s, id := withFixture(t)
	if err := s.CommitDraft(id, "", "ed"); err == nil {
		t.Fatal("commit without a draft accepted")
	}
	ev := mustLoad(t, s, id)
	d := ev.Profiles[0].Clone()
	if err := d.SetDimension(&ev.Framework, "stability", 0.8); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft(id, &d); err != nil {
		t.Fatal(err)
	}
	if err := s.CommitDraft(id, "stable", "ed"); err != nil {
		t.Fatal(err)
	}
	got := mustLoad(t, s, id)
	p, err := got.Profile("stable")
	if err != nil || p.Dimensions["stability"] != 0.8 || got.Draft != nil {
		t.Fatalf("after commit: %v %+v draft %v", err, p, got.Draft)
	}
	// Over the profile it started from (name ""), then undo restores the old weights.
	if err := s.SaveDraft(id, &d); err != nil {
		t.Fatal(err)
	}
	if err := s.CommitDraft(id, "", "ed"); err != nil {
		t.Fatal(err)
	}
	if p, _ := mustLoad(t, s, id).Profile("default"); p.Dimensions["stability"] != 0.8 {
		t.Fatalf("default after commit: %v", p.Dimensions)
	}
	if _, err := s.Undo(id, "ed"); err != nil {
		t.Fatal(err)
	}
	if p, _ := mustLoad(t, s, id).Profile("default"); p.Dimensions["stability"] != 0.6 {
		t.Fatalf("default after undo: %v", p.Dimensions)
	}
}

// A draft equal to its profile records no edit, and is still cleared.
func TestCommitUnchangedDraft(t *testing.T) {
	s, id := withFixture(t)
	ev := mustLoad(t, s, id)
	d := ev.Profiles[0].Clone()
	if err := s.SaveDraft(id, &d); err != nil {
		t.Fatal(err)
	}
	n := len(mustAudit(t, s, id, 0))
	if err := s.CommitDraft(id, "", "ed"); err != nil {
		t.Fatal(err)
	}
	if mustLoad(t, s, id).Draft != nil || len(mustAudit(t, s, id, 0)) != n {
		t.Fatal("unchanged draft: not cleared, or an audit row written")
	}
}

// BenchmarkSaveGoverningScenario is one edit of the governing scenario's inputs on the sample:
// the scenario and P written, audited, in one transaction (the whole evaluation is loaded and
// validated first, as every structural edit does).
func BenchmarkSaveGoverningScenario(b *testing.B) {
	s, id := benchStore(b)
	sc := model.DefaultScenarios()[1]
	if err := s.SaveScenario(id, sc, "bench"); err != nil {
		b.Fatal(err)
	}
	if _, err := s.SetGoverningScenario(id, sc.ID, "bench"); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sc.Calls = 9000 + float64(i%2)*3000
		if err := s.SaveScenario(id, sc, "bench"); err != nil {
			b.Fatal(err)
		}
	}
}
