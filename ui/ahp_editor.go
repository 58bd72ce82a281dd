package ui

import (
	"math"
	"sort"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"ccselect/internal/present"
	"ccselect/model"
)

// elicitDialog (m) derives one level's weights by a method and records it with the profile:
// direct (the weights typed on the tab), rank ordering (ROC, RS, RR), swing, an AHP pairwise
// matrix on Saaty's 1–9 scale (reciprocals filled in, CR shown, the most inconsistent judgement
// named when CR > 0.10) and group AHP (each reviewer's matrix, AIJ). The weights it would give
// are shown live; enter writes them into the draft.
type elicitDialog struct {
	p      *weightsPane
	level  string   // model.ElicitLevelDimensions or a dimension id
	items  []string // ids of the level, framework order
	method int      // index in elicitMethods

	order  []int                  // rank ordering: item indexes, most important first
	swing  []float64              // swing points per item
	matrix [][]float64            // AHP: full reciprocal matrix
	group  map[string][][]float64 // group AHP: by reviewer id
	// entered are the reviewers whose matrix counts (edited here or recorded): a reviewer who
	// has not judged yet does not pull the group towards "all equal".
	entered map[string]bool
	rev     int // group AHP: the reviewer whose matrix is edited

	row, col int // cursor: a row of the list, or a cell above the diagonal of the matrix
}

var elicitMethods = []model.ElicitMethod{model.ElicitDirect, model.ElicitROC, model.ElicitRS,
	model.ElicitRR, model.ElicitSwing, model.ElicitAHP, model.ElicitGroupAHP}

// saatyScale is Saaty's fundamental scale with its reciprocals, in increasing order.
var saatyScale = []float64{1.0 / 9, 1.0 / 8, 1.0 / 7, 1.0 / 6, 1.0 / 5, 1.0 / 4, 1.0 / 3, 1.0 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9}

func (p *weightsPane) openElicit() {
	f := &p.wb.ev.Framework
	level := p.levelKey()
	items, _ := model.LevelItems(f, level)
	if len(items) == 0 {
		p.e.status(statusWarn, p.e.t.s("w.nocrit"))
		return
	}
	base := p.wb.weightsBase()
	n := len(items)
	d := &elicitDialog{p: p, level: level, items: items, group: map[string][][]float64{}, entered: map[string]bool{}, col: min(1, n-1)}
	cur := p.levelMap(base)
	// Defaults from the weights shown: the order by weight, swing points relative to the
	// heaviest, a neutral matrix; a recorded method's inputs replace them.
	d.order = make([]int, n)
	for i := range d.order {
		d.order[i] = i
	}
	sort.SliceStable(d.order, func(a, b int) bool { return cur[items[d.order[a]]] > cur[items[d.order[b]]] })
	top := cur[items[d.order[0]]]
	d.swing = make([]float64, n)
	for i, id := range items {
		if top > 0 {
			d.swing[i] = math.Round(cur[id] / top * 100)
		}
	}
	d.matrix = unitMatrix(n)
	for _, r := range p.wb.ev.Reviewers {
		d.group[r.ID] = unitMatrix(n)
	}
	if p.wb.reviewer >= 0 {
		d.rev = p.wb.reviewer
	}
	if e, ok := base.Elicitation[level]; ok && sameIDs(e.Items, items) {
		d.load(e)
	}
	p.e.open(d)
}

func unitMatrix(n int) [][]float64 {
	m := make([][]float64, n)
	for i := range m {
		m[i] = make([]float64, n)
		for j := range m[i] {
			m[i][j] = 1
		}
	}
	return m
}

