package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// tabKind is what a workbench tab shows.
type tabKind int

const (
	tabOverview tabKind = iota
	tabDimension
	tabSensitivity
	tabVendors
	tabReviewers
	tabWeights
)

type tab struct {
	kind tabKind
	dim  int // for tabDimension
	// direct is the tab's direct key (its first key is the one the tab row and help show);
	// without keys when it has none (see buildTabs).
	direct key.Binding
}

// tabDef is one entry of the tab registry: what the tab is called, which pane it shows and
// how the frame around it looks. The tab row, the direct keys (a tab's position as a digit,
// or its spare key past the tenth tab), the hints and help (the pane's), mouse hit-testing and
// key routing all come from the registry, so adding a pane is its own file plus one line here.
type tabDef struct {
	kind   tabKind
	perDim bool                                    // one tab per dimension of the framework
	label  func(r *Root, tb tab, tiny bool) string // the tab row's label
	// newPane makes the tab's pane for the open workbench (on first use, panes.go); pane, when
	// set, is called instead on every use, for a pane that adjusts to the tab it shows.
	newPane func(r *Root) pane
	pane    func(r *Root, tb tab) pane
	strip   bool // the live ranking strip shows under it (the tabs where edits are made)
	tools   bool // after the "│" separator (not a scoring tab)
	// spare is the tab's direct key when the ten digits are taken by the tabs before it (the
	// first is shown; the others are aliases). No pane may bind it: the registry test checks.
	spare []string
}

// tabRegistry is the tabs of the workbench, in order. It is filled in init because a pane
// function (gridFor) looks panes up through the registry itself.
var tabRegistry []tabDef

func init() { tabRegistry = tabList() }

func tabList() []tabDef {
	return []tabDef{
		{kind: tabOverview, label: fixedLabel("tab.overview", "tab.overview"), newPane: newOverviewPane},
		{kind: tabDimension, perDim: true, label: dimLabel, newPane: func(r *Root) pane { return newGridPane(&r.e, &r.keys, r.wb) }, pane: gridFor, strip: true},
		{kind: tabWeights, tools: true, label: weightsLabel, newPane: newWeightsPane, pane: weightsFor, spare: []string{"W"}},
		{kind: tabSensitivity, tools: true, label: fixedLabel("tab.sensitivity", "tab.sensitivity.tiny"), newPane: func(r *Root) pane { return newSensPane(&r.e, &r.keys, r.wb, r.smaaRun) }, spare: []string{"S"}},
		sizingDef, // sizing.go
		{kind: tabVendors, tools: true, label: fixedLabel("tab.vendors", "tab.vendors"), newPane: func(r *Root) pane { return &vendorsPane{e: &r.e, keys: &r.keys, wb: r.wb} }, strip: true, spare: []string{"V"}},
		// With five dimensions Reviewers is the eleventh tab: "@", a person, in either language
		// ("＠" is what a Chinese input method types for it).
		{kind: tabReviewers, tools: true, label: fixedLabel("tab.reviewers", "tab.reviewers"), newPane: func(r *Root) pane { return &reviewersPane{e: &r.e, keys: &r.keys, wb: r.wb} }, strip: true, spare: []string{"@", "＠"}},
	}
}

func newOverviewPane(r *Root) pane { return &overviewPane{e: &r.e, keys: &r.keys, wb: r.wb} }

func defOf(k tabKind) *tabDef {
	for i := range tabRegistry {
		if tabRegistry[i].kind == k {
			return &tabRegistry[i]
		}
	}
	panic("ui: tab kind not in the registry")
}

func fixedLabel(short, tiny string) func(*Root, tab, bool) string {
	return func(r *Root, _ tab, isTiny bool) string {
		if isTiny {
			return r.e.t.s(tiny)
		}
		return r.e.t.s(short)
	}
}

func dimLabel(r *Root, tb tab, tiny bool) string {
	if tiny {
		return dimTiny(r.e.t, r.wb.ev, tb.dim)
	}
	return dimShort(r.e.t, r.wb.ev, tb.dim)
}

