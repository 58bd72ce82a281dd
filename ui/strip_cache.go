package ui

import "ccselect/model"

// The live-ranking strip is the same on most keystrokes (a cursor move changes nothing in
// it) yet costs about a sixth of a grid frame. settle draws it in Update when it is on screen;
// View takes that drawing while what it was drawn from is unchanged, else draws it afresh.

type stripKey struct {
	wb   *workbench
	rev  int
	w    int
	lang model.Lang
	look styleLook
}

type stripCache struct {
	key  stripKey
	text string
}

func (r *Root) stripKeyNow() stripKey {
	return stripKey{wb: r.wb, rev: r.wb.Revision(), w: r.w, lang: r.e.t.lang, look: r.styles.look}
}

// settleStrip draws the strip for the next View (from settle).
func (r *Root) settleStrip() {
	if r.wb == nil || r.screen != screenWorkbench {
		return
	}
	if k := r.stripKeyNow(); r.strip.key != k || r.strip.text == "" {
		r.strip = stripCache{key: k, text: r.renderStrip()}
	}
}

// stripView is the strip for View: the settled drawing when still current.
func (r *Root) stripView() string {
	if r.strip.text != "" && r.strip.key == r.stripKeyNow() {
		return r.strip.text
	}
	return r.renderStrip()
}
