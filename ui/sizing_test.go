package ui

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"ccselect/model"
)

// sizingStore is the sample with the two default peak scenarios (none governing: P = 1000).
func sizingStore(t testing.TB) (*sqlStore, int64) {
	t.Helper()
	st, id := sampleStore(t)
	for _, sc := range model.DefaultScenarios() {
		if err := st.raw.SaveScenario(id, sc, "test"); err != nil {
			t.Fatal(err)
		}
	}
	return st, id
}

// sizingTab is the position of the sizing tab (after the tools tabs before it).
func sizingTab(r *Root) {
	for i, tb := range r.tabs {
		if tb.kind == tabSizing {
			r.tab = i
			return
		}
	}
	panic("no sizing tab")
}

func TestGoldenSizing(t *testing.T) {
	st, id := sizingStore(t)
	forEachSizeLang(t, func(t *testing.T, lang model.Lang, w, h int) {
		r := start(newTestRoot(st, lang, id, w, h))
		sizingTab(r)
		press(r, "down") // the campaign peak
		golden.RequireEqual(t, screen(r))
	})
}

func TestGoldenSizingEmpty(t *testing.T) {
	st, id := sampleStore(t)
	for _, sc := range model.DefaultScenarios() { // the sample comes with the two default peaks
		if err := st.raw.DeleteScenario(id, sc.ID, "test"); err != nil {
			t.Fatal(err)
		}
	}
	forEachSizeLang(t, func(t *testing.T, lang model.Lang, w, h int) {
		r := start(newTestRoot(st, lang, id, w, h))
		sizingTab(r)
		golden.RequireEqual(t, screen(r))
	})
}

// The campaign peak (9,000 calls of 200 s talk + hold in 30 min) offers A = 9000·200/1800 =
// 1000 Erlangs. Erlang B at 1% blocking needs the smallest N with B(N, 1000) ≤ 0.01; for large
// A the classic approximation N ≈ A + 0.9·√A (Iversen, Teletraffic Engineering Handbook §4.3)
// gives ≈1028, and the exact recursion gives 1029, checked here against model.ErlangB on both
// sides. p on it makes it govern P: the loaded problem is recompiled at once (before the store
// answers) and every concurrent_channels score is the value function at P = 1029 — the Sizing
// pane alone, its one write queued (TestSizingGovernSavedAndUndone: the store's side).
func TestSizingGovernSetsPAndReranks(t *testing.T) {
	st, id := sizingStore(t)
	ev, err := st.raw.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	f := newPaneFixture(t, ev, model.LangEn, 100, 24)
	wb := f.wb
	p := newSizingPane(&f.env, &f.keys, wb)
	c := wb.ev.Framework.CriterionIndex("concurrent_channels")
	cr := wb.ev.Framework.Criteria[c]
	before := make([]float64, len(wb.ev.Vendors))
	oldScores := make([]float64, len(wb.ev.Vendors))
	for v := range before {
		before[v] = wb.line(v).Total
		oldScores[v] = wb.prob.Scores()[v*wb.prob.NC+c]
	}
	b1029, _ := model.ErlangB(1029, 1000)
	b1028, _ := model.ErlangB(1028, 1000)
	if !(b1029 <= 0.01 && b1028 > 0.01) {
		t.Fatalf("Erlang B(1028)=%.5f, B(1029)=%.5f: 1029 is not the 1%% point", b1028, b1029)
	}

	// The keystroke alone (its write not yet run) moves P and the ranking.
	f.press(p, "down", "p")
	if p, _ := wb.ev.Param(model.ParamPeak); p != 1029 || wb.ev.GoverningScenario != "campaign_peak" {
		t.Fatalf("after p: P = %v, governing %q; want 1029, campaign_peak", p, wb.ev.GoverningScenario)
	}
	if f.writes != 1 {
		t.Fatalf("%d writes queued, want 1", f.writes)
	}
	moved := 0
	for v := range wb.ev.Vendors {
		raw := wb.prob.Consensus(v, c)
		got := wb.prob.Scores()[v*wb.prob.NC+c]
		if want := model.ValueScore(cr.Anchors, 1029, raw); math.Abs(got-want) > 1e-12 {
			t.Errorf("%s scores %.6f, value function at P=1029 gives %.6f", wb.ev.Vendors[v].ID, got, want)
		}
		if math.Abs(got-oldScores[v]) > 1e-9 {
			moved++
		}
	}
	if moved == 0 {
		t.Errorf("P 1000 → 1029 moved no concurrency score")
	}
	totals := 0
	for v := range before {
		if math.Abs(wb.line(v).Total-before[v]) > 1e-12 {
			totals++
		}
	}
	if totals == 0 {
		t.Errorf("no vendor total moved")
	}
	if s := f.view(p); !strings.Contains(s, "P = 1029 channels · set by Campaign peak") {
		t.Errorf("the P line does not name the governing scenario:\n%s", s)
	}
}

