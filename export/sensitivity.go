package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"iter"
	"strconv"

	"ccselect/internal/present"
	"ccselect/model"
)

// SensitivityReport is the JSON shape of `ccselect sensitivity --format json`. It names what
// produced it (evaluation, profile, method, consensus) so a saved file says how to reproduce it.
// The exact analyses (break-even weights, reversals, tornado) are those of the weighted sum,
// whatever the method (see model/sensitivity.go).
//
// Reversals are not held: they are computed while being written (WriteSensitivityJSON,
// WriteSensitivityTable) or iterated (EachReversal), so 500 vendors' millions of pairs take no
// memory. Marshal the report with WriteSensitivityJSON; json.Marshal works too (MarshalJSON) but
// builds the whole text in memory.
type SensitivityReport struct {
	Evaluation string           `json:"evaluation"`
	Profile    string           `json:"profile"`
	Method     string           `json:"method"`    // model.Method.Name(): wsm or topsis
	Consensus  string           `json:"consensus"` // how reviewers were combined: mean or median
	Leader     *string          `json:"leader"`    // null when every vendor is knocked out
	Summary    model.Text       `json:"summary"`
	BreakEven  []BreakEvenEntry `json:"break_even"`
	// AllReversals: reversals lists every pair of vendors that swaps; otherwise (the default)
	// only the pairs involving the leader.
	AllReversals    bool                   `json:"all_reversals"`
	Tornado         []TornadoEntry         `json:"tornado"`
	ScoreRobustness ScoreRobustnessSection `json:"score_robustness"`
	SMAA            *SMAASection           `json:"smaa"` // null when SMAA was not run

	problem *model.Problem // for the reversals, computed on demand
}

// BreakEvenEntry is one weight: its current value and the nearest weights below and above it at
// which another vendor takes the lead (null when the leader keeps the lead to 0 or to 1).
// Criterion weights are local (the criterion's share of its dimension).
type BreakEvenEntry struct {
	Parameter string        `json:"parameter"`
	Kind      string        `json:"kind"` // "dimension" | "criterion"
	Current   float64       `json:"current"`
	Below     *LeaderChange `json:"below"`
	Above     *LeaderChange `json:"above"`
}

// LeaderChange is a break-even weight and the vendor that leads beyond it.
type LeaderChange struct {
	Weight float64 `json:"weight"`
	Leader string  `json:"leader"`
}

// ReversalEntry is a pair of ranked vendors (a ahead of b at the current weights) that swap
// places when the weight parameter passes weight. Only pairs that swap inside [0,1] are listed.
type ReversalEntry struct {
	Parameter string  `json:"parameter"`
	A         string  `json:"a"`
	B         string  `json:"b"`
	Weight    float64 `json:"weight"`
}

// TornadoEntry is the leader's margin over the runner-up with one dimension weight at ×0.5
// (low) and ×1.5 (high, capped at 1); a negative margin means the leader has lost the lead.
type TornadoEntry struct {
	Parameter string  `json:"parameter"`
	Low       float64 `json:"low"`
	High      float64 `json:"high"`
	Swing     float64 `json:"swing"`
}

// ScoreRobustnessSection lists the single consensus cells whose change alone changes the leader.
type ScoreRobustnessSection struct {
	Smallest       *CellFlipEntry  `json:"smallest"`
	WithinOnePoint []CellFlipEntry `json:"within_one_point"`
}

// CellFlipEntry is one cell: change is the signed change of its 1–5 score at which the leader
// changes (beyond it, new_leader leads).
type CellFlipEntry struct {
	Vendor    string  `json:"vendor"`
	Criterion string  `json:"criterion"`
	Score     float64 `json:"score"`
	Change    float64 `json:"change"`
	NewLeader string  `json:"new_leader"`
}

