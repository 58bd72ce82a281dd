package ui

import (
	"fmt"
	"testing"

	"ccselect/model"
)

func TestScratchWeights(t *testing.T) {
	st, id := sampleStore(t)
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		r := start(newTestRoot(st, lang, id, 80, 24))
		press(r, "6", "down", "down", "down", "right", "right", "right", "right", "right", "right")
		fmt.Println(screen(r))
		press(r, "enter")
		fmt.Println(screen(r))
		press(r, "w")
		fmt.Println(screen(r))
	}
}
