package model

import "math"

// Scenario is one named peak the required concurrency P is sized from: the calls of the busiest
// interval and how long each holds a channel and an agent. Times are in seconds so the stored
// JSON needs no duration parsing.
type Scenario struct {
	ID        string  `json:"id"`
	Name      Text    `json:"name"`
	Calls     float64 `json:"calls"`       // calls offered in the busiest interval
	IntervalS float64 `json:"interval_s"`  // its length: 900, 1800 or 3600 in the form (any > 0 accepted)
	TalkHoldS float64 `json:"talk_hold_s"` // average talk + hold: the time a call holds a channel
	ACWS      float64 `json:"acw_s"`       // after-call work: agent time only, no channel
	SLTarget  float64 `json:"sl_target"`   // e.g. 0.8 ...
	SLSeconds float64 `json:"sl_seconds"`  // ... answered within 20 s
	Blocking  float64 `json:"blocking"`    // channel blocking target; 0 means DefaultBlocking
	Shrinkage float64 `json:"shrinkage"`   // fraction of paid agent time not on the phones, [0,1)
}

// DefaultBlocking is the usual grade of service for trunk groups: 1 call in 100 blocked.
const DefaultBlocking = 0.01

// StandardIntervals are the interval lengths, in minutes, the sizing form offers.
var StandardIntervals = []int{15, 30, 60}

// SizingResult is what a scenario requires. Channels is P, the catalog's required peak of
// simultaneous connected calls: Erlang B on the talk + hold traffic at the blocking target.
type SizingResult struct {
	Traffic            float64 `json:"traffic_erlangs"` // talk + hold Erlangs (channel load)
	Channels           int     `json:"channels"`
	BlockingAtChannels float64 `json:"blocking_at_channels"`
	Workload           float64 `json:"workload_erlangs"` // talk + hold + ACW Erlangs (agent load)
	// Queue is the Erlang C figure at the agents on the phones (before shrinkage).
	Queue Queue `json:"queue"`
	// Agents is the rostered head count: Queue.Agents / (1 − shrinkage), rounded up.
	Agents int `json:"agents"`
	// TrunkTraffic and Trunks count queued calls too: calls × (talk + hold + ASA) ÷ interval,
	// Erlang B at the blocking target. A vendor whose channel count includes queued and IVR legs
	// must offer Trunks, not Channels.
	TrunkTraffic float64 `json:"trunk_traffic_erlangs"`
	Trunks       int     `json:"trunks"`
}

// Validate checks every input of the scenario, without sizing it.
func (s Scenario) Validate() error {
	if err := checkPositive("calls", s.Calls); err != nil {
		return err
	}
	if err := checkPositive("interval", s.IntervalS); err != nil {
		return err
	}
	if err := checkPositive("talk_hold", s.TalkHoldS); err != nil {
		return err
	}
	if math.IsNaN(s.ACWS) || math.IsInf(s.ACWS, 0) || s.ACWS < 0 {
		return sizingErr("acw", s.ACWS, SizingReasonNonNeg)
	}
	if err := checkFraction("sl_target", s.SLTarget); err != nil {
		return err
	}
	if math.IsNaN(s.SLSeconds) || math.IsInf(s.SLSeconds, 0) || s.SLSeconds < 0 {
		return sizingErr("sl_seconds", s.SLSeconds, SizingReasonNonNeg)
	}
	if s.Blocking != 0 {
		if err := checkFraction("blocking", s.Blocking); err != nil {
			return err
		}
	}
	if math.IsNaN(s.Shrinkage) || s.Shrinkage < 0 || s.Shrinkage >= 1 {
		return sizingErr("shrinkage", s.Shrinkage, SizingReasonShrinkage)
	}
	_, err := Traffic(s.Calls, s.TalkHoldS+s.ACWS, s.IntervalS)
	return err
}

// Size computes a scenario's channels (P), agents, queue figures and trunks.
func Size(s Scenario) (SizingResult, error) {
	var r SizingResult
	if err := s.Validate(); err != nil {
		return r, err
	}
	blocking := s.Blocking
	if blocking == 0 {
		blocking = DefaultBlocking
	}
	r.Traffic = s.Calls * s.TalkHoldS / s.IntervalS
	var err error
	if r.Channels, r.BlockingAtChannels, err = ChannelsFor(r.Traffic, blocking); err != nil {
		return r, err
	}
	aht := s.TalkHoldS + s.ACWS
	r.Workload = s.Calls * aht / s.IntervalS
	if r.Queue, err = AgentsFor(r.Workload, aht, s.SLTarget, s.SLSeconds); err != nil {
		return r, err
	}
	// The small epsilon keeps 50 / (1 − 0.5) = 100 from rounding up to 101 on float noise.
	r.Agents = int(math.Ceil(float64(r.Queue.Agents)/(1-s.Shrinkage) - 1e-9))
	r.TrunkTraffic = s.Calls * (s.TalkHoldS + r.Queue.ASA) / s.IntervalS
	if r.Trunks, _, err = ChannelsFor(min(r.TrunkTraffic, MaxErlangs), blocking); err != nil {
		return r, err
	}
	return r, nil
}

// DefaultScenarios are the two peaks every evaluation starts with. Their figures are
// placeholders of plausible size for a mid-sized e-commerce service desk (a normal day's busiest
// half hour, and a campaign's at six times the calls with longer calls), to be replaced by the
// client's own volumes; the campaign peak lands near the sample's P of 1,000.
func DefaultScenarios() []Scenario {
	return []Scenario{
		{ID: "daily_peak", Name: Text{Zh: "日常高峰", En: "Daily peak"},
			Calls: 1500, IntervalS: 1800, TalkHoldS: 180, ACWS: 30,
			SLTarget: 0.8, SLSeconds: 20, Blocking: DefaultBlocking},
		{ID: "campaign_peak", Name: Text{Zh: "大促/活动高峰", En: "Campaign peak"},
			Calls: 9000, IntervalS: 1800, TalkHoldS: 200, ACWS: 30,
			SLTarget: 0.8, SLSeconds: 20, Blocking: DefaultBlocking},
	}
}
