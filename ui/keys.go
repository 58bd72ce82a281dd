package ui

import (
	"charm.land/bubbles/v2/key"
)

// keyMap is every binding of the interface, with help text in one language. It is rebuilt when
// the language changes (never a package-level mutable map).
type keyMap struct {
	// Everywhere.
	Quit, Help, Lang, Suspend, Interrupt key.Binding
	// Workbench, any tab.
	NextTab, PrevTab, Reviewer, Undo, Redo, Home, Retry key.Binding
	// Grid and lists.
	Up, Down, Left, Right, PageUp, PageDown, Top, Bottom key.Binding
	Rate, Half, Edit, Clear, Advance                     key.Binding
	// Home.
	New, Open, Duplicate, Rename, Delete key.Binding
	// Vendors and reviewers tabs.
	Add, EditItem, RenameItem, DeleteItem, Choose key.Binding
	// Dialogs.
	Confirm, Deny, Cancel, NextField, PrevField, Submit, Choice, ChoicePrev, ChoiceNext key.Binding
	CloseHelp                                                                           key.Binding
	// Sensitivity tab. Param and Samples only describe their pairs in the help.
	Param, ParamPrev, ParamNext, Section          key.Binding
	RunSMAA, CancelSMAA, Mode, Level, Uncertainty key.Binding
	Samples, SamplesUp, SamplesDown               key.Binding
	// Weights tab (weights_keys.go).
	W weightKeys
	// Sizing tab, and the workbench's export and sheet import (sizing.go, export_dialog.go).
	Govern, Export, Import key.Binding
	// Tabs are the open workbench's direct tab keys, set by the root from the tab registry
	// (tabs.go) whenever the tabs or the language change.
	Tabs key.Binding
}

func newKeyMap(t tr) keyMap {
	b := func(keys []string, label, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, t.s(desc)))
	}
	k := func(keys ...string) []string { return keys }
	return keyMap{
		Quit:    b(k("q", "ctrl+c"), "q", "key.quit"),
		Help:    b(k("?"), "?", "key.help"),
		Lang:    b(k("L"), "L", "key.lang"),
		Suspend: b(k("ctrl+z"), "ctrl+z", "key.suspend"),
		// ctrl+c also matches Quit; on its own it quits even from a form field.
		Interrupt: b(k("ctrl+c"), "ctrl+c", "key.quit"),
		NextTab:   b(k("tab"), "tab", "key.nexttab"),
		PrevTab:   b(k("shift+tab"), "shift+tab", "key.prevtab"),
		Reviewer:  b(k("R"), "R", "key.reviewer"),
		Undo:      b(k("u"), "u", "key.undo"),
		Redo:      b(k("ctrl+r"), "ctrl+r", "key.redo"),
		Home:      b(k("esc"), "esc", "key.home"),
		Retry:     b(k("w"), "w", "key.retry"),

		Up:       b(k("up", "k"), "↑/k", "key.up"),
		Down:     b(k("down", "j"), "↓/j", "key.down"),
		Left:     b(k("left", "h"), "←/h", "key.left"),
		Right:    b(k("right", "l"), "→/l", "key.right"),
		PageUp:   b(k("pgup", "ctrl+u"), "pgup", "key.pgup"),
		PageDown: b(k("pgdown", "ctrl+d"), "pgdn", "key.pgdown"),
		Top:      b(k("home", "g"), "g", "key.top"),
		Bottom:   b(k("end", "G"), "G", "key.bottom"),
		Rate:     b(k("1", "2", "3", "4", "5"), "1-5", "key.rate"),
		Half:     b(k("."), ".", "key.half"),
		Edit:     b(k("enter"), "enter", "key.edit"),
		Clear:    b(k("backspace", "delete"), "⌫", "key.clear"),
		Advance:  b(k("A"), "A", "key.advance"),

		New:       b(k("n"), "n", "key.new"),
		Open:      b(k("enter"), "enter", "key.open"),
		Duplicate: b(k("d"), "d", "key.duplicate"),
		Rename:    b(k("r"), "r", "key.rename"),
		Delete:    b(k("x"), "x", "key.delete"),

		Add:        b(k("a"), "a", "key.add"),
		EditItem:   b(k("enter", "e"), "enter", "key.edititem"),
		RenameItem: b(k("r"), "r", "key.rename"),
		DeleteItem: b(k("x"), "x", "key.delete"),
		Choose:     b(k("space", "c"), "space", "key.choose"),

		Confirm:    b(k("y", "Y", "enter"), "y/enter", "key.yes"),
		Deny:       b(k("n", "N", "esc", "q"), "n/esc", "key.no"),
		CloseHelp:  b(k("?", "esc", "q", "enter"), "esc/?", "key.close"),
		Cancel:     b(k("esc"), "esc", "key.cancel"),
		NextField:  b(k("tab", "down"), "tab", "key.nextfield"),
		PrevField:  b(k("shift+tab", "up"), "shift+tab", "key.prevfield"),
		Submit:     b(k("enter", "ctrl+s"), "enter", "key.submit"),
		Choice:     b(k("left", "right"), "←/→", "key.choice"),
		ChoicePrev: b(k("left", "h"), "←", "key.choice"),
		ChoiceNext: b(k("right", "l", "space"), "→", "key.choice"),

		Param:       b(k("[", "]", "left", "right"), "[ ]", "key.param"),
		ParamPrev:   b(k("[", "left"), "[", "key.param"),
		ParamNext:   b(k("]", "right"), "]", "key.param"),
		Section:     b(k("v"), "v", "key.section"),
		RunSMAA:     b(k("s"), "s", "key.smaa"),
		CancelSMAA:  b(k("esc"), "esc", "key.smaacancel"),
		Mode:        b(k("m"), "m", "key.smaamode"),
		Level:       b(k("l"), "l", "key.smaalevel"),
		Uncertainty: b(k("U"), "U", "key.smaaunc"),
		Samples:     b(k("+", "-"), "+/-", "key.samples"),
		SamplesUp:   b(k("+", "="), "+", "key.samples"),
		SamplesDown: b(k("-", "_"), "-", "key.samples"),

		W:      newWeightKeys(b),
		Govern: b(k("p"), "p", "key.govern"),
		Export: b(k("x"), "x", "key.export"),
		Import: b(k("i"), "i", "key.import"),
	}
}
