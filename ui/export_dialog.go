package ui

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"ccselect/export"
	"ccselect/export/xlsx"
	"ccselect/model"
)

// The export dialog (issue 11, x in the workbench): what to write (the executive workbook, a
// reviewer's scoring sheet, the Markdown summary), where, in which language, and for the
// workbook a password and the SMAA samples. The file is written by a tea.Cmd, off the update
// loop, while the dialog says so; it ends with the full path. An existing file opens a
// confirmation over the dialog (the overlay stack) and is replaced only on yes.

type exportKind int

const (
	exportWorkbook exportKind = iota
	exportSheet
	exportMarkdown
)

type exportPhase int

const (
	exportEditing exportPhase = iota
	exportChecking
	exportWriting
	exportDone
)

// exportSeed is the SMAA seed of the workbook, the CLI's default: the same evaluation gives the
// same acceptabilities whichever way it is exported.
const exportSeed = 1

// maxExportSamples bounds the SMAA samples typed in the dialog (the CLI's limit).
const maxExportSamples = 10_000_000

type exportDialog struct {
	e    *env
	keys *keyMap
	// ev is the evaluation as open when the dialog opened. While a dialog is open no key edits
	// it, and a reload replaces the workbench's evaluation with a new value rather than changing
	// this one, so the writer may read it from its goroutine.
	ev  *model.Evaluation
	dir string // the current directory: where a relative path goes

	form                                         *formDialog
	what, path, lang, password, samples, reviewr *formField
	lastDefault                                  string
	kind                                         exportKind
	submitted                                    bool

	phase  exportPhase
	target string // the full path being written or written
	force  bool
}

// exportCheckedMsg says whether the target exists; exportDoneMsg that the file was written (or
// why not). Both name their dialog.
type exportCheckedMsg struct {
	d      *exportDialog
	exists bool
}

type exportDoneMsg struct {
	d   *exportDialog
	err error
}

// openExport opens the export dialog over the workbench.
func (r *Root) openExport() tea.Cmd {
	dir, err := os.Getwd()
	if err != nil {
		dir = "."
	}
	r.dlgs.push(newExportDialog(&r.e, &r.keys, r.wb, dir))
	return nil
}

func newExportDialog(e *env, keys *keyMap, wb *workbench, dir string) *exportDialog {
	t := e.t
	d := &exportDialog{e: e, keys: keys, ev: wb.ev, dir: dir}
	f := newForm(e, keys, t.s("export.title"))
	kinds := []string{t.s("export.workbook"), t.s("export.sheet"), t.s("export.markdown")}
	d.what = f.choice(t.s("export.what"), kinds, []string{"0", "1", "2"}, 0)
	d.path = f.text(t.s("export.path"), "")
	langSel := 1
	if t.lang == model.LangZh {
		langSel = 0
	}
	d.lang = f.choice(t.s("export.lang"), []string{"中文", "English"}, []string{string(model.LangZh), string(model.LangEn)}, langSel)
	d.password = f.text(t.s("export.password"), "")
	d.password.in.EchoMode = textinput.EchoPassword
	d.samples = f.text(t.s("export.samples"), strconv.Itoa(model.DefaultSMAASamples))
	var names, ids []string
	for _, rv := range wb.ev.Reviewers {
		names, ids = append(names, rv.Name), append(ids, rv.ID)
	}
	if len(ids) == 0 {
		names, ids = []string{t.s("export.noreviewer")}, []string{""}
	}
	d.reviewr = f.choice(t.s("export.reviewer"), names, ids, max(wb.reviewer, 0))
	d.form = f
	f.submit = func(*formDialog) (tea.Cmd, error) { return d.submit() }
	d.layoutFields()
	return d
}

// layoutFields shows the fields of the kind chosen and moves the default path along with it
// (unless the user typed one of their own).
func (d *exportDialog) layoutFields() {
	d.kind = exportKind(d.what.choice)
	f := d.form
	switch d.kind {
	case exportWorkbook:
		f.fields = []*formField{d.what, d.path, d.lang, d.password, d.samples}
	case exportSheet:
		f.fields = []*formField{d.what, d.path, d.lang, d.reviewr}
	default:
		f.fields = []*formField{d.what, d.path, d.lang}
	}
	f.focus = min(f.focus, len(f.fields)-1)
	def := d.defaultName()
	if cur := d.path.value(); cur == "" || cur == d.lastDefault {
		d.path.in.SetValue(def)
		d.path.in.CursorEnd()
	}
	d.lastDefault = def
}

