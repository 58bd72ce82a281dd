package ui

import (
	"os"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"ccselect/model"
)

// Options configure the workbench (set by main from flags and the environment).
type Options struct {
	Lang     model.Lang // "" = from LC_ALL / LC_MESSAGES / LANG
	Demo     bool       // the throwaway demo database: says so in the header
	NoColor  bool       // NO_COLOR: no colours, the cursor stays visible by reverse video
	Actor    string     // recorded in the audit log of every edit
	OpenEval int64      // open this evaluation at start; 0 = the home screen
}

type screenKind int

const (
	screenHome screenKind = iota
	screenWorkbench
)

// Root is the one tea.Model of the program. It owns the focus state and routes every message
// in a fixed order: an open dialog first, then the help overlay, then global keys, then the
// focused pane.
type Root struct {
	strip stripCache // the live-ranking strip as settled in Update (strip_cache.go)

	st  Store
	opt Options

	e      env
	styles Styles
	keys   keyMap
	dark   bool
	q      queue

	w, h   int
	screen screenKind
	home   *homePane

	// The open evaluation and its tabs.
	wb      *workbench
	tabs    []tab
	tab     int
	panes   map[tabKind]pane // the open workbench's panes, each made on first use (panes.go)
	smaaRun smaaRunner       // nil = model.RunSMAA (tests hold runs in progress with their own)

	dlgs overlays // open dialogs, the top one receives keys
	help bool

	statusText string
	statusKind statusKind
	saveErr    bool   // the last write failed (header says "not saved")
	saveErrMsg string // the status text of that failure, cleared by a later successful save

	unsaved       []unsavedEdit // edits refused while the database was busy, waiting for a retry
	quitWhenSaved bool          // q was pressed with a write in flight: quit once it is in
	quitArmed     bool          // q was pressed with unsaved edits: the next q quits without them
	exitUnsaved   string        // what was not saved when the user quit anyway (Run reports it)
	// undoPending is an undo/redo whose status line names something the reload will bring
	// back (an undone deletion): the status is written again once the reload is in.
	undoPending *pendingUndo

	external     bool // the reload under way brings another window's edit
	version      int64
	versionKnown bool
	poll         time.Duration // 0 disables polling (tests drive reloads by hand)
}

// New builds the root model. Nothing is read until Init's commands run.
func New(st Store, opt Options) *Root {
	if opt.Lang == "" {
		opt.Lang = model.LangFromEnv(os.Getenv)
	}
	r := &Root{st: st, opt: opt, dark: true, poll: pollInterval}
	r.e = env{now: time.Now, actor: opt.Actor}
	r.e.do = r.do
	r.e.open = r.dlgs.push
	r.e.status = r.setStatus
	r.setLang(opt.Lang)
	r.restyle()
	r.home = &homePane{e: &r.e, keys: &r.keys}
	return r
}

// setLang switches the interface language (catalogue, key help) in place: panes keep their
// pointers to the env and the key map.
func (r *Root) setLang(l model.Lang) {
	r.e.t = tr{lang: l}
	r.keys = newKeyMap(r.e.t)
	r.keys.Tabs = r.tabsBinding(nil)
}

func (r *Root) restyle() {
	r.styles = NewStyles(r.dark, r.opt.NoColor)
	r.e.styles = &r.styles
}

func (r *Root) setStatus(kind statusKind, text string) { r.statusKind, r.statusText = kind, text }

// do queues a store call; see queue.go.
func (r *Root) do(op storeOp) tea.Cmd { return r.q.push(r.st, op) }

// Init asks for the background colour (light/dark styles), loads the first screen and starts
// watching the database for changes by other processes.
func (r *Root) Init() tea.Cmd {
	var first tea.Cmd
	if r.opt.OpenEval != 0 {
		first = r.do(loadOp(r.opt.OpenEval, true))
	} else {
		first = r.do(listOp())
	}
	cmds := []tea.Cmd{tea.RequestBackgroundColor, first}
	if r.poll > 0 {
		cmds = append(cmds, pollCmd(r.poll))
	}
	return tea.Batch(cmds...)
}

// focused is the pane that receives keys.
func (r *Root) focused() pane {
	if r.screen == screenHome || r.wb == nil {
		return r.home
	}
	tb := r.tabs[r.tab]
	return r.paneFor(tb)
}

// Update handles one message, then lets the focused pane settle its layout for the size it
// will be drawn at (sizer), so that View only reads.
func (r *Root) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := r.update(msg)
	r.settle()
	return m, cmd
}

