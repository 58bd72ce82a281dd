package cli

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"ccselect/export"
	"ccselect/model"
	"ccselect/storage"
)

func newWeightsCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "weights",
		Short: "Show or change a weight profile's weights",
		Long: `Show or change the weights of a profile. Weights are hierarchical: one weight per
dimension (summing to 1) and one local weight per criterion inside its dimension (summing
to 1 per dimension); a criterion's global weight is dimension × local.

weights set changes weights by hand: the unlocked siblings rescale in proportion and
locked weights never move. weights method derives a whole level from rank order, swing
points or an AHP pairwise matrix and records the method and its inputs with the profile.`,
		Example: `  ccselect weights show --sample
  ccselect weights set data_security=0.26 --eval W
  ccselect weights method roc --order data_security,stability,concurrency,feature_fit,operations --eval W`,
		Args: noArgs,
	}
	c.AddCommand(newWeightsShowCmd(), newWeightsSetCmd(), newWeightsMethodCmd())
	return c
}

// weightsView is the JSON of weights show.
type weightsView struct {
	Profile    string          `json:"profile"`
	Method     string          `json:"method"`
	Dimensions []dimWeightView `json:"dimensions"`
}

type dimWeightView struct {
	ID       string           `json:"id"`
	Weight   float64          `json:"weight"`
	Locked   bool             `json:"locked"`
	Criteria []critWeightView `json:"criteria"`
}

type critWeightView struct {
	ID     string  `json:"id"`
	Local  float64 `json:"local"`
	Global float64 `json:"global"`
}

func newWeightsShowCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "show",
		Short: "Show a profile's weights",
		Long: `Show a profile's dimension weights, each criterion's local and global weight, the
locks, and how each level's weights were obtained (direct, roc, rs, rr, swing, ahp).`,
		Example: `  ccselect weights show --sample
  ccselect weights show --eval W --profile finance --format json
  ccselect weights show --eval W --draft`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			f, err := format(c, "table", "json")
			if err != nil {
				return err
			}
			ev, err := loadSource(c)
			if err != nil {
				return err
			}
			var p *model.WeightProfile
			if boolFlag(c, "draft") {
				if c.Flags().Changed("profile") {
					return usagef("--draft shows the unsaved draft; drop --profile")
				}
				if p = ev.Draft; p == nil {
					return fmt.Errorf("evaluation %q has no unsaved weight draft", ev.Name)
				}
			} else if p, err = pickProfile(ev, str(c, "profile")); err != nil {
				return err
			}
			if f == "json" {
				v := viewWeights(ev, p)
				if boolFlag(c, "draft") {
					return writeJSON(c.OutOrStdout(), struct {
						weightsView
						Draft bool `json:"draft"`
					}{v, true})
				}
				return writeJSON(c.OutOrStdout(), v)
			}
			return writeWeightsTable(c.OutOrStdout(), ev, p, lang(c), boolFlag(c, "draft"))
		},
	}
	addSource(c)
	addProfileFlag(c, "weight profile (default: the evaluation's active one)")
	c.Flags().Bool("draft", false, "show the unsaved draft of the workbench's weights tab instead")
	addFormat(c, "table", "json")
	return c
}

func addProfileFlag(c *cobra.Command, usage string) {
	c.Flags().StringP("profile", "p", "", usage)
	_ = c.RegisterFlagCompletionFunc("profile", completeProfiles)
}

// pickProfile returns the named profile, or the active one.
func pickProfile(ev *model.Evaluation, name string) (*model.WeightProfile, error) {
	if name == "" {
		return ev.Active()
	}
	return ev.Profile(name)
}

func viewWeights(ev *model.Evaluation, p *model.WeightProfile) weightsView {
	v := weightsView{Profile: p.Name, Method: string(p.ElicitationOf(model.ElicitLevelDimensions)), Dimensions: []dimWeightView{}}
	f := &ev.Framework
	for _, d := range f.Dimensions {
		dv := dimWeightView{ID: d.ID, Weight: p.Dimensions[d.ID], Locked: p.IsLocked(d.ID), Criteria: []critWeightView{}}
		for _, cr := range f.CriteriaOf(d.ID) {
			dv.Criteria = append(dv.Criteria, critWeightView{ID: cr.ID, Local: p.Criteria[cr.ID], Global: p.Global(f, cr.ID)})
		}
		v.Dimensions = append(v.Dimensions, dv)
	}
	return v
}

