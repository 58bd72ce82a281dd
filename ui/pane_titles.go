package ui

import "ccselect/model"

// titled is a pane that names itself per language (the help overlay's title; a registry can
// use it for the tab row). Optional, like sizer and capturer; a pane without it is named by
// its tab label (the grids: the dimension's short label, as on its tab).
type titled interface {
	Title(lang model.Lang) string
}

func (p *homePane) Title(lang model.Lang) string      { return tr{lang}.s("hdr.home") }
func (p *overviewPane) Title(lang model.Lang) string  { return tr{lang}.s("tab.overview") }
func (p *sensPane) Title(lang model.Lang) string      { return tr{lang}.s("tab.sensitivity") }
func (p *vendorsPane) Title(lang model.Lang) string   { return tr{lang}.s("tab.vendors") }
func (p *reviewersPane) Title(lang model.Lang) string { return tr{lang}.s("tab.reviewers") }
