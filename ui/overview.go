package ui

import (
	"math"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// overviewPane shows who wins and why: the ranking with totals, leads and the five dimension
// contributions as one stacked bar per vendor, knock-out and incomplete badges with reasons,
// and below it the vendors × dimensions score matrix. The robustness line stays at the bottom
// whatever the scroll: who leads, how firmly, and which weight would change it.
type overviewPane struct {
	e      *env
	keys   *keyMap
	wb     *workbench
	scroll int
	lastH  int

	// The lines of the last SetSize and what they were drawn from; View reuses them while
	// nothing they depend on has changed (the score data only changes with the revision).
	lines []string
	of    overviewStamp
}

type overviewStamp struct {
	w, rev int
	styles *Styles
	look   styleLook
	lang   model.Lang
}

func (p *overviewPane) stamp(w int) overviewStamp {
	return overviewStamp{w: w, rev: p.wb.Revision(), styles: p.e.styles, look: p.e.styles.look, lang: p.e.t.lang}
}

// linesAt is overviewLines at width w, reusing the last SetSize's when still current.
func (p *overviewPane) linesAt(w int) []string {
	if p.lines != nil && p.of == p.stamp(w) {
		return p.lines
	}
	return overviewLines(p.e, p.wb, w)
}

func (p *overviewPane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, p.keys.Down):
			p.scroll++
		case key.Matches(msg, p.keys.Up):
			p.scroll--
		case key.Matches(msg, p.keys.PageDown):
			p.scroll += max(p.lastH-1, 1)
		case key.Matches(msg, p.keys.PageUp):
			p.scroll -= max(p.lastH-1, 1)
		case key.Matches(msg, p.keys.Top):
			p.scroll = 0
		case key.Matches(msg, p.keys.Bottom):
			p.scroll = math.MaxInt32
		}
	case paneMouse:
		p.scroll += 3 * msg.WheelY
	}
	p.scroll = max(p.scroll, 0)
	return nil
}

// SetSize learns the page size and clamps the scroll for a w × h pane; the root calls it after
// every Update, so View only reads.
func (p *overviewPane) SetSize(w, h int) {
	h -= len(p.robustLines(w, h))
	p.lastH = h
	p.lines, p.of = p.linesAt(w), p.stamp(w)
	p.scroll = clampOffset(p.scroll, h, len(p.lines))
}

func (p *overviewPane) View(w, h int) string {
	foot := p.robustLines(w, h)
	h -= len(foot)
	lines := p.linesAt(w)
	scroll := clampOffset(p.scroll, h, len(lines))
	body := block(lines[scroll:], w, h)
	if len(foot) == 0 {
		return body // no band: an extra "\n" would push the hint bar off the screen
	}
	return body + "\n" + block(foot, w, len(foot))
}

// robustLines is the band at the bottom: a rule and the robustness summary in up to two lines
// (three on a tall screen); nothing when there is no vendor or no room.
func (p *overviewPane) robustLines(w, h int) []string {
	if len(p.wb.ev.Vendors) == 0 || h < 8 {
		return nil
	}
	st, t := p.e.styles, p.e.t
	n := 2
	if h >= 30 {
		n = 3
	}
	out := []string{st.Rule.Render(strings.Repeat("─", w))}
	label := func(s string) string { return t.f("sens.robust", s) }
	for _, l := range fitConclusion(p.wb.Robustness().In(t.lang), label, w-2, n) {
		out = append(out, " "+l)
	}
	return out
}

func (p *overviewPane) ShortHelp() []key.Binding {
	return []key.Binding{p.keys.NextTab, p.keys.Tabs, p.keys.Reviewer, p.keys.Undo, p.keys.Lang, p.keys.Help, p.keys.Quit}
}

func (p *overviewPane) FullHelp() [][]key.Binding {
	return [][]key.Binding{{p.keys.Up, p.keys.Down, p.keys.PageUp, p.keys.PageDown, p.keys.Top, p.keys.Bottom}}
}

