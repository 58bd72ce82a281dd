// Package ui is ccselect's terminal workbench (Bubble Tea v2): the home list of evaluations,
// and for one evaluation an overview, one grid per dimension, vendors and reviewers.
//
// Shape of the package:
//   - root.go: the one tea.Model. Messages are routed in a fixed order: an open dialog, the
//     help overlay, global keys, then the focused pane. view.go draws the frame (header, tabs,
//     live ranking strip, status, key hints, overlays) and layout.go computes where each band
//     sits from the window size, in one place.
//   - Panes (home.go, overview.go, grid.go + grid_view.go, vendors.go, reviewers.go) draw
//     themselves into exactly width × height cells and describe their keys (ShortHelp,
//     FullHelp). They never call the store: they queue a storeOp, which queue.go runs as a
//     tea.Cmd one at a time, in order, and whose result comes back as a message.
//   - workbench.go keeps the open evaluation with its compiled model.Problem: an edit updates
//     both at once and re-ranks before the save is confirmed; a failed save reloads the truth.
//   - styles.go (one palette, light/dark, NO_COLOR), i18n.go (every interface string in zh and
//     en), keys.go (bindings with help text), text.go (cell-width measuring, truncation, CJK
//     wrapping: the only place text is cut or padded).
//   - The database is polled (PRAGMA data_version through Store.DataVersion) every 500 ms;
//     a change made by another process reloads what is on screen.
package ui
