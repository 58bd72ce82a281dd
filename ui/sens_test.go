package ui

import (
	"context"
	"math"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"ccselect/model"
)

// toSens moves a freshly opened workbench to the Sensitivity tab (overview, then back past
// Reviewers, Vendors and Sizing).
func toSens(r *Root) {
	press(r, "0", "shift+tab", "shift+tab", "shift+tab", "shift+tab")
	screen(r) // as the program would: draw it once, so the pane knows where its sections are
}

// sensParam cycles the picker until it shows the parameter id; it fails after a full turn.
func sensParam(t *testing.T, r *Root, id string) {
	t.Helper()
	for i := 0; i <= len(r.wb.Analysis().params); i++ {
		if w, ok := paneAs[*sensPane](r, tabSensitivity).current(); ok && w.ID == id {
			return
		}
		press(r, "]")
	}
	t.Fatalf("parameter %s not in the picker", id)
}

// Golden renders of the Sensitivity pane (at widths 60, 80, 120): the chart of data security, the break-even table and
// tornado (v), and the SMAA panel after a seeded run of 20,000 samples (the run is driven to
// its end synchronously, so the numbers are always the same).
func TestGoldenSensitivity(t *testing.T) {
	st, id := sampleStore(t)
	views := []struct {
		name string
		keys []string
	}{
		{"chart", nil},
		{"tables", []string{"v"}},
		{"smaa", []string{"-", "-", "s"}},
	}
	for _, v := range views {
		t.Run(v.name, func(t *testing.T) {
			forEachWidthLang(t, func(t *testing.T, lang model.Lang, w, h int) {
				r := start(newTestRoot(st, lang, id, w, h))
				toSens(r)
				sensParam(t, r, "data_security")
				press(r, v.keys...)
				golden.RequireEqual(t, paneRender(r))
			})
		})
	}
}

// The chart, the break-even table and the summary agree with the model on the sample: data
// security may rise to 25.9% before Panshi leads, the knocked-out vendor is named as not
// drawn, and the picker walks dimensions, then the weighted criteria, and wraps.
func TestSensitivityContent(t *testing.T) {
	f := newPaneFixture(t, nil, model.LangEn, 120, 35)
	p := f.sens()
	f.view(p) // as the program would: draw it once, so the pane knows where its sections are
	paneParam(t, f, p, "data_security")
	scr := f.view(p)
	for _, want := range []string{
		"‹ Data security › dimension weight 20%",
		"▸Security      20%  —                            25.9% → Panshi Xinlian",
		"  Concurrency   16%  9.3% → Panshi Xinlian",
		"Not drawn (knocked out): Qinghe ServiceCloud",
		"▲20% current",
		"Robustness: Yunqi Telecom is first at the current weights; it stays first while data security ≤ 25.9%",
		"Tornado: Yunqi Telecom's lead",
	} {
		if !strings.Contains(scr, want) {
			t.Fatalf("missing %q:\n%s", want, scr)
		}
	}
	if strings.Contains(scr, "Qinghe ServiceCloud ") && strings.Contains(scr, "■ Qinghe") {
		t.Fatalf("the knocked-out vendor is drawn:\n%s", scr)
	}

	// Criteria come after the dimensions, only those that carry weight; the table then lists
	// the criteria of the same dimension.
	f.press(p, "]", "]")
	if w, _ := p.current(); w.Kind != model.ParamCriterion || w.ID != "arch_redundancy" {
		t.Fatalf("after operations: %+v", w)
	}
	scr = f.view(p)
	if !strings.Contains(scr, "criterion weight within System stability 37.5%") || !strings.Contains(scr, "▸Architecture redunda") ||
		strings.Contains(scr, "Feature fit   ") {
		t.Fatalf("criterion view:\n%s", scr)
	}
	for _, w := range f.wb.Analysis().params {
		if w.Kind == model.ParamCriterion && w.Current == 0 {
			t.Fatalf("zero-weight criterion %s in the picker", w.ID)
		}
	}
	if n := len(f.wb.Analysis().params); n != 5+15 {
		t.Fatalf("%d parameters, want 5 dimensions + 15 weighted criteria", n)
	}
	f.press(p, "[", "[", "[", "[", "[", "[") // back past the first: wraps to the last criterion
	if w, _ := p.current(); w.ID != "continuous_improvement" {
		t.Fatalf("[ does not wrap: %+v", w)
	}
	f.press(p, "right")
	if w, _ := p.current(); w.ID != "stability" {
		t.Fatalf("→ does not wrap: %+v", w)
	}
}

