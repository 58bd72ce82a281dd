package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"ccselect/internal/termtext"
	"ccselect/model"
)

// SensitivityReport is the JSON shape of `ccselect sensitivity --format json`. The keys the CLI
// documents are break_even, reversals, tornado and smaa; leader, summary and score_robustness
// are additions that the table also prints.
type SensitivityReport struct {
	Leader          *string                `json:"leader"` // null when every vendor is knocked out
	Summary         model.Text             `json:"summary"`
	BreakEven       []BreakEvenEntry       `json:"break_even"`
	Reversals       []ReversalEntry        `json:"reversals"`
	Tornado         []TornadoEntry         `json:"tornado"`
	ScoreRobustness ScoreRobustnessSection `json:"score_robustness"`
	SMAA            *SMAASection           `json:"smaa"` // null when SMAA was not run
}

// BreakEvenEntry is one weight: its current value and the nearest weights below and above it at
// which another vendor takes the lead (null when the leader keeps the lead to 0 or to 1).
// Criterion weights are local (the criterion's share of its dimension).
type BreakEvenEntry struct {
	Parameter string        `json:"parameter"`
	Kind      string        `json:"kind"` // "dimension" | "criterion"
	Current   float64       `json:"current"`
	Below     *LeaderChange `json:"below"`
	Above     *LeaderChange `json:"above"`
}

// LeaderChange is a break-even weight and the vendor that leads beyond it.
type LeaderChange struct {
	Weight float64 `json:"weight"`
	Leader string  `json:"leader"`
}

// ReversalEntry is a pair of ranked vendors (a ahead of b at the current weights) and the
// weight at which they swap; weight is null when they do not swap anywhere in [0,1].
type ReversalEntry struct {
	Parameter string   `json:"parameter"`
	A         string   `json:"a"`
	B         string   `json:"b"`
	Weight    *float64 `json:"weight"`
}

// TornadoEntry is the leader's margin over the runner-up with one dimension weight at ×0.5
// (low) and ×1.5 (high, capped at 1); a negative margin means the leader has lost the lead.
type TornadoEntry struct {
	Parameter string  `json:"parameter"`
	Low       float64 `json:"low"`
	High      float64 `json:"high"`
	Swing     float64 `json:"swing"`
}

// ScoreRobustnessSection lists the single consensus cells whose change alone changes the leader.
type ScoreRobustnessSection struct {
	Smallest       *CellFlipEntry  `json:"smallest"`
	WithinOnePoint []CellFlipEntry `json:"within_one_point"`
}

// CellFlipEntry is one cell: change is the signed change of its 1–5 score at which the leader
// changes (beyond it, new_leader leads).
type CellFlipEntry struct {
	Vendor    string  `json:"vendor"`
	Criterion string  `json:"criterion"`
	Score     float64 `json:"score"`
	Change    float64 `json:"change"`
	NewLeader string  `json:"new_leader"`
}

// SMAASection is the SMAA-2 part. rank_acceptability[v][r] is the share of draws in which v has
// rank r+1; central_weights lists only vendors that are ever first; winning[a][b] is the share
// of draws in which a's total is above b's.
type SMAASection struct {
	Samples           int                           `json:"samples"`
	Seed              uint64                        `json:"seed"`
	Level             string                        `json:"level"`
	Weights           string                        `json:"weights"`
	Uncertainty       string                        `json:"uncertainty"`
	RankAcceptability map[string][]float64          `json:"rank_acceptability"`
	CentralWeights    map[string]map[string]float64 `json:"central_weights"`
	Confidence        map[string]float64            `json:"confidence"`
	Winning           map[string]map[string]float64 `json:"winning"`
}