// The same p through the workbench: after the reload the database holds P = 1029 and the
// governing mark, the screen says so, and it is one audited edit (undo puts P and the mark back).
func TestSizingGovernSavedAndUndone(t *testing.T) {
	st, id := sizingStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	sizingTab(r)
	press(r, "down", "p")
	ev, err := st.raw.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Params[model.ParamPeak] != 1029 || ev.GoverningScenario != "campaign_peak" {
		t.Fatalf("stored P = %v, governing %q", ev.Params[model.ParamPeak], ev.GoverningScenario)
	}
	s := screen(r)
	if !strings.Contains(s, "P = 1029 channels · set by Campaign peak") {
		t.Errorf("the P line does not name the governing scenario:\n%s", s)
	}
	// The session the reload made scores concurrency at the stored P too.
	wb := r.wb
	c := wb.ev.Framework.CriterionIndex("concurrent_channels")
	for v := range wb.ev.Vendors {
		want := model.ValueScore(wb.ev.Framework.Criteria[c].Anchors, 1029, wb.prob.Consensus(v, c))
		if got := wb.prob.Scores()[v*wb.prob.NC+c]; math.Abs(got-want) > 1e-12 {
			t.Errorf("after the reload: %s scores %.6f, value function at P=1029 gives %.6f", wb.ev.Vendors[v].ID, got, want)
		}
	}
	press(r, "u")
	if ev, err = st.raw.Load(id); err != nil {
		t.Fatal(err)
	}
	if ev.Params[model.ParamPeak] != 1000 || ev.GoverningScenario != "" {
		t.Errorf("after undo: stored P = %v, governing %q", ev.Params[model.ParamPeak], ev.GoverningScenario)
	}
	if s := screen(r); !strings.Contains(s, "P = 1000") || !strings.Contains(s, "Undone: P set by Campaign peak") {
		t.Errorf("after undo:\n%s", s)
	}
}

// Editing the governing scenario's calls re-sizes P in the same edit; a refused input (0 calls)
// keeps the form open with the model's reason in the interface language and writes nothing.
func TestSizingEditGoverning(t *testing.T) {
	st, id := sizingStore(t)
	if _, err := st.raw.SetGoverningScenario(id, "daily_peak", "test"); err != nil {
		t.Fatal(err)
	}
	r := start(newTestRoot(st, model.LangZh, id, 80, 24))
	sizingTab(r)
	press(r, "enter")
	if _, ok := r.dialog().(*formDialog); !ok {
		t.Fatal("enter opened no form")
	}
	press(r, "ctrl+u") // the calls field: clear it
	typeText(r, "0")
	press(r, "ctrl+s")
	s := screen(r)
	if !strings.Contains(s, "呼叫量") || !strings.Contains(s, "必须大于 0") {
		t.Fatalf("0 calls not refused in Chinese:\n%s", s)
	}
	if ev, _ := st.raw.Load(id); ev.Scenario("daily_peak").Calls != 1500 {
		t.Fatal("a refused scenario was written")
	}
	press(r, "backspace")
	typeText(r, "3000") // twice the daily calls: A = 3000·180/1800 = 300 Erl
	want, _, err := model.ChannelsFor(300, 0.01)
	if err != nil {
		t.Fatal(err)
	}
	if s := screen(r); !strings.Contains(s, "所需通道 P = "+strconv.Itoa(want)) {
		t.Errorf("the form does not preview P = %d:\n%s", want, s)
	}
	press(r, "ctrl+s")
	ev, _ := st.raw.Load(id)
	if ev.Scenario("daily_peak").Calls != 3000 || ev.Params[model.ParamPeak] != float64(want) {
		t.Errorf("stored calls %v, P %v; want 3000, %d", ev.Scenario("daily_peak").Calls, ev.Params[model.ParamPeak], want)
	}
	if p, _ := r.wb.ev.Param(model.ParamPeak); p != float64(want) {
		t.Errorf("screen's P %v, want %d", p, want)
	}
}

