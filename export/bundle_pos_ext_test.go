package export_test

import (
	"bytes"
	"strings"
	"testing"

	"ccselect/export"
	"ccselect/samples"
)

// Every reader of DecodeBundle (CLI import, TUI import) gets the position of an unknown field,
// a byte-order mark notwithstanding.
func TestDecodeUnknownFieldHasPosition(t *testing.T) {
	in := "\ufeff{\"format\": \"ccselect-evaluation\", \"version\": 1,\n \"evaluation\": {\n  \"名字\": 1, \"vendros\": []}}"
	_, err := export.DecodeBundle(strings.NewReader(in))
	if err == nil {
		t.Fatal("unknown field accepted")
	}
	for _, want := range []string{`unknown field "名字"`, "line 3, column 3", "at $.evaluation.名字"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

// docs/bundle.schema.json wants [] for an empty list; storage loads empty lists as nil. (An
// evaluation always has a profile, so profiles is never empty.)
func TestEncodeWritesEmptyLists(t *testing.T) {
	ev, err := samples.Template("finance", "空的评估", "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	ev.Vendors, ev.Reviewers, ev.Scores = nil, nil, nil
	var buf bytes.Buffer
	if err := export.EncodeBundle(&buf, ev); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte("null")) {
		t.Errorf("bundle has null:\n%s", buf.String())
	}
	for _, k := range []string{`"vendors": []`, `"reviewers": []`, `"scores": []`} {
		if !bytes.Contains(buf.Bytes(), []byte(k)) {
			t.Errorf("bundle lacks %s", k)
		}
	}
	if ev.Vendors != nil {
		t.Error("EncodeBundle changed its argument")
	}
}