// BuildSensitivityReport runs the exact analyses (break-even weights, reversals, tornado, score
// robustness) on p and packs them with an SMAA result (nil when SMAA was not run).
func BuildSensitivityReport(p *model.Problem, smaa *model.SMAAResult) SensitivityReport {
	e := p.Eval
	id := func(v int) string { return e.Vendors[v].ID }
	be := model.BreakEvens(p)
	r := SensitivityReport{Summary: model.RobustnessSummary(p, be, smaa),
		BreakEven: []BreakEvenEntry{}, Reversals: []ReversalEntry{}, Tornado: []TornadoEntry{},
		ScoreRobustness: ScoreRobustnessSection{WithinOnePoint: []CellFlipEntry{}}}
	if len(e.Vendors) == 0 {
		// The engine's summary can only say that nobody passes the knock-outs; a new
		// evaluation has simply no vendors yet.
		r.Summary = sensLabels["no_vendors"]
	}
	if be.Leader >= 0 {
		l := id(be.Leader)
		r.Leader = &l
	}
	change := func(c *model.LeaderChange) *LeaderChange {
		if c == nil {
			return nil
		}
		return &LeaderChange{Weight: round(c.Weight), Leader: c.ID}
	}
	for _, b := range be.BreakEvens {
		r.BreakEven = append(r.BreakEven, BreakEvenEntry{Parameter: b.Param.ID, Kind: string(b.Param.Kind),
			Current: round(b.Param.Current), Below: change(b.Below), Above: change(b.Above)})
	}
	for _, rev := range be.Reversals {
		entry := ReversalEntry{Parameter: rev.Param.ID, A: id(rev.A), B: id(rev.B)}
		if rev.Exists {
			w := round(rev.Weight)
			entry.Weight = &w
		}
		r.Reversals = append(r.Reversals, entry)
	}
	for _, bar := range model.Tornado(p).Bars {
		r.Tornado = append(r.Tornado, TornadoEntry{Parameter: bar.Param.ID, Low: round(bar.Low), High: round(bar.High), Swing: round(bar.Swing)})
	}
	flip := func(f model.CellFlip) CellFlipEntry {
		return CellFlipEntry{Vendor: id(f.Vendor), Criterion: e.Framework.Criteria[f.Criterion].ID,
			Score: round(f.Score), Change: round(f.Delta), NewLeader: id(f.NewLeader)}
	}
	sr := model.ScoreRobustness(p)
	if sr.Smallest != nil {
		f := flip(*sr.Smallest)
		r.ScoreRobustness.Smallest = &f
	}
	for _, f := range sr.WithinOnePoint {
		r.ScoreRobustness.WithinOnePoint = append(r.ScoreRobustness.WithinOnePoint, flip(f))
	}
	if smaa != nil {
		r.SMAA = buildSMAASection(smaa)
	}
	return r
}

func buildSMAASection(s *model.SMAAResult) *SMAASection {
	sec := &SMAASection{Samples: s.Samples, Seed: s.Seed, Level: s.Level.String(), Weights: s.Weights.String(),
		Uncertainty: s.Uncertainty.String(), RankAcceptability: map[string][]float64{},
		CentralWeights: map[string]map[string]float64{}, Confidence: map[string]float64{},
		Winning: map[string]map[string]float64{}}
	if s.Weights == model.WeightsAround {
		sec.Weights = "around:" + strconv.FormatFloat(s.AroundPct, 'f', -1, 64)
	}
	for i, v := range s.IDs {
		row := make([]float64, len(s.Acceptability[i]))
		for r, b := range s.Acceptability[i] {
			row[r] = round(b)
		}
		sec.RankAcceptability[v] = row
		if cw := s.CentralWeights[i]; cw != nil {
			m := map[string]float64{}
			for j, p := range s.Params {
				m[p] = round(cw[j])
			}
			sec.CentralWeights[v] = m
		}
		sec.Confidence[v] = round(s.Confidence[i])
		win := map[string]float64{}
		for k, other := range s.IDs {
			if k != i {
				win[other] = round(s.Winning[i][k])
			}
		}
		sec.Winning[v] = win
	}
	return sec
}

// WriteSensitivityJSON prints the report as one indented JSON object.
func WriteSensitivityJSON(w io.Writer, r SensitivityReport) error { return writeJSON(w, r) }

