package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// dialog is a modal box drawn over the screen. While one is open it receives every key first.
type dialog interface {
	// Update handles a message; done reports that the dialog closed itself.
	Update(msg tea.Msg) (cmd tea.Cmd, done bool)
	// View renders the framed box, at most maxW cells wide.
	View(maxW int) string
	// Help lists the dialog's keys for the hint bar and the help overlay.
	Help() []key.Binding
}

// retryable dialogs can be shown again with an error after a failed save, still holding what
// the user typed.
type retryable interface {
	dialog
	setError(msg string)
}

// frame draws a dialog box: a bold title, the body lines, and a key hint.
func frame(st *Styles, title string, body []string, hint string, w int) string {
	inner := w - st.Box.GetHorizontalFrameSize()
	lines := make([]string, 0, len(body)+3)
	lines = append(lines, st.Title.Render(fit(title, inner)), "")
	for _, l := range body {
		lines = append(lines, padLine(l, inner))
	}
	lines = append(lines, "", st.KeyDesc.Render(fit(hint, inner)))
	return st.Box.Width(w).Render(strings.Join(lines, "\n"))
}

func hintText(bs []key.Binding) string {
	parts := make([]string, 0, len(bs))
	for _, b := range bs {
		h := b.Help()
		parts = append(parts, h.Key+" "+h.Desc)
	}
	return strings.Join(parts, " · ")
}

// ---- confirmation ----

// confirmDialog asks a yes/no question that names what it is about. Its words come from text
// at every render, so L (which a confirmation leaves to the root: it types nothing) switches
// the language of an open question too.
type confirmDialog struct {
	e    *env
	keys *keyMap
	text func(t tr) (title, body string)
	yes  func() tea.Cmd
}

func (d *confirmDialog) Update(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	switch {
	case key.Matches(k, d.keys.Confirm):
		return d.yes(), true
	case key.Matches(k, d.keys.Deny):
		return nil, true
	}
	return nil, false
}

func (d *confirmDialog) View(maxW int) string {
	w := min(maxW, 64)
	inner := w - d.e.styles.Box.GetHorizontalFrameSize()
	title, body := d.text(d.e.t)
	return frame(d.e.styles, title, wrap(body, inner), hintText(d.Help()), w)
}

func (d *confirmDialog) Help() []key.Binding {
	return []key.Binding{d.keys.Confirm, d.keys.Deny}
}

// ---- forms ----

// formField is one line of a form: free text, a number, or a choice among fixed values.
type formField struct {
	label   string
	in      textinput.Model
	choices []string // labels; nil for a text field
	values  []string // what a choice field returns
	choice  int
	// preview, when set, is shown under the field and follows every keystroke (e.g. the score a
	// measured value maps to).
	preview func(value string) string
}

func (f *formField) value() string {
	if f.choices != nil {
		return f.values[f.choice]
	}
	return strings.TrimSpace(f.in.Value())
}

// formDialog is a small form. submit validates and returns the command that saves; a
// validation error keeps the form open with the error shown.
type formDialog struct {
	e      *env
	keys   *keyMap
	title  string
	info   []string // lines shown above the fields
	fields []*formField
	focus  int
	err    string
	submit func(f *formDialog) (tea.Cmd, error)
}

func newForm(e *env, keys *keyMap, title string) *formDialog {
	return &formDialog{e: e, keys: keys, title: title}
}

// text adds a text field with an initial value.
func (f *formDialog) text(label, value string) *formField {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 200
	in.SetValue(value)
	in.CursorEnd()
	st := textinput.DefaultStyles(true)
	st.Cursor.Blink = false
	base := lipgloss.NewStyle()
	st.Focused.Text, st.Blurred.Text = base, base
	st.Focused.Prompt, st.Blurred.Prompt = base, base
	st.Focused.Placeholder, st.Blurred.Placeholder = f.e.styles.Faint, f.e.styles.Faint
	in.SetStyles(st)
	fld := &formField{label: label, in: in}
	f.fields = append(f.fields, fld)
	if len(f.fields) == 1 {
		f.fields[0].in.Focus()
	}
	return fld
}

