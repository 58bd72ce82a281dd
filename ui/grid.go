package ui

import (
	"ccselect/internal/present"
	"errors"
	"math"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// gridPane is a dimension tab: its criteria (rows, with local weights) × the vendors
// (columns), the dimension subtotal per vendor under the grid, and a side panel about the
// focused cell. Typing 1–5 sets the current reviewer's rating at once.
type gridPane struct {
	e    *env
	keys *keyMap
	wb   *workbench

	dim    int   // the dimension shown (set by the root on tab change)
	row    []int // cursor row per dimension
	rowOff []int
	col    int // cursor vendor column, shared by every dimension
	colOff int
	follow bool // the last move was the keyboard's: scroll so the cursor shows

	// advance moves the cursor to the next vendor after a rating, so a row is rated with
	// digits alone (issue 8 defect 13; the A key toggles it). rated is the column just rated
	// when the cursor advanced, so a "." typed next halves that cell ("3." = 3.5); −1 = none.
	advance  bool
	rated    int
	ratedDim int
	lastW    int
	lastH    int
}

func newGridPane(e *env, keys *keyMap, wb *workbench) *gridPane {
	return &gridPane{e: e, keys: keys, wb: wb, follow: true, advance: true, rated: -1}
}

// sync sizes the per-dimension state to the loaded framework and clamps the cursor.
func (g *gridPane) sync() {
	nd := len(g.wb.dimCrit)
	for len(g.row) < nd {
		g.row = append(g.row, 0)
		g.rowOff = append(g.rowOff, 0)
	}
	g.dim = min(max(g.dim, 0), max(nd-1, 0))
	if nd > 0 {
		g.row[g.dim] = min(max(g.row[g.dim], 0), max(len(g.wb.dimCrit[g.dim])-1, 0))
	}
	g.col = min(max(g.col, 0), max(len(g.wb.ev.Vendors)-1, 0))
}

// Captures takes the rating digits (1–5) from the root, where they would switch tabs.
func (g *gridPane) Captures(msg tea.KeyPressMsg) bool { return key.Matches(msg, g.keys.Rate) }

// cursor returns the focused vendor and criterion indexes; ok is false on an empty grid.
func (g *gridPane) cursor() (v, c int, ok bool) {
	g.sync()
	crits := g.wb.dimCrit[g.dim]
	if len(crits) == 0 || len(g.wb.ev.Vendors) == 0 {
		return 0, 0, false
	}
	return g.col, crits[g.row[g.dim]], true
}

func (g *gridPane) Update(msg tea.Msg) tea.Cmd {
	g.sync()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return g.key(msg)
	case paneMouse:
		return g.mouse(msg)
	}
	return nil
}

func (g *gridPane) key(msg tea.KeyPressMsg) tea.Cmd {
	k := g.keys
	nRows := len(g.wb.dimCrit[g.dim])
	nCols := len(g.wb.ev.Vendors)
	rated := g.rated
	if g.ratedDim != g.dim {
		rated = -1 // rated on another tab: "." and ⌫ act where the cursor is
	}
	g.rated = -1
	switch {
	case key.Matches(msg, k.Up):
		g.row[g.dim] = max(g.row[g.dim]-1, 0)
	case key.Matches(msg, k.Down):
		g.row[g.dim] = min(g.row[g.dim]+1, max(nRows-1, 0))
	case key.Matches(msg, k.Left):
		g.col = max(g.col-1, 0)
	case key.Matches(msg, k.Right):
		g.col = min(g.col+1, max(nCols-1, 0))
	case key.Matches(msg, k.Top):
		g.col = 0
	case key.Matches(msg, k.Bottom):
		g.col = max(nCols-1, 0)
	case key.Matches(msg, k.Rate):
		return g.rate(float64(msg.String()[0]-'0'), msg.String())
	case key.Matches(msg, k.Half):
		return g.onRated(rated, g.half)
	case key.Matches(msg, k.Advance):
		g.advance = !g.advance
		if g.advance {
			g.e.status(statusInfo, g.e.t.s("grid.advanceon"))
		} else {
			g.e.status(statusInfo, g.e.t.s("grid.advanceoff"))
		}
		return nil
	case key.Matches(msg, k.Edit):
		return g.edit("")
	case key.Matches(msg, k.Clear):
		return g.onRated(rated, g.clear)
	default:
		return nil
	}
	g.follow = true
	return nil
}