func (r *Root) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.w, r.h = msg.Width, msg.Height
		return r, nil
	case tea.BackgroundColorMsg:
		r.dark = msg.IsDark()
		r.restyle()
		return r, nil
	case opDoneMsg:
		next := r.q.done(r.st)
		res := r.result(msg.msg)
		return r, tea.Batch(next, res, r.afterOp())
	case pollMsg:
		if !r.q.idle() {
			return r, pollCmd(r.poll)
		}
		if len(r.unsaved) > 0 && !r.quitArmed {
			// The lock may have cleared: try the waiting edits again (one attempt per poll).
			return r, tea.Batch(r.retryUnsaved(), pollCmd(r.poll))
		}
		st := r.st
		return r, func() tea.Msg {
			v, err := st.DataVersion()
			return dataVersionMsg{v: v, err: err}
		}
	case dataVersionMsg:
		return r, tea.Batch(r.versionSeen(msg), pollCmd(r.poll))
	case paneMsg:
		return r, r.deliver(msg)
	case smaaTickMsg, smaaDoneMsg:
		return r, r.smaaMsg(msg)
	case tea.KeyPressMsg:
		return r, r.key(msg)
	case tea.MouseClickMsg:
		return r, r.mouse(msg.Mouse(), true, 0, 0)
	case tea.MouseWheelMsg:
		m := msg.Mouse()
		dx, dy := 0, 0
		switch m.Button {
		case tea.MouseWheelUp:
			dy = -1
		case tea.MouseWheelDown:
			dy = 1
		case tea.MouseWheelLeft:
			dx = -1
		case tea.MouseWheelRight:
			dx = 1
		}
		return r, r.mouse(m, false, dx, dy)
	}
	if r.dlgs.top() != nil {
		return r, r.dlgs.update(msg)
	}
	return r, nil
}

// versionSeen reloads what is on screen when the database changed since the last look.
func (r *Root) versionSeen(msg dataVersionMsg) tea.Cmd {
	if msg.err != nil {
		return nil
	}
	if !r.versionKnown {
		r.version, r.versionKnown = msg.v, true
		return nil
	}
	if msg.v == r.version {
		return nil
	}
	r.version = msg.v
	// SQLite's data version moves only for commits of other connections: this is another
	// window's (or the CLI's) edit, and it is said so once the reload shows it (defect 12).
	r.external = true
	return r.reload()
}

// reload refreshes the screen's data from the store.
func (r *Root) reload() tea.Cmd {
	if r.screen == screenWorkbench && r.wb != nil {
		return r.do(loadOp(r.wb.id, false))
	}
	return r.do(listOp())
}

// key routes a key press: dialog, help overlay, global keys, then the focused pane.
func (r *Root) key(msg tea.KeyPressMsg) tea.Cmd {
	k := &r.keys
	if key.Matches(msg, k.Interrupt) {
		if r.quitWhenSaved {
			return tea.Quit // a second ctrl+c does not wait for the save
		}
		return r.quit()
	}
	if key.Matches(msg, k.Suspend) {
		return tea.Suspend // the shell's job control: fg resumes where the user was
	}
	if r.tooSmall() {
		// Nothing but the "too small" notice is on screen: a key must not act on a grid or a
		// dialog field the user cannot see. Only quitting and the language act.
		switch {
		case key.Matches(msg, k.Quit):
			return r.quit()
		case key.Matches(msg, k.Lang):
			r.setLang(r.e.t.other().lang)
		}
		return nil
	}
	// L switches the language over the help and over a confirmation (neither types text);
	// a form keeps L as a letter.
	_, confirming := r.dlgs.top().(*confirmDialog)
	if (r.help || confirming) && key.Matches(msg, k.Lang) {
		r.setLang(r.e.t.other().lang)
		return nil
	}
	if r.dlgs.top() != nil {
		return r.dlgs.update(msg)
	}
	if r.help {
		if key.Matches(msg, k.CloseHelp) {
			r.help = false
		}
		return nil
	}
	r.statusText = ""
	if r.refuseEdit(msg) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		return r.quit()
	case key.Matches(msg, k.Help):
		r.help = true
		return nil
	case key.Matches(msg, k.Lang):
		r.setLang(r.e.t.other().lang)
		return nil
	}
	if r.screen != screenWorkbench || r.wb == nil {
		return r.focused().Update(msg)
	}
	if c, ok := r.focused().(capturer); ok && c.Captures(msg) {
		return r.focused().Update(msg) // esc during a run, digits in a grid: the pane's own
	}
	switch {
	case key.Matches(msg, k.Home):
		return r.goHome()
	case key.Matches(msg, k.NextTab):
		r.tab = (r.tab + 1) % len(r.tabs)
		return nil
	case key.Matches(msg, k.PrevTab):
		r.tab = (r.tab + len(r.tabs) - 1) % len(r.tabs)
		return nil
	case r.tabByKey(msg) >= 0:
		// The tab's direct key (buildTabs); a grid captures 1–5 to rate, so only the other
		// keys switch tabs there.
		r.tab = r.tabByKey(msg)
		return nil
	case key.Matches(msg, k.Reviewer):
		if len(r.wb.ev.Reviewers) == 0 {
			r.setStatus(statusWarn, r.e.t.s("empty.reviewers.short"))
			return nil
		}
		r.wb.cycleReviewer()
		r.setStatus(statusOK, r.e.t.f("reviewer.now", r.wb.ev.Reviewers[r.wb.reviewer].Name))
		return nil
	case key.Matches(msg, k.Retry) && len(r.unsaved) > 0:
		return r.retryUnsaved()
	case key.Matches(msg, k.Undo):
		return r.undo(false)
	case key.Matches(msg, k.Redo):
		return r.undo(true)
	case key.Matches(msg, k.Export) && !paneClaims(r.focused(), msg):
		return r.openExport() // export_dialog.go; a tab whose x deletes keeps it
	case key.Matches(msg, k.Import) && !paneClaims(r.focused(), msg):
		return r.openImport() // sheet_import.go
	}
	return r.focused().Update(msg)
}

