package export_test

import (
	"bytes"
	"strings"
	"testing"

	"ccselect/export"
	"ccselect/model"
	"ccselect/samples"
)

func TestRankingMarkdown(t *testing.T) {
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	p, err := model.NewProblem(ev, "default", model.ConsensusMean, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang             model.Lang
		header, leader   string
		excluded, robust string
	}{
		// Totals from the catalog: criteria-catalog.md §4, the sample ranking table (default row): Yunqi 3.97 leads Huisheng 3.83 by 0.14.
		{model.LangZh, "| 排名 | 厂商 | 总分 | 领先 |", "| 1 | 云启通讯 | 3.97 | +0.14 |", "| ✗ | 青禾客服云 | 2.54 |", "**稳健性:** 云启通讯"},
		{model.LangEn, "| Rank | Vendor | Total | Lead |", "| 1 | Yunqi Telecom | 3.97 | +0.14 |", "| ✗ | Qinghe ServiceCloud | 2.54 |", "**Robustness:** Yunqi Telecom"},
	} {
		var b bytes.Buffer
		if err := export.WriteRankingMarkdown(&b, p, model.ConsensusMean, c.lang); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, want := range []string{"## " + ev.Name, c.header, c.leader, c.excluded, c.robust, "|---:|---|---:|---:|"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: markdown lacks %q:\n%s", c.lang, want, out)
			}
		}
	}
}

// A vendor name with Markdown syntax cannot break the table or turn into a link.
func TestRankingMarkdownEscapes(t *testing.T) {
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	ev.Vendors[0].Name = model.Both("A|B [x](http://e) *y*\nz")
	p, err := model.NewProblem(ev, "default", model.ConsensusMean, model.WSM{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := export.WriteRankingMarkdown(&b, p, model.ConsensusMean, model.LangEn); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `A\|B \[x\](http://e) \*y\* z`) {
		t.Errorf("name not escaped:\n%s", b.String())
	}
}
