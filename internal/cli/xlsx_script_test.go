package cli

import (
	"encoding/hex"
	"os"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

// TestExcelScripts runs testdata/xlsx/*.txtar: the executive workbook and the reviewer scoring
// sheets through the command line (issue 11), every refused import checked to leave the
// database byte for byte as it was. They run apart from TestScripts because they need the
// spreadsheet commands below, which fill and inspect workbooks the way a reviewer's Excel would.
//
// Extra commands (besides status, snap and unchanged of TestScripts):
//
//	xlsxfill IN OUT RATING MEASURED   fill every input row of a scoring sheet: RATING into the
//	                                  rating column, MEASURED into the measured one
//	xlsxset IN OUT SHEET CELL VALUE   set one cell (a number when VALUE parses as one)
//	xlsxopen FILE [PASSWORD]          FILE opens with excelize (with the password); ! = it does not
//	magic FILE HEX                    FILE starts with the bytes HEX
//	mode FILE OCTAL                   FILE's permission bits
//	truncate FILE N                   keep FILE's first N bytes
func TestExcelScripts(t *testing.T) {
	testscript.Run(t, scriptParams("testdata/xlsx", map[string]func(ts *testscript.TestScript, neg bool, args []string){
		"xlsxfill": cmdXLSXFill,
		"xlsxset":  cmdXLSXSet,
		"xlsxopen": cmdXLSXOpen,
		"magic":    cmdMagic,
		"mode":     cmdMode,
		"truncate": cmdTruncate,
	}))
}

// Columns of the scoring sheet (export/xlsx/sheet_export.go): D rating, E measured, F unit,
// data from row 4. A rating row's unit cell says "1–5".
const (
	fillRating   = "D"
	fillMeasured = "E"
	fillUnit     = "F"
	fillFirstRow = 4
)

func cmdXLSXFill(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 4 {
		ts.Fatalf("usage: xlsxfill IN OUT RATING MEASURED")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	sheet := f.GetSheetName(f.GetActiveSheetIndex())
	rows, err := f.GetRows(sheet)
	ts.Check(err)
	for r := fillFirstRow; r <= len(rows); r++ {
		unit, err := f.GetCellValue(sheet, fillUnit+strconv.Itoa(r))
		ts.Check(err)
		col, val := fillMeasured, args[3]
		if unit == "1–5" {
			col, val = fillRating, args[2]
		}
		ts.Check(f.SetCellValue(sheet, col+strconv.Itoa(r), number(val)))
	}
	ts.Check(f.SaveAs(ts.MkAbs(args[1])))
}

func cmdXLSXSet(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 5 {
		ts.Fatalf("usage: xlsxset IN OUT SHEET CELL VALUE")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	ts.Check(f.SetCellValue(args[2], args[3], number(args[4])))
	ts.Check(f.SaveAs(ts.MkAbs(args[1])))
}

// number makes "6" a numeric cell, as a reviewer typing 6 into Excel would.
func number(s string) any {
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return v
	}
	return s
}

func cmdXLSXOpen(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: xlsxopen FILE [PASSWORD]")
	}
	var opts []excelize.Options
	if len(args) == 2 {
		opts = append(opts, excelize.Options{Password: args[1]})
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]), opts...)
	if err == nil {
		// Opening is not enough: the sheets must be there and readable.
		if len(f.GetSheetList()) < 7 {
			err = os.ErrInvalid
		} else {
			_, err = f.GetRows(f.GetSheetList()[0])
		}
		f.Close()
	}
	switch {
	case neg && err == nil:
		ts.Fatalf("%s opened", args[0])
	case !neg && err != nil:
		ts.Fatalf("%s does not open: %v", args[0], err)
	}
}

func cmdMagic(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: magic FILE HEX")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	want, err := hex.DecodeString(args[1])
	ts.Check(err)
	got := len(data) >= len(want) && string(data[:len(want)]) == string(want)
	if got == neg {
		ts.Fatalf("%s starts with %x, want %s%s", args[0], data[:min(len(data), len(want))], map[bool]string{true: "not ", false: ""}[neg], args[1])
	}
}

func cmdMode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mode FILE OCTAL")
	}
	fi, err := os.Stat(ts.MkAbs(args[0]))
	ts.Check(err)
	want, err := strconv.ParseUint(args[1], 8, 32)
	ts.Check(err)
	if got := fi.Mode().Perm(); uint64(got) != want {
		ts.Fatalf("%s has mode %o, want %s", args[0], got, args[1])
	}
}

func cmdTruncate(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: truncate FILE N")
	}
	n, err := strconv.ParseInt(args[1], 10, 64)
	ts.Check(err)
	ts.Check(os.Truncate(ts.MkAbs(args[0]), n))
}
