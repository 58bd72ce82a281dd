package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// View draws the whole screen. The terminal is in the alternate screen with mouse reporting;
// Bubble Tea restores it on exit, on error and after a panic.
func (r *Root) View() tea.View {
	v := tea.NewView(r.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "ccselect"
	if r.wb != nil && r.screen == screenWorkbench {
		v.WindowTitle = "ccselect · " + clean(r.wb.ev.Name) // an OSC of its own would end ours
	}
	return v
}

// render is the screen as a string: exactly h lines of exactly w cells.
func (r *Root) render() string {
	if r.w <= 0 || r.h <= 0 {
		return ""
	}
	l := r.layout()
	t := r.e.t
	if l.tooSmall {
		msg := []string{t.f("small.need", minWidth, minHeight, r.w, r.h), t.s("small.hint")}
		lines := make([]string, r.h)
		top := max((r.h-len(msg))/2, 0)
		for i, m := range msg {
			if top+i < r.h {
				lines[top+i] = fitCenter(m, r.w)
			}
		}
		return block(lines, r.w, r.h)
	}
	lines := make([]string, 0, r.h)
	lines = append(lines, r.renderHeader())
	if l.tabsY >= 0 {
		lines = append(lines, r.renderTabs(), r.styles.Rule.Render(strings.Repeat("─", r.w)))
	}
	p := r.focused()
	lines = append(lines, p.View(l.w, l.bodyH))
	if l.stripY >= 0 {
		lines = append(lines, r.stripView())
	}
	lines = append(lines, r.renderStatus(), r.renderHint(p))
	screen := strings.Join(lines, "\n")
	for _, d := range r.dlgs.stack {
		screen = r.place(screen, d.View(r.w-4))
	}
	if len(r.dlgs.stack) == 0 && r.help {
		screen = r.place(screen, r.renderHelp(p))
	}
	return screen
}

// place overlays box in the middle of the screen.
func (r *Root) place(screen, box string) string {
	bw, bh := width(strings.SplitN(box, "\n", 2)[0]), strings.Count(box, "\n")+1
	if bh > r.h {
		box = strings.Join(strings.Split(box, "\n")[:r.h], "\n")
		bh = r.h
	}
	return overlay(screen, box, max((r.w-bw)/2, 0), max((r.h-bh)/2, 0))
}

// renderHeader: evaluation · client · active weight profile · current reviewer, and the saved
// state at the right edge. When space is short the client goes first, then the evaluation
// name is shortened: the reviewer (whose scores typing sets) and the saved state always show.
func (r *Root) renderHeader() string {
	st, t := &r.styles, r.e.t
	sep := st.Faint.Render(" · ")
	right := ""
	if r.opt.Demo {
		right = st.Warn.Render(t.s("hdr.demo")) + " "
	}
	var name string
	var tail []string
	if r.screen == screenWorkbench && r.wb != nil {
		ev := r.wb.ev
		name = ev.Name
		rev := t.s("hdr.noreviewer")
		if r.wb.reviewer >= 0 {
			rev = ev.Reviewers[r.wb.reviewer].Name
		}
		if ev.Client != "" {
			tail = append(tail, t.f("hdr.client", ev.Client))
		}
		tail = append(tail, t.f("hdr.profile", profileLabel(r.wb)), t.f("hdr.reviewer", rev))
		for i := range tail {
			tail[i] = clean(tail[i]) // written as they are, not through fit
		}
		switch {
		case r.readOnly():
			right += st.Unsaved.Render("⊘ " + t.s("hdr.readonly"))
		case r.q.writing():
			right += st.Saving.Render("… " + t.s("hdr.saving"))
		case len(r.unsaved) > 0:
			right += st.Unsaved.Render("✗ " + t.f("hdr.unsavedn", len(r.unsaved)))
		case r.saveErr:
			right += st.Unsaved.Render("✗ " + t.s("hdr.unsaved"))
		case r.opt.Demo:
			// Nothing outlives the demo: "✓ saved" would promise what it does not do (defect 9).
			right += st.Faint.Render(t.s("hdr.demokept"))
		default:
			right += st.Saved.Render("✓ " + t.s("hdr.saved"))
		}
	} else {
		name = t.s("hdr.home")
	}
	room := r.w - width(right) - 2
	head := " " + st.Title.Render("ccselect") + sep
	rest := room - width(head)
	tailW := func() int {
		n := 0
		for _, p := range tail {
			n += 3 + width(p)
		}
		return n
	}
	if len(tail) == 3 && rest-tailW() < min(width(name), 12) {
		tail = tail[1:] // drop the client rather than cut the name to nothing
	}
	for len(tail) > 1 && rest-tailW() < 6 {
		tail = tail[1:] // then the profile: the reviewer (whose scores typing sets) stays
	}
	nameW := max(rest-tailW(), 6)
	left := head + st.Bold.Render(truncate(name, nameW))
	for _, p := range tail {
		left += sep + p
	}
	return padLine(padLine(left, room)+" "+right, r.w)
}

// renderStrip is the live ranking under a dimension grid: it changes on the keystroke that
// changes a score, with ▲/▼ for the vendors that moved.
func (r *Root) renderStrip() string {
	st, t := &r.styles, r.e.t
	res := r.wb.res
	var b strings.Builder
	used := 0
	write := func(s string, w int) bool {
		if used+w > r.w {
			return false
		}
		b.WriteString(s)
		used += w
		return true
	}
	head := " " + t.s("strip.rank") + " "
	write(st.Faint.Render(head), width(head))
	// segment renders one vendor with its name cut to nameW cells; plain is the same text
	// without styles, for measuring. With styled false only plain is built (cheap).
	segment := func(i, nameW int, styled bool) (seg, plain string) {
		l := &res.Vendors[i]
		name := truncate(l.Name.In(t.lang), nameW)
		mv := 0
		if l.Excluded {
			plain = "✗ " + name
		} else {
			plain = itoa(l.Rank) + " " + name + " " + num2(l.Total)
			if mv = r.wb.movement(l.Vendor); mv > 0 {
				plain += "▲" + itoa(mv)
			} else if mv < 0 {
				plain += "▼" + itoa(-mv)
			}
		}
		if i > 0 {
			plain = " · " + plain
		}
		if !styled {
			return "", plain
		}
		if i > 0 {
			seg = st.Faint.Render(" · ")
		}
		switch {
		case l.Excluded:
			seg += st.Excluded.Render("✗ " + name)
		case mv > 0:
			seg += st.Bold.Render(itoa(l.Rank)) + " " + name + " " + num2(l.Total) + st.Up.Render("▲"+itoa(mv))
		case mv < 0:
			seg += st.Bold.Render(itoa(l.Rank)) + " " + name + " " + num2(l.Total) + st.Down.Render("▼"+itoa(-mv))
		default:
			seg += st.Bold.Render(itoa(l.Rank)) + " " + name + " " + num2(l.Total)
		}
		return seg, plain
	}
	// The widest name cut that lets every ranked vendor fit (full names when they do), down to 6
	// cells; knocked-out vendors follow only if there is room, else "…" says there is more.
	// Widths are measured once, unstyled: this runs on every keystroke.
	nameWs := make([]int, len(res.Vendors))
	fixed, nameW := used, 0
	for i := range res.Vendors {
		if res.Vendors[i].Excluded {
			continue
		}
		_, plain := segment(i, 0, false)
		nameWs[i] = widthUpTo(res.Vendors[i].Name.In(t.lang), r.w)
		fixed += width(plain)
		nameW = max(nameW, nameWs[i])
	}
	for ; nameW > 6; nameW-- {
		need := fixed
		for i, nw := range nameWs {
			if !res.Vendors[i].Excluded {
				need += min(nw, nameW)
			}
		}
		if need <= r.w {
			break
		}
	}
	for i := range res.Vendors {
		// A knocked-out vendor gets its full name when there is room, else the longest cut that fits.
		cutW := nameW
		if res.Vendors[i].Excluded {
			cutW = max(6, widthUpTo(res.Vendors[i].Name.In(t.lang), r.w))
		}
		_, plain := segment(i, cutW, false)
		for ; res.Vendors[i].Excluded && used+width(plain)+2 > r.w && cutW > 6; cutW-- {
			_, plain = segment(i, cutW-1, false)
		}
		if used+width(plain) > r.w {
			write(st.Faint.Render(" …"), 2)
			break
		}
		seg, plain := segment(i, cutW, true)
		if !write(seg, width(plain)) {
			write(st.Faint.Render(" …"), 2)
			break
		}
	}
	return padLine(b.String(), r.w)
}

func (r *Root) renderStatus() string {
	st := &r.styles
	if r.statusText == "" {
		return strings.Repeat(" ", r.w)
	}
	style := st.Faint
	switch r.statusKind {
	case statusOK:
		style = st.OK
	case statusWarn:
		style = st.Warn
	case statusErr:
		style = st.Err
	}
	return padLine(" "+style.Render(truncate(r.statusText, r.w-2)), r.w)
}

// renderHint is the one-line key hint bar: the focused pane's (or dialog's) short help.
func (r *Root) renderHint(p pane) string {
	var bs []key.Binding
	switch {
	case r.dialog() != nil:
		bs = r.dialog().Help()
	case r.help:
		bs = []key.Binding{r.keys.CloseHelp}
	default:
		bs = r.withExportHint(p, p.ShortHelp())
		if r.readOnly() {
			bs = r.withoutEdits(bs)
		}
		if len(r.unsaved) > 0 {
			// The way out of "not saved" comes first while something waits.
			bs = append([]key.Binding{r.keys.Retry}, bs...)
		}
	}
	return hintBar(&r.styles, bs, r.w)
}

// hintBar renders bindings as "key desc · key desc", dropping those that do not fit; the help
// key ("?") is kept at the end whatever the width, so the way to every other key stays visible.
func hintBar(st *Styles, bs []key.Binding, w int) string {
	var pinned *key.Binding
	rest := make([]key.Binding, 0, len(bs))
	for i := range bs {
		if bs[i].Help().Key == "?" {
			pinned = &bs[i]
			continue
		}
		rest = append(rest, bs[i])
	}
	item := func(b key.Binding) (string, int) {
		h := b.Help()
		return st.Key.Render(h.Key) + " " + st.KeyDesc.Render(h.Desc), width(h.Key) + 1 + width(h.Desc)
	}
	const sepW = 3
	room := w - 1
	pinText, pinW := "", 0
	if pinned != nil {
		pinText, pinW = item(*pinned)
		room -= pinW + sepW
	}
	var b strings.Builder
	b.WriteByte(' ')
	used := 0
	for i, k := range rest {
		text, n := item(k)
		if i > 0 {
			n += sepW
		}
		if used+n > room {
			break
		}
		if i > 0 {
			b.WriteString(st.Faint.Render(" · "))
		}
		b.WriteString(text)
		used += n
	}
	if pinned != nil {
		if used > 0 {
			b.WriteString(st.Faint.Render(" · "))
		}
		b.WriteString(pinText)
	}
	return padLine(b.String(), w)
}

// renderHelp is the help overlay: every key of the focused pane, then the keys that work
// everywhere, in one or two columns.
func (r *Root) renderHelp(p pane) string {
	st, t, k := &r.styles, r.e.t, &r.keys
	var groups [][]key.Binding
	groups = append(groups, p.FullHelp()...)
	groups = append(groups, p.ShortHelp())
	global := []key.Binding{k.Help, k.Lang, k.Suspend, k.Quit}
	if r.screen == screenWorkbench {
		global = []key.Binding{k.NextTab, k.PrevTab, r.tabsBinding(p), k.Reviewer, k.Undo, k.Redo, k.Export, k.Import, k.Home, k.Help, k.Lang, k.Suspend, k.Quit}
	}
	groups = append(groups, global)
	seen := map[string]bool{}
	var entries [][2]string
	for _, g := range groups {
		for _, b := range g {
			h := b.Help()
			if seen[h.Key] {
				continue
			}
			seen[h.Key] = true
			entries = append(entries, [2]string{h.Key, h.Desc})
		}
	}
	keyW := 0
	for _, e := range entries {
		keyW = max(keyW, width(e[0]))
	}
	maxRows := max(r.h-6, 4)
	cols := 1
	if len(entries) > maxRows {
		cols = 2
	}
	boxW := min(r.w-4, 40*cols+4)
	inner := boxW - st.Box.GetHorizontalFrameSize()
	colW := inner / cols
	rows := (len(entries) + cols - 1) / cols
	var body []string
	for i := 0; i < rows; i++ {
		var line string
		for c := 0; c < cols; c++ {
			j := c*rows + i
			if j >= len(entries) {
				break
			}
			e := entries[j]
			cell := st.Key.Render(fit(e[0], keyW)) + " " + st.KeyDesc.Render(fit(e[1], max(colW-keyW-2, 1)))
			line += padLine(cell, colW)
		}
		body = append(body, line)
	}
	return frame(st, t.f("help.title", r.paneName()), body, t.s("help.close"), boxW)
}

// paneName names the focused pane for the help title.
func (r *Root) paneName() string {
	t := r.e.t
	if p, ok := r.focused().(titled); ok {
		if name := p.Title(t.lang); name != "" {
			return name
		}
	}
	if r.screen != screenWorkbench || r.wb == nil {
		return t.s("hdr.home")
	}
	labels := r.tabLabels(false)
	return labels[r.tab]
}