// paneParam cycles the Sensitivity pane's picker until it shows the parameter id.
func paneParam(t *testing.T, f *paneFixture, p *sensPane, id string) {
	t.Helper()
	for i := 0; i <= len(f.wb.Analysis().params); i++ {
		if w, ok := p.current(); ok && w.ID == id {
			return
		}
		f.press(p, "]")
	}
	t.Fatalf("parameter %s not in the picker", id)
}

// Options keys change the next run, and the result says what it was run with; the SMAA share
// then joins the summary on both tabs.
func TestSMAAOptionsAndSummary(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 120, 40))
	toSens(r)
	screen(r)
	press(r, "G") // the SMAA section is last
	if !strings.Contains(screen(r), "100,000 samples · uniform weights · dimension weights drawn · score uncertainty: none") {
		t.Fatalf("default options:\n%s", screen(r))
	}
	press(r, "-", "-", "-", "-") // stops at the smallest step
	press(r, "+", "m", "m", "l", "U")
	want := "20,000 samples · current weights ±20% · criterion weights drawn · score uncertainty: reviewer spread"
	if !strings.Contains(screen(r), want) {
		t.Fatalf("options after keys:\n%s", screen(r))
	}
	press(r, "s", "m", "l", "U")
	scr := screen(r)
	if !strings.Contains(scr, "Result: 20,000 draws · current weights ±20% · criterion weights drawn · score uncertainty: reviewer spread") {
		t.Fatalf("result header after changing the options:\n%s", scr)
	}
	if res := r.wb.smaa.res; res.Weights != model.WeightsAround || res.AroundPct != 20 || res.Level != model.LevelCriteria || res.Uncertainty != model.UncertaintyReviewers {
		t.Fatalf("run with %+v", res)
	}
	press(r, "s")
	scr = screen(r)
	if strings.Contains(scr, "Result:") {
		t.Fatalf("a result run with the options shown repeats them:\n%s", scr)
	}
	res := r.wb.smaa.res
	if res == nil || res.Samples != 20_000 || res.Seed != smaaSeed {
		t.Fatalf("result %+v", res)
	}
	// The same run on the engine directly gives the same numbers (fixed seed).
	p := r.wb.prob.Clone()
	direct, err := model.RunSMAA(context.Background(), p, model.SMAAOptions{Samples: 20_000, Seed: smaaSeed})
	if err != nil {
		t.Fatal(err)
	}
	for i := range direct.Acceptability {
		for k := range direct.Acceptability[i] {
			if direct.Acceptability[i][k] != res.Acceptability[i][k] {
				t.Fatalf("acceptability differs at %d,%d", i, k)
			}
		}
	}
	first := res.Acceptability[res.Index("yunqi")][0]
	pctFirst := sharePct(first)
	if !strings.Contains(scr, "Yunqi Telecom is first in "+pctFirst+" of weight scenarios") {
		t.Fatalf("summary lacks the SMAA share %s:\n%s", pctFirst, scr)
	}
	// The acceptability row of the leader, shaded cells in NO_COLOR carry a glyph.
	if row := " " + fit("Yunqi Telecom", 14) + " " + shadeGlyphs[shareBucket(first)] + fitRight(share(first), 5); !strings.Contains(scr, row) {
		t.Fatalf("acceptability row:\n%s", scr)
	}
	press(r, "0")
	if !strings.Contains(screen(r), "Robustness: Yunqi Telecom is first in "+pctFirst) {
		t.Fatalf("overview lacks the share:\n%s", screen(r))
	}
}

func sharePct(x float64) string {
	p := math.Round(x * 100)
	return itoa(int(p)) + "%"
}

