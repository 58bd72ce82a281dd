package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The common mistakes are told in the user's language (--lang, else LANG), with the same command
// to run next; English stays as scripts know it (issue 9: CLI messages in zh).
func TestErrorsInUsersLanguage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	mustCLI(t, "new", "--db", db, "--template", "finance", "--name", "银行")
	out := filepath.Join(dir, "x.json")
	if err := os.WriteFile(out, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args   []string
		zh, en string
	}{
		{[]string{"report", "--db", db, "--eval", "nope"}, `找不到评估 "nope"`, `evaluation "nope": not found`},
		{[]string{"report", "--db", db, "--profile", "fin"}, `没有名为 "fin" 的权重配置（现有配置：`, `unknown weight profile "fin" (profiles: `},
		{[]string{"new", "--db", db, "--template", "finance", "--name", "银行"}, "评估名称已被使用", "already"},
		{[]string{"export", "--db", db, "--out", out}, "文件已存在，加 --force 以覆盖", "already exists; add --force"},
		{[]string{"list", "--db", filepath.Join(dir, "none.db")}, "找不到 ccselect 数据库", "no"},
	}
	for _, c := range cases {
		code, _, errs := cli(t, append(c.args, "--lang", "zh")...)
		if code == 0 || !strings.Contains(errs, c.zh) {
			t.Errorf("%v --lang zh: exit %d, stderr %q lacks %q", c.args, code, errs, c.zh)
		}
		code2, _, errs := cli(t, append(c.args, "--lang", "en")...)
		if code2 != code || !strings.Contains(errs, c.en) || strings.ContainsAny(errs, "找没评") {
			t.Errorf("%v --lang en: exit %d (zh %d), stderr %q", c.args, code2, code, errs)
		}
	}
	// LANG chooses when --lang is not given.
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "zh_CN.UTF-8")
	if _, _, errs := cli(t, "report", "--db", db, "--eval", "nope"); !strings.Contains(errs, "找不到评估") {
		t.Errorf("LANG=zh_CN: %q", errs)
	}
}