// defaultName is <evaluation>-<date>.xlsx (the sheet adds the reviewer, Markdown ends in .md),
// in the current directory.
func (d *exportDialog) defaultName() string {
	base := fileSafe(d.ev.Name)
	if d.kind == exportSheet {
		base += "-" + fileSafe(d.reviewerName())
	}
	base += "-" + d.e.now().Format("2006-01-02")
	if d.kind == exportMarkdown {
		return base + ".md"
	}
	return base + ".xlsx"
}

func (d *exportDialog) reviewerName() string {
	if i := d.ev.ReviewerIndex(d.reviewr.value()); i >= 0 {
		return d.ev.Reviewers[i].Name
	}
	return ""
}

// fileSafe keeps letters (Chinese too), digits, '-', '_' and '.'; every other run of runes
// becomes one '-', so a name with "/" or "：" makes a file name, not a directory.
func fileSafe(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.' {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.Trim(b.String(), "-.")
	if out == "" {
		out = "ccselect"
	}
	if rs := []rune(out); len(rs) > 60 { // a name, not a paragraph: file systems cap at 255 bytes
		out = strings.TrimRight(string(rs[:60]), "-.")
	}
	return out
}

// submit checks the form and starts the existence check.
func (d *exportDialog) submit() (tea.Cmd, error) {
	t := d.e.t
	p := d.path.value()
	if p == "" {
		return nil, errorf(t.s("export.needpath"))
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(d.dir, p)
	}
	if d.kind == exportWorkbook {
		if _, err := d.sampleCount(); err != nil {
			return nil, err
		}
	}
	if d.kind == exportSheet && d.reviewr.value() == "" {
		return nil, errorf(t.s("export.noreviewer"))
	}
	d.target, d.submitted = filepath.Clean(p), true
	target := d.target
	return func() tea.Msg {
		_, err := os.Lstat(target)
		return exportCheckedMsg{d: d, exists: !errors.Is(err, fs.ErrNotExist)}
	}, nil
}

func (d *exportDialog) sampleCount() (int, error) {
	n, err := strconv.Atoi(strings.ReplaceAll(d.samples.value(), ",", ""))
	if err != nil || n < 0 || n > maxExportSamples {
		return 0, errorf(d.e.t.f("export.badsamples", maxExportSamples))
	}
	return n, nil
}

func (d *exportDialog) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case exportCheckedMsg:
		if msg.d != d {
			return nil, false
		}
		if !msg.exists {
			return d.write(false), false
		}
		d.phase = exportEditing
		d.e.open(&confirmDialog{e: d.e, keys: d.keys,
			text: func(t tr) (string, string) { return t.s("export.existstitle"), t.f("export.existsbody", d.target) },
			yes:  func() tea.Cmd { return d.write(true) }})
		return nil, false
	case exportDoneMsg:
		if msg.d != d {
			return nil, false
		}
		if msg.err != nil {
			d.phase = exportEditing
			d.form.setError(d.e.t.f("export.failed", msg.err))
			return nil, false
		}
		d.phase = exportDone
		d.e.status(statusOK, d.e.t.f("export.wrote", d.target))
		return nil, false
	case tea.KeyPressMsg:
		switch d.phase {
		case exportDone:
			if key.Matches(msg, d.keys.Confirm) || key.Matches(msg, d.keys.Cancel) || key.Matches(msg, d.keys.Deny) {
				return nil, true
			}
			return nil, false
		case exportChecking, exportWriting:
			return nil, false // the file is being written: nothing to do but wait
		}
	}
	if d.phase != exportEditing {
		return nil, false
	}
	d.submitted = false
	cmd, done := d.form.Update(msg)
	if d.submitted {
		d.phase = exportChecking
		return cmd, false
	}
	if done {
		return nil, true // esc
	}
	if exportKind(d.what.choice) != d.kind || d.lastDefault != d.defaultName() {
		d.layoutFields()
	}
	return cmd, false
}

