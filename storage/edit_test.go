package storage

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"ccselect/model"
)

// Every edit: its effect, its audit row, undo back to the exact previous state (also after a
// restart) and redo forward to the exact edited state.
func TestEditsAuditUndoRedo(t *testing.T) {
	cases := []struct {
		name   string
		do     func(s *Store, id int64) error
		action string
		target string
		desc   string // Change.Description
		want   Change // what Undo and Redo report, less Seq, Action, Actor and Description
		check  func(t *testing.T, before, after *model.Evaluation)
	}{
		{
			name: "set new score",
			do: func(s *Store, id int64) error {
				return s.SetScore(id, model.Score{Vendor: "panshi", Criterion: "concurrent_channels", Reviewer: "li", Value: 1300, Evidence: "集群上限"}, "ed")
			},
			action: ActionScore, target: "panshi/concurrent_channels/li", desc: "score panshi/concurrent_channels by li",
			want: Change{Vendor: "panshi", Criterion: "concurrent_channels", Reviewer: "li"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				sc, ok := a.ScoreOf("panshi", "concurrent_channels", "li")
				if !ok || sc.Value != 1300 || sc.Evidence != "集群上限" || len(a.Scores) != len(b.Scores)+1 {
					t.Fatalf("score not added: %+v", sc)
				}
			},
		},
		{
			name: "replace score",
			do: func(s *Store, id int64) error {
				return s.SetScore(id, model.Score{Vendor: "yunqi", Criterion: "arch_redundancy", Reviewer: "li", Value: 3.5, Note: "切换需人工"}, "ed")
			},
			action: ActionScore, target: "yunqi/arch_redundancy/li", desc: "score yunqi/arch_redundancy by li",
			want: Change{Vendor: "yunqi", Criterion: "arch_redundancy", Reviewer: "li"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				sc, _ := a.ScoreOf("yunqi", "arch_redundancy", "li")
				if sc.Value != 3.5 || sc.Note != "切换需人工" || len(a.Scores) != len(b.Scores) {
					t.Fatalf("score not replaced: %+v", sc)
				}
			},
		},
		{
			name:   "clear score",
			do:     func(s *Store, id int64) error { return s.ClearScore(id, "yunqi", "arch_redundancy", "wang", "ed") },
			action: ActionClearScore, target: "yunqi/arch_redundancy/wang", desc: "clear score yunqi/arch_redundancy by wang",
			want: Change{Vendor: "yunqi", Criterion: "arch_redundancy", Reviewer: "wang"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if _, ok := a.ScoreOf("yunqi", "arch_redundancy", "wang"); ok || len(a.Scores) != len(b.Scores)-1 {
					t.Fatal("score not cleared")
				}
			},
		},
		{
			name:   "rename",
			do:     func(s *Store, id int64) error { return s.Rename(id, "  新名称 ", "ed") },
			action: ActionRename, target: "新名称", desc: "rename 新名称 by ed",
			want: Change{Text: "新名称"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if a.Name != "新名称" {
					t.Fatalf("name %q", a.Name)
				}
			},
		},
		{
			name:   "client",
			do:     func(s *Store, id int64) error { return s.SetClient(id, "另一家银行", "ed") },
			action: ActionClient, target: "另一家银行", desc: "client 另一家银行 by ed",
			want: Change{Text: "另一家银行"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if a.Client != "另一家银行" {
					t.Fatalf("client %q", a.Client)
				}
			},
		},
		{
			name: "add vendor",
			do: func(s *Store, id int64) error {
				return s.SaveVendor(id, model.Vendor{ID: "changfeng", Name: model.Text{Zh: "长风云联", En: "Changfeng CloudLink"}, Price: 240}, "ed")
			},
			action: ActionVendorSave, target: "changfeng", desc: "vendor changfeng by ed",
			want: Change{Vendor: "changfeng"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if len(a.Vendors) != 4 || a.Vendors[3].ID != "changfeng" || a.Vendors[3].Price != 240 {
					t.Fatalf("vendors %+v", a.Vendors)
				}
			},
		},
		{
			name: "add vendor without id",
			do: func(s *Store, id int64) error {
				return s.SaveVendor(id, model.Vendor{Name: model.Text{Zh: "汇声智能", En: "Huisheng AI"}}, "ed")
			},
			action: ActionVendorSave, target: "huisheng-ai", desc: "vendor huisheng-ai by ed",
			want: Change{Vendor: "huisheng-ai"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if len(a.Vendors) != 4 || a.Vendors[3].ID != "huisheng-ai" {
					t.Fatalf("vendors %+v", a.Vendors)
				}
			},
		},
		{
			name: "update vendor",
			do: func(s *Store, id int64) error {
				return s.SaveVendor(id, model.Vendor{ID: "panshi", Name: model.Text{Zh: "磐石信联", En: "Panshi"}, Notes: "私有云", Price: 400}, "ed")
			},
			action: ActionVendorSave, target: "panshi", desc: "vendor panshi by ed",
			want: Change{Vendor: "panshi"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if a.Vendors[1].ID != "panshi" || a.Vendors[1].Price != 400 || a.Vendors[1].Name.En != "Panshi" || len(a.Scores) != len(b.Scores) {
					t.Fatalf("vendors %+v", a.Vendors)
				}
			},
		},
		{
			name:   "delete vendor with scores",
			do:     func(s *Store, id int64) error { return s.DeleteVendor(id, "yunqi", "ed") },
			action: ActionVendorDelete, target: "yunqi", desc: "delete vendor yunqi by ed",
			want: Change{Vendor: "yunqi"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if a.VendorIndex("yunqi") >= 0 || len(a.Vendors) != 2 || len(a.Scores) != len(b.Scores)-5 {
					t.Fatalf("vendor not deleted with its 5 scores: %d vendors, %d scores", len(a.Vendors), len(a.Scores))
				}
			},
		},
		{
			name: "add reviewer",
			do: func(s *Store, id int64) error {
				return s.SaveReviewer(id, model.Reviewer{ID: "chen", Name: "陈静"}, "ed")
			},
			action: ActionReviewerSave, target: "chen", desc: "reviewer chen by ed",
			want: Change{Reviewer: "chen"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if len(a.Reviewers) != 3 || a.Reviewers[2] != (model.Reviewer{ID: "chen", Name: "陈静"}) {
					t.Fatalf("reviewers %+v", a.Reviewers)
				}
			},
		},
		{
			name:   "add reviewer without id",
			do:     func(s *Store, id int64) error { return s.SaveReviewer(id, model.Reviewer{Name: "陈静"}, "ed") },
			action: ActionReviewerSave, target: "reviewer-1", desc: "reviewer reviewer-1 by ed",
			want: Change{Reviewer: "reviewer-1"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if len(a.Reviewers) != 3 || a.Reviewers[2].ID != "reviewer-1" {
					t.Fatalf("reviewers %+v", a.Reviewers)
				}
			},
		},
		{
			name: "rename reviewer",
			do: func(s *Store, id int64) error {
				return s.SaveReviewer(id, model.Reviewer{ID: "wang", Name: "王敏 (组长)"}, "ed")
			},
			action: ActionReviewerSave, target: "wang", desc: "reviewer wang by ed",
			want: Change{Reviewer: "wang"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if a.Reviewers[0].Name != "王敏 (组长)" {
					t.Fatalf("reviewers %+v", a.Reviewers)
				}
			},
		},
		{
			name:   "delete reviewer with scores",
			do:     func(s *Store, id int64) error { return s.DeleteReviewer(id, "wang", "ed") },
			action: ActionReviewerDelete, target: "wang", desc: "delete reviewer wang by ed",
			want: Change{Reviewer: "wang"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if len(a.Reviewers) != 1 || len(a.Scores) != len(b.Scores)-5 {
					t.Fatalf("reviewer not deleted with its 5 scores: %+v, %d scores", a.Reviewers, len(a.Scores))
				}
			},
		},
		{
			name: "add profile",
			do: func(s *Store, id int64) error {
				return s.SaveProfile(id, model.WeightProfile{Name: "healthcare",
					Dimensions: map[string]float64{"stability": 0.5, "concurrency": 0.5},
					Criteria:   map[string]float64{"arch_redundancy": 0.5, "track_record": 0.5, "concurrent_channels": 0.5, "elastic_scaling": 0.5},
					Locked:     []string{"concurrency"}}, "ed")
			},
			action: ActionProfileSave, target: "healthcare", desc: "profile healthcare by ed",
			want: Change{Profile: "healthcare"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if len(a.Profiles) != 3 || a.Profiles[2].Name != "healthcare" || !a.Profiles[2].IsLocked("concurrency") {
					t.Fatalf("profiles %+v", a.Profiles)
				}
			},
		},
		{
			name: "replace profile keeps its knock-outs",
			do: func(s *Store, id int64) error {
				return s.SaveProfile(id, model.WeightProfile{Name: "default",
					Dimensions: map[string]float64{"stability": 0.2, "concurrency": 0.8},
					Criteria:   map[string]float64{"arch_redundancy": 1, "track_record": 0, "concurrent_channels": 0.5, "elastic_scaling": 0.5}}, "ed")
			},
			action: ActionProfileSave, target: "default", desc: "profile default by ed",
			want: Change{Profile: "default"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if a.Profiles[0].Dimensions["concurrency"] != 0.8 || !reflect.DeepEqual(a.KnockOuts, b.KnockOuts) {
					t.Fatalf("profile %+v, knock-outs %+v", a.Profiles[0], a.KnockOuts)
				}
			},
		},
		{
			name:   "delete profile and its knock-out",
			do:     func(s *Store, id int64) error { return s.DeleteProfile(id, "default", "ed") },
			action: ActionProfileDelete, target: "default", desc: "delete profile default by ed",
			want: Change{Profile: "default"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if len(a.Profiles) != 1 || len(a.KnockOuts) != 3 || !reflect.DeepEqual(a.KnockOuts, b.KnockOuts[:3]) {
					t.Fatalf("profiles %+v, knock-outs %+v", a.Profiles, a.KnockOuts)
				}
			},
		},
		{
			name:   "active profile",
			do:     func(s *Store, id int64) error { return s.SetActiveProfile(id, "default", "ed") },
			action: ActionProfileActive, target: "default", desc: "active profile default by ed",
			want: Change{Profile: "default"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if a.ActiveProfile != "default" {
					t.Fatalf("active %q", a.ActiveProfile)
				}
			},
		},
		{
			name: "replace knock-outs",
			do: func(s *Store, id int64) error {
				return s.SaveKnockOuts(id, []model.KnockOut{
					{Criterion: "concurrent_channels", Op: model.OpGE, Threshold: 1.25, Param: model.ParamPeak, Profile: "金融"},
					{Criterion: "track_record", Op: model.OpGT, Threshold: 99.5},
				}, "ed")
			},
			action: ActionKnockOuts, target: "2 rules", desc: "knock-outs 2 rules by ed",
			want: Change{Rules: 2},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if len(a.KnockOuts) != 2 || a.KnockOuts[0].Threshold != 1.25 || a.KnockOuts[1].Op != model.OpGT {
					t.Fatalf("knock-outs %+v", a.KnockOuts)
				}
			},
		},
		{
			name:   "clear knock-outs",
			do:     func(s *Store, id int64) error { return s.SaveKnockOuts(id, nil, "ed") },
			action: ActionKnockOuts, target: "0 rules", desc: "knock-outs 0 rules by ed",
			want: Change{Rules: 0},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if a.KnockOuts != nil {
					t.Fatalf("knock-outs %+v", a.KnockOuts)
				}
			},
		},
		{
			name:   "change parameter",
			do:     func(s *Store, id int64) error { return s.SetParam(id, "P", 1200, "ed") },
			action: ActionParam, target: "P", desc: "parameter P by ed",
			want: Change{Param: "P"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if a.Params["P"] != 1200 {
					t.Fatalf("params %v", a.Params)
				}
			},
		},
		{
			name:   "new parameter",
			do:     func(s *Store, id int64) error { return s.SetParam(id, "seats", 350, "ed") },
			action: ActionParam, target: "seats", desc: "parameter seats by ed",
			want: Change{Param: "seats"},
			check: func(t *testing.T, b, a *model.Evaluation) {
				if len(a.Params) != 2 || a.Params["seats"] != 350 {
					t.Fatalf("params %v", a.Params)
				}
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, id := withFixture(t)
			before := mustLoad(t, s, id)
			if err := tc.do(s, id); err != nil {
				t.Fatal(err)
			}
			after := mustLoad(t, s, id)
			tc.check(t, before, after)
			if !after.Updated.After(before.Updated) {
				t.Fatalf("updated not bumped: %v → %v", before.Updated, after.Updated)
			}
			if err := after.Validate(); err != nil {
				t.Fatalf("edited evaluation does not validate: %v", err)
			}
			a := mustAudit(t, s, id, 0)
			if len(a) != 2 {
				t.Fatalf("want create + 1 audit row, got %+v", a)
			}
			e := a[0]
			if e.Action != tc.action || e.Target != tc.target || e.Actor != "ed" || e.Undone ||
				e.After == "" && e.Before == "" || !e.At.Equal(after.Updated) {
				t.Fatalf("audit row %+v", e)
			}

			want := tc.want
			want.Seq, want.Action, want.Actor, want.Description = e.Seq, tc.action, "ed", tc.desc
			want.Before, want.After = e.Before, e.After // old → new, as the audit row holds them
			if c, err := s.Undo(id, "undoer"); err != nil || c != want {
				t.Fatalf("Undo: %+v, %v; want %+v", c, err, want)
			}
			sameEval(t, "after undo", before, mustLoad(t, s, id), true)
			a = mustAudit(t, s, id, 2)
			if a[0].Action != ActionUndo || a[0].Ref != e.Seq || a[0].Actor != "undoer" || a[0].Before != e.After || a[0].After != e.Before || !a[1].Undone {
				t.Fatalf("undo audit rows %+v", a)
			}
			if c, err := s.Redo(id, "redoer"); err != nil || c != want {
				t.Fatalf("Redo: %+v, %v; want %+v", c, err, want)
			}
			sameEval(t, "after redo", after, mustLoad(t, s, id), true)

			// Undo survives a restart.
			path := s.Path()
			s.Close()
			s2 := openAt(t, path)
			if _, err := s2.Undo(id, "undoer"); err != nil {
				t.Fatal(err)
			}
			sameEval(t, "undo after reopen", before, mustLoad(t, s2, id), true)
			if _, err := s2.Undo(id, "undoer"); !errors.Is(err, ErrNothingToUndo) {
				t.Fatalf("second Undo: %v", err)
			}
		})
	}
}