// SMAASection is the SMAA-2 part. rank_acceptability[v][r] is the share of draws in which v has
// rank r+1; central_weights lists only vendors that are ever first; confidence is null for a
// vendor that is never first (it has no central weights to test); winning[a][b] is the share of
// draws in which a's total is above b's, between the contenders only: every vendor up to
// model.SMAAWinningVendors (64), beyond that the 64 with the best rank acceptability (a vendor
// left out is first in under 1/65 of the draws; see model.SMAAResult.Contenders). sampler names the random stream
// (model.SMAASamplerVersion): the same sampler, seed and evaluation give the same numbers.
type SMAASection struct {
	Samples           int                           `json:"samples"`
	Seed              uint64                        `json:"seed"`
	Sampler           string                        `json:"sampler"`
	Level             string                        `json:"level"`
	Weights           string                        `json:"weights"`
	Uncertainty       string                        `json:"uncertainty"`
	RankAcceptability map[string][]float64          `json:"rank_acceptability"`
	CentralWeights    map[string]map[string]float64 `json:"central_weights"`
	Confidence        map[string]*float64           `json:"confidence"`
	Winning           map[string]map[string]float64 `json:"winning"`
}

// BuildSensitivityReport runs the exact analyses (break-even weights, tornado, score robustness)
// on p and packs them with an SMAA result (nil when SMAA was not run). The reversals involving
// the leader are listed; set AllReversals for every pair. p must not change while the report
// is in use: its reversals are computed from it when written.
func BuildSensitivityReport(p *model.Problem, smaa *model.SMAAResult) SensitivityReport {
	e := p.Eval
	id := func(v int) string { return e.Vendors[v].ID }
	be := model.LeaderReport(p)
	r := SensitivityReport{Evaluation: e.Name, Profile: p.Profile, Method: p.Method.Name(), Consensus: string(p.Rule),
		Summary: present.Robustness(p, be, smaa), BreakEven: []BreakEvenEntry{}, Tornado: []TornadoEntry{},
		ScoreRobustness: ScoreRobustnessSection{WithinOnePoint: []CellFlipEntry{}}, problem: p}
	if len(e.Vendors) == 0 {
		// The engine's summary can only say that nobody passes the knock-outs; a new
		// evaluation has simply no vendors yet.
		r.Summary = sensLabels["no_vendors"]
	}
	if be.Leader >= 0 {
		l := id(be.Leader)
		r.Leader = &l
	}
	change := func(c *model.LeaderChange) *LeaderChange {
		if c == nil {
			return nil
		}
		return &LeaderChange{Weight: round(c.Weight), Leader: c.ID}
	}
	for _, b := range be.BreakEvens {
		r.BreakEven = append(r.BreakEven, BreakEvenEntry{Parameter: b.Param.ID, Kind: string(b.Param.Kind),
			Current: round(b.Param.Current), Below: change(b.Below), Above: change(b.Above)})
	}
	for _, bar := range model.Tornado(p).Bars {
		r.Tornado = append(r.Tornado, TornadoEntry{Parameter: bar.Param.ID, Low: round(bar.Low), High: round(bar.High), Swing: round(bar.Swing)})
	}
	flip := func(f model.CellFlip) CellFlipEntry {
		return CellFlipEntry{Vendor: id(f.Vendor), Criterion: e.Framework.Criteria[f.Criterion].ID,
			Score: round(f.Score), Change: round(f.Delta), NewLeader: id(f.NewLeader)}
	}
	sr := model.ScoreRobustness(p)
	if sr.Smallest != nil {
		f := flip(*sr.Smallest)
		r.ScoreRobustness.Smallest = &f
	}
	for _, f := range sr.WithinOnePoint {
		r.ScoreRobustness.WithinOnePoint = append(r.ScoreRobustness.WithinOnePoint, flip(f))
	}
	if smaa != nil {
		r.SMAA = buildSMAASection(smaa)
	}
	return r
}

// EachReversal yields the reversals the report lists (see AllReversals), computed one at a time.
func (r SensitivityReport) EachReversal() iter.Seq[ReversalEntry] {
	return func(yield func(ReversalEntry) bool) {
		if r.problem == nil || r.Leader == nil {
			return
		}
		vs := r.problem.Eval.Vendors
		for rev := range model.Reversals(r.problem, r.AllReversals) {
			if !yield(ReversalEntry{Parameter: rev.Param.ID, A: vs[rev.A].ID, B: vs[rev.B].ID, Weight: round(rev.Weight)}) {
				return
			}
		}
	}
}