// overviewLines renders the whole overview (unclipped in height) at width w.
func overviewLines(e *env, wb *workbench, w int) []string {
	st, t := e.styles, e.t
	ev, res := wb.ev, wb.res
	if len(ev.Vendors) == 0 {
		return wrapLines(w, t.s("empty.vendors.overview"))
	}
	nameW := 8
	for _, v := range ev.Vendors {
		nameW = max(nameW, width(v.Name.In(t.lang)))
	}
	nameW = min(nameW, max(12, w/5))
	const rankW, totalW, leadW = 4, 5, 6
	barW := max(w-(1+rankW+1+nameW+1+totalW+1+leadW+2), 5)

	var out []string
	// Legend: one colour (and, without colour, one glyph) per dimension.
	// Short labels first; where they do not fit (a narrow terminal), the tiny ones the tabs use,
	// so no dimension loses its key.
	for _, label := range []func(tr, *model.Evaluation, int) string{dimShort, dimTiny} {
		legend := []string{" " + t.s("ov.contrib") + ":"}
		for d := range ev.Framework.Dimensions {
			legend = append(legend, st.DimStyle(d).Render(st.dimGlyph(d))+label(t, ev, d))
		}
		if line := strings.Join(legend, " "); width(line) <= w {
			out = append(out, line)
			break
		}
	}
	if len(out) == 0 { // even the tiny labels are too wide: let the row be cut, not dropped
		out = append(out, " "+t.s("ov.contrib")+":")
	}
	out = append(out, st.TableHead.Render(" "+fitRight(t.s("ov.rank"), rankW)+" "+fit(t.s("ov.vendor"), nameW)+" "+
		fitRight(t.s("ov.total"), totalW)+" "+fitRight(t.s("ov.lead"), leadW)+"  "+fit(t.s("ov.bar"), barW)))

	ranked := wb.ranked()
	for i := range res.Vendors {
		l := &res.Vendors[i]
		name := fit(l.Name.In(t.lang), nameW)
		var b strings.Builder
		b.WriteByte(' ')
		if l.Excluded {
			b.WriteString(st.Err.Render(fitRight("✗", rankW)))
			b.WriteByte(' ')
			b.WriteString(st.Excluded.Render(name + " " + fitRight(num2(l.Total), totalW)))
			b.WriteString(" " + strings.Repeat(" ", leadW) + "  ")
			reasons := excludedReasons(t, ev, l.FailedKnockOuts)
			// Every reason shows: they continue under the bar column when they do not fit.
			text := wrap(t.s("ov.excluded")+": "+strings.Join(reasons, " · "), barW)
			b.WriteString(st.Err.Render(text[0]))
			out = append(out, b.String())
			indent := strings.Repeat(" ", w-barW)
			for _, more := range text[1:] {
				out = append(out, indent+st.Err.Render(more))
			}
		} else {
			rank := itoa(l.Rank)
			if l.Incomplete {
				rank = "⚠" + rank
			}
			b.WriteString(fitRight(rank, rankW))
			b.WriteByte(' ')
			b.WriteString(st.Bold.Render(name))
			b.WriteString(" " + fitRight(num2(l.Total), totalW) + " ")
			lead := ""
			if i+1 < ranked {
				lead = "+" + num2(l.Total-res.Vendors[i+1].Total)
			}
			b.WriteString(st.OK.Render(fitRight(lead, leadW)))
			b.WriteString("  ")
			b.WriteString(stackedBar(st, l.Contributions, barW))
			out = append(out, b.String())
		}
		if l.Incomplete {
			names := make([]string, 0, len(l.Missing))
			for _, c := range l.Missing {
				names = append(names, ev.Framework.Criteria[c].Name.In(t.lang))
			}
			msg := "⚠ " + t.f("ov.incomplete", len(l.Missing)) + ": " + strings.Join(names, ", ")
			out = append(out, st.Warn.Render(truncate(strings.Repeat(" ", rankW+2)+msg, w)))
		}
	}

	// Score matrix: vendors × dimensions, each cell shaded by its 1–5 score.
	out = append(out, "")
	// Columns fit the labels (up to 12 cells) but never push the last dimension off screen;
	// a label that does not fit uses its tiny form ("Conc").
	nd := len(ev.Framework.Dimensions)
	colW := 7
	for d := 0; d < nd; d++ {
		colW = max(colW, width(dimShort(t, ev, d))+1)
	}
	colW = max(min(colW, 12, (w-(rankW+nameW+3))/max(nd, 1)), 6)
	head := " " + fit(t.s("ov.matrix"), rankW+1+nameW) + " "
	for d := 0; d < nd; d++ {
		label := dimShort(t, ev, d)
		if width(label) > colW-1 {
			label = dimTiny(t, ev, d)
		}
		head += st.DimStyle(d).Bold(true).Render(fitRight(truncate(label, colW-1), colW))
	}
	out = append(out, st.TableHead.Render(head))
	for i := range res.Vendors {
		l := &res.Vendors[i]
		var b strings.Builder
		b.WriteString(" " + fit(l.Name.In(t.lang), rankW+1+nameW) + " ")
		for d := range l.DimensionScores {
			s := l.DimensionScores[d]
			b.WriteByte(' ')
			b.WriteString(st.ScoreBg[scoreBucket(s)].Render(fitRight(num2(s), colW-1)))
		}
		out = append(out, b.String())
	}
	return append(out, overviewFacts(e, wb, w)...)
}

