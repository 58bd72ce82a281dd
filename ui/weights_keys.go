package ui

import "charm.land/bubbles/v2/key"

// weightKeys are the bindings of the Weights tab and its dialogs (a sub-map of keyMap, built
// with it so the help text follows the language).
type weightKeys struct {
	Dec, Inc, Dec5, Inc5, Step      key.Binding // Step only describes the pairs in the hint bar
	Lock, Exact, Equal, Level       key.Binding
	Profiles, Save, Discard, WhatIf key.Binding
	Compare                         key.Binding
	// In the profile picker.
	Use, Rename, Delete key.Binding
	// In the what-if dialog.
	Apply key.Binding
	// In the comparison picker.
	Toggle key.Binding
	// In the method editor (m). Method and Cell only describe their keys in the hints.
	Elicit, Method, Cell, More, Less, Judge, NextReviewer, ApplyMethod key.Binding
	// The knock-out rules of the profile.
	KnockOuts key.Binding
}

func newWeightKeys(b func(keys []string, label, desc string) key.Binding) weightKeys {
	k := func(keys ...string) []string { return keys }
	return weightKeys{
		Dec:      b(k("left", "h"), "←", "key.w.dec"),
		Inc:      b(k("right", "l"), "→", "key.w.inc"),
		Dec5:     b(k("shift+left"), "shift+←", "key.w.dec5"),
		Inc5:     b(k("shift+right"), "shift+→", "key.w.inc5"),
		Step:     b(k("left", "right"), "←→", "key.w.step"),
		Lock:     b(k("space"), "space", "key.w.lock"),
		Exact:    b(k("="), "=", "key.w.exact"),
		Equal:    b(k("e"), "e", "key.w.equal"),
		Level:    b(k("enter"), "enter", "key.w.level"),
		Profiles: b(k("p"), "p", "key.w.profiles"),
		Save:     b(k("s"), "s", "key.w.save"),
		Discard:  b(k("d"), "d", "key.w.discard"),
		WhatIf:   b(k("w"), "w", "key.w.whatif"),
		Compare:  b(k("c"), "c", "key.w.compare"),
		Use:      b(k("enter"), "enter", "key.w.use"),
		Rename:   b(k("r"), "r", "key.rename"),
		Delete:   b(k("x"), "x", "key.delete"),
		Apply:    b(k("a", "enter"), "a", "key.w.apply"),
		Toggle:   b(k("space"), "space", "key.w.toggle"),

		Elicit:       b(k("m"), "m", "key.w.elicit"),
		Method:       b(k("tab", "shift+tab"), "tab", "key.w.method"),
		Cell:         b(k("up", "down", "left", "right"), "↑↓←→", "key.w.cell"),
		More:         b(k("+", "="), "+", "key.w.more"),
		Less:         b(k("-", "_"), "-", "key.w.less"),
		Judge:        b(k("+", "-"), "+/-", "key.w.judge"),
		NextReviewer: b(k("r"), "r", "key.w.nextreviewer"),
		ApplyMethod:  b(k("enter"), "enter", "key.w.applymethod"),
		KnockOuts:    b(k("K"), "K", "key.w.knockouts"),
	}
}
