package model

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Size limits of one evaluation (issue 7, defect 9). They are far above any real project (the
// catalogue has 23 criteria; a large tender has tens of vendors) and low enough that every screen
// and report stays responsive. Every entry point (bundle import, storage writes, CLI, TUI) applies
// them through Evaluation.Validate or the Check functions below. Lengths count characters (runes).
const (
	MaxNameLen     = 200       // evaluation, vendor, reviewer, profile, dimension, criterion names; ids; client; units
	MaxNoteLen     = 10_000    // notes, evidence, descriptions, rubric lines
	MaxVendors     = 500       // per evaluation
	MaxCriteria    = 300       // per evaluation (dimensions too)
	MaxReviewers   = 50        // per evaluation
	MaxScores      = 1_000_000 // per evaluation
	MaxProfiles    = 100       // weight profiles per evaluation
	MaxKnockOuts   = 1_000     // knock-out rules per evaluation
	MaxBundleBytes = 256 << 20 // a JSON bundle (export.DecodeBundle)
)

// MaxMagnitude bounds every number that enters the model other than ratings and weights:
// measured values, anchor values, knock-out thresholds, parameters (P) and prices. It is far above
// any unit in the catalogue (channels, %, seconds, ¥ per seat) and far enough from the largest
// float64 that products such as threshold × P or anchor × P stay finite (1e308 made the consensus
// −Inf and knocked a vendor out).
const MaxMagnitude = 1e9

// CheckNumber refuses NaN, ±Inf and values beyond ±MaxMagnitude. what names the number.
func CheckNumber(what string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("%s must be a number, got %v", what, v)
	}
	if math.Abs(v) > MaxMagnitude {
		return fmt.Errorf("%s %g is out of range (at most %g in magnitude)", what, v, MaxMagnitude)
	}
	return nil
}

// CheckMeasured checks a value for criterion c: a rating is 1–5 in half points; a measured value
// is a finite, non-negative number up to MaxMagnitude.
func CheckMeasured(c *Criterion, v float64) error {
	if err := CheckValue(c, v); err != nil {
		return err
	}
	if c.Kind != KindRating {
		return CheckNumber(c.ID+": measured value", v)
	}
	return nil
}

// CheckParam checks an evaluation parameter (P, the required peak channels): positive and finite,
// at most MaxMagnitude.
func CheckParam(name string, v float64) error {
	if err := CheckNumber("parameter "+name, v); err != nil {
		return err
	}
	if v <= 0 {
		return fmt.Errorf("parameter %s must be a positive number, got %g", name, v)
	}
	return nil
}

// CheckThreshold checks a knock-out threshold: finite, within ±MaxMagnitude.
func CheckThreshold(v float64) error { return CheckNumber("threshold", v) }

// CheckPrice checks a vendor's price: finite, 0 ≤ price ≤ MaxMagnitude (0 = not given).
func CheckPrice(v float64) error {
	if err := CheckNumber("price", v); err != nil {
		return err
	}
	if v < 0 {
		return fmt.Errorf("price must not be negative, got %g", v)
	}
	return nil
}

// CheckWeight checks one weight: a finite number in [0, 1].
func CheckWeight(v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > 1 {
		return fmt.Errorf("weight must be a number in [0,1], got %v", v)
	}
	return nil
}

// CheckName checks a one-line name (what says which, for the error): clean text (CheckText,
// no line breaks or tabs), not blank, at most MaxNameLen characters.
func CheckName(what, s string) error {
	if strings.TrimSpace(s) == "" {
		return fmt.Errorf("%s must not be empty or only spaces", what)
	}
	return CheckLine(what, s)
}

// CheckLine is CheckName for a one-line field that may be empty (a client, a unit, one language
// of a bilingual name).
func CheckLine(what, s string) error {
	if err := checkText(what, s, false); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(s); n > MaxNameLen {
		return fmt.Errorf("%s is %d characters long, at most %d are allowed", what, n, MaxNameLen)
	}
	return nil
}

