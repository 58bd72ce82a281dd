package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The home screen, the vendors tab and the reviewers tab are one-column lists with a cursor:
// the same keys move it, the same mouse gestures, the same marked row.

// listCursor is the cursor and scroll offset of a one-column list.
type listCursor struct {
	cur, off int
	follow   bool
}

// move handles the list movement keys; ok is false for other keys.
func (l *listCursor) move(k *keyMap, msg tea.KeyPressMsg, n, page int) bool {
	switch {
	case key.Matches(msg, k.Up):
		l.cur--
	case key.Matches(msg, k.Down):
		l.cur++
	case key.Matches(msg, k.PageUp):
		l.cur -= max(page, 1)
	case key.Matches(msg, k.PageDown):
		l.cur += max(page, 1)
	case key.Matches(msg, k.Top):
		l.cur = 0
	case key.Matches(msg, k.Bottom):
		l.cur = n - 1
	default:
		return false
	}
	l.cur = min(max(l.cur, 0), max(n-1, 0))
	l.follow = true
	return true
}

// mouse handles a click on row y (of the list area starting at top) and the wheel.
func (l *listCursor) mouse(m paneMouse, top, rows, n int) {
	if m.WheelY != 0 {
		l.off = clampOffset(l.off+m.WheelY, rows, n)
		l.follow = false
		return
	}
	if m.Click && m.Y >= top {
		if i := m.Y - top + l.off; i < n && m.Y-top < rows {
			l.cur = i
			l.follow = true
		}
	}
}

// window returns the first row to show for rows visible lines.
func (l *listCursor) window(rows, n int) int {
	l.cur = min(max(l.cur, 0), max(n-1, 0))
	if l.follow {
		l.off = scrollTo(l.off, l.cur, rows, n)
	}
	l.off = clampOffset(l.off, rows, n)
	return l.off
}

// update handles a list tab's keys and mouse (the list starts on row 2 of the pane): movement,
// and add (form(−1)), edit or rename (form(cur)) and delete (del(cur)) of its items. Any other
// key comes back with other true.
func (l *listCursor) update(k *keyMap, msg tea.Msg, n, rows int, form, del func(i int)) (_ tea.KeyPressMsg, other bool) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if l.move(k, msg, n, rows) {
			return msg, false
		}
		switch {
		case key.Matches(msg, k.Add):
			form(-1)
		case key.Matches(msg, k.EditItem), key.Matches(msg, k.RenameItem):
			if n > 0 {
				form(l.cur)
			}
		case key.Matches(msg, k.DeleteItem):
			if n > 0 {
				del(l.cur)
			}
		default:
			return msg, true
		}
	case paneMouse:
		l.mouse(msg, 2, rows, n)
	}
	return tea.KeyPressMsg{}, false
}

// render appends the visible rows of a list of n items to lines, rows of them at most, the
// cursor's row marked with ▸ in the cursor style: row(i) gives item i's first column (fitted)
// and the rest of its line.
func (l *listCursor) render(st *Styles, lines []string, n, rows int, row func(i int) (first, rest string)) []string {
	off := l.window(rows, n)
	for i := off; i < min(off+rows, n); i++ {
		first, rest := row(i)
		if i == l.cur {
			lines = append(lines, st.Cursor.Render("▸ "+first)+rest)
		} else {
			lines = append(lines, "  "+first+rest)
		}
	}
	return lines
}

// listMoves are the movement keys of a list, the first group of its full help.
func (k *keyMap) listMoves() []key.Binding { return []key.Binding{k.Up, k.Down, k.Top, k.Bottom} }
