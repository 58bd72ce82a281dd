package cli

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"ccselect/export"
	"ccselect/internal/present"
	"ccselect/model"
	"ccselect/storage"
)

func newSizeCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "size",
		Short: "Size the required peak P (Erlang B and C)",
		Long: `Size the required peak of concurrent channels P from call volumes, as a calculator
or from an evaluation's named scenarios.

Calculator: traffic A = calls × talk-and-hold time ÷ interval (or --traffic A in
Erlangs). Channels = the smallest N whose Erlang B blocking is at most --blocking
(default 1%): that is P. With --aht, agents by Erlang C on talk + hold + after-call
work at the service-level target --sl (default 80/20: 80% answered within 20 s), with
P(wait), ASA and occupancy; --agents N gives those figures at N agents instead.
Durations: 30m, 240s, 1h; a bare number is seconds.

Scenarios: --list shows an evaluation's scenarios with their results and which one
sets P; --scenario NAME shows one; --scenario NAME --apply makes it the governing
scenario and sets P to its channels (one audited edit: every value function and
knock-out relative to P follows). --save ID stores a scenario from the calculator
flags (an existing one keeps the inputs not given; saving the governing scenario
updates P in the same edit); --delete ID removes one.`,
		Example: `  ccselect size --calls 9000 --interval 30m --aht 200s --acw 30s --sl 80/20
  ccselect size --traffic 1000 --blocking 1%
  ccselect size --calls 1500 --interval 30m --aht 180 --agents 160 --format json
  ccselect size --eval W --list
  ccselect size --eval W --scenario campaign_peak --apply
  ccselect size --eval W --save campaign_peak --calls 12000
  ccselect size --eval W --save singles_day --name 双十一 --calls 20000 --interval 30m --aht 210s --acw 30s`,
		Args: noArgs,
		RunE: runSize,
	}
	f := c.Flags()
	f.String("calls", "", "calls offered in the busiest interval")
	f.String("interval", "", "length of that interval (15m, 30m, 1h; bare number: seconds)")
	f.String("traffic", "", "offered traffic in Erlangs, instead of --calls and --interval")
	f.String("aht", "", "average talk + hold time: how long a call holds a channel")
	f.String("acw", "0", "after-call work (agent time only, no channel)")
	f.String("sl", "80/20", "service-level target PCT/SECONDS")
	f.String("agents", "", "evaluate the service figures at this many agents")
	f.String("blocking", "1%", "channel blocking target (1% or 0.01)")
	addEval(c)
	f.Bool("list", false, "list the evaluation's scenarios and their results")
	f.String("scenario", "", "a scenario of the evaluation (id or name)")
	f.Bool("apply", false, "with --scenario: make it govern P and set P to its channels")
	f.String("save", "", "save scenario ID of the evaluation from --calls, --interval, --aht, --acw, --sl, --blocking")
	f.String("delete", "", "delete scenario ID of the evaluation")
	f.String("name", "", "with --save: the scenario's name")
	f.String("shrinkage", "", "with --save: fraction of paid agent time off the phones (e.g. 30%)")
	addAs(c)
	addFormat(c, "table", "json")
	return c
}

// sizeView is the JSON of the calculator; the agent figures are omitted without --aht.
type sizeView struct {
	Traffic      float64  `json:"traffic_erlangs"`
	Channels     int      `json:"channels"`
	Blocking     float64  `json:"blocking_at_channels"`
	Agents       *int     `json:"agents,omitempty"`
	ServiceLevel *float64 `json:"service_level,omitempty"`
	PWait        *float64 `json:"p_wait,omitempty"`
	ASA          *float64 `json:"asa_s,omitempty"` // omitted too when the queue never empties
	Occupancy    *float64 `json:"occupancy,omitempty"`
	Workload     *float64 `json:"workload_erlangs,omitempty"`
}

var calculatorFlags = []string{"calls", "interval", "traffic", "aht", "acw", "sl", "agents", "blocking"}

func runSize(c *cobra.Command, _ []string) error {
	f, err := format(c, "table", "json")
	if err != nil {
		return err
	}
	if str(c, "save") != "" || str(c, "delete") != "" {
		return runSizeSave(c) // size_scenario.go
	}
	evalMode := boolFlag(c, "list") || str(c, "scenario") != "" || boolFlag(c, "apply")
	if evalMode {
		for _, n := range calculatorFlags {
			if c.Flags().Changed(n) {
				return usagef("--%s is a calculator flag; it cannot be combined with --list, --scenario or --apply", n)
			}
		}
		return runSizeEval(c, f)
	}
	if c.Flags().Changed("eval") {
		return usagef("--eval needs --list or --scenario NAME")
	}
	in, err := calculatorInput(c)
	if err != nil {
		return err
	}
	v, err := calculate(in)
	if err != nil {
		return asUsage(errors.New(sizingMessage(err, lang(c))))
	}
	if f == "json" {
		return writeJSON(c.OutOrStdout(), v)
	}
	return writeSizeTable(c.OutOrStdout(), in, v, lang(c))
}

