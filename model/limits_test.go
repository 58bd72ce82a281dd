package model

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// Issue 7, defects 8–10: sizes, text and numbers at the edge are refused by Validate, with an
// error that says which field and why.
func TestValidateLimits(t *testing.T) {
	long := func(n int) string { return strings.Repeat("名", n) }
	cases := []struct {
		name string
		edit func(e *Evaluation)
		want string
	}{
		{"name of spaces", func(e *Evaluation) { e.Name = "   " }, "only spaces"},
		{"201-character name", func(e *Evaluation) { e.Name = long(201) }, "201 characters long, at most 200"},
		{"1 MB vendor name", func(e *Evaluation) { e.Vendors[0].Name.En = strings.Repeat("A", 1<<20) }, "at most 200"},
		{"vendor name of spaces", func(e *Evaluation) { e.Vendors[0].Name = Text{Zh: " ", En: "\u3000"} }, "empty name"},
		{"10001-character note", func(e *Evaluation) { e.Scores[0].Note = long(10001) }, "at most 10000"},
		{"NUL in a name", func(e *Evaluation) { e.Name = "a\x00b" }, "NUL"},
		{"ESC in a vendor name", func(e *Evaluation) { e.Vendors[0].Name.En = "\x1b[31mred" }, "escape character"},
		{"C1 control", func(e *Evaluation) { e.Reviewers[0].Name = "a\u009bb" }, "control character"},
		{"RLO override", func(e *Evaluation) { e.Vendors[0].Notes = "abc\u202edef" }, "bidirectional"},
		{"LRM mark", func(e *Evaluation) { e.Name = "a\u200eb" }, "bidirectional"},
		{"Arabic letter mark", func(e *Evaluation) { e.Client = "a\u061cb" }, "bidirectional"},
		{"isolate", func(e *Evaluation) { e.Profiles[0].Name = "p\u2068" }, "bidirectional"},
		{"invalid UTF-8", func(e *Evaluation) { e.Scores[0].Evidence = "a\xffb" }, "not valid UTF-8"},
		{"encoded surrogate", func(e *Evaluation) { e.Name = "a\xed\xa0\x80b" }, "not valid UTF-8"},
		{"tab in a name", func(e *Evaluation) { e.Reviewers[0].Name = "a\tb" }, "line break or tab"},
		{"measured 1e308", func(e *Evaluation) { e.Scores[2].Value = 1e308 }, "out of range"},
		{"threshold 1e308", func(e *Evaluation) { e.KnockOuts[0].Threshold = 1e308 }, "out of range"},
		{"P 1e308", func(e *Evaluation) { e.Params["P"] = 1e308 }, "out of range"},
		{"price NaN", func(e *Evaluation) { e.Vendors[0].Price = math.NaN() }, "price"},
		{"price 1e12", func(e *Evaluation) { e.Vendors[0].Price = 1e12 }, "out of range"},
		{"anchor 1e300", func(e *Evaluation) { e.Framework.Criteria[1].Anchors[2].X = 1e300 }, "out of range"},
		{"501 vendors", func(e *Evaluation) {
			for len(e.Vendors) <= MaxVendors {
				e.Vendors = append(e.Vendors, Vendor{ID: fmt.Sprintf("v%d", len(e.Vendors)), Name: Both("v")})
			}
		}, "at most 500"},
		{"51 reviewers", func(e *Evaluation) {
			for len(e.Reviewers) <= MaxReviewers {
				e.Reviewers = append(e.Reviewers, Reviewer{ID: fmt.Sprintf("r%d", len(e.Reviewers)), Name: "r"})
			}
		}, "at most 50"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := tiny()
			c.edit(e)
			err := e.Validate()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to mention %q", err, c.want)
			}
		})
	}
	// At the limits themselves, everything is accepted.
	e := tiny()
	e.Name = long(MaxNameLen)
	e.Scores[0].Note = strings.Repeat("行\n", MaxNoteLen/2)
	if err := e.Validate(); err != nil {
		t.Fatalf("at the limits: %v", err)
	}
}

// The exported checks the CLI and TUI call agree with Validate.
func TestCheckFunctions(t *testing.T) {
	rating := &Criterion{ID: "r", Kind: KindRating}
	measured := &Criterion{ID: "m", Kind: KindMeasured}
	for _, c := range []struct {
		name string
		err  error
		ok   bool
	}{
		{"rating 4.5", CheckMeasured(rating, 4.5), true},
		{"rating NaN", CheckMeasured(rating, math.NaN()), false},
		{"measured 99.95", CheckMeasured(measured, 99.95), true},
		{"measured 1e308", CheckMeasured(measured, 1e308), false},
		{"measured -Inf", CheckMeasured(measured, math.Inf(-1)), false},
		{"P 1000", CheckParam("P", 1000), true},
		{"P 0", CheckParam("P", 0), false},
		{"P 1e308", CheckParam("P", 1e308), false},
		{"threshold -5", CheckThreshold(-5), true},
		{"threshold Inf", CheckThreshold(math.Inf(1)), false},
		{"weight 0.3", CheckWeight(0.3), true},
		{"weight NaN", CheckWeight(math.NaN()), false},
		{"name 中文 ok", CheckName("vendor name", "云启通讯"), true},
		{"name empty", CheckName("vendor name", ""), false},
		{"note with lines", CheckNote("note", "line 1\nline 2\ttab"), true},
		{"note with ESC", CheckNote("note", "\x1b]0;pwned\x07"), false},
	} {
		if (c.err == nil) != c.ok {
			t.Errorf("%s: %v, want ok=%v", c.name, c.err, c.ok)
		}
	}
}

// Issue 7, defect 8: ValueScore(NaN) scored 5 (NaN fails every comparison and fell through to the
// last anchor). It is NaN now, and ValueScoreChecked says why.
func TestValueScoreNaN(t *testing.T) {
	anchors := []Anchor{{99, 1}, {99.9, 3}, {99.99, 5}} // availability, catalog criterion track_record
	if got := ValueScore(anchors, 1, math.NaN()); !math.IsNaN(got) {
		t.Fatalf("ValueScore(NaN) = %v, want NaN", got)
	}
	if got := ValueScore(anchors, math.NaN(), 99.95); !math.IsNaN(got) {
		t.Fatalf("ValueScore(scale NaN) = %v, want NaN", got)
	}
	// 99.95 lies halfway between 99.9 (3) and 99.99 (5): 3 + 2 × 0.05/0.09 = 4.111…
	if got := ValueScore(anchors, 1, 99.95); math.Abs(got-(3+2*0.05/0.09)) > 1e-9 {
		t.Fatalf("ValueScore(99.95) = %v", got)
	}
	if _, err := ValueScoreChecked(anchors, 1, math.NaN()); err == nil {
		t.Fatal("ValueScoreChecked(NaN) accepted")
	}
	if _, err := ValueScoreChecked(anchors, 1, 1e308); err == nil {
		t.Fatal("ValueScoreChecked(1e308) accepted")
	}
	if got, err := ValueScoreChecked(anchors, 1, 99.95); err != nil || got != ValueScore(anchors, 1, 99.95) {
		t.Fatalf("ValueScoreChecked(99.95) = %v, %v", got, err)
	}
}