// write starts writing the file (force: replace it) off the update loop.
func (d *exportDialog) write(force bool) tea.Cmd {
	d.phase, d.force = exportWriting, force
	ev, path, kind := d.ev, d.target, d.kind
	lang := model.Lang(d.lang.value())
	reviewer := d.reviewr.value()
	opt := xlsx.WorkbookOptions{Lang: lang, SMAASeed: exportSeed, Password: d.password.in.Value(), Generated: d.e.now()}
	opt.SMAASamples, _ = d.sampleCount()
	return func() tea.Msg {
		var err error
		switch kind {
		case exportWorkbook:
			err = xlsx.WriteWorkbookFile(path, force, ev, opt)
		case exportSheet:
			err = xlsx.WriteScoringSheetFile(path, force, ev, reviewer, lang)
		default:
			err = writeMarkdown(path, ev, lang)
		}
		return exportDoneMsg{d: d, err: err}
	}
}

// writeMarkdown writes the Markdown summary atomically (the existence question was asked).
func writeMarkdown(path string, ev *model.Evaluation, lang model.Lang) error {
	p, err := model.NewProblem(ev, "", model.ConsensusMean, model.WSM{})
	if err != nil {
		return err
	}
	return export.WriteFileAtomic(path, func(w io.Writer) error {
		return export.WriteRankingMarkdown(w, p, model.ConsensusMean, lang)
	})
}

func (d *exportDialog) View(maxW int) string {
	st, t := d.e.styles, d.e.t
	w := min(maxW, 72)
	inner := w - st.Box.GetHorizontalFrameSize()
	switch d.phase {
	case exportChecking, exportWriting:
		body := wrap(t.f("export.writing", d.target), inner)
		if d.kind == exportWorkbook {
			if n, _ := d.sampleCount(); n > 0 {
				body = append(body, st.Faint.Render(truncate(t.f("export.writingsmaa", n), inner)))
			}
		}
		return frame(st, t.s("export.title"), body, t.s("export.wait"), w)
	case exportDone:
		body := []string{st.OK.Render(truncate(t.s("export.done"), inner))}
		body = append(body, wrap(d.target, inner)...)
		return frame(st, t.s("export.title"), body, hintText(d.Help()), w)
	}
	return d.form.View(maxW)
}

func (d *exportDialog) Help() []key.Binding {
	switch d.phase {
	case exportChecking, exportWriting:
		return nil
	case exportDone:
		return []key.Binding{key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter/esc", d.e.t.s("key.close")))}
	}
	return d.form.Help()
}

// paneClaims reports that the focused pane binds the key itself (x deletes in the vendors,
// reviewers and sizing lists): there the pane's meaning wins and the help shows it, since the
// help lists the pane's keys before the global ones and each key once.
func paneClaims(p pane, msg tea.KeyPressMsg) bool {
	groups := append(p.FullHelp(), p.ShortHelp())
	for _, g := range groups {
		for _, b := range g {
			if key.Matches(msg, b) {
				return true
			}
		}
	}
	return false
}

// withExportHint adds "x export" to a workbench pane's hint bar where x is free: before the
// language key (as the screen sketches have it), else before quit, else at the end. The bar
// drops what does not fit from the end, so the export stays visible at 80 columns.
func (r *Root) withExportHint(p pane, bs []key.Binding) []key.Binding {
	if r.screen != screenWorkbench || r.wb == nil || paneClaims(p, tea.KeyPressMsg{Code: 'x', Text: "x"}) {
		return bs
	}
	at := len(bs)
	for i, b := range bs {
		if k := b.Help().Key; k == r.keys.Lang.Help().Key {
			at = i
			break
		} else if k == r.keys.Quit.Help().Key && at == len(bs) {
			at = i
		}
	}
	out := make([]key.Binding, 0, len(bs)+1)
	out = append(out, bs[:at]...)
	out = append(out, r.keys.Export)
	return append(out, bs[at:]...)
}
