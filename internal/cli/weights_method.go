package cli

import (
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"ccselect/internal/present"
	"ccselect/model"
	"ccselect/storage"
)

func newWeightsMethodCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "method roc|rs|rr|swing|direct|ahp|group_ahp [ID=VALUE...]",
		Short: "Derive a level's weights by an elicitation method",
		Long: `Derive every weight of one level — the dimensions (--level dimensions, the default)
or the criteria of one dimension (--level DIMENSION_ID) — by a method, and store the
method and its inputs with the profile, so a reopened profile shows how its weights
were obtained.

  roc, rs, rr  rank order: --order A,B,C (most important first), or ID=RANK arguments
               (equal ranks tie); rank-order centroid, rank sum or rank reciprocal
  swing        ID=POINTS: 100 to the most important swing, the others relative to it
  direct       ID=VALUE on any positive scale, normalised to sum 1
  ahp          --matrix FILE (or - for stdin): {"items": [...], "matrix": [[...]]},
               a full reciprocal matrix on Saaty's 1-9 scale (see ccselect ahp)
  group_ahp    --matrix NAME=FILE once per reviewer: aggregated by the element-wise
               geometric mean (AIJ); every reviewer's matrix is stored

A method sets the whole level, locked weights included. The profile is changed in
place, or saved as a new profile with --save-as.`,
		Example: `  ccselect weights method roc --order data_security,stability,concurrency,feature_fit,operations
  ccselect weights method swing data_security=100 stability=80 concurrency=60 feature_fit=50 operations=30
  ccselect weights method ahp --matrix dims.json --save-as ahp-workshop
  ccselect weights method group_ahp --matrix wang=wang.json --matrix li=li.json
  ccselect weights method rs --level stability --order arch_redundancy,track_record,failover`,
		Args: cobra.MinimumNArgs(1),
		RunE: runWeightsMethod,
	}
	addEval(c)
	addProfileFlag(c, "profile to change (default: the active one)")
	c.Flags().String("level", model.ElicitLevelDimensions, "dimensions, or a dimension id for its criteria")
	c.Flags().String("order", "", "rank methods: the ids, most important first, comma-separated")
	c.Flags().StringArray("matrix", nil, "ahp: pairwise matrix JSON file, or - for stdin; group_ahp: NAME=FILE per reviewer")
	c.Flags().String("save-as", "", "save the result as a new profile instead of changing this one")
	addAs(c)
	addFormat(c, "text", "json")
	return c
}