// a adds a scenario (names and inputs), r renames it, x deletes it after the confirmation.
func TestSizingAddRenameDelete(t *testing.T) {
	st, id := sizingStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 80, 24))
	sizingTab(r)
	press(r, "a")
	typeText(r, "双十一")
	press(r, "tab")
	typeText(r, "Singles Day")
	press(r, "ctrl+s")
	ev, _ := st.raw.Load(id)
	if len(ev.Scenarios) != 3 || ev.Scenarios[2].Name.En != "Singles Day" || ev.Scenarios[2].Calls != 1500 {
		t.Fatalf("scenarios after add: %+v", ev.Scenarios)
	}
	if paneAs[*sizingPane](r, tabSizing).focused() != 2 {
		t.Errorf("cursor on %d, want the new scenario", paneAs[*sizingPane](r, tabSizing).focused())
	}
	press(r, "r", "tab", "ctrl+u")
	typeText(r, "Double 11")
	press(r, "ctrl+s")
	if ev, _ = st.raw.Load(id); ev.Scenarios[2].Name.En != "Double 11" {
		t.Fatalf("rename: %+v", ev.Scenarios[2].Name)
	}
	press(r, "x")
	if !strings.Contains(screen(r), "Delete Double 11?") {
		t.Fatalf("no confirmation:\n%s", screen(r))
	}
	press(r, "y")
	if ev, _ = st.raw.Load(id); len(ev.Scenarios) != 2 {
		t.Fatalf("after delete: %d scenarios", len(ev.Scenarios))
	}
}

// The help lists the sizing keys, and x there is the list's delete, not the export.
func TestSizingHelpTruthful(t *testing.T) {
	st, id := sizingStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 80, 24))
	sizingTab(r)
	press(r, "?")
	s := screen(r)
	for _, want := range []string{"set P from this", "delete", "import sheet"} {
		if !strings.Contains(s, want) {
			t.Errorf("help lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "x export") || strings.Contains(s, "x  export") {
		t.Errorf("help offers x as export where x deletes:\n%s", s)
	}
	press(r, "esc", "x") // here x asks to delete the focused scenario
	if _, ok := r.dialog().(*confirmDialog); !ok {
		t.Fatalf("x on the sizing tab opened %T, want the delete confirmation", r.dialog())
	}
	press(r, "n", "0", "x") // on the overview x exports
	if _, ok := r.dialog().(*exportDialog); !ok {
		t.Fatalf("x on the overview opened %T, want the export dialog", r.dialog())
	}
	if hint := lines(screen(r))[23]; strings.Contains(hint, "x export") {
		t.Errorf("the hint bar under a dialog shows the workbench keys: %q", hint)
	}
	press(r, "esc")
	if hint := lines(screen(r))[23]; !strings.Contains(hint, "x export") {
		t.Errorf("the overview's hint bar lacks x export: %q", hint)
	}
}

// BenchmarkSizingView is the sizing tab's View at 120×40 with the campaign peak focused (the
// what-if ranking is cached per data revision, so a frame sizes the scenarios and draws).
func BenchmarkSizingView(b *testing.B) {
	st, id := sizingStore(b)
	r := start(newTestRoot(st, model.LangZh, id, 120, 40))
	sizingTab(r)
	press(r, "down")
	b.ReportAllocs()
	for b.Loop() {
		_ = r.render()
	}
}