// calcInput is the calculator's command line, parsed.
type calcInput struct {
	traffic, aht, acw, sl, slSeconds, blocking float64
	agents                                     int
	hasAHT                                     bool
}

func calculatorInput(c *cobra.Command) (calcInput, error) {
	var in calcInput
	var err error
	calls, interval, traffic := str(c, "calls"), str(c, "interval"), str(c, "traffic")
	if in.hasAHT = str(c, "aht") != ""; in.hasAHT {
		if in.aht, err = parseDuration("--aht", str(c, "aht")); err != nil {
			return in, err
		}
	}
	switch {
	case traffic != "" && (calls != "" || interval != ""):
		return in, usagef("give --traffic, or --calls with --interval, not both")
	case traffic != "":
		if in.traffic, err = parseNumber("--traffic", traffic); err != nil {
			return in, err
		}
	case calls == "" || interval == "":
		return in, usagef("give --calls N with --interval DUR (and --aht DUR), or --traffic ERLANGS")
	case !in.hasAHT:
		return in, usagef("--calls needs --aht: the talk + hold time gives the traffic")
	default:
		n, err := parseNumber("--calls", calls)
		if err != nil {
			return in, err
		}
		iv, err := parseDuration("--interval", interval)
		if err != nil {
			return in, err
		}
		if in.traffic, err = model.Traffic(n, in.aht, iv); err != nil {
			return in, asUsage(errors.New(sizingMessage(err, lang(c))))
		}
	}
	if in.acw, err = parseDuration("--acw", str(c, "acw")); err != nil {
		return in, err
	}
	if in.sl, in.slSeconds, err = parseSL(str(c, "sl")); err != nil {
		return in, err
	}
	if in.blocking, err = parseFraction("--blocking", str(c, "blocking")); err != nil {
		return in, err
	}
	if a := str(c, "agents"); a != "" {
		n, err := strconv.Atoi(strings.TrimSpace(a))
		if err != nil || n < 1 || n > 1e7 {
			return in, usagef("--agents must be a whole number from 1, got %q", a)
		}
		in.agents = n
	}
	if !in.hasAHT && (c.Flags().Changed("agents") || c.Flags().Changed("acw") || c.Flags().Changed("sl")) {
		return in, usagef("--agents, --acw and --sl need --aht (agents are sized on the handle time)")
	}
	return in, nil
}

func calculate(in calcInput) (sizeView, error) {
	var v sizeView
	var err error
	v.Traffic = in.traffic
	if v.Channels, v.Blocking, err = model.ChannelsFor(in.traffic, in.blocking); err != nil {
		return v, err
	}
	if !in.hasAHT {
		return v, nil
	}
	aht := in.aht + in.acw
	work := in.traffic * aht / in.aht // the same calls, each holding an agent for talk + hold + ACW
	var q model.Queue
	if in.agents > 0 {
		q, err = model.ErlangC(in.agents, work, aht, in.slSeconds)
	} else {
		q, err = model.AgentsFor(work, aht, in.sl, in.slSeconds)
	}
	if err != nil {
		return v, err
	}
	v.Agents, v.ServiceLevel, v.PWait, v.Occupancy, v.Workload = &q.Agents, &q.ServiceLevel, &q.PWait, &q.Occupancy, &work
	if !math.IsInf(q.ASA, 0) {
		v.ASA = &q.ASA
	}
	return v, nil
}

func writeSizeTable(w io.Writer, in calcInput, v sizeView, l model.Lang) error {
	zh := l == model.LangZh
	pick := func(en, z string) string {
		if zh {
			return z
		}
		return en
	}
	fmt.Fprintf(w, pick("traffic   %.2f Erlangs\n", "话务量    %.2f 爱尔兰\n"), v.Traffic)
	fmt.Fprintf(w, pick("channels  %d  (P: blocking %.2f%% at a %s target, Erlang B)\n", "线路数    %d  （即 P：呼损 %.2f%%，目标 %s，Erlang B）\n"),
		v.Channels, v.Blocking*100, trimPct(in.blocking))
	if v.Agents == nil {
		_, err := fmt.Fprintln(w, pick("agents    (give --aht to size agents)", "坐席数    （给出 --aht 才能测算坐席）"))
		return err
	}
	how := fmt.Sprintf(pick("Erlang C on %.2f Erlangs of talk + hold + after-call work", "Erlang C，通话+保持+话后处理共 %.2f 爱尔兰"), *v.Workload)
	if in.agents > 0 {
		how = pick("as given", "按给定值")
	}
	fmt.Fprintf(w, pick("agents    %d  (%s)\n", "坐席数    %d  （%s）\n"), *v.Agents, how)
	fmt.Fprintf(w, pick("service   %.1f%% answered within %gs (target %s)\n", "服务水平  %.1f%% 在 %g 秒内接通（目标 %s）\n"), *v.ServiceLevel*100, in.slSeconds, trimPct(in.sl))
	asa := pick("∞ (the queue never empties)", "∞（队列永不清空）")
	if v.ASA != nil {
		asa = fmt.Sprintf("%.1fs", *v.ASA)
	}
	_, err := fmt.Fprintf(w, pick("p(wait)   %.1f%%   ASA %s   occupancy %.1f%%\n", "排队概率  %.1f%%   平均应答 %s   占用率 %.1f%%\n"), *v.PWait*100, asa, *v.Occupancy*100)
	return err
}

