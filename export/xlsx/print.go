package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// printSetup makes a sheet print in landscape, fitted to the page width (as many pages down as
// it needs), with titleRows (1..n) repeated on every page when n > 0. It runs before the
// sheet's stream is flushed (see sheet.write).
func (b *book) printSetup(name string, landscape bool, titleRows int) error {
	return printSetup(b.f, name, landscape, titleRows)
}

func printSetup(f *excelize.File, name string, landscape bool, titleRows int) error {
	orient := "portrait"
	if landscape {
		orient = "landscape"
	}
	one, zero, a4 := 1, 0, 9
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orient,
		FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	m := 0.5
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &m, Bottom: &m}); err != nil {
		return err
	}
	if titleRows > 0 {
		return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name,
			RefersTo: fmt.Sprintf("%s!$1:$%d", quoteSheet(name), titleRows)})
	}
	return nil
}
