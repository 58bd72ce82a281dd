package model

import "fmt"

// MaxScenarios bounds the sizing scenarios of one evaluation (a workshop compares a handful).
const MaxScenarios = 50

// The draft and the sizing of an evaluation.
//
// Draft: the weights being edited and not yet saved. Its Name is the profile it started from;
// that profile may since have been deleted (saving the draft then makes a profile of that
// name), so the name need not exist — but the weights must be a valid profile of the framework.
//
// Scenarios: each is a complete, valid sizing input (Scenario.Validate) with a unique id and a
// name. GoverningScenario, when set, names one of them: the one whose channels set P. Validate
// does not require P to equal that scenario's channels — P may have been typed since (param set
// peak) — the sizing views show the difference instead.

// Scenario returns the scenario with id, or nil.
func (e *Evaluation) Scenario(id string) *Scenario {
	for i := range e.Scenarios {
		if e.Scenarios[i].ID == id {
			return &e.Scenarios[i]
		}
	}
	return nil
}

// ValidateScenario checks one scenario's id, name and inputs.
func ValidateScenario(s Scenario) error {
	if err := CheckName("scenario id", s.ID); err != nil {
		return err
	}
	if s.Name.IsEmpty() {
		return fmt.Errorf("scenario %q has an empty name", s.ID)
	}
	if err := checkTextPair("scenario "+s.ID+" name", s.Name, false, true); err != nil {
		return err
	}
	for _, f := range []struct {
		what string
		v    float64
	}{{"calls", s.Calls}, {"interval", s.IntervalS}, {"talk and hold time", s.TalkHoldS}, {"after-call work", s.ACWS},
		{"service-level seconds", s.SLSeconds}} {
		if err := CheckNumber("scenario "+s.ID+" "+f.what, f.v); err != nil {
			return err
		}
	}
	if err := s.Validate(); err != nil {
		return fmt.Errorf("scenario %q: %w", s.ID, err)
	}
	return nil
}

func (e *Evaluation) validateDraftAndSizing() error {
	if d := e.Draft; d != nil {
		if err := CheckName("draft profile name", d.Name); err != nil {
			return err
		}
		if err := d.Validate(&e.Framework); err != nil {
			return fmt.Errorf("weight draft: %w", err)
		}
	}
	if len(e.Scenarios) > MaxScenarios {
		return fmt.Errorf("%d sizing scenarios: at most %d are allowed", len(e.Scenarios), MaxScenarios)
	}
	seen := make(map[string]bool, len(e.Scenarios))
	for _, s := range e.Scenarios {
		if err := ValidateScenario(s); err != nil {
			return err
		}
		if seen[s.ID] {
			return fmt.Errorf("duplicate scenario id %q", s.ID)
		}
		seen[s.ID] = true
	}
	if g := e.GoverningScenario; g != "" && !seen[g] {
		return fmt.Errorf("governing scenario %q does not exist", g)
	}
	return nil
}

// PeakFromScenario sizes s and returns its channels as P. A scenario needing more channels than
// a parameter may hold is refused.
func PeakFromScenario(s Scenario) (float64, SizingResult, error) {
	r, err := Size(s)
	if err != nil {
		return 0, r, err
	}
	p := float64(r.Channels)
	if err := CheckParam(ParamPeak, p); err != nil {
		return 0, r, fmt.Errorf("scenario %q: %w", s.ID, err)
	}
	return p, r, nil
}
