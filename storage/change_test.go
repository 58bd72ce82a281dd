package storage

import (
	"testing"

	"ccselect/model"
)

// Ids may hold any text: " by " and "/" (which made the old one-line description ambiguous) come
// back intact in the Change, with an empty actor too.
func TestChangeFieldsWithAwkwardIDs(t *testing.T) {
	s, id := withFixture(t)
	vendor := model.Vendor{ID: "acme by night/2", Name: model.Text{En: "Acme"}}
	reviewer := model.Reviewer{ID: "li by proxy", Name: "李代"}
	if err := s.SaveVendor(id, vendor, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveReviewer(id, reviewer, "x by y"); err != nil {
		t.Fatal(err)
	}
	sc := model.Score{Vendor: vendor.ID, Criterion: "arch_redundancy", Reviewer: reviewer.ID, Value: 4}
	if err := s.SetScore(id, sc, ""); err != nil {
		t.Fatal(err)
	}
	seqs := mustAudit(t, s, id, 3) // newest first: score, reviewer, vendor
	want := []Change{
		{Seq: seqs[0].Seq, Action: ActionScore, Vendor: vendor.ID, Criterion: "arch_redundancy", Reviewer: reviewer.ID,
			Description: "score acme by night/2/arch_redundancy by li by proxy"},
		{Seq: seqs[1].Seq, Action: ActionReviewerSave, Actor: "x by y", Reviewer: reviewer.ID,
			Description: "reviewer li by proxy by x by y"},
		{Seq: seqs[2].Seq, Action: ActionVendorSave, Vendor: vendor.ID, Description: "vendor acme by night/2"},
	}
	for _, w := range want {
		c, err := s.Undo(id, "u")
		c.Before, c.After = "", "" // compared in TestEditsUndoRedo
		if err != nil || c != w {
			t.Fatalf("Undo: %+v, %v\nwant %+v", c, err, w)
		}
	}
	for i := len(want) - 1; i >= 0; i-- {
		c, err := s.Redo(id, "u")
		c.Before, c.After = "", ""
		if err != nil || c != want[i] {
			t.Fatalf("Redo: %+v, %v\nwant %+v", c, err, want[i])
		}
	}
}

// A knock-out change counts the rules the edit left, read from its state rather than from the
// "N rules" target.
func TestChangeCountsKnockOutRules(t *testing.T) {
	s, id := withFixture(t)
	ev := mustLoad(t, s, id)
	if err := s.SaveKnockOuts(id, ev.KnockOuts[:1], "ed"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveKnockOuts(id, nil, "ed"); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 1} {
		c, err := s.Undo(id, "u")
		if err != nil || c.Action != ActionKnockOuts || c.Rules != n || c.Actor != "ed" {
			t.Fatalf("Undo: %+v, %v; want %d rules", c, err, n)
		}
	}
}