// A finished result goes stale when a score changes (and says so instead of passing for
// current), the summary drops its share, and setting the score back makes it current again.
// An edit made while a run is in progress makes that run's result stale on arrival.
func TestSMAAStaleAfterScoreEdit(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	toSens(r)
	press(r, "-", "-", "-", "s")
	if r.wb.smaa.res == nil || r.wb.SMAAStale() {
		t.Fatal("no current result after a run")
	}
	if !strings.Contains(paneAs[*sensPane](r, tabSensitivity).summary().En, "of weight scenarios") {
		t.Fatalf("summary without SMAA: %s", paneAs[*sensPane](r, tabSensitivity).summary().En)
	}
	press(r, "4", "down", "right", "right", "1") // huisheng · storage security: 3 → 1
	press(r, "0", "shift+tab", "shift+tab", "shift+tab", "shift+tab", "G")
	scr := screen(r)
	if !strings.Contains(scr, "scores changed — press s to re-run") {
		t.Fatalf("no stale warning:\n%s", scr)
	}
	if strings.Contains(scr, "of weight scenarios") || strings.Contains(paneAs[*sensPane](r, tabSensitivity).summary().En, "of weight scenarios") {
		t.Fatalf("a stale share is still quoted:\n%s", scr)
	}
	press(r, "4", "left", "3") // back to wang's 3 (the rating moved the cursor on): the data is what the run saw
	press(r, "0", "shift+tab", "shift+tab", "shift+tab", "shift+tab", "G")
	if scr := screen(r); strings.Contains(scr, "scores changed") || !strings.Contains(scr, "of weight scenarios") {
		t.Fatalf("result not current again:\n%s", scr)
	}

	// An edit while the run is in progress: start it, edit, then let it finish.
	_, runCmd := r.Update(keyMsg("s"))
	if paneAs[*sensPane](r, tabSensitivity).smaa.running == nil {
		t.Fatal("s did not start a run")
	}
	press(r, "4", "1") // the cursor is still on huisheng · storage security
	drive(r, runCmd)
	press(r, "0", "shift+tab", "shift+tab", "shift+tab", "shift+tab", "G")
	if paneAs[*sensPane](r, tabSensitivity).smaa.running != nil || !strings.Contains(screen(r), "scores changed — press s to re-run") {
		t.Fatalf("a run overtaken by an edit is not stale:\n%s", screen(r))
	}
	press(r, "s")
	if strings.Contains(screen(r), "scores changed") {
		t.Fatalf("re-run still stale:\n%s", screen(r))
	}
}

// esc cancels a run in progress (instead of leaving the evaluation) and the tab says so.
func TestSMAACancel(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangZh, id, 100, 30))
	toSens(r)
	_, runCmd := r.Update(keyMsg("s"))
	press(r, "esc")
	if r.screen != screenWorkbench {
		t.Fatal("esc during a run left the evaluation")
	}
	drive(r, runCmd)
	if paneAs[*sensPane](r, tabSensitivity).smaa.phase != smaaCancelled || r.wb.smaa.res != nil {
		t.Fatalf("phase %v, result %v", paneAs[*sensPane](r, tabSensitivity).smaa.phase, r.wb.smaa.res)
	}
	if !strings.Contains(screen(r), "已取消 · 按 s 重新运行") {
		t.Fatalf("no cancelled state:\n%s", screen(r))
	}
	// Issue 8 defect 5: without a run, esc on this tab does nothing but say where esc leaves
	// (a run that ended a moment before the key must not turn "cancel" into "leave").
	press(r, "esc")
	if r.screen != screenWorkbench || !strings.Contains(r.statusText, "没有进行中的运行") {
		t.Fatalf("esc without a run: screen %v, status %q", r.screen, r.statusText)
	}
	press(r, "0", "esc")
	if r.screen != screenHome {
		t.Fatal("esc on the overview did not go home")
	}
}