// undo queues an undo (or redo) of the last edit of the open evaluation.
func (r *Root) undo(redo bool) tea.Cmd {
	id, actor := r.wb.id, r.opt.Actor
	return r.do(storeOp{write: true, run: func(s Store) tea.Msg {
		var c Change
		var err error
		if redo {
			c, err = s.Redo(id, actor)
		} else {
			c, err = s.Undo(id, actor)
		}
		return undoneMsg{redo: redo, change: c, err: err}
	}})
}

func (r *Root) goHome() tea.Cmd {
	if r.wb != nil {
		r.home.selectID = r.wb.id // come back to the line of the evaluation just left
	}
	if s, ok := r.panes[tabSensitivity].(*sensPane); ok {
		s.cancelSMAA()
	}
	r.screen, r.wb, r.tabs, r.tab = screenHome, nil, nil, 0
	r.undoPending = nil
	return r.do(listOp())
}

// open shows a freshly loaded evaluation in the workbench.
func (r *Root) open(id int64, ev *model.Evaluation) error {
	wb, err := newWorkbench(id, ev, r.opt.Actor)
	if err != nil {
		return err
	}
	if s, ok := r.panes[tabSensitivity].(*sensPane); ok {
		s.cancelSMAA()
	}
	r.wb = wb
	r.tabs = buildTabs(len(ev.Framework.Dimensions))
	r.keys.Tabs = r.tabsBinding(nil)
	r.tab = 0
	r.panes = map[tabKind]pane{} // the new workbench's panes are made as they are needed
	r.screen = screenWorkbench
	r.home.selectID = id
	return nil
}

