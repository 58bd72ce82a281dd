package model

import (
	"fmt"
	"math"
)

// Erlang traffic formulas (Erlang 1917; the forms below are the textbook ones, e.g. ITU-T
// "Teletraffic Engineering Handbook", Iversen, ch. 4 and 9). Everything is computed by
// recursion on the number of servers — no factorials or powers — so it stays exact and finite
// for offered traffic of tens of thousands of Erlangs.

// MaxErlangs is the largest offered traffic the sizing accepts. The formulas work beyond it,
// but a busiest interval above 20,000 Erlangs is a typo, not a call centre.
const MaxErlangs = 20000

// SizingError is a refused sizing input. Field names the input (calls, interval, aht, ...),
// Value what was given; Message renders it in either language.
type SizingError struct {
	Field  string
	Value  float64
	Reason string // fixed English reason, also the key of its Chinese text
}

func (e *SizingError) Error() string {
	return fmt.Sprintf("sizing: %s %g: %s", e.Field, e.Value, e.Reason)
}

const (
	SizingReasonPositive    = "must be greater than 0"
	SizingReasonNonNeg      = "must not be negative"
	SizingReasonFraction    = "must be strictly between 0 and 1"
	SizingReasonShrinkage   = "must be at least 0 and below 1"
	SizingReasonNotNumber   = "is not a number"
	SizingReasonUnreachable = "target cannot be met within the supported size"
)

var SizingReasonTooLarge = fmt.Sprintf("exceeds the %d Erlang limit", MaxErlangs)

func sizingErr(field string, v float64, reason string) error {
	return &SizingError{Field: field, Value: v, Reason: reason}
}

func checkPositive(field string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return sizingErr(field, v, SizingReasonNotNumber)
	}
	if v <= 0 {
		return sizingErr(field, v, SizingReasonPositive)
	}
	return nil
}

func checkFraction(field string, v float64) error {
	if math.IsNaN(v) || v <= 0 || v >= 1 {
		return sizingErr(field, v, SizingReasonFraction)
	}
	return nil
}

func checkTraffic(a float64) error {
	if err := checkPositive("traffic", a); err != nil {
		return err
	}
	if a > MaxErlangs {
		return sizingErr("traffic", a, SizingReasonTooLarge)
	}
	return nil
}

// Traffic is the offered load in Erlangs: calls × holding time ÷ interval (both in seconds).
func Traffic(calls, holdingS, intervalS float64) (float64, error) {
	if err := checkPositive("calls", calls); err != nil {
		return 0, err
	}
	if err := checkPositive("aht", holdingS); err != nil {
		return 0, err
	}
	if err := checkPositive("interval", intervalS); err != nil {
		return 0, err
	}
	a := calls * holdingS / intervalS
	return a, checkTraffic(a)
}

// erlangBStep advances the Erlang B recursion from k−1 to k servers:
// B(k) = A·B(k−1) / (k + A·B(k−1)). Every term lies in (0, 1], so nothing overflows.
func erlangBStep(b, a float64, k int) float64 {
	ab := a * b
	return ab / (float64(k) + ab)
}

// ErlangB is the blocking probability of n channels offered a Erlangs (B(0) = 1).
func ErlangB(n int, a float64) (float64, error) {
	if err := checkTraffic(a); err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, sizingErr("channels", float64(n), SizingReasonNonNeg)
	}
	return erlangB(n, a), nil
}

// erlangB runs the recursion in its reciprocal form, 1/B(k) = 1 + (k/A)·1/B(k−1) — the same
// recursion, B(k) = A·B(k−1)/(k + A·B(k−1)), divided through — because a multiply-add per
// step is several times faster than a division, and at 20,000 Erlangs there are 20,000 steps.
// All terms are positive, so it is as stable as the direct form; far past A the reciprocal can
// overflow to +Inf, which is B = 0 to double precision.
func erlangB(n int, a float64) float64 {
	x, inv, kf := 1.0, 1/a, 0.0
	for k := 1; k <= n; k++ {
		kf++
		x = 1 + kf*inv*x
	}
	return 1 / x
}