// tr picks the sentence of the user's language.
func tr(l model.Lang, en, zh string) string {
	if l == model.LangZh {
		return zh
	}
	return en
}

func pct(w float64) string { return strconv.FormatFloat(w*100, 'f', 1, 64) + "%" }

func writeWeightsTable(w io.Writer, ev *model.Evaluation, p *model.WeightProfile, l model.Lang, draft bool) error {
	f := &ev.Framework
	mark := ""
	if draft {
		mark = tr(l, "* (unsaved draft)", "*（未保存的草稿）")
	}
	fmt.Fprintf(w, tr(l, "profile %s%s · dimensions by %s\n", "权重配置 %s%s · 维度权重来自 %s\n"), p.Name, mark, p.ElicitationOf(model.ElicitLevelDimensions))
	header := []string{"id", "name", "weight", "global", "lock", "criteria by"}
	if l == model.LangZh {
		header = []string{"id", "名称", "权重", "全局权重", "锁定", "指标权重来自"}
	}
	t := export.TextTable{Header: header, Right: map[int]bool{2: true, 3: true}}
	for _, d := range f.Dimensions {
		t.Add(d.ID, d.Name.In(l), pct(p.Dimensions[d.ID]), "", lockMark(p, d.ID, l), string(p.ElicitationOf(d.ID)))
		for _, cr := range f.CriteriaOf(d.ID) {
			t.Add("  "+cr.ID, "  "+cr.Name.In(l), pct(p.Criteria[cr.ID]), pct(p.Global(f, cr.ID)), lockMark(p, cr.ID, l), "")
		}
	}
	return t.Write(w)
}

func lockMark(p *model.WeightProfile, id string, l model.Lang) string {
	if p.IsLocked(id) {
		return tr(l, "locked", "已锁定")
	}
	return ""
}

// assignment is one id=value argument.
type assignment struct {
	id  string
	v   float64
	raw string
}

// parseAssignments reads id=value arguments; percent selects "26%" → 0.26, otherwise the
// value is taken as written.
func parseAssignments(args []string, percent bool) ([]assignment, error) {
	var out []assignment
	seen := map[string]bool{}
	for _, a := range args {
		id, val, ok := strings.Cut(a, "=")
		id, val = strings.TrimSpace(id), strings.TrimSpace(val)
		if !ok || id == "" || val == "" {
			return nil, usagef("%q: write ID=VALUE, e.g. data_security=0.26", a)
		}
		if seen[id] {
			return nil, usagef("%s is given twice", id)
		}
		seen[id] = true
		scale := 1.0
		if percent && strings.HasSuffix(val, "%") {
			val, scale = strings.TrimSpace(strings.TrimSuffix(val, "%")), 0.01
		}
		x, err := strconv.ParseFloat(val, 64)
		if err != nil {
			return nil, usagef("%s=%s: %q is not a number", id, val, val)
		}
		out = append(out, assignment{id: id, v: x * scale, raw: a})
	}
	return out, nil
}

// levelOf says which level a weight id is on: ElicitLevelDimensions for a dimension, else the
// dimension of a criterion. want ("", "dimensions" or "criteria") restricts it.
func levelOf(ev *model.Evaluation, id, want string) (string, error) {
	f := &ev.Framework
	isDim := f.DimensionIndex(id) >= 0
	cr, isCrit := f.Criterion(id)
	switch {
	case want == "dimensions" && isDim, want == "" && isDim:
		return model.ElicitLevelDimensions, nil
	case (want == "criteria" || want == "") && isCrit:
		return cr.Dimension, nil
	case want == "dimensions":
		return "", fmt.Errorf("%q is not a dimension (ccselect weights show lists them)", id)
	case want == "criteria":
		return "", fmt.Errorf("%q is not a criterion (ccselect weights show lists them)", id)
	}
	ids := make([]string, 0, len(f.Dimensions)+len(f.Criteria))
	for _, d := range f.Dimensions {
		ids = append(ids, d.ID)
	}
	for _, c := range f.Criteria {
		ids = append(ids, c.ID)
	}
	return "", unknown("dimension or criterion", id, ids, "ccselect weights show")
}