// result handles the outcome of a store call.
func (r *Root) result(msg tea.Msg) tea.Cmd {
	t := r.e.t
	switch msg := msg.(type) {
	case listLoadedMsg:
		if msg.err != nil {
			r.setStatus(statusErr, t.f("err.list", msg.err))
			return nil
		}
		r.home.setList(msg.list)
	case evalLoadedMsg:
		if msg.open {
			if msg.err == nil {
				msg.err = r.open(msg.id, msg.ev)
			}
			if msg.err != nil {
				r.setStatus(statusErr, t.f("err.open", msg.err))
				if !r.home.loaded {
					return r.do(listOp())
				}
			}
			return nil
		}
		if r.wb == nil || r.wb.id != msg.id || r.screen != screenWorkbench {
			return nil // the user left this evaluation meanwhile
		}
		if msg.err != nil {
			if isNotFound(msg.err) {
				cmd := r.goHome()
				r.setStatus(statusWarn, t.s("err.gone"))
				return cmd
			}
			r.setStatus(statusErr, t.f("err.load", msg.err))
			return nil
		}
		if r.q.writing() {
			// An edit typed after this read is still on its way: showing this snapshot would
			// undo it on screen. Read again once the edits are in.
			return r.do(loadOp(msg.id, false))
		}
		if err := r.wb.load(msg.ev, r.opt.Actor); err != nil {
			r.setStatus(statusErr, t.f("err.load", err))
		} else if r.external {
			r.external = false
			if r.statusText == "" {
				r.setStatus(statusInfo, t.s("info.external"))
			}
		}
		if u := r.undoPending; u != nil {
			r.undoPending = nil
			if r.statusText == u.shown { // nothing else was said since
				text, _ := r.undoText(u.msg)
				r.setStatus(statusOK, text)
			}
		}
	case writeDoneMsg:
		if msg.key != "" {
			r.e.marks.done(msg.key)
			defer r.markFailed() // after the list has taken or dropped this edit
		}
		if msg.err != nil {
			r.saveErr = true
			if msg.retry == nil && r.keepUnsaved(msg) {
				r.saveErrMsg = t.f("err.unsaved", len(r.unsaved), msg.what, r.errText(msg.err))
			} else {
				r.saveErrMsg = t.f("err.save", msg.what, r.errText(msg.err))
			}
			r.setStatus(statusErr, r.saveErrMsg)
			if msg.retry != nil {
				msg.retry.setError(t.f("err.savedialog", r.errText(msg.err)))
				r.dlgs.push(msg.retry)
			}
			return r.reload() // show what the database really holds
		}
		r.dropUnsaved(msg.key)
		r.saveErr = len(r.unsaved) > 0
		if r.saveErrMsg != "" && r.statusText == r.saveErrMsg {
			// The failure shown is over (issue 8 defect 2): a later save went in.
			r.setStatus(statusInfo, "")
		}
		if !r.saveErr {
			r.saveErrMsg = ""
		}
		if msg.reload {
			r.setStatus(statusOK, t.f("ok.saved", msg.what))
			return r.reload()
		}
	case createdMsg:
		if msg.err != nil {
			r.setStatus(statusErr, t.f("err.create", msg.err))
			if msg.retry != nil {
				msg.retry.setError(t.f("err.savedialog", msg.err))
				r.dlgs.push(msg.retry)
			}
			return nil
		}
		r.home.selectID = msg.id
		if msg.open {
			return r.do(loadOp(msg.id, true))
		}
		return r.do(listOp())
	case sheetImportedMsg:
		return r.sheetImported(msg)
	case undoneMsg:
		switch {
		case isNothingToUndo(msg.err):
			nk := "info.nothingundo"
			if msg.redo {
				nk = "info.nothingredo"
			}
			r.setStatus(statusInfo, t.s(nk))
			return nil
		case msg.err != nil:
			r.setStatus(statusErr, t.f("err.undo", msg.err))
			return r.reload()
		}
		r.saveErr = false
		text, named := r.undoText(msg)
		r.setStatus(statusOK, text)
		if !named {
			r.undoPending = &pendingUndo{msg: msg, shown: text}
		}
		return r.reload()
	}
	return nil
}

// mouse routes clicks and the wheel: the tab row switches tabs, the body goes to the pane in
// its own coordinates.
func (r *Root) mouse(m tea.Mouse, click bool, dx, dy int) tea.Cmd {
	if r.dlgs.top() != nil || r.help {
		return nil
	}
	if click && m.Button != tea.MouseLeft {
		return nil
	}
	l := r.layout()
	if l.tooSmall {
		return nil
	}
	if click && r.screen == screenWorkbench && m.Y == l.tabsY {
		if i := r.tabAt(m.X); i >= 0 {
			r.tab = i
		}
		return nil
	}
	if m.Y < l.bodyY || m.Y >= l.bodyY+l.bodyH {
		return nil
	}
	return r.focused().Update(paneMouse{X: m.X, Y: m.Y - l.bodyY, W: l.w, H: l.bodyH, Click: click, WheelX: dx, WheelY: dy})
}

// dialog is the dialog that receives keys (the top of the stack), or nil.
func (r *Root) dialog() dialog { return r.dlgs.top() }

// tooSmall reports that the window is below the minimum size (the screen shows only a notice).
func (r *Root) tooSmall() bool { return r.w < minWidth || r.h < minHeight }

// layout is the current screen's layout.
func (r *Root) layout() layout {
	wbOpen := r.screen == screenWorkbench && r.wb != nil
	strip := false
	if wbOpen {
		strip = defOf(r.tabs[r.tab].kind).strip // the live ranking, under the tabs where edits are made
	}
	return computeLayout(r.w, r.h, wbOpen, strip)
}
