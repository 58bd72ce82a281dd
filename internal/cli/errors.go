package cli

import (
	"errors"
	"fmt"
	"os"
	"syscall"

	"github.com/spf13/cobra"
)

// usageError is a mistake in the command line itself (unknown flag, bad flag value, missing or
// stray argument): exit status 2, where problems with data or files exit with 1.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// usagef makes a usage error.
func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// asUsage marks an error from parsing a flag value (model.ParseMethod and the like) as a usage
// error; nil stays nil.
func asUsage(err error) error {
	if err == nil {
		return nil
	}
	return &usageError{msg: err.Error()}
}

// errInterrupted ends a command the user stopped with Ctrl+C: exit status 130.
var errInterrupted = errors.New("interrupted")

// interrupted wraps a sentence for the user around errInterrupted.
type interrupted struct{ msg string }

func (e *interrupted) Error() string { return e.msg }
func (e *interrupted) Unwrap() error { return errInterrupted }

// noArgs refuses positional arguments with the message scripts have always seen.
func noArgs(_ *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	return nil
}

// exactArgs wants n positional arguments, described by what ("FILE.json").
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) < n {
			return usagef("missing %s", what)
		}
		if len(args) > n {
			return usagef("unexpected argument %q (expected %s)", args[n], what)
		}
		return nil
	}
}

// stopSignals end a long command cleanly (temporary demo files removed, SMAA cancelled) whether
// the user presses Ctrl+C, closes the terminal or the system shuts down.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}