// An edit that changes nothing records nothing (no audit row, no discarded redo).
func TestNoOpEditsRecordNothing(t *testing.T) {
	s, id := withFixture(t)
	ev := mustLoad(t, s, id)
	noops := map[string]func() error{
		"same score":    func() error { return s.SetScore(id, ev.Scores[0], "ed") },
		"clear empty":   func() error { return s.ClearScore(id, "panshi", "elastic_scaling", "wang", "ed") },
		"same name":     func() error { return s.Rename(id, ev.Name, "ed") },
		"same client":   func() error { return s.SetClient(id, ev.Client, "ed") },
		"same vendor":   func() error { return s.SaveVendor(id, ev.Vendors[1], "ed") },
		"same reviewer": func() error { return s.SaveReviewer(id, ev.Reviewers[0], "ed") },
		"same profile":  func() error { return s.SaveProfile(id, ev.Profiles[1], "ed") },
		"same active":   func() error { return s.SetActiveProfile(id, ev.ActiveProfile, "ed") },
		"same rules":    func() error { return s.SaveKnockOuts(id, ev.KnockOuts, "ed") },
		"same param":    func() error { return s.SetParam(id, "P", 1000, "ed") },
	}
	for name, do := range noops {
		if err := do(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if a := mustAudit(t, s, id, 0); len(a) != 1 {
		t.Fatalf("no-op edits were recorded: %+v", a)
	}
	sameEval(t, "after no-ops", ev, mustLoad(t, s, id), false)
}

func TestUndoRedoSequence(t *testing.T) {
	s, id := withFixture(t)
	var states []*model.Evaluation
	snap := func() { states = append(states, mustLoad(t, s, id)) }
	snap() // S0
	steps := []func() error{
		func() error {
			return s.SetScore(id, model.Score{Vendor: "qinghe", Criterion: "arch_redundancy", Reviewer: "wang", Value: 2}, "wang")
		},
		func() error { return s.Rename(id, "改名", "lead") },
		func() error { return s.DeleteVendor(id, "yunqi", "lead") },
		func() error {
			return s.SetScore(id, model.Score{Vendor: "qinghe", Criterion: "arch_redundancy", Reviewer: "wang", Value: 2.5}, "wang")
		},
	}
	for _, do := range steps {
		if err := do(); err != nil {
			t.Fatal(err)
		}
		snap() // S1..S4
	}
	at := func(i int) { t.Helper(); sameEval(t, "state", states[i], mustLoad(t, s, id), true) }
	undo := func(want string) {
		t.Helper()
		if c, err := s.Undo(id, "x"); err != nil || c.Description != want {
			t.Fatalf("Undo: %+v, %v; want %q", c, err, want)
		}
	}
	redo := func(want string) {
		t.Helper()
		if c, err := s.Redo(id, "x"); err != nil || c.Description != want {
			t.Fatalf("Redo: %+v, %v; want %q", c, err, want)
		}
	}
	if _, err := s.Redo(id, "x"); !errors.Is(err, ErrNothingToRedo) {
		t.Fatalf("Redo with nothing undone: %v", err)
	}
	undo("score qinghe/arch_redundancy by wang")
	at(3)
	undo("delete vendor yunqi by lead")
	at(2)
	undo("rename 改名 by lead")
	at(1)
	undo("score qinghe/arch_redundancy by wang")
	at(0)
	if _, err := s.Undo(id, "x"); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("Undo past the start: %v", err)
	}
	redo("score qinghe/arch_redundancy by wang")
	at(1)
	redo("rename 改名 by lead")
	at(2)
	undo("rename 改名 by lead")
	at(1)

	// Undo and redo are in the file: a restart in the middle changes nothing.
	path := s.Path()
	s.Close()
	s = openAt(t, path)
	redo("rename 改名 by lead")
	at(2)
	redo("delete vendor yunqi by lead")
	at(3)
	redo("score qinghe/arch_redundancy by wang")
	at(4)
	if _, err := s.Redo(id, "x"); !errors.Is(err, ErrNothingToRedo) {
		t.Fatalf("Redo past the end: %v", err)
	}
	// 1 create + 4 edits + 5 undos + 5 redos, all kept.
	if a := mustAudit(t, s, id, 0); len(a) != 15 {
		t.Fatalf("audit rows: %d", len(a))
	}
	if a := mustAudit(t, s, id, 3); len(a) != 3 || a[0].Action != ActionRedo {
		t.Fatalf("Audit limit 3: %+v", a)
	}
}

func TestNewEditDiscardsRedo(t *testing.T) {
	s, id := withFixture(t)
	s0 := mustLoad(t, s, id)
	set := func(v float64) {
		t.Helper()
		if err := s.SetScore(id, model.Score{Vendor: "panshi", Criterion: "arch_redundancy", Reviewer: "wang", Value: v}, "wang"); err != nil {
			t.Fatal(err)
		}
	}
	set(3) // E1
	s1 := mustLoad(t, s, id)
	if err := s.Rename(id, "E2", "lead"); err != nil { // E2
		t.Fatal(err)
	}
	if _, err := s.Undo(id, "lead"); err != nil {
		t.Fatal(err)
	}
	set(4) // E3: the undone rename can no longer be redone
	s3 := mustLoad(t, s, id)
	if _, err := s.Redo(id, "lead"); !errors.Is(err, ErrNothingToRedo) {
		t.Fatalf("Redo after a new edit: %v", err)
	}
	// The discarded edit is still in the log, marked undone.
	var renamed *AuditEntry
	for _, e := range mustAudit(t, s, id, 0) {
		if e.Action == ActionRename {
			e := e
			renamed = &e
		}
	}
	if renamed == nil || !renamed.Undone || renamed.After != `"E2"` {
		t.Fatalf("discarded rename row: %+v", renamed)
	}
	// History is now E1, E3: undo walks back over them, skipping the discarded rename.
	if _, err := s.Undo(id, "lead"); err != nil {
		t.Fatal(err)
	}
	sameEval(t, "undo E3", s1, mustLoad(t, s, id), true)
	if _, err := s.Undo(id, "lead"); err != nil {
		t.Fatal(err)
	}
	sameEval(t, "undo E1", s0, mustLoad(t, s, id), true)
	if _, err := s.Undo(id, "lead"); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("Undo: %v", err)
	}
	for i := 0; i < 2; i++ {
		if _, err := s.Redo(id, "lead"); err != nil {
			t.Fatal(err)
		}
	}
	sameEval(t, "redo E1, E3", s3, mustLoad(t, s, id), true)
	if _, err := s.Redo(id, "lead"); !errors.Is(err, ErrNothingToRedo) {
		t.Fatalf("Redo: %v", err)
	}
}

