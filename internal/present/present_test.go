package present

import (
	"testing"

	"ccselect/model"
)

// The catalogue's units and the embedded templates are named in both languages; anything else
// is shown as written (shared/domain/criteria-catalog.md: channels, minutes, %).
func TestNames(t *testing.T) {
	cases := []struct{ got, want string }{
		{Unit("channels", model.LangZh), "路"},
		{Unit("minutes", model.LangZh), "分钟"},
		{Unit("minutes", model.LangEn), "minutes"},
		{Unit("%", model.LangZh), "%"},
		{Unit("furlongs", model.LangZh), "furlongs"},
		{TemplateName("finance", model.LangZh), "金融"},
		{TemplateName("government", model.LangEn), "government"},
		{TemplateName("my_own", model.LangEn), "my own"},
		{TemplateName("", model.LangZh), "–"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: %q, want %q", i, c.got, c.want)
		}
	}
}
