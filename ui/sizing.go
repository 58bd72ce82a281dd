package ui

import (
	"maps"
	"math"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"ccselect/internal/present"
	"ccselect/model"
)

// tabSizing is the sizing tab (issue 12). Its value sits apart from tabs.go's iota so the
// registry's other tabs can be added without renumbering this one.
const tabSizing tabKind = 40

// sizingDef is the registry entry: a tools tab with the live ranking strip under it, because
// making a scenario govern P moves the ranking ("who still wins at campaign peak?").
var sizingDef = tabDef{kind: tabSizing, tools: true, label: fixedLabel("tab.sizing", "tab.sizing.tiny"),
	newPane: func(r *Root) pane { return newSizingPane(&r.e, &r.keys, r.wb) }, strip: true,
	spare: []string{"P"}} // P, the peak it sizes, once the digits are taken

func newSizingPane(e *env, keys *keyMap, wb *workbench) *sizingPane {
	return &sizingPane{e: e, keys: keys, wb: wb}
}

// sizingPane is the Sizing tab: the evaluation's named peak scenarios, the inputs and Erlang
// results of the focused one side by side, and the vendors' committed channels as multiples of
// P now and of the channels the focused scenario needs. One scenario may govern P: p makes the
// focused one do so (one audited edit), and every value function and knock-out relative to P
// follows on the keystroke.
type sizingPane struct {
	e    *env
	keys *keyMap
	wb   *workbench
	list listCursor

	// what-if of the focused scenario: the ranks if it governed P, computed once per data
	// revision and scenario (a compile of the problem, cheap but not free per frame).
	whatRev  int
	whatKey  string
	whatRank []int // vendor index → rank (0 = excluded); nil when it could not be computed

	// sizes memoises model.Size by the scenario's value (a frame sizes each scenario up to
	// three times: the list, the inputs and results, the P line).
	sizes map[model.Scenario]sized
}

type sized struct {
	r   model.SizingResult
	err error
}

// size is model.Size(sc), memoised.
func (p *sizingPane) size(sc model.Scenario) (model.SizingResult, error) {
	if z, ok := p.sizes[sc]; ok {
		return z.r, z.err
	}
	if p.sizes == nil || len(p.sizes) > 4*model.MaxScenarios {
		p.sizes = map[model.Scenario]sized{}
	}
	r, err := model.Size(sc)
	p.sizes[sc] = sized{r, err}
	return r, err
}

// focused is the index of the scenario under the cursor, or −1.
func (p *sizingPane) focused() int {
	n := len(p.wb.ev.Scenarios)
	if n == 0 {
		return -1
	}
	return min(max(p.list.cur, 0), n-1)
}

func (p *sizingPane) Update(msg tea.Msg) tea.Cmd {
	n := len(p.wb.ev.Scenarios)
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, p.keys.Govern):
			if i := p.focused(); i >= 0 {
				return p.govern(i)
			}
			return nil
		case key.Matches(k, p.keys.RenameItem):
			if i := p.focused(); i >= 0 {
				p.renameForm(i)
			}
			return nil
		}
	}
	if m, ok := msg.(paneMouse); ok {
		// The scenario list starts on the pane's third row (after the P line and its head).
		p.list.mouse(m, 2, max(n, 1), n)
		return nil
	}
	p.list.update(p.keys, msg, n, max(n, 1), p.form, p.confirmDelete)
	return nil
}

// peak is P now, and whether it is set.
func (p *sizingPane) peak() (float64, bool) { return p.wb.ev.Param(model.ParamPeak) }

// applyLocal puts sc into the loaded evaluation (replacing its id or appending) and, when it
// governs, P to its channels, then re-ranks: the screen moves before the store confirms, like
// a score edit. The reload after the write shows what the database holds.
func (p *sizingPane) applyLocal(sc model.Scenario, governing bool, peak float64) {
	ev := p.wb.ev
	if old := ev.Scenario(sc.ID); old != nil {
		*old = sc
	} else {
		ev.Scenarios = append(ev.Scenarios, sc)
	}
	if governing {
		p.setPeakLocal(sc.ID, peak)
	}
}