// Knock-out positions have gaps after a profile's rules went with it; undoing a later rule
// change and then the profile deletion must put every rule back where it was.
func TestUndoRestoresKnockOutPositions(t *testing.T) {
	s, id := withFixture(t)
	s0 := mustLoad(t, s, id)
	if err := s.SetActiveProfile(id, "default", "ed"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteProfile(id, "金融", "ed"); err != nil { // takes rule #3 (position 2)
		t.Fatal(err)
	}
	ev := mustLoad(t, s, id)
	if len(ev.KnockOuts) != 3 || ev.KnockOuts[2].Criterion != "elastic_scaling" {
		t.Fatalf("rules after profile delete: %+v", ev.KnockOuts)
	}
	rules := append(ev.KnockOuts, model.KnockOut{Criterion: "arch_redundancy", Op: model.OpGE, Threshold: 2})
	if err := s.SaveKnockOuts(id, rules, "ed"); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if _, err := s.Undo(id, "ed"); err != nil {
			t.Fatal(err)
		}
	}
	sameEval(t, "after undoing all", s0, mustLoad(t, s, id), true)
	for i := 0; i < 3; i++ {
		if _, err := s.Redo(id, "ed"); err != nil {
			t.Fatal(err)
		}
	}
	if got := mustLoad(t, s, id).KnockOuts; !reflect.DeepEqual(got, rules) {
		t.Fatalf("rules after redo: %+v", got)
	}
}

