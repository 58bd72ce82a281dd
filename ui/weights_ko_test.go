package ui

import (
	"strings"
	"testing"

	"ccselect/model"
)

// K lists the profile's knock-outs with the vendors each excludes (the sample's two rules knock
// out Qinghe); a new rule shows what it would exclude while its threshold is typed, is stored
// (audited) and then excludes those vendors from the ranking; x removes it after a confirmation.
func TestWeightsKnockOuts(t *testing.T) {
	r, st, id := weightsRoot(t, model.LangEn)
	press(r, "K")
	if _, ok := r.dialog().(*knockoutsDialog); !ok {
		t.Fatalf("K opened %T", r.dialog())
	}
	if scr := screen(r); strings.Count(scr, "excludes: Qinghe ServiceCloud") != 2 {
		t.Fatalf("rules:\n%s", scr)
	}
	before := len(r.wb.ev.KnockOuts)
	press(r, "a")
	typeText(r, "99")
	if scr := screen(r); !strings.Contains(scr, "excludes: Yunqi Telecom, Huisheng AI, Panshi Xinlian") {
		t.Fatalf("no live preview:\n%s", scr)
	}
	press(r, "backspace", "backspace")
	typeText(r, "4")
	press(r, "enter")
	ev, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.KnockOuts) != before+1 {
		t.Fatalf("stored %v", ev.KnockOuts)
	}
	k := ev.KnockOuts[before]
	if k.Criterion != "arch_redundancy" || k.Op != model.OpGE || k.Threshold != 4 || k.Profile != "" {
		t.Fatalf("rule %+v", k)
	}
	press(r, "down", "down", "x", "y")
	if ev, _ := st.Load(id); len(ev.KnockOuts) != before {
		t.Fatalf("remove: %v", ev.KnockOuts)
	}
}