// Issue 8 defect 5: esc pressed right after a run finished stays in the workbench.
func TestEscAfterFinishedRunStays(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangZh, id, 100, 30))
	toSens(r)
	press(r, "s") // runs to completion (drive)
	if paneAs[*sensPane](r, tabSensitivity).smaa.running != nil || r.wb.smaa.res == nil {
		t.Fatal("the run did not finish")
	}
	press(r, "esc")
	if r.screen != screenWorkbench {
		t.Fatal("esc after a finished run left the workbench")
	}
}

// Without colour, each vendor's line and legend swatch use its own glyph; with colour, braille
// dots and coloured squares.
func TestSensitivityChartGlyphs(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 100, 30))
	toSens(r)
	scr := screen(r)
	for _, want := range []string{"* Yunqi Telecom", "o Panshi Xinlian", "+ Huisheng AI", "# Changfeng CloudLink"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("NO_COLOR legend lacks %q:\n%s", want, scr)
		}
	}
	for _, g := range []string{"*", "o", "+", "#"} { // each vendor's line is drawn with its glyph
		if !strings.Contains(strings.Join(lines(scr)[8:16], "\n"), g+g) {
			t.Fatalf("no %q line in the plot:\n%s", g, scr)
		}
	}
	r.opt.NoColor = false
	r.restyle()
	scr = screen(r)
	if !strings.Contains(scr, "■ Yunqi Telecom") || !strings.ContainsAny(scr, "⠁⠂⠄⡀⣀⠉⠒⠤") {
		t.Fatalf("colour chart:\n%s", scr)
	}
}

// In the smallest terminal the legend has no room for two lines: it keeps every glyph beside
// its vendor's (cut) name in one line rather than going.
func TestGoldenSensitivitySmall(t *testing.T) {
	st, id := sampleStore(t)
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		t.Run(string(lang), func(t *testing.T) {
			r := start(newTestRoot(st, lang, id, minWidth, minHeight))
			toSens(r)
			sensParam(t, r, "data_security")
			scr := screen(r)
			legend := ""
			for _, l := range lines(scr) {
				if strings.HasPrefix(l, " * ") {
					legend = l
				}
			}
			for _, g := range []string{" * ", "  o ", "  + ", "  # "} {
				if !strings.Contains(legend, g) {
					t.Fatalf("one-line legend %q lacks %q:\n%s", legend, g, scr)
				}
			}
			golden.RequireEqual(t, paneRender(r))
		})
	}
}

// The tab row puts the separator before Weights and Sensitivity.
func TestSensitivityTabPlace(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangZh, id, 100, 30))
	kinds := []tabKind{}
	for _, tb := range r.tabs {
		kinds = append(kinds, tb.kind)
	}
	if n := len(kinds); kinds[n-4] != tabSensitivity || kinds[n-3] != tabSizing || kinds[n-2] != tabVendors || kinds[n-1] != tabReviewers || kinds[n-5] != tabWeights || kinds[n-6] != tabDimension {
		t.Fatalf("tab order %v", kinds)
	}
	if row := lines(screen(r))[1]; !strings.Contains(row, "运维 │ 6权重 7敏感性 8规模测算 9厂商 @评审") {
		t.Fatalf("tab row %q", row)
	}
	_, spans := r.tabSpans(r.w)
	sp := spans[len(spans)-4]
	r.Update(tea.MouseClickMsg{X: sp.x0 + 1, Y: 1, Button: tea.MouseLeft})
	if r.tabs[r.tab].kind != tabSensitivity {
		t.Fatal("a click on the tab does not open it")
	}
}

// The help overlay of the Sensitivity tab lists its keys; the hint bar shows esc only while a
// run can be cancelled.
func TestSensitivityHelp(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 120, 40))
	toSens(r)
	hint := lines(screen(r))[39]
	if !strings.Contains(hint, "[ ] weight parameter") || !strings.Contains(hint, "s run SMAA") || strings.Contains(hint, "esc") {
		t.Fatalf("hint bar %q", hint)
	}
	press(r, "?")
	scr := screen(r)
	for _, want := range []string{"Keys · Sensitivity", "weight parameter", "next section", "run SMAA",
		"stop SMAA", "+/-", "weight mode", "level", "uncertainty"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("help lacks %q:\n%s", want, scr)
		}
	}
	press(r, "esc")
	_, cmd := r.Update(keyMsg("s"))
	if hint := lines(screen(r))[39]; !strings.Contains(hint, "esc stop SMAA") {
		t.Fatalf("hint bar during a run %q", hint)
	}
	press(r, "esc")
	drive(r, cmd)
}

