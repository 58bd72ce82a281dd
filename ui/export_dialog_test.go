package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/xuri/excelize/v2"

	"ccselect/model"
)

// workbookName is the default file name of the sample's export on the test clock's day.
const workbookName = "示例-云呼叫中心选型-Sample-CCaaS-selection-2026-11-25.xlsx"

// sheetNames opens a workbook and lists its sheets.
func sheetNames(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	return f.GetSheetList()
}

// setSamples moves to the SMAA samples field of the workbook form and types n (fewer draws
// keep the test quick; the count itself is the library's business).
func setSamples(r *Root, n string) {
	press(r, "tab", "tab", "tab", "tab", "ctrl+u")
	typeText(r, n)
}

// x opens the dialog with a default name in the current directory; ctrl+s writes the workbook
// (through a command, as the program runs it) and the dialog ends with the full path. A second
// export to the same name opens "file exists — replace?" over the dialog: n goes back to the
// form with nothing written, y replaces the file.
func TestExportDialogWritesWorkbook(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	st, id := sizingStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 80, 24))
	press(r, "x")
	d, ok := r.dialog().(*exportDialog)
	if !ok {
		t.Fatalf("x opened %T", r.dialog())
	}
	if got := d.path.value(); got != workbookName {
		t.Errorf("default name %q, want %q", got, workbookName)
	}
	setSamples(r, "2000")
	press(r, "ctrl+s")
	want := filepath.Join(dir, workbookName)
	s := screen(r)
	if !strings.Contains(s, "Written:") || d.phase != exportDone || d.target != want {
		t.Fatalf("no end with the full path (phase %d, target %q):\n%s", d.phase, d.target, s)
	}
	if !strings.Contains(strings.ReplaceAll(s, "\n", ""), dir) {
		t.Errorf("the full path is not shown:\n%s", s)
	}
	if names := sheetNames(t, want); len(names) < 7 || names[0] != "Summary" {
		t.Errorf("sheets %q, want the seven of the English workbook", names)
	}
	press(r, "enter")
	if r.dialog() != nil {
		t.Fatal("enter did not close the finished dialog")
	}

	// Same name again, in Chinese this time.
	press(r, "x", "tab", "tab", "right") // what → path → language: 中文 → English → (wraps) 中文
	if v := r.dialog().(*exportDialog).lang.value(); v != string(model.LangZh) {
		press(r, "right")
	}
	press(r, "ctrl+s")
	if len(r.dlgs.stack) != 2 {
		t.Fatalf("%d dialogs open, want the confirmation over the export dialog", len(r.dlgs.stack))
	}
	if _, ok := r.dlgs.stack[0].(*exportDialog); !ok {
		t.Fatalf("bottom dialog is %T", r.dlgs.stack[0])
	}
	if !strings.Contains(screen(r), "File exists — replace?") {
		t.Fatalf("no confirmation:\n%s", screen(r))
	}
	press(r, "n")
	if d2, ok := r.dialog().(*exportDialog); !ok || d2.phase != exportEditing {
		t.Fatalf("n did not go back to the export form: %T", r.dialog())
	}
	if names := sheetNames(t, want); names[0] != "Summary" {
		t.Fatalf("n replaced the file: %q", names)
	}
	press(r, "ctrl+s", "y")
	if names := sheetNames(t, want); names[0] == "Summary" {
		t.Errorf("y did not replace the file with the Chinese workbook: %q", names)
	}
}

// The password is masked on screen and the workbook it writes is encrypted (excelize opens it
// only with the password).
func TestExportDialogPassword(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangEn, id, 80, 24))
	press(r, "x", "tab", "tab", "tab")
	typeText(r, "s3cret")
	if s := screen(r); strings.Contains(s, "s3cret") || !strings.Contains(s, "******") {
		t.Fatalf("password not masked:\n%s", s)
	}
	press(r, "tab", "ctrl+u")
	typeText(r, "0")
	press(r, "ctrl+s")
	path := filepath.Join(dir, workbookName)
	if _, err := excelize.OpenFile(path); err == nil {
		t.Error("the workbook opens without the password")
	}
	f, err := excelize.OpenFile(path, excelize.Options{Password: "s3cret"})
	if err != nil {
		t.Fatalf("does not open with the password: %v", err)
	}
	f.Close()
}

// The Markdown summary and a reviewer's sheet get their own default names (.md; the reviewer in
// the name) and are written where the form says.
func TestExportDialogMarkdownAndSheet(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	st, id := sampleStore(t)
	r := start(newTestRoot(st, model.LangZh, id, 80, 24))
	press(r, "x", "left", "ctrl+s") // what: workbook ← wraps to Markdown
	md := filepath.Join(dir, strings.TrimSuffix(workbookName, ".xlsx")+".md")
	b, err := os.ReadFile(md)
	if err != nil {
		t.Fatalf("markdown not written: %v\n%s", err, screen(r))
	}
	if !bytes.Contains(b, []byte("云启通讯")) || !bytes.Contains(b, []byte("|")) {
		t.Errorf("markdown lacks the ranking table:\n%s", b)
	}
	press(r, "enter", "x", "right", "ctrl+s") // the reviewer sheet of the current reviewer (王敏)
	sheet := filepath.Join(dir, "示例-云呼叫中心选型-Sample-CCaaS-selection-王敏-2026-11-25.xlsx")
	if names := sheetNames(t, sheet); len(names) == 0 {
		t.Fatalf("no sheet at %s", sheet)
	}
}

func TestGoldenExportDialog(t *testing.T) {
	st, id := sampleStore(t)
	forEachSizeLang(t, func(t *testing.T, lang model.Lang, w, h int) {
		r := start(newTestRoot(st, lang, id, w, h))
		press(r, "x")
		golden.RequireEqual(t, screen(r))
	})
}

// The export through the real program (teatest): x, the samples, ctrl+s; the dialog says it
// is written with the full path and the file is there. No sleeps as synchronisation: the
// screen is polled from inside the program's goroutine (probe).
func TestFlowExport(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	st, id := sampleStore(t)
	root := New(st, Options{Lang: model.LangEn, Actor: "test", OpenEval: id})
	root.e.now = func() time.Time { return fixedNow }
	root.poll = 0
	tm := teatest.NewTestModel(t, probe{root}, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitScreen(t, tm, "the ranking", contains("1 Yunqi Telecom"))
	send(tm, "x")
	waitScreen(t, tm, "the export dialog", contains("Executive workbook (xlsx)"))
	send(tm, "tab", "tab", "tab", "tab", "ctrl+u", "0", "ctrl+s")
	waitScreen(t, tm, "the written path", contains("Written:"))
	if _, err := os.Stat(filepath.Join(dir, workbookName)); err != nil {
		t.Fatalf("no workbook: %v", err)
	}
	send(tm, "enter")
	waitScreen(t, tm, "the status line", contains("Exported "))
	send(tm, "q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
}
