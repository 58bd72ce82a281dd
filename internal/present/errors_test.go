package present

import (
	"errors"
	"fmt"
	"testing"

	"ccselect/model"
)

// The English sentences are the ones scripts have always matched; the Chinese ones say the same
// with the same command to run next.
func TestErrorSentences(t *testing.T) {
	cause := errors.New("database is read-only: /w.db (the directory is not writable)")
	cases := []struct {
		e      *Error
		en, zh string
	}{
		{&Error{Kind: UnknownEvaluation, Subject: "nope", Hint: "ccselect list --db w.db"},
			`evaluation "nope": not found (ccselect list --db w.db shows them)`, `找不到评估 "nope"（ccselect list --db w.db 可列出全部评估）`},
		{&Error{Kind: UnknownProfile, Subject: "fin", Choices: []string{"default", "finance"}},
			`unknown weight profile "fin" (profiles: default, finance)`, `没有名为 "fin" 的权重配置（现有配置：default、finance）`},
		{&Error{Kind: UnknownVendor, Subject: "yunqii", Choices: []string{"yunqi"}, Hint: "ccselect vendor list"},
			`unknown vendor "yunqii"; did you mean yunqi? (ccselect vendor list lists them)`, `没有厂商 "yunqii"；是否想输入 yunqi？（ccselect vendor list 可列出全部）`},
		{&Error{Kind: NoEvaluation, Subject: "w.db", Hint: "ccselect new --db w.db"},
			"the database w.db has no evaluation yet (create one with ccselect new --db w.db)", "数据库 w.db 中还没有评估（用 ccselect new --db w.db 创建一个）"},
		{&Error{Kind: ReadOnly, Err: cause}, cause.Error(), "数据库为只读，无法保存修改：" + cause.Error()},
	}
	for _, c := range cases {
		if got := c.e.Error(); got != c.en {
			t.Errorf("en %q, want %q", got, c.en)
		}
		if got := c.e.In(model.LangZh); got != c.zh {
			t.Errorf("zh %q, want %q", got, c.zh)
		}
	}
}

// A wrapper keeps its own words; the Error inside is translated; errors.Is sees the cause.
func TestSentenceThroughWrappers(t *testing.T) {
	cause := errors.New("not found")
	e := fmt.Errorf("report: %w", &Error{Kind: UnknownEvaluation, Subject: "x", Err: cause})
	if got := Sentence(e, model.LangZh); got != `report: 找不到评估 "x"` {
		t.Errorf("Sentence = %q", got)
	}
	if !errors.Is(e, cause) {
		t.Error("cause hidden")
	}
	if got := Sentence(errors.New("plain"), model.LangZh); got != "plain" {
		t.Errorf("plain error = %q", got)
	}
}