// Every size from the minimum up, with a result on screen and after each scrolling or picking
// key: the screen keeps its exact size and the header keeps the reviewer and the saved state.
func TestSensitivityLayoutSizes(t *testing.T) {
	ev := synthEval(7, 15, 3)
	ev.Vendors[3].Name.Zh = "长风云联科技集团股份有限公司呼叫中心事业部"
	st := newMemStore(ev)
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		for _, sz := range [][2]int{{60, 16}, {61, 17}, {80, 24}, {100, 30}, {133, 41}} {
			r := start(newTestRoot(st, lang, 1, sz[0], sz[1]))
			toSens(r)
			press(r, "-", "-", "-", "s")
			for _, k := range []string{"g", "v", "v", "v", "]", "pgdown", "G", "[", "up", "l", "m", "U", "s", "L"} {
				if k == "pgdown" {
					r.Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
				} else {
					press(r, k)
				}
				ls := lines(screen(r))
				if len(ls) != sz[1] {
					t.Fatalf("%s %v after %s: %d lines", lang, sz, k, len(ls))
				}
				for i, l := range ls {
					if width(l) != sz[0] {
						t.Fatalf("%s %v after %s: line %d is %d cells:\n%s", lang, sz, k, i, width(l), strings.Join(ls, "\n"))
					}
				}
				if h := ls[0]; !strings.Contains(h, "评审1") {
					t.Fatalf("%s %v: the header lost the reviewer: %q", lang, sz, h)
				}
			}
		}
	}
}

// At the narrowest width with the demo badge, the header gives up the profile before the
// reviewer.
func TestHeaderKeepsReviewer(t *testing.T) {
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangZh, id, 60, 16))
	r.opt.Demo = true
	h := lines(screen(r))[0]
	if !strings.Contains(h, "评审: 王敏") || !strings.Contains(h, "[演示] 退出即丢弃") || width(h) != 60 {
		t.Fatalf("header %q", h)
	}
}

// Nothing to analyse: without vendors the tab says what to do; when every vendor is knocked
// out it says so, s refuses to run, and the overview's robustness line says it too.
func TestSensitivityEmptyStates(t *testing.T) {
	empty := synthEval(0, 15, 3)
	allOut := synthEval(4, 15, 3)
	allOut.KnockOuts = []model.KnockOut{{Criterion: "c00", Op: model.OpGE, Threshold: 6}}
	st := newMemStore(empty, allOut)

	r := start(newTestRoot(st, model.LangEn, 1, 80, 24))
	toSens(r)
	if scr := screen(r); !strings.Contains(scr, "Nothing to rank yet") {
		t.Fatalf("no vendors:\n%s", scr)
	}
	press(r, "s", "]", "v")
	if paneAs[*sensPane](r, tabSensitivity).smaa.running != nil {
		t.Fatal("a run started without vendors")
	}

	r = start(newTestRoot(st, model.LangEn, 2, 80, 24))
	toSens(r)
	scr := screen(r)
	if !strings.Contains(scr, "Robustness: No vendor passes the knock-outs.") || !strings.Contains(scr, "there is nothing to analyse") {
		t.Fatalf("all knocked out:\n%s", scr)
	}
	_, cmd := r.Update(keyMsg("s"))
	if cmd != nil || paneAs[*sensPane](r, tabSensitivity).smaa.running != nil || !strings.Contains(r.statusText, "No vendor passes") {
		t.Fatalf("s with nobody ranked: status %q", r.statusText)
	}
	press(r, "0")
	if !strings.Contains(screen(r), "Robustness: No vendor passes the knock-outs.") {
		t.Fatalf("overview:\n%s", screen(r))
	}
}