func (p *sizingPane) setPeakLocal(scID string, peak float64) {
	ev := p.wb.ev
	ev.GoverningScenario = scID
	if scID == "" {
		return
	}
	params := maps.Clone(ev.Params)
	if params == nil {
		params = map[string]float64{}
	}
	params[model.ParamPeak] = peak
	ev.Params = params
	p.wb.remember()
	prev := p.wb.prevRank
	if err := p.wb.load(ev, p.e.actor); err == nil {
		p.wb.prevRank = prev // load keeps the lookups; the arrows show what P moved
	}
}

// govern makes scenario i set P (or, pressed on the governing one, clears the mark: P stays
// as it is and counts as typed by hand).
func (p *sizingPane) govern(i int) tea.Cmd {
	t := p.e.t
	ev := p.wb.ev
	sc := ev.Scenarios[i]
	id, actor := p.wb.id, p.e.actor
	if ev.GoverningScenario == sc.ID {
		ev.GoverningScenario = ""
		peak, _ := p.peak()
		p.e.status(statusOK, t.f("sizing.ungoverned", num(peak)))
		return p.e.write(t.f("sizing.whatgovern", sc.Name.In(t.lang)), nil, true, func(s Store) error {
			_, err := s.SetGoverningScenario(id, "", actor)
			return err
		})
	}
	peak, _, err := model.PeakFromScenario(sc)
	if err != nil {
		p.e.status(statusErr, sizingErrText(t, err))
		return nil
	}
	old, _ := p.peak()
	p.setPeakLocal(sc.ID, peak)
	p.e.status(statusOK, t.f("sizing.governed", sc.Name.In(t.lang), num(old), num(peak)))
	return p.e.write(t.f("sizing.whatgovern", sc.Name.In(t.lang)), nil, true, func(s Store) error {
		_, err := s.SetGoverningScenario(id, sc.ID, actor)
		return err
	})
}

// sizingErrText is a sizing refusal in the interface language.
func sizingErrText(t tr, err error) string {
	if s, ok := present.ModelError(err, t.lang); ok {
		return s
	}
	return err.Error()
}

func (p *sizingPane) confirmDelete(i int) {
	sc := p.wb.ev.Scenarios[i]
	id, actor := p.wb.id, p.e.actor
	p.e.open(&confirmDialog{e: p.e, keys: p.keys,
		text: func(t tr) (string, string) {
			body := t.f("sizing.deletebody", sc.Name.In(t.lang))
			if p.wb.ev.GoverningScenario == sc.ID {
				body += " " + t.s("sizing.deletegoverning")
			}
			return t.s("sizing.deletetitle"), body
		},
		yes: func() tea.Cmd {
			t := p.e.t
			return p.e.write(t.f("sizing.whatdelete", sc.Name.In(t.lang)), nil, true,
				func(s Store) error { return s.DeleteScenario(id, sc.ID, actor) })
		}})
}

// ---- view ----

func (p *sizingPane) View(w, h int) string {
	st, t := p.e.styles, p.e.t
	ev := p.wb.ev
	if len(ev.Scenarios) == 0 {
		return emptyState(st, w, h, t.s("sizing.empty"), t.s("sizing.about"))
	}
	lines := []string{" " + p.peakLine(w-2)}
	i := p.focused()
	sc := ev.Scenarios[i]
	res, err := p.size(sc)
	leftW := min(max(w/2, 30), w)
	rightW := w - leftW
	left := p.listLines(leftW)
	left = append(left, "")
	left = append(left, p.inputLines(sc, leftW)...)
	var right []string
	if rightW >= 20 {
		right = p.resultLines(sc, res, err, rightW)
		right = append(right, "")
		right = append(right, p.vendorLines(sc, res, err, rightW)...)
	} else {
		left = append(left, "")
		left = append(left, p.resultLines(sc, res, err, leftW)...)
	}
	rows := max(len(left), len(right))
	body := joinColumns(block(left, leftW, rows), block(right, rightW, rows))
	lines = append(lines, strings.Split(body, "\n")...)
	return block(lines, w, h)
}