// sensLabels are the fixed words of the printed sensitivity report.
var sensLabels = map[string]model.Text{
	"title":        {Zh: "敏感性分析", En: "Sensitivity analysis"},
	"break_even":   {Zh: "临界权重（其余权重按比例缩放；准则权重为其在维度内的占比）", En: "Break-even weights (the other weights rescale in proportion; criterion weights are shares of their dimension)"},
	"parameter":    {Zh: "权重", En: "Weight"},
	"kind":         {Zh: "层级", En: "Level"},
	"dimension":    {Zh: "维度", En: "dimension"},
	"criterion":    {Zh: "准则", En: "criterion"},
	"current":      {Zh: "当前", En: "Current"},
	"below":        {Zh: "向下", En: "Below"},
	"above":        {Zh: "向上", En: "Above"},
	"reversals":    {Zh: "两两名次反转（两家交换名次时的权重）", En: "Rank reversals (weight at which the pair swaps)"},
	"pair":         {Zh: "厂商对（当前领先者在前）", En: "Pair (ahead now first)"},
	"weight":       {Zh: "交换点", En: "Swaps at"},
	"dim_header":   {Zh: "维度", En: "Dimension"},
	"none":         {Zh: "[0,1] 内无", En: "none in [0,1]"},
	"tornado":      {Zh: "龙卷风图（维度权重 ×0.5 / ×1.5 时第一名对第二名的领先；负数表示被反超）", En: "Tornado (leader's margin over the runner-up with a dimension weight at ×0.5 / ×1.5; negative = overtaken)"},
	"low":          {Zh: "×0.5", En: "×0.5"},
	"high":         {Zh: "×1.5", En: "×1.5"},
	"swing":        {Zh: "摆幅", En: "Swing"},
	"scores":       {Zh: "评分稳健性（单个评分改变多少会换第一名）", En: "Score robustness (how far one consensus score must move to change the leader)"},
	"smallest":     {Zh: "最小改变", En: "Smallest change"},
	"no_flip":      {Zh: "没有单个评分（在 1–5 分内）能改变第一名。", En: "No single score within 1–5 changes the leader."},
	"one_point":    {Zh: "改变不超过 1 分即可换第一名的评分：", En: "Scores where a change of at most 1 point changes the leader:"},
	"none_listed":  {Zh: "（无）", En: "(none)"},
	"vendor":       {Zh: "厂商", En: "Vendor"},
	"crit":         {Zh: "准则", En: "Criterion"},
	"score":        {Zh: "评分", En: "Score"},
	"change":       {Zh: "改变", En: "Change"},
	"new_leader":   {Zh: "新第一名", En: "New leader"},
	"smallest_fmt": {Zh: "%s：%s · %s %s → %s（%+.2f），%s领先", En: "%s: %s · %s %s → %s (%+.2f); %s leads"},
	"smaa":         {Zh: "SMAA-2 随机多准则可接受性分析", En: "SMAA-2 stochastic multicriteria acceptability analysis"},
	"samples":      {Zh: "次抽样", En: "samples"},
	"seed":         {Zh: "种子", En: "seed"},
	"rank_n":       {Zh: "第%d名", En: "Rank %d"},
	"confidence":   {Zh: "置信度", En: "Confidence"},
	"central":      {Zh: "中心权重（该厂商排第一时的平均权重）", En: "Central weights (mean weights where the vendor is first)"},
	"no_smaa":      {Zh: "未运行 SMAA。", En: "SMAA was not run."},
	"dimensions":   {Zh: "维度层", En: "dimension level"},
	"criteria":     {Zh: "准则层", En: "criteria level"},
	"uniform":      {Zh: "均匀权重", En: "uniform weights"},
	"ordinal":      {Zh: "保持当前重要性排序", En: "ordinal weights"},
	"around":       {Zh: "当前权重 ±%s%%", En: "current weights ±%s%%"},
	"unc_none":     {Zh: "评分不确定性：无", En: "no score uncertainty"},
	"unc_reviewer": {Zh: "评分在评审最低与最高值之间抽样", En: "scores drawn between reviewers' min and max"},
	"no_leader":    {Zh: "没有厂商通过一票否决，无法做敏感性分析。", En: "No vendor passes the knock-outs; there is nothing to analyse."},
	"no_vendors":   {Zh: "这个评估还没有厂商：请在工作台（ccselect）中添加，或导入评估文件。", En: "The evaluation has no vendors yet: add them in the workbench (ccselect) or import a bundle."},
}

func sl(lang model.Lang, key string) string { return lookup(sensLabels, lang, key) }

// names resolves ids to names in lang.
type names struct {
	e    *model.Evaluation
	lang model.Lang
}

