package ui

import (
	"math"
	"strconv"
	"strings"

	"ccselect/model"
)

// The method editor's drawing: the method row, the method's inputs with the weights they give,
// and for AHP the matrix with λmax, CI, CR and the inconsistency warning.

// judgement is a Saaty value as it is written: "3", "1/5".
func judgement(x float64) string {
	if x >= 1 {
		return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
	}
	return "1/" + strconv.FormatFloat(math.Round(100/x)/100, 'f', -1, 64)
}

func (d *elicitDialog) View(maxW int) string {
	st, t := d.p.e.styles, d.p.e.t
	f := &d.p.wb.ev.Framework
	w := min(maxW, 80)
	inner := w - st.Box.GetHorizontalFrameSize()
	var names []string
	for _, id := range d.items {
		names = append(names, itemName(t, f, id))
	}
	var methods []string
	for i, m := range elicitMethods {
		l := t.s("w.method." + string(m))
		if i == d.method {
			l = st.Cursor.Render("‹ " + l + " ›")
		}
		methods = append(methods, l)
	}
	body := []string{truncate(strings.Join(methods, " "), inner), ""}
	e := d.elicitation()
	weights, werr := e.Weights()
	nameW := min(16, max(inner/4, 6))
	wcol := func(i int) string {
		if werr != nil || i >= len(weights) {
			return ""
		}
		return fitRight(pct(weights[i]), 7)
	}
	switch d.kind() {
	case model.ElicitDirect:
		for i := range d.items {
			body = append(body, "  "+fit(names[i], nameW)+wcol(i))
		}
		body = append(body, "", st.Faint.Render(truncate(t.s("w.m.direct"), inner)))
	case model.ElicitROC, model.ElicitRS, model.ElicitRR:
		for pos, i := range d.order {
			line := "  " + fit(itoa(pos+1), 3) + fit(names[i], nameW) + wcol(i)
			if pos == d.row {
				line = st.Cursor.Render(fit(line, inner))
			}
			body = append(body, line)
		}
		body = append(body, "", st.Faint.Render(truncate(t.s("w.m.rank"), inner)))
	case model.ElicitSwing:
		for i := range d.items {
			line := "  " + fit(names[i], nameW) + fitRight(num(d.swing[i]), 5) + wcol(i)
			if i == d.row {
				line = st.Cursor.Render(fit(line, inner))
			}
			body = append(body, line)
		}
		body = append(body, "", st.Faint.Render(truncate(t.s("w.m.swing"), inner)))
	default:
		body = append(body, d.matrixLines(names, nameW, inner, weights, werr)...)
	}
	if werr != nil {
		body = append(body, "")
		for _, l := range wrap(elicitErrText(t, werr), inner) {
			body = append(body, st.Err.Render(l))
		}
	}
	title := t.f("w.m.title", d.levelName())
	return frame(st, title, body, hintText(d.Help()), w)
}

func (d *elicitDialog) levelName() string {
	t := d.p.e.t
	if d.level == model.ElicitLevelDimensions {
		return t.s("w.m.dims")
	}
	return itemName(t, &d.p.wb.ev.Framework, d.level)
}

// matrixLines is the pairwise matrix (the cursor on a judgement above the diagonal), the
// priorities, λmax, CI and CR, and the CR > 0.10 warning; for group AHP also every reviewer's
// CR and priorities beside the group's.
func (d *elicitDialog) matrixLines(names []string, nameW, inner int, weights []float64, werr error) []string {
	st, t := d.p.e.styles, d.p.e.t
	n := len(d.items)
	const cellW = 5
	nameW = min(nameW, max(inner-3-n*cellW-8, 4))
	var out []string
	if d.kind() == model.ElicitGroupAHP {
		rid := d.reviewerID()
		name := rid
		if i := d.p.wb.ev.ReviewerIndex(rid); i >= 0 {
			name = d.p.wb.ev.Reviewers[i].Name
		}
		if rid == "" {
			return append(out, st.Faint.Render(t.s("empty.reviewers.short")))
		}
		out = append(out, t.f("w.m.reviewer", name), "")
	}
	m := d.editing()
	head := fit("", 3+nameW)
	for j := 0; j < n; j++ {
		head += fitRight(itoa(j+1), cellW)
	}
	out = append(out, st.TableHead.Render(head+fitRight(t.s("w.col.weight"), 8)))
	for i := 0; i < n; i++ {
		line := fit(itoa(i+1), 3) + fit(names[i], nameW)
		for j := 0; j < n; j++ {
			cell := fitRight(judgement(m[i][j]), cellW)
			switch {
			case i == d.row && j == d.col:
				cell = st.Cursor.Render(cell)
			case j <= i:
				cell = st.Faint.Render(cell)
			}
			line += cell
		}
		if werr == nil && i < len(weights) {
			line += fitRight(pct(weights[i]), 8)
		}
		out = append(out, line)
	}
	out = append(out, "")
	var res model.AHPResult
	var err error
	if d.kind() == model.ElicitAHP {
		res, err = model.AHP(m)
	} else {
		var g model.GroupAHPResult
		if g, err = d.elicitation().GroupAHP(); err == nil {
			res = g.Group
			out = append(out, st.Faint.Render(truncate(t.s("w.m.groupbeside"), inner)))
			for _, r := range g.Reviewers {
				name := r.Reviewer
				if i := d.p.wb.ev.ReviewerIndex(r.Reviewer); i >= 0 {
					name = d.p.wb.ev.Reviewers[i].Name
				}
				ws := make([]string, len(r.Weights))
				for i, x := range r.Weights {
					ws[i] = pct(x)
				}
				out = append(out, truncate("  "+fit(name, 8)+" CR "+strconv.FormatFloat(r.CR, 'f', 3, 64)+"  "+strings.Join(ws, " "), inner))
			}
			out = append(out, "")
		}
	}
	if err != nil {
		return out
	}
	stats := t.f("w.m.stats", strconv.FormatFloat(res.LambdaMax, 'f', 3, 64), strconv.FormatFloat(res.CI, 'f', 3, 64), strconv.FormatFloat(res.CR, 'f', 3, 64))
	if d.kind() == model.ElicitGroupAHP {
		stats = t.s("w.m.group") + " " + stats
	}
	out = append(out, truncate(stats, inner))
	if !res.Consistent && res.MostInconsistent != nil {
		j := res.MostInconsistent
		warn := t.f("w.m.inconsistent", names[j.I], names[j.J], judgement(j.Value), strconv.FormatFloat(j.Suggested, 'f', 2, 64), judgement(j.SuggestedScale))
		for _, l := range wrap(warn, inner) {
			out = append(out, st.Warn.Render(l))
		}
	}
	return out
}
