package ops

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"ccselect/storage"
)

// ErrNameTaken: the evaluation name is already used (errors wrap it).
// MERGE: alias storage.ErrNameTaken once storage has it.
var ErrNameTaken = errors.New("name taken")

// maxNameRunes bounds a name typed on the command line; a list column stays readable.
const maxNameRunes = 200

// CheckName is the one rule for a name a user types (evaluation, vendor, reviewer): trimmed,
// not empty, no control characters (tab and newline break every table and log they appear in).
// MERGE: replace the body with model.CheckName once model has it.
func CheckName(what, name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", fmt.Errorf("the %s name must not be empty", what)
	}
	for _, r := range name {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return "", fmt.Errorf("the %s name %q contains a control character (tab, newline…); use plain text", what, name)
		}
	}
	if n := len([]rune(name)); n > maxNameRunes {
		return "", fmt.Errorf("the %s name is %d characters long; at most %d", what, n, maxNameRunes)
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