func buildSMAASection(s *model.SMAAResult) *SMAASection {
	sec := &SMAASection{Samples: s.Samples, Seed: s.Seed, Sampler: model.SMAASamplerVersion, Level: s.Level.String(),
		Weights: s.Weights.String(), Uncertainty: s.Uncertainty.String(), RankAcceptability: map[string][]float64{},
		CentralWeights: map[string]map[string]float64{}, Confidence: map[string]*float64{},
		Winning: map[string]map[string]float64{}}
	if s.Weights == model.WeightsAround {
		sec.Weights = "around:" + strconv.FormatFloat(s.AroundPct, 'f', -1, 64)
	}
	for i, v := range s.IDs {
		row := make([]float64, len(s.Acceptability[i]))
		for r, b := range s.Acceptability[i] {
			row[r] = round(b)
		}
		sec.RankAcceptability[v] = row
		sec.Confidence[v] = nil // never first: no central weights, so no confidence to measure
		if cw := s.CentralWeights[i]; cw != nil {
			m := map[string]float64{}
			for j, p := range s.Params {
				m[p] = round(cw[j])
			}
			sec.CentralWeights[v] = m
			c := round(s.Confidence[i])
			sec.Confidence[v] = &c
		}
		if !s.HasWinning(i) {
			continue
		}
		win := map[string]float64{}
		for k, other := range s.IDs {
			if k != i && s.HasWinning(k) {
				win[other] = round(s.Winning[i][k])
			}
		}
		sec.Winning[v] = win
	}
	return sec
}

// WriteSensitivityJSON prints the report as one indented JSON object, the reversals streamed
// as they are computed.
func WriteSensitivityJSON(w io.Writer, r SensitivityReport) error {
	bw := bufio.NewWriter(w)
	jw := &jsonWriter{w: bw}
	jw.raw("{")
	fields := []struct {
		key string
		v   any
	}{
		{"evaluation", r.Evaluation}, {"profile", r.Profile}, {"method", r.Method}, {"consensus", r.Consensus},
		{"leader", r.Leader}, {"summary", r.Summary}, {"break_even", r.BreakEven}, {"all_reversals", r.AllReversals},
	}
	for i, f := range fields {
		jw.field(i > 0, f.key, f.v)
	}
	jw.raw(",\n  \"reversals\": [")
	n := 0
	for rev := range r.EachReversal() {
		if jw.err != nil {
			return jw.err // a closed pipe: stop computing
		}
		if n > 0 {
			jw.raw(",")
		}
		jw.raw("\n    ")
		jw.value(rev, "    ")
		n++
	}
	if n > 0 {
		jw.raw("\n  ")
	}
	jw.raw("]")
	jw.field(true, "tornado", r.Tornado)
	jw.field(true, "score_robustness", r.ScoreRobustness)
	jw.field(true, "smaa", r.SMAA)
	jw.raw("\n}\n")
	if jw.err != nil {
		return jw.err
	}
	return bw.Flush()
}

// MarshalJSON lets json.Marshal write the report (with its reversals) too.
func (r SensitivityReport) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	err := WriteSensitivityJSON(&b, r)
	return b.Bytes(), err
}

// jsonWriter writes an indented JSON object field by field, as writeJSON would indent it, and
// keeps the first error.
type jsonWriter struct {
	w   io.Writer
	err error
	buf bytes.Buffer  // reused for every value: a reversal costs no new buffer
	enc *json.Encoder // writes into buf
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = io.WriteString(j.w, s)
	}
}

func (j *jsonWriter) field(comma bool, key string, v any) {
	if comma {
		j.raw(",")
	}
	j.raw("\n  " + strconv.Quote(key) + ": ") // keys are fixed ASCII words
	j.value(v, "  ")
}

// value writes v indented for a place prefix deep, with CJK and "&" as they are.
func (j *jsonWriter) value(v any, prefix string) {
	if j.err != nil {
		return
	}
	if j.enc == nil {
		j.enc = json.NewEncoder(&j.buf)
		j.enc.SetEscapeHTML(false)
	}
	j.buf.Reset()
	j.enc.SetIndent(prefix, "  ")
	if j.err = j.enc.Encode(v); j.err == nil {
		_, j.err = j.w.Write(bytes.TrimSuffix(j.buf.Bytes(), []byte("\n")))
	}
}