func trimPct(x float64) string { return strconv.FormatFloat(x*100, 'f', -1, 64) + "%" }

// parseDuration reads 30m, 240s, 1h30m or a bare number of seconds.
func parseDuration(flag, s string) (float64, error) {
	s = strings.TrimSpace(s)
	if x, err := strconv.ParseFloat(s, 64); err == nil {
		if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
			return 0, usagef("%s must be a duration such as 30m or 240s, got %q", flag, s)
		}
		return x, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, usagef("%s must be a duration such as 30m or 240s (a bare number is seconds), got %q", flag, s)
	}
	return d.Seconds(), nil
}

func parseNumber(flag, s string) (float64, error) {
	x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) || x <= 0 {
		return 0, usagef("%s must be a positive number, got %q", flag, s)
	}
	return x, nil
}

// parseFraction reads 1%, 0.01 or 1 (a value of 1 or more is a percent).
func parseFraction(flag, s string) (float64, error) {
	t := strings.TrimSpace(s)
	percent := strings.HasSuffix(t, "%")
	x, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(t, "%")), 64)
	if err != nil || math.IsNaN(x) || x <= 0 {
		return 0, usagef("%s must be a percent or a fraction between 0 and 1, got %q", flag, s)
	}
	if percent || x >= 1 {
		x /= 100
	}
	if x >= 1 {
		return 0, usagef("%s must be below 100%%, got %q", flag, s)
	}
	return x, nil
}

// parseSL reads PCT/SECONDS: 80/20, 80%/20s, 0.9/15.
func parseSL(s string) (float64, float64, error) {
	p, t, ok := strings.Cut(s, "/")
	if !ok {
		return 0, 0, usagef("--sl must be PCT/SECONDS, e.g. 80/20 (80%% answered within 20 s), got %q", s)
	}
	sl, err := parseFraction("--sl", p)
	if err != nil {
		return 0, 0, err
	}
	secs, err := parseDuration("--sl", t)
	if err != nil {
		return 0, 0, err
	}
	return sl, secs, nil
}

// sizingMessage renders a model sizing error in the user's language.
func sizingMessage(err error, l model.Lang) string {
	if s, ok := present.ModelError(err, l); ok {
		return s
	}
	return err.Error()
}

// scenarioView is one scenario of size --list, with its results.
type scenarioView struct {
	model.Scenario
	Governing bool                `json:"governing"`
	Result    *model.SizingResult `json:"result,omitempty"`
	Error     string              `json:"error,omitempty"`
}

func runSizeEval(c *cobra.Command, f string) error {
	apply := boolFlag(c, "apply")
	ref := strings.TrimSpace(str(c, "scenario"))
	switch {
	case apply && ref == "":
		return usagef("--apply needs --scenario NAME")
	case boolFlag(c, "list") && ref != "":
		return usagef("--list lists every scenario; drop --scenario, or drop --list to show one")
	}
	return withEval(c, apply, func(st *storage.Store, ev *model.Evaluation) error {
		out := c.OutOrStdout()
		l := lang(c)
		if ref == "" {
			return listScenarios(out, ev, f, l)
		}
		sc, err := resolveScenario(ev, ref)
		if err != nil {
			return err
		}
		peak, res, err := model.PeakFromScenario(*sc)
		if err != nil {
			return errors.New(sizingMessage(err, l))
		}
		if !apply {
			return writeScenarios(out, ev, []model.Scenario{*sc}, f, l)
		}
		old, _ := ev.Param(model.ParamPeak)
		if peak, err = st.SetGoverningScenario(ev.ID, sc.ID, actor(c)); err != nil {
			return err
		}
		text := fmt.Sprintf("P = %g from scenario %s (%s): %d channels at %.2f Erlangs (was %g)",
			peak, sc.ID, sc.Name.In(l), res.Channels, res.Traffic, old)
		return done(c, text, orderedJSON{{"scenario", sc.ID}, {"peak", peak}, {"peak_before", old}, {"result", res}})
	})
}

