package present

import (
	"errors"
	"fmt"
	"strings"

	"ccselect/model"
)

// ErrorKind names one of the common mistakes a user makes, worded here in both languages so the
// command line (and later the workbench) says it in the user's language.
type ErrorKind string

const (
	UnknownEvaluation ErrorKind = "unknown_evaluation" // Subject: the --eval given
	NoEvaluation      ErrorKind = "no_evaluation"      // Subject: the database path
	UnknownProfile    ErrorKind = "unknown_profile"    // Subject: the --profile given
	UnknownVendor     ErrorKind = "unknown_vendor"     // Subject: the vendor given
	UnknownReviewer   ErrorKind = "unknown_reviewer"   // Subject: the reviewer given
	UnknownCriterion  ErrorKind = "unknown_criterion"  // Subject: the criterion given
	NameTaken         ErrorKind = "name_taken"         // Subject: the evaluation name
	NoDatabase        ErrorKind = "no_database"        // Subject: the path (may be empty)
	ReadOnly          ErrorKind = "read_only"          // Subject: the path (may be empty)
	FileExists        ErrorKind = "file_exists"        // Subject: the file
)

// Error is a user-facing error of a known kind. Error() is the English sentence; In gives it in
// any language. Err, when set, is the underlying error: errors.Is and errors.As see through, and
// its text is the English sentence when no Hint or Choices say more.
type Error struct {
	Kind    ErrorKind
	Subject string
	Choices []string // nearest valid ids ("did you mean"), when known
	Hint    string   // a command to run next, printed as it is (not translated)
	Err     error
}

func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string { return e.In(model.LangEn) }

// words are one kind's sentence (%q or %s: the subject), how it adds the valid choices and the
// command to run next (%s), and, for an error known only by its cause (no subject), the words
// put before the cause's own English detail in Chinese. The English keeps the wording scripts
// have always matched.
type words struct {
	msg, choices, hint pair
	lead               string
}

var errorWords = map[ErrorKind]words{
	UnknownEvaluation: {msg: pair{"找不到评估 %q", "evaluation %q: not found"}, hint: pair{"（%s 可列出全部评估）", " (%s shows them)"}},
	NoEvaluation:      {msg: pair{"数据库 %s 中还没有评估", "the database %s has no evaluation yet"}, hint: pair{"（用 %s 创建一个）", " (create one with %s)"}},
	UnknownProfile:    {msg: pair{"没有名为 %q 的权重配置", "unknown weight profile %q"}, choices: pair{"（现有配置：%s）", " (profiles: %s)"}},
	UnknownVendor:     {msg: pair{"没有厂商 %q", "unknown vendor %q"}},
	UnknownReviewer:   {msg: pair{"没有评审人 %q", "unknown reviewer %q"}},
	UnknownCriterion:  {msg: pair{"没有准则 %q", "unknown criterion %q"}},
	NameTaken:         {msg: pair{"已有名为 %q 的评估：请换一个名称", "an evaluation named %q already exists: choose another name"}, lead: "评估名称已被使用"},
	NoDatabase:        {msg: pair{"%s 处没有 ccselect 数据库", "no ccselect database at %s"}, lead: "找不到 ccselect 数据库"},
	ReadOnly:          {msg: pair{"数据库 %s 为只读：无法保存修改", "the database %s is read-only: changes cannot be saved"}, lead: "数据库为只读，无法保存修改"},
	FileExists:        {msg: pair{"%s 已存在：加 --force 以覆盖", "%s already exists; add --force to replace it"}, lead: "文件已存在，加 --force 以覆盖"},
}

// In is the sentence in l: what is wrong, the valid choices and what to run next. An Error
// without a subject is its cause's English text, after a Chinese lead in zh.
func (e *Error) In(l model.Lang) string {
	w, ok := errorWords[e.Kind]
	if e.Subject == "" && e.Err != nil {
		if ok && l == model.LangZh && w.lead != "" {
			return w.lead + "：" + e.Err.Error()
		}
		return e.Err.Error()
	}
	if !ok {
		return string(e.Kind) + " " + e.Subject
	}
	s := fmt.Sprintf(w.msg.in(l), e.Subject)
	if len(e.Choices) > 0 {
		c := w.choices
		if c == (pair{}) {
			c = pair{"；是否想输入 %s？", "; did you mean %s?"}
		}
		s += fmt.Sprintf(c.in(l), strings.Join(e.Choices, pair{"、", ", "}.in(l)))
	}
	if e.Hint != "" {
		h := w.hint
		if h == (pair{}) {
			h = pair{"（%s 可列出全部）", " (%s lists them)"}
		}
		s += fmt.Sprintf(h.in(l), e.Hint)
	}
	return s
}

// Sentence is err for a person reading l: the sentence of the first Error in its chain, in l,
// with whatever wraps it kept as it is; any other error as it is.
//
// A *model.WeightError (a refused weight edit, an invalid profile) is worded by WeightMessage.
func Sentence(err error, l model.Lang) string {
	if err == nil {
		return ""
	}
	var pe *Error
	var we *model.WeightError
	var en, in string
	switch {
	case errors.As(err, &pe):
		if pe == err {
			return pe.In(l)
		}
		en, in = pe.In(model.LangEn), pe.In(l)
	case errors.As(err, &we):
		en, in = we.Error(), WeightMessage(we, "", l)
	default:
		return err.Error()
	}
	// A wrapper's own words ("read FILE: …") stay; only the Error's part is translated.
	full := err.Error()
	if i := strings.Index(full, en); i >= 0 {
		return full[:i] + in + full[i+len(en):]
	}
	return full
}
