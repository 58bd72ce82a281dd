package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"ccselect/model"
)

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// TestCatalogueComplete: every key has both languages, and both use the same format verbs in
// the same order (a missing %s would print "%!s(MISSING)" in one language only).
func TestCatalogueComplete(t *testing.T) {
	keys := make([]string, 0, len(catalogue))
	for k := range catalogue {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		m := catalogue[k]
		if strings.TrimSpace(m.zh) == "" || strings.TrimSpace(m.en) == "" {
			t.Errorf("%s: zh %q, en %q: both must be filled", k, m.zh, m.en)
		}
		if a, b := verb.FindAllString(m.zh, -1), verb.FindAllString(m.en, -1); strings.Join(a, ",") != strings.Join(b, ",") {
			t.Errorf("%s: format verbs differ: zh %v, en %v", k, a, b)
		}
	}
}

// keyUse finds catalogue keys written in the source: t.s("..."), t.f("..."), the key help
// texts, and any other string literal shaped like a key of a known group.
var keyUse = regexp.MustCompile(`"((?:key|hdr|tab|strip|small|help|dim|dimtiny|dir|tmpl|ov|ko|grid|side|edit|vendor|reviewer|home|empty|ok|info|err|time|sens|smaa|undo)\.[a-z0-9_.]*)"`)

// TestCatalogueCoversSource: every key the code uses is in the catalogue (keys built from a
// prefix plus data, like "dim."+id, are optional and looked up with hasKey).
func TestCatalogueCoversSource(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	used := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyUse.FindAllStringSubmatch(string(src), -1) {
			k := m[1]
			if strings.HasSuffix(k, ".") {
				continue // a prefix
			}
			used++
			if _, ok := catalogue[k]; !ok {
				t.Errorf("%s uses %q, which is not in the catalogue", f, k)
			}
		}
	}
	if used < 100 {
		t.Fatalf("found only %d key uses: the scan is broken", used)
	}
}

func TestMissingKeyIsVisible(t *testing.T) {
	if got := (tr{model.LangZh}).s("no.such.key"); got != "‹no.such.key›" {
		t.Fatalf("missing key renders %q", got)
	}
}