func levelFlag(c *cobra.Command) (string, error) {
	l := str(c, "level")
	if l != "" && l != "dimensions" && l != "criteria" {
		return "", usagef("--level must be dimensions or criteria, got %q", l)
	}
	return l, nil
}

// leaderUnder ranks ev under profile p (weighted sum, mean consensus) and returns the leader's
// id ("" when nobody is ranked). p replaces the stored profile of its name, or is added when
// no profile has it, so the knock-outs limited to that name apply as they will once it is saved.
func leaderUnder(ev *model.Evaluation, p *model.WeightProfile) (string, error) {
	e := *ev
	e.Profiles = slices.Clone(ev.Profiles)
	if i := slices.IndexFunc(e.Profiles, func(q model.WeightProfile) bool { return q.Name == p.Name }); i >= 0 {
		e.Profiles[i] = p.Clone()
	} else {
		e.Profiles = append(e.Profiles, p.Clone())
	}
	prob, err := model.NewProblem(&e, p.Name, model.ConsensusMean, model.WSM{})
	if err != nil {
		return "", err
	}
	if l, ok := prob.Rank().Leader(); ok {
		return l.ID, nil
	}
	return "", nil
}

// saveName is the name an edited profile is saved under: --save-as NAME (refused when taken),
// else the profile's own.
func saveName(c *cobra.Command, ev *model.Evaluation, p *model.WeightProfile) (string, error) {
	name := strings.TrimSpace(str(c, "save-as"))
	if name == "" {
		return p.Name, nil
	}
	if _, err := ev.Profile(name); err == nil {
		return "", fmt.Errorf("a weight profile named %q already exists; change it with --profile %s", name, shellQuote(name))
	}
	if err := model.CheckName("weight profile name", name); err != nil {
		return "", asUsage(err)
	}
	return name, nil
}

// saveEdited stores an edited profile under saveName's name.
func saveEdited(c *cobra.Command, st *storage.Store, ev *model.Evaluation, p model.WeightProfile) (string, error) {
	name, err := saveName(c, ev, &p)
	if err != nil {
		return "", err
	}
	p.Name = name
	return p.Name, st.SaveProfile(ev.ID, p, actor(c))
}

func newWeightsSetCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "set ID=VALUE...",
		Short: "Set weights by hand",
		Long: `Set one or more weights (a fraction 0.26 or a percent 26%). A dimension id sets a
dimension weight, a criterion id its local weight inside its dimension; --level says
which when you want to be explicit. The unlocked siblings rescale in proportion so the
level still sums to 1; locked weights never move (--lock and --unlock change the locks
first, and each weight set by this command holds while the next is applied). An
impossible change is refused with the reason, and nothing is written.

The profile is changed in place, or saved as a new profile with --save-as. Setting a
weight by hand makes its level "direct" (a recorded method no longer describes it).`,
		Example: `  ccselect weights set data_security=0.26 --eval W
  ccselect weights set data_security=30% feature_fit=20% --lock operations --save-as security-first
  ccselect weights set --level criteria track_record=0.5 --profile finance
  ccselect weights set --lock data_security`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 && len(str2slice(c, "lock")) == 0 && len(str2slice(c, "unlock")) == 0 {
				return usagef("give ID=VALUE arguments (e.g. data_security=0.26), or --lock/--unlock")
			}
			return nil
		},
		RunE: runWeightsSet,
	}
	addEval(c)
	addProfileFlag(c, "profile to change (default: the active one)")
	c.Flags().String("level", "", "dimensions or criteria (default: from each id)")
	c.Flags().StringSlice("lock", nil, "lock these weights (ids, comma-separated) before setting")
	c.Flags().StringSlice("unlock", nil, "unlock these weights (ids, comma-separated) before setting")
	c.Flags().String("save-as", "", "save the result as a new profile instead of changing this one")
	addAs(c)
	addFormat(c, "text", "json")
	return c
}

