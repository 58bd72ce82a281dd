package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"ccselect/model"
)

// errUsage means the flag package already printed what was wrong.
var errUsage = errors.New("usage")

func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("ccselect "+name, flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	return fs
}

// parse parses flags that may stand before or after positional arguments
// (`import FILE --db X` and `import --db X FILE` both work) and returns the positionals.
func parseWithArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, errUsage
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
		return fmt.Errorf("unexpected argument %q (see ccselect help)", pos[0])
	}
	return nil
}

// langFlag adds --lang; resolveLang applies the default order: flag, LC_ALL, LC_MESSAGES, LANG, en.
func langFlag(fs *flag.FlagSet) *string {
	return fs.String("lang", "", "interface language: zh or en (default from LC_ALL/LANG)")
}

func resolveLang(flagValue string) (model.Lang, error) {
	if flagValue != "" {
		l, ok := model.ParseLang(flagValue)
		if !ok || (flagValue != "zh" && flagValue != "en") {
			return "", fmt.Errorf("--lang must be zh or en, got %q", flagValue)
		}
		return l, nil
	}
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(env); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "zh") {
				return model.LangZh, nil
			}
			return model.LangEn, nil
		}
	}
	return model.LangEn, nil
}
