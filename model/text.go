// Package model holds ccselect's domain (framework, evaluation, weights) and its decision math
// (value functions, ranking, TOPSIS, sensitivity). It is pure: no I/O, no imports of the other
// ccselect packages, so the same code serves the CLI, the TUI, the exporter and the benchmarks.
package model

// Lang selects the language of user-facing domain text.
type Lang string

const (
	LangZh Lang = "zh"
	LangEn Lang = "en"
)

// ParseLang maps "zh", "zh_CN.UTF-8", "en", ... to a Lang; ok is false for anything else.
func ParseLang(s string) (Lang, bool) {
	switch {
	case len(s) >= 2 && (s[:2] == "zh" || s[:2] == "ZH"):
		return LangZh, true
	case len(s) >= 2 && (s[:2] == "en" || s[:2] == "EN"):
		return LangEn, true
	}
	return "", false
}

// LangFromEnv picks the interface language from the locale variables when none was chosen:
// LC_ALL, then LC_MESSAGES, then LANG (the first one set wins, as in POSIX); zh* means Chinese,
// anything else English. getenv is os.Getenv in the program and a map in tests.
func LangFromEnv(getenv func(string) string) Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if l, ok := ParseLang(v); ok && l == LangZh {
				return LangZh
			}
			return LangEn
		}
	}
	return LangEn
}

// Text is a bilingual string. Either side may be empty; In falls back to the other side so a
// vendor typed in Chinese still has a name in the English interface.
type Text struct {
	Zh string `json:"zh,omitempty"`
	En string `json:"en,omitempty"`
}

// In returns the text in lang, falling back to the other language when that side is empty.
func (t Text) In(lang Lang) string {
	if lang == LangZh {
		if t.Zh != "" {
			return t.Zh
		}
		return t.En
	}
	if t.En != "" {
		return t.En
	}
	return t.Zh
}

// IsEmpty reports whether both languages are empty.
func (t Text) IsEmpty() bool { return t.Zh == "" && t.En == "" }

// Both returns a Text with the same string in both languages, for names typed by a user.
func Both(s string) Text { return Text{Zh: s, En: s} }
