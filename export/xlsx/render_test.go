package xlsx

import (
	"os"
	"testing"

	"ccselect/model"
)

// go test ./export/xlsx -run TestGenerateForRender with XLSX_RENDER=dir writes the sample workbooks.
func TestGenerateForRender(t *testing.T) {
	dir := os.Getenv("XLSX_RENDER")
	if dir == "" {
		t.Skip("XLSX_RENDER not set")
	}
	ev := sample(t)
	for _, lang := range []model.Lang{model.LangZh, model.LangEn} {
		if err := WriteWorkbookFile(dir+"/wb-"+string(lang)+".xlsx", true, ev, WorkbookOptions{Lang: lang, SMAASamples: 20000, SMAASeed: 1, Generated: fixedTime}); err != nil {
			t.Fatal(err)
		}
		if err := WriteScoringSheetFile(dir+"/sheet-"+string(lang)+".xlsx", true, ev, "li", lang); err != nil {
			t.Fatal(err)
		}
	}
}