func runWeightsMethod(c *cobra.Command, args []string) error {
	if _, err := format(c, "text", "json"); err != nil {
		return err
	}
	method := model.ElicitMethod(strings.ToLower(args[0]))
	switch method {
	case model.ElicitROC, model.ElicitRS, model.ElicitRR, model.ElicitSwing, model.ElicitDirect, model.ElicitAHP, model.ElicitGroupAHP:
	default:
		return usagef("unknown method %q (roc, rs, rr, swing, direct, ahp or group_ahp)", args[0])
	}
	e := model.Elicitation{Method: method}
	rest := args[1:]
	var names []string
	var matrices [][][]float64
	switch method {
	case model.ElicitAHP, model.ElicitGroupAHP:
		if len(rest) > 0 {
			return usagef("%s takes its judgements from --matrix, not %q", method, rest[0])
		}
		var err error
		if names, e.Items, matrices, err = readMatrices(c); err != nil {
			return err
		}
		if method == model.ElicitAHP && len(matrices) > 1 {
			return usagef("ahp takes one --matrix; several reviewers' matrices are group_ahp")
		}
	case model.ElicitROC, model.ElicitRS, model.ElicitRR:
		order := str(c, "order")
		switch {
		case order != "" && len(rest) > 0:
			return usagef("give the ranks either with --order or as ID=RANK arguments, not both")
		case order != "":
			e.Ranks = map[string]int{}
			for i, id := range strings.Split(order, ",") {
				id = strings.TrimSpace(id)
				if _, dup := e.Ranks[id]; dup {
					return usagef("--order lists %s twice", id)
				}
				e.Ranks[id] = i + 1
			}
		case len(rest) == 0:
			return usagef("%s needs the order: --order A,B,C (most important first)", method)
		default:
			as, err := parseAssignments(rest, false)
			if err != nil {
				return err
			}
			e.Ranks = map[string]int{}
			for _, a := range as {
				if a.v != math.Trunc(a.v) || a.v < 1 || a.v > 1e6 {
					return usagef("%s: a rank is a whole number from 1", a.raw)
				}
				e.Ranks[a.id] = int(a.v)
			}
		}
	default: // direct, swing
		if len(rest) == 0 {
			return usagef("%s needs ID=VALUE arguments", method)
		}
		as, err := parseAssignments(rest, false)
		if err != nil {
			return err
		}
		m := map[string]float64{}
		for _, a := range as {
			m[a.id] = a.v
		}
		if method == model.ElicitSwing {
			e.Swing = m
		} else {
			e.Direct = m
		}
	}
	level := strings.TrimSpace(str(c, "level"))
	return withEval(c, true, func(st *storage.Store, ev *model.Evaluation) error {
		orig, err := pickProfile(ev, str(c, "profile"))
		if err != nil {
			return err
		}
		ids, ok := model.LevelItems(&ev.Framework, level)
		if !ok {
			dims := make([]string, len(ev.Framework.Dimensions))
			for i, d := range ev.Framework.Dimensions {
				dims[i] = d.ID
			}
			return unknown("level (dimensions or a dimension id)", level, append([]string{"dimensions"}, dims...), "ccselect weights show")
		}
		var ahp *model.AHPResult
		switch method {
		case model.ElicitAHP:
			e.Matrix = matrices[0]
			r, _ := model.AHP(e.Matrix)
			ahp = &r
		case model.ElicitGroupAHP:
			e.Reviewers = map[string][][]float64{}
			for i, n := range names {
				e.Reviewers[n] = matrices[i]
			}
			g, err := e.GroupAHP()
			if err != nil {
				return fmt.Errorf("%s (nothing was changed)", elicitMessage(err, lang(c)))
			}
			ahp = &g.Group
		default:
			e.Items = ids
		}
		p := orig.Clone()
		if err := p.ApplyElicitation(&ev.Framework, level, e); err != nil {
			return fmt.Errorf("%s (nothing was changed)", elicitMessage(err, lang(c)))
		}
		name, err := saveEdited(c, st, ev, p)
		if err != nil {
			return err
		}
		m := p.Dimensions
		if level != model.ElicitLevelDimensions {
			m = p.Criteria
		}
		weights := map[string]float64{}
		var parts []string
		for _, id := range ids {
			weights[id] = m[id]
			parts = append(parts, fmt.Sprintf("%s %s", id, pct(m[id])))
		}
		text := fmt.Sprintf("profile %s, %s by %s: %s", name, level, method, strings.Join(parts, ", "))
		obj := orderedJSON{{"profile", name}, {"level", level}, {"method", method}, {"weights", weights}}
		if ahp != nil {
			obj = append(obj, kv{"cr", ahp.CR}, kv{"consistent", ahp.Consistent})
			text += fmt.Sprintf("\nCR %.3f", ahp.CR)
			if !ahp.Consistent {
				text += " > 0.10: " + inconsistencyNote(ahp, e.Items)
			}
		}
		return done(c, text, obj)
	})
}

// readInput reads a file, or stdin for "-".
func readInput(name string, in io.Reader) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(io.LimitReader(in, 1<<20))
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return b, nil
}

// elicitMessage renders model errors in the user's language where present words them.
func elicitMessage(err error, l model.Lang) string {
	if s, ok := present.ModelError(err, l); ok {
		return s
	}
	return err.Error()
}

func ahpMessage(err error, l model.Lang) string { return elicitMessage(err, l) }

// inconsistencyNote names the judgement that departs most from the others and the value that
// would fit them.
func inconsistencyNote(r *model.AHPResult, items []string) string {
	j := r.MostInconsistent
	if j == nil {
		return "the judgements are inconsistent"
	}
	name := func(i int) string {
		if i < len(items) {
			return items[i]
		}
		return fmt.Sprint(i + 1)
	}
	return fmt.Sprintf("the judgement %s vs %s = %s is the most inconsistent; %s (%s on Saaty's scale) would fit the others",
		name(j.I), name(j.J), judgement(j.Value), judgement(j.Suggested), judgement(j.SuggestedScale))
}

// judgement writes a pairwise value as Saaty writes it: 3, or 1/3 below 1.
func judgement(x float64) string {
	if x >= 1 || x <= 0 {
		return trimFloat(x)
	}
	return "1/" + trimFloat(1/x)
}

func trimFloat(x float64) string {
	s := fmt.Sprintf("%.2f", x)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}
