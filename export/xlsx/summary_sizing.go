package xlsx

import (
	"ccselect/model"
)

// sizing is the Summary sheet's sizing block (issue 12): the required peak P and where it comes
// from. When a scenario governs P, its inputs and then its Erlang results are listed, so an
// executive sees the busy hour behind the channel counts the vendors are measured against.
// With no governing scenario it says P was typed; an evaluation without P shows nothing.
func (b *book) sizing(s *sheet) {
	st, lang, ev := b.st, b.lang, b.ev
	peak, ok := ev.Param(model.ParamPeak)
	if !ok {
		return
	}
	s.skip(1)
	s.add(s.txt(msg(lang, "sum.sizing"), st.subtitle))
	gov := ev.Scenario(ev.GoverningScenario)
	source := msg(lang, "sz.typed")
	if gov != nil {
		source = msg(lang, "sz.set_by") + gov.Name.In(lang)
	}
	// Labels go in column A like the facts above (short, so the rank column stays narrow), values
	// in B; the source runs over the empty cells to the right (a fact cell widens no column).
	s.add(s.txt(msg(lang, "sz.peak"), st.bold), num(peak, st.int0), s.txt(source, st.fact))
	if gov == nil {
		return
	}
	r, err := model.Size(*gov)
	if err != nil {
		// A stored scenario is valid (storage checks it); this is only a guard.
		s.add(s.txt(err.Error(), st.bad))
		return
	}
	blocking := gov.Blocking
	if blocking == 0 {
		blocking = model.DefaultBlocking
	}
	inputs := []struct {
		label string
		cell  any
	}{
		{"sz.calls", num(gov.Calls, st.int0)},
		{"sz.interval_min", num(gov.IntervalS/60, st.int0)},
		{"sz.talk_hold_s", num(gov.TalkHoldS, st.int0)},
		{"sz.acw_s", num(gov.ACWS, st.int0)},
		{"sz.sl_target", num(gov.SLTarget, st.pct1)},
		{"sz.sl_seconds", num(gov.SLSeconds, st.int0)},
		{"sz.blocking", num(blocking, st.pct1)},
		{"sz.shrinkage", num(gov.Shrinkage, st.pct1)},
	}
	q := r.Queue
	results := []struct {
		label string
		cell  any
	}{
		{"sz.traffic", num(r.Traffic, st.num2)},
		{"sz.channels", num(float64(r.Channels), st.int0)},
		{"sz.blocking_at", num(r.BlockingAtChannels, st.pct1)},
		{"sz.agents", num(float64(r.Agents), st.int0)},
		{"sz.service_level", num(q.ServiceLevel, st.pct1)},
		{"sz.asa_s", num(q.ASA, st.num2)},
		{"sz.occupancy", num(q.Occupancy, st.pct1)},
		{"sz.trunks", num(float64(r.Trunks), st.int0)},
	}
	s.add(s.txt(msg(lang, "sz.inputs"), st.header), s.txt("", st.header))
	for _, in := range inputs {
		s.add(s.txt(msg(lang, in.label), st.text), in.cell)
	}
	s.add(s.txt(msg(lang, "sz.results"), st.header), s.txt("", st.header))
	for _, r := range results {
		s.add(s.txt(msg(lang, r.label), st.text), r.cell)
	}
	s.add(s.txt(msg(lang, "sz.note"), st.muted))
}
