package model

import (
	"fmt"
	"math"
	"slices"
)

// ElicitLevelDimensions is the WeightProfile.Elicitation key of the dimension level; every other
// key is a dimension id and stands for the criteria of that dimension. (A dimension whose id is
// literally "dimensions" cannot record how its criteria were weighed: the key is taken.)
const ElicitLevelDimensions = "dimensions"

// elicitTolerance is how far a level's weights may be from what its recorded elicitation
// derives: the stored weights are the derived ones, rounded by nothing but float arithmetic.
const elicitTolerance = 1e-6

// An elicitation records how a level's weights were obtained, so it must still describe them:
// Validate requires the weights it derives to equal the level's weights (within 1e-6). Typing a
// weight (SetDimension, SetCriterion) therefore drops the level's record — the level is then
// "direct" — rather than leaving a method that no longer gives the weights shown.

// ElicitationOf returns the method that produced a level's weights: the recorded one, or
// ElicitDirect when the level was typed.
func (p *WeightProfile) ElicitationOf(level string) ElicitMethod {
	if e, ok := p.Elicitation[level]; ok {
		return e.Method
	}
	return ElicitDirect
}

// typed forgets how a level was elicited: its weights were just edited by hand.
func (p *WeightProfile) typed(level string) { delete(p.Elicitation, level) }

// LevelItems returns the ids of a level (ElicitLevelDimensions or a dimension id) in framework
// order, or false when the level is unknown.
func LevelItems(f *Framework, level string) ([]string, bool) {
	if level == ElicitLevelDimensions {
		return dimensionIDs(f), true
	}
	if f.DimensionIndex(level) < 0 {
		return nil, false
	}
	return criterionIDs(f, level), true
}

// ApplyElicitation derives a level's weights from e, writes them into the profile (the whole
// level: a method re-derives every weight of its level, locked ones included — locks guard
// against accidental edits, and choosing a method is deliberate) and records e. e.Items may be
// empty (then the level's ids in framework order are used) or must hold exactly the level's
// ids. On error the profile is unchanged.
func (p *WeightProfile) ApplyElicitation(f *Framework, level string, e Elicitation) error {
	ids, ok := LevelItems(f, level)
	if !ok {
		return fmt.Errorf("unknown weight level %q (use %q or a dimension id)", level, ElicitLevelDimensions)
	}
	if len(ids) == 0 {
		return fmt.Errorf("dimension %s has no criteria to weigh", level)
	}
	if len(e.Items) == 0 {
		e.Items = ids
	}
	if err := sameItems(level, e.Items, ids); err != nil {
		return err
	}
	w, err := e.WeightMap()
	if err != nil {
		return err
	}
	m := p.Criteria
	if level == ElicitLevelDimensions {
		m = p.Dimensions
	}
	for id, x := range w {
		m[id] = x
	}
	if p.Elicitation == nil {
		p.Elicitation = map[string]Elicitation{}
	}
	p.Elicitation[level] = cloneElicitation(e)
	return nil
}

func sameItems(level string, items, ids []string) error {
	a, b := slices.Clone(items), slices.Clone(ids)
	slices.Sort(a)
	slices.Sort(b)
	if !slices.Equal(a, b) {
		return fmt.Errorf("elicitation of %s: the items must be the level's ids %v, got %v", level, ids, items)
	}
	return nil
}

// validateElicitation checks every recorded elicitation: a known level, exactly the level's
// items, inputs the method accepts (finite numbers, a valid pairwise matrix), and derived
// weights equal to the profile's.
func (p *WeightProfile) validateElicitation(f *Framework) error {
	for _, level := range elicitKeys(p.Elicitation) {
		e := p.Elicitation[level]
		ids, ok := LevelItems(f, level)
		if !ok {
			return fmt.Errorf("profile %q: elicitation of unknown level %q", p.Name, level)
		}
		if !slices.Contains(ElicitMethods, e.Method) {
			return fmt.Errorf("profile %q: elicitation of %s: unknown method %q", p.Name, level, e.Method)
		}
		if err := sameItems(level, e.Items, ids); err != nil {
			return fmt.Errorf("profile %q: %w", p.Name, err)
		}
		if err := e.checkNumbers(); err != nil {
			return fmt.Errorf("profile %q: elicitation of %s: %w", p.Name, level, err)
		}
		w, err := e.WeightMap()
		if err != nil {
			return fmt.Errorf("profile %q: elicitation of %s: %w", p.Name, level, err)
		}
		m := p.Criteria
		if level == ElicitLevelDimensions {
			m = p.Dimensions
		}
		for _, id := range ids {
			if math.Abs(m[id]-w[id]) > elicitTolerance {
				return fmt.Errorf("profile %q: weight of %s is %.6f but its %s elicitation gives %.6f",
					p.Name, id, m[id], e.Method, w[id])
			}
		}
	}
	return nil
}

// checkNumbers refuses NaN, infinities and magnitudes beyond MaxMagnitude in every input, the
// ones of other methods too (they are kept, so they are stored and exported).
func (e Elicitation) checkNumbers() error {
	for _, m := range []map[string]float64{e.Direct, e.Swing} {
		for _, id := range elicitKeys(m) {
			if err := CheckNumber(id, m[id]); err != nil {
				return err
			}
		}
	}
	mats := [][][]float64{e.Matrix}
	for _, r := range elicitKeys(e.Reviewers) {
		if err := CheckLine("reviewer id", r); err != nil {
			return err
		}
		mats = append(mats, e.Reviewers[r])
	}
	for _, m := range mats {
		if len(m) > AHPMaxItems {
			return fmt.Errorf("a pairwise matrix has %d rows, at most %d are allowed", len(m), AHPMaxItems)
		}
		for _, row := range m {
			for _, x := range row {
				if err := CheckNumber("pairwise judgement", x); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func cloneElicitations(m map[string]Elicitation) map[string]Elicitation {
	if m == nil {
		return nil
	}
	c := make(map[string]Elicitation, len(m))
	for k, e := range m {
		c[k] = cloneElicitation(e)
	}
	return c
}

func cloneElicitation(e Elicitation) Elicitation {
	c := Elicitation{Method: e.Method, Items: slices.Clone(e.Items)}
	if e.Direct != nil {
		c.Direct = make(map[string]float64, len(e.Direct))
		for k, v := range e.Direct {
			c.Direct[k] = v
		}
	}
	if e.Swing != nil {
		c.Swing = make(map[string]float64, len(e.Swing))
		for k, v := range e.Swing {
			c.Swing[k] = v
		}
	}
	if e.Ranks != nil {
		c.Ranks = make(map[string]int, len(e.Ranks))
		for k, v := range e.Ranks {
			c.Ranks[k] = v
		}
	}
	c.Matrix = cloneMatrix(e.Matrix)
	if e.Reviewers != nil {
		c.Reviewers = make(map[string][][]float64, len(e.Reviewers))
		for k, m := range e.Reviewers {
			c.Reviewers[k] = cloneMatrix(m)
		}
	}
	return c
}

func cloneMatrix(m [][]float64) [][]float64 {
	if m == nil {
		return nil
	}
	c := make([][]float64, len(m))
	for i, row := range m {
		c[i] = slices.Clone(row)
	}
	return c
}