// gridFor is the dimension tabs' pane: one grid, showing the tab's dimension.
func gridFor(r *Root, tb tab) pane {
	g := paneAs[*gridPane](r, tabDimension)
	g.dim = tb.dim
	return g
}

// buildTabs lists the tabs of an evaluation from the registry: Overview, one per dimension,
// then (after a separator) Weights, Sensitivity, Sizing, Vendors, Reviewers. Their direct keys
// are the digits 0–9 in tab order, then each later tab's spare key (with five dimensions:
// 0 overview, 1–5 the dimensions, 6 weights, 7 sensitivity, 8 sizing, 9 vendors, @ reviewers).
// A dimension past the ninth has no direct key (tab and the mouse reach it).
func buildTabs(nDims int) []tab {
	var tabs []tab
	add := func(d *tabDef, dim int) {
		tb := tab{kind: d.kind, dim: dim}
		if n := len(tabs); n <= 9 {
			tb.direct = key.NewBinding(key.WithKeys(strconv.Itoa(n)))
		} else if len(d.spare) > 0 {
			tb.direct = key.NewBinding(key.WithKeys(d.spare...))
		}
		tabs = append(tabs, tb)
	}
	for i := range tabRegistry {
		d := &tabRegistry[i]
		if !d.perDim {
			add(d, 0)
			continue
		}
		for dim := 0; dim < nDims; dim++ {
			add(d, dim)
		}
	}
	return tabs
}

// directKey is the key the tab row and help show for tab tb ("" when it has none).
func (tb tab) directKey() string {
	if ks := tb.direct.Keys(); len(ks) > 0 {
		return ks[0]
	}
	return ""
}

// tabByKey is the index of the tab whose direct key msg is, or −1.
func (r *Root) tabByKey(msg tea.KeyPressMsg) int {
	for i, tb := range r.tabs {
		if key.Matches(msg, tb.direct) {
			return i
		}
	}
	return -1
}

// tabsBinding describes the direct keys for the hints and help: "0-9 @ go to tab", leaving
// out those that p takes for itself (a grid's rating digits: "0 6-9 @"); p may be nil.
func (r *Root) tabsBinding(p pane) key.Binding {
	c, _ := p.(capturer)
	var keys, shown []string
	for _, tb := range r.tabs {
		k := tb.directKey()
		if k == "" || c != nil && c.Captures(tea.KeyPressMsg{Code: []rune(k)[0], Text: k}) {
			continue
		}
		keys = append(keys, tb.direct.Keys()...)
		shown = append(shown, k)
	}
	if len(keys) == 0 {
		return key.NewBinding(key.WithDisabled())
	}
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keyRuns(shown), r.e.t.s("key.tabs")))
}

// keyRuns writes keys with runs of consecutive digits as ranges: 0 1 2 3 6 7 @ → "0-3 6-7 @".
func keyRuns(keys []string) string {
	isDigit := func(k string) bool { return len(k) == 1 && k[0] >= '0' && k[0] <= '9' }
	var out []string
	for i := 0; i < len(keys); {
		j := i
		for isDigit(keys[i]) && j+1 < len(keys) && isDigit(keys[j+1]) && keys[j+1][0] == keys[j][0]+1 {
			j++
		}
		if j > i {
			out = append(out, keys[i]+"-"+keys[j])
		} else {
			out = append(out, keys[i])
		}
		i = j + 1
	}
	return strings.Join(out, " ")
}

// afterSeparator reports whether tab i is the first of the tools tabs, where the tab row
// draws its "│".
func (r *Root) afterSeparator(i int) bool {
	return i > 0 && !defOf(r.tabs[i-1].kind).tools && defOf(r.tabs[i].kind).tools
}

// tabLabels are the labels of the tabs, in the short form or, when even that does not fit,
// the tiny one ("稳定" / "Stab").
func (r *Root) tabLabels(tiny bool) []string {
	out := make([]string, len(r.tabs))
	for i, tb := range r.tabs {
		out[i] = defOf(tb.kind).label(r, tb, tiny)
	}
	return out
}

