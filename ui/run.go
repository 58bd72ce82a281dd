package ui

import (
	"context"
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// Run shows the workbench until the user quits or ctx is cancelled. The terminal is restored
// on every way out: Bubble Tea leaves the alternate screen and raw mode on quit, on error and
// when Update or View panics (it recovers, restores, and Run returns an error wrapping
// tea.ErrProgramPanic); a panic outside the program loop is recovered here too.
func Run(ctx context.Context, st Store, opt Options, extra ...tea.ProgramOption) (err error) {
	defer func() {
		if rec := recover(); rec != nil {
			err = fmt.Errorf("internal error: %v", rec)
		}
	}()
	opts := []tea.ProgramOption{tea.WithContext(ctx)}
	if opt.NoColor {
		// Attributes (bold, reverse) stay; colours go.
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	opts = append(opts, extra...)
	root := New(st, opt)
	_, err = tea.NewProgram(root, opts...).Run()
	switch {
	case err == nil && root.exitUnsaved != "":
		// The user quit a second time with edits the database refused: say which.
		return errors.New(root.e.t.f("exit.unsaved", root.exitUnsaved))
	case err == nil:
		return nil
	case ctx.Err() != nil && !errors.Is(err, tea.ErrProgramPanic):
		return nil // cancelled from outside (Ctrl+C in the parent, SIGINT): a normal way out
	case errors.Is(err, tea.ErrProgramPanic):
		return fmt.Errorf("internal error (the terminal was restored): %w", err)
	}
	return err
}