// Bad input is refused with an error and changes nothing: not the data, not the history.
func TestBadInputChangesNothing(t *testing.T) {
	s, id := withFixture(t)
	before := mustLoad(t, s, id)
	history := len(mustAudit(t, s, id, 0))
	score := func(v, c, r string, x float64) func() error {
		return func() error { return s.SetScore(id, model.Score{Vendor: v, Criterion: c, Reviewer: r, Value: x}, "ed") }
	}
	okProfile := func() model.WeightProfile { return before.Profiles[0].Clone() }
	cases := []struct {
		name string
		do   func() error
		want string // in the message
	}{
		{"rating 7", score("yunqi", "arch_redundancy", "wang", 7), "outside 1–5"},
		{"rating 0.5", score("yunqi", "arch_redundancy", "wang", 0.5), "outside 1–5"},
		{"rating 2.3", score("yunqi", "arch_redundancy", "wang", 2.3), "half point"},
		{"NaN", score("yunqi", "arch_redundancy", "wang", math.NaN()), "must be a number"},
		{"Inf measured", score("yunqi", "track_record", "wang", math.Inf(1)), "must be a number"},
		{"negative measured", score("yunqi", "track_record", "wang", -1), "negative"},
		{"unknown vendor", score("nobody", "arch_redundancy", "wang", 3), `unknown vendor "nobody"`},
		{"unknown criterion", score("yunqi", "price", "wang", 3), `unknown criterion "price"`},
		{"unknown reviewer", score("yunqi", "arch_redundancy", "zhao", 3), `unknown reviewer "zhao"`},
		{"clear unknown vendor", func() error { return s.ClearScore(id, "nobody", "arch_redundancy", "wang", "ed") }, `unknown vendor`},
		{"clear unknown reviewer", func() error { return s.ClearScore(id, "yunqi", "arch_redundancy", "zhao", "ed") }, `unknown reviewer`},
		{"empty name", func() error { return s.Rename(id, "  ", "ed") }, "empty"},
		{"vendor without name", func() error { return s.SaveVendor(id, model.Vendor{ID: "x"}, "ed") }, "empty"},
		{"vendor NaN price", func() error {
			return s.SaveVendor(id, model.Vendor{ID: "x", Name: model.Both("X"), Price: math.NaN()}, "ed")
		}, "price"},
		{"delete unknown vendor", func() error { return s.DeleteVendor(id, "nobody", "ed") }, "unknown vendor"},
		{"reviewer without name", func() error { return s.SaveReviewer(id, model.Reviewer{ID: "zhao"}, "ed") }, "empty"},
		{"delete unknown reviewer", func() error { return s.DeleteReviewer(id, "zhao", "ed") }, "unknown reviewer"},
		{"weights not summing to 1", func() error {
			p := okProfile()
			p.Dimensions["stability"] = 0.7
			return s.SaveProfile(id, p, "ed")
		}, "sum to"},
		{"local weights not summing to 1", func() error {
			p := okProfile()
			p.Criteria["elastic_scaling"] = 0.5
			return s.SaveProfile(id, p, "ed")
		}, "sum to"},
		{"weight on unknown criterion", func() error {
			p := okProfile()
			p.Criteria["price"] = 0
			return s.SaveProfile(id, p, "ed")
		}, "unknown criterion"},
		{"profile without name", func() error {
			p := okProfile()
			p.Name = ""
			return s.SaveProfile(id, p, "ed")
		}, "empty"},
		{"delete active profile", func() error { return s.DeleteProfile(id, "金融", "ed") }, "active"},
		{"delete unknown profile", func() error { return s.DeleteProfile(id, "nope", "ed") }, "unknown weight profile"},
		{"activate unknown profile", func() error { return s.SetActiveProfile(id, "nope", "ed") }, "unknown weight profile"},
		{"rule on unknown criterion", func() error {
			return s.SaveKnockOuts(id, []model.KnockOut{{Criterion: "price", Op: model.OpLE, Threshold: 300}}, "ed")
		}, "unknown criterion"},
		{"rule with bad operator", func() error {
			return s.SaveKnockOuts(id, []model.KnockOut{{Criterion: "track_record", Op: "~", Threshold: 1}}, "ed")
		}, "operator"},
		{"rule with unknown param", func() error {
			return s.SaveKnockOuts(id, []model.KnockOut{{Criterion: "track_record", Op: model.OpGE, Threshold: 1, Param: "Q"}}, "ed")
		}, "parameter"},
		{"rule with unknown profile", func() error {
			return s.SaveKnockOuts(id, []model.KnockOut{{Criterion: "track_record", Op: model.OpGE, Threshold: 1, Profile: "nope"}}, "ed")
		}, "unknown profile"},
		{"param NaN", func() error { return s.SetParam(id, "P", math.NaN(), "ed") }, "positive"},
		{"param zero", func() error { return s.SetParam(id, "P", 0, "ed") }, "positive"},
		{"param no name", func() error { return s.SetParam(id, "", 1, "ed") }, "empty"},
	}
	for _, tc := range cases {
		err := tc.do()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one mentioning %q", tc.name, err, tc.want)
		}
	}
	sameEval(t, "after bad input", before, mustLoad(t, s, id), false)
	if n := len(mustAudit(t, s, id, 0)); n != history {
		t.Fatalf("bad input added %d audit rows", n-history)
	}

	// The only profile cannot go either.
	one := fixture()
	one.Profiles, one.ActiveProfile = one.Profiles[:1], ""
	one.KnockOuts = one.KnockOuts[:2]
	one.Name += " (one profile)"
	oneID, err := s.Create(one, "ed")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteProfile(oneID, "default", "ed"); err == nil || !strings.Contains(err.Error(), "only") {
		t.Fatalf("deleting the only profile: %v", err)
	}
}

