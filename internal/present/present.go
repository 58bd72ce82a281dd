// Package present is the one voice of ccselect's domain wording in zh and en, shared by the
// workbench, the exports and the CLI, so that a phrase is worded once (issue 8): unit, template,
// method and consensus names, the knock-out reason and its number format (knockout.go), the
// common user errors (errors.go), the model's weight refusals (weights.go), the robustness
// sentence (robustness.go: model.Robustness is the data, this the words) and two-decimal rounding
// (fixed.go).
package present

import (
	"strings"

	"ccselect/model"
)

type pair struct{ zh, en string }

func (p pair) in(l model.Lang) string {
	if l == model.LangZh {
		return p.zh
	}
	return p.en
}

// units are the catalogue's measurement units (shared/domain/criteria-catalog.md).
var units = map[string]pair{
	"channels": {"路", "channels"},
	"minutes":  {"分钟", "minutes"},
	"hours":    {"小时", "hours"},
	"seconds":  {"秒", "seconds"},
	"days":     {"天", "days"},
	"%":        {"%", "%"},
}

// Unit is a measured criterion's unit in l ("channels" → "路"); a unit the catalogue does not
// name is shown as written.
func Unit(u string, l model.Lang) string {
	if p, ok := units[u]; ok {
		return p.in(l)
	}
	return u
}

// templates are the industry templates (samples/framework.json).
var templates = map[string]pair{
	"default":    {"默认", "default"},
	"finance":    {"金融", "finance"},
	"healthcare": {"医疗", "healthcare"},
	"government": {"政务", "government"},
	"ecommerce":  {"电商", "e-commerce"},
}

// TemplateName is an industry template's name in l; an unknown one is its id with spaces.
func TemplateName(name string, l model.Lang) string {
	if name == "" {
		return "–"
	}
	if p, ok := templates[name]; ok {
		return p.in(l)
	}
	return strings.ReplaceAll(name, "_", " ")
}
