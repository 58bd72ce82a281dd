package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"path"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// chartsOn counts the chart parts that the drawing of sheet refers to, reading the package
// relationships (sheet → drawing → charts) straight from the zip.
func chartsOn(t *testing.T, f *excelize.File, data []byte, sheet string) int {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		files[zf.Name] = b.Bytes()
	}
	idx, err := f.GetSheetIndex(sheet)
	if err != nil || idx < 0 {
		t.Fatalf("no sheet %s", sheet)
	}
	// Sheets are written as xl/worksheets/sheetN.xml in workbook order by excelize.NewFile/NewSheet.
	sheetPath := "xl/worksheets/sheet" + itoa(idx+1) + ".xml"
	drawings := targets(files, sheetPath, "drawing")
	n := 0
	for _, d := range drawings {
		n += len(targets(files, d, "chart"))
	}
	return n
}

type rels struct {
	Rel []struct {
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

// targets lists the parts that part's relationships of the given kind point to.
func targets(files map[string][]byte, part, kind string) []string {
	dir, base := path.Split(part)
	var r rels
	if err := xml.Unmarshal(files[dir+"_rels/"+base+".rels"], &r); err != nil {
		return nil
	}
	var out []string
	for _, x := range r.Rel {
		if strings.HasSuffix(x.Type, "/"+kind) {
			out = append(out, path.Clean(dir+x.Target))
		}
	}
	return out
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
