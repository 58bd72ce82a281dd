package xlsx

import (
	"reflect"
	"testing"

	"ccselect/model"
)

// The workbook's break-even weights are the engine's, for every profile of the sample.
func TestBreakEvensMatchEngine(t *testing.T) {
	ev := sample(t)
	for _, prof := range ev.Profiles {
		for _, m := range []model.Method{model.WSM{}, model.TOPSIS{}} {
			p, err := model.NewProblem(ev, prof.Name, model.ConsensusMean, m)
			if err != nil {
				t.Fatal(err)
			}
			want := model.BreakEvens(p)
			got := breakEvens(p)
			if got.Leader != want.Leader || !reflect.DeepEqual(got.Ranked, want.Ranked) || !reflect.DeepEqual(got.Params, want.Params) {
				t.Errorf("%s/%s: leader %d ranked %v, engine %d %v", prof.Name, m.Name(), got.Leader, got.Ranked, want.Leader, want.Ranked)
			}
			if !reflect.DeepEqual(got.BreakEvens, want.BreakEvens) {
				t.Errorf("%s/%s: break-evens differ from the engine's", prof.Name, m.Name())
			}
		}
	}
}
