package ui

import (
	"fmt"
	"strings"
	"testing"

	"ccselect/model"
	"ccselect/samples"
)

// Every screen is exactly the terminal's height with the key hint on the last line: one extra
// line scrolls the hint bar (and the header) off a real terminal, which width checks miss.
func TestEveryTabFillsTheTerminalAndShowsTheHint(t *testing.T) {
	st, sampleID := sampleStore(t)
	empty, err := samples.Template("finance", "empty", "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	emptyID, err := st.Create(empty, "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		id   int64
	}{{"sample", sampleID}, {"empty", emptyID}} {
		for _, size := range [][2]int{{80, 24}, {120, 40}, {60, 16}} {
			for _, lang := range []model.Lang{model.LangEn, model.LangZh} {
				r := start(newTestRoot(st, lang, c.id, size[0], size[1]))
				for i := range r.tabs {
					r.tab = i
					where := fmt.Sprintf("%s %dx%d %s tab %d", c.name, size[0], size[1], lang, i)
					ls := lines(screen(r))
					if len(ls) != size[1] {
						t.Fatalf("%s: %d lines, want %d:\n%s", where, len(ls), size[1], screen(r))
					}
					if !strings.Contains(ls[len(ls)-1], "?") {
						t.Fatalf("%s: the last line is not the key hint: %q", where, ls[len(ls)-1])
					}
				}
			}
		}
	}
}

// A vendor nobody has scored yet is summarised in one phrase, not one "not scored" per gate.
func TestNewVendorKnockOutsAreSummarised(t *testing.T) {
	st, _ := sampleStore(t)
	ev, err := samples.Template("finance", "fresh", "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	ev.Vendors = []model.Vendor{{ID: "new", Name: model.Text{Zh: "新厂商", En: "Newco"}}}
	id, err := st.Create(ev, "test")
	if err != nil {
		t.Fatal(err)
	}
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	scr := screen(r)
	if !strings.Contains(scr, "7 knock-out criteria not scored yet") || strings.Contains(scr, "not scored ·") {
		t.Fatalf("fresh vendor's knock-outs:\n%s", scr)
	}
	press(r, "L")
	if !strings.Contains(screen(r), "7 项一票否决准则尚未评分") {
		t.Fatalf("zh:\n%s", screen(r))
	}
}

// At the minimum size the overview legend still names all five dimensions.
func TestOverviewLegendKeepsEveryDimensionWhenNarrow(t *testing.T) {
	st, id := sampleStore(t)
	for _, lang := range []model.Lang{model.LangEn, model.LangZh} {
		r := start(newTestRoot(st, lang, id, 60, 16))
		legend := lines(screen(r))[3]
		for _, want := range map[model.Lang][]string{
			model.LangEn: {"Stab", "Conc", "Feat", "Sec", "Ops"},
			model.LangZh: {"稳定", "并发", "功能", "安全", "运维"},
		}[lang] {
			if !strings.Contains(legend, want) {
				t.Fatalf("%s legend %q lacks %q", lang, legend, want)
			}
		}
	}
}