func runWeightsSet(c *cobra.Command, args []string) error {
	if _, err := format(c, "text", "json"); err != nil {
		return err
	}
	want, err := levelFlag(c)
	if err != nil {
		return err
	}
	as, err := parseAssignments(args, true)
	if err != nil {
		return err
	}
	return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
		orig, err := pickProfile(ev, str(c, "profile"))
		if err != nil {
			return err
		}
		p := orig.Clone()
		for _, id := range str2slice(c, "unlock") {
			if _, err := levelOf(ev, id, ""); err != nil {
				return err
			}
			if p.IsLocked(id) {
				p.ToggleLock(id)
			}
		}
		for _, id := range str2slice(c, "lock") {
			if _, err := levelOf(ev, id, ""); err != nil {
				return err
			}
			if !p.IsLocked(id) {
				p.ToggleLock(id)
			}
		}
		keep := slices.Clone(p.Locked)
		f := &ev.Framework
		for _, a := range as {
			level, err := levelOf(ev, a.id, want)
			if err != nil {
				return err
			}
			if level == model.ElicitLevelDimensions {
				err = p.SetDimension(f, a.id, a.v)
			} else {
				err = p.SetCriterion(f, a.id, a.v)
			}
			if err != nil {
				// The model's typed error is worded in the user's language by userError (present.Sentence).
				return fmt.Errorf(tr(lang(c), "cannot set %s to %s: %w (nothing was changed)", "无法把 %s 设为 %s：%w（未做任何修改）"), a.id, pct(a.v), err)
			}
			if !p.IsLocked(a.id) {
				p.ToggleLock(a.id) // holds while the next assignment is applied
			}
		}
		p.Locked = keep
		if len(p.Locked) == 0 {
			p.Locked = nil
		}
		before, err := leaderUnder(ev, orig)
		if err != nil {
			return err
		}
		target := p.Clone()
		if target.Name, err = saveName(c, ev, &p); err != nil {
			return err
		}
		after, err := leaderUnder(ev, &target)
		if err != nil {
			return err
		}
		name, err := saveEdited(c, st, ev, p)
		if err != nil {
			return err
		}
		var parts []string
		weights := map[string]float64{}
		for _, a := range as {
			level, _ := levelOf(ev, a.id, want)
			m, o := p.Dimensions, orig.Dimensions
			if level != model.ElicitLevelDimensions {
				m, o = p.Criteria, orig.Criteria
			}
			ids, _ := model.LevelItems(f, level)
			for _, id := range ids {
				weights[id] = m[id]
			}
			parts = append(parts, fmt.Sprintf(tr(lang(c), "%s %s (was %s)", "%s %s（原为 %s）"), a.id, pct(m[a.id]), pct(o[a.id])))
		}
		if len(parts) == 0 {
			locks := tr(lang(c), "none", "无")
			if len(p.Locked) > 0 {
				locks = strings.Join(p.Locked, ", ")
			}
			parts = append(parts, tr(lang(c), "locked: ", "锁定：")+locks)
		}
		l := lang(c)
		text := fmt.Sprintf(tr(l, "profile %s: %s; leader %s", "权重配置 %s：%s；第一名 %s"), name, strings.Join(parts, ", "), orNobody(after))
		if after != before {
			text += fmt.Sprintf(tr(l, " (was %s)", "（原为 %s）"), orNobody(before))
		}
		return done(c, text, orderedJSON{{"profile", name}, {"weights", weights}, {"leader", after}, {"leader_before", before}})
	})
}

func orNobody(id string) string {
	if id == "" {
		return "nobody"
	}
	return id
}

func str2slice(c *cobra.Command, name string) []string {
	v, _ := c.Flags().GetStringSlice(name)
	var out []string
	for _, s := range v {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
