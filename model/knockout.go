package model

import (
	"fmt"
	"math"
)

// Op is a comparison operator of a knock-out rule.
type Op string

const (
	OpGE Op = ">="
	OpLE Op = "<="
	OpGT Op = ">"
	OpLT Op = "<"
	OpEQ Op = "="
)

// ParseOp accepts ASCII and the mathematical symbols (≥ ≤).
func ParseOp(s string) (Op, error) {
	switch s {
	case ">=", "≥":
		return OpGE, nil
	case "<=", "≤":
		return OpLE, nil
	case ">":
		return OpGT, nil
	case "<":
		return OpLT, nil
	case "=", "==":
		return OpEQ, nil
	}
	return "", fmt.Errorf("unknown operator %q (want >=, <=, >, < or =)", s)
}

// Symbol is the operator as printed for people.
func (o Op) Symbol() string {
	switch o {
	case OpGE:
		return "≥"
	case OpLE:
		return "≤"
	}
	return string(o)
}

// koTolerance: a consensus within this of the threshold equals it. A mean of reviewers' values
// carries rounding error (three reviewers at 99.9 average 99.90000000000002), and every
// operator must read such a value as the threshold itself: ≥, ≤ and = then hold, > and < fail.
const koTolerance = 1e-9

// Holds reports whether value op threshold.
func (o Op) Holds(value, threshold float64) bool {
	switch o {
	case OpGE:
		return value >= threshold-koTolerance
	case OpLE:
		return value <= threshold+koTolerance
	case OpGT:
		return value > threshold+koTolerance
	case OpLT:
		return value < threshold-koTolerance
	case OpEQ:
		return math.Abs(value-threshold) <= koTolerance
	}
	return false
}

// KnockOut is a pass/fail gate "criterion op threshold" checked on the consensus raw value (or
// rating) before ranking. A vendor failing it is excluded from the ranking but keeps its total.
type KnockOut struct {
	Criterion string  `json:"criterion"`
	Op        Op      `json:"op"`
	Threshold float64 `json:"threshold"`
	// Param, when set, makes the threshold Threshold × that parameter (channels ≥ 1×P).
	Param string `json:"param,omitempty"`
	// Profile limits the rule to one weight profile (an industry preset); empty means all.
	Profile string `json:"profile,omitempty"`
}

// Limit is the effective threshold given the evaluation's parameters.
func (k KnockOut) Limit(params map[string]float64) float64 {
	if k.Param == "" {
		return k.Threshold
	}
	return k.Threshold * params[k.Param]
}

// AppliesTo reports whether the rule is active under the named profile.
func (k KnockOut) AppliesTo(profile string) bool { return k.Profile == "" || k.Profile == profile }

func (k KnockOut) validate(e *Evaluation, profiles map[string]bool) error {
	if _, ok := e.Framework.Criterion(k.Criterion); !ok {
		return fmt.Errorf("knock-out references unknown criterion %q", k.Criterion)
	}
	if _, err := ParseOp(string(k.Op)); err != nil {
		return fmt.Errorf("knock-out on %s: %w", k.Criterion, err)
	}
	if math.IsNaN(k.Threshold) || math.IsInf(k.Threshold, 0) {
		return fmt.Errorf("knock-out on %s: threshold must be a number", k.Criterion)
	}
	if err := CheckThreshold(k.Threshold); err != nil {
		return fmt.Errorf("knock-out on %s: %w", k.Criterion, err)
	}
	if k.Param != "" {
		if _, ok := e.Params[k.Param]; !ok {
			return fmt.Errorf("knock-out on %s needs parameter %q, which is not set", k.Criterion, k.Param)
		}
	}
	if k.Profile != "" && !profiles[k.Profile] {
		return fmt.Errorf("knock-out on %s references unknown profile %q", k.Criterion, k.Profile)
	}
	return nil
}

// Negated is the symbol of the opposite comparison, for explaining a failure ("800 < 1000").
func (o Op) Negated() string {
	switch o {
	case OpGE:
		return "<"
	case OpLE:
		return ">"
	case OpGT:
		return "≤"
	case OpLT:
		return "≥"
	}
	return "≠"
}