// peakLine says what P is and which scenario governs it.
func (p *sizingPane) peakLine(w int) string {
	st, t := p.e.styles, p.e.t
	ev := p.wb.ev
	peak, ok := p.peak()
	pv := "–"
	if ok {
		pv = num(peak)
	}
	gov := ev.Scenario(ev.GoverningScenario)
	if gov == nil {
		return st.Bold.Render(truncate(t.f("sizing.ptyped", pv), w))
	}
	s := t.f("sizing.pset", pv, gov.Name.In(t.lang))
	if r, err := p.size(*gov); err == nil && float64(r.Channels) != peak {
		s += " · " + t.f("sizing.pdiffers", r.Channels) // P typed since (param set peak)
	}
	return st.Bold.Render(truncate(s, w))
}

func (p *sizingPane) listLines(w int) []string {
	st, t := p.e.styles, p.e.t
	ev := p.wb.ev
	const numW = 7
	nameW := max(w-2-2-numW-1, 4)
	lines := []string{st.TableHead.Render(" " + fit(t.s("sizing.scenarios"), w-2-numW) + fitRight(t.s("sizing.channelscol"), numW))}
	return p.list.render(st, lines, len(ev.Scenarios), len(ev.Scenarios), func(i int) (string, string) {
		sc := &ev.Scenarios[i]
		mark := "  "
		if sc.ID == ev.GoverningScenario {
			mark = "✓ "
		}
		ch := "–"
		if r, err := p.size(*sc); err == nil {
			ch = strconv.Itoa(r.Channels)
		}
		return mark + fit(sc.Name.In(t.lang), nameW), " " + fitRight(ch, numW)
	})
}

// row is a label and a value, the value right-aligned in the column.
func row(st *Styles, label, value string, w int) string {
	vw := min(width(value), max(w-4, 1))
	return " " + st.Faint.Render(fit(label, max(w-2-vw-1, 1))) + " " + truncate(value, vw)
}

func (p *sizingPane) inputLines(sc model.Scenario, w int) []string {
	st, t := p.e.styles, p.e.t
	blocking := sc.Blocking
	if blocking == 0 {
		blocking = model.DefaultBlocking
	}
	return []string{
		st.TableHead.Render(fit(" "+t.f("sizing.inputs", sc.Name.In(t.lang)), w)),
		row(st, t.s("sizing.calls"), num(sc.Calls), w),
		row(st, t.s("sizing.interval"), t.f("sizing.minutes", num(sc.IntervalS/60)), w),
		row(st, t.s("sizing.talkhold"), t.f("sizing.seconds", num(sc.TalkHoldS)), w),
		row(st, t.s("sizing.acw"), t.f("sizing.seconds", num(sc.ACWS)), w),
		row(st, t.s("sizing.sl"), t.f("sizing.slvalue", pct(sc.SLTarget), num(sc.SLSeconds)), w),
		row(st, t.s("sizing.blocking"), pctFine(blocking), w),
		row(st, t.s("sizing.shrinkage"), pct(sc.Shrinkage), w),
	}
}

// pctFine prints a small fraction as a percentage with up to two decimals (0.5%, 1%, 0.25%).
func pctFine(f float64) string {
	return strconv.FormatFloat(math.Round(f*10000)/100, 'f', -1, 64) + "%"
}

func (p *sizingPane) resultLines(sc model.Scenario, r model.SizingResult, err error, w int) []string {
	st, t := p.e.styles, p.e.t
	lines := []string{st.TableHead.Render(fit(" "+t.s("sizing.results"), w))}
	if err != nil {
		for _, l := range wrap(sizingErrText(t, err), w-2) {
			lines = append(lines, " "+st.Err.Render(l))
		}
		return lines
	}
	q := r.Queue
	return append(lines,
		row(st, t.s("sizing.traffic"), t.f("sizing.erlangs", strconv.FormatFloat(r.Traffic, 'f', 1, 64)), w),
		row(st, t.s("sizing.channels"), t.f("sizing.channelsvalue", r.Channels, pctFine(r.BlockingAtChannels)), w),
		row(st, t.s("sizing.agents"), t.f("sizing.agentsvalue", r.Agents, q.Agents), w),
		row(st, t.s("sizing.slresult"), t.f("sizing.slresultvalue", pct(q.ServiceLevel), pct(q.PWait)), w),
		row(st, t.s("sizing.asa"), t.f("sizing.secondsf", strconv.FormatFloat(q.ASA, 'f', 1, 64)), w),
		row(st, t.s("sizing.occupancy"), pct(q.Occupancy), w),
		row(st, t.s("sizing.trunks"), strconv.Itoa(r.Trunks), w),
	)
}