func TestUnknownEvaluation(t *testing.T) {
	s, _ := withFixture(t)
	const missing = 42
	calls := map[string]func() error{
		"Load": func() error { _, err := s.Load(missing); return err },
		"SetScore": func() error {
			return s.SetScore(missing, model.Score{Vendor: "yunqi", Criterion: "arch_redundancy", Reviewer: "wang", Value: 3}, "")
		},
		"ClearScore":       func() error { return s.ClearScore(missing, "yunqi", "arch_redundancy", "wang", "") },
		"Rename":           func() error { return s.Rename(missing, "x", "") },
		"SetClient":        func() error { return s.SetClient(missing, "x", "") },
		"Duplicate":        func() error { _, err := s.Duplicate(missing, "x", ""); return err },
		"Delete":           func() error { return s.Delete(missing, "") },
		"SaveVendor":       func() error { return s.SaveVendor(missing, model.Vendor{ID: "x", Name: model.Both("X")}, "") },
		"DeleteVendor":     func() error { return s.DeleteVendor(missing, "yunqi", "") },
		"SaveReviewer":     func() error { return s.SaveReviewer(missing, model.Reviewer{ID: "x", Name: "X"}, "") },
		"DeleteReviewer":   func() error { return s.DeleteReviewer(missing, "wang", "") },
		"SaveProfile":      func() error { return s.SaveProfile(missing, fixture().Profiles[0], "") },
		"DeleteProfile":    func() error { return s.DeleteProfile(missing, "default", "") },
		"SetActiveProfile": func() error { return s.SetActiveProfile(missing, "default", "") },
		"SaveKnockOuts":    func() error { return s.SaveKnockOuts(missing, nil, "") },
		"SetParam":         func() error { return s.SetParam(missing, "P", 1, "") },
		"Undo":             func() error { _, err := s.Undo(missing, ""); return err },
		"Redo":             func() error { _, err := s.Redo(missing, ""); return err },
		"Audit":            func() error { _, err := s.Audit(missing, 0); return err },
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "42") {
			t.Errorf("%s: %v, want ErrNotFound naming 42", name, err)
		}
	}
}