func (n names) vendor(id string) string {
	if i := n.e.VendorIndex(id); i >= 0 {
		return termtext.Clean(n.e.Vendors[i].Name.In(n.lang))
	}
	return termtext.Clean(id)
}

func (n names) param(id string) string {
	f := &n.e.Framework
	if d := f.DimensionIndex(id); d >= 0 {
		return termtext.Clean(f.Dimensions[d].Name.In(n.lang))
	}
	if c, ok := f.Criterion(id); ok {
		return termtext.Clean(c.Name.In(n.lang))
	}
	return termtext.Clean(id)
}

func pct(x float64) string { return fmt.Sprintf("%.1f%%", x*100) }

// WriteSensitivityTable prints the report for people, in aligned plain-text tables (widths in
// terminal cells, so Chinese names align).
func WriteSensitivityTable(w io.Writer, e *model.Evaluation, r SensitivityReport, lang model.Lang) error {
	var b strings.Builder
	n := names{e, lang}
	fmt.Fprintf(&b, "%s · %s\n", sl(lang, "title"), termtext.Clean(e.Name))
	if r.Leader == nil {
		// One sentence: the summary would only repeat it.
		msg := sl(lang, "no_leader")
		if len(e.Vendors) == 0 {
			msg = sl(lang, "no_vendors")
		}
		_, err := io.WriteString(w, b.String()+msg+"\n")
		return err
	}
	b.WriteString(termtext.Clean(r.Summary.In(lang)) + "\n")
	section := func(title string, t *TextTable) error {
		b.WriteString("\n" + title + "\n")
		if len(t.Rows) == 0 { // a lone vendor has no pair to reverse and no runner-up
			b.WriteString(sl(lang, "none_listed") + "\n")
			return nil
		}
		return t.Write(&b)
	}
	change := func(c *LeaderChange) string {
		if c == nil {
			return "—"
		}
		return pct(c.Weight) + " → " + n.vendor(c.Leader)
	}

	t := TextTable{Header: []string{sl(lang, "parameter"), sl(lang, "kind"), sl(lang, "current"), sl(lang, "below"), sl(lang, "above")},
		Right: map[int]bool{2: true}}
	for _, be := range r.BreakEven {
		t.Add(n.param(be.Parameter), sl(lang, be.Kind), pct(be.Current), change(be.Below), change(be.Above))
	}
	if err := section(sl(lang, "break_even"), &t); err != nil {
		return err
	}

	t = TextTable{Header: []string{sl(lang, "parameter"), sl(lang, "pair"), sl(lang, "weight")}, Right: map[int]bool{2: true}}
	for _, rev := range r.Reversals {
		wt := sl(lang, "none")
		if rev.Weight != nil {
			wt = pct(*rev.Weight)
		}
		t.Add(n.param(rev.Parameter), n.vendor(rev.A)+" / "+n.vendor(rev.B), wt)
	}
	if err := section(sl(lang, "reversals"), &t); err != nil {
		return err
	}

	t = TextTable{Header: []string{sl(lang, "dim_header"), sl(lang, "low"), sl(lang, "high"), sl(lang, "swing")},
		Right: map[int]bool{1: true, 2: true, 3: true}}
	for _, bar := range r.Tornado {
		t.Add(n.param(bar.Parameter), fmt.Sprintf("%+.3f", bar.Low), fmt.Sprintf("%+.3f", bar.High), fmt.Sprintf("%.3f", bar.Swing))
	}
	if err := section(sl(lang, "tornado"), &t); err != nil {
		return err
	}

	b.WriteString("\n" + sl(lang, "scores") + "\n")
	if s := r.ScoreRobustness.Smallest; s != nil {
		fmt.Fprintf(&b, sl(lang, "smallest_fmt")+"\n", sl(lang, "smallest"), n.vendor(s.Vendor), n.param(s.Criterion),
			trim(s.Score), trim(s.Score+s.Change), s.Change, n.vendor(s.NewLeader))
	} else {
		b.WriteString(sl(lang, "no_flip") + "\n")
	}
	b.WriteString(sl(lang, "one_point") + "\n")
	if len(r.ScoreRobustness.WithinOnePoint) == 0 {
		b.WriteString(sl(lang, "none_listed") + "\n")
	} else {
		t = TextTable{Header: []string{sl(lang, "vendor"), sl(lang, "crit"), sl(lang, "score"), sl(lang, "change"), sl(lang, "new_leader")},
			Right: map[int]bool{2: true, 3: true}}
		for _, f := range r.ScoreRobustness.WithinOnePoint {
			t.Add(n.vendor(f.Vendor), n.param(f.Criterion), trim(f.Score), fmt.Sprintf("%+.2f", f.Change), n.vendor(f.NewLeader))
		}
		if err := t.Write(&b); err != nil {
			return err
		}
	}

	if err := writeSMAATable(&b, r.SMAA, n); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeSMAATable(b *strings.Builder, s *SMAASection, n names) error {
	lang := n.lang
	b.WriteString("\n" + sl(lang, "smaa") + "\n")
	if s == nil {
		b.WriteString(sl(lang, "no_smaa") + "\n")
		return nil
	}
	mode := sl(lang, s.Weights)
	if pctStr, ok := strings.CutPrefix(s.Weights, "around:"); ok {
		mode = fmt.Sprintf(sl(lang, "around"), pctStr)
	}
	unc := sl(lang, "unc_none")
	if s.Uncertainty == "reviewers" {
		unc = sl(lang, "unc_reviewer")
	}
	fmt.Fprintf(b, "%s %s · %s %d · %s · %s · %s\n", groupThousands(s.Samples), sl(lang, "samples"), sl(lang, "seed"), s.Seed,
		sl(lang, s.Level), mode, unc)
	// Vendors in the order of their first-rank acceptability, best first (ties by id).
	ids := make([]string, 0, len(s.RankAcceptability))
	for id := range s.RankAcceptability {
		ids = append(ids, id)
	}
	sortByAcceptability(ids, s.RankAcceptability)
	t := TextTable{Header: []string{sl(lang, "vendor")}, Right: map[int]bool{}}
	for r := range len(ids) {
		t.Header = append(t.Header, fmt.Sprintf(sl(lang, "rank_n"), r+1))
		t.Right[r+1] = true
	}
	t.Header = append(t.Header, sl(lang, "confidence"))
	t.Right[len(ids)+1] = true
	for _, id := range ids {
		row := []string{n.vendor(id)}
		for _, x := range s.RankAcceptability[id] {
			row = append(row, pct(x))
		}
		t.Add(append(row, pct(s.Confidence[id]))...)
	}
	if err := t.Write(b); err != nil {
		return err
	}
	var params []string
	for _, id := range ids {
		if cw, ok := s.CentralWeights[id]; ok && params == nil {
			params = paramOrder(n.e, cw)
		}
	}
	if params == nil {
		return nil
	}
	// One row per weight, one column per vendor that is ever first: there are usually more
	// weights than vendors, and rows do not run off the screen.
	b.WriteString("\n" + sl(lang, "central") + "\n")
	t = TextTable{Header: []string{sl(lang, "parameter")}, Right: map[int]bool{}}
	var firsts []string
	for _, id := range ids {
		if _, ok := s.CentralWeights[id]; ok {
			firsts = append(firsts, id)
			t.Header = append(t.Header, n.vendor(id))
			t.Right[len(firsts)] = true
		}
	}
	for _, p := range params {
		row := []string{n.param(p)}
		for _, id := range firsts {
			row = append(row, pct(s.CentralWeights[id][p]))
		}
		t.Add(row...)
	}
	return t.Write(b)
}

// paramOrder lists the keys of a central-weight map in framework order.
func paramOrder(e *model.Evaluation, cw map[string]float64) []string {
	var out []string
	for _, d := range e.Framework.Dimensions {
		if _, ok := cw[d.ID]; ok {
			out = append(out, d.ID)
		}
	}
	for _, c := range e.Framework.Criteria {
		if _, ok := cw[c.ID]; ok {
			out = append(out, c.ID)
		}
	}
	return out
}

func sortByAcceptability(ids []string, acc map[string][]float64) {
	better := func(a, b string) bool {
		ra, rb := acc[a], acc[b]
		for r := range ra {
			if ra[r] != rb[r] {
				return ra[r] > rb[r]
			}
		}
		return a < b
	}
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && better(ids[j], ids[j-1]); j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
}

// groupThousands writes 100000 as "100,000".
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