func (g *gridPane) mouse(m paneMouse) tea.Cmd {
	geo := g.geom(m.W, m.H)
	if m.WheelY != 0 || m.WheelX != 0 {
		g.follow = false
		nRows := len(g.wb.dimCrit[g.dim])
		if m.WheelX != 0 || nRows <= geo.rowsVis {
			g.colOff = clampOffset(g.colOff+m.WheelX+m.WheelY, geo.nVis, len(g.wb.ev.Vendors))
		} else {
			g.rowOff[g.dim] = clampOffset(g.rowOff[g.dim]+m.WheelY, geo.rowsVis, nRows)
		}
		return nil
	}
	if !m.Click || m.X >= geo.gridW {
		return nil
	}
	if r := m.Y - geo.rowsY + geo.rowOff; m.Y >= geo.rowsY && m.Y < geo.rowsY+geo.rowsVis && r < len(g.wb.dimCrit[g.dim]) {
		g.row[g.dim] = r
	}
	if x := m.X - geo.colsX; x >= 0 {
		if c := x/geo.colW + geo.colOff; c < min(geo.colOff+geo.nVis, len(g.wb.ev.Vendors)) {
			g.col = c
		}
	}
	g.follow = true
	return nil
}

// onRated runs a correction ("." or ⌫): right after a rating that advanced the cursor it
// belongs to the cell just rated ("3." is 3.5 there), and a second one stays on that cell.
func (g *gridPane) onRated(rated int, fn func() tea.Cmd) tea.Cmd {
	if rated < 0 {
		return fn()
	}
	col := g.col
	g.col = rated
	cmd := fn()
	g.col, g.rated = col, rated
	return cmd
}

// needReviewer warns when there is nobody to score as.
func (g *gridPane) needReviewer() bool {
	if g.wb.reviewer >= 0 {
		return false
	}
	g.e.status(statusWarn, g.e.t.s("grid.noreviewer"))
	return true
}

// rate sets the focused cell to value for the current reviewer. On a measured criterion the
// digit opens the value editor with it typed in.
func (g *gridPane) rate(value float64, typed string) tea.Cmd {
	v, c, ok := g.cursor()
	if !ok || g.needReviewer() {
		return nil
	}
	if g.wb.ev.Framework.Criteria[c].Kind == model.KindMeasured {
		return g.edit(typed)
	}
	note, evidence := "", ""
	if s, ok := g.wb.score(v, c); ok {
		note, evidence = s.Note, s.Evidence
	}
	cmd := g.save(v, c, value, note, evidence, nil)
	if g.advance && g.col+1 < len(g.wb.ev.Vendors) {
		g.rated, g.ratedDim = g.col, g.dim
		g.col++
		g.follow = true
	}
	return cmd
}

// half toggles the half point of the current reviewer's rating: 3 → 3.5 → 3.
func (g *gridPane) half() tea.Cmd {
	v, c, ok := g.cursor()
	if !ok || g.needReviewer() {
		return nil
	}
	if g.wb.ev.Framework.Criteria[c].Kind != model.KindRating {
		g.e.status(statusWarn, g.e.t.s("grid.halfrating"))
		return nil
	}
	s, ok := g.wb.score(v, c)
	if !ok {
		g.e.status(statusWarn, g.e.t.s("grid.halfneedsvalue"))
		return nil
	}
	value := s.Value + 0.5
	if s.Value != math.Trunc(s.Value) {
		value = s.Value - 0.5
	}
	if value > model.ScaleMax {
		g.e.status(statusWarn, g.e.t.s("grid.halfmax"))
		return nil
	}
	return g.save(v, c, value, s.Note, s.Evidence, nil)
}

// save applies the value in memory (the ranking moves now) and queues the write. A failed
// write reports what was lost and, for a form, opens it again with the typed text.
func (g *gridPane) save(v, c int, value float64, note, evidence string, retry retryable) tea.Cmd {
	sc := g.wb.setScore(v, c, value, note, evidence)
	id, actor := g.wb.id, g.e.actor
	what := g.e.t.f("grid.what", g.wb.ev.Vendors[v].Name.In(g.e.lang()), g.wb.ev.Framework.Criteria[c].Name.In(g.e.lang()), num(value))
	return g.e.writeKey(cellKey(sc.Vendor, sc.Criterion, sc.Reviewer), what, retry, false, func(s Store) error { return s.SetScore(id, sc, actor) })
}

func (g *gridPane) clear() tea.Cmd {
	v, c, ok := g.cursor()
	if !ok || g.needReviewer() {
		return nil
	}
	vendor, crit, rev, ok := g.wb.clearScore(v, c)
	if !ok {
		return nil
	}
	id, actor := g.wb.id, g.e.actor
	what := g.e.t.f("grid.whatclear", g.wb.ev.Vendors[v].Name.In(g.e.lang()), g.wb.ev.Framework.Criteria[c].Name.In(g.e.lang()))
	return g.e.writeKey(cellKey(vendor, crit, rev), what, nil, false, func(s Store) error { return s.ClearScore(id, vendor, crit, rev, actor) })
}

// cellKey names one reviewer's cell for superseding edits ("\x00" cannot occur in an id).
func cellKey(vendor, crit, rev string) string { return vendor + "\x00" + crit + "\x00" + rev }