func TestCreateRejectsInvalid(t *testing.T) {
	s := newStore(t)
	bad := map[string]func(ev *model.Evaluation){
		"duplicate vendor ids":   func(ev *model.Evaluation) { ev.Vendors[1].ID = "yunqi" },
		"duplicate reviewer ids": func(ev *model.Evaluation) { ev.Reviewers[1].ID = "wang" },
		"duplicate criterion":    func(ev *model.Evaluation) { ev.Framework.Criteria[1].ID = "arch_redundancy" },
		"rating 7":               func(ev *model.Evaluation) { ev.Scores[0].Value = 7 },
		"weights":                func(ev *model.Evaluation) { ev.Profiles[0].Dimensions["stability"] = 0.9 },
		"no name":                func(ev *model.Evaluation) { ev.Name = "" },
	}
	for name, spoil := range bad {
		ev := fixture()
		spoil(ev)
		if _, err := s.Create(ev, "ed"); err == nil {
			t.Errorf("%s: Create accepted it", name)
		}
		if ev.ID != 0 {
			t.Errorf("%s: ev.ID set to %d", name, ev.ID)
		}
	}
	if list, err := s.List(); err != nil || len(list) != 0 {
		t.Fatalf("after rejected creates: %+v, %v", list, err)
	}
	if _, err := s.Create(nil, "ed"); err == nil {
		t.Fatal("Create(nil) accepted")
	}
}