// peakCriteria are the criteria whose anchors are multiples of P (the committed channels).
func peakCriteria(ev *model.Evaluation) []int {
	var out []int
	for c, cr := range ev.Framework.Criteria {
		if cr.AnchorParam == model.ParamPeak {
			out = append(out, c)
		}
	}
	return out
}

// vendorLines: each vendor's committed channels (consensus of the first criterion relative to
// P), as a multiple of P now and of this scenario's channels, and its rank now → its rank if
// this scenario governed P.
func (p *sizingPane) vendorLines(sc model.Scenario, r model.SizingResult, err error, w int) []string {
	st, t := p.e.styles, p.e.t
	ev := p.wb.ev
	crits := peakCriteria(ev)
	if len(crits) == 0 || len(ev.Vendors) == 0 {
		return []string{st.Faint.Render(fit(" "+t.s("sizing.novendors"), w))}
	}
	c := crits[0]
	peak, _ := p.peak()
	const chW, mW, rkW = 6, 7, 5
	nameW := max(w-1-chW-2*mW-rkW, 4)
	lines := []string{
		st.TableHead.Render(" " + fit(t.s("sizing.committed"), nameW) + fitRight(t.s("sizing.chcol"), chW) +
			fitRight(t.s("sizing.xpnow"), mW) + fitRight(t.s("sizing.xpthis"), mW) + fitRight(t.s("sizing.rankcol"), rkW)),
	}
	ranks := p.whatIf(sc, r, err)
	for v := range ev.Vendors {
		raw := p.wb.prob.Consensus(v, c)
		ch, now, this := "–", "–", "–"
		if !math.IsNaN(raw) {
			ch = short(raw)
			if peak > 0 {
				now = strconv.FormatFloat(raw/peak, 'f', 2, 64) + "×"
			}
			if err == nil && r.Channels > 0 {
				this = strconv.FormatFloat(raw/float64(r.Channels), 'f', 2, 64) + "×"
			}
		}
		rank := rankText(p.wb.rankNow[v])
		if ranks != nil {
			rank += "→" + rankText(ranks[v])
		}
		lines = append(lines, " "+fit(ev.Vendors[v].Name.In(t.lang), nameW)+fitRight(ch, chW)+fitRight(now, mW)+
			fitRight(this, mW)+fitRight(rank, rkW))
	}
	return lines
}

func rankText(r int) string {
	if r == 0 {
		return "✗"
	}
	return strconv.Itoa(r)
}

// whatIf ranks the vendors as if sc governed P (nil when it cannot be computed).
func (p *sizingPane) whatIf(sc model.Scenario, r model.SizingResult, err error) []int {
	if err != nil {
		return nil
	}
	k := sc.ID + "\x00" + strconv.Itoa(r.Channels)
	if p.whatRev == p.wb.rev && p.whatKey == k && p.whatRank != nil {
		return p.whatRank
	}
	ev := *p.wb.ev
	ev.Params = maps.Clone(ev.Params)
	if ev.Params == nil {
		ev.Params = map[string]float64{}
	}
	ev.Params[model.ParamPeak] = float64(r.Channels)
	prob, perr := model.NewProblem(&ev, "", model.ConsensusMean, model.WSM{})
	if perr != nil {
		return nil
	}
	res := prob.Rank()
	ranks := make([]int, len(ev.Vendors))
	for _, l := range res.Vendors {
		ranks[l.Vendor] = l.Rank
	}
	p.whatRev, p.whatKey, p.whatRank = p.wb.rev, k, ranks
	return ranks
}

func (p *sizingPane) ShortHelp() []key.Binding {
	k := p.keys
	if len(p.wb.ev.Scenarios) == 0 {
		return []key.Binding{k.Add, k.Undo, k.NextTab, k.Help, k.Quit}
	}
	return []key.Binding{k.Govern, k.EditItem, k.Add, k.RenameItem, k.DeleteItem, k.Undo, k.NextTab, k.Help, k.Quit}
}

func (p *sizingPane) FullHelp() [][]key.Binding {
	k := p.keys
	return [][]key.Binding{{k.Up, k.Down}, {k.Govern, k.EditItem, k.Add, k.RenameItem, k.DeleteItem}}
}