// choice adds a field cycling through labels (values are what value() returns).
func (f *formDialog) choice(label string, labels, values []string, selected int) *formField {
	fld := &formField{label: label, choices: labels, values: values, choice: selected}
	f.fields = append(f.fields, fld)
	return fld
}

func (f *formDialog) setError(msg string) { f.err = msg }

// values returns every field's value in order.
func (f *formDialog) values() []string {
	out := make([]string, len(f.fields))
	for i, fld := range f.fields {
		out[i] = fld.value()
	}
	return out
}

func (f *formDialog) move(d int) {
	if cur := f.fields[f.focus]; cur.choices == nil {
		cur.in.Blur()
	}
	f.focus = (f.focus + d + len(f.fields)) % len(f.fields)
	if cur := f.fields[f.focus]; cur.choices == nil {
		cur.in.Focus()
	}
}

func (f *formDialog) Update(msg tea.Msg) (tea.Cmd, bool) {
	cur := f.fields[f.focus]
	if k, ok := msg.(tea.KeyPressMsg); ok {
		km := f.keys
		switch {
		case key.Matches(k, km.Cancel):
			return nil, true
		case key.Matches(k, km.NextField):
			f.move(1)
			return nil, false
		case key.Matches(k, km.PrevField):
			f.move(-1)
			return nil, false
		case key.Matches(k, km.Submit):
			if key.Matches(k, km.Edit) && f.focus < len(f.fields)-1 { // enter on a field before the last: next field
				f.move(1)
				return nil, false
			}
			cmd, err := f.submit(f)
			if err != nil {
				f.err = err.Error()
				return nil, false
			}
			return cmd, true
		}
		if cur.choices != nil {
			switch {
			case key.Matches(k, km.ChoicePrev):
				cur.choice = (cur.choice + len(cur.choices) - 1) % len(cur.choices)
			case key.Matches(k, km.ChoiceNext):
				cur.choice = (cur.choice + 1) % len(cur.choices)
			}
			return nil, false
		}
	}
	if cur.choices != nil {
		return nil, false
	}
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		var cmd tea.Cmd
		cur.in, cmd = cur.in.Update(msg)
		f.err = ""
		return cmd, false
	}
	return nil, false
}

func (f *formDialog) View(maxW int) string {
	st := f.e.styles
	w := min(maxW, 72)
	inner := w - st.Box.GetHorizontalFrameSize()
	labelW := 0
	for _, fld := range f.fields {
		labelW = max(labelW, width(fld.label))
	}
	labelW = min(labelW+2, inner/2)
	inputW := inner - labelW
	var body []string
	for _, l := range f.info {
		body = append(body, wrap(l, inner)...)
	}
	if len(f.info) > 0 {
		body = append(body, "")
	}
	for i, fld := range f.fields {
		label := fit(fld.label, labelW)
		if i == f.focus {
			label = st.Bold.Render(label)
		} else {
			label = st.Faint.Render(label)
		}
		var val string
		if fld.choices != nil {
			c := "‹ " + fld.choices[fld.choice] + " ›"
			if i == f.focus {
				val = st.Cursor.Render(truncate(c, inputW))
			} else {
				val = truncate(c, inputW)
			}
		} else {
			fld.in.SetWidth(max(inputW-1, 1))
			val = fld.in.View()
		}
		body = append(body, label+val)
		if fld.preview != nil {
			if p := fld.preview(fld.value()); p != "" {
				body = append(body, strings.Repeat(" ", labelW)+st.Faint.Render(truncate(p, inputW)))
			}
		}
	}
	if f.err != "" {
		body = append(body, "")
		for _, l := range wrap(f.err, inner) {
			body = append(body, st.Err.Render(l))
		}
	}
	return frame(st, f.title, body, hintText(f.Help()), w)
}

func (f *formDialog) Help() []key.Binding {
	bs := []key.Binding{f.keys.Submit, f.keys.Cancel}
	if len(f.fields) > 1 {
		// A one-field form has no other field to go to (issue 8 defect 9).
		bs = []key.Binding{f.keys.Submit, f.keys.NextField, f.keys.Cancel}
	}
	if f.fields[f.focus].choices != nil {
		bs = append(bs, f.keys.Choice)
	}
	return bs
}
