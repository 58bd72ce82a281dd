package model

import "fmt"

// WeightErrorKind names why a weight cannot be set or a profile is not valid, so that the
// workbench and the command line can say it in the user's language (internal/present) instead
// of echoing the English sentence.
type WeightErrorKind string

const (
	WeightRange     WeightErrorKind = "range"      // Value is not a number in [0,1]
	WeightLocked    WeightErrorKind = "locked"     // ID is locked
	WeightNoRoom    WeightErrorKind = "no_room"    // Value is more than Max, what the locked siblings leave
	WeightAllLocked WeightErrorKind = "all_locked" // every sibling of ID is locked: ID cannot move
	WeightUnknownID WeightErrorKind = "unknown_id" // ID is not a Level ("dimension", "criterion", "lock")
	WeightSum       WeightErrorKind = "sum"        // a level sums to Value, not 1 (ID: the dimension, "" for the dimensions)
	WeightTwice     WeightErrorKind = "twice"      // ID is locked twice
	WeightNoItems   WeightErrorKind = "no_items"   // dimension ID has a weight but no criteria
)

// WeightError is a refused weight edit or an invalid profile. Error() is the English sentence
// scripts match; present.Sentence words it in zh.
type WeightError struct {
	Kind    WeightErrorKind
	Profile string  // the profile's name, when the error is about a whole profile (Validate)
	ID      string  // the dimension or criterion concerned
	Level   string  // for WeightUnknownID: "dimension", "criterion" or "lock"
	Value   float64 // the weight asked for (WeightRange, WeightNoRoom) or the level's sum (WeightSum)
	Max     float64 // for WeightNoRoom: what the locks leave
}

func (e *WeightError) Error() string {
	var s string
	switch e.Kind {
	case WeightRange:
		if e.Profile != "" {
			s = fmt.Sprintf("weight of %s must be a number in [0,1], got %g", e.ID, e.Value)
		} else {
			s = fmt.Sprintf("weight must be between 0 and 1, got %g", e.Value)
		}
	case WeightLocked:
		s = fmt.Sprintf("%s is locked; unlock it to change its weight", e.ID)
	case WeightNoRoom:
		s = fmt.Sprintf("weight %.1f%% is more than the %.1f%% left by locked weights", e.Value*100, e.Max*100)
	case WeightAllLocked:
		s = "cannot change this weight: every other weight at this level is locked"
	case WeightUnknownID:
		if e.Level == "lock" {
			s = fmt.Sprintf("lock on unknown dimension or criterion %q", e.ID)
		} else {
			s = fmt.Sprintf("unknown %s %q", e.Level, e.ID)
		}
	case WeightSum:
		if e.ID == "" {
			s = fmt.Sprintf("dimension weights sum to %.4f, not 1", e.Value)
		} else {
			s = fmt.Sprintf("criterion weights of %s sum to %.4f, not 1", e.ID, e.Value)
		}
	case WeightTwice:
		s = fmt.Sprintf("%q is locked twice", e.ID)
	case WeightNoItems:
		s = fmt.Sprintf("dimension %s has a weight but no criteria", e.ID)
	default:
		s = string(e.Kind) + " " + e.ID
	}
	if e.Profile != "" {
		return fmt.Sprintf("profile %q: %s", e.Profile, s)
	}
	return s
}