func sameIDs(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// load takes a recorded elicitation's inputs (a reopened profile shows how its weights were
// obtained).
func (d *elicitDialog) load(e model.Elicitation) {
	for i, m := range elicitMethods {
		if m == e.Method {
			d.method = i
		}
	}
	switch e.Method {
	case model.ElicitROC, model.ElicitRS, model.ElicitRR:
		sort.SliceStable(d.order, func(a, b int) bool { return e.Ranks[d.items[d.order[a]]] < e.Ranks[d.items[d.order[b]]] })
	case model.ElicitSwing:
		for i, id := range d.items {
			d.swing[i] = e.Swing[id]
		}
	case model.ElicitAHP:
		if len(e.Matrix) == len(d.items) {
			d.matrix = cloneM(e.Matrix)
		}
	case model.ElicitGroupAHP:
		for r, m := range e.Reviewers {
			if len(m) == len(d.items) {
				d.group[r] = cloneM(m)
				d.entered[r] = true
			}
		}
	}
}

func cloneM(m [][]float64) [][]float64 {
	out := make([][]float64, len(m))
	for i := range m {
		out[i] = append([]float64(nil), m[i]...)
	}
	return out
}

func (d *elicitDialog) kind() model.ElicitMethod { return elicitMethods[d.method] }

// elicitation is the dialog's current inputs as a record.
func (d *elicitDialog) elicitation() model.Elicitation {
	e := model.Elicitation{Method: d.kind(), Items: append([]string(nil), d.items...)}
	switch e.Method {
	case model.ElicitDirect:
		cur := d.p.levelMap(d.p.wb.weightsBase())
		e.Direct = map[string]float64{}
		for _, id := range d.items {
			e.Direct[id] = cur[id]
		}
	case model.ElicitROC, model.ElicitRS, model.ElicitRR:
		e.Ranks = map[string]int{}
		for pos, i := range d.order {
			e.Ranks[d.items[i]] = pos + 1
		}
	case model.ElicitSwing:
		e.Swing = map[string]float64{}
		for i, id := range d.items {
			e.Swing[id] = d.swing[i]
		}
	case model.ElicitAHP:
		e.Matrix = cloneM(d.matrix)
	case model.ElicitGroupAHP:
		e.Reviewers = map[string][][]float64{}
		for r, m := range d.group {
			if d.entered[r] {
				e.Reviewers[r] = cloneM(m)
			}
		}
	}
	return e
}

// reviewerID is the reviewer whose matrix group AHP edits ("" when there is none).
func (d *elicitDialog) reviewerID() string {
	rs := d.p.wb.ev.Reviewers
	if len(rs) == 0 {
		return ""
	}
	return rs[d.rev%len(rs)].ID
}

// editing is the matrix the cursor edits (AHP, or the current reviewer's in group AHP).
func (d *elicitDialog) editing() [][]float64 {
	if d.kind() == model.ElicitGroupAHP {
		return d.group[d.reviewerID()]
	}
	return d.matrix
}

func (d *elicitDialog) isMatrix() bool {
	return d.kind() == model.ElicitAHP || d.kind() == model.ElicitGroupAHP
}

func (d *elicitDialog) Update(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	km, wk := d.p.keys, &d.p.keys.W
	n := len(d.items)
	switch {
	case key.Matches(k, km.Cancel):
		return nil, true
	case key.Matches(k, km.Submit):
		return d.apply()
	case key.Matches(k, km.NextField) && !key.Matches(k, km.Down):
		d.method = (d.method + 1) % len(elicitMethods)
		d.fixRow()
	case key.Matches(k, km.PrevField) && !key.Matches(k, km.Up):
		d.method = (d.method + len(elicitMethods) - 1) % len(elicitMethods)
		d.fixRow()
	case key.Matches(k, wk.NextReviewer) && d.kind() == model.ElicitGroupAHP:
		if len(d.p.wb.ev.Reviewers) > 0 {
			d.rev = (d.rev + 1) % len(d.p.wb.ev.Reviewers)
		}
	case key.Matches(k, km.Up):
		d.row = (d.row + n - 1) % n
		d.fixRow()
	case key.Matches(k, km.Down):
		d.row = (d.row + 1) % n
		d.fixRow()
	case key.Matches(k, km.Left) && d.isMatrix():
		d.col = max(d.col-1, d.row+1)
	case key.Matches(k, km.Right) && d.isMatrix():
		d.col = min(d.col+1, n-1)
	case key.Matches(k, wk.More):
		d.change(1)
	case key.Matches(k, wk.Less):
		d.change(-1)
	}
	return nil, false
}

// fixRow puts the cursor where the new method has one.
func (d *elicitDialog) fixRow() {
	if d.isMatrix() {
		d.fixCell()
	}
}

// fixCell keeps the matrix cursor above the diagonal (the lower half is the reciprocals).
func (d *elicitDialog) fixCell() {
	n := len(d.items)
	if d.row >= n-1 {
		d.row = max(n-2, 0)
	}
	d.col = min(max(d.col, d.row+1), n-1)
}

// change is + / − on the focused entry: a rank moves the item up or down the order, swing
// points move by 5, a judgement steps along Saaty's scale (its reciprocal follows).
func (d *elicitDialog) change(dir int) {
	n := len(d.items)
	switch d.kind() {
	case model.ElicitROC, model.ElicitRS, model.ElicitRR:
		to := d.row - dir // + moves it up: more important
		if to < 0 || to >= n {
			return
		}
		d.order[d.row], d.order[to] = d.order[to], d.order[d.row]
		d.row = to
	case model.ElicitSwing:
		d.swing[d.row] = math.Max(0, math.Min(100, d.swing[d.row]+5*float64(dir)))
	case model.ElicitAHP, model.ElicitGroupAHP:
		m := d.editing()
		if m == nil || n < 2 {
			return
		}
		d.fixCell()
		i, j := d.row, d.col
		at := 8
		for s, v := range saatyScale {
			if math.Abs(math.Log(v/m[i][j])) < 1e-6 {
				at = s
			}
		}
		at = min(max(at+dir, 0), len(saatyScale)-1)
		m[i][j], m[j][i] = saatyScale[at], 1/saatyScale[at]
		if d.kind() == model.ElicitGroupAHP {
			d.entered[d.reviewerID()] = true
		}
	}
}

// apply writes the method's weights into the draft and records the method with its inputs.
func (d *elicitDialog) apply() (tea.Cmd, bool) {
	p := d.p
	nd := p.wb.weightsBase().Clone()
	if d.kind() == model.ElicitDirect {
		delete(nd.Elicitation, d.level) // typed weights: nothing to record
		return p.commit(&nd), true
	}
	if err := nd.ApplyElicitation(&p.wb.ev.Framework, d.level, d.elicitation()); err != nil {
		p.e.status(statusWarn, elicitErrText(p.e.t, err))
		return nil, false
	}
	p.e.status(statusOK, p.e.t.f("w.m.applied", p.e.t.s("w.method."+string(d.kind()))))
	return p.commit(&nd), true
}

// elicitErrText words the model's elicitation and AHP errors in the user's language.
func elicitErrText(t tr, err error) string {
	if s, ok := present.ModelError(err, t.lang); ok {
		return s
	}
	return t.f("w.err.other", err)
}

func (d *elicitDialog) Help() []key.Binding {
	km, wk := d.p.keys, &d.p.keys.W
	bs := []key.Binding{wk.Method}
	switch d.kind() {
	case model.ElicitDirect:
	case model.ElicitAHP:
		bs = append(bs, wk.Cell, wk.Judge)
	case model.ElicitGroupAHP:
		bs = append(bs, wk.Cell, wk.Judge, wk.NextReviewer)
	default:
		bs = append(bs, km.Up, km.Down, wk.Judge)
	}
	return append(bs, wk.ApplyMethod, km.Cancel)
}
