package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// Weight profiles from the Weights tab: a picker (p) to switch, rename and delete, and the
// save form (s) that turns the draft into a profile.

// profilePicker lists the evaluation's profiles; it reads them from the workbench at every
// render, so a rename or delete made over it shows once the reload is in.
type profilePicker struct {
	p      *weightsPane
	cursor int
}

func newProfilePicker(p *weightsPane) *profilePicker {
	pk := &profilePicker{p: p}
	for i, wp := range p.wb.ev.Profiles {
		if wp.Name == p.wb.prob.Profile {
			pk.cursor = i
		}
	}
	return pk
}

func (d *profilePicker) Update(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	km, wk := d.p.keys, &d.p.keys.W
	profiles := d.p.wb.ev.Profiles
	n := len(profiles)
	if n == 0 {
		return nil, true
	}
	d.cursor = min(d.cursor, n-1)
	name := profiles[d.cursor].Name
	switch {
	case key.Matches(k, km.Cancel):
		return nil, true
	case key.Matches(k, km.Up):
		d.cursor = (d.cursor + n - 1) % n
	case key.Matches(k, km.Down):
		d.cursor = (d.cursor + 1) % n
	case key.Matches(k, wk.Use):
		return d.p.use(name), true
	case key.Matches(k, wk.Rename):
		d.p.renameForm(name)
	case key.Matches(k, wk.Delete):
		d.p.confirmDelete(name)
	}
	return nil, false
}

func (d *profilePicker) View(maxW int) string {
	st, t := d.p.e.styles, d.p.e.t
	w := min(maxW, 56)
	inner := w - st.Box.GetHorizontalFrameSize()
	var body []string
	for i, wp := range d.p.wb.ev.Profiles {
		line := "  " + wp.Name
		if wp.Name == d.p.wb.prob.Profile {
			line += "  " + t.s("w.prof.active")
			if d.p.wb.ev.Draft != nil {
				line += " · " + t.s("w.unsaved")
			}
		}
		line = fit(line, inner)
		if i == d.cursor {
			line = st.Cursor.Render(line)
		}
		body = append(body, line)
	}
	return frame(st, t.s("w.prof.title"), body, hintText(d.Help()), w)
}

func (d *profilePicker) Help() []key.Binding {
	wk := &d.p.keys.W
	return []key.Binding{wk.Use, wk.Rename, wk.Delete, d.p.keys.Cancel}
}

// use makes name the active profile. An unsaved draft is of the profile being left: switching
// asks before it is dropped.
func (p *weightsPane) use(name string) tea.Cmd {
	t := p.e.t
	if name == p.wb.prob.Profile && p.wb.ev.Draft == nil {
		return nil
	}
	id, actor := p.wb.id, p.e.actor
	switchTo := func() tea.Cmd {
		return p.e.write(t.f("w.what.use", name), nil, true, func(s Store) error {
			if err := s.SaveDraft(id, nil); err != nil {
				return err
			}
			return s.SetActiveProfile(id, name, actor)
		})
	}
	if p.wb.ev.Draft == nil {
		return switchTo()
	}
	draft := p.wb.ev.Draft.Name
	p.e.open(&confirmDialog{e: p.e, keys: p.keys,
		text: func(t tr) (string, string) {
			return t.s("w.discard.title"), t.f("w.discard.body", draft, name)
		},
		yes: switchTo})
	return nil
}

// saveForm saves the draft (or the weights shown) as a profile: under the name it came from
// (over the current profile) or under a new one, which becomes the active profile.
func (p *weightsPane) saveForm() {
	t := p.e.t
	base := p.wb.weightsBase()
	f := newForm(p.e, p.keys, t.s("w.save.title"))
	f.info = []string{t.f("w.save.info", base.Name)}
	f.text(t.s("w.save.name"), base.Name)
	id, actor := p.wb.id, p.e.actor
	f.submit = func(f *formDialog) (tea.Cmd, error) {
		name := f.values()[0]
		if name == "" || strings.ContainsAny(name, "\n\r\t") {
			return nil, errorf(t.s("w.save.needname"))
		}
		wp := p.wb.weightsBase().Clone()
		wp.Name = name
		if err := wp.Validate(&p.wb.ev.Framework); err != nil {
			return nil, errorf(weightErrText(t, &p.wb.ev.Framework, err))
		}
		return p.saveProfile(id, actor, wp, f), nil
	}
	p.e.open(f)
}

// saveProfile is the store work of a save: the profile, made active, and the draft cleared.
func (p *weightsPane) saveProfile(id int64, actor string, wp model.WeightProfile, retry retryable) tea.Cmd {
	return p.e.write(p.e.t.f("w.what.save", wp.Name), retry, true, func(s Store) error {
		if err := s.SaveProfile(id, wp, actor); err != nil {
			return err
		}
		if err := s.SetActiveProfile(id, wp.Name, actor); err != nil {
			return err
		}
		return s.SaveDraft(id, nil)
	})
}

func (p *weightsPane) renameForm(old string) {
	t := p.e.t
	f := newForm(p.e, p.keys, t.f("w.rename.title", old))
	f.text(t.s("w.save.name"), old)
	id, actor := p.wb.id, p.e.actor
	f.submit = func(f *formDialog) (tea.Cmd, error) {
		name := f.values()[0]
		if name == "" || strings.ContainsAny(name, "\n\r\t") {
			return nil, errorf(t.s("w.save.needname"))
		}
		if name == old {
			return nil, nil
		}
		for _, wp := range p.wb.ev.Profiles {
			if wp.Name == name {
				return nil, errorf(t.f("w.rename.taken", name))
			}
		}
		return p.e.write(t.f("w.what.rename", old, name), f, true,
			func(s Store) error { return s.RenameProfile(id, old, name, actor) }), nil
	}
	p.e.open(f)
}

func (p *weightsPane) confirmDelete(name string) {
	t := p.e.t
	switch {
	case len(p.wb.ev.Profiles) <= 1:
		p.e.status(statusWarn, t.s("w.del.only"))
		return
	case name == p.wb.prob.Profile:
		p.e.status(statusWarn, t.f("w.del.active", name))
		return
	}
	id, actor := p.wb.id, p.e.actor
	p.e.open(&confirmDialog{e: p.e, keys: p.keys,
		text: func(t tr) (string, string) { return t.s("w.del.title"), t.f("w.del.body", name) },
		yes: func() tea.Cmd {
			return p.e.write(t.f("w.what.delete", name), nil, true,
				func(s Store) error { return s.DeleteProfile(id, name, actor) })
		}})
}