// edit opens the form for the focused cell: the value (a measured value shows its unit and
// the score it maps to as you type), the note and the evidence.
func (g *gridPane) edit(typed string) tea.Cmd {
	v, c, ok := g.cursor()
	if !ok || g.needReviewer() {
		return nil
	}
	t, lang := g.e.t, g.e.lang()
	ev := g.wb.ev
	crit := &ev.Framework.Criteria[c]
	value, note, evidence := "", "", ""
	if s, ok := g.wb.score(v, c); ok {
		value, note, evidence = num(s.Value), s.Note, s.Evidence
	}
	if typed != "" {
		value = typed
	}
	vendorID, reviewerID := ev.Vendors[v].ID, g.wb.reviewerID()
	title := crit.Name.In(lang) + " · " + ev.Vendors[v].Name.In(lang) + " · " + ev.Reviewers[g.wb.reviewer].Name
	f := newForm(g.e, g.keys, title)
	scale := critScale(ev, crit)
	if crit.Kind == model.KindMeasured {
		f.info = append(f.info, t.f("edit.measured", present.Unit(crit.Unit, t.lang), t.s("dir."+string(crit.Direction))), anchorsLine(crit, scale))
	} else {
		for i, r := range crit.Rubric {
			f.info = append(f.info, truncate(itoa(2*i+1)+" "+r.In(lang), 200))
		}
	}
	label := t.s("edit.rating")
	if crit.Kind == model.KindMeasured {
		label = t.f("edit.value", present.Unit(crit.Unit, t.lang))
	}
	vf := f.text(label, value)
	vf.preview = func(s string) string {
		x, err := parseValue(s)
		if err != nil {
			return ""
		}
		if err := model.CheckValue(crit, x); err != nil {
			return t.s("edit.invalid")
		}
		if crit.Kind == model.KindMeasured {
			return t.f("edit.maps", num2(model.ValueScore(crit.Anchors, scale, x)))
		}
		return ""
	}
	f.text(t.s("edit.note"), note)
	f.text(t.s("edit.evidence"), evidence)
	f.submit = func(f *formDialog) (tea.Cmd, error) {
		vals := f.values()
		x, err := parseValue(vals[0])
		if err != nil {
			return nil, errorf(t.s("edit.needvalue"))
		}
		if err := model.CheckValue(crit, x); err != nil {
			if crit.Kind == model.KindRating {
				return nil, errorf(t.s("edit.badrating"))
			}
			return nil, errorf(t.s("edit.badmeasured"))
		}
		// The data may have been reloaded while the form was open (another process, an undo):
		// find the cell again by its ids rather than trusting the old positions.
		ev := g.wb.ev
		v, c := ev.VendorIndex(vendorID), ev.Framework.CriterionIndex(crit.ID)
		if v < 0 || c < 0 || g.wb.reviewerID() != reviewerID {
			return nil, errorf(t.s("edit.gone"))
		}
		return g.save(v, c, x, vals[1], vals[2], f), nil
	}
	g.e.open(f)
	return nil
}

// anchorsLine shows a value function compactly, e.g. "≤99.5→1 · 99.9→3 · 99.95→4 · ≥99.99→5",
// "≤10→5 · 30→4 · … · ≥4320→1" for a cost, and "<1000→1 · 1000→2 · …" for a step. Anchors are
// sorted by value whatever the direction, so the first one holds below and the last one above.
func anchorsLine(c *model.Criterion, scale float64) string {
	n := len(c.Anchors)
	parts := make([]string, n)
	for i, a := range c.Anchors {
		x := num(a.X * scale)
		switch {
		case i == 0 && n > 1 && c.Anchors[1].X == a.X:
			x = "<" + x // a step: the first score holds strictly below
		case i == 0:
			x = "≤" + x
		case i == n-1:
			x = "≥" + x
		}
		parts[i] = x + "→" + num(a.Score)
	}
	return strings.Join(parts, " · ")
}

func (g *gridPane) ShortHelp() []key.Binding {
	k := g.keys
	return []key.Binding{k.Rate, k.Half, k.Edit, k.Clear, k.Undo, k.Reviewer, k.NextTab, k.Help}
}

func (g *gridPane) FullHelp() [][]key.Binding {
	k := g.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.Top, k.Bottom},
		{k.Rate, k.Half, k.Edit, k.Clear, k.Advance},
	}
}

// critScale is the multiplier of a criterion's anchors (the required peak P for channels).
func critScale(ev *model.Evaluation, c *model.Criterion) float64 {
	if c.AnchorParam == "" {
		return 1
	}
	if v, ok := ev.Params[c.AnchorParam]; ok {
		return v
	}
	return 1
}

// parseValue reads a number as people type it: spaces, thousands separators (1,300),
// full-width digits and a trailing % are accepted.
func parseValue(s string) (float64, error) {
	s = strings.TrimSpace(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．':
			return '.'
		case r == ',' || r == '，' || r == '%' || r == '％' || r == ' ':
			return -1
		}
		return r
	}, s)
	if s == "" {
		return 0, errors.New("empty")
	}
	return strconv.ParseFloat(s, 64)
}

func errorf(msg string) error { return errors.New(msg) }
