package ops

import (
	"fmt"
	"strconv"
	"strings"

	"ccselect/model"
	"ccselect/storage"
)

// ErrNameTaken: the evaluation name is already used (errors wrap it). The schema enforces it
// too (storage's unique constraint), so a race between two commands cannot slip past this check.
var ErrNameTaken = storage.ErrNameTaken

// CheckName is the one rule for a name a user types (evaluation, vendor, reviewer): trimmed, then
// model.CheckName (not blank, no control or bidi characters, no tab or newline, at most
// model.MaxNameLen characters) — the rule the bundle decoder and the store apply too.
func CheckName(what, name string) (string, error) {
	name = strings.TrimSpace(name)
	if err := model.CheckName("the "+what+" name", name); err != nil {
		return "", err
	}
	return name, nil
}

// CheckEvalName checks an evaluation name for use in st (except by evaluation self, 0 for a
// new one): CheckName's rule, unique, and not the id of another evaluation — else --eval NAME
// would be ambiguous forever.
func CheckEvalName(st *storage.Store, name string, self int64) (string, error) {
	name, err := CheckName("evaluation", name)
	if err != nil {
		return "", err
	}
	list, err := st.List()
	if err != nil {
		return "", err
	}
	for _, s := range list {
		if s.ID == self {
			continue
		}
		if s.Name == name {
			return "", nameTaken(fmt.Sprintf("an evaluation named %q already exists (id %d); choose another --name", name, s.ID))
		}
		if strconv.FormatInt(s.ID, 10) == name {
			return "", nameTaken(fmt.Sprintf("%q is the id of evaluation %q; a name may not be another evaluation's id (--eval %s would be ambiguous)", name, s.Name, name))
		}
	}
	return name, nil
}

// nameTaken is an error that is ErrNameTaken and reads as its sentence alone.
type nameTaken string

func (e nameTaken) Error() string        { return string(e) }
func (e nameTaken) Is(target error) bool { return target == ErrNameTaken }
