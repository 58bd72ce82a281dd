package ui

import (
	"ccselect/model"
	"ccselect/samples"
)

// templateNames and newFromTemplate are the industry templates offered by "new".
func templateNames() []string { return samples.TemplateNames() }

func newFromTemplate(name, evalName, client string, peak float64) (*model.Evaluation, error) {
	return samples.Template(name, evalName, client, peak)
}
