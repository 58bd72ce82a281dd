package present_test

import (
	"testing"

	"ccselect/internal/present"
	"ccselect/model"
	"ccselect/samples"
)

func TestFixed2RoundsHalvesLikeASpreadsheet(t *testing.T) {
	for x, want := range map[float64]string{2.415: "2.42", 2.335: "2.34", 3.965: "3.97", 2.414999: "2.41",
		-0.005: "-0.01", 0.0001: "0.00", -0.0001: "0.00", 1.005: "1.01", 4: "4.00"} {
		if got := present.Fixed2(x); got != want {
			t.Errorf("Fixed2(%v) = %s, want %s", x, got, want)
		}
	}
}

// sampleProblem is the sample evaluation compiled, after edit (may be nil) changed it.
func sampleProblem(t *testing.T, edit func(*model.Evaluation)) *model.Problem {
	t.Helper()
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(ev)
	}
	p, err := model.NewProblem(ev, "", model.ConsensusMean, nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRobustnessWithoutVendors(t *testing.T) {
	p := sampleProblem(t, func(ev *model.Evaluation) { ev.Vendors, ev.Scores = nil, nil })
	if s := present.Robustness(p, nil, nil); s.En != "No vendors yet: add vendors first." || s.Zh != "还没有厂商：请先添加厂商。" {
		t.Fatalf("summary = %+v", s)
	}
}
