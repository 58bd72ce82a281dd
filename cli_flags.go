package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"

	"ccselect/model"
)

// usageError is a mistake in the command line itself (unknown flag, bad flag value, missing or
// stray argument): run prints it to stderr and exits with status 2, where problems with data or
// files exit with 1. flags, when set, are the command's flags, listed after the message.
type usageError struct {
	msg   string
	flags *flag.FlagSet
}

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

// helpRequest is -h or --help: run prints the command's flags to stdout and exits with 0.
type helpRequest struct{ flags *flag.FlagSet }

func (h *helpRequest) Error() string { return "help requested" }

// newFlags makes a command's flag set. It prints nothing itself: parse errors and help come
// back as errors, and run writes them to the streams it was given.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(strings.TrimSpace("ccselect "+name), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseWithArgs parses flags that may stand before or after positional arguments
// (`import FILE --db X` and `import --db X FILE` both work) and returns the positionals.
func parseWithArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, &helpRequest{flags: fs}
			}
			return nil, &usageError{msg: err.Error(), flags: fs}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parse parses flags and rejects stray positional arguments.
func parse(fs *flag.FlagSet, args []string) error {
	pos, err := parseWithArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	return nil
}

// printFlags lists a command's flags, as the flag package would.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage of %s:\n", fs.Name())
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// langFlag adds --lang; resolveLang applies the default order: flag, LC_ALL, LC_MESSAGES, LANG, en.
func langFlag(fs *flag.FlagSet) *string {
	return fs.String("lang", "", "interface language: zh or en (default from LC_ALL/LANG)")
}

func resolveLang(flagValue string) (model.Lang, error) {
	if flagValue != "" {
		l, ok := model.ParseLang(flagValue)
		if !ok || (flagValue != "zh" && flagValue != "en") {
			return "", usagef("--lang must be zh or en, got %q", flagValue)
		}
		return l, nil
	}
	return model.LangFromEnv(os.Getenv), nil
}

// stopSignals end a long command cleanly (temporary demo files removed, SMAA cancelled) whether
// the user presses Ctrl+C, closes the terminal or the system shuts down.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}