func resolveScenario(ev *model.Evaluation, ref string) (*model.Scenario, error) {
	if s := ev.Scenario(ref); s != nil {
		return s, nil
	}
	ids := make([]string, len(ev.Scenarios))
	for i := range ev.Scenarios {
		s := &ev.Scenarios[i]
		ids[i] = s.ID
		if s.Name.Zh == ref || s.Name.En == ref {
			return s, nil
		}
	}
	return nil, unknown("scenario", ref, ids, "ccselect size --list")
}

func listScenarios(w io.Writer, ev *model.Evaluation, f string, l model.Lang) error {
	return writeScenarios(w, ev, ev.Scenarios, f, l)
}

func writeScenarios(w io.Writer, ev *model.Evaluation, list []model.Scenario, f string, l model.Lang) error {
	peak, hasPeak := ev.Param(model.ParamPeak)
	views := []scenarioView{}
	for _, s := range list {
		v := scenarioView{Scenario: s, Governing: s.ID == ev.GoverningScenario}
		if r, err := model.Size(s); err != nil {
			v.Error = sizingMessage(err, l)
		} else {
			v.Result = &r
		}
		views = append(views, v)
	}
	if f == "json" {
		obj := orderedJSON{{"peak", nil}, {"governing", ev.GoverningScenario}, {"scenarios", views}}
		if hasPeak {
			obj[0].v = peak
		}
		return writeJSON(w, obj)
	}
	zh := l == model.LangZh
	pick := func(en, z string) string {
		if zh {
			return z
		}
		return en
	}
	if len(ev.Scenarios) == 0 {
		_, err := fmt.Fprintf(w, pick("evaluation %q has no sizing scenarios (size --save ID adds one)\n", "评估 %q 还没有容量测算场景（用 size --save ID 添加）\n"), ev.Name)
		return err
	}
	header := []string{"", "scenario", "name", "calls", "interval", "talk+hold", "acw", "SL", "Erlangs", "channels", "agents", "trunks"}
	if zh {
		header = []string{"", "场景", "名称", "呼叫量", "时段", "通话+保持", "话后", "服务水平", "爱尔兰", "线路数", "坐席数", "中继数"}
	}
	t := export.TextTable{Header: header,
		Right: map[int]bool{3: true, 4: true, 5: true, 6: true, 8: true, 9: true, 10: true, 11: true}}
	for _, v := range views {
		mark := ""
		if v.Governing {
			mark = "P"
		}
		row := []string{mark, v.ID, v.Name.In(l), strconv.FormatFloat(v.Calls, 'f', -1, 64), fmt.Sprintf("%gm", v.IntervalS/60),
			fmt.Sprintf("%gs", v.TalkHoldS), fmt.Sprintf("%gs", v.ACWS), fmt.Sprintf("%g/%g", v.SLTarget*100, v.SLSeconds)}
		if v.Result != nil {
			r := v.Result
			row = append(row, fmt.Sprintf("%.1f", r.Traffic), fmt.Sprint(r.Channels), fmt.Sprint(r.Agents), fmt.Sprint(r.Trunks))
		} else {
			row = append(row, "", "", "", v.Error)
		}
		t.Add(row...)
	}
	if err := t.Write(w); err != nil {
		return err
	}
	switch g := ev.Scenario(ev.GoverningScenario); {
	case !hasPeak:
		fmt.Fprintln(w, pick("P is not set", "P 未设置"))
	case g == nil:
		fmt.Fprintf(w, pick("P = %g, typed (no scenario governs it: size --scenario NAME --apply sets one)\n",
			"P = %g，手工填写（没有场景决定它：用 size --scenario 名称 --apply 指定）\n"), peak)
	default:
		if r, err := model.Size(*g); err == nil && float64(r.Channels) != peak {
			fmt.Fprintf(w, pick("P = %g, typed since; the governing scenario %s gives %d\n", "P = %g，之后手工改过；决定 P 的场景 %s 给出 %d\n"), peak, g.ID, r.Channels)
		} else {
			fmt.Fprintf(w, pick("P = %g, set by scenario %s\n", "P = %g，由场景 %s 决定\n"), peak, g.ID)
		}
	}
	_, err := fmt.Fprintln(w, pick("trunks count queued calls too: a vendor whose channels include queued and IVR legs must offer that many",
		"中继数把排队中的呼叫也计入：若厂商的通道数包含振铃、排队和 IVR 通道，须按中继数承诺"))
	return err
}