// tabSpan is the cells a tab occupies on the tab row (for drawing and for mouse clicks).
type tabSpan struct{ x0, x1 int }

// tabSpans lays the tab labels out: " label " each, a "│" between the dimensions and the
// other tabs. It falls back to tiny labels, then to truncated ones, to fit width w.
func (r *Root) tabSpans(w int) ([]string, []tabSpan) {
	for _, tiny := range []bool{false, true} {
		labels := r.tabLabels(tiny)
		spans, total := r.placeTabs(labels, 0)
		if total <= w {
			return labels, spans
		}
	}
	labels := r.tabLabels(true)
	each := max((w-2*len(labels)-2)/max(len(labels), 1), 2)
	for i := range labels {
		labels[i] = truncate(labels[i], each)
	}
	spans, _ := r.placeTabs(labels, 0)
	return labels, spans
}

func (r *Root) placeTabs(labels []string, x int) ([]tabSpan, int) {
	spans := make([]tabSpan, len(labels))
	for i, l := range labels {
		if r.afterSeparator(i) {
			x += 2 // room for the separator
		}
		w := width(l) + 2
		spans[i] = tabSpan{x, x + w}
		x += w
	}
	return spans, x
}

// tabAt returns the tab under column x, or −1.
func (r *Root) tabAt(x int) int {
	_, spans := r.tabSpans(r.w)
	for i, s := range spans {
		if x >= s.x0 && x < s.x1 {
			return i
		}
	}
	return -1
}

// renderTabs draws the tab row; the active tab is reversed in its dimension's colour.
func (r *Root) renderTabs() string {
	st := &r.styles
	labels, spans := r.tabSpans(r.w)
	var b strings.Builder
	x := 0
	for i, l := range labels {
		if pad := spans[i].x0 - x; pad > 0 {
			if r.afterSeparator(i) {
				b.WriteString(st.TabSep.Render("│") + strings.Repeat(" ", pad-1))
			} else {
				b.WriteString(strings.Repeat(" ", pad))
			}
		}
		// The direct key takes the cell's leading pad, so the row costs no more room for it.
		cell := " " + l + " "
		if k := r.tabs[i].directKey(); k != "" {
			cell = k + l + " "
		}
		if i == r.tab {
			slot := 0
			if r.tabs[i].kind == tabDimension {
				slot = r.tabs[i].dim + 1
			}
			b.WriteString(st.TabStyle(slot).Render(cell))
		} else if r.tabs[i].kind == tabDimension {
			b.WriteString(st.DimStyle(r.tabs[i].dim).Render(cell))
		} else {
			b.WriteString(st.Tab.Render(cell))
		}
		x = spans[i].x1
	}
	return padLine(b.String(), r.w)
}

// paneMsg carries the result of a pane's command back to that pane (by its registry kind),
// whichever tab has the focus when it arrives: a pane can run its own async work.
type paneMsg struct {
	to  tabKind
	msg tea.Msg
}

// toPane wraps cmd so that its message reaches the pane of kind k (a batch: each of its
// commands).
func toPane(k tabKind, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg { return paneMsg{to: k, msg: cmd()} }
}

// deliver hands a paneMsg to its pane.
func (r *Root) deliver(m paneMsg) tea.Cmd {
	if batch, ok := m.msg.(tea.BatchMsg); ok {
		cmds := make([]tea.Cmd, len(batch))
		for i, c := range batch {
			cmds[i] = toPane(m.to, c)
		}
		return tea.Batch(cmds...)
	}
	if m.msg == nil || r.screen != screenWorkbench || r.wb == nil {
		return nil
	}
	tb := tab{kind: m.to}
	if m.to == tabDimension {
		tb.dim = paneAs[*gridPane](r, tabDimension).dim
	}
	return r.paneFor(tb).Update(m.msg)
}