// ChannelsFor is the smallest number of channels whose blocking at a Erlangs is at most
// target, and the blocking it achieves.
func ChannelsFor(a, target float64) (int, float64, error) {
	if err := checkTraffic(a); err != nil {
		return 0, 0, err
	}
	if err := checkFraction("blocking", target); err != nil {
		return 0, 0, err
	}
	// B(n, A) falls below any target in (0,1) before n = A + 50·√A + 50 for A ≤ 20,000
	// (blocking decays like a Gaussian tail past A); the bound only guards the loop.
	limit := int(a+50*math.Sqrt(a)) + 50
	x, inv, kf, want := 1.0, 1/a, 0.0, 1/target // x = 1/B(n); B ≤ target ⇔ x ≥ 1/target
	for n := 1; n <= limit; n++ {
		kf++
		x = 1 + kf*inv*x
		if x >= want {
			return n, 1 / x, nil
		}
	}
	return 0, 0, sizingErr("blocking", target, SizingReasonUnreachable)
}

// Queue is the Erlang C picture of n agents answering a Erlangs of calls of average handle
// time AHT seconds, with a service-level threshold of T seconds.
type Queue struct {
	Agents       int     `json:"agents"`
	PWait        float64 `json:"p_wait"`        // probability a call waits at all
	ServiceLevel float64 `json:"service_level"` // fraction answered within T
	ASA          float64 `json:"asa_s"`         // average speed of answer over all calls, seconds
	Occupancy    float64 `json:"occupancy"`     // A / n, capped at 1
}

// erlangCFromB gives P(wait) = n·B / (n − A·(1 − B)) from the Erlang B value of the same n;
// with n ≤ A the queue never empties and every call waits.
func queueFromB(n int, a, b, aht, t float64) Queue {
	q := Queue{Agents: n, PWait: 1, Occupancy: 1}
	if n > 0 {
		q.Occupancy = min(a/float64(n), 1)
	}
	fn := float64(n)
	if fn <= a {
		q.ASA = math.Inf(1)
		return q
	}
	q.PWait = fn * b / (fn - a*(1-b))
	q.ServiceLevel = 1 - q.PWait*math.Exp(-(fn-a)*t/aht)
	q.ASA = q.PWait * aht / (fn - a)
	return q
}

// ErlangC evaluates n agents at a Erlangs, AHT seconds and an answer threshold of t seconds.
func ErlangC(n int, a, ahtS, tS float64) (Queue, error) {
	if err := checkTraffic(a); err != nil {
		return Queue{}, err
	}
	if err := checkPositive("aht", ahtS); err != nil {
		return Queue{}, err
	}
	if math.IsNaN(tS) || tS < 0 {
		return Queue{}, sizingErr("sl_seconds", tS, SizingReasonNonNeg)
	}
	if n < 1 {
		return Queue{}, sizingErr("agents", float64(n), SizingReasonPositive)
	}
	return queueFromB(n, a, erlangB(n, a), ahtS, tS), nil
}

// AgentsFor is the smallest number of agents that answers the fraction sl of calls within
// tS seconds at a Erlangs and AHT seconds, with its queue figures. The search starts at the
// first n above A (fewer agents never keep up) and steps up one agent at a time, advancing the
// Erlang B recursion by one step per agent instead of recomputing it from zero.
func AgentsFor(a, ahtS, sl, tS float64) (Queue, error) {
	if err := checkTraffic(a); err != nil {
		return Queue{}, err
	}
	if err := checkPositive("aht", ahtS); err != nil {
		return Queue{}, err
	}
	if err := checkFraction("sl_target", sl); err != nil {
		return Queue{}, err
	}
	if math.IsNaN(tS) || tS < 0 {
		return Queue{}, sizingErr("sl_seconds", tS, SizingReasonNonNeg)
	}
	n := int(math.Floor(a)) + 1
	b := erlangB(n, a)
	// SL(t) ≥ 1 − P(wait), and P(wait) is below 1e-6 well before A + 50·√A + 50 agents; the
	// bound only guards the loop.
	limit := n + int(50*math.Sqrt(a)) + 50
	for ; n <= limit; n++ {
		if n > int(math.Floor(a))+1 {
			b = erlangBStep(b, a, n)
		}
		q := queueFromB(n, a, b, ahtS, tS)
		if q.ServiceLevel >= sl {
			return q, nil
		}
	}
	return Queue{}, sizingErr("sl_target", sl, SizingReasonUnreachable)
}