// stackedBar draws the dimension contributions as one bar where 5.0 points fill width w.
// Segment ends are rounded on the running sum, so the bar length is the rounded total and no
// rounding error piles up.
func stackedBar(st *Styles, contrib []float64, w int) string {
	var b strings.Builder
	sum, drawn := 0.0, 0
	for d, c := range contrib {
		sum += c
		end := int(math.Round(sum / 5 * float64(w)))
		end = min(end, w)
		if n := end - drawn; n > 0 {
			b.WriteString(st.DimStyle(d).Render(strings.Repeat(st.dimGlyph(d), n)))
			drawn = end
		}
	}
	return b.String()
}

// dimShort is a dimension's short label (tabs, legends, matrix headers): the catalogue has
// short forms of the standard dimensions; others use their framework name, cleaned because
// labels are written as they are when they fit.
func dimShort(t tr, ev *model.Evaluation, d int) string {
	dim := &ev.Framework.Dimensions[d]
	if hasKey("dim." + dim.ID) {
		return t.s("dim." + dim.ID)
	}
	return clean(dim.Name.In(t.lang))
}

// dimTiny is the shortest label of a dimension ("稳定" / "Stab").
func dimTiny(t tr, ev *model.Evaluation, d int) string {
	if id := ev.Framework.Dimensions[d].ID; hasKey("dimtiny." + id) {
		return t.s("dimtiny." + id)
	}
	return dimShort(t, ev, d)
}

func itoa(n int) string { return strconv.Itoa(n) }

// excludedReasons lists why a vendor is knocked out. Gates failed on a real value are named one
// by one; gates nobody has scored yet are counted in one phrase when there are several, so a
// vendor just added reads "5 knock-out criteria not scored yet", not five lines of "not scored".
func excludedReasons(t tr, ev *model.Evaluation, fails []model.KnockOutFailure) []string {
	var reasons []string
	var unscored []model.KnockOutFailure
	for _, f := range fails {
		if f.Missing {
			unscored = append(unscored, f)
			continue
		}
		reasons = append(reasons, koReason(t, ev, f))
	}
	if len(unscored) >= 2 {
		return append(reasons, t.f("ko.unscored", len(unscored)))
	}
	for _, f := range unscored {
		reasons = append(reasons, koReason(t, ev, f))
	}
	return reasons
}