// CheckNote checks free text (a note, evidence, a description): clean text that may hold line
// breaks and tabs, at most MaxNoteLen characters.
func CheckNote(what, s string) error {
	if err := checkText(what, s, true); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(s); n > MaxNoteLen {
		return fmt.Errorf("%s is %d characters long, at most %d are allowed", what, n, MaxNoteLen)
	}
	return nil
}

// CheckText is the text hygiene every string entering the model gets (issue 7, defect 10): valid
// UTF-8 (a lone surrogate is not), no NUL, no control characters (C0, DEL, C1: a raw ESC would
// reach the terminal and its title), no bidirectional controls (U+202A–U+202E, U+2066–U+2069,
// U+200E, U+200F, U+061C: they reorder what a reader sees, "Trojan Source"). Line breaks and tabs
// are allowed (see CheckName and CheckNote for where they are not).
func CheckText(what, s string) error { return checkText(what, s, true) }

func checkText(what, s string, multiline bool) error {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return fmt.Errorf("%s is not valid UTF-8 text (byte %d)", what, i)
			}
		}
		if bad := badRune(r, multiline); bad != "" {
			return fmt.Errorf("%s contains %s (U+%04X at byte %d); remove it", what, bad, r, i)
		}
	}
	return nil
}

// badRune names what is wrong with r in text ("" when nothing).
func badRune(r rune, multiline bool) string {
	switch {
	case r == 0:
		return "a NUL character"
	case r == '\n' || r == '\t' || r == '\r' || r == 0x2028 || r == 0x2029:
		if multiline {
			return ""
		}
		return "a line break or tab"
	case r == 0x1b:
		return "an escape character"
	case r < 0x20 || (r >= 0x7f && r <= 0x9f):
		return "a control character"
	case (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c:
		return "a bidirectional control character"
	case r >= 0xd800 && r <= 0xdfff:
		return "a lone surrogate"
	case unicode.Is(unicode.Cs, r):
		return "a surrogate"
	}
	return ""
}

// checkTextPair checks both languages of a bilingual name; required: at least one side not blank.
func checkTextPair(what string, t Text, required bool, line bool) error {
	check := CheckLine
	if !line {
		check = CheckNote
	}
	if err := check(what+" (zh)", t.Zh); err != nil {
		return err
	}
	if err := check(what+" (en)", t.En); err != nil {
		return err
	}
	if required && strings.TrimSpace(t.Zh) == "" && strings.TrimSpace(t.En) == "" {
		return fmt.Errorf("%s must not be empty or only spaces", what)
	}
	return nil
}

// checkLimits applies the size limits, text hygiene and number ranges to a whole evaluation.
// Counts come first, so a huge import is refused before anything walks it.
func (e *Evaluation) checkLimits() error {
	switch {
	case len(e.Vendors) > MaxVendors:
		return fmt.Errorf("%d vendors: at most %d are allowed", len(e.Vendors), MaxVendors)
	case len(e.Framework.Criteria) > MaxCriteria:
		return fmt.Errorf("%d criteria: at most %d are allowed", len(e.Framework.Criteria), MaxCriteria)
	case len(e.Framework.Dimensions) > MaxCriteria:
		return fmt.Errorf("%d dimensions: at most %d are allowed", len(e.Framework.Dimensions), MaxCriteria)
	case len(e.Reviewers) > MaxReviewers:
		return fmt.Errorf("%d reviewers: at most %d are allowed", len(e.Reviewers), MaxReviewers)
	case len(e.Scores) > MaxScores:
		return fmt.Errorf("%d scores: at most %d are allowed", len(e.Scores), MaxScores)
	case len(e.Profiles) > MaxProfiles:
		return fmt.Errorf("%d weight profiles: at most %d are allowed", len(e.Profiles), MaxProfiles)
	case len(e.KnockOuts) > MaxKnockOuts:
		return fmt.Errorf("%d knock-out rules: at most %d are allowed", len(e.KnockOuts), MaxKnockOuts)
	}
	if err := CheckName("evaluation name", e.Name); err != nil {
		return err
	}
	if err := CheckLine("client", e.Client); err != nil {
		return err
	}
	if err := CheckLine("industry", e.Industry); err != nil {
		return err
	}
	if err := CheckLine("active profile", e.ActiveProfile); err != nil {
		return err
	}
	for _, d := range e.Framework.Dimensions {
		if err := CheckLine("dimension id", d.ID); err != nil {
			return err
		}
		if err := checkTextPair("dimension "+d.ID+" name", d.Name, false, true); err != nil {
			return err
		}
	}
	for i := range e.Framework.Criteria {
		c := &e.Framework.Criteria[i]
		for _, f := range [][2]string{{"criterion id", c.ID}, {"criterion " + c.ID + " dimension", c.Dimension},
			{"criterion " + c.ID + " unit", c.Unit}, {"criterion " + c.ID + " anchor parameter", c.AnchorParam}} {
			if err := CheckLine(f[0], f[1]); err != nil {
				return err
			}
		}
		if err := checkTextPair("criterion "+c.ID+" name", c.Name, false, true); err != nil {
			return err
		}
		if err := checkTextPair("criterion "+c.ID+" description", c.Description, false, false); err != nil {
			return err
		}
		for j, r := range c.Rubric {
			if err := checkTextPair(fmt.Sprintf("criterion %s rubric line %d", c.ID, j+1), r, false, false); err != nil {
				return err
			}
		}
		for j, a := range c.Anchors {
			if err := CheckNumber(fmt.Sprintf("criterion %s anchor %d", c.ID, j+1), a.X); err != nil {
				return err
			}
		}
	}
	for name, v := range e.Params {
		if err := CheckLine("parameter name", name); err != nil {
			return err
		}
		if err := CheckParam(name, v); err != nil {
			return err
		}
	}
	for _, v := range e.Vendors {
		if err := CheckLine("vendor id", v.ID); err != nil {
			return err
		}
		if err := checkTextPair("vendor "+v.ID+" name", v.Name, false, true); err != nil {
			return err
		}
		if strings.TrimSpace(v.Name.Zh) == "" && strings.TrimSpace(v.Name.En) == "" {
			return fmt.Errorf("vendor %q has an empty name (or only spaces)", v.ID)
		}
		if err := CheckNote("vendor "+v.ID+" notes", v.Notes); err != nil {
			return err
		}
		if err := CheckPrice(v.Price); err != nil {
			return fmt.Errorf("vendor %s: %w", v.ID, err)
		}
	}
	for _, r := range e.Reviewers {
		if err := CheckLine("reviewer id", r.ID); err != nil {
			return err
		}
		if err := CheckName("reviewer "+r.ID+" name", r.Name); err != nil {
			return err
		}
	}
	for i := range e.Scores {
		s := &e.Scores[i]
		if err := CheckNote("note", s.Note); err != nil {
			return fmt.Errorf("score of %s/%s by %s: %w", s.Vendor, s.Criterion, s.Reviewer, err)
		}
		if err := CheckNote("evidence", s.Evidence); err != nil {
			return fmt.Errorf("score of %s/%s by %s: %w", s.Vendor, s.Criterion, s.Reviewer, err)
		}
		if err := CheckNumber("value", s.Value); err != nil {
			return fmt.Errorf("score of %s/%s by %s: %w", s.Vendor, s.Criterion, s.Reviewer, err)
		}
	}
	for i := range e.Profiles {
		if err := CheckName("weight profile name", e.Profiles[i].Name); err != nil {
			return err
		}
	}
	for _, k := range e.KnockOuts {
		if err := CheckThreshold(k.Threshold); err != nil {
			return fmt.Errorf("knock-out on %s: %w", k.Criterion, err)
		}
	}
	return nil
}
